//! The build: load → clean → extract → model. Pure: it reads the project and
//! returns a [`Site`] (the model, the render map and the content files to
//! write); writing is [`crate::publish`]'s job.

use crate::cache::{Cache, Key, Record};
use crate::clean::{self, CleanOptions, CorpusStats};
use crate::config::Config;
use crate::content::{self, ContentFile, FrontMatter};
use crate::error::{Error, Result, Warning};
use crate::extract::{self, actors::ActorIndex, Block, DocText};
use crate::ingest::{self, Seed};
use crate::model::{self, Dossier, Ref};
use crate::text::{norm_key, slugify, slugify_max};
use chrono::NaiveDate;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Project root (holds `seeds/`, `content/`, `templates/`, `config.yaml`).
    pub root: PathBuf,
    /// Overrides `base_url` from config.
    pub base_url: Option<String>,
    /// Reuse and update the build cache (`ROOT/.dossier-cache/`).
    pub cache: bool,
}

/// One article as the build sees it, before rendering.
#[derive(Debug, Clone)]
pub struct Draft {
    pub id: model::Id,
    pub seed: Option<String>,
    /// `content/articles/<id>.md`
    pub content_rel: String,
    /// Headline, or the first words of the text when `untitled`.
    pub title: String,
    /// The text has no headline (the title is a stand-in).
    pub untitled: bool,
    pub dek: Option<String>,
    pub publisher_name: Option<String>,
    pub published: Option<NaiveDate>,
    pub basis: Option<&'static str>,
    /// What an `estimated` date was estimated from (for the warning).
    pub estimated_from: Option<&'static str>,
    /// A date written in a removed photo caption of the seed (see
    /// [`clean::Cleaned::caption_date`]): anchors an undated story.
    pub caption_date: Option<NaiveDate>,
    pub url: Option<String>,
    /// Markdown body, when it is not exactly what [`Draft::body`] makes of
    /// the paragraphs (a file's own text); `None` for generated text, so a
    /// large corpus does not hold every article twice.
    body: Option<String>,
    /// Plain text of the body's paragraphs (numbering = `pN` anchors);
    /// shared with the model's article, not copied.
    pub paragraphs: Arc<Vec<String>>,
    pub removed: Arc<Vec<String>>,
    /// A person edited the file, or wrote it by hand.
    pub edited: bool,
    /// The actor ids an edited file lists (a person's correction), if any.
    pub listed_actors: Option<Vec<String>>,
    /// For an edited file with a seed: what the build would generate now.
    pub regenerated: Option<Box<Draft>>,
}

impl Draft {
    /// The Markdown body: the file's, or the one generated from the paragraphs.
    pub fn body(&self) -> std::borrow::Cow<'_, str> {
        match &self.body {
            Some(b) => std::borrow::Cow::Borrowed(b),
            None => std::borrow::Cow::Owned(content::body_from_paragraphs(&self.paragraphs)),
        }
    }

    /// The file's own Markdown body, when it is not the one generated from
    /// the paragraphs (see [`Draft::body`]).
    pub fn own_body(&self) -> Option<&str> {
        self.body.as_deref()
    }

    /// Keep `body` only if the paragraphs do not give it back.
    fn store_body(body: String, paragraphs: &[String]) -> Option<String> {
        (content::body_from_paragraphs(paragraphs) != body).then_some(body)
    }

    /// The text the extractors read (no title when the text has no headline).
    pub fn doc(&self) -> DocText<'_> {
        DocText {
            title: if self.untitled { "" } else { &self.title },
            dek: self.dek.as_deref(),
            paragraphs: &self.paragraphs,
            published: self.published,
        }
    }
}

/// A content file the build wants written.
#[derive(Debug, Clone)]
pub struct ContentWrite {
    pub rel: String,
    pub text: String,
    /// The hash of the file's bytes when the build read it (`None`: the
    /// file did not exist). The write is skipped if the file changed since.
    pub expect: Option<String>,
}

/// Everything a build produces.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub dossier: Dossier,
    pub drafts: Vec<Draft>,
    pub actors: ActorIndex,
    /// Actor index → actor id.
    pub actor_ids: Vec<model::Id>,
    /// Article index → the actors extraction gives it, for the edited
    /// articles whose file's `actors:` list replaces them.
    pub extracted_actors: HashMap<usize, Vec<model::Id>>,
    /// Shared passages with positions (parallel to `dossier.shared_passages`).
    pub passages: Vec<extract::passages::SharedPassage>,
    /// `.md.new` files for hand-edited content files (the generated
    /// files are written by [`fresh_content_writes`]).
    pub content_writes: Vec<ContentWrite>,
    /// The content files as the build read them.
    content_on_disk: Vec<OnDisk>,
    pub warnings: Vec<Warning>,
    /// The build cache (off unless the build was asked to use it).
    pub cache: Cache,
    /// Per cache table: (name, results reused, results computed).
    pub cache_counts: std::sync::Mutex<Vec<crate::cache::Counts>>,
}

const UNKNOWN_PUBLISHER: &str = "unknown";

impl Site {
    /// Count a cache table's reuse for the report, and save the records
    /// this build keeps in it.
    pub fn keep_table(
        &self,
        table: crate::cache::Table,
        records: impl IntoIterator<Item = (u128, crate::cache::Record)>,
    ) {
        self.cache_counts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(table.report());
        // a table that cannot be written only makes the next build slower
        let _ = table.save(records);
    }

    /// The content files the build read, by path.
    fn on_disk(&self) -> HashMap<&str, &OnDisk> {
        self.content_on_disk
            .iter()
            .map(|f| (f.rel.as_str(), f))
            .collect()
    }
}

