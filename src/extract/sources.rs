//! Cited sources: who information is attributed to.
//!
//! Works on the actor mentions of [`ActorIndex`]: an organisation, outlet or
//! group mention is a cited source when the text around it attributes
//! information to it ("told Reuters", "Reuters reports", "according to the UN",
//! "said the International Committee of the Red Cross", "Source: Reuters",
//! "in an interview with the Associated Press", "a spokesman for the Russian
//! Defense Ministry", "NTV television said", "Anadolu Agency has learned").
//! "The company said" is attributed to the organisation the article is about.

use super::actors::{ActorIndex, ActorKind, Mention};
use super::{world, Block, DocText};
use once_cell::sync::Lazy;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// One attribution of information to a source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Citation {
    pub doc: usize,
    pub block: Block,
    /// Canonical source name (an actor's canonical name when the source is also an actor).
    pub source: String,
    /// The sentence carrying the attribution.
    pub sentence: String,
}

/// Lower-case words of a text slice (letters, digits, apostrophes inside words).
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(s).map(str::to_lowercase)
}

/// [`words`] as written (not lower-cased).
fn raw_words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))
        .filter(|w| !w.is_empty())
}

const SKIP_AFTER: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "on",
    "late",
    "early",
    "earlier",
    "previously",
    "later",
    "then",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "morning",
    "night",
    "evening",
    "afternoon",
    "today",
    "yesterday",
    "television",
    "tv",
    "news",
    "agency",
    "correspondents",
    "correspondent",
    "reporters",
    "monitoring",
    "body",
    "monitor",
    "group",
    "again",
    "separately",
    "meanwhile",
    "itself",
    "officially",
    "publicly",
    "quickly",
    "already",
    "just",
    "recently",
    "first",
    "radio",
    "channel",
    "newspaper",
    "daily",
    "website",
    "in",
    "a",
    "its",
    "statement",
    "it",
    "said",
    "which",
    "that",
];

/// Any of [`ANAPHORA`], in any case (`None`: it could not be built, and
/// every block is searched).
static ANAPHORA_ANY: Lazy<Option<aho_corasick::AhoCorasick>> = Lazy::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(ANAPHORA)
        .ok()
});

const ANAPHORA: &[&str] = &[
    "the company",
    "the firm",
    "the manufacturer",
    "the tech giant",
    "the giant",
    "the carrier",
    "the airline",
    "the bank",
    "the group",
    "the organisation",
    "the organization",
    "the agency",
    "the ministry",
    "the department",
    "the foundation",
    "the charity",
    "the monitor",
    "the observatory",
    "the broadcaster",
    "the newspaper",
    "the network",
    "the office",
    "the commission",
    "the council",
    "the committee",
];

/// Does the text after a mention attribute something to it?
fn verb_follows(after: &str) -> bool {
    let mut rest = after;
    // an apposition: ", a Syrian volunteer rescue group, says"
    if let Some(r) = rest.trim_start().strip_prefix(',') {
        match r.find(',') {
            Some(j) if raw_words(&r[..j]).count() <= 12 && !r[..j].contains(['.', ';']) => {
                rest = &r[j + 1..];
            }
            // the end of someone else's apposition: "…, chairman of the X, told"
            _ => return false,
        }
    }
    let ws = words(
        rest.split(['.', ';', ':', '"', '\u{201c}', '('])
            .next()
            .unwrap_or(""),
    );
    for w in ws.take(6) {
        let w = w.as_str();
        if world::is_report_verb(w) && w != "said" {
            return true;
        }
        if w == "said" || w == "says" || w == "say" {
            return true;
        }
        if !SKIP_AFTER.contains(&w) {
            return false;
        }
    }
    false
}

fn ends_with_any(before: &str, pats: &[&str]) -> bool {
    // only the end is compared: lower-cased from as many characters before
    // it as the longest pattern and " the" have (lower-casing never makes
    // a character fewer characters, and a pattern is matched by whole ones)
    let b = before.trim_end();
    let keep = pats.iter().map(|p| p.chars().count()).max().unwrap_or(0) + " the".len();
    let from = b.char_indices().rev().nth(keep).map_or(0, |(i, _)| i);
    let b = b[from..].to_lowercase();
    let b = b.strip_suffix(" the").unwrap_or(&b);
    pats.iter().any(|p| b.ends_with(p))
}

const BEFORE_PATTERNS: &[&str] = &[
    "according to",
    "according to reports of",
    "according to a report by",
    "according to a statement from",
    "according to figures from",
    "according to data from",
    "told",
    "interview with",
    "said",
    "says",
    "reported",
    "source:",
    "sources:",
    "/ source:",
    "quoted by",
    "reported by",
    "cited by",
    "spokesman for",
    "spokeswoman for",
    "spokesperson for",
    "spokesman of",
    "spokeswoman of",
    "official of",
    "official from",
    "officials from",
    "statement from",
    "statement by",
    "statement of",
    "data from",
    "figures from",
    "report by",
    "via",
];

const AFTER_BODY_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "statement",
    "source",
    "sources",
    "correspondents",
    "correspondent",
    "report",
];

/// Find attributions ("told Reuters", "according to the UN", "X reported").
pub fn extract_cited(docs: &[DocText], actors: &ActorIndex) -> Vec<Citation> {
    // per article, in parallel (each article's result is its own)
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, doc)| doc_cited(d, doc, actors))
        .collect()
}

