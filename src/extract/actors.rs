//! Actors: people, organisations, states and armed groups found in the text,
//! with aliases merged across the corpus.
//!
//! The extractor works in three linear passes over the corpus:
//!
//! 1. **Discovery.** Every block (the title excepted: headlines are Title Case)
//!    is tokenised and cut into *segments*: known world forms (states,
//!    demonyms, capitals, international bodies, outlets), titles and roles,
//!    and runs of capitalised words (with name particles such as `al-`, `de`,
//!    `bin`). Each capitalised run collects evidence from its context: a title
//!    before it, an apposition (`, the director of …`), a speech verb, an age
//!    (`Moreno, 65,`), an honorific, a following group noun (`rebels`), an
//!    abbreviation in brackets, a locative preposition before it (a place)...
//!    Evidence is summed per normalised name over the whole corpus.
//! 2. **Decision.** Names become people, organisations or groups (or places,
//!    or nothing); surnames, first names, particle variants, abbreviations,
//!    state-prefixed organisation names and demonym-led armed forces are
//!    merged into one actor. All maps are hash maps: no all-pairs work.
//! 3. **Linking.** Every block is segmented again with the learned forms;
//!    mentions get exact byte ranges, each article's listed actors are chosen
//!    (a state only when it acts: not `in Syria`, not `U.S. history`), and
//!    place names are collected.

use super::world::{self, BodyKind, StateForm};
use super::{Block, DocText};
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

/// What kind of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    State,
    Group,
}

impl ActorKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::State => "state",
            ActorKind::Group => "group",
        }
    }
}

/// What a person knows about an actor (from `config.yaml`'s `actors:`).
#[derive(Debug, Clone, Default)]
pub struct ActorSpec {
    pub name: String,
    pub kind: Option<ActorKind>,
    pub aliases: Vec<String>,
    pub role: Option<String>,
}

/// An actor of the corpus.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Canonical display name.
    pub name: String,
    pub kind: ActorKind,
    /// Role or title when the text (or config) states one.
    pub role: Option<String>,
    /// Other surface forms seen in the text (canonical name excluded), sorted.
    pub aliases: Vec<String>,
}

/// One mention of an actor in an article. Stored in 32-bit fields: a big
/// corpus has millions of mentions, and no article, block or actor count
/// comes near 2^32.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    doc: u32,
    pub block: Block,
    start: u32,
    end: u32,
    actor: u32,
}

fn to_u32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Mention {
    pub fn new(doc: usize, block: Block, start: usize, end: usize, actor: usize) -> Self {
        Mention {
            doc: to_u32(doc),
            block,
            start: to_u32(start),
            end: to_u32(end),
            actor: to_u32(actor),
        }
    }
    /// Index of the article in the input slice.
    pub fn doc(&self) -> usize {
        self.doc as usize
    }
    /// Byte range of the surface form in the block's text.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Index into [`ActorIndex::actors`].
    pub fn actor(&self) -> usize {
        self.actor as usize
    }
    pub fn set_actor(&mut self, actor: usize) {
        self.actor = to_u32(actor);
    }
}

/// All actors of a corpus, their mentions and each article's places.
#[derive(Debug, Clone, Default)]
pub struct ActorIndex {
    pub actors: Vec<Actor>,
    /// Sorted by (doc, block, start); see [`ActorIndex::mentions`].
    mentions: Vec<Mention>,
    /// Where each article's mentions start in `mentions`, and after the
    /// last article their end: article `d`'s are `doc_start[d]..doc_start[d + 1]`.
    /// Made with the mentions (which are not reordered after: only their
    /// actors are renumbered), so finding an article's mentions is two
    /// reads, not two searches over the corpus's.
    doc_start: Vec<u32>,
    /// Per article: the actors it lists (sorted, unique).
    pub doc_actors: Vec<Vec<usize>>,
    /// Per article: place names (locations that are not actors), sorted, unique.
    pub places: Vec<Vec<String>>,
    /// normalised surface form → actor
    lookup: HashMap<String, usize>,
}

impl ActorIndex {
    /// The actor a surface form ("Holloway", "Mr Holloway", "Moscow", "the Russians",
    /// "Secretary of State Jane Holloway") refers to, if any.
    pub fn resolve(&self, surface: &str) -> Option<usize> {
        let k = lookup_key(surface);
        if k.is_empty() {
            return None;
        }
        if let Some(&a) = self.lookup.get(&k) {
            return Some(a);
        }
        // drop leading words one by one: titles, roles, honorifics
        let words: Vec<&str> = k.split(' ').collect();
        for i in 1..words.len() {
            let tail = words[i..].join(" ");
            if let Some(&a) = self.lookup.get(&tail) {
                return Some(a);
            }
        }
        // drop trailing words: "White House spokesman", "Acme official"
        for i in (1..words.len()).rev() {
            let head = words[..i].join(" ");
            if let Some(&a) = self.lookup.get(&head) {
                return Some(a);
            }
        }
        // a state form ("Syrian", "Moscow") of a state that is an actor
        if let Some(&(si, _)) = world::STATE_FORMS.get(&k) {
            let name = crate::text::norm_key(world::STATES[si].name);
            return self.lookup.get(&name).copied();
        }
        None
    }

    /// Every mention, sorted by (doc, block, start).
    pub fn mentions(&self) -> &[Mention] {
        &self.mentions
    }

    /// Set the mentions of articles `0..docs` (sorted here by (doc, block,
    /// start); a mention of an article past `docs` widens the range), and
    /// index where each article's mentions start. Mentions must not
    /// overlap: [`ActorIndex::mention_at`] relies on it.
    pub fn set_mentions(&mut self, mut mentions: Vec<Mention>, docs: usize) {
        mentions.sort_by_key(|m| (m.doc, m.block, m.start));
        let docs = docs.max(mentions.last().map_or(0, |m| m.doc() + 1));
        let mut doc_start = Vec::with_capacity(docs + 1);
        let mut i = 0;
        for d in 0..=docs {
            while i < mentions.len() && mentions[i].doc() < d {
                i += 1;
            }
            doc_start.push(to_u32(i));
        }
        self.mentions = mentions;
        self.doc_start = doc_start;
    }

    /// The mention covering byte `at` of a block, if any.
    pub fn mention_at(&self, doc: usize, block: Block, at: usize) -> Option<&Mention> {
        let ms = self.doc_mentions(doc);
        let i = ms.partition_point(|m| (m.block, m.start()) <= (block, at));
        // mentions do not overlap: only the last one starting at or before `at` can cover it
        let m = ms.get(i.checked_sub(1)?)?;
        (m.block == block && m.start() <= at && at < m.end()).then_some(m)
    }

    /// A hash of what work on one article reads of the corpus's actors
    /// besides its own mentions: every actor's name and kind, and the
    /// lookup [`ActorIndex::resolve`] reads (every surface form and its
    /// actor). For cache keys, with [`ActorIndex::doc_mentions_into`].
    pub fn digest(&self) -> u128 {
        let mut key = crate::cache::Key::new("actors");
        for a in &self.actors {
            key.str(&a.name).bytes(&[a.kind as u8]);
        }
        let mut pairs: Vec<(&str, usize)> =
            self.lookup.iter().map(|(k, &a)| (k.as_str(), a)).collect();
        pairs.sort_unstable();
        for (k, a) in pairs {
            key.str(k).bytes(&(a as u64).to_le_bytes());
        }
        key.finish()
    }

    /// The mentions of article `doc` as a cache key part: where each is,
    /// and its actor's index (see [`ActorIndex::digest`] for the actors).
    pub fn doc_mentions_into(&self, doc: usize, key: &mut crate::cache::Key) {
        let ms = self.doc_mentions(doc);
        let mut bytes = Vec::with_capacity(8 + ms.len() * 16);
        bytes.extend_from_slice(&(ms.len() as u64).to_le_bytes());
        for m in ms {
            let block = match m.block {
                Block::Title => u32::MAX,
                Block::Dek => u32::MAX - 1,
                Block::Para(i) => i,
            };
            for x in [block, m.start, m.end, m.actor] {
                bytes.extend_from_slice(&x.to_le_bytes());
            }
        }
        key.bytes(&bytes);
    }

    /// The mentions of one article, in order.
    pub fn doc_mentions(&self, doc: usize) -> &[Mention] {
        match (self.doc_start.get(doc), self.doc_start.get(doc + 1)) {
            (Some(&a), Some(&b)) => &self.mentions[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The mentions in one block of an article, in order.
    pub fn block_mentions(&self, doc: usize, block: Block) -> &[Mention] {
        let ms = self.doc_mentions(doc);
        let a = ms.partition_point(|m| m.block < block);
        let b = a + ms[a..].partition_point(|m| m.block <= block);
        &ms[a..b]
    }

    /// Register a surface form for an actor in the lookup table.
    pub fn add_lookup(&mut self, surface: &str, actor: usize) {
        let k = lookup_key(surface);
        if !k.is_empty() {
            self.lookup.entry(k).or_insert(actor);
        }
    }
}

/// Lookup key: `norm_key` without a leading "the", honorific or trailing possessive.
fn lookup_key(surface: &str) -> String {
    let s = surface.trim();
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s);
    let s = s.replace("'s ", " ").replace("\u{2019}s ", " ");
    let mut k = crate::text::norm_key(&s);
    loop {
        let before = k.len();
        for p in ["the ", "mr ", "mrs ", "ms ", "dr ", "miss "] {
            if let Some(r) = k.strip_prefix(p) {
                k = r.to_string();
            }
        }
        if k.len() == before {
            break;
        }
    }
    k
}

// ------------------------------------------------------------------ tokens

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    word: bool,
    /// whitespace before the token
    sp: bool,
    /// followed by a possessive 's (not part of the token)
    poss: bool,
    /// first word of a sentence (or of a quotation, a bullet…)
    init: bool,
}

const ABBR_DOT: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Gen", "Rep", "Gov", "Lt", "Col", "Capt", "Adm", "Maj", "Brig",
    "Sgt", "Prof", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft", "Rev", "Hon", "Gens",
];

/// A text's characters by position, as [`tokenize`] reads them.
trait Chars {
    /// How many characters.
    fn count(&self) -> usize;
    /// The `i`-th character (`i` below [`Chars::count`]).
    fn ch(&self, i: usize) -> char;
    /// Where the `i`-th character starts (the text's length past its end).
    fn off(&self, i: usize) -> usize;
}

/// An ASCII text: a character per byte, read in place.
struct AsciiChars<'a>(&'a [u8]);

impl Chars for AsciiChars<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn ch(&self, i: usize) -> char {
        char::from(self.0[i])
    }
    fn off(&self, i: usize) -> usize {
        i.min(self.0.len())
    }
}

/// Any other text: a table of its characters and where they start.
struct CharTable {
    cs: Vec<(usize, char)>,
    end: usize,
}

impl Chars for CharTable {
    fn count(&self) -> usize {
        self.cs.len()
    }
    fn ch(&self, i: usize) -> char {
        self.cs[i].1
    }
    fn off(&self, i: usize) -> usize {
        self.cs.get(i).map_or(self.end, |x| x.0)
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    // most paragraphs are ASCII: read in place, with no table to build
    if text.is_ascii() {
        tokenize_chars(text, &AsciiChars(text.as_bytes()))
    } else {
        let table = CharTable {
            cs: text.char_indices().collect(),
            end: text.len(),
        };
        tokenize_chars(text, &table)
    }
}

fn tokenize_chars(text: &str, cs: &impl Chars) -> Vec<Tok> {
    let n = cs.count();
    let at = |i: usize| -> Option<char> { (i < n).then(|| cs.ch(i)) };
    let off = |i: usize| -> usize { cs.off(i) };
    let mut out: Vec<Tok> = Vec::new();
    let mut sp = true;
    let mut i = 0;
    while i < n {
        let c = cs.ch(i);
        if c.is_whitespace() {
            sp = true;
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut poss = false;
            let mut j = i;
            loop {
                while j < n && cs.ch(j).is_alphanumeric() {
                    j += 1;
                }
                match at(j) {
                    Some('\'') | Some('\u{2019}') => {
                        let n1 = at(j + 1);
                        if matches!(n1, Some('s') | Some('S'))
                            && !at(j + 2).is_some_and(|c| c.is_alphanumeric())
                        {
                            poss = true;
                            break;
                        }
                        if n1.is_some_and(|c| c.is_alphabetic()) && j - start <= 2 {
                            // O'Brien, N'Djamena
                            j += 1;
                            continue;
                        }
                        if j > start
                            && matches!(cs.ch(j - 1), 's')
                            && !n1.is_some_and(|c| c.is_alphanumeric())
                        {
                            // plural possessive: Reyes'
                            poss = true;
                        }
                        break;
                    }
                    Some('.') => {
                        // initials and dotted acronyms: U.S., U.N., J.
                        let seg_start = text[off(start)..off(j)]
                            .rfind('.')
                            .map_or(off(start), |p| off(start) + p + 1);
                        let seg = &text[seg_start..off(j)];
                        let single_cap =
                            seg.chars().count() == 1 && seg.chars().all(|c| c.is_uppercase());
                        if single_cap {
                            let n1 = at(j + 1);
                            if n1.is_some_and(|c| c.is_uppercase() && c.is_alphabetic())
                                && !at(j + 2).is_some_and(|c| c.is_lowercase())
                            {
                                j += 1;
                                continue;
                            }
                            j += 1; // trailing period of an initial / acronym
                            break;
                        }
                        if ABBR_DOT.contains(&seg) {
                            j += 1;
                        }
                        break;
                    }
                    _ => break,
                }
            }
            let s = off(start);
            let e = off(j);
            out.push(Tok {
                s,
                e,
                word: true,
                sp,
                poss,
                init: false,
            });
            sp = false;
            i = j;
            if poss {
                // skip the apostrophe and the s
                i += if matches!(at(j + 1), Some('s') | Some('S')) {
                    2
                } else {
                    1
                };
            }
            continue;
        }
        out.push(Tok {
            s: off(i),
            e: off(i + 1),
            word: false,
            sp,
            poss: false,
            init: false,
        });
        sp = false;
        i += 1;
    }
    // sentence-initial words
    let mut prev_break = true;
    for t in out.iter_mut() {
        if t.word {
            t.init = prev_break;
            prev_break = false;
        } else {
            let c = text[t.s..t.e].chars().next().unwrap_or(' ');
            prev_break = matches!(
                c,
                '.' | '!'
                    | '?'
                    | ':'
                    | ';'
                    | '"'
                    | '\u{201c}'
                    | '\u{201d}'
                    | '\u{2018}'
                    | '\''
                    | '('
                    | '\u{2022}'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '|'
                    | '['
                    | '*'
            ) || (prev_break && matches!(c, '-' | '\u{2019}'));
        }
    }
    out
}

fn tw<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_upper_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| !c.is_lowercase())
}

