//! Rebuilds with the build cache give exactly the site and content files a
//! build from scratch gives, whatever changed in between: a seed, the
//! config, a template, or the cache itself.

use dossier::commands;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Every file under `dir`, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// A project holding the bundled seeds, plus copies of two of them with
/// small edits, so that articles share passages (cross-links, "also in",
/// date estimates from shared text).
fn project(dir: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir.join("seeds")).unwrap();
    fs::copy(repo.join("config.yaml"), dir.join("config.yaml")).unwrap();
    let mut names: Vec<_> = fs::read_dir(repo.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "the bundled seeds");
    for p in &names {
        fs::copy(p, dir.join("seeds").join(p.file_name().unwrap())).unwrap();
    }
    for (i, p) in names.iter().take(2).enumerate() {
        let text = fs::read_to_string(p).unwrap();
        let edited = text.replacen(
            '\n',
            "\nA follow-up report added on Tuesday that talks resumed in Geneva.\n",
            1,
        );
        // an unpunctuated line in two files: not yet site furniture
        let edited = format!("{edited}\nMarkets in the region closed higher on the day\n");
        fs::write(
            dir.join("seeds").join(format!("zz-follow-up-{i}.txt")),
            edited,
        )
        .unwrap();
    }
}

/// The site and content files that a build without the cache makes of the
/// inputs `dir` had before its last build: its seeds, templates, config and
/// content files (`content` is what the last build started from).
fn scratch(
    dir: &Path,
    content: &BTreeMap<String, Vec<u8>>,
) -> (BTreeMap<String, Vec<u8>>, BTreeMap<String, Vec<u8>>) {
    let fresh = tempfile::tempdir().unwrap();
    for sub in ["seeds", "templates"] {
        if dir.join(sub).is_dir() {
            fs::create_dir_all(fresh.path().join(sub)).unwrap();
            for e in fs::read_dir(dir.join(sub)).unwrap() {
                let e = e.unwrap();
                fs::copy(e.path(), fresh.path().join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    for (rel, bytes) in content {
        let p = fresh.path().join("content").join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
    fs::copy(dir.join("config.yaml"), fresh.path().join("config.yaml")).unwrap();
    commands::build_cached(fresh.path(), None, None, false).unwrap();
    (
        snapshot(&fresh.path().join("public")),
        snapshot(&fresh.path().join("content")),
    )
}

/// Build `dir` with the cache and check the result against a build of the
/// same inputs without it.
fn build_and_compare(dir: &Path, what: &str) -> commands::Report {
    let before = snapshot(&dir.join("content"));
    let report = commands::build(dir, None, None).unwrap();
    let (public, content) = scratch(dir, &before);
    let got_public = snapshot(&dir.join("public"));
    let got_content = snapshot(&dir.join("content"));
    assert_eq!(
        got_public.keys().collect::<Vec<_>>(),
        public.keys().collect::<Vec<_>>(),
        "{what}: the same files"
    );
    for (rel, bytes) in &public {
        assert!(got_public[rel] == *bytes, "{what}: public/{rel} differs");
    }
    assert_eq!(got_content, content, "{what}: content/ differs");
    report
}

/// The first content file of the project, by name.
fn first_content_file(root: &Path) -> std::path::PathBuf {
    fs::read_dir(root.join("content/articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .min()
        .unwrap()
}

/// Add a line to the end of a seed.
fn add_line(seed: &Path, line: &str) {
    let text = fs::read_to_string(seed).unwrap();
    fs::write(seed, format!("{text}\n{line}\n")).unwrap();
}

fn reused(r: &commands::Report, table: &str) -> (usize, usize) {
    r.cache
        .iter()
        .find(|c| c.0 == table)
        .map(|c| (c.1, c.2))
        .unwrap_or_else(|| panic!("no cache table {table} in {:?}", r.cache))
}

#[test]
fn rebuilds_equal_builds_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    let n = fs::read_dir(root.join("seeds")).unwrap().count();

    // cold: everything computed
    let first = build_and_compare(root, "first build");
    assert_eq!(reused(&first, "clean"), (0, n));
    assert_eq!(reused(&first, "pages").0, 0);

    // nothing changed: everything reused, and the same site
    let again = build_and_compare(root, "unchanged rebuild");
    assert_eq!(reused(&again, "clean"), (n, 0));
    assert_eq!(reused(&again, "events"), (first.articles, 0));
    let (pages_reused, pages_rendered) = reused(&again, "pages");
    assert_eq!(pages_rendered, 0);
    assert!(pages_reused >= first.pages);
    let (files_reused, files_made) = reused(&again, "content files");
    assert_eq!(files_made, 0);
    assert!(files_reused > 0);

    // one seed changed: only its article is cleaned again
    let seed = fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().contains("zz-"))
        .min()
        .unwrap();
    add_line(
        &seed,
        "On March 3, 2016, the Arab League said it would send observers.",
    );
    let changed = build_and_compare(root, "one seed changed");
    assert_eq!(reused(&changed, "clean"), (n - 1, 1));
    let (pages_reused, pages_rendered) = reused(&changed, "pages");
    assert!(
        pages_rendered >= 2,
        "its article page and the overview at least"
    );
    assert!(pages_reused > 0, "pages that do not depend on it are kept");
    // a new actor (the Arab League) renumbers the actors: every article's
    // quotes and attributions are found again, and its text is segmented
    // again with the forms learned
    assert_eq!(
        reused(&changed, "quotes"),
        (0, changed.articles),
        "{:?}",
        changed.cache
    );
    // its name is a form the segmenter knows without learning it: only
    // that article is segmented again
    assert_eq!(
        reused(&changed, "actor segments"),
        (changed.articles - 1, 1),
        "{:?}",
        changed.cache
    );
    // the key points' words are found again in that article only
    assert_eq!(
        reused(&changed, "key point words"),
        (changed.articles - 1, 1),
        "{:?}",
        changed.cache
    );
    // the events of the dates it does not report are clustered as before
    let (dates_reused, dates_clustered) = reused(&changed, "event clusters");
    assert!(
        dates_reused > 0 && dates_clustered >= 1,
        "{:?}",
        changed.cache
    );

    // a new person speaking: a form learned, so every article is segmented
    // again with it
    add_line(
        &seed,
        "Halvard Brennick-Osei, the mission's spokesman, said the talks would resume.",
    );
    let speaker = build_and_compare(root, "a new speaker");
    assert_eq!(
        reused(&speaker, "actor segments"),
        (0, speaker.articles),
        "{:?}",
        speaker.cache
    );

    // a sentence that names no one: quotes and attributions are found again
    // in that article only
    add_line(
        &seed,
        "Residents said the water supply was cut again overnight.",
    );
    let no_one = build_and_compare(root, "a sentence naming no one");
    let rest = no_one.articles - 1;
    assert_eq!(reused(&no_one, "quotes"), (rest, 1), "{:?}", no_one.cache);
    assert_eq!(reused(&no_one, "citations"), (rest, 1));
    // no new form either: only that article is segmented again
    assert_eq!(reused(&no_one, "actor segments"), (rest, 1));

    // a new seed repeating lines of others: lines that now recur in three
    // files are site furniture, so those others are cleaned again
    let copy = fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("zz-follow-up-0"))
        .unwrap();
    let text = fs::read_to_string(&copy).unwrap();
    fs::write(
        root.join("seeds/zz-follow-up-third.txt"),
        format!("{text}\nThe foreign ministers are due to meet again in Vienna next week.\n"),
    )
    .unwrap();
    let third = build_and_compare(root, "a seed repeating others' lines");
    assert_eq!(reused(&third, "clean").1, 3, "{:?}", third.cache);
    fs::remove_file(root.join("seeds/zz-follow-up-third.txt")).unwrap();

    // a seed removed
    fs::remove_file(&seed).unwrap();
    build_and_compare(root, "one seed removed");

    // the config changed (a cleaning pattern: every article is cleaned again)
    let config = fs::read_to_string(root.join("config.yaml")).unwrap();
    assert!(
        !config.contains("\ncleaning:"),
        "the test adds its own section"
    );
    fs::write(
        root.join("config.yaml"),
        format!("{config}\ncleaning:\n  boilerplate: ['^Follow us on']\n"),
    )
    .unwrap();
    let r = build_and_compare(root, "config changed");
    assert_eq!(reused(&r, "clean").0, 0, "new options: cleaned again");

    // a template overridden
    fs::create_dir_all(root.join("templates")).unwrap();
    let base = dossier::render::DEFAULT_TEMPLATES
        .iter()
        .find(|(n, _)| *n == "base.html")
        .map(|(_, t)| *t)
        .unwrap();
    fs::write(
        root.join("templates/base.html"),
        base.replacen("<body", "<!-- custom -->\n<body", 1),
    )
    .unwrap();
    let custom = build_and_compare(root, "template changed");
    assert_eq!(
        reused(&custom, "pages").0,
        0,
        "new templates: every page rendered"
    );
    assert!(fs::read_to_string(root.join("public/index.html"))
        .unwrap()
        .contains("<!-- custom -->"));

    // a damaged cache is ignored
    for e in fs::read_dir(root.join(".dossier-cache")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "bin") {
            let b = fs::read(&p).unwrap();
            fs::write(&p, &b[..b.len() / 2]).unwrap();
        }
    }
    build_and_compare(root, "damaged cache");

    // a page of the published site edited by hand is rendered again
    let index = root.join("public/index.html");
    let mut bytes = fs::read(&index).unwrap();
    let last = bytes.len() - 2;
    bytes[last] = b'X';
    fs::write(&index, &bytes).unwrap();
    build_and_compare(root, "hand-edited page");

    // a generated content file deleted: made again (the cache knows its
    // fingerprint, which no file on disk carries now)
    let md = first_content_file(root);
    fs::remove_file(&md).unwrap();
    let r = build_and_compare(root, "content file deleted");
    assert!(md.is_file());
    assert_eq!(r.content_written.len(), 1);
}

#[test]
fn no_cache_leaves_no_cache() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path());
    let r = commands::build_cached(dir.path(), None, None, false).unwrap();
    // (the folder holds the build lock, and no table)
    let tables = fs::read_dir(dir.path().join(".dossier-cache"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "bin")
        })
        .count();
    assert_eq!(tables, 0);
    assert!(r.cache.iter().all(|c| c.1 == 0));
    commands::build(dir.path(), None, None).unwrap();
    assert!(dir.path().join(".dossier-cache/clean.bin").is_file());
    assert!(dir.path().join(".dossier-cache/CACHEDIR.TAG").is_file());
}

