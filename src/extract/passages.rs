//! Shared passages: sentences that two or more articles carry (near-)verbatim.
//!
//! Each sentence is reduced to a normalised key (case, punctuation and
//! spacing folded) and hashed; sentences of at least [`MIN_WORDS`] words whose
//! key occurs in two or more articles are shared. One pass over the corpus
//! plus a hash map: linear in the corpus size, no pairwise comparison.

use super::{Block, DocText};
use rustc_hash::FxHashMap as HashMap;

/// Shorter sentences ("He said no.") are too generic to count as shared.
pub const MIN_WORDS: usize = 8;

/// Where a shared passage occurs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    pub doc: usize,
    pub block: Block,
    /// Byte range in the block's text.
    pub start: usize,
    pub end: usize,
}

/// A passage carried by two or more articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPassage {
    /// The text as the first article (in input order) carries it.
    pub text: String,
    /// Every occurrence, sorted; at least two distinct docs.
    pub occurrences: Vec<Occurrence>,
}

/// One article's sentences that may be shared: the hash of each one's
/// normalised key, its block and its byte range there. The same for the
/// same text, so it is cached under it.
pub type SentenceKeys = Vec<(u64, Block, u32, u32)>;

/// [`SentenceKeys`] of one article.
pub fn sentence_keys(doc: &DocText) -> SentenceKeys {
    use std::hash::{Hash, Hasher};
    let mut v = Vec::new();
    for (block, text) in doc.blocks() {
        if block == Block::Title {
            continue;
        }
        for (a, b) in crate::text::sentences(text) {
            let key = crate::text::norm_key(&text[a..b]);
            if key.split(' ').count() < MIN_WORDS {
                continue;
            }
            let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(b)) else {
                continue; // a paragraph of 4 GiB
            };
            let mut h = std::hash::DefaultHasher::new();
            key.hash(&mut h);
            v.push((h.finish(), block, a, b));
        }
    }
    v
}

/// Can `keys` (cached under `doc`'s text) be used for `doc`: is every
/// sentence within its block? Only a damaged cache could hold keys that
/// are not, and slicing the text by them would fail.
pub fn sentence_keys_fit(doc: &DocText, keys: &SentenceKeys) -> bool {
    keys.iter().all(|&(_, block, a, b)| {
        let text = doc.block(block);
        let (a, b) = (a as usize, b as usize);
        a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
    })
}

/// Find the passages shared by two or more articles: every sentence's
/// normalised form is hashed (in parallel), the hashes are sorted, and runs
/// of equal hashes across articles are the candidates, confirmed on the
/// normalised text itself. Near-linear: no pair of articles is compared.
pub fn shared_passages(docs: &[DocText]) -> Vec<SharedPassage> {
    use rayon::prelude::*;
    let keys: Vec<SentenceKeys> = docs.par_iter().map(sentence_keys).collect();
    shared_passages_of(docs, keys)
}

