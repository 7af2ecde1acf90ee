//! Figures: numbers a reader compares across sources.
//!
//! A figure is a count with what it counts ("430,000" / "people have died",
//! "40" / "trucks of food", "45" / "death toll"). Years, dates, times, ages,
//! ordinals and distances are not figures. [`figure_conflicts`] groups the
//! figures of a corpus by what they count and surfaces the groups whose values
//! differ between articles.

use super::{Block, DocText};
use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::FxHashMap as HashMap;

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    pub doc: usize,
    pub block: Block,
    /// The number as written ("45", "430,000", "4.8 million").
    pub value: String,
    /// What it counts ("people", "trucks", "death toll").
    pub what: String,
    /// The sentence carrying it.
    pub sentence: std::sync::Arc<str>,
}

const QUAL: &str = r"(?:(?:at least|at most|more than|less than|fewer than|up to|nearly|almost|about|around|roughly|approximately|some|over|only|just over|just under|an estimated|estimated|close to)\s+)?";
const WORDNUM: &str = r"(?:tens of thousands|hundreds of thousands|a quarter of a million|half a million|a hundred|a thousand|a million|dozens|hundreds|thousands|millions|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";

static NUM_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(&format!(
        r"(?i)\b{QUAL}(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|billion|thousand)|(?:m|M|bn|k)\b)?|{WORDNUM}(?:\s+(?:million|thousand))?)(?:\s*(?:%|percent|per cent))?(?:[^\w%]|$)"
    ))
});
static TOLL_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?i)\b(death toll|toll|number of (?:dead|deaths|victims|casualties))\s+(?:was|is|has risen to|rose to|reached|stood at|stands at|of|climbed to|hit)\s+$",
    )
});

const MONTHS: &[&str] = crate::text::MONTH_NAMES;
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "that",
    "which",
    "who",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "have",
    "has",
    "had",
    "it",
    "its",
    "their",
    "his",
    "her",
    "this",
    "these",
    "those",
    "than",
    "since",
    "after",
    "before",
    "during",
    "into",
    "over",
    "under",
    "per",
    "when",
    "while",
    "said",
    "says",
    "of",
    "until",
    "among",
    "across",
    "including",
    "ahead",
    "against",
    "around",
    "within",
    "without",
    "through",
    "out",
    "up",
    "down",
    "near",
    "so",
    "far",
    "more",
    "less",
    "than",
    "not",
    "all",
];
const EXCLUDE_UNITS: &[&str] = &[
    "miles",
    "mile",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "metres",
    "meters",
    "feet",
    "ft",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "years-old",
    "year-old",
    "mph",
    "kg",
    "pounds",
    "lbs",
    "inch",
    "inches",
    "cm",
    "mm",
    "degrees",
];
const VERBS: &[&str] = &[
    "died",
    "killed",
    "dead",
    "fled",
    "displaced",
    "injured",
    "wounded",
    "arrested",
    "detained",
    "evacuated",
    "missing",
    "recalled",
    "sold",
    "rescued",
    "trapped",
    "besieged",
    "affected",
    "uprooted",
    "lost",
];

fn word_count_value(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    !l.chars().any(|c| c.is_ascii_digit())
}

/// Find the figures of one article.
pub fn extract_figures(doc_index: usize, doc: &DocText) -> Vec<Figure> {
    let mut out = Vec::new();
    for (block, text) in doc.blocks() {
        let sents = crate::text::sentences(text);
        for m in NUM_RE.find_iter(text) {
            let mut raw = m.as_str();
            // drop the trailing delimiter matched by the regex
            if let Some(c) = raw.chars().next_back() {
                if !c.is_alphanumeric() && c != '%' {
                    raw = &raw[..raw.len() - c.len_utf8()];
                }
            }
            let value = raw.trim();
            let start = m.start();
            let end = start + raw.len();
            if let Some(f) = figure_at(doc_index, block, text, &sents, (start, end), value) {
                out.push(f);
            }
        }
    }
    out
}

