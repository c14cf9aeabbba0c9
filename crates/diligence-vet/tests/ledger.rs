//! The ledger on fixture projects: adopt → add a dependency → vet fails naming it → certify
//! → vet passes; delta chains; criteria from dev and production dependencies; a republished
//! version; violations; prune.

mod support;

use diligence_finding::Severity;
use diligence_vet::coverage::{How, Status};
use diligence_vet::review::Certification;
use diligence_vet::{Store, ops, vet};
use support::*;

fn rules_of(v: &diligence_vet::Vetting) -> Vec<(String, String, Severity)> {
    let mut r: Vec<(String, String, Severity)> = v
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

fn status_of<'a>(v: &'a diligence_vet::Vetting, id: &str) -> &'a Status {
    &v.coverage
        .packages
        .iter()
        .find(|p| format!("{}@{}", p.name, p.version) == id)
        .unwrap_or_else(|| panic!("{id} not locked"))
        .evaluation
        .status
}

#[test]
fn adopt_add_fail_certify_pass() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store_dir = dir.join("supply-chain");
    write_project(
        dir,
        &[
            direct("a", "1.0.0").with_deps(&["b"]),
            transitive("b", "2.0.0"),
            dev("t", "3.0.0"),
        ],
    );
    // Before adoption: no ledger, one clear error.
    let err = Store::load(&store_dir).unwrap_err().to_string();
    assert!(err.ends_with("no audit ledger here (run `diligence vet regenerate-exemptions` to adopt one for the current lockfile)"), "{err}");

    // Adopt: exemptions for the current tree.
    let regen = ops::regenerate_exemptions_in(&store_dir, &graph(dir), None).unwrap();
    assert_eq!((regen.added, regen.removed), (3, 0));
    let text = std::fs::read_to_string(store_dir.join("exemptions.toml")).unwrap();
    assert!(text.contains(&format!(
        "[[exemptions.t]]\nversion = \"3.0.0\"\ncriteria = \"safe-to-run\"\nintegrity = \"{}\"\n",
        sri("t@3.0.0")
    )), "{text}");
    assert!(
        text.contains("[[exemptions.a]]\nversion = \"1.0.0\"\ncriteria = \"safe-to-deploy\"\n")
    );
    let store = Store::load(&store_dir).unwrap();
    let v = vet(&graph(dir), &store, None);
    assert_eq!(rules_of(&v), vec![]);
    assert_eq!(v.coverage.counts().exempted, 3);
    assert!(v.not_evaluated.is_empty());

    // A pull request adds `c` (production) and bumps nothing else.
    write_project(
        dir,
        &[
            direct("a", "1.0.0").with_deps(&["b"]),
            transitive("b", "2.0.0"),
            dev("t", "3.0.0"),
            direct("c", "0.4.0"),
        ],
    );
    let v = vet(&graph(dir), &store, None);
    assert_eq!(
        rules_of(&v),
        vec![("vet/unaudited".into(), "c@0.4.0".into(), Severity::High)]
    );
    let f = &v.findings[0];
    assert_eq!(
        f.message,
        "c@0.4.0 is not audited for safe-to-deploy: review it in full (`diligence vet certify c 0.4.0 --criteria safe-to-deploy`), or exempt it"
    );
    let loc = f.location.as_ref().unwrap();
    assert!(loc.file.ends_with("package-lock.json"));
    assert!(loc.line > 0);

    // Certify it (what `vet certify c 0.4.0 --criteria safe-to-deploy --who …` records).
    let path = diligence_vet::review::record(
        &store,
        &Certification {
            name: "c".into(),
            from: None,
            to: "0.4.0".into(),
            criteria: vec!["safe-to-deploy".into()],
            who: "Ada <ada@example.com>".into(),
            notes: Some("read index.js".into()),
            integrity: diligence_graph::Integrity::parse_sri(&sri("c@0.4.0")).unwrap(),
            date: "2026-12-07".into(),
        },
    )
    .unwrap();
    let audits = std::fs::read_to_string(&path).unwrap();
    assert!(audits.ends_with(&format!(
        "\n[[audits.c]]\nwho = \"Ada <ada@example.com>\"\ncriteria = \"safe-to-deploy\"\nversion = \"0.4.0\"\nintegrity = \"{}\"\ndate = 2026-12-07\nnotes = \"read index.js\"\n",
        sri("c@0.4.0")
    )), "{audits}");
    let store = Store::load(&store_dir).unwrap();
    let v = vet(&graph(dir), &store, None);
    assert_eq!(rules_of(&v), vec![]);
    assert_eq!(*status_of(&v, "c@0.4.0"), Status::Audited(How::Full));
    // Recording the same audit twice is refused.
    let again = diligence_vet::review::record(
        &store,
        &Certification {
            name: "c".into(),
            from: None,
            to: "0.4.0".into(),
            criteria: vec!["safe-to-deploy".into()],
            who: "Ada".into(),
            notes: None,
            integrity: diligence_graph::Integrity::parse_sri(&sri("c@0.4.0")).unwrap(),
            date: "2026-12-08".into(),
        },
    );
    assert!(
        again
            .unwrap_err()
            .to_string()
            .contains("already records this audit of c")
    );
}