/// The attributions of article `d`. They depend on its text and its
/// mentions with their actors (index, kind and name).
pub fn doc_cited(d: usize, doc: &DocText, actors: &ActorIndex) -> Vec<Citation> {
    // an organisation's mentions in a block make it more salient for the next
    let count_salience = |bm: &[&Mention], salience: &mut HashMap<usize, usize>| {
        for m in bm {
            if actors.actors[m.actor()].kind == ActorKind::Organization {
                *salience.entry(m.actor()).or_default() += 1;
            }
        }
    };
    let mut out = Vec::new();
    let ms = actors.doc_mentions(d);
    let mut salience: HashMap<usize, usize> = HashMap::default();
    for (block, text) in doc.blocks() {
        let sents = crate::text::sentences(text);
        // mentions of this block
        let bm: Vec<_> = ms.iter().filter(|m| m.block == block).collect();
        for m in &bm {
            let actor = &actors.actors[m.actor()];
            if actor.kind == ActorKind::Person {
                continue;
            }
            let (sa, sb) = sents
                .iter()
                .copied()
                .find(|&(a, b)| m.start() >= a && m.start() < b)
                .unwrap_or((0, text.len()));
            let sb = sb.max(m.end()).min(text.len());
            let sa = sa.min(m.start());
            let before = &text[sa..m.start()];
            let after = &text[m.end()..sb];
            let first_after = words(after).next().unwrap_or_default();
            let first_after = first_after.as_str();
            let is_state = actor.kind == ActorKind::State;
            let surface = &text[m.start()..m.end()];
            // a state is a source only through its spokesman, officials or statement,
            // or when the mention itself is a government body
            // a dateline credit: "WASHINGTON (AP) —"
            let credit = before.trim_end().ends_with('(')
                && after.trim_start().starts_with(')')
                && before
                    .trim_end()
                    .trim_end_matches('(')
                    .trim()
                    .chars()
                    .all(|c| !c.is_lowercase());
            let cited = if credit {
                true
            } else if is_state {
                let last = surface.rsplit(' ').next().unwrap_or("").to_lowercase();
                let gov_phrase = surface.contains(' ')
                    && (world::STATE_GOV_NOUNS.contains(&last.as_str())
                        || world::STATE_FORCE_NOUNS.contains(&last.as_str()));
                (AFTER_BODY_NOUNS.contains(&first_after)
                    && !matches!(first_after, "correspondents" | "correspondent"))
                    || (gov_phrase && verb_follows(after))
                    || ends_with_any(
                        before,
                        &[
                            "spokesman for",
                            "spokeswoman for",
                            "statement from",
                            "according to",
                        ],
                    )
            } else {
                ends_with_any(before, BEFORE_PATTERNS)
                    && !ends_with_any(before, &["told", "said", "says"])
                    || (ends_with_any(before, &["told", "said", "says", "reported"])
                        && actor.kind != ActorKind::Person)
                    || AFTER_BODY_NOUNS.contains(&first_after)
                    || verb_follows(after)
            };
            if cited {
                out.push(Citation {
                    doc: d,
                    block,
                    source: actor.name.clone(),
                    sentence: text[sa..sb].to_string(),
                });
            }
        }
        // "the company said": the organisation the article is about so far
        // (most blocks have none of these words: one scan tells)
        if ANAPHORA_ANY.as_ref().is_some_and(|ac| !ac.is_match(text)) {
            count_salience(&bm, &mut salience);
            continue;
        }
        let lower = text.to_ascii_lowercase(); // same byte offsets as `text`
        for pat in ANAPHORA {
            let mut from = 0;
            while let Some(p) = lower[from..].find(pat) {
                let at = from + p;
                from = at + pat.len();
                if !text.is_char_boundary(at) || !text.is_char_boundary(from) {
                    continue;
                }
                let before = &text[..at];
                let after = &text[from..];
                let ok_bound = !after.chars().next().is_some_and(|c| c.is_alphanumeric());
                if !ok_bound {
                    continue;
                }
                let cited = verb_follows(after) || ends_with_any(before, &["according to"]);
                if !cited {
                    continue;
                }
                // salience up to this point of the article
                let mut sal = salience.clone();
                for m in bm.iter().filter(|m| m.start() < at) {
                    if actors.actors[m.actor()].kind == ActorKind::Organization {
                        *sal.entry(m.actor()).or_default() += 1;
                    }
                }
                // "the ministry" prefers a ministry; "the company" the most salient
                let noun = pat.rsplit(' ').next().unwrap_or("");
                let kin: &[&str] = match noun {
                    "agency" => &[
                        "agency",
                        "administration",
                        "bureau",
                        "service",
                        "office",
                        "commission",
                        "authority",
                        "department",
                    ],
                    "company" | "firm" | "manufacturer" | "giant" => &[
                        "inc",
                        "corp",
                        "co",
                        "company",
                        "ltd",
                        "plc",
                        "group",
                        "holdings",
                        "electronics",
                        "motors",
                        "se",
                        "ag",
                    ],
                    _ => &[],
                };
                let named = |a: usize| {
                    let n = actors.actors[a].name.to_lowercase();
                    n.contains(noun) || n.split_whitespace().any(|w| kin.contains(&w))
                };
                // most recent mention of each candidate before this point
                let last_at = |a: usize| {
                    bm.iter()
                        .filter(|m| m.actor() == a && m.start() < at)
                        .map(|m| m.start() + 1)
                        .max()
                        .unwrap_or(0)
                };
                let best = sal
                    .iter()
                    .max_by_key(|(a, n)| (named(**a), **n, last_at(**a)))
                    .map(|(a, _)| *a);
                if let Some(a) = best {
                    let (sa, sb) = sents
                        .iter()
                        .copied()
                        .find(|&(x, y)| at >= x && at < y)
                        .unwrap_or((0, text.len()));
                    out.push(Citation {
                        doc: d,
                        block,
                        source: actors.actors[a].name.clone(),
                        sentence: text[sa.min(at)..sb.max(at).min(text.len())].to_string(),
                    });
                }
            }
        }
        count_salience(&bm, &mut salience);
    }
    out
}