/// Load, clean, extract and model a project.
pub fn build(opts: &BuildOptions) -> Result<Site> {
    let root = &opts.root;
    let mut warnings = Vec::new();
    let mut config = Config::load(root)?;
    if let Some(url) = &opts.base_url {
        config.base_url = Some(url.clone());
        Config::parse(
            &format!(
                "base_url: {}\n",
                serde_json::to_string(url).unwrap_or_default()
            ),
            Path::new("--base-url"),
        )?;
    }
    let cache = if opts.cache {
        Cache::at(root)
    } else {
        Cache::off()
    };
    let mut timer = Timer::new();
    let (seeds, files) = ingest::io_parallel(|| -> Result<_> {
        let seeds = ingest::read_seeds(root, &mut warnings)?;
        let files = content::read_all(root, &mut warnings)?;
        Ok((seeds, files))
    })?;
    timer.lap("read seeds and content");
    let mut counts = Vec::new();
    let mut saving = Vec::new();
    let mut drafts = assemble(
        &config,
        &cache,
        (&mut counts, &mut saving),
        &seeds,
        &files,
        &mut warnings,
    );
    // the raw texts are not needed past cleaning, nor the files' bodies:
    // only what tells whether a file changed
    drop(seeds);
    let files: Vec<OnDisk> = files.into_iter().map(OnDisk::from).collect();
    timer.lap("clean");
    drafts.sort_by(|a, b| a.id.cmp(&b.id));

    // extraction over the final text of every article
    let docs: Vec<DocText> = drafts.iter().map(Draft::doc).collect();
    // every article's sentences, hashed: cached by its text
    let keys = per_article_checked(
        cache.table("sentences"),
        docs.len(),
        (&mut counts, &mut saving),
        |d| docs[d].key("sentences"),
        |k, d| extract::passages::sentence_keys_fit(&docs[d], k),
        |d| extract::passages::sentence_keys(&docs[d]),
        |_, _| {},
    );
    let passages = extract::passages::shared_passages_of(&docs, keys);
    timer.detail("shared passages");
    let estimated = estimate_dates(&drafts, &passages, &cache, (&mut counts, &mut saving));
    timer.lap("shared passages, date estimates");
    drop(docs);
    for (i, date, from) in estimated {
        drafts[i].published = Some(date);
        drafts[i].basis = Some("estimated");
        drafts[i].estimated_from = Some(from);
    }
    // the articles' text is final: their key points now (see `key_points`)
    let key_points = crate::modeling::key_points(&drafts, &cache, (&mut counts, &mut saving));
    timer.lap("key points");
    let docs: Vec<DocText> = drafts.iter().map(Draft::doc).collect();
    let (actors, count, saved) =
        extract::actors::extract_actors_cached(&docs, &config.actor_specs(), &cache);
    counts.extend(count);
    saving.extend(saved);
    timer.lap("actors");
    // quotes and attributions read one article each, with its mentions and
    // the actors (names, kinds, lookup): cached by those
    let actors_digest = actors.digest();
    let keys: Vec<u128> = docs
        .par_iter()
        .enumerate()
        .map(|(d, doc)| {
            let mut key = doc.key_with("quotes and citations");
            key.bytes(&actors_digest.to_le_bytes());
            actors.doc_mentions_into(d, &mut key);
            key.finish()
        })
        .collect();
    let quotes = joined(per_article(
        &cache,
        "quotes",
        docs.len(),
        (&mut counts, &mut saving),
        |d| keys[d],
        |d| extract::quotes::doc_quotes(d, &docs[d], &actors),
        |qs: &mut Vec<extract::quotes::Quote>, d| qs.iter_mut().for_each(|q| q.doc = d),
    ));
    timer.lap("quotes");
    let citations = joined(per_article(
        &cache,
        "citations",
        docs.len(),
        (&mut counts, &mut saving),
        |d| keys[d],
        |d| extract::sources::doc_cited(d, &docs[d], &actors),
        |cs: &mut Vec<extract::sources::Citation>, d| cs.iter_mut().for_each(|c| c.doc = d),
    ));
    timer.lap("cited sources");
    // events and figures read one article each: cached by its text
    let found = per_article(
        &cache,
        "events",
        docs.len(),
        (&mut counts, &mut saving),
        |d| docs[d].key("events"),
        |d| {
            (
                extract::events::extract_events(d, &docs[d]),
                extract::figures::extract_figures(d, &docs[d]),
            )
        },
        |(ev, fig): &mut (Vec<extract::events::Event>, Vec<extract::figures::Figure>), d| {
            ev.iter_mut().for_each(|e| e.doc = d);
            fig.iter_mut().for_each(|f| f.doc = d);
        },
    );
    let (events, figures): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    let (events, figures) = (joined(events), joined(figures));
    timer.lap("events, figures");
    drop(docs);

    let mut site = Site {
        config,
        dossier: Dossier::default(),
        drafts,
        actors,
        actor_ids: Vec::new(),
        extracted_actors: HashMap::default(),
        passages,
        content_writes: Vec::new(),
        content_on_disk: Vec::new(),
        warnings,
        cache,
        cache_counts: std::sync::Mutex::new(counts),
    };
    crate::modeling::model(&mut site, quotes, citations, events, figures, key_points);
    timer.lap("model");
    let mut extra = Vec::new();
    // the cache tables were written while the build went on
    for s in saving {
        if let Some(w) = s.wait() {
            extra.push(cache_warning(w));
        }
    }
    site.content_on_disk = files;
    site.content_writes = content_writes(root, &site, &mut extra);
    site.warnings.extend(extra);
    site.warnings.sort();
    site.warnings.dedup();
    Ok(site)
}

/// Work done per article whose result is cached in table `name` under
/// `key(article)`: every article's result, in article order. A reused
/// result may have been made at another position: `place` sets it.
fn per_article<V: serde::Serialize + serde::de::DeserializeOwned + Send>(
    cache: &Cache,
    name: &'static str,
    articles: usize,
    cached: (
        &mut Vec<crate::cache::Counts>,
        &mut Vec<crate::cache::Saving>,
    ),
    key: impl Fn(usize) -> u128 + Sync,
    work: impl Fn(usize) -> V + Sync,
    place: impl Fn(&mut V, usize) + Sync,
) -> Vec<V> {
    per_article_checked(
        cache.table(name),
        articles,
        cached,
        key,
        |_, _| true,
        work,
        place,
    )
}

