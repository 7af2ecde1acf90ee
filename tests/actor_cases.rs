//! Hand-made cases for the actor and cited-source extractors (none taken from
//! the seed or dev corpora).

use dossier::extract::actors::{extract_actors, ActorIndex, ActorKind, ActorSpec};
use dossier::extract::sources::extract_cited;
use dossier::extract::{Block, DocText};

fn corpus(docs: &[Vec<String>]) -> Vec<DocText<'_>> {
    docs.iter()
        .map(|p| DocText {
            title: "",
            dek: None,
            paragraphs: p,
            published: None,
        })
        .collect()
}

fn paras(ps: &[&str]) -> Vec<String> {
    ps.iter().map(|s| s.to_string()).collect()
}

fn run(docs: &[&[&str]]) -> (Vec<Vec<String>>, ActorIndex) {
    let owned: Vec<Vec<String>> = docs.iter().map(|d| paras(d)).collect();
    let idx = extract_actors(&corpus(&owned), &[]);
    (owned, idx)
}

fn listed(idx: &ActorIndex, d: usize) -> Vec<String> {
    let mut v: Vec<String> = idx.doc_actors[d]
        .iter()
        .map(|&a| idx.actors[a].name.clone())
        .collect();
    v.sort();
    v
}

fn actor<'a>(idx: &'a ActorIndex, surface: &str) -> &'a dossier::extract::actors::Actor {
    let a = idx
        .resolve(surface)
        .unwrap_or_else(|| panic!("{surface:?} does not resolve; actors: {:?}", names(idx)));
    &idx.actors[a]
}

fn names(idx: &ActorIndex) -> Vec<&str> {
    idx.actors.iter().map(|a| a.name.as_str()).collect()
}

fn check_mentions(texts: &[Vec<String>], idx: &ActorIndex) {
    let mut prev: Option<(usize, Block, usize)> = None;
    for m in idx.mentions() {
        let Block::Para(p) = m.block else { continue };
        let p = p as usize;
        let t = &texts[m.doc()][p];
        assert!(t.is_char_boundary(m.start()) && t.is_char_boundary(m.end()));
        assert!(m.start() < m.end() && m.end() <= t.len());
        if let Some((d, b, e)) = prev {
            if d == m.doc() && b == m.block {
                assert!(m.start() >= e, "overlapping mentions");
            }
        }
        prev = Some((m.doc(), m.block, m.end()));
    }
}

#[test]
fn surname_title_and_honorific_merge_across_articles() {
    let (t, idx) = run(&[
        &["Secretary of State Jane Holloway said on Monday that talks would resume in Vienna."],
        &["Holloway told reporters the plan was dead. Ms Holloway later left for the airport."],
    ]);
    let a = actor(&idx, "Jane Holloway");
    assert_eq!(a.name, "Jane Holloway");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(a.role.as_deref(), Some("Secretary of State"));
    let id = idx.resolve("Jane Holloway");
    assert_eq!(idx.resolve("Holloway"), id);
    assert_eq!(idx.resolve("Ms Holloway"), id);
    assert_eq!(idx.resolve("Secretary of State Jane Holloway"), id);
    assert_eq!(idx.resolve("Jane Holloway's aides"), id);
    assert_eq!(idx.resolve("the source"), None);
    assert_eq!(listed(&idx, 1), vec!["Jane Holloway"]);
    assert!(!names(&idx).contains(&"Vienna"));
    check_mentions(&t, &idx);
}

#[test]
fn state_aliases_demonyms_and_capitals_merge() {
    let (t, idx) = run(&[&[
        "Moscow and Washington announced a truce on Friday.",
        "The Russians rejected the plan, while the Russian Federation said it had not been consulted.",
        "The U.S. accused Iran of delays. US officials said America would respond, and American jets struck a depot.",
    ]]);
    let ru = idx.resolve("Russia").expect("Russia");
    assert_eq!(idx.resolve("Moscow"), Some(ru));
    assert_eq!(idx.resolve("the Russians"), Some(ru));
    assert_eq!(idx.resolve("Russian Federation"), Some(ru));
    let us = idx.resolve("United States").expect("US");
    for f in ["U.S.", "US", "America", "American", "Washington"] {
        assert_eq!(idx.resolve(f), Some(us), "{f}");
    }
    assert_eq!(idx.actors[us].kind, ActorKind::State);
    let l = listed(&idx, 0);
    assert!(l.contains(&"Russia".to_string()) && l.contains(&"United States".to_string()));
    check_mentions(&t, &idx);
}

