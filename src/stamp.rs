//! What a build leaves for the next one to skip work: the files it
//! published, and the "nothing changed" fast path.
//!
//! After every publish, the `published` record lists each file of the
//! output folder with its size, times, inode and the hash of its bytes. A
//! file of the previous site still as recorded need not be read to be
//! compared with a page of the new one (see `publish::Staging::with_known`).
//! The record also lists the folders, and the record of the site before is
//! kept: that site is the folder the next build recycles, and while its
//! folders are as recorded, the list of its files tells what to delete
//! without walking it (see `publish::Staging::with_listing`).
//!
//! After a build, a stamp in the build cache records what the build read
//! (every file under `seeds/`, `content/` and `templates/`, and
//! `config.yaml`: its size, times and inode), the options, and the build's
//! summary and warnings. A later build that finds its inputs and options
//! as the stamp records them, and the output folder as the `published`
//! record lists it, would make the same site: it publishes nothing and
//! reports the recorded result.
//!
//! A stamp is only written when nothing changed under the inputs while the
//! build ran (the input scans before and after it are equal): a build that
//! wrote content files, or during which a person saved one, leaves no stamp,
//! and the next build is a full one. Any difference (a touched file, a
//! deleted page, another `--base-url`, another build of `dossier`) means a
//! full build; the stamp can make a build faster, never different.

use crate::cache::{Cache, Key, Table};
use crate::error::Warning;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One file as the file system describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    rel: String,
    symlink: bool,
    len: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
}

/// Every file under `base`'s `parts` (folders walked whole, files taken as
/// they are), sorted by path; `None` if any of it cannot be read (then no
/// stamp can vouch for it).
fn scan(base: &Path, parts: &[&str]) -> Option<Vec<Entry>> {
    scan_tree(base, parts, false).map(|(files, _)| files)
}

/// [`scan`], and with `dirs` also every folder walked (`base` itself as
/// the empty path), sorted by path.
fn scan_tree(base: &Path, parts: &[&str], dirs: bool) -> Option<(Vec<Entry>, Vec<Entry>)> {
    use rayon::prelude::*;
    // the parts are walked side by side (seeds/ and content/ are the big
    // ones); a whole folder ("") is walked by its entries
    let mut split: Vec<String> = Vec::new();
    let mut folders = Vec::new();
    for part in parts {
        match (part.is_empty(), std::fs::read_dir(base)) {
            (true, Ok(entries)) => {
                if dirs {
                    folders.push(entry(String::new(), false, &std::fs::metadata(base).ok()?));
                }
                for e in entries {
                    split.push(e.ok()?.file_name().into_string().ok()?);
                }
            }
            _ => split.push(part.to_string()),
        }
    }
    let walked: Vec<Option<(Vec<Entry>, Vec<Entry>)>> = split
        .par_iter()
        .map(|part| scan_part(base, part, dirs))
        .collect();
    let mut files = Vec::new();
    for part in walked {
        let (f, d) = part?;
        files.extend(f);
        folders.extend(d);
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    folders.sort_by(|a, b| a.rel.cmp(&b.rel));
    Some((files, folders))
}

/// The files under `base/part` (`part` empty: `base` itself), and with
/// `dirs` the folders.
fn scan_part(base: &Path, part: &str, dirs: bool) -> Option<(Vec<Entry>, Vec<Entry>)> {
    let mut out = Vec::new();
    let mut folders = Vec::new();
    let top = if part.is_empty() {
        base.to_path_buf()
    } else {
        base.join(part)
    };
    if std::fs::symlink_metadata(&top).is_err() {
        // absent: an absent input is part of the record too
        return Some((out, folders));
    }
    // a part that is a link is recorded as the link, as inside a folder
    let walk = walkdir::WalkDir::new(&top)
        .follow_links(false)
        .follow_root_links(false);
    for e in walk {
        let e = e.ok()?;
        let is_dir = e.file_type().is_dir();
        if is_dir && !dirs {
            continue;
        }
        let m = e.metadata().ok()?;
        let rel = e.path().strip_prefix(base).ok()?.to_str()?.to_string();
        if is_dir {
            folders.push(entry(rel, false, &m));
        } else {
            out.push(entry(rel, e.file_type().is_symlink(), &m));
        }
    }
    Some((out, folders))
}

#[cfg(unix)]
fn entry(rel: String, symlink: bool, m: &std::fs::Metadata) -> Entry {
    use std::os::unix::fs::MetadataExt;
    Entry {
        rel,
        symlink,
        len: m.len(),
        mtime: (m.mtime(), m.mtime_nsec()),
        ctime: (m.ctime(), m.ctime_nsec()),
        ino: m.ino(),
    }
}

#[cfg(not(unix))]
fn entry(rel: String, symlink: bool, m: &std::fs::Metadata) -> Entry {
    let t = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| (d.as_secs() as i64, i64::from(d.subsec_nanos())))
        .unwrap_or((0, 0));
    Entry {
        rel,
        symlink,
        len: m.len(),
        mtime: t,
        ctime: (0, 0),
        ino: 0,
    }
}

