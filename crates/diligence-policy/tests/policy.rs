//! Loading diligence.toml (strict errors with file:line) and applying it to findings.

use diligence_finding::{Finding, Rule, Severity};
use diligence_policy::{Date, IgnoreTarget, Policy, PolicyError};
use std::path::Path;

static INSTALL: Rule = Rule {
    id: "code/install-script",
    default_severity: Severity::High,
    summary: "s",
    doc: "d",
};
static NEW: Rule = Rule {
    id: "metadata/new-package",
    default_severity: Severity::Medium,
    summary: "s",
    doc: "d",
};

const FULL: &str = r#"fail-on = "medium"
allowed-hosts = ["npm.corp.example"]
allowed-schemes = ["https", "git+https"]
cooldown-days = 7
new-package-days = 30.5
version-jump-major = 50
typosquat-allowlist = ["reakt"]
internal-scopes = ["@Corp"]
internal-names = ["corp-build"]

[scope-registries]
"@corp" = "https://npm.corp.example/"

[rules."metadata/new-package"]
severity = "info"

[rules."lockfile/git-source"]
disabled = true

[[ignore]]
package = "left-pad@1.3.0"
rule = "code/install-script"
reason = "reviewed in PR 12"
expires = 2026-12-31

[[ignore]]
package = "@corp/old@2.0.0"
rule = "code/install-script"
reason = "was reviewed"

[[ignore]]
package = "is-odd@3.0.1"
rule = "code/install-script"
reason = "temporary"
expires = 2026-01-31
"#;

fn parse(text: &str) -> Result<Policy, PolicyError> {
    Policy::parse(Path::new("proj/diligence.toml"), text)
}

fn err(text: &str) -> String {
    parse(text).expect_err("must be rejected").to_string()
}

fn today() -> Date {
    Date::new(2026, 6, 1).unwrap()
}

#[test]
fn full_file_loads() {
    let p = parse(FULL).unwrap();
    assert_eq!(p.fail_on, Some(Severity::Medium));
    assert_eq!(p.fail_on(None), Severity::Medium);
    assert_eq!(p.fail_on(Some(Severity::Critical)), Severity::Critical);
    assert_eq!(p.allowed_hosts, ["npm.corp.example"]);
    assert_eq!(p.allowed_schemes, ["https", "git+https"]);
    assert_eq!(p.thresholds.cooldown_days, Some(7.0));
    assert_eq!(p.thresholds.new_package_days, Some(30.5));
    assert_eq!(p.thresholds.version_jump_major, Some(50));
    assert_eq!(p.internal_scopes, ["@corp"]);
    assert_eq!(p.scope_registries["@corp"], "https://npm.corp.example/");
    assert_eq!(
        p.rules["metadata/new-package"].severity,
        Some(Severity::Info)
    );
    assert!(p.rules["lockfile/git-source"].disabled);
    assert_eq!(p.ignores.len(), 3);
    assert_eq!(p.ignores[0].line, 20);
    assert_eq!(p.ignores[0].expires, Date::new(2026, 12, 31));
    assert_eq!(
        p.ignores[1].target,
        IgnoreTarget::Package {
            name: "@corp/old".into(),
            version: "2.0.0".into()
        }
    );
}

#[test]
fn missing_file_is_the_default_policy_but_explicit_must_exist() {
    let dir = tempfile::tempdir().unwrap();
    let p = Policy::load(dir.path(), None).unwrap();
    assert!(p.path.is_none() && p.ignores.is_empty());
    let missing = dir.path().join("nope.toml");
    let e = Policy::load(dir.path(), Some(&missing)).unwrap_err();
    assert!(matches!(e, PolicyError::Io { .. }));
    assert!(e.to_string().starts_with(&missing.display().to_string()));
    std::fs::write(dir.path().join("diligence.toml"), "fail-on = \"low\"\n").unwrap();
    assert_eq!(
        Policy::load(dir.path(), None).unwrap().fail_on,
        Some(Severity::Low)
    );
}

