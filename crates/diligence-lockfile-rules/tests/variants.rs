//! Tamper variants beyond the corpus's 16 cases, derived at test time from the untampered
//! `base-*` lockfiles of `../shared/corpus/tamper` (one textual edit each, written to a temp
//! folder with the base's package.json): every kind in every format where the format can
//! express it. Each must give a finding ≥ medium on the edited entry from a rule answering the
//! kind, and none ≥ medium elsewhere.

use diligence_finding::{Finding, Severity};
use diligence_lockfile_rules::{LockfilePolicy, check};

const MS_512: &str = "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==";
const IS_NUMBER_512: &str = "sha512-41Cifkg6e8TylSpdtTpeLVMqvSBEVzTttHvERD741+pnZ8ANv0004MRL43QKPDlK9cGvNp6NZWZUBlbGXYxxng==";
const COMMIT: &str = "84c7fc389f7dda522f8859e909d49c3f43e382d3";

struct Variant {
    base: &'static str,
    lockfile: &'static str,
    edit: fn(&str) -> String,
    rules: &'static [&'static str],
    entry: &'static str,
}

fn tampered(v: &Variant) -> Vec<Finding> {
    let base = diligence_testkit::corpus("tamper")
        .expect("shared corpus: the test calls corpus_or_skip! first")
        .join(v.base);
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read_to_string(base.join(v.lockfile)).expect("base lockfile");
    let edited = (v.edit)(&original);
    assert_ne!(
        edited, original,
        "{} {}: the edit changed nothing",
        v.base, v.entry
    );
    std::fs::write(dir.path().join(v.lockfile), edited).expect("write lockfile");
    std::fs::copy(base.join("package.json"), dir.path().join("package.json")).expect("copy");
    let graph = diligence_lockfile::read_lockfile(&dir.path().join(v.lockfile))
        .unwrap_or_else(|e| panic!("{e}"));
    check(&graph, &LockfilePolicy::default())
}

fn on(f: &Finding, entry: &str) -> bool {
    let (name, version) = entry.rsplit_once('@').expect("name@version");
    f.package
        .as_ref()
        .is_some_and(|p| p.name == name && (p.version == version || p.version.contains(':')))
}

fn run(variants: &[Variant]) {
    let mut failures = Vec::new();
    for v in variants {
        let findings = tampered(v);
        let serious: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.severity >= Severity::Medium)
            .collect();
        let hit = serious
            .iter()
            .any(|f| on(f, v.entry) && v.rules.contains(&f.rule.as_str()));
        let elsewhere = serious.iter().any(|f| !on(f, v.entry));
        if !hit || elsewhere {
            let got: Vec<String> = serious
                .iter()
                .map(|f| format!("{} {} {}", f.severity, f.rule, f.message))
                .collect();
            failures.push(format!("{} {} {:?}: {got:#?}", v.base, v.entry, v.rules));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn replace(s: &str, from: &str, to: &str) -> String {
    s.replacen(from, to, 1)
}

const HOST: &[&str] = &["lockfile/resolved-host"];
const NAME: &[&str] = &["lockfile/resolved-name-mismatch"];
const VERSION: &[&str] = &["lockfile/resolved-version-mismatch"];
const INTEGRITY: &[&str] = &["lockfile/integrity-missing", "lockfile/integrity-weak"];
const SCHEME: &[&str] = &["lockfile/insecure-scheme"];
const ORPHAN: &[&str] = &["lockfile/orphan-entry"];
const NON_REGISTRY: &[&str] = &["lockfile/spec-source-mismatch", "lockfile/remote-tarball"];
const OUTSIDE: &[&str] = &["lockfile/local-path-outside-project"];

#[test]
fn npm_v3_variants() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-npm-v3",
        lockfile: "package-lock.json",
        edit,
        rules,
        entry,
    };
    run(&[
        v(
            |s| {
                replace(
                    s,
                    "https://registry.npmjs.org/ms/",
                    "https://registry.npmjs.org@npm.evil.example/ms/",
                )
            },
            HOST,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "https://registry.npmjs.org/@types/ms/-/ms-2.1.0.tgz",
                    "https://registry.npmjs.org/@types/ms/%2E%2E/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz",
                )
            },
            NAME,
            "@types/ms@2.1.0",
        ),
        v(
            |s| replace(s, "ms/-/ms-2.1.3.tgz", "ms/-/ms-2.0.0.tgz"),
            VERSION,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "https://registry.npmjs.org/is-number",
                    "http://registry.npmjs.org/is-number",
                )
            },
            SCHEME,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    "    \"node_modules/debug\": {",
                    &format!(
                        "    \"node_modules/evil-pkg\": {{\n      \"version\": \"1.0.0\",\n      \"resolved\": \"https://registry.npmjs.org/evil-pkg/-/evil-pkg-1.0.0.tgz\",\n      \"integrity\": \"{MS_512}\"\n    }},\n    \"node_modules/debug\": {{"
                    ),
                )
            },
            ORPHAN,
            "evil-pkg@1.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                    &format!("git+ssh://git@github.com/attacker/ms.git#{COMMIT}"),
                )
            },
            NON_REGISTRY,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz",
                    "https://evil.example/ms.tgz",
                )
            },
            NON_REGISTRY,
            "ms@2.1.3",
        ),
    ]);
}

