//! `diligence vet`: the ledger against a locked graph, as findings.

use crate::coverage::{Coverage, Ledger, Locked, Origin, Status};
use crate::imports::{Fetch, ImportState, ImportStatus};
use crate::rules::{
    import_changed::IMPORT_CHANGED, integrity_mismatch::INTEGRITY_MISMATCH, unaudited::UNAUDITED,
    unused_exemption::UNUSED_EXEMPTION, violation::VIOLATION,
};
use crate::store::{CONFIG_FILE, EXEMPTIONS_FILE, IMPORTS_LOCK, Store};
use crate::{format, prune, requirements};
use diligence_finding::{Finding, NotEvaluated, Rule, Severity};
use diligence_graph::DependencyGraph;
use serde_json::json;

/// Everything one `vet` run found out.
#[derive(Debug, Clone)]
pub struct Vetting {
    pub findings: Vec<Finding>,
    pub not_evaluated: Vec<NotEvaluated>,
    /// One-line warnings for stderr (an import that could not be compared with its source).
    pub warnings: Vec<String>,
    pub coverage: Coverage,
    pub imports: Vec<ImportState>,
    pub ledger: Ledger,
}

/// Checks `graph` against `store`: coverage of every registry package, integrity of the
/// entries about locked versions, violations, imports against their pins, and exemptions
/// that `prune` would drop. `fetcher` fetches URL imports to compare them with their pins
/// (`None`: offline; the pinned copies are used unchecked).
pub fn vet(graph: &DependencyGraph, store: &Store, fetcher: Option<&dyn Fetch>) -> Vetting {
    let imports = crate::imports::resolve(&store.config.imports, &store.lock, &store.dir, fetcher);
    vet_with_imports(graph, store, imports)
}

/// [`vet`] with imports already resolved.
pub fn vet_with_imports(
    graph: &DependencyGraph,
    store: &Store,
    imports: Vec<ImportState>,
) -> Vetting {
    let (ledger, coverage) = coverage_of(graph, store, &imports);
    let mut out = Vetting {
        findings: Vec::new(),
        not_evaluated: Vec::new(),
        warnings: Vec::new(),
        coverage,
        imports,
        ledger,
    };
    let lockfile = graph.lockfile.path.display().to_string();
    let mut unverified: Vec<String> = Vec::new();
    for p in &out.coverage.packages {
        let line = graph.package(p.nodes[0]).location.line;
        for (_, check) in &PACKAGE_CHECKS {
            out.findings.extend(check(store, &lockfile, line, p));
        }
        let id = format!("{}@{}", p.name, p.version);
        if !p.evaluation.unverified.is_empty() && !unverified.contains(&id) {
            unverified.push(id);
        }
    }
    if !unverified.is_empty() {
        let shown: Vec<&str> = unverified.iter().take(5).map(String::as_str).collect();
        out.not_evaluated.push(NotEvaluated {
            what: format!(
                "vet integrity of {} audited package(s) ({}{})",
                unverified.len(),
                shown.join(", "),
                if unverified.len() > 5 { ", …" } else { "" }
            ),
            why: "the ledger's integrity and the lockfile's share no hash algorithm (a yarn berry checksum hashes yarn's zip, not the npm tarball an audit records)".into(),
        });
    }
    for (_, check) in &LEDGER_CHECKS {
        check(graph, store, &mut out);
    }
    out
}

/// A check of one locked package: the store, the lockfile as findings name it, the line of
/// the package's first entry, the package and its evaluation.
pub(crate) type PackageCheck = fn(&Store, &str, u32, &Locked) -> Vec<Finding>;

/// A check of the ledger as a whole, after every package: adds findings, warnings and
/// not-evaluated records to the run.
pub(crate) type LedgerCheck = fn(&DependencyGraph, &Store, &mut Vetting);

/// The per-package rules with their checks, in report order (one finding per cause: an
/// integrity mismatch says why a package is not covered, so `vet/unaudited` stays quiet).
pub(crate) static PACKAGE_CHECKS: [(&Rule, PackageCheck); 3] = [
    (&INTEGRITY_MISMATCH, mismatch_findings),
    (&VIOLATION, violation_findings),
    (&UNAUDITED, unaudited_findings),
];

