//! `content/articles/*.md`: editable Markdown with YAML front matter.
//!
//! The build writes one file per seed. Each generated file carries a
//! `fingerprint:` of its own text; a file whose text no longer matches its
//! fingerprint was edited by a person and is never overwritten.

use crate::error::{Error, Result, Warning};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;

/// The front matter of an article file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub dek: Option<String>,
    /// Publisher name (an entry of `sources:` in config, or free text).
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default, with = "opt_date")]
    pub published: Option<NaiveDate>,
    /// Where the date came from: front-matter, config, text, estimated.
    #[serde(default)]
    pub published_basis: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// The raw file this article was cleaned from (`seeds/…`); none for hand-written articles.
    #[serde(default)]
    pub seed: Option<String>,
    /// Actor ids found in the text (edit to drop a wrong one).
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub places: Vec<String>,
    /// Sources the article attributes information to.
    #[serde(default)]
    pub cited_sources: Vec<String>,
    /// Lines the cleaner removed as boilerplate.
    #[serde(default)]
    pub removed: Vec<String>,
    /// Hash of the generated file; a mismatch means a person edited it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        crate::config::de_opt_date(d)
    }
}

/// A parsed article file.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Path relative to the project root (`content/articles/x.md`).
    pub rel: String,
    /// File stem: the article id.
    pub stem: String,
    pub front: FrontMatter,
    /// Markdown body.
    pub body: String,
    /// `true` when the file was generated and not edited since.
    pub pristine: bool,
    /// Hash of the file's bytes as read: a write checks it again first.
    pub read_hash: String,
    /// The text of a generated file read without parsing its YAML (see
    /// [`parse_generated`]): `front` then holds only its `seed` and
    /// `fingerprint`, and `body` is empty. [`ContentFile::parsed`] gives
    /// the whole file, for the rare build that needs it.
    pub unparsed: Option<String>,
}

impl ContentFile {
    /// The file with its front matter and body parsed (itself, unless it
    /// was read by [`parse_generated`]).
    pub fn parsed(&self) -> Result<std::borrow::Cow<'_, ContentFile>> {
        match &self.unparsed {
            None => Ok(std::borrow::Cow::Borrowed(self)),
            Some(text) => parse(text, &self.rel, Path::new(&self.rel)).map(std::borrow::Cow::Owned),
        }
    }
}

/// Split `---\nyaml\n---\nbody`. Returns (yaml, body, line where yaml starts).
pub fn split_front_matter<'a>(text: &'a str, path: &Path) -> Result<(&'a str, &'a str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n") else {
        return Err(Error::at(
            path,
            1,
            1,
            "the file does not start with front matter",
            "start the file with a line `---`, the YAML keys (at least `title:`), then a line `---`, then the text",
        ));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            return Ok((yaml, body));
        }
        offset += line.len();
    }
    Err(Error::at(
        path,
        1,
        1,
        "the front matter is not closed",
        "add a line `---` after the last YAML key, before the article text",
    ))
}

/// The fingerprint of a file's text: sha256 over the text with the
/// `fingerprint:` line removed.
pub fn fingerprint(text: &str) -> String {
    let mut h = Sha256::new();
    // only the `fingerprint:` key of the front matter is left out: the same
    // words anywhere else (the body, a second key) are part of the text
    let mut in_front = false;
    let mut skipped = false;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i == 0 && line.trim_end() == "---" {
            in_front = true;
        } else if in_front && line.trim_end() == "---" {
            in_front = false;
        } else if in_front && !skipped && line.starts_with("fingerprint:") {
            skipped = true;
            continue;
        }
        h.update(line.as_bytes());
    }
    format!("sha256:{}", hex16(&h.finalize()))
}

/// A generated file's `fingerprint:` is `sha256:TEXT+SEED`: `TEXT` is the
/// [`fingerprint`] of the file's text (a file whose text no longer gives
/// it was edited), `SEED` the [`seed_part`] of what it was generated from
/// (a later build compares it to tell whether the seed now gives another
/// article). Files written before the second part existed carry `TEXT`
/// alone. Returns the two parts.
pub fn split_fingerprint(fp: &str) -> (&str, Option<&str>) {
    match fp.split_once('+') {
        Some((text, seed)) => (text, Some(seed)),
        None => (fp, None),
    }
}

/// A hash of what a generated file says apart from the lists that
/// extraction over the whole corpus makes (`actors`, `places`,
/// `cited_sources`): its title, dek, date, publisher, body and so on, the
/// part a seed decides. A person's edit to those lists, or a headline
/// that names other places, leaves a file's seed part as it was.
fn seed_part(front: &FrontMatter, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(serde_json::to_vec(front).unwrap_or_default());
    h.update(b"\n");
    h.update(body.as_bytes());
    hex16(&h.finalize())
}

