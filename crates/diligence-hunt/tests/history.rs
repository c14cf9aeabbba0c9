//! Scripted histories, hunted through the library: introduction, upgrade away, reintroduction
//! on a branch, a merge, a moved lockfile, a tag, an unmerged branch, `--since`, a workspace
//! move, every lockfile format, and lockfile versions that cannot be read.

mod support;

use diligence_hunt::report::{HuntReport, Match, RepositoryReport};
use diligence_hunt::spec::PackageSpec;
use diligence_hunt::{HuntOptions, HuntQuery};
use diligence_testkit::git::FixtureRepo;
use support::*;

fn query(specs: &[&str]) -> HuntQuery {
    HuntQuery {
        specs: specs
            .iter()
            .map(|s| PackageSpec::parse(s).unwrap())
            .collect(),
        indicators: Vec::new(),
    }
}

fn hunt(repo: &FixtureRepo, specs: &[&str], options: HuntOptions<'_>) -> HuntReport {
    diligence_hunt::hunt(std::slice::from_ref(&repo.dir), &query(specs), &options)
}

fn all_refs() -> HuntOptions<'static> {
    HuntOptions {
        all_refs: true,
        ..Default::default()
    }
}

/// `(event, short id, lockfiles)` of a match.
fn events(m: &Match) -> Vec<(&str, String, Vec<String>)> {
    m.events
        .iter()
        .map(|e| (e.event, e.commit.id[..8].to_string(), e.lockfiles.clone()))
        .collect()
}

fn only_repo(report: &HuntReport) -> &RepositoryReport {
    assert_eq!(report.repositories.len(), 1);
    &report.repositories[0]
}

#[test]
fn every_ref_introduction_removal_reintroduction_merge_move_and_tag() {
    let s = story();
    let report = hunt(&s.repo, &["debug@4.4.2"], all_refs());
    let repo = only_repo(&report);
    assert_eq!(repo.not_evaluated, vec![]);
    assert_eq!(repo.stats.commits, 9);
    assert_eq!(repo.stats.lockfile_paths, 2);
    // Three distinct lockfile texts (2.6.9, 4.4.2, 4.4.3); the move keeps the blob but the
    // package.json beside it is the same blob too, so nothing new is parsed.
    assert_eq!(repo.stats.lockfile_blobs, 3);
    assert_eq!(repo.stats.lockfiles_parsed, 3);
    assert_eq!(repo.matches.len(), 1);
    let m = &repo.matches[0];
    assert_eq!(
        (m.package.name.as_str(), m.package.version.as_str()),
        ("debug", "4.4.2")
    );
    assert_eq!(m.matched_by.kind, "spec");
    assert_eq!(m.matched_by.value, "debug@4.4.2");
    // First: c2 by Bob.
    assert_eq!(m.first.id, s.c[1]);
    assert_eq!(m.first.author, "Bob Bumper");
    assert_eq!(m.first.email, "bob@example.test");
    assert_eq!(m.first.date, "2025-01-02T10:00:00Z");
    assert_eq!(m.first.subject, "bump debug");
    // Last: the hotfix commit (the latest that still locks it).
    assert_eq!(m.last.id, s.c[8]);
    assert_eq!(m.last.date, "2025-01-09T10:00:00Z");
    let pl = || vec!["package-lock.json".to_string()];
    assert_eq!(
        events(m),
        vec![
            ("introduced", s.short(2), pl()),
            ("removed", s.short(3), pl()),
            ("introduced", s.short(4), pl()),
            (
                "moved",
                s.short(7),
                vec!["app/package-lock.json".to_string()]
            ),
            (
                "removed",
                s.short(8),
                vec!["app/package-lock.json".to_string()]
            ),
        ]
    );
    assert_eq!(m.events[2].commit.author, "Mallory");
    let still: Vec<&str> = m.still_in.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        still,
        vec![
            "refs/heads/feature/reintro",
            "refs/heads/hotfix",
            "refs/tags/v1.0"
        ]
    );
    assert_eq!(
        m.lockfiles,
        vec!["app/package-lock.json", "package-lock.json"]
    );
    // c2, c4, c6, c7, c9.
    assert_eq!(m.commits, 5);
    let paths: Vec<(String, String, Vec<String>)> = m
        .dependency_paths
        .iter()
        .map(|p| (p.lockfile.clone(), p.importer.clone(), p.path.clone()))
        .collect();
    let chain = vec!["express@4.18.2".to_string(), "debug@4.4.2".to_string()];
    assert_eq!(
        paths,
        vec![
            ("app/package-lock.json".into(), ".".into(), chain.clone()),
            ("package-lock.json".into(), ".".into(), chain),
        ]
    );
    assert_eq!(
        m.resolved,
        vec!["https://registry.npmjs.org/debug/-/debug-4.4.2.tgz"]
    );
    assert_eq!(m.integrity, vec![sri("debug", "4.4.2")]);
    // name-rev places the reintroduction on its branch.
    assert_eq!(m.events[2].commit.on.as_deref(), Some("feature/reintro"));
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn head_only_walks_what_main_reached() {
    let s = story();
    let report = hunt(&s.repo, &["debug@4.4.2"], HuntOptions::default());
    let repo = only_repo(&report);
    assert_eq!(repo.refs_walked, vec!["HEAD"]);
    // c9 (hotfix) is not in main's history.
    assert_eq!(repo.stats.commits, 8);
    let m = &repo.matches[0];
    assert_eq!(
        m.last.id, s.c[6],
        "the move commit is the last on main that locks it"
    );
    // Refs whose tips are in the walk still count, the hotfix branch does not.
    let still: Vec<&str> = m.still_in.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(still, vec!["refs/heads/feature/reintro", "refs/tags/v1.0"]);
    assert_eq!(m.commits, 4);
}

