//! Direct quotes and who said them.
//!
//! Quotes are found from their marks (curly “ ” and ‘ ’, straight " and ',
//! mismatched pairs such as ‘...”), then attributed from the words around
//! them: a speech verb after the quote (“...,” Novak said / said Novak), before
//! it in the same sentence (Novak said: “...”, X told reporters “...”), or a
//! `said:` line closing the previous paragraph. The speaker's words are kept as
//! `speaker_text` and resolved through the actor index: a mention overlapping
//! them, else the surface form. Pronouns ("he added") resolve to the most
//! recent person named as a subject before; unnamed speakers stay `None`.

use super::actors::{ActorIndex, ActorKind, Mention};
use super::{Block, DocText};
use once_cell::sync::Lazy;
use rayon::prelude::*;
use regex::Regex;

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    pub doc: usize,
    pub block: Block,
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Speaker as an actor index, when resolved; `None` = unknown (never guessed).
    pub speaker: Option<usize>,
    /// The words naming the speaker in the text ("Novak", "the source"), if any.
    pub speaker_text: Option<String>,
}

/// A quoted span in a block: byte offsets of the opening mark, of the words,
/// and just past the closing mark (`close == end` when the quote runs on to
/// the end of the block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub open: usize,
    pub words_start: usize,
    pub words_end: usize,
    pub end: usize,
    /// The quote has no closing mark in this block.
    pub runs_on: bool,
}

const SPEECH_VERBS: &str = r"was quoted as saying|were quoted as saying|is quoted as saying|quoted as saying|quoted him as saying|quoted her as saying|quoted them as saying|said|says|say|saying|added|adds|adding|told|tells|telling|stated|states|declared|declares|declaring|warned|warns|warning|wrote|writes|writing|explained|explains|insisted|insists|noted|notes|asked|asks|tweeted|tweets|continued|continues|argued|argues|replied|urged|urges|announced|announces|claimed|claims|called|calls|calling|described|describes|describing|confirmed|confirms|acknowledged|admitted|recalled|posted|commented|concluded|found|finds|reported|reports|vowed|vows|promised|pledged|stressed|stresses|emphasised|emphasized|suggested|accused|branded|dubbed|labelled|labeled|decried|denounced|condemned|blasted|quipped|predicted|cautioned|answered|responded|remarked|observed|lamented|complained|boasted|conceded|agreed|went on to say|went on|according to";

static VERB_RE: Lazy<Regex> =
    Lazy::new(|| crate::text::word_regex(&format!(r"\b(?:{SPEECH_VERBS})\b")));
/// After the closing mark: optional punctuation, up to eight words, a speech verb.
static AFTER_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(&format!(
        r"^[\s,;:\-\u{{2013}}\u{{2014}}]*((?:[\w.'\u{{2019}}\-]+,?\s+){{0,8}}?)({SPEECH_VERBS})\b"
    ))
});

static ROLE_RE: Lazy<Regex> = Lazy::new(|| {
    crate::text::word_regex(
        r"(?i)\b(?:spokes(?:man|woman|person)|official|representative|statement|envoy|source|aide|minister|ambassador|officer)s?\b",
    )
});

/// Longest actor mention, in bytes (bounds mention look-ups).
const MAX_MENTION: usize = 300;
/// Longest stretch of text before a quote searched for its attribution, in bytes.
const MAX_BEFORE: usize = 600;

/// Longest quote searched for a closing mark, in characters.
const MAX_QUOTE_CHARS: usize = 4000;

const PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "hers"];
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "since",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "later",
    "earlier",
    "but",
    "and",
    "meanwhile",
    "however",
    "also",
];
const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "what", "whom", "where", "whereas", "because", "if", "although", "though",
    "whether", "than",
];
const NOT_SPEAKER_TAIL: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "was",
    "is",
    "would",
    "will",
    "then",
    "later",
    "previously",
    "earlier",
    "reportedly",
    "once",
    "again",
    "and",
    "but",
    "who",
    "had",
    "repeatedly",
    "publicly",
    "recently",
    "further",
    "has also",
    "who has",
    "separately",
];

fn is_open_double(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '"' | '\u{ab}')
}
fn is_close_double(c: char) -> bool {
    matches!(c, '\u{201d}' | '"' | '\u{bb}')
}

