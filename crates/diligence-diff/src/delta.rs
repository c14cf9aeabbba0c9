//! The delta between two versions of one package, computed from both tarballs: file-level
//! statistics and the code findings the new version has and the old one does not.

use diligence_analyze::classify::{FileKind, classify};
use diligence_analyze::{CodeFinding, PackageFile, PackageScan};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Lifecycle scripts npm runs on install (`npm help scripts`), plus the prepare family that
/// runs for git dependencies.
pub const LIFECYCLE_SCRIPTS: [&str; 6] = [
    "preinstall",
    "install",
    "postinstall",
    "preprepare",
    "prepare",
    "postprepare",
];

/// A JavaScript file counts as minified when it is over 1 KiB and its longest line is over
/// this many bytes.
const MINIFIED_LINE: usize = 1_000;

/// File-level differences between the old and the new tarball of a package.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileDelta {
    /// Paths (inside the package) only in the new version.
    pub files_added: Vec<String>,
    /// Paths only in the old version.
    pub files_removed: Vec<String>,
    /// Paths in both whose bytes differ.
    pub files_changed: Vec<String>,
    /// Bytes of added files plus growth of changed files (bytes).
    pub bytes_added: u64,
    /// Total unpacked size of the old and the new version (bytes).
    pub bytes_old: u64,
    pub bytes_new: u64,
    /// Added or changed JavaScript files that are minified in the new version and were not
    /// (or did not exist) in the old.
    pub new_minified: Vec<String>,
    /// Added native binaries, WebAssembly modules and other binary blobs.
    pub new_binaries: Vec<String>,
    /// Lifecycle scripts (`name`, command) added or changed in the new `package.json`.
    pub new_lifecycle_scripts: Vec<(String, String)>,
}

impl FileDelta {
    /// The delta as JSON evidence (counts and lists, lists capped at 50 entries).
    pub fn to_json(&self) -> Value {
        let cap = |v: &[String]| v.iter().take(50).cloned().collect::<Vec<_>>();
        json!({
            "files_added": cap(&self.files_added),
            "files_removed": cap(&self.files_removed),
            "files_changed": self.files_changed.len(),
            "bytes_added": self.bytes_added,
            "bytes_old": self.bytes_old,
            "bytes_new": self.bytes_new,
            "new_minified": cap(&self.new_minified),
            "new_binaries": cap(&self.new_binaries),
            "new_lifecycle_scripts": self.new_lifecycle_scripts.iter()
                .map(|(n, c)| json!({"name": n, "command": c}))
                .collect::<Vec<_>>(),
        })
    }
}

/// Compares the files of two versions of a package.
pub fn file_delta(old: &[PackageFile], new: &[PackageFile]) -> FileDelta {
    let old_by: BTreeMap<&str, &PackageFile> = old.iter().map(|f| (f.path.as_str(), f)).collect();
    let new_by: BTreeMap<&str, &PackageFile> = new.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut d = FileDelta {
        bytes_old: old.iter().map(|f| f.bytes.len() as u64).sum(),
        bytes_new: new.iter().map(|f| f.bytes.len() as u64).sum(),
        ..FileDelta::default()
    };
    for (path, f) in &new_by {
        let before = old_by.get(path);
        match before {
            None => {
                d.files_added.push(path.to_string());
                d.bytes_added += f.bytes.len() as u64;
            }
            Some(o) if o.bytes != f.bytes => {
                d.files_changed.push(path.to_string());
                d.bytes_added += (f.bytes.len() as u64).saturating_sub(o.bytes.len() as u64);
            }
            Some(_) => continue,
        }
        let kind = classify(path, &f.bytes);
        if before.is_none()
            && matches!(
                kind,
                FileKind::NativeBinary | FileKind::Wasm | FileKind::Binary
            )
        {
            d.new_binaries.push(path.to_string());
        }
        if kind == FileKind::JavaScript
            && is_minified(&f.bytes)
            && !before.is_some_and(|o| is_minified(&o.bytes))
        {
            d.new_minified.push(path.to_string());
        }
    }
    d.files_removed = old_by
        .keys()
        .filter(|p| !new_by.contains_key(*p))
        .map(|p| p.to_string())
        .collect();
    d.new_lifecycle_scripts = new_scripts(old_by.get("package.json"), new_by.get("package.json"));
    d
}

fn is_minified(bytes: &[u8]) -> bool {
    bytes.len() > 1024
        && bytes
            .split(|b| *b == b'\n')
            .any(|l| l.len() > MINIFIED_LINE)
}

fn lifecycle_scripts(file: Option<&&PackageFile>) -> BTreeMap<String, String> {
    let Some(f) = file else {
        return BTreeMap::new();
    };
    let Ok(manifest) = serde_json::from_slice::<Value>(&f.bytes) else {
        return BTreeMap::new();
    };
    let Some(scripts) = manifest.get("scripts").and_then(Value::as_object) else {
        return BTreeMap::new();
    };
    scripts
        .iter()
        .filter(|(k, _)| LIFECYCLE_SCRIPTS.contains(&k.as_str()))
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect()
}

fn new_scripts(old: Option<&&PackageFile>, new: Option<&&PackageFile>) -> Vec<(String, String)> {
    let before = lifecycle_scripts(old);
    lifecycle_scripts(new)
        .into_iter()
        .filter(|(k, v)| before.get(k) != Some(v))
        .collect()
}

/// Identity of a code finding across versions: rule, file and the trimmed source line (line
/// numbers move between versions, so they are not part of it).
fn code_key(f: &CodeFinding) -> (String, String, String) {
    (f.rule.clone(), f.file.clone(), f.snippet.clone())
}

/// The code findings of `new` that `old` does not have (by rule, file and source line).
pub fn new_code_findings(old: &PackageScan, new: &PackageScan) -> Vec<CodeFinding> {
    let before: BTreeSet<_> = old.findings.iter().map(code_key).collect();
    new.findings
        .iter()
        .filter(|f| !before.contains(&code_key(f)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> PackageFile {
        PackageFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn counts_files_bytes_scripts_and_minified() {
        let old = vec![
            file(
                "package.json",
                r#"{"name":"a","version":"1.0.0","scripts":{"test":"x"}}"#,
            ),
            file("index.js", "module.exports = 1;\n"),
            file("old.js", "x"),
        ];
        let long = format!("var a={};", "1+".repeat(800));
        let new = vec![
            file(
                "package.json",
                r#"{"name":"a","version":"1.0.1","scripts":{"test":"x","postinstall":"node setup.js"}}"#,
            ),
            file("index.js", "module.exports = 22;\n"),
            file("setup.js", &long),
            PackageFile {
                path: "bin/x.node".into(),
                bytes: b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec(),
            },
        ];
        let d = file_delta(&old, &new);
        assert_eq!(d.files_added, ["bin/x.node", "setup.js"]);
        assert_eq!(d.files_removed, ["old.js"]);
        assert_eq!(d.files_changed, ["index.js", "package.json"]);
        assert_eq!(d.new_minified, ["setup.js"]);
        assert_eq!(d.new_binaries, ["bin/x.node"]);
        assert_eq!(
            d.new_lifecycle_scripts,
            [("postinstall".to_string(), "node setup.js".to_string())]
        );
        assert_eq!(d.bytes_added, 16 + long.len() as u64 + 1 + 30);
    }
}