#[test]
fn yarn_classic_variants() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-yarn-classic",
        lockfile: "yarn.lock",
        edit,
        rules,
        entry,
    };
    run(&[
        v(
            |s| {
                replace(
                    s,
                    "https://registry.yarnpkg.com/ms/",
                    "https://registry.yarnpkg.com.evil.example/ms/",
                )
            },
            HOST,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "https://registry.yarnpkg.com/ms/-/ms-2.1.3.tgz",
                    "https://registry.yarnpkg.com/ms/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz",
                )
            },
            NAME,
            "ms@2.1.3",
        ),
        v(
            |s| replace(s, &format!("  integrity {IS_NUMBER_512}\n"), ""),
            INTEGRITY,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                format!(
                    "{s}\nevil-pkg@^1.0.0:\n  version \"1.0.0\"\n  resolved \"https://registry.yarnpkg.com/evil-pkg/-/evil-pkg-1.0.0.tgz\"\n  integrity {MS_512}\n"
                )
            },
            ORPHAN,
            "evil-pkg@1.0.0",
        ),
        v(
            |s| {
                let start = s.find("ms@^2.1.3:").expect("ms entry");
                let end = start
                    + s[start..]
                        .find(&format!("integrity {MS_512}\n"))
                        .expect("ms integrity")
                    + MS_512.len()
                    + 11;
                format!(
                    "{}ms@^2.1.3:\n  version \"2.1.3\"\n  resolved \"file:../../../tmp/x\"\n{}",
                    &s[..start],
                    &s[end..]
                )
            },
            OUTSIDE,
            "ms@2.1.3",
        ),
    ]);
}

#[test]
fn yarn_berry_variants() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-yarn-berry",
        lockfile: "yarn.lock",
        edit,
        rules,
        entry,
    };
    run(&[
        v(
            |s| {
                replace(
                    s,
                    "resolution: \"ms@npm:2.1.3\"",
                    "resolution: \"ms@npm:2.1.3::__archiveUrl=https%3A%2F%2Fregistry.npmjs.org%2Fms%2F%252e%252e%2Fevil-pkg%2F-%2Fevil-pkg-1.0.0.tgz\"",
                )
            },
            NAME,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: \"ms@npm:2.1.3\"",
                    "resolution: \"ms@npm:2.1.3::__archiveUrl=https%3A%2F%2Fregistry.npmjs.org%2Fms%2F-%2Fms-2.0.0.tgz\"",
                )
            },
            VERSION,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: \"ms@npm:2.1.3\"",
                    "resolution: \"ms@npm:2.1.3::__archiveUrl=http%3A%2F%2Fregistry.npmjs.org%2Fms%2F-%2Fms-2.1.3.tgz\"",
                )
            },
            SCHEME,
            "ms@2.1.3",
        ),
        v(
            |s| {
                let at = s
                    .find("resolution: \"is-number@npm:7.0.0\"\n")
                    .expect("is-number");
                let checksum = at + s[at..].find("  checksum: ").expect("checksum");
                let end = checksum + s[checksum..].find('\n').expect("eol") + 1;
                format!("{}{}", &s[..checksum], &s[end..])
            },
            INTEGRITY,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: \"is-number@npm:7.0.0\"",
                    &format!(
                        "resolution: \"is-number@https://github.com/attacker/is-number.git#commit={COMMIT}\""
                    ),
                )
            },
            NON_REGISTRY,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: \"picocolors@npm:1.1.1\"",
                    "resolution: \"picocolors@link:../../../tmp/x::locator=tamper-tiny%40workspace%3A.\"",
                )
            },
            OUTSIDE,
            "picocolors@1.1.1",
        ),
    ]);
}