fn is_lower_word(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Lowercase hyphen parts that never continue a name ("U.S.-backed").
const HYPHEN_STOP: &[&str] = &[
    "backed",
    "led",
    "based",
    "born",
    "run",
    "held",
    "owned",
    "made",
    "style",
    "era",
    "free",
    "controlled",
    "allied",
    "aligned",
    "linked",
    "funded",
    "friendly",
    "bound",
    "wide",
    "like",
    "type",
    "era",
    "year",
    "old",
    "day",
    "week",
    "month",
];

const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "must",
    "should",
    "may",
    "might",
    "did",
    "does",
    "do",
    "also",
    "later",
    "then",
    "earlier",
    "again",
    "still",
    "now",
    "never",
    "already",
    "immediately",
    "quickly",
    "had",
    "further",
    "formally",
    "previously",
    "reportedly",
    "repeatedly",
    "has",
    "just",
    "not",
];

/// A block written in Title Case or capitals (a headline, a sub-heading, a
/// Title-Case standfirst): capitalisation says nothing about names there.
fn headline_like(text: &str) -> bool {
    /// Words looked at (beyond them the text is a paragraph anyway).
    const MAX_WORDS: usize = 40;
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "as", "by",
        "with", "from", "vs", "is", "be", "are",
    ];
    let mut n = 0;
    let mut caps = 0;
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}') {
        let Some(c) = w.chars().next() else { continue };
        // the small words are ASCII: no other word lowercases to one
        if !c.is_alphabetic() || SMALL.iter().any(|s| w.eq_ignore_ascii_case(s)) {
            continue;
        }
        n += 1;
        if c.is_uppercase() {
            caps += 1;
        } else if (n - caps) * 10 > MAX_WORDS + 1 {
            // too many lower-case words already for 90% capitals
            return false;
        }
        if n > MAX_WORDS {
            break;
        }
    }
    n >= 4 && caps * 4 >= n * 3 && caps * 10 >= n * 9
}

// ------------------------------------------------------------------ segments

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum SegKind {
    /// capitalised run with no known meaning yet
    Name,
    /// capitalised run ending in an organisation head word
    Org,
    /// capitalised run ending in a place head word
    Place,
    State(usize, StateForm),
    Body(usize),
    Title,
    /// a form learned in pass 2 (or from the gazetteer)
    Learned(usize),
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Seg {
    /// token range
    a: usize,
    b: usize,
    kind: SegKind,
}

struct Forms<'a> {
    learned: Option<&'a HashMap<String, usize>>,
    /// the first words of the learned forms (see [`FIRST_WORDS`])
    learned_first: Option<&'a HashSet<String>>,
    /// learned forms that are only a person's surname or first name
    weak: Option<&'a HashSet<String>>,
    title_block: bool,
}

/// The first word of every built-in form (bodies, states, places, titles):
/// a span whose first word is none of these (nor of a learned form) cannot
/// match, so most words are passed over without building their spans' keys.
static FIRST_WORDS: once_cell::sync::Lazy<HashSet<String>> = once_cell::sync::Lazy::new(|| {
    world::BODY_FORMS
        .keys()
        .chain(world::STATE_FORMS.keys())
        .chain(world::PLACE_KEYS.iter())
        .chain(TITLE_KEYS.iter())
        .map(|k| first_word(k).to_string())
        .collect()
});

fn first_word(key: &str) -> &str {
    key.split(' ').next().unwrap_or("")
}

static TITLE_KEYS: once_cell::sync::Lazy<HashSet<String>> = once_cell::sync::Lazy::new(|| {
    world::TITLES
        .iter()
        .map(|t| crate::text::norm_key(t))
        .chain(["pm", "mp", "ceo"].iter().map(|s| s.to_string()))
        .collect()
});

/// Word-token spans starting at token `i`: (end token index exclusive, n words), up to 7 words.
fn spans_from(text: &str, toks: &[Tok], i: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut j = i;
    let mut words = 0;
    while j < toks.len() && words < 7 {
        let t = &toks[j];
        if t.word {
            words += 1;
            ends.push(j + 1);
            if t.poss {
                break;
            }
            j += 1;
            continue;
        }
        // glued hyphen or ampersand between words
        let c = tw(text, t);
        let glue = (c == "-" && !t.sp && toks.get(j + 1).is_some_and(|n| n.word && !n.sp))
            || (c == "&" && toks.get(j + 1).is_some_and(|n| n.word));
        if !glue {
            break;
        }
        j += 1;
    }
    ends
}

fn starts_cap_or_particle(w: &str) -> bool {
    is_cap(w) || world::is_particle(w)
}

/// Try to match a known form at token `i`: (end, kind).
fn match_form(text: &str, toks: &[Tok], i: usize, forms: &Forms) -> Option<(usize, SegKind)> {
    let first = tw(text, &toks[i]);
    let mut keys = crate::text::NormKey::with_capacity(64);
    keys.push_str(first);
    let fw = first_word(keys.as_str());
    if !fw.is_empty()
        && !FIRST_WORDS.contains(fw)
        && !forms.learned_first.is_some_and(|l| l.contains(fw))
    {
        return None; // no form starts with this word
    }
    let ends = spans_from(text, toks, i);
    // each span's key is a prefix of the longest span's: one pass makes them
    let mut key_ends = Vec::with_capacity(ends.len());
    let mut pushed = toks[i].e;
    for &end in &ends {
        let e = toks[end - 1].e;
        if e > pushed {
            keys.push_str(&text[pushed..e]);
            pushed = e;
        }
        key_ends.push(keys.len());
    }
    for (&end, &key_end) in ends.iter().zip(&key_ends).rev() {
        let surface = &text[toks[i].s..toks[end - 1].e];
        let last = tw(text, &toks[end - 1]);
        let key = &keys.as_str()[..key_end];
        let capital_ok =
            (starts_cap_or_particle(first) && (is_cap(last) || end - i == 1)) || forms.title_block;
        if let Some(learned) = forms.learned {
            if capital_ok && is_cap(first) || forms.title_block {
                if let Some(&a) = learned.get(key) {
                    let weak = forms.weak.is_some_and(|w| w.contains(key));
                    if !weak || !glued_to_names(text, toks, i, end) {
                        return Some((end, SegKind::Learned(a)));
                    }
                }
            }
        }
        if capital_ok {
            if let Some(&b) = world::BODY_FORMS.get(key) {
                let body = &world::BODIES[b];
                // short all-caps aliases (AP, UN) must be written in capitals
                let written_upper = std::iter::once(&body.name)
                    .chain(body.aliases.iter())
                    .filter(|f| crate::text::norm_key(f) == key)
                    .all(|f| is_upper_word(f));
                let ok = !written_upper || is_upper_word(surface) || forms.title_block;
                if ok && is_cap(first) {
                    return Some((end, SegKind::Body(b)));
                }
            }
            if let Some(&(si, form)) = world::STATE_FORMS.get(key) {
                let amb = world::is_ambiguous_state_form(surface);
                if is_cap(first) && (!amb || !glued_to_names(text, toks, i, end)) {
                    return Some((end, SegKind::State(si, form)));
                }
            }
        }
        if capital_ok && is_cap(first) && world::PLACE_KEYS.contains(key) {
            return Some((end, SegKind::Place));
        }
        if TITLE_KEYS.contains(key) && !first.chars().all(|c| c.is_uppercase()) || key == "pm" {
            // a capitalised title inside a longer capitalised run of unknown words is
            // more likely part of a name ("General Motors") — handled by org heads
            return Some((end, SegKind::Title));
        }
    }
    None
}

/// Is the span [i, end) glued by spaces to other capitalised words?
fn glued_to_names(text: &str, toks: &[Tok], i: usize, end: usize) -> bool {
    let prev = i
        .checked_sub(1)
        .and_then(|p| toks.get(p))
        .filter(|p| p.word && !p.poss && toks[i].sp);
    let next = toks
        .get(end)
        .filter(|n| n.word && n.sp && !toks[end - 1].poss);
    let capword = |t: &Tok| {
        let w = tw(text, t);
        is_cap(w)
            && !world::is_non_name(w)
            && !TITLE_KEYS.contains(&crate::text::norm_key(w))
            && !world::is_honorific(w)
    };
    prev.is_some_and(|p| capword(p) && !p.init) || next.is_some_and(capword)
}

/// Extend a capitalised name run from token `i`; returns its end.
fn name_run(text: &str, toks: &[Tok], i: usize, forms: &Forms) -> usize {
    let mut j = i + 1;
    loop {
        if toks[j - 1].poss {
            return j;
        }
        let Some(t) = toks.get(j) else { return j };
        if t.word {
            if !t.sp {
                return j;
            }
            let w = tw(text, t);
            let surname_like = matches!(w, "May" | "June" | "April" | "August" | "Will" | "Long")
                && j > i
                && toks[j - 1].word
                && is_cap(tw(text, &toks[j - 1]))
                && !toks.get(j + 1).is_some_and(|n| {
                    n.word
                        && tw(text, n)
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_digit())
                });
            if surname_like {
                j += 1;
                continue;
            }
            if is_cap(w) && !world::is_non_name(w) && !world::is_honorific(w) {
                if match_form(text, toks, j, forms).is_some() {
                    return j;
                }
                j += 1;
                continue;
            }
            if world::is_particle(w) {
                // particle followed by a capitalised word (space or hyphen)
                let k = if toks.get(j + 1).is_some_and(|h| tw(text, h) == "-" && !h.sp) {
                    j + 2
                } else {
                    j + 1
                };
                if toks.get(k).is_some_and(|n| n.word && is_cap(tw(text, n))) {
                    j = k + 1;
                    continue;
                }
            }
            return j;
        }
        let c = tw(text, t);
        if c == "-" && !t.sp {
            if let Some(n) = toks.get(j + 1).filter(|n| n.word && !n.sp) {
                let w = tw(text, n);
                if is_cap(w) || world::is_particle(w) {
                    j += 2;
                    continue;
                }
                if w.chars().count() <= 5
                    && is_lower_word(w)
                    && !HYPHEN_STOP.contains(&w)
                    && w.chars().all(|c| c.is_alphabetic())
                {
                    j += 2;
                    continue;
                }
            }
            return j;
        }
        if c == "&" {
            if let Some(n) = toks.get(j + 1).filter(|n| n.word && is_cap(tw(text, n))) {
                let _ = n;
                j += 2;
                continue;
            }
        }
        return j;
    }
}

fn last_word<'a>(text: &'a str, toks: &[Tok], seg: &Seg) -> &'a str {
    (seg.a..seg.b)
        .rev()
        .map(|k| &toks[k])
        .find(|t| t.word)
        .map_or("", |t| tw(text, t))
}

fn n_words(toks: &[Tok], seg: &Seg) -> usize {
    let mut n = 0;
    let mut k = seg.a;
    while k < seg.b {
        if toks[k].word {
            n += 1;
        }
        k += 1;
    }
    n
}

fn adjacent(toks: &[Tok], left: &Seg, right: &Seg) -> bool {
    left.b == right.a && toks[right.a].sp && !toks[left.b - 1].poss
}

