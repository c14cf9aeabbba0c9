//! The `check` closure against what `npm install --package-lock-only` locks (issue 13, item 4),
//! for ws, express, jest, vitest and oxlint.
//!
//! Fixtures (`tests/fixtures/closure/<name>.json`, written by
//! `scripts/record-closure-fixtures.py`): the trimmed packuments resolution reads, and the
//! `name@version` set npm 11 locked from them when served on 127.0.0.1 (identical to what it
//! locked from the registry). The lockfile holds every platform's optional packages; an install
//! on linux-x64-glibc skips the others.
//!
//! - Always: the closure with every platform equals npm's lockfile set exactly, and the closure
//!   for linux-x64-glibc equals that set minus the optional packages of other platforms.
//! - With `npm` on the PATH: npm run here against the fixture packuments on 127.0.0.1 still
//!   locks the recorded set (so the fixtures stay true for the npm in use).
//! - With `DILIGENCE_LIVE=1`: npm and the closure against the configured registry agree.

use diligence_gate::{ClosureOptions, Platform, Spec, resolve_closure_with};
use diligence_packument::Packument;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

struct Fixture {
    spec: String,
    npm: BTreeSet<String>,
    /// `name@version` → its `os`, `cpu`, `libc` lists as npm recorded them.
    optional: HashMap<String, Value>,
    packuments: HashMap<String, Arc<Packument>>,
    raw_packuments: serde_json::Map<String, Value>,
}