fn figure_at(
    doc: usize,
    block: Block,
    text: &str,
    sents: &[(usize, usize)],
    (start, end): (usize, usize),
    value: &str,
) -> Option<Figure> {
    // only the last words before the number matter (keeps look-ups linear)
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..start];
    let after = &text[end..];
    let digits: String = value.chars().filter(|c| c.is_ascii_digit()).collect();
    let is_word = word_count_value(value);
    let lower_value = value.to_ascii_lowercase();
    // a bare number glued to letters or a hyphen ("3rd", "45-year-old", "M10")
    if before
        .ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '$' || c == '£' || c == '€')
        || after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == ':' || c == '/')
        || (after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let num_only = !value.contains(' ') && !is_word;
    // a model or route number after a name ("Nova Phone 7", "Route 66")
    if num_only && !value.contains(',') {
        let prev = before.trim_end();
        let prev_word = prev.rsplit(' ').next().unwrap_or("");
        let sentence_start = prev.is_empty() || prev.ends_with(['.', ':', '!', '?']);
        if !sentence_start
            && prev_word.chars().next().is_some_and(|c| c.is_uppercase())
            && before.ends_with(' ')
        {
            return None;
        }
    }
    // years
    if num_only
        && digits.len() == 4
        && !value.contains(',')
        && (value.starts_with("19") || value.starts_with("20"))
    {
        return None;
    }
    // dates: a month name next to the number
    let prev_word = before
        .trim_end_matches([' ', ','])
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let next_words: Vec<String> = after
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .take(12)
        .scan(false, |ended, w| {
            // stop after a word closing a clause ("people, including ...")
            if *ended {
                return None;
            }
            *ended = w.ends_with([',', '.', ';', ':', ')', '!', '?']);
            Some(w)
        })
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '-')
                .to_ascii_lowercase()
        })
        .collect();
    let next = next_words.first().map(String::as_str).unwrap_or("");
    if MONTHS.contains(&prev_word.as_str()) || MONTHS.contains(&next) {
        return None;
    }
    if matches!(
        prev_word.as_str(),
        "aged" | "age" | "no" | "number" | "page" | "chapter" | "article" | "resolution"
    ) || EXCLUDE_UNITS.contains(&next)
        || (next == "years" && next_words.get(1).is_some_and(|w| w == "old"))
    {
        return None;
    }
    // "one" and other small word numbers are only figures before a plural noun
    if is_word && matches!(lower_value.as_str(), "one" | "a hundred" | "hundred") {
        return None;
    }
    let pct = value.ends_with('%')
        || lower_value.ends_with("percent")
        || lower_value.ends_with("per cent");
    // what it counts
    let what = if let Some(t) = TOLL_RE.captures(before) {
        t.get(1).map(|g| g.as_str().to_ascii_lowercase())
    } else if pct {
        Some(noun_phrase(&next_words, true).unwrap_or_else(|| "percent".to_string()))
    } else {
        noun_phrase(&next_words, false).or_else(|| {
            // "killing nearly 20", "killed 62"
            VERBS
                .iter()
                .find(|v| prev_word.starts_with(&v[..v.len().min(4)]) && prev_word.len() >= 4)
                .map(|v| v.to_string())
        })
    }?;
    if what.is_empty() {
        return None;
    }
    // "killed at least 45 people": the verb before says what happened to them
    let what = if !what.split(' ').any(|w| VERBS.contains(&w)) {
        let verb_before = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match VERBS.iter().find(|v| verb_before == **v) {
            Some(v) => format!("{what} {v}"),
            None if verb_before == "killing" => format!("{what} killed"),
            None => what,
        }
    } else {
        what
    };
    // a bare small number before a non-count noun is noise ("1 of", "2 sides")
    if num_only
        && digits.len() <= 1
        && !what.split(' ').any(|w| VERBS.contains(&w))
        && is_time_unit(&what)
    {
        return None;
    }
    Some(Figure {
        doc,
        block,
        value: value.to_string(),
        what,
        sentence: sentence_in(sents, text, start).into(),
    })
}

