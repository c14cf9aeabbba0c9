//! Output safety end to end: a crafted lockfile whose package name, version and `resolved` URL
//! carry terminal escapes, line breaks and GitHub workflow commands, read by `ls` and `audit`
//! (human, Markdown, GitHub annotations), and an error message quoting a hostile path. No
//! stream may carry a raw escape sequence or start a workflow command.

use assert_cmd::Command;
use std::path::Path;

const NAME: &str = "evil\u{1b}[2J\u{1b}]0;t\u{7}\r\n::stop-commands::pwn";
const VERSION: &str = "1.0.0\n::error::forged##[error]x";
const URL: &str = "https://evil.example/a.tgz\u{1b}[32m CLEAN\r\n::warning::x";

fn hostile_project(dir: &Path) {
    let lock = serde_json::json!({
        "name": "app",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": true,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {NAME: VERSION}},
            format!("node_modules/{NAME}"): {
                "version": VERSION,
                "resolved": URL,
                "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
            },
        },
    });
    std::fs::write(
        dir.join("package-lock.json"),
        serde_json::to_vec_pretty(&lock).unwrap(),
    )
    .unwrap();
    let manifest =
        serde_json::json!({"name": "app", "version": "1.0.0", "dependencies": {NAME: VERSION}});
    std::fs::write(
        dir.join("package.json"),
        serde_json::to_vec_pretty(&manifest).unwrap(),
    )
    .unwrap();
}

/// No raw control character but LF (and the SGR colours anstream strips anyway: the tests
/// run without a terminal, so there are none), and no line a GitHub runner would execute.
fn assert_safe(what: &str, text: &str, allowed_command: &dyn Fn(&str) -> bool) {
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{what}: raw control character in {text:?}"
    );
    for line in text.lines() {
        let t = line.trim_start();
        assert!(
            !t.starts_with("::") || allowed_command(t),
            "{what}: workflow command line {line:?}"
        );
    }
    assert!(
        !text.contains("##["),
        "{what}: legacy workflow command in {text:?}"
    );
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .args(args)
        .env(
            "DILIGENCE_CACHE_DIR",
            std::env::temp_dir().join("diligence-hostile-cache"),
        )
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const OFFLINE: [&str; 3] = ["--no-advisories", "--no-registry", "--no-code"];

#[test]
fn ls_and_audit_neutralise_lockfile_values() {
    let dir = tempfile::tempdir().unwrap();
    hostile_project(dir.path());
    let d = dir.path().to_str().unwrap();

    let (code, out, err) = run(&["ls", d]);
    assert_safe("ls", &out, &|_| false);
    assert_safe("ls stderr", &err, &|_| false);
    if code == 0 {
        // The name is listed, visibly escaped.
        assert!(out.contains("\\u{1b}[2J"), "{out}");
    }

    let (_, out, err) = run(&[&["ls", d, "--json"][..]].concat());
    assert_safe("ls --json", &out, &|_| false);
    assert_safe("ls --json stderr", &err, &|_| false);

    for format in ["human", "markdown", "html", "json", "sarif"] {
        let (code, out, err) = run(&[&["audit", d, "--format", format][..], &OFFLINE[..]].concat());
        assert!(code == 0 || code == 1 || code == 2, "{format}: exit {code}");
        assert_safe(format, &out, &|_| false);
        assert_safe(&format!("{format} stderr"), &err, &|_| false);
    }
    let (_, out, err) = run(&[&["audit", d, "--format", "github"][..], &OFFLINE[..]].concat());
    assert_safe("github", &out, &|l| {
        l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")
    });
    assert_safe("github stderr", &err, &|_| false);
    // Each annotation's data carries no command of its own.
    for line in out.lines().filter(|l| l.starts_with("::")) {
        let rest = &line[2..];
        let data = &rest[rest.find("::").expect("command end") + 2..];
        assert!(!data.contains("::"), "{line}");
    }
}

#[test]
fn error_messages_quote_paths_safely() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("proj\n::error::forged\u{1b}[2J");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("package-lock.json"),
        "{\"lockfileVersion\": 3, \"packages\": [",
    )
    .unwrap();
    let (code, out, err) = run(&[&["audit", dir.to_str().unwrap()][..], &OFFLINE[..]].concat());
    assert_eq!(code, 2, "{out}{err}");
    assert_safe("error", &err, &|_| false);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(":\\u{3a}error:\\u{3a}forged"), "{err}");
}
