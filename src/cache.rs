//! The build cache: the results of per-article work, kept between builds in
//! `ROOT/.dossier-cache/`, so that a rebuild redoes only the articles whose
//! inputs changed.
//!
//! Each table is one file of records `(key, bytes)`. The key is a 128-bit
//! hash (xxh3) of everything the work read; the bytes are its result
//! (bincode). A table is read whole and indexed; a record is decoded only
//! when it is used, and a rebuild copies the bytes of the records it reused
//! without decoding them again. Work that also depends on corpus-wide facts
//! stores what it looked up next to its result, and the caller checks those
//! facts again before using it (see `clean::Probe`).
//!
//! The cache can make a build faster, never different: a table written by
//! another build of `dossier` (its `DOSSIER_BUILD_ID` differs), a damaged
//! table, or one that cannot be read counts as empty, and a table that
//! cannot be written is left out (with a warning). Deleting the folder is
//! always safe.

use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The folder name under the project root.
pub const DIR: &str = ".dossier-cache";

const MAGIC: &[u8; 8] = b"DOSSIERC";
const FORMAT: u32 = 2;
const BUILD_ID: &str = env!("DOSSIER_BUILD_ID");

/// How a table served a build: (table name, results reused, results computed).
pub type Counts = (&'static str, usize, usize);

/// Where a build keeps its tables (or nowhere, when the cache is off).
#[derive(Debug, Clone, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
}

impl Cache {
    /// The cache of the project at `root`.
    pub fn at(root: &Path) -> Cache {
        Cache {
            dir: Some(root.join(DIR)),
        }
    }

    /// No cache: every lookup misses and nothing is written.
    pub fn off() -> Cache {
        Cache { dir: None }
    }

    /// Open table `name` (empty if missing, stale or damaged).
    pub fn table(&self, name: &'static str) -> Table {
        let path = self.dir.as_ref().map(|d| d.join(format!("{name}.bin")));
        let mut t = Table {
            name,
            path,
            data: Vec::new(),
            index: HashMap::new(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
        };
        if let Some(p) = &t.path {
            if let Ok(data) = std::fs::read(p) {
                if let Some(index) = parse(&data) {
                    t.data = data;
                    t.index = index;
                }
            }
        }
        t
    }
}

/// One table of cached results.
#[derive(Debug)]
pub struct Table {
    name: &'static str,
    path: Option<PathBuf>,
    data: Vec<u8>,
    /// key → (offset, length) of its bytes in `data`
    index: HashMap<u128, (usize, usize)>,
    hits: AtomicUsize,
    misses: AtomicUsize,
}

/// A result to keep: new bytes, or the bytes already in the table.
#[derive(Debug)]
pub enum Record {
    Kept,
    New(Vec<u8>),
}

impl Table {
    /// The result stored under `key`, decoded (`None`, and counted as a miss,
    /// if it is absent or does not decode).
    pub fn get<V: DeserializeOwned>(&self, key: u128) -> Option<V> {
        let v = self.index.get(&key).and_then(|&(at, len)| {
            let bytes =
                lz4_flex::block::decompress_size_prepended(&self.data[at..at + len]).ok()?;
            bincode::deserialize(&bytes).ok()
        });
        match v {
            Some(_) => self.hits.fetch_add(1, Relaxed),
            None => self.misses.fetch_add(1, Relaxed),
        };
        v
    }

    /// The result stored under `key` if `still_valid` accepts it, else
    /// `compute()`; with the record to keep for [`Table::save`].
    pub fn memo<V: Serialize + DeserializeOwned>(
        &self,
        key: u128,
        still_valid: impl FnOnce(&V) -> bool,
        compute: impl FnOnce() -> V,
    ) -> (V, (u128, Record)) {
        if let Some(v) = self.get::<V>(key) {
            if still_valid(&v) {
                return (v, (key, Record::Kept));
            }
            self.reject();
        }
        let v = compute();
        // (with the cache off nothing is saved: no need to encode)
        let rec = match self.path {
            Some(_) => Table::encode(&v),
            None => Record::Kept,
        };
        (v, (key, rec))
    }

    /// A lookup that found a record which the caller then could not use
    /// (its corpus-wide facts changed): counted as a miss, not a hit.
    pub fn reject(&self) {
        self.hits.fetch_sub(1, Relaxed);
        self.misses.fetch_add(1, Relaxed);
    }

    /// The table's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// `(hits, misses)` so far.
    pub fn counts(&self) -> (usize, usize) {
        (self.hits.load(Relaxed), self.misses.load(Relaxed))
    }