#[test]
fn an_unchanged_project_is_not_built_again() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    // the first build writes the content files (an input): no record
    let first = commands::build(root, None, None).unwrap();
    assert!(!first.up_to_date);
    assert!(!first.content_written.is_empty());
    let second = commands::build(root, None, None).unwrap();
    assert!(!second.up_to_date, "the first build changed content/");
    assert!(second.content_written.is_empty());
    let site = snapshot(&root.join("public"));

    // nothing changed: nothing done, the same report
    let third = commands::build(root, None, None).unwrap();
    assert!(third.up_to_date);
    assert_eq!(
        (
            third.articles,
            third.pages,
            third.actors,
            third.sources,
            third.events
        ),
        (
            second.articles,
            second.pages,
            second.actors,
            second.sources,
            second.events
        )
    );
    assert_eq!(third.warnings, second.warnings);
    assert!(third.cache.is_empty(), "no cache table was even read");
    assert_eq!(snapshot(&root.join("public")), site);

    // a seed saved again, same bytes: built (and still the same site)
    let seed = fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    let text = fs::read(&seed).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&seed, &text).unwrap();
    let r = build_and_compare(root, "seed saved again");
    assert!(!r.up_to_date);
    assert!(commands::build(root, None, None).unwrap().up_to_date);

    // a page deleted from the published site: built, and the page is back
    fs::remove_file(root.join("public/timeline/index.html")).unwrap();
    let r = build_and_compare(root, "page deleted");
    assert!(!r.up_to_date);
    assert!(root.join("public/timeline/index.html").is_file());

    // another base URL: built; the same again: up to date
    let url = Some("https://example.org/dossier/".to_string());
    assert!(!commands::build(root, None, url.clone()).unwrap().up_to_date);
    assert!(commands::build(root, None, url).unwrap().up_to_date);
    assert!(!commands::build(root, None, None).unwrap().up_to_date);

    // a content file edited by hand: built
    let md = first_content_file(root);
    let body = fs::read_to_string(&md).unwrap();
    fs::write(&md, format!("{body}\nAn analyst's note.\n")).unwrap();
    let r = build_and_compare(root, "content edited");
    assert!(!r.up_to_date);
    assert!(fs::read_to_string(root.join("public/data/dossier.json"))
        .unwrap()
        .contains("An analyst's note."));
}

