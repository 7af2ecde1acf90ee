//! End-to-end: build the bundled seeds in a temporary project and assert on
//! the pages, the links and `dossier.json`.

mod common;

use common::{empty_project, json, project, repo};
use dossier::commands;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Month names for the dates of generated articles.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Town names for generated articles.
const TOWNS: &[&str] = &[
    "Alderby",
    "Brackwell",
    "Corrin",
    "Dunmere",
    "Eastholm",
    "Fenwick",
    "Garrow",
    "Holloway",
    "Ivybridge",
    "Jarrow",
    "Kestle",
    "Lowick",
    "Marden",
    "Norcot",
    "Oakhurst",
    "Pellow",
    "Quarry",
    "Rosebank",
    "Selworth",
];

fn read_tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut m = BTreeMap::new();
    for e in walkdir::WalkDir::new(root).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e
                .path()
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            m.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    m
}

/// Asserts that two projects' sites hold the same files, byte for byte
/// (`what` says which builds, in the message); returns the first site.
fn same_site(a: &Path, b: &Path, what: &str) -> BTreeMap<String, Vec<u8>> {
    let (ta, tb) = (read_tree(&a.join("public")), read_tree(&b.join("public")));
    assert_eq!(ta.keys().collect::<Vec<_>>(), tb.keys().collect::<Vec<_>>());
    for (k, v) in &ta {
        assert!(v == &tb[k], "{k} differs {what}");
    }
    ta
}

/// A page's section from the heading with this `id` to its end.
fn section_of<'p>(page: &'p str, id: &str) -> &'p str {
    let from = &page[page.find(&format!("id=\"{id}\"")).unwrap()..];
    &from[..from.find("</section>").unwrap()]
}

/// The first item of the list `list` of `dossier.json` that `pred` accepts.
fn first_in<'j>(
    j: &'j serde_json::Value,
    list: &str,
    pred: impl Fn(&serde_json::Value) -> bool,
) -> Option<&'j serde_json::Value> {
    j[list].as_array().unwrap().iter().find(|x| pred(x))
}

