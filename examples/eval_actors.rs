//! Evaluate the actor and cited-source extractors against gold files.
//!
//! `cargo run --example eval_actors -- GOLD_DIR [OUT.json]`
//!
//! Builds each article's text from the gold (title, dek, body lines and the body
//! part of mixed lines, published date), runs `extract_actors` over the whole
//! corpus with an empty gazetteer and `extract_cited`, writes a dossier.json and
//! runs `shared/eval/score.py` on it (gold files found recursively are linked
//! into one flat temporary directory for the scorer).

use chrono::NaiveDate;
use dossier::extract::actors::extract_actors;
use dossier::extract::sources::extract_cited;
use dossier::extract::DocText;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

struct Art {
    stem: String,
    file: String,
    title: String,
    dek: Option<String>,
    paras: Vec<String>,
    published: Option<NaiveDate>,
}

/// `--raw DIR`: print what is extracted from plain-text articles (first line =
/// title, one paragraph per further line) without scoring.
fn raw(dir: &Path) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("raw dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let texts: Vec<(String, Vec<String>)> = files
        .iter()
        .map(|f| {
            let t = std::fs::read_to_string(f).unwrap_or_default();
            let mut lines = t
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string);
            let title = lines.next().unwrap_or_default();
            (title, lines.collect())
        })
        .collect();
    let docs: Vec<DocText> = texts
        .iter()
        .map(|(t, p)| DocText {
            title: t,
            dek: None,
            paragraphs: p,
            published: None,
        })
        .collect();
    let idx = extract_actors(&docs, &[]);
    let cited = extract_cited(&docs, &idx);
    for (d, f) in files.iter().enumerate() {
        println!("== {}", f.display());
        for &x in &idx.doc_actors[d] {
            let a = &idx.actors[x];
            println!(
                "   {} [{}] role={:?} aliases={:?}",
                a.name,
                a.kind.as_str(),
                a.role,
                a.aliases
            );
        }
        println!("   places: {:?}", idx.places[d]);
        let cs: Vec<&str> = cited
            .iter()
            .filter(|c| c.doc == d)
            .map(|c| c.source.as_str())
            .collect();
        println!("   cited: {cs:?}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--raw") {
        raw(Path::new(args.get(2).map(String::as_str).unwrap_or(".")));
        return;
    }
    let gold_dir = PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("/work/shared/gold/seeds"),
    );
    let out_path = PathBuf::from(
        args.get(2)
            .cloned()
            .unwrap_or_else(|| "/tmp/eval_actors_dossier.json".to_string()),
    );
    let mut files = Vec::new();
    collect(&gold_dir, &mut files);
    let mut arts = Vec::new();
    for f in &files {
        let g: Value = serde_json::from_str(&std::fs::read_to_string(f).expect("read gold"))
            .expect("gold json");
        if g.get("lines").is_none() {
            continue;
        }
        let file = g["file"].as_str().unwrap_or("").to_string();
        let stem = file.trim_end_matches(".txt").to_string();
        let mut paras = Vec::new();
        for ln in g["lines"].as_array().into_iter().flatten() {
            match ln["label"].as_str() {
                Some("body") => paras.push(ln["text"].as_str().unwrap_or("").to_string()),
                Some("mixed") => paras.push(ln["body"].as_str().unwrap_or("").to_string()),
                _ => {}
            }
        }
        arts.push(Art {
            stem,
            file,
            title: g["title"].as_str().unwrap_or("").to_string(),
            dek: g["dek"].as_str().map(str::to_string),
            paras,
            published: g["published"]["date"]
                .as_str()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        });
    }
    let docs: Vec<DocText> = arts
        .iter()
        .map(|a| DocText {
            title: &a.title,
            dek: a.dek.as_deref(),
            paragraphs: &a.paras,
            published: a.published,
        })
        .collect();
    let t0 = std::time::Instant::now();
    let idx = extract_actors(&docs, &[]);
    let cited = extract_cited(&docs, &idx);
    eprintln!("extracted in {:?}", t0.elapsed());

    let aid = |i: usize| format!("actor-{i}");
    let mut actor_articles: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut articles = Vec::new();
    for (d, a) in arts.iter().enumerate() {
        let id = format!("a-{}", a.stem);
        for &x in &idx.doc_actors[d] {
            actor_articles.entry(x).or_default().push(id.clone());
        }
        articles.push(json!({
            "id": id, "seed": format!("seeds/{}", a.file), "title": a.title, "dek": a.dek,
            "paragraphs": a.paras, "removed": [], "publisher": null, "published": null,
            "actors": idx.doc_actors[d].iter().map(|&x| aid(x)).collect::<Vec<_>>(),
            "places": idx.places[d],
        }));
    }
    let actors: Vec<Value> = idx
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            json!({"id": aid(i), "name": a.name, "kind": a.kind.as_str(), "role": a.role,
                   "aliases": a.aliases, "articles": actor_articles.get(&i).cloned().unwrap_or_default()})
        })
        .collect();
    let mut sources: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &cited {
        let v = sources.entry(c.source.clone()).or_default();
        let id = format!("a-{}", arts[c.doc].stem);
        if !v.contains(&id) {
            v.push(id);
        }
    }
    let sources: Vec<Value> = sources
        .into_iter()
        .enumerate()
        .map(|(i, (name, cited_in))| {
            let aliases = idx
                .resolve(&name)
                .map(|a| idx.actors[a].aliases.clone())
                .unwrap_or_default();
            json!({"id": format!("s-{i}"), "name": name, "kind": "cited", "aliases": aliases,
                   "articles": [], "cited_in": cited_in})
        })
        .collect();
    let dossier = json!({"schema": 1, "articles": articles, "actors": actors, "sources": sources,
                         "events": [], "quotes": []});
    std::fs::write(
        &out_path,
        serde_json::to_string_pretty(&dossier).expect("json"),
    )
    .expect("write dossier");
    if std::env::var("EVAL_VERBOSE").is_ok() {
        for (d, a) in arts.iter().enumerate() {
            println!("== {}", a.stem);
            for &x in &idx.doc_actors[d] {
                let ac = &idx.actors[x];
                println!(
                    "   {} [{}] role={:?} aliases={:?}",
                    ac.name,
                    ac.kind.as_str(),
                    ac.role,
                    ac.aliases
                );
            }
            println!("   places: {:?}", idx.places[d]);
            let cs: Vec<&str> = cited
                .iter()
                .filter(|c| c.doc == d)
                .map(|c| c.source.as_str())
                .collect();
            println!("   cited: {cs:?}");
        }
    }
    // flat gold dir for the scorer
    let flat = std::env::temp_dir().join(format!("eval_actors_gold_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&flat);
    std::fs::create_dir_all(&flat).expect("tmp dir");
    for f in &files {
        let dst = flat.join(f.file_name().expect("name"));
        let src = std::fs::canonicalize(f).expect("canonical");
        let _ = std::os::unix::fs::symlink(src, dst);
    }
    let status = std::process::Command::new("python3")
        .arg("/work/shared/eval/score.py")
        .arg("--dossier")
        .arg(&out_path)
        .arg("--gold")
        .arg(&flat)
        .status();
    let _ = std::fs::remove_dir_all(&flat);
    if let Err(e) = status {
        eprintln!("could not run score.py: {e}");
    }
}
