//! `diligence audit` against small HTTP servers on 127.0.0.1, asserting on what the server
//! received: a project `.npmrc` secret is never sent (and is reported), a repeat run asks the
//! registry nothing, `--refresh` asks again, a dead registry costs one `--fetch-timeout`, and
//! progress lines appear on a stderr that is not a terminal.

use assert_cmd::Command;
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SECRET: &str = "ci-secret-do-not-leak-42";
const INTEGRITY: &str = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==";

/// `(path, Authorization)` of every request.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

/// Serves the `ms` packument (after `delay`) and records every request.
fn registry(delay: Duration) -> (String, u16, Seen) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let port = server.server_addr().to_ip().expect("ip").port();
    let url = format!("http://127.0.0.1:{port}/");
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let packument = format!(
        r#"{{"name":"ms","dist-tags":{{"latest":"2.1.3"}},"versions":{{"2.1.3":{{"name":"ms","version":"2.1.3","dist":{{"tarball":"{url}ms/-/ms-2.1.3.tgz","integrity":"{INTEGRITY}","shasum":"574c8138ce1d2b5861f0b44579dbadd60c6615b2"}}}}}}}}"#
    );
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let auth = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Authorization"))
                .map(|h| h.value.as_str().to_string());
            log.lock()
                .expect("log")
                .push((request.url().to_string(), auth));
            let packument = packument.clone();
            std::thread::spawn(move || {
                std::thread::sleep(delay);
                let response = match request.url() {
                    "/ms" => tiny_http::Response::from_string(packument),
                    _ => tiny_http::Response::from_string("{}").with_status_code(404),
                };
                let _ = request.respond(response);
            });
        }
    });
    (url, port, seen)
}

/// A server that accepts connections and never answers.
fn dead_registry() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            held.push(stream);
        }
    });
    url
}

/// A project locking `ms@2.1.3` from `url`, with `npmrc` as its `.npmrc`.
fn project(url: &str, npmrc: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("project");
    std::fs::write(
        dir.path().join("package.json"),
        r#"{"name":"app","version":"1.0.0","dependencies":{"ms":"^2.1.3"}}"#,
    )
    .expect("package.json");
    std::fs::write(
        dir.path().join("package-lock.json"),
        format!(
            r#"{{
  "name": "app",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{ "name": "app", "version": "1.0.0", "dependencies": {{ "ms": "^2.1.3" }} }},
    "node_modules/ms": {{
      "version": "2.1.3",
      "resolved": "{url}ms/-/ms-2.1.3.tgz",
      "integrity": "{INTEGRITY}"
    }}
  }}
}}
"#
        ),
    )
    .expect("lockfile");
    std::fs::write(dir.path().join(".npmrc"), npmrc).expect(".npmrc");
    dir
}

/// `diligence audit DIR --format json`, no advisories or code scan, a private cache and no
/// user config.
fn audit(dir: &Path, cache: &Path, extra: &[&str]) -> std::process::Output {
    Command::cargo_bin("diligence")
        .expect("binary")
        .arg("audit")
        .arg(dir)
        .args(["--no-advisories", "--no-code", "--format", "json"])
        .args(extra)
        .env("DILIGENCE_CACHE_DIR", cache)
        .env("npm_config_userconfig", "/dev/null")
        .env_remove("DILIGENCE_ALLOW_PROJECT_CREDENTIALS")
        .env("CI_SECRET", SECRET)
        .env("NO_COLOR", "1")
        .output()
        .expect("run")
}