#[test]
fn places_are_not_actors() {
    let (_, idx) = run(&[&[
        "Fighting raged in Mosul and near Tikrit, residents said. Jets struck targets in northern Syria.",
        "The conference was held in France, at the Palais des Congres.",
        "It was the worst flood in recent German history.",
    ]]);
    assert!(listed(&idx, 0).is_empty(), "{:?}", listed(&idx, 0));
    assert!(
        idx.places[0].contains(&"Mosul".to_string()),
        "{:?}",
        idx.places[0]
    );
    assert!(idx.places[0].contains(&"France".to_string()));
}

#[test]
fn sentence_initial_words_months_and_boilerplate_are_not_actors() {
    let (_, idx) = run(&[&[
        "Warplanes struck the town overnight. Residents fled. Advertisement",
        "On Monday, March 3, officials met again. Meanwhile, Tanks rolled in.",
        "Opposition activists said the shelling continued.",
    ]]);
    assert!(listed(&idx, 0).is_empty(), "{:?}", listed(&idx, 0));
}

#[test]
fn particles_and_spelling_variants() {
    let (_, idx) = run(&[
        &["Khalid al-Mansour, a commander of the eastern brigade, said the road was cut."],
        &["Residents said Khalid al Mansour had left. Al-Mansour later returned, local media said."],
        &["The envoy Pieter van der Berg said the talks were over."],
    ]);
    let a = idx.resolve("Khalid al-Mansour").expect("al-Mansour");
    assert_eq!(idx.resolve("Khalid al Mansour"), Some(a));
    assert_eq!(idx.actors[a].kind, ActorKind::Person);
    assert_eq!(idx.doc_actors[1], vec![a]);
    assert_eq!(actor(&idx, "Pieter van der Berg").kind, ActorKind::Person);
}

#[test]
fn appositions_give_people_and_roles() {
    let (_, idx) = run(&[&[
        "Maria Okonkwo, head of the regional health service, said 12 clinics had closed.",
        "The director of the city hospital, Peter Lindqvist, said supplies were low.",
        "Interior Ministry spokesman, Tomas Varga, said the curfew would stay.",
        "Lena Sorvino, 54, said she had waited for hours.",
        "The envoy, known as Tarek, also met Deputy Premier Ivo Lang on Friday.",
    ]]);
    let a = actor(&idx, "Maria Okonkwo");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(
        a.role.as_deref(),
        Some("head of the regional health service")
    );
    assert_eq!(actor(&idx, "Peter Lindqvist").kind, ActorKind::Person);
    let v = actor(&idx, "Tomas Varga");
    assert_eq!(v.kind, ActorKind::Person);
    assert_eq!(v.role.as_deref(), Some("Interior Ministry spokesman"));
    assert_eq!(
        actor(&idx, "Interior Ministry").kind,
        ActorKind::Organization
    );
    assert_eq!(actor(&idx, "Lena Sorvino").kind, ActorKind::Person);
    assert_eq!(
        actor(&idx, "Ivo Lang").role.as_deref(),
        Some("Deputy Premier")
    );
    assert!(idx
        .resolve("Tarek")
        .is_none_or(|a| idx.actors[a].role.is_none()));
}

#[test]
fn organisations_groups_and_abbreviations() {
    let (_, idx) = run(&[
        &[
            "The Kenyan Observatory for Press Freedom reported 14 arrests.",
            "The National Liberation Front (NLF) claimed the attack. Later, NLF fighters withdrew.",
        ],
        &["Police said attacks by Tamarin militants had doubled. Tamarin fighters denied it."],
        &["Leaders of the Movement for Democratic Change, the MDC, said the vote was rigged. The MDC will appeal."],
        &["A Globex official said the recall would cost $1bn. Globex has begun talks. Analysts said Globex's mobile business would suffer."],
    ]);
    let m = idx.resolve("Movement for Democratic Change").expect("MDC");
    assert_eq!(idx.resolve("MDC"), Some(m));
    assert_eq!(actor(&idx, "Globex").kind, ActorKind::Organization);
    let o = actor(&idx, "Kenyan Observatory for Press Freedom");
    assert_eq!(o.kind, ActorKind::Organization);
    let g = idx.resolve("National Liberation Front").expect("NLF");
    assert_eq!(idx.resolve("NLF"), Some(g));
    assert_eq!(idx.actors[g].kind, ActorKind::Group);
    assert_eq!(actor(&idx, "Tamarin").kind, ActorKind::Group);
}

