//! The npm registry side of diligence: configuration as npm reads it ([`NpmConfig`]), a
//! blocking registry client with retries and a verified cache ([`RegistryClient`],
//! [`Cache`]), and the registry cross-check rules ([`crosscheck`], [`rules`]).
//!
//! Typical use (what `diligence audit` does):
//! ```no_run
//! use diligence_registry::{Cache, ClientOptions, CrosscheckOptions, Mode, NpmConfig, RegistryClient};
//! # fn demo(graph: &diligence_graph::DependencyGraph) -> Result<(), Box<dyn std::error::Error>> {
//! let config = NpmConfig::load(std::path::Path::new("."))?;
//! let options = ClientOptions { mode: Mode::PreferOffline, ..ClientOptions::default() };
//! let client = RegistryClient::new(config, Cache::default_location(), options)?;
//! let (findings, not_evaluated) =
//!     diligence_registry::crosscheck(graph, &client, &CrosscheckOptions::default());
//! # Ok(()) }
//! ```
//! Other checks use [`RegistryClient::packument`] (full packument, for metadata) and
//! [`RegistryClient::fetch_tarball`] (verified tarball bytes, for the code scanner).

mod agent;
pub mod bounded;
pub mod cache;
pub mod client;
pub mod config;
mod crosscheck;
mod fetch;
pub mod lean;
pub mod progress;
pub mod rules;
pub mod urls;
pub mod verify;

pub use cache::{CACHE_DIR_ENV, Cache, CacheError};
pub use client::{
    ClientOptions, DEFAULT_DEADLINE, DEFAULT_PACKUMENT_MAX_AGE, Mode, PackumentKind,
    RegistryClient, RegistryError, TarballMismatch, parse_duration,
};
pub use config::{
    ALLOW_PROJECT_CREDENTIALS_ENV, ConfigError, ConfigWarning, ConfigWarningKind, Credential,
    CredentialAllowlist, NpmConfig, Secret,
};
pub use crosscheck::{CrosscheckOptions, checked_rules, crosscheck, crosscheck_only};
pub use diligence_packument::Packument;

/// All rules of this crate: `registry/version-missing`, `registry/integrity-mismatch`,
/// `registry/integrity-downgrade`, `registry/resolved-mismatch`, `registry/scope-registry`, `registry/tarball-integrity`,
/// `registry/project-credentials`.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    rules::rules()
}
