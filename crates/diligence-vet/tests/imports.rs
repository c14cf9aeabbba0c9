//! Imports: another organisation's `audits.toml` fetched from a 127.0.0.1 server through the
//! registry client, pinned by SHA-256 in `imports.lock`; counted only for the criteria
//! `criteria-map` maps; a changed (tampered) file refused until `vet regenerate-imports`.

mod support;

use diligence_finding::Severity;
use diligence_registry::{ClientOptions, NpmConfig, RegistryClient};
use diligence_vet::coverage::{How, Status};
use diligence_vet::imports::{Fetch, ImportStatus};
use diligence_vet::{Store, ops, vet};
use std::sync::{Arc, Mutex};
use support::*;

/// A 127.0.0.1 server answering `GET /acme/audits.toml` with the current body, 404 else.
struct AuditsServer {
    url: String,
    body: Arc<Mutex<Vec<u8>>>,
    server: Arc<tiny_http::Server>,
}

impl Drop for AuditsServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

impl AuditsServer {
    fn start(body: &str) -> AuditsServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().unwrap().port();
        let body = Arc::new(Mutex::new(body.as_bytes().to_vec()));
        let (s, b) = (server.clone(), body.clone());
        std::thread::spawn(move || {
            for req in s.incoming_requests() {
                let resp = if req.url() == "/acme/audits.toml" {
                    tiny_http::Response::from_data(b.lock().unwrap().clone())
                } else {
                    tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404)
                };
                let _ = req.respond(resp);
            }
        });
        AuditsServer {
            url: format!("http://127.0.0.1:{port}/acme/audits.toml"),
            body,
            server,
        }
    }

    fn set(&self, body: &str) {
        *self.body.lock().unwrap() = body.as_bytes().to_vec();
    }
}

fn client() -> RegistryClient {
    RegistryClient::new(NpmConfig::default(), None, ClientOptions::default()).expect("client")
}

const ACME: &str = r#"# acme's reviews
[criteria.acme-strict]
description = "Read every line, rebuilt every binary."
implies = "safe-to-deploy"

[[audits.ms]]
who = "Acme Security <sec@acme.example>"
criteria = "acme-strict"
version = "2.1.3"

[[audits.left-pad]]
who = "Acme Security <sec@acme.example>"
criteria = "safe-to-deploy"
version = "1.3.0"
"#;

fn config(url: &str, map: &str) -> String {
    format!("[imports.acme]\nurl = \"{url}\"\ncriteria-map = {{ {map} }}\n")
}

fn rules_of(v: &diligence_vet::Vetting) -> Vec<(String, String, Severity)> {
    let mut r: Vec<_> = v
        .findings
        .iter()
        .map(|f| {
            let p = f
                .package
                .as_ref()
                .map_or(String::new(), |p| format!("{}@{}", p.name, p.version));
            (f.rule.clone(), p, f.severity)
        })
        .collect();
    r.sort();
    r
}

fn status_of(v: &diligence_vet::Vetting, id: &str) -> Status {
    v.coverage
        .packages
        .iter()
        .find(|p| format!("{}@{}", p.name, p.version) == id)
        .unwrap()
        .evaluation
        .status
        .clone()
}

