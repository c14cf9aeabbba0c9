//! `--format sarif`: the report as a SARIF 2.1.0 log (OASIS SARIF v2.1.0, schema
//! `https://json.schemastore.org/sarif-2.1.0.json`) for GitHub code scanning and other SARIF
//! consumers.
//!
//! Shape: one `run`; `tool.driver.rules` lists every rule passed in (id, `shortDescription` =
//! the rule summary, `fullDescription` and `help` = the rule doc as Markdown,
//! `defaultConfiguration.level` from the default severity); one `result` per finding with
//! `ruleId`, `ruleIndex`, `level`, `message`, one location (`artifactLocation.uri` = the
//! lockfile or the package file, `region.startLine` when the line is known) and
//! `partialFingerprints["diligence/v1"]`, a hash that ignores line numbers so code scanning
//! tracks a result across runs even when the lockfile shifts. "Not evaluated" records become
//! `invocations[0].toolExecutionNotifications` (level `error`) and set
//! `executionSuccessful: false`.
//!
//! Written with `serde_json` rather than the `serde-sarif` builder types: the subset we emit is
//! small, the builders need several dozen lines per object, and the output is validated against
//! the official schema in the tests either way.

use diligence_finding::{Finding, Report, Rule, Severity};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{self, Write};

/// The SARIF schema URI written in `$schema`.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The `partialFingerprints` key of our results (versioned so the hash recipe can change).
pub const FINGERPRINT_KEY: &str = "diligence/v1";

/// SARIF `level` for a severity: critical/high → `error`, medium → `warning`, low/info →
/// `note`.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

/// Writes the SARIF log for `report`. `rules` are all rules the tool knows (`tool.driver.rules`);
/// a finding whose rule is not among them still gets a result (without `ruleIndex`), and its
/// id is appended to the driver rules with the finding's severity so the log stays
/// self-consistent. Errors: I/O errors of `out`.
pub fn write(report: &Report, rules: &[&'static Rule], out: &mut dyn Write) -> io::Result<()> {
    let log = to_value(report, rules);
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// The SARIF log as a JSON value (what [`write`] prints).
pub fn to_value(report: &Report, rules: &[&'static Rule]) -> Value {
    let mut driver_rules: Vec<Value> = rules.iter().map(|r| rule_descriptor(r)).collect();
    let mut index: HashMap<String, usize> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.to_string(), i))
        .collect();
    let default_uri = report
        .target
        .lockfile
        .as_ref()
        .map(|l| l.path.clone())
        .unwrap_or_else(|| report.target.path.clone());
    let mut results = Vec::with_capacity(report.findings.len() + report.suppressed.len());
    let shown = report.findings.iter().map(|f| (f, None));
    // Suppressed findings (only with --show-suppressed) are results with an external
    // suppression, as SARIF 2.1.0 §3.35 has it: code scanning shows them as dismissed.
    let hidden = report.suppressed.iter().map(|s| (&s.finding, Some(s)));
    for (f, suppressed) in shown.chain(hidden) {
        let i = *index.entry(f.rule.clone()).or_insert_with(|| {
            driver_rules.push(json!({
                "id": f.rule,
                "shortDescription": {"text": f.rule},
                "defaultConfiguration": {"level": level(f.severity)},
            }));
            driver_rules.len() - 1
        });
        let mut r = result(f, i, &default_uri);
        if let Some(s) = suppressed {
            let justification = if s.reason.is_empty() {
                s.by.clone()
            } else {
                format!("{} ({})", s.reason, s.by)
            };
            r["suppressions"] = json!([{"kind": "external", "justification": justification}]);
        }
        results.push(r);
    }
    let notifications: Vec<Value> = report
        .not_evaluated
        .iter()
        .map(|ne| {
            json!({
                "level": "error",
                "message": {"text": format!("not evaluated: {}: {}", ne.what, ne.why)},
            })
        })
        .collect();
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": report.tool.name,
                "version": report.tool.version,
                "semanticVersion": report.tool.version,
                "informationUri": "https://example.invalid/diligence",
                "rules": driver_rules,
            }},
            "invocations": [{
                "executionSuccessful": report.not_evaluated.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "properties": {
                "schema": report.schema,
                "target": report.target.path,
                "suppressed": report.summary.suppressed,
            },
        }],
    })
}

fn rule_descriptor(rule: &Rule) -> Value {
    json!({
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": plain_first_paragraph(rule.doc), "markdown": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": level(rule.default_severity)},
        "properties": {
            "tags": [rule.family(), "supply-chain"],
            "severity": rule.default_severity.as_str(),
        },
    })
}

