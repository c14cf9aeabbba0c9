//! Report writers. Each takes a finished [`Report`] and writes one format; none of them
//! decides anything (severity, exit code and ordering are settled before they run).
//!
//! - [`human`]: grouped by package, severity-coloured when the stream supports it.
//! - [`json`]: the `diligence.report/1` document (`schema/diligence.report-1.schema.json`).

pub mod human;
pub mod json;

pub use diligence_finding::Report;
