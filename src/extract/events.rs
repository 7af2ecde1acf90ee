//! Dated events for the timeline.
//!
//! Every sentence that gives or implies a date becomes an event: written dates
//! ("September 9", "Mar 3, 2019", "15 of July 2016"; a missing year is the
//! nearest past occurrence before publication, or the next one when the
//! sentence speaks of the future), weekdays and parts of days ("late
//! Wednesday", "Thursday night": the latest such day on or before
//! publication), "today", "yesterday", "last night" (inside a quote spoken
//! on a named weekday, "told supporters Friday morning that \"last night
//! ...\"", they count from that weekday), month-level ("earlier this month",
//! "last month", "in September") and background years ("since 2012"). Future
//! weekdays other than the publication day, and metadata lines ("This story
//! is from ..."), are not events.
//!
//! [`publication_from_anchor`] dates a text that states no publication date
//! from one day known to belong to its story and the weekdays it names.

use super::{Block, DocText};
use chrono::{Datelike, Duration, NaiveDate};
use once_cell::sync::Lazy;
use regex::Regex;
use serde::{Deserialize, Serialize};

/// How precisely an event is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// Where an event's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// The date is written ("September 9", "Mar 3, 2019").
    Explicit,
    /// A weekday or relative expression resolved against the publication date.
    Relative,
    /// Inferred from other articles.
    Estimated,
    /// Year-level history ("since 2012").
    Background,
}