/// A new shared passage changes the pages of the articles that carry it, and
/// not those of articles carrying other passages: a passage's id and label do
/// not depend on where it falls among the others.
#[test]
fn a_new_shared_passage_leaves_other_carriers_pages_alone() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    commands::build(root, None, None).unwrap();
    let before = snapshot(&root.join("public"));
    let line = "\nLate on Monday the regional health office said that 88 people had died in the two districts since the weekend.\n";
    let mut touched = Vec::new();
    for seed in ["zz-follow-up-0.txt", "zz-follow-up-1.txt"] {
        let p = root.join("seeds").join(seed);
        let text = fs::read_to_string(&p).unwrap();
        fs::write(&p, format!("{text}{line}")).unwrap();
        touched.push(seed.trim_end_matches(".txt"));
    }
    let r = build_and_compare(root, "new shared passage");
    assert!(!r.up_to_date);
    let after = snapshot(&root.join("public"));
    // the touched seeds' pages, by the seed named in their front matter
    let of_touched = |page: &[u8]| {
        let page = String::from_utf8_lossy(page);
        touched
            .iter()
            .any(|s| page.contains(&format!("seeds/{s}.txt")))
    };
    let carriers: Vec<&String> = before
        .iter()
        .filter(|(rel, page)| {
            rel.starts_with("articles/")
                && rel.ends_with("/index.html")
                && !of_touched(page)
                && String::from_utf8_lossy(page).contains("<mark class=\"shared\"")
        })
        .map(|(rel, _)| rel)
        .collect();
    assert!(!carriers.is_empty(), "untouched articles carry passages");
    for rel in carriers {
        assert!(before[rel] == after[rel], "public/{rel} changed");
    }
    // and the new passage is marked on the touched articles' pages
    let marked = after
        .iter()
        .filter(|(rel, page)| {
            let page = String::from_utf8_lossy(page);
            rel.starts_with("articles/")
                && of_touched(page.as_bytes())
                && page.contains("since the weekend.</mark>")
        })
        .count();
    assert_eq!(marked, 2, "both carriers mark the new passage");
}