fn is_number_token(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// A plain word that can continue a noun phrase ("note 7 handsets").
fn is_noun_word(n: &str) -> bool {
    !n.is_empty() && n.chars().all(char::is_alphabetic) && !STOP.contains(&n) && !VERBS.contains(&n)
}

fn is_time_unit(w: &str) -> bool {
    let h = w.split(' ').next().unwrap_or("");
    matches!(
        h,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "seconds"
            | "times"
            | "time"
    )
}

/// A short noun phrase from the words after a number: up to two content words,
/// "of X" and a following count verb ("people have died", "trucks of food").
fn noun_phrase(words: &[String], pct: bool) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    if pct {
        // "52% of voters" / "50.2 percent of the vote"
        if words.first().is_some_and(|w| w == "of") {
            i = 1;
            while i < words.len() && matches!(words[i].as_str(), "the" | "a" | "an" | "all") {
                i += 1;
            }
            return words
                .get(i)
                .filter(|w| !w.is_empty())
                .map(|w| format!("percent of {w}"));
        }
        return None;
    }
    // "2.5 million of Orbitel's new phones": skip "of" and determiners
    if words.first().is_some_and(|w| w == "of") {
        i = 1;
        while i < words.len()
            && (matches!(
                words[i].as_str(),
                "the" | "a" | "an" | "all" | "its" | "their"
            ) || words[i].ends_with("'s")
                || words[i].ends_with("\u{2019}s"))
        {
            i += 1;
        }
    }
    // the noun phrase up to a function word or verb; its last two words are the head
    while i < words.len() && out.len() < 6 {
        let w = words[i].as_str();
        if w.is_empty()
            || STOP.contains(&w)
            || VERBS.contains(&w)
            || (is_number_token(w)
                && (out.is_empty() || !words.get(i + 1).is_some_and(|n| is_noun_word(n))))
        {
            break;
        }
        out.push(w);
        i += 1;
    }
    while out
        .first()
        .is_some_and(|w| w.chars().any(|c| c.is_ascii_digit()))
        || out.len() > 2
    {
        out.remove(0);
    }
    if out.is_empty() {
        return None;
    }
    let mut phrase = out.join(" ");
    if words.get(i).is_some_and(|w| w == "of") {
        if let Some(n) = words
            .get(i + 1)
            .filter(|w| !STOP.contains(&w.as_str()) && !w.is_empty())
        {
            phrase.push_str(" of ");
            phrase.push_str(n);
            i += 2;
            // "residents of east Marib": one more plain word
            if let Some(n2) = words
                .get(i)
                .filter(|w| is_noun_word(w) && !w.ends_with("ing"))
            {
                phrase.push(' ');
                phrase.push_str(n2);
                i += 1;
            }
        }
    }
    // "people have died", "were killed", "fled abroad"
    let mut j = i;
    while j < words.len()
        && j < i + 3
        && matches!(
            words[j].as_str(),
            "have" | "has" | "had" | "were" | "was" | "been" | "are" | "being" | "reportedly"
        )
    {
        j += 1;
    }
    if let Some(v) = words.get(j) {
        if VERBS.contains(&v.as_str()) {
            phrase.push(' ');
            phrase.push_str(v);
        }
    }
    Some(phrase)
}

/// Figures of a corpus that count the same kind of thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureGroup {
    /// Normalised category ("deaths", "displaced", "strikes", or a head noun).
    pub category: String,
    /// Indices into the figures slice, ordered by value.
    pub figures: Vec<usize>,
}