#[test]
fn seeds_build_into_a_complete_linked_site() {
    let p = project(true);
    let report = commands::build(p.path(), None, None).unwrap();
    assert_eq!(report.articles, 5);
    let out = p.path().join("public");
    for page in [
        "index.html",
        "timeline/index.html",
        "actors/index.html",
        "sources/index.html",
        "articles/index.html",
        "briefing/index.html",
        "search/index.html",
        "assets/style.css",
        "assets/highlight.css",
        "assets/search-index.js",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
    let d = json(p.path());
    assert_eq!(d["schema"], 1);
    let articles = d["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 5);
    // every article, actor and source has its page, and ids are slugs
    for list in ["articles", "actors", "sources"] {
        let items = d[list].as_array().unwrap();
        assert!(!items.is_empty(), "no {list}");
        for it in items {
            let id = it["id"].as_str().unwrap();
            assert!(
                id.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id}"
            );
            assert!(
                out.join(it["page"].as_str().unwrap()).is_file(),
                "{list}: no page for {id}"
            );
        }
    }
    // every actor page lists every article that mentions it
    for a in d["actors"].as_array().unwrap() {
        let html = fs::read_to_string(out.join(a["page"].as_str().unwrap())).unwrap();
        for art in a["articles"].as_array().unwrap() {
            let href = format!("../../articles/{}/index.html", art.as_str().unwrap());
            assert!(
                html.contains(&href),
                "actor {} does not link {href}",
                a["id"]
            );
        }
    }
    // articles carry seed, content path and cleaned paragraphs; content files exist
    for a in articles {
        assert!(a["seed"].as_str().unwrap().starts_with("seeds/"));
        assert!(p.path().join(a["content"].as_str().unwrap()).is_file());
        assert!(!a["paragraphs"].as_array().unwrap().is_empty());
    }
    // config publisher and date are used
    let csglobe = articles
        .iter()
        .find(|a| a["seed"] == "seeds/000_8ff7cc808769b7d0.txt")
        .unwrap();
    assert_eq!(csglobe["publisher"], "csglobe");
    assert_eq!(csglobe["published"], "2016-09-22");
    assert_eq!(csglobe["published_basis"], "config");
    // every internal link of the site resolves
    let map = read_tree(&out);
    let problems = dossier::check::check_links(&map);
    assert!(problems.is_empty(), "{problems:#?}");
    // links are relative and name files, never folders
    let index = String::from_utf8(map["index.html"].clone()).unwrap();
    assert!(index.contains("href=\"timeline/index.html\""));
    assert!(!index.contains("href=\"/"), "absolute link in index.html");
}

#[test]
fn builds_without_config_from_the_text_alone() {
    let p = project(false);
    commands::build(p.path(), None, None).unwrap();
    let d = json(p.path());
    assert_eq!(d["articles"].as_array().unwrap().len(), 5);
    assert!(!d["actors"].as_array().unwrap().is_empty());
    let (problems, _) = commands::check(p.path(), None).unwrap();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = project(true);
    let b = project(true);
    commands::build(a.path(), None, None).unwrap();
    commands::build(b.path(), None, None).unwrap();
    let ta = same_site(a.path(), b.path(), "between two builds");
    // and a rebuild in place changes nothing
    commands::build(a.path(), None, None).unwrap();
    assert_eq!(read_tree(&a.path().join("public")), ta);
}

#[test]
fn an_edited_content_file_is_kept_and_used() {
    let p = project(true);
    commands::build(p.path(), None, None).unwrap();
    let d = json(p.path());
    // an article whose headline names a place its body does not ("US"):
    // the new headline changes the places extraction finds
    let art = first_in(&d, "articles", |a| {
        a["seed"] == "seeds/000_8ff7cc808769b7d0.txt"
    })
    .unwrap();
    assert!(art["places"].as_array().unwrap().contains(&"US".into()));
    let content = p.path().join(art["content"].as_str().unwrap());
    let text = fs::read_to_string(&content).unwrap();
    let edited = text.replacen(
        &format!("title: {}", art["title"].as_str().unwrap()),
        "title: Corrected headline",
        1,
    );
    assert_ne!(edited, text, "the title line was not found");
    fs::write(&content, &edited).unwrap();
    let report = commands::build(p.path(), None, None).unwrap();
    assert_eq!(
        fs::read_to_string(&content).unwrap(),
        edited,
        "the edit was overwritten"
    );
    assert!(
        report.content_written.is_empty(),
        "{:?}",
        report.content_written
    );
    // the seed did not change: no new version to merge, and no warning
    // (the new headline names other places, which is not the seed's doing)
    let new_version = content.with_extension("md.new");
    assert!(!new_version.exists(), "a .md.new for an unchanged seed");
    assert!(
        !report.warnings.iter().any(|w| w.kind == "edited content"),
        "{:?}",
        report.warnings
    );
    let d = json(p.path());
    let again = first_in(&d, "articles", |a| a["id"] == art["id"]).unwrap();
    assert_eq!(again["title"], "Corrected headline");
    assert_eq!(again["edited"], true);
    assert!(!again["places"].as_array().unwrap().contains(&"US".into()));
    let page = fs::read_to_string(
        p.path()
            .join("public")
            .join(again["page"].as_str().unwrap()),
    )
    .unwrap();
    assert!(page.contains("Corrected headline"));

    // a person's correction to a list is not a new version either
    let corrected = edited.replacen("\n- US\n", "\n", 1);
    assert_ne!(corrected, edited, "the places line was not found");
    fs::write(&content, &corrected).unwrap();
    let report = commands::build(p.path(), None, None).unwrap();
    assert!(!new_version.exists(), "a .md.new for a corrected list");
    assert!(!report.warnings.iter().any(|w| w.kind == "edited content"));
    let edited = corrected;

    // the seed changes: the edit stays, the new version is set beside it
    let seed = p.path().join(art["seed"].as_str().unwrap());
    let raw = fs::read_to_string(&seed).unwrap();
    let added =
        "Talks between the two delegations are to resume in Geneva next week, officials said.";
    fs::write(&seed, format!("{raw}\n\n{added}\n")).unwrap();
    let report = commands::build(p.path(), None, None).unwrap();
    assert_eq!(fs::read_to_string(&content).unwrap(), edited);
    let new_text = fs::read_to_string(&new_version).expect("no .md.new for a changed seed");
    assert!(new_text.contains(added));
    assert!(report.warnings.iter().any(|w| w.kind == "edited content"));

    // the new version taken whole: it has the person's corrected list, and
    // the build keeps it (the file is still theirs, not one it overwrites)
    assert!(!new_text.contains("\n- US\n"));
    fs::rename(&new_version, &content).unwrap();
    let report = commands::build(p.path(), None, None).unwrap();
    let kept = fs::read_to_string(&content).unwrap();
    assert_eq!(kept, new_text, "the accepted version was rewritten");
    assert!(!new_version.exists());
    assert!(!report.warnings.iter().any(|w| w.kind == "edited content"));
}

#[test]
fn hand_written_articles_are_first_class() {
    let p = project(true);
    let dir = p.path().join("content/articles");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("analyst-note.md"),
        "---\ntitle: Analyst note\npublished: 2016-09-24\npublisher: Desk\n---\n\nJohn Kerry met Sergei Lavrov in Geneva on Friday.\n\n```yaml\nkey: value\n```\n",
    )
    .unwrap();
    commands::build(p.path(), None, None).unwrap();
    let d = json(p.path());
    let a = first_in(&d, "articles", |a| a["id"] == "analyst-note").unwrap();
    assert_eq!(a["seed"], serde_json::Value::Null);
    assert_eq!(a["published_basis"], "front-matter");
    let html =
        fs::read_to_string(p.path().join("public/articles/analyst-note/index.html")).unwrap();
    assert!(html.contains("class=\"hl-"), "fenced code is highlighted");
    assert!(html.contains("<p id=\"p1\">"));
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("seeds")).unwrap();
    fs::write(
        dir.path().join("seeds/evil.txt"),
        "Evil <script>alert(1)</script> headline\n\nThe minister <img src=x onerror=alert(1)> said the talks in Geneva failed on Monday, officials told Reuters.\n\nAnother paragraph with <script>document.cookie</script> and javascript:alert(1) in it.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("config.yaml"),
        "title: \"<script>alert('t')</script>\"\nbase_url: https://example.org/x/\n",
    )
    .unwrap();
    commands::build(dir.path(), None, None).unwrap();
    for (path, bytes) in read_tree(&dir.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        assert!(
            !text.contains("<script>alert"),
            "{path} carries an unescaped script from input"
        );
        assert!(
            !text.contains("<script>document"),
            "{path} carries an unescaped script from input"
        );
        assert!(
            !text.contains("<img src=x"),
            "{path} carries an unescaped img from input"
        );
    }
    assert!(dir.path().join("public/feed.xml").is_file());
    assert!(dir.path().join("public/sitemap.xml").is_file());
}

