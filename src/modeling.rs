//! Model: turn drafts and extraction results into the [`Dossier`] — stable
//! ids, cross-references, events merged across articles, discrepancies
//! between figures, and the key points of the corpus.

use crate::build::{block_ref, publisher_id, Site};
use crate::error::Warning;
use crate::extract::{self, Block};
use crate::model::*;
use crate::text::{norm_key, slugify_max, Ids};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};

/// Fill `site.dossier` (and `site.actor_ids`) from the drafts and findings.
///
/// The extraction lists are taken by value and each is dropped, or moved
/// into the model, as soon as it is used: at 100,000 articles they hold
/// hundreds of megabytes.
pub fn model(
    site: &mut Site,
    quotes: Vec<extract::quotes::Quote>,
    citations: Vec<extract::sources::Citation>,
    events: Vec<extract::events::Event>,
    figures: Vec<extract::figures::Figure>,
    key_points: Vec<KeyPoint>,
) {
    let mut timer = crate::build::Timer::new();
    let cfg = &site.config;
    let drafts = &site.drafts;
    let ax = &site.actors;
    let mut d = Dossier {
        schema: SCHEMA,
        title: cfg.title.clone(),
        subtitle: cfg.subtitle.clone(),
        ..Default::default()
    };

    // actor ids
    let mut taken = Ids::default();
    let actor_ids: Vec<Id> = ax
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            unique(
                &mut taken,
                slugify_max(&a.name, 60),
                &format!("actor-{}", i + 1),
            )
            .into()
        })
        .collect();
    let known_ids: HashSet<&str> = actor_ids.iter().map(|s| s.as_ref()).collect();

    // articles and their actors (less those config marks `ignore: true`)
    // (decided once per actor, not once per article that lists it)
    let ignored = cfg.ignored_actor_keys();
    let ignored_actor: Vec<bool> = if ignored.is_empty() {
        Vec::new()
    } else {
        ax.actors
            .iter()
            .map(|act| {
                ignored.contains(&norm_key(&act.name))
                    || act.aliases.iter().any(|x| ignored.contains(&norm_key(x)))
            })
            .collect()
    };
    let is_ignored = |a: usize| ignored_actor.get(a).copied().unwrap_or(false);
    let mut article_actors: Vec<Vec<usize>> = Vec::with_capacity(drafts.len());
    // actor id → index, made once if an edited file lists actors
    let mut by_id: Option<HashMap<&str, usize>> = None;
    let mut extracted_actors = HashMap::default();
    for (i, dr) in drafts.iter().enumerate() {
        let mut list: Vec<usize> = ax.doc_actors.get(i).cloned().unwrap_or_default();
        list.retain(|&a| !is_ignored(a));
        if let Some(listed) = &dr.listed_actors {
            extracted_actors.insert(i, sorted_ids(&list, &actor_ids));
            let by_id = by_id.get_or_insert_with(|| {
                actor_ids
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.as_ref(), i))
                    .collect()
            });
            list = listed
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .collect();
            for id in listed {
                if !known_ids.contains(id.as_str()) {
                    site.warnings.push(Warning {
                        kind: "dangling id",
                        file: Some(dr.content_rel.clone()),
                        message: format!(
                            "lists actor `{id}`, which no article mentions; remove it from `actors:` or add it to `actors:` in config.yaml"
                        ),
                    });
                }
            }
            list.sort_unstable();
            list.dedup();
        }
        article_actors.push(list);
    }

    // source registry from config: normalised name/alias → id
    let mut registry: HashMap<String, String> = HashMap::default();
    let mut reg_entries: HashMap<String, &crate::config::SourceConfig> = HashMap::default();
    for s in &cfg.sources {
        let id = slugify_max(&s.name, 60);
        registry.insert(norm_key(&s.name), id.clone());
        for a in &s.aliases {
            registry.insert(norm_key(a), id.clone());
        }
        reg_entries.insert(id, s);
    }

    // sources
    let mut sources: BTreeMap<String, Source> = BTreeMap::new();
    let new_source = |id: &str, name: &str| Source {
        id: id.to_string(),
        name: name.to_string(),
        kind: "cited".into(),
        homepage: None,
        notes: None,
        articles: Vec::new(),
        cited_in: Vec::new(),
        citations: Vec::new(),
        page: format!("sources/{id}/index.html"),
    };
    // a source's id, once per distinct name (many articles share a few names)
    let mut ids_of: HashMap<String, String> = HashMap::default();
    let mut source_id = |name: Option<&str>| -> String {
        let Some(n) = name else {
            return publisher_id(None, &registry);
        };
        if let Some(id) = ids_of.get(n) {
            return id.clone();
        }
        let id = publisher_id(Some(n), &registry);
        ids_of.insert(n.to_string(), id.clone());
        id
    };
    let mut pub_ids = Vec::with_capacity(drafts.len());
    for dr in drafts {
        let id = source_id(dr.publisher_name.as_deref());
        let name = match (&dr.publisher_name, id.as_str()) {
            (_, "unknown") => "Unknown publisher".to_string(),
            (Some(n), _) => reg_entries
                .get(&id)
                .map(|s| s.name.clone())
                .unwrap_or_else(|| n.clone()),
            (None, _) => "Unknown publisher".to_string(),
        };
        let s = sources
            .entry(id.clone())
            .or_insert_with(|| new_source(&id, &name));
        s.articles.push(dr.id.clone());
        pub_ids.push(id);
    }
    let mut article_cited: Vec<BTreeSet<String>> = vec![BTreeSet::new(); drafts.len()];
    for c in citations {
        let Some(dr) = drafts.get(c.doc) else {
            continue;
        };
        let id = source_id(Some(&c.source));
        if id == "unknown" {
            continue;
        }
        let name = reg_entries
            .get(&id)
            .map(|s| s.name.clone())
            .unwrap_or_else(|| c.source.clone());
        let s = sources
            .entry(id.clone())
            .or_insert_with(|| new_source(&id, &name));
        s.cited_in.push(dr.id.clone());
        s.citations.push(Citation {
            text: c.sentence,
            at: block_ref(&dr.id, c.block),
        });
        article_cited[c.doc].insert(id);
    }
    for s in sources.values_mut() {
        s.articles.sort();
        s.articles.dedup();
        s.cited_in.sort();
        s.cited_in.dedup();
        s.citations
            .sort_by(|a, b| a.at.cmp(&b.at).then(a.text.cmp(&b.text)));
        s.citations
            .dedup_by(|a, b| a.at == b.at && a.text == b.text);
        s.kind = if s.articles.is_empty() {
            "cited".into()
        } else {
            "publisher".into()
        };
        if let Some(r) = reg_entries.get(&s.id) {
            s.homepage = r.homepage.clone();
            s.notes = r.notes.clone();
            if let Some(k) = r.kind {
                if s.articles.is_empty() || k == crate::config::SourceKind::Publisher {
                    s.kind = match k {
                        crate::config::SourceKind::Publisher => "publisher".into(),
                        crate::config::SourceKind::Cited => "cited".into(),
                    };
                }
            }
        }
        if s.id == "unknown" {
            s.notes = Some(
                "Articles whose publisher neither the text nor config.yaml names. Set `seeds.<file>.publisher` in config.yaml to settle it."
                    .into(),
            );
        }
    }

    // articles (each on its own)
    d.articles = drafts
        .par_iter()
        .enumerate()
        .map(|(i, dr)| Article {
            id: dr.id.clone(),
            seed: dr.seed.clone(),
            content: dr.content_rel.clone(),
            title: if dr.untitled {
                String::new()
            } else {
                dr.title.clone()
            },
            display_title: dr.title.clone(),
            dek: dr.dek.clone(),
            publisher: Some(pub_ids[i].clone()),
            published: dr.published.map(|p| p.format("%Y-%m-%d").to_string()),
            published_basis: dr.basis.map(str::to_string),
            url: dr.url.clone(),
            paragraphs: dr.paragraphs.clone(),
            removed: dr.removed.clone(),
            actors: sorted_ids(&article_actors[i], &actor_ids),
            places: ax.places.get(i).cloned().unwrap_or_default(),
            cited_sources: article_cited[i].iter().cloned().collect(),
            edited: dr.edited,
            page: format!("articles/{}/index.html", dr.id),
        })
        .collect();

    timer.detail("  model: articles");
    // actors
    let mut mention_count = vec![0usize; ax.actors.len()];
    // each article's list is sorted and unique: so is each actor's
    let mut actor_articles: Vec<Vec<usize>> = vec![Vec::new(); ax.actors.len()];
    for (i, list) in article_actors.iter().enumerate() {
        for &a in list {
            actor_articles[a].push(i);
        }
    }
    for m in ax.mentions() {
        // a mention counts where its article lists its actor
        let listed = article_actors
            .get(m.doc())
            .is_some_and(|l| l.binary_search(&m.actor()).is_ok());
        if listed {
            mention_count[m.actor()] += 1;
        }
    }
    for (i, a) in ax.actors.iter().enumerate() {
        if actor_articles[i].is_empty() {
            continue;
        }
        let mut aliases: Vec<String> = a
            .aliases
            .iter()
            .filter(|x| **x != a.name)
            .cloned()
            .collect();
        aliases.sort();
        aliases.dedup();
        d.actors.push(Actor {
            id: actor_ids[i].clone(),
            name: a.name.clone(),
            kind: a.kind.as_str().to_string(),
            role: a.role.clone(),
            aliases,
            articles: actor_articles[i]
                .iter()
                .map(|&j| drafts[j].id.clone())
                .collect(),
            mentions: mention_count[i].max(1),
            page: format!("actors/{}/index.html", actor_ids[i]),
        });
    }
    d.actors.sort_by(|a, b| a.id.cmp(&b.id));

    timer.detail("  model: actors");
    // an actor of the dossier is one some article lists (not one marked
    // `ignore: true`): only those are quote speakers and event actors, so
    // no page links to an actor page that is not built
    let in_dossier: Vec<bool> = actor_articles.iter().map(|l| !l.is_empty()).collect();
    // quotes
    d.quotes.reserve_exact(quotes.len());
    for q in quotes {
        let Some(dr) = drafts.get(q.doc) else {
            continue;
        };
        // a speaker who is no actor of the dossier is named as written
        let listed = q
            .speaker
            .filter(|&s| in_dossier.get(s).copied().unwrap_or(false));
        let speaker_text = match (listed, q.speaker) {
            (None, Some(s)) => q
                .speaker_text
                .or_else(|| ax.actors.get(s).map(|a| a.name.clone())),
            _ => q.speaker_text,
        };
        d.quotes.push(Quote {
            speaker: listed.and_then(|s| actor_ids.get(s).cloned()),
            speaker_text,
            text: q.text,
            article: dr.id.clone(),
            paragraph: crate::build::paragraph_no(q.block),
        });
    }

    timer.detail("  model: quotes");
    // events, merged across articles
    d.events = merge_events(site, &events, &actor_ids, &in_dossier);
    drop(events);

    timer.detail("  model: events");
    // shared passages; an id is made from the text, so that it stays the
    // same when passages are added or dropped elsewhere in the corpus (a
    // running number would change a page for every passage before it)
    let mut ids_taken = Ids::default();
    for p in &site.passages {
        let mut arts: Vec<Id> = p
            .occurrences
            .iter()
            .map(|o| drafts[o.doc].id.clone())
            .collect();
        arts.sort();
        arts.dedup();
        d.shared_passages.push(SharedPassage {
            id: passage_id(&p.text, &mut ids_taken),
            text: p.text.clone(),
            articles: arts,
            refs: p
                .occurrences
                .iter()
                .map(|o| block_ref(&drafts[o.doc].id, o.block))
                .collect(),
        });
    }

    timer.detail("  model: passages");
    // figures and discrepancies (sized once: no doubling copy of a big list)
    d.figures.reserve_exact(figures.len());
    for f in &figures {
        let Some(dr) = drafts.get(f.doc) else {
            continue;
        };
        d.figures.push(Figure {
            value: f.value.clone(),
            what: f.what.clone(),
            text: f.sentence.clone(),
            article: dr.id.clone(),
            paragraph: crate::build::paragraph_no(f.block),
        });
    }
    timer.detail("  model: figures");
    // conflicting figures: same category, comparable size, different values
    d.discrepancies = extract::figures::figure_conflicts(&figures)
        .into_iter()
        .filter_map(|g| {
            let all: Vec<&extract::figures::Figure> = g
                .figures
                .iter()
                .map(|&i| &figures[i])
                .filter(|f| drafts.get(f.doc).is_some())
                .collect();
            let docs: BTreeSet<usize> = all.iter().map(|f| f.doc).collect();
            if docs.len() < 2 {
                return None;
            }
            // the extremes and an even spread between (memory stays flat)
            const MAX: usize = 50;
            let n = all.len();
            let pick: Vec<&extract::figures::Figure> = if n <= MAX {
                all
            } else {
                (0..MAX).map(|k| all[k * (n - 1) / (MAX - 1)]).collect()
            };
            Some(Discrepancy {
                what: g.category,
                figures: pick
                    .into_iter()
                    .filter_map(|f| figure_out(drafts, f))
                    .collect(),
                figures_total: n,
            })
        })
        .collect();
    drop(figures);
    timer.detail("  model: discrepancies");
    d.key_points = key_points;

    let dates: Vec<&String> = d
        .articles
        .iter()
        .filter_map(|a| a.published.as_ref())
        .collect();
    if let (Some(min), Some(max)) = (dates.iter().min(), dates.iter().max()) {
        d.span = Some(((*min).clone(), (*max).clone()));
    }
    d.sources = sources.into_values().collect();
    site.warnings.extend(actionable_warnings(&d, drafts));
    timer.detail("  model: warnings");
    site.dossier = d;
    site.actor_ids = actor_ids;
    site.extracted_actors = extracted_actors;
}