#[test]
fn delta_chains_and_criteria() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_project(dir, &[direct("lib", "1.2.0"), dev("tool", "5.1.0")]);
    let chain = format!(
        r#"
[[audits.lib]]
who = "A"
criteria = "safe-to-deploy"
version = "1.0.0"

[[audits.lib]]
who = "B"
criteria = "safe-to-deploy"
delta = "1.0.0 -> 1.1.0"

[[audits.lib]]
who = "C"
criteria = "safe-to-deploy"
delta = "1.1.0 -> 1.2.0"
integrity = "{}"

[[audits.tool]]
who = "D"
criteria = "safe-to-run"
version = "5.0.0"

[[audits.tool]]
who = "D"
criteria = "safe-to-run"
delta = "5.0.0 -> 5.1.0"
"#,
        sri("lib@1.2.0")
    );
    write(dir, "audits.toml", &chain);
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(rules_of(&v), vec![]);
    assert_eq!(*status_of(&v, "lib@1.2.0"), Status::Audited(How::Delta));
    // The dev tool needs safe-to-run only, which its chain gives.
    assert_eq!(*status_of(&v, "tool@5.1.0"), Status::Audited(How::Delta));

    // Break the chain in the middle: the nearest covered version becomes the base.
    write(
        dir,
        "audits.toml",
        &chain.replace("delta = \"1.0.0 -> 1.1.0\"", "delta = \"1.0.0 -> 1.0.1\""),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(
        rules_of(&v),
        vec![("vet/unaudited".into(), "lib@1.2.0".into(), Severity::High)]
    );
    assert!(v.findings[0].message.contains("review the delta from covered 1.0.1 (`diligence vet certify lib 1.0.1 1.2.0 --criteria safe-to-deploy`)"), "{}", v.findings[0].message);

    // A delta certified for less than production needs does not carry safe-to-deploy.
    write(
        dir,
        "audits.toml",
        &chain.replace(
            "who = \"B\"\ncriteria = \"safe-to-deploy\"",
            "who = \"B\"\ncriteria = \"safe-to-run\"",
        ),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(
        *status_of(&v, "lib@1.2.0"),
        Status::Unaudited {
            missing: diligence_vet::CriteriaTable::builtin().set_of(["safe-to-deploy"]),
            base: Some("1.0.0".into())
        }
    );

    // The same dev tool as a production dependency needs safe-to-deploy.
    write_project(dir, &[direct("lib", "1.2.0"), direct("tool", "5.1.0")]);
    write(dir, "audits.toml", &chain);
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(
        rules_of(&v),
        vec![("vet/unaudited".into(), "tool@5.1.0".into(), Severity::High)]
    );
    assert!(
        v.findings[0]
            .message
            .starts_with("tool@5.1.0 is not audited for safe-to-deploy: review it in full")
    );

    // Policy: the package needs nothing (first-party), then only safe-to-run.
    write(
        dir,
        "config.toml",
        "[policy.packages.tool]\ncriteria = []\n",
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(*status_of(&v, "tool@5.1.0"), Status::NotRequired);
    write(dir, "config.toml", "[policy]\ncriteria = \"safe-to-run\"\n");
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(rules_of(&v), vec![]);
}

#[test]
fn republished_version_is_an_integrity_mismatch() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // The lockfile locks another tarball under the audited version number.
    write_project(
        dir,
        &[direct("ms", "2.1.3").with_integrity(sri("republished"))],
    );
    write(
        dir,
        "audits.toml",
        &format!(
            "[[audits.ms]]\nwho = \"A\"\ncriteria = \"safe-to-deploy\"\nversion = \"2.1.3\"\nintegrity = \"{}\"\n",
            sri("ms@2.1.3")
        ),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(
        rules_of(&v),
        vec![(
            "vet/integrity-mismatch".into(),
            "ms@2.1.3".into(),
            Severity::High
        )]
    );
    let f = &v.findings[0];
    assert!(f.message.starts_with(&format!(
        "ms@2.1.3: the audit at {}:1 was written for another tarball ({}), the lockfile locks {}",
        dir.join("supply-chain/audits.toml").display(),
        sri("ms@2.1.3"),
        sri("republished")
    )), "{}", f.message);
    assert!(matches!(
        status_of(&v, "ms@2.1.3"),
        Status::Unaudited { .. }
    ));
    // regenerate-exemptions does not paper over it: the entry stays, nothing is exempted.
    let regen =
        ops::regenerate_exemptions_in(&dir.join("supply-chain"), &graph(dir), None).unwrap();
    assert_eq!(regen.added, 0);
    // An exemption pinned to the old tarball is a mismatch too.
    write(dir, "audits.toml", "");
    write(
        dir,
        "exemptions.toml",
        &format!(
            "[[exemptions.ms]]\nversion = \"2.1.3\"\ncriteria = \"safe-to-deploy\"\nintegrity = \"{}\"\n",
            sri("ms@2.1.3")
        ),
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    assert_eq!(
        rules_of(&v),
        vec![(
            "vet/integrity-mismatch".into(),
            "ms@2.1.3".into(),
            Severity::High
        )]
    );
}

#[test]
fn violations_win_over_audits_and_exemptions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_project(dir, &[direct("chalk", "5.6.1"), dev("debug", "4.4.2")]);
    write(
        dir,
        "audits.toml",
        "[[audits.chalk]]\ncriteria = \"safe-to-deploy\"\nversion = \"5.6.1\"\n\n[[audits.chalk]]\ncriteria = \"safe-to-run\"\nviolation = \"=5.6.1\"\nnotes = \"wallet clipper\"\n\n[[audits.debug]]\ncriteria = \"safe-to-deploy\"\nviolation = \">=4.4.2 <4.4.3\"\n",
    );
    write(
        dir,
        "exemptions.toml",
        "[[exemptions.debug]]\nversion = \"4.4.2\"\ncriteria = \"safe-to-run\"\n",
    );
    let v = vet(
        &graph(dir),
        &Store::load(&dir.join("supply-chain")).unwrap(),
        None,
    );
    // chalk fails safe-to-run, which safe-to-deploy implies; debug is dev-only and its
    // violation is for safe-to-deploy, which safe-to-run does not need.
    assert_eq!(
        rules_of(&v),
        vec![(
            "vet/violation".into(),
            "chalk@5.6.1".into(),
            Severity::Critical
        )]
    );
    assert!(
        v.findings[0].message.ends_with(
            "(=5.6.1 fails safe-to-run) recorded in the audit at "
                .to_string()
                .as_str()
        ) || v.findings[0]
            .message
            .contains("(=5.6.1 fails safe-to-run) recorded in the audit at")
    );
    assert!(v.findings[0].message.ends_with(": wallet clipper"));
}

#[test]
fn prune_drops_what_audits_cover_and_what_is_gone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let store_dir = dir.join("supply-chain");
    write_project(dir, &[direct("a", "1.0.0"), direct("b", "2.0.0")]);
    ops::regenerate_exemptions_in(&store_dir, &graph(dir), None).unwrap();
    // `a` gets audited, `b` is upgraded with a delta audit rooted in its exemption.
    write(
        dir,
        "audits.toml",
        "[[audits.a]]\ncriteria = \"safe-to-deploy\"\nversion = \"1.0.0\"\n\n[[audits.b]]\ncriteria = \"safe-to-deploy\"\ndelta = \"2.0.0 -> 2.1.0\"\n",
    );
    write_project(dir, &[direct("a", "1.0.0"), direct("b", "2.1.0")]);
    let store = Store::load(&store_dir).unwrap();
    let v = vet(&graph(dir), &store, None);
    assert_eq!(
        rules_of(&v),
        vec![(
            "vet/unused-exemption".into(),
            "a@1.0.0".into(),
            Severity::Info
        )]
    );
    assert_eq!(*status_of(&v, "b@2.1.0"), Status::Exempted);
    let gone = ops::prune_in(&store_dir, &graph(dir), None).unwrap();
    assert_eq!(gone, vec!["a@1.0.0".to_string()]);
    let v = vet(&graph(dir), &Store::load(&store_dir).unwrap(), None);
    assert_eq!(rules_of(&v), vec![]);
    // b's exemption is the root of its delta chain: kept.
    assert!(
        std::fs::read_to_string(store_dir.join("exemptions.toml"))
            .unwrap()
            .contains("[[exemptions.b]]\nversion = \"2.0.0\"")
    );
}

#[test]
fn ledger_errors_name_file_line_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write(dir, "config.toml", "[policy]\ncriteria = \"safe-to-fly\"\n");
    let err = Store::load(&dir.join("supply-chain"))
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        format!(
            "{}:2:12: unknown criterion `safe-to-fly`",
            dir.join("supply-chain/config.toml").display()
        )
    );
    write(
        dir,
        "config.toml",
        "[imports.x]\nurl = \"http://example.com/a.toml\"\n",
    );
    let err = Store::load(&dir.join("supply-chain"))
        .unwrap_err()
        .to_string();
    assert!(err.ends_with("config.toml:2:7: import url `http://example.com/a.toml` must use https:// (plain http only on 127.0.0.1, localhost or [::1])"), "{err}");
    write(dir, "config.toml", "");
    write(
        dir,
        "exemptions.toml",
        "[[exemptions.a]]\nversion = \"1.0.0\"\n",
    );
    let err = Store::load(&dir.join("supply-chain"))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with("exemptions.toml:1:1: [[exemptions.a]] needs `criteria`"),
        "{err}"
    );
    write(dir, "exemptions.toml", "");
    write(dir, "config.toml", "[criteria.x]\ndescription = \"d\"\n");
    write(dir, "audits.toml", "[criteria.x]\ndescription = \"d\"\n");
    let err = Store::load(&dir.join("supply-chain"))
        .unwrap_err()
        .to_string();
    assert!(
        err.ends_with(
            "audits.toml:1:1: criterion `x` is defined in both config.toml and audits.toml"
        ) || err.contains("criterion `x` is defined in both config.toml and audits.toml"),
        "{err}"
    );
}
