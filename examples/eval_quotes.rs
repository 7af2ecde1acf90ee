//! Evaluate the quote, event and figure extractors against gold files.
//!
//! `cargo run --example eval_quotes -- GOLD_DIR OUT.json [-v] [--noisy] [--weak]`
//! then `python3 shared/eval/score.py --dossier OUT.json --gold GOLD_DIR`
//! (GOLD_DIR is searched recursively, but the scorer wants a flat directory:
//! for dev, a temporary directory of symlinks to every `gold/dev/*/*.json`).
//!
//! Builds the articles and a stand-in actor index from the gold itself, so the
//! extractors are measured independently of the cleaner and actor extractor:
//! paragraphs are the gold body lines (and body parts of mixed lines; a line
//! that does not end a sentence is joined with the next, for hard-wrapped
//! copy), actors are the gold actors with their aliases and `known_as` names,
//! mentions are their occurrences.
//!
//! - `-v` prints every quote, event, figure and figure conflict;
//! - `--noisy` keeps boilerplate lines in the body, as a weak cleaner would;
//! - `--weak` knows actors only by name and `known_as`, not by this text's aliases.

use chrono::NaiveDate;
use dossier::extract::actors::{Actor, ActorIndex, ActorKind, Mention};
use dossier::extract::events::{extract_events, Precision};
use dossier::extract::figures::{extract_figures, figure_conflicts};
use dossier::extract::quotes::extract_quotes;
use dossier::extract::{Block, DocText};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