#[test]
fn state_prefixed_ministry_merges_with_short_form() {
    let (_, idx) = run(&[
        &["The Brazilian Foreign Ministry said the envoy had been recalled."],
        &["A statement from the Foreign Ministry said talks would continue."],
    ]);
    let a = idx.resolve("Brazilian Foreign Ministry").expect("ministry");
    assert_eq!(idx.resolve("Foreign Ministry"), Some(a));
    assert_eq!(idx.actors[a].name, "Brazilian Foreign Ministry");
}

#[test]
fn states_listed_only_when_acting() {
    let (_, idx) = run(&[
        &["Beijing said it would retaliate."],
        &["The Kenyan government said the vote would go ahead."],
        &["Prices rose in Japan and in the U.S. last year. Italy's central regions were hit."],
        &["Venezuelan President Carlos Mendez said the Mendez government would not yield."],
    ]);
    assert_eq!(listed(&idx, 0), vec!["China"]);
    assert_eq!(listed(&idx, 1), vec!["Kenya"]);
    assert!(listed(&idx, 2).is_empty(), "{:?}", listed(&idx, 2));
    let l = listed(&idx, 3);
    assert!(
        l.contains(&"Carlos Mendez".to_string()) && l.contains(&"Venezuela".to_string()),
        "{l:?}"
    );
    assert!(actor(&idx, "Kenya")
        .aliases
        .contains(&"Kenyan government".to_string()));
}

#[test]
fn the_government_is_the_article_state() {
    let (_, idx) = run(&[
        &[
            "Peru declared a state of emergency. Peruvian police fired tear gas.",
            "The government said the measure would last 30 days.",
        ],
        &["The government shutdown entered its third week, officials in Ohio said."],
    ]);
    let p = idx.resolve("Peru").expect("Peru");
    assert!(idx.actors[p]
        .aliases
        .contains(&"The government".to_string()));
    assert!(idx.doc_actors[1].is_empty(), "{:?}", listed(&idx, 1));
}

#[test]
fn born_as_and_full_name_from_speaker() {
    let (_, idx) = run(&[&[
        "Both Dana Whitfield and Omar Reyes campaigned on Tuesday.",
        "Whitfield said the debate went well. Reyes told supporters he was confident.",
        "\"We will win,\" said Moreau, born Jacques Moreau-Lefevre.",
        "It is clear what both Zubov and Whitfield think of the plan.",
    ]]);
    assert_eq!(actor(&idx, "Zubov").kind, ActorKind::Person);
    assert_eq!(actor(&idx, "Whitfield").name, "Dana Whitfield");
    assert_eq!(actor(&idx, "Reyes").name, "Omar Reyes");
    assert_eq!(idx.resolve("Moreau"), idx.resolve("Jacques Moreau-Lefevre"));
}

#[test]
fn gazetteer_adds_and_corrects() {
    let docs = vec![paras(&[
        "Acme said profits fell. Analysts at Zenith expect a rebound.",
    ])];
    let gaz = vec![ActorSpec {
        name: "Acme Holdings".into(),
        kind: Some(ActorKind::Organization),
        aliases: vec!["Acme".into()],
        role: None,
    }];
    let idx = extract_actors(&corpus(&docs), &gaz);
    let a = idx.resolve("Acme").expect("Acme");
    assert_eq!(idx.actors[a].name, "Acme Holdings");
    assert_eq!(idx.actors[a].kind, ActorKind::Organization);
    assert!(idx.doc_actors[0].contains(&a));
}

