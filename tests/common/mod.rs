//! Helpers shared by the integration tests: temporary projects and their
//! `dossier.json`. (Each test crate uses some of them.)
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary project holding a copy of the bundled seeds (and optionally the repo's config).
pub fn project(with_config: bool) -> tempfile::TempDir {
    let (dir, seeds) = empty_project();
    for e in fs::read_dir(repo().join("seeds")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), seeds.join(e.file_name())).unwrap();
    }
    if with_config {
        fs::copy(repo().join("config.yaml"), dir.path().join("config.yaml")).unwrap();
    }
    dir
}

/// An empty project: a temporary folder with an empty `seeds/` (its path).
pub fn empty_project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let seeds = dir.path().join("seeds");
    fs::create_dir_all(&seeds).unwrap();
    (dir, seeds)
}

/// The built site's `dossier.json`.
pub fn json(root: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(root.join("public/data/dossier.json")).unwrap()).unwrap()
}

/// The string `key` of every item of a `dossier.json` list.
pub fn strings<'a>(list: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap())
        .collect()
}
