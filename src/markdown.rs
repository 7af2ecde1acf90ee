//! Markdown through pulldown-cmark: plain paragraphs for extraction, and
//! HTML with paragraph anchors (`p1`, `p2`, …), decorations (actor links,
//! shared-passage marks) placed by plain-text byte offsets, escaped raw HTML
//! (unless trusted), safe link targets and syntect-highlighted code blocks.

use crate::text::escape_html;
use pulldown_cmark::{Alignment, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;

fn parser(md: &str) -> Parser<'_> {
    let mut o = Options::empty();
    o.insert(Options::ENABLE_TABLES);
    o.insert(Options::ENABLE_STRIKETHROUGH);
    Parser::new_ext(md, o)
}

/// The plain text of every paragraph, in order (the same numbering as the
/// `pN` anchors of [`render`]).
pub fn paragraphs_plain(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    for ev in parser(md) {
        match ev {
            Event::Start(Tag::Paragraph) => cur = Some(String::new()),
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = cur.take() {
                    out.push(p);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                if let Some(p) = cur.as_mut() {
                    p.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = cur.as_mut() {
                    p.push(' ');
                }
            }
            _ => {}
        }
    }
    out
}

/// A decoration of a byte range of a paragraph's plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Opening tag, already escaped (`<a href="…">`).
    pub open: String,
    /// Closing tag (`</a>`).
    pub close: &'static str,
    /// Is this a link (links never nest in links)?
    pub link: bool,
}

/// Rendering options for one document.
#[derive(Debug, Default)]
pub struct RenderOptions {
    /// Let raw HTML through (config `trusted_html`).
    pub trusted_html: bool,
    /// Decorations per 0-based paragraph.
    pub spans: BTreeMap<usize, Vec<Span>>,
    /// Extra HTML placed right after a paragraph (e.g. "also in" notes).
    pub after: BTreeMap<usize, String>,
}

/// Is a link target safe to emit? Relative links, fragments, http(s) and mailto.
pub fn safe_url(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    match u.find(':') {
        None => true,
        Some(i) => {
            let before = &u[..i];
            if before.contains(['/', '?', '#']) {
                return true; // the colon is not a scheme separator
            }
            matches!(before, "http" | "https" | "mailto")
        }
    }
}

/// Keep only spans that nest (sorted by start, longer first); drop crossings.
fn nested(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Span> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for s in spans {
        if s.start >= s.end {
            continue;
        }
        while let Some(&top) = stack.last() {
            if kept[top].end <= s.start {
                stack.pop();
            } else {
                break;
            }
        }
        let ok = match stack.last() {
            None => true,
            Some(&top) => {
                s.end <= kept[top].end && !(s.link && stack.iter().any(|&i| kept[i].link))
            }
        };
        if ok {
            stack.push(kept.len());
            kept.push(s);
        }
    }
    kept
}

struct ParaState {
    spans: Vec<Span>,
    /// indices into spans currently open
    open: Vec<usize>,
    /// next span to open
    next: usize,
    /// plain offset so far
    pos: usize,
    /// inside a Markdown link: no link decorations
    in_link: usize,
}

impl ParaState {
    fn close_all(&self, out: &mut String) {
        for &i in self.open.iter().rev() {
            out.push_str(self.spans[i].close);
        }
    }
    fn reopen_all(&self, out: &mut String) {
        for &i in &self.open {
            out.push_str(&self.spans[i].open);
        }
    }
    /// Emit `html` that stands for `plain_len` bytes of plain text which
    /// takes no decorations (code, an image's alt text, trusted raw HTML):
    /// open spans are closed around it and offsets stay in step.
    fn opaque(&mut self, html: &str, plain_len: usize, out: &mut String) {
        self.close_all(out);
        out.push_str(html);
        self.pos += plain_len;
        while self.next < self.spans.len() && self.spans[self.next].start < self.pos {
            self.next += 1;
        }
        let pos = self.pos;
        let spans = &self.spans;
        self.open.retain(|&i| spans[i].end > pos);
        self.reopen_all(out);
    }

