//! Any text as a content file and as config.yaml; Markdown rendering of the body.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(f) = dossier::content::parse(&text, "content/articles/x.md", Path::new("x.md")) {
        let _ = dossier::markdown::render(&f.body, &Default::default());
        let _ = dossier::markdown::paragraphs_plain(&f.body);
    }
    let _ = dossier::config::Config::parse(&text, Path::new("config.yaml"));
    let _ = dossier::markdown::render(&text, &Default::default());
});
