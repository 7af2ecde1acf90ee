//! `config.yaml`: what a person knows about the corpus that the text does not
//! say. Optional: without it every value has a default and extraction works
//! from the text alone. Unknown keys and wrong types are errors that name the
//! key and its line.

use crate::error::{Error, Result};
use crate::extract::actors::{ActorKind, ActorSpec};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use std::path::Path;

/// The whole configuration.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Site and briefing title.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// Absolute URL where the site will live; enables the Atom feed, sitemap and canonical links.
    pub base_url: Option<String>,
    /// Language of the pages (`lang` attribute).
    pub language: String,
    /// Date printed on the briefing cover (never the clock, so builds are reproducible).
    #[serde(deserialize_with = "de_opt_date")]
    pub build_date: Option<NaiveDate>,
    /// Render raw HTML in hand-written Markdown instead of escaping it.
    pub trusted_html: bool,
    /// Longest list of articles or citations on one page; longer lists
    /// (the article index, an actor's articles, a source's citations)
    /// continue on numbered pages.
    pub list_page_size: usize,
    /// Extra cleaning rules.
    pub cleaning: CleaningConfig,
    /// Registry of outlets and agencies.
    pub sources: Vec<SourceConfig>,
    /// Gazetteer of actors: adds, renames, merges and classifies.
    pub actors: Vec<ActorConfig>,
    /// Per-seed metadata, keyed by the seed's file name (`000_abc.txt`).
    pub seeds: BTreeMap<String, SeedConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing dossier".to_string(),
            subtitle: None,
            base_url: None,
            language: "en".to_string(),
            build_date: None,
            trusted_html: false,
            list_page_size: 1000,
            cleaning: CleaningConfig::default(),
            sources: Vec::new(),
            actors: Vec::new(),
            seeds: BTreeMap::new(),
        }
    }
}

/// `cleaning:` options.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CleaningConfig {
    /// Regular expressions; a line matching one is boilerplate.
    pub boilerplate: Vec<String>,
}

/// Kind of a source.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    Publisher,
    Cited,
}

/// One entry of `sources:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub homepage: Option<String>,
    #[serde(default)]
    pub kind: Option<SourceKind>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// One entry of `actors:`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorConfig {
    pub name: String,
    #[serde(default)]
    pub kind: Option<ActorKind>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub role: Option<String>,
    /// Not an actor: drop it (and its aliases) from every article.
    #[serde(default)]
    pub ignore: bool,
}

/// One entry of `seeds:`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedConfig {
    #[serde(default)]
    pub publisher: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default, deserialize_with = "de_opt_date")]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub title: Option<String>,
}

/// Deserialize an optional `YYYY-MM-DD` date; an impossible date (2016-02-30)
/// is an error located at the value.
pub fn de_opt_date<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<NaiveDate>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<NaiveDate>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a date as YYYY-MM-DD")
        }
        fn visit_none<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(
            self,
            d: D2,
        ) -> std::result::Result<Self::Value, D2::Error> {
            d.deserialize_str(V)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<Self::Value, E> {
            NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
                .map(Some)
                .map_err(|_| {
                    E::custom(format!(
                        "invalid date `{s}`: expected an existing date as YYYY-MM-DD"
                    ))
                })
        }
    }
    d.deserialize_option(V)
}

