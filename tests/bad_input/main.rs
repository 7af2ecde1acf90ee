//! One case per kind of bad or hostile input (issue: bad input, hostile
//! input, crashes mid-build). Each asserts the exact outcome: message, exit
//! code, files untouched.

use dossier::commands;
use std::fs;
use std::path::Path;
use std::process::Command;

fn project(seeds: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("seeds")).unwrap();
    for (name, bytes) in seeds {
        fs::write(dir.path().join("seeds").join(name), bytes).unwrap();
    }
    dir
}

const GOOD: &[u8] = b"Council approves harbour plan\n\nThe city council approved the harbour plan on Monday after a long debate, officials said.\n";

fn warnings_of(root: &Path) -> (commands::Report, String) {
    let r = commands::build(root, None, None).unwrap();
    let text = commands::format_warnings(&r.warnings);
    (r, text)
}

fn run(root: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn empty_file_is_skipped_with_a_warning() {
    let p = project(&[("empty.txt", b""), ("good.txt", GOOD)]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains(
            "seeds/empty.txt: is empty; skipped (delete it or paste the article text into it)"
        ),
        "{w}"
    );
}

#[test]
fn whitespace_only_file_is_skipped_with_a_warning() {
    let p = project(&[("blank.txt", b"  \n\t\n\n"), ("good.txt", GOOD)]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains("seeds/blank.txt: holds only whitespace; skipped"),
        "{w}"
    );
}

#[test]
fn binary_file_is_skipped_with_a_warning() {
    let p = project(&[
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
        ("good.txt", GOOD),
    ]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains("seeds/image.txt: looks like a binary file, not text; skipped"),
        "{w}"
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let p = project(&[("latin1.txt", b"Caf\xe9 owners protest new tax\n\nOwners of caf\xe9s in the old town protested a new tax on Tuesday, the union said.\n")]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains(
            "seeds/latin1.txt: is not valid UTF-8 (first bad byte on line 1); decoded lossily"
        ),
        "{w}"
    );
    let json = fs::read_to_string(p.path().join("public/data/dossier.json")).unwrap();
    assert!(json.contains("\u{fffd}"));
}

#[test]
fn utf16_with_bom_is_decoded() {
    let text = "Grève générale à Paris\r\n\r\nLes syndicats ont appelé à une grève générale lundi, a déclaré le ministre.\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let p = project(&[("utf16.txt", &bytes)]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains("seeds/utf16.txt: decoded as UTF-16 (little-endian BOM)"),
        "{w}"
    );
    let json = fs::read_to_string(p.path().join("public/data/dossier.json")).unwrap();
    assert!(
        json.contains("Les syndicats ont appelé à une grève générale lundi"),
        "{json}"
    );
}

#[test]
fn crlf_and_lone_cr_line_endings_make_the_same_article() {
    let lf = String::from_utf8(GOOD.to_vec()).unwrap();
    let a = project(&[("a.txt", lf.replace('\n', "\r\n").as_bytes())]);
    let b = project(&[("a.txt", lf.replace('\n', "\r").as_bytes())]);
    let c = project(&[("a.txt", GOOD)]);
    for p in [&a, &b, &c] {
        commands::build(p.path(), None, None).unwrap();
    }
    let read = |p: &tempfile::TempDir| fs::read(p.path().join("public/data/dossier.json")).unwrap();
    assert_eq!(read(&a), read(&c));
    assert_eq!(read(&b), read(&c));
}

#[test]
fn a_50_mb_seed_is_skipped_with_a_warning() {
    let unit = "All work and no play makes a long article. ";
    let big = unit.repeat(50 * 1024 * 1024 / unit.len() + 1);
    let p = project(&[("huge.txt", big.as_bytes()), ("good.txt", GOOD)]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(w.contains("seeds/huge.txt: is 50 MB, over the 8 MB limit for one article; skipped (split it into one file per article)"), "{w}");
}

#[test]
fn a_1_mb_single_line_builds() {
    let line = "word ".repeat(1024 * 1024 / 5);
    let p = project(&[("line.txt", line.as_bytes()), ("good.txt", GOOD)]);
    let r = commands::build(p.path(), None, None).unwrap();
    assert!(r.articles >= 1);
    assert!(p.path().join("public/index.html").is_file());
}

#[test]
fn ten_thousand_tiny_seeds_build() {
    let p = project(&[]);
    for i in 0..10_000 {
        fs::write(p.path().join(format!("seeds/s{i:05}.txt")), format!("Report {i}\n\nThe office of district {i} opened a new school on Monday, officials said.\n")).unwrap();
    }
    let r = commands::build(p.path(), None, None).unwrap();
    assert_eq!(r.articles, 10_000);
    assert!(p.path().join("public/data/dossier.json").is_file());
}

#[test]
fn a_seed_of_only_boilerplate_is_skipped_with_a_warning() {
    let p = project(&[
        ("junk.txt", b"Share\n\nAdvertisement\n\nLeave a Reply\n"),
        ("good.txt", GOOD),
    ]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains(
            "seeds/junk.txt: has no article text left after cleaning (only boilerplate?); skipped"
        ),
        "{w}"
    );
}

#[test]
fn duplicate_seeds_are_reported_and_built_once() {
    let p = project(&[("a.txt", GOOD), ("b.txt", GOOD)]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains(
            "seeds/b.txt: has the same text as seeds/a.txt; skipped (delete one of the two files)"
        ),
        "{w}"
    );
}

#[test]
fn titles_slugging_to_the_same_id_are_both_kept() {
    let p = project(&[
        ("a.txt", b"Storm hits coast!\n\nA storm hit the northern coast on Sunday, the weather office said.\n"),
        ("b.txt", b"Storm Hits Coast?\n\nA second storm report from another outlet, with different details.\n"),
    ]);
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 2);
    assert!(w.contains("its title gives the page name `storm-hits-coast`, already taken; using `storm-hits-coast-2`"), "{w}");
    assert!(p
        .path()
        .join("public/articles/storm-hits-coast-2/index.html")
        .is_file());
}

#[test]
fn titles_that_slug_to_nothing_or_dot_dot_get_safe_ids() {
    let p = project(&[
        ("x.txt", "Ελλάδα ψηφίζει\n\nΟι ψηφοφόροι πήγαν στις κάλπες την Κυριακή, είπαν αξιωματούχοι της χώρας.\n".as_bytes()),
        ("y.txt", b"..\n\nThe body of an article whose headline is two dots, written by a careless scraper.\n"),
    ]);
    commands::build(p.path(), None, None).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(p.path().join("public/data/dossier.json")).unwrap())
            .unwrap();
    for a in json["articles"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        assert!(
            !id.is_empty()
                && id != ".."
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{id}"
        );
        assert!(p
            .path()
            .join("public")
            .join(a["page"].as_str().unwrap())
            .is_file());
    }
    assert!(
        !p.path().join("index.html").exists()
            && !p.path().parent().unwrap().join("index.html").exists()
    );
}

