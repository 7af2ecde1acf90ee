//! Publish a render map atomically: write everything into a temporary folder
//! beside the output folder, then swap the two in one step
//! (`renameat2(RENAME_EXCHANGE)` on Linux; two renames elsewhere) and delete
//! the old one. A crash or kill at any point leaves the previous site intact.
//! Files whose bytes did not change are hard-linked from the previous site
//! instead of written again.

use crate::error::{Error, Result};
use crate::render::RenderMap;
use std::path::{Component, Path, PathBuf};

/// What a publish did.
#[derive(Debug, Default, Clone, Copy)]
pub struct PublishStats {
    pub files: usize,
    pub written: usize,
    pub reused: usize,
}

/// Is `rel` a safe relative path inside the output folder?
pub fn safe_rel(rel: &str) -> bool {
    let p = Path::new(rel);
    !rel.is_empty()
        && !rel.contains('\\')
        && !rel.contains('\0')
        && p.components().all(|c| matches!(c, Component::Normal(_)))
        && rel
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
        && rel
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.'))
}

/// The folder holding `out` (`.` for a bare name).
fn parent_of(out: &Path) -> &Path {
    match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn sibling(out: &Path, tag: &str) -> Result<PathBuf> {
    let name = out.file_name().ok_or_else(|| {
        Error::refused(
            format!("cannot publish to {}", out.display()),
            "pass --out a folder name such as `public`",
        )
    })?;
    let parent = parent_of(out);
    Ok(parent.join(format!(".{}.{tag}", name.to_string_lossy())))
}

/// Refuse to replace a folder that `dossier` did not make.
fn check_replaceable(out: &Path) -> Result<()> {
    let Ok(mut entries) = std::fs::read_dir(out) else {
        return Ok(());
    };
    let empty = entries.next().is_none();
    if empty || out.join("data").join("dossier.json").is_file() {
        return Ok(());
    }
    Err(Error::refused(
        format!(
            "{} exists and does not look like a site built by dossier (no data/dossier.json)",
            out.display()
        ),
        "choose another --out folder, or empty this one yourself if it may be replaced",
    ))
}

/// Write `files` to `out`, atomically replacing what was there.
pub fn publish(out: &Path, files: &RenderMap) -> Result<PublishStats> {
    let staging = Staging::begin(out)?;
    for (rel, bytes) in files {
        staging.write(rel, bytes)?;
    }
    staging.commit()
}

/// A new site being written beside `out` (in `.NAME.tmp-PID`), file by
/// file from any thread, then swapped in by [`Staging::commit`]. Dropped
/// without a commit (an error, a panic), it deletes itself and `out` is
/// untouched.
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    files: std::sync::atomic::AtomicUsize,
    written: std::sync::atomic::AtomicUsize,
    reused: std::sync::atomic::AtomicUsize,
    html: std::sync::atomic::AtomicUsize,
    committed: bool,
}

impl Staging {
    /// Check that `out` may be replaced and create the temporary folder.
    pub fn begin(out: &Path) -> Result<Staging> {
        check_replaceable(out)?;
        let tmp = sibling(out, &format!("tmp-{}", std::process::id()))?;
        // leftovers of an earlier killed build are ours by name: clear them
        clear_leftovers(out)?;
        std::fs::create_dir_all(&tmp)
            .map_err(|e| Error::io(&tmp, "cannot create the temporary output folder", e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            made: Default::default(),
            files: Default::default(),
            written: Default::default(),
            reused: Default::default(),
            html: Default::default(),
            committed: false,
        })
    }

