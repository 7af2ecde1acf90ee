//! The cleaner: raw scraped text → title, dek, body paragraphs, removed lines,
//! plus publisher and date when the text itself states them.
//!
//! Every non-empty line of the raw file is classified as title, dek, body or
//! boilerplate from general signals (position, length, sentence shape,
//! repetition, corpus-wide recurrence, promo/disclaimer shapes).
//!
//! The pipeline:
//! 1. read lines (CRLF/CR tolerant), strip list bullets, remember blank gaps;
//! 2. split pages flattened onto one line and headlines glued onto the first
//!    sentence into virtual lines;
//! 3. mark "strong" furniture from the line's own shape (share bars, ad
//!    labels, bylines, credits, captions, timestamps, disclaimers, teaser
//!    lists, tag lists, user patterns, lines recurring across the corpus);
//! 4. re-join hard-wrapped lines into paragraphs;
//! 5. find the headline (first headline-shaped line before the first
//!    sentence-shaped line), the dek (standfirst slot) and where the body
//!    starts; label the lines in between;
//! 6. in the body, drop repeated headlines, short unpunctuated lines
//!    (teasers, crossheads) and everything after an end-of-article marker;
//! 7. read the publisher and publication date where the text states them.
//!
//! Body text is never rewritten: quotes, dashes, datelines and non-ASCII
//! names stay exactly as scraped (a paragraph is a raw line, or hard-wrapped
//! lines / a paragraph cut by an ad label joined with single spaces).
//! Every dropped line or part of a line is listed in `removed` with a reason.
//! The work is linear in the input size; no input makes it panic.

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Corpus-wide statistics the cleaner uses: how many files carry each line.
#[derive(Debug, Default, Clone)]
pub struct CorpusStats {
    /// hash of a normalised line → number of files containing it (a 64-bit
    /// hash, so the table stays small however many lines the corpus has)
    pub line_files: HashMap<u64, usize>,
    /// number of files in the corpus
    pub files: usize,
}

/// Lines longer than this are never counted as recurring furniture.
const MAX_STAT_LINE: usize = 400;

/// A fixed (deterministic) hash of a line's normalised form.
fn line_hash(line: &str) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let k = crate::text::norm_key(line);
    if k.is_empty() {
        return None;
    }
    let mut h = std::hash::DefaultHasher::new();
    k.hash(&mut h);
    Some(h.finish())
}

/// The hash a line is counted under; `None` for lines never counted
/// (empty once normalised, or longer than [`MAX_STAT_LINE`]).
fn stat_hash(line: &str) -> Option<u64> {
    (line.len() <= MAX_STAT_LINE)
        .then(|| line_hash(line))
        .flatten()
}

impl CorpusStats {
    /// Count, in parallel, how many of the texts carry each line.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        use rayon::prelude::*;
        let texts: Vec<&str> = texts.into_iter().collect();
        let line_files = texts
            .par_iter()
            .fold(HashMap::default, |mut m: HashMap<u64, usize>, t| {
                let mut seen = HashSet::default();
                for line in t.lines() {
                    if let Some(h) = stat_hash(line) {
                        if seen.insert(h) {
                            *m.entry(h).or_insert(0) += 1;
                        }
                    }
                }
                m
            })
            .reduce(HashMap::default, crate::text::merge_counts);
        CorpusStats {
            line_files,
            files: texts.len(),
        }
    }

    /// Files carrying this line (normalised).
    pub fn files_with(&self, line: &str) -> usize {
        self.files_with_hash(stat_hash(line))
    }

    /// Files carrying the line with this [`stat_hash`].
    fn files_with_hash(&self, h: Option<u64>) -> usize {
        h.and_then(|h| self.line_files.get(&h).copied())
            .unwrap_or(0)
    }

    /// Is `text` a line that recurs across the corpus as site furniture?
    /// The answer, with what it was computed from, is added to `probes`.
    fn recurs(&self, text: &str, probes: &mut Vec<Probe>) -> bool {
        let p = Probe {
            line: stat_hash(text),
            words: word_count(text),
            open: !ends_terminal(text),
            answer: false,
        };
        let answer = self.answer(&p);
        probes.push(Probe { answer, ..p });
        answer
    }

    fn answer(&self, p: &Probe) -> bool {
        let wc = p.words;
        if self.files < 3 || wc > 15 {
            return false;
        }
        let f = self.files_with_hash(p.line);
        // short labels seen twice, unpunctuated lines (sidebars, teaser
        // lists) seen in three files, sentences in most files
        (f >= 2 && wc <= 4 && p.open)
            || (f >= 3 && p.open)
            || (f >= 3 && f * 2 > self.files && wc <= 12)
    }

    /// Would cleaning against these statistics answer every probe of an
    /// earlier cleaning the same way? Then its result still holds.
    pub fn still_answers(&self, probes: &[Probe]) -> bool {
        probes.iter().all(|p| self.answer(p) == p.answer)
    }
}

/// One question the cleaner asked of the corpus statistics ("does this
/// line recur?"), with its answer: all a cleaning depends on beyond its own
/// text and options, so a cached cleaning is reused only while every probe
/// gets the same answer (see [`CorpusStats::still_answers`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Probe {
    line: Option<u64>,
    words: usize,
    open: bool,
    answer: bool,
}

/// User options from `config.yaml` (`cleaning:`).
#[derive(Debug, Default, Clone)]
pub struct CleanOptions {
    /// Lines matching any of these are boilerplate.
    pub boilerplate: Vec<Regex>,
}

impl CleanOptions {
    /// Feed every option into a cache key (a cached cleaning is valid only
    /// for the options it was made with: keep this in step with the fields).
    pub fn key_into(&self, key: &mut crate::cache::Key) {
        key.bytes(&(self.boilerplate.len() as u64).to_le_bytes());
        for r in &self.boilerplate {
            key.str(r.as_str());
        }
    }
}

/// A line dropped by the cleaner, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Removed {
    /// 1-based line number in the raw file.
    pub line: usize,
    pub text: String,
    pub why: String,
}

/// The result of cleaning one raw article.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
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
    /// A full date (day, month, year) written in a removed photo caption
    /// ("... at the town hall during the vote count, held March 4, 2019."): not the
    /// publication date, but it places the story in time when the text gives
    /// no other date. `None` for file photos, for captions that disagree by
    /// more than a week, and for dated lines of any other kind (teasers of
    /// other stories, timestamp lists).
    pub caption_date: Option<NaiveDate>,
}

// ------------------------------------------------------------------ lexicon

/// Function words used for the stop-word density / headline-shape signals.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "it", "its",
    "that", "this", "which", "who", "he", "she", "they", "we", "his", "her", "their", "not",
    "will", "would", "could", "can", "after", "into", "over", "than", "said", "says", "also",
    "there", "when", "while", "if", "about", "more", "all", "some", "no", "so", "up", "out",
];

/// Words that may stay lower-case inside a Title Case headline.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "but", "at", "by", "with",
    "from", "as", "is", "vs", "via", "nor", "per", "into", "over", "up", "off", "out", "after",
];

/// Verbs and pronouns that mark running prose (rare in headlines).
const PROSE_MARKERS: &[&str] = &[
    "has", "have", "had", "was", "were", "been", "would", "could", "should", "did", "does", "that",
    "which", "who", "their", "its", "his", "her", "they", "we",
];

/// Whole-line site furniture labels (normalised: lower case, apostrophes and
/// periods dropped, other punctuation as spaces).
const LABELS: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "shares",
    "tweet",
    "email",
    "e mail",
    "print",
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "partner content",
    "no comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments",
    "comment",
    "view comments",
    "show comments",
    "join the conversation",
    "latest news",
    "latest",
    "most popular",
    "most read",
    "most viewed",
    "popular",
    "trending",
    "trending now",
    "related",
    "related stories",
    "related articles",
    "related news",
    "related content",
    "read more",
    "read next",
    "read these next",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "breaking",
    "breaking news",
    "key highlights",
    "highlights",
    "end of article",
    "follow us",
    "follow us on social media",
    "subscribe",
    "subscribe now",
    "sign up",
    "newsletter",
    "copied",
    "copy link",
    "report an error",
    "whats new",
    "top stories",
    "editors picks",
    "watch",
    "watch video",
    "video",
    "photos",
    "gallery",
    "photo gallery",
    "skip to content",
    "skip to main content",
    "menu",
    "home",
    "search",
    "close",
    "back to top",
    "continue reading",
    "click here",
    "tags",
    "topics",
    "filed under",
    "see also",
    "also read",
    "listen",
    "listen to this article",
    "loading",
    "next article",
    "previous article",
    "next story",
    "next",
    "previous",
    "story continues below",
    "story continues below advertisement",
    "continue reading below",
    "scroll to continue",
    "full coverage",
    "live updates",
    "show more",
    "load more",
    "sign in",
    "log in",
    "register",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "contact us",
    "about us",
    "all rights reserved",
    "more from",
    "in other news",
    "dont miss",
    "must read",
    "editors choice",
    "featured",
    "opinion",
    "news",
    "related topics",
    "more on this story",
    "share this with",
    "copy this link",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "messenger",
    "reddit",
    "top of page",
    "print this page",
    "image copyright",
    "image caption",
    "media caption",
    "skip advertisement",
    "supported by",
    "most shared",
];

/// Advertising labels (a subset of the furniture labels).
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "partner content",
    "skip advertisement",
    "story continues below advertisement",
];

