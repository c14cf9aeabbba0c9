//! Test helpers: hand-made graphs and advisories.

use crate::advisory::{Advisory, AdvisoryKind, AffectedPackage};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Location, LockfileFormat, LockfileInfo, Package,
    PackageId, Source,
};

/// An advisory for `name` with exact `versions` and no ranges.
pub fn advisory(id: &str, kind: AdvisoryKind, name: &str, versions: &[&str]) -> Advisory {
    Advisory {
        id: id.into(),
        aliases: Vec::new(),
        kind,
        severity: None,
        summary: format!("Test record {id}"),
        url: format!("https://osv.dev/vulnerability/{id}"),
        modified: "2025-01-01T00:00:00Z".into(),
        withdrawn: false,
        affected: vec![AffectedPackage {
            name: name.into(),
            versions: versions.iter().map(|v| v.to_string()).collect(),
            ranges: Vec::new(),
        }],
    }
}

/// A chain graph: the root importer depends on the first package, each package on the next.
/// Items are `(name, version, line)`.
pub fn graph(chain: &[(&str, &str, u32)]) -> DependencyGraph {
    let mut g = DependencyGraph::new(LockfileInfo {
        path: "package-lock.json".into(),
        format: LockfileFormat::Npm,
        version: "3".into(),
    });
    for (i, (name, version, line)) in chain.iter().enumerate() {
        let next = chain.get(i + 1).map(|(n, v, _)| Edge {
            name: n.to_string(),
            spec: v.to_string(),
            kind: DepKind::Prod,
            target: Some(PackageId(i as u32 + 1)),
        });
        g.add_package(Package {
            dependencies: next.into_iter().collect(),
            location: Location {
                line: *line,
                ..Location::default()
            },
            ..Package::new(
                name,
                version,
                Source::Registry { resolved: None },
                &format!("node_modules/{name}"),
            )
        });
    }
    g.importers.push(Importer {
        path: ".".into(),
        name: None,
        dependencies: vec![Edge {
            name: chain[0].0.to_string(),
            spec: chain[0].1.to_string(),
            kind: DepKind::Prod,
            target: Some(PackageId(0)),
        }],
        package: None,
    });
    g
}
