//! The `vet/…` rules: what the audit ledger reports about a locked graph.

use diligence_finding::Rule;

pub mod certified_in_change;
pub mod import_changed;
pub mod integrity_mismatch;
pub mod unaudited;
pub mod unused_exemption;
pub mod violation;

/// Every rule of this crate, in report order.
pub static ALL: [&Rule; 6] = [
    &unaudited::UNAUDITED,
    &certified_in_change::CERTIFIED_IN_CHANGE,
    &integrity_mismatch::INTEGRITY_MISMATCH,
    &violation::VIOLATION,
    &import_changed::IMPORT_CHANGED,
    &unused_exemption::UNUSED_EXEMPTION,
];