/// The category of a figure's `what`: a normalised head concept.
pub fn figure_category(what: &str) -> String {
    let w = what.to_ascii_lowercase();
    let words: Vec<&str> = w
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect();
    let has = |xs: &[&str]| words.iter().any(|x| xs.iter().any(|p| x.starts_with(p)));
    if has(&[
        "died", "dead", "death", "killed", "killing", "lives", "fatalit", "casualt", "bodies",
        "toll",
    ]) {
        return "deaths".into();
    }
    if has(&["injur", "wounded", "hurt"]) {
        return "injured".into();
    }
    if has(&[
        "fled",
        "displaced",
        "refugee",
        "uprooted",
        "homeless",
        "evacuat",
    ]) {
        return "displaced".into();
    }
    if has(&["besieged", "siege"]) {
        return "besieged".into();
    }
    if has(&["arrest", "detain", "detention"]) {
        return "detained".into();
    }
    if has(&["strike", "airstrike", "raid", "bomb", "sorties"]) {
        return "strikes".into();
    }
    if has(&["truck", "lorr", "convoy"]) {
        return "trucks".into();
    }
    if w.starts_with("percent") {
        return w;
    }
    let head = words.first().copied().unwrap_or("");
    head.strip_suffix('s')
        .filter(|h| h.len() > 2)
        .unwrap_or(head)
        .to_string()
}

/// The sentence of `text` containing byte `at` (`sents` from `text::sentences`).
fn sentence_in<'t>(sents: &[(usize, usize)], text: &'t str, at: usize) -> &'t str {
    let i = sents.partition_point(|&(_, b)| b <= at);
    match sents.get(i) {
        Some(&(a, b)) if at >= a => &text[a..b],
        _ => text,
    }
}

/// Numeric value of a figure as written ("4.8 million" → 4.8e6, "dozens" → 24).
pub fn figure_number(value: &str) -> Option<f64> {
    let l = value.to_ascii_lowercase();
    let mut n: Option<f64> = None;
    let mut mult = 1.0;
    for tok in l.split_whitespace() {
        let t = tok.trim_end_matches('%').replace(',', "");
        if let Ok(x) = t.parse::<f64>() {
            n = Some(x);
            continue;
        }
        let word = match t.as_str() {
            "one" | "a" if n.is_none() => None,
            "two" => Some(2.0),
            "three" => Some(3.0),
            "four" => Some(4.0),
            "five" => Some(5.0),
            "six" => Some(6.0),
            "seven" => Some(7.0),
            "eight" => Some(8.0),
            "nine" => Some(9.0),
            "ten" => Some(10.0),
            "eleven" => Some(11.0),
            "twelve" => Some(12.0),
            "twenty" => Some(20.0),
            "thirty" => Some(30.0),
            "forty" => Some(40.0),
            "fifty" => Some(50.0),
            "dozens" => Some(36.0),
            "hundreds" => Some(300.0),
            "thousands" => Some(3000.0),
            "millions" => Some(3e6),
            "quarter" => Some(0.25),
            "half" => Some(0.5),
            _ => None,
        };
        if let Some(x) = word {
            n = Some(n.map_or(x, |p| {
                if p >= 10.0 && x >= 100.0 {
                    p * x / 3.0
                } else {
                    x
                }
            }));
            continue;
        }
        // "2.5M", "7m", "3bn", "10k"
        let (digits, suffix) = t.split_at(t.find(|c: char| c.is_alphabetic()).unwrap_or(t.len()));
        if let (Ok(x), true) = (digits.parse::<f64>(), !digits.is_empty()) {
            n = Some(x);
            match suffix {
                "m" => mult *= 1e6,
                "bn" => mult *= 1e9,
                "k" => mult *= 1e3,
                _ => {}
            }
            continue;
        }
        match t.as_str() {
            "thousand" => mult *= 1e3,
            "million" => mult *= 1e6,
            "billion" => mult *= 1e9,
            "hundred" => mult *= 1e2,
            _ => {}
        }
    }
    if l.contains("tens of thousands") {
        return Some(30_000.0);
    }
    if l.contains("hundreds of thousands") {
        return Some(300_000.0);
    }
    match n {
        Some(x) => Some(x * mult),
        None if mult > 1.0 => Some(mult),
        None => None,
    }
}