    fn text(&mut self, t: &str, out: &mut String) {
        let base = self.pos;
        let end = base + t.len();
        let mut cursor = base;
        loop {
            // next boundary: a close of an open span or the start of the next span
            let close_at = self
                .open
                .last()
                .map(|&i| self.spans[i].end)
                .filter(|&e| e <= end);
            let open_at = self
                .spans
                .get(self.next)
                .map(|s| s.start)
                .filter(|&s| s < end);
            let at = match (close_at, open_at) {
                (Some(c), Some(o)) => c.min(o),
                (Some(c), None) => c,
                (None, Some(o)) => o,
                (None, None) => break,
            };
            let at = at.max(cursor);
            if at > cursor {
                push_text(out, t, cursor - base, at - base);
                cursor = at;
            }
            if close_at == Some(at) {
                let i = self.open.pop().expect("open span");
                out.push_str(self.spans[i].close);
                continue;
            }
            let s = &self.spans[self.next];
            self.next += 1;
            if s.link && self.in_link > 0 {
                continue;
            }
            out.push_str(&s.open);
            self.open.push(self.next - 1);
        }
        push_text(out, t, cursor - base, t.len());
        self.pos = end;
    }
}

fn push_text(out: &mut String, t: &str, a: usize, b: usize) {
    // offsets come from the extractors; never slice off a char boundary
    if a < b && t.is_char_boundary(a) && t.is_char_boundary(b) {
        out.push_str(&escape_html(&t[a..b]));
    } else if a < b {
        out.push_str(&escape_html(&String::from_utf8_lossy(&t.as_bytes()[a..b])));
    }
}

fn single(ev: Event<'_>, out: &mut String) {
    pulldown_cmark::html::push_html(out, std::iter::once(ev));
}

