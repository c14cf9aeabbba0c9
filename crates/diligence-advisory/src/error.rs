//! Errors of the advisory store. Every variant displays as one line naming the file, URL or
//! zip entry it is about.

use std::path::PathBuf;

/// An advisory source or index that could not be read, downloaded or written.
#[derive(Debug, thiserror::Error)]
pub enum AdvisoryError {
    /// A file or folder could not be read or written.
    /// (The io error is part of the message, not a `source()`, so `{:#}` chains print it
    /// once.)
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A JSON document is not an OSV record or a Datadog manifest, or is malformed.
    /// `place` is the file path, or `archive.zip:entry.json` for zip entries.
    #[error("{place}: {message}")]
    Parse { place: String, message: String },
    /// A `.zip` source is not a readable zip archive.
    #[error("{place}: not a readable zip archive: {message}")]
    Zip { place: String, message: String },
    /// A URL source could not be downloaded completely.
    #[error("{url}: download failed: {message}")]
    Download { url: String, message: String },
    /// The source held no npm advisory at all; refusing to build an empty database, which
    /// would make every audit look clean.
    #[error("{source_name}: no npm advisories found (refusing to build an empty database)")]
    Empty { source_name: String },
    /// The local index is missing.
    #[error("no advisory database at {path} (run `diligence db update`, or pass --db PATH|URL)")]
    NoDatabase { path: PathBuf },
    /// The local index exists but is not a valid diligence index (corrupt, truncated, or
    /// written by another version).
    #[error("{path}: corrupt advisory index: {message} (run `diligence db update`)")]
    CorruptIndex { path: PathBuf, message: String },
    /// No cache directory could be determined (no `DILIGENCE_CACHE_DIR`, no XDG/home dir).
    #[error("no cache directory: set DILIGENCE_CACHE_DIR")]
    NoCacheDir,
}

impl AdvisoryError {
    pub(crate) fn io(path: impl Into<PathBuf>, error: std::io::Error) -> Self {
        AdvisoryError::Io {
            path: path.into(),
            error,
        }
    }
    pub(crate) fn parse(place: impl Into<String>, message: impl ToString) -> Self {
        AdvisoryError::Parse {
            place: place.into(),
            message: one_line(&message.to_string()),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