/// What a build reads from the project folder.
pub fn scan_inputs(root: &Path) -> Option<Vec<Entry>> {
    scan(root, &["config.yaml", "seeds", "content", "templates"])
}

/// The build options that change the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub out: PathBuf,
    pub base_url: Option<String>,
}

/// What a build reported, to report again when nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub articles: usize,
    pub pages: usize,
    pub actors: usize,
    pub sources: usize,
    pub events: usize,
    /// (kind, file, message)
    pub warnings: Vec<(String, Option<String>, String)>,
}

impl Entry {
    /// The file (or folder) at `rel` as `m`, its metadata not following a
    /// link, describes it.
    pub fn of(rel: String, m: &std::fs::Metadata) -> Entry {
        entry(rel, m.file_type().is_symlink(), m)
    }

    /// The path, relative to the folder it was found in.
    pub fn rel(&self) -> &str {
        &self.rel
    }

    /// The size in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// An empty file?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Is the file at `path` (`rel` in its folder) still as `was` records it?
/// If so, the metadata that showed it.
pub fn still(was: &Entry, rel: &str, path: &Path) -> Option<std::fs::Metadata> {
    std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file() && entry(rel.to_string(), false, m) == *was)
}

/// The previous build's published files: path → (as recorded, xxh3-64 of
/// the bytes).
pub type Known = std::collections::HashMap<String, (Entry, u64)>;

const PUBLISHED: &str = "published";
/// the record of the site before: the folder a build recycles
const RECYCLED: &str = "recycled";

/// What a build recorded of a site it published.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Published {
    /// the output folder
    at: PathBuf,
    /// every file, with the xxh3-64 of its bytes, sorted by path
    files: Vec<(Entry, u64)>,
    /// every folder (the output folder itself as the empty path)
    dirs: Vec<Entry>,
}

/// What the last build recorded of the files it published (empty if
/// nothing was recorded for `out`).
pub fn published(cache: &Cache, out: &Path) -> Known {
    published_files(cache, out)
        .unwrap_or_default()
        .into_iter()
        .map(|(e, h)| (e.rel.clone(), (e, h)))
        .collect()
}

/// The files the last build published to `out`, sorted by path, if it
/// recorded them.
fn published_files(cache: &Cache, out: &Path) -> Option<Vec<(Entry, u64)>> {
    let p = cache.table(PUBLISHED).get::<Published>(key(PUBLISHED))?;
    (p.at == out).then_some(p.files)
}

/// The files of the site before the last one (published to `out`, then
/// replaced and kept), now in `folder`, if the record of them still holds:
/// every folder of it is as recorded (same inode, and same modification
/// time, which any file or folder added, removed or renamed in it
/// changes). Then the list is every file in `folder`, and it need not be
/// walked to find those the new site does not have.
pub fn recycled_files(cache: &Cache, out: &Path, folder: &Path) -> Option<Vec<String>> {
    use rayon::prelude::*;
    if !cfg!(unix) {
        return None; // no inodes or change times to tell a folder by
    }
    let p = cache.table(PUBLISHED).get::<Published>(key(RECYCLED))?;
    if p.at != out || p.dirs.first().is_none_or(|d| !d.rel.is_empty()) {
        return None;
    }
    let holds = p.dirs.par_iter().all(|was| {
        let path = if was.rel.is_empty() {
            folder.to_path_buf()
        } else {
            folder.join(&was.rel)
        };
        std::fs::symlink_metadata(&path).is_ok_and(|m| {
            let now = entry(String::new(), false, &m);
            // the folder itself was renamed since (its change time moved)
            m.is_dir()
                && now.ino == was.ino
                && now.mtime == was.mtime
                && (was.rel.is_empty() || now.ctime == was.ctime)
        })
    });
    holds.then(|| p.files.into_iter().map(|(e, _)| e.rel).collect())
}

