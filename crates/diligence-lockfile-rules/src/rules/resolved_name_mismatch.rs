use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// The package named by the `resolved` URL's path is not the entry's package.
    ///
    /// ## What it detects
    /// A registry entry (or a tarball entry on an allowed registry host whose path has the
    /// registry shape) whose `resolved` URL, after WHATWG URL normalisation, does not address
    /// `…/<name>/-/<basename>-<version>.tgz` for the entry's own `name`. The path is read as
    /// the package manager requests it (dot segments `/a/../b/` and encoded `%2e%2e` resolved,
    /// `\` as `/`, double slashes collapsed, each segment percent-decoded) and as a decoding
    /// server might route it (decoded once, then dot segments resolved again, catching
    /// `..%2f`); both must name the package. A file name that does not start with
    /// `<basename>-` and a path without the tarball shape after normalisation are reported
    /// too. Evidence: `{"resolved", "expected", "actual"}` (`actual` null when the shape is
    /// gone).
    ///
    /// ## Why it matters
    /// An attacker who publishes `evil-pkg` to the real registry can point `ms`'s entry at it:
    /// the host check passes. lockfile-lint compared the raw string with
    /// `<origin>/<name>`, so `https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz`
    /// passed while npm fetched `/evil-pkg/…` (GHSA-f2p3-vh47-jhg6); it also skipped the check
    /// for every non-default registry and swallowed URL errors.
    ///
    /// ## Example
    /// ```json
    /// "node_modules/ms": {
    ///   "version": "2.1.3",
    ///   "resolved": "https://registry.npmjs.org/ms/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz"
    /// }
    /// ```
    ///
    /// ## Known false positives
    /// `npm:` aliases are compared by their real name (the reader records it), so
    /// `string-width-cjs` → `string-width` is not reported. Registries whose tarball URLs do
    /// not follow the npm shape (GitHub Packages' `/download/…`) are reported when the reader
    /// classifies them as registry entries; allow them by reading them as tarballs.
    pub static RESOLVED_NAME_MISMATCH = { id: "lockfile/resolved-name-mismatch", severity: Severity::High };
}

/// Reports `entry` when a reading of its registry URL names another package.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let (Some((raw, _)), Some(readings)) = (entry.parsed_url(), &entry.readings) else {
        return;
    };
    let p = entry.package;
    let problem = readings.iter().find_map(|reading| match reading {
        None => Some((
            None,
            "has no registry tarball path `<name>/-/<file>.tgz` once normalised".to_string(),
        )),
        Some(t) if t.name != p.name => {
            let why = format!("addresses package `{}`", t.name);
            Some((Some(t.name.clone()), why))
        }
        Some(t) if t.version().is_none() => {
            let why = format!(
                "has tarball file `{}`, which is not named after `{}`",
                t.file, p.name
            );
            Some((Some(t.name.clone()), why))
        }
        Some(_) => None,
    });
    let Some((actual, why)) = problem else {
        return;
    };
    let message = format!(
        "{}: `resolved` {why}, not `{}`: `{raw}`",
        p.id_string(),
        p.name
    );
    let evidence = json!({ "resolved": raw, "expected": p.name, "actual": actual });
    let finding = cx.finding(
        &RESOLVED_NAME_MISMATCH,
        p,
        p.location.for_resolved(),
        message,
    );
    out.push(finding.evidence(evidence));
}
