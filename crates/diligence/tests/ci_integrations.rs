//! The GitHub Action (`action.yml`) and the pre-commit hooks (`.pre-commit-hooks.yaml`),
//! checked by the tools that consume them:
//!
//! - `actionlint` lints the example workflow, which uses the action from the repository root,
//!   so the action's inputs are checked too (a workflow passing an unknown input fails);
//! - `pre-commit try-repo` runs the offline hook in a fixture git repository: it passes on a
//!   clean lockfile and fails, naming the rule, when a `resolved` URL points at another host.
//!
//! Both tools come from PyPI (`scripts/install-test-tools.sh`); a test skips with one line
//! where its tool is absent, and fails in CI (`DILIGENCE_REQUIRE_TOOLS=1`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// Runs actionlint in a fresh git repository holding the action (`action.yml` at its root,
/// as in this repository) and `workflow` as `.github/workflows/diligence.yml`, which is where
/// actionlint resolves `uses: ./` and checks the inputs against the action's metadata.
fn actionlint(actionlint: &Path, workflow: &str) -> (bool, String) {
    let repo = tempfile::tempdir().expect("tempdir");
    git(repo.path(), &["init", "--quiet"]);
    std::fs::copy(
        repo_root().join("action.yml"),
        repo.path().join("action.yml"),
    )
    .unwrap();
    let workflows = repo.path().join(".github/workflows");
    std::fs::create_dir_all(&workflows).unwrap();
    std::fs::write(workflows.join("diligence.yml"), workflow).unwrap();
    let out = Command::new(actionlint)
        .arg("-no-color")
        .current_dir(repo.path())
        .output()
        .expect("run actionlint");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn action_example_workflow_passes_actionlint() {
    let bin =
        diligence_testkit::tool_or_skip!("action_example_workflow_passes_actionlint", "actionlint");
    let example = std::fs::read_to_string(repo_root().join("examples/github/diligence.yml"))
        .expect("example workflow");
    let (ok, text) = actionlint(&bin, &example);
    assert!(ok, "actionlint: {text}");
    // The action's metadata was read: an input the action does not declare fails.
    let bad = example.replace("fail-on: high", "fail-on: high\n          no-such-input: x");
    assert_ne!(bad, example);
    let (ok, text) = actionlint(&bin, &bad);
    assert!(!ok, "accepted an unknown input: {text}");
    assert!(
        text.contains("input \"no-such-input\" is not defined in action \"diligence\""),
        "{text}"
    );
}

const PACKAGE_JSON: &str = r#"{
  "name": "fixture",
  "version": "1.0.0",
  "dependencies": {
    "ms": "^2.1.3"
  }
}
"#;

fn package_lock(resolved: &str) -> String {
    format!(
        r#"{{
  "name": "fixture",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{
      "name": "fixture",
      "version": "1.0.0",
      "dependencies": {{
        "ms": "^2.1.3"
      }}
    }},
    "node_modules/ms": {{
      "version": "2.1.3",
      "resolved": "{resolved}",
      "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
      "license": "MIT"
    }}
  }}
}}
"#
    )
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .output()
        .expect("git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `pre-commit try-repo <this repository> <hook> --all-files` in `project`, with the
/// diligence under test first on PATH. Returns (success, output).
fn try_repo(pre_commit: &Path, project: &Path, home: &Path, hook: &str) -> (bool, String) {
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_diligence"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    let out = Command::new(pre_commit)
        .args(["try-repo"])
        .arg(repo_root())
        .args([hook, "--all-files", "--color", "never"])
        .current_dir(project)
        .env("PATH", path)
        .env("PRE_COMMIT_HOME", home)
        .env("DILIGENCE_CACHE_DIR", home.join("diligence-cache"))
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .output()
        .expect("run pre-commit");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn pre_commit_hook_runs_on_lockfile_changes() {
    let pre_commit =
        diligence_testkit::tool_or_skip!("pre_commit_hook_runs_on_lockfile_changes", "pre-commit");
    let home = tempfile::tempdir().expect("tempdir");
    let project = tempfile::tempdir().expect("tempdir");
    let p = project.path();
    git(p, &["init", "--quiet"]);
    std::fs::write(p.join("package.json"), PACKAGE_JSON).unwrap();
    std::fs::write(
        p.join("package-lock.json"),
        package_lock("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"),
    )
    .unwrap();
    git(p, &["add", "."]);
    git(p, &["commit", "--quiet", "-m", "fixture"]);

    let (ok, text) = try_repo(&pre_commit, p, home.path(), "diligence-audit-offline");
    assert!(ok, "clean lockfile failed the hook:\n{text}");
    assert!(
        text.contains("diligence audit (offline lockfile checks)"),
        "{text}"
    );
    assert!(text.contains("Passed"), "{text}");

    // A lockfile edited to fetch the package from another host.
    std::fs::write(
        p.join("package-lock.json"),
        package_lock("https://evil.example/ms/-/ms-2.1.3.tgz"),
    )
    .unwrap();
    git(p, &["commit", "--quiet", "-am", "tampered"]);
    let (ok, text) = try_repo(&pre_commit, p, home.path(), "diligence-audit-offline");
    assert!(!ok, "tampered lockfile passed the hook:\n{text}");
    assert!(text.contains("Failed"), "{text}");
    assert!(text.contains("lockfile/resolved-host"), "{text}");
}