/// An article with no date, and no passage in common with a dated one,
/// is dated by the words it shares with them. Each article's sentences and
/// words are cached by its text: a change to one article makes its own
/// again, and keeps the others'.
#[test]
fn an_undated_articles_words_are_cached_by_its_text() {
    const UNDATED: &str = "Aid convoy stalled near Aleppo\n\nHumanitarian agencies said the convoy carrying food and medicine for eastern Aleppo remained stalled at the checkpoint while negotiations between Russia and the United States continued over the ceasefire arrangements and the monitoring of the truce.\n\nResidents described shortages of bread, fuel and water across the besieged districts as the bombardment resumed.\n";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    let seed = root.join("seeds/zz-undated.txt");
    fs::write(&seed, UNDATED).unwrap();
    let first = build_and_compare(root, "first build");
    assert_eq!(reused(&first, "sentences"), (0, first.articles));
    assert_eq!(reused(&first, "terms"), (0, first.articles));
    let estimated = |root: &Path| {
        let json = fs::read_to_string(root.join("public/data/dossier.json")).unwrap();
        let d: serde_json::Value = serde_json::from_str(&json).unwrap();
        d["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["seed"] == "seeds/zz-undated.txt")
            .map(|a| a["published_basis"].clone())
    };
    assert_eq!(estimated(root), Some("estimated".into()));

    add_line(
        &seed,
        "Convoy drivers waited a third day for permission to cross.",
    );
    let changed = build_and_compare(root, "the undated article changed");
    let rest = changed.articles - 1;
    assert_eq!(
        reused(&changed, "sentences"),
        (rest, 1),
        "{:?}",
        changed.cache
    );
    assert_eq!(reused(&changed, "terms"), (rest, 1), "{:?}", changed.cache);
    assert_eq!(estimated(root), Some("estimated".into()));
}

/// The site a build replaced is kept and recycled by the build after, which
/// deletes the files the new site does not have by the record of what that
/// site held. Anything put into the kept folder since (a stray file, a new
/// folder) makes the record useless: the folder is then walked, and none of
/// it reaches the site.
#[test]
fn a_tampered_recycled_folder_is_walked_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    project(root);
    let seeds: Vec<_> = {
        let mut v: Vec<_> = fs::read_dir(root.join("seeds"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let touch = |i: usize, line: &str| {
        let text = fs::read_to_string(&seeds[i]).unwrap();
        fs::write(&seeds[i], format!("{text}\n{line}\n")).unwrap();
    };
    build_and_compare(root, "first build");
    // from here on a build recycles the site before the last one
    for (i, line) in [
        "Officials said on Monday that talks would resume.",
        "The ministry said on Tuesday the road had reopened.",
    ]
    .iter()
    .enumerate()
    {
        touch(i, line);
        build_and_compare(root, "one seed changed");
    }
    // a seed removed: its article's page goes, by the record
    let gone = seeds.last().unwrap();
    fs::remove_file(gone).unwrap();
    build_and_compare(root, "a seed removed");
    touch(
        0,
        "Aid agencies said on Wednesday that convoys were waiting.",
    );
    build_and_compare(root, "one seed changed");

    // stray files in the kept site, where a page is and in a new folder
    let prev = root.join(".public.prev");
    let page_dir = fs::read_dir(prev.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .min()
        .unwrap();
    fs::write(page_dir.join("stray.html"), "stray").unwrap();
    fs::create_dir_all(prev.join("articles/stray-folder")).unwrap();
    fs::write(prev.join("articles/stray-folder/index.html"), "stray").unwrap();
    touch(1, "A convoy reached the city on Thursday, the agency said.");
    build_and_compare(root, "stray files in the recycled folder");
    assert!(!root.join("public/articles/stray-folder").exists());
}