#[test]
fn pinned_import_counts_for_mapped_criteria_and_a_changed_one_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store_dir = dir.join("supply-chain");
    write_project(dir, &[direct("ms", "2.1.3"), direct("left-pad", "1.3.0")]);
    let server = AuditsServer::start(ACME);
    let client = client();
    let fetcher: &dyn Fetch = &client;
    // Only their safe-to-run counts at first (acme-strict implies their safe-to-deploy,
    // which implies safe-to-run).
    write(
        dir,
        "config.toml",
        &config(&server.url, "safe-to-run = \"safe-to-run\""),
    );

    // Listed but not pinned: counts for nothing, and says so.
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(v.imports[0].status, ImportStatus::NotPinned);
    assert_eq!(v.not_evaluated.len(), 1);
    assert!(
        v.not_evaluated[0].why.starts_with("not pinned in "),
        "{:?}",
        v.not_evaluated
    );

    // Pin it.
    let pinned = ops::regenerate_imports_in(&store_dir, Some(fetcher)).unwrap();
    assert_eq!(pinned.len(), 1);
    let sha = pinned[0].sha256.clone();
    assert_eq!(
        sha,
        hex_sha256(ACME.as_bytes()),
        "the pin is the SHA-256 of the bytes served"
    );
    assert_eq!((pinned[0].audits, pinned[0].change), (2, None));
    let lock = std::fs::read_to_string(store_dir.join("imports.lock")).unwrap();
    assert!(lock.contains(&format!("sha256 = \"{sha}\"")), "{lock}");

    // Mapped to safe-to-run only: production packages still need safe-to-deploy.
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(v.imports[0].status, ImportStatus::Pinned);
    assert_eq!(
        rules_of(&v),
        vec![
            (
                "vet/unaudited".into(),
                "left-pad@1.3.0".into(),
                Severity::High
            ),
            ("vet/unaudited".into(), "ms@2.1.3".into(), Severity::High),
        ]
    );

    // Map their safe-to-deploy to ours: both covered by the import.
    write(
        dir,
        "config.toml",
        &config(&server.url, "safe-to-deploy = \"safe-to-deploy\""),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(rules_of(&v), vec![]);
    assert!(v.not_evaluated.is_empty() && v.warnings.is_empty());
    assert_eq!(
        status_of(&v, "ms@2.1.3"),
        Status::Audited(How::Imported(vec!["acme".into()]))
    );

    // Their file changes behind the pin: the ms audit is rewritten to another version and a
    // new one added. Refused: reported high, the pinned copy stays in use.
    let tampered = ACME.replace("version = \"2.1.3\"", "version = \"2.1.4\"")
        + "\n[[audits.evil]]\ncriteria = \"safe-to-deploy\"\nversion = \"1.0.0\"\n";
    server.set(&tampered);
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(
        rules_of(&v),
        vec![("vet/import-changed".into(), String::new(), Severity::High)]
    );
    assert_eq!(
        v.findings[0].message,
        "import `acme` changed since it was pinned (2 audit(s) added, 1 removed or rewritten): refused, the pinned copy is used; review the change, then `diligence vet regenerate-imports`"
    );
    assert_eq!(v.findings[0].evidence["pinned_sha256"], sha.as_str());
    assert_eq!(
        v.findings[0].evidence["sha256"],
        hex_sha256(tampered.as_bytes()).as_str()
    );
    assert_eq!(
        status_of(&v, "ms@2.1.3"),
        Status::Audited(How::Imported(vec!["acme".into()]))
    );
    // The lock is untouched by `vet`.
    assert_eq!(
        std::fs::read_to_string(store_dir.join("imports.lock")).unwrap(),
        lock
    );

    // Only additions: medium.
    server.set(
        &(ACME.to_string()
            + "\n[[audits.other]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\n"),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(
        rules_of(&v),
        vec![("vet/import-changed".into(), String::new(), Severity::Medium)]
    );

    // Offline: not compared, a warning, the pinned copy used.
    let v = vet(&graph(dir), &Store::load(&store_dir).unwrap(), None);
    assert_eq!(rules_of(&v), vec![]);
    assert!(matches!(
        v.imports[0].status,
        ImportStatus::Unchecked { .. }
    ));
    assert_eq!(v.warnings.len(), 1);

    // Someone reviews the change and re-pins: the rewritten audit no longer covers ms.
    server.set(&tampered);
    let pinned = ops::regenerate_imports_in(&store_dir, Some(fetcher)).unwrap();
    assert_eq!(pinned[0].change, Some((2, 1)));
    let v = vet(
        &graph(dir),
        &Store::load(&store_dir).unwrap(),
        Some(fetcher),
    );
    assert_eq!(
        rules_of(&v),
        vec![("vet/unaudited".into(), "ms@2.1.3".into(), Severity::High)]
    );

    // An import that cannot be fetched when pinning: nothing is written.
    let before = std::fs::read_to_string(store_dir.join("imports.lock")).unwrap();
    write(
        dir,
        "config.toml",
        &config(
            &server.url.replace("/acme/", "/gone/"),
            "safe-to-deploy = \"safe-to-deploy\"",
        ),
    );
    let err = ops::regenerate_imports_in(&store_dir, Some(fetcher)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("import `acme` (http://127.0.0.1:"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(store_dir.join("imports.lock")).unwrap(),
        before
    );
}

fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
