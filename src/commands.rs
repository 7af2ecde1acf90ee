//! The commands behind the CLI, callable from tests: `build` and `check`.

use crate::build::{self, BuildOptions, ContentWrite, Site};
use crate::error::{Error, Result, Warning};
use crate::render::RenderMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a build did.
#[derive(Debug)]
pub struct Report {
    pub articles: usize,
    pub pages: usize,
    pub actors: usize,
    pub sources: usize,
    pub events: usize,
    pub content_written: Vec<String>,
    pub warnings: Vec<Warning>,
    pub out: PathBuf,
    pub elapsed: Duration,
    /// Nothing changed since the last build: nothing was published, and
    /// the counts and warnings are that build's (see [`crate::stamp`]).
    pub up_to_date: bool,
    /// Per build-cache table: (name, results reused, results computed).
    pub cache: Vec<crate::cache::Counts>,
}

/// Build a project into a render map (no writes).
pub fn build_site(root: &Path, base_url: Option<String>) -> Result<(Site, RenderMap)> {
    let site = build::build(&BuildOptions {
        root: root.to_path_buf(),
        base_url,
        cache: false,
    })?;
    let mut timer = build::Timer::new();
    let map = crate::render::render_to_map(&site, root)?;
    timer.lap("render");
    Ok((site, map))
}

/// `dossier build`: write changed content files, publish the site atomically.
/// Pages go to the publish staging folder as they are rendered.
/// The build cache (`ROOT/.dossier-cache/`) is used and updated.
pub fn build(root: &Path, out: Option<&Path>, base_url: Option<String>) -> Result<Report> {
    build_cached(root, out, base_url, true)
}

/// [`build`], with the build cache on or off (off: every article is
/// processed afresh and the cache is left as it is).
pub fn build_cached(
    root: &Path,
    out: Option<&Path>,
    base_url: Option<String>,
    cache: bool,
) -> Result<Report> {
    build_into(root, out, base_url, cache, None)
}

/// [`build`], also returning the published render map (for `serve`).
pub fn build_with_map(
    root: &Path,
    out: Option<&Path>,
    base_url: Option<String>,
) -> Result<(Report, RenderMap)> {
    let map = std::sync::Mutex::new(RenderMap::new());
    let report = build_into(root, out, base_url, true, Some(&map))?;
    let map = map
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok((report, map))
}

