//! Check a render map: every internal `href`/`src` resolves to a file of the
//! site (never a bare folder), every `#fragment` exists on its page, no page
//! repeats an id.

use crate::render::RenderMap;
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::{BTreeSet, HashMap};

static ATTR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"\s(href|src|id)="([^"]*)""#).expect("static regex"));

/// Problems found in the rendered site, as readable lines.
pub fn check_links(map: &RenderMap) -> Vec<String> {
    let mut ids: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let mut problems = Vec::new();
    let pages: Vec<(&String, String)> = map
        .iter()
        .filter(|(k, _)| k.ends_with(".html"))
        .map(|(k, v)| (k, String::from_utf8_lossy(v).into_owned()))
        .collect();
    for (path, html) in &pages {
        let set = ids.entry(path.as_str()).or_default();
        for c in ATTR.captures_iter(html) {
            if &c[1] == "id" && !set.insert(c[2].to_string()) {
                problems.push(format!("{path}: id `{}` is used twice", &c[2]));
            }
        }
    }
    for (path, html) in &pages {
        for c in ATTR.captures_iter(html) {
            if &c[1] == "id" {
                continue;
            }
            let url = decode_entities(&c[2]);
            if url.is_empty() {
                problems.push(format!("{path}: empty {} attribute", &c[1]));
                continue;
            }
            if url.contains("://") || url.starts_with("mailto:") || url.starts_with("data:") {
                continue;
            }
            if url == "#" {
                continue; // a neutralised unsafe link in content
            }
            let (file, frag) = match url.split_once('#') {
                Some((f, fr)) => (f, Some(fr)),
                None => (url.as_str(), None),
            };
            let file = file.split('?').next().unwrap_or("");
            let target = if file.is_empty() {
                Some(path.to_string())
            } else {
                resolve(path, file)
            };
            let Some(target) = target else {
                problems.push(format!("{path}: link `{url}` leaves the site folder"));
                continue;
            };
            if target.ends_with('/') || !map.contains_key(&target) {
                let hint = if map.contains_key(&format!("{target}index.html"))
                    || map.contains_key(&format!("{target}/index.html"))
                {
                    " (name the file: …/index.html, folders do not open from disk)"
                } else {
                    ""
                };
                problems.push(format!(
                    "{path}: link `{url}` points at `{target}`, which is not in the site{hint}"
                ));
                continue;
            }
            if let Some(frag) = frag.filter(|f| !f.is_empty()) {
                if target.ends_with(".html")
                    && !ids.get(target.as_str()).is_some_and(|s| s.contains(frag))
                {
                    problems.push(format!(
                        "{path}: link `{url}`: `{target}` has no element with id `{frag}`"
                    ));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    problems
}

/// Decode the character references an attribute value may hold.
fn decode_entities(s: &str) -> String {
    s.replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Resolve `href` relative to the page at `from` (both relative to the site root).
fn resolve(from: &str, href: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut s = parts.join("/");
    if href.ends_with('/') {
        s.push('/');
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pages: &[(&str, &str)]) -> RenderMap {
        pages
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn good_site_has_no_problems() {
        let m = map(&[
            (
                "index.html",
                r##"<a href="actors/a/index.html#x">a</a> <a href="https://x.org/">x</a>"##,
            ),
            (
                "actors/a/index.html",
                r##"<h1 id="x">A</h1><a href="../../index.html">home</a><a href="#x">self</a>"##,
            ),
        ]);
        assert!(check_links(&m).is_empty(), "{:?}", check_links(&m));
    }

    #[test]
    fn finds_every_kind_of_problem() {
        let m = map(&[
            (
                "index.html",
                r##"<a href="actors/a/">folder</a><a href="missing.html">m</a><a href="actors/a/index.html#nope">f</a><a href="../../out.html">o</a>"##,
            ),
            ("actors/a/index.html", r#"<p id="d"></p><p id="d"></p>"#),
        ]);
        let p = check_links(&m);
        assert_eq!(p.len(), 5, "{p:#?}");
        assert!(p
            .iter()
            .any(|x| x.contains("folders do not open from disk")));
        assert!(p.iter().any(|x| x.contains("used twice")));
        assert!(p.iter().any(|x| x.contains("leaves the site")));
        assert!(p.iter().any(|x| x.contains("no element with id `nope`")));
    }
}