/// Cut a block into segments.
fn segment(text: &str, toks: &[Tok], forms: &Forms) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.word {
            i += 1;
            continue;
        }
        let w = tw(text, t);
        if let Some((end, kind)) = match_form(text, toks, i, forms) {
            segs.push(Seg { a: i, b: end, kind });
            i = end;
            continue;
        }
        let particle_start = world::is_particle(w)
            && toks.get(i + 1).is_some_and(|h| tw(text, h) == "-" && !h.sp)
            && toks.get(i + 2).is_some_and(|n| is_cap(tw(text, n)));
        if forms.title_block && !particle_start {
            i += 1;
            continue;
        }
        if (is_cap(w) && !world::is_non_name(w) && !world::is_honorific(w)) || particle_start {
            if w.chars().all(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            let mut a = i;
            let end = name_run(text, toks, i, forms);
            // qualifiers ("Marxist") are not part of a name
            while a < end && toks[a].word && world::is_qualifier(tw(text, &toks[a])) {
                a += 1;
            }
            if a >= end || !toks[a].word {
                i = end;
                continue;
            }
            let seg = Seg {
                a,
                b: end,
                kind: SegKind::Name,
            };
            let last = last_word(text, toks, &seg);
            let nw = n_words(toks, &seg);
            let nw_full = n_words(
                toks,
                &Seg {
                    a: i,
                    b: end,
                    kind: SegKind::Name,
                },
            );
            let after_form = segs.last().is_some_and(|p: &Seg| {
                matches!(
                    p.kind,
                    SegKind::State(_, StateForm::Demonym)
                        | SegKind::State(_, StateForm::Name)
                        | SegKind::Body(_)
                ) && p.b == a
                    && toks[a].sp
                    && !toks[p.b - 1].poss
            });
            let kind = if nw >= 2 && world::is_place_head(last) {
                SegKind::Place
            } else if (nw_full >= 2 || after_form) && world::is_org_head(last) {
                SegKind::Org
            } else {
                SegKind::Name
            };
            let a2 = if kind == SegKind::Org { i } else { a };
            let (kind, end) = if kind == SegKind::Name
                && !toks[end - 1].poss
                && toks
                    .get(end)
                    .is_some_and(|t| t.word && t.sp && tw(text, t) == "police")
            {
                (SegKind::Org, end + 1) // "Leeds police"
            } else {
                (kind, end)
            };
            segs.push(Seg {
                a: a2,
                b: end,
                kind,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    // organisations absorb adjacent state forms, bodies and capitalised words before
    // them ("Russian Defense Ministry", "International Kenya Contact Group") and
    // "of/for" complements after them ("Observatory for Human Rights").
    let mut out: Vec<Seg> = Vec::with_capacity(segs.len());
    let mut k = 0;
    while k < segs.len() {
        let mut s = segs[k];
        if s.kind == SegKind::Org {
            // "Securities and Exchange Commission", "Food and Drug Administration"
            if let Some(p) = out.last() {
                let and_between = p.b + 1 == s.a
                    && word_at(text, toks, p.b) == Some("and")
                    && p.kind == SegKind::Name
                    && n_words(toks, p) <= 2
                    && !toks[p.b - 1].poss;
                if and_between {
                    s.a = p.a;
                    out.pop();
                }
            }
            while let Some(p) = out.last() {
                let absorbable = matches!(
                    p.kind,
                    SegKind::Name | SegKind::State(..) | SegKind::Body(_) | SegKind::Place
                ) || (p.kind == SegKind::Title && is_cap(tw(text, &toks[p.a])));
                if absorbable && adjacent(toks, p, &s) {
                    s.a = p.a;
                    out.pop();
                } else {
                    break;
                }
            }
            // complements
            loop {
                let mut j = s.b;
                let Some(c) = toks.get(j).filter(|t| t.word && !toks[s.b - 1].poss) else {
                    break;
                };
                let cw = tw(text, c);
                if !matches!(cw, "of" | "for" | "on") {
                    break;
                }
                j += 1;
                if toks.get(j).is_some_and(|t| tw(text, t) == "the") {
                    j += 1;
                }
                match segs.get(k + 1) {
                    Some(n)
                        if n.a == j
                            && matches!(
                                n.kind,
                                SegKind::Name
                                    | SegKind::State(..)
                                    | SegKind::Org
                                    | SegKind::Body(_)
                            ) =>
                    {
                        s.b = n.b;
                        k += 1;
                    }
                    _ => break,
                }
            }
        }
        out.push(s);
        k += 1;
    }
    out
}

// ------------------------------------------------------------------ evidence

#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
struct Cand {
    surface: String,
    surfaces: Vec<(String, u32)>,
    words: Vec<String>,
    n: u32,
    n_mid: u32,
    person: u32,
    org: u32,
    group: u32,
    media: u32,
    place: u32,
    speech: u32,
    the_before: u32,
    pro_it: u32,
    pro_he: u32,
    pro_they: u32,
    acts: u32,
    org_head: bool,
    role: Option<String>,
    abbrs: Vec<String>,
    same_as: Vec<String>,
    /// names coordinated with this one ("both X and Y")
    coord: Vec<String>,
}

fn word_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| t.word).map(|t| tw(text, t))
}

fn punct_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> Option<&'a str> {
    toks.get(i).filter(|t| !t.word).map(|t| tw(text, t))
}

/// Does a lower-case phrase of nouns start at token i? Returns its end.
fn phrase_at(text: &str, toks: &[Tok], i: usize, list: &[&str]) -> Option<usize> {
    let w1 = word_at(text, toks, i)?;
    if !is_lower_word(w1) && !is_upper_word(w1) {
        return None;
    }
    if let Some(w2) = word_at(text, toks, i + 1) {
        let two = format!("{} {}", w1.to_lowercase(), w2.to_lowercase());
        if list.contains(&two.as_str()) {
            return Some(i + 2);
        }
    }
    list.contains(&w1.to_lowercase().as_str()).then_some(i + 1)
}

/// Role phrase words allowed before a title ("former", "regional").
const ROLE_MODIFIERS: &[&str] = &[
    "former", "regional", "special", "senior", "deputy", "acting", "interim", "top", "foreign",
    "then", "chief", "new", "outgoing", "incoming", "his", "her", "their", "its",
];

/// Role text ending at title segment `ti` (inclusive), extended backwards over
/// adjacent state forms, names and modifiers.
fn role_text(text: &str, toks: &[Tok], segs: &[Seg], ti: usize) -> String {
    let title = segs[ti];
    let mut start_tok = title.a;
    let mut si = ti;
    loop {
        // a possessive name before: "Colombia's president"
        if si > 0 {
            let p = segs[si - 1];
            if p.b == start_tok
                && matches!(
                    p.kind,
                    SegKind::State(..)
                        | SegKind::Body(_)
                        | SegKind::Org
                        | SegKind::Name
                        | SegKind::Learned(_)
                        | SegKind::Title
                )
            {
                start_tok = p.a;
                si -= 1;
                continue;
            }
        }
        if start_tok > 0 {
            if let Some(w) = word_at(text, toks, start_tok - 1) {
                if ROLE_MODIFIERS.contains(&w.to_lowercase().as_str())
                    && !matches!(w, "his" | "her" | "their" | "its")
                {
                    start_tok -= 1;
                    continue;
                }
            }
        }
        break;
    }
    let mut end = title.b;
    // "Ambassador to the UN", "envoy to Syria"
    if let Some(w) = word_at(text, toks, end) {
        if w == "to" || w == "of" {
            let mut j = end + 1;
            if word_at(text, toks, j) == Some("the") {
                j += 1;
            }
            if let Some(n) = segs.get(ti + 1) {
                if n.a == j && matches!(n.kind, SegKind::State(..) | SegKind::Body(_)) {
                    end = n.b;
                }
            }
        }
    }
    text[toks[start_tok].s..toks[end - 1].e].to_string()
}

/// The seg index right after a title seg `ti` that names the title holder, if any.
fn title_holder(text: &str, toks: &[Tok], segs: &[Seg], ti: usize) -> Option<usize> {
    let t = segs[ti];
    let mut k = ti + 1;
    let mut j = t.b;
    // "Ambassador to the UN Ivan Petrov", "envoy to Yemen Anna van Dijk"
    if matches!(word_at(text, toks, j), Some("to") | Some("of")) {
        let mut jj = j + 1;
        if word_at(text, toks, jj) == Some("the") {
            jj += 1;
        }
        if let Some(n) = segs.get(k) {
            if n.a == jj && matches!(n.kind, SegKind::State(..) | SegKind::Body(_)) {
                j = n.b;
                k += 1;
            }
        }
    }
    // a second title ("Foreign Minister" after "Russian") or "," before the name
    if punct_at(text, toks, j) == Some(",") {
        j += 1;
    }
    let n = segs.get(k)?;
    (n.a == j && matches!(n.kind, SegKind::Name | SegKind::Learned(_))).then_some(k)
}

const APPOS_PERSON: &[&str] = &[
    "coach",
    "player",
    "goalkeeper",
    "striker",
    "captain",
    "boss",
    "star",
    "singer",
    "actor",
    "actress",
    "author",
    "writer",
    "designer",
    "architect",
    "artist",
    "chef",
    "entrepreneur",
    "investor",
    "billionaire",
    "businessman",
    "businesswoman",
    "politician",
    "priest",
    "pastor",
    "detective",
    "inspector",
    "suspect",
    "victim",
    "survivor",
    "prosecutor",
    "judge",
    "economist",
    "scientist",
    "historian",
    "professor",
    "resident",
    "witness",
    "organiser",
    "organizer",
    "campaigner",
    "blogger",
    "photographer",
    "musician",
    "rapper",
    "director-general",
    "director",
    "head",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "member",
    "mayor",
    "minister",
    "president",
    "official",
    "commander",
    "teacher",
    "doctor",
    "student",
    "resident",
    "activist",
    "founder",
    "chairman",
    "chairwoman",
    "executive",
    "ceo",
    "secretary",
    "ambassador",
    "envoy",
    "father",
    "mother",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
    "senator",
    "governor",
    "professor",
    "lawyer",
    "journalist",
    "reporter",
    "analyst",
    "general",
    "colonel",
    "officer",
    "worker",
    "volunteer",
    "nurse",
    "surgeon",
    "pilot",
    "engineer",
    "farmer",
    "owner",
    "manager",
    "researcher",
    "expert",
    "deputy",
    "mp",
    "lawmaker",
    "candidate",
    "woman",
    "man",
    "girl",
    "boy",
    "coordinator",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
    "mediator",
    "counterpart",
    "premier",
    "chancellor",
    "king",
    "queen",
    "prince",
];

const APPOS_ORG: &[&str] = &[
    "group",
    "organisation",
    "organization",
    "agency",
    "body",
    "company",
    "firm",
    "monitor",
    "charity",
    "network",
    "movement",
    "party",
    "coalition",
    "alliance",
    "outlet",
    "newspaper",
    "broadcaster",
    "channel",
    "service",
    "institute",
    "union",
    "association",
    "foundation",
    "maker",
    "manufacturer",
    "giant",
    "bank",
    "militia",
    "faction",
    "ngo",
];

/// Inspect an apposition starting at token i (after the comma): person/org and its text.
fn apposition(text: &str, toks: &[Tok], i: usize) -> Option<(bool, String)> {
    let mut j = i;
    let mut words = Vec::new();
    while j < toks.len() && words.len() < 14 {
        let t = &toks[j];
        if !t.word {
            let c = tw(text, t);
            if c == "," || c == "." || c == ";" || c == "(" || c == ":" || c == "\u{2014}" {
                break;
            }
            if c != "-" && c != "'" && c != "\u{2019}" {
                break;
            }
            j += 1;
            continue;
        }
        words.push((j, tw(text, t)));
        j += 1;
    }
    if words.is_empty() {
        return None;
    }
    let first = words[0].1.to_lowercase();
    let body: &[(usize, &str)] = if matches!(first.as_str(), "the" | "a" | "an" | "who") {
        &words[1..]
    } else {
        &words[..]
    };
    if first == "who" {
        let v = body.first()?.1;
        if matches!(v, "heads" | "leads" | "runs" | "chairs" | "directs") {
            return Some((
                true,
                text[toks[words[0].0].s..toks[words[words.len() - 1].0].e].to_string(),
            ));
        }
        return None;
    }
    if first == "born" {
        return None;
    }
    // a verb phrase is the rest of the sentence, not an apposition ("…, also met …")
    let lead = body.first()?.1.to_lowercase();
    if AUX.contains(&lead.as_str())
        || world::is_speech_verb(&lead)
        || (lead.ends_with("ed") && lead.len() > 4)
        || matches!(
            lead.as_str(),
            "known" | "and" | "but" | "as" | "which" | "where" | "when"
        )
    {
        return None;
    }
    // the head noun is among the first words (before "of"/"in")
    let mut kind = None;
    for (_, w) in body.iter().take(6) {
        let l = w.to_lowercase();
        if l == "of" || l == "in" || l == "at" || l == "for" || l == "who" || l == "which" {
            break;
        }
        if APPOS_PERSON.contains(&l.as_str()) {
            kind = Some(true);
        } else if APPOS_ORG.contains(&l.as_str()) {
            kind = Some(false);
        }
    }
    let kind = kind?;
    let a = body.first()?.0;
    let b = words.last()?.0;
    Some((kind, text[toks[a].s..toks[b].e].to_string()))
}

fn next_word_lower(
    text: &str,
    toks: &[Tok],
    mut i: usize,
    skip_aux: bool,
) -> Option<(usize, String)> {
    let mut n = 0;
    while let Some(t) = toks.get(i) {
        if !t.word {
            return None;
        }
        let w = tw(text, t).to_lowercase();
        if skip_aux && n < 3 && (AUX.contains(&w.as_str()) || w.ends_with("ly")) {
            i += 1;
            n += 1;
            continue;
        }
        return Some((i, w));
    }
    None
}

/// Is the seg at `si` followed by a speech verb (directly, after auxiliaries, or
/// after a comma-delimited apposition)?
fn speech_after(text: &str, toks: &[Tok], seg: &Seg) -> bool {
    if let Some((_, w)) = next_word_lower(text, toks, seg.b, true) {
        if world::is_speech_verb(&w) {
            return true;
        }
    }
    if punct_at(text, toks, seg.b) == Some(",") {
        // skip an apposition / age up to the next comma
        let mut j = seg.b + 1;
        let mut n = 0;
        while j < toks.len() && n < 16 {
            if !toks[j].word && tw(text, &toks[j]) == "," {
                if let Some((_, w)) = next_word_lower(text, toks, j + 1, true) {
                    return world::is_speech_verb(&w);
                }
                return false;
            }
            if !toks[j].word && matches!(tw(text, &toks[j]), "." | ";" | ":") {
                return false;
            }
            j += 1;
            n += 1;
        }
    }
    false
}

fn speech_before(text: &str, toks: &[Tok], seg: &Seg) -> bool {
    let mut i = seg.a;
    if i > 0 && word_at(text, toks, i - 1).is_some_and(|w| w == "the" || w == "The") {
        i -= 1;
    }
    if i > 1
        && word_at(text, toks, i - 1) == Some("to")
        && word_at(text, toks, i - 2).is_some_and(|w| w.eq_ignore_ascii_case("according"))
    {
        return true;
    }
    i > 0
        && word_at(text, toks, i - 1).is_some_and(|w| {
            matches!(
                w,
                "said" | "says" | "added" | "stated" | "reported" | "warned" | "wrote" | "asked"
            )
        })
}

/// Adjectives between a preposition and a place ("in northern Syria").
const PLACE_ADJECTIVES: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "rebel-held",
    "government-held",
    "war-torn",
    "besieged",
    "neighbouring",
    "neighboring",
    "rural",
    "coastal",
    "occupied",
    "downtown",
    "greater",
    "mainland",
    "upper",
    "lower",
    "inner",
    "outer",
];