    /// The table's [`Counts`] so far, also printed when `DOSSIER_TIMINGS`
    /// is set.
    pub fn report(&self) -> Counts {
        let (hits, misses) = self.counts();
        if std::env::var_os("DOSSIER_TIMINGS").is_some() {
            eprintln!(
                "timing:   cache {}: {hits} reused, {misses} computed",
                self.name
            );
        }
        (self.name, hits, misses)
    }

    /// Encode a new result for [`Table::save`]: bincode, compressed with
    /// LZ4 (a cold build holds every new record until its table is written,
    /// and texts shrink to about a third).
    pub fn encode<V: Serialize>(v: &V) -> Record {
        match bincode::serialize(v) {
            Ok(b) => Record::New(lz4_flex::block::compress_prepend_size(&b)),
            // cannot happen for our types; keeping nothing is always safe
            Err(_) => Record::New(Vec::new()),
        }
    }

    /// The stored bytes of `key`, to save again under another key.
    pub fn copy(&self, key: u128) -> Option<Record> {
        let &(at, len) = self.index.get(&key)?;
        Some(Record::New(self.data[at..at + len].to_vec()))
    }

    /// [`Table::save`] on another thread, so the build goes on meanwhile.
    pub fn save_later(self, records: Vec<(u128, Record)>) -> Saving {
        Saving(std::thread::spawn(move || self.save(records)))
    }

    /// Replace the table with exactly `records` (what this build used), so
    /// results no article needs any more are dropped. Skipped when nothing
    /// changed. Returns a warning text when the table could not be written.
    pub fn save(self, records: impl IntoIterator<Item = (u128, Record)>) -> Option<String> {
        let path = self.path.as_ref()?;
        let mut recs: Vec<(u128, Record)> = records.into_iter().collect();
        recs.sort_by_key(|r| r.0);
        recs.dedup_by_key(|r| r.0);
        let unchanged = recs.len() == self.index.len()
            && recs
                .iter()
                .all(|(k, r)| matches!(r, Record::Kept) && self.index.contains_key(k));
        if unchanged {
            return None;
        }
        let write = |w: &mut dyn std::io::Write| -> std::io::Result<()> {
            w.write_all(MAGIC)?;
            w.write_all(&FORMAT.to_le_bytes())?;
            w.write_all(&(BUILD_ID.len() as u32).to_le_bytes())?;
            w.write_all(BUILD_ID.as_bytes())?;
            for (k, r) in &recs {
                let bytes: &[u8] = match r {
                    Record::New(b) => b,
                    Record::Kept => match self.index.get(k) {
                        Some(&(at, len)) => &self.data[at..at + len],
                        None => continue,
                    },
                };
                if bytes.is_empty() {
                    continue;
                }
                w.write_all(&k.to_le_bytes())?;
                w.write_all(&(bytes.len() as u64).to_le_bytes())?;
                w.write_all(bytes)?;
            }
            Ok(())
        };
        write_atomic(path, &write)
            .err()
            .map(|e| format!("cannot update the build cache {}: {e}", path.display()))
            .map(|m| format!("{m} (table {}; the next build redoes its work)", self.name))
    }
}

/// A table being written (see [`Table::save_later`]).
pub struct Saving(std::thread::JoinHandle<Option<String>>);

impl Saving {
    /// Wait for the write; its warning text, if it failed.
    pub fn wait(self) -> Option<String> {
        self.0
            .join()
            .unwrap_or_else(|_| Some("writing the build cache failed".into()))
    }
}

/// The index of a table file, if it is one of ours from this build of
/// `dossier` and is whole.
fn parse(data: &[u8]) -> Option<HashMap<u128, (usize, usize)>> {
    let mut at = 0usize;
    let take = |at: &mut usize, n: usize| -> Option<&[u8]> {
        let s = data.get(*at..at.checked_add(n)?)?;
        *at += n;
        Some(s)
    };
    if take(&mut at, 8)? != MAGIC {
        return None;
    }
    if u32::from_le_bytes(take(&mut at, 4)?.try_into().ok()?) != FORMAT {
        return None;
    }
    let id_len = u32::from_le_bytes(take(&mut at, 4)?.try_into().ok()?) as usize;
    if take(&mut at, id_len)? != BUILD_ID.as_bytes() {
        return None;
    }
    let mut index = HashMap::new();
    while at < data.len() {
        let key = u128::from_le_bytes(take(&mut at, 16)?.try_into().ok()?);
        let len = usize::try_from(u64::from_le_bytes(take(&mut at, 8)?.try_into().ok()?)).ok()?;
        let start = at;
        take(&mut at, len)?;
        index.insert(key, (start, len));
    }
    Some(index)
}

/// Make the cache folder `dir` if it is missing, marked as disposable for
/// backup tools and git.
pub fn make_dir(dir: &Path) -> std::io::Result<()> {
    if !dir.is_dir() {
        std::fs::create_dir_all(dir)?;
        std::fs::write(
            dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n\
             # This folder is dossier's build cache; deleting it is safe.\n",
        )?;
        std::fs::write(dir.join(".gitignore"), "*\n")?;
    }
    Ok(())
}

/// Write `path` through a temporary file and a rename, so a reader never
/// sees a half-written table.
fn write_atomic(
    path: &Path,
    write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    make_dir(path.parent().unwrap_or(Path::new(".")))?;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
        write(&mut w)?;
        std::io::Write::flush(&mut w)
    });
    written
        .and_then(|()| std::fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
}