#[test]
fn gazetteer_people_merge_with_surnames_and_states_keep_their_kind() {
    let docs = vec![paras(&[
        "Rosa Delgado said the talks had failed. Delgado told reporters that Lisbon would respond.",
    ])];
    let gaz = vec![
        ActorSpec {
            name: "Rosa Delgado".into(),
            kind: None,
            aliases: vec![],
            role: Some("Foreign Minister".into()),
        },
        ActorSpec {
            name: "Portugal".into(),
            ..Default::default()
        },
    ];
    let idx = extract_actors(&corpus(&docs), &gaz);
    let r = idx.resolve("Delgado").expect("Delgado");
    assert_eq!(idx.actors[r].name, "Rosa Delgado");
    assert_eq!(idx.actors[r].role.as_deref(), Some("Foreign Minister"));
    let p = idx.resolve("Lisbon").expect("Lisbon");
    assert_eq!(idx.actors[p].name, "Portugal");
    assert_eq!(idx.actors[p].kind, ActorKind::State);
    assert_eq!(idx.actors.len(), 2, "{:?}", names(&idx));
}

#[test]
fn acronyms_collectives_and_clubs() {
    let (_, idx) = run(&[&[
        "The Federal Aviation Administration grounded the jets. The FAA said new data showed similarities.",
        "On Monday, Democrats said they would not negotiate. Senator Ann Cole said the bill was dead.",
        "Manchester Rovers said in a statement that the club had sacked its manager.",
        "On Friday, Morgan Stanley said it would cut 300 jobs.",
    ]]);
    let f = idx.resolve("Federal Aviation Administration").expect("FAA");
    assert_eq!(idx.resolve("FAA"), Some(f));
    assert_eq!(actor(&idx, "Democrats").kind, ActorKind::Group);
    assert_eq!(
        actor(&idx, "Manchester Rovers").kind,
        ActorKind::Organization
    );
    assert_eq!(actor(&idx, "Cole").name, "Ann Cole");
    assert_eq!(actor(&idx, "Morgan Stanley").kind, ActorKind::Organization);
}

#[test]
fn headlines_do_not_create_actors() {
    let ps = paras(&["The minister resigned."]);
    let docs = vec![DocText {
        title: "Fresh Storm Hits Coastal Towns As Minister Quits",
        dek: None,
        paragraphs: &ps,
        published: None,
    }];
    let idx = extract_actors(&docs, &[]);
    assert!(idx.actors.is_empty(), "{:?}", names(&idx));
}

#[test]
fn title_case_deks_and_subheadings_do_not_create_actors() {
    let ps = paras(&[
        "What Happens Next For The Coastal Towns",
        "Minister Lars Ekberg said the towns would be rebuilt.",
    ]);
    let docs = vec![DocText {
        title: "",
        dek: Some("Storm Damage Leaves Harbour Workers Counting The Cost"),
        paragraphs: &ps,
        published: None,
    }];
    let idx = extract_actors(&docs, &[]);
    assert_eq!(names(&idx), vec!["Lars Ekberg"]);
}

#[test]
fn mentions_are_exact_and_unicode_safe() {
    let (t, idx) = run(&[&[
        "Ünal Özdemir, the mayor of İzmir, said “Türkiye will help”. Özdemir’s office confirmed it.",
        "東京 — Prime Minister Kenji Watanabe said Japan would send aid.",
    ]]);
    check_mentions(&t, &idx);
    let a = idx.resolve("Özdemir").expect("Özdemir");
    assert_eq!(idx.actors[a].name, "Ünal Özdemir");
    let m = idx
        .mentions()
        .iter()
        .find(|m| m.actor() == a && m.block == Block::para(0) && m.start() > 10)
        .expect("second mention");
    assert_eq!(&t[0][0][m.start()..m.end()], "Özdemir");
    assert_eq!(idx.mention_at(0, Block::para(0), m.start() + 1), Some(m));
    assert_eq!(
        actor(&idx, "Kenji Watanabe").role.as_deref(),
        Some("Prime Minister")
    );
}