fn build_into(
    root: &Path,
    out: Option<&Path>,
    base_url: Option<String>,
    cache: bool,
    keep: Option<&std::sync::Mutex<RenderMap>>,
) -> Result<Report> {
    if !root.is_dir() {
        return Err(Error::refused(
            format!("project folder {} does not exist", root.display()),
            "run the command inside a dossier project, or pass --root DIR (a folder holding seeds/)",
        ));
    }
    // `public/.` is `public` (a trailing `.` names the folder itself, which
    // cannot be renamed)
    let out: PathBuf = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"))
        .components()
        .collect();
    build::check_out_dir(root, &out)?;
    let _lock = lock_project(root);
    // (the time a build waited for another is not its own)
    let started = Instant::now();
    // the "nothing changed" fast path: inputs scanned before anything is
    // read (a `serve` build, which needs every page in memory, always builds)
    let stamp_cache = if cache && keep.is_none() {
        crate::cache::Cache::at(root)
    } else {
        crate::cache::Cache::off()
    };
    let options = crate::stamp::Options {
        out: build::absolute(&out)?,
        base_url: base_url.clone(),
    };
    let mut timer = build::Timer::new();
    let inputs = crate::stamp::scan_inputs(root);
    if let Some(s) = inputs
        .as_deref()
        .and_then(|i| crate::stamp::unchanged(&stamp_cache, i, &options))
    {
        return Ok(Report {
            articles: s.articles,
            pages: s.pages,
            actors: s.actors,
            sources: s.sources,
            events: s.events,
            content_written: Vec::new(),
            warnings: s.warnings(),
            out,
            elapsed: started.elapsed(),
            up_to_date: true,
            cache: Vec::new(),
        });
    }
    timer.lap("look for changes since the last build");
    let site = build::build(&BuildOptions {
        root: root.to_path_buf(),
        base_url,
        cache,
    })?;
    let mut timer = build::Timer::new();
    clear_content_leftovers(root);
    let staging = crate::publish::Staging::begin(&out)?
        .with_known(crate::stamp::published(&stamp_cache, &options.out))
        .with_listing(|folder| crate::stamp::recycled_files(&stamp_cache, &options.out, folder));
    // The content files are written while the pages render: each is made,
    // written and dropped in turn, so their texts are never all in memory.
    let (rendered, writes) = rayon::join(
        || match keep {
            Some(map) => crate::render::render(&site, root, &crate::render::Tee(&staging, map)),
            None => crate::render::render(&site, root, &staging),
        },
        || {
            let mut results: Vec<Result<std::result::Result<String, Warning>>> = site
                .content_writes
                .iter()
                .map(|w| write_unless_edited(root, w))
                .collect();
            results.extend(build::fresh_content_writes(&site, |w| {
                write_unless_edited(root, &w)
            }));
            results
        },
    );
    timer.lap("render, write content files");
    let mut written = Vec::new();
    let mut warnings = site.warnings.clone();
    // a content file that failed to write is reported before a page error:
    // it is the user's own folder
    for w in writes {
        match w? {
            Ok(rel) => written.push(rel),
            Err(w) => warnings.push(w),
        }
    }
    rendered?;
    let pages = staging.html_pages();
    let sums = staging.sums();
    let placed = staging.placed();
    staging.commit()?;
    timer.detail("publish: swap the new site in");
    let warning = crate::stamp::record_published(&stamp_cache, &options.out, &sums, placed);
    warnings.extend(warning.map(cache_warning));
    timer.lap("publish: record the published files");
    let summary = crate::stamp::Summary {
        articles: site.dossier.articles.len(),
        pages,
        actors: site.dossier.actors.len(),
        sources: site.dossier.sources.len(),
        events: site.dossier.events.len(),
        warnings: warnings
            .iter()
            .map(|w| (w.kind.to_string(), w.file.clone(), w.message.clone()))
            .collect(),
    };
    let warning = crate::stamp::record(&stamp_cache, root, inputs, options, summary);
    warnings.extend(warning.map(cache_warning));
    timer.lap("record the build");
    let report = Report {
        articles: site.dossier.articles.len(),
        pages,
        actors: site.dossier.actors.len(),
        sources: site.dossier.sources.len(),
        events: site.dossier.events.len(),
        content_written: written,
        warnings,
        out,
        elapsed: started.elapsed(),
        up_to_date: false,
        cache: site
            .cache_counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone(),
    };
    // hundreds of thousands of small allocations: freed on a thread of
    // their own while the report is printed (the process exits without
    // waiting; its memory goes back to the system either way)
    std::thread::spawn(move || drop(site));
    Ok(report)
}

/// One build at a time in a project: a second `dossier build`, or a
/// `serve` rebuild, waits until the first is done (both would write the
/// same content files, cache tables and stamps). The lock is the system's
/// advisory lock on `.dossier-cache/build.lock`, a file of dossier's own
/// (so no other tool holds it), and goes with its process if a build is
/// killed. Where it cannot be taken (a read-only project, a file system
/// without locks), builds are not serialised.
fn lock_project(root: &Path) -> Option<std::fs::File> {
    let dir = root.join(crate::cache::DIR);
    crate::cache::make_dir(&dir).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join("build.lock"))
        .ok()?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "waiting for another build of {} to finish (dossier build or serve)…",
                root.display()
            );
            file.lock().ok()?;
        }
        Err(std::fs::TryLockError::Error(_)) => return None,
    }
    Some(file)
}

