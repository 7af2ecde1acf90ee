//! Clean every `*.txt` under a corpus directory and write a minimal
//! `dossier.json` for `shared/eval/score.py`.
//!
//! Usage: `cargo run --example eval_clean -- CORPUS_DIR OUT.json [--verbose]`
//!
//! Corpus statistics (lines recurring across files) are built over every
//! file found under CORPUS_DIR. Each article's `seed` is `seeds/<file name>`,
//! so the scorer matches it to `<gold dir>/<file stem>.json`:
//!
//! ```text
//! python3 shared/eval/score.py --dossier OUT.json --gold shared/gold/seeds
//! mkdir -p /tmp/devgold && ln -sf shared/gold/dev/*/*.json /tmp/devgold/
//! python3 shared/eval/score.py --dossier OUT.json --gold /tmp/devgold
//! ```
//!
//! `--verbose` prints each article's title, dek, paragraphs and removed lines.

use dossier::clean::{clean, CleanOptions, CorpusStats};
use serde_json::json;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        anyhow::bail!("usage: eval_clean CORPUS_DIR OUT.json [--verbose]");
    }
    let verbose = args.iter().any(|a| a == "--verbose");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&args[0])
        .follow_links(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(|p| {
            std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        })
        .collect();
    let stats = CorpusStats::from_texts(texts.iter().map(String::as_str));
    let opts = CleanOptions::default();
    let mut articles = Vec::new();
    for (p, t) in files.iter().zip(&texts) {
        let name = p
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let c = clean(t, &stats, &opts);
        if verbose {
            println!("=== {name}");
            println!("TITLE: {:?}", c.title);
            println!("DEK:   {:?}", c.dek);
            println!("PUB:   {:?} {:?}", c.publisher, c.published);
            for par in &c.paragraphs {
                let short: String = par.chars().take(110).collect();
                println!("  P: {short}");
            }
            for r in &c.removed {
                let short: String = r.text.chars().take(90).collect();
                println!("  - [{}] {short}  ({})", r.line, r.why);
            }
        }
        articles.push(json!({
            "id": name.trim_end_matches(".txt"),
            "seed": format!("seeds/{name}"),
            "title": c.title,
            "dek": c.dek,
            "paragraphs": c.paragraphs,
            "removed": c.removed.iter().map(|r| json!({"line": r.line, "text": r.text, "why": r.why})).collect::<Vec<_>>(),
            "publisher": c.publisher,
            "published": c.published.map(|d| d.format("%Y-%m-%d").to_string()),
            "actors": [],
        }));
    }
    let doc =
        json!({"articles": articles, "actors": [], "sources": [], "events": [], "quotes": []});
    std::fs::write(&args[1], serde_json::to_string_pretty(&doc)?)?;
    Ok(())
}