fn rules(out: &std::process::Output) -> Vec<String> {
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["severity"].as_str().unwrap_or(""),
                f["rule"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn a_project_npmrc_secret_is_never_sent_and_is_reported() {
    let (url, port, seen) = registry(Duration::ZERO);
    let dir = project(
        &url,
        &format!("registry={url}\n//127.0.0.1:{port}/:_authToken=${{CI_SECRET}}\n"),
    );
    let cache = tempfile::tempdir().expect("cache");
    let out = audit(dir.path(), cache.path(), &[]);
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains(SECRET), "{all}");
    assert!(
        rules(&out).contains(&"medium registry/project-credentials".to_string()),
        "{all}"
    );
    let seen = seen.lock().expect("seen");
    assert_eq!(seen.as_slice(), [("/ms".to_string(), None)]);

    // Allowlisted on the command line: the token goes to its host, and no finding.
    drop(seen);
    let (url2, port2, seen2) = registry(Duration::ZERO);
    let dir = project(
        &url2,
        &format!("registry={url2}\n//127.0.0.1:{port2}/:_authToken=${{CI_SECRET}}\n"),
    );
    let host = format!("127.0.0.1:{port2}");
    let out = audit(
        dir.path(),
        cache.path(),
        &["--allow-project-credentials", &host],
    );
    assert!(
        !rules(&out)
            .iter()
            .any(|r| r.contains("project-credentials"))
    );
    assert_eq!(
        seen2.lock().expect("seen").as_slice(),
        [("/ms".to_string(), Some(format!("Bearer {SECRET}")))]
    );
}

#[test]
fn a_repeat_audit_asks_the_registry_nothing_until_refresh() {
    let (url, _, seen) = registry(Duration::ZERO);
    let dir = project(&url, &format!("registry={url}\n"));
    let cache = tempfile::tempdir().expect("cache");
    let first = audit(dir.path(), cache.path(), &[]);
    assert_eq!(seen.lock().expect("seen").len(), 1);
    let second = audit(dir.path(), cache.path(), &[]);
    assert_eq!(seen.lock().expect("seen").len(), 1);
    assert_eq!(rules(&first), rules(&second));
    assert_eq!(first.status.code(), second.status.code());
    audit(dir.path(), cache.path(), &["--refresh"]);
    assert_eq!(seen.lock().expect("seen").len(), 2);
    audit(dir.path(), cache.path(), &["--max-age", "0s"]);
    assert_eq!(seen.lock().expect("seen").len(), 3);
}

#[test]
fn a_dead_registry_costs_one_fetch_timeout_and_is_not_evaluated() {
    let url = dead_registry();
    let dir = project(&url, &format!("registry={url}\n"));
    let cache = tempfile::tempdir().expect("cache");
    let started = Instant::now();
    let out = Command::cargo_bin("diligence")
        .expect("binary")
        .arg("audit")
        .arg(dir.path())
        .args([
            "--no-advisories",
            "--format",
            "json",
            "--fetch-timeout",
            "2s",
        ])
        .env("DILIGENCE_CACHE_DIR", cache.path())
        .env("npm_config_userconfig", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let took = started.elapsed();
    // The cross-check and the code layer both need the packument: one wait, not two.
    assert!(took < Duration::from_secs(6), "{took:?}");
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    let why: Vec<&str> = report["not_evaluated"]
        .as_array()
        .expect("not_evaluated")
        .iter()
        .filter_map(|n| n["why"].as_str())
        .collect();
    assert!(why.iter().any(|w| w.contains("timeout")), "{why:?}");
}

#[test]
fn progress_lines_on_a_stderr_that_is_not_a_terminal() {
    let (url, _, _) = registry(Duration::from_millis(1500));
    let dir = project(&url, &format!("registry={url}\n"));
    let cache = tempfile::tempdir().expect("cache");
    let out = Command::cargo_bin("diligence")
        .expect("binary")
        .arg("audit")
        .arg(dir.path())
        .args(["--no-advisories", "--no-code", "--format", "json"])
        .env("DILIGENCE_CACHE_DIR", cache.path())
        .env("DILIGENCE_PROGRESS_INTERVAL", "0.4")
        .env("npm_config_userconfig", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("packuments 0/1 (0/s)\n"), "{stderr}");
    // --quiet: nothing.
    let out = Command::cargo_bin("diligence")
        .expect("binary")
        .arg("audit")
        .arg(dir.path())
        .args([
            "--no-advisories",
            "--no-code",
            "--format",
            "json",
            "--quiet",
            "--refresh",
        ])
        .env("DILIGENCE_CACHE_DIR", cache.path())
        .env("DILIGENCE_PROGRESS_INTERVAL", "0.4")
        .env("npm_config_userconfig", "/dev/null")
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("packuments"));
}
