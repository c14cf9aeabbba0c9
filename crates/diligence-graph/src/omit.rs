//! `--omit dev|optional|peer`: the part of a graph an install without those dependency kinds
//! puts on disk, as npm's `--omit` (npm docs, "config#omit") decides it.

use crate::{DepKind, DependencyGraph, Edge, PackageId};

/// Dependency kinds to leave out of a graph (npm's `--omit=dev`, `--omit=optional`,
/// `--omit=peer`). The default omits nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Omit {
    pub dev: bool,
    pub optional: bool,
    pub peer: bool,
}

impl Omit {
    /// Whether nothing is omitted.
    pub fn is_empty(self) -> bool {
        !(self.dev || self.optional || self.peer)
    }

    /// Whether an edge of `kind` is left out.
    pub fn omits(self, kind: DepKind) -> bool {
        match kind {
            DepKind::Prod => false,
            DepKind::Dev => self.dev,
            DepKind::Optional => self.optional,
            DepKind::Peer => self.peer,
        }
    }

    /// The kinds left out, as npm spells them (`dev,optional`).
    pub fn label(self) -> String {
        let mut out = Vec::new();
        if self.dev {
            out.push("dev");
        }
        if self.optional {
            out.push("optional");
        }
        if self.peer {
            out.push("peer");
        }
        out.join(",")
    }
}

impl DependencyGraph {
    /// The graph without what `omit` leaves out: a package stays when an importer reaches it
    /// through edges of kinds that are not omitted (so a package that is both a dev and a
    /// production dependency stays with `dev` omitted, as npm keeps it), and edges of omitted
    /// kinds are dropped. Packages no importer reaches at all (orphans) stay, so the lockfile
    /// checks still see them. Ids are renumbered; the order of packages is kept. Linear in the
    /// size of the graph; returns a copy when nothing is omitted.
    pub fn omit(&self, omit: Omit) -> DependencyGraph {
        if omit.is_empty() {
            return self.clone();
        }
        let all = self.reachability();
        let kept_reach = self.reachability_by(&|e: &Edge| !omit.omits(e.kind));
        let keep: Vec<bool> = (0..self.packages.len())
            .map(|i| kept_reach[i] || !all[i])
            .collect();
        let mut new_id: Vec<Option<PackageId>> = vec![None; self.packages.len()];
        let mut next = 0u32;
        for (i, k) in keep.iter().enumerate() {
            if *k {
                new_id[i] = Some(PackageId(next));
                next += 1;
            }
        }
        let edges = |edges: &[Edge]| -> Vec<Edge> {
            edges
                .iter()
                .filter(|e| !omit.omits(e.kind))
                .map(|e| Edge {
                    target: e.target.and_then(|t| new_id[t.index()]),
                    ..e.clone()
                })
                .collect()
        };
        let mut out = DependencyGraph::new(self.lockfile.clone());
        for (i, p) in self.packages.iter().enumerate() {
            if keep[i] {
                let mut p = p.clone();
                p.dependencies = edges(&p.dependencies);
                out.packages.push(p);
            }
        }
        out.importers = self
            .importers
            .iter()
            .map(|imp| {
                let mut imp = imp.clone();
                imp.dependencies = edges(&imp.dependencies);
                imp.package = imp.package.and_then(|id| new_id[id.index()]);
                imp
            })
            .collect();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Importer, Location, LockfileFormat, LockfileInfo, Package, Source};

    fn package(name: &str, deps: Vec<Edge>) -> Package {
        Package {
            name: name.into(),
            version: "1.0.0".into(),
            source: Source::Registry { resolved: None },
            integrity: None,
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            bundled: false,
            dependencies: deps,
            key: name.into(),
            location: Location::default(),
        }
    }

    fn edge(name: &str, kind: DepKind, target: u32) -> Edge {
        Edge {
            name: name.into(),
            spec: "^1.0.0".into(),
            kind,
            target: Some(PackageId(target)),
        }
    }

    /// app: prod a, dev d, optional o; a → shared (prod), d → shared, d → devonly,
    /// o → optonly, a → p (peer); orphan.
    fn graph() -> DependencyGraph {
        let mut g = DependencyGraph::new(LockfileInfo {
            path: "package-lock.json".into(),
            format: LockfileFormat::Npm,
            version: "3".into(),
        });
        g.add_package(package(
            "a",
            vec![
                edge("shared", DepKind::Prod, 3),
                edge("p", DepKind::Peer, 6),
            ],
        )); // 0
        g.add_package(package(
            "d",
            vec![
                edge("shared", DepKind::Prod, 3),
                edge("devonly", DepKind::Prod, 4),
            ],
        )); // 1
        g.add_package(package("o", vec![edge("optonly", DepKind::Prod, 5)])); // 2
        g.add_package(package("shared", vec![])); // 3
        g.add_package(package("devonly", vec![])); // 4
        g.add_package(package("optonly", vec![])); // 5
        g.add_package(package("p", vec![])); // 6
        g.add_package(package("orphan", vec![])); // 7
        g.importers.push(Importer {
            path: ".".into(),
            name: Some("app".into()),
            dependencies: vec![
                edge("a", DepKind::Prod, 0),
                edge("d", DepKind::Dev, 1),
                edge("o", DepKind::Optional, 2),
            ],
            package: None,
        });
        g
    }

    fn names(g: &DependencyGraph) -> Vec<&str> {
        g.packages.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn omit_dev_keeps_what_production_reaches() {
        let g = graph().omit(Omit {
            dev: true,
            ..Omit::default()
        });
        assert_eq!(names(&g), ["a", "o", "shared", "optonly", "p", "orphan"]);
        let root = &g.importers[0];
        assert_eq!(root.dependencies.len(), 2);
        // Edges point at the renumbered packages.
        assert_eq!(g.package(root.dependencies[1].target.unwrap()).name, "o");
        assert_eq!(
            g.package(g.packages[0].dependencies[0].target.unwrap())
                .name,
            "shared"
        );
        assert!(
            g.unreachable()
                .iter()
                .all(|id| g.package(*id).name == "orphan")
        );
    }

    #[test]
    fn omit_optional_and_peer() {
        let g = graph().omit(Omit {
            optional: true,
            peer: true,
            ..Omit::default()
        });
        assert_eq!(names(&g), ["a", "d", "shared", "devonly", "orphan"]);
        assert_eq!(g.packages[0].dependencies.len(), 1, "the peer edge is gone");
        let all = graph().omit(Omit {
            dev: true,
            optional: true,
            peer: true,
        });
        assert_eq!(names(&all), ["a", "shared", "orphan"]);
        assert_eq!(
            Omit {
                dev: true,
                optional: false,
                peer: true
            }
            .label(),
            "dev,peer"
        );
        assert_eq!(names(&graph().omit(Omit::default())).len(), 8);
    }
}
