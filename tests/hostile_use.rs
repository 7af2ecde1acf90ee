//! Unusual use of the tool, found by a review that tried to break it: each
//! test is one way a build went wrong, and what it does now.
#![cfg(unix)]

mod common;

use common::{json, project, repo, strings};
use dossier::commands;
use std::fs;

/// The id of a process that has exited (so no process has it, unless the
/// system gave it out again in the meantime, which `pid_alive` then sees).
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// Marking a quoted actor `ignore: true` (as the build's own warning
/// suggests for a name seen once) leaves no link to the page it no longer
/// has: the quote names the speaker as written, and `check` finds nothing.
#[test]
fn an_ignored_actor_who_is_quoted_is_named_not_linked() {
    let p = project(true);
    commands::build(p.path(), None, None).unwrap();
    let before = json(p.path());
    let quoted: Vec<String> = before["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q["speaker"].as_str().map(str::to_string))
        .collect();
    assert!(!quoted.is_empty(), "the seeds have attributed quotes");
    let speaker = &quoted[0];
    let name = before["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == speaker.as_str())
        .unwrap()["name"]
        .as_str()
        .unwrap()
        .to_string();
    let config = fs::read_to_string(p.path().join("config.yaml")).unwrap();
    let config = config.replacen(
        "actors:\n",
        &format!("actors:\n  - name: \"{name}\"\n    ignore: true\n"),
        1,
    );
    fs::write(p.path().join("config.yaml"), config).unwrap();
    commands::build(p.path(), None, None).unwrap();
    let after = json(p.path());
    let actor_ids = strings(&after["actors"], "id");
    assert!(!actor_ids.contains(&speaker.as_str()));
    for q in after["quotes"].as_array().unwrap() {
        if let Some(s) = q["speaker"].as_str() {
            assert!(actor_ids.contains(&s), "quote by `{s}`, no such actor");
        }
    }
    for e in after["events"].as_array().unwrap() {
        for a in e["actors"].as_array().unwrap() {
            assert!(actor_ids.contains(&a.as_str().unwrap()), "event names {a}");
        }
    }
    let named = after["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["speaker"].is_null() && q["speaker_text"].as_str().is_some());
    assert!(
        named,
        "the ignored speaker's quotes keep the name as written"
    );
    let (problems, _) = commands::check(p.path(), None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

/// A `.public.prev` folder that a person made is not a previous site to
/// recycle: the build leaves it and what it holds alone.
#[test]
fn a_public_prev_folder_the_tool_did_not_make_is_left_alone() {
    let p = project(true);
    let prev = p.path().join(".public.prev");
    fs::create_dir_all(&prev).unwrap();
    fs::write(prev.join("notes.txt"), "precious").unwrap();
    commands::build(p.path(), None, None).unwrap();
    commands::build(p.path(), None, None).unwrap();
    assert_eq!(
        fs::read_to_string(prev.join("notes.txt")).unwrap(),
        "precious"
    );
    assert!(p.path().join("public/data/dossier.json").is_file());
}

/// The temporary folder of a build that is still running (another build, or
/// `serve`) is not a leftover; one of a build that is gone is deleted. So
/// are a killed build's temporary content files.
#[test]
fn only_a_dead_builds_temporary_files_are_cleared() {
    let p = project(true);
    let live = p.path().join(format!(
        ".public.tmp-{}",
        std::os::unix::process::parent_id()
    ));
    let dead = p.path().join(format!(".public.tmp-{}", dead_pid()));
    // this process's id: left by an earlier build in this process, or by a
    // process that had the same id (in a container, every run is process 1)
    let own = p.path().join(format!(".public.tmp-{}", std::process::id()));
    for d in [&live, &dead, &own] {
        fs::create_dir_all(d).unwrap();
        fs::write(d.join("page.html"), "half-written").unwrap();
    }
    let articles = p.path().join("content/articles");
    fs::create_dir_all(&articles).unwrap();
    let tmp_content = articles.join(format!(".x.md.tmp-{}", dead_pid()));
    fs::write(&tmp_content, "half-written").unwrap();
    commands::build(p.path(), None, None).unwrap();
    assert!(
        live.join("page.html").is_file(),
        "a live build's folder was deleted"
    );
    assert!(!dead.exists(), "a dead build's folder is a leftover");
    assert!(
        !own.exists(),
        "a folder with this process's id is a leftover"
    );
    // (kept, it would have been taken for this build's folder, and its
    // stale file published with the site)
    assert!(!p.path().join("public/page.html").exists());
    assert!(
        !tmp_content.exists(),
        "a dead build's content file is a leftover"
    );
}

/// `--out config.yaml` (before the file exists) and `--out .dossier-cache`
/// are refused; `--out public/.` is `public`.
#[test]
fn output_folder_names_of_project_files_are_refused() {
    let p = project(false);
    for out in ["config.yaml", ".dossier-cache", ".dossier-cache/x"] {
        let err = commands::build(p.path(), Some(&p.path().join(out)), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("refusing"), "{out}: {err}");
        assert!(!p.path().join("config.yaml").exists());
    }
    commands::build(p.path(), None, None).unwrap();
    let report = commands::build(p.path(), Some(&p.path().join("public/.")), None).unwrap();
    assert!(report.pages > 0);
    assert!(p.path().join("public/data/dossier.json").is_file());
}

/// A project's `templates/style.css` and `templates/search.js` replace the
/// built-in ones, as its templates do; `init` writes the stylesheet to
/// start from (not the search script, which reads the index this version
/// writes).
#[test]
fn a_project_stylesheet_replaces_the_built_in_one() {
    let p = project(true);
    fs::create_dir_all(p.path().join("templates")).unwrap();
    fs::write(
        p.path().join("templates/style.css"),
        "body { color: red }\n",
    )
    .unwrap();
    commands::build(p.path(), None, None).unwrap();
    assert_eq!(
        fs::read_to_string(p.path().join("public/assets/style.css")).unwrap(),
        "body { color: red }\n"
    );
    let built_in = fs::read_to_string(repo().join("templates/search.js")).unwrap();
    assert_eq!(
        fs::read_to_string(p.path().join("public/assets/search.js")).unwrap(),
        built_in
    );
    let fresh = tempfile::tempdir().unwrap();
    let made = commands::init(&fresh.path().join("d")).unwrap();
    assert!(made.iter().any(|m| m == "templates/style.css"), "{made:?}");
    assert!(!made.iter().any(|m| m == "templates/search.js"), "{made:?}");
}

/// Two seeds whose names differ only in bytes that are not UTF-8 would get
/// the same name once decoded: both are skipped, each with a warning.
/// (Linux: macOS's file systems refuse such names.)
#[cfg(target_os = "linux")]
#[test]
fn a_seed_name_that_is_not_utf8_is_skipped_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let p = project(true);
    let text =
        "Port strike ends\n\nDock workers in Rotterdam ended a strike on Monday, the union said.\n";
    for b in [0xfe_u8, 0xff] {
        let bytes = [b'r', b, b'.', b't', b'x', b't'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        fs::write(p.path().join("seeds").join(name), text).unwrap();
    }
    let report = commands::build(p.path(), None, None).unwrap();
    let skipped = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("not valid UTF-8"))
        .count();
    assert_eq!(skipped, 2, "{:?}", report.warnings);
    assert_eq!(report.articles, 5);
}

/// `seeds:` settings may name a seed by its path under `seeds/` (two
/// folders may hold files of the same name); a key that names no seed is
/// warned about.
#[test]
fn seed_settings_follow_the_path_and_unknown_keys_are_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let text = |city: &str| {
        format!("Port strike ends in {city}\n\nDock workers in {city} ended a strike on Monday, the union said in a statement to reporters.\n")
    };
    for (sub, city) in [("a", "Rotterdam"), ("b", "Antwerp")] {
        fs::create_dir_all(dir.path().join("seeds").join(sub)).unwrap();
        fs::write(dir.path().join("seeds").join(sub).join("x.txt"), text(city)).unwrap();
    }
    fs::write(
        dir.path().join("config.yaml"),
        "seeds:\n  a/x.txt:\n    publisher: Harbour Daily\n  seeds/b/x.txt:\n    publisher: Dock Gazette\n  nosuch.txt:\n    publisher: Nobody\n",
    )
    .unwrap();
    let report = commands::build(dir.path(), None, None).unwrap();
    let d = json(dir.path());
    let publishers = strings(&d["articles"], "publisher");
    assert_eq!(publishers.len(), 2);
    assert!(publishers.contains(&"harbour-daily"), "{publishers:?}");
    assert!(publishers.contains(&"dock-gazette"), "{publishers:?}");
    let unknown: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.message.contains("seeds.nosuch.txt"))
        .collect();
    assert_eq!(unknown.len(), 1, "{:?}", report.warnings);
}

/// Two builds of one project at once: the second waits for the first
/// (they would write the same content files and cache tables), then builds.
/// The test holds the lock a build takes, as a running build would.
#[test]
fn a_second_build_waits_for_the_first() {
    let p = project(true);
    let lock = p.path().join(".dossier-cache/build.lock");
    fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let held = fs::File::create(&lock).unwrap();
    held.lock().unwrap();
    let root = p.path().to_path_buf();
    let second = std::thread::spawn(move || commands::build(&root, None, None).map(|r| r.articles));
    // a build of five articles takes well under a second: long enough
    // for it to have finished, had it not waited
    let waited = std::time::Instant::now();
    while !second.is_finished() && waited.elapsed() < std::time::Duration::from_secs(3) {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(!second.is_finished(), "the second build did not wait");
    assert!(!p.path().join("public").exists());
    held.unlock().unwrap();
    assert_eq!(second.join().unwrap().unwrap(), 5);
    assert!(p.path().join("public/index.html").is_file());
}