/// Labels after which the rest of the file is page furniture.
const TAIL_MARKERS: &[&str] = &[
    "no comments",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "comments",
    "view comments",
    "show comments",
    "join the conversation",
    "latest news",
    "most popular",
    "most read",
    "most viewed",
    "trending now",
    "related",
    "related stories",
    "related articles",
    "related news",
    "related content",
    "read next",
    "read these next",
    "more stories",
    "more news",
    "you may also like",
    "you might also like",
    "recommended for you",
    "end of article",
    "follow us on social media",
    "top stories",
    "editors picks",
    "more from",
    "in other news",
    "dont miss",
];

/// Furniture kinds that close the standfirst slot under a headline.
const DEK_CLOSERS: &[&str] = &[
    "ad label",
    "byline",
    "agency byline",
    "timestamp",
    "post metadata",
    "image caption",
    "photo credit",
    "photo caption with credit",
    "photo caption",
    "share buttons",
    "recurs across corpus files (site furniture)",
];

/// News agencies credited on a line of their own (agency byline).
const AGENCIES: &[&str] = &[
    "associated press",
    "the associated press",
    "ap",
    "reuters",
    "reuters staff",
    "afp",
    "agence france presse",
    "agence france-presse",
    "bloomberg",
    "xinhua",
    "anadolu agency",
    "dpa",
    "upi",
    "press association",
    "pa media",
    "efe",
    "ians",
    "pti",
    "ani",
    "tass",
    "ria novosti",
    "cnn wire",
    "from wire reports",
    "wire reports",
    "staff reports",
];

// ------------------------------------------------------------------ regexes

use crate::text::{word_regex as re, word_regex_big as re_big};

const MONTH: &str = r"(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)";

static MONTH_DAY_YEAR: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:\b|\d{{1,2}}:)"
    ))
});
static DAY_MONTH_YEAR: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+(\d{{4}})\b"
    ))
});
static ISO_DATE: Lazy<Regex> = Lazy::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static LEADING_DATE_DATELINE: Lazy<Regex> =
    Lazy::new(|| re(&format!(r"^(?:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}\s*[-–—]")));
static NUMBERED_ITEM: Lazy<Regex> = Lazy::new(|| re(r"^\d{1,2}[.)]\s+\p{Lu}"));
static BREADCRUMB_SEP: Lazy<Regex> = Lazy::new(|| re(r"\s+(?:\||>|»|›|/)\s+"));
static LEADING_DATE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTH})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    ))
});
static CONTRIBUTED: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\bcontributed (?:reporting )?(?:to )?(?:this|the) (?:report|story|article)\b|^\(?\s*(?:additional )?reporting by\b",
    )
});
static SHARE_TOKENS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)share|tweet|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|messenger|flipboard|e-?mail|print|copy link|copied|\bon\b|\bthis\b|article|story|\bvia\b|\blink\b|\bsms\b|\bx\b|\bli\b|fb|tw|wa|pin|\d+|[^\p{L}]",
    )
});
static COMMENT_COUNT: Lazy<Regex> =
    Lazy::new(|| re(r"^(?:\d+|no|zero|one)\s+(?:comments?|responses?|replies)$|^comments?\s*\d+$"));
static PROMO_PREFIX: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?i:video|watch|photos?|gallery|in pictures|pictures|listen|podcast|read more|read also|also read|see also|related|more|recommended|sponsored|advertisement|click here|read the full story|tags|topics|filed under|keywords|categories|category)\s*[:|»›>]\s*\S",
    )
});
static BYLINE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by|[Pp]osted by|[Ww]ords by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|van|von|der|al|bin|la|le|,))*(?:\s*[,|/–-]\s*[\p{L}. ]{1,40})?$",
    )
});
static CREDIT_LINE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^[,;(]?\s*(?i:photos?|photograph|image|picture|pic|credit|credits|courtesy|file photo|photo credit)\s*(?:by\b|:|/|courtesy\b)|^\(?(?:AP|AFP|Reuters|Getty Images|EPA|Shutterstock)(?: Photo)?\s*/",
    )
});
static CAPTION_CREDIT_END: Lazy<Regex> = Lazy::new(|| {
    re_big(
        r"(?:\b(?i:credit|photo credit)\s*:\s*[\p{L}\d /&.,'’-]{2,60}|\b(?i:photo(?:graph)?s?|image|picture)\s*(?:courtesy(?: of)?|by|:)\s*[\p{L}\d /&.,'’-]{2,60}|\((?:[^()]{0,40}\b(?i:photo|image|picture|file)s?\b[^()]{0,60})\)|\p{Lu}[\p{Lu}'’.-]+(?:\s+\p{Lu}[\p{Lu}'’.-]+)+\s*/\s*\p{Lu}[\p{L}&. ]{1,30}|\b(?:Getty Images|Shutterstock|iStock|AFP via Getty Images))$",
    )
});
/// Does the line end with a photo credit? Only its last 240 bytes (from a
/// space) are searched: every credit shape is shorter, and the end-anchored
/// pattern is slow to search from the start of a long line.
fn ends_with_credit(t: &str) -> bool {
    const TAIL: usize = 240;
    let tail = if t.len() <= TAIL {
        t
    } else {
        let mut cut = t.len() - TAIL;
        while !t.is_char_boundary(cut) {
            cut += 1;
        }
        match t[cut..].find(char::is_whitespace) {
            Some(sp) => &t[cut + sp..],
            None => return false, // one 240-byte word: not a credit
        }
    };
    // every credit shape names a photo, image, picture, file or credit, an
    // agency, or has an "A NAME / Agency" slash: a cheap test first
    let low = tail.to_ascii_lowercase();
    let maybe = tail.contains('/')
        || [
            "credit",
            "photo",
            "image",
            "picture",
            "file",
            "getty",
            "shutterstock",
            "istock",
        ]
        .iter()
        .any(|w| low.contains(w));
    maybe && CAPTION_CREDIT_END.is_match(tail)
}

static IMAGE_PREFIX: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?i:image|photo|picture|caption|pictured|file photo|graphic|illustration)\s*:\s*\S|^(?i:image|media|photo) (?i:caption|copyright)\b",
    )
});
static SOURCE_LINE: Lazy<Regex> =
    Lazy::new(|| re(r"^/?\s*(?i:source|via)\s*:\s*[\p{L}\d .&'’/-]{2,40}$"));
static WIRE_CREDITS: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^[(\[]?\s*(?i:additional reporting|reporting|writing|editing|compiled|contributing|research|produced|edited)\s+by\b",
    )
});
static PROMO_SENTENCE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?i:sign up (?:for|to|here|now)|subscribe (?:to|now|for|here)|click here|download\b.{0,60}\bapp\b|save (?:this )?articles?\b|follow (?:us|@)|like us on|get (?:our|the) (?:free )?newsletter|to continue reading|already a subscriber|support (?:our|independent) journalism)",
    )
});
static COMMENT_PROMPT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:leave|post|add|share) (?:a|your) (?:comment|thoughts|reply|view)s?\b|\bcomments? (?:below|section)\b|\bjoin the (?:discussion|conversation|debate)\b|\bcomments are (?:closed|moderated)\b|\byou must be logged in\b|\byour email address will not be published\b",
    )
});
static EMAIL: Lazy<Regex> = Lazy::new(|| re(r"[\w.+-]+@[\w-]+\.[\w.]+"));
static DISCLAIMER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:views|opinions)\b.{0,80}\bexpressed\b.{0,200}\b(?:do|does|did)\s*(?:not|n't|n’t)\s+necessarily\s+(?:reflect|represent)|\bthis (?:material|article|story) may not be (?:published|reproduced|redistributed)|\ball rights reserved\b|\ba version of this (?:article|story) (?:appears|appeared) in print\b|\bwe use cookies\b|\bby continuing to (?:use|browse)\b.{0,80}\bcookies?\b",
    )
});
static PUBLISHER_DISCLAIMER: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i:reflect|represent)\s+(?i:the\s+)?(?i:official\s+)?(?i:position|views?|opinions?|policy|policies|editorial policy)\s+of\s+(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,4})",
    )
});
static COPYRIGHT: Lazy<Regex> = Lazy::new(|| re(r"^(?:©|\([cC]\)|(?i:copyright)\b)"));
static COPYRIGHT_NAME: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s+\p{Lu}[\p{L}\d&.'’-]*){0,4}|[a-z0-9][a-z0-9-]*\.(?:com|net|org|co\.uk|news|info))",
    )
});
static BY_START: Lazy<Regex> = Lazy::new(|| re(r"^(?:By|BY)\s+\p{Lu}"));
static URL_LINE: Lazy<Regex> = Lazy::new(|| re(r"^(?:https?://|www\.)\S+$"));
static PUBLISHED_WORD: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:posted|published|updated|first published)\b"));
static DOMAIN_LINE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?i:(?:https?://)?(?:www\.)?)([A-Za-z0-9][A-Za-z0-9-]{1,40}\.(?:com|net|org|co\.uk|news|info|in|us|ca|com\.au|co))/?$",
    )
});
static BROWSER_NOTICE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"(?i)\b(?:ie ?\d+|internet explorer|your browser|this browser)\b.{0,80}\b(?:not supported|no longer supported|upgrade|outdated|another browser|update your browser)|\bjavascript\b.{0,40}\b(?:disabled|enable)|\bmedia playback is (?:not supported|unsupported)",
    )
});
static SCRAPER_DATE: Lazy<Regex> = Lazy::new(|| {
    re(r"^(?i:date|published|pubdate|dateline|timestamp|updated)\s*[:=]?\s*\d{4}-\d{2}-\d{2}")
});
static ARCHIVE_NOTICE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^(?i:this (?:story|article|report|page|post) (?:is|was) (?:from|published|first published|originally published|last updated|updated))",
    )
});
static TIME_TOKEN: Lazy<Regex> = Lazy::new(|| re(r"\d{1,2}:\d{2}"));
static TIMESTAMP_WORDS: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?i)\b(?:{MONTH}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|updated|posted|published|last|on|at|of|modified|first|date|time|am|pm|a\.m|p\.m|hrs|the|st|nd|rd|th|ago|hours?|minutes?|mins?|days?|weeks?|yesterday|today)\b"
    ))
});
static TZ_TOKEN: Lazy<Regex> = Lazy::new(|| re(r"\b[A-Z]{2,5}\b"));
static DATED_TEASER: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"^.{{8,220}}?\s[-–—|]\s*(?:(?:{MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{MONTH})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})$"
    ))
});
static CAPTION_SHAPE: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"(?i)\b(?:is|are) (?:seen|pictured|shown) (?:in|at|on|during|after|before|outside|inside|near|across|along|over|under|with|from|\w+ing)\b|\bin this (?:\w+ )?(?:photo|picture|image|view|handout|file photo|photograph|screenshot|still)\b|\b(?:file photo|photo illustration)\b|,\s+(?:(?:held|taken|photographed|pictured|shot)\s+(?:on\s+)?)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{MONTH})\.?\s+\d{{1,2}},\s+\d{{4}}\.$"
    ))
});
/// Removal reasons of a line that describes a photo.
const CAPTION_KINDS: &[&str] = &[
    "photo caption",
    "photo caption with credit",
    "image caption",
];
/// A caption of an archive picture: its date says nothing about the story's.
static FILE_PHOTO: Lazy<Regex> =
    Lazy::new(|| re(r"(?i)\b(?:file|archive|archival)\b|\byears? ago\b"));