/// A cache key: a 128-bit hash of everything a piece of work reads, fed in
/// with lengths so that different inputs never run together.
pub struct Key(xxhash_rust::xxh3::Xxh3);

impl Key {
    /// A key for work of kind `what`.
    pub fn new(what: &str) -> Key {
        let mut k = Key(xxhash_rust::xxh3::Xxh3::new());
        k.str(what);
        k
    }

    pub fn bytes(&mut self, b: &[u8]) -> &mut Key {
        self.0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    pub fn str(&mut self, s: &str) -> &mut Key {
        self.bytes(s.as_bytes())
    }

    pub fn opt(&mut self, s: Option<&str>) -> &mut Key {
        match s {
            Some(s) => {
                self.0.update(&[1]);
                self.str(s)
            }
            None => {
                self.0.update(&[0]);
                self
            }
        }
    }

    /// Anything serialisable, fed as it serialises (no JSON text, no
    /// [`serde_json::Value`]) in a prefix-free encoding (see
    /// [`crate::keyser`]), so different values never feed the same bytes.
    pub fn serialized<T: serde::Serialize + ?Sized>(&mut self, v: &T) -> &mut Key {
        let mut feed = crate::keyser::Feed::new(&mut self.0);
        // no Serialize of ours fails; one that did would have fed what it
        // wrote up to there, then this marker
        let failed = v.serialize(&mut feed).is_err();
        feed.finish();
        if failed {
            self.0.update(b"\x01error");
        }
        self
    }

    pub fn finish(&self) -> u128 {
        self.0.digest128()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_reuse_and_drop() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let t = cache.table("t");
        assert_eq!(t.get::<String>(1), None);
        assert!(t
            .save([(1, Table::encode(&"one")), (2, Table::encode(&"two"))])
            .is_none());
        assert!(dir.path().join(DIR).join("CACHEDIR.TAG").is_file());

        let t = cache.table("t");
        assert_eq!(t.get::<String>(1).as_deref(), Some("one"));
        assert_eq!(t.get::<String>(3), None);
        assert_eq!(t.counts(), (1, 1));
        // keep 1 as it was, drop 2, add 3
        t.save([(1, Record::Kept), (3, Table::encode(&"three"))]);
        let t = cache.table("t");
        assert_eq!(t.get::<String>(1).as_deref(), Some("one"));
        assert_eq!(t.get::<String>(2), None);
        assert_eq!(t.get::<String>(3).as_deref(), Some("three"));
    }

    #[test]
    fn damaged_or_foreign_tables_are_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        cache.table("t").save([(7, Table::encode(&42u32))]);
        let path = dir.path().join(DIR).join("t.bin");
        let good = std::fs::read(&path).unwrap();
        assert_eq!(cache.table("t").get::<u32>(7), Some(42));
        // truncated
        std::fs::write(&path, &good[..good.len() - 1]).unwrap();
        assert_eq!(cache.table("t").get::<u32>(7), None);
        // another build id
        let mut other = good.clone();
        let at = 16; // magic + format + id length
        other[at] ^= 1;
        std::fs::write(&path, &other).unwrap();
        assert_eq!(cache.table("t").get::<u32>(7), None);
        // garbage
        std::fs::write(&path, b"not a table").unwrap();
        assert_eq!(cache.table("t").get::<u32>(7), None);
        // a record whose compressed bytes are damaged is a miss, not a panic
        let text = "a sentence long enough to compress, a sentence long enough to compress";
        cache.table("t").save([(8, Table::encode(&text))]);
        let good = std::fs::read(&path).unwrap();
        for i in 1..40 {
            let mut bad = good.clone();
            let at = bad.len() - i;
            bad[at] = bad[at].wrapping_add(0x55);
            std::fs::write(&path, &bad).unwrap();
            // fails the test if decoding panics
            let _ = cache.table("t").get::<String>(8);
        }
    }

