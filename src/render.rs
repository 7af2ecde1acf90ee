//! Render: the [`Site`] and the compiled templates → a sorted map
//! {relative path → bytes}. The map is the single product of a build:
//! `build` publishes it, `check` inspects it, tests compare it.

use crate::build::Site;
use crate::error::{Error, Result};
use crate::extract::Block;
use crate::markdown::{RenderOptions, Span};
use crate::model::{Article, Dossier};
use crate::text::escape_html;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use tera::Tera;

/// The rendered site: relative path → file bytes.
pub type RenderMap = BTreeMap<String, Vec<u8>>;

/// Default templates, embedded so a project without `templates/` builds.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    (
        "components.html",
        include_str!("../templates/components.html"),
    ),
    ("index.html", include_str!("../templates/index.html")),
    ("timeline.html", include_str!("../templates/timeline.html")),
    ("actors.html", include_str!("../templates/actors.html")),
    ("actor.html", include_str!("../templates/actor.html")),
    ("sources.html", include_str!("../templates/sources.html")),
    ("source.html", include_str!("../templates/source.html")),
    ("articles.html", include_str!("../templates/articles.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("briefing.html", include_str!("../templates/briefing.html")),
    ("search.html", include_str!("../templates/search.html")),
];

const STYLE_CSS: &str = include_str!("../templates/style.css");
const SEARCH_JS: &str = include_str!("../templates/search.js");

/// The site's stylesheet and search script as built in: a project's
/// `templates/` file of the same name replaces each (copied as it is).
pub const DEFAULT_ASSETS: &[(&str, &str)] = &[("style.css", STYLE_CSS), ("search.js", SEARCH_JS)];

/// An asset's bytes: the project's `templates/NAME` when it is a regular
/// file, else the built-in one of [`DEFAULT_ASSETS`].
fn asset(root: &Path, name: &str) -> Result<Vec<u8>> {
    let p = root.join("templates").join(name);
    match std::fs::symlink_metadata(&p) {
        Ok(m) if m.is_file() => {
            std::fs::read(&p).map_err(|e| Error::io(&p, "cannot read the template", e))
        }
        _ => Ok(DEFAULT_ASSETS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| text.as_bytes().to_vec())
            .unwrap_or_default()),
    }
}

/// Compile the templates: embedded defaults, overridden by the project's
/// `templates/*.html` of the same name.
/// Also returns a hash of every template's name and text (part of each
/// page's cache key).
pub fn templates(root: &Path) -> Result<(Tera, u128)> {
    let mut sources: BTreeMap<String, String> = DEFAULT_TEMPLATES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    let dir = root.join("templates");
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let p = e.path();
            let Some(name) = p.file_name().and_then(|n| n.to_str()).map(str::to_string) else {
                continue;
            };
            if !name.ends_with(".html") || e.file_type().map(|t| t.is_symlink()).unwrap_or(true) {
                continue;
            }
            let text = std::fs::read_to_string(&p)
                .map_err(|e| Error::io(&p, "cannot read the template", e))?;
            sources.insert(name, text);
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::text::escape_html_to);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| {
            Error::Template(format!(
                "compiling the templates (your templates/ folder and the built-in defaults): {}",
                error_chain(&e)
            ))
        })?;
    let mut key = crate::cache::Key::new("templates");
    for (n, t) in &sources {
        key.str(n).str(t);
    }
    Ok((tera, key.finish()))
}

/// Renders pages into a sink, skipping the render of a page whose template
/// and context are those of the previous build when the previous site still
/// holds that page's exact bytes (the sink then reuses the file).
///
/// The `pages` cache table maps a hash of (path, templates, template name,
/// context) to the length and hash of the bytes it rendered to; a page is
/// a pure function of these, so reusing it cannot change the output.
struct Pages<'a> {
    tera: &'a Tera,
    templates: u128,
    sink: &'a dyn PageSink,
    table: crate::cache::Table,
    records: std::sync::Mutex<Vec<(u128, crate::cache::Record)>>,
}

impl Pages<'_> {
    /// A page whose list continues on numbered pages: page 1 is `first`
    /// (the owner's whole page), every further page a `continuation` of
    /// its path; `list` gives a page's part of the list. The typed parts
    /// are hashed, and made into context values only when rendered.
    fn put_paged<T: Serialize, L: Serialize>(
        &self,
        name: &str,
        slots: &[ListPage],
        mut first: Option<(Context, T)>,
        continuation: impl Fn(&str) -> Context,
        list: impl Fn(&ListPage) -> L,
    ) -> Result<()> {
        /// The fields of both parts.
        #[derive(Serialize)]
        struct Both<T, L> {
            #[serde(flatten)]
            first: Option<T>,
            #[serde(flatten)]
            list: L,
        }
        for slot in slots {
            let (mut c, first) = match first.take() {
                Some((c, part)) if slot.no == 1 => (c, Some(part)),
                _ => (continuation(&slot.path), None),
            };
            c.insert("pager", &pager_json(slots, slot.no));
            let part = Both {
                first,
                list: list(slot),
            };
            self.put_part(slot.path.clone(), name, c, part)?;
        }
        Ok(())
    }

    fn put(&self, rel: String, name: &str, c: Context) -> Result<()> {
        self.put_filled(rel, name, c, 0, |_| Ok(()))
    }

    /// [`Pages::put`] with more of the context in `part`, a typed value
    /// whose fields join it: hashed as it serialises, and made into
    /// context values only when the page is rendered (and then dropped:
    /// a big page's data is not held twice while it renders).
    fn put_part<T: Serialize>(&self, rel: String, name: &str, c: Context, part: T) -> Result<()> {
        let mut key = crate::cache::Key::new("part");
        key.serialized(&part);
        self.put_filled(rel, name, c, key.finish(), move |tc| {
            let fields = tera::Context::from_serialize(&part)
                .map_err(|e| Error::Template(format!("rendering {name}: {}", error_chain(&e))))?;
            drop(part);
            tc.extend(fields);
            Ok(())
        })
    }

    /// [`Pages::put`] for a page whose context has parts that are costly to
    /// make and only needed to render it: `c` holds the rest, `extra` is a
    /// hash of everything those parts are made of (part of the page's cache
    /// key), and `fill` adds them to the context when the page is rendered.
    fn put_filled(
        &self,
        rel: String,
        name: &str,
        c: Context,
        extra: u128,
        fill: impl FnOnce(&mut tera::Context) -> Result<()>,
    ) -> Result<()> {
        let mut key = crate::cache::Key::new("page");
        key.bytes(&self.templates.to_le_bytes())
            .str(&rel)
            .str(name)
            .bytes(&extra.to_le_bytes());
        // every key and value of the context, in order
        let key = key.serialized(&c.0).finish();
        let keep = |rec| {
            self.records
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push((key, rec));
        };
        if let Some((len, hash)) = self.table.get::<(u64, u64)>(key) {
            if self.sink.reuse(&rel, len, hash)? {
                keep(crate::cache::Record::Kept);
                return Ok(());
            }
            self.table.reject();
        }
        let mut tc = tera::Context::from_serialize(&c.0)
            .map_err(|e| Error::Template(format!("rendering {name}: {}", error_chain(&e))))?;
        drop(c);
        fill(&mut tc)?;
        let bytes = render_page(self.tera, name, &tc)?;
        keep(crate::cache::Table::encode(&(
            bytes.len() as u64,
            xxhash_rust::xxh3::xxh3_64(&bytes),
        )));
        self.sink.put(rel, bytes)
    }

    /// Keep what this build rendered for the next one.
    fn finish(self, site: &Site) {
        let records = self
            .records
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        site.keep_table(self.table, records);
    }
}

/// A page's context as it is built: names and JSON values, in name order
/// (hashed for the page's cache key, then handed to Tera to render).
#[derive(Default)]
struct Context(serde_json::Map<String, serde_json::Value>);

impl Context {
    fn new() -> Self {
        Context::default()
    }

    /// Add `v` under `key` (serialised to a JSON value).
    fn insert<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) {
        let v = serde_json::to_value(v).unwrap_or(serde_json::Value::Null);
        self.0.insert(key.to_string(), v);
    }

    /// Add an already built JSON value under `key`, by moving it.
    fn insert_owned(&mut self, key: &str, v: impl Into<serde_json::Value>) {
        self.0.insert(key.to_string(), v.into());
    }
}

/// Tera's whole error chain on one line each (template name and line included).
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str("\n  caused by: ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// Where rendered files go, as soon as each is done: an in-memory map
/// (`Mutex<RenderMap>`, for `check` and `serve`) or the publish staging
/// folder ([`crate::publish::Staging`]), so a big site is never held in
/// memory whole. Called from several threads.
pub trait PageSink: Sync {
    /// Take one output file (`rel`: its path inside the output folder).
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<()>;

    /// Take one output file that `write` produces bit by bit (a big file is
    /// then never held in memory whole, where the sink writes to disk).
    fn put_with(
        &self,
        rel: String,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        let mut buf = Vec::new();
        write(&mut buf)?;
        self.put(rel, buf)
    }

    /// Take the previous build's copy of `rel` as this build's, if that
    /// copy is there and its bytes have this length and xxh3-64 hash.
    /// `Ok(false)`: the page must be rendered and put.
    fn reuse(&self, _rel: &str, _len: u64, _hash: u64) -> Result<bool> {
        Ok(false)
    }
}

impl PageSink for std::sync::Mutex<RenderMap> {
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<()> {
        self.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(rel, bytes);
        Ok(())
    }
}

/// Both sinks get every file.
pub struct Tee<'a>(pub &'a dyn PageSink, pub &'a dyn PageSink);

impl PageSink for Tee<'_> {
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<()> {
        self.0.put(rel.clone(), bytes.clone())?;
        self.1.put(rel, bytes)
    }
}

/// Passes files on and remembers the HTML pages (for the sitemap).
struct Recording<'a> {
    inner: &'a dyn PageSink,
    html: std::sync::Mutex<Vec<String>>,
}

impl PageSink for Recording<'_> {
    fn put(&self, rel: String, bytes: Vec<u8>) -> Result<()> {
        if rel.ends_with(".html") {
            self.html
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(rel.clone());
        }
        self.inner.put(rel, bytes)
    }

    fn put_with(
        &self,
        rel: String,
        write: &mut dyn FnMut(&mut dyn std::io::Write) -> Result<()>,
    ) -> Result<()> {
        self.inner.put_with(rel, write)
    }

    fn reuse(&self, rel: &str, len: u64, hash: u64) -> Result<bool> {
        let reused = self.inner.reuse(rel, len, hash)?;
        if reused && rel.ends_with(".html") {
            self.html
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(rel.to_string());
        }
        Ok(reused)
    }
}

/// Render a whole site into a map (for `check`, `serve` and tests).
pub fn render_to_map(site: &Site, root: &Path) -> Result<RenderMap> {
    let map = std::sync::Mutex::new(RenderMap::new());
    render(site, root, &map)?;
    Ok(map
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner))
}

fn render_page(tera: &Tera, name: &str, ctx: &tera::Context) -> Result<Vec<u8>> {
    // straight into bytes, with room for a typical page from the start
    let mut out = Vec::with_capacity(1 << 15);
    tera.render_to(name, ctx, &mut out)
        .map_err(|e| Error::Template(format!("rendering {name}: {}", error_chain(&e))))?;
    Ok(out)
}