#[test]
fn a_merge_introduces_nothing_and_ranges_and_names_match() {
    let s = story();
    let report = hunt(&s.repo, &["debug@>=4.4.0 <4.4.3", "express"], all_refs());
    let repo = only_repo(&report);
    let found: Vec<(String, String, usize)> = repo
        .matches
        .iter()
        .map(|m| {
            (
                m.package.to_string_pair(),
                m.matched_by.value.clone(),
                m.events.iter().filter(|e| e.event == "introduced").count(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("express@4.18.2".into(), "express".into(), 1),
            ("debug@4.4.2".into(), "debug@>=4.4.0 <4.4.3".into(), 2),
        ]
    );
    // express never left: still at every tip.
    let express = &repo.matches[0];
    assert_eq!(express.still_in.len(), 5, "{:?}", express.still_in);
    assert!(
        express.events.iter().all(|e| e.commit.id != s.c[5]),
        "the merge c6 is not an event"
    );
}

trait Pair {
    fn to_string_pair(&self) -> String;
}

impl Pair for diligence_finding::PackageRef {
    fn to_string_pair(&self) -> String {
        format!("{}@{}", self.name, self.version)
    }
}

#[test]
fn since_starts_the_walk_late_and_says_so() {
    let s = story();
    let options = HuntOptions {
        all_refs: true,
        since: Some(diligence_hunt::parse_since("2025-01-04").unwrap()),
        ..Default::default()
    };
    let report = hunt(&s.repo, &["debug@4.4.2"], options);
    let repo = only_repo(&report);
    // c4 … c9.
    assert_eq!(repo.stats.commits, 6);
    let m = &repo.matches[0];
    let intro: Vec<(String, bool)> = m
        .events
        .iter()
        .filter(|e| e.event == "introduced")
        .map(|e| (e.commit.id[..8].to_string(), e.at_window_start))
        .collect();
    // c4's parent c3 is before the window (it did not lock it, but the walk cannot know);
    // c9's parent c2 is before it too.
    assert_eq!(intro, vec![(s.short(4), true), (s.short(9), true)]);
    assert_eq!(report.query.since.as_deref(), Some("2025-01-04T00:00:00Z"));
}

#[test]
fn no_match_is_exit_0_and_unknown_versions_do_not_match() {
    let s = story();
    let report = hunt(&s.repo, &["debug@4.4.1", "left-pad"], all_refs());
    assert!(only_repo(&report).matches.is_empty());
    assert_eq!(report.exit_code(), 0);
}

#[test]
fn workspace_move_changes_the_importer_in_dependency_paths() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    let lock = |ws: &str| {
        format!(
            r#"{{
  "name": "mono",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {{
    "": {{ "name": "mono", "version": "1.0.0", "workspaces": ["{ws}/*"] }},
    "{ws}/web": {{ "name": "web", "version": "1.0.0", "dependencies": {{ "left-pad": "1.3.0" }} }},
    "node_modules/web": {{ "resolved": "{ws}/web", "link": true }},
    "node_modules/left-pad": {{
      "version": "1.3.0",
      "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
      "integrity": "{}"
    }}
  }}
}}
"#,
            sri("left-pad", "1.3.0")
        )
    };
    repo.write("package-lock.json", lock("packages")).write(
        "packages/web/package.json",
        manifest("web", &[("left-pad", "1.3.0")]),
    );
    let c1 = repo.commit(ALICE, "2025-02-01T09:00:00", "workspace");
    repo.mv("packages/web", "apps/web")
        .write("package-lock.json", lock("apps"));
    repo.commit(ALICE, "2025-02-02T09:00:00", "move web to apps/");
    let report = hunt(&repo, &["left-pad@1.3.0"], HuntOptions::default());
    let r = only_repo(&report);
    let m = &r.matches[0];
    assert_eq!(m.first.id, c1);
    // One lockfile path, no event beyond the introduction: the lockfile did not move.
    assert_eq!(events(m).len(), 1);
    let importers: Vec<&str> = m
        .dependency_paths
        .iter()
        .map(|p| p.importer.as_str())
        .collect();
    assert_eq!(importers, vec!["apps/web", "packages/web"]);
    assert_eq!(m.dependency_paths[0].path, vec!["left-pad@1.3.0"]);
}