/// The ids of actors `list`, sorted by id: stable whatever the extractor's
/// internal order.
fn sorted_ids(list: &[usize], actor_ids: &[Id]) -> Vec<Id> {
    let mut ids: Vec<Id> = list.iter().map(|&a| actor_ids[a].clone()).collect();
    ids.sort();
    ids
}

/// Warnings a user can act on, each naming the file and the key that settles it.
fn actionable_warnings(d: &Dossier, drafts: &[crate::build::Draft]) -> Vec<Warning> {
    let mut out = Vec::new();
    for (a, dr) in d.articles.iter().zip(drafts) {
        let file = a.seed.clone().unwrap_or_else(|| a.content.clone());
        // the key that settles a field: config for a generated file, the file itself once edited
        let settle = |field: &str| match &a.seed {
            Some(seed) if !dr.edited => {
                format!(
                    "`seeds.{}.{field}` in config.yaml",
                    seed.rsplit('/').next().unwrap_or(seed)
                )
            }
            _ => format!("`{field}:` in {}", a.content),
        };
        let key = settle("published");
        match a.published_basis.as_deref() {
            None => out.push(Warning {
                kind: "no date",
                file: Some(file.clone()),
                message: format!("has no publication date, so its weekdays cannot be placed on the timeline; set {key}"),
            }),
            Some("estimated") => out.push(Warning {
                kind: "estimated date",
                file: Some(file.clone()),
                message: format!(
                    "publication date estimated as {} from {}; confirm or correct it with {key}",
                    a.published.as_deref().unwrap_or("?"),
                    dr.estimated_from.unwrap_or("similar articles")
                ),
            }),
            _ => {}
        }
        if a.publisher.as_deref() == Some("unknown") {
            let key = settle("publisher");
            out.push(Warning {
                kind: "no publisher",
                file: Some(file),
                message: format!("names no publisher in its text; set {key}"),
            });
        }
    }
    let by_id: HashMap<&str, &Article> = d.articles.iter().map(|a| (&*a.id, a)).collect();
    for a in &d.actors {
        if a.mentions == 1 && a.kind != "state" {
            let file = a
                .articles
                .first()
                .and_then(|id| by_id.get(&**id))
                .map(|x| x.content.clone());
            out.push(Warning {
                kind: "actor seen once",
                file,
                message: format!(
                    "`{}` ({}) is mentioned once; if it is not an actor, add `- {{name: \"{}\", ignore: true}}` under `actors:` in config.yaml",
                    a.name, a.kind, a.name
                ),
            });
        }
    }
    out
}