/// [`per_article`] in `table`, where a cached result is used only if
/// `fits(result, article)`.
fn per_article_checked<V: serde::Serialize + serde::de::DeserializeOwned + Send>(
    table: crate::cache::Table,
    articles: usize,
    (counts, saving): (
        &mut Vec<crate::cache::Counts>,
        &mut Vec<crate::cache::Saving>,
    ),
    key: impl Fn(usize) -> u128 + Sync,
    fits: impl Fn(&V, usize) -> bool + Sync,
    work: impl Fn(usize) -> V + Sync,
    place: impl Fn(&mut V, usize) + Sync,
) -> Vec<V> {
    let (found, records): (Vec<V>, Vec<(u128, Record)>) = (0..articles)
        .into_par_iter()
        .map(|d| {
            let (mut found, record) = table.memo(key(d), |v: &V| fits(v, d), || work(d));
            place(&mut found, d);
            (found, record)
        })
        .unzip();
    counts.push(table.report());
    saving.push(table.save_later(records));
    found
}

/// Lists joined into one, sized once (no doubling copies of the corpus's
/// biggest lists).
fn joined<T>(lists: Vec<Vec<T>>) -> Vec<T> {
    let mut all = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for l in lists {
        all.extend(l);
    }
    all
}

fn cache_warning(message: String) -> Warning {
    Warning {
        kind: "cache",
        file: None,
        message,
    }
}

/// A process-wide stage observer, set once by the binary (a progress bar);
/// the library itself never sets it, so tests share no state through it.
/// Called with the name of each finished build stage.
pub type StageHook = Box<dyn Fn(&str) + Send + Sync>;

static STAGE_HOOK: std::sync::OnceLock<StageHook> = std::sync::OnceLock::new();

/// Install the stage observer (first call wins).
pub fn set_stage_hook(f: StageHook) {
    let _ = STAGE_HOOK.set(f);
}

/// Number of stages a build reports (for a progress bar's length).
pub const STAGES: u64 = 14;

/// Stage timings on stderr when `DOSSIER_TIMINGS` is set (for profiling);
/// every stage end is also reported to the stage hook.
pub struct Timer {
    on: bool,
    last: std::time::Instant,
    /// CPU time of the process at `last` (ms; Linux)
    cpu: Option<u64>,
}

/// CPU time (user + system) of the whole process so far, in ms (Linux).
fn process_cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // fields after the command name (which may hold spaces) in parentheses
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // the kernel's USER_HZ is 100 on every Linux this runs on
    Some(ticks * 10)
}

impl Timer {
    pub fn new() -> Self {
        let on = std::env::var_os("DOSSIER_TIMINGS").is_some();
        Timer {
            on,
            last: std::time::Instant::now(),
            cpu: if on { process_cpu_ms() } else { None },
        }
    }

    /// Are timings printed (`DOSSIER_TIMINGS` set)?
    pub fn on(&self) -> bool {
        self.on
    }

    pub fn lap(&mut self, what: &str) {
        if let Some(hook) = STAGE_HOOK.get() {
            hook(what);
        }
        self.detail(what);
    }

    /// A timing inside a stage: printed like a lap, not reported to the
    /// stage hook (the progress bar counts stages only).
    pub fn detail(&mut self, what: &str) {
        if self.on {
            // resident memory now (Linux), to see which stage holds what
            let rss = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map(|pages| format!(", RSS {} MiB", pages * 4096 / (1 << 20)))
                .unwrap_or_default();
            // CPU time over wall time: how parallel the stage was
            let cpu = process_cpu_ms();
            let used = match (self.cpu, cpu) {
                (Some(a), Some(b)) => format!(", CPU {} ms", b.saturating_sub(a)),
                _ => String::new(),
            };
            self.cpu = cpu;
            eprintln!(
                "timing: {what}: {} ms{used}{rss}",
                self.last.elapsed().as_millis()
            );
        }
        self.last = std::time::Instant::now();
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}

/// The keys a seed's settings may have under `seeds:` in config.yaml, in
/// the order they are looked up: its path under `seeds/` (`a/x.txt`), the
/// same written `seeds/a/x.txt`, and its bare file name (`x.txt`).
fn seed_keys(seed: &Seed) -> [&str; 3] {
    [
        seed.rel.strip_prefix("seeds/").unwrap_or(&seed.rel),
        &seed.rel,
        &seed.file_name,
    ]
}

/// A seed's settings under `seeds:` in config.yaml (see [`seed_keys`]).
fn seed_config<'c>(config: &'c Config, seed: &Seed) -> Option<&'c crate::config::SeedConfig> {
    seed_keys(seed)
        .into_iter()
        .find_map(|k| config.seeds.get(k))
}

/// A warning for every key under `seeds:` in config.yaml that names no
/// seed (a typo, or a file since renamed or deleted).
fn unmatched_seed_keys(config: &Config, seeds: &[Seed]) -> Vec<Warning> {
    let names: HashSet<&str> = seeds.iter().flat_map(seed_keys).collect();
    let mut keys: Vec<&String> = config
        .seeds
        .keys()
        .filter(|k| !names.contains(k.as_str()))
        .collect();
    keys.sort();
    keys.into_iter()
        .map(|k| Warning {
            kind: "config",
            file: Some("config.yaml".into()),
            message: format!(
                "`seeds.{k}` names no seed read from seeds/; its settings are not used (check the file name, or remove the key)"
            ),
        })
        .collect()
}