/// The ledger-wide rules with their checks.
pub(crate) static LEDGER_CHECKS: [(&Rule, LedgerCheck); 2] = [
    (&IMPORT_CHANGED, |_, store, out| import_findings(store, out)),
    (&UNUSED_EXEMPTION, unused_exemptions),
];

fn unused_exemptions(graph: &DependencyGraph, store: &Store, out: &mut Vetting) {
    for e in prune::prunable(graph, store, &out.ledger, &out.coverage) {
        out.findings.push(
            Finding::new(
                &UNUSED_EXEMPTION,
                format!(
                    "the exemption of {}@{} is no longer needed: `diligence vet prune` drops it",
                    e.package, e.version
                ),
            )
            .package(&e.package, &e.version)
            .at(store.file(EXEMPTIONS_FILE), e.line),
        );
    }
}

/// The ledger of `store` with `imports`, and the coverage of `graph` by it under the store's
/// policy.
pub fn coverage_of(
    graph: &DependencyGraph,
    store: &Store,
    imports: &[ImportState],
) -> (Ledger, Coverage) {
    let table = &store.criteria;
    let ledger = Ledger::new(table, &store.audits, imports, &store.exemptions);
    let required = requirements::requirements(graph, &store.config.policy, table);
    let coverage = Coverage::compute(graph, &required, &ledger, table);
    (ledger, coverage)
}

fn mismatch_findings(store: &Store, lockfile: &str, line: u32, p: &Locked) -> Vec<Finding> {
    let mut findings = Vec::new();
    for m in &p.evaluation.mismatches {
        let (what, place) = describe(store, &m.origin);
        let locked = p
            .integrity
            .as_ref()
            .map_or("none".to_string(), format::integrity_text);
        findings.push(
            Finding::new(
                &INTEGRITY_MISMATCH,
                format!(
                    "{}@{}: the {what} was written for another tarball ({}), the lockfile locks {locked}: republished, or the lockfile was edited",
                    p.name,
                    p.version,
                    format::integrity_text(&m.recorded),
                ),
            )
            .package(&p.name, &p.version)
            .at(lockfile, line)
            .evidence(json!({
                "entry": place,
                "recorded": format::integrity_text(&m.recorded),
                "locked": locked,
                "delta_from": m.delta_from,
            })),
        );
    }
    findings
}

fn violation_findings(store: &Store, lockfile: &str, line: u32, p: &Locked) -> Vec<Finding> {
    let table = &store.criteria;
    let mut findings = Vec::new();
    for v in &p.evaluation.violations {
        let (what, place) = describe(store, &v.origin);
        let criteria = table.names(v.criteria).join(", ");
        findings.push(
            Finding::new(
                &VIOLATION,
                format!(
                    "{}@{} is in a violation range ({} fails {criteria}) recorded in the {what}{}",
                    p.name,
                    p.version,
                    v.range,
                    v.notes
                        .as_deref()
                        .map(|n| format!(": {n}"))
                        .unwrap_or_default()
                ),
            )
            .package(&p.name, &p.version)
            .at(lockfile, line)
            .evidence(
                json!({"entry": place, "range": v.range, "criteria": table.names(v.criteria)}),
            ),
        );
    }
    findings
}

fn unaudited_findings(store: &Store, lockfile: &str, line: u32, p: &Locked) -> Vec<Finding> {
    let e = &p.evaluation;
    let Status::Unaudited { missing, base } = &e.status else {
        return Vec::new();
    };
    if !e.mismatches.is_empty() {
        return Vec::new(); // the mismatch says why; one finding per cause
    }
    let table = &store.criteria;
    let criteria = table.minimal_names(*missing).join(", ");
    let command = certify_command(&p.name, base.as_deref(), &p.version, &criteria);
    vec![
        Finding::new(
            &UNAUDITED,
            unaudited_message(&p.name, &p.version, &criteria, base.as_deref(), None),
        )
        .package(&p.name, &p.version)
        .at(lockfile, line)
        .evidence(json!({
            "required": table.names(p.required),
            "missing": table.names(*missing),
            "base": base,
            "suggested": command,
        })),
    ]
}

