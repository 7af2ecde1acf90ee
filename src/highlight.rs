//! Code highlighting with syntect in class mode (`hl-` prefixed classes, CSS
//! for a light and a dark theme written once to `public/`). Syntaxes load
//! lazily, only when a code block exists; on any problem the code is shown
//! as escaped plain text.

use crate::text::escape_html;
use once_cell::sync::Lazy;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
/// Larger blocks are not highlighted (plain text is always safe and fast).
const MAX_HIGHLIGHT_BYTES: usize = 256 * 1024;

static SYNTAXES: Lazy<SyntaxSet> = Lazy::new(SyntaxSet::load_defaults_newlines);

/// Highlighted `<pre>` block for `code` in language `lang` ("" = plain).
pub fn code_block(lang: &str, code: &str) -> String {
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape_html(lang))
    };
    if let Some(inner) = highlight(lang, code) {
        return format!(
            "<pre class=\"code\" tabindex=\"0\"{lang_attr}><code>{inner}</code></pre>\n"
        );
    }
    format!(
        "<pre class=\"code\" tabindex=\"0\"{lang_attr}><code>{}</code></pre>\n",
        escape_html(code)
    )
}

/// Front matter as a highlighted YAML block, highlighted line by line with a
/// cache: a generated front matter's lines are self-contained YAML (one key,
/// or one list item), so each line's HTML depends on that line alone, and the
/// many lines pages share (`dek: null`, `- united-states`) are highlighted once.
pub fn yaml_lines_block(yaml: &str) -> String {
    static CACHE: Lazy<std::sync::Mutex<rustc_hash::FxHashMap<String, String>>> =
        Lazy::new(Default::default);
    let mut inner = String::with_capacity(yaml.len() * 3);
    for line in LinesWithEndings::from(yaml) {
        if let Some(h) = plain_pair_line(line) {
            inner.push_str(&h);
            continue;
        }
        let cached = CACHE.lock().ok().and_then(|c| c.get(line).cloned());
        let html = match cached {
            Some(h) => h,
            None => {
                let h = highlight("yaml", line).unwrap_or_else(|| escape_html(line));
                if let Ok(mut c) = CACHE.lock() {
                    if c.len() > 200_000 {
                        c.clear();
                    }
                    c.insert(line.to_string(), h.clone());
                }
                h
            }
        };
        inner.push_str(&html);
    }
    format!("<pre class=\"code\" tabindex=\"0\" data-lang=\"yaml\"><code>{inner}</code></pre>\n")
}

/// A `key: value` or `- value` line whose value is a plain string, a
/// quoted string without escapes or a date highlights the same whatever
/// its characters, so syntect highlights the line with a placeholder in the
/// value's place once per key (or list indentation) and shape of value, and
/// the value is put in the placeholder's place (escaped). Lines this cannot
/// vouch for return `None` (and are highlighted in full).
fn plain_pair_line(line: &str) -> Option<String> {
    const PLACEHOLDER: &str = "qqplainvalueqq";
    const DATE: &str = "1999-09-09";
    static TEMPLATES: Lazy<std::sync::Mutex<rustc_hash::FxHashMap<String, Option<String>>>> =
        Lazy::new(Default::default);
    let body = line.strip_suffix('\n')?;
    let (lead, value) = match body.split_once(": ") {
        Some((key, value))
            if !key.is_empty()
                && key.len() <= 40
                && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
        {
            (&body[..key.len() + 2], value)
        }
        _ => {
            // a list item: indentation, a dash and a space
            let indent = body.len() - body.trim_start_matches(' ').len();
            let value = body[indent..].strip_prefix("- ")?;
            (&body[..indent + 2], value)
        }
    };
    // (the value as the template writes it, the placeholder in it, what replaces it)
    let (shape, placeholder, text) = if plain_value(value) {
        (PLACEHOLDER.to_string(), PLACEHOLDER, value)
    } else if is_date(value) {
        (DATE.to_string(), DATE, value)
    } else {
        let q = value.chars().next().filter(|&q| q == '\'' || q == '"')?;
        let inner = value[1..].strip_suffix(q)?;
        // no quote inside ('' is an escape in single quotes), no backslash
        // (an escape in double quotes), nothing unprintable
        if inner.is_empty() || inner.len() > 300 || inner.contains(['\'', '"', '\\']) {
            return None;
        }
        if inner.chars().any(char::is_control) {
            return None;
        }
        (format!("{q}{PLACEHOLDER}{q}"), PLACEHOLDER, inner)
    };
    let template = {
        let mut templates = TEMPLATES.lock().ok()?;
        templates
            .entry(format!("{lead}{shape}"))
            .or_insert_with(|| {
                highlight("yaml", &format!("{lead}{shape}\n"))
                    .filter(|h| h.matches(placeholder).count() == 1)
            })
            .clone()?
    };
    Some(template.replacen(placeholder, &escape_html(text), 1))
}

