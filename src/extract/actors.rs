//! Actors: people, organisations, states and armed groups found in the text,
//! with aliases merged across the corpus.

use super::{Block, DocText};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Group,
}

impl ActorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Group => "group",
        }
    }
}

/// What a person knows about an actor (from `config.yaml`'s `actors:`).
#[derive(Debug, Clone, Default)]
pub struct ActorSpec {
    pub name: String,
    pub kind: Option<ActorKind>,
    pub aliases: Vec<String>,
    pub role: Option<String>,
}

/// An actor of the corpus.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Canonical display name.
    pub name: String,
    pub kind: ActorKind,
    /// Role or title when the text (or config) states one.
    pub role: Option<String>,
    /// Other surface forms seen in the text (canonical name excluded), sorted.
    pub aliases: Vec<String>,
}

/// One mention of an actor in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the article in the input slice.
    pub doc: usize,
    pub block: Block,
    /// Byte range of the surface form in the block's text.
    pub start: usize,
    pub end: usize,
    /// Index into [`ActorIndex::actors`].
    pub actor: usize,
}

/// All actors of a corpus, their mentions and each article's places.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    pub actors: Vec<Actor>,
    /// Sorted by (doc, block, start).
    pub mentions: Vec<Mention>,
    /// Per article: the actors it lists (sorted, unique).
    pub doc_actors: Vec<Vec<usize>>,
    /// Per article: place names (locations that are not actors), sorted, unique.
    pub places: Vec<Vec<String>>,
    /// normalised surface form → actor
    lookup: HashMap<String, usize>,
}

impl ActorIndex {
    /// The actor a surface form ("Kerry", "Mr Kerry", "Moscow") refers to, if any.
    pub fn resolve(&self, surface: &str) -> Option<usize> {
        let k = crate::text::norm_key(surface);
        let k = k.strip_prefix("the ").unwrap_or(&k);
        self.lookup.get(k).copied()
    }

    /// The mention covering byte `at` of a block, if any.
    pub fn mention_at(&self, doc: usize, block: Block, at: usize) -> Option<&Mention> {
        self.mentions
            .iter()
            .find(|m| m.doc == doc && m.block == block && m.start <= at && at < m.end)
    }

    /// Register a surface form for an actor in the lookup table.
    pub fn add_lookup(&mut self, surface: &str, actor: usize) {
        let k = crate::text::norm_key(surface);
        let k = k.strip_prefix("the ").unwrap_or(&k).to_string();
        if !k.is_empty() {
            self.lookup.entry(k).or_insert(actor);
        }
    }
}

/// Find the actors of a corpus. `gazetteer` entries (from config) add actors,
/// fix kinds and roles, and merge aliases.
pub fn extract_actors(docs: &[DocText], gazetteer: &[ActorSpec]) -> ActorIndex {
    let mut idx = ActorIndex::default();
    let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    for spec in gazetteer {
        let id = idx.actors.len();
        idx.actors.push(Actor {
            name: spec.name.clone(),
            kind: spec.kind.unwrap_or(ActorKind::Person),
            role: spec.role.clone(),
            aliases: spec.aliases.clone(),
        });
        by_key.insert(crate::text::norm_key(&spec.name), id);
        forms.push((spec.name.clone(), id));
        for a in &spec.aliases {
            forms.push((a.clone(), id));
        }
    }
    for st in super::world::STATES {
        let key = crate::text::norm_key(st.name);
        let id = *by_key.entry(key).or_insert_with(|| {
            idx.actors.push(Actor {
                name: st.name.to_string(),
                kind: ActorKind::State,
                role: None,
                aliases: vec![],
            });
            idx.actors.len() - 1
        });
        forms.push((st.name.to_string(), id));
        for a in st.aliases.iter().chain(st.demonyms) {
            forms.push((a.to_string(), id));
        }
    }
    // longest forms first so "Russian Federation" wins over "Russian"
    forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut used = vec![false; idx.actors.len()];
    for (d, doc) in docs.iter().enumerate() {
        for (block, text) in doc.blocks() {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (form, id) in &forms {
                for (s, _) in text.match_indices(form.as_str()) {
                    let e = s + form.len();
                    let before_ok = text[..s]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let after_ok = text[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    if before_ok && after_ok && !taken.iter().any(|&(a, b)| s < b && a < e) {
                        taken.push((s, e));
                        idx.mentions.push(Mention {
                            doc: d,
                            block,
                            start: s,
                            end: e,
                            actor: *id,
                        });
                        used[*id] = true;
                    }
                }
            }
        }
    }
    for (form, id) in &forms {
        idx.add_lookup(form, *id);
    }
    idx.mentions.sort_by_key(|m| (m.doc, m.block, m.start));
    idx.doc_actors = vec![Vec::new(); docs.len()];
    for m in &idx.mentions {
        idx.doc_actors[m.doc].push(m.actor);
    }
    for v in &mut idx.doc_actors {
        v.sort_unstable();
        v.dedup();
    }
    idx.places = vec![Vec::new(); docs.len()];
    let _ = used;
    idx
}
