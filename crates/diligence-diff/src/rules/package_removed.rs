//! `diff/package-removed`.

use super::{ChangeContext, base_evidence};
use crate::changes::{ChangeKind, PackageChange};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package locked in the base lockfile is gone from the head lockfile.
    ///
    /// ## What it detects
    /// A package name present in the base lockfile and absent from the head.
    ///
    /// ## Why it matters
    /// Removals reduce what runs; they are listed so the reviewer sees the whole change, and
    /// they never add new risk (a pull request that only removes packages exits 0).
    ///
    /// ## Example
    /// Base `package-lock.json` with `node_modules/left-pad`; head without it.
    ///
    /// ## Known false positives
    /// None; informational.
    pub static PACKAGE_REMOVED = { id: "diff/package-removed", severity: Severity::Info };
}

/// The finding for a removed package, at its base lockfile entry.
pub fn check(c: &PackageChange, cx: &ChangeContext<'_>) -> Option<Finding> {
    if c.kind != ChangeKind::Removed {
        return None;
    }
    let p = &c.package;
    let mut evidence = base_evidence(c);
    evidence["change"] = json!("removed");
    let finding = Finding::new(&PACKAGE_REMOVED, format!("{} removed", p.id_string()))
        .at(&cx.base_file, p.location.line)
        .package(&p.name, &p.version)
        .evidence(evidence);
    Some(finding)
}