fn unique(taken: &mut Ids, base: String, fallback: &str) -> String {
    taken.unique(if base.is_empty() {
        fallback.to_string()
    } else {
        base
    })
}

/// A shared passage's id: `passage-` and 48 bits of a hash of its text
/// (`-2`, … in the unlikely case two texts share them), so it does not
/// depend on where the passage falls in the corpus.
fn passage_id(text: &str, taken: &mut Ids) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(text.as_bytes()) >> 16;
    unique(taken, format!("passage-{hash:012x}"), "passage")
}

/// Words too common to tell two statements apart.
const STOP: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "for", "from", "had", "has", "have", "he", "her", "his", "in", "into",
    "is", "it", "its", "more", "most", "not", "of", "on", "one", "or", "over", "said", "says",
    "she", "some", "than", "that", "the", "their", "there", "they", "this", "to", "two", "was",
    "were", "what", "when", "where", "which", "while", "who", "will", "with", "would",
];

/// The content words of a sentence (lower case, longer than two letters,
/// no stop words) as a set: sorted, distinct 64-bit hashes, so comparing
/// sentences allocates no string per word.
fn content_words(s: &str) -> Vec<u64> {
    word_set(s, |_| true)
}

/// [`content_words`] less the words `keep` refuses.
fn word_set(s: &str, keep: impl Fn(&str) -> bool) -> Vec<u64> {
    key_word_set(&norm_key(s), keep)
}

