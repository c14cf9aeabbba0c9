//! The repository as hostile input: its configuration names programs for git to run, paths
//! carry terminal escapes and bidirectional controls, a lockfile is a symlink, a crafted tree
//! holds a `..` component. Nothing runs, nothing is followed, everything is reported.

mod support;

use diligence_hunt::spec::PackageSpec;
use diligence_hunt::{HuntOptions, HuntQuery};
use diligence_testkit::git::FixtureRepo;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use support::*;

fn hunt_all(repo: &FixtureRepo, spec: &str) -> diligence_hunt::report::HuntReport {
    let query = HuntQuery {
        specs: vec![PackageSpec::parse(spec).unwrap()],
        indicators: Vec::new(),
    };
    let options = HuntOptions {
        all_refs: true,
        ..Default::default()
    };
    diligence_hunt::hunt(std::slice::from_ref(&repo.dir), &query, &options)
}

/// An executable script that creates `marker` when run.
fn trap(dir: &Path, marker: &Path) -> String {
    let script = dir.join("trap.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script.display().to_string()
}

#[test]
fn no_program_the_repository_configures_is_run() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let marker = outside.path().join("ran");
    let script = trap(outside.path(), &marker);
    let repo = FixtureRepo::init(&dir.path().join("r"));
    repo.write("package-lock.json", app_lock("4.4.2"));
    let c = repo.commit(ALICE, "2025-05-01T08:00:00", "lock");
    // A signed-looking commit, so that signature display would start gpg.program.
    let raw = repo.git(&["cat-file", "commit", &c]);
    let (header, message) = raw.split_once("\n\n").unwrap();
    let signed = format!(
        "{header}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\n{message}\n"
    );
    let path = outside.path().join("commit.txt");
    std::fs::write(&path, signed).unwrap();
    let signed_id = repo.git(&["hash-object", "-t", "commit", "-w", path.to_str().unwrap()]);
    repo.git(&["update-ref", "refs/heads/signed", &signed_id]);
    // Hooks, fsmonitor, gpg, pager, external diff, textconv: all pointed at the trap.
    let hooks = dir.path().join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in [
        "post-checkout",
        "pre-commit",
        "post-merge",
        "reference-transaction",
        "post-index-change",
    ] {
        std::fs::copy(&script, hooks.join(hook)).unwrap();
    }
    for (key, value) in [
        ("core.hooksPath", hooks.to_str().unwrap()),
        ("core.fsmonitor", script.as_str()),
        ("log.showSignature", "true"),
        ("gpg.program", script.as_str()),
        ("core.pager", script.as_str()),
        ("pager.log", script.as_str()),
        ("diff.external", script.as_str()),
        ("diff.lock.textconv", script.as_str()),
    ] {
        repo.git(&["config", key, value]);
    }
    std::fs::write(repo.dir.join(".gitattributes"), "*.json diff=lock\n").unwrap();
    // The trap is real: plain `git log` on the signed commit runs gpg.program.
    let _ = std::process::Command::new("git")
        .args(["-C", repo.dir.to_str().unwrap(), "log", "-1", "signed"])
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output();
    assert!(
        marker.exists(),
        "the fixture's trap should fire for plain git"
    );
    std::fs::remove_file(&marker).unwrap();

    let report = hunt_all(&repo, "debug@4.4.2");
    assert!(
        !marker.exists(),
        "hunt ran a program the repository configured"
    );
    let r = &report.repositories[0];
    assert_eq!(r.matches.len(), 1);
    assert_eq!(r.not_evaluated, vec![]);
    let still: Vec<&str> = r.matches[0]
        .still_in
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(still, vec!["HEAD", "refs/heads/main", "refs/heads/signed"]);
}

