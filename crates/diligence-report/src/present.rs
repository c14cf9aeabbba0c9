//! What the human, Markdown and HTML writers show beyond the finding's message, read from the
//! finding's evidence: the package groups, advisory links, the dependency path, the fix
//! guidance and the remaining evidence as `key: value` items. Plain (unescaped) text: each
//! writer escapes it for its format.

use diligence_finding::{Finding, PackageRef, Severity};
use serde_json::Value;
use std::collections::HashMap;

/// One package's findings (most severe first, as the report orders them); `None` is the
/// project itself (posture, configuration).
pub struct Group<'a> {
    pub package: Option<&'a PackageRef>,
    pub findings: Vec<&'a Finding>,
}

impl Group<'_> {
    /// `name@version`, or `project`.
    pub fn label(&self) -> String {
        package_label(self.package)
    }

    /// The most severe finding's severity.
    pub fn worst(&self) -> Severity {
        self.findings
            .iter()
            .map(|f| f.severity)
            .max()
            .unwrap_or(Severity::Info)
    }
}

/// `name@version`, or `project` for findings about no package.
pub fn package_label(package: Option<&PackageRef>) -> String {
    match package {
        Some(p) => format!("{}@{}", p.name, p.version),
        None => "project".to_string(),
    }
}

/// Findings grouped by package in first-seen order, so that with findings sorted most severe
/// first the package with the worst finding comes first. Linear in the number of findings.
pub fn group_by_package(findings: &[Finding]) -> Vec<Group<'_>> {
    let mut index: HashMap<Option<&PackageRef>, usize> = HashMap::new();
    let mut groups: Vec<Group<'_>> = Vec::new();
    for f in findings {
        let key = f.package.as_ref();
        let i = *index.entry(key).or_insert_with(|| {
            groups.push(Group {
                package: key,
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        groups[i].findings.push(f);
    }
    groups
}

/// A link to an advisory page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// `GHSA-xvch-5gv4-984h` (GitHub) or `osv.dev`.
    pub label: String,
    /// `https://github.com/advisories/GHSA-…` or `https://osv.dev/vulnerability/<id>`.
    pub url: String,
}

/// Links for the advisory ids in the evidence (`ids`): the GitHub advisory page of the first
/// GHSA id and the osv.dev page of the first id (osv.dev resolves aliases). URLs are built
/// only from ids made of ASCII letters, digits, `.`, `_` and `-`, never taken from the
/// record, so a crafted record cannot smuggle a link.
pub fn advisory_links(f: &Finding) -> Vec<Link> {
    let ids: Vec<&str> = f
        .evidence
        .get("ids")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|id| is_osv_id(id))
                .collect()
        })
        .unwrap_or_default();
    let mut links = Vec::new();
    if let Some(ghsa) = ids.iter().find(|id| is_ghsa(id)) {
        links.push(Link {
            label: ghsa.to_string(),
            url: format!("https://github.com/advisories/{ghsa}"),
        });
    }
    let first = ids
        .iter()
        .find(|id| is_ghsa(id) || id.starts_with("MAL-"))
        .or(ids.first());
    if let Some(id) = first {
        links.push(Link {
            label: "osv.dev".to_string(),
            url: format!("https://osv.dev/vulnerability/{id}"),
        });
    }
    links
}

/// An OSV id as the link recipe accepts it: `PREFIX-rest`, at most 64 characters of
/// `[A-Za-z0-9._-]`.
fn is_osv_id(id: &str) -> bool {
    id.len() <= 64
        && id.contains('-')
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// `GHSA-xxxx-xxxx-xxxx` (GitHub's alphabet: digits 2–9 and `cfghjmpqrvwx`).
fn is_ghsa(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    parts.len() == 4
        && parts[0] == "GHSA"
        && parts[1..].iter().all(|p| {
            p.len() == 4
                && p.chars().all(|c| {
                    matches!(
                        c,
                        '2'..='9'
                            | 'c'
                            | 'f'
                            | 'g'
                            | 'h'
                            | 'j'
                            | 'm'
                            | 'p'
                            | 'q'
                            | 'r'
                            | 'v'
                            | 'w'
                            | 'x'
                    )
                })
        })
}

/// The fix guidance of a finding (evidence `fix`, written by `diligence-advisory`'s fix
/// resolver): a one-line summary, the command to run, and the manifest entry to add for an
/// override.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixView {
    /// e.g. `upgrade mkdirp 0.5.5 → 0.5.6 (its minimist becomes 1.2.6)`.
    pub summary: String,
    /// e.g. `npm install mkdirp@^0.5.6`; empty when there is nothing to run.
    pub command: String,
    /// For an override: the manifest file and the JSON to merge into it, e.g. `package.json`
    /// and `{"overrides": {"minimist@1.2.5": "^1.2.6"}}`.
    pub manifest: Option<(String, String)>,
}

/// The fix guidance in the evidence, if any.
pub fn fix_of(f: &Finding) -> Option<FixView> {
    let fix = f.evidence.get("fix")?;
    let summary = fix.get("summary")?.as_str()?.to_string();
    let command = fix
        .get("command")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let manifest = fix.get("manifest").and_then(|m| {
        let file = m.get("file")?.as_str()?.to_string();
        let entry = m.get("entry")?;
        Some((file, entry.to_string()))
    });
    Some(FixView {
        summary,
        command,
        manifest,
    })
}

