//! Fix guidance on a small project (`app > mkdirp > minimist`, minimist 1.2.5 affected by
//! GHSA-xvch-5gv4-984h, fixed in 1.2.6) against recorded packuments, served either from memory
//! or by a registry on 127.0.0.1 through the real registry client.

use diligence_advisory::{Advisory, AdvisoryDb, AdvisoryKind, AffectedPackage, Event};
use diligence_finding::Finding;
use diligence_fix::{PackumentSource, annotate};
use diligence_graph::{
    DepKind, DependencyGraph, Edge, Importer, Location, LockfileFormat, LockfileInfo, Package,
    PackageId, Source,
};
use diligence_packument::Packument;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;

fn db() -> AdvisoryDb {
    let advisory = Advisory {
        id: "GHSA-xvch-5gv4-984h".into(),
        aliases: vec!["CVE-2021-44906".into()],
        kind: AdvisoryKind::Vulnerability,
        severity: None,
        summary: "Prototype Pollution in minimist".into(),
        url: "https://github.com/advisories/GHSA-xvch-5gv4-984h".into(),
        modified: "2025-01-01T00:00:00Z".into(),
        withdrawn: false,
        affected: vec![AffectedPackage {
            name: "minimist".into(),
            versions: vec![],
            ranges: vec![vec![
                Event::Introduced("1.0.0".into()),
                Event::Fixed("1.2.6".into()),
            ]],
        }],
    };
    AdvisoryDb::from_advisories(vec![advisory], "test").expect("db")
}

fn package(name: &str, version: &str, deps: Vec<Edge>) -> Package {
    Package {
        dependencies: deps,
        location: Location {
            line: 10,
            ..Location::default()
        },
        ..Package::new(
            name,
            version,
            Source::Registry { resolved: None },
            &format!("node_modules/{name}"),
        )
    }
}

fn edge(name: &str, spec: &str, kind: DepKind, target: u32) -> Edge {
    Edge {
        name: name.into(),
        spec: spec.into(),
        kind,
        target: Some(PackageId(target)),
    }
}

/// The root importer depends on mkdirp@0.5.5 (`kind`), which depends on minimist@1.2.5 with
/// `spec`.
fn graph(format: LockfileFormat, kind: DepKind, spec: &str) -> DependencyGraph {
    let mut g = DependencyGraph::new(LockfileInfo {
        path: "package-lock.json".into(),
        format,
        version: "3".into(),
    });
    g.add_package(package(
        "mkdirp",
        "0.5.5",
        vec![edge("minimist", spec, DepKind::Prod, 1)],
    ));
    g.add_package(package("minimist", "1.2.5", vec![]));
    g.importers.push(Importer {
        path: ".".into(),
        name: Some("app".into()),
        dependencies: vec![edge("mkdirp", "^0.5.5", kind, 0)],
        package: None,
    });
    g
}

/// An abbreviated packument: `versions` as (version, dependencies).
fn packument(name: &str, latest: &str, versions: &[(&str, Value)]) -> Value {
    let versions: serde_json::Map<String, Value> = versions
        .iter()
        .map(|(v, deps)| {
            (
                v.to_string(),
                json!({
                    "name": name, "version": v, "dependencies": deps,
                    "dist": {"tarball": format!("https://registry.npmjs.org/{name}/-/{name}-{v}.tgz")},
                }),
            )
        })
        .collect();
    json!({"name": name, "dist-tags": {"latest": latest}, "versions": versions})
}

fn minimist() -> Value {
    packument(
        "minimist",
        "1.2.8",
        &[
            ("0.2.4", json!({})),
            ("1.2.5", json!({})),
            ("1.2.6", json!({})),
            ("1.2.8", json!({})),
        ],
    )
}

fn recorded(docs: &[Value]) -> HashMap<String, Arc<Packument>> {
    docs.iter()
        .map(|d| {
            let p: Packument = serde_json::from_value(d.clone()).expect("packument");
            (p.name.clone(), Arc::new(p))
        })
        .collect()
}

fn fix_for(graph: &DependencyGraph, source: &dyn PackumentSource) -> Value {
    let db = db();
    let mut findings: Vec<Finding> = diligence_advisory::check(graph, &db).expect("check");
    assert_eq!(findings.len(), 1);
    annotate(&mut findings, graph, &db, source);
    findings[0].evidence["fix"].clone()
}

