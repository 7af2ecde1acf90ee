//! The progress bar's length is the number of stages a build reports.
//! (Its own test binary: the stage hook is process-wide and set once.)

mod common;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

#[test]
fn a_build_reports_as_many_stages_as_the_progress_bar_counts() {
    let seen = Arc::new(AtomicU64::new(0));
    let count = seen.clone();
    dossier::build::set_stage_hook(Box::new(move |_| {
        count.fetch_add(1, Ordering::Relaxed);
    }));
    let p = common::project(true);
    dossier::commands::build(p.path(), None, None).unwrap();
    assert_eq!(seen.load(Ordering::Relaxed), dossier::build::STAGES);
}
