//! Report writers. Each takes a finished [`Report`] and writes one format; none of them
//! decides anything (severity, exit code and ordering are settled before they run).
//!
//! - [`human`]: grouped by package, severity-coloured when the stream supports it.
//! - [`json`]: the `diligence.report/1` document (`schema/diligence.report-1.schema.json`).
//! - [`sarif`]: SARIF 2.1.0 for code scanning (rules with their docs, stable fingerprints).
//! - [`markdown`]: a pull-request comment under GitHub's 65,536-character limit.
//! - [`html`]: one self-contained page with filters (strict CSP, no network).
//! - [`github`]: GitHub Actions annotations (workflow commands).
//!
//! Every writer escapes every value that comes from a lockfile, manifest, tarball or
//! advisory for its format ([`escape`]), and runs in time linear in the report's size.

pub mod escape;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;
pub mod present;
pub mod sarif;

pub use diligence_finding::Report;
