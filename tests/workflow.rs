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

#[test]
fn a_generated_article_whose_seed_is_gone_is_kept_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let proj = dir.path().join("d");
    commands::init(&proj).unwrap();
    commands::add(
        &proj,
        &[
            ("a".into(), "Port strike ends\n\nDock workers in Rotterdam ended a strike on Monday, the union said.\n".into()),
            ("b".into(), "Ferry service resumes\n\nThe ferry to Harwich sailed again on Tuesday after a week of storms, the operator said.\n".into()),
        ],
    )
    .unwrap();
    commands::build(&proj, None, None).unwrap();
    let json = |proj: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(proj.join("public/data/dossier.json")).unwrap())
            .unwrap()
    };
    let before = json(&proj);
    let ferry = before["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Ferry service resumes")
        .unwrap()
        .clone();
    // the generated file is untouched; its seed goes
    fs::remove_file(proj.join(ferry["seed"].as_str().unwrap())).unwrap();
    let report = commands::build(&proj, None, None).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.kind == "missing seed"),
        "{:?}",
        report.warnings
    );
    let after = json(&proj);
    let kept = after["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == ferry["id"])
        .expect("the article is kept")
        .clone();
    // as the file has it: its title, text, actors and seed
    for key in ["title", "paragraphs", "publisher", "seed", "actors"] {
        assert_eq!(kept[key], ferry[key], "{key}");
    }
    let page =
        fs::read_to_string(proj.join("public").join(kept["page"].as_str().unwrap())).unwrap();
    assert!(page.contains("Harwich"));
}