fn locative_before(text: &str, toks: &[Tok], seg: &Seg) -> bool {
    let mut i = seg.a;
    let mut skipped = 0;
    while i > 0 && skipped < 2 {
        match word_at(text, toks, i - 1) {
            Some(w) if PLACE_ADJECTIVES.contains(&w.to_lowercase().as_str()) => {
                i -= 1;
                skipped += 1;
            }
            _ => break,
        }
    }
    if i > 0 && word_at(text, toks, i - 1).is_some_and(|w| w == "the") {
        i -= 1;
    }
    if i == 0 {
        return false;
    }
    let Some(w) = word_at(text, toks, i - 1) else {
        return false;
    };
    let w = w.to_lowercase();
    if w == "of" {
        // "the city of Mosul", "north of Rome" — not "chairman of the Joint Chiefs"
        return i >= 2
            && word_at(text, toks, i - 2).is_some_and(|p| {
                matches!(
                    p.to_lowercase().as_str(),
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "city"
                        | "town"
                        | "village"
                        | "outskirts"
                        | "province"
                        | "region"
                        | "capital"
                        | "centre"
                        | "center"
                        | "heart"
                        | "part"
                        | "parts"
                        | "suburbs"
                        | "district"
                        | "streets"
                        | "residents"
                        | "citizens"
                        | "people"
                        | "north-east"
                        | "north-west"
                        | "south-east"
                        | "south-west"
                        | "coast"
                )
            });
    }
    matches!(
        w.as_str(),
        "in" | "near"
            | "at"
            | "from"
            | "across"
            | "outside"
            | "inside"
            | "around"
            | "into"
            | "throughout"
            | "towards"
            | "toward"
            | "over"
            | "above"
            | "within"
            | "downtown"
            | "via"
            | "through"
    )
}

/// Government bodies after a state's possessive ("Russia's Defence Ministry"); a company
/// ("Germany's BioNTech SE") does not make the state act.
const GOV_HEADS: &[&str] = &[
    "federation",
    "association",
    "committee",
    "team",
    "squad",
    "ministry",
    "department",
    "office",
    "council",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "cabinet",
    "army",
    "navy",
    "forces",
    "force",
    "police",
    "guard",
    "guards",
    "agency",
    "bureau",
    "service",
    "services",
    "commission",
    "court",
    "embassy",
    "mission",
    "administration",
    "authority",
    "authorities",
    "directorate",
    "command",
    "gendarmerie",
    "coastguard",
    "intelligence",
    "prosecutor",
    "prosecutors",
    "judiciary",
    "legislature",
];

/// Nouns after a state's possessive that show the state acting ("Russia's reaction").
const POSSESSED_AGENCY: &[&str] = &[
    "lead",
    "departure",
    "exit",
    "allies",
    "partners",
    "troops",
    "invasion",
    "annexation",
    "decision",
    "position",
    "response",
    "reaction",
    "demand",
    "demands",
    "proposal",
    "offer",
    "call",
    "move",
    "plan",
    "refusal",
    "support",
    "involvement",
    "role",
    "statement",
    "announcement",
    "policy",
    "stance",
    "veto",
    "vote",
    "envoy",
    "ambassador",
    "leader",
    "leaders",
    "ministry",
    "foreign",
    "defence",
    "defense",
    "interior",
    "intervention",
    "recognition",
    "withdrawal",
    "sanctions",
    "threat",
    "warning",
    "accusation",
    "denial",
    "bid",
    "efforts",
    "pledge",
    "insistence",
    "backing",
    "approval",
    "rejection",
    "embassy",
    "delegation",
    "negotiators",
    "spokesman",
    "spokeswoman",
    "officials",
    "authorities",
];

/// Is the state name at `seg` followed by a verb-like word or list punctuation (it acts)?
fn acts_after(text: &str, toks: &[Tok], seg: &Seg) -> bool {
    if toks[seg.b - 1].poss {
        // "Turkey's prime minister", "Russia's reaction" — not "Italy's central regions"
        let mut j = seg.b;
        let mut n = 0;
        while let Some(w) = word_at(text, toks, j) {
            let l = w.to_lowercase();
            if world::STATE_GOV_NOUNS.contains(&l.as_str())
                || world::STATE_FORCE_NOUNS.contains(&l.as_str())
                || POSSESSED_AGENCY.contains(&l.as_str())
                || TITLE_KEYS.contains(&crate::text::norm_key(w))
                || GOV_HEADS.contains(&l.as_str())
                || world::ORG_NOUNS.contains(&l.as_str())
                || world::MEDIA_NOUNS.contains(&l.as_str())
            {
                return true;
            }
            n += 1;
            if n >= 4 || !(is_lower_word(w) || is_cap(w)) {
                break;
            }
            j += 1;
        }
        return false;
    }
    match toks.get(seg.b) {
        None => true,
        Some(t) if !t.word => {
            let c = tw(text, t);
            matches!(
                c,
                "," | "." | ";" | ":" | ")" | "\u{201d}" | "\"" | "!" | "?"
            )
        }
        Some(_) => {
            if word_at(text, toks, seg.b).is_some_and(|x| AUX.contains(&x.to_lowercase().as_str()))
            {
                return true; // "Berlin would…", "Moscow has…"
            }
            let Some((_, w)) = next_word_lower(text, toks, seg.b, true) else {
                // a capitalised word: another name
                return false;
            };
            if matches!(
                w.as_str(),
                "and" | "or" | "nor" | "but" | "who" | "which" | "that"
            ) {
                return true;
            }
            if world::STATE_GOV_NOUNS.contains(&w.as_str())
                || world::STATE_FORCE_NOUNS.contains(&w.as_str())
            {
                return true;
            }
            let was_aux = word_at(text, toks, seg.b)
                .is_some_and(|x| AUX.contains(&x.to_lowercase().as_str()));
            was_aux
                || world::is_speech_verb(&w)
                || w.ends_with("ed")
                || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 && !w.ends_with("ics"))
        }
    }
}

struct Discovery {
    cands: HashMap<String, Cand>,
}

/// What one name occurrence tells about its candidate (observed in
/// parallel, applied in document order so the result does not depend on
/// thread scheduling).
#[derive(serde::Serialize, serde::Deserialize)]
struct Obs {
    key: String,
    surface: String,
    words: Vec<String>,
    mid: bool,
    ev: Cand,
    /// the name this one is coordinated with ("X and Y")
    coord: Option<String>,
}

fn apply_obs(cands: &mut HashMap<String, Cand>, o: Obs) {
    let Obs {
        key,
        surface,
        words,
        mid,
        ev,
        coord,
    } = o;
    let c = cands.entry(key.clone()).or_default();
    c.n += 1;
    if mid {
        c.n_mid += 1;
    }
    if let Some(p) = c.surfaces.iter().position(|(s, _)| *s == surface) {
        c.surfaces[p].1 += 1;
    } else if c.surfaces.len() < 8 {
        c.surfaces.push((surface.clone(), 1));
    }
    // canonical surface: not all capitals, most frequent, transliterated with hyphens
    c.surface = c
        .surfaces
        .iter()
        .max_by_key(|(s, n)| {
            (
                !is_upper_word(s),
                *n,
                s.contains('-'),
                std::cmp::Reverse(s.len()),
            )
        })
        .map(|(s, _)| s.clone())
        .unwrap_or(surface);
    if c.words.is_empty() {
        c.words = words;
    }
    c.person += ev.person;
    c.org += ev.org;
    c.group += ev.group;
    c.media += ev.media;
    c.place += ev.place;
    c.speech += ev.speech;
    c.the_before += ev.the_before;
    c.pro_it += ev.pro_it;
    c.pro_he += ev.pro_he;
    c.pro_they += ev.pro_they;
    c.acts += ev.acts;
    c.org_head |= ev.org_head;
    if c.role.is_none() {
        c.role = ev.role;
    }
    for a in ev.abbrs {
        if !c.abbrs.contains(&a) {
            c.abbrs.push(a);
        }
    }
    for a in ev.same_as {
        if !c.same_as.contains(&a) {
            c.same_as.push(a);
        }
    }
    if let Some(other) = coord {
        if c.coord.len() < 4 && !c.coord.contains(&other) {
            c.coord.push(other.clone());
        }
        let oc = cands.entry(other).or_default();
        if oc.coord.len() < 4 && !oc.coord.contains(&key) {
            oc.coord.push(key);
        }
    }
}

fn discover_block(text: &str, out: &mut Vec<Obs>) {
    let toks = tokenize(text);
    let forms = Forms {
        learned: None,
        learned_first: None,
        weak: None,
        title_block: false,
    };
    let segs = segment(text, &toks, &forms);
    let sents = crate::text::sentences(text);
    for (si, seg) in segs.iter().enumerate() {
        match seg.kind {
            SegKind::Name | SegKind::Org => {}
            _ => continue,
        }
        let raw = &text[toks[seg.a].s..toks[seg.b - 1].e];
        let key = crate::text::norm_key(raw);
        let nw = n_words(&toks, seg);
        let mut ev = Cand::default();
        if seg.kind == SegKind::Org {
            ev.org_head = true;
        }
        // title before
        if si > 0
            && segs[si - 1].kind == SegKind::Title
            && title_holder(text, &toks, &segs, si - 1) == Some(si)
        {
            ev.person += 2;
            ev.role = Some(role_text(text, &toks, &segs, si - 1));
        } else if si > 1
            && segs[si - 2].kind == SegKind::Title
            && title_holder(text, &toks, &segs, si - 2) == Some(si)
        {
            ev.person += 2;
            ev.role = Some(role_text(text, &toks, &segs, si - 2));
        }
        // honorific before
        if seg.a > 0 && word_at(text, &toks, seg.a - 1).is_some_and(world::is_honorific) {
            ev.person += 2;
        }
        // apposition after
        if punct_at(text, &toks, seg.b) == Some(",") {
            if let Some(w) = word_at(text, &toks, seg.b + 1) {
                if w.chars().all(|c| c.is_ascii_digit())
                    && punct_at(text, &toks, seg.b + 2) == Some(",")
                {
                    ev.person += 1; // age
                } else if w == "born" {
                    if let Some(n) = segs.get(si + 1).filter(|n| n.a == seg.b + 2) {
                        let s = &text[toks[n.a].s..toks[n.b - 1].e];
                        ev.same_as.push(s.to_string());
                        ev.person += 2;
                    }
                } else if let Some((person, t)) = apposition(text, &toks, seg.b + 1) {
                    if person {
                        ev.person += 2;
                        if ev.role.is_none() {
                            ev.role = Some(t);
                        }
                    } else {
                        ev.org += 2;
                    }
                }
            }
        }
        // apposition before: "The head of the rescue service …, Omar al Nasser,"
        if seg.a > 0 && punct_at(text, &toks, seg.a - 1) == Some(",") && !toks[seg.a].init {
            let mut j = seg.a - 1;
            while j > 0
                && !(toks[j - 1].init || (!toks[j - 1].word && tw(text, &toks[j - 1]) == ","))
            {
                j -= 1;
            }
            let start = if j > 0 && toks[j - 1].init { j - 1 } else { j };
            // only a clause that opens with an article or a role word, not a name
            let opens_ok = word_at(text, &toks, start).is_some_and(|w| {
                matches!(w, "The" | "the" | "A" | "a" | "An" | "an") || is_lower_word(w)
            });
            if let Some((true, t)) = apposition(text, &toks, start).filter(|_| opens_ok) {
                if !t.contains(&text[toks[seg.a].s..toks[seg.b - 1].e]) {
                    ev.person += 2;
                    if ev.role.is_none() {
                        ev.role = Some(t.trim_end_matches(',').to_string());
                    }
                }
            }
        }
        if speech_after(text, &toks, seg) || speech_before(text, &toks, seg) {
            ev.speech += 1;
        }
        // a single name that information is credited to or told to is an outlet or body
        // ("according to Bellingcat", "told Bild"); people come with full names
        if nw == 1 && seg.a > 1 {
            let p1 = word_at(text, &toks, seg.a - 1);
            let p2 = word_at(text, &toks, seg.a - 2);
            if (p1 == Some("to") && p2.is_some_and(|w| w.eq_ignore_ascii_case("according")))
                || (p1 == Some("told") && !toks[seg.b - 1].poss)
            {
                ev.media += 1;
            }
        }
        // a following noun: group, outlet, organisation
        if !toks[seg.b - 1].poss {
            if phrase_at(text, &toks, seg.b, world::GROUP_NOUNS).is_some()
                || (word_at(text, &toks, seg.b) == Some("rebel")
                    && phrase_at(text, &toks, seg.b + 1, world::GROUP_NOUNS).is_some())
            {
                ev.group += 2;
            } else if phrase_at(text, &toks, seg.b, world::MEDIA_NOUNS).is_some() {
                ev.media += 2;
            } else if phrase_at(text, &toks, seg.b, world::ORG_NOUNS).is_some() {
                ev.org += 1;
            } else if let Some(w) = word_at(text, &toks, seg.b) {
                if matches!(w, "administration" | "campaign" | "aides") {
                    ev.person += 1;
                }
            }
        }
        // "X official said", "a Globex spokesman told": X speaks through its people
        if !toks[seg.b - 1].poss {
            if let Some(w) = word_at(text, &toks, seg.b) {
                if matches!(
                    w,
                    "official"
                        | "officials"
                        | "spokesman"
                        | "spokeswoman"
                        | "spokesperson"
                        | "executive"
                        | "executives"
                        | "source"
                        | "sources"
                        | "representative"
                ) {
                    ev.org += 1;
                    if next_word_lower(text, &toks, seg.b + 1, true)
                        .is_some_and(|(_, v)| world::is_speech_verb(&v))
                    {
                        ev.speech += 1;
                    }
                }
            }
        }
        // "Globex's mobile business": what only a company has
        if toks[seg.b - 1].poss {
            for j in seg.b..seg.b + 3 {
                let Some(w) = word_at(text, &toks, j) else {
                    break;
                };
                if matches!(
                    w,
                    "business"
                        | "unit"
                        | "division"
                        | "arm"
                        | "subsidiary"
                        | "shares"
                        | "stock"
                        | "headquarters"
                        | "board"
                        | "employees"
                        | "products"
                        | "customers"
                        | "profits"
                        | "profit"
                        | "revenue"
                        | "sales"
                        | "shareholders"
                        | "brand"
                        | "factory"
                        | "factories"
                        | "chief"
                        | "ceo"
                        | "executives"
                ) {
                    ev.org += 1;
                    break;
                }
                if !is_lower_word(w) {
                    break;
                }
            }
        }
        // subject of a verb ("Globex has begun…")
        if !toks[seg.b - 1].poss {
            if let Some(w) = word_at(text, &toks, seg.b) {
                let l = w.to_lowercase();
                if AUX.contains(&l.as_str()) && !matches!(l.as_str(), "also" | "later" | "then") {
                    ev.acts += 1;
                }
            }
        }
        // "the Revolutionary Front, the RF,": an abbreviation in apposition
        if nw >= 2 && punct_at(text, &toks, seg.b) == Some(",") {
            let mut j = seg.b + 1;
            if word_at(text, &toks, j).is_some_and(|w| w == "the") {
                j += 1;
            }
            if let Some(w) = word_at(text, &toks, j) {
                let end_ok = toks
                    .get(j + 1)
                    .is_none_or(|t| !t.word && matches!(tw(text, t), "," | "." | ")" | ";"));
                if is_upper_word(w) && w.chars().count() <= 8 && end_ok {
                    ev.abbrs.push(w.to_string());
                }
            }
        }
        // "(ABBR)" after
        if punct_at(text, &toks, seg.b) == Some("(")
            && punct_at(text, &toks, seg.b + 2) == Some(")")
        {
            if let Some(w) = word_at(text, &toks, seg.b + 1) {
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                if is_cap(w) && letters >= 2 && !w.chars().all(|c| c.is_ascii_digit()) {
                    if is_upper_word(w) && letters >= 4 && nw == 1 {
                        ev.org += 2; // stock ticker
                    } else if nw >= 2 {
                        ev.abbrs.push(w.to_string());
                        ev.org += 1;
                    }
                }
            }
        }
        // "the X" before a name: organisations take articles, people do not
        if seg.a > 0 && word_at(text, &toks, seg.a - 1).is_some_and(|w| w == "the" || w == "The") {
            ev.the_before += 1;
        }
        if locative_before(text, &toks, seg) {
            ev.place += 1;
        }
        // "Misrata, Libya": a place followed by its country
        if punct_at(text, &toks, seg.b) == Some(",")
            && segs.get(si + 1).is_some_and(|n| {
                n.a == seg.b + 1 && matches!(n.kind, SegKind::State(_, StateForm::Name))
            })
        {
            ev.place += 1;
        }
        // camel-case or all-caps single word: a brand or acronym
        let w0 = tw(text, &toks[seg.a]);
        if nw == 1 && w0.chars().skip(1).any(|c| c.is_uppercase()) && !is_upper_word(w0) {
            ev.org += 1;
        }
        // the next pronoun in the sentence: "Globex says it…", "Novak said he…"
        if !toks[seg.b - 1].poss {
            let here = toks[seg.a].s;
            let end = sents
                .iter()
                .find(|&&(a, b)| here >= a && here < b)
                .map_or(text.len(), |x| x.1);
            let mut k = seg.b;
            let mut seen = 0;
            while k < toks.len() && toks[k].s < end && seen < 12 {
                if toks[k].word {
                    seen += 1;
                    match tw(text, &toks[k]) {
                        "it" | "its" | "itself" => {
                            ev.pro_it += 1;
                            break;
                        }
                        "he" | "his" | "him" | "she" | "her" | "himself" | "herself" => {
                            ev.pro_he += 1;
                            break;
                        }
                        "they" | "their" | "them" | "themselves" => {
                            ev.pro_they += 1;
                            break;
                        }
                        _ => {}
                    }
                    if seen > 1 && is_cap(tw(text, &toks[k])) {
                        break; // another name comes first
                    }
                }
                k += 1;
            }
        }
        // the next sentence starts with "He"/"She": a person
        if toks[seg.a].init && nw == 1 {
            let here = toks[seg.a].s;
            if let Some(&(ns, _)) = sents.iter().find(|&&(a, _)| a > here) {
                let next = &text[ns..];
                if next.starts_with("He ") || next.starts_with("She ") {
                    ev.pro_he += 1;
                }
            }
        }
        // "X and Y": remember the partner (a person partner makes a person)
        let mut coord = None;
        if word_at(text, &toks, seg.b) == Some("and") && !toks[seg.b - 1].poss {
            if let Some(n) = segs.get(si + 1).filter(|n| {
                n.a == seg.b + 1 && matches!(n.kind, SegKind::Name) && !toks[n.b - 1].poss
            }) {
                coord = Some(crate::text::norm_key(&text[toks[n.a].s..toks[n.b - 1].e]));
            }
        }
        out.push(Obs {
            key,
            surface: raw.split_whitespace().collect::<Vec<_>>().join(" "),
            words: (seg.a..seg.b)
                .filter(|&k| toks[k].word)
                .map(|k| tw(text, &toks[k]).to_string())
                .collect(),
            mid: !toks[seg.a].init,
            ev,
            coord,
        });
    }
}

