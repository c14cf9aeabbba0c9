//! The `diff/…` rules: what a pull request changes in the locked dependency graph.

use diligence_finding::Rule;

pub mod integrity_changed;
pub mod new_lifecycle_script;
pub mod new_source;
pub mod package_added;
pub mod package_removed;
pub mod version_changed;

/// Every rule of this crate, in report order.
pub static ALL: [&Rule; 6] = [
    &package_added::PACKAGE_ADDED,
    &package_removed::PACKAGE_REMOVED,
    &version_changed::VERSION_CHANGED,
    &integrity_changed::INTEGRITY_CHANGED,
    &new_source::NEW_SOURCE,
    &new_lifecycle_script::NEW_LIFECYCLE_SCRIPT,
];
