//! `--format sarif`: the report as a SARIF 2.1.0 log (OASIS SARIF v2.1.0, schema
//! `https://json.schemastore.org/sarif-2.1.0.json`) for GitHub code scanning and other SARIF
//! consumers.
//!
//! Shape: one `run`; `tool.driver.rules` lists the rules that have results in this log, and
//! only those (id, `shortDescription` = the rule summary, `fullDescription` = the doc's first
//! paragraph, `help` = the rule doc as text and Markdown, `defaultConfiguration.level`, and `properties`: `tags` =
//! `["security", "supply-chain", <family>]` and `security-severity`, the score GitHub code
//! scanning ranks alerts by, see [`security_severity`]); one `result` per finding with
//! `ruleId`, `ruleIndex`, `level`, `message`, one location and
//! `partialFingerprints["diligence/v1"]`, a hash that ignores line numbers so code scanning
//! tracks a result across runs even when the lockfile shifts. "Not evaluated" records become
//! `invocations[0].toolExecutionNotifications` (level `error`) and set
//! `executionSuccessful: false`.
//!
//! Locations point at files that exist, since code scanning shows a result against a file of
//! the repository: a finding whose file is not on disk (a posture finding about a `.npmrc`
//! that should be created, a file inside a package tarball) points at the project's
//! `package.json`, else the lockfile (without a line), and its message keeps the original
//! place. A report with neither keeps the finding's own location.
//!
//! Written with `serde_json` rather than the `serde-sarif` builder types: the subset we emit is
//! small, the builders need several dozen lines per object, and the output is validated against
//! the official schema in the tests either way.

use diligence_finding::{Finding, Report, Rule, Severity};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

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

/// GitHub's `security-severity` score (a string, `"0.0"`–`"10.0"`) for a severity: code
/// scanning shows > 9.0 as Critical, 7.0–8.9 High, 4.0–6.9 Medium, 0.1–3.9 Low.
pub fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
        Severity::Info => "1.0",
    }
}