/// JSON safe to ship anywhere: `<`, `>` and `&` escaped as `\u00XX` while
/// serialising (they can only occur inside JSON strings, so a byte-level
/// escape keeps the JSON valid and equal in meaning).
pub fn safe_json<T: Serialize>(v: &T) -> String {
    let mut out = Vec::new();
    push_safe_json(&mut out, v);
    // serde_json writes UTF-8 and the escapes are ASCII
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// [`safe_json`] appended to `out` (`null` if `v` cannot be serialised).
fn push_safe_json<T: Serialize>(out: &mut Vec<u8>, v: &T) {
    let start = out.len();
    if serde_json::to_writer(Escaping(&mut *out), v).is_err() {
        out.truncate(start);
        out.extend_from_slice(b"null");
    }
}

/// Escapes `<`, `>` and `&` in the JSON written through it (see [`safe_json`]).
struct Escaping<W: std::io::Write>(W);

impl<W: std::io::Write> std::io::Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut start = 0;
        for i in memchr::memchr3_iter(b'<', b'>', b'&', buf) {
            let esc: &[u8] = match buf[i] {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                _ => b"\\u0026",
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(esc)?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// "2019-03-20" → "Wed 20 Mar 2019"; "2019-03" → "March 2019".
pub fn date_label(d: &str) -> String {
    if let Ok(x) = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d") {
        return x.format("%a %-d %b %Y").to_string();
    }
    if let Ok(x) = chrono::NaiveDate::parse_from_str(&format!("{d}-01"), "%Y-%m-%d") {
        return x.format("%B %Y").to_string();
    }
    d.to_string()
}

const UNKNOWN_PUBLISHER: &str = "Unknown publisher";

struct Ctx<'a> {
    site: &'a Site,
    d: &'a Dossier,
    art_idx: HashMap<&'a str, usize>,
    actor_idx: HashMap<&'a str, usize>,
    source_idx: HashMap<&'a str, usize>,
    /// Every date pages show (articles' publication dates, events' dates),
    /// as they show it: formatted once per date, not per listing.
    date_labels: &'a HashMap<&'a str, String>,
    /// Every article's summary and citation, as lists show them (made and
    /// digested once per build; see [`Digested`]), in corpus order.
    summaries: Vec<Digested<Summary<'a>>>,
    cites: Vec<Digested<Cite<'a>>>,
    /// Every actor's and source's brief, likewise (in dossier order).
    actor_briefs: Vec<Digested<ActorBrief<'a>>>,
    source_briefs: Vec<Digested<SourceBrief<'a>>>,
    /// The timeline has a page per month (too many events for one page).
    split_timeline: bool,
    /// Every page's `site` (made once: most of it is formatted).
    site_json: serde_json::Value,
}

impl<'a> Ctx<'a> {
    fn article(&self, id: &str) -> Option<&'a Article> {
        self.art_idx.get(id).map(|&i| &self.d.articles[i])
    }
    /// The name of an article's publisher.
    fn publisher_of(&self, a: &Article) -> &'a str {
        a.publisher
            .as_deref()
            .and_then(|p| self.source_idx.get(p))
            .map_or(UNKNOWN_PUBLISHER, |&i| self.d.sources[i].name.as_str())
    }
    /// How an article is cited: its outlet, or its headline when the outlet is unknown.
    fn label_of(&self, a: &'a Article) -> Cow<'a, str> {
        if a.publisher.as_deref() == Some("unknown") {
            Cow::Owned(short_title(&a.display_title))
        } else {
            Cow::Borrowed(self.publisher_of(a))
        }
    }
    /// The month of the timeline page that lists an event (`None`: the
    /// timeline's own page).
    fn event_month<'e>(&self, e: &'e crate::model::Event) -> Option<&'e str> {
        (self.split_timeline && e.basis != "background" && matches!(e.precision, "day" | "month"))
            .then(|| e.date.get(..7))
            .flatten()
    }
    /// The link (relative to the root) to an event on its timeline page.
    fn event_href(&self, e: &crate::model::Event) -> String {
        // (made for every listing of an event: one allocation, no formatting)
        let mut href = String::with_capacity(32 + e.id.len());
        href.push_str("timeline/");
        if let Some(month) = self.event_month(e) {
            href.push_str(month);
            href.push('/');
        }
        href.push_str("index.html#");
        href.push_str(&e.id);
        href
    }
    /// An event's date as pages show it.
    fn event_date_label(&self, e: &crate::model::Event) -> Cow<'_, str> {
        match self.date_labels.get(e.date.as_str()) {
            Some(label) => Cow::Borrowed(label),
            None => Cow::Owned(date_label(&e.date)),
        }
    }
    fn actor_name(&self, id: &str) -> Cow<'a, str> {
        match self.actor_idx.get(id) {
            Some(&i) => Cow::Borrowed(&self.d.actors[i].name),
            None => Cow::Owned(id.to_string()),
        }
    }
    fn base(&self, page_path: &str) -> Context {
        let depth = page_path.matches('/').count();
        let root = "../".repeat(depth);
        let mut c = Context::new();
        c.insert("root", &root);
        c.insert("site", &self.site_json);
        c.insert("page_path", page_path);
        if let Some(base) = &self.site.config.base_url {
            let canonical = format!(
                "{}/{}",
                base.trim_end_matches('/'),
                page_path.trim_end_matches("index.html")
            );
            c.insert("canonical", &canonical);
        }
        c
    }
}

/// A value whose page-key hash is made once per build: a page's key
/// (hashed by `keyser`, a serializer that is not human-readable) takes its
/// digest, a template (Tera and JSON are human-readable) the value whole.
/// For what many pages list: each listing then hashes 16 bytes, not the
/// value again, and a page's key still changes with the value.
#[derive(Clone)]
struct Digested<T> {
    digest: u128,
    value: T,
    /// Whether templates get the value as one template value, made the
    /// first time a page uses it and then shared (see [`Digested::shared`]).
    shared: bool,
    template: std::sync::OnceLock<Option<tera::Value>>,
}

impl<T: Serialize> Digested<T> {
    fn new(value: T) -> Self {
        let mut key = crate::cache::Key::new("digested");
        key.serialized(&value);
        Digested {
            digest: key.finish(),
            value,
            shared: false,
            template: std::sync::OnceLock::new(),
        }
    }

    /// [`Digested::new`], for a value many pages show: made into a template
    /// value once, which each page's context then shares (Tera takes a
    /// template value met while serialising by reference; anywhere else it
    /// serialises as the value itself). Held until the render ends.
    fn shared(value: T) -> Self {
        Digested {
            shared: true,
            ..Digested::new(value)
        }
    }
}

impl<T: Serialize> Serialize for Digested<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return s.serialize_newtype_struct("Digested", &self.digest);
        }
        let template = self.shared.then(|| {
            self.template
                .get_or_init(|| tera::Value::try_from_serializable(&self.value).ok())
        });
        match template.and_then(Option::as_ref) {
            Some(t) => t.serialize(s),
            None => self.value.serialize(s),
        }
    }
}

/// What the template values of all articles' summaries may take, at most
/// (estimated), for them to be shared (see [`Digested::shared`]); beyond
/// it, on a corpus too big for their memory, each list makes its own.
const SHARED_SUMMARIES_BUDGET: usize = 64 << 20;

/// About what one summary's template value takes besides its longer
/// strings: a map of ten fields, their names, and the shorter strings.
const SUMMARY_VALUE_BYTES: usize = 1024;

/// An article as lists show it.
#[derive(Serialize, Clone)]
struct Summary<'a> {
    id: Cow<'a, str>,
    /// How it is cited: its outlet, or its headline when the outlet is unknown.
    label: Cow<'a, str>,
    title: Cow<'a, str>,
    published: Option<&'a str>,
    published_label: Option<&'a str>,
    basis: Option<&'a str>,
    publisher: &'a str,
    publisher_id: Option<&'a str>,
    page: &'a str,
}

/// An article's summary as lists show it (see [`Ctx::summaries`]).
type SummaryRef<'c> = Cow<'c, Digested<Summary<'c>>>;

/// The summary of the article `id` (one not in the dossier is listed by
/// its id).
fn art_summary<'c>(cx: &'c Ctx<'_>, id: &str) -> SummaryRef<'c> {
    match cx.art_idx.get(id) {
        Some(&i) => Cow::Borrowed(&cx.summaries[i]),
        None => Cow::Owned(Digested::new(Summary {
            id: Cow::Owned(id.to_string()),
            label: Cow::Borrowed(UNKNOWN_PUBLISHER),
            title: Cow::Owned(id.to_string()),
            published: None,
            published_label: None,
            basis: None,
            publisher: UNKNOWN_PUBLISHER,
            publisher_id: None,
            page: "",
        })),
    }
}

/// The `i`-th article's summary (the date labels are formatted once per
/// date; everything else is borrowed).
fn summary_of<'a>(cx: &Ctx<'a>, i: usize) -> Summary<'a> {
    let a = &cx.d.articles[i];
    let publisher = cx.publisher_of(a);
    Summary {
        id: Cow::Borrowed(a.id.as_ref()),
        label: cx.label_of(a),
        title: Cow::Borrowed(&a.display_title),
        published: a.published.as_deref(),
        published_label: a
            .published
            .as_deref()
            .and_then(|p| cx.date_labels.get(p))
            .map(String::as_str),
        basis: a.published_basis.as_deref(),
        publisher,
        publisher_id: a.publisher.as_deref(),
        page: &a.page,
    }
}