/// One dated happening in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub doc: usize,
    pub block: Block,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` per precision.
    pub date: String,
    pub precision: Precision,
    pub basis: Basis,
    /// The sentence reporting it.
    pub sentence: std::sync::Arc<str>,
    /// Where the sentence starts in its block (bytes).
    pub start: usize,
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

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?";

static MDY_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(&format!(
        r"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
    ))
});
static DMY_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(\d{{4}})\b)?"
    ))
});
static ISO_RE: Lazy<Regex> =
    Lazy::new(|| crate::text::word_regex(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b"));
static MONTH_YEAR_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(&format!(
        r"(?i:\b(in|since|during|until|by|from|of|early|late|mid|end of|last|this|before|after)\s+|\b(mid-))?\b{MONTH}(?:,?\s+(\d{{4}}))?\b"
    ))
});
static YEAR_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?i)\b(in|since|from|the|by|until|during|early|late|mid|mid-|of|before|after|between)\s+((?:1[89]|20)\d\d)\b(?:[^\d%,.]|[.,](?:\D|$)|$)",
    )
});
static WEEKDAY_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?:\b(late|early|on|last|this|next|since|by|until|from|Late|Early|On|Last|This|Next|Since|By)\s+)?\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|\u{2019}s)?(?:\s+(night|morning|afternoon|evening))?\b",
    )
});
static RELATIVE_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"\b(?:([Tt]oday|[Yy]esterday|[Tt]onight|[Ll]ast night|this morning|this afternoon|this evening|[Ee]arlier today)|((?:[Ee]arlier |[Ll]ater )?this month|[Ll]ast month|a month ago)|([Ll]ast year|[Ee]arlier this year))\b",
    )
});
static DAYS_AGO_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(r"(?i)\b(a|one|two|three|four|five|six|[1-6])\s+days?\s+ago\b")
});
static FUTURE_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?i)\b(?:will|won't|shall|going to|plans? to|planning to|set to|due to|expected to|scheduled|upcoming|is to|are to|would)\b|\u{2019}ll\b|'ll\b",
    )
});
/// The written-date patterns in one set, in the order [`sentence_dates`]
/// tries them: one pass over a sentence says which can match at all (most
/// sentences hold no date, and each pattern's own search is a pass too).
/// `None` if they do not make a set: then every pattern searches.
static DATE_SET: Lazy<Option<regex::RegexSet>> = Lazy::new(|| {
    let all = [
        &*ISO_RE,
        &*MDY_RE,
        &*DMY_RE,
        &*WEEKDAY_RE,
        &*DAYS_AGO_RE,
        &*RELATIVE_RE,
        &*MONTH_YEAR_RE,
        &*YEAR_RE,
    ];
    let set = regex::RegexSet::new(all.iter().map(|re| re.as_str()));
    debug_assert!(set.is_ok(), "the date patterns do not make a set");
    set.ok()
});

/// `re`'s captures in `s`; none when the set found `re` cannot match.
fn captures_if<'s>(
    hit: bool,
    re: &'static Regex,
    s: &'s str,
) -> impl Iterator<Item = regex::Captures<'s>> {
    hit.then(|| re.captures_iter(s)).into_iter().flatten()
}

static STAMP_RE: Lazy<Regex> =
    Lazy::new(|| crate::text::word_regex(r"^\s*(?:,|at|-|\u{2013})?\s*\d{1,2}:\d{2}"));
static REPORTING_RE: Lazy<Regex> =
    Lazy::new(|| crate::text::word_regex(r"\b(said|says|told|announced)\b"));
static METADATA_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?i)^\W*(?:this (?:story|article|report|page) (?:is|was) (?:from|published|first published|last updated)|updated|last updated|last modified|copyright|\(c\)|©)",
    )
});

/// A short metadata line ("This story is from July 16, 2016", "Updated ...").
fn is_metadata(s: &str) -> bool {
    METADATA_RE.is_match(s) && s.split_whitespace().count() <= 12
}

fn weekday_num(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

/// Does the text just before byte `at` of `s` speak of the future?
fn future_before(s: &str, at: usize) -> bool {
    let before = &s[..at];
    // the last ten words before the date, within its clause
    let clause_start = before
        .rfind([',', ';', ':', '\u{2014}'])
        .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let clause = &before[clause_start..];
    let mut start = clause.len();
    let mut n = 0;
    for (i, c) in clause.char_indices().rev() {
        if c.is_whitespace() {
            n += 1;
            if n > 10 {
                break;
            }
        }
        start = i;
    }
    let window = &clause[start..];
    FUTURE_RE.is_match(window) && !REPORTING_RE.is_match(window)
}

/// Does the clause after byte `at` of `s` speak of the future ("is expected to")?
fn future_after(s: &str, at: usize) -> bool {
    let rest = &s[at..];
    let end = rest.find(['.', ';']).unwrap_or(rest.len());
    let clause = &rest[..end];
    let mut stop = clause.len();
    for (n, (i, _)) in clause.match_indices(' ').enumerate() {
        if n >= 8 {
            stop = i;
            break;
        }
    }
    FUTURE_RE.is_match(&clause[..stop]) && !REPORTING_RE.is_match(&clause[..stop])
}

/// The byte offset of the quotation mark that opens the quote holding byte
/// `at` of `s`, if `at` is inside a quote (curly or straight double quotes).
fn quote_open_before(s: &str, at: usize) -> Option<usize> {
    let mut open = None;
    for (i, c) in s[..at].char_indices() {
        match c {
            '\u{201C}' => open = Some(i),
            '\u{201D}' => open = None,
            '"' => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
    }
    open
}

/// The day a quote holding byte `at` of `s` was spoken: the weekday named,
/// before the quote opens, in the same clause as a reporting verb ("The mayor
/// told supporters Friday morning that \"..."). `weekdays` holds the
/// sentence's resolved weekdays as (start, end, date).
fn spoken_on(s: &str, at: usize, weekdays: &[(usize, usize, NaiveDate)]) -> Option<NaiveDate> {
    let open = quote_open_before(s, at)?;
    let &(start, end, date) = weekdays.iter().rev().find(|w| w.1 <= open)?;
    let clause_start = s[..start].rfind([',', ';', ':']).map_or(0, |i| i + 1);
    let clause_end = s[end..open].find([',', ';', ':']).map_or(open, |i| end + i);
    REPORTING_RE
        .is_match(&s[clause_start..clause_end])
        .then_some(date)
}

/// The date for `month`/`day` without a year: the nearest occurrence on or
/// before `published`, or on or after it when `future`.
fn infer_year(published: NaiveDate, month: u32, day: u32, future: bool) -> Option<NaiveDate> {
    let y = published.year();
    let cands: Vec<NaiveDate> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|&yy| NaiveDate::from_ymd_opt(yy, month, day))
        .collect();
    if future {
        cands.into_iter().find(|d| *d >= published)
    } else {
        cands.into_iter().rev().find(|d| *d <= published)
    }
}

fn shift_month(y: i32, m: u32, back: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 - back;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

struct Found {
    start: usize,
    end: usize,
    /// A page timestamp ("May 2 2019 00:11"): not an event, but it hides
    /// the weekday written next to it.
    stamp: bool,
    date: String,
    precision: Precision,
    basis: Basis,
}

fn overlaps(found: &[Found], a: usize, b: usize) -> bool {
    found.iter().any(|f| a < f.end + 3 && f.start < b + 3)
}

/// A date a sentence gives: (date, precision, basis, evidence as written).
pub type SentenceDate = (String, Precision, Basis, String);

/// The dates a sentence gives, resolved against the publication date.
pub fn sentence_dates(s: &str, published: Option<NaiveDate>) -> Vec<SentenceDate> {
    let mut found: Vec<Found> = Vec::new();
    let hits = DATE_SET.as_ref().map(|set| set.matches(s));
    let hit = |k: usize| hits.as_ref().is_none_or(|h| h.matched(k));
    // written day dates
    for c in captures_if(hit(0), &ISO_RE, s) {
        let m = c.get(0).expect("match");
        let (y, mo, d) = (
            c[1].parse::<i32>().unwrap_or(0),
            c[2].parse::<u32>().unwrap_or(0),
            c[3].parse::<u32>().unwrap_or(0),
        );
        if let Some(date) = NaiveDate::from_ymd_opt(y, mo, d) {
            found.push(Found {
                stamp: false,
                start: m.start(),
                end: m.end(),
                date: date.format("%Y-%m-%d").to_string(),
                precision: Precision::Day,
                basis: Basis::Explicit,
            });
        }
    }
    for (k, re, day_group, month_group) in [(1, &*MDY_RE, 2, 1), (2, &*DMY_RE, 1, 2)] {
        for c in captures_if(hit(k), re, s) {
            let m = c.get(0).expect("match");
            if overlaps(&found, m.start(), m.end()) {
                continue;
            }
            let Some(month) = crate::text::month_number(&c[month_group]) else {
                continue;
            };
            let Ok(day) = c[day_group].parse::<u32>() else {
                continue;
            };
            // "May 5" is a date, but "may 5" is not
            if c[month_group].starts_with(|ch: char| ch.is_lowercase()) {
                continue;
            }
            let after = &s[m.end()..];
            // "September 11 attacks" with a 4-digit year ahead is fine; "June 12:30" is a time
            if after.starts_with([':', '%']) || after.starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            let date = match c.get(3) {
                Some(y) => y
                    .as_str()
                    .parse::<i32>()
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, month, day)),
                None => {
                    published.and_then(|p| {
                        // "On 29 March, Britain is expected to ...": the clause's tense
                        let future = future_before(s, m.start()) || future_after(s, m.end());
                        infer_year(p, month, day, future)
                    })
                }
            };
            if let Some(date) = date {
                found.push(Found {
                    stamp: STAMP_RE.is_match(&s[m.end()..]),
                    start: m.start(),
                    end: m.end(),
                    date: date.format("%Y-%m-%d").to_string(),
                    precision: Precision::Day,
                    basis: Basis::Explicit,
                });
            }
        }
    }
    // weekdays; (start, end, date) of each, for quotes spoken on that day
    let mut weekdays: Vec<(usize, usize, NaiveDate)> = Vec::new();
    if let Some(p) = published {
        for c in captures_if(hit(3), &WEEKDAY_RE, s) {
            let m = c.get(0).expect("match");
            if overlaps(&found, m.start(), m.end()) {
                continue;
            }
            let Some(wd) = weekday_num(&c[2]) else {
                continue;
            };
            let modifier = c.get(1).map(|x| x.as_str().to_ascii_lowercase());
            let pub_wd = p.weekday().num_days_from_monday();
            let mut back = (pub_wd as i64 - wd as i64).rem_euclid(7);
            if modifier.as_deref() == Some("next") {
                continue;
            }
            if modifier.as_deref() == Some("last") && back == 0 {
                back = 7;
            }
            // "every Friday", "on Fridays": habits, not events
            let prev_word = s[..m.start()]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_ascii_lowercase();
            if matches!(
                prev_word.as_str(),
                "every" | "each" | "most" | "some" | "all"
            ) {
                continue;
            }
            // "Monday last week": that weekday of the previous calendar week
            let after = s[m.end()..].trim_start();
            if after.starts_with("next week") || after.starts_with("of next week") {
                continue;
            }
            if after.starts_with("last week") || after.starts_with("of last week") {
                back = pub_wd as i64 + 7 - wd as i64;
            }
            if back != 0 && future_before(s, m.start()) {
                // a weekday ahead: planned, not an event
                continue;
            }
            let date = p - Duration::days(back);
            weekdays.push((m.start(), m.end(), date));
            found.push(Found {
                stamp: false,
                start: m.start(),
                end: m.end(),
                date: date.format("%Y-%m-%d").to_string(),
                precision: Precision::Day,
                basis: Basis::Relative,
            });
        }
        for c in captures_if(hit(4), &DAYS_AGO_RE, s) {
            let m = c.get(0).expect("match");
            if overlaps(&found, m.start(), m.end()) {
                continue;
            }
            let n = match c[1].to_ascii_lowercase().as_str() {
                "a" | "one" | "1" => 1,
                "two" | "2" => 2,
                "three" | "3" => 3,
                "four" | "4" => 4,
                "five" | "5" => 5,
                "six" | "6" => 6,
                _ => continue,
            };
            found.push(Found {
                stamp: false,
                start: m.start(),
                end: m.end(),
                date: (p - Duration::days(n)).format("%Y-%m-%d").to_string(),
                precision: Precision::Day,
                basis: Basis::Relative,
            });
        }
        for c in captures_if(hit(5), &RELATIVE_RE, s) {
            let m = c.get(0).expect("match");
            if overlaps(&found, m.start(), m.end()) {
                continue;
            }
            let w = m.as_str().to_ascii_lowercase();
            // "the Today programme": a capitalised word inside a sentence is a name
            let inside = s[..m.start()].trim_end().ends_with(|ch: char| {
                ch.is_alphanumeric() || ch == ',' || ch == '\'' || ch == '\u{2019}'
            });
            if m.as_str().starts_with(|ch: char| ch.is_uppercase()) && inside {
                continue;
            }
            let (date, precision) = if c.get(1).is_some() {
                let back = if w == "yesterday" || w == "last night" {
                    1
                } else {
                    0
                };
                // inside a quote spoken on a named day ("told supporters
                // Friday morning that \"last night went ...\""), the day
                // of speaking is "today"
                let today = spoken_on(s, m.start(), &weekdays).unwrap_or(p);
                let d = today - Duration::days(back);
                (d.format("%Y-%m-%d").to_string(), Precision::Day)
            } else if c.get(2).is_some() {
                let back = if w.contains("this month") { 0 } else { 1 };
                let (y, mo) = shift_month(p.year(), p.month(), back);
                (format!("{y:04}-{mo:02}"), Precision::Month)
            } else {
                let y = if w.contains("last") {
                    p.year() - 1
                } else {
                    p.year()
                };
                (format!("{y:04}"), Precision::Year)
            };
            found.push(Found {
                stamp: false,
                start: m.start(),
                end: m.end(),
                date,
                precision,
                basis: Basis::Relative,
            });
        }
    }
    // month-level dates
    for c in captures_if(hit(6), &MONTH_YEAR_RE, s) {
        let m = c.get(0).expect("match");
        if overlaps(&found, m.start(), m.end()) {
            continue;
        }
        let mname = c.get(3).expect("month").as_str();
        let Some(month) = crate::text::month_number(mname) else {
            continue;
        };
        let year = c.get(4).and_then(|y| y.as_str().parse::<i32>().ok());
        let prep = c.get(1).is_some() || c.get(2).is_some();
        // a bare month name needs a preposition or a year ("May" is a verb too)
        if year.is_none() && !prep {
            continue;
        }
        if mname.len() <= 4
            && !mname.ends_with('.')
            && year.is_none()
            && mname != "June"
            && mname != "July"
        {
            // abbreviations only with a year
            continue;
        }
        let y = match (year, published) {
            (Some(y), _) => y,
            (None, Some(p)) => {
                let fut = future_before(s, m.start());
                if fut && month >= p.month() || !fut && month <= p.month() {
                    p.year()
                } else if fut {
                    p.year() + 1
                } else {
                    p.year() - 1
                }
            }
            (None, None) => continue,
        };
        found.push(Found {
            stamp: false,
            start: m.start(),
            end: m.end(),
            date: format!("{y:04}-{month:02}"),
            precision: Precision::Month,
            basis: Basis::Explicit,
        });
    }
    // background years
    for c in captures_if(hit(7), &YEAR_RE, s) {
        let g = c.get(2).expect("year");
        if overlaps(&found, g.start(), g.end()) {
            continue;
        }
        let y: i32 = g.as_str().parse().unwrap_or(0);
        if let Some(p) = published {
            if y > p.year() {
                continue;
            }
        }
        let basis = if published.is_some_and(|p| y < p.year()) {
            Basis::Background
        } else {
            Basis::Explicit
        };
        found.push(Found {
            stamp: false,
            start: c.get(0).expect("m").start(),
            end: g.end(),
            date: format!("{y:04}"),
            precision: Precision::Year,
            basis,
        });
    }
    // a list of written dates (teasers, archives) is not an event; nor is a
    // written date more than a year after publication
    let written = found
        .iter()
        .filter(|f| f.basis == Basis::Explicit && f.precision == Precision::Day)
        .count();
    found.retain(|f| {
        let far = published.is_some_and(|p| {
            NaiveDate::parse_from_str(&f.date, "%Y-%m-%d")
                .is_ok_and(|d| d > p + Duration::days(366))
        });
        !(far || written >= 3 && f.basis == Basis::Explicit)
    });
    // "This story is from July 16, 2016 ..." glued onto a sentence: the
    // metadata date is not an event, the rest of the sentence may hold one
    let meta_end = METADATA_RE.find(s).map_or(0, |m| m.end() + 40);
    found.retain(|f| !f.stamp && (f.start >= meta_end || f.basis != Basis::Explicit));
    found.sort_by_key(|f| f.start);
    let mut out: Vec<(String, Precision, Basis, String)> = Vec::new();
    for f in found {
        if out.iter().any(|o| o.0 == f.date) {
            continue;
        }
        out.push((
            f.date,
            f.precision,
            f.basis,
            s[f.start..f.end]
                .trim()
                .trim_end_matches([',', '.'])
                .to_string(),
        ));
    }
    out
}

/// Find the dated events of one article (`doc` is its index, copied into each event).
pub fn extract_events(doc_index: usize, doc: &DocText) -> Vec<Event> {
    let mut out = Vec::new();
    dated_sentences(
        doc,
        |block, start, s, (date, precision, basis, evidence)| {
            out.push(Event {
                doc: doc_index,
                block,
                date,
                precision,
                basis,
                sentence: s.into(),
                start,
                evidence,
            })
        },
    );
    lead_event(doc_index, doc, &mut out);
    out
}

/// Every date each body sentence gives (title and metadata lines left out),
/// resolved against `doc.published`, handed to `f` with its block, the
/// sentence's start in it and the sentence.
fn dated_sentences(doc: &DocText, mut f: impl FnMut(Block, usize, &str, SentenceDate)) {
    for (block, text) in doc.blocks() {
        if block == Block::Title {
            continue;
        }
        for (a, b) in crate::text::sentences(text) {
            let s = &text[a..b];
            if is_metadata(s) {
                continue;
            }
            for d in sentence_dates(s, doc.published) {
                f(block, a, s, d);
            }
        }
    }
}

/// The weekdays a text names as days things happened, resolved as if it were
/// published on `published` (future and habitual weekdays are left out).
fn named_weekdays(doc: &DocText, published: NaiveDate) -> Vec<NaiveDate> {
    let doc = DocText {
        published: Some(published),
        ..*doc
    };
    let mut out = Vec::new();
    dated_sentences(&doc, |_, _, _, (date, precision, basis, evidence)| {
        if precision == Precision::Day
            && basis == Basis::Relative
            && WEEKDAYS.iter().any(|w| evidence.contains(w))
        {
            if let Ok(d) = NaiveDate::parse_from_str(&date, "%Y-%m-%d") {
                out.push(d);
            }
        }
    });
    out
}

/// A publication date for a text that states none, from a day known to
/// belong to the story (`anchor`, e.g. the date in a photo caption): the
/// first date on or after `anchor` against which every weekday the text
/// names falls on or after `anchor` — the story's days follow the pictured
/// one, and it is published on the last of them. `None` when the text names
/// no weekday, or writes a year later than the anchor's (an older picture).
pub fn publication_from_anchor(doc: &DocText, anchor: NaiveDate) -> Option<NaiveDate> {
    let later_year = doc.blocks().iter().any(|(_, text)| {
        YEAR_TOKEN_RE
            .find_iter(text)
            .any(|m| m.as_str().parse::<i32>().is_ok_and(|y| y > anchor.year()))
    });
    if later_year {
        return None;
    }
    (0..7).map(|k| anchor + Duration::days(k)).find(|&p| {
        let days = named_weekdays(doc, p);
        !days.is_empty() && days.iter().all(|&d| d >= anchor)
    })
}

static YEAR_TOKEN_RE: Lazy<Regex> = Lazy::new(|| crate::text::word_regex(r"\b(?:19|20)\d\d\b"));

static PRESENT_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(r"\b(?:has|have|is|are|says|say|reports|announces|confirms)\b")
});

/// A news report that dates nothing to the day reports its lead on the day it
/// is published: a lead sentence in the present or present perfect ("has
/// tried", "is issuing") becomes an estimated event on the publication date.
fn lead_event(doc_index: usize, doc: &DocText, out: &mut Vec<Event>) {
    let Some(p) = doc.published else {
        return;
    };
    if out.iter().any(|e| e.precision == Precision::Day) {
        return;
    }
    // the lead: the first real sentence of the body (not a stamp or a label)
    let Some((block, at, s)) = doc
        .blocks()
        .into_iter()
        .filter(|(b, _)| matches!(b, Block::Para(_)))
        .take(3)
        .find_map(|(b, text)| {
            crate::text::sentences(text)
                .into_iter()
                .map(|(x, y)| (x, &text[x..y]))
                .find(|(_, s)| !is_metadata(s) && s.split_whitespace().count() >= 6)
                .map(|(x, s)| (b, x, s))
        })
    else {
        return;
    };
    // a lead that dates itself otherwise ("since 2012") is not dated here
    if !sentence_dates(s, Some(p)).is_empty() {
        return;
    }
    if let Some(m) = PRESENT_RE.find(s) {
        // the clause of the verb: future ("are due to", "will") is not an event
        let mut end = (m.end() + 40).min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let start = s[..m.start()].rfind([',', ';', ':']).unwrap_or(0);
        if FUTURE_RE.is_match(&s[start..end]) || YEAR_RE.is_match(s) {
            return;
        }
        out.push(Event {
            doc: doc_index,
            block,
            date: p.format("%Y-%m-%d").to_string(),
            precision: Precision::Day,
            basis: Basis::Estimated,
            sentence: s.into(),
            start: at,
            evidence: m.as_str().to_string(),
        });
    }
}