/// Temporary content files a killed build left behind (`.NAME.tmp-PID`,
/// written and then renamed into place): deleted once that build is gone.
fn clear_content_leftovers(root: &Path) {
    let dir = root.join("content").join("articles");
    // never through a symbolic link (the build does not write through one)
    if !std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.rsplit_once(".tmp-"))
            .map(|(_, pid)| pid)
        else {
            continue;
        };
        if e.file_type().is_ok_and(|t| t.is_file()) && crate::publish::left_by_dead_build(pid) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

fn cache_warning(message: String) -> Warning {
    Warning {
        kind: "cache",
        file: None,
        message,
    }
}

/// Write a content file unless a person saved it while we built (that is
/// never overwritten: the warning says so).
fn write_unless_edited(
    root: &Path,
    w: &ContentWrite,
) -> Result<std::result::Result<String, Warning>> {
    let now = std::fs::read(root.join(&w.rel))
        .ok()
        .map(|b| crate::content::bytes_hash(&b));
    if !w.rel.ends_with(".new") && now != w.expect {
        return Ok(Err(Warning {
            kind: "edited content",
            file: Some(w.rel.clone()),
            message: "changed while the build ran; kept as it is (build again to regenerate it)"
                .into(),
        }));
    }
    write_content(root, &w.rel, &w.text)?;
    Ok(Ok(w.rel.clone()))
}

/// Write one content file atomically, only under `content/articles/`.
fn write_content(root: &Path, rel: &str, text: &str) -> Result<()> {
    let name = rel.strip_prefix("content/articles/").unwrap_or("");
    if name.is_empty()
        || name.contains('/')
        || !crate::publish::safe_rel(name)
        || name.starts_with('.')
    {
        return Err(Error::refused(
            format!("refusing to write content file `{rel}`"),
            "this is a bug; please report it",
        ));
    }
    let dir = root.join("content").join("articles");
    if is_symlink(&root.join("content")) || is_symlink(&dir) {
        return Err(Error::refused(
            format!(
                "{} is a symbolic link; refusing to write through it",
                dir.display()
            ),
            "make content/articles a real folder",
        ));
    }
    std::fs::create_dir_all(&dir)
        .map_err(|e| Error::io(&dir, "cannot create the content folder", e))?;
    let dest = dir.join(name);
    if is_symlink(&dest) {
        return Err(Error::refused(
            format!(
                "{} is a symbolic link; refusing to overwrite it",
                dest.display()
            ),
            "replace it with a real file",
        ));
    }
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(|e| Error::io(&tmp, "cannot write", e))?;
    std::fs::rename(&tmp, &dest).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&dest, "cannot write", e)
    })
}

fn is_symlink(p: &Path) -> bool {
    std::fs::symlink_metadata(p)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
}

/// `dossier check`: build in memory and list every problem (links, lints).
pub fn check(root: &Path, base_url: Option<String>) -> Result<(Vec<String>, Vec<Warning>)> {
    let (site, map) = build_site(root, base_url)?;
    let mut problems = crate::check::check_links(&map);
    // lint: events after the newest article cannot have been reported
    if let Some((_, last)) = &site.dossier.span {
        for e in &site.dossier.events {
            if e.precision == "day" && e.date.as_str() > last.as_str() {
                problems.push(format!(
                    "event `{}` is dated {} after the newest article ({last}); check the publication dates in config.yaml or the content files",
                    e.id, e.date
                ));
            }
        }
    }
    for w in &site.warnings {
        if w.kind == "dangling id" {
            problems.push(w.to_string());
        }
    }
    Ok((problems, site.warnings))
}

/// Warnings grouped by kind, for the terminal.
pub fn format_warnings(warnings: &[Warning]) -> String {
    let mut groups: std::collections::BTreeMap<&str, Vec<&Warning>> =
        std::collections::BTreeMap::new();
    for w in warnings {
        groups.entry(w.kind).or_default().push(w);
    }
    let mut s = String::new();
    for (kind, ws) in groups {
        s.push_str(&format!("warning: {kind} ({})\n", ws.len()));
        for w in ws {
            s.push_str(&format!("  {w}\n"));
        }
    }
    s
}