// ------------------------------------------------------------------ decision

#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    Actor(ActorKind),
    Place,
    None,
}

fn verdict(c: &Cand) -> Verdict {
    let nw = c.words.len();
    let strong_person = c.person;
    let org = c.org + c.media;
    if c.org_head {
        let group = c.words.iter().any(|w| world::is_group_head(w)) || c.group > 0;
        return Verdict::Actor(if group {
            ActorKind::Group
        } else {
            ActorKind::Organization
        });
    }
    if nw >= 2 {
        if c.group > 0 && strong_person == 0 {
            return Verdict::Actor(ActorKind::Group);
        }
        if strong_person > 0 && strong_person >= org {
            return Verdict::Actor(ActorKind::Person);
        }
        if org > 0 && (c.speech > 0 || c.media > 0 || org >= 2) {
            return Verdict::Actor(ActorKind::Organization);
        }
        if c.speech > 0 && c.the_before > 0 {
            return Verdict::Actor(ActorKind::Organization);
        }
        let first_is_place = world::STATE_FORMS.contains_key(&crate::text::norm_key(&c.words[0]))
            || world::is_place_name(&c.words[0]);
        if c.speech > 0 && (first_is_place || c.pro_it > c.pro_he) {
            // "Scotland Yard said", "Morgan Stanley said it…"
            return Verdict::Actor(ActorKind::Organization);
        }
        if c.speech > 0 && (c.n_mid > 0 || !looks_like_english_word(&c.words[0])) {
            return Verdict::Actor(ActorKind::Person);
        }
        if c.place > 0 {
            return Verdict::Place;
        }
        return Verdict::None;
    }
    // a single word
    let all_initial = c.n_mid == 0;
    let upper = is_upper_word(&c.surface);
    if c.group > 0 && !all_initial {
        return Verdict::Actor(ActorKind::Group);
    }
    if strong_person >= 2 || (strong_person > 0 && c.speech > 0) {
        return Verdict::Actor(ActorKind::Person);
    }
    // "Democrats said they…": a collective
    let plural = c.surface.ends_with('s') && !c.surface.ends_with("ss") && c.surface.len() > 4;
    if c.speech > 0 && plural && c.pro_they > c.pro_he + c.pro_it && !all_initial {
        return Verdict::Actor(ActorKind::Group);
    }
    if all_initial && !upper {
        // only ever capitalised because it starts a sentence: a name only when it
        // speaks and is referred to by a pronoun ("Globex said it would…")
        let w = c.surface.as_str();
        let namelike =
            !w.ends_with('s') && !world::is_common_noun(w) && !looks_like_english_word(w);
        if namelike && c.speech > 0 && c.place == 0 && (c.pro_it > 0 || c.pro_he > 0) {
            return Verdict::Actor(if c.pro_he > c.pro_it {
                ActorKind::Person
            } else {
                ActorKind::Organization
            });
        }
        return if c.place > 0 {
            Verdict::Place
        } else {
            Verdict::None
        };
    }
    if c.media > 0
        || (org > 0 && (c.speech > 0 || upper))
        || org >= 2
        || (org > 0 && c.acts > 0 && c.place == 0)
    {
        return Verdict::Actor(ActorKind::Organization);
    }
    if c.speech > 0 && c.place == 0 {
        let org_like = org > 0 || c.the_before > 0 || upper || c.pro_it > c.pro_he;
        return Verdict::Actor(if strong_person > 0 || c.pro_he > c.pro_it || !org_like {
            ActorKind::Person
        } else {
            ActorKind::Organization
        });
    }
    if c.place > 0 {
        return Verdict::Place;
    }
    Verdict::None
}

/// A capitalised sentence-initial word that is more likely an English word than a name.
fn looks_like_english_word(w: &str) -> bool {
    let l = w.to_lowercase();
    l.len() > 4
        && (l.ends_with("ing") || l.ends_with("ed") || l.ends_with("ly") || l.ends_with("ness"))
}

/// Name words without particles, lowercased.
fn skeleton(words: &[String]) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|w| !w.is_empty() && !world::is_particle(w))
        .map(crate::text::norm_key)
        .collect()
}

struct Builder {
    idx: ActorIndex,
    learned: HashMap<String, usize>,
    weak: HashSet<String>,
    state_actor: HashMap<usize, usize>,
    body_actor: HashMap<usize, usize>,
    /// actor → state it belongs to (from a role such as "Syrian President")
    actor_state: HashMap<usize, usize>,
    /// ambiguous short forms → candidate actors
    ambiguous: HashMap<String, Vec<usize>>,
    alias_sets: Vec<HashSet<String>>,
    /// merge forwarding: actor → the actor it was merged into
    forward: Vec<usize>,
}

impl Builder {
    /// The actor `a` was merged into (itself when not merged).
    fn find(&self, mut a: usize) -> usize {
        while self.forward[a] != a {
            a = self.forward[a];
        }
        a
    }

    fn new_actor(&mut self, name: &str, kind: ActorKind, role: Option<String>) -> usize {
        self.forward.push(self.idx.actors.len());
        self.idx.actors.push(Actor {
            name: name.to_string(),
            kind,
            role,
            aliases: Vec::new(),
        });
        self.alias_sets.push(HashSet::default());
        self.idx.actors.len() - 1
    }

    fn state(&mut self, si: usize) -> usize {
        if let Some(&a) = self.state_actor.get(&si) {
            return a;
        }
        let key = crate::text::norm_key(world::STATES[si].name);
        let a = match self.learned.get(&key) {
            Some(&a) => a,
            None => self.new_actor(world::STATES[si].name, ActorKind::State, None),
        };
        self.state_actor.insert(si, a);
        a
    }

    fn body(&mut self, b: usize) -> usize {
        if let Some(&a) = self.body_actor.get(&b) {
            return a;
        }
        let body = &world::BODIES[b];
        let key = crate::text::norm_key(body.name);
        let a = match self.learned.get(&key) {
            Some(&a) => a,
            None => {
                let kind = match body.kind {
                    BodyKind::Group => ActorKind::Group,
                    _ => ActorKind::Organization,
                };
                self.new_actor(body.name, kind, None)
            }
        };
        self.body_actor.insert(b, a);
        a
    }
}

/// A digest of the forms pass 2 learned (each with its actor), their first
/// words and the weak ones: what pass 3 segments an article's text with.
fn forms_digest(
    learned: &HashMap<String, usize>,
    learned_first: &HashSet<String>,
    weak: &HashSet<String>,
) -> u128 {
    let mut key = crate::cache::Key::new("actor forms");
    let mut forms: Vec<(&String, &usize)> = learned.iter().collect();
    forms.sort_unstable();
    key.bytes(&(forms.len() as u64).to_le_bytes());
    for (form, id) in forms {
        key.str(form).bytes(&(*id as u64).to_le_bytes());
    }
    for set in [learned_first, weak] {
        let mut words: Vec<&String> = set.iter().collect();
        words.sort_unstable();
        key.bytes(&(words.len() as u64).to_le_bytes());
        for w in words {
            key.str(w);
        }
    }
    key.finish()
}

/// Work over `n` articles a chunk at a time, in order: `make` gives a
/// chunk's results (in parallel), and `take` is handed them with the
/// chunk's range while the next chunk's are made. Memory stays bounded
/// however many articles there are, and `take` may keep state from one
/// article to the next.
fn in_chunks<T: Send>(
    n: usize,
    make: impl Fn(std::ops::Range<usize>) -> T + Sync,
    mut take: impl FnMut(std::ops::Range<usize>, T) + Send,
) {
    const CHUNK: usize = 512;
    let chunk = |d: usize| d..(d + CHUNK).min(n);
    let mut made = (n > 0).then(|| make(chunk(0)));
    let mut d = 0;
    while let Some(this_made) = made.take() {
        let this = chunk(d);
        let next = this.end;
        let (next_made, ()) = rayon::join(
            || (next < n).then(|| make(chunk(next))),
            || take(this, this_made),
        );
        made = next_made;
        d = next;
    }
}

/// Find the actors of a corpus. `gazetteer` entries (from config) add actors,
/// fix kinds and roles, and merge aliases.
pub fn extract_actors(docs: &[DocText], gazetteer: &[ActorSpec]) -> ActorIndex {
    extract_actors_cached(docs, gazetteer, &crate::cache::Cache::off()).0
}

