//! `code/manifest-confusion`.

use super::finding;
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The registry's version document disagrees with the tarball's package.json (manifest confusion).
    ///
    /// ## What it detects
    /// Differences in `name`, `version`, lifecycle `scripts`, `dependencies`, `optionalDependencies` or `bin` between
    /// the registry manifest (`--manifest`, or the packument's `versions[v]`) and the `package.json` inside the
    /// tarball.
    ///
    /// ## Why it matters
    /// npm installs what the tarball says but shows what the registry says (Darcy Clarke, 2023): hidden install
    /// scripts and dependencies pass metadata-only review.
    ///
    /// ## Example
    /// Registry manifest without `scripts`, tarball with `\"postinstall\": \"node x.js\"`.
    ///
    /// ## Known false positives
    /// Publish-time fields (`_id`, `dist`, `maintainers`, `gitHead`, `hasInstallScript`) are ignored; registries that
    /// rewrite manifests on publish (rare) would be reported.
    pub static MANIFEST_CONFUSION = { id: "code/manifest-confusion", severity: Severity::High };
}

const FIELDS: &[&str] = &[
    "name",
    "version",
    "scripts",
    "dependencies",
    "optionalDependencies",
    "bin",
];

/// One finding per differing field.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let Some(reg) = &p.registry_manifest else {
        return Vec::new();
    };
    let Some(f) = p.file("package.json") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let has_gyp = p.file("binding.gyp").is_some();
    for field in FIELDS {
        let a = normalise(field, reg.get(*field), &p.manifest, has_gyp);
        let b = normalise(field, p.manifest.get(*field), &p.manifest, has_gyp);
        let same = a == b;
        if same {
            continue;
        }
        let s = crate::signal::Signal {
            kind: Kind::Manifest,
            line: line_of(f, field),
            func: 0,
            detail: field.to_string(),
        };
        // An install script only the tarball has runs without ever being shown.
        let hidden_script = *field == "scripts"
            && crate::scripts::LIFECYCLE
                .iter()
                .any(|k| b.get(k) != a.get(k) && b.get(k).is_some());
        let severity = if hidden_script {
            Severity::Critical
        } else {
            MANIFEST_CONFUSION.default_severity
        };
        let msg = format!(
            "`{field}` differs between the registry manifest and the tarball's package.json"
        );
        out.push(finding(
            &MANIFEST_CONFUSION,
            severity,
            f,
            &s,
            Locality::File,
            msg,
            Vec::new(),
        ));
    }
    out
}

/// Normalises a manifest field the way `npm publish` does, so only real differences remain:
/// null/empty = missing, a string `bin` = `{name: path}`, `./` stripped from bin paths, and the
/// implicit `install: node-gyp rebuild` of packages with a `binding.gyp`.
fn normalise(
    field: &str,
    v: Option<&serde_json::Value>,
    pj: &serde_json::Value,
    has_gyp: bool,
) -> serde_json::Value {
    use serde_json::Value;
    let Some(v) = v else { return Value::Null };
    match (field, v) {
        (_, Value::Object(o)) if o.is_empty() => Value::Null,
        // Old manifests list dependencies as an array of names; the registry document read
        // back through the packument types has them as `name → "*"` (normalize-package-data).
        (f, Value::Array(names)) if f.ends_with("ependencies") => {
            let map: serde_json::Map<String, Value> = names
                .iter()
                .filter_map(Value::as_str)
                .map(|n| (n.to_string(), Value::String("*".into())))
                .collect();
            if map.is_empty() {
                Value::Null
            } else {
                Value::Object(map)
            }
        }
        ("bin", Value::String(path)) => {
            let name = pj.get("name").and_then(|n| n.as_str()).unwrap_or("");
            let short = name.rsplit('/').next().unwrap_or(name);
            serde_json::json!({ short: path.trim_start_matches("./") })
        }
        ("bin", Value::Object(o)) => Value::Object(
            o.iter()
                .map(|(k, p)| {
                    (
                        k.clone(),
                        Value::String(
                            p.as_str()
                                .unwrap_or("")
                                .trim_start_matches("./")
                                .to_string(),
                        ),
                    )
                })
                .collect(),
        ),
        ("scripts", Value::Object(o)) if has_gyp => {
            let mut o = o.clone();
            if o.get("install").and_then(|x| x.as_str()) == Some("node-gyp rebuild") {
                o.remove("install");
            }
            if o.is_empty() {
                Value::Null
            } else {
                Value::Object(o)
            }
        }
        _ => v.clone(),
    }
}

fn line_of(f: &crate::signal::FileFacts, field: &str) -> u32 {
    let needle = format!("\"{field}\"");
    let Some(t) = f.text.as_deref() else { return 0 };
    t.find(&needle).map_or(0, |at| {
        t[..at].bytes().filter(|b| *b == b'\n').count() as u32 + 1
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    fn with_manifest(reg: serde_json::Value) -> crate::PackageScan {
        let pj = "{\n  \"name\": \"t\",\n  \"version\": \"1.0.0\",\n  \"scripts\": {\"postinstall\": \"node x.js\"}\n}\n";
        let files = vec![crate::PackageFile {
            path: "package.json".into(),
            bytes: pj.as_bytes().to_vec(),
        }];
        let opts = crate::ScanOptions {
            registry_manifest: Some(reg),
            ..Default::default()
        };
        crate::scan_files(files, Vec::new(), "t", &opts)
    }

    #[test]
    fn positive_hidden_script() {
        let s =
            with_manifest(serde_json::json!({"name": "t", "version": "1.0.0", "_id": "t@1.0.0"}));
        assert_eq!(
            hits(&s, "code/manifest-confusion"),
            vec![("package.json".to_string(), 4)]
        );
    }

    #[test]
    fn negative_matching() {
        let s = with_manifest(
            serde_json::json!({"name": "t", "version": "1.0.0", "scripts": {"postinstall": "node x.js"}, "dist": {}}),
        );
        assert!(hits(&s, "code/manifest-confusion").is_empty());
        let _ = (scan, PJ);
    }

    /// `"dependencies": []` in the tarball and `{}` in the registry document (re-serialised
    /// through the packument types) are the same (`mime@1.0.0`-era manifests).
    #[test]
    fn negative_empty_dependency_array() {
        let pj = "{\"name\": \"t\", \"version\": \"1.0.0\", \"dependencies\": []}\n";
        let files = vec![crate::PackageFile {
            path: "package.json".into(),
            bytes: pj.as_bytes().to_vec(),
        }];
        let opts = crate::ScanOptions {
            registry_manifest: Some(
                serde_json::json!({"name": "t", "version": "1.0.0", "dependencies": {}}),
            ),
            ..Default::default()
        };
        let s = crate::scan_files(files, Vec::new(), "t", &opts);
        assert!(hits(&s, "code/manifest-confusion").is_empty());
    }
}