#[test]
fn cited_source_patterns() {
    let owned: Vec<Vec<String>> = vec![
        paras(&[
            "Rescuer Ali Hassan told Reuters the toll was 45.",
            "Reuters reports that the convoy was hit.",
            "Around 400 people died, according to the UN.",
            "Nine aid workers were killed, said the International Committee of the Red Cross.",
            "In an interview with the Associated Press, the minister denied it.",
            "A spokesman for the Russian Defense Ministry stated that no jets flew.",
            "Prime Minister Aylin Kaya told NTV television that the attempt had failed.",
            "CNN Turk reported gunfire near the bridge. Source: Xinhua",
            "NAIROBI (AFP) - Police fired tear gas.",
            "The Kenyan Observatory for Press Freedom reported 14 arrests.",
            "The toll was 12, according to Maria Okonkwo, a nurse.",
            "The video was authentic, according to Bellingcat.",
            "The Brazilian Foreign Ministry summoned the envoy. Asked about Acme Corp, the ministry said it was concerned.",
        ]),
        paras(&[
            "Globex said it would recall 2 million phones after fires at shops run by Initech.",
            "The company said on Friday that batteries were faulty.",
        ]),
    ];
    let docs = corpus(&owned);
    let idx = extract_actors(&docs, &[]);
    let cited = extract_cited(&docs, &idx);
    let mut got: Vec<&str> = cited
        .iter()
        .filter(|c| c.doc == 0)
        .map(|c| c.source.as_str())
        .collect();
    got.sort();
    got.dedup();
    for want in [
        "Reuters",
        "United Nations",
        "International Committee of the Red Cross",
        "Associated Press",
        "Russian Defense Ministry",
        "NTV",
        "CNN Turk",
        "Xinhua",
        "AFP",
        "Kenyan Observatory for Press Freedom",
        "Bellingcat",
    ] {
        assert!(got.contains(&want), "missing {want}: {got:?}");
    }
    assert!(
        !got.contains(&"Aylin Kaya"),
        "people are speakers, not cited sources"
    );
    let un = idx.resolve("United Nations").expect("UN");
    assert_eq!(idx.resolve("U.N."), Some(un));
    assert_eq!(idx.resolve("the UN"), Some(un));
    assert_eq!(
        idx.resolve("ICRC"),
        idx.resolve("International Committee of the Red Cross")
    );
    let c1: Vec<&str> = cited
        .iter()
        .filter(|c| c.doc == 1)
        .map(|c| c.source.as_str())
        .collect();
    assert_eq!(c1.first().copied(), Some("Globex"), "{c1:?}");
    assert!(cited.iter().all(|c| !c.sentence.is_empty()));
}

#[test]
fn many_articles_keep_every_person_apart() {
    // 20,000 small articles with distinct people: each keeps its own actor
    // (speed is measured by the benchmark, not asserted here)
    let n: usize = std::env::var("ACTOR_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            5_000
        } else {
            20_000
        });
    let owned: Vec<Vec<String>> = (0..n)
        .map(|i| {
            paras(&[
                &format!("Minister Arlo Name{i} said on Monday that Russia would help."),
                &format!("Name{i} told Reuters the deal was done, according to the UN."),
            ])
        })
        .collect();
    let docs = corpus(&owned);
    let idx = extract_actors(&docs, &[]);
    let cited = extract_cited(&docs, &idx);
    assert_eq!(idx.doc_actors.len(), n);
    assert!(cited.len() >= n);
    assert_eq!(
        idx.resolve("Name7").map(|a| idx.actors[a].name.as_str()),
        Some("Arlo Name7")
    );
}

#[test]
fn random_input_never_panics() {
    let alphabet: Vec<char> =
        "aZ ,.-'’“”\"()&:;!?é Ü ß 東 🙂 al-Al de De Mr. U.S. Inc. 's s' \n\t0123"
            .chars()
            .collect();
    let words = [
        "Novak",
        "said",
        "the",
        "Ministry",
        "of",
        "for",
        "Russian",
        "in",
        "Moscow",
        "al-",
        "(AA)",
        "told",
        "Reuters",
        "according to",
        ",",
        ".",
        "born",
        "Mr",
        "President",
        "rebels",
        "U.S.",
        "’s",
        "-",
        "“",
        "”",
        "and",
        "police",
        "Inc",
        "He",
        "it",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut owned = Vec::new();
    for _ in 0..300 {
        let mut p = Vec::new();
        for _ in 0..3 {
            let mut s = String::new();
            for _ in 0..(next() % 60) {
                if next() % 3 == 0 {
                    s.push(alphabet[(next() % alphabet.len() as u64) as usize]);
                } else {
                    s.push_str(words[(next() % words.len() as u64) as usize]);
                    if next() % 2 == 0 {
                        s.push(' ');
                    }
                }
            }
            p.push(s);
        }
        owned.push(p);
    }
    let docs = corpus(&owned);
    let idx = extract_actors(&docs, &[]);
    let _ = extract_cited(&docs, &idx);
    check_mentions(&owned, &idx);
    for a in &idx.actors {
        let _ = idx.resolve(&a.name);
    }
}