/// [`extract_actors`], reusing from the build cache each article's
/// observations (pass 1, which reads only that article's text) and its
/// segments (pass 3, which read its text and the forms pass 2 learned).
/// Returns the tables' counts and their writes, under way.
pub fn extract_actors_cached(
    docs: &[DocText],
    gazetteer: &[ActorSpec],
    cache: &crate::cache::Cache,
) -> (
    ActorIndex,
    Vec<crate::cache::Counts>,
    Vec<crate::cache::Saving>,
) {
    use crate::cache::Record;
    // ---- pass 1: discovery
    let mut disc = Discovery {
        cands: HashMap::default(),
    };
    let table = cache.table("actors");
    let mut records = Vec::with_capacity(docs.len());
    // observed in parallel, a bounded chunk at a time, applied in order
    // (the next chunk observed while the current one is applied)
    let observe = |chunk: &[DocText]| -> Vec<(Vec<Obs>, (u128, Record))> {
        chunk
            .par_iter()
            .map(|doc| {
                table.memo(
                    doc.key("actors"),
                    |_: &Vec<Obs>| true,
                    || {
                        let mut out = Vec::new();
                        for (block, text) in doc.blocks() {
                            if block == Block::Title || headline_like(text) {
                                continue;
                            }
                            discover_block(text, &mut out);
                        }
                        out
                    },
                )
            })
            .collect()
    };
    in_chunks(
        docs.len(),
        |range| observe(&docs[range]),
        |_, observed| {
            for (obs, rec) in observed {
                records.push(rec);
                for o in obs {
                    apply_obs(&mut disc.cands, o);
                }
            }
        },
    );
    let mut counts = vec![table.report()];
    let mut saving = vec![table.save_later(records)];

    // ---- pass 2: decision
    let mut b = Builder {
        idx: ActorIndex::default(),
        learned: HashMap::default(),
        weak: HashSet::default(),
        state_actor: HashMap::default(),
        body_actor: HashMap::default(),
        actor_state: HashMap::default(),
        ambiguous: HashMap::default(),
        alias_sets: Vec::new(),
        forward: Vec::new(),
    };
    for spec in gazetteer {
        if spec.name.trim().is_empty() {
            continue;
        }
        let key = crate::text::norm_key(&spec.name);
        let state = world::STATE_FORMS.get(&key).map(|x| x.0);
        let body = world::BODY_FORMS.get(&key).copied();
        let default_kind = match (state, body) {
            (Some(_), _) => ActorKind::State,
            (_, Some(bi)) if world::BODIES[bi].kind == BodyKind::Group => ActorKind::Group,
            (_, Some(_)) => ActorKind::Organization,
            _ => ActorKind::Person,
        };
        let id = match b.learned.get(&key) {
            Some(&id) => id,
            None => b.new_actor(
                spec.name.trim(),
                spec.kind.unwrap_or(default_kind),
                spec.role.clone(),
            ),
        };
        if let Some(bi) = body {
            b.body_actor.insert(bi, id);
        }
        if let Some(k) = spec.kind {
            b.idx.actors[id].kind = k;
        }
        if spec.role.is_some() {
            b.idx.actors[id].role = spec.role.clone();
        }
        b.learned.insert(key, id);
        for a in &spec.aliases {
            let k = crate::text::norm_key(a);
            if !k.is_empty() {
                b.learned.insert(k, id);
            }
        }
        if let Some(si) = state {
            b.state_actor.insert(si, id);
        }
    }
    let gaz_count = b.idx.actors.len();

    let mut keys: Vec<&String> = disc.cands.keys().collect();
    keys.sort(); // deterministic ids
    let verdicts: HashMap<&String, Verdict> = keys
        .iter()
        .map(|k| (*k, verdict(&disc.cands[*k])))
        .collect();

    // multi-word people and organisations first
    let mut person_by_skel: HashMap<Vec<String>, usize> = HashMap::default();
    let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
    let mut org_by_first: HashMap<String, Vec<usize>> = HashMap::default();
    let mut org_base: HashMap<String, Vec<usize>> = HashMap::default();
    let mut org_initials: HashMap<String, Vec<usize>> = HashMap::default();
    // configured people take part in surname / first-name merging
    for id in 0..gaz_count {
        if b.idx.actors[id].kind != ActorKind::Person {
            continue;
        }
        let words: Vec<String> = b.idx.actors[id]
            .name
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let skel = skeleton(&words);
        if skel.len() < 2 {
            continue;
        }
        person_by_skel.entry(skel.clone()).or_insert(id);
        by_last
            .entry(skel[skel.len() - 1].clone())
            .or_default()
            .push(id);
        by_first.entry(skel[0].clone()).or_default().push(id);
    }
    let single_speakers: HashSet<String> = keys
        .iter()
        .filter(|k| {
            let c = &disc.cands[**k];
            c.words.len() == 1
                && (c.speech > 0 || c.person > 0)
                && matches!(
                    verdicts[*k],
                    Verdict::Actor(ActorKind::Person) | Verdict::None
                )
        })
        .map(|k| (*k).clone())
        .collect();

    // phase 0: names with evidence of their own; phase 1: full names promoted
    // because their surname speaks elsewhere, unless part of a longer name
    for phase in 0..2 {
        for k in &keys {
            let c = &disc.cands[*k];
            if c.words.len() < 2 {
                continue;
            }
            let mut v = verdicts[k];
            let first_ok = c.n_mid > 0
                || (!looks_like_english_word(&c.words[0]) && !world::is_common_noun(&c.words[0]));
            let mut promoted = false;
            if v == Verdict::None && first_ok {
                // "Dana Whitfield" with no evidence, but "Whitfield said" elsewhere
                let last = crate::text::norm_key(c.words.last().map(String::as_str).unwrap_or(""));
                if single_speakers.contains(&last) && !world::is_org_head(c.words.last().unwrap()) {
                    v = Verdict::Actor(ActorKind::Person);
                    promoted = true;
                }
            }
            if promoted != (phase == 1) {
                continue;
            }
            if promoted {
                let skel = skeleton(&c.words);
                let longer = skel.last().and_then(|l| by_last.get(l)).is_some_and(|ids| {
                    ids.iter().any(|&id| {
                        let full: Vec<String> = b.idx.actors[id]
                            .name
                            .split_whitespace()
                            .map(str::to_string)
                            .collect();
                        let full = skeleton(&full);
                        full.len() > skel.len() && full.ends_with(&skel)
                    })
                });
                if longer {
                    continue; // merged as a tail below
                }
            }
            let Verdict::Actor(kind) = v else { continue };
            if b.learned.contains_key(*k) {
                continue;
            }
            // demonym-led armed forces are the state ("Turkish Armed Forces")
            if c.org_head {
                if let Some(si) = state_military(&c.words) {
                    let a = b.state(si);
                    b.learned.insert((*k).clone(), a);
                    continue;
                }
            }
            if kind == ActorKind::Person && skeleton(&c.words).len() < 2 {
                continue; // "Van Dijk": a surname with its particle, merged below
            }
            let id = if kind == ActorKind::Person {
                let skel = skeleton(&c.words);
                if let Some(&id) = person_by_skel.get(&skel) {
                    id
                } else {
                    let id = b.new_actor(&c.surface, kind, c.role.clone());
                    person_by_skel.insert(skel.clone(), id);
                    if let Some(l) = skel.last() {
                        by_last.entry(l.clone()).or_default().push(id);
                    }
                    if let Some(f) = skel.first() {
                        by_first.entry(f.clone()).or_default().push(id);
                    }
                    // particle + surname ("de mistura", "al assad")
                    let n = c.words.len();
                    if n >= 3 && world::is_particle(&c.words[n - 2]) {
                        let pk = crate::text::norm_key(&c.words[n - 2..].join(" "));
                        b.learned.entry(pk).or_insert(id);
                    }
                    if let Some(last) = c.words.last() {
                        if last.contains('-') {
                            // "al-Nasser"
                            b.learned.entry(crate::text::norm_key(last)).or_insert(id);
                        }
                    }
                    id
                }
            } else {
                let id = b.new_actor(&c.surface, kind, None);
                if let Some(f) = c.words.first() {
                    org_by_first
                        .entry(crate::text::norm_key(f))
                        .or_default()
                        .push(id);
                }
                // "U.S. State Department" ~ "State Department"
                if let Some(base) = strip_state_prefix(&c.words) {
                    org_base.entry(base).or_default().push(id);
                }
                if let Some(ini) = initials(&c.words) {
                    org_initials.entry(ini).or_default().push(id);
                }
                id
            };
            if let Some(si) = role_state(c.role.as_deref()) {
                b.actor_state.insert(id, si);
            }
            b.learned.insert((*k).clone(), id);
            for a in &c.abbrs {
                b.learned.entry(crate::text::norm_key(a)).or_insert(id);
            }
        }
    }
    // unprefixed organisation names merge into their only state-prefixed variant
    for k in &keys {
        let c = &disc.cands[*k];
        if c.words.len() < 2 || strip_state_prefix(&c.words).is_some() {
            continue;
        }
        if let Some(ids) = org_base.get(*k) {
            if ids.len() == 1 {
                let target = ids[0];
                if let Some(&old) = b.learned.get(*k) {
                    if old != target && old >= gaz_count {
                        redirect(&mut b, old, target);
                    }
                }
                b.learned.insert((*k).clone(), target);
            }
        }
    }
    // multi-word names that are the tail of a person's name ("Van Dijk")
    for k in &keys {
        let c = &disc.cands[*k];
        if c.words.len() < 2 || b.learned.contains_key(*k) {
            continue;
        }
        let skel = skeleton(&c.words);
        if let Some(l) = skel.last() {
            if let Some(ids) = by_last.get(l) {
                let hits: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|&id| {
                        let full = skeleton(
                            &b.idx.actors[id]
                                .name
                                .split_whitespace()
                                .map(str::to_string)
                                .collect::<Vec<_>>(),
                        );
                        full.len() > skel.len() && full.ends_with(&skel)
                    })
                    .collect();
                if hits.len() == 1 {
                    b.learned.insert((*k).clone(), hits[0]);
                    continue;
                }
            }
        }
        if skel.len() < 2 {
            if let Verdict::Actor(kind) = verdicts[k] {
                let role = if kind == ActorKind::Person {
                    c.role.clone()
                } else {
                    None
                };
                let id = b.new_actor(&c.surface, kind, role);
                b.learned.insert((*k).clone(), id);
            }
        }
    }
    // single words: surnames, first names, short names of organisations, or actors
    for k in &keys {
        let c = &disc.cands[*k];
        if c.words.len() != 1 || b.learned.contains_key(*k) {
            continue;
        }
        let key = (*k).clone();
        if let Some(ids) = by_last.get(&key) {
            if ids.len() == 1 {
                b.learned.insert(key.clone(), ids[0]);
                b.weak.insert(key);
            } else {
                b.ambiguous.insert(key, ids.clone());
            }
            continue;
        }
        if let Some(ids) = org_by_first.get(&key) {
            let v = verdicts[k];
            let evidence = matches!(v, Verdict::Actor(k) if k != ActorKind::Person)
                || (c.the_before == 0 && v != Verdict::Actor(ActorKind::Person));
            if ids.len() == 1 && evidence {
                b.learned.insert(key, ids[0]);
                continue;
            }
        }
        // "FAA" ~ "Federal Aviation Administration"
        if is_upper_word(&c.surface) {
            if let Some(ids) = org_initials.get(&key) {
                if ids.len() == 1 {
                    b.learned.insert(key, ids[0]);
                    continue;
                }
            }
        }
        let v = verdicts[k];
        if let Some(ids) = by_first.get(&key) {
            if ids.len() == 1 && matches!(v, Verdict::None | Verdict::Actor(ActorKind::Person)) {
                b.learned.insert(key.clone(), ids[0]);
                b.weak.insert(key);
                continue;
            }
        }
        // "both X and <a known person>": a person too
        let v = if v == Verdict::None && c.n_mid > 0 && !c.words.is_empty() {
            let partner_is_person = c.coord.iter().any(|o| {
                b.learned
                    .get(o)
                    .is_some_and(|&a| b.idx.actors[a].kind == ActorKind::Person)
            });
            if partner_is_person {
                Verdict::Actor(ActorKind::Person)
            } else {
                v
            }
        } else {
            v
        };
        if let Verdict::Actor(kind) = v {
            let role = if kind == ActorKind::Person {
                c.role.clone()
            } else {
                None
            };
            let id = b.new_actor(&c.surface, kind, role);
            if let Some(si) = role_state(c.role.as_deref()) {
                b.actor_state.insert(id, si);
            }
            b.learned.insert(key, id);
        }
    }
    // coordination with a person decided after the loop above ("both X and Y")
    for k in &keys {
        let c = &disc.cands[*k];
        if c.words.len() != 1 || c.n_mid == 0 || b.learned.contains_key(*k) {
            continue;
        }
        if verdicts[k] != Verdict::None {
            continue;
        }
        let partner_is_person = c.coord.iter().any(|o| {
            b.learned
                .get(o)
                .is_some_and(|&a| b.idx.actors[a].kind == ActorKind::Person)
        });
        if partner_is_person {
            let id = b.new_actor(&c.surface, ActorKind::Person, c.role.clone());
            b.learned.insert((*k).clone(), id);
        }
    }
    // "X, born Y": one person
    for k in &keys {
        let c = &disc.cands[*k];
        let Some(&id) = b.learned.get(*k) else {
            continue;
        };
        for other in &c.same_as {
            let ok = crate::text::norm_key(other);
            match b.learned.get(&ok).copied() {
                Some(o) if o != id && o >= gaz_count => redirect(&mut b, o, id),
                Some(_) => {}
                None => {
                    b.learned.insert(ok, id);
                }
            }
        }
    }

    // resolve merges once (linear)
    let fwd: Vec<usize> = (0..b.idx.actors.len()).map(|a| b.find(a)).collect();
    for v in b.learned.values_mut() {
        *v = fwd[*v];
    }
    for ids in b.ambiguous.values_mut() {
        for v in ids.iter_mut() {
            *v = fwd[*v];
        }
        ids.sort_unstable();
        ids.dedup();
    }
    b.actor_state = b.actor_state.iter().map(|(&a, &s)| (fwd[a], s)).collect();
    b.state_actor = b.state_actor.iter().map(|(&s, &a)| (s, fwd[a])).collect();

    // ---- pass 3: linking
    let mut places: Vec<Vec<String>> = vec![Vec::new(); docs.len()];
    let mut listed: Vec<HashSet<usize>> = vec![HashSet::default(); docs.len()];
    let mut mentions: Vec<Mention> = Vec::new();
    // tokenizing and segmenting only read what pass 2 learned (linking adds
    // actors but no forms): done in parallel, a bounded chunk at a time, the
    // next chunk while the current one is linked, in order
    let learned_first: HashSet<String> = b
        .learned
        .keys()
        .map(|k| first_word(k).to_string())
        .collect();
    let (learned, weak) = (b.learned.clone(), b.weak.clone());
    // an article's segments depend on its text and on these forms only:
    // cached under both (a change that teaches no new form finds them again)
    let forms_digest = forms_digest(&learned, &learned_first, &weak);
    let seg_table = cache.table("actor segments");
    let mut seg_records = Vec::with_capacity(docs.len());
    type Parsed = Vec<Vec<(Vec<Tok>, Vec<Seg>)>>;
    // a chunk's articles, tokenised and segmented, with their cache records
    let parse = |range: std::ops::Range<usize>| -> (Parsed, Vec<(u128, Record)>) {
        let (mut parsed, records): (Parsed, Vec<(u128, Record)>) = docs[range]
            .par_iter()
            .map(|doc| {
                let blocks = doc.blocks();
                let toks: Vec<Vec<Tok>> = blocks.iter().map(|(_, t)| tokenize(t)).collect();
                let mut key = doc.key_with("actor segments");
                key.bytes(&forms_digest.to_le_bytes());
                let (segs, rec) = seg_table.memo(
                    key.finish(),
                    // (a record for other text cannot come back under this
                    // key; still, no segment may reach past its block's tokens)
                    |s: &Vec<Vec<Seg>>| {
                        s.len() == toks.len()
                            && s.iter()
                                .zip(&toks)
                                .all(|(segs, t)| segs.iter().all(|g| g.a <= g.b && g.b <= t.len()))
                    },
                    || {
                        blocks
                            .iter()
                            .zip(&toks)
                            .map(|(&(block, text), toks)| {
                                let forms = Forms {
                                    learned: Some(&learned),
                                    learned_first: Some(&learned_first),
                                    weak: Some(&weak),
                                    title_block: block == Block::Title || headline_like(text),
                                };
                                segment(text, toks, &forms)
                            })
                            .collect()
                    },
                );
                (toks.into_iter().zip(segs).collect(), rec)
            })
            .unzip();
        parsed.reverse(); // popped in order
        (parsed, records)
    };
    in_chunks(docs.len(), parse, |this, (mut parsed, records)| {
        seg_records.extend(records);
        for d in this {
            let doc = &docs[d];
            let doc_parsed = parsed.pop().unwrap_or_default();
            let mut acc = DocAcc::default();
            for ((block, text), (toks, segs)) in doc.blocks().into_iter().zip(doc_parsed.iter()) {
                link_block(
                    &mut b,
                    &disc,
                    &verdicts,
                    d,
                    block,
                    text,
                    (toks, segs),
                    &mut mentions,
                    &mut listed[d],
                    &mut places[d],
                    &mut acc,
                );
            }
            // "the government said…": the state this article is about, when there is one
            let mut ranked: Vec<(u32, usize)> =
                acc.state_counts.iter().map(|(&s, &n)| (n, s)).collect();
            ranked.sort_unstable_by(|a, b| b.cmp(a));
            let top = match ranked.as_slice() {
                [(n, s)] if *n >= 2 => Some(*s),
                [(n, s), (m, _), ..] if *n >= 2 && n > m => Some(*s),
                _ => None,
            };
            if let Some(si) = top {
                let a = b.state(si);
                for (block, s, e, surface) in std::mem::take(&mut acc.gov) {
                    mentions.push(Mention::new(d, block, s, e, a));
                    b.alias_sets[a].insert(surface);
                    listed[d].insert(a);
                }
            }
            let pending = std::mem::take(&mut acc.pending);
            // ambiguous surnames: the person of that name this article names in full
            for (block, s, e, key) in pending {
                let Some(ids) = b.ambiguous.get(&key) else {
                    continue;
                };
                let here: Vec<usize> = ids
                    .iter()
                    .copied()
                    .filter(|id| listed[d].contains(id))
                    .collect();
                if here.len() == 1 {
                    mentions.push(Mention::new(d, block, s, e, here[0]));
                }
            }
        }
    });
    drop((learned, weak));
    counts.push(seg_table.report());
    saving.push(seg_table.save_later(seg_records));

    // ---- finish
    let mut idx = std::mem::take(&mut b.idx);
    mentions.sort_by_key(|m| (m.doc, m.block, m.start));
    // drop overlaps (keep the earlier, longer)
    let mut clean: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(p) = clean.last() {
            if p.doc == m.doc && p.block == m.block && m.start < p.end {
                continue;
            }
        }
        clean.push(m);
    }
    idx.set_mentions(clean, docs.len());
    idx.doc_actors = listed
        .into_iter()
        .map(|s| {
            let mut v: Vec<usize> = s.into_iter().collect();
            v.sort_unstable();
            v
        })
        .collect();
    idx.places = places
        .into_iter()
        .map(|mut v| {
            v.sort();
            v.dedup();
            v
        })
        .collect();
    // keep only actors that are mentioned (or configured); renumber
    let mut keep = vec![false; idx.actors.len()];
    for k in keep.iter_mut().take(gaz_count) {
        *k = true;
    }
    for m in &idx.mentions {
        keep[m.actor()] = true;
    }
    let mut new_id = vec![usize::MAX; idx.actors.len()];
    let mut actors = Vec::new();
    let mut alias_sets = Vec::new();
    for (i, a) in std::mem::take(&mut idx.actors).into_iter().enumerate() {
        if keep[i] {
            new_id[i] = actors.len();
            actors.push(a);
            alias_sets.push(std::mem::take(&mut b.alias_sets[i]));
        }
    }
    idx.actors = actors;
    b.alias_sets = alias_sets;
    for m in &mut idx.mentions {
        m.set_actor(new_id[m.actor()]);
    }
    for v in &mut idx.doc_actors {
        for a in v.iter_mut() {
            *a = new_id[*a];
        }
        v.retain(|&a| a != usize::MAX);
        v.sort_unstable();
        v.dedup();
    }
    b.learned.retain(|_, a| new_id[*a] != usize::MAX);
    for a in b.learned.values_mut() {
        *a = new_id[*a];
    }
    b.state_actor.retain(|_, a| new_id[*a] != usize::MAX);
    for a in b.state_actor.values_mut() {
        *a = new_id[*a];
    }
    b.body_actor.retain(|_, a| new_id[*a] != usize::MAX);
    for a in b.body_actor.values_mut() {
        *a = new_id[*a];
    }

    // aliases and lookup
    let mut lookup_pairs: Vec<(String, usize)> = Vec::new();
    for (id, set) in b.alias_sets.iter().enumerate() {
        let canon = lookup_key(&idx.actors[id].name);
        let mut al: Vec<String> = set
            .iter()
            .filter(|s| lookup_key(s) != canon || **s != idx.actors[id].name)
            .filter(|s| **s != idx.actors[id].name)
            .cloned()
            .collect();
        al.sort();
        al.dedup();
        for a in &al {
            lookup_pairs.push((a.clone(), id));
        }
        idx.actors[id].aliases = al;
    }
    for id in 0..idx.actors.len() {
        let name = idx.actors[id].name.clone();
        idx.add_lookup(&name, id);
    }
    for (k, &id) in &b.learned {
        idx.lookup.entry(k.clone()).or_insert(id);
    }
    for (a, id) in lookup_pairs {
        idx.add_lookup(&a, id);
    }
    // surnames of people, when only one person bears them ("Mr Cole")
    let mut surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (id, a) in idx.actors.iter().enumerate() {
        if a.kind != ActorKind::Person {
            continue;
        }
        let words: Vec<String> = a.name.split_whitespace().map(str::to_string).collect();
        let skel = skeleton(&words);
        if skel.len() >= 2 {
            surname
                .entry(skel[skel.len() - 1].clone())
                .or_default()
                .push(id);
        }
    }
    for (k, ids) in surname {
        if ids.len() == 1 {
            idx.lookup.entry(k).or_insert(ids[0]);
        }
    }
    // every form of a state or body that is an actor
    let mut states: Vec<(usize, usize)> = b.state_actor.iter().map(|(&si, &id)| (si, id)).collect();
    states.sort_unstable();
    for (si, id) in states {
        let st = &world::STATES[si];
        for f in std::iter::once(&st.name)
            .chain(st.aliases.iter())
            .chain(st.demonyms.iter())
            .chain(std::iter::once(&st.capital))
        {
            if !f.is_empty() {
                idx.add_lookup(f, id);
            }
        }
        for (m, s) in world::STATE_METONYMS {
            if *s == st.name {
                idx.add_lookup(m, id);
            }
        }
    }
    for (&bi, &id) in &b.body_actor {
        let body = &world::BODIES[bi];
        idx.add_lookup(body.name, id);
        for a in body.aliases {
            idx.add_lookup(a, id);
        }
    }
    (idx, counts, saving)
}