/// Clean the seeds and merge them with the content files into drafts.
fn assemble(
    config: &Config,
    cache: &Cache,
    (counts, saving): (
        &mut Vec<crate::cache::Counts>,
        &mut Vec<crate::cache::Saving>,
    ),
    seeds: &[Seed],
    files: &[ContentFile],
    warnings: &mut Vec<Warning>,
) -> Vec<Draft> {
    warnings.extend(unmatched_seed_keys(config, seeds));
    let stats = CorpusStats::from_texts(seeds.iter().map(|s| s.text.as_str()));
    let opts = CleanOptions {
        boilerplate: config.boilerplate_patterns(),
    };
    // each seed's cleaning, reused from the cache while its text, the
    // options and its answers from the corpus statistics are unchanged
    let table = cache.table("clean");
    let (cleaned, records): (Vec<Made>, Vec<(u128, Record)>) = seeds
        .par_iter()
        .map(|s| {
            let mut key = Key::new("clean");
            key.str(&s.text);
            opts.key_into(&mut key);
            let ((made, _), rec) = table.memo(
                key.finish(),
                |(_, probes): &(Made, Vec<clean::Probe>)| stats.still_answers(probes),
                || {
                    let (c, probes) = clean::clean_probed(&s.text, &stats, &opts);
                    (Made::of(c), probes)
                },
            );
            (made, rec)
        })
        .unzip();
    counts.push(table.report());
    saving.push(table.save_later(records));

    let mut by_seed: HashMap<&str, usize> = HashMap::default();
    for (i, f) in files.iter().enumerate() {
        if let Some(seed) = f.front.seed.as_deref() {
            if let Some(prev) = by_seed.insert(seed, i) {
                warnings.push(Warning {
                    kind: "duplicate",
                    file: Some(f.rel.clone()),
                    message: format!(
                        "names the same seed `{seed}` as {}; using {} (delete one of them)",
                        files[prev].rel, f.rel
                    ),
                });
            }
        }
    }
    let mut used_ids = crate::text::Ids::default();
    for f in files {
        used_ids.take(f.stem.clone());
    }
    let mut claimed: HashSet<usize> = HashSet::default();
    let mut drafts = Vec::new();
    let mut seen_text: HashMap<u64, String> = HashMap::default();

    for (seed, made) in seeds.iter().zip(cleaned) {
        // kept for the whole build: copied into memory of this thread's
        // own, so that the worker threads' pages, where the cleaning's
        // garbage was, can be given back (at 100,000 articles the build's
        // peak RSS was 1,909 MiB with this copy and 2,013 MiB without)
        let paragraphs: Vec<String> = made
            .paragraphs()
            .iter()
            .map(|p| p.as_str().to_owned())
            .collect();
        let Made {
            cleaned: c,
            body,
            hash: h,
            ..
        } = made;
        let body = body.as_deref().map(str::to_owned);
        let seed_cfg = seed_config(config, seed).cloned().unwrap_or_default();
        if c.paragraphs.is_empty() {
            warnings.push(Warning {
                kind: "skipped seed",
                file: Some(seed.rel.clone()),
                message: "has no article text left after cleaning (only boilerplate?); skipped — add the text, or write the article by hand in content/articles/".into(),
            });
            continue;
        }
        if let Some(first) = seen_text.get(&h) {
            warnings.push(Warning {
                kind: "possible duplicate",
                file: Some(seed.rel.clone()),
                message: format!(
                    "has the same text as {first}; skipped (delete one of the two files)"
                ),
            });
            continue;
        }
        seen_text.insert(h, seed.rel.clone());

        let mut title = seed_cfg.title.clone().unwrap_or_else(|| c.title.clone());
        let untitled = title.trim().is_empty();
        if untitled {
            title = fallback_title(&c.paragraphs);
            warnings.push(Warning {
                kind: "no title",
                file: Some(seed.rel.clone()),
                message: format!(
                    "has no headline; using its first words (set `seeds.{}.title` in config.yaml)",
                    seed.file_name
                ),
            });
        }
        let (publisher_name, published, basis) = {
            let publisher = seed_cfg.publisher.clone().or(c.publisher.clone());
            let (date, basis) = match (seed_cfg.published, c.published) {
                (Some(d), _) => (Some(d), Some("config")),
                (None, Some(d)) => (Some(d), Some("text")),
                _ => (None, None),
            };
            (publisher, date, basis)
        };
        let generated = Draft {
            id: "".into(),
            seed: Some(seed.rel.clone()),
            content_rel: String::new(),
            title,
            untitled,
            dek: c.dek.clone(),
            publisher_name,
            published,
            basis,
            estimated_from: None,
            caption_date: c.caption_date,
            url: seed_cfg.url.clone(),
            paragraphs: Arc::new(paragraphs),
            body,
            removed: Arc::new(c.removed.iter().map(|r| r.text.clone()).collect()),
            edited: false,
            listed_actors: None,
            regenerated: None,
        };
        match by_seed.get(seed.rel.as_str()) {
            Some(&fi) => {
                claimed.insert(fi);
                let f = &files[fi];
                if f.pristine {
                    drafts.push(Draft {
                        id: f.stem.as_str().into(),
                        content_rel: f.rel.clone(),
                        ..generated
                    });
                } else {
                    let mut d = from_file(f, Some(&generated));
                    d.regenerated = Some(Box::new(generated));
                    drafts.push(d);
                }
            }
            None => {
                let base = {
                    let s = slugify_max(&generated.title, 60);
                    if s.is_empty() {
                        let s = slugify(seed.file_name.trim_end_matches(".txt"));
                        if s.is_empty() {
                            "article".to_string()
                        } else {
                            s
                        }
                    } else {
                        s
                    }
                };
                let id = used_ids.unique(base.clone());
                if id != base {
                    warnings.push(Warning {
                        kind: "id collision",
                        file: Some(seed.rel.clone()),
                        message: format!(
                            "its title gives the page name `{base}`, already taken; using `{id}` (rename content/articles/{id}.md to choose another)"
                        ),
                    });
                }
                drafts.push(Draft {
                    content_rel: format!("content/articles/{id}.md"),
                    id: id.into(),
                    ..generated
                });
            }
        }
    }
    // hand-written articles, and files whose seed is gone
    for (i, f) in files.iter().enumerate() {
        if claimed.contains(&i) {
            continue;
        }
        if let Some(seed) = &f.front.seed {
            if by_seed.get(seed.as_str()) != Some(&i) {
                continue; // a duplicate claim, already reported
            }
            warnings.push(Warning {
                kind: "missing seed",
                file: Some(f.rel.clone()),
                message: format!("names seed `{seed}`, which is not in seeds/ (or was skipped); the article is kept as written"),
            });
        }
        match f.parsed() {
            Ok(f) => drafts.push(from_file(&f, None)),
            // (a generated file, read again: it parses, unless changed meanwhile)
            Err(e) => warnings.push(Warning {
                kind: "skipped file",
                file: Some(f.rel.clone()),
                message: e.to_string(),
            }),
        }
    }
    drafts
}

