//! Publish a render map atomically: write everything into a temporary folder
//! beside the output folder, then swap the two in one step
//! (`renameat2(RENAME_EXCHANGE)` on Linux; two renames elsewhere). A crash
//! or kill at any point leaves the previous site intact. Files whose bytes
//! did not change are hard-linked from the previous site instead of written
//! again.
//!
//! The site the swap replaced is kept beside the output folder as
//! `.NAME.prev` and becomes the next build's temporary folder: its folders
//! already exist and its unchanged files already are links to the current
//! site's, so a rebuild creates and deletes almost nothing (on ext4 without
//! a journal, creating many files soon after deleting many is slow). Files
//! in it are never written through: a changed file is unlinked and written
//! anew, so the published site sharing its inode is untouched; files the
//! new build does not produce are deleted before the swap: found by the
//! record of what the folder held when it was published (see
//! `stamp::recycled_files`), or, if any folder of it changed since, by a
//! walk.

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

/// The folders holding `rel` ("a/b/c.html": "a/b", then "a"), innermost
/// first.
pub fn parent_folders(rel: &str) -> impl Iterator<Item = &str> {
    fn parent(r: &str) -> Option<&str> {
        r.rsplit_once('/').map(|(p, _)| p)
    }
    std::iter::successors(parent(rel), |d| parent(d))
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
    /// `tmp` is the previous build's site, recycled (see the module notes)
    recycled: bool,
    /// files put so far (tracked when recycled, to delete the others)
    put: std::sync::Mutex<std::collections::HashSet<String>>,
    /// every file in the recycled folder, when known without a walk (see
    /// [`Staging::with_listing`])
    listed: Option<Vec<String>>,
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// folders of a recycled folder found (or made) to be folders, in
    /// folders only, up to `tmp`
    ready: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    files: std::sync::atomic::AtomicUsize,
    written: std::sync::atomic::AtomicUsize,
    reused: std::sync::atomic::AtomicUsize,
    html: std::sync::atomic::AtomicUsize,
    /// the previous build's published files (see [`Staging::with_known`])
    known: crate::stamp::Known,
    /// (length, xxh3-64, as the file system describes it once in place)
    /// of every file of the new site
    sums: std::sync::Mutex<Vec<Placed>>,
    committed: bool,
}

impl Staging {
    /// Check that `out` may be replaced and create the temporary folder.
    pub fn begin(out: &Path) -> Result<Staging> {
        check_replaceable(out)?;
        let tmp = sibling(out, &format!("tmp-{}", std::process::id()))?;
        // leftovers of an earlier killed build are ours by name: clear them
        clear_leftovers(out)?;
        // the previous site, taken by a rename so no other build shares it;
        // a folder of that name that is not a site dossier built (no
        // data/dossier.json) is left alone
        let prev = sibling(out, PREV)?;
        let recycled = std::fs::symlink_metadata(&prev).is_ok_and(|m| m.is_dir())
            && prev.join("data").join("dossier.json").is_file()
            && std::fs::rename(&prev, &tmp).is_ok();
        if !recycled {
            std::fs::create_dir_all(&tmp)
                .map_err(|e| Error::io(&tmp, "cannot create the temporary output folder", e))?;
        }
        Ok(Staging {
            out: out.to_path_buf(),
            tmp,
            recycled,
            put: Default::default(),
            listed: None,
            made: Default::default(),
            ready: Default::default(),
            files: Default::default(),
            written: Default::default(),
            reused: Default::default(),
            html: Default::default(),
            known: Default::default(),
            sums: Default::default(),
            committed: false,
        })
    }

    /// What the previous build recorded of the files it published: a file
    /// still as recorded (same size, times and inode) is known to hold the
    /// recorded bytes' hash, so it need not be read to be compared.
    pub fn with_known(mut self, known: crate::stamp::Known) -> Staging {
        self.known = known;
        self
    }

    /// When the folder is a recycled one: `list` gives every file in it,
    /// if that is known without a walk (see `stamp::recycled_files`), and
    /// then only those files are looked at to delete what the new site
    /// does not have.
    pub fn with_listing(mut self, list: impl FnOnce(&Path) -> Option<Vec<String>>) -> Staging {
        if self.recycled {
            self.listed = list(&self.tmp);
        }
        self
    }