    #[test]
    fn records_are_compressed() {
        let text = "the same words again and again, ".repeat(50);
        let Record::New(bytes) = Table::encode(&text) else {
            panic!("a new record");
        };
        assert!(bytes.len() * 4 < text.len(), "{} bytes", bytes.len());
    }

    #[test]
    fn off_never_writes() {
        let dir = tempfile::tempdir().unwrap();
        let _ = dir;
        let t = Cache::off().table("t");
        assert!(t.save([(1, Table::encode(&1u8))]).is_none());
        assert_eq!(Cache::off().table("t").get::<u8>(1), None);
    }

    #[test]
    fn keys_separate_inputs() {
        let a = Key::new("x").str("ab").str("c").finish();
        let b = Key::new("x").str("a").str("bc").finish();
        let c = Key::new("y").str("ab").str("c").finish();
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, Key::new("x").str("ab").str("c").finish());
        assert_ne!(
            Key::new("x").opt(None).str("").finish(),
            Key::new("x").opt(Some("")).finish()
        );
        let json = |v: serde_json::Value| Key::new("j").serialized(&v).finish();
        assert_eq!(
            json(serde_json::json!({"a": [1, "b"]})),
            json(serde_json::json!({"a": [1, "b"]}))
        );
        assert_ne!(
            json(serde_json::json!(["ab"])),
            json(serde_json::json!(["a", "b"]))
        );
        assert_ne!(json(serde_json::json!(1)), json(serde_json::json!("1")));
        assert_ne!(
            json(serde_json::json!([[], []])),
            json(serde_json::json!([[[]]]))
        );
        assert_ne!(json(serde_json::json!(1.5)), json(serde_json::json!(2.5)));
        // serialised values: as their JSON, each one closed
        let ser = |a: &[u32], b: &[u32]| Key::new("s").serialized(a).serialized(b).finish();
        assert_eq!(ser(&[1, 2], &[3]), ser(&[1, 2], &[3]));
        assert_ne!(ser(&[1, 2], &[3]), ser(&[1], &[2, 3]));
        assert_ne!(ser(&[12], &[]), ser(&[1], &[2]));
        assert_ne!(
            Key::new("s").serialized(&Some("a")).finish(),
            Key::new("s").serialized(&None::<&str>).finish()
        );
        // the encoding is prefix-free: no two of these feed the same bytes
        let one = |f: &dyn Fn(&mut Key)| {
            let mut k = Key::new("p");
            f(&mut k);
            k.finish()
        };
        #[derive(serde::Serialize)]
        struct S<'a> {
            a: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            b: Option<u32>,
        }
        let mut map = std::collections::BTreeMap::new();
        map.insert("a", 1u32);
        let keys = [
            one(&|k| {
                k.serialized(&("ab", "c"));
            }),
            one(&|k| {
                k.serialized(&("a", "bc"));
            }),
            one(&|k| {
                k.serialized(&vec![Vec::<Vec<u8>>::new(), vec![]]);
            }),
            one(&|k| {
                k.serialized(&vec![vec![Vec::<u8>::new()]]);
            }),
            one(&|k| {
                k.serialized(&Some(None::<&str>));
            }),
            one(&|k| {
                k.serialized(&None::<Option<&str>>);
            }),
            one(&|k| {
                k.serialized(&S { a: "x", b: None });
            }),
            one(&|k| {
                k.serialized(&S { a: "x", b: Some(0) });
            }),
            one(&|k| {
                k.serialized(&map);
            }),
            one(&|k| {
                k.serialized(&"a").serialized(&1u32);
            }),
            one(&|k| {
                k.serialized(&1i32);
            }),
            one(&|k| {
                k.serialized(&1u32);
            }),
            one(&|k| {
                k.serialized(&"x".repeat(5000));
            }),
            one(&|k| {
                k.serialized(&"x".repeat(5001));
            }),
        ];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b, "value {i}");
            }
        }
        // and the same value feeds the same bytes, however long
        assert_eq!(
            one(&|k| {
                k.serialized(&"x".repeat(9000));
            }),
            one(&|k| {
                k.serialized(&"x".repeat(9000));
            })
        );
    }
}