/// After a publish to `out`: record its files, each with the hash `sums`
/// gives it (a file without one, or of another length, is left out, and
/// the folder then never counts as unchanged), and its folders. `placed`,
/// when given, is every file of the folder as described once in place
/// (`publish::Staging::placed`): then only the folders are looked at, not
/// walked. The record of the site it replaced is kept as the record of the
/// folder the next build recycles. Returns a warning text when the cache
/// cannot be written.
pub fn record_published(
    cache: &Cache,
    out: &Path,
    sums: &std::collections::HashMap<String, (u64, u64)>,
    placed: Option<Vec<(Entry, u64)>>,
) -> Option<String> {
    let table = cache.table(PUBLISHED);
    let now = placed
        .and_then(|files| described(out, files))
        .unwrap_or_else(|| walked(out, sums));
    let before = table.copy(key(PUBLISHED));
    let records = [(key(PUBLISHED), Table::encode(&now))]
        .into_iter()
        .chain(before.map(|r| (key(RECYCLED), r)));
    table.save(records)
}

/// The record of `out` found by walking it.
fn walked(out: &Path, sums: &std::collections::HashMap<String, (u64, u64)>) -> Published {
    let (found, mut dirs) = scan_tree(out, &[""], true).unwrap_or_default();
    let all = found.len();
    let files: Vec<(Entry, u64)> = found
        .into_iter()
        .filter_map(|e| {
            let &(len, hash) = sums.get(&e.rel)?;
            (len == e.len && !e.symlink).then_some((e, hash))
        })
        .collect();
    if files.len() != all {
        dirs.clear(); // the list is not the folder's whole: never trusted
    }
    Published {
        at: out.to_path_buf(),
        files,
        dirs,
    }
}

/// The record of `out` when its files are known (sorted by path): its
/// folders are those holding them (a published folder holds no empty one),
/// each described as it is now. `None` if one cannot be.
fn described(out: &Path, files: Vec<(Entry, u64)>) -> Option<Published> {
    use rayon::prelude::*;
    let mut rels: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (e, _) in &files {
        for dir in crate::publish::parent_folders(&e.rel) {
            if !rels.insert(dir) {
                break; // and so are its parents
            }
        }
    }
    let top = entry(String::new(), false, &std::fs::metadata(out).ok()?);
    let below: Option<Vec<Entry>> = rels
        .par_iter()
        .map(|rel| {
            let m = std::fs::symlink_metadata(out.join(rel)).ok()?;
            m.is_dir().then(|| entry(rel.to_string(), false, &m))
        })
        .collect();
    let mut dirs = vec![top];
    dirs.extend(below?);
    Some(Published {
        at: out.to_path_buf(),
        files,
        dirs,
    })
}

impl Summary {
    /// The recorded warnings, as warnings again.
    pub fn warnings(&self) -> Vec<Warning> {
        self.warnings
            .iter()
            .map(|(kind, file, message)| Warning {
                kind: intern(kind),
                file: file.clone(),
                message: message.clone(),
            })
            .collect()
    }
}

/// A warning kind read back from a stamp, as the `'static` name
/// [`Warning`] holds (each distinct name is kept once per process).
fn intern(kind: &str) -> &'static str {
    static KINDS: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut kinds = KINDS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(k) = kinds.iter().find(|k| **k == kind) {
        return k;
    }
    let k: &'static str = Box::leak(kind.to_string().into_boxed_str());
    kinds.push(k);
    k
}

#[derive(Debug, Serialize, Deserialize)]
struct Stamp {
    options: Options,
    inputs: Vec<Entry>,
    summary: Summary,
}

const TABLE: &str = "stamp";

fn key(table: &str) -> u128 {
    Key::new(table).finish()
}

/// The recorded summary, if `inputs` (scanned before anything else was
/// read), `options` and the output folder are exactly as the last build
/// recorded them (the folder: as [`record_published`] recorded it).
pub fn unchanged(cache: &Cache, inputs: &[Entry], options: &Options) -> Option<Summary> {
    let stamp: Stamp = cache.table(TABLE).get(key(TABLE))?;
    if stamp.options != *options || stamp.inputs != inputs {
        return None;
    }
    let recorded = published_files(cache, &options.out)?;
    let now = scan(&options.out, &[""])?;
    let same = now.len() == recorded.len() && now.iter().zip(&recorded).all(|(a, (b, _))| a == b);
    same.then_some(stamp.summary)
}

