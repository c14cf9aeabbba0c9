//! Monorepos and scope: `audit` run in a workspace member folder reads the workspace root's
//! lockfile (npm, yarn, pnpm and bun keep one per root), and `--omit dev|optional|peer`
//! leaves out what only those dependency kinds reach, as `npm audit --omit=dev` does.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::Path;

const INTEGRITY: &str = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==";

/// A workspace root with member `packages/web` (depends on `ms`), a dev dependency
/// `left-pad` of the root fetched from another host, and an optional `fsevents` also from
/// another host.
fn monorepo(root: &Path) {
    let manifest = json!({
        "name": "mono", "version": "1.0.0", "workspaces": ["packages/*"],
        "devDependencies": {"left-pad": "^1.3.0"},
        "optionalDependencies": {"fsevents": "^2.3.3"},
    });
    let lock = json!({
        "name": "mono", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": {
                "name": "mono", "version": "1.0.0", "workspaces": ["packages/*"],
                "devDependencies": {"left-pad": "^1.3.0"},
                "optionalDependencies": {"fsevents": "^2.3.3"},
            },
            "node_modules/web": {"resolved": "packages/web", "link": true},
            "packages/web": {"name": "web", "version": "1.0.0", "dependencies": {"ms": "^2.1.3"}},
            "node_modules/ms": {
                "version": "2.1.3",
                "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                "integrity": INTEGRITY,
            },
            "node_modules/left-pad": {
                "version": "1.3.0",
                "resolved": "https://evil.example/left-pad/-/left-pad-1.3.0.tgz",
                "integrity": INTEGRITY,
                "dev": true,
            },
            "node_modules/fsevents": {
                "version": "2.3.3",
                "resolved": "https://evil.example/fsevents/-/fsevents-2.3.3.tgz",
                "integrity": INTEGRITY,
                "optional": true,
            },
        },
    });
    std::fs::create_dir_all(root.join("packages/web/src")).unwrap();
    std::fs::write(root.join("package.json"), manifest.to_string()).unwrap();
    std::fs::write(
        root.join("package-lock.json"),
        serde_json::to_string_pretty(&lock).unwrap(),
    )
    .unwrap();
    std::fs::write(
        root.join("packages/web/package.json"),
        json!({"name": "web", "version": "1.0.0", "dependencies": {"ms": "^2.1.3"}}).to_string(),
    )
    .unwrap();
}

/// `audit` offline (lockfile checks only) in `dir` with `extra` flags: exit code and the JSON
/// report.
fn audit(dir: &Path, extra: &[&str]) -> (i32, Value) {
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .current_dir(dir)
        .args([
            "audit",
            "--no-advisories",
            "--no-registry",
            "--no-code",
            "--format",
            "json",
        ])
        .args(extra)
        .env("DILIGENCE_CACHE_DIR", dir.join(".cache-test"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let report: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{e}: {text}\n{}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), report)
}

fn flagged(report: &Value) -> Vec<String> {
    let mut names: Vec<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "lockfile/resolved-host")
        .map(|f| f["package"]["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn member_folder_audits_the_root_lockfile() {
    let tmp = tempfile::tempdir().unwrap();
    monorepo(tmp.path());
    for folder in ["packages/web", "packages/web/src"] {
        let (code, report) = audit(&tmp.path().join(folder), &[]);
        assert_eq!(code, 1, "{folder}: {report}");
        assert_eq!(
            report["target"]["lockfile"]["path"],
            if folder == "packages/web" {
                "../../package-lock.json"
            } else {
                "../../../package-lock.json"
            }
        );
        assert_eq!(report["summary"]["packages"], 5, "{report}");
        assert_eq!(flagged(&report), ["fsevents", "left-pad"]);
    }
}

#[test]
fn omit_leaves_out_dev_optional_and_peer_packages() {
    let tmp = tempfile::tempdir().unwrap();
    monorepo(tmp.path());
    let (code, report) = audit(tmp.path(), &["--omit", "dev"]);
    assert_eq!(code, 1);
    assert_eq!(flagged(&report), ["fsevents"]);
    assert_eq!(report["summary"]["packages"], 4);
    let (code, report) = audit(tmp.path(), &["--omit", "dev,optional"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(flagged(&report), Vec::<String>::new());
    let (_, report) = audit(tmp.path(), &["--omit", "optional", "--omit", "peer"]);
    assert_eq!(flagged(&report), ["left-pad"]);
    // Not a kind npm knows: a usage error.
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .args(["audit", "--omit", "prod"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// `audit -r DIR`: one report per folder that holds a lockfile (the monorepo root, a clean
/// project, a folder with two lockfiles that cannot be evaluated); `node_modules` is skipped;
/// findings in one project make the exit code 1 whatever the others give.
#[test]
fn recursive_audit_reports_every_project() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    monorepo(&root.join("mono"));
    let clean = root.join("tools/clean");
    std::fs::create_dir_all(&clean).unwrap();
    std::fs::write(
        clean.join("package.json"),
        json!({"name": "clean", "version": "1.0.0", "dependencies": {"ms": "^2.1.3"}}).to_string(),
    )
    .unwrap();
    let lock = json!({
        "name": "clean", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": {"name": "clean", "version": "1.0.0", "dependencies": {"ms": "^2.1.3"}},
            "node_modules/ms": {
                "version": "2.1.3",
                "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                "integrity": INTEGRITY,
            },
        },
    });
    std::fs::write(clean.join("package-lock.json"), lock.to_string()).unwrap();
    std::fs::create_dir_all(clean.join("node_modules/x")).unwrap();
    std::fs::write(clean.join("node_modules/x/yarn.lock"), "").unwrap();
    let run = |dir: &Path, extra: &[&str]| {
        let out = Command::cargo_bin("diligence")
            .unwrap()
            .current_dir(root)
            .args(["audit", "-r"])
            .arg(dir)
            .args(["--no-advisories", "--no-registry", "--no-code", "-q"])
            .args(extra)
            .env("DILIGENCE_CACHE_DIR", root.join(".cache-test"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, stdout, _) = run(Path::new("."), &[]);
    assert_eq!(code, 1, "{stdout}");
    let headers: Vec<&str> = stdout.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(headers, ["== ./mono", "== ./tools/clean"], "{stdout}");
    // The clean project alone exits 0.
    let (code, stdout, _) = run(Path::new("tools"), &[]);
    assert_eq!(code, 0, "{stdout}");
    // Two lockfiles in one folder: that project is not evaluated (exit 2), named on stderr.
    std::fs::write(clean.join("yarn.lock"), "").unwrap();
    let (code, _, stderr) = run(Path::new("tools"), &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.starts_with("error: tools/clean: "), "{stderr}");
    // Markdown heads each project with its folder; JSON is one report per run, so it is refused.
    let (code, stdout, _) = run(Path::new("mono"), &["--format", "markdown"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("### `mono`\n\n"), "{stdout}");
    let (code, _, stderr) = run(Path::new("mono"), &["--format", "json"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("audit -r writes one report per project"),
        "{stderr}"
    );
}