fn from_file(f: &ContentFile, generated: Option<&Draft>) -> Draft {
    let fm = &f.front;
    let paragraphs = crate::markdown::paragraphs_plain(&f.body);
    let basis: Option<&'static str> = match (fm.published, generated) {
        (None, _) => None,
        (Some(d), Some(g)) if g.published == Some(d) => g.basis,
        (Some(_), _) => Some("front-matter"),
    };
    Draft {
        id: f.stem.as_str().into(),
        seed: fm.seed.clone(),
        content_rel: f.rel.clone(),
        title: fm.title.clone(),
        untitled: generated.is_some_and(|g| g.untitled && g.title == fm.title),
        dek: fm.dek.clone().filter(|d| !d.trim().is_empty()),
        publisher_name: fm.publisher.clone(),
        published: fm.published,
        basis,
        estimated_from: None,
        caption_date: generated.and_then(|g| g.caption_date),
        url: fm.url.clone(),
        body: Draft::store_body(f.body.clone(), &paragraphs),
        paragraphs: Arc::new(paragraphs),
        removed: Arc::new(fm.removed.clone()),
        edited: true,
        listed_actors: if generated.is_some() || !fm.actors.is_empty() {
            Some(fm.actors.clone())
        } else {
            None
        },
        regenerated: None,
    }
}

/// A seed's cleaning with what the build makes of it alongside (kept with
/// it in the cache: made again, they cost more than the cleaning's lookup).
#[derive(serde::Serialize, serde::Deserialize)]
struct Made {
    cleaned: clean::Cleaned,
    /// The article body (Markdown), when its paragraphs do not give it back.
    body: Option<String>,
    /// The plain paragraphs the extractors read, when they are not the
    /// cleaned paragraphs themselves.
    plain: Option<Vec<String>>,
    /// The hash of the cleaned paragraphs' normalised text (duplicates).
    hash: u64,
}

impl Made {
    fn of(cleaned: clean::Cleaned) -> Made {
        let body = content::body_from_paragraphs(&cleaned.paragraphs);
        let plain = crate::markdown::paragraphs_plain(&body);
        // paragraphs that are their own plain text give the body back
        let (body, plain) = if plain == cleaned.paragraphs {
            (None, None)
        } else {
            (Draft::store_body(body, &plain), Some(plain))
        };
        Made {
            hash: hash_paragraphs(&cleaned.paragraphs),
            body,
            plain,
            cleaned,
        }
    }

    /// The plain paragraphs the extractors read.
    fn paragraphs(&self) -> &[String] {
        self.plain.as_deref().unwrap_or(&self.cleaned.paragraphs)
    }
}

fn hash_paragraphs(p: &[String]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for s in p {
        h.update(norm_key(s).as_bytes());
        // a byte no UTF-8 text holds: paragraphs never run together
        h.update(&[0xff]);
    }
    h.digest()
}

fn fallback_title(paragraphs: &[String]) -> String {
    let first = paragraphs.first().map(|s| s.as_str()).unwrap_or("Untitled");
    let words: Vec<&str> = first.split_whitespace().take(10).collect();
    let mut t = words.join(" ");
    if first.split_whitespace().count() > 10 {
        t.push('…');
    }
    t
}

/// Cosine similarity above which an undated article takes the date of its
/// most similar dated article.
const SIMILAR_FOR_DATE: f64 = 0.18;

/// Estimate sources, as the "estimated date" warning names them.
const FROM_CAPTION: &str = "the date in a photo caption and the weekdays in the text";
const FROM_SIMILAR: &str = "similar articles";