/// Render every page of a built site.
pub fn render(site: &Site, root: &Path, sink: &dyn PageSink) -> Result<()> {
    let mut timer = crate::build::Timer::new();
    let (tera, templates) = templates(root)?;
    let d = &site.dossier;
    let mut date_labels: HashMap<&str, String> = HashMap::default();
    let dates = d.articles.iter().filter_map(|a| a.published.as_deref());
    for date in dates.chain(d.events.iter().map(|e| e.date.as_str())) {
        date_labels.entry(date).or_insert_with(|| date_label(date));
    }
    let mut cx = Ctx {
        site,
        d,
        art_idx: d
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_ref(), i))
            .collect(),
        actor_idx: d
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_ref(), i))
            .collect(),
        source_idx: d
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect(),
        date_labels: &date_labels,
        summaries: Vec::new(),
        cites: Vec::new(),
        actor_briefs: d
            .actors
            .iter()
            .map(|a| Digested::shared(actor_brief(a)))
            .collect(),
        source_briefs: d
            .sources
            .iter()
            .map(|s| Digested::shared(source_brief(s)))
            .collect(),
        site_json: json!({
            "title": d.title,
            "subtitle": d.subtitle,
            "language": site.config.language,
            "span": d.span.as_ref().map(|(a, b)| (date_label(a), date_label(b))),
            "base_url": site.config.base_url,
            "has_feed": site.config.base_url.is_some(),
        }),
        split_timeline: d
            .events
            .iter()
            .filter(|e| e.basis != "background" && e.precision != "year")
            .count()
            > TIMELINE_PAGE_MAX,
    };
    // (made of the context's indexes, so after them)
    let summaries_bytes: usize = d
        .articles
        .iter()
        .map(|a| SUMMARY_VALUE_BYTES + a.id.len() + a.display_title.len() + a.page.len())
        .sum();
    let digested = match summaries_bytes <= SHARED_SUMMARIES_BUDGET {
        true => Digested::shared,
        false => Digested::new,
    };
    cx.summaries = (0..d.articles.len())
        .into_par_iter()
        .map(|i| digested(summary_of(&cx, i)))
        .collect();
    cx.cites = cx
        .summaries
        .par_iter()
        .map(|s| Digested::new(cite_of(&s.value)))
        .collect();
    let cx = cx;
    // html pages, for the sitemap
    let sink = &Recording {
        inner: sink,
        html: std::sync::Mutex::new(Vec::new()),
    };
    let pages = Pages {
        tera: &tera,
        templates,
        sink,
        table: site.cache.table("pages"),
        records: Default::default(),
    };

    // shared data
    let tl = timeline_idx(d);
    let top_actors = top_actors(&cx, 12);
    let shown_passages = top_passages(d);
    let per_article = PerArticle::new(d);
    let cooc = cooccurrence(d);
    // indexes, so each page finds its own items without scanning the corpus
    let mut quotes_by_speaker: HashMap<&str, Vec<&crate::model::Quote>> = HashMap::default();
    for q in &d.quotes {
        if let Some(sp) = q.speaker.as_deref() {
            quotes_by_speaker.entry(sp).or_default().push(q);
        }
    }
    let mut events_by_actor: HashMap<&str, Vec<&crate::model::Event>> = HashMap::default();
    for e in &d.events {
        for a in &e.actors {
            events_by_actor.entry(a.as_ref()).or_default().push(e);
        }
    }
    let mentions_by_actor = MentionsByActor::new(site.actors.mentions(), site.actor_ids.len());
    let actor_index_of: HashMap<&str, usize> = site
        .actor_ids
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_ref(), i))
        .collect();
    let mut passages_by_article: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, p) in d.shared_passages.iter().enumerate() {
        for a in &p.articles {
            passages_by_article.entry(a.as_ref()).or_default().push(i);
        }
    }
    timer.detail("render: templates, indexes");

    let t_assets = || -> Result<()> {
        sink.put("assets/style.css".into(), asset(root, "style.css")?)?;
        sink.put(
            "assets/highlight.css".into(),
            crate::highlight::css().into_bytes(),
        )?;
        sink.put("assets/search.js".into(), asset(root, "search.js")?)?;
        sink.put_with("assets/search-index.js".into(), &mut |w| {
            search_index(&cx, w)
                .map_err(|err| Error::Template(format!("writing search-index.js: {err}")))
        })?;
        // the biggest file: written as it is serialised
        sink.put_with("data/dossier.json".into(), &mut |w| {
            use std::io::Write;
            // serde_json writes token by token: buffered, the escaping
            // scans large pieces
            let mut e = std::io::BufWriter::with_capacity(1 << 16, Escaping(w));
            let failed = |err: &dyn std::fmt::Display| {
                Error::Template(format!("writing dossier.json: {err}"))
            };
            serde_json::to_writer(&mut e, d).map_err(|err| failed(&err))?;
            e.write_all(b"\n").map_err(|err| failed(&err))?;
            e.flush().map_err(|err| failed(&err))
        })?;
        Ok(())
    };

    // overview
    let t_overview = || -> Result<()> {
        {
            let mut c = cx.base("index.html");
            c.insert("nav", "overview");
            c.insert(
                "stats",
                &json!({
                    "articles": d.articles.len(),
                    "publishers": d.sources.iter().filter(|s| s.kind == "publisher").count(),
                    "cited": d.sources.iter().filter(|s| s.kind == "cited").count(),
                    "actors": d.actors.len(),
                    "events": d.events.len(),
                }),
            );
            c.insert("key_points", &key_points(&cx));
            let mut latest: Vec<(&str, &[usize])> = tl
                .days
                .iter()
                .rev()
                .take(5)
                .map(|(d, v)| (*d, v.as_slice()))
                .collect();
            latest.reverse();
            let latest = timeline_json(&cx, &latest, &[], &[]);
            let mut latest = latest["days"].as_array().cloned().unwrap_or_default();
            latest.reverse();
            c.insert_owned("latest", latest);
            c.insert("top_actors", &top_actors);
            c.insert("discrepancies", &discrepancies(&cx));
            insert_passages(&mut c, &cx, &shown_passages);
            // the newest articles; the articles page lists them all
            let newest = newest_articles(d, OVERVIEW_ARTICLES_MAX);
            c.insert(
                "articles",
                &newest
                    .iter()
                    .map(|&i| art_summary(&cx, &d.articles[i].id))
                    .collect::<Vec<_>>(),
            );
            c.insert("articles_more", &(d.articles.len() - newest.len()));
            pages.put("index.html".into(), "index.html", c)?;
        }
        Ok(())
    };

    // timeline
    let t_timeline = || -> Result<()> {
        {
            let split = cx.split_timeline;
            let day_href = |date: &str| {
                if split && date.len() >= 7 {
                    format!("{}/index.html#d-{date}", &date[..7])
                } else {
                    format!("#d-{date}")
                }
            };
            let svg = crate::svg::timeline(d, &cx.art_idx, &day_href);
            if split {
                // a page per month; the index keeps the drawing, a table of
                // months and the background
                type Month<'m> = (Vec<(&'m str, &'m [usize])>, Vec<usize>);
                let mut by_month: BTreeMap<&str, Month> = BTreeMap::new();
                for (date, idx) in &tl.days {
                    if date.len() >= 7 {
                        by_month.entry(&date[..7]).or_default().0.push((date, idx));
                    }
                }
                for &i in &tl.months {
                    let date = d.events[i].date.as_str();
                    if date.len() >= 7 {
                        by_month.entry(&date[..7]).or_default().1.push(i);
                    }
                }
                let index: Vec<_> = by_month
                .iter()
                .map(|(m, (days, months))| {
                    let n: usize = days.iter().map(|x| x.1.len()).sum::<usize>() + months.len();
                    json!({"href": format!("{m}/index.html"), "label": date_label(m), "events": n, "days": days.len()})
                })
                .collect();
                let mut c = cx.base("timeline/index.html");
                c.insert("nav", "timeline");
                c.insert_owned("timeline", timeline_json(&cx, &[], &[], &tl.background));
                c.insert("month_pages", &index);
                c.insert("svg", &svg);
                pages.put("timeline/index.html".into(), "timeline.html", c)?;
                let months: Vec<_> = by_month.into_iter().collect();
                months
                    .par_iter()
                    .map(|(m, (days, months))| {
                        let path = format!("timeline/{m}/index.html");
                        let mut c = cx.base(&path);
                        c.insert("nav", "timeline");
                        c.insert("month_label", &date_label(m));
                        c.insert("svg", "");
                        #[derive(Serialize)]
                        struct Part<'a> {
                            timeline: Timeline<'a>,
                        }
                        let part = Part {
                            timeline: timeline_view(&cx, days, months, &[]),
                        };
                        pages.put_part(path, "timeline.html", c, part)
                    })
                    .collect::<Result<()>>()?;
            } else {
                let days: Vec<(&str, &[usize])> =
                    tl.days.iter().map(|(d, v)| (*d, v.as_slice())).collect();
                let mut c = cx.base("timeline/index.html");
                c.insert("nav", "timeline");
                c.insert(
                    "timeline",
                    &timeline_json(&cx, &days, &tl.months, &tl.background),
                );
                c.insert("svg", &svg);
                pages.put("timeline/index.html".into(), "timeline.html", c)?;
            }
        }
        Ok(())
    };

    // actors
    let t_actors = || -> Result<()> {
        {
            let mut c = cx.base("actors/index.html");
            c.insert("nav", "actors");
            let mut groups = Vec::new();
            for kind in ["person", "organization", "state", "group"] {
                let mut list: Vec<_> = d.actors.iter().filter(|a| a.kind == kind).collect();
                list.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
                if !list.is_empty() {
                    groups.push(json!({"kind": kind, "label": kind_label(kind), "actors": list.iter().map(|a| actor_brief(a)).collect::<Vec<_>>()}));
                }
            }
            c.insert("groups", &groups);
            c.insert("svg", &crate::svg::network(d, &cooc));
            pages.put("actors/index.html".into(), "actors.html", c)?;
        }
        d.actors
            .par_iter()
            .enumerate()
            .map(|(ai, a)| {
                let path = a.page.clone();
                let mut c = cx.base(&path);
                c.insert("nav", "actors");
                let quotes = quotes_by_speaker
                    .get(a.id.as_ref())
                    .into_iter()
                    .flatten()
                    .map(|q| Cited {
                        text: &q.text,
                        article: art_summary(&cx, &q.article),
                        paragraph: q.paragraph,
                    })
                    .collect();
                let all_events = events_by_actor
                    .get(a.id.as_ref())
                    .map_or(&[][..], Vec::as_slice);
                let events = most_reported(all_events, ACTOR_EVENTS_SHOWN)
                    .into_iter()
                    .map(|e| ActorEvent {
                        id: &e.id,
                        href: cx.event_href(e),
                        date_label: cx.event_date_label(e),
                        text: &e.text,
                        precision: e.precision,
                        first_ref: e.refs.first(),
                    })
                    .collect();
                // keyword in context
                let mut kwic = Vec::new();
                let mut kwic_total = 0;
                let mut per_source: BTreeMap<&str, usize> = BTreeMap::new();
                let own = actor_index_of
                    .get(a.id.as_ref())
                    .map(|&i| mentions_by_actor.of(i, site.actors.mentions()));
                for m in own.into_iter().flatten() {
                    let Some(dr) = site.drafts.get(m.doc()) else {
                        continue;
                    };
                    // only mentions in articles that list the actor (an
                    // article is at its draft's place: found without a lookup)
                    let Some(art) = d
                        .articles
                        .get(m.doc())
                        .filter(|art| art.id == dr.id)
                        .or_else(|| cx.article(&dr.id))
                        .filter(|art| art.actors.iter().any(|x| x.as_ref() == a.id.as_ref()))
                    else {
                        continue;
                    };
                    *per_source.entry(cx.publisher_of(art)).or_insert(0) += 1;
                    kwic_total += 1;
                    if kwic.len() < KWIC_SHOWN {
                        let text = block_text(dr, m.block);
                        let (left, mid, right) = context_window(text, m.start(), m.end(), 70);
                        kwic.push(Kwic {
                            left,
                            mid,
                            right,
                            article: art_summary(&cx, &dr.id),
                            paragraph: crate::build::paragraph_no(m.block),
                        });
                    }
                }
                let per_source = per_source
                    .into_iter()
                    .map(|(name, count)| NameCount { name, count })
                    .collect();
                let cooccurring = cooc
                    .get(&ai)
                    .map(|m| {
                        let mut v: Vec<(&usize, &usize)> = m.iter().collect();
                        v.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
                        v.into_iter()
                            .take(15)
                            .map(|(&j, &n)| ActorCount {
                                actor: &cx.actor_briefs[j],
                                count: n,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let part = ActorPage {
                    actor: a,
                    kind_label: kind_label(&a.kind),
                    quotes,
                    events,
                    events_total: all_events.len(),
                    kwic,
                    kwic_total,
                    per_source,
                    cooccurring,
                };
                // the articles, a page of them at a time
                let slots = list_pages(&path, a.articles.len(), site.config.list_page_size);
                pages.put_paged(
                    "actor.html",
                    &slots,
                    Some((c, part)),
                    // a continuation lists articles only: no need of the whole actor
                    |path| {
                        let mut c = cx.base(path);
                        c.insert("nav", "actors");
                        c.insert(
                            "actor",
                            &json!({"name": a.name, "kind": a.kind, "page": a.page}),
                        );
                        c.insert("kind_label", kind_label(&a.kind));
                        c
                    },
                    |slot| ArticleList {
                        articles: a.articles[slot.range.clone()]
                            .iter()
                            .map(|x| art_summary(&cx, x))
                            .collect(),
                    },
                )
            })
            .collect::<Result<()>>()?;
        Ok(())
    };

    // sources
    let t_sources = || -> Result<()> {
        {
            let mut c = cx.base("sources/index.html");
            c.insert("nav", "sources");
            let publishers: Vec<_> = d.sources.iter().filter(|s| s.kind == "publisher").collect();
            let cited: Vec<_> = d.sources.iter().filter(|s| s.kind == "cited").collect();
            c.insert(
                "publishers",
                &publishers
                    .iter()
                    .map(|s| source_brief(s))
                    .collect::<Vec<_>>(),
            );
            c.insert(
                "cited",
                &cited.iter().map(|s| source_brief(s)).collect::<Vec<_>>(),
            );
            pages.put("sources/index.html".into(), "sources.html", c)?;
        }
        let shared_by_source = passages_by_source(d);
        d.sources
            .par_iter()
            .enumerate()
            .map(|(si, s)| {
                let mut c = cx.base(&s.page);
                c.insert("nav", "sources");
                // its lists are on the page (a page of them at a time), not here
                c.insert(
                    "source",
                    &SourceHead {
                        brief: source_brief(s),
                        notes: s.notes.as_deref(),
                    },
                );
                let arts: Vec<&Article> = s.articles.iter().filter_map(|x| cx.article(x)).collect();
                let dates = arts.iter().filter_map(|a| a.published.as_deref());
                if let (Some(a), Some(b)) = (dates.clone().min(), dates.max()) {
                    c.insert("span", &(date_label(a), date_label(b)));
                }
                // actors this source mentions most (counted by id; the order
                // is made below)
                let mut counts: HashMap<&str, usize> = HashMap::default();
                for a in &arts {
                    for act in &a.actors {
                        *counts.entry(act.as_ref()).or_insert(0) += 1;
                    }
                }
                let mut top: Vec<(&str, usize)> = counts.into_iter().collect();
                top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let top: Vec<_> = top
                    .into_iter()
                    .take(12)
                    .filter_map(|(id, n)| {
                        cx.actor_idx
                            .get(id)
                            .map(|&i| json!({"actor": actor_brief(&d.actors[i]), "count": n}))
                    })
                    .collect();
                c.insert_owned("top_actors", top);
                let shared: Vec<_> = shared_by_source[si]
                    .iter()
                    .map(|&p| passage_json(&cx, &d.shared_passages[p]))
                    .collect();
                c.insert_owned("shared", shared);
                // its articles and citations, a page of each at a time
                let size = site.config.list_page_size;
                let slots = list_pages(&s.page, s.articles.len().max(s.citations.len()), size);
                pages.put_paged(
                    "source.html",
                    &slots,
                    Some((c, ())),
                    |path| {
                        let mut c = cx.base(path);
                        c.insert("nav", "sources");
                        c.insert(
                            "source",
                            &json!({"name": s.name, "kind": s.kind, "page": s.page}),
                        );
                        c
                    },
                    |slot| {
                        let part = |len: usize| slot.range.start.min(len)..slot.range.end.min(len);
                        SourceList {
                            articles: s.articles[part(s.articles.len())]
                                .iter()
                                .map(|x| art_summary(&cx, x))
                                .collect(),
                            citations: s.citations[part(s.citations.len())]
                                .iter()
                                .map(|ci| Cited {
                                    text: &ci.text,
                                    article: art_summary(&cx, &ci.at.article),
                                    paragraph: ci.at.paragraph,
                                })
                                .collect(),
                        }
                    },
                )
            })
            .collect::<Result<()>>()?;
        Ok(())
    };

    // articles
    let t_articles = || -> Result<()> {
        {
            let mut arts: Vec<_> = d.articles.iter().collect();
            arts.sort_by(|a, b| b.published.cmp(&a.published).then(a.id.cmp(&b.id)));
            let slots = list_pages(
                "articles/index.html",
                arts.len(),
                site.config.list_page_size,
            );
            pages.put_paged(
                "articles.html",
                &slots,
                None::<(Context, ())>,
                |path| {
                    let mut c = cx.base(path);
                    c.insert("nav", "articles");
                    c.insert("n_articles", &arts.len());
                    c
                },
                |slot| ArticleList {
                    articles: arts[slot.range.clone()]
                        .iter()
                        .map(|a| art_summary(&cx, &a.id))
                        .collect(),
                },
            )?;
        }
        article_bodies(&cx, "../../", false, None, |i, body| {
            let a = &d.articles[i];
            let mut c = cx.base(&a.page);
            c.insert("nav", "articles");
            let (article, front) = art_context(&cx, &per_article, i);
            // the article's data, body and front matter are made only when
            // the page is rendered; the key holds what they are made of
            let mut key = crate::cache::Key::new("article parts");
            key.serialized(&article).serialized(&front);
            body.key_into(&mut key);
            pages.put_filled(a.page.clone(), "article.html", c, key.finish(), move |tc| {
                tc.insert("article", &art_page(&article, &front, body.html()));
                Ok(())
            })
        })?;
        Ok(())
    };

    // briefing
    let t_briefing = || -> Result<()> {
        {
            let mut c = cx.base("briefing/index.html");
            c.insert("nav", "briefing");
            c.insert(
                "build_date",
                &site
                    .config
                    .build_date
                    .map(|d| d.format("%-d %B %Y").to_string()),
            );
            c.insert("key_points", &key_points(&cx));
            let (brief_timeline, events_omitted) = briefing_timeline(&cx, &tl);
            c.insert_owned("timeline", brief_timeline);
            c.insert("events_omitted", &events_omitted);
            c.insert("top_actors", &top_actors);
            let mut all_actors: Vec<_> = d.actors.iter().collect();
            all_actors.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
            c.insert(
                "actors",
                &all_actors
                    .iter()
                    .map(|a| actor_brief(a))
                    .collect::<Vec<_>>(),
            );
            c.insert(
                "sources",
                &d.sources.iter().map(source_brief).collect::<Vec<_>>(),
            );
            c.insert("discrepancies", &discrepancies(&cx));
            insert_passages(&mut c, &cx, &shown_passages);
            // the briefing carries the most recent articles in full (paper has limits)
            let order = newest_articles(d, BRIEFING_ARTICLES_MAX);
            let bodies = article_bodies(&cx, "", true, Some(&order), |_, body| Ok(body.html()))?;
            let arts: Vec<_> = order
                .iter()
                .zip(bodies)
                .map(|(&i, body)| {
                    let (view, front) = art_context(&cx, &per_article, i);
                    serde_json::to_value(art_page(&view, &front, body)).unwrap_or_default()
                })
                .collect();
            c.insert_owned("articles", arts);
            c.insert("articles_omitted", &(d.articles.len() - order.len()));
            c.insert("n_articles", &d.articles.len());
            c.insert(
                "included",
                &order
                    .iter()
                    .map(|&i| d.articles[i].id.as_ref())
                    .collect::<Vec<_>>(),
            );
            pages.put("briefing/index.html".into(), "briefing.html", c)?;
        }
        Ok(())
    };

    // search
    let t_search = || -> Result<()> {
        {
            let mut c = cx.base("search/index.html");
            c.insert("nav", "search");
            pages.put("search/index.html".into(), "search.html", c)?;
        }
        Ok(())
    };
    // independent parts, in parallel (the biggest first)
    type Task<'t> = (&'static str, &'t (dyn Fn() -> Result<()> + Sync));
    let tasks: [Task; 7] = [
        ("article pages", &t_articles),
        ("actor pages", &t_actors),
        ("briefing", &t_briefing),
        ("timeline", &t_timeline),
        ("overview", &t_overview),
        ("source pages", &t_sources),
        ("search page", &t_search),
    ];
    let run = |(name, t): &Task| {
        let started = std::time::Instant::now();
        let r = t();
        if timer.on() {
            eprintln!(
                "timing:   render {name}: {} ms (in parallel)",
                started.elapsed().as_millis()
            );
        }
        r
    };
    // the biggest files (dossier.json, the search index) are written on a
    // thread of their own: where the disk is slow to take them, that thread
    // waits, not one of the workers rendering pages
    std::thread::scope(|scope| {
        let files = scope.spawn(|| run(&("assets, search index, dossier.json", &t_assets)));
        let rendered = tasks.par_iter().map(run).collect::<Result<()>>();
        let files = files.join().unwrap_or_else(|_| {
            Err(Error::Template(
                "writing dossier.json and the search index stopped unexpectedly".into(),
            ))
        });
        rendered.and(files)
    })?;
    pages.finish(site);
    timer.lap("render: pages");

    if let Some(base) = &site.config.base_url {
        sink.put("feed.xml".into(), feed(&cx, base).into_bytes())?;
        let mut html: Vec<String> = sink
            .html
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        html.sort();
        sink.put("sitemap.xml".into(), sitemap(base, &html).into_bytes())?;
    }
    Ok(())
}

/// The first words of a headline, for citations.
fn short_title(t: &str) -> String {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() <= 6 {
        return words.join(" ");
    }
    format!("{}…", words[..5].join(" "))
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "person" => "People",
        "organization" => "Organisations",
        "state" => "States",
        "group" => "Armed groups and movements",
        _ => "Other",
    }
}

fn block_text(dr: &crate::build::Draft, b: Block) -> &str {
    match b {
        Block::Title => &dr.title,
        Block::Dek => dr.dek.as_deref().unwrap_or(""),
        Block::Para(i) => dr
            .paragraphs
            .get(i as usize)
            .map(|s| s.as_str())
            .unwrap_or(""),
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Keyword in context: (left, match, right), cut at word boundaries.
fn context_window(text: &str, start: usize, end: usize, width: usize) -> (String, String, String) {
    let start = floor_char(text, start);
    let end = ceil_char(text, end.max(start));
    let mut l = floor_char(text, start.saturating_sub(width));
    if l > 0 {
        l = text[l..start].find(' ').map(|i| l + i + 1).unwrap_or(l);
    }
    let mut r = ceil_char(text, end + width);
    if r < text.len() {
        r = text[end..r].rfind(' ').map(|i| end + i).unwrap_or(r);
    }
    let left = format!("{}{}", if l > 0 { "…" } else { "" }, &text[l..start]);
    let right = format!("{}{}", &text[end..r], if r < text.len() { "…" } else { "" });
    (left, text[start..end].to_string(), right)
}

/// What a list needs of an actor (not its whole article list: an actor in
/// every article would make every page that lists it as large as the corpus).
#[derive(Serialize)]
struct ActorBrief<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    role: Option<&'a str>,
    page: &'a str,
    mentions: usize,
    n_articles: usize,
}

fn actor_brief(a: &crate::model::Actor) -> ActorBrief<'_> {
    ActorBrief {
        id: &a.id,
        name: &a.name,
        kind: &a.kind,
        role: a.role.as_deref(),
        page: &a.page,
        mentions: a.mentions,
        n_articles: a.articles.len(),
    }
}

/// An actor's own page (the first of its list of articles), beside the
/// common context.
#[derive(Serialize)]
struct ActorPage<'a> {
    actor: &'a crate::model::Actor,
    kind_label: &'static str,
    quotes: Vec<Cited<'a>>,
    /// At most [`ACTOR_EVENTS_SHOWN`] of the `events_total` events.
    events: Vec<ActorEvent<'a>>,
    events_total: usize,
    /// The first [`KWIC_SHOWN`] of the `kwic_total` mentions.
    kwic: Vec<Kwic<'a>>,
    kwic_total: usize,
    per_source: Vec<NameCount<'a>>,
    cooccurring: Vec<ActorCount<'a>>,
}

/// How many of an actor's events its page lists. A much-reported actor is
/// in thousands of events (18,000 at 100,000 articles, a 4 MB list); the
/// page lists those reported by the most articles, and the timeline has
/// every one.
const ACTOR_EVENTS_SHOWN: usize = 200;

/// How many of an actor's mentions its page shows in context.
const KWIC_SHOWN: usize = 200;

/// The `n` events of `events` reported by the most articles (the earlier
/// on a tie), in their order in `events`.
fn most_reported<'e>(events: &[&'e crate::model::Event], n: usize) -> Vec<&'e crate::model::Event> {
    if events.len() <= n {
        return events.to_vec();
    }
    let mut idx: Vec<usize> = (0..events.len()).collect();
    idx.sort_by_key(|&i| (std::cmp::Reverse(events[i].articles.len()), i));
    idx.truncate(n);
    idx.sort_unstable();
    idx.into_iter().map(|i| events[i]).collect()
}