/// Point every learned form of actor `old` to `new` (old stays, unused).
fn redirect(b: &mut Builder, old: usize, new: usize) {
    let old = b.find(old);
    let new = b.find(new);
    if old == new {
        return;
    }
    b.forward[old] = new;
    if b.idx.actors[new].role.is_none() {
        b.idx.actors[new].role = b.idx.actors[old].role.clone();
    }
}

/// Initials of an organisation's capitalised words, state prefix excluded
/// ("U.S. Federal Aviation Administration" → "faa"); None for fewer than 2.
fn initials(words: &[String]) -> Option<String> {
    let mut ws: &[String] = words;
    if let Some(first) = ws.first() {
        if ws.len() > 2 && world::STATE_FORMS.contains_key(&crate::text::norm_key(first)) {
            ws = &ws[1..];
        }
    }
    let ini: String = ws
        .iter()
        .filter(|w| is_cap(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect();
    (ini.chars().count() >= 2).then_some(ini)
}

/// "Russian Defense Ministry" → "defense ministry"; None when no state prefix.
fn strip_state_prefix(words: &[String]) -> Option<String> {
    for n in (1..words.len()).rev() {
        let k = crate::text::norm_key(&words[..n].join(" "));
        if world::STATE_FORMS.contains_key(&k) {
            return Some(crate::text::norm_key(&words[n..].join(" ")));
        }
    }
    None
}

/// "Turkish Armed Forces", "Syrian Arab Army" → the state.
fn state_military(words: &[String]) -> Option<usize> {
    let (first, rest) = words.split_first()?;
    let (si, form) = *world::STATE_FORMS.get(&crate::text::norm_key(first))?;
    if !matches!(form, StateForm::Demonym | StateForm::Name) {
        return None;
    }
    let rest: Vec<&str> = rest
        .iter()
        .map(String::as_str)
        .filter(|w| !world::is_qualifier(w))
        .collect();
    let r = rest.join(" ").to_lowercase();
    matches!(
        r.as_str(),
        "armed forces"
            | "army"
            | "military"
            | "navy"
            | "air force"
            | "forces"
            | "security forces"
            | "gendarmerie"
            | "defence forces"
            | "defense forces"
            | "national army"
    )
    .then_some(si)
}

/// The state named at the start of a role ("Syrian President" → Syria).
fn role_state(role: Option<&str>) -> Option<usize> {
    let role = role?;
    let first = role.split_whitespace().next()?;
    let (si, form) = *world::STATE_FORMS.get(&crate::text::norm_key(first))?;
    matches!(form, StateForm::Demonym | StateForm::Name).then_some(si)
}

/// What linking remembers about one article until its end.
#[derive(Default)]
struct DocAcc {
    /// ambiguous surnames: (block, start, end, key)
    pending: Vec<(Block, usize, usize, String)>,
    /// "the government" acting: (block, start, end, surface)
    gov: Vec<(Block, usize, usize, String)>,
    /// state → how often the article names it (acting counts double)
    state_counts: HashMap<usize, u32>,
}

#[allow(clippy::too_many_arguments)]
fn link_block(
    b: &mut Builder,
    disc: &Discovery,
    verdicts: &HashMap<&String, Verdict>,
    d: usize,
    block: Block,
    text: &str,
    parsed: (&[Tok], &[Seg]),
    mentions: &mut Vec<Mention>,
    listed: &mut HashSet<usize>,
    places: &mut Vec<String>,
    acc: &mut DocAcc,
) {
    let (toks, segs) = parsed;
    let title_block = block == Block::Title || headline_like(text);
    let mut push = |b: &mut Builder, s: usize, e: usize, actor: usize, list: bool| {
        mentions.push(Mention::new(d, block, s, e, actor));
        // a state's alias only where it acts ("in Jerusalem" names a place)
        if list || b.idx.actors[actor].kind != ActorKind::State {
            b.alias_sets[actor].insert(text[s..e].to_string());
        }
        if list {
            listed.insert(actor);
        }
    };
    if !title_block {
        for i in 1..toks.len() {
            if word_at(text, toks, i) == Some("government")
                && word_at(text, toks, i - 1).is_some_and(|w| w == "the" || w == "The")
            {
                let g = Seg {
                    a: i,
                    b: i + 1,
                    kind: SegKind::Name,
                };
                let next_noun = phrase_at(text, toks, i + 1, world::STATE_FORCE_NOUNS).is_some();
                if acts_after(text, toks, &g) && !next_noun && !locative_before(text, toks, &g) {
                    let (s, e) = (toks[i - 1].s, toks[i].e);
                    acc.gov.push((block, s, e, text[s..e].to_string()));
                }
            }
        }
    }
    for (si, seg) in segs.iter().enumerate() {
        let s = toks[seg.a].s;
        let e = toks[seg.b - 1].e;
        let surface = &text[s..e];
        match seg.kind {
            SegKind::Title => {}
            SegKind::Place => places.push(surface.to_string()),
            SegKind::Body(bi) => {
                let a = b.body(bi);
                push(b, s, e, a, true);
            }
            SegKind::State(st, form) => {
                let a = b.state(st);
                let (end_tok, acting) = state_context(text, toks, segs, si, form, title_block);
                *acc.state_counts.entry(st).or_default() += if acting { 2 } else { 1 };
                let e2 = toks[end_tok - 1].e;
                if acting {
                    // "the Russians" is an alias as written
                    let s2 = if form == StateForm::People && seg.a > 0 {
                        toks[seg.a - 1].s
                    } else {
                        s
                    };
                    b.alias_sets[a].insert(text[s2..e2].to_string());
                }
                // a state only locating or qualifying something is not linked
                // ("in Syria", "Syrians", "Colombian voters"); headlines are linked
                if acting || title_block {
                    push(b, s, e2, a, acting);
                }
                let dateline = is_upper_word(surface) && toks[seg.a].init;
                if !acting
                    && matches!(form, StateForm::Name | StateForm::Capital)
                    && (locative_before(text, toks, seg) || dateline)
                {
                    places.push(surface.to_string());
                }
            }
            SegKind::Learned(a) => {
                let kind = b.idx.actors[a].kind;
                if kind == ActorKind::State {
                    let acting = !locative_before(text, toks, seg) && !title_block;
                    if acting || title_block {
                        push(b, s, e, a, acting);
                    }
                    continue;
                }
                // "Mendez government" → the person's state
                if let Some(&st) = b.actor_state.get(&a) {
                    if let Some(w) = word_at(text, toks, seg.b) {
                        if matches!(w, "regime" | "government" | "administration")
                            && !toks[seg.b - 1].poss
                        {
                            let sa = b.state(st);
                            let e2 = toks[seg.b].e;
                            push(b, s, e2, sa, true);
                            continue;
                        }
                    }
                }
                // honorific as written: "Mr Holloway"
                if seg.a > 0 {
                    if let Some(h) =
                        word_at(text, toks, seg.a - 1).filter(|h| world::is_honorific(h))
                    {
                        let _ = h;
                        b.alias_sets[a].insert(text[toks[seg.a - 1].s..e].to_string());
                    }
                }
                push(b, s, e, a, true);
            }
            SegKind::Name | SegKind::Org => {
                let key = crate::text::norm_key(surface);
                if let Some(&a) = b.learned.get(&key) {
                    push(b, s, e, a, true);
                    continue;
                }
                if b.ambiguous.contains_key(&key) {
                    acc.pending.push((block, s, e, key));
                    continue;
                }
                // a sentence-initial word glued to a name: try without it
                if toks[seg.a].init && n_words(toks, seg) >= 2 {
                    let mut k2 = seg.a + 1;
                    while k2 < seg.b && !toks[k2].word {
                        k2 += 1;
                    }
                    if k2 < seg.b {
                        let tail = &text[toks[k2].s..e];
                        let tk = crate::text::norm_key(tail);
                        if let Some(&a) = b.learned.get(&tk) {
                            push(b, toks[k2].s, e, a, true);
                            continue;
                        }
                    }
                }
                if title_block {
                    continue;
                }
                let v = verdicts.get(&key).copied().unwrap_or(Verdict::None);
                let c = disc.cands.get(&key);
                if v == Verdict::Place
                    || (locative_before(text, toks, seg) && c.is_some_and(|c| c.place > 0))
                {
                    places.push(surface.to_string());
                }
            }
        }
    }
}

/// Is the segment a place in a locative list ("in India and China", "in the
/// United States, Britain and 28 other countries")?
fn locative_chain(text: &str, toks: &[Tok], segs: &[Seg], si: usize, depth: usize) -> bool {
    let seg = &segs[si];
    if locative_before(text, toks, seg) {
        return true;
    }
    if depth > 12 || si == 0 || seg.a < 2 {
        return false;
    }
    let joiner = match toks.get(seg.a - 1) {
        Some(t) if t.word => matches!(tw(text, t), "and" | "or"),
        Some(t) => tw(text, t) == ",",
        None => false,
    };
    let p = &segs[si - 1];
    let adjacent_before =
        p.b + 1 == seg.a || (p.b + 2 == seg.a && punct_at(text, toks, p.b) == Some(",")); // ", and"
    joiner
        && adjacent_before
        && matches!(p.kind, SegKind::State(..) | SegKind::Place | SegKind::Name)
        && locative_chain(text, toks, segs, si - 1, depth + 1)
}

/// How far a state mention extends ("Syrian government") and whether the state acts.
fn state_context(
    text: &str,
    toks: &[Tok],
    segs: &[Seg],
    si: usize,
    form: StateForm,
    title_block: bool,
) -> (usize, bool) {
    let seg = &segs[si];
    let end = seg.b;
    if title_block {
        // headlines are too terse to tell a state acting from a place
        return (end, false);
    }
    let poss = toks[end - 1].poss;
    let gov = if poss {
        None
    } else {
        phrase_at(text, toks, end, world::STATE_GOV_NOUNS)
    };
    let force = if poss {
        None
    } else {
        phrase_at(text, toks, end, world::STATE_FORCE_NOUNS)
    };
    let next_title = segs
        .get(si + 1)
        .filter(|n| n.a == end && n.kind == SegKind::Title)
        .map(|n| text[toks[n.a].s..toks[n.b - 1].e].to_lowercase());
    // "Kremlin spokesman": the state speaks through its spokesman
    if next_title
        .as_deref()
        .is_some_and(|t| matches!(t, "spokesman" | "spokeswoman" | "spokesperson" | "official"))
    {
        return (end, true);
    }
    let next_is_title = next_title.is_some();
    let strong_noun = |e: usize| {
        let w = text[toks[end].s..toks[e - 1].e].to_lowercase();
        matches!(
            w.as_str(),
            "government"
                | "regime"
                | "authorities"
                | "administration"
                | "military"
                | "army"
                | "forces"
                | "security forces"
                | "troops"
                | "navy"
                | "air force"
                | "gendarmerie"
        )
    };
    match form {
        StateForm::People => {
            let the = seg.a > 0
                && word_at(text, toks, seg.a - 1).is_some_and(|w| w.eq_ignore_ascii_case("the"));
            (end, the)
        }
        StateForm::Demonym => {
            if next_is_title {
                return (end, false);
            }
            if let Some(e) = gov.or(force) {
                let e2 = if strong_noun(e) { e } else { end };
                return (e2, true);
            }
            (end, false)
        }
        StateForm::Name | StateForm::Capital => {
            if next_is_title {
                return (end, false);
            }
            if let Some(e) = gov.or(force) {
                let e2 = if strong_noun(e) { e } else { end };
                return (e2, true);
            }
            if next_is_title {
                // "US Ambassador Samantha Power": the state only qualifies a role
                return (end, false);
            }
            if locative_before(text, toks, seg) {
                return (end, false);
            }
            // "NAIROBI, Kenya" / "Misrata, Libya": a place and its country
            if seg.a >= 2 && punct_at(text, toks, seg.a - 1) == Some(",") {
                if let Some(p) = si.checked_sub(1).and_then(|p| segs.get(p)) {
                    let list = matches!(p.kind, SegKind::State(..) | SegKind::Learned(_));
                    if p.b == seg.a - 1 && !list {
                        return (end, false);
                    }
                }
            }
            if form == StateForm::Capital {
                let w = &text[toks[seg.a].s..toks[end - 1].e];
                if is_upper_word(w) && w.chars().count() > 3 {
                    return (end, false); // dateline
                }
                if seg.a > 0
                    && word_at(text, toks, seg.a - 1)
                        .is_some_and(|p| p == "capital" || p == "the" || p == "The")
                {
                    return (end, false);
                }
                if seg.a > 1
                    && punct_at(text, toks, seg.a - 1) == Some(",")
                    && word_at(text, toks, seg.a - 2) == Some("capital")
                {
                    return (end, false);
                }
                let after_and = seg.a > 0 && word_at(text, toks, seg.a - 1) == Some("and");
                return (end, acts_after(text, toks, seg) || after_and);
            }
            if locative_chain(text, toks, segs, si, 0) {
                return (end, false);
            }
            let after_the_and = seg.a > 0
                && !toks[end - 1].poss
                && word_at(text, toks, seg.a - 1).is_some_and(|w| {
                    w == "and"
                        || w == "with"
                        || w == "against"
                        || w == "by"
                        || w == "between"
                        || w == "on"
                });
            (end, acts_after(text, toks, seg) || after_the_and)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(paras: &[String]) -> DocText<'_> {
        DocText {
            title: "",
            dek: None,
            paragraphs: paras,
            published: None,
        }
    }

    fn fields(toks: &[Tok]) -> Vec<(usize, usize, bool, bool, bool, bool)> {
        toks.iter()
            .map(|t| (t.s, t.e, t.word, t.sp, t.poss, t.init))
            .collect()
    }

    proptest::proptest! {
        /// An ASCII text read in place gives the tokens its table of
        /// characters gives.
        #[test]
        fn ascii_texts_read_in_place_tokenize_as_tables_do(
            text in "([A-Z][a-z]{0,6}|[a-z]{1,6}|[A-Z]\\.|Mr\\.|U\\.S\\.|'s|s'|O'|[ .,;:!?\"'()-]|[0-9]{1,3}){0,30}"
        ) {
            let table = CharTable {
                cs: text.char_indices().collect(),
                end: text.len(),
            };
            proptest::prop_assert_eq!(
                fields(&tokenize(&text)),
                fields(&tokenize_chars(&text, &table))
            );
        }
    }

    #[test]
    fn tokens() {
        let t = "U.S.-backed rebels. Novak’s aide said.Anna Kowal (AA) al-Nasser";
        let toks = tokenize(t);
        let words: Vec<&str> = toks
            .iter()
            .filter(|x| x.word)
            .map(|x| &t[x.s..x.e])
            .collect();
        assert_eq!(
            words,
            vec![
                "U.S.", "backed", "rebels", "Novak", "aide", "said", "Anna", "Kowal", "AA", "al",
                "Nasser"
            ]
        );
        assert!(toks.iter().find(|x| &t[x.s..x.e] == "Novak").unwrap().poss);
        assert!(toks.iter().find(|x| &t[x.s..x.e] == "Anna").unwrap().init);
    }

    #[test]
    fn no_panic_on_odd_input() {
        let paras: Vec<String> = vec![
            "".into(),
            "’s ' - -- & (".into(),
            "É é ß Ω. Ünal Öz said. 北京 said".into(),
            "A.B.C. D. E".into(),
            "Mr. said,".into(),
        ];
        let idx = extract_actors(&[doc(&paras)], &[]);
        for m in &idx.mentions {
            assert!(paras[match m.block {
                Block::Para(i) => i as usize,
                _ => 0,
            }]
            .is_char_boundary(m.start()));
        }
    }

    #[test]
    fn mention_at_finds_the_mention_covering_a_byte() {
        let paras = vec!["Russia and Iran said the talks failed, Moscow said.".to_string()];
        let idx = extract_actors(&[doc(&paras)], &[]);
        let m = idx.mention_at(0, Block::para(0), 1).expect("Russia");
        assert_eq!(&paras[0][m.start()..m.end()], "Russia");
        assert!(idx.mention_at(0, Block::para(0), 7).is_none());
        assert_eq!(idx.resolve("Moscow"), Some(m.actor()));
    }

    #[test]
    fn doc_and_block_mentions_are_the_mentions_of_that_article_and_block() {
        let a = vec![
            "Russia and Iran said the talks failed.".to_string(),
            "No one commented.".to_string(),
            "Moscow and Tehran blamed Turkey.".to_string(),
        ];
        let b = vec!["Turkey denied it, Ankara said.".to_string()];
        let idx = extract_actors(&[doc(&a), doc(&b)], &[]);
        assert!(idx.mentions.len() >= 6, "{:?}", idx.mentions);
        for d in 0..3 {
            // (article 2 is past the last: none)
            let want: Vec<&Mention> = idx.mentions.iter().filter(|m| m.doc() == d).collect();
            let got: Vec<&Mention> = idx.doc_mentions(d).iter().collect();
            assert_eq!(got, want, "doc {d}");
            for block in [Block::Title, Block::para(0), Block::para(1), Block::para(2)] {
                let want: Vec<&Mention> = idx
                    .mentions
                    .iter()
                    .filter(|m| m.doc() == d && m.block == block)
                    .collect();
                let got: Vec<&Mention> = idx.block_mentions(d, block).iter().collect();
                assert_eq!(got, want, "doc {d}, {block:?}");
            }
        }
        assert_eq!(idx.block_mentions(0, Block::para(2)).len(), 3);
        assert!(idx.block_mentions(0, Block::para(1)).is_empty());
    }

    #[test]
    fn set_mentions_indexes_articles_with_none_and_past_the_count() {
        // articles 3 and 7 only, given out of order; 7 is past `docs`
        let m = |d, block, s, e| Mention::new(d, block, s, e, 0);
        let given = vec![
            m(7, Block::para(1), 0, 4),
            m(3, Block::para(0), 10, 14),
            m(3, Block::Title, 0, 5),
            m(3, Block::para(0), 0, 4),
        ];
        let mut idx = ActorIndex::default();
        idx.set_mentions(given, 5);
        let sorted = idx.mentions().to_vec();
        assert!(sorted.is_sorted_by_key(|m| (m.doc(), m.block, m.start())));
        for d in 0..10 {
            let want: Vec<&Mention> = sorted.iter().filter(|m| m.doc() == d).collect();
            assert_eq!(
                idx.doc_mentions(d).iter().collect::<Vec<_>>(),
                want,
                "doc {d}"
            );
            for block in [Block::Title, Block::para(0), Block::para(1)] {
                let want: Vec<&Mention> =
                    want.iter().copied().filter(|m| m.block == block).collect();
                let got: Vec<&Mention> = idx.block_mentions(d, block).iter().collect();
                assert_eq!(got, want, "doc {d}, {block:?}");
                for at in 0..16 {
                    let want = want
                        .iter()
                        .copied()
                        .find(|m| m.start() <= at && at < m.end());
                    assert_eq!(
                        idx.mention_at(d, block, at),
                        want,
                        "doc {d}, {block:?}, byte {at}"
                    );
                }
            }
        }
        let mut empty = ActorIndex::default();
        empty.set_mentions(Vec::new(), 0);
        assert!(empty.doc_mentions(0).is_empty());
        assert!(ActorIndex::default()
            .block_mentions(2, Block::Title)
            .is_empty());
    }
}