/// The first 16 bytes of a digest, in hex.
fn hex16(digest: &[u8]) -> String {
    let mut s = String::with_capacity(32);
    for b in &digest[..16] {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Parse one article file.
pub fn parse(text: &str, rel: &str, path: &Path) -> Result<ContentFile> {
    let text = crate::ingest::normalise_newlines(text);
    let (yaml, body) = split_front_matter(&text, path)?;
    let front: FrontMatter = serde_yaml::from_str(yaml).map_err(|e| {
        Error::yaml(
            path,
            &e,
            1,
            "fix the front matter; the keys are listed in README.md (`content/articles/*.md`)",
        )
    })?;
    if front.title.trim().is_empty() {
        return Err(Error::at(
            path,
            2,
            1,
            "`title` is empty",
            "give the article a title",
        ));
    }
    let pristine = match &front.fingerprint {
        Some(fp) => split_fingerprint(fp).0 == fingerprint(&text),
        None => false,
    };
    Ok(ContentFile {
        rel: rel.to_string(),
        stem: stem_of(rel),
        front,
        body: body.trim_start_matches('\n').to_string(),
        pristine,
        read_hash: bytes_hash(text.as_bytes()),
        unparsed: None,
    })
}

/// The article id a content file's path gives (its file stem).
fn stem_of(rel: &str) -> String {
    Path::new(rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A file exactly as the build generated it, read without parsing its YAML:
/// its last front matter line is its `fingerprint:`, which matches its text
/// (so the text is what [`render_with_fingerprint`] wrote, and [`parse`]
/// would find it pristine). A build only needs such a file's `seed` (it
/// makes the rest again from the seed), read from that key's lines alone.
/// The text back when the file is anything else: [`parse`] reads it.
pub fn parse_generated(text: String, rel: &str) -> std::result::Result<ContentFile, String> {
    match generated_front(&text) {
        Some(front) => Ok(ContentFile {
            rel: rel.to_string(),
            stem: stem_of(rel),
            front,
            body: String::new(),
            pristine: true,
            read_hash: bytes_hash(text.as_bytes()),
            unparsed: Some(text),
        }),
        None => Err(text),
    }
}

/// The `seed` and `fingerprint` of a file as [`parse_generated`] takes it.
fn generated_front(text: &str) -> Option<FrontMatter> {
    // what `parse` would read differently: other newlines, a byte-order mark
    if text.contains('\r') {
        return None;
    }
    let rest = text.strip_prefix("---\n")?;
    let mut seed: Option<String> = None;
    let mut last = "";
    let mut title_ok = false;
    let mut lines = rest.split_inclusive('\n').peekable();
    loop {
        let line = lines.next()?;
        if line.trim_end() == "---" {
            break;
        }
        if let Some(value) = line.strip_prefix("title:") {
            // an empty title is an error `parse` reports
            let v = value.trim();
            title_ok = !(v.is_empty() || v == "''" || v == "\"\"");
        }
        if line.starts_with("seed:") {
            // the key's lines: a long or quoted value may go on, indented
            let mut yaml = line.to_string();
            while let Some(next) = lines.next_if(|l| l.starts_with(' ')) {
                yaml.push_str(next);
            }
            #[derive(Deserialize)]
            struct Seed {
                seed: Option<String>,
            }
            seed = serde_yaml::from_str::<Seed>(&yaml).ok()?.seed;
        }
        last = line;
    }
    let fp = last.strip_prefix("fingerprint: ")?.trim_end();
    if !title_ok || fingerprint(text) != split_fingerprint(fp).0 {
        return None;
    }
    Some(FrontMatter {
        seed,
        fingerprint: Some(fp.to_string()),
        ..Default::default()
    })
}

/// Hash of a file's bytes, to notice a change between read and write in
/// one build (never stored: a fast hash does; the fingerprint a file
/// carries is SHA-256).
pub fn bytes_hash(b: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(b))
}

/// Render a generated article file, fingerprint included.
pub fn render(front: &FrontMatter, body: &str) -> String {
    render_with_fingerprint(front, body).0
}

/// [`render`], with the `fingerprint:` written into it (see
/// [`split_fingerprint`]).
pub fn render_with_fingerprint(front: &FrontMatter, body: &str) -> (String, String) {
    let r = Unsigned::of(front, body);
    let fp = format!("{}+{}", r.text_part(), r.seed_part);
    (r.signed(&fp), fp)
}

/// A generated file's text without its `fingerprint:` line, made once and
/// then signed (a `.md.new` is signed with the text part of the edited
/// file it stands beside: see `build::content_writes`).
pub struct Unsigned {
    text: String,
    /// Where the `fingerprint:` line goes: last in the front matter.
    head_end: usize,
    /// The [`seed_part`] of the fingerprint.
    pub seed_part: String,
}

impl Unsigned {
    pub fn of(front: &FrontMatter, body: &str) -> Unsigned {
        let mut f = front.clone();
        f.fingerprint = None;
        let yaml = serde_yaml::to_string(&f).unwrap_or_default();
        f.actors.clear();
        f.places.clear();
        f.cited_sources.clear();
        let seed_part = seed_part(&f, body);
        let mut text = String::with_capacity(yaml.len() + body.len() + 200);
        text.push_str("---\n");
        text.push_str(&yaml);
        text.push_str("---\n\n");
        text.push_str(body);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Unsigned {
            text,
            head_end: 4 + yaml.len(),
            seed_part,
        }
    }

    /// The [`fingerprint`] of the text: the first part of its own.
    pub fn text_part(&self) -> String {
        fingerprint(&self.text)
    }

    /// The text with the line `fingerprint: {fp}`.
    pub fn signed(self, fp: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 64);
        out.push_str(&self.text[..self.head_end]);
        out.push_str("fingerprint: ");
        out.push_str(fp);
        out.push('\n');
        out.push_str(&self.text[self.head_end..]);
        out
    }
}

/// Escape plain text so that Markdown renders it back verbatim.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_markdown_into(s, &mut out);
    out
}

/// [`escape_markdown`], appended to `out`.
fn escape_markdown_into(s: &str, out: &mut String) {
    let begin = out.len();
    // every character escaped is ASCII: copy the runs between them whole
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'\\' | b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'>' | b'&' | b'~' | b'|' => true,
            b'#' | b'+' | b'-' | b'=' => i == 0,
            _ => false,
        };
        if escape {
            out.push_str(&s[from..i]);
            out.push('\\');
            from = i;
        }
    }
    out.push_str(&s[from..]);
    // "1. text" / "1) text" at the start would become a list
    let digits = out[begin..].bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(out.as_bytes().get(begin + digits), Some(b'.' | b')')) {
        out.insert(begin + digits, '\\');
    }
}

