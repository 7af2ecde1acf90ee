//! Figures: numbers a reader compares across sources.

use super::{Block, DocText};

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub doc: usize,
    pub block: Block,
    /// The number as written ("45", "430,000", "4.8 million").
    pub value: String,
    /// What it counts ("people", "trucks", "death toll").
    pub what: String,
    /// The sentence carrying it.
    pub sentence: String,
}

/// Find the figures of one article.
pub fn extract_figures(doc_index: usize, doc: &DocText) -> Vec<Figure> {
    let re = regex::Regex::new(
        r"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s(?:million|billion))?)\s+([a-z]+)",
    )
    .expect("static regex");
    let mut out = Vec::new();
    for (block, text) in doc.blocks() {
        for c in re.captures_iter(text) {
            let (v, w) = (c.get(1).expect("g1"), c.get(2).expect("g2"));
            let value = v.as_str();
            if value.len() == 4 && value.starts_with(['1', '2']) && !value.contains(',') {
                continue; // a year
            }
            out.push(Figure {
                doc: doc_index,
                block,
                value: value.to_string(),
                what: w.as_str().to_string(),
                sentence: super::sentence_at(text, v.start()).to_string(),
            });
        }
    }
    out
}