#[test]
fn update_when_the_parent_range_already_allows_a_fix() {
    let mkdirp = packument(
        "mkdirp",
        "0.5.5",
        &[("0.5.5", json!({"minimist": "^1.2.5"}))],
    );
    let fix = fix_for(
        &graph(LockfileFormat::Npm, DepKind::Prod, "^1.2.5"),
        &recorded(&[mkdirp, minimist()]),
    );
    assert_eq!(fix["kind"], "update");
    assert_eq!(fix["to"], "1.2.8");
    assert_eq!(fix["command"], "npm update minimist");
    assert_eq!(
        fix["summary"],
        "mkdirp@0.5.5 already allows minimist 1.2.8: refresh the lockfile"
    );
}

#[test]
fn smallest_upgrade_of_the_direct_dependency() {
    let mkdirp = packument(
        "mkdirp",
        "1.0.4",
        &[
            ("0.5.5", json!({"minimist": "1.2.5"})),
            ("0.5.6", json!({"minimist": "^1.2.6"})),
            ("0.5.7", json!({"minimist": "^1.2.6"})),
            ("1.0.4", json!({})),
        ],
    );
    let source = recorded(&[mkdirp, minimist()]);
    let fix = fix_for(&graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5"), &source);
    assert_eq!(fix["kind"], "upgrade");
    assert_eq!(
        (fix["from"].as_str(), fix["to"].as_str()),
        (Some("0.5.5"), Some("0.5.6"))
    );
    assert_eq!(fix["command"], "npm install mkdirp@^0.5.6");
    assert_eq!(
        fix["summary"],
        "upgrade mkdirp 0.5.5 → 0.5.6: its minimist becomes 1.2.8"
    );
    // A dev dependency in pnpm and yarn.
    let pnpm = fix_for(&graph(LockfileFormat::Pnpm, DepKind::Dev, "1.2.5"), &source);
    assert_eq!(pnpm["command"], "pnpm add mkdirp@^0.5.6 --save-dev");
    let yarn = fix_for(
        &graph(LockfileFormat::YarnClassic, DepKind::Dev, "1.2.5"),
        &source,
    );
    assert_eq!(yarn["command"], "yarn add mkdirp@^0.5.6 --dev");
}

#[test]
fn upgrade_that_drops_the_dependency() {
    let mkdirp = packument(
        "mkdirp",
        "1.0.4",
        &[
            ("0.5.5", json!({"minimist": "1.2.5"})),
            ("1.0.4", json!({})),
        ],
    );
    let fix = fix_for(
        &graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5"),
        &recorded(&[mkdirp, minimist()]),
    );
    assert_eq!(fix["to"], "1.0.4");
    assert_eq!(
        fix["summary"],
        "upgrade mkdirp 0.5.5 → 1.0.4 (a breaking upgrade): it no longer depends on minimist through this path"
    );
}

#[test]
fn override_when_no_upgrade_helps() {
    let mkdirp = packument(
        "mkdirp",
        "0.5.6",
        &[
            ("0.5.5", json!({"minimist": "1.2.5"})),
            ("0.5.6", json!({"minimist": "1.2.5"})),
        ],
    );
    let source = recorded(&[mkdirp, minimist()]);
    let npm = fix_for(&graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5"), &source);
    assert_eq!(npm["kind"], "override");
    assert_eq!(npm["to"], "1.2.6");
    assert_eq!(
        npm["manifest"],
        json!({"file": "package.json", "entry": {"overrides": {"minimist@1.2.5": "1.2.6"}}})
    );
    assert_eq!(npm["command"], "npm install");
    let pnpm = fix_for(
        &graph(LockfileFormat::Pnpm, DepKind::Prod, "1.2.5"),
        &source,
    );
    assert_eq!(
        pnpm["manifest"]["entry"],
        json!({"pnpm": {"overrides": {"minimist@1.2.5": "1.2.6"}}})
    );
    assert_eq!(pnpm["command"], "pnpm install");
    let berry = fix_for(
        &graph(LockfileFormat::YarnBerry, DepKind::Prod, "npm:1.2.5"),
        &source,
    );
    assert_eq!(
        berry["manifest"]["entry"],
        json!({"resolutions": {"minimist@npm:1.2.5": "1.2.6"}})
    );
    let classic = fix_for(
        &graph(LockfileFormat::YarnClassic, DepKind::Prod, "1.2.5"),
        &source,
    );
    assert_eq!(
        classic["manifest"]["entry"],
        json!({"resolutions": {"mkdirp/**/minimist": "1.2.6"}})
    );
    assert_eq!(classic["command"], "yarn install");
}

#[test]
fn direct_dependency_upgrade_and_hostile_names() {
    let mut g = graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5");
    // The declared range already resolves to an unaffected version (npm picks `latest`,
    // 1.2.8): a lockfile refresh, package.json unchanged.
    g.importers[0].dependencies = vec![edge("minimist", "^1.2.0", DepKind::Prod, 1)];
    let fix = fix_for(&g, &recorded(&[minimist()]));
    assert_eq!(fix["kind"], "update");
    assert_eq!(fix["command"], "npm update minimist");
    assert_eq!(
        fix["summary"],
        "the declared range `^1.2.0` already allows minimist 1.2.8: refresh the lockfile"
    );
    // A pinned range does not: the smallest upgrade.
    g.importers[0].dependencies = vec![edge("minimist", "1.2.5", DepKind::Prod, 1)];
    let fix = fix_for(&g, &recorded(&[minimist()]));
    assert_eq!(fix["kind"], "upgrade");
    assert_eq!(fix["command"], "npm install minimist@^1.2.6");
    // A version the registry document names with shell syntax never reaches a command.
    let mut hostile = minimist();
    hostile["versions"].as_object_mut().unwrap().remove("1.2.6");
    hostile["versions"]["1.2.7-x;id"] =
        json!({"name": "minimist", "version": "1.2.7-x;id", "dist": {"tarball": "x"}});
    hostile["versions"].as_object_mut().unwrap().remove("1.2.8");
    hostile["dist-tags"]["latest"] = json!("1.2.5");
    let fix = fix_for(&g, &recorded(&[hostile]));
    assert!(
        fix.get("command").is_none() || !fix["command"].as_str().unwrap().contains(';'),
        "{fix}"
    );
}

#[test]
fn no_fixed_version_published() {
    let mkdirp = packument(
        "mkdirp",
        "0.5.5",
        &[("0.5.5", json!({"minimist": "1.2.5"}))],
    );
    let minimist = packument("minimist", "1.2.5", &[("1.2.5", json!({}))]);
    let fix = fix_for(
        &graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5"),
        &recorded(&[mkdirp, minimist]),
    );
    assert_eq!(fix["kind"], "none");
    assert!(fix.get("command").is_none());
}

#[test]
fn through_the_registry_client_on_127_0_0_1() {
    let docs: HashMap<String, Vec<u8>> = [
        (
            "/mkdirp",
            packument(
                "mkdirp",
                "0.5.6",
                &[
                    ("0.5.5", json!({"minimist": "1.2.5"})),
                    ("0.5.6", json!({"minimist": "^1.2.6"})),
                ],
            ),
        ),
        ("/minimist", minimist()),
    ]
    .into_iter()
    .map(|(path, doc)| (path.to_string(), serde_json::to_vec(&doc).unwrap()))
    .collect();
    let server = tiny_http::Server::http("127.0.0.1:0").expect("server");
    let port = server.server_addr().to_ip().expect("ip").port();
    let handle = std::thread::spawn(move || {
        // Two packuments, each fetched once; stop after a bounded number of requests.
        for _ in 0..4 {
            let Ok(Some(request)) = server.recv_timeout(std::time::Duration::from_secs(10)) else {
                return;
            };
            let response = match docs.get(request.url()) {
                Some(body) => tiny_http::Response::from_data(body.clone()).with_header(
                    "Content-Type: application/json"
                        .parse::<tiny_http::Header>()
                        .unwrap(),
                ),
                None => tiny_http::Response::from_data(b"{}".to_vec()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    let config = diligence_registry::NpmConfig::from_npmrc(
        ".npmrc",
        &format!("registry=http://127.0.0.1:{port}/"),
        &[],
    )
    .expect("config");
    let client = diligence_registry::RegistryClient::new(
        config,
        None,
        diligence_registry::ClientOptions::default(),
    )
    .expect("client");
    let fix = fix_for(&graph(LockfileFormat::Npm, DepKind::Prod, "1.2.5"), &client);
    assert_eq!(fix["kind"], "upgrade");
    assert_eq!(fix["command"], "npm install mkdirp@^0.5.6");
    drop(client);
    let _ = handle;
}