/// `YYYY-MM-DD`, as YAML writes a date.
fn is_date(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// A YAML plain scalar that is a string (not null, a boolean, a number or a
/// date) and has nothing YAML reads specially in a block (comments, quotes,
/// flow characters, anchors, tags).
fn plain_value(v: &str) -> bool {
    let Some(first) = v.chars().next() else {
        return false;
    };
    // a plain scalar starts with no indicator (ASCII punctuation) and no space
    let first_ok = first.is_alphanumeric()
        || !(first.is_ascii()
            || first.is_whitespace()
            || first.is_control()
            || first == '\u{feff}');
    if v.len() > 300 || v.ends_with(char::is_whitespace) || !first_ok {
        return false;
    }
    if v.chars().any(|c| {
        matches!(
            c,
            '#' | ':'
                | '\''
                | '"'
                | '{'
                | '}'
                | '['
                | ']'
                | '&'
                | '*'
                | '!'
                | '|'
                | '>'
                | '%'
                | '@'
                | '`'
                | '\\'
        ) || c.is_control()
    }) {
        return false;
    }
    if !v.chars().any(char::is_alphabetic) || (first.is_ascii_digit() && !v.contains(' ')) {
        return false; // numbers, dates, "0x1F", "1e5"
    }
    let l = v.to_ascii_lowercase();
    !matches!(
        l.as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | ".inf" | ".nan"
    )
}

/// Highlighted inner HTML, or `None` when the language is unknown or the block too large.
pub fn highlight(lang: &str, code: &str) -> Option<String> {
    if lang.is_empty() || code.len() > MAX_HIGHLIGHT_BYTES {
        return None;
    }
    let ss = &*SYNTAXES;
    let syntax = ss.find_syntax_by_token(lang)?;
    let mut gen = ClassedHTMLGenerator::new_with_class_style(syntax, ss, STYLE);
    for line in LinesWithEndings::from(code) {
        if gen
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return None;
        }
    }
    Some(slim(&gen.finalize()))
}

/// The scope classes the stylesheet ([`css`]) styles; syntect writes every
/// scope of a token (`hl-string hl-unquoted hl-plain hl-out hl-yaml`).
const STYLED: &[&str] = &[
    "hl-comment",
    "hl-keyword",
    "hl-storage",
    "hl-entity",
    "hl-name",
    "hl-support",
    "hl-string",
    "hl-constant",
    "hl-variable",
    "hl-punctuation",
    "hl-invalid",
];

