//! Any bytes through decoding, cleaning and every per-article extractor.
#![no_main]
use dossier::extract::{self, DocText};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _)) = dossier::ingest::decode(data) else { return };
    let stats = dossier::clean::CorpusStats::from_texts([text.as_str()]);
    let c = dossier::clean::clean(&text, &stats, &Default::default());
    let published = chrono::NaiveDate::from_ymd_opt(2016, 9, 22);
    let doc = DocText { title: &c.title, dek: c.dek.as_deref(), paragraphs: &c.paragraphs, published };
    let docs = [doc];
    let actors = extract::actors::extract_actors(&docs, &[]);
    let _ = extract::quotes::extract_quotes(&docs, &actors);
    let _ = extract::sources::extract_cited(&docs, &actors);
    let _ = extract::events::extract_events(0, &docs[0]);
    let _ = extract::figures::extract_figures(0, &docs[0]);
    let _ = extract::passages::shared_passages(&docs);
});