/// [`shared_passages`] with every article's [`SentenceKeys`] (the `d`-th
/// of `docs` has `keys[d]`).
pub fn shared_passages_of(docs: &[DocText], keys: Vec<SentenceKeys>) -> Vec<SharedPassage> {
    use rayon::prelude::*;
    let mut all: Vec<(u64, Occurrence)> = Vec::with_capacity(keys.iter().map(Vec::len).sum());
    for (d, k) in keys.into_iter().enumerate() {
        all.extend(k.into_iter().map(|(h, block, a, b)| {
            (
                h,
                Occurrence {
                    doc: d,
                    block,
                    start: a as usize,
                    end: b as usize,
                },
            )
        }));
    }
    all.par_sort_unstable();
    let key_of =
        |o: &Occurrence| crate::text::norm_key(&docs[o.doc].block(o.block)[o.start..o.end]);
    // runs of one hash in two or more articles: the candidates, confirmed
    // in parallel (a large corpus has many, each normalised again)
    let runs: Vec<&[(u64, Occurrence)]> = all
        .chunk_by(|x, y| x.0 == y.0)
        .filter(|run| run.len() >= 2 && run.iter().any(|x| x.1.doc != run[0].1.doc))
        .collect();
    let mut out: Vec<SharedPassage> = runs
        .par_iter()
        .flat_map_iter(|run| {
            // the same hash: group by the text itself (a collision stays apart)
            let mut groups: HashMap<String, Vec<Occurrence>> = HashMap::default();
            for (_, o) in *run {
                groups.entry(key_of(o)).or_default().push(o.clone());
            }
            groups.into_values().filter_map(|mut occ| {
                occ.sort();
                occ.dedup_by_key(|o| o.doc);
                if occ.len() < 2 {
                    return None;
                }
                let first = &occ[0];
                let text = docs[first.doc].block(first.block)[first.start..first.end].to_string();
                Some(SharedPassage {
                    text,
                    occurrences: occ,
                })
            })
        })
        .collect();
    out.par_sort_by(|a, b| a.occurrences.cmp(&b.occurrences).then(a.text.cmp(&b.text)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_keys_fit_their_own_text_only() {
        let long = vec![
            "The convoy of forty trucks reached the northern crossing at dawn today. Aid workers unloaded flour and medicine for the families."
                .to_string(),
        ];
        let short = vec!["The convoy of forty trucks arrived.".to_string()];
        let accented =
            vec!["Été à Genève: the envoy’s talks went on late into the night.".to_string()];
        let doc = |p| DocText {
            title: "",
            dek: None,
            paragraphs: p,
            published: None,
        };
        let keys = sentence_keys(&doc(&long));
        assert_eq!(keys.len(), 2);
        assert!(sentence_keys_fit(&doc(&long), &keys));
        // a record for other text (only a damaged cache could give one)
        assert!(!sentence_keys_fit(&doc(&short), &keys));
        let inside_a_char = vec![(0, Block::Para(0), 0, 1)];
        assert!(!sentence_keys_fit(&doc(&accented), &inside_a_char));
        let no_such_paragraph = vec![(0, Block::Para(3), 0, 5)];
        assert!(!sentence_keys_fit(&doc(&long), &no_such_paragraph));
    }

    #[test]
    fn finds_sentence_shared_by_two_articles_only() {
        let a = vec![
            "Intro one. Nadia Okafor-Reyes, the director of a hospital in the east, told Reuters the toll was 45.".to_string(),
        ];
        let b = vec![
            "Something else entirely here. Nadia Okafor-Reyes, the director of a hospital in the east, told Reuters the toll was 45."
                .to_string(),
        ];
        let c =
            vec!["Nothing in common with the others at all, not one sentence of it.".to_string()];
        let docs: Vec<DocText> = [&a, &b, &c]
            .iter()
            .map(|p| DocText {
                title: "",
                dek: None,
                paragraphs: p,
                published: None,
            })
            .collect();
        let shared = shared_passages(&docs);
        assert_eq!(shared.len(), 1);
        assert!(shared[0].text.starts_with("Nadia Okafor-Reyes"));
        let docs_of: Vec<usize> = shared[0].occurrences.iter().map(|o| o.doc).collect();
        assert_eq!(docs_of, vec![0, 1]);
    }

    #[test]
    fn a_passage_counts_each_article_once() {
        let line = "The convoy of forty trucks reached the northern crossing at dawn today.";
        let twice = vec![format!("{line} Then more. {line}"), line.to_string()];
        let once = vec![line.to_string()];
        let docs: Vec<DocText> = [&twice, &once]
            .iter()
            .map(|p| DocText {
                title: "",
                dek: None,
                paragraphs: p,
                published: None,
            })
            .collect();
        let shared = shared_passages(&docs);
        assert_eq!(shared.len(), 1);
        let docs_of: Vec<usize> = shared[0].occurrences.iter().map(|o| o.doc).collect();
        // render counts "also in" as occurrences.len() - 1
        assert_eq!(docs_of, vec![0, 1]);
    }

    #[test]
    fn short_sentences_are_not_shared() {
        let a = vec!["He said no.".to_string()];
        let docs: Vec<DocText> = (0..2)
            .map(|_| DocText {
                title: "",
                dek: None,
                paragraphs: &a,
                published: None,
            })
            .collect();
        assert!(shared_passages(&docs).is_empty());
    }
}
