//! Vetting before anything is installed (issue 6, parts 4 and 5): the logic behind
//! `diligence check <spec>…` and `diligence install [--pm …] <args>…`.
//!
//! - [`spec`]: npm specs (`name`, `name@range`, `name@tag`, `npm:` aliases) and their
//!   resolution through a packument with npm's semantics (nodejs-semver ranges, dist-tags).
//! - [`closure`]: the full transitive closure of specs, resolved from packuments.
//! - [`pm`]: which package manager a project uses and the command lines to run.
//! - [`plan`]: the lockfile an install would write, from a lockfile-only run of the package
//!   manager in a temporary copy of the project, next to the current one; [`Planned::apply`]
//!   writes exactly the vetted lockfile into the project (hash-checked) before the frozen
//!   install runs from it.
//! - [`decide`]: proceed, ask (TTY, default no) or refuse — never fail open.
//!
//! The vetting itself (lockfile rules, advisories, registry cross-checks, metadata, code) is
//! `diligence-engine`'s: `check` hands it the [`Closure`], `install` the [`Plan`]'s two
//! lockfiles. Nothing here runs package code: planning runs the package manager with scripts
//! disabled.

pub mod closure;
pub mod decide;
pub mod plan;
pub mod pm;
pub mod spec;

pub use closure::{
    Closure, ClosureOptions, PackumentSource, Platform, ResolvedPackage, resolve_closure,
    resolve_closure_with, unresolved_requests,
};
pub use decide::{Decision, GateOptions, RefuseReason, confirm, decide, unvetted};
pub use plan::{Plan, Planned, plan, sha256_hex};
pub use pm::{Detected, PackageManager, detect};
pub use spec::{Spec, Wanted, resolve_with};

use std::path::Path;

/// Errors that stop the gate before vetting. Each displays as one line naming the spec, file
/// or command.
#[derive(Debug, thiserror::Error)]
pub enum GateError {
    /// A spec the gate cannot parse or resolve from the registry.
    #[error("{spec}: {why}")]
    Spec { spec: String, why: String },
    /// No version of `name` matches `wanted`.
    #[error("{name}@{wanted}: {why}")]
    NoMatch {
        name: String,
        wanted: String,
        why: String,
    },
    /// A project file is unreadable or malformed.
    #[error("{path}: {why}")]
    Project { path: String, why: String },
    /// The lockfile-only planning run failed.
    #[error("`{command}` failed: {why}")]
    Plan { command: String, why: String },
    /// The vetted lockfile changed between vetting and the install (the install must not
    /// run). Hashes are lowercase hex SHA-256.
    #[error("{path}: changed after it was vetted (sha256 {now}, vetted {vetted}); not installing")]
    Changed {
        path: String,
        vetted: String,
        now: String,
    },
}

impl GateError {
    /// An I/O error on `path`.
    pub fn io(path: &Path, e: std::io::Error) -> GateError {
        GateError::Project {
            path: path.display().to_string(),
            why: e.to_string(),
        }
    }
}