    /// Is the previous site's `rel` (at `old`) known to hold bytes of this
    /// length and hash (`Some(true)`), known not to (`Some(false)`), or
    /// unknown (`None`)? What is known comes with `old`'s metadata, just read.
    fn known_same(
        &self,
        rel: &str,
        old: &Path,
        len: u64,
        hash: u64,
    ) -> Option<(bool, std::fs::Metadata)> {
        let (was, sum) = self.known.get(rel)?;
        let m = crate::stamp::still(was, rel, old)?;
        Some((was.len() == len && *sum == hash, m))
    }

    /// Remember the length and hash of a file of the new site, now in
    /// place at `dest`, and how the file system describes it there (nothing
    /// this build does later changes that: its one name in the new site is
    /// `rel`).
    /// `placed` is `dest`'s metadata when it was read since it was last
    /// changed.
    fn sum(&self, rel: &str, dest: &Path, placed: Option<std::fs::Metadata>, len: u64, hash: u64) {
        let entry = placed
            .or_else(|| std::fs::symlink_metadata(dest).ok())
            .map(|m| crate::stamp::Entry::of(rel.to_string(), &m));
        self.sums
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(Placed {
                rel: rel.to_string(),
                len,
                hash,
                entry,
            });
    }

    /// (length, xxh3-64) of every file of the new site, by path.
    pub fn sums(&self) -> std::collections::HashMap<String, (u64, u64)> {
        self.sums
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .map(|p| (p.rel.clone(), (p.len, p.hash)))
            .collect()
    }

    /// Every file of the new site as the file system described it once in
    /// place, with the xxh3-64 of its bytes, sorted by path: after
    /// [`Staging::commit`] exactly the files of the published folder (the
    /// others are pruned), so `stamp::record_published` need not walk it.
    /// `None` if any file could not be described, or a path was put twice.
    pub fn placed(&self) -> Option<Vec<(crate::stamp::Entry, u64)>> {
        let sums = self
            .sums
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = Vec::with_capacity(sums.len());
        for p in sums.iter() {
            let e = p.entry.clone()?;
            if e.len() != p.len {
                return None;
            }
            out.push((e, p.hash));
        }
        out.sort_by(|a, b| a.0.rel().cmp(b.0.rel()));
        // a path put twice: which description holds is not known
        if out.windows(2).any(|w| w[0].0.rel() == w[1].0.rel()) {
            return None;
        }
        Some(out)
    }

