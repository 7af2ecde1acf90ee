//! Extraction: what a briefing reads out of cleaned articles.
//!
//! Each extractor is a pure function over [`DocText`]s. Positions are given
//! as a [`Block`] (title, dek or a body paragraph) plus byte offsets into it,
//! so the renderer can link every finding back to its paragraph.

pub mod actors;
pub mod events;
pub mod figures;
pub mod passages;
pub mod quotes;
pub mod sources;
pub mod world;

use chrono::NaiveDate;
use serde::Serialize;

/// The cleaned text of one article as the extractors see it.
#[derive(Debug, Clone, Copy)]
pub struct DocText<'a> {
    pub title: &'a str,
    pub dek: Option<&'a str>,
    pub paragraphs: &'a [String],
    /// Publication date when known: relative dates ("on Monday") resolve against it.
    pub published: Option<NaiveDate>,
}

/// A block of an article's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub enum Block {
    Title,
    Dek,
    /// 0-based body paragraph index (32 bits: blocks are stored by the
    /// million in a big corpus, in mentions, events and figures).
    Para(u32),
}

impl Block {
    /// The block of 0-based body paragraph `i`.
    pub fn para(i: usize) -> Block {
        Block::Para(u32::try_from(i).unwrap_or(u32::MAX))
    }
}

impl<'a> DocText<'a> {
    /// Every block with its text, in reading order: title, dek, paragraphs.
    pub fn blocks(&self) -> Vec<(Block, &'a str)> {
        let mut v = Vec::with_capacity(self.paragraphs.len() + 2);
        if !self.title.is_empty() {
            v.push((Block::Title, self.title));
        }
        if let Some(d) = self.dek {
            v.push((Block::Dek, d));
        }
        for (i, p) in self.paragraphs.iter().enumerate() {
            v.push((Block::para(i), p.as_str()));
        }
        v
    }

    /// The text of one block ("" when out of range).
    pub fn block(&self, b: Block) -> &'a str {
        match b {
            Block::Title => self.title,
            Block::Dek => self.dek.unwrap_or(""),
            Block::Para(i) => self
                .paragraphs
                .get(i as usize)
                .map(|s| s.as_str())
                .unwrap_or(""),
        }
    }

    /// A cache key over everything extraction reads of the article.
    pub fn key(&self, what: &str) -> u128 {
        self.key_with(what).finish()
    }

    /// [`DocText::key`] before it is finished (for keys of more than the text).
    pub fn key_with(&self, what: &str) -> crate::cache::Key {
        let mut k = crate::cache::Key::new(what);
        k.str(self.title).opt(self.dek);
        k.bytes(&(self.paragraphs.len() as u64).to_le_bytes());
        for p in self.paragraphs {
            k.str(p);
        }
        k.opt(self.published.map(|d| d.to_string()).as_deref());
        k
    }
}

/// The sentence of `text` that contains byte offset `at`.
pub fn sentence_at(text: &str, at: usize) -> &str {
    for (a, b) in crate::text::sentences(text) {
        if at >= a && at < b {
            return &text[a..b];
        }
    }
    text
}