static GLUE_CAPS: Lazy<Regex> = Lazy::new(|| {
    re(r"^((?:[\p{Lu}\d][\p{Lu}\d'’&.,:-]*\s+){1,14}[\p{Lu}\d'’-]*\p{Lu})(\p{Lu}\p{Ll}+\b)")
});
static GLUE_TITLE: Lazy<Regex> = Lazy::new(|| {
    re(
        r"^((?:(?:[\p{Lu}\d][\p{L}\d'’&:,.-]*|a|an|the|of|in|on|to|for|and|or|at|by|with|from|as|vs\.?)\s+){2,14}[\p{Lu}\d][\p{L}\d'’-]*\p{Ll})(\p{Lu}\p{Ll}+\s)",
    )
});
static INLINE_BYLINE: Lazy<Regex> =
    Lazy::new(|| re(r"\bBy \p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,2}\b"));
static INLINE_POSTED: Lazy<Regex> = Lazy::new(|| {
    re(&format!(
        r"\b(?:Posted|Published|Updated)(?: on)?:? (?:{MONTH})\.? \d{{1,2}},? \d{{4}}(?:,? \d{{1,2}}:\d{{2}}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{{2,5}}\b)?)?"
    ))
});
static INLINE_SHARE: Lazy<Regex> =
    Lazy::new(|| re(r"^\s*(?:Copied|Copy link|Share|Tweet|Email|Print)\b\s*"));
static INLINE_PHOTO_CREDIT: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\((?:[^()]{0,40}\b(?i:photo|image|picture)s?\b[^()]{0,60})\)|\b(?i:credit)\s*:\s*\p{Lu}[\p{L}/ ]{1,40}\b",
    )
});
static INLINE_TAIL: Lazy<Regex> = Lazy::new(|| {
    re(
        r"\b(?:Read (?:These |This )?Next|Read More|Related Stories|Related Articles|More From|You May Also Like|You Might Also Like|Recommended for You|Most Popular|Trending Now|Report an error|Leave a Reply|View Comments)\b",
    )
});

// ------------------------------------------------------------------ small text helpers

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

fn word_count(s: &str) -> usize {
    // the runs of non-whitespace, as `split_whitespace` gives them (counted
    // without its iterator's work per word; ASCII text without decoding)
    fn runs(word: impl Iterator<Item = bool>) -> usize {
        let mut in_word = false;
        word.filter(|&w| !std::mem::replace(&mut in_word, w) && w)
            .count()
    }
    if s.is_ascii() {
        runs(s.bytes().map(|b| !char::from(b).is_whitespace()))
    } else {
        runs(s.chars().map(|c| !c.is_whitespace()))
    }
}

/// Lower-case key: letters/digits kept, apostrophes and periods dropped,
/// every other run of characters one space.
fn key(s: &str) -> String {
    crate::text::norm_key(s)
}

fn bare_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace(['’', '\''], "")
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '*')
}

/// The line ends with sentence (or clause) punctuation, ignoring closing
/// quotes and brackets.
fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(is_closing).trim_end();
    matches!(
        t.chars().last(),
        Some('.' | '!' | '?' | '…' | ':' | ';' | ',' | '—' | '–' | '-')
    )
}

/// The line ends a sentence (for re-joining hard-wrapped lines).
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(is_closing).trim_end();
    matches!(t.chars().last(), Some('.' | '!' | '?' | '…' | ':'))
}

fn starts_lower_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

fn starts_upper_like(s: &str) -> bool {
    let c = s
        .trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .chars()
        .next();
    c.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Rough count of sentences: terminal marks followed by a space and a capital.
fn sentence_count(s: &str) -> usize {
    let mut n = 0;
    let mut prev_end = false;
    let mut after_space = false;
    for c in s.chars() {
        if prev_end && after_space {
            if c.is_uppercase() || c == '“' || c == '"' {
                n += 1;
            }
            prev_end = false;
            after_space = false;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            prev_end = true;
            after_space = false;
        } else if prev_end && c.is_whitespace() {
            after_space = true;
        } else if prev_end && is_closing(c) {
            // still at the end of the sentence
        } else {
            prev_end = false;
            after_space = false;
        }
    }
    n + 1
}

fn stopword_ratio(s: &str) -> f64 {
    let ws = words(s);
    if ws.is_empty() {
        return 0.0;
    }
    let n = ws
        .iter()
        .filter(|w| STOPWORDS.contains(&bare_word(w).as_str()))
        .count();
    n as f64 / ws.len() as f64
}

/// Looks like running prose although it lacks final punctuation (a line
/// cut off mid-sentence): long enough, mostly lower-case words, and a verb
/// or pronoun typical of sentences rather than headlines.
fn prose_like(s: &str) -> bool {
    let ws = words(s);
    if ws.len() < 6 {
        return false;
    }
    let lower = ws
        .iter()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase()))
        .count();
    let marker = ws
        .iter()
        .any(|w| PROSE_MARKERS.contains(&bare_word(w).as_str()));
    lower * 2 >= ws.len() && marker && stopword_ratio(s) >= 0.25
}

/// Every word capitalised except small words: a Title Case headline shape.
fn is_title_case(ws: &[&str]) -> bool {
    let mut big = 0;
    for w in ws {
        let b = bare_word(w);
        if b.is_empty() {
            continue;
        }
        let first = w
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next();
        match first {
            Some(c) if c.is_uppercase() || c.is_ascii_digit() => big += 1,
            _ if SMALL_WORDS.contains(&b.as_str()) => {}
            _ => return false,
        }
    }
    big >= 2
}

/// A person's name on its own line ("Jane Doe", "By Jane Doe").
fn name_like(s: &str) -> bool {
    let s = s
        .strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .unwrap_or(s)
        .trim();
    let ws = words(s);
    if !(2..=4).contains(&ws.len()) {
        return false;
    }
    if s.chars()
        .any(|c| !(c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-')))
    {
        return false;
    }
    if s.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
    {
        return false;
    }
    let particles = [
        "de", "da", "van", "von", "der", "al", "bin", "la", "le", "del",
    ];
    ws.iter().all(|w| {
        let b = bare_word(w);
        if STOPWORDS.contains(&b.as_str()) {
            return false;
        }
        w.chars().next().is_some_and(|c| c.is_uppercase()) || particles.contains(&b.as_str())
    })
}

/// Every letter is upper case ("DENVER, COLO.", "KEY POINTS").
fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// The line opens with a dateline: "LIMA, Peru —", "NAIROBI:",
/// "OSLO Every ...", "QUITO Oct 2 ...", "Mar 4, 2019- ...".
fn starts_with_dateline(s: &str) -> bool {
    if LEADING_DATE_DATELINE.is_match(s) {
        return true;
    }
    let mut it = s.split_whitespace();
    let Some(first) = it.next() else {
        return false;
    };
    let core = first.trim_end_matches([',', ':', '.']);
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3
        || !core
            .chars()
            .all(|c| c.is_uppercase() || c == '-' || c == '.')
    {
        return false;
    }
    if first.ends_with([',', ':']) {
        return true;
    }
    match it.next() {
        Some(next) => {
            let mut cs = next.chars();
            let a = cs.next();
            let b = cs.next();
            matches!(next, "—" | "–" | "-" | "--")
                || next.starts_with('(')
                || (a.is_some_and(|c| c.is_uppercase()) && b.is_some_and(|c| c.is_lowercase()))
        }
        None => false,
    }
}

fn strip_bullet(t: &str) -> (bool, &str) {
    if NUMBERED_ITEM.is_match(t) {
        return (true, t);
    }
    let mut cs = t.chars();
    if let Some(c) = cs.next() {
        if matches!(
            c,
            '•' | '·' | '▪' | '●' | '◦' | '‣' | '■' | '►' | '*' | '–' | '-'
        ) {
            let rest = cs.as_str();
            if rest.starts_with(char::is_whitespace)
                && rest.trim().chars().any(char::is_alphanumeric)
            {
                return (true, rest.trim());
            }
        }
    }
    (false, t)
}

/// The first date written in `s` (ISO, "Mar 4, 2019", "3 of June 2019").
fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |pos: usize, d: Option<NaiveDate>| {
        if let Some(d) = d {
            if best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, d));
            }
        }
    };
    if let Some(c) = ISO_DATE.captures(s) {
        let y = c[1].parse().ok();
        let m = c[2].parse().ok();
        let d = c[3].parse().ok();
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |x| x.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let m = crate::text::month_number(&c[1]);
        let d = c[2].parse().ok();
        let y = c[3].parse().ok();
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |x| x.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let d = c[1].parse().ok();
        let m = crate::text::month_number(&c[2]);
        let y = c[3].parse().ok();
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            consider(
                c.get(0).map_or(0, |x| x.start()),
                NaiveDate::from_ymd_opt(y, m, d),
            );
        }
    }
    best.map(|(_, d)| d)
}