    /// Write one file; one whose bytes equal the previous site's copy is
    /// hard-linked from it instead.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let dest = self.dest(rel)?;
        self.count(rel);
        let old = self.out.join(rel);
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        let (same, old_meta) = match self.known_same(rel, &old, bytes.len() as u64, hash) {
            Some((same, m)) => (same, Some(m)),
            None => (same_bytes(&old, bytes), None),
        };
        if same {
            if let Some(linked) = self.link(&old, old_meta.as_ref(), &dest) {
                self.sum(rel, &dest, linked.metadata(), bytes.len() as u64, hash);
                self.reused.fetch_add(1, Relaxed);
                return Ok(());
            }
        }
        self.clear(&dest);
        std::fs::write(&dest, bytes).map_err(|e| Error::io(&dest, "cannot write", e))?;
        self.sum(rel, &dest, None, bytes.len() as u64, hash);
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }

    /// Count one more file of the new site.
    fn count(&self, rel: &str) {
        use std::sync::atomic::Ordering::Relaxed;
        self.files.fetch_add(1, Relaxed);
        if rel.ends_with(".html") {
            self.html.fetch_add(1, Relaxed);
        }
    }

    /// Make `dest` the previous site's `old` (a hard link); `None` if that
    /// failed. `old_meta` is `old`'s metadata if just read.
    fn link(
        &self,
        old: &Path,
        old_meta: Option<&std::fs::Metadata>,
        dest: &Path,
    ) -> Option<Linked> {
        if self.recycled {
            if let Some(m) = same_file(old, old_meta, dest) {
                return Some(Linked::Already(m)); // unchanged since the build before
            }
            self.clear(dest);
        }
        std::fs::hard_link(old, dest).ok().map(|()| Linked::New)
    }

    /// Was `dir` found (or made) to be a folder, in folders only?
    fn ready(&self, dir: &Path) -> bool {
        self.ready
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .contains(dir)
    }

    /// In a recycled folder, remove what is at `dest` (never write through
    /// a link the published site shares).
    fn clear(&self, dest: &Path) {
        if !self.recycled {
            return;
        }
        match std::fs::symlink_metadata(dest) {
            Ok(m) if m.is_dir() => {
                let _ = std::fs::remove_dir_all(dest);
            }
            Ok(_) => {
                let _ = std::fs::remove_file(dest);
            }
            Err(_) => {}
        }
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
        if self.recycled {
            self.put
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(rel.to_string());
        }
        if let Some(dir) = dest.parent() {
            let new = {
                let mut made = self
                    .made
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                // (most folders are seen before: no copy of their path then)
                !made.contains(dir) && made.insert(dir.to_path_buf())
            };
            if new {
                if self.recycled {
                    // a file (or a link) of the old site where this build
                    // needs a folder: looked for from the top down, so a
                    // link is gone before what is below it is looked at,
                    // and only below the last folder already found to be one
                    let down: Vec<&Path> = dir
                        .ancestors()
                        .take_while(|a| *a != self.tmp && !self.ready(a))
                        .collect();
                    // the folder is there, a folder itself and in folders only
                    let mut there = true;
                    for a in down.iter().rev() {
                        match std::fs::symlink_metadata(a) {
                            Ok(m) if m.is_dir() => continue,
                            Ok(_) => {
                                let _ = std::fs::remove_file(a);
                            }
                            Err(_) => {}
                        }
                        // nothing below it is there either
                        there = false;
                        break;
                    }
                    if !there {
                        std::fs::create_dir_all(dir)
                            .map_err(|e| Error::io(dir, "cannot create a folder", e))?;
                    }
                    let mut ready = self
                        .ready
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    ready.extend(down.into_iter().map(Path::to_path_buf));
                } else {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| Error::io(dir, "cannot create a folder", e))?;
                }
            }
        }
        Ok(dest)
    }

    /// In a recycled folder, delete every file this build did not put, and
    /// the folders left empty.
    fn prune(&self) -> Result<()> {
        if !self.recycled {
            return Ok(());
        }
        let put = self
            .put
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(listed) = &self.listed {
            return self.prune_listed(listed, &put);
        }
        for e in walkdir::WalkDir::new(&self.tmp)
            .min_depth(1)
            .contents_first(true)
            .into_iter()
            .filter_map(|e| e.ok())
        {
            let p = e.path();
            if e.file_type().is_dir() {
                // fails (and stays) unless empty
                let _ = std::fs::remove_dir(p);
                continue;
            }
            let rel = p
                .strip_prefix(&self.tmp)
                .ok()
                .and_then(|r| r.to_str())
                .map(|r| r.replace(std::path::MAIN_SEPARATOR, "/"));
            if !rel.is_some_and(|r| put.contains(&r)) {
                std::fs::remove_file(p).map_err(|err| {
                    Error::io(p, "cannot remove a file the site no longer has", err)
                })?;
            }
        }
        Ok(())
    }

    /// [`Staging::prune`] when every file the folder held is `listed`.
    fn prune_listed(
        &self,
        listed: &[String],
        put: &std::collections::HashSet<String>,
    ) -> Result<()> {
        // folders that lost a file, and their parents: removed if left empty
        let mut emptied: std::collections::BTreeSet<(usize, &str)> = Default::default();
        for rel in listed.iter().filter(|r| !put.contains(*r)) {
            let p = self.tmp.join(rel);
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                // gone with a folder this build replaced by a file, or
                // now a folder where this build needs one
                Err(_) if std::fs::symlink_metadata(&p).map_or(true, |m| m.is_dir()) => continue,
                Err(err) => {
                    return Err(Error::io(
                        &p,
                        "cannot remove a file the site no longer has",
                        err,
                    ))
                }
            }
            for dir in parent_folders(rel) {
                emptied.insert((dir.matches('/').count(), dir));
            }
        }
        // deepest first: fails (and stays) unless empty
        for (_, dir) in emptied.iter().rev() {
            let _ = std::fs::remove_dir(self.tmp.join(dir));
        }
        Ok(())
    }

    /// How many HTML pages were written so far.
    pub fn html_pages(&self) -> usize {
        self.html.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Swap the new site in place of the old one.
    pub fn commit(mut self) -> Result<PublishStats> {
        use std::sync::atomic::Ordering::Relaxed;
        self.prune()?;
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

    fn reuse(&self, rel: &str, len: u64, hash: u64) -> Result<bool> {
        use std::sync::atomic::Ordering::Relaxed;
        let old = self.out.join(rel);
        let (same, old_meta) = match self.known_same(rel, &old, len, hash) {
            Some((same, m)) => (same, Some(m)),
            None => (same_hash(&old, len, hash), None),
        };
        if !same {
            return Ok(false);
        }
        let dest = self.dest(rel)?;
        let Some(linked) = self.link(&old, old_meta.as_ref(), &dest) else {
            return Ok(false);
        };
        self.count(rel);
        self.sum(rel, &dest, linked.metadata(), len, hash);
        self.reused.fetch_add(1, Relaxed);
        Ok(true)
    }

    /// Streamed straight into the new site (never hard-linked: its bytes are
    /// not known before it is written).
    fn put_with(
        &self,
        rel: String,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        use std::sync::atomic::Ordering::Relaxed;
        let dest = self.dest(&rel)?;
        self.clear(&dest);
        let file = std::fs::File::create(&dest).map_err(|e| Error::io(&dest, "cannot write", e))?;
        // buffered before the hash, which then sees large pieces
        let mut w = std::io::BufWriter::with_capacity(
            1 << 20,
            Summing {
                inner: file,
                hasher: xxhash_rust::xxh3::Xxh3::new(),
                len: 0,
            },
        );
        write(&mut w)?;
        let summed = w
            .into_inner()
            .map_err(|e| Error::io(&dest, "cannot write", e.into_error()))?;
        let (len, hash) = (summed.len, summed.hasher.digest());
        drop(summed); // closed before it is described
        self.sum(&rel, &dest, None, len, hash);
        self.count(&rel);
        self.written.fetch_add(1, Relaxed);
        Ok(())
    }
}

/// How [`Staging::link`] put a file of the previous site in the new one.
enum Linked {
    /// It already was there (a recycled folder's link to it): with the
    /// metadata it was found with.
    Already(std::fs::Metadata),
    /// Linked now.
    New,
}

impl Linked {
    /// The new site's file's metadata, if read since it was last changed.
    fn metadata(self) -> Option<std::fs::Metadata> {
        match self {
            Linked::Already(m) => Some(m),
            Linked::New => None,
        }
    }
}

/// A file of the new site: its path, length and hash, and how the file
/// system described it once in place.
struct Placed {
    rel: String,
    len: u64,
    hash: u64,
    entry: Option<crate::stamp::Entry>,
}

/// A writer that hashes (xxh3-64) and counts what goes through it.
struct Summing<W: std::io::Write> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl<W: std::io::Write> std::io::Write for Summing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Are `a` and `b` the same file (one inode, by two names)? If so, `b`'s
/// metadata. `a_meta` is `a`'s, if just read.
#[cfg(unix)]
fn same_file(a: &Path, a_meta: Option<&std::fs::Metadata>, b: &Path) -> Option<std::fs::Metadata> {
    use std::os::unix::fs::MetadataExt;
    let read;
    let x = match a_meta {
        Some(m) => m,
        None => {
            read = std::fs::symlink_metadata(a).ok()?;
            &read
        }
    };
    let y = std::fs::symlink_metadata(b).ok()?;
    (x.is_file() && x.dev() == y.dev() && x.ino() == y.ino()).then_some(y)
}

#[cfg(not(unix))]
fn same_file(
    _a: &Path,
    _a_meta: Option<&std::fs::Metadata>,
    _b: &Path,
) -> Option<std::fs::Metadata> {
    None
}

/// Does the file at `path` hold bytes of this length and xxh3-64 hash?
fn same_hash(path: &Path, len: u64, hash: u64) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.is_file() && m.len() == len => std::fs::read(path)
            .map(|b| xxhash_rust::xxh3::xxh3_64(&b) == hash)
            .unwrap_or(false),
        _ => false,
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
        let pid = n
            .strip_prefix(&prefix_tmp)
            .or_else(|| n.strip_prefix(&prefix_old));
        // a build still running (another `dossier build`, or `serve`) owns
        // its folder: only a dead build's folder is a leftover
        if pid.is_some_and(left_by_dead_build) {
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

/// Was a temporary file or folder whose name ends in `pid` left by a build
/// that is no longer running? Called before this build makes its own, so
/// one carrying this process's id is a leftover too (of an earlier build
/// in this process, or of a process that had the same id, as in a
/// container where every run is process 1). A suffix that is not a process
/// id is never a leftover.
pub fn left_by_dead_build(pid: &str) -> bool {
    let Ok(n) = pid.parse::<i32>() else {
        return false;
    };
    n > 0 && (n as u32 == std::process::id() || !pid_alive(n))
}

/// Is process `pid` running?
fn pid_alive(pid: i32) -> bool {
    #[cfg(unix)]
    {
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Put `tmp` in place of `out`; `out` may not exist yet.
fn swap_in(tmp: &Path, out: &Path) -> Result<()> {
    if !out.exists() {
        return std::fs::rename(tmp, out)
            .map_err(|e| Error::io(out, "cannot move the new site into place", e));
    }
    if exchange(tmp, out) {
        // tmp now holds the previous site: kept for the next build to recycle
        keep_as_prev(tmp, out);
        return Ok(());
    }
    let old = sibling(out, &format!("old-{}", std::process::id()))?;
    std::fs::rename(out, &old)
        .map_err(|e| Error::io(out, "cannot move the previous site aside", e))?;
    if let Err(e) = std::fs::rename(tmp, out) {
        let _ = std::fs::rename(&old, out);
        return Err(Error::io(out, "cannot move the new site into place", e));
    }
    keep_as_prev(&old, out);
    Ok(())
}

/// Name of the previous site kept beside the output folder.
const PREV: &str = "prev";

/// Keep the replaced site `old` as `.NAME.prev` (deleted if that fails).
fn keep_as_prev(old: &Path, out: &Path) {
    let kept =
        sibling(out, PREV).is_ok_and(|prev| !prev.exists() && std::fs::rename(old, &prev).is_ok());
    if !kept {
        let _ = std::fs::remove_dir_all(old);
    }
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
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(
            names,
            vec![
                std::ffi::OsString::from(".public.prev"),
                std::ffi::OsString::from("public")
            ],
            "no temporary folders left; the replaced site kept for recycling"
        );
        assert_eq!(
            std::fs::read(dir.path().join(".public.prev/index.html")).unwrap(),
            b"one"
        );
    }

    /// A render map of (path, text) pairs.
    fn site(files: &[(&str, &str)]) -> RenderMap {
        files
            .iter()
            .map(|(rel, text)| (rel.to_string(), text.as_bytes().to_vec()))
            .collect()
    }

    fn read(p: &Path) -> Vec<u8> {
        std::fs::read(p).unwrap()
    }

    #[test]
    fn recycled_folder_is_rewritten_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let prev = dir.path().join(".public.prev");
        let m = site(&[
            ("a/index.html", "a1"),
            ("b/index.html", "b1"),
            ("data/dossier.json", "{}"),
        ]);
        publish(&out, &m).unwrap();
        publish(&out, &m).unwrap(); // now prev shares every file with out
        assert!(same_file(&out.join("a/index.html"), None, &prev.join("a/index.html")).is_some());

        // a build that fails after writing a changed file into the recycled
        // folder must leave the published site as it was
        {
            let s = Staging::begin(&out).unwrap();
            assert!(s.recycled);
            s.write("a/index.html", b"a2").unwrap();
            let mut sink_w = |w: &mut dyn std::io::Write| -> Result<()> {
                w.write_all(b"{\"x\":1}").unwrap();
                Ok(())
            };
            crate::render::PageSink::put_with(&s, "data/dossier.json".into(), &mut sink_w).unwrap();
            // dropped without commit
        }
        assert_eq!(read(&out.join("a/index.html")), b"a1");
        assert_eq!(read(&out.join("data/dossier.json")), b"{}");

        // a file gone, a file changed, a folder where a file was
        let m2 = site(&[
            ("a/index.html", "a3"),
            ("data/dossier.json", "{}"),
            ("c/index.html", "c"),
        ]);
        publish(&out, &m2).unwrap();
        publish(&out, &m2).unwrap(); // the recycled folder now has c/
        let mut m3 = m2.clone();
        m3.remove("c/index.html");
        m3.insert("c".into(), b"now a file".to_vec());
        let s = publish(&out, &m3).unwrap();
        assert_eq!(s.files, 3);
        let got: Vec<String> = walkdir::WalkDir::new(&out)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&out)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        assert_eq!(got, vec!["a/index.html", "c", "data/dossier.json"]);
        assert_eq!(read(&out.join("a/index.html")), b"a3");
        assert_eq!(read(&out.join("c")), b"now a file");
        assert!(!out.join("b").exists(), "emptied folders removed");
        // and back: a folder where the file was
        publish(&out, &m2).unwrap();
        publish(&out, &m2).unwrap();
        assert_eq!(read(&out.join("c/index.html")), b"c");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_recycled_folder_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let prev = dir.path().join(".public.prev");
        // a folder elsewhere, with a file where the new site needs a folder
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("sub"), b"not the site's").unwrap();
        let m = site(&[
            ("a/index.html", "a1"),
            ("b/index.html", "b1"),
            ("data/dossier.json", "{}"),
        ]);
        publish(&out, &m).unwrap();
        publish(&out, &m).unwrap();
        // the recycled folder's `a` is now a link to that folder
        std::fs::remove_dir_all(prev.join("a")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, prev.join("a")).unwrap();
        let m2 = site(&[
            ("a/sub/index.html", "deep"),
            ("b/index.html", "b1"),
            ("data/dossier.json", "{}"),
        ]);
        publish(&out, &m2).unwrap();
        assert_eq!(read(&elsewhere.join("sub")), b"not the site's");
        assert_eq!(
            std::fs::read_dir(&elsewhere).unwrap().count(),
            1,
            "nothing written elsewhere"
        );
        assert!(!std::fs::symlink_metadata(out.join("a"))
            .unwrap()
            .is_symlink());
        assert_eq!(read(&out.join("a/sub/index.html")), b"deep");
        assert_eq!(read(&out.join("b/index.html")), b"b1");
    }

    #[test]
    fn a_listed_recycled_folder_is_pruned_by_its_list() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let m = site(&[
            ("a/index.html", "a"),
            ("b/c/index.html", "b"),
            ("data/dossier.json", "{}"),
        ]);
        publish(&out, &m).unwrap();
        // .public.prev now holds the same files
        publish(&out, &m).unwrap();
        // a file no list names: left alone, which shows that the list (not
        // a walk) decides; `stamp::recycled_files` only gives a list for
        // a folder as it was recorded, so this cannot happen in a build
        let prev = dir.path().join(".public.prev");
        std::fs::write(prev.join("a/unlisted.html"), "u").unwrap();
        let s = Staging::begin(&out).unwrap().with_listing(|_| {
            Some(vec![
                "a/index.html".into(),
                "b/c/index.html".into(),
                "data/dossier.json".into(),
            ])
        });
        assert!(s.listed.is_some());
        s.write("a/index.html", b"a2").unwrap();
        s.write("data/dossier.json", b"{}").unwrap();
        s.commit().unwrap();
        assert_eq!(read(&out.join("a/index.html")), b"a2");
        assert!(out.join("a/unlisted.html").exists());
        assert!(
            !out.join("b").exists(),
            "b/c/ and then b/ left empty: removed"
        );
        // a folder not recycled is never listed
        let fresh = dir.path().join("fresh");
        let s = Staging::begin(&fresh)
            .unwrap()
            .with_listing(|_| Some(Vec::new()));
        assert!(s.listed.is_none());
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