/// [`STOP`] as a set (asked of every word of every event and sentence).
static STOP_SET: once_cell::sync::Lazy<HashSet<&'static str>> =
    once_cell::sync::Lazy::new(|| STOP.iter().copied().collect());

/// [`word_set`] of a text's [`norm_key`].
fn key_word_set(key: &str, keep: impl Fn(&str) -> bool) -> Vec<u64> {
    let mut v: Vec<u64> = key
        .split(' ')
        .filter(|w| w.len() > 2 && !STOP_SET.contains(w) && keep(w))
        .map(word_hash)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// FNV-1a: fixed, so sets (and the output) are the same on every run.
fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A word that only says when (a number, a month or a weekday name), in
/// the lower case `content_words` gives.
fn is_date_word(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || crate::text::MONTH_NAMES.contains(&w)
        || crate::text::WEEKDAY_NAMES.contains(&w)
}

/// Jaccard similarity of two word sets from [`content_words`].
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// How many words of a set fall in each of 32 buckets (by hash): for two
/// sets, the sum of the smaller counts is at least the number of words they
/// share (a shared word counts in the same bucket of both), which bounds
/// their [`jaccard`] from above for the cost of 32 byte compares.
struct BucketCounts([u8; 32]);

impl BucketCounts {
    /// `None` when a bucket would hold more than 255 words.
    fn of(words: &[u64]) -> Option<BucketCounts> {
        let mut n = [0u8; 32];
        for &w in words {
            // the hash's high bits: FNV's low bits mix poorly
            let b = ((w ^ (w >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 59) as usize;
            n[b] = n[b].checked_add(1)?;
        }
        Some(BucketCounts(n))
    }

    /// At least the number of words both sets hold.
    fn shared_at_most(&self, other: &BucketCounts) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(*a.min(b)))
            .sum()
    }
}

/// Events of one date in clusters of the same happening (each a list of
/// positions, in order): an event joins the cluster of an event with the
/// same key, or else the first (oldest) cluster holding, among its first
/// eight events, one of another article whose words are alike (Jaccard
/// similarity at least 0.3); or it starts a cluster.
///
/// Candidates come from an inverted index of words (words of more than 64
/// clusters are left out), so a date with thousands of events stays
/// near-linear.
fn cluster_alike(docs: &[usize], lkeys: &[String], lwords: &[Vec<u64>]) -> Vec<Vec<usize>> {
    let counts: Vec<Option<BucketCounts>> = lwords.iter().map(|w| BucketCounts::of(w)).collect();
    // the test of `jaccard(a, b) >= 0.3`, made only when a cheap upper
    // bound of it passes
    let alike = |a: usize, b: usize| {
        let (wa, wb) = (&lwords[a], &lwords[b]);
        let bound = match (&counts[a], &counts[b]) {
            (Some(x), Some(y)) => x.shared_at_most(y),
            _ => wa.len().min(wb.len()),
        };
        let union = wa.len() + wb.len() - bound;
        union > 0 && bound as f64 / union as f64 >= 0.3 && jaccard(wa, wb) >= 0.3
    };
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // per cluster: the last event (position + 1) that looked at it
    let mut looked: Vec<usize> = Vec::new();
    let mut by_key: HashMap<&str, usize> = HashMap::default();
    let mut by_word: HashMap<u64, Vec<usize>> = HashMap::default();
    for p in 0..docs.len() {
        let mut found = by_key.get(lkeys[p].as_str()).copied();
        if found.is_none() {
            // the oldest candidate that fits: no need to sort them all, nor
            // to test one older than the best found so far
            let mut best = usize::MAX;
            for w in &lwords[p] {
                let Some(v) = by_word.get(w).filter(|v| v.len() <= 64) else {
                    continue;
                };
                for &c in v {
                    if c >= best || looked[c] == p + 1 {
                        continue;
                    }
                    looked[c] = p + 1;
                    if clusters[c]
                        .iter()
                        .take(8)
                        .any(|&q| docs[q] != docs[p] && alike(p, q))
                    {
                        best = c;
                    }
                }
            }
            found = (best != usize::MAX).then_some(best);
        }
        let c = match found {
            Some(c) => {
                clusters[c].push(p);
                c
            }
            None => {
                clusters.push(vec![p]);
                looked.push(0);
                clusters.len() - 1
            }
        };
        by_key.entry(lkeys[p].as_str()).or_insert(c);
        for w in &lwords[p] {
            let v = by_word.entry(*w).or_default();
            if v.last() != Some(&c) && v.len() <= 64 {
                v.push(c);
            }
        }
    }
    clusters
}

/// One timeline entry per happening: events of the same date whose sentences
/// share enough words (or that are the same shared passage) are merged.
fn merge_events(
    site: &Site,
    events: &[extract::events::Event],
    actor_ids: &[Id],
    in_dossier: &[bool],
) -> Vec<Event> {
    let drafts = &site.drafts;
    let mut by_date: BTreeMap<(&str, extract::events::Precision), Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        by_date
            .entry((e.date.as_str(), e.precision))
            .or_default()
            .push(i);
    }
    // dates cluster independently (in parallel); ids are made unique after,
    // in date order, so the result does not depend on scheduling
    let groups: Vec<((&str, extract::events::Precision), Vec<usize>)> =
        by_date.into_iter().collect();
    // a date's clusters depend on its sentences and on which are of the same
    // article: kept in the cache under those (by article id, which, unlike
    // an article's position, another article's arrival does not change)
    let table = site.cache.table("event clusters");
    let built: Vec<(Vec<Event>, (u128, crate::cache::Record))> = groups
        .par_iter()
        .map(|((date, precision), idxs)| {
            let mut out = Vec::new();
            let mut key = crate::cache::Key::new("event clusters");
            key.str(date).bytes(&[*precision as u8]);
            for &i in idxs {
                key.str(&drafts[events[i].doc].id).str(&events[i].sentence);
            }
            let (clusters, record) = table.memo(
                key.finish(),
                |_: &Vec<Vec<usize>>| true,
                || {
                    // words and keys of this date's events only (memory stays
                    // flat); the date itself is shared by every event of a
                    // date: leave its words out, or unrelated events of one
                    // day look alike
                    let lkeys: Vec<String> = idxs
                        .iter()
                        .map(|&i| norm_key(&events[i].sentence))
                        .collect();
                    let lwords: Vec<Vec<u64>> = lkeys
                        .iter()
                        .map(|k| key_word_set(k, |w| !is_date_word(w)))
                        .collect();
                    let docs: Vec<usize> = idxs.iter().map(|&i| events[i].doc).collect();
                    cluster_alike(&docs, &lkeys, &lwords)
                },
            );
            for c in clusters {
                let c: Vec<usize> = c.into_iter().map(|q| idxs[q]).collect();
                let first = &events[c[0]];
                let mut arts: Vec<Id> = c
                    .iter()
                    .map(|&i| drafts[events[i].doc].id.clone())
                    .collect();
                arts.sort();
                arts.dedup();
                let mut actors: BTreeSet<Id> = BTreeSet::new();
                for &i in &c {
                    let e = &events[i];
                    let (start, end) = (e.start, e.start + e.sentence.len());
                    for m in site.actors.block_mentions(e.doc, e.block) {
                        if m.start() >= start
                            && m.end() <= end
                            && in_dossier.get(m.actor()).copied().unwrap_or(false)
                        {
                            if let Some(id) = actor_ids.get(m.actor()) {
                                actors.insert(id.clone());
                            }
                        }
                    }
                }
                let words: Vec<&str> = first.sentence.split_whitespace().take(8).collect();
                let id = format!("{}-{}", date, slugify_max(&words.join(" "), 48));
                let mut refs: Vec<EventRef> = c
                    .iter()
                    .map(|&i| {
                        let e = &events[i];
                        EventRef {
                            at: block_ref(&drafts[e.doc].id, e.block),
                            text: e.sentence.clone(),
                            evidence: e.evidence.clone(),
                            basis: basis_str(e.basis),
                        }
                    })
                    .collect();
                refs.sort_by(|a, b| a.at.cmp(&b.at));
                out.push(Event {
                    id,
                    date: date.to_string(),
                    precision: precision_str(first.precision),
                    basis: basis_str(first.basis),
                    text: first.sentence.clone(),
                    articles: arts,
                    actors: actors.into_iter().collect(),
                    refs,
                });
            }
            (out, record)
        })
        .collect();
    let (built, records): (Vec<Vec<Event>>, Vec<_>) = built.into_iter().unzip();
    site.keep_table(table, records);
    let mut taken = Ids::default();
    let mut out = Vec::with_capacity(built.iter().map(Vec::len).sum());
    for mut e in built.into_iter().flatten() {
        e.id = unique(&mut taken, std::mem::take(&mut e.id), &e.date);
        out.push(e);
    }
    out
}