// ------------------------------------------------------------------ line-level signals

/// A line made only of date/time tokens ("3 of June 2019 10:01:12",
/// "Updated : 08:30", "Tuesday, March 7 2017 09:15 CET").
fn is_timestamp(s: &str) -> bool {
    if word_count(s) > 12 || s.len() > 120 || !s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let has_anchor = TIME_TOKEN.is_match(s)
        || s.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4)
        || Regex::is_match(&TIMESTAMP_WORDS, s)
            && s.to_lowercase().split_whitespace().any(|w| {
                matches!(
                    w.trim_matches(|c: char| !c.is_alphabetic()),
                    "updated" | "posted" | "published" | "modified"
                )
            });
    if !has_anchor || !s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let rest = TIMESTAMP_WORDS.replace_all(s, " ");
    let rest = TZ_TOKEN.replace_all(&rest, " ");
    !rest.chars().any(|c| c.is_alphabetic())
}

/// "Norway, Bergen, fishing, storm, coast guard" – a keyword list.
fn is_tag_list(s: &str) -> bool {
    if ends_terminal(s) && !s.trim_end().ends_with(',') {
        return false;
    }
    let parts: Vec<&str> = s.split([',', ';', '|']).map(str::trim).collect();
    if parts.len() < 5 {
        return false;
    }
    let long = parts.iter().filter(|p| word_count(p) > 3).count();
    long * 5 <= parts.len() && stopword_ratio(s) < 0.15
}

/// A label that introduces a list of other stories.
fn is_list_label(s: &str) -> bool {
    let k = key(s.trim_end_matches(':'));
    TAIL_MARKERS.contains(&k.as_str())
        || matches!(
            k.as_str(),
            "trending" | "popular" | "latest" | "top stories" | "most shared" | "editors picks"
        )
}

/// "Headline words | Site Name" → ("Headline words", "Site Name").
fn split_site_suffix(title: &str) -> Option<(&str, &str)> {
    let p = title.rfind(" | ")?;
    let (head, site) = (title[..p].trim(), title[p + 3..].trim());
    let ok = word_count(head) >= 3
        && (1..=4).contains(&word_count(site))
        && starts_upper_like(site)
        && !ends_terminal(site);
    ok.then_some((head, site))
}

/// "World | Europe | Norway": short segments joined by separators.
fn is_breadcrumb(s: &str) -> bool {
    if ends_terminal(s) {
        return false;
    }
    let parts: Vec<&str> = BREADCRUMB_SEP.split(s).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=3).contains(&word_count(p)) && starts_upper_like(p))
}

/// A share-button bar: nothing but share vocabulary ("ShareShare FBShare TW").
fn is_share_bar(s: &str) -> bool {
    if s.len() > 80 || !s.to_lowercase().contains("share") && !s.contains("Tweet") {
        return false;
    }
    !SHARE_TOKENS
        .replace_all(s, "")
        .chars()
        .any(|c| c.is_alphabetic())
}

/// Furniture recognisable from the line alone. Returns the reason.
fn strong_furniture(t: &str, opts: &CleanOptions) -> Option<&'static str> {
    let t = t.trim();
    if !t.chars().any(char::is_alphanumeric) {
        return Some("separator");
    }
    if opts.boilerplate.iter().any(|r| r.is_match(t)) {
        return Some("user boilerplate pattern");
    }
    let wc = word_count(t);
    if wc <= 8 {
        let k = key(t);
        if AD_LABELS.contains(&k.as_str())
            || (wc <= 6 && (k.starts_with("advertisement ") || k.starts_with("sponsored ")))
        {
            return Some("ad label");
        }
        if LABELS.contains(&k.as_str()) {
            return Some("site label");
        }
        if COMMENT_COUNT.is_match(&k) {
            return Some("comment counter");
        }
        if AGENCIES.contains(&k.as_str()) {
            return Some("agency byline");
        }
        if is_share_bar(t) {
            return Some("share buttons");
        }
    }
    if wc <= 40 && PROMO_PREFIX.is_match(t) {
        return Some("promo link");
    }
    if wc <= 12 && BYLINE.is_match(t) {
        return Some("byline");
    }
    if wc <= 16
        && BY_START.is_match(t)
        && !ends_sentence(t)
        && (TIME_TOKEN.is_match(t) || parse_date(t).is_some())
    {
        return Some("byline");
    }
    if wc <= 40 && IMAGE_PREFIX.is_match(t) {
        return Some("image caption");
    }
    if wc <= 12 && CREDIT_LINE.is_match(t) {
        return Some("photo credit");
    }
    if wc <= 60 && ends_with_credit(t) {
        return Some("photo caption with credit");
    }
    if wc <= 12 && is_breadcrumb(t) {
        return Some("section breadcrumb");
    }
    if wc <= 8 && SOURCE_LINE.is_match(t) {
        return Some("source credit");
    }
    if wc <= 25 && COPYRIGHT.is_match(t) {
        return Some("copyright line");
    }
    if wc <= 40 && WIRE_CREDITS.is_match(t) {
        return Some("wire credits");
    }
    if wc <= 30 && PROMO_SENTENCE.is_match(t) {
        return Some("promo");
    }
    if wc <= 30 && COMMENT_PROMPT.is_match(t) {
        return Some("comment prompt");
    }
    if wc <= 15 && EMAIL.is_match(t) && !t.contains(['"', '“']) {
        return Some("contact line");
    }
    if wc <= 80 && DISCLAIMER.is_match(t) {
        return Some("disclaimer");
    }
    if wc <= 4 && DOMAIN_LINE.is_match(t) {
        return Some("site name");
    }
    if wc <= 3 && URL_LINE.is_match(t) {
        return Some("link");
    }
    if wc <= 40 && BROWSER_NOTICE.is_match(t) {
        return Some("browser notice");
    }
    if wc <= 20 && SCRAPER_DATE.is_match(t) {
        return Some("scraper metadata");
    }
    if wc <= 14 && ARCHIVE_NOTICE.is_match(t) {
        return Some("archive notice");
    }
    if is_timestamp(t) {
        return Some("timestamp");
    }
    if wc <= 14 {
        if let Some(m) = LEADING_DATE.find(t) {
            let rest = &t[m.end()..];
            if word_count(rest) <= 6 && !ends_sentence(rest) {
                return Some("post metadata");
            }
        }
    }
    if wc <= 30 && CONTRIBUTED.is_match(t) {
        return Some("contributor credit");
    }
    if wc <= 40 && t.ends_with(|c: char| c.is_ascii_digit()) && DATED_TEASER.is_match(t) {
        return Some("teaser headline with date");
    }
    if wc <= 60 && is_tag_list(t) {
        return Some("keyword list");
    }
    if wc <= 45
        && sentence_count(t) <= 2
        && !t.contains(['"', '“', '”'])
        && CAPTION_SHAPE.is_match(t)
    {
        return Some("photo caption");
    }
    None
}

// ------------------------------------------------------------------ virtual lines

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Dek,
    Body,
    Furn(&'static str),
}

#[derive(Debug, Clone)]
struct Ln {
    /// 1-based raw line number
    n: usize,
    /// trimmed text, list bullet stripped
    text: String,
    /// trimmed raw text (for `removed`)
    raw: String,
    bullet: bool,
    /// a blank line (or a split point) precedes this line
    gap_before: bool,
    /// role forced by a splitter
    hint: Option<Role>,
}

fn read_lines(raw: &str) -> Vec<Ln> {
    let mut out = Vec::new();
    let mut gap = true;
    for (i, line) in raw.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for part in line.split('\r') {
            let t = part.trim();
            if t.is_empty() || t.chars().all(|c| c.is_control() || c.is_whitespace()) {
                gap = true;
                continue;
            }
            let (bullet, body) = strip_bullet(t);
            out.push(Ln {
                n: i + 1,
                text: body.to_string(),
                raw: t.to_string(),
                bullet,
                gap_before: gap,
                hint: None,
            });
            gap = false;
        }
    }
    out
}

fn virt(n: usize, text: &str, hint: Option<Role>) -> Ln {
    Ln {
        n,
        text: text.trim().to_string(),
        raw: text.trim().to_string(),
        bullet: false,
        gap_before: true,
        hint,
    }
}

