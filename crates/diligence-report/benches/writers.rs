//! Every report writer on a report of 100,000 packages (one finding each, with evidence, a
//! location and a dependency path; 1 in 10 packages with a second finding; 1,000 not-evaluated
//! records). Issue 11's budget: each format under 10 s at 100 k packages, time linear in the
//! report size. Run: `cargo bench -p diligence-report --bench writers`; `DILIGENCE_BENCH_PACKAGES`
//! sets another package count (default 100000).

use diligence_finding::{Finding, NotEvaluated, Report, Rule, Severity, Target, TargetLockfile};
use serde_json::json;

fn main() {
    divan::main();
}

static VULN: Rule = Rule {
    id: "advisory/vulnerability",
    default_severity: Severity::High,
    summary: "A locked package version has a known vulnerability.",
    doc: "A locked package version has a known vulnerability.\n\n## What it detects\nx\n",
};
static HOST: Rule = Rule {
    id: "lockfile/resolved-host",
    default_severity: Severity::Medium,
    summary: "Resolved host not allowed.",
    doc: "Resolved host not allowed.\n\n## What it detects\nx\n",
};

/// A report of `packages` packages shaped like a large real audit.
pub fn report(packages: usize) -> Report {
    let severities = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];
    let mut findings = Vec::with_capacity(packages + packages / 10);
    for i in 0..packages {
        let name = format!("@scope-{}/package-{i}", i % 97);
        let version = format!("{}.{}.{}", i % 7, i % 13, i % 5);
        findings.push(
            Finding::new(
                &VULN,
                format!("{name}@{version} is vulnerable (GHSA-aaaa-bbbb-{i:04}): prototype pollution; fixed in 9.9.9; via app@1.0.0 > {name}@{version}"),
            )
            .severity(severities[i % 5])
            .package(&name, &version)
            .at("package-lock.json", 10 + i as u32 * 12)
            .evidence(json!({
                "ids": [format!("GHSA-aaaa-bbbb-{i:04}"), format!("CVE-2024-{i}")],
                "summary": "Prototype pollution in the argument parser",
                "url": format!("https://github.com/advisories/GHSA-aaaa-bbbb-{i:04}"),
                "fixed": "9.9.9",
                "advisory_severity": "high",
                "path": {"importer": ".", "packages": ["app@1.0.0", format!("{name}@{version}")]},
            })),
        );
        if i % 10 == 0 {
            findings.push(
                Finding::new(
                    &HOST,
                    format!("resolved host evil-{i}.example is not allowed"),
                )
                .package(&name, &version)
                .at("package-lock.json", 11 + i as u32 * 12)
                .evidence(json!({"host": format!("evil-{i}.example"), "snippet": "x".repeat(80)})),
            );
        }
    }
    let not_evaluated = (0..1_000)
        .map(|i| NotEvaluated {
            what: format!("registry cross-check of package-{i}@1.0.0"),
            why: "offline: packument not in cache".into(),
        })
        .collect();
    Report::new(
        Target {
            path: "big".into(),
            lockfile: Some(TargetLockfile {
                path: "big/package-lock.json".into(),
                format: "npm".into(),
                version: "3".into(),
            }),
        },
        packages,
        findings,
        not_evaluated,
    )
}

fn packages() -> usize {
    std::env::var("DILIGENCE_BENCH_PACKAGES")
        .ok()
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(100_000)
}

fn bench_format(bencher: divan::Bencher, write: fn(&Report, &mut Vec<u8>)) {
    let report = report(packages());
    bencher.bench_local(|| {
        let mut out = Vec::with_capacity(1 << 20);
        write(&report, &mut out);
        out.len()
    });
}

macro_rules! format_benches {
    ($($name:ident => $write:expr;)*) => {$(
        #[divan::bench(sample_count = 3, sample_size = 1)]
        fn $name(bencher: divan::Bencher) {
            bench_format(bencher, $write);
        }
    )*};
}

format_benches! {
    human => |r, out| diligence_report::human::write(r, Severity::High, out).unwrap();
    json => |r, out| diligence_report::json::write(r, out).unwrap();
    sarif => |r, out| diligence_report::sarif::write(r, &[&VULN, &HOST], out).unwrap();
    markdown => |r, out| diligence_report::markdown::write(r, Severity::High, out).unwrap();
}