/// Render a Markdown document to HTML.
pub fn render(md: &str, opts: &RenderOptions) -> String {
    let mut out = String::with_capacity(md.len() * 3 / 2);
    let mut para_index = 0usize;
    let mut para: Option<ParaState> = None;
    let mut code: Option<(String, String)> = None; // (lang, text)
    let mut link_depth = 0usize;
    // an image being read: (src, title, alt text)
    let mut image: Option<(String, String, String)> = None;
    // the table being written: its columns' alignments, whether its head
    // row is being written, and the cell's column (the events are written
    // one at a time, so this is tracked here, as pulldown-cmark's writer
    // tracks it over a whole document)
    let mut table: (Vec<Alignment>, bool, usize) = (Vec::new(), false, 0);
    for ev in parser(md) {
        if let Some((_, buf)) = code.as_mut() {
            match ev {
                Event::Text(t) => {
                    buf.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, text) = code.take().expect("code block");
                    out.push_str(&crate::highlight::code_block(&lang, &text));
                    continue;
                }
                _ => continue,
            }
        }
        if let Some((src, title, alt)) = image.as_mut() {
            match ev {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let tag = format!(
                        "<img src=\"{}\" alt=\"{}\"{}>",
                        escape_html(src),
                        escape_html(alt),
                        if title.is_empty() {
                            String::new()
                        } else {
                            format!(" title=\"{}\"", escape_html(title))
                        }
                    );
                    let alt_len = alt.len();
                    match para.as_mut() {
                        // the alt text counts in the plain text
                        Some(p) => p.opaque(&tag, alt_len, &mut out),
                        None => out.push_str(&tag),
                    }
                    image = None;
                }
                _ => {}
            }
            continue;
        }
        match ev {
            Event::Start(Tag::Paragraph) => {
                let spans = nested(opts.spans.get(&para_index).cloned().unwrap_or_default());
                out.push_str(&format!("<p id=\"p{}\">", para_index + 1));
                para = Some(ParaState {
                    spans,
                    open: Vec::new(),
                    next: 0,
                    pos: 0,
                    in_link: link_depth,
                });
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = para.take() {
                    p.close_all(&mut out);
                }
                out.push_str("</p>\n");
                if let Some(extra) = opts.after.get(&para_index) {
                    out.push_str(extra);
                }
                para_index += 1;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(l) => {
                        l.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Text(t) => match para.as_mut() {
                Some(p) => p.text(&t, &mut out),
                None => out.push_str(&escape_html(&t)),
            },
            Event::Code(t) => {
                if let Some(p) = para.as_mut() {
                    p.opaque(
                        &format!("<code>{}</code>", escape_html(&t)),
                        t.len(),
                        &mut out,
                    );
                } else {
                    single(Event::Code(t), &mut out);
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if opts.trusted_html {
                    if let Some(p) = para.as_mut() {
                        // the raw HTML counts in the plain text
                        p.opaque(&t, t.len(), &mut out);
                    } else {
                        out.push_str(&t);
                    }
                } else if let Some(p) = para.as_mut() {
                    p.text(&t, &mut out);
                } else {
                    out.push_str(&escape_html(&t));
                }
            }
            Event::SoftBreak | Event::HardBreak => match para.as_mut() {
                Some(p) => p.text(" ", &mut out),
                None => out.push(' '),
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                link_depth += 1;
                let dest_url = if safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::from("#")
                };
                with_para(&mut para, &mut out, |out| {
                    single(
                        Event::Start(Tag::Link {
                            link_type,
                            dest_url,
                            title,
                            id,
                        }),
                        out,
                    )
                });
                if let Some(p) = para.as_mut() {
                    p.in_link += 1;
                }
            }
            Event::End(TagEnd::Link) => {
                link_depth = link_depth.saturating_sub(1);
                with_para(&mut para, &mut out, |out| {
                    single(Event::End(TagEnd::Link), out)
                });
                if let Some(p) = para.as_mut() {
                    p.in_link = p.in_link.saturating_sub(1);
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let src = if safe_url(&dest_url) {
                    dest_url.to_string()
                } else {
                    "#".to_string()
                };
                image = Some((src, title.to_string(), String::new()));
            }
            Event::Start(Tag::Table(aligns)) => {
                table = (aligns, false, 0);
                out.push_str("<table>");
            }
            Event::Start(Tag::TableHead) => {
                table.1 = true;
                table.2 = 0;
                out.push_str("<thead><tr>");
            }
            Event::End(TagEnd::TableHead) => {
                table.1 = false;
                out.push_str("</tr></thead><tbody>\n");
            }
            Event::Start(Tag::TableRow) => {
                table.2 = 0;
                out.push_str("<tr>");
            }
            Event::Start(Tag::TableCell) => {
                out.push_str(if table.1 { "<th" } else { "<td" });
                out.push_str(match table.0.get(table.2) {
                    Some(Alignment::Left) => " style=\"text-align: left\">",
                    Some(Alignment::Center) => " style=\"text-align: center\">",
                    Some(Alignment::Right) => " style=\"text-align: right\">",
                    _ => ">",
                });
            }
            Event::End(TagEnd::TableCell) => {
                out.push_str(if table.1 { "</th>" } else { "</td>" });
                table.2 += 1;
            }
            ev @ (Event::Start(_) | Event::End(_)) => {
                with_para(&mut para, &mut out, |out| single(ev, out));
            }
            other => with_para(&mut para, &mut out, |out| single(other, out)),
        }
    }
    if let Some((lang, text)) = code.take() {
        out.push_str(&crate::highlight::code_block(&lang, &text));
    }
    out
}

fn with_para(para: &mut Option<ParaState>, out: &mut String, f: impl FnOnce(&mut String)) {
    match para.as_ref() {
        Some(p) => {
            p.close_all(out);
            f(out);
            p.reopen_all(out);
        }
        None => f(out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Body rows are made of `td` cells, the head row of `th` cells, each
    /// with its column's alignment: as pulldown-cmark writes a whole table.
    #[test]
    fn a_table_has_head_and_body_cells_as_pulldown_cmark_writes_them() {
        let md = "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n";
        let mut expected = String::new();
        pulldown_cmark::html::push_html(&mut expected, parser(md));
        let html = render(md, &RenderOptions::default());
        assert_eq!(html, expected);
        assert!(
            html.contains("<td style=\"text-align: right\">6</td>"),
            "{html}"
        );
        assert!(
            html.contains("<th style=\"text-align: center\">b</th>"),
            "{html}"
        );
    }

    fn link(start: usize, end: usize, href: &str) -> Span {
        Span {
            start,
            end,
            open: format!("<a href=\"{href}\">"),
            close: "</a>",
            link: true,
        }
    }

    #[test]
    fn paragraphs_are_numbered_and_plain() {
        let md = "First *para* here.\n\nSecond `code`\nline.\n\n```yaml\na: 1\n```\n\nThird.";
        assert_eq!(
            paragraphs_plain(md),
            vec!["First para here.", "Second code line.", "Third."]
        );
        let html = render(md, &RenderOptions::default());
        assert!(
            html.contains("<p id=\"p1\">First <em>para</em> here.</p>"),
            "{html}"
        );
        assert!(html.contains("<p id=\"p3\">Third.</p>"), "{html}");
    }

    #[test]
    fn spans_link_by_plain_offsets_across_escapes() {
        let md = crate::content::escape_markdown("AT&T met Jane Novak today.");
        let mut opts = RenderOptions::default();
        opts.spans
            .insert(0, vec![link(0, 4, "../a.html"), link(9, 19, "../k.html")]);
        let html = render(&md, &opts);
        assert!(html.contains("<a href=\"../a.html\">AT&amp;T</a> met <a href=\"../k.html\">Jane Novak</a> today."), "{html}");
    }

    #[test]
    fn crossing_spans_are_dropped_and_nesting_kept() {
        let mut opts = RenderOptions::default();
        let mark = Span {
            start: 0,
            end: 11,
            open: "<mark>".into(),
            close: "</mark>",
            link: false,
        };
        opts.spans
            .insert(0, vec![mark, link(6, 11, "x.html"), link(8, 14, "y.html")]);
        let html = render("Hello world again", &opts);
        assert!(
            html.contains("<mark>Hello <a href=\"x.html\">world</a></mark> again"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_and_bad_urls_are_neutralised() {
        let md = "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](https://ok.org/)";
        let html = render(md, &RenderOptions::default());
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("href=\"#\""), "{html}");
        assert!(html.contains("href=\"https://ok.org/\""), "{html}");
        let trusted = render(
            "<b>x</b>",
            &RenderOptions {
                trusted_html: true,
                ..Default::default()
            },
        );
        assert!(trusted.contains("<b>x</b>"));
    }

    #[test]
    fn images_keep_their_alt_text() {
        let html = render(
            "A ![the <b>map</b> \"x\"](https://x.org/m.png \"T\") here",
            &RenderOptions::default(),
        );
        assert!(
            html.contains(
                "<img src=\"https://x.org/m.png\" alt=\"the map &quot;x&quot;\" title=\"T\">"
            ),
            "{html}"
        );
        assert!(html.contains("here</p>"), "{html}");
        let bad = render("![x](javascript:alert(1))", &RenderOptions::default());
        assert!(bad.contains("src=\"#\""), "{bad}");
    }

    #[test]
    fn url_safety() {
        for u in [
            "https://x.org",
            "../a/index.html",
            "#p1",
            "mailto:a@b.c",
            "a/b:c",
        ] {
            assert!(safe_url(u), "{u}");
        }
        for u in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!safe_url(u), "{u}");
        }
    }
}