/// Split "Section | Topic Title Words Dek sentence" into (crumb, title, dek).
fn split_head(head: &str) -> (Option<String>, String, Option<String>) {
    let mut crumb = None;
    let mut rest = head.trim();
    if let Some(p) = rest.rfind(" | ") {
        let after = rest[p + 3..].trim_start();
        let ws = words(after);
        if ws.len() >= 3 {
            // the last crumb is one word, sometimes echoed by the title
            let first = ws[0];
            let cut = after.find(first).map_or(0, |i| i + first.len());
            crumb = Some(format!("{} | {}", rest[..p].trim(), first));
            rest = after[cut..].trim_start();
        }
    }
    let ws = words(rest);
    // title case run, then a capitalised word followed by a lower-case one
    let mut split = None;
    for j in 3..ws.len().saturating_sub(1) {
        let w = ws[j];
        let nxt = ws[j + 1];
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        let nb = bare_word(nxt);
        let nlow = nxt.chars().next().is_some_and(char::is_lowercase)
            && !SMALL_WORDS.contains(&nb.as_str());
        if cap && nlow && is_title_case(&ws[..j]) {
            split = Some(j);
            break;
        }
        if !is_title_case(&ws[..=j]) {
            break;
        }
    }
    match split {
        Some(j) => (crumb, ws[..j].join(" "), Some(ws[j..].join(" "))),
        None => (crumb, rest.to_string(), None),
    }
}

/// "By Jane Doe Posted" → "By Jane Doe": the byline pattern may run into
/// the next widget word.
fn trim_inline_byline(m: &str) -> &str {
    let mut end = m.len();
    while let Some(sp) = m[..end].rfind(' ') {
        let last = &m[sp + 1..end];
        if matches!(
            last,
            "Posted" | "Published" | "Updated" | "Copied" | "Share" | "On"
        ) {
            end = sp;
        } else {
            break;
        }
    }
    &m[..end]
}

/// A whole page flattened onto one line: cut it into head (section label,
/// title, dek), byline/timestamp/share widgets, caption, body and teasers.
fn split_flattened(l: &Ln) -> Option<Vec<Ln>> {
    let t = l.text.as_str();
    if t.len() < 300 {
        return None;
    }
    let limit = (t.len() * 2 / 5).min(1500);
    let by = INLINE_BYLINE.find(t).filter(|m| m.start() <= limit);
    let posted = INLINE_POSTED.find(t).filter(|m| m.start() <= limit);
    let by = by.map(|m| (m.start(), m.start() + trim_inline_byline(m.as_str()).len()));
    let posted = posted.map(|m| (m.start(), m.end()));
    let first = match (by, posted) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    let first = first.0;
    if first == 0 || word_count(&t[..first]) > 40 {
        return None;
    }
    let n = l.n;
    let mut out = Vec::new();
    let (crumb, title, dek) = split_head(&t[..first]);
    if let Some(c) = crumb {
        out.push(virt(n, &c, Some(Role::Furn("section label"))));
    }
    if !title.is_empty() {
        out.push(virt(n, &title, Some(Role::Title)));
    }
    if let Some(d) = dek {
        out.push(virt(n, &d, Some(Role::Dek)));
    }
    // anchors following one another
    let mut pos = first;
    loop {
        let rest = &t[pos..];
        let trimmed = rest.trim_start();
        let skip = rest.len() - trimmed.len();
        if let Some(m) = INLINE_BYLINE.find(trimmed).filter(|m| m.start() == 0) {
            let text = trim_inline_byline(m.as_str());
            out.push(virt(n, text, Some(Role::Furn("byline"))));
            pos += skip + text.len();
        } else if let Some(m) = INLINE_POSTED.find(trimmed).filter(|m| m.start() == 0) {
            out.push(virt(n, m.as_str(), Some(Role::Furn("timestamp"))));
            pos += skip + m.end();
        } else if let Some(m) = INLINE_SHARE.find(trimmed) {
            out.push(virt(n, m.as_str(), Some(Role::Furn("share widget"))));
            pos += skip + m.end();
        } else {
            break;
        }
    }
    // a caption closed by a photo credit shortly after the anchors
    let rest = &t[pos..];
    if let Some(m) = INLINE_PHOTO_CREDIT.find(rest) {
        if m.start() < 500 && word_count(&rest[..m.end()]) <= 60 {
            out.push(virt(
                n,
                &rest[..m.end()],
                Some(Role::Furn("photo caption with credit")),
            ));
            pos += m.end();
        }
    }
    // body until a teaser/tail marker
    let rest = &t[pos..];
    let body_end = INLINE_TAIL.find(rest).map_or(rest.len(), |m| m.start());
    let body = rest[..body_end].trim();
    if !body.is_empty() {
        out.push(virt(n, body, Some(Role::Body)));
    }
    let mut tail = &rest[body_end..];
    while !tail.trim().is_empty() {
        // cut at the next tail marker after the first one
        let next = INLINE_TAIL
            .find_at(tail, 1.min(tail.len()))
            .filter(|m| m.start() > 0)
            .map_or(tail.len(), |m| m.start());
        let next = if tail.is_char_boundary(next) {
            next
        } else {
            tail.len()
        };
        out.push(virt(
            n,
            &tail[..next],
            Some(Role::Furn("teasers after the article")),
        ));
        tail = &tail[next..];
    }
    Some(out)
}

/// A headline glued onto the first sentence: "FLOODS HIT NORTHERN TOWNSResidents were ...".
fn split_glued(l: &Ln) -> Option<(String, String)> {
    let t = l.text.as_str();
    if word_count(t) < 12 {
        return None;
    }
    for (rx, min_words) in [(&*GLUE_CAPS, 2usize), (&*GLUE_TITLE, 3usize)] {
        if let Some(c) = rx.captures(t) {
            let title = c.get(1)?.as_str().trim();
            let body_start = c.get(2)?.start();
            let body = &t[body_start..];
            let opener = bare_word(body.split_whitespace().next().unwrap_or(""));
            let caps_form = min_words == 2;
            if word_count(title) >= min_words
                && (caps_form || STOPWORDS.contains(&opener.as_str()))
                && word_count(body) >= 8
                && ends_terminal(body)
                && stopword_ratio(body) >= 0.15
            {
                return Some((title.to_string(), body.to_string()));
            }
        }
    }
    None
}

// ------------------------------------------------------------------ units (joined lines)

#[derive(Debug, Clone)]
struct Unit {
    /// indices into the line list
    lines: Vec<usize>,
    text: String,
    bullet: bool,
    role: Option<Role>,
}

impl Unit {
    fn wc(&self) -> usize {
        word_count(&self.text)
    }
}

/// A headline shape: 2–25 words, starts capitalised, no final sentence
/// punctuation (a short question or exclamation is allowed).
fn headline_shaped(s: &str) -> bool {
    let wc = word_count(s);
    if !(2..=25).contains(&wc) || s.chars().count() > 220 || !starts_upper_like(s) {
        return false;
    }
    if !ends_terminal(s) {
        return true;
    }
    let t = s.trim_end_matches(is_closing).trim_end();
    t.ends_with(['?', '!']) && wc <= 14 && sentence_count(s) == 1
}

/// A sentence-shaped line: ends with sentence punctuation and is long enough,
/// or is very long.
fn body_like(s: &str) -> bool {
    let wc = word_count(s);
    (ends_terminal(s) && wc >= 6) || wc >= 30
}