struct GoldDoc {
    stem: String,
    title: String,
    dek: Option<String>,
    paragraphs: Vec<String>,
    published: Option<NaiveDate>,
    actors: Vec<(String, String, Vec<String>)>,
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut v: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    v.sort();
    for p in v {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

fn ends_open(line: &str) -> bool {
    let t = line.trim_end();
    !t.ends_with(['.', '!', '?', '"', '\u{201d}', '\u{2019}', ':', '\''])
}

fn load(path: &Path, noisy: bool, weak: bool) -> Option<GoldDoc> {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    let stem = g["file"]
        .as_str()
        .map(|f| f.trim_end_matches(".txt").to_string())
        .unwrap_or_else(|| path.file_stem().unwrap().to_string_lossy().to_string());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut join_next = false;
    for ln in g["lines"].as_array()? {
        let label = ln["label"].as_str().unwrap_or("");
        let text = match label {
            "body" => ln["text"].as_str(),
            "mixed" => ln["body"].as_str(),
            // --noisy: keep everything but the headline, as a weak cleaner would
            "boilerplate" | "dek" if noisy => ln["text"].as_str(),
            _ => None,
        };
        let Some(text) = text else {
            continue;
        };
        let text = text.trim();
        // hard-wrapped copy: join a line that does not end a sentence with the next
        if join_next {
            if let Some(last) = paragraphs.last_mut() {
                last.push(' ');
                last.push_str(text);
            }
        } else {
            paragraphs.push(text.to_string());
        }
        join_next = ends_open(text);
    }
    let actors = g["actors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| {
                    let name = x["name"].as_str().unwrap_or("").to_string();
                    let mut al: Vec<String> = Vec::new();
                    let keys: &[&str] = if weak {
                        &["known_as"]
                    } else {
                        &["aliases", "known_as"]
                    };
                    for k in keys {
                        if let Some(v) = x[k].as_array() {
                            al.extend(v.iter().filter_map(|s| s.as_str().map(String::from)));
                        }
                    }
                    (name, x["kind"].as_str().unwrap_or("person").to_string(), al)
                })
                .collect()
        })
        .unwrap_or_default();
    Some(GoldDoc {
        stem,
        title: g["title"].as_str().unwrap_or("").to_string(),
        dek: g["dek"].as_str().map(String::from),
        paragraphs,
        published: g["published"]["date"]
            .as_str()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        actors,
    })
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let gold = PathBuf::from(
        args.get(1)
            .map(String::as_str)
            .unwrap_or("/work/shared/gold/seeds"),
    );
    let out = PathBuf::from(
        args.get(2)
            .map(String::as_str)
            .unwrap_or("/tmp/q_dossier.json"),
    );
    let verbose = args.iter().any(|a| a == "-v");
    let mut files = Vec::new();
    collect(&gold, &mut files);
    let noisy = args.iter().any(|a| a == "--noisy");
    // --weak: actors known only by name and standard names, not this text's aliases
    let weak = args.iter().any(|a| a == "--weak");
    let golds: Vec<GoldDoc> = files.iter().filter_map(|p| load(p, noisy, weak)).collect();
    let docs: Vec<DocText> = golds
        .iter()
        .map(|g| DocText {
            title: &g.title,
            dek: g.dek.as_deref(),
            paragraphs: &g.paragraphs,
            published: g.published,
        })
        .collect();

    // stand-in actor index: one actor per (gold file, gold actor name), merged by name
    let mut idx = ActorIndex::default();
    let mut mentions = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    let mut doc_forms: Vec<Vec<(String, usize)>> = Vec::new();
    for g in &golds {
        let mut forms = Vec::new();
        for (name, kind, aliases) in &g.actors {
            let id = match idx.actors.iter().position(|a| &a.name == name) {
                Some(i) => i,
                None => {
                    idx.actors.push(Actor {
                        name: name.clone(),
                        kind: match kind.as_str() {
                            "organization" => ActorKind::Organization,
                            "state" => ActorKind::State,
                            "group" => ActorKind::Group,
                            _ => ActorKind::Person,
                        },
                        role: None,
                        aliases: vec![],
                    });
                    ids.push(dossier::text::slugify(name));
                    idx.actors.len() - 1
                }
            };
            for a in std::iter::once(name).chain(aliases) {
                if !idx.actors[id].aliases.contains(a) && a != name {
                    idx.actors[id].aliases.push(a.clone());
                }
                forms.push((a.clone(), id));
            }
        }
        forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        doc_forms.push(forms);
    }
    for (d, doc) in docs.iter().enumerate() {
        for (block, text) in doc.blocks() {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (form, id) in &doc_forms[d] {
                if form.is_empty() {
                    continue;
                }
                for (s, _) in text.match_indices(form.as_str()) {
                    let e = s + form.len();
                    let b_ok = text[..s]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let a_ok = text[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    if b_ok && a_ok && !taken.iter().any(|&(a, b)| s < b && a < e) {
                        taken.push((s, e));
                        mentions.push(Mention::new(d, block, s, e, *id));
                    }
                }
            }
        }
    }
    idx.set_mentions(mentions, docs.len());
    for (i, a) in idx.actors.clone().iter().enumerate() {
        idx.add_lookup(&a.name, i);
        for al in &a.aliases {
            idx.add_lookup(al, i);
        }
    }

    let quotes = extract_quotes(&docs, &idx);
    let mut events = Vec::new();
    let mut figures = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        events.extend(extract_events(i, d));
        figures.extend(extract_figures(i, d));
    }
    let art_id = |d: usize| format!("a{d}");
    let blk = |b: Block| format!("{b:?}");
    let dossier = json!({
        "articles": golds.iter().enumerate().map(|(i, g)| json!({
            "id": art_id(i), "seed": format!("seeds/{}.txt", g.stem), "title": g.title,
            "dek": g.dek, "paragraphs": g.paragraphs, "removed": [], "publisher": null,
            "published": g.published.map(|d| d.to_string()), "actors": [],
        })).collect::<Vec<_>>(),
        "actors": idx.actors.iter().enumerate().map(|(i, a)| json!({
            "id": ids[i], "name": a.name, "kind": "person", "aliases": a.aliases,
        })).collect::<Vec<_>>(),
        "sources": [],
        "events": events.iter().enumerate().map(|(i, e)| json!({
            "id": format!("e{i}"), "date": e.date,
            "precision": serde_json::to_value(e.precision).unwrap(),
            "basis": serde_json::to_value(e.basis).unwrap(),
            "text": e.sentence, "articles": [art_id(e.doc)], "actors": [],
        })).collect::<Vec<_>>(),
        "quotes": quotes.iter().map(|q| json!({
            "speaker": q.speaker.map(|s| ids[s].clone()), "text": q.text, "article": art_id(q.doc),
        })).collect::<Vec<_>>(),
    });
    std::fs::write(&out, serde_json::to_string_pretty(&dossier).unwrap()).expect("write");
    if verbose {
        for (i, g) in golds.iter().enumerate() {
            println!("=== {} ({:?})", g.stem, g.published);
            for q in quotes.iter().filter(|q| q.doc == i) {
                println!(
                    "  Q [{}] {:?} <{}> {}",
                    blk(q.block),
                    q.speaker.map(|s| &idx.actors[s].name),
                    q.speaker_text.as_deref().unwrap_or("-"),
                    q.text
                );
            }
            for e in events.iter().filter(|e| e.doc == i) {
                let p = if e.precision == Precision::Day {
                    ""
                } else {
                    " "
                };
                println!(
                    "  E{p} {} {:?} <{}> {}",
                    e.date, e.basis, e.evidence, e.sentence
                );
            }
            for f in figures.iter().filter(|f| f.doc == i) {
                println!("  F {} | {}", f.value, f.what);
            }
        }
        for grp in figure_conflicts(&figures) {
            println!("CONFLICT {}:", grp.category);
            for &fi in &grp.figures {
                let f = &figures[fi];
                println!(
                    "   {} {} | {} ({})",
                    golds[f.doc].stem, f.value, f.what, f.sentence
                );
            }
        }
    }
    eprintln!(
        "{} articles, {} quotes, {} events, {} figures -> {}",
        golds.len(),
        quotes.len(),
        events.len(),
        figures.len(),
        out.display()
    );
}