/// Dates for undated articles, with what each was estimated from. An article
/// whose removed photo caption gives a full date, and whose text names the
/// weekdays of its story, is dated from them
/// ([`extract::events::publication_from_anchor`]). Otherwise: the median date
/// of the articles it shares passages with; failing that, the date of the
/// dated articles most like it (the rare words they share, weighted by
/// rarity). Only dates a person or the text gave serve as anchors, so
/// estimates never chain.
fn estimate_dates(
    drafts: &[Draft],
    passages: &[extract::passages::SharedPassage],
    cache: &Cache,
    cached: (
        &mut Vec<crate::cache::Counts>,
        &mut Vec<crate::cache::Saving>,
    ),
) -> Vec<(usize, NaiveDate, &'static str)> {
    let mut out = Vec::new();
    let mut done: HashSet<usize> = HashSet::default();
    for (i, d) in drafts.iter().enumerate() {
        if d.published.is_some() {
            continue;
        }
        let Some(anchor) = d.caption_date else {
            continue;
        };
        if let Some(date) = extract::events::publication_from_anchor(&d.doc(), anchor) {
            out.push((i, date, FROM_CAPTION));
            done.insert(i);
        }
    }
    let mut neighbours: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for p in passages {
        // a passage carried by very many articles links each to a few others only
        let docs: BTreeSet<usize> = p.occurrences.iter().map(|o| o.doc).take(32).collect();
        for &a in &docs {
            for &b in &docs {
                if a != b && drafts[a].published.is_none() {
                    neighbours.entry(a).or_default().insert(b);
                }
            }
        }
    }
    for (a, ns) in neighbours {
        if done.contains(&a) {
            continue;
        }
        let mut dates: Vec<NaiveDate> = ns.iter().filter_map(|&b| drafts[b].published).collect();
        if dates.is_empty() {
            continue;
        }
        dates.sort();
        out.push((a, dates[(dates.len() - 1) / 2], FROM_SIMILAR));
        done.insert(a);
    }
    let undated: Vec<usize> = (0..drafts.len())
        .filter(|&i| drafts[i].published.is_none() && !done.contains(&i))
        .collect();
    if undated.is_empty() {
        return out;
    }
    // terms of every article: distinct lower-cased words of 4+ letters,
    // cached by its text
    let terms: Vec<Terms> = per_article(
        cache,
        "terms",
        drafts.len(),
        cached,
        |i| drafts[i].doc().key("terms"),
        |i| {
            let d = &drafts[i];
            Terms::of(std::iter::once(&d.title).chain(d.paragraphs.iter()))
        },
        |_, _| {},
    );
    let n = drafts.len() as f64;
    let df: HashMap<&str, usize> = terms
        .par_iter()
        .fold(HashMap::default, |mut df: HashMap<&str, usize>, t| {
            for w in t.iter() {
                *df.entry(w).or_insert(0) += 1;
            }
            df
        })
        .reduce(HashMap::default, crate::text::merge_counts);
    // idf-weighted cosine over terms carried by 2..=max_df articles
    let max_df = (drafts.len() / 3).clamp(8, 2000);
    let idf = |w: &str| (n / df[w] as f64).ln();
    let eligible = |w: &str| (2..=max_df).contains(&df[w]);
    let norm: Vec<f64> = terms
        .par_iter()
        .map(|t| {
            t.iter()
                .filter(|w| eligible(w))
                .map(|w| idf(w).powi(2))
                .sum::<f64>()
                .sqrt()
        })
        .collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, t) in terms.iter().enumerate() {
        if drafts[i].published.is_none() {
            continue;
        }
        for w in t.iter() {
            if eligible(w) {
                let list = postings.entry(w).or_default();
                if list.len() < 256 {
                    list.push(i);
                }
            }
        }
    }
    // each undated article on its own (in parallel), results in order
    let found: Vec<Option<(usize, NaiveDate, &'static str)>> = undated
        .par_iter()
        .map(|&a| {
            let mut score: HashMap<usize, f64> = HashMap::default();
            for w in terms[a].iter() {
                let Some(list) = postings.get(w) else {
                    continue;
                };
                let x = idf(w).powi(2);
                for &b in list {
                    *score.entry(b).or_insert(0.0) += x;
                }
            }
            let best = score
                .into_iter()
                .map(|(b, dot)| (b, dot / (norm[a] * norm[b]).max(1e-9)))
                .max_by(|x, y| {
                    x.1.partial_cmp(&y.1)
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then(y.0.cmp(&x.0))
                });
            let (b, sim) = best?;
            let d = drafts[b].published.filter(|_| sim >= SIMILAR_FOR_DATE)?;
            Some((a, d, FROM_SIMILAR))
        })
        .collect();
    out.extend(found.into_iter().flatten());
    out
}

/// The distinct words of 4+ letters (not all digits) of some texts, in
/// their normalised form ([`norm_key`]), in lexical order: one string of
/// them and the byte range of each (no allocation per word). Cached as the
/// string alone, the ranges found again when it is read back.
#[derive(serde::Deserialize)]
#[serde(from = "String")]
struct Terms {
    /// the words, each followed by a space
    text: String,
    /// the byte range of each word in `text`
    words: Vec<(usize, usize)>,
}

impl serde::Serialize for Terms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl From<String> for Terms {
    /// The terms a string of words, each followed by a space, holds.
    fn from(text: String) -> Terms {
        let mut words = Vec::new();
        let mut at = 0;
        for w in text.split_terminator(' ') {
            words.push((at, at + w.len()));
            at += w.len() + 1;
        }
        Terms { text, words }
    }
}

impl Terms {
    fn of<'a>(texts: impl Iterator<Item = &'a String>) -> Terms {
        let texts: Vec<&String> = texts.collect();
        // one key of all the texts, a space between two (as the keys of
        // each, joined by spaces)
        let mut key = crate::text::NormKey::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
        for t in texts {
            key.push_str(t);
            key.push_str(" ");
        }
        // each word once (most come back: fewer to sort), then in order
        let mut seen: HashSet<&str> = HashSet::default();
        let mut words: Vec<&str> = key
            .as_str()
            .split(' ')
            .filter(|w| w.len() >= 4 && !w.bytes().all(|b| b.is_ascii_digit()))
            .filter(|w| seen.insert(w))
            .collect();
        words.sort_unstable();
        // kept: the distinct words only (every article's terms are held at
        // once; its whole text is several times their size)
        let mut kept = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        for w in words {
            kept.push_str(w);
            kept.push(' ');
        }
        Terms::from(kept)
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|&(a, b)| &self.text[a..b])
    }
}

/// What the build keeps of a content file it read, past cleaning.
#[derive(Debug)]
struct OnDisk {
    rel: String,
    /// The `fingerprint:` of its front matter.
    fingerprint: Option<String>,
    /// The hash of its bytes as read.
    read_hash: String,
    /// An edited file's own lists (see [`content_writes`]).
    lists: Option<Lists>,
}

/// The lists of a content file's front matter that extraction over the
/// whole corpus makes (a person may correct them).
#[derive(Debug, Clone)]
struct Lists {
    actors: Vec<String>,
    places: Vec<String>,
    cited_sources: Vec<String>,
}

impl Lists {
    /// The lists the build made for an article.
    fn of(art: &model::Article) -> Lists {
        Lists {
            actors: model::id_strings(&art.actors),
            places: art.places.clone(),
            cited_sources: art.cited_sources.clone(),
        }
    }
}