fn precision_str(p: extract::events::Precision) -> &'static str {
    use extract::events::Precision::*;
    match p {
        Day => "day",
        Month => "month",
        Year => "year",
    }
}

fn basis_str(b: extract::events::Basis) -> &'static str {
    use extract::events::Basis::*;
    match b {
        Explicit => "explicit",
        Relative => "relative",
        Estimated => "estimated",
        Background => "background",
    }
}

fn figure_out(drafts: &[crate::build::Draft], f: &extract::figures::Figure) -> Option<Figure> {
    let dr = drafts.get(f.doc)?;
    Some(Figure {
        value: f.value.clone(),
        what: f.what.clone(),
        text: f.sentence.clone(),
        article: dr.id.clone(),
        paragraph: crate::build::paragraph_no(f.block),
    })
}

/// A key-point candidate: where it is (paragraph, start, end: a plain
/// statement of 10 to 45 words, no quote), and its content words.
#[derive(serde::Serialize, serde::Deserialize)]
struct Cand {
    paragraph: u32,
    start: u32,
    end: u32,
    words: Box<[u64]>,
}

/// What [`key_points`] reads of one article: its content words (sorted,
/// distinct) and its candidate sentences. A function of its paragraphs
/// alone, so it is cached by them.
#[derive(serde::Serialize, serde::Deserialize)]
struct ArticleWords {
    seen: Vec<u64>,
    cands: Vec<Cand>,
}