fn fixture(name: &str) -> Fixture {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/closure")
        .join(format!("{name}.json"));
    let v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let raw = v["packuments"].as_object().unwrap().clone();
    let packuments = raw
        .iter()
        .map(|(n, p)| {
            (
                n.clone(),
                Arc::new(serde_json::from_value(p.clone()).unwrap()),
            )
        })
        .collect();
    Fixture {
        spec: v["spec"].as_str().unwrap().to_string(),
        npm: v["npm"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect(),
        optional: v["npm_optional"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        packuments,
        raw_packuments: raw,
    }
}

fn linux_x64_glibc() -> Platform {
    Platform {
        os: "linux".into(),
        cpu: "x64".into(),
        libc: Some("glibc".into()),
    }
}

fn closure_set(f: &Fixture, platform: Option<Platform>) -> BTreeSet<String> {
    let specs = [Spec::parse(&f.spec).unwrap()];
    let c = resolve_closure_with(
        &f.packuments,
        &specs,
        &ClosureOptions {
            platform,
            node: None,
        },
    );
    assert_eq!(c.not_evaluated, Vec::new(), "{}", f.spec);
    c.packages.iter().map(|p| p.id()).collect()
}

/// npm's set minus the optional packages the platform cannot run (npm-install-checks).
fn npm_for(f: &Fixture, p: &Platform) -> BTreeSet<String> {
    f.npm
        .iter()
        .filter(|id| {
            let Some(lists) = f.optional.get(*id) else {
                return true;
            };
            let manifest = diligence_packument::VersionManifest {
                os: lists.get("os").cloned().filter(|v| !v.is_null()),
                cpu: lists.get("cpu").cloned().filter(|v| !v.is_null()),
                libc: lists.get("libc").cloned().filter(|v| !v.is_null()),
                ..Default::default()
            };
            p.allows(&manifest)
        })
        .cloned()
        .collect()
}

/// (fixture, npm lockfile set, closure on linux-x64-glibc).
const CASES: [(&str, usize, usize); 5] = [
    ("ws", 1, 1),
    ("express", 68, 68),
    ("jest", 303, 272),
    ("vitest", 71, 44),
    ("oxlint", 20, 2),
];

#[test]
fn closures_equal_npm_lockfile_sets() {
    for (name, all, linux) in CASES {
        let f = fixture(name);
        let every = closure_set(&f, None);
        assert_eq!(
            every.symmetric_difference(&f.npm).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{name}: closure vs npm"
        );
        assert_eq!(every.len(), all, "{name}");
        let p = linux_x64_glibc();
        let here = closure_set(&f, Some(p.clone()));
        assert_eq!(here, npm_for(&f, &p), "{name} on linux-x64-glibc");
        assert_eq!(here.len(), linux, "{name} on linux-x64-glibc");
    }
}

/// A bare `vitest` with Node.js 20: `latest` (5.1.2) needs `^22.12.0 || ^24.0.0 || >=26.0.0`
/// (the fixture's `engines`, as the registry publishes them), so npm 11 on node 20.20.2 locks
/// 4.1.12 and its closure; given the Node.js version, so does the closure. Without one,
/// `latest` is taken as before.
#[test]
fn bare_names_follow_engines_node_as_npm_does() {
    let f = fixture("vitest");
    let bare = [Spec::parse("vitest").unwrap()];
    let node20 = nodejs_semver::Version::parse("20.20.2").unwrap();
    let opts = ClosureOptions {
        platform: None,
        node: Some(node20),
    };
    let c = resolve_closure_with(&f.packuments, &bare, &opts);
    assert_eq!(c.not_evaluated, Vec::new());
    let set: BTreeSet<String> = c.packages.iter().map(|p| p.id()).collect();
    assert_eq!(set, f.npm);
    assert_eq!(set.len(), 71);
    let plain = ClosureOptions {
        platform: None,
        node: None,
    };
    let c = resolve_closure_with(&f.packuments, &bare, &plain);
    let roots: Vec<String> = c
        .packages
        .iter()
        .filter(|p| p.depth == 0)
        .map(|p| p.id())
        .collect();
    assert_eq!(roots, ["vitest@5.1.2"]);
}

/// Serves the fixture packuments on 127.0.0.1 until dropped.
struct FixtureRegistry {
    url: String,
    server: Arc<tiny_http::Server>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FixtureRegistry {
    fn start(packuments: serde_json::Map<String, Value>) -> FixtureRegistry {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let url = format!("http://{}/", server.server_addr().to_ip().unwrap());
        let s = server.clone();
        let thread = std::thread::spawn(move || {
            for request in s.incoming_requests() {
                let name = percent_decode(request.url().trim_start_matches('/'));
                let (status, body) = match packuments.get(&name) {
                    Some(p) => (200, p.to_string()),
                    None => (404, r#"{"error":"Not found"}"#.to_string()),
                };
                let header =
                    tiny_http::Header::from_bytes("Content-Type", "application/json").unwrap();
                let response = tiny_http::Response::from_string(body)
                    .with_status_code(status)
                    .with_header(header);
                let _ = request.respond(response);
            }
        });
        FixtureRegistry {
            url,
            server,
            thread: Some(thread),
        }
    }
}

impl Drop for FixtureRegistry {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn percent_decode(s: &str) -> String {
    s.replace("%40", "@")
        .replace("%2F", "/")
        .replace("%2f", "/")
}

fn npm_available() -> bool {
    std::process::Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `npm install --package-lock-only <spec>` in an empty project; the locked `name@version`s.
fn npm_lock(spec: &str, registry: Option<&str>) -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("package.json"), "{}").unwrap();
    let mut cmd = std::process::Command::new("npm");
    cmd.args([
        "install",
        "--package-lock-only",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        spec,
    ])
    .current_dir(dir.path());
    if let Some(url) = registry {
        let cache: PathBuf = dir.path().join(".npm-cache");
        cmd.args(["--registry", url, "--prefer-online", "--cache"])
            .arg(cache);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "npm: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lock: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("package-lock.json")).unwrap())
            .unwrap();
    lock["packages"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(path, _)| !path.is_empty())
        .map(|(path, e)| {
            let name = e["name"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| path.rsplit("node_modules/").next().unwrap().to_string());
            format!("{name}@{}", e["version"].as_str().unwrap())
        })
        .collect()
}

#[test]
fn npm_on_the_fixture_registry_locks_the_recorded_sets() {
    if !npm_available() {
        eprintln!("skipped: npm is not on the PATH");
        return;
    }
    for (name, _, _) in CASES {
        let f = fixture(name);
        let registry = FixtureRegistry::start(f.raw_packuments.clone());
        assert_eq!(npm_lock(&f.spec, Some(&registry.url)), f.npm, "{name}");
    }
}

#[test]
fn live_closures_equal_npm() {
    if std::env::var_os("DILIGENCE_LIVE").is_none() {
        eprintln!("skipped: set DILIGENCE_LIVE=1 to compare with npm on the live registry");
        return;
    }
    let config = diligence_registry::NpmConfig::load(Path::new(".")).unwrap();
    let client = diligence_registry::RegistryClient::new(
        config,
        None,
        diligence_registry::ClientOptions::default(),
    )
    .unwrap();
    for (name, _, _) in CASES {
        let spec = fixture(name).spec;
        let npm = npm_lock(&spec, None);
        let c = resolve_closure_with(
            &client,
            &[Spec::parse(&spec).unwrap()],
            &ClosureOptions {
                platform: None,
                node: None,
            },
        );
        let ours: BTreeSet<String> = c.packages.iter().map(|p| p.id()).collect();
        assert_eq!(
            ours.symmetric_difference(&npm).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "{spec}"
        );
    }
}