impl From<ContentFile> for OnDisk {
    fn from(f: ContentFile) -> Self {
        let lists = (!f.pristine).then_some(Lists {
            actors: f.front.actors,
            places: f.front.places,
            cited_sources: f.front.cited_sources,
        });
        OnDisk {
            rel: f.rel,
            fingerprint: f.front.fingerprint,
            read_hash: f.read_hash,
            lists,
        }
    }
}

/// For edited files whose generated version changed, a `.md.new` file
/// beside them (the edit itself is never touched), with a warning; the
/// generated files are written by [`fresh_content_writes`].
///
/// The generated version is what the seed gives now (title, dek, date,
/// publisher, body, …) with the file's own actors, places and cited
/// sources: those come from extraction over the whole corpus, here over
/// the edited text, and would differ from the file's after any edit (a new
/// headline names other places) though the seed did not change. Whether
/// it changed is told by the seed part of the file's fingerprint (see
/// [`content::split_fingerprint`]), which leaves those lists out: a
/// `.md.new` means the seed, or how the build reads it, changed, and not
/// that a person corrected a list.
fn content_writes(root: &Path, site: &Site, warnings: &mut Vec<Warning>) -> Vec<ContentWrite> {
    let on_disk = site.on_disk();
    let mut out = Vec::new();
    for (i, (d, art)) in site.drafts.iter().zip(&site.dossier.articles).enumerate() {
        if d.seed.is_none() || !d.edited {
            continue;
        }
        let Some(f) = on_disk.get(d.content_rel.as_str()) else {
            continue;
        };
        // what the build would generate now, from the seed
        let (Some(g), Some(lists)) = (d.regenerated.as_deref(), f.lists.as_ref()) else {
            continue;
        };
        let body = g.body();
        let own = content::Unsigned::of(&content_front(g, lists.clone()), &body);
        let was = f.fingerprint.as_deref().map(content::split_fingerprint);
        let changed = match was {
            // what the seed gives, against what the file was made from
            Some((_, Some(seed))) => seed != own.seed_part,
            // a file made before fingerprints had their second part: the
            // whole text, with the file's own lists or the build's (one of
            // them is the file's first, unless the seed changed)
            Some((was, None)) => {
                let built = Lists {
                    actors: match site.extracted_actors.get(&i) {
                        Some(ids) => model::id_strings(ids),
                        None => model::id_strings(&art.actors),
                    },
                    places: art.places.clone(),
                    cited_sources: art.cited_sources.clone(),
                };
                let built = content::Unsigned::of(&content_front(g, built), &body);
                own.text_part() != was && built.text_part() != was
            }
            None => true,
        };
        // The new version carries the seed part of what the seed gives now
        // and the text part the file has. Taken (its line copied, or the
        // whole file), it says which version of the seed the file follows,
        // and the file stays the person's: a build never overwrites it,
        // whatever its lists (a text part that matched could hand it back
        // to the build, which would write the lists extraction finds).
        // (a file with no fingerprint: a text part no text has)
        const NONE: &str = "sha256:00000000000000000000000000000000";
        let keep = was.map_or(NONE, |(t, _)| t);
        let fp = format!("{keep}+{}", own.seed_part);
        let text = own.signed(&fp);
        let new_rel = format!("{}.new", d.content_rel);
        let already = std::fs::read_to_string(root.join(&new_rel))
            .map(|t| t == text)
            .unwrap_or(false);
        if changed {
            warnings.push(Warning {
                kind: "edited content",
                file: Some(d.content_rel.clone()),
                message: format!(
                    "was edited by hand and is kept as it is; the build's new version is in {}.new (merge what you want, then copy its `fingerprint:` line into your file to accept it, and delete the .new file)",
                    d.content_rel
                ),
            });
            if !already {
                out.push(ContentWrite {
                    rel: new_rel,
                    text,
                    expect: None,
                });
            }
        }
    }
    out
}

/// The generated (not hand-edited) content files whose text changed, made
/// one at a time in parallel and handed to `write` as they are made, so
/// their texts are never all held at once. Returns `write`'s results in
/// article order. A file whose front matter and body are what the last
/// build generated it from is not made again: the build cache has its
/// fingerprint, which the file on disk still carries if it is unchanged.
pub fn fresh_content_writes<T: Send>(
    site: &Site,
    write: impl Fn(ContentWrite) -> T + Sync,
) -> Vec<T> {
    use crate::cache::{Key, Record};
    use rayon::prelude::*;
    let on_disk = site.on_disk();
    let table = site.cache.table("content files");
    let done: Vec<(Option<T>, (u128, Record))> = site
        .drafts
        .par_iter()
        .zip(&site.dossier.articles)
        .filter(|(d, _)| d.seed.is_some() && !d.edited)
        .map(|(d, art)| {
            let existing = on_disk.get(d.content_rel.as_str());
            let front = content_front(d, Lists::of(art));
            let mut key = Key::new("content file");
            key.serialized(&front);
            match d.own_body() {
                Some(body) => key.str("text").str(body),
                None => key.str("paragraphs").serialized(&*d.paragraphs),
            };
            let on_disk_fp = existing.and_then(|f| f.fingerprint.as_deref());
            // the cached fingerprint holds while the file still carries it;
            // otherwise the text is made (and its fingerprint kept)
            let mut made = None;
            let (fp, record) = table.memo(
                key.finish(),
                |fp: &String| on_disk_fp == Some(fp.as_str()),
                || {
                    let (text, fp) = content::render_with_fingerprint(&front, &d.body());
                    made = Some(text);
                    fp
                },
            );
            let written = made
                .filter(|_| on_disk_fp != Some(fp.as_str()))
                .map(|text| {
                    write(ContentWrite {
                        rel: d.content_rel.clone(),
                        text,
                        expect: existing.map(|f| f.read_hash.clone()),
                    })
                });
            (written, record)
        })
        .collect();
    let mut records = Vec::with_capacity(done.len());
    let mut out = Vec::new();
    for (written, record) in done {
        records.push(record);
        out.extend(written);
    }
    site.keep_table(table, records);
    out
}