/// The quoted spans of one block of text.
pub fn quote_spans(text: &str) -> Vec<QuoteSpan> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let prev_alnum = |i: usize| i > 0 && chars[i - 1].1.is_alphanumeric();
    let next_alnum = |i: usize| i + 1 < n && chars[i + 1].1.is_alphanumeric();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let (pos, c) = chars[i];
        let double = is_open_double(c);
        let single = c == '\u{2018}' || (c == '\'' && !prev_alnum(i) && next_alnum(i));
        let opening = if c == '"' {
            // a straight double quote opens when not glued to a word on its left
            !prev_alnum(i) && i + 1 < n && !chars[i + 1].1.is_whitespace()
        } else {
            double || single
        };
        if !opening {
            i += 1;
            continue;
        }
        // find the closing mark
        let mut j = i + 1;
        let mut close: Option<usize> = None;
        // a plural possessive-looking close ("buildings’ in"), used when no
        // clear close comes before the sentence ends
        let mut fallback: Option<usize> = None;
        // quotes longer than this are unclosed marks, not quotes
        let limit = (i + MAX_QUOTE_CHARS).min(n);
        while j < limit {
            let d = chars[j].1;
            if let Some(f) = fallback {
                if matches!(d, '.' | '!' | '?') && (j + 1 >= n || chars[j + 1].1.is_whitespace()) {
                    close = Some(f);
                    break;
                }
            }
            if double {
                if is_close_double(d) && j > i + 1 {
                    close = Some(j);
                    break;
                }
                if d == '\u{201c}' && j > i + 1 {
                    // a new opening mark: the first quote runs on without a close
                    break;
                }
            } else {
                let closing_single = (d == '\u{2019}' || d == '\'')
                    && !next_alnum(j)
                    && j > 0
                    && !chars[j - 1].1.is_whitespace();
                // "the Russians’ court": a plural possessive is not a close
                let possessive = closing_single
                    && chars[j - 1].1 == 's'
                    && j + 2 < n
                    && chars[j + 1].1 == ' '
                    && chars[j + 2].1.is_lowercase()
                    && !is_after_punct(&chars, j);
                if possessive {
                    fallback = fallback.or(Some(j));
                } else if closing_single || d == '\u{201d}' {
                    close = Some(j);
                    break;
                }
                if d == '\u{2018}' {
                    break;
                }
            }
            j += 1;
        }
        if close.is_none() {
            close = fallback;
        }
        let words_start = pos + c.len_utf8();
        match close {
            Some(j) => {
                let (cpos, cc) = chars[j];
                out.push(QuoteSpan {
                    open: pos,
                    words_start,
                    words_end: cpos,
                    end: cpos + cc.len_utf8(),
                    runs_on: false,
                });
                i = j + 1;
            }
            None if !double => {
                // an unclosed single mark is an apostrophe ("'90s")
                i += 1;
            }
            None => {
                let j = j.min(n);
                // an unclosed quote at the start of a block runs to its end
                // (multi-paragraph quotes); elsewhere only to the next opening mark
                let stop = if j < n { chars[j].0 } else { text.len() };
                if stop > words_start && (text[..pos].trim().is_empty() || j >= n) {
                    out.push(QuoteSpan {
                        open: pos,
                        words_start,
                        words_end: stop,
                        end: stop,
                        runs_on: true,
                    });
                }
                i = j.max(i + 1);
            }
        }
    }
    out
}

fn is_after_punct(chars: &[(usize, char)], j: usize) -> bool {
    j >= 2 && matches!(chars[j - 2].1, '.' | ',' | '!' | '?')
}

/// Byte range of the sentence of `text` containing `at` (the whole text when none).
fn sentence_range(sents: &[(usize, usize)], text: &str, at: usize) -> (usize, usize) {
    // sentences are sorted and disjoint: the first ending after `at`
    let i = sents.partition_point(|&(_, b)| b <= at);
    match sents.get(i) {
        Some(&(a, b)) if at >= a => (a, b),
        _ => (0, text.len()),
    }
}

/// Start of the last `max` bytes (or fewer) of `text[from..to]`, on a char boundary.
fn tail_start(text: &str, from: usize, to: usize, max: usize) -> usize {
    let mut s = from.max(to.saturating_sub(max));
    while s < to && !text.is_char_boundary(s) {
        s += 1;
    }
    s
}

/// A block with its text and sentence ranges.
type BlockSents<'a> = (Block, &'a str, Vec<(usize, usize)>);

struct DocCtx<'a> {
    doc: usize,
    blocks: Vec<BlockSents<'a>>,
    mentions: &'a [Mention],
}

