//! Direct quotes and who said them.

use super::actors::ActorIndex;
use super::{Block, DocText};

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub doc: usize,
    pub block: Block,
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Speaker as an actor index, when resolved; `None` = unknown (never guessed).
    pub speaker: Option<usize>,
    /// The words naming the speaker in the text ("Kerry", "the source"), if any.
    pub speaker_text: Option<String>,
}

/// Find the direct quotes of every article and resolve their speakers.
pub fn extract_quotes(docs: &[DocText], actors: &ActorIndex) -> Vec<Quote> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for (block, text) in doc.blocks() {
            if block == Block::Title {
                continue;
            }
            let mut rest = text;
            let mut offset = 0;
            while let Some(i) = rest.find('\u{201c}') {
                let open = offset + i + '\u{201c}'.len_utf8();
                let Some(j) = text[open..].find('\u{201d}') else {
                    break;
                };
                let close = open + j;
                let words = &text[open..close];
                if words.split_whitespace().count() >= 3 {
                    let after = &text[close..];
                    let sentence_end = after.find(['.', '\n']).unwrap_or(after.len());
                    let speaker = actors
                        .mentions
                        .iter()
                        .find(|m| {
                            m.doc == d
                                && m.block == block
                                && m.start >= close
                                && m.start < close + sentence_end
                        })
                        .map(|m| m.actor);
                    out.push(Quote {
                        doc: d,
                        block,
                        text: words.trim().to_string(),
                        speaker,
                        speaker_text: speaker.map(|a| actors.actors[a].name.clone()),
                    });
                }
                offset = close;
                rest = &text[close..];
            }
        }
    }
    out
}