#[test]
fn unknown_keys_name_the_key_and_line() {
    let e = err("fail-on = \"high\"\nfail_on = \"low\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:2:1: unknown field `fail_on`"),
        "{e}"
    );
    let e = err("[rules.\"code/x\"]\nseverity = \"low\"\nlevel = 3\n");
    assert!(
        e.starts_with("proj/diligence.toml:3:1: unknown field `level`"),
        "{e}"
    );
    let e = err(
        "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\nreason = \"r\"\nuntil = 2026-01-01\n",
    );
    assert!(
        e.starts_with("proj/diligence.toml:5:1: unknown field `until`"),
        "{e}"
    );
}

#[test]
fn bad_severities_dates_and_pins() {
    let e = err("\n[rules.\"code/x\"]\nseverity = \"urgent\"\n");
    assert_eq!(
        e,
        "proj/diligence.toml:3:12: unknown severity `urgent` (expected info, low, medium, high or critical)"
    );
    let e = err("fail-on = \"severe\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:1:11: unknown severity `severe`"),
        "{e}"
    );
    // 2026-02-30 is not a date: the TOML parser rejects it at its position.
    let e = err(
        "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\nreason = \"r\"\nexpires = 2026-02-30\n",
    );
    assert!(e.starts_with("proj/diligence.toml:5:"), "{e}");
    let e = err(
        "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\nreason = \"r\"\nexpires = \"2026-12-31\"\n",
    );
    assert!(e.starts_with("proj/diligence.toml:5:11:"), "{e}");
    let e = err(
        "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\nreason = \"r\"\nexpires = 2026-12-31T10:00:00Z\n",
    );
    assert!(e.contains("is not a date"), "{e}");
    let e = err("[[ignore]]\npackage = \"left-pad@^1.3.0\"\nrule = \"code/x\"\nreason = \"r\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:2:11: `left-pad@^1.3.0` is not a pinned package"),
        "{e}"
    );
    let e = err("[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"code/x\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:1:1: an [[ignore]] entry needs a `reason`"),
        "{e}"
    );
    let e = err("[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"Code X\"\nreason = \"r\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:3:8: `Code X` is not a rule id"),
        "{e}"
    );
    let e = err("[[ignore]]\nrule = \"code/x\"\nreason = \"r\"\n");
    assert!(e.contains("needs exactly one pin"), "{e}");
    let e = err("internal-scopes = [\"corp\"]\n");
    assert!(
        e.starts_with("proj/diligence.toml:1:20: `corp` is not an npm scope"),
        "{e}"
    );
    let e = err("cooldown-days = \"seven\"\n");
    assert!(e.starts_with("proj/diligence.toml:1:17:"), "{e}");
}

fn install(name: &str, version: &str, line: u32) -> Finding {
    Finding::new(&INSTALL, "runs a postinstall")
        .package(name, version)
        .at("package-lock.json", line)
}

#[test]
fn apply_drops_ignored_and_overrides_severity() {
    let p = parse(FULL).unwrap();
    let findings = vec![
        install("left-pad", "1.3.0", 10),
        install("left-pad", "1.4.0", 20),
        install("@corp/old", "2.0.0", 30),
        Finding::new(&NEW, "new").package("fresh", "0.0.1"),
        Finding::new(
            &Rule {
                id: "lockfile/git-source",
                default_severity: Severity::Medium,
                summary: "",
                doc: "",
            },
            "git",
        )
        .package("g", "1.0.0"),
    ];
    let out = p.apply(findings, today());
    let ids: Vec<(String, String, Severity)> = out
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.package
                    .as_ref()
                    .map(|p| format!("{}@{}", p.name, p.version))
                    .unwrap_or_default(),
                f.severity,
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            (
                "code/install-script".to_string(),
                "left-pad@1.4.0".to_string(),
                Severity::High
            ),
            (
                "metadata/new-package".into(),
                "fresh@0.0.1".into(),
                Severity::Info
            ),
            (
                "policy/expired-ignore".into(),
                "is-odd@3.0.1".into(),
                Severity::Medium
            ),
        ]
    );
}

