//! `init` → `add` → `build`: the analyst's first dossier.

use dossier::commands;
use std::fs;

#[test]
fn init_add_build_from_an_empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("my-dossier");
    let made = commands::init(&proj).unwrap();
    for f in [
        "README.md",
        "config.yaml",
        "templates/base.html",
        "templates/article.html",
        "seeds/.gitkeep",
    ] {
        assert!(made.iter().any(|m| m == f), "{f} not made");
        assert!(proj.join(f).exists());
    }
    let added = commands::add(
        &proj,
        &[
            ("a".into(), "Port strike ends\r\n\r\nDock workers in Rotterdam ended a strike on Monday, the union said.\r\n".into()),
            ("b".into(), "../../etc/passwd\n\nA second article about the port, with more detail on the deal.\n".into()),
        ],
    )
    .unwrap();
    assert_eq!(added.len(), 2);
    for a in &added {
        let name = a.strip_prefix("seeds/").unwrap();
        assert!(
            name.ends_with(".txt") && !name.contains('/') && !name.starts_with('.'),
            "{a}"
        );
        assert!(!fs::read_to_string(proj.join(a)).unwrap().contains('\r'));
    }
    assert!(commands::add(&proj, &[("a".into(), "Port strike ends\n\nDock workers in Rotterdam ended a strike on Monday, the union said.\n".into())]).is_err(), "the same article twice");
    let report = commands::build(&proj, None, None).unwrap();
    assert_eq!(report.articles, 2);
    assert!(proj.join("public/index.html").is_file());
    // init never overwrites
    let err = commands::init(&proj).unwrap_err().to_string();
    assert!(err.contains("not empty"), "{err}");
}
