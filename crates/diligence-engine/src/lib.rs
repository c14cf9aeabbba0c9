//! The one engine behind every diligence command.
//!
//! A command is an [`Input`] and an output. The engine takes the input, runs the check layers
//! on it under one policy, and returns one [`Report`] (`diligence.report/1`):
//!
//! ```text
//!  Input ──► scope ──► lockfile ─► advisories ─► registry ─► metadata ─► code ─► posture ──► policy ──► Report
//!  (graph,    (which     (rules +    (OSV)         (cross-     (packument   (tarball,  (project  (diligence.toml:
//!   delta,     packages)  typosquat,                checks,     rules,       git, file  config)   overrides, ignores,
//!   closure,              confusion)                berry)      manifest     scan)                suppressed count)
//!   tarballs)                                                   confusion)
//! ```
//!
//! | input | command | scope of the per-package layers | lockfile rules and advisories |
//! |---|---|---|---|
//! | [`Input::Lockfile`] | `audit` | every entry | all findings |
//! | [`Input::Delta`] | `diff`, `install` (the planned lockfile against the current one) | added and changed entries | findings the base did not have, plus the `diff/…` change findings, the code delta and, with a `supply-chain/` ledger, the `vet/…` coverage of what the change adds ([`DeltaLedger`]: the base's ledger decides) |
//! | [`Input::Specs`] | `check` | the resolved closure | advisories (no lockfile) |
//! | [`Input::Packages`] | `scan` | the given folders, tarballs and `name@version`s | none: the code layer alone |
//!
//! Every command reads the same `diligence.toml` (`--config`, else `<project dir>/diligence.toml`,
//! see [`Input::project_dir`]) and `.npmrc`, takes the same [`Settings`] (one set of flags), and
//! turns every error path of every layer into a finding or a [`NotEvaluated`] record — never a
//! silent clean. Which layers run by default is the same everywhere except where noted in
//! [`Settings::metadata`].
//!
//! ```no_run
//! use diligence_engine::{Engine, Input, Settings};
//! # fn main() -> Result<(), diligence_engine::EngineError> {
//! let input = Input::lockfile(std::path::Path::new("."), None)?;
//! let engine = Engine::new(Settings::for_project(input.project_dir()))?;
//! let run = engine.run(input)?;
//! std::process::exit(run.exit_code() as i32);
//! # }
//! ```
//!
//! A new command (`vet`, `hunt`, `scan --stdin`) is a new [`Input`] constructor (or a new
//! variant mapping onto the same layers) and a writer of [`Run::report`]; it gets every layer,
//! flag and policy rule for free.

mod code;
mod config;
mod engine;
mod git;
mod input;
mod layers;
mod ledger;
mod rules;
mod scan_cache;
mod settings;
mod sources;

pub use code::panic_message;
pub use config::ProjectConfig;
/// What the code layer caches per tarball (read by `hunt` through [`cached_scan`]).
pub use diligence_analyze::PackageScan;
pub use engine::{Engine, Run, registry_client};
pub use input::{DeltaInput, Input, LockfileInput, PackagesInput, ScanTarget};
pub use ledger::DeltaLedger;
pub use rules::{Coverage, all_rules, coverage};
pub use scan_cache::{cached_scan, scan_cache_paths};
pub use settings::{Command, Network, Settings, TrustedConfig, TrustedFile};

pub use diligence_finding::{Finding, NotEvaluated, Report, Severity};

/// Why a run could not start: bad input or configuration (the CLI prints one line and exits 2).
/// Everything that goes wrong *during* a run is a [`NotEvaluated`] record instead.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The lockfile could not be found or read.
    #[error(transparent)]
    Lockfile(#[from] diligence_lockfile::LockfileError),
    /// `diligence.toml` is unreadable or invalid (names the file, line and column).
    #[error(transparent)]
    Policy(#[from] diligence_policy::PolicyError),
    /// `.npmrc` or the registry client configuration is unusable.
    #[error("{0}")]
    Registry(String),
    /// A git revision or diff input could not be read.
    #[error(transparent)]
    Diff(#[from] diligence_diff::DiffError),
    /// The input itself is unusable (a flag combination, a project file).
    #[error("{0}")]
    Input(String),
}