/// `lockfile/resolved-host` → `LockfileResolvedHost` (SARIF `name` is an identifier-like
/// string).
fn rule_name(id: &str) -> String {
    id.split(['/', '-', '_'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

fn plain_first_paragraph(doc: &str) -> String {
    doc.split("\n\n").next().unwrap_or(doc).trim().to_string()
}

fn result(f: &Finding, rule_index: usize, default_uri: &str) -> Value {
    let (uri, line) = match &f.location {
        Some(loc) if !loc.file.is_empty() => (loc.file.as_str(), loc.line),
        Some(loc) => (default_uri, loc.line),
        None => (default_uri, 0),
    };
    let mut physical = Map::new();
    physical.insert("artifactLocation".into(), json!({"uri": to_uri(uri)}));
    if line > 0 {
        physical.insert("region".into(), json!({"startLine": line}));
    }
    let mut properties = Map::new();
    properties.insert("severity".into(), json!(f.severity.as_str()));
    if let Some(p) = &f.package {
        properties.insert(
            "package".into(),
            json!({"name": p.name, "version": p.version}),
        );
    }
    if !f.evidence.is_null() {
        properties.insert("evidence".into(), f.evidence.clone());
    }
    json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": message_text(f)},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": properties,
    })
}

fn message_text(f: &Finding) -> String {
    match &f.package {
        Some(p) if !f.message.contains(&p.name) => {
            format!("{}@{}: {}", p.name, p.version, f.message)
        }
        _ => f.message.clone(),
    }
}

/// The stable identity of a finding: SHA-256 (hex) over the rule id, `name@version`, the
/// location's file (not its line) and the evidence with every `line`/`column` member removed.
/// Two runs over the same package with the same evidence give the same value even when the
/// lockfile gained or lost lines above the entry.
pub fn fingerprint(f: &Finding) -> String {
    let mut h = Sha256::new();
    h.update(f.rule.as_bytes());
    h.update([0]);
    if let Some(p) = &f.package {
        h.update(p.name.as_bytes());
        h.update(b"@");
        h.update(p.version.as_bytes());
    }
    h.update([0]);
    if let Some(loc) = &f.location {
        h.update(loc.file.as_bytes());
    }
    h.update([0]);
    let evidence = strip_positions(&f.evidence);
    h.update(evidence.to_string().as_bytes());
    if f.evidence.is_null() {
        // Without evidence the message is the only thing that tells two results apart.
        h.update(f.message.as_bytes());
    }
    hex::encode(h.finalize())
}

fn strip_positions(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "line" | "lines" | "column" | "startLine"))
                .map(|(k, v)| (k.clone(), strip_positions(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(strip_positions).collect()),
        other => other.clone(),
    }
}

/// A path as a URI reference: `\` becomes `/`, characters outside RFC 3986's
/// unreserved/sub-delims set (space, `%`, `#`, `?`, non-ASCII …) are percent-encoded, and an
/// absolute path (`/…`, `C:/…`) becomes a `file:///` URI (SARIF rule SARIF1004: a relative
/// reference must not start with `/`).
pub fn to_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    let mut out = String::with_capacity(path.len() + 8);
    if path.starts_with('/') {
        out.push_str("file://");
    } else if drive {
        out.push_str("file:///");
    }
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'/'
                    | b'@'
                    | b':'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
            );
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{NotEvaluated, Target, TargetLockfile};

    static HOST: Rule = Rule {
        id: "lockfile/resolved-host",
        default_severity: Severity::High,
        summary: "Resolved host not allowed.",
        doc: "Resolved host not allowed.\n\n## What it detects\nHosts.\n",
    };

    fn report(line: u32) -> Report {
        let f = Finding::new(&HOST, "resolved host evil.example is not allowed")
            .package("ms", "2.1.3")
            .at("demo/package-lock.json", line)
            .evidence(json!({"host": "evil.example", "line": line}));
        let g = Finding::new(&HOST, "no location").severity(Severity::Low);
        Report::new(
            Target {
                path: "demo".into(),
                lockfile: Some(TargetLockfile {
                    path: "demo/package-lock.json".into(),
                    format: "npm".into(),
                    version: "3".into(),
                }),
            },
            3,
            vec![f, g],
            vec![NotEvaluated {
                what: "advisories".into(),
                why: "no database".into(),
            }],
        )
    }

    #[test]
    fn one_run_with_rules_results_and_locations() {
        let v = to_value(&report(60), &[&HOST]);
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        assert_eq!(
            run["tool"]["driver"]["rules"][0]["id"],
            "lockfile/resolved-host"
        );
        assert_eq!(
            run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"],
            "error"
        );
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "lockfile/resolved-host");
        assert_eq!(r["level"], "error");
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/package-lock.json"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            60
        );
        // No location: falls back to the lockfile, without a region.
        let r2 = &run["results"][1];
        assert_eq!(r2["level"], "note");
        assert!(r2["locations"][0]["physicalLocation"]["region"].is_null());
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    }

    #[test]
    fn fingerprints_ignore_line_numbers() {
        let a = to_value(&report(60), &[&HOST]);
        let b = to_value(&report(75), &[&HOST]);
        let fa = &a["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY];
        let fb = &b["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY];
        assert_eq!(fa, fb);
        let other = &a["runs"][0]["results"][1]["partialFingerprints"][FINGERPRINT_KEY];
        assert_ne!(fa, other);
    }

    #[test]
    fn unknown_rule_is_added_to_driver() {
        let v = to_value(&report(1), &[]);
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][0]["id"],
            "lockfile/resolved-host"
        );
        assert_eq!(v["runs"][0]["results"][1]["ruleIndex"], 0);
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(to_uri("a b\\c#d.js"), "a%20b/c%23d.js");
        assert_eq!(
            to_uri("/work/x/package-lock.json"),
            "file:///work/x/package-lock.json"
        );
        assert_eq!(to_uri("C:\\p\\yarn.lock"), "file:///C:/p/yarn.lock");
        assert_eq!(rule_name("code/env-exfiltration"), "CodeEnvExfiltration");
    }
}
