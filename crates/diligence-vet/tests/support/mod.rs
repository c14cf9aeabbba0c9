//! Fixture projects for the ledger tests: an npm v3 lockfile written from a list of packages,
//! and the CLI crate's 127.0.0.1 fixture registry for tarballs.

#![allow(dead_code)]

#[path = "../../../diligence/tests/support/fixture_registry.rs"]
pub mod fixture_registry;

use base64::Engine;
use diligence_graph::DependencyGraph;
use sha2::Digest;
use std::path::Path;

/// One locked package of a fixture project.
#[derive(Clone)]
pub struct Pkg {
    pub name: &'static str,
    pub version: &'static str,
    pub integrity: String,
    /// Only the root's devDependencies reach it.
    pub dev: bool,
    /// A direct dependency of the root.
    pub direct: bool,
    pub deps: Vec<&'static str>,
}

/// A made-up but well-formed sha512 SRI derived from `seed`.
pub fn sri(seed: &str) -> String {
    let digest = sha2::Sha512::digest(seed.as_bytes());
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The sha512 SRI of bytes (a fixture tarball).
pub fn sri_of(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// A direct production dependency with an integrity derived from its id.
pub fn direct(name: &'static str, version: &'static str) -> Pkg {
    Pkg {
        name,
        version,
        integrity: sri(&format!("{name}@{version}")),
        dev: false,
        direct: true,
        deps: vec![],
    }
}

/// A direct dev dependency.
pub fn dev(name: &'static str, version: &'static str) -> Pkg {
    Pkg {
        dev: true,
        ..direct(name, version)
    }
}

/// A transitive production dependency.
pub fn transitive(name: &'static str, version: &'static str) -> Pkg {
    Pkg {
        direct: false,
        ..direct(name, version)
    }
}

impl Pkg {
    pub fn with_deps(mut self, deps: &[&'static str]) -> Pkg {
        self.deps = deps.to_vec();
        self
    }
    pub fn with_integrity(mut self, integrity: String) -> Pkg {
        self.integrity = integrity;
        self
    }
}

/// Writes `package.json` and an npm v3 `package-lock.json` for `pkgs` into `dir`.
pub fn write_project(dir: &Path, pkgs: &[Pkg]) {
    let mut deps = serde_json::Map::new();
    let mut dev_deps = serde_json::Map::new();
    for p in pkgs.iter().filter(|p| p.direct) {
        let target = if p.dev { &mut dev_deps } else { &mut deps };
        target.insert(p.name.into(), format!("^{}", p.version).into());
    }
    let manifest = serde_json::json!({
        "name": "app", "version": "1.0.0",
        "dependencies": deps, "devDependencies": dev_deps,
    });
    let mut packages = serde_json::Map::new();
    let mut root = manifest.clone();
    root.as_object_mut().unwrap().remove("name");
    packages.insert("".into(), serde_json::json!({
        "name": "app", "version": "1.0.0",
        "dependencies": manifest["dependencies"], "devDependencies": manifest["devDependencies"],
    }));
    for p in pkgs {
        let mut entry = serde_json::json!({
            "version": p.version,
            "resolved": format!("https://registry.npmjs.org/{}/-/{}-{}.tgz", p.name, p.name.rsplit('/').next().unwrap(), p.version),
            "integrity": p.integrity,
        });
        if p.dev {
            entry["dev"] = true.into();
        }
        if !p.deps.is_empty() {
            let d: serde_json::Map<String, serde_json::Value> = p
                .deps
                .iter()
                .map(|n| {
                    let v = pkgs.iter().find(|x| x.name == *n).unwrap().version;
                    (n.to_string(), format!("^{v}").into())
                })
                .collect();
            entry["dependencies"] = d.into();
        }
        packages.insert(format!("node_modules/{}", p.name), entry);
    }
    let lock = serde_json::json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": packages,
    });
    std::fs::write(
        dir.join("package.json"),
        serde_json::to_string_pretty(&manifest).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
}

/// Reads the fixture project's lockfile.
pub fn graph(dir: &Path) -> DependencyGraph {
    diligence_lockfile::read_lockfile(&dir.join("package-lock.json")).expect("fixture lockfile")
}

/// Writes a ledger file.
pub fn write(dir: &Path, file: &str, text: &str) {
    let store = dir.join("supply-chain");
    std::fs::create_dir_all(&store).unwrap();
    std::fs::write(store.join(file), text).unwrap();
}