#[test]
fn refuses_dangerous_output_folders() {
    let p = project(false);
    for out in [
        p.path().to_path_buf(),
        PathBuf::from("/"),
        p.path().join("seeds"),
        p.path().join("content/x"),
    ] {
        let err = commands::build(p.path(), Some(&out), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("refusing"), "{out:?}: {err}");
    }
    assert!(!p.path().join("index.html").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_site_intact() {
    let p = project(false);
    commands::build(p.path(), None, None).unwrap();
    let before = read_tree(&p.path().join("public"));
    fs::create_dir_all(p.path().join("templates")).unwrap();
    fs::write(p.path().join("templates/article.html"), "{% extends \"base.html\" %}{% block content %}{{ article.title | nosuchfilter }}{% endblock content %}").unwrap();
    let err = commands::build(p.path(), None, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("article.html"), "{err}");
    assert_eq!(read_tree(&p.path().join("public")), before);
    let leftovers: Vec<_> = fs::read_dir(p.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with(".public"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_sub_path_build_has_feed_sitemap_and_canonical_links() {
    let p = project(true);
    commands::build(
        p.path(),
        None,
        Some("https://example.org/briefings/aleppo/".into()),
    )
    .unwrap();
    let out = p.path().join("public");
    let sitemap = fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://example.org/briefings/aleppo/timeline/</loc>"),
        "{sitemap}"
    );
    let feed = fs::read_to_string(out.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 5);
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("rel=\"canonical\" href=\"https://example.org/briefings/aleppo/\""));
}

/// A story dated only by its photo caption: the date is estimated from the
/// caption and the text's weekdays; a page whose only dates are teasers of
/// other stories stays undated.
#[test]
fn a_dated_photo_caption_places_an_undated_story() {
    let (dir, seeds) = empty_project();
    fs::write(
        seeds.join("debate.txt"),
        "Rivals trade blows in a heated council debate\n\nThe two candidates were back on the campaign trail Thursday, each claiming the upper hand.\n\nMost observers judged Roe the winner, but Poe said he had enjoyed the night.\n\nJane Roe and John Poe face off at the town hall during their first debate, held Oct. 4, 2017.\n\nRoe told supporters Thursday morning that \"last night went well for us.\"\n",
    )
    .unwrap();
    fs::write(
        seeds.join("flood.txt"),
        "-\nHow to plan a garden you can keep alive - March 3, 2021\n-\nFive habits of people who never miss a train - March 1, 2021\nFlood waters rise in the river valley\nRescuers searched flooded villages in the valley early Monday as the river kept rising.\nDamage from the flood early Monday is seen across the lower town in this aerial view.\nThe regional governor said more rain was expected.\n",
    )
    .unwrap();
    let site = dossier::build::build(&dossier::build::BuildOptions {
        root: dir.path().to_path_buf(),
        base_url: None,
        cache: false,
    })
    .unwrap();
    let art = |word: &str| {
        site.dossier
            .articles
            .iter()
            .find(|a| a.id.contains(word))
            .unwrap()
    };
    let debate = art("debate");
    assert_eq!(debate.published.as_deref(), Some("2017-10-05"));
    assert_eq!(debate.published_basis.as_deref(), Some("estimated"));
    let mut days: Vec<&str> = site
        .dossier
        .events
        .iter()
        .filter(|e| e.precision == "day" && e.articles.contains(&debate.id))
        .map(|e| e.date.as_str())
        .collect();
    days.sort();
    days.dedup();
    assert_eq!(days, vec!["2017-10-04", "2017-10-05"]);
    assert!(site
        .warnings
        .iter()
        .any(|w| w.kind == "estimated date" && w.message.contains("photo caption")));
    let flood = art("flood");
    assert_eq!(flood.published, None);
    assert_eq!(flood.published_basis, None);
}

/// A corpus with more dated events than one page holds: the timeline gets a
/// page per month, every event link points at the page that lists it, the
/// overview and the briefing stay short, and every link resolves.
#[test]
fn a_large_timeline_splits_into_month_pages() {
    let (dir, seeds) = empty_project();
    let months = &MONTHS[..8];
    // varied words, so events of the same day stay apart
    let things = [
        "bridge",
        "school",
        "clinic",
        "harbour",
        "tunnel",
        "market",
        "library",
        "airport",
        "stadium",
        "reservoir",
        "railway",
        "museum",
        "factory",
    ];
    let verbs = [
        "opened",
        "closed",
        "inspected",
        "flooded",
        "repaired",
        "evacuated",
        "sold",
        "rebuilt",
        "blockaded",
        "painted",
        "surveyed",
    ];
    // a fixed pseudo-random pick (deterministic)
    let pick = |n: usize, salt: u64, len: usize| {
        let mut x = (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ salt;
        x ^= x >> 31;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x ^= x >> 29;
        (x % len as u64) as usize
    };
    for i in 0..420 {
        let mut paras = Vec::new();
        for k in 0..4 {
            let n = i * 4 + k;
            paras.push(format!(
                "The {} {} of {} was {} on {} {}, {}.",
                TOWNS[pick(n, 1, TOWNS.len())],
                things[pick(n, 2, things.len())],
                TOWNS[pick(n, 3, TOWNS.len())],
                verbs[pick(n, 4, verbs.len())],
                months[pick(n, 5, months.len())],
                1 + pick(n, 6, 28),
                2018 + pick(n, 7, 2),
            ));
        }
        let text = format!("Harbour report {i}\n\n{}\n", paras.join("\n\n"));
        fs::write(seeds.join(format!("r{i:04}.txt")), text).unwrap();
    }
    commands::build(dir.path(), None, None).unwrap();
    let out = dir.path().join("public");
    let j = json(dir.path());
    let dated = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["precision"] == "day")
        .count();
    assert!(dated > 1000, "the corpus has {dated} day events");
    // a page per month, listed on the timeline index
    let index = fs::read_to_string(out.join("timeline/index.html")).unwrap();
    for m in ["2018-01", "2019-05", "2019-08"] {
        assert!(
            out.join(format!("timeline/{m}/index.html")).is_file(),
            "{m}"
        );
        assert!(index.contains(&format!("href=\"{m}/index.html\"")), "{m}");
    }
    // every event is on its month's page, with its anchor
    let e = &j["events"].as_array().unwrap()[0];
    let (id, date) = (e["id"].as_str().unwrap(), e["date"].as_str().unwrap());
    let month_page =
        fs::read_to_string(out.join(format!("timeline/{}/index.html", &date[..7]))).unwrap();
    assert!(month_page.contains(&format!("id=\"{id}\"")));
    // article pages link the event on its month page
    let art = j["articles"].as_array().unwrap()[0]["page"]
        .as_str()
        .unwrap()
        .to_string();
    let art_html = fs::read_to_string(out.join(&art)).unwrap();
    assert!(
        art_html.contains("timeline/201"),
        "article links to month pages"
    );
    assert!(!art_html.contains("timeline/index.html#201"));
    // the overview lists the newest articles, not all 420
    let overview = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(overview.contains("All 420 articles"));
    assert!(overview.matches("class=\"article-list\"").count() == 1);
    // the briefing carries the most reported events only, and says so
    let briefing = fs::read_to_string(out.join("briefing/index.html")).unwrap();
    assert!(briefing.contains("more are on the online timeline"));
    // and every internal link resolves
    let (problems, _) = commands::check(dir.path(), None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn long_lists_continue_on_numbered_pages() {
    let dir = project(true);
    let cfg = fs::read_to_string(dir.path().join("config.yaml")).unwrap();
    fs::write(
        dir.path().join("config.yaml"),
        format!("{cfg}\nlist_page_size: 2\n"),
    )
    .unwrap();
    commands::build(dir.path(), None, None).unwrap();
    let out = dir.path().join("public");
    let d = json(dir.path());
    let n = d["articles"].as_array().unwrap().len();
    assert!(
        n > 4,
        "the bundled seeds have more than two pages of articles"
    );

    // the article index: ceil(n / 2) pages, every article on exactly one
    let mut listed = Vec::new();
    let pages = n.div_ceil(2);
    for no in 1..=pages {
        let rel = if no == 1 {
            "articles/index.html".to_string()
        } else {
            format!("articles/page/{no}/index.html")
        };
        let html = fs::read_to_string(out.join(&rel)).unwrap();
        assert!(html.contains(&format!("Page {no} of {pages}")), "{rel}");
        for a in d["articles"].as_array().unwrap() {
            let href = format!("{}\"", a["page"].as_str().unwrap());
            if html.contains(&href) && html.contains("<tbody>") {
                let body = &html[html.find("<tbody>").unwrap()..];
                if body.contains(&href) {
                    listed.push(a["id"].as_str().unwrap().to_string());
                }
            }
        }
    }
    assert!(!out
        .join(format!("articles/page/{}/index.html", pages + 1))
        .exists());
    listed.sort();
    let mut all: Vec<String> = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    all.sort();
    assert_eq!(listed, all);

    // an actor in more than two articles: its page 2 lists the rest, and
    // only the first page carries the quotes, events and mentions
    let actor = first_in(&d, "actors", |a| {
        a["articles"].as_array().unwrap().len() > 2
    })
    .expect("an actor in three articles or more");
    let page = actor["page"].as_str().unwrap();
    let second = page.replace("index.html", "page/2/index.html");
    let html = fs::read_to_string(out.join(&second)).unwrap();
    assert!(html.contains("aria-current=\"page\">2<"));
    assert!(!html.contains("id=\"kwic\""));
    assert!(fs::read_to_string(out.join(page))
        .unwrap()
        .contains("id=\"kwic\""));

    // every link between the pages resolves
    let (problems, _) = commands::check(dir.path(), None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");

    // 0 is refused with the key's name
    fs::write(dir.path().join("config.yaml"), "list_page_size: 0\n").unwrap();
    let err = commands::build(dir.path(), None, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("list_page_size"), "{err}");
}

/// A project's `templates/components.html` replaces the built-in one: its
/// `cite` component is the one every page's citations are made with, and a
/// component that is missing fails the build naming the template that
/// calls it.
#[test]
fn a_project_components_file_overrides_the_built_in_components() {
    let p = project(true);
    let built_in = fs::read_to_string(repo().join("templates/components.html")).unwrap();
    let cite = built_in
        .find("{% component cite(")
        .expect("the built-in components define `cite`");
    let end = built_in[cite..].find("{% endcomponent cite %}").unwrap() + cite;
    let mine = format!(
        "{}{{% component cite(root, a, paragraph=0) %}}<cite class=\"mine\">{{{{ a.label }}}} ¶{{{{ paragraph }}}}</cite>{}",
        &built_in[..cite],
        &built_in[end..]
    );
    fs::create_dir_all(p.path().join("templates")).unwrap();
    fs::write(p.path().join("templates/components.html"), &mine).unwrap();
    commands::build(p.path(), None, None).unwrap();
    let timeline = fs::read_to_string(p.path().join("public/timeline/index.html")).unwrap();
    assert!(timeline.contains("<cite class=\"mine\">"), "{timeline}");
    assert!(!timeline.contains("<a class=\"cite\""));

    // without `cite`, the templates that call it cannot be compiled
    let without = format!(
        "{}{}",
        &built_in[..cite],
        &built_in[end + "{% endcomponent cite %}".len()..]
    );
    fs::write(p.path().join("templates/components.html"), without).unwrap();
    let err = commands::build(p.path(), None, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("Unknown component `cite`"), "{err}");
    assert!(err.contains(".html:"), "names the calling template: {err}");
}

/// An actor in more events than its page lists: the page lists those
/// reported by the most articles, in date order, and says how many there are.
#[test]
fn an_actor_page_lists_its_most_reported_events() {
    let (dir, seeds) = empty_project();
    let months = &MONTHS[..9];
    let goods = [
        "flour", "blankets", "medicine", "water", "fuel", "tents", "rice", "soap", "milk", "seeds",
        "tools",
    ];
    // one delivery all the wire copies carry, so it is reported by most
    let shared =
        "The Northern Relief Agency delivered 900 tonnes of grain to Selworth on October 2, 2019.";
    for i in 0..260usize {
        let own = format!(
            "The Northern Relief Agency delivered {} tonnes of {} to {} on {} {}, 2019.",
            10 + i,
            goods[i % goods.len()],
            TOWNS[(i / goods.len()) % TOWNS.len()],
            months[i % months.len()],
            1 + i % 28,
        );
        let mut paras = vec![own];
        if i % 20 == 0 {
            paras.push(shared.to_string());
        }
        let text = format!("Relief bulletin {i}\n\n{}\n", paras.join("\n\n"));
        fs::write(seeds.join(format!("b{i:04}.txt")), text).unwrap();
    }
    commands::build(dir.path(), None, None).unwrap();
    let j = json(dir.path());
    let actor = first_in(&j, "actors", |a| a["name"] == "Northern Relief Agency")
        .expect("the agency is an actor");
    let events: Vec<&serde_json::Value> = j["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["actors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == &actor["id"])
        })
        .collect();
    assert!(
        events.len() > 200,
        "the agency is in {} events",
        events.len()
    );
    let page = fs::read_to_string(
        dir.path()
            .join("public")
            .join(actor["page"].as_str().unwrap()),
    )
    .unwrap();
    let section = section_of(&page, "ev");
    assert_eq!(section.matches("<li>").count(), 200);
    assert!(
        section.contains(&format!(
            "{} events; here are the 200 reported by the most articles",
            events.len()
        )),
        "{section}"
    );
    // the event most articles report is listed
    let most = events
        .iter()
        .max_by_key(|e| e["articles"].as_array().unwrap().len())
        .unwrap();
    assert!(most["articles"].as_array().unwrap().len() > 1);
    assert!(
        section.contains(&format!("#{}\"", most["id"].as_str().unwrap())),
        "{section}"
    );
    // in date order: where each listed event's link stands
    let positions: Vec<usize> = events
        .iter()
        .filter_map(|e| section.find(&format!("#{}\"", e["id"].as_str().unwrap())))
        .collect();
    assert_eq!(positions.len(), 200);
    let mut sorted = positions.clone();
    sorted.sort_unstable();
    assert_eq!(
        positions, sorted,
        "listed in the order of dossier.json's events (by date)"
    );
    // mentions in context: the first 200, and how many there are
    let kwic = section_of(&page, "kwic");
    assert_eq!(kwic.matches("<li>").count(), 200);
    assert!(kwic.contains("The first 200 of 2"), "{kwic}");
}