/// One page of a list of articles.
#[derive(Serialize)]
struct ArticleList<'a> {
    articles: Vec<SummaryRef<'a>>,
}

/// One page of a source's articles and citations.
#[derive(Serialize)]
struct SourceList<'a> {
    articles: Vec<SummaryRef<'a>>,
    citations: Vec<Cited<'a>>,
}

/// Words quoted or cited from an article's paragraph.
#[derive(Serialize)]
struct Cited<'a> {
    text: &'a str,
    article: SummaryRef<'a>,
    paragraph: usize,
}

/// An event as an actor's page lists it.
#[derive(Serialize)]
struct ActorEvent<'a> {
    id: &'a str,
    href: String,
    date_label: Cow<'a, str>,
    text: &'a str,
    precision: &'a str,
    #[serde(rename = "ref")]
    first_ref: Option<&'a crate::model::EventRef>,
}

/// A mention in context (keyword in context).
#[derive(Serialize)]
struct Kwic<'a> {
    left: String,
    #[serde(rename = "match")]
    mid: String,
    right: String,
    article: SummaryRef<'a>,
    paragraph: usize,
}

#[derive(Serialize)]
struct NameCount<'a> {
    name: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct ActorCount<'a> {
    actor: &'a Digested<ActorBrief<'a>>,
    count: usize,
}

