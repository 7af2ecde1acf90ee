//! Typed errors: every error names the file (and line/column where there is
//! one) and says what to do about it.

use std::path::{Path, PathBuf};

/// A problem that stops a build or a check.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read or written.
    #[error("{path}: {action}: {source}")]
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },

    /// A file's content is wrong at a known place.
    #[error("{path}:{line}:{column}: {message}\n  help: {help}")]
    At {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        help: String,
    },

    /// A file's content is wrong (no position available).
    #[error("{path}: {message}\n  help: {help}")]
    File {
        path: PathBuf,
        message: String,
        help: String,
    },

    /// A template failed to compile or render.
    #[error("template error: {0}")]
    Template(String),

    /// The command was asked to do something unsafe or impossible.
    #[error("{message}\n  help: {help}")]
    Refused { message: String, help: String },
}

impl Error {
    pub fn io(path: impl AsRef<Path>, action: &'static str, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            action,
            source,
        }
    }

    pub fn at(
        path: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Error::At {
            path: path.as_ref().to_path_buf(),
            line,
            column,
            message: message.into(),
            help: help.into(),
        }
    }

    pub fn file(
        path: impl AsRef<Path>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        Error::File {
            path: path.as_ref().to_path_buf(),
            message: message.into(),
            help: help.into(),
        }
    }

    pub fn refused(message: impl Into<String>, help: impl Into<String>) -> Self {
        Error::Refused {
            message: message.into(),
            help: help.into(),
        }
    }

    /// Turn a serde_yaml error into one with the file's line and column.
    /// `line_offset` is added to the reported line (front matter starts after `---`).
    pub fn yaml(
        path: impl AsRef<Path>,
        err: &serde_yaml::Error,
        line_offset: usize,
        help: &str,
    ) -> Self {
        let msg = err.to_string();
        // serde_yaml appends " at line L column C"; keep the message without it
        let message = match msg.find(" at line ") {
            Some(i) => msg[..i].to_string(),
            None => msg.clone(),
        };
        match err.location() {
            Some(loc) => Error::at(path, loc.line() + line_offset, loc.column(), message, help),
            None => Error::file(path, message, help),
        }
    }
}

/// A warning: the build goes on, the user is told what to do.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// A short group name ("no date", "possible duplicate", ...).
    pub kind: &'static str,
    /// The file it is about (relative to the project root), if any.
    pub file: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{file}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