#[test]
fn expired_ignore_is_a_finding_and_stops_suppressing() {
    let p = parse(FULL).unwrap();
    let out: Vec<Finding> = p
        .apply(vec![install("is-odd", "3.0.1", 44)], today())
        .into_iter()
        .filter(|f| f.rule != "policy/stale-ignore")
        .collect();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].rule, "code/install-script");
    let expired = &out[1];
    assert_eq!(expired.rule, "policy/expired-ignore");
    assert_eq!(expired.package.as_ref().unwrap().name, "is-odd");
    let loc = expired.location.as_ref().unwrap();
    assert_eq!((loc.file.as_str(), loc.line), ("proj/diligence.toml", 31));
    assert!(
        expired.message.contains("expired on 2026-01-31"),
        "{}",
        expired.message
    );
    // Negative: on the last valid day the ignore still suppresses and is not reported.
    let out = p.apply(
        vec![install("is-odd", "3.0.1", 44)],
        Date::new(2026, 1, 31).unwrap(),
    );
    assert!(
        out.iter()
            .all(|f| f.package.as_ref().unwrap().name != "is-odd")
    );
}

#[test]
fn stale_ignore_reported_only_when_nothing_matched() {
    let p = parse(FULL).unwrap();
    let out = p.apply(vec![], Date::new(2025, 1, 1).unwrap());
    let stale: Vec<(&str, u32, &str)> = out
        .iter()
        .filter(|f| f.rule == "policy/stale-ignore")
        .map(|f| {
            (
                f.package.as_ref().unwrap().name.as_str(),
                f.location.as_ref().unwrap().line,
                f.location.as_ref().unwrap().file.as_str(),
            )
        })
        .collect();
    assert_eq!(
        stale,
        [
            ("left-pad", 20, "proj/diligence.toml"),
            ("@corp/old", 26, "proj/diligence.toml"),
            ("is-odd", 31, "proj/diligence.toml")
        ]
    );
    assert!(out.iter().all(|f| f.severity == Severity::Info));
    // Negative: a matched ignore is not stale.
    let out = p.apply(
        vec![install("left-pad", "1.3.0", 1)],
        Date::new(2025, 1, 1).unwrap(),
    );
    assert!(
        !out.iter()
            .any(|f| f.package.as_ref().unwrap().name == "left-pad")
    );
}

#[test]
fn integrity_pins_resolve_through_the_graph() {
    let lockfile = diligence_testkit::corpus_or_skip!("tamper/base-npm-v3/package-lock.json");
    let graph = diligence_lockfile_graph(&lockfile);
    let pkg = graph
        .packages
        .iter()
        .find(|p| p.integrity.is_some() && !p.name.is_empty())
        .unwrap();
    let text = format!(
        "[[ignore]]\nintegrity = \"{}\"\nrule = \"code/install-script\"\nreason = \"reviewed tarball\"\n",
        pkg.integrity.as_ref().unwrap()
    );
    let mut p = parse(&text).unwrap();
    p.resolve_integrities(&graph);
    let out = p.apply(vec![install(&pkg.name, &pkg.version, 5)], today());
    assert!(out.is_empty(), "{out:?}");
    let out = p.apply(vec![install("other", "1.0.0", 5)], today());
    assert_eq!(out.len(), 2);
    assert_eq!(out[1].rule, "policy/stale-ignore");
    assert_eq!(out[1].location.as_ref().unwrap().line, 1);
}

fn diligence_lockfile_graph(path: &Path) -> diligence_graph::DependencyGraph {
    diligence_lockfile::read_lockfile(path).expect("corpus lockfile")
}

