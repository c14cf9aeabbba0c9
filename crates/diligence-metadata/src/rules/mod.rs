//! One file per rule. Packument rules take a [`crate::context::VersionContext`] and return an
//! [`crate::context::Outcome`]; graph rules take the [`diligence_graph::DependencyGraph`].

pub mod dependency_confusion;
pub mod deprecated;
pub mod dormant_release;
pub mod install_script;
pub mod maintainers_changed;
pub mod manifest_confusion;
pub mod new_bin;
pub mod new_install_script;
pub mod new_package;
pub mod new_publisher;
pub mod no_license;
pub mod no_repository;
pub mod provenance_regression;
pub mod recent_version;
pub mod repository_changed;
pub mod typosquat;
pub mod version_jump;
pub mod young_dependency;

use crate::context::{Outcome, VersionContext};
use diligence_finding::Rule;

/// A packument rule: its metadata and its check.
pub type PackumentRule = (&'static Rule, fn(&VersionContext) -> Outcome);

/// Every packument rule, in report order.
pub const PACKUMENT_RULES: [PackumentRule; 15] = [
    (
        &new_install_script::NEW_INSTALL_SCRIPT,
        new_install_script::check,
    ),
    (&young_dependency::YOUNG_DEPENDENCY, young_dependency::check),
    (
        &provenance_regression::PROVENANCE_REGRESSION,
        provenance_regression::check,
    ),
    (&version_jump::VERSION_JUMP, version_jump::check),
    (&new_publisher::NEW_PUBLISHER, new_publisher::check),
    (&recent_version::RECENT_VERSION, recent_version::check),
    (&new_package::NEW_PACKAGE, new_package::check),
    (&dormant_release::DORMANT_RELEASE, dormant_release::check),
    (
        &repository_changed::REPOSITORY_CHANGED,
        repository_changed::check,
    ),
    (
        &maintainers_changed::MAINTAINERS_CHANGED,
        maintainers_changed::check,
    ),
    (&install_script::INSTALL_SCRIPT, install_script::check),
    (&new_bin::NEW_BIN, new_bin::check),
    (&deprecated::DEPRECATED, deprecated::check),
    (&no_license::NO_LICENSE, no_license::check),
    (&no_repository::NO_REPOSITORY, no_repository::check),
];