    /// Write one file; one whose bytes equal the previous site's copy is
    /// hard-linked from it instead.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let dest = self.dest(rel)?;
        self.files.fetch_add(1, Relaxed);
        if rel.ends_with(".html") {
            self.html.fetch_add(1, Relaxed);
        }
        let old = self.out.join(rel);
        if same_bytes(&old, bytes) && std::fs::hard_link(&old, &dest).is_ok() {
            self.reused.fetch_add(1, Relaxed);
            return Ok(());
        }
        std::fs::write(&dest, bytes).map_err(|e| Error::io(&dest, "cannot write", e))?;
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }

    /// Where `rel` goes in the new site (its folder made); refuses a path
    /// that is not a plain one inside the output folder.
    fn dest(&self, rel: &str) -> Result<PathBuf> {
        if !safe_rel(rel) {
            return Err(Error::refused(
                format!("refusing to write `{rel}`: not a plain path inside the output folder"),
                "this is a bug in a template or an id; please report it",
            ));
        }
        let dest = self.tmp.join(rel);
        if let Some(dir) = dest.parent() {
            let new = self
                .made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(dir.to_path_buf());
            if new {
                std::fs::create_dir_all(dir)
                    .map_err(|e| Error::io(dir, "cannot create a folder", e))?;
            }
        }
        Ok(dest)
    }

    /// How many HTML pages were written so far.
    pub fn html_pages(&self) -> usize {
        self.html.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Swap the new site in place of the old one.
    pub fn commit(mut self) -> Result<PublishStats> {
        use std::sync::atomic::Ordering::Relaxed;
        swap_in(&self.tmp, &self.out)?;
        self.committed = true;
        Ok(PublishStats {
            files: self.files.load(Relaxed),
            written: self.written.load(Relaxed),
            reused: self.reused.load(Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.tmp);
        }
    }
}

impl crate::render::PageSink for Staging {
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<()> {
        self.write(&rel, &bytes)
    }

    /// Streamed straight into the new site (never hard-linked: its bytes are
    /// not known before it is written).
    fn put_with(
        &self,
        rel: String,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        use std::io::Write;
        use std::sync::atomic::Ordering::Relaxed;
        let dest = self.dest(&rel)?;
        let file = std::fs::File::create(&dest).map_err(|e| Error::io(&dest, "cannot write", e))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut w)?;
        w.flush().map_err(|e| Error::io(&dest, "cannot write", e))?;
        self.files.fetch_add(1, Relaxed);
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            std::fs::read(path).map(|b| b == bytes).unwrap_or(false)
        }
        _ => false,
    }
}

fn clear_leftovers(out: &Path) -> Result<()> {
    let Some(name) = out.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    let parent = parent_of(out);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let prefix_tmp = format!(".{name}.tmp-");
    let prefix_old = format!(".{name}.old-");
    for e in entries.flatten() {
        let n = e.file_name().to_string_lossy().into_owned();
        if n.starts_with(&prefix_tmp) || n.starts_with(&prefix_old) {
            let p = e.path();
            if e.file_type()
                .map(|t| t.is_dir() && !t.is_symlink())
                .unwrap_or(false)
            {
                let _ = std::fs::remove_dir_all(&p);
            }
        }
    }
    Ok(())
}

/// Put `tmp` in place of `out`; `out` may not exist yet.
fn swap_in(tmp: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        return std::fs::rename(tmp, out)
            .map_err(|e| Error::io(out, "cannot move the new site into place", e));
    }
    if exchange(tmp, out) {
        // tmp now holds the previous site
        let _ = std::fs::remove_dir_all(tmp);
        return Ok(());
    }
    let old = sibling(out, &format!("old-{}", std::process::id()))?;
    std::fs::rename(out, &old)
        .map_err(|e| Error::io(out, "cannot move the previous site aside", e))?;
    if let Err(e) = std::fs::rename(tmp, out) {
        let _ = std::fs::rename(&old, out);
        return Err(Error::io(out, "cannot move the new site into place", e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let (Ok(ca), Ok(cb)) = (
        CString::new(a.as_os_str().as_bytes()),
        CString::new(b.as_os_str().as_bytes()),
    ) else {
        return false;
    };
    // SAFETY: both pointers are valid NUL-terminated strings for the duration of the call.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    r == 0
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rel_paths_are_checked() {
        for ok in [
            "index.html",
            "actors/jane-novak/index.html",
            "assets/style.css",
            "data/dossier.json",
        ] {
            assert!(safe_rel(ok), "{ok}");
        }
        for bad in [
            "",
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a\\b",
            "a/./b",
            "a b",
        ] {
            assert!(!safe_rel(bad), "{bad}");
        }
    }

    #[test]
    fn publish_replaces_and_reuses() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let mut m = RenderMap::new();
        m.insert("index.html".into(), b"one".to_vec());
        m.insert("data/dossier.json".into(), b"{}".to_vec());
        let s = publish(&out, &m).unwrap();
        assert_eq!((s.written, s.reused), (2, 0));
        m.insert("index.html".into(), b"two".to_vec());
        let s = publish(&out, &m).unwrap();
        assert_eq!((s.written, s.reused), (1, 1));
        assert_eq!(std::fs::read(out.join("index.html")).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("public")],
            "no temporary folders left"
        );
    }

    #[test]
    fn refuses_foreign_folder_and_bad_paths() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("precious.txt"), "x").unwrap();
        let mut m = RenderMap::new();
        m.insert("index.html".into(), b"x".to_vec());
        assert!(publish(dir.path(), &m)
            .unwrap_err()
            .to_string()
            .contains("does not look like a site"));
        assert!(dir.path().join("precious.txt").exists());
        let out = dir.path().join("public");
        m.insert("../escape.html".into(), b"x".to_vec());
        assert!(publish(&out, &m).is_err());
        assert!(!dir.path().join("escape.html").exists());
    }
}