/// Group hard-wrapped lines into units. Lines join when the first lacks
/// final punctuation and the next starts lower-case, or when both sit in a
/// block of similar-length lines most of which end mid-sentence.
fn build_units(lines: &[Ln], furn: &[Option<Role>]) -> Vec<Unit> {
    let m = lines.len();
    let joinable = |i: usize| furn[i].is_none() && !lines[i].bullet;
    // a double-spaced file (a blank after every line) carries no paragraph
    // information in its blank lines: wrapped blocks may span single blanks
    let gapped = lines.iter().skip(1).filter(|l| l.gap_before).count();
    let uniform = m >= 4 && gapped * 10 >= (m - 1) * 9;
    let tight = |j: usize| !lines[j].gap_before && lines[j].n == lines[j - 1].n + 1;
    let loose = |j: usize| uniform && lines[j].hint.is_none() && lines[j].n <= lines[j - 1].n + 2;
    // wrap blocks: maximal runs of joinable lines with no gap between
    let mut wrap_max = vec![0usize; m];
    let mut i = 0;
    while i < m {
        if !joinable(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < m && joinable(j) && (tight(j) || loose(j)) {
            j += 1;
        }
        let block = &lines[i..j];
        if block.len() >= 3 {
            let lens: Vec<usize> = block.iter().map(|l| l.text.chars().count()).collect();
            let maxlen = lens.iter().copied().max().unwrap_or(0);
            let open = block.iter().filter(|l| !ends_sentence(&l.text)).count();
            let full = lens.iter().filter(|&&x| x * 10 >= maxlen * 6).count();
            if maxlen <= 110 && open * 2 >= block.len() && full * 10 >= block.len() * 7 {
                for w in wrap_max.iter_mut().take(j).skip(i) {
                    *w = maxlen;
                }
            }
        }
        i = j;
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut prev_joins = false;
    for i in 0..m {
        let l = &lines[i];
        if prev_joins {
            if let Some(u) = units.last_mut() {
                u.lines.push(i);
                u.text.push(' ');
                u.text.push_str(&l.text);
            }
        } else {
            units.push(Unit {
                lines: vec![i],
                text: l.text.clone(),
                bullet: l.bullet,
                role: furn[i],
            });
        }
        prev_joins = i + 1 < m
            && joinable(i)
            && joinable(i + 1)
            && lines[i].hint.is_none()
            && lines[i + 1].hint.is_none()
            && !ends_sentence(&l.text)
            && {
                let wrapped = wrap_max[i] > 0
                    && wrap_max[i + 1] > 0
                    && l.text.chars().count() * 10 >= wrap_max[i] * 7;
                (tight(i + 1) && (starts_lower_or_digit(&lines[i + 1].text) || wrapped))
                    || (loose(i + 1) && wrapped)
            };
    }
    units
}

// ------------------------------------------------------------------ the cleaner

fn eq_key(a: &str, b: &str) -> bool {
    let ka = key(a);
    !ka.is_empty() && ka == key(b)
}

/// Clean one raw article. Never panics, whatever the input.
pub fn clean(raw: &str, stats: &CorpusStats, opts: &CleanOptions) -> Cleaned {
    clean_probed(raw, stats, opts).0
}

/// [`clean`], also returning the questions it asked of `stats` (a cache
/// checks them again before reusing the result).
pub fn clean_probed(raw: &str, stats: &CorpusStats, opts: &CleanOptions) -> (Cleaned, Vec<Probe>) {
    let mut probes = Vec::new();
    let mut out = Cleaned::default();
    let mut lines = read_lines(raw);

    // 1. splitters: a flattened page, or a headline glued to the first sentence
    let mut expanded: Vec<Ln> = Vec::with_capacity(lines.len() + 8);
    let mut seen_content = 0usize;
    for l in lines.drain(..) {
        if seen_content < 3 && strong_furniture(&l.text, opts).is_none() {
            seen_content += 1;
            if let Some(parts) = split_flattened(&l) {
                expanded.extend(parts);
                seen_content = usize::MAX / 2;
                continue;
            }
            if seen_content == 1 {
                if let Some((title, body)) = split_glued(&l) {
                    expanded.push(virt(l.n, &title, Some(Role::Title)));
                    expanded.push(virt(l.n, &body, Some(Role::Body)));
                    seen_content = usize::MAX / 2;
                    continue;
                }
            }
        }
        expanded.push(l);
    }
    let lines = expanded;

    // 2. strong furniture, user patterns and corpus recurrence
    let furn: Vec<Option<Role>> = lines
        .iter()
        .map(|l| {
            if let Some(h) = l.hint {
                return Some(h);
            }
            if let Some(r) = strong_furniture(&l.text, opts) {
                return Some(Role::Furn(r));
            }
            if stats.recurs(&l.text, &mut probes) {
                return Some(Role::Furn("recurs across corpus files (site furniture)"));
            }
            None
        })
        .collect();

    // 3. units
    let mut units = build_units(&lines, &furn);
    let m = units.len();

    // 4. headline
    let first_candidate = (0..m).find(|&i| units[i].role.is_none());
    let first_body = (0..m).find(|&i| match units[i].role {
        Some(Role::Body) => true,
        None => {
            body_like(&units[i].text)
                && !(Some(i) == first_candidate
                    && units[i].lines.len() == 1
                    && headline_shaped(&units[i].text)
                    && units.get(i + 1).is_some())
        }
        _ => false,
    });
    let head_end = first_body.unwrap_or(m);
    let mut title_idx = (0..m).find(|&i| units[i].role == Some(Role::Title));
    if title_idx.is_none() {
        let cands: Vec<usize> = (0..head_end)
            .filter(|&i| {
                units[i].role.is_none()
                    && units[i].lines.len() == 1
                    && headline_shaped(&units[i].text)
                    && !name_like(&units[i].text)
            })
            .collect();
        title_idx = cands
            .iter()
            .copied()
            .find(|&i| units[i].wc() >= 4)
            .or_else(|| cands.last().copied());
        // a list label ("Trending", "Most Popular") before the headline
        // introduces teaser headlines: skip the tight run that follows it
        if let Some(label) = (0..head_end).rev().find(|&i| {
            matches!(units[i].role, Some(Role::Furn(_))) && is_list_label(&units[i].text)
        }) {
            let after: Vec<usize> = cands.iter().copied().filter(|&i| i > label).collect();
            if after.len() >= 2 {
                let first_line = |i: usize| &lines[units[i].lines[0]];
                let mut run = 1;
                while run < after.len()
                    && !first_line(after[run]).gap_before
                    && (after[run - 1] + 1..after[run])
                        .all(|j| matches!(units[j].role, Some(Role::Furn("separator"))))
                {
                    run += 1;
                }
                title_idx = Some(after.get(run).copied().unwrap_or(after[run - 1]));
            }
        }
    }
    let title_full = title_idx.map(|i| units[i].text.clone()).unwrap_or_default();
    let mut site_suffix: Option<(usize, String)> = None;
    if let Some(t) = title_idx {
        if let Some((head, site)) = split_site_suffix(&units[t].text) {
            let n = lines[units[t].lines[0]].n;
            site_suffix = Some((n, site.to_string()));
            units[t].text = head.to_string();
        }
    }
    let title_text = title_idx.map(|i| units[i].text.clone()).unwrap_or_default();
    let is_title_copy =
        |s: &str| !title_text.is_empty() && (eq_key(s, &title_text) || eq_key(s, &title_full));
    if let Some(t) = title_idx {
        units[t].role = Some(Role::Title);
        // lines before the headline: mastheads, labels
        let mut head_keys: HashMap<String, usize> = HashMap::default();
        for u in &units[..t] {
            *head_keys.entry(key(&u.text)).or_insert(0) += 1;
        }
        for u in units[..t].iter_mut() {
            if u.role.is_none() {
                let repeated = head_keys.get(&key(&u.text)).is_some_and(|&c| c >= 2);
                u.role = Some(Role::Furn(if repeated {
                    "masthead"
                } else if name_like(&u.text) {
                    "byline"
                } else if headline_shaped(&u.text) && u.wc() >= 4 {
                    "teaser headline before the article"
                } else {
                    "label before the headline"
                }));
                if repeated && out.publisher.is_none() && u.wc() <= 4 {
                    out.publisher = Some(u.text.clone());
                }
            }
        }
    }

    // a paragraph split by an ad label: the part after it starts lower-case
    // (linear: the first non-ad unit at or after each index, right to left)
    let is_ad = |k: usize| matches!(units[k].role, Some(Role::Furn("ad label")));
    let mut non_ad_from = vec![m; m + 1];
    for k in (0..m).rev() {
        non_ad_from[k] = if is_ad(k) { non_ad_from[k + 1] } else { k };
    }
    let continued_after_ad: Vec<bool> = (0..m)
        .map(|i| {
            let j = non_ad_from[i + 1];
            j > i + 1
                && j < m
                && units[j].role.is_none()
                && units[j].text.starts_with(char::is_lowercase)
        })
        .collect();

    // 5. between the headline and the body: dek, bylines, captions
    let start = title_idx.map_or(0, |t| t + 1);
    // body_after[i]: a sentence-shaped line exists at i or later
    let mut body_after = vec![false; m + 1];
    for i in (0..m).rev() {
        body_after[i] = body_after[i + 1]
            || units[i].role == Some(Role::Body)
            || (units[i].role.is_none() && body_like(&units[i].text));
    }
    let mut body_start = m;
    let mut dek_open = title_idx.is_some();
    let mut i = start;
    while i < m {
        let u = &units[i];
        match u.role {
            Some(Role::Body) => {
                body_start = i;
                break;
            }
            Some(Role::Dek) => {
                dek_open = false;
                i += 1;
                continue;
            }
            Some(_) => {
                i += 1;
                continue;
            }
            None => {}
        }
        let text = u.text.clone();
        let wc = u.wc();
        if is_title_copy(&text) {
            units[i].role = Some(Role::Furn("repeated headline"));
            i += 1;
            continue;
        }
        let next_role = units.get(i + 1).and_then(|n| n.role);
        if wc <= 40 && matches!(next_role, Some(Role::Furn("photo credit"))) && !body_like(&text) {
            units[i].role = Some(Role::Furn("photo caption"));
            i += 1;
            continue;
        }
        if dek_open && !u.bullet && !starts_with_dateline(&text) && !continued_after_ad[i] {
            let later_body = body_after[(i + 2).min(m)];
            let headline_dek = headline_shaped(&text) && wc >= 4 && !name_like(&text);
            // the standfirst slot is closed by an ad label, an image or a
            // repeated headline (not by an ordinary crosshead or promo)
            let next_is_furn = match units.get(i + 1) {
                Some(n) => {
                    matches!(n.role, Some(Role::Furn(r)) if DEK_CLOSERS.contains(&r))
                        || eq_key(&n.text, &title_text)
                }
                None => false,
            };
            let sentence_dek = body_like(&text)
                && sentence_count(&text) <= 2
                && wc <= 60
                && u.lines.len() == 1
                && next_is_furn
                && later_body;
            if headline_dek || sentence_dek {
                units[i].role = Some(Role::Dek);
                dek_open = false;
                i += 1;
                continue;
            }
        }
        let short_sentence = ends_sentence(&text)
            && wc >= 3
            && starts_upper_like(&text)
            && !is_all_caps(&text)
            && !name_like(&text);
        if body_like(&text)
            || short_sentence
            || u.bullet
            || continued_after_ad[i]
            || title_idx.is_none() && prose_like(&text)
        {
            body_start = i;
            break;
        }
        if !name_like(&text) {
            dek_open = false;
        }
        let why = if name_like(&text) {
            "byline"
        } else if text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        {
            "dateline or label"
        } else if title_idx.is_none() {
            "label before the article"
        } else {
            "caption or label under the headline"
        };
        units[i].role = Some(Role::Furn(why));
        i += 1;
    }

    // 6. the body
    let dek_text = units
        .iter()
        .find(|u| u.role == Some(Role::Dek))
        .map(|u| u.text.clone());
    let mut tail_cut = false;
    // long_body_after[i]: a long sentence-shaped line follows i, so a
    // "Related" label at i sits mid-article rather than at its end
    let mut long_body_after = vec![false; m + 1];
    for i in (0..m).rev() {
        let u = &units[i];
        long_body_after[i] =
            long_body_after[i + 1] || (u.role.is_none() && body_like(&u.text) && u.wc() >= 20);
    }
    let last_content = (0..m).rev().find(|&i| units[i].role.is_none());
    for (i, unit) in units.iter_mut().enumerate().skip(body_start) {
        if let Some(r) = unit.role {
            if let Role::Furn(_) = r {
                let k = key(&unit.text);
                if (TAIL_MARKERS.contains(&k.as_str()) && !long_body_after[i + 1])
                    || r == Role::Furn("teasers after the article")
                {
                    tail_cut = true;
                }
            }
            continue;
        }
        let text = unit.text.clone();
        let wc = unit.wc();
        let role = if tail_cut && !(body_like(&text) && wc >= 20) {
            Role::Furn("after the end of the article")
        } else if is_title_copy(&text) || dek_text.as_deref().is_some_and(|d| eq_key(d, &text)) {
            Role::Furn("repeated headline")
        } else if unit.bullet {
            Role::Body
        } else if wc <= 4
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            Role::Furn("dateline or label")
        } else if !ends_terminal(&text) && unit.lines.len() == 1 && wc <= 25 {
            let quoted_end = (wc >= 6 && text.ends_with(['"', '”', '’']))
                || (wc >= 3 && text.starts_with(['"', '“']) && text.ends_with(['"', '”']));
            if (Some(i) == last_content && prose_like(&text))
                || quoted_end
                || (wc >= 10 && prose_like(&text))
                || continued_after_ad[i]
            {
                Role::Body
            } else if name_like(&text) {
                Role::Furn("byline")
            } else {
                Role::Furn("teaser headline or crosshead (no sentence punctuation)")
            }
        } else {
            Role::Body
        };
        unit.role = Some(role);
    }
    for u in units.iter_mut() {
        if u.role.is_none() {
            u.role = Some(Role::Furn("unclassified furniture"));
        }
    }

    // 7. output
    if let Some((n, site)) = site_suffix {
        out.removed.push(Removed {
            line: n,
            text: site.clone(),
            why: "site name after the headline".into(),
        });
        if out.publisher.is_none() {
            out.publisher = Some(site);
        }
    }
    let mut rejoin = false;
    for (i, u) in units.iter().enumerate() {
        match u.role {
            Some(Role::Title) if out.title.is_empty() => out.title = u.text.clone(),
            Some(Role::Dek) if out.dek.is_none() => out.dek = Some(u.text.clone()),
            Some(Role::Body) => {
                // re-join a paragraph that an ad label cut in two
                match out.paragraphs.last_mut() {
                    Some(last) if rejoin && u.text.starts_with(char::is_lowercase) => {
                        last.push(' ');
                        last.push_str(&u.text);
                    }
                    _ => out.paragraphs.push(u.text.clone()),
                }
                rejoin = continued_after_ad[i];
                continue;
            }
            Some(Role::Furn(why)) => {
                if why != "ad label" {
                    rejoin = false;
                }
                for &li in &u.lines {
                    out.removed.push(Removed {
                        line: lines[li].n,
                        text: lines[li].raw.clone(),
                        why: why.to_string(),
                    });
                }
            }
            _ => {}
        }
    }

    // 8. publisher and date, only where the text states them
    for (i, u) in units.iter().enumerate() {
        if let Some(Role::Furn(why)) = u.role {
            let metadata = matches!(
                why,
                "timestamp" | "scraper metadata" | "archive notice" | "byline" | "post metadata"
            );
            // any dropped head line that says "Posted/Published <date>"
            let stated = i < body_start && u.wc() <= 25 && PUBLISHED_WORD.is_match(&u.text);
            if out.published.is_none() && (metadata || stated) {
                out.published = parse_date(&u.text);
            }
            if out.publisher.is_none() {
                if why == "disclaimer" {
                    if let Some(c) = PUBLISHER_DISCLAIMER.captures(&u.text) {
                        out.publisher = c
                            .get(1)
                            .map(|x| x.as_str().trim_end_matches('.').to_string());
                    }
                } else if why == "copyright line" {
                    if let Some(c) = COPYRIGHT_NAME.captures(&u.text) {
                        let name = c.get(1).map_or("", |x| x.as_str());
                        let name = name
                            .split(". ")
                            .next()
                            .unwrap_or("")
                            .trim_end_matches(" All")
                            .trim_end_matches(['.', ','])
                            .trim();
                        if !name.is_empty() {
                            out.publisher = Some(name.to_string());
                        }
                    }
                } else if why == "site name" {
                    if let Some(c) = DOMAIN_LINE.captures(&u.text) {
                        out.publisher = c.get(1).map(|x| x.as_str().to_lowercase());
                    }
                }
            }
        }
    }
    if out.published.is_none() {
        for p in &out.paragraphs {
            if LEADING_DATE_DATELINE.is_match(p) {
                out.published = parse_date(p);
                break;
            }
        }
    }
    out.caption_date = caption_date(&units);
    (out, probes)
}

/// The date written in the removed photo captions, if they give one: the
/// earliest, provided they all lie within a week (captions of archive
/// pictures do not count).
fn caption_date(units: &[Unit]) -> Option<NaiveDate> {
    let dates: Vec<NaiveDate> = units
        .iter()
        .filter(|u| matches!(u.role, Some(Role::Furn(why)) if CAPTION_KINDS.contains(&why)))
        .filter(|u| !FILE_PHOTO.is_match(&u.text))
        .filter_map(|u| parse_date(&u.text))
        .collect();
    let first = dates.iter().min().copied()?;
    let last = dates.iter().max().copied()?;
    (last - first <= chrono::Duration::days(7)).then_some(first)
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn words_count_as_split_whitespace_does(s in "([a-z]{0,3}|[\\x00-\\x20\\x7f]|[ \t\n\r\u{b}\u{c}\u{a0}\u{85}\u{2003}\u{3000}\u{2019}é\u{1f600}]){0,24}") {
            proptest::prop_assert_eq!(super::word_count(&s), s.split_whitespace().count());
        }
    }

    use super::*;

    fn run(raw: &str) -> Cleaned {
        clean(raw, &CorpusStats::default(), &CleanOptions::default())
    }

    #[test]
    fn regexes_compile() {
        for r in [
            &*MONTH_DAY_YEAR,
            &*DAY_MONTH_YEAR,
            &*ISO_DATE,
            &*LEADING_DATE_DATELINE,
            &*SHARE_TOKENS,
            &*COMMENT_COUNT,
            &*PROMO_PREFIX,
            &*BYLINE,
            &*CREDIT_LINE,
            &*CAPTION_CREDIT_END,
            &*IMAGE_PREFIX,
            &*SOURCE_LINE,
            &*DISCLAIMER,
            &*PUBLISHER_DISCLAIMER,
            &*COPYRIGHT,
            &*COPYRIGHT_NAME,
            &*DOMAIN_LINE,
            &*BROWSER_NOTICE,
            &*SCRAPER_DATE,
            &*ARCHIVE_NOTICE,
            &*TIME_TOKEN,
            &*TIMESTAMP_WORDS,
            &*TZ_TOKEN,
            &*DATED_TEASER,
            &*CAPTION_SHAPE,
            &*FILE_PHOTO,
            &*GLUE_CAPS,
            &*GLUE_TITLE,
            &*INLINE_BYLINE,
            &*INLINE_POSTED,
            &*INLINE_SHARE,
            &*INLINE_PHOTO_CREDIT,
            &*INLINE_TAIL,
            &*WIRE_CREDITS,
            &*PROMO_SENTENCE,
            &*COMMENT_PROMPT,
            &*EMAIL,
            &*NUMBERED_ITEM,
            &*LEADING_DATE,
            &*PUBLISHED_WORD,
            &*BY_START,
            &*URL_LINE,
            &*CONTRIBUTED,
            &*BREADCRUMB_SEP,
        ] {
            assert_ne!(r.as_str(), r"[^\s\S]", "a pattern failed to compile");
        }
    }

    fn furn(t: &str) -> Option<&'static str> {
        strong_furniture(t, &CleanOptions::default())
    }

    #[test]
    fn sentence_punctuation() {
        assert!(ends_terminal("He left."));
        assert!(ends_terminal("“It failed,” he said.”"));
        assert!(ends_terminal("She asked why?"));
        assert!(!ends_terminal("Storm hits coast"));
        assert!(!ends_terminal("Mayor: “We will not give up”"));
        assert!(ends_sentence("the end."));
        assert!(!ends_sentence("the ministry said,"));
        assert_eq!(sentence_count("One. Two! Three? four."), 3);
        assert_eq!(sentence_count("No stop here"), 1);
    }

    #[test]
    fn headline_and_body_shapes() {
        assert!(headline_shaped(
            "Storm warnings prompt closure of 12 schools"
        ));
        assert!(headline_shaped("Will the dam hold?"));
        assert!(!headline_shaped(
            "The dam held through the night, engineers said."
        ));
        assert!(!headline_shaped("lowercase start is not a headline"));
        assert!(!headline_shaped("Solo"));
        assert!(body_like("The dam held through the night, engineers said."));
        assert!(!body_like("Too short."));
        assert!(is_title_case(&words(
            "Carmaker Forced to Recall 40,000 New Vans"
        )));
        assert!(!is_title_case(&words("Carmaker calls back its vans")));
    }

    #[test]
    fn stop_words_and_prose() {
        assert!(stopword_ratio("the cat sat on the mat") > 0.4);
        assert!(stopword_ratio("Drought puts harvest in grave danger") < 0.2);
        assert!(prose_like("The agency has not said when it would"));
        assert!(!prose_like("Blaze at warehouse injures four night workers"));
        assert!(!prose_like("Short one"));
    }

    #[test]
    fn names_and_datelines() {
        assert!(name_like("Jane Doe"));
        assert!(name_like("By Ana de la Cruz"));
        assert!(!name_like("The News"));
        assert!(!name_like("DENVER, COLO."));
        assert!(!name_like("Rebels advance"));
        assert!(starts_with_dateline("LIMA, Peru — A group said"));
        assert!(starts_with_dateline("NAIROBI: On Friday"));
        assert!(starts_with_dateline("OSLO Every ferry will stop"));
        assert!(starts_with_dateline("QUITO Oct 2 In a vote"));
        assert!(starts_with_dateline("Mar 4, 2019- The army said"));
        assert!(!starts_with_dateline("NATO leaders met on Friday"));
        assert!(!starts_with_dateline("FLOODS HIT NORTHERN TOWNS"));
    }

    #[test]
    fn dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(parse_date("Mar 4, 2019- The"), d(2019, 3, 4));
        assert_eq!(parse_date("3 of June 2019 10:01:12"), d(2019, 6, 3));
        assert_eq!(parse_date("Tuesday, March 7 2017 09:15 CET"), d(2017, 3, 7));
        assert_eq!(parse_date(" date 2019-04-11 (Adds quote)"), d(2019, 4, 11));
        assert_eq!(
            parse_date("Posted Sept. 9, 2018 1:00 AM CDT"),
            d(2018, 9, 9)
        );
        assert_eq!(parse_date("February 30, 2018"), None);
        assert_eq!(parse_date("no date here"), None);
    }

    #[test]
    fn timestamps_tags_shares() {
        assert!(is_timestamp("3 of June 2019 10:01:12"));
        assert!(is_timestamp("Updated : 08:30"));
        assert!(is_timestamp("Tuesday, March 7 2017 09:15 CET"));
        assert!(is_timestamp("Published 2:37 PM ET Mon, 8 Apr 2019"));
        assert!(!is_timestamp("On July 4."));
        assert!(!is_timestamp("Prices rose 4% in 2018 after the deal."));
        assert!(is_tag_list(
            "Norway, Bergen, fishing, storm, weather , coast guard"
        ));
        assert!(!is_tag_list(
            "Chile, Peru, Brazil, Mexico and Spain met in Lima on Monday."
        ));
        assert!(is_share_bar("ShareShare FBShare TWShare LI"));
        assert!(is_share_bar("Share on Facebook Share on Twitter"));
        assert!(!is_share_bar("Shares fell 4 percent"));
        assert!(is_breadcrumb("World | Europe | Norway"));
        assert!(!is_breadcrumb(
            "Port strike ends as workers accept new offer | Example News"
        ));
    }

    #[test]
    fn furniture_shapes() {
        for (line, why) in [
            ("Advertisement", "ad label"),
            ("Paid content", "ad label"),
            ("Most Popular", "site label"),
            ("No Comments", "site label"),
            ("12 Comments", "comment counter"),
            ("Associated Press", "agency byline"),
            ("Video: What is the council planning for the park?", "promo link"),
            ("By Lena Fischer and Tom Reed", "byline"),
            ("Image: A delivery drone over a field", "image caption"),
            (", photo: Reuters/Ana Silva", "photo credit"),
            (
                "Fans celebrate the late winner. Credit: AFP",
                "photo caption with credit",
            ),
            ("A delivery drone.JOHN DOE / AP", "photo caption with credit"),
            ("Crowds gather. (AP Photo/Jane Doe)", "photo caption with credit"),
            ("/ Source: AP", "source credit"),
            (
                "The views and opinions expressed here do not necessarily reflect the position of X.",
                "disclaimer",
            ),
            ("© 2019 Example Media. All rights reserved.", "copyright line"),
            (
                "IE 11 is not supported. Please switch to another browser for the best experience.",
                "browser notice",
            ),
            (" date 2019-04-11 (Adds minister)", "scraper metadata"),
            ("This story is from May 3, 2018", "archive notice"),
            ("3 of June 2019 10:01:12", "timestamp"),
            (
                "Ten ways to save on your energy bill - March 2, 2021",
                "teaser headline with date",
            ),
            ("Damage is seen across the valley in this aerial view.", "photo caption"),
            ("Smoke is seen rising over the port.", "photo caption"),
            (
                "Crowds gather outside the stadium, Monday, March 4, 2019.",
                "photo caption",
            ),
            ("(Reporting by A. Smith; Editing by B. Jones)", "wire credits"),
            ("Sign up for our daily newsletter.", "promo"),
            ("What do you think? Leave your comments below.", "comment prompt"),
            ("-", "separator"),
            ("https://example.org/news/item?id=4", "link"),
            ("www.example.com", "site name"),
        ] {
            assert_eq!(furn(line), Some(why), "{line}");
        }
        for body in [
            "The mayor said the city was ready to talk.",
            "“We can confirm the bridge is safe,” he said.",
            "The bridge closed on March 4, 2019.",
            "The move is seen as a blow to the government.",
            "By March 4, 2019, the strike had ended.",
            "The deal was signed in Lisbon, on March 4, 2019.",
            "By Friday, the strike had ended and trains were running again.",
            "Storm hits coast",
        ] {
            assert_eq!(furn(body), None, "{body}");
        }
    }

    #[test]
    fn glued_headlines() {
        let l = |t: &str| virt(1, t, None);
        let (t, b) = split_glued(&l(
            "FLOODS HIT NORTHERN TOWNSResidents were told to leave on Monday as rivers burst their banks, officials said.",
        ))
        .expect("caps glue");
        assert_eq!(t, "FLOODS HIT NORTHERN TOWNS");
        assert!(b.starts_with("Residents were"));
        let (t, _) = split_glued(&l(
            "Council Approves New Bus RoutesThe council on Tuesday approved four routes to the hospital district.",
        ))
        .expect("title glue");
        assert_eq!(t, "Council Approves New Bus Routes");
        assert!(split_glued(&l(
            "The New York-based PayPal said on Monday that it would cut fees for small sellers."
        ))
        .is_none());
    }

    #[test]
    fn flattened_head_split() {
        let (crumb, title, dek) = split_head(
            "Science | Space Space Agency Delays Launch of Lunar Probe A fuel leak pushes back",
        );
        assert_eq!(crumb.as_deref(), Some("Science | Space"));
        assert_eq!(title, "Space Agency Delays Launch of Lunar Probe");
        assert_eq!(dek.as_deref(), Some("A fuel leak pushes back"));
        assert_eq!(trim_inline_byline("By Ann Lee Posted"), "By Ann Lee");
        assert_eq!(
            split_site_suffix("Voters back the new transit levy | Example News"),
            Some(("Voters back the new transit levy", "Example News"))
        );
    }

    #[test]
    fn wrapped_lines_join() {
        let raw = "BERLIN April 10 Carmakers will have to report\nemissions data every quarter under new rules\nagreed on Wednesday by Transport Minister Jan\nWeber and his deputies, the ministry said.\nCritics called the rules too weak.\n";
        let c = run(raw);
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        assert!(c.paragraphs[0].contains("Minister Jan Weber and"));
        // short unpunctuated lines are not glued to a following sentence
        let c = run("Library budget approved by council\nOn Monday the council approved the library budget, officials said.\n");
        assert_eq!(c.title, "Library budget approved by council");
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn dek_slot() {
        let c = run("Share\n\nStrike talks stall in the capital\n\nUnions have held out since March.\n\nAdvertisement\n\nTalks resumed on Friday at the ministry, union leaders said.\n");
        assert_eq!(c.title, "Strike talks stall in the capital");
        assert_eq!(c.dek.as_deref(), Some("Unions have held out since March."));
        // a lede followed by a crosshead is body, not a dek
        let c = run("Strike talks stall in the capital\n\nTalks resumed on Friday at the ministry, union leaders said.\n\nWhat comes next\n\nA vote is due next week, the union said.\n");
        assert_eq!(c.dek, None);
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn never_panics() {
        let big = "x".repeat(1_000_000);
        let dots = ".".repeat(200_000);
        let garbage: String = (0u8..=255).map(|b| b as char).collect();
        for raw in [
            "",
            "\n\n\r\n",
            big.as_str(),
            dots.as_str(),
            garbage.as_str(),
            "a\rb\r\nc",
            "By",
            "•",
            "- \n-\n—",
            "ÀÉÎ ÕÜ",
        ] {
            let _ = run(raw);
        }
    }
}