impl DocCtx<'_> {
    fn mentions_in(&self, block: Block, a: usize, b: usize) -> impl Iterator<Item = &Mention> {
        // mentions are sorted by start; none is longer than MAX_MENTION bytes
        let from = a.saturating_sub(MAX_MENTION);
        let lo = self
            .mentions
            .partition_point(|m| (m.block, m.start()) < (block, from));
        self.mentions[lo..]
            .iter()
            .take_while(move |m| m.block == block && m.start() < b)
            .filter(move |m| m.end() > a)
    }
}

fn is_person(actors: &ActorIndex, m: &Mention) -> bool {
    actors
        .actors
        .get(m.actor())
        .is_some_and(|a| a.kind == ActorKind::Person)
}

fn possessive_after(text: &str, end: usize) -> bool {
    let rest = &text[end.min(text.len())..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// The most recent person named as a subject before byte `at` of block `bi`.
/// Returns the actor and where it is named (block index, byte).
fn resolve_pronoun(
    ctx: &DocCtx,
    actors: &ActorIndex,
    bi: usize,
    at: usize,
) -> Option<(usize, (usize, usize))> {
    // same sentence: the last person named before the pronoun
    let (block, text, sents) = &ctx.blocks[bi];
    let (sa, _) = sentence_range(sents, text, at);
    if let Some(m) = ctx
        .mentions_in(*block, sa, at)
        .filter(|m| m.end() <= at && is_person(actors, m) && !possessive_after(text, m.end()))
        .last()
    {
        return Some((m.actor(), (bi, m.start())));
    }
    // "A spokesman for the Defense Ministry stated that ... his team found"
    if let Some(m) = ctx
        .mentions_in(*block, sa, at)
        .find(|m| m.end() <= at && !possessive_after(text, m.end()))
    {
        if ROLE_RE.is_match(&text[sa..m.start()]) {
            return Some((m.actor(), (bi, m.start())));
        }
    }
    // preceding sentences: the first person named in each (its subject)
    let mut steps = 0;
    let mut b = bi as isize;
    let mut limit = sa;
    let mut blocks_seen = 0;
    while b >= 0 && steps < 8 && blocks_seen < 4 {
        blocks_seen += 1;
        let (block, text, sents) = &ctx.blocks[b as usize];
        let upto = sents.partition_point(|&(_, e)| e <= limit);
        for &(a, e) in sents[..upto].iter().rev() {
            steps += 1;
            if let Some(m) = ctx
                .mentions_in(*block, a, e)
                .find(|m| is_person(actors, m) && !possessive_after(text, m.end()))
            {
                return Some((m.actor(), (b as usize, m.start())));
            }
            if steps >= 8 {
                break;
            }
        }
        b -= 1;
        if b >= 0 {
            limit = ctx.blocks[b as usize].1.len();
        }
    }
    None
}

/// Words of `s` with their byte offsets.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut v = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || matches!(c, '-' | '\'' | '\u{2019}' | '.');
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                v.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        v.push((st, &s[st..]));
    }
    v
}