/// The message of `vet/unaudited`: `NAME@VERSION is not audited for CRITERIA: review the
/// delta from covered BASE (SIZE) (`COMMAND`), or exempt it`; the size (a
/// [`crate::size::ReviewSize::describe`] text) when it was measured.
pub fn unaudited_message(
    name: &str,
    version: &str,
    criteria: &str,
    base: Option<&str>,
    size: Option<&str>,
) -> String {
    let command = certify_command(name, base, version, criteria);
    let how = match base {
        Some(b) => format!("review the delta from covered {b}"),
        None => "review it in full".to_string(),
    };
    let size = size.map(|s| format!(", {s}")).unwrap_or_default();
    format!(
        "{name}@{version} is not audited for {criteria}: {how}{size} (`{command}`), or exempt it"
    )
}

/// `diligence vet certify NAME [FROM] TO --criteria C`, shell-quoted where needed.
pub fn certify_command(name: &str, from: Option<&str>, to: &str, criteria: &str) -> String {
    let mut parts = vec!["diligence vet certify".to_string(), shell_word(name)];
    if let Some(f) = from {
        parts.push(shell_word(f));
    }
    parts.push(shell_word(to));
    parts.push(format!("--criteria {}", shell_word(criteria)));
    parts.join(" ")
}

/// A word safe to paste into a POSIX shell: as is when it holds only `[A-Za-z0-9@/._+:,=-]`,
/// else single-quoted.
pub fn shell_word(w: &str) -> String {
    let plain = !w.is_empty()
        && w.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@/._+:,=-".contains(&b));
    if plain {
        w.to_string()
    } else {
        format!("'{}'", w.replace('\'', "'\\''"))
    }
}

/// What an origin is, for messages, and where, for evidence (`file:line` or `import NAME`).
fn describe(store: &Store, origin: &Origin) -> (String, String) {
    match origin {
        Origin::Audits { line } => {
            let place = format!("{}:{line}", store.file(crate::store::AUDITS_FILE));
            (format!("audit at {place}"), place)
        }
        Origin::Import { name } => (
            format!("audit imported from `{name}`"),
            format!("import {name}"),
        ),
        Origin::Exemptions { line } => {
            let place = format!("{}:{line}", store.file(EXEMPTIONS_FILE));
            (format!("exemption at {place}"), place)
        }
    }
}

fn import_findings(store: &Store, out: &mut Vetting) {
    for state in &out.imports {
        let name = &state.config.name;
        match &state.status {
            ImportStatus::Pinned => {}
            ImportStatus::Unchecked { why } => out.warnings.push(format!(
                "import `{name}` not compared with its source ({why}); the pinned copy in {} is used",
                store.file(IMPORTS_LOCK)
            )),
            ImportStatus::NotPinned => out.not_evaluated.push(NotEvaluated {
                what: format!("import `{name}` ({})", state.config.source.as_str()),
                why: format!(
                    "not pinned in {}: its audits count for nothing until `diligence vet regenerate-imports`",
                    store.file(IMPORTS_LOCK)
                ),
            }),
            ImportStatus::Changed {
                sha256,
                added,
                removed,
            } => {
                let severity = if *removed > 0 {
                    Severity::High
                } else {
                    Severity::Medium
                };
                let pinned = state.locked.as_ref().map_or("", |l| l.sha256.as_str());
                out.findings.push(
                    Finding::new(
                        &IMPORT_CHANGED,
                        format!(
                            "import `{name}` changed since it was pinned ({added} audit(s) added, {removed} removed or rewritten): refused, the pinned copy is used; review the change, then `diligence vet regenerate-imports`"
                        ),
                    )
                    .severity(severity)
                    .at(store.file(CONFIG_FILE), state.config.line)
                    .evidence(json!({
                        "import": name,
                        "source": state.config.source.as_str(),
                        "pinned_sha256": pinned,
                        "sha256": sha256,
                        "added": added,
                        "removed": removed,
                    })),
                );
            }
        }
    }
    for name in store.lock.keys() {
        if !store.config.imports.contains_key(name) {
            out.warnings.push(format!(
                "{} pins import `{name}`, which config.toml no longer lists: `diligence vet regenerate-imports` drops it",
                store.file(IMPORTS_LOCK)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_shell_safe() {
        assert_eq!(
            certify_command("@babel/core", Some("7.1.0"), "7.2.0", "safe-to-deploy"),
            "diligence vet certify @babel/core 7.1.0 7.2.0 --criteria safe-to-deploy"
        );
        assert_eq!(shell_word("a;rm -rf ~"), "'a;rm -rf ~'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word(""), "''");
    }
}
