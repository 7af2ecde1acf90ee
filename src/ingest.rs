//! Reading raw seed files safely: any bytes in, text or a clear warning out.

use crate::error::{Error, Result, Warning};
use std::path::{Path, PathBuf};

/// Seeds larger than this are skipped with a warning (split them first).
pub const MAX_SEED_BYTES: u64 = 8 * 1024 * 1024;

/// A decoded raw article.
#[derive(Debug, Clone)]
pub struct Seed {
    /// Path relative to the project root, with `/` separators (`seeds/000_x.txt`).
    pub rel: String,
    /// File name (`000_x.txt`), the key of `config.yaml`'s `seeds:`.
    pub file_name: String,
    /// Text with `\n` line endings.
    pub text: String,
}

/// Decode raw bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, or lossy UTF-8
/// with a warning. Line endings become `\n`. `Err` carries the reason to skip.
pub fn decode(bytes: &[u8]) -> std::result::Result<(String, Option<String>), String> {
    let (text, note) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        decode_utf8(rest)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (
            decode_utf16(rest, u16::from_le_bytes),
            Some("decoded as UTF-16 (little-endian BOM)".to_string()),
        )
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (
            decode_utf16(rest, u16::from_be_bytes),
            Some("decoded as UTF-16 (big-endian BOM)".to_string()),
        )
    } else {
        if looks_binary(bytes) {
            return Err("looks like a binary file, not text; skipped (remove it from seeds/ or convert it to text)".into());
        }
        decode_utf8(bytes)
    };
    let text = strip_controls_owned(normalised_owned(text));
    if text.trim().is_empty() {
        return Err(if bytes.is_empty() {
            "is empty; skipped (delete it or paste the article text into it)".into()
        } else {
            "holds only whitespace; skipped (delete it or paste the article text into it)".into()
        });
    }
    Ok((text, note))
}

fn decode_utf8(bytes: &[u8]) -> (String, Option<String>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "is not valid UTF-8 (first bad byte on line {line}); decoded lossily, bad bytes shown as \u{fffd} (re-save the file as UTF-8 to fix)"
                )),
            )
        }
    }
}

fn decode_utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{fffd}'))
        .collect()
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 10 > sample.len().max(1)
}

/// Control characters other than tab and newline are dropped (they are not
/// text, and they make XML invalid).
pub fn strip_controls(s: &str) -> String {
    strip_controls_owned(s.to_string())
}

/// [`strip_controls`] of a text of our own (returned as it is, with none).
fn strip_controls_owned(s: String) -> String {
    if !has_controls(&s) {
        return s;
    }
    s.chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Has `s` a control character other than tab and newline? Read as bytes:
/// the control characters are U+0000–U+001F and U+007F (one byte each) and
/// U+0080–U+009F (`C2 80`–`C2 9F`).
fn has_controls(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| {
        (x < 0x20 && x != b'\n' && x != b'\t')
            || x == 0x7f
            || (x == 0xc2 && b.get(i + 1).is_some_and(|y| (0x80..=0x9f).contains(y)))
    })
}

/// `\r\n` and lone `\r` become `\n`.
pub fn normalise_newlines(s: &str) -> String {
    normalised_owned(s.to_string())
}