impl ArticleWords {
    fn of(paragraphs: &[String]) -> ArticleWords {
        /// A key-point candidate: a plain statement of 10 to 45 words, no quote.
        fn candidate(s: &str) -> bool {
            (10..=45).contains(&s.split_whitespace().count()) && !s.contains(['\u{201c}', '"'])
        }
        let mut seen: Vec<u64> = Vec::new();
        let mut cands = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            for (a, b) in crate::text::sentences(p) {
                let s = &p[a..b];
                let w = content_words(s);
                seen.extend_from_slice(&w);
                if candidate(s) {
                    cands.push(Cand {
                        paragraph: pi as u32,
                        start: a as u32,
                        end: b as u32,
                        words: w.into_boxed_slice(),
                    });
                }
            }
        }
        seen.sort_unstable();
        seen.dedup();
        ArticleWords { seen, cands }
    }

    /// Can a cached value be used for `paragraphs` (is every candidate a
    /// slice of them)? Only a damaged cache could hold one that is not.
    fn fits(&self, paragraphs: &[String]) -> bool {
        self.cands.iter().all(|c| {
            let (a, b) = (c.start as usize, c.end as usize);
            paragraphs.get(c.paragraph as usize).is_some_and(|p| {
                a <= b && b <= p.len() && p.is_char_boundary(a) && p.is_char_boundary(b)
            })
        })
    }
}