/// What a list needs of a source.
#[derive(Serialize)]
struct SourceBrief<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    homepage: Option<&'a str>,
    page: &'a str,
    n_articles: usize,
    n_cited_in: usize,
    n_citations: usize,
}

/// A source as its own page shows it: its brief and notes (its lists are
/// given a page of them at a time).
#[derive(Serialize)]
struct SourceHead<'a> {
    #[serde(flatten)]
    brief: SourceBrief<'a>,
    notes: Option<&'a str>,
}

/// For every source (in corpus order), the first [`SOURCE_PASSAGES_MAX`]
/// shared passages it shares with other outlets: carried by one of its
/// articles and by an article that is not its. One pass over the passages.
fn passages_by_source(d: &Dossier) -> Vec<Vec<usize>> {
    // the sources of each article, each once, in order
    let mut owners: HashMap<&str, Vec<usize>> = HashMap::default();
    for (si, s) in d.sources.iter().enumerate() {
        for a in &s.articles {
            let list = owners.entry(a.as_ref()).or_default();
            if list.last() != Some(&si) {
                list.push(si);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); d.sources.len()];
    // per source: how many of a passage's articles are its own
    let mut own: BTreeMap<usize, usize> = BTreeMap::new();
    for (pi, p) in d.shared_passages.iter().enumerate() {
        own.clear();
        for a in &p.articles {
            for &si in owners.get(a.as_ref()).map_or(&[][..], Vec::as_slice) {
                *own.entry(si).or_insert(0) += 1;
            }
        }
        for (&si, &n) in &own {
            // some article of the passage is not this source's
            if n < p.articles.len() && out[si].len() < SOURCE_PASSAGES_MAX {
                out[si].push(pi);
            }
        }
    }
    out
}

fn source_brief(s: &crate::model::Source) -> SourceBrief<'_> {
    SourceBrief {
        id: &s.id,
        name: &s.name,
        kind: &s.kind,
        homepage: s.homepage.as_deref(),
        page: &s.page,
        n_articles: s.articles.len(),
        n_cited_in: s.cited_in.len(),
        n_citations: s.citations.len(),
    }
}

fn top_actors(cx: &Ctx, n: usize) -> Vec<serde_json::Value> {
    let mut v: Vec<_> = cx.d.actors.iter().collect();
    v.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(a.name.cmp(&b.name))
    });
    v.into_iter()
        .take(n)
        .map(|a| json!({"actor": actor_brief(a), "kind_label": kind_label(&a.kind)}))
        .collect()
}

fn key_points(cx: &Ctx) -> Vec<serde_json::Value> {
    cx.d.key_points
        .iter()
        .map(|k| {
            json!({
                "text": k.text,
                "refs": k.refs.iter().map(|r| json!({"article": art_summary(cx, &r.article), "paragraph": r.paragraph})).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// At most this many other carriers are named under a shared passage.
const ALSO_IN_MAX: usize = 5;
/// At most this many citations are listed per item on summary pages.
const REFS_MAX: usize = 12;
/// At most this many shared passages are listed on a source page.
const SOURCE_PASSAGES_MAX: usize = 50;
/// At most this many articles are printed in full in the briefing.
const BRIEFING_ARTICLES_MAX: usize = 100;
/// At most this many events (the most widely reported) are in the briefing.
const BRIEFING_EVENTS_MAX: usize = 150;
/// At most this many shared passages (the most widely carried) are listed on
/// the overview and in the briefing.
const PASSAGES_MAX: usize = 30;
/// At most this many articles are listed on the overview (newest first);
/// the articles page lists them all.
const OVERVIEW_ARTICLES_MAX: usize = 50;
/// Above this many dated events the timeline has a page per month.
const TIMELINE_PAGE_MAX: usize = 1000;

fn discrepancies(cx: &Ctx) -> Vec<serde_json::Value> {
    cx.d.discrepancies
        .iter()
        .take(30)
        .map(|x| {
            // the extremes and a spread of values in between
            let n = x.figures.len();
            let pick: Vec<&crate::model::Figure> = if n <= REFS_MAX {
                x.figures.iter().collect()
            } else {
                (0..REFS_MAX)
                    .map(|k| &x.figures[k * (n - 1) / (REFS_MAX - 1)])
                    .collect()
            };
            json!({
                "what": x.what,
                "more": x.figures_total.saturating_sub(pick.len()),
                "figures": pick.iter().map(|f| json!({
                    "value": f.value, "what": f.what, "text": f.text,
                    "article": art_summary(cx, &f.article), "paragraph": f.paragraph,
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn passage_json(cx: &Ctx, p: &crate::model::SharedPassage) -> serde_json::Value {
    json!({
        "id": p.id,
        "text": p.text,
        "more": p.refs.len().saturating_sub(REFS_MAX),
        "refs": p.refs.iter().take(REFS_MAX).map(|r| json!({"article": art_summary(cx, &r.article), "paragraph": r.paragraph})).collect::<Vec<_>>(),
    })
}

/// The most widely carried shared passages (in corpus order).
fn top_passages(d: &Dossier) -> Vec<usize> {
    top_by((0..d.shared_passages.len()).collect(), PASSAGES_MAX, |i| {
        d.shared_passages[i].refs.len()
    })
    .0
}

/// The `max` items with the highest `weight` (ties: the earlier), back in
/// index order; and how many were left out.
fn top_by(mut idx: Vec<usize>, max: usize, weight: impl Fn(usize) -> usize) -> (Vec<usize>, usize) {
    if idx.len() <= max {
        return (idx, 0);
    }
    let omitted = idx.len() - max;
    idx.sort_by(|&a, &b| weight(b).cmp(&weight(a)).then(a.cmp(&b)));
    idx.truncate(max);
    idx.sort_unstable();
    (idx, omitted)
}

/// The shown passages, and how many more there are, into a page context.
fn insert_passages(c: &mut Context, cx: &Ctx, shown: &[usize]) {
    let list: Vec<_> = shown
        .iter()
        .map(|&i| passage_json(cx, &cx.d.shared_passages[i]))
        .collect();
    c.insert("passages", &list);
    c.insert("passages_more", &(cx.d.shared_passages.len() - shown.len()));
}

/// The `max` newest articles (undated last), in corpus order.
fn newest_articles(d: &Dossier, max: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..d.articles.len()).collect();
    order.sort_by(|&x, &y| {
        d.articles[y]
            .published
            .cmp(&d.articles[x].published)
            .then(x.cmp(&y))
    });
    order.truncate(max);
    order.sort_unstable();
    order
}

/// The timeline as event indexes: day events by date, month-level and
/// background apart. Pages build the JSON of only the events they show.
struct TimelineIdx<'a> {
    days: BTreeMap<&'a str, Vec<usize>>,
    months: Vec<usize>,
    background: Vec<usize>,
}

fn timeline_idx(d: &Dossier) -> TimelineIdx<'_> {
    let mut t = TimelineIdx {
        days: BTreeMap::new(),
        months: Vec::new(),
        background: Vec::new(),
    };
    for (i, e) in d.events.iter().enumerate() {
        match (e.precision, e.basis) {
            (_, "background") | ("year", _) => t.background.push(i),
            ("month", _) => t.months.push(i),
            _ => t.days.entry(e.date.as_str()).or_default().push(i),
        }
    }
    t
}

/// What a citation on a list needs of an article (lighter than its summary).
#[derive(Serialize, Clone)]
struct Cite<'a> {
    id: Cow<'a, str>,
    label: Cow<'a, str>,
    page: &'a str,
    published_label: Option<&'a str>,
}

fn cite<'c>(cx: &'c Ctx<'_>, id: &str) -> Cow<'c, Digested<Cite<'c>>> {
    match cx.art_idx.get(id) {
        Some(&i) => Cow::Borrowed(&cx.cites[i]),
        None => Cow::Owned(Digested::new(cite_of(&art_summary(cx, id).value))),
    }
}

fn cite_of<'a>(s: &Summary<'a>) -> Cite<'a> {
    Cite {
        id: s.id.clone(),
        label: s.label.clone(),
        page: s.page,
        published_label: s.published_label,
    }
}

/// One event for the timeline pages (serialised once, where the page's
/// data is made: no JSON copies of its parts).
#[derive(Serialize)]
struct EventView<'a> {
    id: &'a str,
    date: &'a str,
    date_label: Cow<'a, str>,
    precision: &'a str,
    basis: &'a str,
    text: &'a str,
    refs: Vec<EventRefView<'a>>,
    actors: Vec<ActorName<'a>>,
    more: usize,
    n_articles: usize,
    href: String,
    estimated: bool,
}

#[derive(Serialize)]
struct EventRefView<'a> {
    article: Cow<'a, Digested<Cite<'a>>>,
    paragraph: usize,
    evidence: &'a str,
    basis: &'a str,
}

#[derive(Serialize)]
struct ActorName<'a> {
    id: &'a str,
    name: Cow<'a, str>,
}

fn event_view<'c>(cx: &'c Ctx<'_>, e: &'c crate::model::Event) -> EventView<'c> {
    EventView {
        id: &e.id,
        date: &e.date,
        date_label: cx.event_date_label(e),
        precision: e.precision,
        basis: e.basis,
        text: &e.text,
        refs: e
            .refs
            .iter()
            .take(REFS_MAX)
            .map(|r| EventRefView {
                article: cite(cx, &r.at.article),
                paragraph: r.at.paragraph,
                evidence: &r.evidence,
                basis: r.basis,
            })
            .collect(),
        actors: e
            .actors
            .iter()
            .map(|a| ActorName {
                id: a.as_ref(),
                name: cx.actor_name(a),
            })
            .collect(),
        more: e.refs.len().saturating_sub(REFS_MAX),
        n_articles: e.articles.len(),
        href: cx.event_href(e),
        estimated: e.refs.iter().any(|r| r.basis == "estimated")
            || e.refs.iter().any(|r| {
                cx.article(&r.at.article)
                    .and_then(|a| a.published_basis.as_deref())
                    == Some("estimated")
            }),
    }
}

/// Timeline JSON for a selection of days and events, built in parallel.
fn timeline_json(
    cx: &Ctx,
    days: &[(&str, &[usize])],
    months: &[usize],
    background: &[usize],
) -> serde_json::Value {
    serde_json::to_value(timeline_view(cx, days, months, background)).unwrap_or_default()
}

#[derive(Serialize)]
struct Day<'a> {
    date: &'a str,
    label: String,
    events: Vec<EventView<'a>>,
}