/// Over all figures of a corpus: groups of figures that count the same kind of
/// thing (same category, values of the same order of magnitude) in different
/// articles with different values, e.g. "430,000 people have died" vs "more
/// than 300,000 lives". Hash by category, then sort each bucket by value.
pub fn figure_conflicts(figures: &[Figure]) -> Vec<FigureGroup> {
    use rayon::prelude::*;
    // each figure's number and category, in parallel (a large corpus has
    // hundreds of thousands), then grouped in order
    let keyed: Vec<Option<(f64, String)>> = figures
        .par_iter()
        .map(|f| figure_number(&f.value).map(|n| (n, figure_category(&f.what))))
        .collect();
    let mut by_cat: HashMap<String, Vec<(f64, usize)>> = HashMap::default();
    for (i, k) in keyed.into_iter().enumerate() {
        if let Some((n, cat)) = k {
            by_cat.entry(cat).or_default().push((n, i));
        }
    }
    let mut out = Vec::new();
    let mut cats: Vec<_> = by_cat.into_iter().collect();
    cats.sort_by(|a, b| a.0.cmp(&b.0));
    for (cat, mut v) in cats {
        v.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        // split where consecutive values differ by more than a factor of 3
        let mut cluster: Vec<(f64, usize)> = Vec::new();
        let flush = |cluster: &mut Vec<(f64, usize)>, out: &mut Vec<FigureGroup>| {
            let docs: std::collections::HashSet<usize> =
                cluster.iter().map(|&(_, i)| figures[i].doc).collect();
            // with two or more articles, values that are not all equal differ
            // between two of the articles
            let differ = match (cluster.first(), cluster.last()) {
                (Some(a), Some(b)) => b.0 > a.0,
                _ => false,
            };
            if docs.len() >= 2 && differ {
                out.push(FigureGroup {
                    category: cat.clone(),
                    figures: cluster.iter().map(|&(_, i)| i).collect(),
                });
            }
            cluster.clear();
        };
        if cat == "percent" {
            // a share of nothing named cannot be compared
            continue;
        }
        let pct = cat.starts_with("percent");
        for item in v {
            if let Some(last) = cluster.last() {
                // shares: within five points; counts: within a factor of three
                let apart = if pct {
                    item.0 - last.0 > 5.0
                } else {
                    item.0 > last.0 * 3.0 + 1.0
                };
                if apart {
                    flush(&mut cluster, &mut out);
                }
            }
            cluster.push(item);
        }
        flush(&mut cluster, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(t: &str) -> Vec<(String, String)> {
        let paras = vec![t.to_string()];
        let doc = DocText {
            title: "",
            dek: None,
            paragraphs: &paras,
            published: None,
        };
        extract_figures(0, &doc)
            .into_iter()
            .map(|f| (f.value, f.what))
            .collect()
    }

    #[test]
    fn of_phrases_and_model_numbers() {
        let got = figs("All 2.5 million of Orbitel's new Nova Phone 7 handsets are being recalled after the phone was found to ignite.");
        assert_eq!(
            got,
            vec![("2.5 million".to_string(), "handsets recalled".to_string())]
        );
        assert!(figs("The Nova Phone 7 went on sale.").is_empty());
        assert_eq!(figure_number("a quarter of a million"), Some(250_000.0));
        assert_eq!(figure_number("more than 300,000"), Some(300_000.0));
        assert_eq!(figure_number("4.8 million"), Some(4_800_000.0));
        assert_eq!(figure_number("2.5M"), Some(2_500_000.0));
        assert_eq!(
            figs("Orbitel will recall 2.5M Nova Phone 7 phones."),
            vec![("2.5M".to_string(), "phones".to_string())]
        );
        assert_eq!(figure_category("people have died"), "deaths");
        assert_eq!(figure_category("lives"), "deaths");
        assert_eq!(figure_category("people fled"), "displaced");
        assert_eq!(figure_category("air strikes"), "strikes");
    }

    #[test]
    fn shares_cluster_by_points() {
        let mk = |doc: usize, v: &str| Figure {
            doc,
            block: Block::para(0),
            value: v.to_string(),
            what: "percent of voters".to_string(),
            sentence: "".into(),
        };
        let figs = vec![mk(0, "37%"), mk(1, "38%"), mk(1, "50.2%"), mk(2, "50.2%")];
        let groups = figure_conflicts(&figs);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].figures, vec![0, 1]);
    }
}