/// The most central sentences: those whose content words are carried by the
/// most articles (document frequency), one per article first.
///
/// Made as soon as the articles' text is final, before the extraction:
/// its candidates and counts are the biggest memory of their moment, and
/// then less is held beside them (at 100,000 articles, made during the
/// modelling, they set the build's peak).
pub fn key_points(
    drafts: &[crate::build::Draft],
    cache: &crate::cache::Cache,
    (counts, saving): (
        &mut Vec<crate::cache::Counts>,
        &mut Vec<crate::cache::Saving>,
    ),
) -> Vec<KeyPoint> {
    if drafts.len() < 2 {
        return Vec::new();
    }
    // pass 1 (parallel): in how many articles each content word occurs, and
    // every article's candidates with their words (made once, used twice;
    // cached by the article's paragraphs). Not `build::per_article`: each
    // article's words are counted and dropped as they come, not all held.
    let table = cache.table("key point words");
    type Pass1 = (
        HashMap<u64, usize>,
        Vec<(usize, Vec<Cand>)>,
        Vec<(u128, crate::cache::Record)>,
    );
    let (df, mut cands, records): Pass1 = drafts
        .par_iter()
        .enumerate()
        .fold(
            || (HashMap::default(), Vec::new(), Vec::new()),
            |(mut df, mut all, mut records): Pass1, (i, d)| {
                let mut key = crate::cache::Key::new("key point words");
                key.serialized(&*d.paragraphs);
                let (words, record) = table.memo(
                    key.finish(),
                    |w: &ArticleWords| w.fits(&d.paragraphs),
                    || ArticleWords::of(&d.paragraphs),
                );
                for w in words.seen {
                    *df.entry(w).or_insert(0) += 1;
                }
                all.push((i, words.cands));
                records.push(record);
                (df, all, records)
            },
        )
        .reduce(
            || (HashMap::default(), Vec::new(), Vec::new()),
            |(a, mut x, mut r), (b, y, s)| {
                x.extend(y);
                r.extend(s);
                (crate::text::merge_counts(a, b), x, r)
            },
        );
    counts.push(table.report());
    saving.push(table.save_later(records));
    cands.sort_unstable_by_key(|c| c.0);
    let text_of = |i: usize, c: &Cand| {
        &drafts[i].paragraphs[c.paragraph as usize][c.start as usize..c.end as usize]
    };
    // pass 2 (parallel): score the candidates; only the best few are kept
    // (the choice below needs five), so memory stays flat as the corpus grows
    const KEEP: usize = 2000;
    /// score, (article, candidate number): positions are unique
    type Scored = (f64, (usize, usize));
    // a total order (positions are unique), so keeping the best KEEP of every
    // part and then of their union keeps exactly the best KEEP of the whole
    let by_rank = |a: &Scored, b: &Scored| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    };
    let best = |v: &mut Vec<Scored>| {
        if v.len() > KEEP {
            v.select_nth_unstable_by(KEEP, by_rank);
            v.truncate(KEEP);
        }
    };
    let mut scored: Vec<Scored> = cands
        .par_iter()
        .enumerate()
        .fold(Vec::new, |mut v: Vec<Scored>, (k, (_, mine))| {
            for (n, c) in mine.iter().enumerate() {
                let sc: f64 = c
                    .words
                    .iter()
                    .map(|x| (df.get(x).copied().unwrap_or(1) as f64 - 1.0).max(0.0))
                    .sum();
                v.push((sc / (c.words.len() as f64 + 4.0), (k, n)));
            }
            // memory stays bounded however many sentences the corpus has
            if v.len() > 4 * KEEP {
                best(&mut v);
            }
            v
        })
        .reduce(Vec::new, |mut a, b| {
            a.extend(b);
            best(&mut a);
            a
        });
    drop(df);
    best(&mut scored);
    scored.sort_by(by_rank);
    // (article, paragraph, text, words)
    let sents: Vec<(usize, usize, &str, &[u64])> = scored
        .into_iter()
        .map(|(_, (k, n))| {
            let (i, mine) = &cands[k];
            let c = &mine[n];
            (*i, c.paragraph as usize, text_of(*i, c), &c.words[..])
        })
        .collect();
    let want = 5.min(drafts.len() + 2);
    let mut picked: Vec<usize> = Vec::new();
    let mut used_docs: HashSet<usize> = HashSet::default();
    for pass in 0..2 {
        for k in 0..sents.len() {
            if picked.len() >= want {
                break;
            }
            let (doc, _, _, w) = &sents[k];
            if pass == 0 && used_docs.contains(doc) {
                continue;
            }
            if picked.iter().any(|&c| jaccard(sents[c].3, w) > 0.4) {
                continue;
            }
            used_docs.insert(*doc);
            picked.push(k);
        }
    }
    // cite every article carrying (nearly) each point: one parallel pass
    let found: Vec<(usize, Ref)> = cands
        .par_iter()
        .flat_map_iter(|(d2, mine)| {
            let mut v = Vec::new();
            for c in mine {
                for (n, &k) in picked.iter().enumerate() {
                    if sents[k].0 != *d2 && jaccard(sents[k].3, &c.words) > 0.6 {
                        v.push((
                            n,
                            Ref {
                                article: drafts[*d2].id.clone(),
                                paragraph: c.paragraph as usize + 1,
                            },
                        ));
                    }
                }
            }
            v
        })
        .collect();
    picked
        .iter()
        .enumerate()
        .map(|(n, &k)| {
            let (doc, para, text, _) = &sents[k];
            let mut refs = vec![Ref {
                article: drafts[*doc].id.clone(),
                paragraph: para + 1,
            }];
            refs.extend(
                found
                    .iter()
                    .filter(|(m, _)| *m == n)
                    .map(|(_, r)| r.clone()),
            );
            refs.sort();
            refs.dedup_by(|a, b| a.article == b.article);
            KeyPoint {
                text: text.to_string(),
                refs,
            }
        })
        .collect()
}