#[test]
fn rules_are_documented() {
    let rules = diligence_policy::rules();
    assert_eq!(
        rules.iter().map(|r| r.id).collect::<Vec<_>>(),
        ["policy/expired-ignore", "policy/stale-ignore"]
    );
    for r in rules {
        for section in [
            "## What it detects",
            "## Why it matters",
            "## Example",
            "## Known false positives",
        ] {
            assert!(r.doc.contains(section), "{} lacks {section}", r.id);
        }
    }
}

#[test]
fn unknown_rule_ids_are_errors_at_their_place() {
    let known = [
        "metadata/new-package",
        "lockfile/git-source",
        "code/install-script",
    ];
    let p = parse(FULL).unwrap();
    assert!(p.check_rule_ids(&known).is_ok());
    assert!(Policy::default().check_rule_ids(&[]).is_ok());

    let text = "fail-on = \"high\"\n\n[rules.\"no/such-rule\"]\nseverity = \"low\"\n";
    let e = parse(text).unwrap().check_rule_ids(&known).unwrap_err();
    assert_eq!(
        e.to_string(),
        "proj/diligence.toml:3:8: unknown rule id `no/such-rule` (`diligence rules` lists the known ids)"
    );

    let text = "[rules.\"code/install-script\"]\ndisabled = true\n\n[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"no/such\"\nreason = \"r\"\n";
    let e = parse(text).unwrap().check_rule_ids(&known).unwrap_err();
    assert!(matches!(
        e,
        PolicyError::Invalid {
            line: 6,
            column: 8,
            ..
        }
    ));
    assert!(e.to_string().contains("unknown rule id `no/such`"), "{e}");

    // The first unknown id in file order is reported.
    let text = "[[ignore]]\npackage = \"a@1.0.0\"\nrule = \"zz/first\"\nreason = \"r\"\n\n[rules.\"aa/second\"]\ndisabled = true\n";
    let e = parse(text).unwrap().check_rule_ids(&known).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("proj/diligence.toml:3:8: unknown rule id `zz/first`"),
        "{e}"
    );
}

#[test]
fn unreadable_file_error_names_the_os_error_once() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.toml");
    let e = Policy::load(dir.path(), Some(&missing)).unwrap_err();
    assert_eq!(e.to_string(), format!("{}: cannot read", missing.display()));
    let source = std::error::Error::source(&e)
        .expect("the I/O error")
        .to_string();
    assert!(source.contains("os error 2"), "{source}");
    assert!(!e.to_string().contains("os error"));
}

static MALWARE: Rule = Rule {
    id: "advisory/malware",
    default_severity: Severity::Critical,
    summary: "s",
    doc: "d",
};

fn malware(name: &str, version: &str, ids: &[&str]) -> Finding {
    Finding::new(&MALWARE, "known malicious")
        .package(name, version)
        .at("package-lock.json", 7)
        .evidence(serde_json::json!({ "ids": ids }))
}

#[test]
fn an_advisory_waiver_names_the_advisory_and_hides_nothing_else() {
    let p = parse(
        "[[ignore]]\nid = \"MAL-2025-1\"\npackage = \"debug\"\nversion = \"4.4.2\"\nreason = \"false report, see #9\"\n",
    )
    .unwrap();
    assert_eq!(p.ignores[0].id.as_deref(), Some("MAL-2025-1"));
    let first = malware("debug", "4.4.2", &["MAL-2025-1", "GHSA-aaaa-bbbb-cccc"]);
    // A second, newer record for the same version: a different advisory.
    let second = malware("debug", "4.4.2", &["MAL-2025-2"]);
    let applied = p.apply_all(vec![first.clone(), second.clone()], vec![], today());
    assert_eq!(applied.findings, vec![second]);
    assert_eq!(applied.suppressed.len(), 1);
    assert_eq!(applied.suppressed[0].finding, first);
    assert_eq!(applied.suppressed[0].by, "proj/diligence.toml:1");
    assert_eq!(applied.suppressed[0].reason, "false report, see #9");
    // Aliases match too (case-insensitive).
    let p = parse("[[ignore]]\nid = \"ghsa-aaaa-bbbb-cccc\"\nreason = \"r\"\n").unwrap();
    let applied = p.apply_all(vec![first], vec![], today());
    assert!(applied.findings.is_empty() && applied.suppressed.len() == 1);
}

