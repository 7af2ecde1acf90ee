//! The whole build over a generated mini-corpus: the input is split into up
//! to four seeds (and optionally a config and a hand-written article), built
//! in a temporary project, rendered and link-checked in memory.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir() else { return };
    let root = dir.path();
    if std::fs::create_dir_all(root.join("seeds")).is_err() {
        return;
    }
    let mut parts = data.split(|&b| b == 0);
    for i in 0..4 {
        if let Some(p) = parts.next() {
            let _ = std::fs::write(root.join(format!("seeds/{i}.txt")), p);
        }
    }
    if let Some(cfg) = parts.next() {
        let _ = std::fs::write(root.join("config.yaml"), cfg);
    }
    if let Some(md) = parts.next() {
        let _ = std::fs::create_dir_all(root.join("content/articles"));
        let _ = std::fs::write(root.join("content/articles/hand.md"), md);
    }
    if let Ok((_, map)) = dossier::commands::build_site(root, None) {
        let problems = dossier::check::check_links(&map);
        assert!(problems.is_empty(), "broken links from a fuzzed corpus: {problems:?}");
        for (path, bytes) in &map {
            let text = String::from_utf8_lossy(bytes);
            assert!(!text.contains("<script>alert"), "unescaped input in {path}");
        }
    }
});