/// The front matter a content file is generated with. An estimated date is
/// left out: it is the build's guess, made afresh on every build, not a
/// fact of the text.
fn content_front(d: &Draft, lists: Lists) -> FrontMatter {
    let estimated = d.basis == Some("estimated");
    FrontMatter {
        title: d.title.clone(),
        dek: d.dek.clone(),
        publisher: d.publisher_name.clone(),
        published: d.published.filter(|_| !estimated),
        published_basis: d.basis.filter(|_| !estimated).map(str::to_string),
        url: d.url.clone(),
        seed: d.seed.clone(),
        actors: lists.actors,
        places: lists.places,
        cited_sources: lists.cited_sources,
        removed: d.removed.to_vec(),
        fingerprint: None,
    }
}

/// `Ref` to a block of an article (paragraph numbers are 1-based; title/dek = 0).
pub fn block_ref(article: &model::Id, block: Block) -> Ref {
    Ref {
        article: article.clone(),
        paragraph: paragraph_no(block),
    }
}

/// The 1-based paragraph number of a block (0 for the title or dek).
pub fn paragraph_no(block: Block) -> usize {
    match block {
        Block::Para(i) => i as usize + 1,
        _ => 0,
    }
}

/// Refuse an output folder that would put the project at risk.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<()> {
    let root = root
        .canonicalize()
        .map_err(|e| Error::io(root, "cannot open the project folder", e))?;
    let out_abs = absolute(out)?;
    let bad = |why: &str| {
        Err(Error::refused(
            format!("refusing to write the site to {}: {why}", out.display()),
            "pass --out a new or existing site folder inside the project, e.g. `--out public`",
        ))
    };
    if out_abs.parent().is_none() {
        return bad("it is the file-system root");
    }
    if root.starts_with(&out_abs) {
        return bad("it is the project folder or one of its parents");
    }
    for keep in [
        "seeds",
        "content",
        "templates",
        "src",
        ".git",
        ".dossier-cache",
    ] {
        if out_abs.starts_with(root.join(keep)) {
            return bad(&format!("it is inside the project's {keep}/ folder"));
        }
    }
    if out_abs == root.join("config.yaml") {
        return bad("it is the project's config.yaml");
    }
    if let Ok(meta) = std::fs::symlink_metadata(out) {
        if meta.file_type().is_symlink() {
            return bad("it is a symbolic link");
        }
        if !meta.is_dir() {
            return bad("it is a file, not a folder");
        }
    }
    Ok(())
}

/// Absolute, lexically normalised path (the folder need not exist).
pub fn absolute(p: &Path) -> Result<PathBuf> {
    let base = if p.is_absolute() {
        PathBuf::from("/")
    } else {
        std::env::current_dir().map_err(|e| Error::io(".", "cannot read the current folder", e))?
    };
    // resolve symlinks as we go, so `link/..` means the link target's parent
    let mut out = base.canonicalize().unwrap_or(base);
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
                out.pop();
            }
            std::path::Component::Normal(x) => {
                out.push(x);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Name of the publisher's source for an article (`unknown` when not known).
pub fn publisher_id(name: Option<&str>, registry: &HashMap<String, String>) -> String {
    match name {
        None => UNKNOWN_PUBLISHER.to_string(),
        Some(n) => registry.get(&norm_key(n)).cloned().unwrap_or_else(|| {
            let s = slugify_max(n, 60);
            if s.is_empty() {
                UNKNOWN_PUBLISHER.to_string()
            } else {
                s
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The terms of some texts are the distinct words of 4+ letters
        /// (not all digits) of their keys, each text's key on its own, in
        /// lexical order: one key of them all, a space between two, finds
        /// the same words.
        #[test]
        fn terms_are_the_distinct_long_words_of_each_texts_key(
            texts in proptest::collection::vec("[a-zA-Z0-9 .,'’éÉ-]{0,40}", 0..6)
        ) {
            let mut want: Vec<String> = texts
                .iter()
                .flat_map(|t| {
                    norm_key(t)
                        .split(' ')
                        .filter(|w| w.len() >= 4 && !w.bytes().all(|b| b.is_ascii_digit()))
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            want.sort();
            want.dedup();
            let terms = Terms::of(texts.iter());
            let got: Vec<&str> = terms.iter().collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn a_cleaning_keeps_the_paragraphs_its_body_gives_back() {
        let cases: &[&[&str]] = &[
            &["One plain sentence.", "Another one."],
            &["A line\nbroken  in two", "*stars* and _underscores_"],
            &[
                "# not a heading",
                "1. not a list",
                "a \\ backslash & <b>tag</b>",
            ],
            &["AT&amp;T said so.", "`code` and [brackets](x)"],
        ];
        for paragraphs in cases {
            let cleaned = clean::Cleaned {
                paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                ..Default::default()
            };
            let body = content::body_from_paragraphs(&cleaned.paragraphs);
            let plain = crate::markdown::paragraphs_plain(&body);
            let made = Made::of(cleaned.clone());
            assert_eq!(made.paragraphs(), plain.as_slice(), "{paragraphs:?}");
            assert_eq!(made.plain.is_some(), plain != cleaned.paragraphs);
            assert_eq!(made.body, Draft::store_body(body, &plain));
            assert_eq!(made.hash, hash_paragraphs(&cleaned.paragraphs));
        }
        // the first case reads back as it is; a broken line does not
        let made = |p: &[&str]| {
            Made::of(clean::Cleaned {
                paragraphs: p.iter().map(|p| p.to_string()).collect(),
                ..Default::default()
            })
        };
        assert!(made(cases[0]).plain.is_none());
        assert_eq!(
            made(cases[1]).plain.as_deref().map(|p| p[0].as_str()),
            Some("A line broken in two")
        );
    }
}
