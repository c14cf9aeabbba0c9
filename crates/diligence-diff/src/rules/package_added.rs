//! `diff/package-added`.

use super::{ChangeContext, base_evidence, via};
use crate::changes::{ChangeKind, PackageChange};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A package that the base lockfile did not have is locked in the head lockfile.
    ///
    /// ## What it detects
    /// A package name present in the head lockfile and absent from the base, direct or
    /// transitive. The evidence carries the dependency path that brings it in (the shortest
    /// chain from a direct dependency of an importer) and the `resolved` URL. A package added
    /// under another name (an `npm:` alias, `"chalk-next": "npm:chalk@5.6.1"`) names both: the
    /// alias is what the reviewer reads in `package.json`.
    ///
    /// ## Why it matters
    /// A pull request that adds one line to package.json can add dozens of transitive
    /// packages to the lockfile, folded away in the review UI. Each one runs on developer and
    /// CI machines (install scripts) and possibly in users' browsers. Every added registry
    /// package is also scanned (code, advisories); those findings are reported separately.
    ///
    /// ## Example
    /// Base `package-lock.json` without `node_modules/left-pad`; head with
    /// `"node_modules/left-pad": {"version": "1.3.0", …}`.
    ///
    /// ## Known false positives
    /// None as a fact; it is informational and never fails a run at the default threshold.
    pub static PACKAGE_ADDED = { id: "diff/package-added", severity: Severity::Info };
}

/// The finding for an added package, at its head lockfile entry.
pub fn check(c: &PackageChange, cx: &ChangeContext<'_>) -> Option<Finding> {
    if c.kind != ChangeKind::Added {
        return None;
    }
    let p = &c.package;
    let mut evidence = base_evidence(c);
    evidence["change"] = json!("added");
    // An alias is what the reviewer sees in package.json: say both names.
    let alias = match &c.alias {
        Some(a) => {
            evidence["alias"] = json!(a);
            format!(" as `{a}` (an alias)")
        }
        None => String::new(),
    };
    let finding = Finding::new(
        &PACKAGE_ADDED,
        format!("{} added{alias}{}", p.id_string(), via(&c.path)),
    )
    .at(&cx.head_file, p.location.line)
    .package(&p.name, &p.version)
    .evidence(evidence);
    Some(finding)
}