/// A timeline page's events: by day, by month (only the month is known),
/// and background.
#[derive(Serialize)]
struct Timeline<'a> {
    days: Vec<Day<'a>>,
    months: Vec<EventView<'a>>,
    background: Vec<EventView<'a>>,
}

fn timeline_view<'a>(
    cx: &'a Ctx<'_>,
    days: &[(&'a str, &[usize])],
    months: &[usize],
    background: &[usize],
) -> Timeline<'a> {
    let evs = |idx: &[usize]| -> Vec<EventView<'a>> {
        idx.par_iter()
            .map(|&i| event_view(cx, &cx.d.events[i]))
            .collect()
    };
    Timeline {
        days: days
            .par_iter()
            .map(|(date, idx)| Day {
                date,
                label: date_label(date),
                events: evs(idx),
            })
            .collect(),
        months: evs(months),
        background: evs(background),
    }
}

/// The briefing's timeline: the most widely reported events (by number of
/// articles, then date), at most BRIEFING_EVENTS_MAX of the day events and a
/// fifth as many month and background ones; and how many were left out.
fn briefing_timeline(cx: &Ctx, t: &TimelineIdx) -> (serde_json::Value, usize) {
    let d = cx.d;
    let keep = |v: Vec<usize>, max: usize| top_by(v, max, |i| d.events[i].articles.len());
    // day events in date order (the index order within a day is kept)
    let order: Vec<usize> = t.days.values().flatten().copied().collect();
    let rank: HashMap<usize, usize> = order.iter().enumerate().map(|(r, &i)| (i, r)).collect();
    let (mut kept, o1) = keep(order, BRIEFING_EVENTS_MAX);
    kept.sort_by_key(|i| rank[i]);
    let mut days: Vec<(&str, Vec<usize>)> = Vec::new();
    for i in kept {
        let date = d.events[i].date.as_str();
        match days.last_mut() {
            Some((dd, v)) if *dd == date => v.push(i),
            _ => days.push((date, vec![i])),
        }
    }
    let days: Vec<(&str, &[usize])> = days.iter().map(|(d, v)| (*d, v.as_slice())).collect();
    let (months, o2) = keep(t.months.clone(), BRIEFING_EVENTS_MAX / 5);
    let (background, o3) = keep(t.background.clone(), BRIEFING_EVENTS_MAX / 5);
    (timeline_json(cx, &days, &months, &background), o1 + o2 + o3)
}

/// Actor index → {other actor index → shared articles}.
pub fn cooccurrence(d: &Dossier) -> HashMap<usize, BTreeMap<usize, usize>> {
    let idx: HashMap<&str, usize> = d
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_ref(), i))
        .collect();
    // how many articles list each pair of actors: counted in parallel, each
    // unordered pair once, then both ways
    type Counts = rustc_hash::FxHashMap<(u32, u32), usize>;
    let pairs: Counts = d
        .articles
        .par_iter()
        .fold(Counts::default, |mut n, a| {
            // cap per article so a huge cast list stays near-linear
            let ids: Vec<u32> = a
                .actors
                .iter()
                .filter_map(|x| idx.get(x.as_ref()).map(|&i| i as u32))
                .take(40)
                .collect();
            for (k, &x) in ids.iter().enumerate() {
                for &y in &ids[k + 1..] {
                    if x != y {
                        *n.entry((x.min(y), x.max(y))).or_insert(0) += 1;
                    }
                }
            }
            n
        })
        .reduce(Counts::default, crate::text::merge_counts);
    let mut m: HashMap<usize, BTreeMap<usize, usize>> = HashMap::default();
    for ((x, y), n) in pairs {
        let (x, y) = (x as usize, y as usize);
        m.entry(x).or_default().insert(y, n);
        m.entry(y).or_default().insert(x, n);
    }
    m
}

/// Article body HTML for each article: paragraph anchors, actor links,
/// shared-passage marks with "also in" notes. `briefing` rewrites links to
/// in-page anchors.
/// Render the bodies of the chosen articles (all when `only` is `None`) in
/// parallel, handing each to `f` as it is done (so they are never all in
/// memory at once); returns what `f` returns, in the order of `only`.
fn article_bodies<T: Send>(
    cx: &Ctx,
    root: &str,
    briefing: bool,
    only: Option<&[usize]>,
    f: impl Fn(usize, Body) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let in_briefing: std::collections::HashSet<usize> = only
        .map(|o| o.iter().copied().collect())
        .unwrap_or_default();
    let site = cx.site;
    let d = cx.d;
    let shown = top_passages(d);
    let chosen: Vec<usize> = match only {
        Some(list) => list.to_vec(),
        None => (0..site.drafts.len()).collect(),
    };
    // the shared passages each chosen article carries, gathered in one pass
    // (its mentions are read from the actor index's own per-article ranges)
    let mut slot: Vec<Option<usize>> = vec![None; d.articles.len()];
    for (k, &i) in chosen.iter().enumerate() {
        if let Some(x) = slot.get_mut(i) {
            *x = Some(k);
        }
    }
    type Occ<'x> = (usize, &'x crate::extract::passages::SharedPassage, usize);
    let mut occs: Vec<Vec<Occ>> = vec![Vec::new(); chosen.len()];
    for (pi, p) in site.passages.iter().enumerate() {
        for (oi, o) in p.occurrences.iter().enumerate() {
            if let Some(k) = slot.get(o.doc).copied().flatten() {
                occs[k].push((pi, p, oi));
            }
        }
    }
    // every link to another carrier of a shared passage is made of the
    // carrier's link (the page, or in the briefing its copy there) and its
    // label: both escaped once per article
    let carriers: Vec<(String, String)> = d
        .articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| {
            // the paragraph number is appended to this link
            let href = if !briefing {
                format!("{root}articles/{}/index.html#p", a.id)
            } else if in_briefing.contains(&i) {
                // the briefing's own copy of the article
                format!("#article-{}-p", a.id)
            } else {
                format!("../articles/{}/index.html#p", a.id)
            };
            (escape_html(&href), escape_html(&cx.label_of(a)))
        })
        .collect();
    let jobs: Vec<(usize, Vec<Occ>)> = chosen.into_iter().zip(occs).collect();
    jobs.into_par_iter()
        .map(|(i, occs)| {
            let mentions = site.actors.doc_mentions(i);
            let mut marks = Marks {
                briefing,
                root,
                actors: Vec::new(),
                shared: Vec::new(),
            };
            let listed: BTreeSet<&str> = d.articles[i].actors.iter().map(|s| s.as_ref()).collect();
            for m in mentions {
                let Block::Para(p) = m.block else { continue };
                let Some(id) = site.actor_ids.get(m.actor()) else {
                    continue;
                };
                if !listed.contains(id.as_ref()) {
                    continue;
                }
                marks.actors.push(ActorMark {
                    para: p as usize,
                    start: m.start(),
                    end: m.end(),
                    id,
                });
            }
            for (pi, p, oi) in occs {
                let o = &p.occurrences[oi];
                let Block::Para(para) = o.block else { continue };
                // name a few other carriers; a passage carried by hundreds of
                // articles (a wire sentence) links to its full list instead
                // one occurrence per article (see `shared_passages`): the
                // others are all but this one, counted without a scan
                let total_others = p.occurrences.len() - 1;
                let others = p
                    .occurrences
                    .iter()
                    .filter(|x| x.doc != o.doc)
                    .take(ALSO_IN_MAX)
                    .map(|x| {
                        let (href, label) = &carriers[x.doc];
                        (
                            href.as_str(),
                            label.as_str(),
                            crate::build::paragraph_no(x.block),
                        )
                    })
                    .collect();
                let more = total_others.saturating_sub(ALSO_IN_MAX);
                // the overview and the briefing list the most carried passages
                let more_href = (more > 0 && shown.binary_search(&pi).is_ok()).then(|| {
                    if briefing {
                        "#b-discrepancies".to_string()
                    } else {
                        format!("{root}index.html#{}", d.shared_passages[pi].id)
                    }
                });
                marks.shared.push(SharedMark {
                    para: para as usize,
                    start: o.start,
                    end: o.end,
                    carriers: d.shared_passages[pi].articles.len(),
                    others,
                    more,
                    more_href,
                });
            }
            let dr = &site.drafts[i];
            let body = Body {
                markdown: match dr.own_body() {
                    Some(text) => Markdown::Text(Cow::Borrowed(text)),
                    None => Markdown::Paragraphs(&dr.paragraphs),
                },
                trusted_html: site.config.trusted_html,
                marks,
                // paragraph anchors become unique per article in the one-page briefing
                anchors: briefing.then(|| format!("article-{}-p", dr.id)),
            };
            f(i, body)
        })
        .collect()
}

/// An article's body, ready to render to HTML: its Markdown and how to
/// decorate it.
struct Body<'a> {
    markdown: Markdown<'a>,
    /// Let raw HTML through (config `trusted_html`).
    trusted_html: bool,
    marks: Marks<'a>,
    /// paragraph anchors `p1`, `p2`, … become `{anchors}1`, …
    anchors: Option<String>,
}

/// How an article body is decorated, before any HTML is made of it: its
/// page's key hashes this, and [`Body::html`] makes the links and notes of
/// it (so the key holds everything they are made of).
#[derive(Serialize)]
struct Marks<'a> {
    /// Links to actors go to the briefing's own list (`#actor-ID`), not
    /// to the actor pages (`{root}actors/ID/index.html`).
    briefing: bool,
    root: &'a str,
    actors: Vec<ActorMark<'a>>,
    shared: Vec<SharedMark<'a>>,
}

/// A mention of an actor the article lists (0-based paragraph, bytes).
#[derive(Serialize)]
struct ActorMark<'a> {
    para: usize,
    start: usize,
    end: usize,
    id: &'a str,
}

/// A shared passage in the article, with a note naming other carriers.
#[derive(Serialize)]
struct SharedMark<'a> {
    para: usize,
    start: usize,
    end: usize,
    /// How many articles carry it.
    carriers: usize,
    /// Some other carriers: link (the paragraph number is appended) and
    /// label, both escaped, and the paragraph.
    others: Vec<(&'a str, &'a str, usize)>,
    /// How many other carriers are not named, and where they are listed.
    more: usize,
    more_href: Option<String>,
}

impl Marks<'_> {
    /// The links, marks and notes, as HTML.
    fn options(&self, trusted_html: bool) -> RenderOptions {
        let mut spans: BTreeMap<usize, Vec<Span>> = BTreeMap::new();
        let mut after: BTreeMap<usize, String> = BTreeMap::new();
        for a in &self.actors {
            let href = if self.briefing {
                format!("#actor-{}", a.id)
            } else {
                format!("{}actors/{}/index.html", self.root, a.id)
            };
            spans.entry(a.para).or_default().push(Span {
                start: a.start,
                end: a.end,
                open: format!("<a class=\"actor\" href=\"{}\">", escape_html(&href)),
                close: "</a>",
                link: true,
            });
        }
        for m in &self.shared {
            spans.entry(m.para).or_default().push(Span {
                start: m.start,
                end: m.end,
                open: format!(
                    "<mark class=\"shared\" title=\"Shared passage: in {} articles\">",
                    m.carriers
                ),
                close: "</mark>",
                link: false,
            });
            let mut others: Vec<String> = m
                .others
                .iter()
                .map(|&(href, label, n)| {
                    let n = n.to_string();
                    // both escaped; digits need no escaping
                    let mut a = String::with_capacity(href.len() + label.len() + 32);
                    for piece in ["<a href=\"", href, &n, "\">", label, " (¶", &n, ")</a>"] {
                        a.push_str(piece);
                    }
                    a
                })
                .collect();
            if m.more > 0 {
                others.push(match &m.more_href {
                    Some(href) => {
                        format!("<a href=\"{}\">and {} more</a>", escape_html(href), m.more)
                    }
                    None => format!("and {} more", m.more),
                });
            }
            if !others.is_empty() {
                let note = after.entry(m.para).or_default();
                note.push_str(&format!(
                    "<p class=\"also-in\">Shared passage — also in: {}</p>\n",
                    others.join(", ")
                ));
            }
        }
        RenderOptions {
            trusted_html,
            spans,
            after,
        }
    }
}

