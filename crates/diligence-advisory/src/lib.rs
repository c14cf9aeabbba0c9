//! Known malware and known vulnerabilities, offline: an OSV advisory database for npm.
//!
//! - [`osv`]: the OSV record model (schema 1.x, <https://ossf.github.io/osv-schema/>).
//! - [`source`]: reading a folder of OSV `*.json`, the OSV export zip (`npm/all.zip`), a
//!   single record, the Datadog malicious-packages manifest, or a URL serving one of these.
//! - [`index`]: the compact on-disk index in the cache dir (`$DILIGENCE_CACHE_DIR`, else
//!   `~/.cache/diligence/advisories.idx`), built atomically, and [`AdvisoryDb`].
//! - [`range`]: OSV range evaluation in npm SemVer order.
//! - [`check()`]: graph × database → `advisory/malware` and `advisory/vulnerability`
//!   findings, deduplicated through aliases.
//!
//! Fail closed: without a database the caller reports [`not_evaluated`] (`advisories`),
//! never "clean".
//!
//! ```no_run
//! # fn main() -> Result<(), diligence_advisory::AdvisoryError> {
//! # let graph: diligence_graph::DependencyGraph = unimplemented!();
//! let db = diligence_advisory::AdvisoryDb::open_cache()?;
//! if let Some(days) = db.status().stale_days() {
//!     eprintln!("warning: advisory database is {days} days old");
//! }
//! let findings = diligence_advisory::check(&graph, &db)?;
//! # Ok(()) }
//! ```

pub mod advisory;
mod check;
pub mod cvss;
pub mod datadog;
mod error;
pub mod index;
pub mod osv;
pub mod range;
pub mod rules;
pub mod source;
mod time;

#[cfg(test)]
mod testutil;

pub use advisory::{Advisory, AdvisoryKind, AffectedPackage, Event};
pub use check::{Hit, check, check_all, not_evaluated, unreadable_records};
pub use error::AdvisoryError;
pub use index::{
    AdvisoryDb, AdvisoryMatch, CACHE_DIR_ENV, DbStatus, INDEX_FILE, IndexedAdvisory,
    STALE_AFTER_DAYS, cache_dir, update_cache, update_dir, write_index,
};
pub use time::{format_unix, parse_rfc3339};

/// The OSV project's npm export, the default `db update` source.
pub const DEFAULT_OSV_URL: &str = "https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip";

/// Environment variable overriding [`DEFAULT_OSV_URL`].
pub const OSV_URL_ENV: &str = "DILIGENCE_OSV_URL";

/// The default update source: `$DILIGENCE_OSV_URL`, else [`DEFAULT_OSV_URL`].
pub fn default_source() -> String {
    std::env::var(OSV_URL_ENV)
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| DEFAULT_OSV_URL.to_string())
}

/// The advisory rules: `advisory/malware`, `advisory/vulnerability`.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    vec![
        &rules::malware::MALWARE,
        &rules::vulnerability::VULNERABILITY,
    ]
}

/// The rules the advisory check runs, from the table it iterates (the engine compares them
/// with the documented [`rules()`]).
pub fn checked_rules() -> Vec<&'static diligence_finding::Rule> {
    rules::CHECKS.iter().map(|(rule, _)| *rule).collect()
}

/// The warning line audit prints for a stale database, or `None` when fresh:
/// `advisory database is N days old (newest record modified …); run `diligence db update``.
pub fn stale_warning(status: &DbStatus) -> Option<String> {
    let days = status.stale_days()?;
    let newest = status.newest_modified.as_deref().unwrap_or("unknown");
    Some(format!(
        "advisory database is {days} days old (newest record modified {newest}); run `diligence db update`"
    ))
}