/// [`normalise_newlines`] of a text of our own (returned as it is, with none).
fn normalised_owned(s: String) -> String {
    if !s.contains('\r') {
        return s;
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Every seed under `root/seeds`, sorted by path; problems become warnings.
pub fn read_seeds(root: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<Seed>> {
    let dir = root.join("seeds");
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                warnings.push(Warning {
                    kind: "unreadable input",
                    file: e.path().map(|p| rel_path(root, p)),
                    message: format!("cannot be read ({e}); skipped"),
                });
                continue;
            }
        };
        let p = entry.path();
        if entry.path_is_symlink() {
            warnings.push(Warning {
                kind: "unsafe input",
                file: Some(rel_path(root, p)),
                message: "is a symbolic link; skipped (copy the real file into seeds/ instead)"
                    .into(),
            });
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if !(name.ends_with(".txt") || name.ends_with(".text")) {
            warnings.push(Warning {
                kind: "ignored file",
                file: Some(rel_path(root, p)),
                message: "is not a .txt file; ignored (raw articles are plain-text .txt files)"
                    .into(),
            });
            continue;
        }
        // the path names the article (`seed:` in its content file); one that
        // is not UTF-8 would lose bytes in that name, and two such files
        // could then take the same one
        let under = p.strip_prefix(root).unwrap_or(p);
        if under.to_str().is_none() {
            // the name as written, its bad bytes as `\xFE` escapes (each
            // file its own warning)
            let escaped = format!("{:?}", under.as_os_str());
            warnings.push(Warning {
                kind: "unsafe input",
                file: Some(escaped.trim_matches('"').to_string()),
                message: "has a name that is not valid UTF-8; skipped (rename it, e.g. with letters, digits and dashes)".into(),
            });
            continue;
        }
        paths.push(p.to_path_buf());
    }
    // read and decode in parallel; results and warnings kept in file order
    use rayon::prelude::*;
    let read: Vec<Result<(Option<Seed>, Option<Warning>)>> = paths
        .par_iter()
        .map(|p| {
            let rel = rel_path(root, p);
            let meta =
                std::fs::metadata(p).map_err(|e| Error::io(p, "cannot read the seed", e))?;
            if meta.len() > MAX_SEED_BYTES {
                return Ok((
                    None,
                    Some(Warning {
                        kind: "skipped seed",
                        file: Some(rel),
                        message: format!(
                            "is {} MB, over the {} MB limit for one article; skipped (split it into one file per article)",
                            meta.len() / (1024 * 1024),
                            MAX_SEED_BYTES / (1024 * 1024)
                        ),
                    }),
                ));
            }
            let bytes = std::fs::read(p).map_err(|e| Error::io(p, "cannot read the seed", e))?;
            Ok(match decode(&bytes) {
                Ok((text, note)) => {
                    let warning = note.map(|note| Warning {
                        kind: "encoding",
                        file: Some(rel.clone()),
                        message: note,
                    });
                    let file_name = p
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    (
                        Some(Seed {
                            rel,
                            file_name,
                            text,
                        }),
                        warning,
                    )
                }
                Err(why) => (
                    None,
                    Some(Warning {
                        kind: "skipped seed",
                        file: Some(rel),
                        message: why,
                    }),
                ),
            })
        })
        .collect();
    let mut seeds = Vec::with_capacity(paths.len());
    for r in read {
        let (seed, warning) = r?;
        warnings.extend(warning);
        seeds.extend(seed);
    }
    Ok(seeds)
}

/// `path` relative to `root`, with `/` separators, lossless enough for messages and ids.
pub fn rel_path(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Threads for reading files: more requests in flight than cores, since
/// reading thousands of small files from a cold cache waits on the disk,
/// not the CPU (about four times faster than one thread per core here).
const IO_THREADS: usize = 16;

/// Run `f` (which reads files with rayon) on a pool sized for I/O. The pool
/// is made on first use and kept for the process (`serve` builds again and
/// again): its threads sleep between builds.
pub fn io_parallel<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(IO_THREADS)
            .thread_name(|i| format!("dossier-io-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(f),
        None => f(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte scan finds a control character exactly where one is
        /// (any text, control characters of both ranges included).
        #[test]
        fn controls_are_found_by_their_bytes(
            s in r"([\x00-\x7f]|[\x{80}-\x{a0}]|[\x{100}-\x{2fff}]|\PC){0,24}"
        ) {
            let by_chars = s.chars().any(|c| c.is_control() && c != '\n' && c != '\t');
            proptest::prop_assert_eq!(has_controls(&s), by_chars);
            proptest::prop_assert_eq!(strip_controls_owned(s.clone()), strip_controls(&s));
        }
    }

    #[test]
    fn decodes_every_encoding() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFhello\r\nworld\rx").unwrap().0,
            "hello\nworld\nx"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        let (t, note) = decode(&utf16).unwrap();
        assert_eq!(t, "Hé\n");
        assert!(note.unwrap().contains("UTF-16"));
        let (t, note) = decode(b"caf\xe9 ok\n").unwrap();
        assert_eq!(t, "caf\u{fffd} ok\n");
        assert!(note.unwrap().contains("line 1"));
    }

    #[test]
    fn control_characters_are_dropped() {
        let text = b"A\x0b title for the story\x01\n\tThe body of the story goes on here\x1b[0m for a while.\n";
        assert_eq!(
            decode(text).unwrap().0,
            "A title for the story\n\tThe body of the story goes on here[0m for a while.\n"
        );
    }

    #[test]
    fn refuses_empty_blank_and_binary() {
        assert!(decode(b"").unwrap_err().contains("empty"));
        assert!(decode(b"  \n\t\n").unwrap_err().contains("whitespace"));
        assert!(decode(b"\x7fELF\x02\x01\x01\x00\x00\x00")
            .unwrap_err()
            .contains("binary"));
    }
}
