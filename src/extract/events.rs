//! Dated events for the timeline.

use super::{Block, DocText};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How precisely an event is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The date is written ("September 9", "Sep 23, 2016").
    Explicit,
    /// A weekday or relative expression resolved against the publication date.
    Relative,
    /// Inferred from other articles.
    Estimated,
    /// Year-level history ("since 2012").
    Background,
}

/// One dated happening in one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub doc: usize,
    pub block: Block,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` per precision.
    pub date: String,
    pub precision: Precision,
    pub basis: Basis,
    /// The sentence reporting it.
    pub sentence: String,
    /// The words that give the date ("late Wednesday").
    pub evidence: String,
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Find the dated events of one article (`doc` is its index, copied into each event).
pub fn extract_events(doc_index: usize, doc: &DocText) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(published) = doc.published else {
        return out;
    };
    for (block, text) in doc.blocks() {
        if block == Block::Title {
            continue;
        }
        for (a, b) in crate::text::sentences(text) {
            let s = &text[a..b];
            for (wi, wd) in WEEKDAYS.iter().enumerate() {
                if s.contains(wd) {
                    let pub_wd = published.weekday().num_days_from_monday() as i64;
                    let mut back = (pub_wd - wi as i64).rem_euclid(7);
                    if back == 0 && !s.contains("today") {
                        back = 0;
                    }
                    let date = published - chrono::Duration::days(back);
                    out.push(Event {
                        doc: doc_index,
                        block,
                        date: date.format("%Y-%m-%d").to_string(),
                        precision: Precision::Day,
                        basis: Basis::Relative,
                        sentence: s.to_string(),
                        evidence: wd.to_string(),
                    });
                    break;
                }
            }
        }
    }
    let _ = NaiveDate::from_ymd_opt;
    out
}