/// The dependency path in the evidence (`path: {importer, packages}`) as
/// `a@1.0.0 > b@2.0.0`, prefixed with the importer when it is a workspace folder.
pub fn path_of(f: &Finding) -> Option<String> {
    let path = f.evidence.get("path")?;
    let packages: Vec<&str> = path
        .get("packages")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    if packages.is_empty() {
        return None;
    }
    let chain = packages.join(" > ");
    let first = match path.get("importer").and_then(Value::as_str) {
        Some(i) if !i.is_empty() && i != "." => format!("{i}: {chain}"),
        _ => chain,
    };
    // `paths` (advisory findings) holds every distinct path, the first one included.
    let others = f
        .evidence
        .get("paths")
        .and_then(Value::as_array)
        .map_or(0, |a| a.len().saturating_sub(1));
    Some(match others {
        0 => first,
        1 => format!("{first} (and 1 other path)"),
        n => format!("{first} (and {n} other paths)"),
    })
}

/// Longest value shown per evidence item (characters); longer values are cut with `…`.
pub const EVIDENCE_VALUE_MAX: usize = 300;

/// The evidence as `(key, value)` items for a person, in the evidence's key order, without
/// the members shown on their own (`ids`, `url`, `fix`, `path`, `paths`) or already in the
/// message (`summary`). Strings are shown as they are, arrays of strings or numbers joined
/// with `, `, anything else as compact JSON; each value cut at [`EVIDENCE_VALUE_MAX`]
/// characters.
pub fn evidence_items(f: &Finding) -> Vec<(String, String)> {
    let Some(map) = f.evidence.as_object() else {
        return Vec::new();
    };
    map.iter()
        .filter(|(k, v)| {
            !v.is_null()
                && !matches!(
                    k.as_str(),
                    "ids" | "url" | "fix" | "path" | "paths" | "summary"
                )
        })
        .map(|(k, v)| (k.clone(), cut(&value_text(v), EVIDENCE_VALUE_MAX)))
        .collect()
}

fn value_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|v| v.is_string() || v.is_number()) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        // A flat object (a diff's `files`: `{"added": […], "changed": […]}`) reads as
        // `added: a, b; changed: c`, empty members left out; anything deeper stays JSON.
        Value::Object(map)
            if map.values().all(|v| match v {
                Value::Array(items) => items.iter().all(|v| v.is_string() || v.is_number()),
                Value::Object(_) => false,
                _ => true,
            }) =>
        {
            map.iter()
                .filter(|(_, v)| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()))
                .map(|(k, v)| format!("{k}: {}", value_text(v)))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => other.to_string(),
    }
}

/// `text` cut to at most `max` characters, with `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn flat_objects_read_as_key_lists() {
        let v = serde_json::json!({"added": ["a.js", "b.js"], "changed": [], "removed": ["c.js"]});
        assert_eq!(super::value_text(&v), "added: a.js, b.js; removed: c.js");
        let deep = serde_json::json!({"a": {"b": 1}});
        assert_eq!(super::value_text(&deep), r#"{"a":{"b":1}}"#);
    }

    use super::*;
    use diligence_finding::Rule;
    use serde_json::json;

    static R: Rule = Rule {
        id: "advisory/vulnerability",
        default_severity: Severity::High,
        summary: "s",
        doc: "d",
    };

    #[test]
    fn links_from_ids_only() {
        let f = Finding::new(&R, "m").evidence(json!({
            "ids": ["CVE-2021-44906", "GHSA-xvch-5gv4-984h", "x\" onclick=\"y"],
            "url": "javascript:alert(1)",
        }));
        assert_eq!(
            advisory_links(&f),
            vec![
                Link {
                    label: "GHSA-xvch-5gv4-984h".into(),
                    url: "https://github.com/advisories/GHSA-xvch-5gv4-984h".into()
                },
                Link {
                    label: "osv.dev".into(),
                    url: "https://osv.dev/vulnerability/GHSA-xvch-5gv4-984h".into()
                },
            ]
        );
        let mal = Finding::new(&R, "m").evidence(json!({"ids": ["MAL-2025-1234"]}));
        assert_eq!(
            advisory_links(&mal)[0].url,
            "https://osv.dev/vulnerability/MAL-2025-1234"
        );
    }

    #[test]
    fn groups_are_linear_and_keep_first_seen_order() {
        let findings: Vec<Finding> = (0..5)
            .map(|i| Finding::new(&R, "m").package(&format!("p{}", i % 2), "1.0.0"))
            .collect();
        let groups = group_by_package(&findings);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].label(), "p0@1.0.0");
        assert_eq!(groups[0].findings.len(), 3);
    }

    #[test]
    fn evidence_items_and_path() {
        let f = Finding::new(&R, "m").evidence(json!({
            "ids": ["GHSA-xvch-5gv4-984h"], "fixed": "1.2.6", "hosts": ["a", "b"], "lines": [12, 40],
            "path": {"importer": "packages/web", "packages": ["a@1.0.0", "b@2.0.0"]},
            "paths": [{"importer": "packages/web", "packages": ["a@1.0.0", "b@2.0.0"]}, {"importer": ".", "packages": ["b@2.0.0"]}],
        }));
        assert_eq!(
            evidence_items(&f),
            vec![
                ("fixed".to_string(), "1.2.6".to_string()),
                ("hosts".to_string(), "a, b".to_string()),
                ("lines".to_string(), "12, 40".to_string())
            ]
        );
        assert_eq!(
            path_of(&f).unwrap(),
            "packages/web: a@1.0.0 > b@2.0.0 (and 1 other path)"
        );
        assert_eq!(cut("abcdef", 3), "abc…");
    }
}