#[test]
fn pnpm_v9_variants() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-pnpm-v9",
        lockfile: "pnpm-lock.yaml",
        edit,
        rules,
        entry,
    };
    run(&[
        v(
            |s| {
                replace(
                    s,
                    "resolution: {integrity: sha512-6Fl",
                    "resolution: {tarball: https://npm.evil.example/ms/-/ms-2.1.3.tgz, integrity: sha512-6Fl",
                )
            },
            HOST,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: {integrity: sha512-6Fl",
                    "resolution: {tarball: https://registry.npmjs.org/ms/-/ms-2.0.0.tgz, integrity: sha512-6Fl",
                )
            },
            VERSION,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "resolution: {integrity: sha512-6Fl",
                    "resolution: {tarball: http://registry.npmjs.org/ms/-/ms-2.1.3.tgz, integrity: sha512-6Fl",
                )
            },
            SCHEME,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    &format!("resolution: {{integrity: {IS_NUMBER_512}}}"),
                    "resolution: {}",
                )
            },
            INTEGRITY,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                format!(
                    "{}\n  evil-pkg@1.0.0: {{}}\n",
                    replace(
                        s,
                        "\nsnapshots:\n",
                        &format!(
                            "  evil-pkg@1.0.0:\n    resolution: {{integrity: {MS_512}}}\n\nsnapshots:\n"
                        )
                    )
                )
            },
            ORPHAN,
            "evil-pkg@1.0.0",
        ),
    ]);
}

#[test]
fn bun_variants() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-bun",
        lockfile: "bun.lock",
        edit,
        rules,
        entry,
    };
    run(&[
        v(
            |s| {
                replace(
                    s,
                    "[\"ms@2.1.3\", \"\"",
                    "[\"ms@2.1.3\", \"https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz\"",
                )
            },
            NAME,
            "ms@2.1.3",
        ),
        v(
            |s| {
                replace(
                    s,
                    "[\"ms@2.1.3\", \"\"",
                    "[\"ms@2.1.3\", \"https://registry.npmjs.org/ms/-/ms-2.0.0.tgz\"",
                )
            },
            VERSION,
            "ms@2.1.3",
        ),
        v(
            |s| replace(s, &format!("{{}}, \"{IS_NUMBER_512}\""), "{}, \"\""),
            INTEGRITY,
            "is-number@7.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    "    \"ms\": [",
                    &format!(
                        "    \"evil-pkg\": [\"evil-pkg@1.0.0\", \"\", {{}}, \"{MS_512}\"],\n\n    \"ms\": ["
                    ),
                )
            },
            ORPHAN,
            "evil-pkg@1.0.0",
        ),
        v(
            |s| {
                replace(
                    s,
                    &format!("[\"is-number@7.0.0\", \"\", {{}}, \"{IS_NUMBER_512}\"]"),
                    "[\"is-number@github:attacker/is-number#84c7fc3\", {}, \"attacker-is-number-84c7fc3\"]",
                )
            },
            NON_REGISTRY,
            "is-number@7.0.0",
        ),
    ]);
}

/// A pnpm importer dependency rewritten to `link:` a folder outside the project, with its
/// `packages`/`snapshots` entries removed as pnpm would write it. The pnpm reader makes a
/// `Source::Link` node for a `link:` reference whose folder is not an importer.
#[test]
fn pnpm_v9_link_outside_project() {
    diligence_testkit::corpus_or_skip!("tamper");
    let v = |edit, rules, entry| Variant {
        base: "base-pnpm-v9",
        lockfile: "pnpm-lock.yaml",
        edit,
        rules,
        entry,
    };
    run(&[v(
        |s| {
            let s = replace(
                s,
                "        specifier: ^1.0.0\n        version: 1.1.1",
                "        specifier: ^1.0.0\n        version: link:../../../tmp/x",
            );
            let s = replace(
                &s,
                "  picocolors@1.1.1:\n    resolution: {integrity: sha512-xceH2snhtb5M9liqDsmEw56le376mTZkEX/jEb/RxNFyegNul7eNslCXP9FDj/Lcu0X8KEyMceP2ntpaHrDEVA==}\n\n",
                "",
            );
            replace(&s, "\n  picocolors@1.1.1: {}\n", "\n")
        },
        OUTSIDE,
        "picocolors@1.1.1",
    )]);
}
