//! Cited sources: who information is attributed to.

use super::actors::ActorIndex;
use super::{Block, DocText};

/// One attribution of information to a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub doc: usize,
    pub block: Block,
    /// Canonical source name (an actor's canonical name when the source is also an actor).
    pub source: String,
    /// The sentence carrying the attribution.
    pub sentence: String,
}

/// Find attributions ("told Reuters", "according to the UN", "X reported").
pub fn extract_cited(docs: &[DocText], actors: &ActorIndex) -> Vec<Citation> {
    let re = regex::Regex::new(
        r"(?:told|according to|reported by|said the)\s+(?:the\s+)?((?:[A-Z][\w.'’-]*\s?)+)",
    )
    .expect("static regex");
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (block, text) in doc.blocks() {
            for c in re.captures_iter(text) {
                let m = c.get(1).expect("group");
                let name = m.as_str().trim();
                let source = actors
                    .resolve(name)
                    .map(|a| actors.actors[a].name.clone())
                    .unwrap_or_else(|| name.to_string());
                out.push(Citation {
                    doc: d,
                    block,
                    source,
                    sentence: super::sentence_at(text, m.start()).to_string(),
                });
            }
        }
    }
    out
}
