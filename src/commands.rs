//! The commands behind the CLI, callable from tests: `build` and `check`.

use crate::build::{self, BuildOptions, Site};
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
}

/// Build a project into a render map (no writes).
pub fn build_site(root: &Path, base_url: Option<String>) -> Result<(Site, RenderMap)> {
    let site = build::build(&BuildOptions {
        root: root.to_path_buf(),
        base_url,
    })?;
    let map = crate::render::render(&site, root)?;
    Ok((site, map))
}

/// `dossier build`: write changed content files, publish the site atomically.
pub fn build(root: &Path, out: Option<&Path>, base_url: Option<String>) -> Result<Report> {
    let started = Instant::now();
    if !root.is_dir() {
        return Err(Error::refused(
            format!("project folder {} does not exist", root.display()),
            "run the command inside a dossier project, or pass --root DIR (a folder holding seeds/)",
        ));
    }
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| root.join("public"));
    build::check_out_dir(root, &out)?;
    let (site, map) = build_site(root, base_url)?;
    let mut written = Vec::new();
    for w in &site.content_writes {
        write_content(root, &w.rel, &w.text)?;
        written.push(w.rel.clone());
    }
    crate::publish::publish(&out, &map)?;
    Ok(Report {
        articles: site.dossier.articles.len(),
        pages: map.keys().filter(|k| k.ends_with(".html")).count(),
        actors: site.dossier.actors.len(),
        sources: site.dossier.sources.len(),
        events: site.dossier.events.len(),
        content_written: written,
        warnings: site.warnings,
        out,
        elapsed: started.elapsed(),
    })
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
    if std::fs::symlink_metadata(root.join("content"))
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
        || std::fs::symlink_metadata(&dir)
            .map(|m| m.file_type().is_symlink())
            .unwrap_or(false)
    {
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
    if std::fs::symlink_metadata(&dest)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false)
    {
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