/// An article body's Markdown: a file's own text, or the paragraphs it is
/// generated from (made only when the page is rendered).
enum Markdown<'a> {
    Text(Cow<'a, str>),
    Paragraphs(&'a [String]),
}

impl Body<'_> {
    fn html(&self) -> String {
        let markdown = match &self.markdown {
            Markdown::Text(text) => Cow::Borrowed(text.as_ref()),
            Markdown::Paragraphs(p) => Cow::Owned(crate::content::body_from_paragraphs(p)),
        };
        let html = crate::markdown::render(&markdown, &self.marks.options(self.trusted_html));
        match &self.anchors {
            Some(prefix) => html.replace("<p id=\"p", &format!("<p id=\"{prefix}")),
            None => html,
        }
    }

    /// Feed everything [`Body::html`] reads into `key`.
    fn key_into(&self, key: &mut crate::cache::Key) {
        match &self.markdown {
            Markdown::Text(text) => key.str("text").str(text),
            Markdown::Paragraphs(p) => key.str("paragraphs").serialized(p),
        };
        key.opt(self.anchors.as_deref())
            .bytes(&[u8::from(self.trusted_html)])
            .serialized(&self.marks);
    }
}

/// One page of a list that continues on numbered pages: the first is the
/// owner's own page (`dir/index.html`), the others `dir/page/N/index.html`.
struct ListPage {
    no: usize,
    path: String,
    range: std::ops::Range<usize>,
}

/// The pages a list of `len` items takes at `size` a page (always one page,
/// even for an empty list).
fn list_pages(first: &str, len: usize, size: usize) -> Vec<ListPage> {
    let size = size.max(1);
    let dir = first.strip_suffix("index.html").unwrap_or(first);
    let n = len.div_ceil(size).max(1);
    (1..=n)
        .map(|no| ListPage {
            no,
            path: if no == 1 {
                first.to_string()
            } else {
                format!("{dir}page/{no}/index.html")
            },
            range: ((no - 1) * size).min(len)..(no * size).min(len),
        })
        .collect()
}

/// What templates need to link the pages of a list (`m::pager`).
fn pager_json(pages: &[ListPage], current: usize) -> serde_json::Value {
    json!({
        "current": current,
        "total": pages.len(),
        "pages": pages.iter().map(|p| json!({"no": p.no, "href": p.path})).collect::<Vec<_>>(),
    })
}

/// Each actor's mentions, in corpus order: one list of 32-bit mention
/// indices grouped by actor (a counting sort), instead of a vector of
/// references per actor (millions of mentions in a big corpus).
struct MentionsByActor {
    /// `starts[a]..starts[a + 1]`: actor `a`'s slice of `order`.
    starts: Vec<usize>,
    order: Vec<u32>,
}

impl MentionsByActor {
    fn new(mentions: &[crate::extract::actors::Mention], actors: usize) -> Self {
        let mut starts = vec![0usize; actors + 2];
        for m in mentions {
            if m.actor() < actors {
                starts[m.actor() + 2] += 1;
            }
        }
        for a in 2..starts.len() {
            starts[a] += starts[a - 1];
        }
        // starts[a + 1] is now where actor a's slice begins; fill it
        let mut order = vec![0u32; starts[actors + 1]];
        for (i, m) in mentions.iter().enumerate() {
            if m.actor() < actors {
                let at = &mut starts[m.actor() + 1];
                order[*at] = u32::try_from(i).unwrap_or(u32::MAX);
                *at += 1;
            }
        }
        MentionsByActor { starts, order }
    }

    fn of<'m>(
        &'m self,
        actor: usize,
        mentions: &'m [crate::extract::actors::Mention],
    ) -> impl Iterator<Item = &'m crate::extract::actors::Mention> + 'm {
        let range = match (self.starts.get(actor), self.starts.get(actor + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        };
        self.order[range]
            .iter()
            .filter_map(move |&i| mentions.get(i as usize))
    }
}

/// Quotes and event reports grouped by article.
struct PerArticle<'a> {
    quotes: HashMap<&'a str, Vec<&'a crate::model::Quote>>,
    events: HashMap<&'a str, Vec<(&'a crate::model::Event, &'a crate::model::EventRef)>>,
}

impl<'a> PerArticle<'a> {
    fn new(d: &'a Dossier) -> Self {
        let mut quotes: HashMap<&str, Vec<&crate::model::Quote>> = HashMap::default();
        for q in &d.quotes {
            quotes.entry(q.article.as_ref()).or_default().push(q);
        }
        let mut events: HashMap<&str, Vec<_>> = HashMap::default();
        for e in &d.events {
            for r in &e.refs {
                events
                    .entry(r.at.article.as_ref())
                    .or_default()
                    .push((e, r));
            }
        }
        PerArticle { quotes, events }
    }
}

/// An article page's data, less its body and front matter (their HTML is
/// made only when the page is rendered); with the front matter's YAML.
fn art_context<'a>(
    cx: &'a Ctx<'a>,
    per: &PerArticle<'a>,
    i: usize,
) -> (ArticleView<'a>, crate::content::FrontMatter) {
    let d = cx.d;
    let a = &d.articles[i];
    let dr = &cx.site.drafts[i];
    let front = crate::content::FrontMatter {
        title: a.display_title.clone(),
        dek: a.dek.clone(),
        publisher: dr.publisher_name.clone(),
        published: dr.published.filter(|_| dr.basis != Some("estimated")),
        published_basis: dr.basis.filter(|b| *b != "estimated").map(str::to_string),
        url: a.url.clone(),
        seed: a.seed.clone(),
        actors: crate::model::id_strings(&a.actors),
        places: a.places.clone(),
        cited_sources: a.cited_sources.clone(),
        removed: vec![],
        fingerprint: None,
    };
    let quotes = per
        .quotes
        .get(a.id.as_ref())
        .into_iter()
        .flatten()
        .map(|q| QuoteView {
            text: &q.text,
            paragraph: q.paragraph,
            speaker: q.speaker.as_ref().map(|s| Speaker {
                id: s,
                name: cx.actor_name(s),
            }),
            speaker_text: q.speaker_text.as_deref(),
        })
        .collect();
    let events = per
        .events
        .get(a.id.as_ref())
        .into_iter()
        .flatten()
        .map(|(e, r)| ArticleEvent {
            id: &e.id,
            href: cx.event_href(e),
            date: &e.date,
            date_label: cx.event_date_label(e),
            precision: e.precision,
            basis: r.basis,
            evidence: &r.evidence,
            text: &r.text,
            paragraph: r.at.paragraph,
        })
        .collect();
    let actors = a
        .actors
        .iter()
        .filter_map(|x| cx.actor_idx.get(x.as_ref()).map(|&j| &cx.actor_briefs[j]))
        .collect();
    let cited = a
        .cited_sources
        .iter()
        .filter_map(|x| cx.source_idx.get(x.as_str()).map(|&j| &cx.source_briefs[j]))
        .collect();
    let view = ArticleView {
        id: &a.id,
        title: &a.display_title,
        untitled: a.title.is_empty(),
        dek: a.dek.as_deref(),
        publisher: cx.publisher_of(a),
        publisher_id: a.publisher.as_deref(),
        published: a.published.as_deref(),
        published_label: a.published.as_deref().map(date_label),
        basis: a.published_basis.as_deref(),
        url: a
            .url
            .as_deref()
            .filter(|u| crate::markdown::safe_url(u) && u.contains("://")),
        seed: a.seed.as_deref(),
        content: &a.content,
        edited: a.edited,
        removed: &a.removed,
        quotes,
        events,
        actors,
        cited,
        places: &a.places,
        page: &a.page,
    };
    (view, front)
}

/// What an article page (and the briefing) shows of an article, borrowed
/// from the model: hashed for the page's key, and put into a context only
/// when the page is rendered. With [`art_page`], `body` and `front_matter`.
#[derive(Serialize)]
struct ArticleView<'a> {
    id: &'a str,
    title: &'a str,
    untitled: bool,
    dek: Option<&'a str>,
    publisher: &'a str,
    publisher_id: Option<&'a str>,
    published: Option<&'a str>,
    published_label: Option<String>,
    basis: Option<&'a str>,
    url: Option<&'a str>,
    seed: Option<&'a str>,
    content: &'a str,
    edited: bool,
    removed: &'a [String],
    quotes: Vec<QuoteView<'a>>,
    events: Vec<ArticleEvent<'a>>,
    actors: Vec<&'a Digested<ActorBrief<'a>>>,
    cited: Vec<&'a Digested<SourceBrief<'a>>>,
    places: &'a [String],
    page: &'a str,
}

#[derive(Serialize)]
struct QuoteView<'a> {
    text: &'a str,
    paragraph: usize,
    speaker: Option<Speaker<'a>>,
    speaker_text: Option<&'a str>,
}

#[derive(Serialize)]
struct Speaker<'a> {
    id: &'a str,
    name: Cow<'a, str>,
}

/// An event as an article reporting it lists it.
#[derive(Serialize)]
struct ArticleEvent<'a> {
    id: &'a str,
    href: String,
    date: &'a str,
    date_label: Cow<'a, str>,
    precision: &'a str,
    basis: &'a str,
    evidence: &'a str,
    text: &'a str,
    paragraph: usize,
}

/// An article page's `article`: its view, with its body and front matter
/// rendered to HTML.
#[derive(Serialize)]
struct ArticlePage<'a> {
    #[serde(flatten)]
    view: &'a ArticleView<'a>,
    body: String,
    front_matter: String,
}

fn art_page<'a>(
    view: &'a ArticleView,
    front: &crate::content::FrontMatter,
    body: String,
) -> ArticlePage<'a> {
    let yaml = serde_yaml::to_string(front).unwrap_or_default();
    ArticlePage {
        view,
        body,
        front_matter: crate::highlight::yaml_lines_block(&yaml),
    }
}

