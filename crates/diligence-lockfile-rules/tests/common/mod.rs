//! Helpers for the per-rule tests: small hand-built graphs whose lines are known.

#![allow(dead_code)]

use diligence_finding::{Finding, Severity};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Integrity, Location, LockfileFormat, LockfileInfo,
    Package, PackageId, Source,
};
use diligence_lockfile_rules::{LockfilePolicy, check};

pub const SHA512: &str = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==";
pub const SHA1: &str = "sha1-V0yBOM4dK1hh8LRFedut1gxmFbI=";
pub const COMMIT: &str = "84c7fc389f7dda522f8859e909d49c3f43e382d3";

/// A package whose entry starts at `line`; `resolved` is on `line + 2`, `integrity` on `line + 3`.
pub fn pkg(
    name: &str,
    version: &str,
    source: Source,
    integrity: Option<&str>,
    line: u32,
) -> Package {
    Package {
        name: name.into(),
        version: version.into(),
        source,
        integrity: integrity.map(|i| Integrity::parse_sri(i).expect("test SRI")),
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: format!("node_modules/{name}"),
        location: Location {
            line,
            resolved_line: line + 2,
            integrity_line: line + 3,
        },
    }
}

pub fn registry(url: &str) -> Source {
    Source::Registry {
        resolved: Some(url.into()),
    }
}

pub fn npm(name: &str, version: &str) -> Source {
    let base = name.rsplit('/').next().unwrap();
    registry(&format!(
        "https://registry.npmjs.org/{name}/-/{base}-{version}.tgz"
    ))
}

pub fn edge(name: &str, spec: &str, target: u32) -> Edge {
    Edge {
        name: name.into(),
        spec: spec.into(),
        kind: DepKind::Prod,
        target: Some(PackageId(target)),
    }
}

/// A graph whose root importer depends on every package with spec `^<version>`.
pub fn graph(format: LockfileFormat, packages: Vec<Package>) -> DependencyGraph {
    let mut g = DependencyGraph::new(LockfileInfo {
        path: "project/package-lock.json".into(),
        format,
        version: "3".into(),
    });
    let mut root = Vec::new();
    for (i, p) in packages.into_iter().enumerate() {
        root.push(edge(&p.name, &format!("^{}", p.version), i as u32));
        g.add_package(p);
    }
    g.importers.push(Importer {
        path: ".".into(),
        name: Some("app".into()),
        dependencies: root,
        package: None,
    });
    g
}

pub fn run(g: &DependencyGraph) -> Vec<Finding> {
    check(g, &LockfilePolicy::default())
}

pub fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// Exactly one finding of `rule`, on `name@version`, at `line` of the lockfile, with `severity`.
pub fn assert_one(findings: &[Finding], rule: &str, id: &str, line: u32, severity: Severity) {
    let hits = of(findings, rule);
    assert_eq!(hits.len(), 1, "{rule}: {findings:#?}");
    let f = hits[0];
    let p = f.package.as_ref().expect("package");
    assert_eq!(format!("{}@{}", p.name, p.version), id, "{rule}");
    let loc = f.location.as_ref().expect("location");
    assert_eq!(
        (loc.file.as_str(), loc.line),
        ("project/package-lock.json", line),
        "{rule}"
    );
    assert_eq!(f.severity, severity, "{rule}: {}", f.message);
}

pub fn clean(g: &DependencyGraph) {
    let findings = run(g);
    assert!(findings.is_empty(), "{findings:#?}");
}