#[test]
fn malformed_front_matter_reports_line_and_column() {
    let p = project(&[("good.txt", GOOD)]);
    fs::create_dir_all(p.path().join("content/articles")).unwrap();
    fs::write(
        p.path().join("content/articles/bad.md"),
        "---\ntitle: ok\ndek: [unclosed\n---\nbody\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("content/articles/bad.md:4:1:") || err.contains("content/articles/bad.md:3:"),
        "{err}"
    );
    assert!(!p.path().join("public").exists());
}

#[test]
fn malformed_config_reports_line_and_column() {
    let p = project(&[("good.txt", GOOD)]);
    fs::write(
        p.path().join("config.yaml"),
        "title: ok\nsources:\n  - name: [x\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(err.contains("config.yaml:"), "{err}");
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn impossible_front_matter_date_is_an_error() {
    let p = project(&[]);
    fs::create_dir_all(p.path().join("content/articles")).unwrap();
    fs::write(
        p.path().join("content/articles/note.md"),
        "---\ntitle: Note\npublished: 2016-02-30\n---\n\nText of the note.\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("content/articles/note.md:3:") && err.contains("invalid date `2016-02-30`"),
        "{err}"
    );
}

#[test]
fn unknown_keys_are_errors_naming_the_key() {
    let p = project(&[]);
    fs::create_dir_all(p.path().join("content/articles")).unwrap();
    fs::write(
        p.path().join("content/articles/note.md"),
        "---\ntitle: Note\nauthr: me\n---\n\nText.\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("note.md:3:") && err.contains("unknown field `authr`"),
        "{err}"
    );
    fs::remove_file(p.path().join("content/articles/note.md")).unwrap();
    fs::write(
        p.path().join("config.yaml"),
        "title: T\nseeds:\n  a.txt:\n    publsher: X\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("config.yaml:4:") && err.contains("unknown field `publsher`"),
        "{err}"
    );
}

#[test]
fn a_template_error_names_the_template_and_keeps_the_site() {
    let p = project(&[("good.txt", GOOD)]);
    commands::build(p.path(), None, None).unwrap();
    let before = fs::read(p.path().join("public/index.html")).unwrap();
    fs::create_dir_all(p.path().join("templates")).unwrap();
    fs::write(
        p.path().join("templates/index.html"),
        "{% extends \"base.html\" %}\n{% block content %}\n{% if %}\n{% endblock content %}\n",
    )
    .unwrap();
    let (code, err) = run(p.path(), &["build"]);
    assert_eq!(code, 1);
    assert!(err.contains("index.html") && err.contains("3:"), "{err}");
    assert_eq!(
        fs::read(p.path().join("public/index.html")).unwrap(),
        before
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let p = project(&[("good.txt", GOOD)]);
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.txt"),
        "Secret plans\n\nThe secret plan must never be published anywhere, insiders said.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        p.path().join("seeds/link.txt"),
    )
    .unwrap();
    let (r, w) = warnings_of(p.path());
    assert_eq!(r.articles, 1);
    assert!(
        w.contains("seeds/link.txt: is a symbolic link; skipped"),
        "{w}"
    );
    // a symlinked content folder is never written through
    let q = project(&[("good.txt", GOOD)]);
    fs::create_dir_all(q.path().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path(), q.path().join("content/articles")).unwrap();
    let err = commands::build(q.path(), None, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(
        fs::read_dir(outside.path()).unwrap().count(),
        1,
        "nothing written outside"
    );
}

#[cfg(unix)]
#[test]
fn out_through_a_symlink_into_seeds_is_refused() {
    let p = project(&[("good.txt", GOOD)]);
    fs::create_dir_all(p.path().join("seeds/sub")).unwrap();
    std::os::unix::fs::symlink(p.path().join("seeds/sub"), p.path().join("l")).unwrap();
    let err = commands::build(p.path(), Some(&p.path().join("l/../site")), None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("inside the project's seeds/ folder"), "{err}");
    assert!(!p.path().join("seeds/site").exists());
}

#[test]
fn a_very_long_publisher_name_builds() {
    let long = format!("Good article title here\n\nThe council met on Monday and agreed a plan for the city.\n\n© 2016 A{}\n", "b".repeat(299));
    let p = project(&[("long.txt", long.as_bytes())]);
    commands::build(p.path(), None, None).unwrap();
    let (problems, _) = commands::check(p.path(), None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn out_at_root_or_project_is_refused() {
    let p = project(&[("good.txt", GOOD)]);
    for out in ["/", "."] {
        let (code, err) = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--out", out])
            .current_dir(p.path())
            .output()
            .map(|o| {
                (
                    o.status.code().unwrap_or(-1),
                    String::from_utf8_lossy(&o.stderr).into_owned(),
                )
            })
            .unwrap();
        assert_eq!(code, 1, "{out}");
        assert!(err.contains("refusing to write the site"), "{err}");
    }
}

#[test]
fn raw_html_in_markdown_is_escaped_unless_trusted() {
    let p = project(&[]);
    fs::create_dir_all(p.path().join("content/articles")).unwrap();
    fs::write(
        p.path().join("content/articles/note.md"),
        "---\ntitle: Note\n---\n\nHello <b onclick=\"x()\">bold</b> <script>alert(1)</script>\n",
    )
    .unwrap();
    commands::build(p.path(), None, None).unwrap();
    let html = fs::read_to_string(p.path().join("public/articles/note/index.html")).unwrap();
    assert!(
        html.contains("&lt;b onclick=") && !html.contains("<script>alert"),
        "{html}"
    );
    fs::write(p.path().join("config.yaml"), "trusted_html: true\n").unwrap();
    commands::build(p.path(), None, None).unwrap();
    let html = fs::read_to_string(p.path().join("public/articles/note/index.html")).unwrap();
    assert!(html.contains("<b onclick=\"x()\">bold</b>"), "{html}");
}

#[test]
fn hostile_config_values_are_escaped_or_refused() {
    let p = project(&[("good.txt", GOOD)]);
    fs::write(
        p.path().join("config.yaml"),
        "title: \"<script>alert(1)</script>\"\nsubtitle: \"<img src=x onerror=alert(1)>\"\n",
    )
    .unwrap();
    commands::build(p.path(), None, None).unwrap();
    for page in ["index.html", "briefing/index.html", "data/dossier.json"] {
        let text = fs::read_to_string(p.path().join("public").join(page)).unwrap();
        assert!(
            !text.contains("<script>alert") && !text.contains("<img src=x"),
            "{page}"
        );
    }
    fs::write(
        p.path().join("config.yaml"),
        "base_url: \"javascript:alert(1)\"\n",
    )
    .unwrap();
    let err = commands::build(p.path(), None, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("is not an absolute http(s) URL"), "{err}");
    fs::write(
        p.path().join("config.yaml"),
        "seeds:\n  good.txt:\n    url: \"javascript:alert(1)\"\n",
    )
    .unwrap();
    commands::build(p.path(), None, None).unwrap();
    let page = fs::read_to_string(p.path().join("public/articles/index.html")).unwrap();
    assert!(!page.contains("javascript:"), "unsafe url rendered");
}

/// kill -9 at several points of a rebuild of a larger corpus: the previous
/// `public/` must stay byte-identical (or be the complete new site).
#[cfg(unix)]
#[test]
fn kill_9_mid_build_leaves_the_previous_site() {
    let p = project(&[]);
    for i in 0..1500 {
        fs::write(
            p.path().join(format!("seeds/s{i:05}.txt")),
            format!("Report number {i} on the harbour\n\nThe office of district {i} opened a new school on Monday, officials said.\n\nMayor Ana Ruiz said: “We will build {i} more.”\n"),
        )
        .unwrap();
    }
    commands::build(p.path(), None, None).unwrap();
    let tree = |root: &Path| -> std::collections::BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path()
                        .strip_prefix(root)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let before = tree(&p.path().join("public"));
    // change the input so a finished rebuild would differ
    fs::write(
        p.path().join("config.yaml"),
        "title: A new title for the rebuilt site\n",
    )
    .unwrap();
    for delay_ms in [20u64, 150, 400, 900, 1600] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--quiet", "--root"])
            .arg(p.path())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        let after = tree(&p.path().join("public"));
        if status.success() {
            // the build finished before the kill: the new site is complete
            assert!(String::from_utf8_lossy(&after["index.html"]).contains("A new title"));
            return;
        }
        if after != before {
            // killed after the swap, while exiting: then the new site is
            // there whole, never a mix
            let index = String::from_utf8_lossy(&after["index.html"]).into_owned();
            assert!(
                index.contains("A new title"),
                "public/ changed after kill -9 at {delay_ms} ms but is not the new site"
            );
            assert!(
                after.keys().all(|k| before.contains_key(k)),
                "same set of pages"
            );
            serde_json::from_slice::<serde_json::Value>(&after["data/dossier.json"])
                .expect("complete dossier.json");
            return;
        }
    }
}