/// The search index, written as it is serialised.
fn search_index(cx: &Ctx, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    /// One entry; fields in the order of the keys' sort (as `json!` wrote them).
    #[derive(Serialize)]
    struct Item<'a> {
        h: Cow<'a, str>,
        k: &'static str,
        s: Cow<'a, str>,
        t: &'a str,
        x: Cow<'a, str>,
    }
    /// All entries, serialised one by one (no tree of the whole index).
    struct Items<'c, 'a>(&'c Ctx<'a>);
    impl Serialize for Items<'_, '_> {
        fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
            let cx = self.0;
            let articles = cx.d.articles.iter().map(|a| Item {
                h: Cow::Borrowed(&a.page),
                k: "article",
                s: Cow::Owned(format!(
                    "{} · {}",
                    cx.publisher_of(a),
                    a.published.as_deref().unwrap_or("undated")
                )),
                t: &a.display_title,
                x: Cow::Borrowed(a.dek.as_deref().unwrap_or_default()),
            });
            let actors = cx.d.actors.iter().map(|a| Item {
                h: Cow::Borrowed(&a.page),
                k: "actor",
                s: Cow::Borrowed(a.role.as_deref().unwrap_or(&a.kind)),
                t: &a.name,
                x: Cow::Owned(a.aliases.join(" ")),
            });
            let sources = cx.d.sources.iter().map(|s| Item {
                h: Cow::Borrowed(&s.page),
                k: "source",
                s: Cow::Borrowed(&s.kind),
                t: &s.name,
                x: Cow::Borrowed(""),
            });
            let events = cx.d.events.iter().map(|e| Item {
                h: Cow::Owned(cx.event_href(e)),
                k: "event",
                s: cx.event_date_label(e),
                t: &e.text,
                x: Cow::Borrowed(""),
            });
            ser.collect_seq(articles.chain(actors).chain(sources).chain(events))
        }
    }
    w.write_all(b"/* search index generated by dossier; loaded as a script so search works from disk (file://) */\nwindow.DOSSIER_SEARCH = ")?;
    let mut e = std::io::BufWriter::with_capacity(1 << 16, Escaping(&mut *w));
    serde_json::to_writer(&mut e, &Items(cx))?;
    std::io::Write::flush(&mut e)?;
    drop(e);
    w.write_all(b";\n")
}

fn xml_escape(s: &str) -> String {
    escape_html(&crate::ingest::strip_controls(s))
}

fn feed(cx: &Ctx, base: &str) -> String {
    let base = base.trim_end_matches('/');
    let mut arts: Vec<&Article> = cx.d.articles.iter().collect();
    arts.sort_by(|a, b| b.published.cmp(&a.published).then(a.id.cmp(&b.id)));
    let updated = arts
        .iter()
        .filter_map(|a| a.published.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01".into());
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    s.push_str(&format!("  <title>{}</title>\n", xml_escape(&cx.d.title)));
    s.push_str(&format!(
        "  <id>{}/</id>\n  <link href=\"{}/\"/>\n  <link rel=\"self\" href=\"{}/feed.xml\"/>\n",
        xml_escape(base),
        xml_escape(base),
        xml_escape(base)
    ));
    s.push_str(&format!(
        "  <updated>{updated}T00:00:00Z</updated>\n  <author><name>dossier</name></author>\n"
    ));
    for a in arts {
        let url = format!("{base}/{}", a.page.trim_end_matches("index.html"));
        s.push_str("  <entry>\n");
        s.push_str(&format!(
            "    <title>{}</title>\n",
            xml_escape(&a.display_title)
        ));
        s.push_str(&format!(
            "    <id>{}</id>\n    <link href=\"{}\"/>\n",
            xml_escape(&url),
            xml_escape(&url)
        ));
        s.push_str(&format!(
            "    <updated>{}T00:00:00Z</updated>\n",
            a.published.as_deref().unwrap_or(&updated)
        ));
        let summary = a
            .dek
            .clone()
            .or_else(|| a.paragraphs.first().cloned())
            .unwrap_or_default();
        s.push_str(&format!(
            "    <summary>{}</summary>\n",
            xml_escape(&summary)
        ));
        s.push_str("  </entry>\n");
    }
    s.push_str("</feed>\n");
    s
}

fn sitemap(base: &str, pages: &[String]) -> String {
    let base = base.trim_end_matches('/');
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in pages {
        s.push_str(&format!(
            "  <url><loc>{}/{}</loc></url>\n",
            xml_escape(base),
            xml_escape(p.trim_end_matches("index.html"))
        ));
    }
    s.push_str("</urlset>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_value_reads_the_same_everywhere_and_is_made_once() {
        #[derive(Serialize)]
        struct V<'a> {
            name: &'a str,
            n: usize,
            role: Option<&'a str>,
        }
        let v = || V {
            name: "Jane <Doe> & co",
            n: 3,
            role: None,
        };
        let (plain, shared) = (Digested::new(v()), Digested::shared(v()));
        // a page key: the digest, the same either way
        let key = |d: &Digested<V>| {
            let mut k = crate::cache::Key::new("t");
            k.serialized(d);
            k.finish()
        };
        assert_eq!(key(&plain), key(&shared));
        assert_ne!(key(&plain), key(&Digested::new(V { n: 4, ..v() })));
        // JSON (before and after the template value is made): the value
        let json = serde_json::to_string(&plain).unwrap();
        assert_eq!(json, r#"{"name":"Jane <Doe> & co","n":3,"role":null}"#);
        assert_eq!(serde_json::to_string(&shared).unwrap(), json);
        assert!(shared.template.get().is_some(), "made when first used");
        assert_eq!(serde_json::to_string(&shared).unwrap(), json);
        // a template: the same page from both, escaped the same
        let mut tera = tera::Tera::default();
        tera.add_raw_template(
            "t.html",
            "{% for x in xs %}{{ x.name }}|{{ x.n }}|{{ x.role }};{% endfor %}",
        )
        .unwrap();
        let page = |xs: &[&Digested<V>]| {
            let mut c = tera::Context::new();
            c.insert("xs", &xs);
            tera.render("t.html", &c).unwrap()
        };
        let want = "Jane &lt;Doe&gt; &amp; co|3|;Jane &lt;Doe&gt; &amp; co|3|;";
        assert_eq!(page(&[&plain, &plain]), want);
        assert_eq!(page(&[&shared, &shared]), want);
    }

    #[test]
    fn a_body_key_changes_with_everything_its_html_is_made_of() {
        // Jane (an actor, `actor`) in a passage shared with another article
        // (`also`: its link and label, when given)
        let body =
            |md: &str, actor: &'static str, also: Option<&'static str>, anchors: Option<&str>| {
                Body {
                    markdown: Markdown::Text(Cow::Owned(md.to_string())),
                    trusted_html: false,
                    marks: Marks {
                        briefing: false,
                        root: "../../",
                        actors: vec![ActorMark {
                            para: 0,
                            start: 0,
                            end: 4,
                            id: actor,
                        }],
                        shared: also
                            .map(|href| SharedMark {
                                para: 0,
                                start: 0,
                                end: 13,
                                carriers: 2,
                                others: vec![(href, "Other &amp; Co", 3)],
                                more: 0,
                                more_href: None,
                            })
                            .into_iter()
                            .collect(),
                    },
                    anchors: anchors.map(str::to_string),
                }
            };
        let key = |b: &Body| {
            let mut k = crate::cache::Key::new("t");
            b.key_into(&mut k);
            k.finish()
        };
        let base = body("Jane met Bob.\n", "jane", None, None);
        assert_eq!(
            key(&base),
            key(&body("Jane met Bob.\n", "jane", None, None))
        );
        for other in [
            body("Jane met Rob.\n", "jane", None, None),
            body("Jane met Bob.\n", "jane-doe", None, None),
            body("Jane met Bob.\n", "jane", Some("../x/index.html#p"), None),
            body("Jane met Bob.\n", "jane", None, Some("article-x-p")),
        ] {
            assert_ne!(key(&base), key(&other));
        }
        let shared = body("Jane met Bob.\n", "jane", Some("../x/index.html#p"), None);
        assert_ne!(
            key(&shared),
            key(&body(
                "Jane met Bob.\n",
                "jane",
                Some("../y/index.html#p"),
                None
            ))
        );
        // and the HTML is what the decorations say
        let html = body("Jane met Bob.\n", "jane", None, Some("article-x-p")).html();
        assert!(
            html.contains("<a class=\"actor\" href=\"../../actors/jane/index.html\">Jane</a>"),
            "{html}"
        );
        assert!(html.contains("id=\"article-x-p1\""), "{html}");
        let html = shared.html();
        assert!(
            html.contains("<mark class=\"shared\" title=\"Shared passage: in 2 articles\">"),
            "{html}"
        );
        assert!(
            html.contains(
                "<p class=\"also-in\">Shared passage — also in: <a href=\"../x/index.html#p3\">Other &amp; Co (¶3)</a></p>"
            ),
            "{html}"
        );
        // a body kept as paragraphs renders as the Markdown made of them;
        // other paragraphs, another key
        let paragraphs = vec!["Jane met *Bob*.".to_string(), "Then left.".to_string()];
        let mut from_paragraphs = body("", "jane", None, None);
        from_paragraphs.markdown = Markdown::Paragraphs(&paragraphs);
        let text = crate::content::body_from_paragraphs(&paragraphs);
        assert_eq!(
            from_paragraphs.html(),
            body(&text, "jane", None, None).html()
        );
        let fewer = paragraphs[..1].to_vec();
        let mut other = body("", "jane", None, None);
        other.markdown = Markdown::Paragraphs(&fewer);
        assert_ne!(key(&from_paragraphs), key(&other));
    }

    #[test]
    fn streamed_json_is_escaped_like_safe_json() {
        use std::io::Write;
        let v = json!({"a": "</script> & <b>", "n": [1, 2]});
        let mut w = Escaping(Vec::new());
        // written in small pieces, as a buffered writer would
        let whole = serde_json::to_vec(&v).unwrap();
        for chunk in whole.chunks(3) {
            w.write_all(chunk).unwrap();
        }
        assert_eq!(String::from_utf8(w.0).unwrap(), safe_json(&v));
        assert!(!safe_json(&v).contains('<'));
    }

    #[test]
    fn lists_split_into_numbered_pages() {
        let p = list_pages("actors/x/index.html", 5, 2);
        let paths: Vec<_> = p.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "actors/x/index.html",
                "actors/x/page/2/index.html",
                "actors/x/page/3/index.html"
            ]
        );
        assert_eq!(p[2].range, 4..5);
        let one = list_pages("articles/index.html", 0, 1000);
        assert_eq!((one.len(), one[0].range.clone()), (1, 0..0));
        assert_eq!(list_pages("a/index.html", 4, 2).len(), 2);
        let j = pager_json(&p, 2);
        assert_eq!(j["total"], 3);
        assert_eq!(j["pages"][1]["href"], "actors/x/page/2/index.html");
    }

    #[test]
    fn mentions_grouped_by_actor_keep_corpus_order() {
        use crate::extract::{actors::Mention, Block};
        let ms: Vec<Mention> = [(0, 2), (0, 0), (1, 2), (2, 1), (3, 2), (4, 9)]
            .iter()
            .map(|&(doc, actor)| Mention::new(doc, Block::para(0), 0, 1, actor))
            .collect();
        let by = MentionsByActor::new(&ms, 3);
        let docs = |a| by.of(a, &ms).map(|m| m.doc()).collect::<Vec<_>>();
        assert_eq!(docs(0), vec![0]);
        assert_eq!(docs(1), vec![2]);
        assert_eq!(docs(2), vec![0, 1, 3]);
        // out of range: the actor without an entry, and no actor 9
        assert!(docs(3).is_empty() && docs(9).is_empty());
    }

    #[test]
    fn labels_and_windows() {
        assert_eq!(date_label("2019-03-20"), "Wed 20 Mar 2019");
        assert_eq!(date_label("2019-03"), "March 2019");
        assert_eq!(date_label("2012"), "2012");
        let t = "one two three Novak four five six";
        let (l, m, r) = context_window(t, 14, 19, 8);
        assert_eq!(m, "Novak");
        assert!(l.starts_with('…') && r.ends_with('…'), "{l}|{r}");
    }

    #[test]
    fn json_is_script_safe() {
        let s = safe_json(&json!({"a": "</script><script>alert(1)</script> & more"}));
        assert!(!s.contains('<') && !s.contains('>'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["a"], "</script><script>alert(1)</script> & more");
    }
}
