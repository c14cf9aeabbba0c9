use super::{local_paths, place_of};
use crate::local_path::Place;
use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A `file:`, `link:`, `portal:` or patch path points outside the project.
    ///
    /// ## What it detects
    /// Local sources whose path, resolved lexically against the lockfile's folder (and the
    /// workspace that declared it: the depending importer, or yarn berry's `::locator=`),
    /// leaves the project: `..` past the root, absolute paths (`/tmp/x`, `C:\x`), `file://`
    /// URLs, `~` home paths. Also read percent-decoded, so `%2e%2e` does not hide a `..`.
    /// Evidence: `{"path", "protocol", "reason"}`.
    ///
    /// ## Why it matters
    /// The package manager copies or symlinks whatever is at that path on the machine that
    /// installs: a CI runner's `/tmp`, a shared cache, another checkout. A registry entry
    /// rewritten to `file:../../../tmp/x` (tamper kind T9) installs code that is not in the
    /// repository at all, so no review of the repository can see it.
    ///
    /// ## Example
    /// ```json
    /// "node_modules/picocolors": {
    ///   "version": "1.1.1",
    ///   "resolved": "file:../../../tmp/x/picocolors-1.1.1.tgz"
    /// }
    /// ```
    ///
    /// ## Known false positives
    /// Monorepos whose lockfile sits below the repository root and links a sibling folder
    /// (`link:../shared`) are reported; audit from the folder that holds the whole project.
    pub static LOCAL_PATH_OUTSIDE_PROJECT = { id: "lockfile/local-path-outside-project", severity: Severity::High };
}

/// Reports each local path of `entry` that leaves the project.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let p = entry.package;
    for (protocol, spec) in local_paths(&p.source) {
        let Place::Outside(reason) = place_of(cx, entry, spec) else {
            continue;
        };
        let message = format!(
            "{} is installed from local path `{spec}` ({protocol}), which is outside the project: {reason}",
            p.id_string()
        );
        let evidence = json!({ "path": spec, "protocol": protocol, "reason": reason });
        let finding = cx.finding(
            &LOCAL_PATH_OUTSIDE_PROJECT,
            p,
            p.location.for_resolved(),
            message,
        );
        out.push(finding.evidence(evidence));
    }
}