/// The README written by `dossier init`.
const INIT_README: &str = "# A dossier project\n\n1. Put raw article text files in `seeds/` (one article per `.txt` file, as\n   copied from a web page), or run `dossier add FILE` / paste into `dossier add`.\n2. Run `dossier serve --open`: the dossier builds, opens in your browser and\n   rebuilds whenever you change a file.\n3. Correct what the cleaner or the extractors got wrong in\n   `content/articles/*.md` (your edits are kept) or in `config.yaml`\n   (publishers, dates, actor aliases).\n4. `dossier build` writes the final site to `public/`; copy that folder to any\n   static host, or open `public/index.html` from disk. Print\n   `public/briefing/index.html` for a paper briefing.\n";

const INIT_CONFIG: &str = "# dossier configuration; every key is optional (see the dossier README).\ntitle: \"My dossier\"\n# subtitle: \"What this dossier covers\"\nlanguage: en\n# build_date: 2024-01-31        # printed on the briefing cover\n# base_url: https://example.org/dossier/   # enables feed.xml and sitemap.xml\n\n# sources:\n#   - name: Example Times\n#     aliases: [example.com]\n#     kind: publisher\n\n# actors:\n#   - name: Jane Doe\n#     kind: person\n#     aliases: [Doe]\n#     role: Minister of Examples\n\n# seeds:\n#   my-article.txt:\n#     publisher: Example Times\n#     published: 2024-01-30\n#     url: https://example.com/article\n";

/// `dossier init DIR`: a new project with config, templates, empty seeds/ and a README.
pub fn init(dir: &Path) -> Result<Vec<String>> {
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(Error::refused(
                format!("{} exists and is not empty", dir.display()),
                "choose a new folder name; init never overwrites files",
            ));
        }
    }
    let mut made = Vec::new();
    let mut write = |rel: &str, text: &str| -> Result<()> {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io(parent, "cannot create a folder", e))?;
        }
        std::fs::write(&p, text).map_err(|e| Error::io(&p, "cannot write", e))?;
        made.push(rel.to_string());
        Ok(())
    };
    write("README.md", INIT_README)?;
    write("config.yaml", INIT_CONFIG)?;
    write("seeds/.gitkeep", "")?;
    write("content/articles/.gitkeep", "")?;
    // the site, the previous site kept for fast rebuilds, the build cache
    write(".gitignore", "/public\n/.public.*\n/.dossier-cache\n")?;
    // the templates and the stylesheet to start from (not the search
    // script: it reads the search index this version writes)
    for (name, text) in crate::render::DEFAULT_TEMPLATES.iter().chain(
        crate::render::DEFAULT_ASSETS
            .iter()
            .filter(|(n, _)| *n == "style.css"),
    ) {
        write(&format!("templates/{name}"), text)?;
    }
    Ok(made)
}

/// `dossier add`: copy raw articles into `seeds/` under safe, unique names.
/// `inputs` are (display name, text); returns the paths written.
pub fn add(root: &Path, inputs: &[(String, String)]) -> Result<Vec<String>> {
    let dir = root.join("seeds");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, "cannot create seeds/", e))?;
    let mut written = Vec::new();
    for (from, text) in inputs {
        let text = crate::ingest::normalise_newlines(text);
        if text.trim().is_empty() {
            return Err(Error::file(
                from,
                "is empty",
                "paste the article text, then end the input (Ctrl-D)",
            ));
        }
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("article");
        let mut stem = crate::text::slugify_max(first, 50);
        if stem.is_empty() {
            stem = "article".into();
        }
        use sha2::Digest;
        let digest = sha2::Sha256::digest(text.as_bytes());
        let short: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("{stem}-{short}.txt");
        let dest = dir.join(&name);
        if dest.exists() {
            return Err(Error::file(
                &dest,
                "already holds this article",
                "nothing to do",
            ));
        }
        std::fs::write(&dest, text.as_bytes()).map_err(|e| Error::io(&dest, "cannot write", e))?;
        written.push(format!("seeds/{name}"));
    }
    Ok(written)
}