/// Which block a 1-based paragraph number is.
pub fn block_of(paragraph: usize) -> Block {
    if paragraph == 0 {
        Block::Dek
    } else {
        Block::para(paragraph - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clustering as first written: every candidate cluster collected,
    /// sorted, and tested in order with the plain Jaccard similarity.
    fn cluster_alike_plain(docs: &[usize], keys: &[String], words: &[Vec<u64>]) -> Vec<Vec<usize>> {
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut by_key: HashMap<&str, usize> = HashMap::default();
        let mut by_word: HashMap<u64, Vec<usize>> = HashMap::default();
        for p in 0..docs.len() {
            let mut found = by_key.get(keys[p].as_str()).copied();
            if found.is_none() {
                let mut cands: Vec<usize> = words[p]
                    .iter()
                    .filter_map(|w| by_word.get(w))
                    .filter(|v| v.len() <= 64)
                    .flatten()
                    .copied()
                    .collect();
                cands.sort_unstable();
                cands.dedup();
                found = cands.into_iter().find(|&c| {
                    clusters[c]
                        .iter()
                        .take(8)
                        .any(|&q| docs[q] != docs[p] && jaccard(&words[p], &words[q]) >= 0.3)
                });
            }
            let c = found.unwrap_or_else(|| {
                clusters.push(Vec::new());
                clusters.len() - 1
            });
            clusters[c].push(p);
            by_key.entry(keys[p].as_str()).or_insert(c);
            for w in &words[p] {
                let v = by_word.entry(*w).or_default();
                if v.last() != Some(&c) && v.len() <= 64 {
                    v.push(c);
                }
            }
        }
        clusters
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Dates of many events over a small vocabulary: common words pass
        /// the 64-cluster cap, and most candidates fail the bound.
        #[test]
        fn clusters_are_those_of_the_plain_search(
            events in proptest::collection::vec(
                (0usize..40, proptest::collection::vec(0u64..60, 1..14), 0u8..4),
                1..1500,
            )
        ) {
            let docs: Vec<usize> = events.iter().map(|e| e.0).collect();
            let words: Vec<Vec<u64>> = events
                .iter()
                .map(|e| {
                    let mut w: Vec<u64> = e.1.iter().map(|&x| word_hash(&format!("w{x}"))).collect();
                    w.sort_unstable();
                    w.dedup();
                    w
                })
                .collect();
            // a few exact repeats share a key
            let keys: Vec<String> = events
                .iter()
                .enumerate()
                .map(|(i, e)| if e.2 == 0 { format!("k{}", e.1[0]) } else { format!("u{i}") })
                .collect();
            proptest::prop_assert_eq!(
                cluster_alike(&docs, &keys, &words),
                cluster_alike_plain(&docs, &keys, &words)
            );
        }

        /// The bucket counts never say two sets share fewer words than they do.
        #[test]
        fn bucket_counts_bound_the_shared_words(
            a in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..40),
            b in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..40),
            shared in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..30),
        ) {
            let set = |v: &[u64]| {
                let mut v: Vec<u64> = v.iter().chain(&shared).copied().collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let (a, b) = (set(&a), set(&b));
            let inter = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
            let bound = BucketCounts::of(&a).unwrap().shared_at_most(&BucketCounts::of(&b).unwrap());
            proptest::prop_assert!(inter <= bound && bound <= a.len().min(b.len()));
        }
    }

    #[test]
    fn a_bucket_of_more_than_255_words_gives_no_counts() {
        let bucket = |w: u64| (w ^ (w >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 59;
        let full: Vec<u64> = (0u64..).filter(|&w| bucket(w) == 7).take(256).collect();
        assert!(BucketCounts::of(&full).is_none());
        assert!(BucketCounts::of(&full[..255]).is_some());
    }

    #[test]
    fn stop_words_are_left_out_of_word_sets() {
        let key = crate::text::norm_key("The rebels and the army said");
        let words = key_word_set(&key, |_| true);
        assert_eq!(words, key_word_set("rebels army", |_| true));
        assert!(STOP.contains(&"the") && STOP.contains(&"and") && STOP.contains(&"said"));
    }

    #[test]
    fn word_sets_compare_like_sets_of_words() {
        let a = content_words("Rebels shelled the northern district of Velmora on Monday.");
        let b = content_words("On Monday rebels shelled Velmora's northern district.");
        // "velmoras" differs from "velmora"; the rest is shared
        assert_eq!(
            a.len(),
            6,
            "rebels shelled northern district velmora monday"
        );
        assert!((jaccard(&a, &b) - 5.0 / 7.0).abs() < 1e-9);
        assert_eq!(jaccard(&a, &a), 1.0);
        assert_eq!(jaccard(&a, &content_words("the and of")), 0.0);
        let no_dates = word_set("Rebels shelled Velmora on Monday, 12 March", |w| {
            !is_date_word(w)
        });
        assert_eq!(no_dates, content_words("rebels shelled velmora"));
    }
}