/// Highlighted HTML with only the classes the stylesheet styles; a span
/// left with none is dropped (its text kept). Looks the same, weighs about
/// a third: front matter on every article page was a third of its bytes.
fn slim(html: &str) -> String {
    const OPEN: &str = "<span class=\"";
    const CLOSE: &str = "</span>";
    let mut out = String::with_capacity(html.len() / 2);
    // for each open span: was it kept?
    let mut open: Vec<bool> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix(OPEN) {
            let Some(end) = after.find("\">") else {
                break; // not syntect's shape: keep the rest as it is
            };
            let kept: Vec<&str> = after[..end]
                .split(' ')
                .filter(|c| STYLED.contains(c))
                .collect();
            if !kept.is_empty() {
                out.push_str(OPEN);
                out.push_str(&kept.join(" "));
                out.push_str("\">");
            }
            open.push(!kept.is_empty());
            rest = &after[end + 2..];
        } else if let Some(after) = rest.strip_prefix(CLOSE) {
            if open.pop().unwrap_or(true) {
                out.push_str(CLOSE);
            }
            rest = after;
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The stylesheet for highlighted code: colours for syntect's scope classes
/// (`hl-` prefixed), chosen for WCAG AA contrast on the page background in
/// both the light and the dark scheme.
pub fn css() -> String {
    CSS.to_string()
}

const CSS: &str = "/* dossier: colours for syntect scope classes (hl-*), light and dark */
pre.code .hl-comment { color: #57606a; font-style: italic; }
pre.code .hl-keyword, pre.code .hl-storage { color: #a0111f; }
pre.code .hl-entity.hl-name, pre.code .hl-support { color: #0550ae; }
pre.code .hl-string { color: #0a3069; }
pre.code .hl-constant { color: #6639ba; }
pre.code .hl-variable { color: #953800; }
pre.code .hl-punctuation { color: inherit; }
pre.code .hl-invalid { color: #82071e; text-decoration: underline wavy; }
@media (prefers-color-scheme: dark) {
  pre.code .hl-comment { color: #a4abb3; }
  pre.code .hl-keyword, pre.code .hl-storage { color: #ff9492; }
  pre.code .hl-entity.hl-name, pre.code .hl-support { color: #79c0ff; }
  pre.code .hl-string { color: #a5d6ff; }
  pre.code .hl-constant { color: #d2a8ff; }
  pre.code .hl-variable { color: #ffa657; }
  pre.code .hl-invalid { color: #ffa198; }
}
@media print {
  pre.code .hl-comment, pre.code .hl-keyword, pre.code .hl-storage, pre.code .hl-entity.hl-name, pre.code .hl-support,
  pre.code .hl-string, pre.code .hl-constant, pre.code .hl-variable { color: #000; }
}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_pair_lines_match_syntect_exactly() {
        for line in [
            "title: 55 killed as rocket attacks hit Goma\n",
            "publisher: Daily Dispatch\n",
            "seed: seeds/004822.txt\n",
            "title: Novak, Okafor meet\n",
            "title: It's over\n",
            "dek: Ölpreis steigt — Börse fällt\n",
            "url: https://example.com/a\n",
            "title: 2016 in review\n",
            "published: 2020-05-09\n",
            "dek: null\n",
            "title: Yes\n",
            "title: 1e5\n",
            "title: a # b\n",
            "title: 100,912 killed as drone strikes hit Nagorno-Karabakh\n",
            "title: \u{201c}Nobody is safe\u{201d}, she said\n",
            "title: a, b\n",
            "published: 2023-02-27\n",
            "published: 2023-2-27\n",
            "dek: 'Ekwueme said: \u{201c}It is dead.\u{201d}'\n",
            "dek: 'It''s over: now'\n",
            "dek: \"a: b\"\n",
            "dek: \"a \\\" b\"\n",
            "dek: '<b>: &amp;'\n",
            "- Talks on Homs end without agreement\n",
            "- Leave a Reply\n",
            "  - \u{d6}lpreis steigt \u{2014} B\u{f6}rse f\u{e4}llt\n",
            "- 2016 in review\n",
            "- 2016-01-02\n",
            "- null\n",
            "- key: value\n",
            "- a # b\n",
            "-  two spaces\n",
            "- 'quoted: here'\n",
        ] {
            let full = highlight("yaml", line).unwrap();
            if let Some(fast) = plain_pair_line(line) {
                assert_eq!(fast, full, "{line}");
            }
        }
        assert!(plain_pair_line("title: 55 killed as rocket attacks hit Goma\n").is_some());
        assert!(plain_pair_line("dek: null\n").is_none());
        for line in [
            "published: 2020-05-09\n",
            "- Leave a Reply\n",
            "  - Leave a Reply\n",
            "title: 100,912 killed\n",
            "title: \u{201c}Nobody is safe\u{201d}\n",
            "dek: 'Ekwueme said: \u{201c}It is dead.\u{201d}'\n",
            "dek: \"a: b\"\n",
        ] {
            assert!(plain_pair_line(line).is_some(), "{line}");
        }
        for line in ["- null\n", "dek: 'It''s: over'\n", "dek: \"a \\\" b\"\n"] {
            assert!(plain_pair_line(line).is_none(), "{line}");
        }
    }

    #[test]
    fn yaml_is_highlighted_with_classes_and_escaped() {
        let html = code_block("yaml", "title: \"<b>x</b>\"\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn line_by_line_yaml_keeps_every_line_and_class() {
        let yaml = "title: 'It''s <b>'\ndek: null\nactors:\n- jane-novak\n- russia\npublished: 2019-03-22\n";
        let html = yaml_lines_block(yaml);
        let text = html
            .split('<')
            .map(|p| p.split_once('>').map(|x| x.1).unwrap_or(p))
            .collect::<String>();
        assert_eq!(
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .trim_end(),
            yaml.trim_end()
        );
        assert!(
            html.contains("<span class=\"hl-entity hl-name\">"),
            "{html}"
        );
        assert!(
            !html.contains("hl-yaml"),
            "unstyled classes are left out: {html}"
        );
        assert!(!html.contains("<b>"));
        assert_eq!(
            yaml_lines_block(yaml),
            html,
            "deterministic with a warm cache"
        );
    }

    #[test]
    fn slimmed_html_keeps_text_and_styled_classes() {
        let full = "<span class=\"hl-source hl-yaml\"><span class=\"hl-string hl-unquoted hl-plain hl-out hl-yaml\"><span class=\"hl-entity hl-name hl-tag hl-yaml\">title</span></span>: <span class=\"hl-constant hl-language hl-null hl-yaml\">null</span>\n</span>";
        assert_eq!(
            slim(full),
            "<span class=\"hl-string\"><span class=\"hl-entity hl-name\">title</span></span>: <span class=\"hl-constant\">null</span>\n"
        );
        // escaped text is left as it is
        assert_eq!(slim("a &lt; b"), "a &lt; b");
        // every class the stylesheet names is one syntect writes with the prefix
        for c in STYLED {
            assert!(css().contains(&format!(".{c}")), "{c}");
        }
    }

    #[test]
    fn unknown_language_falls_back_to_plain() {
        assert_eq!(
            code_block("nosuchlang", "<x>"),
            "<pre class=\"code\" tabindex=\"0\" data-lang=\"nosuchlang\"><code>&lt;x&gt;</code></pre>\n"
        );
    }

    #[test]
    fn css_has_both_schemes() {
        let css = css();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
