//! `metadata/provenance-regression`: earlier versions had provenance, this one has none.

use crate::context::{Outcome, VersionContext};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// Earlier versions were published with provenance (`dist.attestations`); this one was not.
    ///
    /// ## What it detects
    /// A version without `dist.attestations` when at least one version published before it
    /// has them. The latest attested earlier version is named in the evidence.
    ///
    /// ## Why it matters
    /// Provenance ties a tarball to a CI build of a public commit. A package that publishes
    /// from CI with provenance and then ships a version without it was most likely published
    /// by hand with a stolen token: the Nx `s1ngularity` compromise (August 2025) and the
    /// Shai-Hulud worm versions lacked the provenance their predecessors had.
    ///
    /// ## Example
    /// 3.1.0 with `"dist": {"attestations": {...}}`, 3.1.1 without.
    ///
    /// ## Known false positives
    /// A maintainer who stops using trusted publishing or publishes a hotfix locally.
    pub static PROVENANCE_REGRESSION = { id: "metadata/provenance-regression", severity: Severity::High };
}

fn attested(value: Option<&serde_json::Value>) -> bool {
    match value {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    if attested(cx.manifest.dist.attestations.as_ref()) {
        return Outcome::Clean;
    }
    let Some(last) = cx
        .earlier
        .iter()
        .rev()
        .find(|p| attested(p.manifest.dist.attestations.as_ref()))
    else {
        return Outcome::Clean;
    };
    let message = format!(
        "{}@{} has no provenance attestation, but {} had one",
        cx.name(),
        cx.version,
        last.version
    );
    Outcome::found(
        cx.finding(&PROVENANCE_REGRESSION, message)
            .evidence(json!({"last_attested": last.version})),
    )
}
