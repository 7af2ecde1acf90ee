//! The dossier model: one value holding every article, actor, source, event,
//! quote, shared passage and figure, each cross-reference an id. It is
//! serialised as `public/data/dossier.json` (contract: schema 1) and is what
//! every page is rendered from.

use serde::Serialize;

/// `dossier.json` schema version.
pub const SCHEMA: u32 = 1;

/// An article or actor id, shared (not copied) by every list and reference
/// that names it: a large corpus names each id many times.
pub type Id = std::sync::Arc<str>;

/// Ids as plain strings (for a content file's front matter).
pub fn id_strings(ids: &[Id]) -> Vec<String> {
    ids.iter().map(|x| x.to_string()).collect()
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Dossier {
    pub schema: u32,
    pub title: String,
    pub subtitle: Option<String>,
    /// First and last publication dates of the corpus (`YYYY-MM-DD`).
    pub span: Option<(String, String)>,
    pub articles: Vec<Article>,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub quotes: Vec<Quote>,
    pub shared_passages: Vec<SharedPassage>,
    pub figures: Vec<Figure>,
    /// Figures of the same kind that differ between articles.
    pub discrepancies: Vec<Discrepancy>,
    /// Most central sentences of the corpus (extractive summary).
    pub key_points: Vec<KeyPoint>,
}

/// A place in an article: its id and 1-based paragraph (0 = title or dek).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ref {
    pub article: Id,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct Article {
    pub id: Id,
    pub seed: Option<String>,
    pub content: String,
    /// The headline; empty when the text has none.
    pub title: String,
    /// What pages show: the headline, or the first words of the text.
    pub display_title: String,
    pub dek: Option<String>,
    /// Publisher source id (`unknown` when the text and config do not say).
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub published_basis: Option<String>,
    pub url: Option<String>,
    pub paragraphs: std::sync::Arc<Vec<String>>,
    pub removed: std::sync::Arc<Vec<String>>,
    pub actors: Vec<Id>,
    pub places: Vec<String>,
    pub cited_sources: Vec<String>,
    /// `true` when a person edited the content file (or wrote it by hand).
    pub edited: bool,
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    pub id: Id,
    pub name: String,
    pub kind: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub articles: Vec<Id>,
    pub mentions: usize,
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    /// `publisher` or `cited`.
    pub kind: String,
    pub homepage: Option<String>,
    pub notes: Option<String>,
    /// Articles it published.
    pub articles: Vec<Id>,
    /// Articles that cite it.
    pub cited_in: Vec<Id>,
    /// What it was cited for: the attributing sentences.
    pub citations: Vec<Citation>,
    pub page: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    pub text: String,
    #[serde(flatten)]
    pub at: Ref,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub date: String,
    pub precision: &'static str,
    pub basis: &'static str,
    pub text: std::sync::Arc<str>,
    pub articles: Vec<Id>,
    pub actors: Vec<Id>,
    /// Every report of it: article and paragraph, with the words that date it.
    pub refs: Vec<EventRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventRef {
    #[serde(flatten)]
    pub at: Ref,
    pub text: std::sync::Arc<str>,
    pub evidence: String,
    pub basis: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    pub speaker: Option<Id>,
    pub speaker_text: Option<String>,
    pub text: String,
    pub article: Id,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SharedPassage {
    pub id: String,
    pub text: String,
    pub articles: Vec<Id>,
    pub refs: Vec<Ref>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub value: String,
    pub what: String,
    pub text: std::sync::Arc<str>,
    pub article: Id,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Discrepancy {
    /// What is counted ("deaths").
    pub what: String,
    /// The differing figures, each with its article: all of them up to 50,
    /// else 50 spread from the lowest to the highest value (every figure
    /// is in the dossier's `figures`).
    pub figures: Vec<Figure>,
    /// How many figures differ in all.
    pub figures_total: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeyPoint {
    pub text: String,
    pub refs: Vec<Ref>,
}