#[test]
fn escapes_in_paths_are_kept_in_data_and_made_visible_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    let odd = "we\u{1b}[2Jird\n\u{202e}dir | <b>x</b>";
    repo.write(&format!("{odd}/package-lock.json"), app_lock("4.4.2"));
    repo.commit(
        ("Eve\u{1b}[31m", "eve@example.test"),
        "2025-05-02T08:00:00",
        "odd\u{7}path",
    );
    let report = hunt_all(&repo, "debug@4.4.2");
    let r = &report.repositories[0];
    let m = &r.matches[0];
    assert_eq!(m.lockfiles, vec![format!("{odd}/package-lock.json")]);
    assert_eq!(m.first.author, "Eve\u{1b}[31m");

    let mut human = Vec::new();
    diligence_hunt::write::human::write(&report, &mut human).unwrap();
    let human = String::from_utf8(human).unwrap();
    // The writer's own styles are the only escape sequences; the repository's are text.
    assert!(
        human.contains("we\\u{1b}[2Jird\\u{a}\\u{202e}dir | <b>x</b>/package-lock.json"),
        "{human}"
    );
    assert!(human.contains("Eve\\u{1b}[31m"));
    assert!(
        !human.contains("\u{1b}[2J") && !human.contains('\u{202e}') && !human.contains('\u{7}')
    );

    let md = diligence_hunt::write::markdown::render(&report);
    assert!(
        md.contains("`we\\u{1b}[2Jird\\u{a}\\u{202e}dir \\| <b>x</b>/package-lock.json`"),
        "{md}"
    );
    assert!(!md.contains('\u{1b}') && !md.contains('\u{202e}'));

    let mut csv = Vec::new();
    diligence_hunt::write::csv::write(&report, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(
        csv.contains(",we\\u{1b}[2Jird\\u{a}\\u{202e}dir | <b>x</b>/package-lock.json,"),
        "{csv}"
    );
    // One header and one event row, CRLF-terminated: the newline in the path did not split a row.
    assert_eq!(csv.matches("\r\n").count(), 2);
    assert!(!csv.contains('\u{1b}'));

    let mut json = Vec::new();
    diligence_hunt::write::json::write(&report, &mut json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        v["repositories"][0]["matches"][0]["lockfiles"][0],
        format!("{odd}/package-lock.json")
    );
}

#[test]
fn a_symlinked_lockfile_and_a_crafted_dotdot_path_are_not_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    repo.write("real/package-lock.json", app_lock("2.6.9"));
    std::fs::create_dir_all(repo.dir.join("link")).unwrap();
    std::os::unix::fs::symlink(
        "../real/package-lock.json",
        repo.dir.join("link/package-lock.json"),
    )
    .unwrap();
    let c = repo.commit(ALICE, "2025-05-03T08:00:00", "symlink");
    // A tree no git client writes: an entry named `..` holding a lockfile.
    let blob = repo.git(&["rev-parse", &format!("{c}:real/package-lock.json")]);
    let inner = mktree(&repo, &format!("100644 blob {blob}\tpackage-lock.json\n"));
    let outer = mktree(&repo, &format!("040000 tree {inner}\t..\n"));
    let crafted = repo.git(&["commit-tree", &outer, "-m", "crafted"]);
    repo.git(&["update-ref", "refs/heads/crafted", &crafted]);

    let report = hunt_all(&repo, "debug@2.6.9");
    let r = &report.repositories[0];
    assert_eq!(r.matches[0].lockfiles, vec!["real/package-lock.json"]);
    let ne: Vec<(String, String)> = r
        .not_evaluated
        .iter()
        .map(|n| (n.what.clone(), n.why.clone()))
        .collect();
    assert_eq!(
        ne,
        vec![
            (
                format!("link/package-lock.json at {}", &c[..12]),
                "is a symbolic link in the repository; its target is hunted where it is a lockfile itself".to_string()
            ),
            (
                format!("../package-lock.json at {}", &crafted[..12]),
                "has an empty, `.` or `..` path component, which git never writes: a crafted tree".to_string()
            ),
        ]
    );
}

fn mktree(repo: &FixtureRepo, entries: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("git")
        .args(["-C", repo.dir.to_str().unwrap(), "mktree"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(entries.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}
