//! The audit ledger of diligence: cargo-vet's model — record who reviewed which version or
//! which delta, for which criteria, and require it for every locked dependency — for npm.
//!
//! The data lives in the project, next to the lockfile, in `supply-chain/` ([`store`]):
//! `config.toml` (policy, criteria, imports), `audits.toml` (reviews), `exemptions.toml`
//! (versions used without review, for now) and `imports.lock` (other organisations' audits,
//! pinned by SHA-256). Every file is TOML meant for people and for merges, read strictly
//! (`file:line:column` errors).
//!
//! What it adds to cargo-vet, for npm:
//! - every entry records the **integrity** of the tarball it covers, and entries about a
//!   locked version are compared with the lockfile: a republished tarball or an edited
//!   lockfile entry is `vet/integrity-mismatch`, never "audited" ([`coverage`]);
//! - **imports are pinned**: `vet` refuses a changed import (the pinned copy stays in use)
//!   until `vet regenerate-imports`, and imported audits count only for the criteria
//!   `criteria-map` names ([`imports`]);
//! - requirements come from the lockfile's **importers**: production dependencies need
//!   `safe-to-deploy`, what only dev dependencies reach needs `safe-to-run`, per workspace
//!   member and per package configurable ([`requirements`]);
//! - `suggest` sizes reviews in **changed lines** of the real tarballs, and `certify` shows
//!   what to read first — the analyser's findings, the install-time entry points, the files a
//!   delta adds, removes and changes with the analysis of the new code ([`review`]);
//! - exemptions sit in their own generated file and nothing rewrites `audits.toml` or
//!   `config.toml` behind the user's back ([`prune`]).
//!
//! Flow: [`Store::load`] → [`imports::resolve`] → [`check::vet`] (findings `vet/unaudited`,
//! `vet/integrity-mismatch`, `vet/violation`, `vet/import-changed`, `vet/unused-exemption`).
//! In the review of a change (`diff`, `install`), [`delta::vet_change`] reports what the change
//! adds that the base revision's ledger does not cover, with the size of each review.

pub mod check;
pub mod config;
pub mod coverage;
pub mod criteria;
pub mod delta;
pub mod edit;
pub mod format;
pub mod imports;
pub mod ops;
pub mod prune;
pub mod requirements;
pub mod review;
pub mod rules;
pub mod size;
pub mod store;
pub mod suggest;
mod toml_read;

pub use check::{Vetting, certify_command, vet};
pub use coverage::{Coverage, Ledger, Status};
pub use criteria::{CriteriaSet, CriteriaTable};
pub use delta::vet_change;
pub use store::{STORE_DIR, Store};

use std::cmp::Ordering;

/// Why a ledger operation could not run. Each displays as one line naming the file (and
/// place) or the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VetError {
    /// The project has no `supply-chain/` folder yet.
    #[error(
        "{0}: no audit ledger here (run `diligence vet regenerate-exemptions` to adopt one for the current lockfile)"
    )]
    NoStore(String),
    /// A ledger file could not be read or written.
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    /// A ledger file is invalid.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// An operation's input is unusable (an unknown criterion on the command line, a version
    /// the registry does not have, an import that cannot be fetched).
    #[error("{0}")]
    Input(String),
}

/// All rules of this crate: `vet/unaudited`, `vet/integrity-mismatch`, `vet/violation`,
/// `vet/import-changed`, `vet/unused-exemption`, and `vet/certified-in-change` (the review
/// of a change, [`delta`]).
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    rules::ALL.to_vec()
}

/// The rules `vet` and the review of a change run, from the tables their runners iterate
/// (`check`'s per-package and ledger-wide checks; `vet/certified-in-change` is what
/// [`delta::vet_change`] turns an unaudited package into); the engine compares them with the
/// documented [`rules()`].
pub fn checked_rules() -> Vec<&'static diligence_finding::Rule> {
    let mut out: Vec<&'static diligence_finding::Rule> =
        check::PACKAGE_CHECKS.iter().map(|(r, _)| *r).collect();
    out.extend(check::LEDGER_CHECKS.iter().map(|(r, _)| *r));
    out.push(&rules::certified_in_change::CERTIFIED_IN_CHANGE);
    out
}

/// Orders versions by semver precedence when both parse, else as text.
pub fn version_cmp(a: &str, b: &str) -> Ordering {
    match (
        nodejs_semver::Version::parse(a),
        nodejs_semver::Version::parse(b),
    ) {
        (Ok(x), Ok(y)) => x.cmp(&y).then_with(|| a.cmp(b)),
        _ => a.cmp(b),
    }
}

/// Whether `v` is an exact npm version written canonically (`1.2.3`, `1.0.0-rc.1`), as the
/// ledger's `version` and `delta` fields require.
pub fn is_exact_version(v: &str) -> bool {
    nodejs_semver::Version::parse(v).is_ok_and(|p| p.to_string() == v)
}