/// Writes the SARIF log for `report`. `rules` are the rules the tool knows: those with results
/// are described in `tool.driver.rules`; a finding whose rule is not among them gets a
/// minimal descriptor, so the log stays self-consistent. Locations are checked on disk (see
/// the module doc). Errors: I/O errors of `out`.
pub fn write(report: &Report, rules: &[&'static Rule], out: &mut dyn Write) -> io::Result<()> {
    let log = to_value(report, rules);
    crate::escape::write_json_pretty(&log, &mut *out)?;
    out.write_all(b"\n")
}

/// The SARIF log as a JSON value (what [`write`] prints); files are checked on disk.
pub fn to_value(report: &Report, rules: &[&'static Rule]) -> Value {
    to_value_with(report, rules, &|path| Path::new(path).is_file())
}

/// [`to_value`] with `exists` telling which finding files exist (tests pass their own).
pub fn to_value_with(
    report: &Report,
    rules: &[&'static Rule],
    exists: &dyn Fn(&str) -> bool,
) -> Value {
    let known: HashMap<&str, &Rule> = rules.iter().map(|r| (r.id, *r)).collect();
    // Rules in first-result order, each with the highest severity of its results.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut used: Vec<(&str, Severity)> = Vec::new();
    let mut results = Vec::with_capacity(report.findings.len() + report.suppressed.len());
    let mut exists_cache: HashMap<String, bool> = HashMap::new();
    let mut file_exists = |file: &str| -> bool {
        if let Some(&known) = exists_cache.get(file) {
            return known;
        }
        let found = exists(file);
        exists_cache.insert(file.to_string(), found);
        found
    };
    let fallback = fallback_file(report, &mut file_exists);
    let shown = report.findings.iter().map(|f| (f, None));
    // Suppressed findings (only with --show-suppressed) are results with an external
    // suppression, as SARIF 2.1.0 §3.35 has it: code scanning shows them as dismissed.
    let hidden = report.suppressed.iter().map(|s| (&s.finding, Some(s)));
    for (f, suppressed) in shown.chain(hidden) {
        let i = *index.entry(f.rule.as_str()).or_insert_with(|| {
            used.push((f.rule.as_str(), f.severity));
            used.len() - 1
        });
        used[i].1 = used[i].1.max(f.severity);
        let mut r = result(f, i, fallback.as_deref(), &mut file_exists);
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
    let driver_rules: Vec<Value> = used
        .iter()
        .map(|(id, worst)| match known.get(id) {
            Some(rule) => rule_descriptor(rule, *worst),
            None => json!({
                "id": id,
                "shortDescription": {"text": id},
                "defaultConfiguration": {"level": level(*worst)},
                "properties": rule_properties(id.split('/').next().unwrap_or(id), *worst),
            }),
        })
        .collect();
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

/// Where results about a file that does not exist point: the project's `package.json`, else
/// the lockfile; `None` when neither exists (then results keep their own file).
fn fallback_file(report: &Report, exists: &mut dyn FnMut(&str) -> bool) -> Option<String> {
    let manifest = report
        .target
        .lockfile
        .as_ref()
        .and_then(|l| Path::new(&l.path).parent().map(|d| d.join("package.json")))
        .unwrap_or_else(|| Path::new(&report.target.path).join("package.json"));
    let manifest = manifest.display().to_string();
    let manifest = manifest.strip_prefix("./").unwrap_or(&manifest).to_string();
    if exists(&manifest) {
        return Some(manifest);
    }
    report
        .target
        .lockfile
        .as_ref()
        .map(|l| l.path.clone())
        .filter(|p| exists(p))
}

fn rule_descriptor(rule: &Rule, worst: Severity) -> Value {
    json!({
        "id": rule.id,
        "name": rule_name(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": plain_first_paragraph(rule.doc)},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": level(rule.default_severity)},
        "properties": rule_properties(rule.family(), worst),
    })
}

/// `tags` and `security-severity` of a rule descriptor. The score is that of the most severe
/// result of the rule in this log (an advisory rule's results range from low to critical;
/// code scanning ranks by the rule's score), so no result is ranked below its severity.
fn rule_properties(family: &str, worst: Severity) -> Value {
    json!({
        "tags": ["security", "supply-chain", family],
        "security-severity": security_severity(worst),
        "precision": "high",
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

fn result(
    f: &Finding,
    rule_index: usize,
    fallback: Option<&str>,
    exists: &mut dyn FnMut(&str) -> bool,
) -> Value {
    let own = f.location.as_ref().filter(|l| !l.file.is_empty());
    // The place shown to code scanning, and the original one when that had to move.
    let (uri, line, moved) = match (own, fallback) {
        (Some(loc), _) if exists(&loc.file) => (loc.file.as_str(), loc.line, None),
        (Some(loc), Some(fb)) => (fb, 0, Some(loc)),
        (Some(loc), None) => (loc.file.as_str(), loc.line, None),
        (None, Some(fb)) => (fb, 0, None),
        (None, None) => ("", 0, None),
    };
    let mut properties = Map::new();
    properties.insert("severity".into(), json!(f.severity.as_str()));
    properties.insert(
        "security-severity".into(),
        json!(security_severity(f.severity)),
    );
    if let Some(p) = &f.package {
        properties.insert(
            "package".into(),
            json!({"name": p.name, "version": p.version}),
        );
    }
    if let Some(loc) = moved {
        properties.insert(
            "originalLocation".into(),
            json!({"file": loc.file, "line": loc.line}),
        );
    }
    if !f.evidence.is_null() {
        properties.insert("evidence".into(), f.evidence.clone());
    }
    let mut text = message_text(f);
    if let Some(loc) = moved {
        let place = match loc.line {
            0 => loc.file.clone(),
            line => format!("{}:{line}", loc.file),
        };
        if !text.contains(&place) {
            text.push_str(&format!(" (at {place})"));
        }
    }
    let mut out = json!({
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": level(f.severity),
        "message": {"text": text},
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": properties,
    });
    if !uri.is_empty() {
        let mut physical = Map::new();
        physical.insert("artifactLocation".into(), json!({"uri": to_uri(uri)}));
        if line > 0 {
            physical.insert("region".into(), json!({"startLine": line}));
        }
        out["locations"] = json!([{"physicalLocation": physical}]);
    }
    out
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
    let mut path = path.replace('\\', "/");
    // `./package.json` and `package.json` are one file to code scanning.
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.to_string();
    }
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
    static UNUSED: Rule = Rule {
        id: "lockfile/unused",
        default_severity: Severity::Low,
        summary: "Never fires here.",
        doc: "Never fires here.\n",
    };
    static COOLDOWN: Rule = Rule {
        id: "posture/release-cooldown",
        default_severity: Severity::Info,
        summary: "No cooldown.",
        doc: "No cooldown.\n",
    };

    fn report(line: u32) -> Report {
        let f = Finding::new(&HOST, "resolved host evil.example is not allowed")
            .package("ms", "2.1.3")
            .at("demo/package-lock.json", line)
            .evidence(json!({"host": "evil.example", "line": line}));
        let g = Finding::new(&HOST, "no location").severity(Severity::Low);
        let posture =
            Finding::new(&COOLDOWN, "npm release cooldown: not configured").at("demo/.npmrc", 0);
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
            vec![f, g, posture],
            vec![NotEvaluated {
                what: "advisories".into(),
                why: "no database".into(),
            }],
        )
    }

    /// `demo/package-lock.json` and `demo/package.json` exist; `demo/.npmrc` does not.
    fn on_disk(path: &str) -> bool {
        matches!(path, "demo/package-lock.json" | "demo/package.json")
    }

    #[test]
    fn one_run_with_used_rules_results_and_locations() {
        let v = to_value_with(&report(60), &[&UNUSED, &HOST, &COOLDOWN], &on_disk);
        assert_eq!(v["version"], "2.1.0");
        let run = &v["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        // Only the rules with results, in first-result order.
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["lockfile/resolved-host", "posture/release-cooldown"]);
        assert_eq!(rules[0]["defaultConfiguration"]["level"], "error");
        assert_eq!(rules[0]["properties"]["security-severity"], "8.0");
        assert_eq!(
            rules[0]["properties"]["tags"],
            json!(["security", "supply-chain", "lockfile"])
        );
        assert_eq!(rules[1]["properties"]["security-severity"], "1.0");
        let r = &run["results"][0];
        assert_eq!(r["ruleId"], "lockfile/resolved-host");
        assert_eq!(r["level"], "error");
        assert_eq!(r["properties"]["security-severity"], "8.0");
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/package-lock.json"
        );
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            60
        );
        // No location: the project's package.json, without a region.
        let r2 = &run["results"][1];
        assert_eq!(r2["level"], "note");
        assert_eq!(r2["ruleIndex"], 0);
        assert_eq!(
            r2["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/package.json"
        );
        assert!(r2["locations"][0]["physicalLocation"]["region"].is_null());
        // A .npmrc that does not exist: package.json, the original place in the message.
        let r3 = &run["results"][2];
        assert_eq!(r3["ruleIndex"], 1);
        assert_eq!(
            r3["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/package.json"
        );
        assert_eq!(
            r3["message"]["text"],
            "npm release cooldown: not configured (at demo/.npmrc)"
        );
        assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    }

    #[test]
    fn lockfile_is_the_fallback_without_a_manifest() {
        let v = to_value_with(&report(60), &[&HOST], &|p| p == "demo/package-lock.json");
        assert_eq!(
            v["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/package-lock.json"
        );
        // With nothing on disk, results keep their own files.
        let v = to_value_with(&report(60), &[&HOST], &|_| false);
        assert_eq!(
            v["runs"][0]["results"][2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "demo/.npmrc"
        );
    }

    #[test]
    fn rule_score_is_its_worst_result() {
        let mut r = report(1);
        r.findings[1].severity = Severity::Critical;
        let v = to_value_with(&r, &[&HOST], &on_disk);
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"],
            "9.5"
        );
    }

    #[test]
    fn fingerprints_ignore_line_numbers() {
        let a = to_value_with(&report(60), &[&HOST], &on_disk);
        let b = to_value_with(&report(75), &[&HOST], &on_disk);
        let fa = &a["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY];
        let fb = &b["runs"][0]["results"][0]["partialFingerprints"][FINGERPRINT_KEY];
        assert_eq!(fa, fb);
        let other = &a["runs"][0]["results"][1]["partialFingerprints"][FINGERPRINT_KEY];
        assert_ne!(fa, other);
    }

    #[test]
    fn unknown_rule_gets_a_minimal_descriptor() {
        let v = to_value_with(&report(1), &[], &on_disk);
        let rule = &v["runs"][0]["tool"]["driver"]["rules"][0];
        assert_eq!(rule["id"], "lockfile/resolved-host");
        assert_eq!(rule["properties"]["tags"][0], "security");
        assert_eq!(v["runs"][0]["results"][1]["ruleIndex"], 0);
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(to_uri("a b\\c#d.js"), "a%20b/c%23d.js");
        assert_eq!(to_uri("./package.json"), "package.json");
        assert_eq!(
            to_uri("/work/x/package-lock.json"),
            "file:///work/x/package-lock.json"
        );
        assert_eq!(to_uri("C:\\p\\yarn.lock"), "file:///C:/p/yarn.lock");
        assert_eq!(rule_name("code/env-exfiltration"), "CodeEnvExfiltration");
    }
}
