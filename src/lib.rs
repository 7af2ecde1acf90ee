//! `dossier`: turn a folder of raw, scraped news articles into a static,
//! printable briefing dossier.
//!
//! The build is a chain of pure stages: load → clean → extract → model →
//! render → publish. See `README.md` for the user's view.

pub mod clean;
pub mod extract;
pub mod text;