/// The speaker's words in `seg` (the text just before a speech verb): the
/// last comma-separated segment, stepping back over an appositive
/// ("Samir al-Haddad, head of the rescue service, said"). Returns a byte range
/// within `seg`.
fn subject_before(seg: &str) -> Option<(usize, usize)> {
    let trimmed_end = seg.trim_end().len();
    let mut end = trimmed_end;
    // drop auxiliaries/adverbs between subject and verb ("Novak also said")
    loop {
        let ws = words(&seg[..end]);
        match ws.last() {
            Some(&(st, w)) if NOT_SPEAKER_TAIL.contains(&w.to_lowercase().as_str()) => {
                end = seg[..st].trim_end().len();
            }
            _ => break,
        }
    }
    let body = &seg[..end];
    let body_trim = body.trim_end_matches([',', ' ']);
    let mut seg_start = body_trim
        .rfind([',', ';', ':', '(', '\u{201d}', '"', '\u{2014}', '\u{2013}'])
        .map(|i| i + body_trim[i..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    let segment = body_trim[seg_start..].trim();
    if segment.is_empty() {
        return None;
    }
    let first = words(segment)
        .first()
        .map(|w| w.1.to_lowercase())
        .unwrap_or_default();
    // appositive: ", the director of ..., said" after a capitalised name
    if body_trim[..seg_start].trim_end().ends_with(',')
        && (matches!(
            first.as_str(),
            "the" | "a" | "an" | "head" | "who" | "chief"
        ) || segment.chars().next().is_some_and(|c| c.is_lowercase())
            // an age: "Maria Lopez, 54, said"
            || segment.chars().all(|c| c.is_ascii_digit()))
    {
        let prev = body_trim[..seg_start].trim_end().trim_end_matches(',');
        let ps = prev
            .rfind([',', ';', ':', '(', '\u{201d}', '"'])
            .map(|i| i + prev[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let name = prev[ps..].trim();
        let nw = words(name);
        let looks_name = !nw.is_empty()
            && nw.len() <= 6
            && !PREPOSITIONS.contains(&nw[0].1.to_lowercase().as_str())
            && nw
                .iter()
                .any(|(_, w)| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if looks_name {
            let s = ps + (prev[ps..].len() - prev[ps..].trim_start().len());
            return Some((s, s + name.len()));
        }
    }
    // a subordinate clause ahead of the verb: "... in what he called",
    // "the deal, which Petrov called": the subject follows the clause word
    if let Some(&(st, w)) = words(&body_trim[seg_start..])
        .iter()
        .rev()
        .find(|(_, w)| CLAUSE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        let after = seg_start + st + w.len();
        if !body_trim[after..].trim().is_empty() {
            seg_start = after;
        }
    }
    // keep at most the last eight words
    let ws = words(&body_trim[seg_start..]);
    if ws.len() > 8 {
        seg_start += ws[ws.len() - 8].0;
    }
    let s = seg_start + (body_trim[seg_start..].len() - body_trim[seg_start..].trim_start().len());
    let e = body_trim.trim_end().len();
    (s < e).then_some((s, e))
}

/// The speaker's words after a verb ("said Samir al-Haddad, head of ...").
fn subject_after(rest: &str) -> Option<(usize, usize)> {
    let lead = rest.len() - rest.trim_start().len();
    let r = &rest[lead..];
    let mut end = r
        .find([',', '.', ';', ':', '(', '\u{201c}', '"'])
        .unwrap_or(r.len());
    // stop at a lowercase time/place preposition ("said Novak on Wednesday"),
    // not at "for"/"of" ("said a spokesman for the ministry")
    for (st, w) in words(&r[..end]) {
        if st > 0 && PREPOSITIONS.contains(&w) && !matches!(w, "for" | "of" | "to") {
            end = st;
            break;
        }
    }
    let s = r[..end].trim_end();
    if s.is_empty() || words(s).len() > 8 {
        return None;
    }
    Some((lead, lead + s.len()))
}

/// The subject of the sentence starting at `sa` of block `bi`: its first
/// mention before `until` or a sentence-initial pronoun.
fn sentence_subject(ctx: &DocCtx, bi: usize, sa: usize, until: usize) -> Option<Attribution> {
    let (block, text, _) = &ctx.blocks[bi];
    let first_word = words(&text[sa..until]).first().map(|w| (w.0, w.1));
    if let Some((off, w)) = first_word {
        if PRONOUNS.contains(&w.to_lowercase().as_str()) {
            return Some(Attribution {
                block_idx: bi,
                start: sa + off,
                end: sa + off + w.len(),
            });
        }
    }
    ctx.mentions_in(*block, sa, until)
        .find(|m| !possessive_after(text, m.end()) && m.start() >= sa)
        .map(|m| Attribution {
            block_idx: bi,
            start: m.start(),
            end: m.end(),
        })
}

/// The latest non-pronoun attribution of an article.
#[derive(Debug, Clone, Copy)]
struct LastSpeaker {
    /// (block index, byte) of the speaker's words.
    at: (usize, usize),
    speaker: Option<usize>,
}

struct Attribution {
    block_idx: usize,
    start: usize,
    end: usize,
}

/// The speaker of an attribution. `last` is the latest earlier non-pronoun
/// attribution of the article (where, and whom it resolved to): a pronoun
/// refers to it unless a person is named as a subject after it.
fn resolve_speaker(
    ctx: &DocCtx,
    actors: &ActorIndex,
    att: &Attribution,
    last: Option<LastSpeaker>,
) -> (Option<usize>, Option<String>) {
    let (block, text, _) = &ctx.blocks[att.block_idx];
    let words_text = text[att.start..att.end].trim();
    if words_text.is_empty() {
        return (None, None);
    }
    let words_text = words_text.trim_start_matches(|c: char| !c.is_alphanumeric());
    if words_text.is_empty() {
        return (None, None);
    }
    let mut st = Some(words_text.to_string());
    let lw: Vec<String> = words(words_text)
        .iter()
        .map(|w| w.1.to_lowercase())
        .collect();
    // a pronoun subject ("he", "his team")
    if lw.first().is_some_and(|w| PRONOUNS.contains(&w.as_str())) {
        let named = resolve_pronoun(ctx, actors, att.block_idx, att.start);
        let recent = last.filter(|l| l.at.0 + 2 >= att.block_idx);
        return match (named, recent) {
            (Some((_, at)), Some(l)) if l.at > at => (l.speaker, st),
            (None, Some(l)) => (l.speaker, st),
            (n, _) => (n.map(|n| n.0), st),
        };
    }
    // "a source close to the Kremlin", "people familiar with the talks": unnamed
    let lower = words_text.to_lowercase();
    if lower.contains("close to") || lower.contains("familiar with") {
        return (None, st);
    }
    let ms: Vec<&Mention> = ctx.mentions_in(*block, att.start, att.end).collect();
    let own = |m: &&&Mention| !possessive_after(text, m.end());
    if let Some(m) = ms
        .iter()
        .filter(own)
        .find(|m| is_person(actors, m))
        .or_else(|| ms.iter().rev().find(|m| own(m)))
        .or_else(|| ms.last())
    {
        // long attribution clauses: keep just the naming words
        let span_start = att.end - words_text.len();
        if words(words_text).len() > 6 {
            st = Some(text[m.start()..m.end()].to_string());
        } else if m.end() <= att.end && words(&text[m.end()..att.end]).len() >= 2 {
            // "Yildirim gave no specifics": the name without what follows it
            st = Some(text[span_start.min(m.start())..m.end()].trim().to_string());
        }
        return (Some(m.actor()), st);
    }
    (actors.resolve(words_text), st)
}

/// "the official" / "the spokesman": the speaker of the latest quote of the
/// article attributed through the same role word to a resolved actor.
fn role_anaphor(speaker_text: &str, earlier: &[Quote], doc: usize) -> Option<usize> {
    let l = speaker_text.to_lowercase();
    let role = l.strip_prefix("the ")?;
    if !matches!(
        role,
        "official" | "spokesman" | "spokeswoman" | "spokesperson" | "representative"
    ) {
        return None;
    }
    earlier
        .iter()
        .rev()
        .take_while(|q| q.doc == doc)
        .find(|q| {
            q.speaker.is_some()
                && q.speaker_text
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w == role))
        })
        .and_then(|q| q.speaker)
}

/// "the group" / "the company" / "the ministry": the body named as the subject
/// of one of the few sentences before (its first mention that is not a person).
fn body_anaphor(
    ctx: &DocCtx,
    actors: &ActorIndex,
    speaker_text: &str,
    bi: usize,
    at: usize,
) -> Option<usize> {
    let l = speaker_text.to_lowercase();
    let noun = l.strip_prefix("the ")?;
    if !matches!(
        noun,
        "group"
            | "organisation"
            | "organization"
            | "company"
            | "firm"
            | "agency"
            | "ministry"
            | "department"
            | "government"
            | "monitor"
            | "charity"
            | "party"
            | "army"
            | "military"
            | "movement"
            | "militia"
            | "council"
            | "commission"
            | "committee"
            | "bank"
            | "network"
            | "newspaper"
    ) {
        return None;
    }
    let body = |m: &&Mention| {
        actors
            .actors
            .get(m.actor())
            .is_some_and(|a| a.kind != ActorKind::Person)
    };
    let mut steps = 0;
    let mut b = bi;
    let mut limit = at;
    loop {
        let (block, text, sents) = &ctx.blocks[b];
        let upto = sents.partition_point(|&(s, _)| s < limit);
        for &(a, e) in sents[..upto].iter().rev() {
            steps += 1;
            let e = e.min(limit);
            let first = ctx
                .mentions_in(*block, a, e)
                .find(|m| m.start() >= a && !possessive_after(text, m.end()));
            if let Some(m) = first.filter(body) {
                return Some(m.actor());
            }
            if steps >= 4 {
                return None;
            }
        }
        if b == 0 || bi - b >= 2 {
            return None;
        }
        b -= 1;
        limit = ctx.blocks[b].1.len();
    }
}

/// A short quoted word used as a modifier: the winning "no" camp.
fn modifier_use(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    w.chars().next().is_some_and(|c| c.is_lowercase())
        && !VERB_RE.is_match(&w)
        && !PREPOSITIONS.contains(&w.as_str())
        && !FRAGMENT_FOLLOWERS.contains(&w.as_str())
}

/// Words that may follow a short quoted fragment of speech ("no information"
/// about ...), unlike the noun a scare-quoted modifier precedes.
const FRAGMENT_FOLLOWERS: &[&str] = &[
    "that", "which", "or", "near", "into", "because", "about", "over", "against", "between",
    "through", "despite", "amid", "until", "towards", "toward", "if", "unless", "so", "than",
];

/// Does the quoted text look like a title or scare quote rather than speech?
fn is_scare_or_title(q: &str) -> bool {
    let ws: Vec<&str> = q.split_whitespace().collect();
    if ws.is_empty() {
        return true;
    }
    if ws.len() <= 4 {
        let caps = ws
            .iter()
            .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
            .count();
        if caps == ws.len() && !q.ends_with(['.', '!', '?', ',']) {
            return true;
        }
    }
    false
}

/// Find the direct quotes of every article and resolve their speakers.
pub fn extract_quotes(docs: &[DocText], actors: &ActorIndex) -> Vec<Quote> {
    // per article, in parallel (each article's result is its own)
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, doc)| doc_quotes(d, doc, actors))
        .collect()
}

/// The quotes of article `d`. They depend on its text, its mentions with
/// their actors' kinds, and the actor lookup ([`ActorIndex::resolve`]).
pub fn doc_quotes(d: usize, doc: &DocText, actors: &ActorIndex) -> Vec<Quote> {
    let mut out = Vec::new();
    let ctx = DocCtx {
        doc: d,
        blocks: doc
            .blocks()
            .into_iter()
            .map(|(b, t)| (b, t, crate::text::sentences(t)))
            .collect(),
        // in (block, start) order, as the index keeps them
        mentions: actors.doc_mentions(d),
    };
    extract_doc(&ctx, actors, &mut out);
    out
}

fn extract_doc(ctx: &DocCtx, actors: &ActorIndex, out: &mut Vec<Quote>) {
    let last = &mut None;
    // a quote left open at the end of a paragraph, with its speaker: the next
    // paragraph's opening quote continues it (multi-paragraph quotes)
    let mut carry: Option<(usize, Option<usize>, Option<String>)> = None;
    for bi in 0..ctx.blocks.len() {
        let carried = carry.take().filter(|c| c.0 + 1 == bi);
        let (block, text, sents) = &ctx.blocks[bi];
        if *block == Block::Title {
            continue;
        }
        let spans = quote_spans(text);
        let mut prev: Option<(QuoteSpan, Option<usize>, Option<String>)> = None;
        for sp in spans {
            let raw = &text[sp.words_start..sp.words_end];
            let qtext = raw
                .trim()
                .trim_end_matches([',', ' ', '\u{2014}', '\u{2013}', '-'])
                .trim();
            if qtext.is_empty() || is_scare_or_title(qtext) {
                continue;
            }
            let nwords = qtext.split_whitespace().count();
            if nwords <= 2 && !sp.runs_on && modifier_use(&text[sp.end..]) {
                continue;
            }
            let (sa, _) = sentence_range(sents, text, sp.open);
            let (_, se_close) = sentence_range(sents, text, sp.end.saturating_sub(1).max(sp.open));
            let mut att: Option<Attribution> = None;
            // 1. after the quote: “...,” Novak said / said Novak / he added
            let ends_stop = raw.trim_end().ends_with('.') && !raw.trim_end().ends_with("...");
            let intro = {
                let from = prev.as_ref().map_or(sa, |p| p.0.end.max(sa)).min(sp.open);
                let from = tail_start(text, from, sp.open, MAX_BEFORE);
                let before = text[from..sp.open].trim_end_matches([' ', ':', ',', '\u{a0}']);
                VERB_RE
                    .find_iter(before)
                    .last()
                    .is_some_and(|v| v.end() == before.len() && !v.as_str().ends_with("ing"))
                    && text[from..sp.open].trim_end().ends_with([':', ','])
            };
            if !sp.runs_on && !intro {
                let after_lim = se_close.max(sp.end).min(text.len());
                let after = &text[sp.end..after_lim];
                if let Some(c) = AFTER_RE.captures(after) {
                    let subj = c.get(1).expect("group 1");
                    let verb = c.get(2).expect("group 2");
                    let sub_txt = subj.as_str().trim().trim_end_matches(',');
                    let first = sub_txt
                        .split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    let clause = matches!(
                        first.as_str(),
                        "and"
                            | "but"
                            | "or"
                            | "then"
                            | "which"
                            | "who"
                            | "that"
                            | "as"
                            | "while"
                            | "after"
                            | "before"
                            | "when"
                            | "because"
                            | "so"
                            | "if"
                    ) || (verb.as_str().ends_with("ing")
                        && !verb.as_str().contains("quoted"));
                    let vs = verb.as_str();
                    let quoted_as = sub_txt
                        .find(" quoted ")
                        .filter(|_| vs == "saying" && sub_txt.ends_with(" as"));
                    if let Some(qi) = quoted_as {
                        // "Reuters quoted Novak as saying": the name between
                        let s = sp.end
                            + subj.start()
                            + (subj.as_str().len() - subj.as_str().trim_start().len())
                            + qi
                            + " quoted ".len();
                        let e = sp.end + subj.start() + subj.as_str().trim_end().len();
                        let e = e.saturating_sub(" as".len()).max(s);
                        att = Some(Attribution {
                            block_idx: bi,
                            start: s,
                            end: e,
                        });
                    } else if clause {
                        // “...” and accused ...: not an attribution of this quote
                    } else if vs.starts_with("quoted h") || vs.starts_with("quoted t") {
                        // "BBC quoted him as saying": the pronoun is the speaker
                        let s = sp.end + verb.start() + "quoted ".len();
                        let e = s + vs["quoted ".len()..].find(' ').unwrap_or(0);
                        att = Some(Attribution {
                            block_idx: bi,
                            start: s,
                            end: e,
                        });
                    } else if !sub_txt.is_empty() {
                        if !ends_stop || sub_txt.split_whitespace().count() <= 4 {
                            let s = sp.end + subj.start();
                            let s = s + (text[s..].len() - text[s..].trim_start().len());
                            att = Some(Attribution {
                                block_idx: bi,
                                start: s,
                                end: s + sub_txt.len(),
                            });
                        }
                    } else if !ends_stop {
                        let vend = sp.end + verb.end();
                        if let Some((a, b)) = subject_after(&text[vend..]) {
                            att = Some(Attribution {
                                block_idx: bi,
                                start: vend + a,
                                end: vend + b,
                            });
                        }
                    }
                }
            }
            // 2. before the quote in its sentence: Novak said: “...”
            if att.is_none() {
                let from = prev.as_ref().map_or(sa, |p| p.0.end.max(sa)).min(sp.open);
                let from = tail_start(text, from, sp.open, MAX_BEFORE);
                let before = &text[from..sp.open];
                if let Some(v) = VERB_RE.find_iter(before).last() {
                    let seg = &text[from..from + v.start()];
                    let participle = v.as_str().ends_with("ing");
                    let sub = if participle {
                        None
                    } else {
                        subject_before(seg)
                    };
                    if let Some((a, b)) = sub {
                        att = Some(Attribution {
                            block_idx: bi,
                            start: from + a,
                            end: from + b,
                        });
                    } else {
                        // "..., saying “...”": the subject of the sentence
                        att = sentence_subject(ctx, bi, sa, from + v.start());
                    }
                }
            }
            // 2b. a quote that is a sentence of its own after "X said he ...".
            if att.is_none() && text[sa..sp.open].trim().is_empty() && sa > 0 {
                let k = sents.partition_point(|&(_, e)| e <= sa);
                if let Some(&(pa, _)) = k.checked_sub(1).and_then(|k| sents.get(k)) {
                    let pa = tail_start(text, pa, sa, MAX_BEFORE);
                    let psent = &text[pa..sa];
                    if let Some(v) = VERB_RE.find(psent) {
                        if !v.as_str().ends_with("ing") && v.as_str() != "according to" {
                            if let Some((a, b)) = subject_before(&psent[..v.start()]) {
                                att = Some(Attribution {
                                    block_idx: bi,
                                    start: pa + a,
                                    end: pa + b,
                                });
                            }
                        }
                    }
                }
            }
            // 3. a quote opening its paragraph after a "said:" / "found:" line
            if att.is_none() && text[..sp.open].trim().is_empty() && bi > 0 {
                let (_, ptext, psents) = &ctx.blocks[bi - 1];
                if ptext.trim_end().ends_with(':') {
                    let (pa, pe) = psents.last().copied().unwrap_or((0, ptext.len()));
                    let pa = tail_start(ptext, pa, pe, MAX_BEFORE);
                    let last = &ptext[pa..pe];
                    let cut = last.trim_end().trim_end_matches(':');
                    let vend = VERB_RE
                        .find_iter(cut)
                        .last()
                        .map(|v| v.start())
                        .unwrap_or_else(|| {
                            // "his team found:" without a known verb: drop the last word
                            cut.rfind(' ').unwrap_or(0)
                        });
                    if let Some((a, b)) = subject_before(&cut[..vend]) {
                        att = Some(Attribution {
                            block_idx: bi - 1,
                            start: pa + a,
                            end: pa + b,
                        });
                    }
                }
            }
            let (mut speaker, mut speaker_text) = match &att {
                Some(a) => resolve_speaker(ctx, actors, a, *last),
                None => (None, None),
            };
            if let (Some(a), Some(st)) = (&att, &speaker_text) {
                let first = words(st).first().map(|w| w.1.to_lowercase());
                if !first.is_some_and(|w| PRONOUNS.contains(&w.as_str())) {
                    *last = Some(LastSpeaker {
                        at: (a.block_idx, a.start),
                        speaker,
                    });
                }
            }
            // 4. “A,” he said. “B.”: B continues the previous quote of the paragraph
            if att.is_none() {
                if let Some((p, ps, pst)) = &prev {
                    let between = &text[p.end..sp.open];
                    if between.len() < 80 && VERB_RE.is_match(between) && ps.is_some() {
                        speaker = *ps;
                        speaker_text = pst.clone();
                    }
                }
            }
            // 5. “... (open) / “... : the next paragraph of a running quote
            if att.is_none() && speaker_text.is_none() && text[..sp.open].trim().is_empty() {
                if let Some((_, cs, cst)) = &carried {
                    speaker = *cs;
                    speaker_text = cst.clone();
                }
            }
            // "the official said" after "a Orbitel official said": same speaker;
            // "the group said" after "Amnesty International said": that body
            if speaker.is_none() {
                if let (Some(st), Some(a)) = (speaker_text.as_deref(), &att) {
                    speaker = role_anaphor(st, out, ctx.doc)
                        .or_else(|| body_anaphor(ctx, actors, st, a.block_idx, a.start));
                }
            }
            // fragments are only kept when attributed
            if nwords < 3 && speaker_text.is_none() {
                continue;
            }
            prev = Some((sp, speaker, speaker_text.clone()));
            if sp.runs_on && sp.end >= text.len() && speaker_text.is_some() {
                carry = Some((bi, speaker, speaker_text.clone()));
            }
            out.push(Quote {
                doc: ctx.doc,
                block: *block,
                text: qtext.to_string(),
                speaker,
                speaker_text,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(t: &str) -> Vec<&str> {
        quote_spans(t)
            .into_iter()
            .map(|s| &t[s.words_start..s.words_end])
            .collect()
    }

    #[test]
    fn finds_marks() {
        assert_eq!(spans("He said “a b c,” then"), vec!["a b c,"]);
        assert_eq!(spans("He said \"a b c\" then"), vec!["a b c"]);
        assert_eq!(spans("He said ‘a b c’ then"), vec!["a b c"]);
        assert_eq!(spans("He said ‘a b didn’t c” then"), vec!["a b didn’t c"]);
        assert_eq!(spans("“Runs on to the end"), vec!["Runs on to the end"]);
        assert_eq!(spans("It isn't 'fine' at all"), vec!["fine"]);
        assert!(spans("the Russians’ court and Novak’s plan").is_empty());
        assert_eq!(
            spans("said ‘a number of key buildings’ in the capital. Then ‘x’"),
            vec!["a number of key buildings", "x"]
        );
        assert_eq!(
            spans("in the ‘Russians’ court’ now"),
            vec!["Russians’ court"]
        );
    }

    #[test]
    fn subjects() {
        let s = "Samir al-Haddad, head of the rescue service, ";
        let (a, b) = subject_before(s).unwrap();
        assert_eq!(&s[a..b], "Samir al-Haddad");
        let s = "Secretary of State Jane Novak also ";
        let (a, b) = subject_before(s).unwrap();
        assert_eq!(&s[a..b], "Secretary of State Jane Novak");
        let r = " Novak on Wednesday.";
        let (a, b) = subject_after(r).unwrap();
        assert_eq!(&r[a..b], "Novak");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "“",
            "”",
            "‘’",
            "\"\"",
            "'",
            "“é”",
            "a “b",
            "x ‘é’s” y",
            "“a” “b” “",
        ] {
            let _ = quote_spans(t);
            let _ = subject_before(t);
            let _ = subject_after(t);
        }
    }
}