/// Is `p` words separated by single spaces and no other white space (what
/// `split_whitespace` and `join(" ")` would make of it)?
fn is_one_line(p: &str) -> bool {
    // at the start, a space would be a leading one
    let mut after_space = true;
    for c in p.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            after_space = false;
        }
    }
    // (false for "", and after a trailing space)
    !after_space
}

/// Markdown body for generated paragraphs.
pub fn body_from_paragraphs(paragraphs: &[String]) -> String {
    let mut body = String::with_capacity(paragraphs.iter().map(|p| p.len() + 4).sum());
    for p in paragraphs {
        // one line: runs of white space made one space (as `split_whitespace`
        // and `join` would; most paragraphs are one already)
        if is_one_line(p) {
            escape_markdown_into(p, &mut body);
        } else {
            let line = p.split_whitespace().collect::<Vec<_>>().join(" ");
            escape_markdown_into(&line, &mut body);
        }
        body.push_str("\n\n");
    }
    body
}

/// Every `*.md` file in `content/articles/`, sorted by name; unreadable or
/// malformed files are errors (a person wrote them: they must hear about it).
pub fn read_all(root: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<ContentFile>> {
    let dir = root.join("content").join("articles");
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| Error::io(&dir, "cannot list the content folder", e))?
        .filter_map(|e| e.ok())
        .collect();
    entries.sort_by_key(|e| e.file_name());
    // each file on its own (in parallel); results and warnings in name order
    use rayon::prelude::*;
    type Read = Result<(Option<ContentFile>, Option<Warning>)>;
    let read: Vec<Read> = entries
        .par_iter()
        .map(|entry| -> Read {
        let p = entry.path();
        let rel = crate::ingest::rel_path(root, &p);
        let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
            return Ok((None, Some(Warning {
                kind: "ignored file",
                file: Some(rel),
                message: "name is not UTF-8; ignored".into(),
            })));
        };
        if !name.ends_with(".md") || name.starts_with('.') {
            return Ok((None, None));
        }
        let ft = entry
            .file_type()
            .map_err(|e| Error::io(&p, "cannot read", e))?;
        if ft.is_symlink() {
            return Ok((None, Some(Warning {
                kind: "unsafe input",
                file: Some(rel),
                message: "is a symbolic link; skipped (copy the real file into content/articles/ instead)".into(),
            })));
        }
        if !ft.is_file() {
            return Ok((None, None));
        }
        let bytes = std::fs::read(&p).map_err(|e| Error::io(&p, "cannot read the article", e))?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return Err(Error::file(
                    &p,
                    format!("is not valid UTF-8 ({e})"),
                    "re-save the file as UTF-8",
                ));
            }
        };
        let stem = name.trim_end_matches(".md");
        if crate::text::slugify(stem) != stem {
            return Err(Error::file(
                &p,
                format!(
                    "file name `{name}` is not a page name (lowercase letters, digits and hyphens)"
                ),
                format!("rename it to `{}.md`", non_empty_slug(stem)),
            ));
        }
        match parse_generated(text, &rel) {
            Ok(f) => Ok((Some(f), None)),
            Err(text) => Ok((Some(parse(&text, &rel, &p)?), None)),
        }
        })
        .collect();
    for r in read {
        let (file, warning) = r?;
        warnings.extend(warning);
        out.extend(file);
    }
    Ok(out)
}