/// After a build (and [`record_published`]): record it if its inputs are
/// still those scanned before it (`before`), else drop the last record.
/// Returns a warning text when the cache cannot be written.
pub fn record(
    cache: &Cache,
    root: &Path,
    before: Option<Vec<Entry>>,
    options: Options,
    summary: Summary,
) -> Option<String> {
    let table = cache.table(TABLE);
    let stamp = before
        .filter(|inputs| scan_inputs(root).as_ref() == Some(inputs))
        .map(|inputs| Stamp {
            options,
            inputs,
            summary,
        });
    match stamp {
        Some(s) => table.save([(key(TABLE), Table::encode(&s))]),
        None => table.save([]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Overwrite the start of `path` in place with `bytes`, then put its
    /// modification time back (as a tool that preserves times would).
    fn rewrite_keeping_mtime(path: &Path, bytes: &[u8]) {
        let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        let f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        std::io::Write::write_all(&mut &f, bytes).unwrap();
        f.set_modified(mtime).unwrap();
        drop(f);
        assert_eq!(std::fs::metadata(path).unwrap().modified().unwrap(), mtime);
    }

    #[test]
    fn scan_sees_every_change() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("seeds/sub")).unwrap();
        std::fs::write(root.join("seeds/a.txt"), "one").unwrap();
        std::fs::write(root.join("seeds/sub/b.txt"), "two").unwrap();
        let first = scan_inputs(root).unwrap();
        let rels: Vec<&str> = first.iter().map(|e| e.rel.as_str()).collect();
        assert_eq!(rels, ["seeds/a.txt", "seeds/sub/b.txt"]);
        assert_eq!(scan_inputs(root).unwrap(), first, "stable when untouched");

        // same length, new bytes, the modification time put back
        let seed = root.join("seeds/a.txt");
        rewrite_keeping_mtime(&seed, b"uno");
        let second = scan_inputs(root).unwrap();
        if cfg!(unix) {
            assert_ne!(second, first, "the change time tells");
        }
        // and saved anew
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&seed, "one").unwrap();
        let second = scan_inputs(root).unwrap();
        assert_ne!(second, first);
        // a new config file
        std::fs::write(root.join("config.yaml"), "title: x\n").unwrap();
        let third = scan_inputs(root).unwrap();
        assert_ne!(third, second);
        assert!(third.iter().any(|e| e.rel == "config.yaml"));
        // a removed seed
        std::fs::remove_file(root.join("seeds/sub/b.txt")).unwrap();
        assert_ne!(scan_inputs(root).unwrap(), third);
    }

    #[test]
    fn a_record_holds_only_while_everything_is_as_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let out = root.join("public");
        std::fs::create_dir_all(root.join("seeds")).unwrap();
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(root.join("seeds/a.txt"), "one").unwrap();
        std::fs::write(out.join("a/index.html"), "page").unwrap();
        let cache = Cache::at(root);
        let options = Options {
            out: out.clone(),
            base_url: None,
        };
        let summary = Summary {
            articles: 1,
            pages: 1,
            actors: 0,
            sources: 0,
            events: 0,
            warnings: vec![("no date".into(), Some("seeds/a.txt".into()), "m".into())],
        };
        let before = scan_inputs(root);
        let sums = [("a/index.html".to_string(), (4, 1))].into_iter().collect();
        assert!(record_published(&cache, &out, &sums, None).is_none());
        assert!(record(&cache, root, before, options.clone(), summary.clone()).is_none());
        let now = scan_inputs(root).unwrap();
        let got = unchanged(&cache, &now, &options).expect("nothing changed");
        assert_eq!(got, summary);
        assert_eq!(got.warnings()[0].kind, "no date");

        // another option
        let other = Options {
            base_url: Some("https://example.org/".into()),
            ..options.clone()
        };
        assert!(unchanged(&cache, &now, &other).is_none());
        // a page edited in the output folder
        std::fs::write(out.join("a/index.html"), "edited").unwrap();
        assert!(unchanged(&cache, &now, &options).is_none());

        // inputs that changed while the build ran: the record is dropped
        let before = scan_inputs(root);
        std::fs::write(root.join("seeds/b.txt"), "two").unwrap();
        assert!(record(&cache, root, before, options.clone(), summary).is_none());
        let now = scan_inputs(root).unwrap();
        assert!(unchanged(&cache, &now, &options).is_none());
        // a cache that is off keeps nothing
        let off = Cache::off();
        assert!(unchanged(&off, &now, &options).is_none());
    }

    #[test]
    fn a_recycled_folder_is_listed_only_while_as_recorded() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let prev = dir.path().join(".public.prev");
        let cache = Cache::at(dir.path());
        let site = |files: &[&str]| {
            for f in files {
                let p = out.join(f);
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(p, "x").unwrap();
            }
            files
                .iter()
                .map(|f| (f.to_string(), (1, 7)))
                .collect::<std::collections::HashMap<_, _>>()
        };
        let sums = site(&["a/index.html", "b/c/index.html", "index.html"]);
        assert!(record_published(&cache, &out, &sums, None).is_none());
        // no site before this one: nothing to list
        assert!(recycled_files(&cache, &out, &out).is_none());
        // the next build replaces it, keeping it beside the new one
        std::fs::rename(&out, &prev).unwrap();
        let sums = site(&["a/index.html", "index.html"]);
        assert!(record_published(&cache, &out, &sums, None).is_none());
        // and the build after recycles it (renamed again)
        let tmp = dir.path().join(".public.tmp-1");
        std::fs::rename(&prev, &tmp).unwrap();
        let listed = recycled_files(&cache, &out, &tmp);
        if !cfg!(unix) {
            assert!(listed.is_none());
            return;
        }
        assert_eq!(
            listed.unwrap(),
            ["a/index.html", "b/c/index.html", "index.html"]
        );
        // recorded for another output folder: not this one's
        assert!(recycled_files(&cache, &dir.path().join("elsewhere"), &tmp).is_none());
        // a file added anywhere in it: not listed, so no list
        std::fs::write(tmp.join("b/c/stray.html"), "x").unwrap();
        assert!(recycled_files(&cache, &out, &tmp).is_none());
        std::fs::remove_file(tmp.join("b/c/stray.html")).unwrap();
        // removing it again still moved the folder's times
        assert!(recycled_files(&cache, &out, &tmp).is_none());
    }

    #[test]
    fn a_site_described_as_placed_is_the_site_walked() {
        use crate::render::PageSink;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // (path, bytes) of three builds: written, linked when unchanged,
        // streamed, dropped, a folder that goes and one that comes
        let builds: [&[(&str, &str)]; 3] = [
            &[
                ("index.html", "1"),
                ("a/index.html", "a"),
                ("b/c/index.html", "b"),
            ],
            &[
                ("index.html", "2"),
                ("a/index.html", "a"),
                ("d/index.html", "d"),
            ],
            &[
                ("index.html", "2"),
                ("a/index.html", "a2"),
                ("d/e/f.html", "f"),
            ],
        ];
        for (n, files) in builds.iter().enumerate() {
            let s = crate::publish::Staging::begin(&out).unwrap();
            for (rel, text) in files.iter() {
                s.write(rel, text.as_bytes()).unwrap();
            }
            let mut json = |w: &mut dyn std::io::Write| -> crate::error::Result<()> {
                w.write_all(b"{}").unwrap();
                Ok(())
            };
            s.put_with("data/dossier.json".into(), &mut json).unwrap();
            let sums = s.sums();
            let placed = s.placed().expect("every file described");
            assert_eq!(placed.len(), files.len() + 1);
            s.commit().unwrap();
            let described = described(&out, placed).unwrap();
            let walked = walked(&out, &sums);
            assert_eq!(described, walked, "build {n}");
            assert!(!walked.dirs.is_empty(), "build {n}: a whole list");
        }
        // a path put twice: not described, so walked
        let s = crate::publish::Staging::begin(&out).unwrap();
        s.write("index.html", b"1").unwrap();
        s.write("index.html", b"2").unwrap();
        assert!(s.placed().is_none());
    }

    #[test]
    fn published_files_are_known_while_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("a")).unwrap();
        std::fs::write(out.join("a/index.html"), "page").unwrap();
        std::fs::write(out.join("b.css"), "css").unwrap();
        let cache = Cache::at(dir.path());
        let sums = [
            ("a/index.html".to_string(), (4, 11)),
            ("b.css".into(), (99, 12)),
        ]
        .into_iter()
        .collect();
        let warning = record_published(&cache, &out, &sums, None);
        assert!(warning.is_none());
        assert_eq!(scan(&out, &[""]).unwrap().len(), 2);
        let known = published(&cache, &out);
        // b.css's recorded length is not its own: left out
        assert_eq!(known.keys().collect::<Vec<_>>(), ["a/index.html"]);
        let (was, hash) = &known["a/index.html"];
        assert_eq!(*hash, 11);
        assert!(still(was, "a/index.html", &out.join("a/index.html")).is_some());
        // another folder: nothing known
        assert!(published(&cache, &dir.path().join("elsewhere")).is_empty());
        // rewritten in place, same length, its modification time put
        // back: the change time still tells
        let page = out.join("a/index.html");
        rewrite_keeping_mtime(&page, b"PAGE");
        if cfg!(unix) {
            assert!(still(was, "a/index.html", &page).is_none());
        }
    }
}
