use crate::Cx;
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{Edge, PackageId, Source};
use serde_json::json;

declare_rule! {
    /// A dependency asks for a registry version, but the lockfile installs it from elsewhere.
    ///
    /// ## What it detects
    /// A dependency edge whose specifier is a registry request — a version, a semver range, a
    /// dist-tag, or `npm:<name>@<range>` — while the entry it resolves to comes from a git
    /// repository, a tarball URL on a host that is not an allowed registry, or a local
    /// `file:`/`link:` path (npm reads a `resolved` without a URL scheme, such as
    /// `evil.example/a-1.0.0.tgz`, as a path). Links to the project's own workspace members
    /// (importers) are not reported. Importer edges
    /// carry the specifier from package.json; package edges carry the range the dependent's
    /// manifest declared (npm, yarn) or the locked version (pnpm). Reported once per entry, at its `resolved` line. Evidence:
    /// `{"dependent", "spec", "source", "url"}`.
    ///
    /// ## Why it matters
    /// No package manager resolves `^7.0.0` to a git repository: such an entry can only come
    /// from an edited lockfile. `pnpm install --frozen-lockfile` compares only the specifier,
    /// which is unchanged, and installs the attacker's repository (tamper kind T8).
    ///
    /// ## Example
    /// package.json `"is-number": "^7.0.0"`, lockfile:
    /// ```yaml
    /// is-number:
    ///   specifier: ^7.0.0
    ///   version: git+https://github.com/attacker/is-number.git#84c7fc38…
    /// ```
    ///
    /// ## Known false positives
    /// `overrides` / `resolutions` that force a range onto a git or URL source are reported;
    /// that override deserves the same review.
    pub static SPEC_SOURCE_MISMATCH = { id: "lockfile/spec-source-mismatch", severity: Severity::High };
}

/// True when `spec` asks the registry: a version, range or dist-tag, possibly behind an
/// `npm:<name>@` alias or yarn berry's `npm:` prefix — anything without a protocol (`:`) or a path/shorthand (`/`).
fn is_registry_spec(spec: &str) -> bool {
    let spec = spec.trim();
    // `npm:<name>@<range>` (an alias) or yarn berry's `npm:<range>`.
    let spec = match spec.strip_prefix("npm:") {
        Some(rest) => match rest.get(1..).and_then(|r| r.split_once('@')) {
            Some((_, range)) => range,
            None if rest.starts_with('@') => "",
            None => rest,
        },
        None => spec,
    };
    !spec.is_empty()
        && !spec.contains([':', '/', '\\'])
        && !spec.starts_with(['.', '~'])
        && spec != "~"
}

/// Reports every entry from git or a tarball URL that some edge requests by registry spec.
pub(crate) fn check(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    let g = cx.graph;
    let mut reported = vec![false; g.packages.len()];
    // Who depends: an importer index or a package id; named only when a finding is made.
    enum Dependent {
        Importer(usize),
        Package(usize),
    }
    let importer_edges = g.importers.iter().enumerate().flat_map(|(i, imp)| {
        imp.dependencies
            .iter()
            .map(move |e| (Dependent::Importer(i), e))
    });
    let package_edges = g.packages.iter().enumerate().flat_map(|(i, p)| {
        p.dependencies
            .iter()
            .map(move |e| (Dependent::Package(i), e))
    });
    for (dependent, edge) in importer_edges.chain(package_edges) {
        let from_importer = matches!(dependent, Dependent::Importer(_));
        let Some(target) = mismatched_target(cx, edge, from_importer) else {
            continue;
        };
        if std::mem::replace(&mut reported[target.index()], true) {
            continue;
        }
        let dependent = match dependent {
            Dependent::Importer(i) => {
                let imp = &g.importers[i];
                imp.name
                    .clone()
                    .unwrap_or_else(|| format!("importer `{}`", imp.path))
            }
            Dependent::Package(i) => g.packages[i].id_string(),
        };
        let p = &g.packages[target.index()]; // in range: checked by `mismatched_target`
        let url = p.source.resolved().unwrap_or_default();
        let message = format!(
            "{dependent} asks for {} `{}` from the registry, but the lockfile installs {} from {} `{url}`",
            edge.name,
            edge.spec,
            p.id_string(),
            p.source.kind()
        );
        let evidence = json!({
            "dependent": dependent, "spec": edge.spec, "source": p.source.kind(), "url": url
        });
        let finding = cx.finding(&SPEC_SOURCE_MISMATCH, p, p.location.for_resolved(), message);
        out.push(finding.evidence(evidence));
    }
}

/// The target of `edge` when a registry spec resolves to a non-registry source. Local
/// (`file:`/`link:`) targets count only for importer edges (`from_importer`).
fn mismatched_target(cx: &Cx<'_>, edge: &Edge, from_importer: bool) -> Option<PackageId> {
    let target = edge.target?;
    // `get`, not `package`: an edge from a faulty reader must not panic a check.
    let source = &cx.graph.packages.get(target.index())?.source;
    let fetched = match source {
        Source::Patch { original, .. } => original.as_ref(),
        other => other,
    };
    let non_registry = match fetched {
        Source::Git { .. } => true,
        Source::Tarball { url } => !cx.on_allowed_registry(url),
        Source::File { path } | Source::Link { path } => {
            from_importer && !is_importer(cx, target, path)
        }
        _ => false,
    };
    (non_registry && is_registry_spec(&edge.spec)).then_some(target)
}

/// True when the local entry `target` at `path` is one of the project's importers (a
/// workspace member): the importer's node, its package name, or its folder.
fn is_importer(cx: &Cx<'_>, target: PackageId, path: &str) -> bool {
    let Some(package) = cx.graph.packages.get(target.index()) else {
        return false;
    };
    let folder = normalise_folder(path);
    cx.graph.importers.iter().any(|imp| {
        imp.package == Some(target)
            || imp.name.as_deref() == Some(package.name.as_str())
            || normalise_folder(&imp.path) == folder
    })
}

/// A relative folder without `./` prefixes and trailing `/` (`./packages/a/` → `packages/a`,
/// `.` → ``).
fn normalise_folder(path: &str) -> &str {
    let mut p = path.trim().trim_end_matches('/');
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    if p == "." { "" } else { p }
}

#[cfg(test)]
mod tests {
    use super::is_registry_spec;

    #[test]
    fn registry_specs() {
        for s in [
            "^7.0.0",
            "7.0.0",
            "latest",
            ">=1 <2 || 3",
            "*",
            "npm:string-width@^4.2.0",
            "npm:^7.0.0",
            "npm:@types/node@^20",
        ] {
            assert!(is_registry_spec(s), "{s}");
        }
        for s in [
            "github:a/b",
            "a/b",
            "file:../x",
            "git+https://x/y.git",
            "workspace:*",
            "",
            "npm:@a/b",
        ] {
            assert!(!is_registry_spec(s), "{s}");
        }
    }
}