#[test]
fn every_lockfile_format_anywhere_in_the_tree_but_node_modules() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    repo.write("web/package.json", manifest("web", &[("chalk", "^5")]))
        .write("web/yarn.lock", yarn_classic("5.6.1"))
        .write("api/pnpm-lock.yaml", pnpm9("5.6.1"))
        .write("tools/bun.lock", bun_lock("5.6.1"))
        .write("site/package.json", manifest("site", &[("chalk", "^5")]))
        .write("site/yarn.lock", berry("5.6.1"))
        .write("svc/package-lock.json", app_lock("2.6.9"))
        // An installed copy: never a project lockfile.
        .write(
            "svc/node_modules/chalk/package-lock.json",
            npm_lock("chalk", &[], &[]),
        );
    repo.commit(ALICE, "2025-09-08T13:00:00", "all formats");
    let report = hunt(&repo, &["chalk@5.6.1"], HuntOptions::default());
    let r = only_repo(&report);
    assert_eq!(r.not_evaluated, vec![]);
    assert_eq!(r.stats.lockfile_paths, 5);
    assert_eq!(r.stats.lockfiles_parsed, 5);
    let m = &r.matches[0];
    assert_eq!(
        m.lockfiles,
        vec![
            "api/pnpm-lock.yaml",
            "site/yarn.lock",
            "tools/bun.lock",
            "web/yarn.lock"
        ]
    );
    let paths: Vec<(&str, &str, Vec<String>)> = m
        .dependency_paths
        .iter()
        .map(|p| (p.lockfile.as_str(), p.importer.as_str(), p.path.clone()))
        .collect();
    let chalk = || vec!["chalk@5.6.1".to_string()];
    assert_eq!(
        paths,
        vec![
            ("api/pnpm-lock.yaml", ".", chalk()),
            ("site/yarn.lock", ".", chalk()),
            ("tools/bun.lock", ".", chalk()),
            ("web/yarn.lock", ".", chalk()),
        ]
    );
}

#[test]
fn unreadable_versions_are_not_evaluated_with_commit_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    repo.write("package-lock.json", app_lock("2.6.9"));
    repo.commit(ALICE, "2025-03-01T09:00:00", "ok");
    repo.write(
        "package-lock.json",
        "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n",
    );
    let broken = repo.commit(MALLORY, "2025-03-02T09:00:00", "truncated");
    repo.write("README.md", "x");
    repo.commit(ALICE, "2025-03-03T09:00:00", "still truncated");
    repo.write("bun.lockb", [0u8, 1, 2, 3]);
    let lockb = repo.commit(ALICE, "2025-03-04T09:00:00", "binary bun lockfile");

    let report = hunt(&repo, &["debug@4.4.2"], HuntOptions::default());
    let r = only_repo(&report);
    assert!(r.matches.is_empty());
    let ne: Vec<(String, String)> = r
        .not_evaluated
        .iter()
        .map(|n| (n.what.clone(), n.why.clone()))
        .collect();
    assert_eq!(ne.len(), 2, "{ne:#?}");
    assert_eq!(
        ne[0].0,
        format!(
            "package-lock.json at {} (and 2 more commits with this version)",
            &broken[..12]
        )
    );
    assert!(ne[0].1.starts_with("package-lock.json:4:"), "{}", ne[0].1);
    assert_eq!(ne[1].0, format!("bun.lockb at {}", &lockb[..12]));
    assert!(ne[1].1.contains("binary lockfile"), "{}", ne[1].1);
    assert_eq!(r.stats.lockfiles_not_evaluated, 2);
    // Nothing matched and something was not evaluated: exit 2.
    assert_eq!(report.exit_code(), 2);
    // A match elsewhere still exits 1.
    let report = hunt(&repo, &["debug@2.6.9"], HuntOptions::default());
    assert_eq!(report.exit_code(), 1);
}

#[test]
fn blobs_over_the_size_limit_are_not_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let repo = FixtureRepo::init(dir.path());
    repo.write("package-lock.json", app_lock("4.4.2"));
    let c = repo.commit(ALICE, "2025-03-01T09:00:00", "lock");
    let options = HuntOptions {
        max_blob_bytes: 100,
        ..Default::default()
    };
    let report = hunt(&repo, &["debug@4.4.2"], options);
    let r = only_repo(&report);
    assert!(r.matches.is_empty());
    assert_eq!(r.not_evaluated.len(), 1);
    assert_eq!(
        r.not_evaluated[0].what,
        format!("package-lock.json at {}", &c[..12])
    );
    assert!(
        r.not_evaluated[0]
            .why
            .ends_with("over the 100 byte limit for a lockfile in history"),
        "{}",
        r.not_evaluated[0].why
    );
    assert_eq!(r.stats.lockfiles_parsed, 0);
}

#[test]
fn a_folder_that_is_not_a_repository_is_not_evaluated() {
    let dir = tempfile::tempdir().unwrap();
    let report = diligence_hunt::hunt(
        &[dir.path().to_path_buf()],
        &query(&["debug@4.4.2"]),
        &HuntOptions::default(),
    );
    let r = only_repo(&report);
    assert_eq!(r.not_evaluated.len(), 1);
    assert!(r.not_evaluated[0].what.starts_with("repository "));
    assert_eq!(report.exit_code(), 2);
}