#[test]
fn advisory_rules_cannot_be_waived_without_an_id() {
    let e =
        err("[[ignore]]\npackage = \"debug@4.4.2\"\nrule = \"advisory/malware\"\nreason = \"r\"\n");
    assert!(
        e.starts_with(
            "proj/diligence.toml:3:8: an ignore of advisory findings must name the advisory"
        ),
        "{e}"
    );
    let e = err("[[ignore]]\nid = \"GHSA-x\"\nrule = \"code/install-script\"\nreason = \"r\"\n");
    assert!(e.contains("`rule` must be advisory/malware"), "{e}");
    let e = err("[[ignore]]\nid = \"not an id\"\nreason = \"r\"\n");
    assert!(
        e.starts_with("proj/diligence.toml:2:6: `not an id` is not an advisory id"),
        "{e}"
    );
}

#[test]
fn a_rule_waiver_on_a_version_range() {
    let p = parse(
        "[[ignore]]\nrule = \"code/install-script\"\npackage = \"left-pad\"\nversion = \">=1.3.0 <1.4.0\"\nreason = \"native build\"\n",
    )
    .unwrap();
    let applied = p.apply_all(
        vec![
            install("left-pad", "1.3.5", 1),
            install("left-pad", "1.4.0", 2),
            install("right-pad", "1.3.5", 3),
        ],
        vec![],
        today(),
    );
    let kept: Vec<String> = applied
        .findings
        .iter()
        .map(|f| {
            format!(
                "{}@{}",
                f.package.as_ref().unwrap().name,
                f.package.as_ref().unwrap().version
            )
        })
        .collect();
    assert_eq!(kept, ["left-pad@1.4.0", "right-pad@1.3.5"]);
    assert_eq!(applied.suppressed.len(), 1);
    let e = err(
        "[[ignore]]\nrule = \"code/x\"\npackage = \"left-pad\"\nversion = \"not a range!\"\nreason = \"r\"\n",
    );
    assert!(
        e.starts_with("proj/diligence.toml:4:11: `not a range!` is not an npm version range"),
        "{e}"
    );
}

#[test]
fn a_disabled_rule_is_counted_as_suppressed_and_drops_its_gaps() {
    let p = parse("[rules.\"code/install-script\"]\ndisabled = true\n").unwrap();
    let gap = diligence_finding::NotEvaluated::new("code/install-script of a@1.0.0", "no input");
    let other = diligence_finding::NotEvaluated::new("advisories", "no database");
    let applied = p.apply_all(
        vec![install("a", "1.0.0", 1)],
        vec![gap, other.clone()],
        today(),
    );
    assert!(applied.findings.is_empty());
    assert_eq!(applied.suppressed.len(), 1);
    assert!(
        applied.suppressed[0]
            .by
            .ends_with("[rules.\"code/install-script\"] disabled")
    );
    assert_eq!(applied.not_evaluated, vec![other]);
}

#[test]
fn policy_files_are_read_size_bounded() {
    let dir = tempfile::tempdir().unwrap();
    // 2 MiB of zeros (a sparse file): refused from its size, never read.
    let big = dir.path().join("diligence.toml");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(2 * 1024 * 1024)
        .unwrap();
    let e = Policy::load(dir.path(), None).unwrap_err();
    assert_eq!(
        format!("{e}: {}", std::error::Error::source(&e).unwrap()),
        format!("{}: cannot read: larger than 1 MiB (limit)", big.display())
    );
    // A device that never ends is refused before reading.
    let e = Policy::load(dir.path(), Some(Path::new("/dev/zero"))).unwrap_err();
    assert_eq!(
        format!("{e}: {}", std::error::Error::source(&e).unwrap()),
        "/dev/zero: cannot read: not a regular file"
    );
}