fn non_empty_slug(s: &str) -> String {
    let s = crate::text::slugify(s);
    if s.is_empty() {
        "article".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front() -> FrontMatter {
        FrontMatter {
            title: "A title: with colon".into(),
            dek: Some("Dek".into()),
            published: NaiveDate::from_ymd_opt(2019, 3, 22),
            seed: Some("seeds/a.txt".into()),
            actors: vec!["jane-novak".into()],
            ..Default::default()
        }
    }

    #[test]
    fn generated_file_round_trips_and_is_pristine() {
        let text = render(&front(), "Para one.\n\nPara two.\n");
        let f = parse(
            &text,
            "content/articles/a.md",
            Path::new("content/articles/a.md"),
        )
        .unwrap();
        assert!(f.pristine);
        assert_eq!(f.front.title, "A title: with colon");
        assert_eq!(f.front.published, NaiveDate::from_ymd_opt(2019, 3, 22));
        assert_eq!(f.body, "Para one.\n\nPara two.\n");
        // the fingerprint handed back is the one in the file, and its text's
        let (again, fp) = render_with_fingerprint(&front(), "Para one.\n\nPara two.\n");
        assert_eq!(again, text);
        assert_eq!(f.front.fingerprint.as_deref(), Some(fp.as_str()));
        assert_eq!(split_fingerprint(&fp).0, fingerprint(&text));
    }

    /// The seed part of a fingerprint leaves out the lists extraction makes,
    /// and only them; a file written before it existed is read as before.
    #[test]
    fn the_seed_part_leaves_out_the_lists() {
        let body = "Para one.\n";
        let seed_of = |f: &FrontMatter| {
            let (_, fp) = render_with_fingerprint(f, body);
            split_fingerprint(&fp).1.unwrap().to_string()
        };
        let base = seed_of(&front());
        let mut lists = front();
        lists.actors = vec!["someone-else".into()];
        lists.places = vec!["Geneva".into()];
        lists.cited_sources = vec!["reuters".into()];
        assert_eq!(seed_of(&lists), base);
        let mut title = front();
        title.title = "Another title".into();
        assert_ne!(seed_of(&title), base);
        let (_, fp) = render_with_fingerprint(&front(), "Para two.\n");
        assert_ne!(split_fingerprint(&fp).1.unwrap(), base);
        // the old form: the text's fingerprint alone, still pristine
        let text = render(&front(), body);
        let old_line = format!("fingerprint: {}\n", fingerprint(&text));
        let old = text
            .lines()
            .map(|l| match l.starts_with("fingerprint: ") {
                true => old_line.clone(),
                false => format!("{l}\n"),
            })
            .collect::<String>();
        assert_ne!(old, text);
        let f = parse(&old, "content/articles/a.md", Path::new("a.md")).unwrap();
        assert!(f.pristine);
        assert_eq!(
            split_fingerprint(f.front.fingerprint.as_deref().unwrap()).1,
            None
        );
    }

    /// `parse_generated` takes `text` only as `parse` reads it: pristine,
    /// with the same seed, fingerprint and hash, and the whole file on demand.
    fn read_generated_like_parse(text: &str) {
        let full = parse(text, "content/articles/a.md", Path::new("a.md")).unwrap();
        assert!(full.pristine);
        let fast = parse_generated(text.to_string(), "content/articles/a.md").unwrap();
        assert!(fast.pristine);
        assert_eq!(fast.stem, "a");
        assert_eq!(fast.front.seed, full.front.seed);
        assert_eq!(fast.front.fingerprint, full.front.fingerprint);
        assert_eq!(fast.read_hash, full.read_hash);
        let again = fast.parsed().unwrap();
        assert_eq!(again.front, full.front);
        assert_eq!(again.body, full.body);
        assert!(again.pristine);
    }

    #[test]
    fn a_generated_file_is_read_without_its_yaml() {
        read_generated_like_parse(&render(&front(), "Para one.\n\nPara two.\n"));
        // seeds whose names YAML must quote, or writes over several lines
        for seed in [
            "seeds/line\nbreak.txt",
            "seeds/a: b.txt",
            "seeds/'quoted' #1.txt",
            "seeds/null",
            &format!("seeds/{}.txt", "a long name with spaces ".repeat(12)),
        ] {
            let mut f = front();
            f.seed = Some(seed.to_string());
            let text = render(&f, "Para.\n");
            read_generated_like_parse(&text);
            let fast = parse_generated(text, "a.md").unwrap();
            assert_eq!(fast.front.seed.as_deref(), Some(seed));
        }
        let mut f = front();
        f.seed = None;
        read_generated_like_parse(&render(&f, "Para.\n"));
    }

    #[test]
    fn only_an_untouched_generated_file_skips_the_yaml() {
        let text = render(&front(), "Para one.\n");
        assert!(parse_generated(text.clone(), "a.md").is_ok());
        let edited = text.replace("Para one.", "Para one, fixed.");
        assert!(parse_generated(edited, "a.md").is_err());
        // Windows newlines: parse reads the file as if they were not there
        let crlf = text.replace('\n', "\r\n");
        assert!(parse_generated(crlf.clone(), "a.md").is_err());
        assert!(parse(&crlf, "a.md", Path::new("a.md")).unwrap().pristine);
        // the fingerprint line moved up: the text is no longer the one written
        let fp_line = text
            .lines()
            .find(|l| l.starts_with("fingerprint: "))
            .unwrap()
            .to_string();
        let moved = text.replacen(&format!("{fp_line}\n"), "", 1).replacen(
            "---\n",
            &format!("---\n{fp_line}\n"),
            1,
        );
        assert!(parse_generated(moved, "a.md").is_err());
        // an empty title is an error parse reports
        let mut f = front();
        f.title = String::new();
        let untitled = render(&f, "Para.\n");
        assert!(parse_generated(untitled.clone(), "a.md").is_err());
        assert!(parse(&untitled, "a.md", Path::new("a.md")).is_err());
    }

    #[test]
    fn an_edit_is_detected() {
        let text = render(&front(), "Para one.\n");
        let edited = text.replace("Para one.", "Para one, fixed.");
        assert!(!parse(&edited, "a.md", Path::new("a.md")).unwrap().pristine);
        let edited = text.replace("dek: Dek", "dek: A better dek");
        assert_ne!(edited, text);
        assert!(!parse(&edited, "a.md", Path::new("a.md")).unwrap().pristine);
    }

    #[test]
    fn a_fingerprint_line_in_the_body_is_an_edit() {
        let text = render(&front(), "Para one.\n");
        let edited = format!("{text}\nfingerprint: my own closing paragraph\n");
        assert!(!parse(&edited, "a.md", Path::new("a.md")).unwrap().pristine);
    }

    #[test]
    fn errors_name_line_and_column() {
        let err = parse(
            "---\ntitle: x\nbogus: 1\n---\nbody",
            "a.md",
            Path::new("a.md"),
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("a.md:3:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
        let err = parse(
            "---\ntitle: x\npublished: 2016-02-30\n---\n",
            "a.md",
            Path::new("a.md"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("2016-02-30") && err.starts_with("a.md:3:"),
            "{err}"
        );
        let err = parse("title: x\n", "a.md", Path::new("a.md"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not start with front matter"), "{err}");
        let err = parse("---\ntitle: [x\n---\n", "a.md", Path::new("a.md"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("a.md:"), "{err}");
        let err = parse("---\ntitle: x\n", "a.md", Path::new("a.md"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not closed"), "{err}");
    }

    #[test]
    fn markdown_escaping_round_trips() {
        for s in [
            "1. Not a list",
            "# not a heading",
            "a *b* _c_ [d](e) <script>x</script> & `f`",
            "- dash",
            "AT&T",
        ] {
            let md = escape_markdown(s);
            let plain = crate::markdown::paragraphs_plain(&md);
            assert_eq!(plain, vec![s.to_string()], "{md}");
        }
    }
}
