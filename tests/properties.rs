//! Property tests: slugs, date resolution, decoding, cleaning and Markdown
//! escaping hold for arbitrary input.

use chrono::{Datelike, NaiveDate};
use dossier::extract::{events, DocText};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn slugs_are_safe_and_stable(s in "\\PC{0,80}") {
        let slug = dossier::text::slugify(&s);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"));
        prop_assert!(slug != "." && slug != "..");
        prop_assert_eq!(dossier::text::slugify(&slug), slug.clone());
        let short = dossier::text::slugify_max(&s, 20);
        prop_assert!(short.len() <= 20);
        prop_assert!(!short.ends_with('-'));
    }

    #[test]
    fn weekdays_resolve_to_the_last_such_day(offset in 0i64..3000, wd in 0usize..7) {
        let published = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Duration::days(offset);
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        let paragraphs = vec![format!("The ministers met in the capital on {} and agreed a plan.", names[wd])];
        let doc = DocText { title: "", dek: None, paragraphs: &paragraphs, published: Some(published) };
        let evs = events::extract_events(0, &doc);
        prop_assert_eq!(evs.len(), 1);
        let date = NaiveDate::parse_from_str(&evs[0].date, "%Y-%m-%d").unwrap();
        prop_assert_eq!(date.weekday().num_days_from_monday() as usize, wd);
        let back = (published - date).num_days();
        prop_assert!((0..7).contains(&back), "{} days back", back);
    }

    #[test]
    fn an_event_knows_where_its_sentence_starts(
        picks in proptest::collection::vec((0usize..6, 0usize..6), 1..5),
        offset in 0i64..3000,
    ) {
        // dated, relative and undated sentences, repeated within and across
        // paragraphs, and a present-tense lead (an estimated event)
        let pool = [
            "The convoy reached the city on March 3, 2016, officials said.",
            "Talks resumed on Tuesday in Geneva after a long pause.",
            "The ministry has issued new guidance for aid groups operating there.",
            "Residents said the water was cut again.",
            "Fighting has continued since 2012 in the north.",
            "On 4 May 2016 the council met again to discuss the crisis.",
        ];
        let paragraphs: Vec<String> = picks
            .iter()
            .map(|&(a, b)| format!("{} {} {}", pool[a], pool[b], pool[a]))
            .collect();
        let published = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap() + chrono::Duration::days(offset);
        let doc = DocText { title: "", dek: None, paragraphs: &paragraphs, published: Some(published) };
        for e in events::extract_events(0, &doc) {
            let text = doc.block(e.block);
            prop_assert_eq!(text.get(e.start..e.start + e.sentence.len()), Some(&*e.sentence));
        }
    }

    #[test]
    fn decoding_and_cleaning_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok((text, _)) = dossier::ingest::decode(&bytes) {
            let stats = dossier::clean::CorpusStats::from_texts([text.as_str()]);
            let c = dossier::clean::clean(&text, &stats, &Default::default());
            for p in &c.paragraphs {
                prop_assert!(!p.trim().is_empty());
            }
        }
    }

    #[test]
    fn cleaning_arbitrary_text_never_panics(text in "(\\PC{0,60}\n{1,2}){0,20}") {
        let stats = dossier::clean::CorpusStats::from_texts([text.as_str()]);
        let _ = dossier::clean::clean(&text, &stats, &Default::default());
    }

    #[test]
    fn markdown_bodies_are_the_escaped_one_line_paragraphs(
        ps in proptest::collection::vec("[a-z0-9 \\\\*_`\\[\\]<>&~|#+=.)\\-\t\u{a0}é]{0,30}", 0..4)
    ) {
        let reference: String = ps
            .iter()
            .map(|p| format!("{}\n\n", escape_char_by_char(&p.split_whitespace().collect::<Vec<_>>().join(" "))))
            .collect();
        prop_assert_eq!(dossier::content::body_from_paragraphs(&ps), reference);
    }

    #[test]
    fn markdown_escaping_round_trips(s in "[^\\s][^\\n\\r\\t]{0,60}[^\\s]") {
        let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let md = dossier::content::escape_markdown(&one);
        let plain = dossier::markdown::paragraphs_plain(&md);
        prop_assert_eq!(plain, vec![one]);
    }

    #[test]
    fn front_matter_parsing_never_panics(s in "\\PC{0,300}") {
        let _ = dossier::content::parse(&format!("---\n{s}\n---\nbody\n"), "x.md", std::path::Path::new("x.md"));
        let _ = dossier::config::Config::parse(&s, std::path::Path::new("config.yaml"));
    }
}

/// Markdown escaping as first written, a character at a time: the
/// reference the faster escaping must equal.
fn escape_char_by_char(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '+' | '-' | '=' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    let digits = out.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.') | Some(')')) {
        out.insert(digits, '\\');
    }
    out
}