impl Config {
    /// Parse configuration text; `path` is used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let cfg: Config = serde_yaml::from_str(text).map_err(|e| {
            Error::yaml(
                path,
                &e,
                0,
                "see the `config.yaml` section of README.md for every key and its type",
            )
        })?;
        cfg.validate(path)?;
        Ok(cfg)
    }

    /// Load `config.yaml` from a project root; a missing file gives the defaults.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join("config.yaml");
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text, &path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::io(&path, "cannot read the configuration", e)),
        }
    }

    fn validate(&self, path: &Path) -> Result<()> {
        if self.list_page_size == 0 {
            return Err(Error::file(
                path,
                "list_page_size is 0".to_string(),
                "give the most items one page may list (default 1000), or remove the key",
            ));
        }
        if let Some(url) = &self.base_url {
            if !base_url_ok(url) {
                return Err(Error::file(
                    path,
                    format!("base_url `{url}` is not an absolute http(s) URL (a host, then a path at most: no query or fragment)"),
                    "write it like `base_url: https://example.org/briefings/harbour/`, or remove the key",
                ));
            }
        }
        for re in &self.cleaning.boilerplate {
            if let Err(e) = regex::Regex::new(re) {
                return Err(Error::file(
                    path,
                    format!("cleaning.boilerplate pattern `{re}` is not a valid regular expression: {e}"),
                    "fix or remove the pattern (syntax: https://docs.rs/regex)",
                ));
            }
        }
        for (i, a) in self.actors.iter().enumerate() {
            if crate::text::slugify(&a.name).is_empty() {
                return Err(Error::file(
                    path,
                    format!(
                        "actors[{i}].name `{}` has no letters or digits to make a page name from",
                        a.name
                    ),
                    "give the actor a name with at least one latin letter or digit",
                ));
            }
        }
        for (i, s) in self.sources.iter().enumerate() {
            if crate::text::slugify(&s.name).is_empty() {
                return Err(Error::file(
                    path,
                    format!(
                        "sources[{i}].name `{}` has no letters or digits to make a page name from",
                        s.name
                    ),
                    "give the source a name with at least one latin letter or digit",
                ));
            }
            if let Some(h) = &s.homepage {
                if !(h.starts_with("http://") || h.starts_with("https://")) {
                    return Err(Error::file(
                        path,
                        format!("sources[{i}].homepage `{h}` is not an http(s) URL"),
                        "write the full address, e.g. `https://www.reuters.com/`",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The gazetteer in the extractor's terms.
    pub fn actor_specs(&self) -> Vec<ActorSpec> {
        self.actors
            .iter()
            .filter(|a| !a.ignore)
            .map(|a| ActorSpec {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                role: a.role.clone(),
            })
            .collect()
    }

    /// Normalised names and aliases of the actors marked `ignore: true`.
    pub fn ignored_actor_keys(&self) -> std::collections::HashSet<String> {
        self.actors
            .iter()
            .filter(|a| a.ignore)
            .flat_map(|a| std::iter::once(&a.name).chain(a.aliases.iter()))
            .map(|n| crate::text::norm_key(n))
            .collect()
    }

    /// Compiled `cleaning.boilerplate` patterns (validated at load).
    pub fn boilerplate_patterns(&self) -> Vec<regex::Regex> {
        self.cleaning
            .boilerplate
            .iter()
            .filter_map(|r| regex::Regex::new(r).ok())
            .collect()
    }
}

/// Is `url` a base for the site's absolute links: `http(s)://host[/path]`,
/// with a host and no query, fragment, space, quote or angle bracket?
fn base_url_ok(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split('/').next().unwrap_or("");
    !host.is_empty()
        && !host.starts_with(':')
        && !url.contains(['<', '>', '"', '\'', ' ', '?', '#', '\\'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_needs_a_host_and_no_query_or_fragment() {
        for ok in [
            "https://example.org",
            "https://example.org/briefings/x/",
            "http://localhost:8000/",
        ] {
            assert!(base_url_ok(ok), "{ok}");
        }
        for bad in [
            "http://",
            "https:///x/",
            "https://example.org/#frag",
            "https://example.org/?q=1&r=2",
            "ftp://example.org/",
            "example.org",
            "https://exa mple.org/",
            "https://:80/",
        ] {
            assert!(!base_url_ok(bad), "{bad}");
        }
    }

    fn parse(s: &str) -> Result<Config> {
        Config::parse(s, Path::new("config.yaml"))
    }

    #[test]
    fn empty_config_is_default() {
        let c = parse("").unwrap();
        assert_eq!(c.title, "Briefing dossier");
        assert_eq!(c.language, "en");
        assert!(c.actors.is_empty());
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            "title: T\nsubtitle: S\nbase_url: https://x.org/b/\nlanguage: fr\nbuild_date: 2016-10-05\n\
             sources:\n  - name: Reuters\n    kind: cited\n    homepage: https://reuters.com/\n\
             actors:\n  - name: John Novak\n    kind: person\n    aliases: [Novak]\n    role: Secretary of State\n\
             seeds:\n  a.txt:\n    publisher: Harbour Times\n    published: 2019-03-22\n",
        )
        .unwrap();
        assert_eq!(c.title, "T");
        assert_eq!(c.actors[0].kind, Some(ActorKind::Person));
        assert_eq!(
            c.seeds["a.txt"].published,
            NaiveDate::from_ymd_opt(2019, 3, 22)
        );
        assert_eq!(c.sources[0].kind, Some(SourceKind::Cited));
    }

    #[test]
    fn unknown_key_names_key_and_line() {
        let err = parse("title: T\nsubtitel: oops\n").unwrap_err().to_string();
        assert!(err.contains("config.yaml:2:"), "{err}");
        assert!(err.contains("unknown field `subtitel`"), "{err}");
    }

    #[test]
    fn wrong_type_names_line() {
        let err = parse("title: T\nactors:\n  - name: X\n    aliases: 7\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("config.yaml:4:"), "{err}");
    }

    #[test]
    fn impossible_date_is_an_error() {
        let err = parse("seeds:\n  a.txt:\n    published: 2016-02-30\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("2016-02-30"), "{err}");
        assert!(err.contains("config.yaml:3:"), "{err}");
    }

    #[test]
    fn ignored_actors_leave_the_gazetteer() {
        let c = parse("actors:\n  - name: Breaking News\n    ignore: true\n    aliases: [BREAKING]\n  - name: Jane Doe\n").unwrap();
        assert_eq!(c.actor_specs().len(), 1);
        let keys = c.ignored_actor_keys();
        assert!(keys.contains("breaking news") && keys.contains("breaking"));
    }

    #[test]
    fn bad_values_are_refused() {
        assert!(parse("base_url: javascript:alert(1)\n").is_err());
        assert!(parse("cleaning:\n  boilerplate: ['(']\n").is_err());
        assert!(parse("actors:\n  - name: '..'\n").is_err());
    }
}
