//! `dossier`: turn a folder of raw, scraped news articles into a static,
//! printable briefing dossier.
//!
//! The build is a chain of pure stages: load → clean → extract → model →
//! render → publish. See `README.md` for the user's view.

pub mod build;
pub mod cache;
pub mod check;
pub mod clean;
pub mod commands;
pub mod config;
pub mod content;
pub mod error;
pub mod extract;
pub mod highlight;
pub mod ingest;
pub(crate) mod keyser;
pub mod markdown;
pub mod model;
pub mod modeling;
pub mod publish;
pub mod render;
pub mod serve;
pub mod stamp;
pub mod svg;
pub mod text;
