//! Hand-made cases for the quote, event and figure extractors.

use chrono::NaiveDate;
use dossier::extract::actors::{Actor, ActorIndex, ActorKind, Mention};
use dossier::extract::events::{extract_events, Basis, Precision};
use dossier::extract::figures::{extract_figures, figure_conflicts};
use dossier::extract::quotes::{extract_quotes, Quote};
use dossier::extract::{Block, DocText};

type ActorDef = (&'static str, ActorKind, &'static [&'static str]);

/// A stand-in actor index: each (name, kind, aliases) with mentions found by
/// plain search (longest form first).
fn index(docs: &[DocText], actors: &[ActorDef]) -> ActorIndex {
    let mut idx = ActorIndex::default();
    let mut mentions = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    for (i, (name, kind, aliases)) in actors.iter().enumerate() {
        idx.actors.push(Actor {
            name: name.to_string(),
            kind: *kind,
            role: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        });
        forms.push((name.to_string(), i));
        for a in aliases.iter() {
            forms.push((a.to_string(), i));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
    for (d, doc) in docs.iter().enumerate() {
        for (block, text) in doc.blocks() {
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for (f, id) in &forms {
                for (s, _) in text.match_indices(f.as_str()) {
                    let e = s + f.len();
                    let ok_b = text[..s]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let ok_a = text[e..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric());
                    if ok_b && ok_a && !taken.iter().any(|&(a, b)| s < b && a < e) {
                        taken.push((s, e));
                        mentions.push(Mention::new(d, block, s, e, *id));
                    }
                }
            }
        }
    }
    idx.set_mentions(mentions, docs.len());
    for (f, id) in &forms {
        idx.add_lookup(f, *id);
    }
    idx
}

const P: ActorKind = ActorKind::Person;
const O: ActorKind = ActorKind::Organization;
const S: ActorKind = ActorKind::State;

fn actors() -> Vec<ActorDef> {
    vec![
        (
            "John Kerry",
            P,
            &["Kerry", "Secretary of State John Kerry", "Mr Kerry"],
        ),
        ("Sergei Lavrov", P, &["Lavrov", "Mr Lavrov"]),
        ("Ammar al-Selmo", P, &[]),
        ("Russian Defense Ministry", O, &[]),
        ("Russia", S, &["Russian", "Moscow"]),
        ("Samsung Electronics", O, &["Samsung"]),
        ("Binali Yildirim", P, &["Yildirim"]),
        ("Reuters", O, &[]),
    ]
}

fn quotes_of(paragraphs: &[&str]) -> Vec<Quote> {
    let paras: Vec<String> = paragraphs.iter().map(|s| s.to_string()).collect();
    let docs = [DocText {
        title: "T",
        dek: None,
        paragraphs: &paras,
        published: NaiveDate::from_ymd_opt(2016, 9, 22),
    }];
    let idx = index(&docs, &actors());
    extract_quotes(&docs, &idx)
}

fn speaker_of(paragraphs: &[&str], starts: &str) -> Option<Option<String>> {
    let qs = quotes_of(paragraphs);
    let names: Vec<&str> = actors().iter().map(|a| a.0).collect();
    qs.iter()
        .find(|q| q.text.starts_with(starts))
        .map(|q| q.speaker.map(|s| names[s].to_string()))
}

fn said(paragraphs: &[&str], starts: &str, who: Option<&str>) {
    let got = speaker_of(paragraphs, starts);
    assert_eq!(
        got,
        Some(who.map(String::from)),
        "quote {starts:?} in {paragraphs:?}: {:?}",
        quotes_of(paragraphs)
    );
}

#[test]
fn quote_after_with_name_before_verb() {
    said(
        &["“We will not stop the talks now,” Kerry said."],
        "We will not stop",
        Some("John Kerry"),
    );
}

#[test]
fn quote_after_with_verb_before_name() {
    said(
        &["“It is annihilation, plain and simple,” said Ammar al-Selmo, head of the rescue service."],
        "It is annihilation",
        Some("Ammar al-Selmo"),
    );
}

#[test]
fn quote_colon_intro() {
    said(
        &["Kerry said: “We cannot go on like this any longer.”"],
        "We cannot go on",
        Some("John Kerry"),
    );
}

#[test]
fn quote_told_reporters() {
    said(
        &["Lavrov told reporters “there is no plan B for this process at all”."],
        "there is no plan B",
        Some("Sergei Lavrov"),
    );
}

#[test]
fn quote_declared_but_said() {
    let p = ["Kerry declared “we can not continue on the same path any longer” but said he would try again."];
    said(&p, "we can not continue", Some("John Kerry"));
}

#[test]
fn quote_said_line_then_quote_paragraph() {
    let p = [
        "Secretary of State John Kerry said:",
        "“To restore credibility to the process we must ground all aircraft.”",
    ];
    said(&p, "To restore credibility", Some("John Kerry"));
}

#[test]
fn quote_team_found_resolves_to_body() {
    let p = [
        "A spokesman for the Russian Defense Ministry stated that, after viewing all available footage, his team found:",
        "“There are no shell holes, cars’ bodies are not damaged.”",
    ];
    said(
        &p,
        "There are no shell holes",
        Some("Russian Defense Ministry"),
    );
}

#[test]
fn quote_multi_sentence() {
    let p = ["“The town is gone. Half of it has collapsed. We are digging,” Yildirim said."];
    said(&p, "The town is gone. Half of it", Some("Binali Yildirim"));
}

#[test]
fn quote_pronoun_added() {
    let p = [
        "Kerry spoke to the council on Wednesday.",
        "“We are not giving up on this at all,” he added.",
    ];
    said(&p, "We are not giving up", Some("John Kerry"));
}

#[test]
fn quote_pronoun_went_on_to_say() {
    let p = ["Lavrov met the envoy. He went on to say that he had to take “all the steps needed to protect the truce”."];
    said(&p, "all the steps needed", Some("Sergei Lavrov"));
}

#[test]
fn quote_unknown_speakers_stay_none() {
    said(
        &["“They may continue for some time, depending on losses,” the source said."],
        "They may continue",
        None,
    );
    said(
        &["“It was a massacre of the innocent,” the activist said."],
        "It was a massacre",
        None,
    );
    said(
        &[
            "No party has claimed it.",
            "“All of our information indicates this was an airstrike”.",
        ],
        "All of our information",
        None,
    );
}

#[test]
fn quote_previous_sentence_speaker() {
    let p = ["Mr Kerry said he was ready to meet Mr Lavrov again. “If we do not succeed, this situation is going to get worse”."];
    said(&p, "If we do not succeed", Some("John Kerry"));
}

#[test]
fn quote_single_and_mismatched_marks() {
    said(
        &["‘We will not permit this to happen,’ Yildirim said."],
        "We will not permit",
        Some("Binali Yildirim"),
    );
    said(
        &["Yildirim said ‘whatever is needed will be done, even if it costs lives.”"],
        "whatever is needed",
        Some("Binali Yildirim"),
    );
    said(
        &["\"Our customers come first,\" Samsung said in a statement."],
        "Our customers",
        Some("Samsung Electronics"),
    );
}

#[test]
fn quote_official_anaphora() {
    let p = [
        "\"Phones with the faulty battery are rare,\" a Samsung official said.",
        "\"Our customers' safety comes first,\" the official said.",
    ];
    said(&p, "Our customers' safety", Some("Samsung Electronics"));
}

#[test]
fn quote_quoted_as_saying() {
    said(
        &["“This is an attempted uprising, and it will not succeed,” Yildirim was quoted as saying."],
        "This is an attempted",
        Some("Binali Yildirim"),
    );
    said(
        &[
            "Yildirim spoke on TV.",
            "“Our citizens must be calm and stay at home,” Reuters quoted him as saying.",
        ],
        "Our citizens",
        Some("Binali Yildirim"),
    );
}

#[test]
fn quote_titles_and_scare_quotes_are_not_quotes() {
    let qs = quotes_of(&["Lavrov appeared on “This Week” and the winning \"no\" camp cheered."]);
    assert!(qs.is_empty(), "{qs:?}");
}

#[test]
fn quote_speaker_text_is_set() {
    let qs = quotes_of(&["“We will not stop the talks now,” Kerry said."]);
    assert_eq!(qs[0].speaker_text.as_deref(), Some("Kerry"));
    assert_eq!(qs[0].block, Block::para(0));
}

fn events_of(text: &str, published: Option<NaiveDate>) -> Vec<(String, Precision, Basis)> {
    let paras = vec![text.to_string()];
    let doc = DocText {
        title: "",
        dek: None,
        paragraphs: &paras,
        published,
    };
    extract_events(0, &doc)
        .into_iter()
        .map(|e| (e.date, e.precision, e.basis))
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn dates(text: &str, published: Option<NaiveDate>) -> Vec<String> {
    events_of(text, published)
        .into_iter()
        .map(|e| e.0)
        .collect()
}

#[test]
fn event_weekdays_resolve_to_latest_on_or_before_publication() {
    // 2016-09-22 is a Thursday
    let p = day(2016, 9, 22);
    assert_eq!(
        dates("Aleppo was bombed late Wednesday.", p),
        vec!["2016-09-21"]
    );
    assert_eq!(
        dates("The ceasefire collapsed Monday.", p),
        vec!["2016-09-19"]
    );
    assert_eq!(dates("Assad spoke on Thursday.", p), vec!["2016-09-22"]);
    assert_eq!(
        dates("Strikes resumed Thursday night.", p),
        vec!["2016-09-22"]
    );
    assert_eq!(
        dates("Rescuers said on Friday they were ready.", p),
        vec!["2016-09-16"]
    );
    assert_eq!(dates("Wednesday’s toll was higher.", p), vec!["2016-09-21"]);
    let e = events_of("Aleppo was bombed late Wednesday.", p);
    assert_eq!((e[0].1, e[0].2), (Precision::Day, Basis::Relative));
}

#[test]
fn event_future_weekdays_are_not_events() {
    let p = day(2016, 9, 22);
    assert!(dates("The food will be expiring next Monday.", p).is_empty());
    assert!(dates("The ministers will meet on Saturday.", p).is_empty());
    // a planned meeting on the publication day itself is kept
    assert_eq!(
        dates("He will hold talks on Thursday.", p),
        vec!["2016-09-22"]
    );
}

#[test]
fn event_no_publication_date_no_weekdays() {
    assert!(dates("Aleppo was bombed late Wednesday.", None).is_empty());
    assert_eq!(
        dates("The truce began on Sep 12, 2016.", None),
        vec!["2016-09-12"]
    );
}

#[test]
fn event_explicit_dates() {
    let p = day(2016, 9, 23);
    assert_eq!(
        dates("On September 9, Kerry and Lavrov met.", p),
        vec!["2016-09-09"]
    );
    assert_eq!(
        dates("Sep 23, 2016- The army announced an offensive.", p),
        vec!["2016-09-23"]
    );
    assert_eq!(
        dates("It ended on Sept. 26, 2015 after talks.", p),
        vec!["2015-09-26"]
    );
    assert_eq!(
        dates("The club was attacked June 12, killing 49.", p),
        vec!["2016-06-12"]
    );
    assert_eq!(
        dates("It was launched on August 19 in the U.S.", p),
        vec!["2016-08-19"]
    );
    assert_eq!(
        dates("The coup began on 15 of July 2016.", p),
        vec!["2016-07-15"]
    );
    // nearest past occurrence: December before a January publication
    assert_eq!(
        dates("Talks began on December 30.", day(2017, 1, 3)),
        vec!["2016-12-30"]
    );
    let e = events_of("On September 9, Kerry and Lavrov met.", p);
    assert_eq!(e[0].2, Basis::Explicit);
}

#[test]
fn event_relative_words() {
    let p = day(2016, 9, 27);
    assert_eq!(
        dates("Clinton said last night was fun.", p),
        vec!["2016-09-26"]
    );
    assert_eq!(
        dates("The company confirmed the recall yesterday.", p),
        vec!["2016-09-26"]
    );
    assert_eq!(
        dates("Stores were set to open today.", p),
        vec!["2016-09-27"]
    );
}

#[test]
fn event_months_and_years() {
    let p = day(2016, 9, 23);
    let e = events_of("Kerry announced the plan earlier this month.", p);
    assert_eq!(
        e,
        vec![("2016-09".to_string(), Precision::Month, Basis::Relative)]
    );
    assert_eq!(
        dates("Tensions began to escalate last month.", day(2016, 10, 3)),
        vec!["2016-09"]
    );
    assert_eq!(
        dates("The deal was agreed in September.", day(2016, 10, 3)),
        vec!["2016-09"]
    );
    assert_eq!(dates("His term ends in August 2018.", p), vec!["2018-08"]);
    let e = events_of("Rebels have held the city since 2012.", p);
    assert_eq!(
        e,
        vec![("2012".to_string(), Precision::Year, Basis::Background)]
    );
    assert_eq!(
        dates("The war began in 2011 and has killed many.", p),
        vec!["2011"]
    );
    // a year ahead of publication is not background
    assert!(dates("Elections are due in 2018.", p).is_empty());
}

#[test]
fn event_metadata_lines_are_skipped() {
    let p = day(2016, 7, 16);
    assert!(dates("This story is from July 16, 2016", p).is_empty());
}

#[test]
fn event_lead_without_dates_is_dated_on_publication() {
    let p = day(2016, 9, 2);
    let e = events_of("Samsung is issuing a worldwide recall of its phones.", p);
    assert_eq!(
        e,
        vec![("2016-09-02".to_string(), Precision::Day, Basis::Estimated)]
    );
}

fn figures_of(text: &str) -> Vec<(String, String)> {
    let paras = vec![text.to_string()];
    let doc = DocText {
        title: "",
        dek: None,
        paragraphs: &paras,
        published: None,
    };
    extract_figures(0, &doc)
        .into_iter()
        .map(|f| (f.value, f.what))
        .collect()
}

fn fig(v: &str, w: &str) -> Vec<(String, String)> {
    vec![(v.to_string(), w.to_string())]
}

#[test]
fn figures_counts() {
    assert_eq!(
        figures_of("Around 430,000 people have died in the conflict."),
        fig("Around 430,000", "people died")
    );
    assert_eq!(
        figures_of("The UN said 40 trucks of food were waiting."),
        fig("40", "trucks of food")
    );
    assert_eq!(
        figures_of("He told Reuters the death toll was 45."),
        fig("45", "death toll")
    );
    assert_eq!(
        figures_of("A convoy was attacked, killing nearly 20."),
        fig("nearly 20", "killed")
    );
    assert_eq!(
        figures_of("Samsung will replace 2.5 million phones."),
        fig("2.5 million", "phones")
    );
}

#[test]
fn figures_exclusions() {
    for t in [
        "Rebels have held the city since 2012.",
        "It happened on September 12 at 3:30 a.m.",
        "The epicenter was 6.2 miles southeast of Norcia.",
        "A 45-year-old man was arrested.",
        "Santos, aged 65, spoke.",
        "The M10 hospital was hit for the 3rd time.",
    ] {
        assert!(figures_of(t).is_empty(), "{t}: {:?}", figures_of(t));
    }
}

#[test]
fn figure_conflicts_across_articles() {
    let a = vec!["Around 430,000 people have died in the conflict.".to_string()];
    let b = vec!["The war has cost more than 300,000 lives since 2011.".to_string()];
    let c = vec!["An airstrike killed 62 Syrian soldiers.".to_string()];
    let mut figs = Vec::new();
    for (i, p) in [&a, &b, &c].iter().enumerate() {
        let doc = DocText {
            title: "",
            dek: None,
            paragraphs: p,
            published: None,
        };
        figs.extend(extract_figures(i, &doc));
    }
    let groups = figure_conflicts(&figs);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0].category, "deaths");
    let docs: Vec<usize> = groups[0].figures.iter().map(|&i| figs[i].doc).collect();
    assert_eq!(docs, vec![1, 0]);
}

#[test]
fn never_panics_on_odd_input() {
    let pieces = [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "—",
        "é",
        " said ",
        " he ",
        "Kerry",
        ":",
        ",",
        ".",
        "Monday",
        " late ",
        "September ",
        "9",
        "2016",
        " 430,000 ",
        "people",
        "\n",
        "s’ ",
        "—”",
        "Mr. ",
    ];
    let mut texts = Vec::new();
    for a in pieces {
        for b in pieces {
            for c in pieces {
                texts.push(format!("{a}{b}{c}{a}"));
            }
        }
    }
    for chunk in texts.chunks(500) {
        let paras: Vec<String> = chunk.to_vec();
        let docs = [DocText {
            title: "“Kerry",
            dek: Some("‘"),
            paragraphs: &paras,
            published: day(2016, 9, 22),
        }];
        let idx = index(&docs, &actors());
        let _ = extract_quotes(&docs, &idx);
        let _ = extract_events(0, &docs[0]);
        let figs = extract_figures(0, &docs[0]);
        let _ = figure_conflicts(&figs);
    }
}

#[test]
fn event_teaser_lists_and_far_dates_are_not_events() {
    let p = day(2016, 8, 24);
    assert!(dates(
        "How to box - November 6, 2020 - Magic mirrors - February 14, 2019 - Greats - November 9, 2018",
        p
    )
    .is_empty());
    assert!(dates("The phone went on sale on March 3, 2019.", p).is_empty());
    assert_eq!(
        dates("Updated : 11:00 On Sunday Colombia voted down the peace accord, leaving the country facing uncertainty.", day(2016, 10, 3)),
        vec!["2016-10-02"]
    );
}

#[test]
fn quote_more_patterns() {
    said(
        &["“The truce is over,” said a spokesman for the Russian Defense Ministry."],
        "The truce is over",
        Some("Russian Defense Ministry"),
    );
    said(
        &["Kerry, speaking in Geneva, said “we will keep talking to Moscow”."],
        "we will keep talking",
        Some("John Kerry"),
    );
    said(
        &["Kerry said Russia was involved in what Lavrov called “a fabricated story about the convoy”."],
        "a fabricated story",
        Some("Sergei Lavrov"),
    );
    said(
        &["“The talks are going nowhere at all,” a source close to the Russian Defense Ministry said."],
        "The talks are going",
        None,
    );
    said(
        &["“We need a pause in the fighting now,” according to Kerry."],
        "We need a pause",
        Some("John Kerry"),
    );
}

#[test]
fn event_more_expressions() {
    let p = day(2016, 9, 22);
    assert_eq!(
        dates("The convoy was hit two days ago.", p),
        vec!["2016-09-20"]
    );
    assert_eq!(
        dates("The siege began in mid-September.", p),
        vec!["2016-09"]
    );
    // a weekday naming a written date is that date
    assert_eq!(
        dates("On Friday, September 9, the ministers met.", p),
        vec!["2016-09-09"]
    );
}

#[test]
fn figures_with_verb_before() {
    assert_eq!(
        figures_of("The strikes killed at least 45 people in Aleppo."),
        fig("at least 45", "people killed")
    );
}

/// Very long inputs (one huge paragraph, a very long article) are handled
/// whole; speed itself is measured by the benchmark, not here.
#[test]
fn large_input_is_handled_whole() {
    let unit = "Kerry said on Monday that “the truce, which collapsed late Wednesday, must be restored,” adding: “we will try again.” He added that 430,000 people have died since 2011. “It is over,” he said. The source said ‘nothing’ was agreed on September 9 ";
    let n: usize = std::env::var("DOSSIER_PERF_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let one = vec![unit.repeat(n)];
    let many: Vec<String> = (0..n).map(|_| unit.to_string()).collect();
    for paras in [&one, &many] {
        let docs = [DocText {
            title: "T",
            dek: None,
            paragraphs: paras,
            published: day(2016, 9, 22),
        }];
        let idx = index(&docs, &actors());
        let q = extract_quotes(&docs, &idx);
        assert!(q.len() >= n);
        let e = extract_events(0, &docs[0]);
        assert!(e.len() >= n);
        let f = extract_figures(0, &docs[0]);
        let _ = figure_conflicts(&f);
    }
}

#[test]
fn quote_pronoun_after_unresolved_named_speaker_is_none() {
    let p = [
        "Kerry met the envoy in Geneva.",
        "His aide, Jon Finer, told reporters: “We are not going to say more tonight.”",
        "“It is time to come together,” he said.",
    ];
    said(&p, "It is time", None);
    let p = [
        "“We will keep talking to them,” Kerry said.",
        "Lavrov disagreed with the plan.",
        "“It is a fantasy of the Americans,” he said.",
    ];
    said(&p, "It is a fantasy", Some("Sergei Lavrov"));
}

#[test]
fn event_future_weekday_far_from_will() {
    // 2016-11-09 is a Wednesday
    let p = day(2016, 11, 9);
    assert!(dates(
        "Obama will host Trump at the White House on Thursday, the White House said.",
        p
    )
    .is_empty());
    assert_eq!(
        dates("Comey wrote in a letter to Congress on Sunday.", p),
        vec!["2016-11-06"]
    );
}

#[test]
fn event_future_written_date_and_named_today() {
    let p = day(2017, 3, 15);
    assert_eq!(
        dates("On 29 March, Britain is expected to trigger Article 50.", p),
        vec!["2017-03-29"]
    );
    assert!(dates(
        "Fallon told the BBC's Today programme that it was wrong.",
        p
    )
    .is_empty());
    assert_eq!(
        dates("Today the talks resumed in Geneva.", p),
        vec!["2017-03-15"]
    );
}

#[test]
fn quote_body_anaphora() {
    let p = [
        "Samsung said it had found 35 cases of exploding batteries.",
        "“Our customers come first in everything we do,” the company said.",
    ];
    said(&p, "Our customers come first", Some("Samsung Electronics"));
    // a person is not "the company"
    let p = [
        "Kerry said the talks had failed.",
        "“We will review the whole contract,” the company said.",
    ];
    said(&p, "We will review", None);
}

#[test]
fn event_page_timestamps_are_not_events() {
    let p = day(2016, 7, 16);
    assert!(dates(
        "Saturday, July 16 2016 00:11 EEST Turkey, Istanbul, coup",
        p
    )
    .is_empty());
    // a timestamp-only article still dates its present-tense lead
    let paras = vec![
        "15 of July 2016 14:22:50".to_string(),
        "A group within the military has tried to stage a coup.".to_string(),
    ];
    let doc = DocText {
        title: "",
        dek: None,
        paragraphs: &paras,
        published: day(2016, 7, 15),
    };
    let e = extract_events(0, &doc);
    assert_eq!(e.len(), 1);
    assert_eq!(
        (e[0].date.as_str(), e[0].basis),
        ("2016-07-15", Basis::Estimated)
    );
}

#[test]
fn event_weekday_habits_and_last_week() {
    // 2016-09-22 is a Thursday
    let p = day(2016, 9, 22);
    assert!(dates("Protesters gather every Friday in the square.", p).is_empty());
    assert_eq!(
        dates("The convoy was hit on Monday last week.", p),
        vec!["2016-09-12"]
    );
    assert_eq!(
        dates("They met on Friday last week.", p),
        vec!["2016-09-16"]
    );
    assert!(dates("They meet on Tuesday next week.", p).is_empty());
}

/// Pseudo-random texts built from awkward pieces: no panics, whatever the mix.
#[test]
fn never_panics_on_random_mixes() {
    let pieces = [
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        "—",
        "–",
        "é",
        "ü",
        "中",
        "🙂",
        " said ",
        " he ",
        " his team found:",
        "Kerry",
        "Samsung",
        " the company said",
        ":",
        ",",
        ".",
        "!",
        "?",
        " ",
        "\u{a0}",
        "Monday",
        " late ",
        "September ",
        "Sept. ",
        "9",
        "23,",
        " 2016",
        "12:30",
        " 430,000 ",
        "2.5M",
        " people ",
        " killed ",
        " last month",
        " since 2012",
        " today",
        "s’ ",
        "Mr. ",
        "(",
        ")",
        "every ",
        " next ",
        " will ",
        "This story is from ",
        " per cent",
        "%",
        "-",
        "’s",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let rounds: usize = std::env::var("DOSSIER_FUZZ_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    for _ in 0..rounds {
        let paras: Vec<String> = (0..4)
            .map(|_| {
                let n = (next() % 60) as usize;
                (0..n)
                    .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                    .collect()
            })
            .collect();
        let docs = [DocText {
            title: "“T",
            dek: Some("‘Kerry said"),
            paragraphs: &paras,
            published: if next() % 4 == 0 {
                None
            } else {
                day(2016, 1 + (next() % 12) as u32, 1 + (next() % 28) as u32)
            },
        }];
        let idx = index(&docs, &actors());
        let _ = extract_quotes(&docs, &idx);
        let _ = extract_events(0, &docs[0]);
        let figs = extract_figures(0, &docs[0]);
        let _ = figure_conflicts(&figs);
    }
}

#[test]
fn quote_agency_quoted_name_as_saying() {
    said(
        &["“We will keep pushing for a ceasefire,” Reuters quoted Kerry as saying."],
        "We will keep pushing",
        Some("John Kerry"),
    );
}

#[test]
fn quote_running_on_across_paragraphs() {
    let p = [
        "Kerry said: “We will not stop talking to Moscow.",
        "“We will keep going until the guns fall silent.”",
        "“This is a second, separate and unattributed quote.”",
    ];
    said(&p, "We will not stop", Some("John Kerry"));
    said(&p, "We will keep going", Some("John Kerry"));
    said(&p, "This is a second", None);
}

#[test]
fn event_relative_words_in_a_quote_follow_the_day_it_was_spoken() {
    // 2017-10-06 is a Friday: the mayor spoke on Thursday about Wednesday night
    let p = day(2017, 10, 6);
    assert_eq!(
        dates(
            "The mayor told reporters Thursday morning that \u{201c}last night was a long one for all of us.\u{201d}",
            p
        ),
        vec!["2017-10-05", "2017-10-04"]
    );
    assert_eq!(
        dates(
            "She said on Thursday that \"yesterday the pumps failed twice.\"",
            p
        ),
        vec!["2017-10-05", "2017-10-04"]
    );
    // published the day it was spoken: the same days as before
    assert_eq!(
        dates(
            "The mayor told reporters Thursday morning that \"last night was a long one.\"",
            day(2017, 10, 5)
        ),
        vec!["2017-10-05", "2017-10-04"]
    );
    // the weekday in another clause is not when the quote was spoken
    assert_eq!(
        dates(
            "The team lost on Wednesday, and the coach said \"today we start again.\"",
            p
        ),
        vec!["2017-10-04", "2017-10-06"]
    );
    // outside the quote, "last night" is the night before publication
    assert_eq!(
        dates(
            "Thursday's vote was delayed and the talks ran late last night.",
            p
        ),
        vec!["2017-10-05"]
    );
}

fn doc_of(paras: &[String]) -> DocText<'_> {
    DocText {
        title: "Rivals trade blows",
        dek: None,
        paragraphs: paras,
        published: None,
    }
}

#[test]
fn publication_from_a_dated_caption_and_the_text_weekdays() {
    use dossier::extract::events::publication_from_anchor;
    // 2017-10-04 (the caption's date) is a Wednesday
    let anchor = day(2017, 10, 4).unwrap();
    let paras = vec![
        "The two candidates were back on the campaign trail Thursday, each claiming the upper hand.".to_string(),
        "Roe told supporters Thursday morning that \"last night went well for us.\"".to_string(),
    ];
    assert_eq!(
        publication_from_anchor(&doc_of(&paras), anchor),
        day(2017, 10, 5)
    );
    // the story's days follow the pictured one: published on the last of them
    let paras = vec![
        "Crews cleared the roads on Wednesday.".to_string(),
        "Schools reopened on Friday, the council said.".to_string(),
    ];
    assert_eq!(
        publication_from_anchor(&doc_of(&paras), anchor),
        day(2017, 10, 6)
    );
    // a planned weekday does not count
    let paras = vec![
        "Crews cleared the roads on Wednesday.".to_string(),
        "The council will meet again on Saturday.".to_string(),
    ];
    assert_eq!(
        publication_from_anchor(&doc_of(&paras), anchor),
        day(2017, 10, 4)
    );
    // no weekday: nothing to place
    let paras = vec!["The candidates met at the town hall.".to_string()];
    assert_eq!(publication_from_anchor(&doc_of(&paras), anchor), None);
    // a year after the caption's: the picture is older than the story
    let paras = vec!["The road reopened on Thursday after the 2019 repairs.".to_string()];
    assert_eq!(publication_from_anchor(&doc_of(&paras), anchor), None);
}
