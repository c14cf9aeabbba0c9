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
    for field in FIELDS {
        let (a, b) = (reg.get(*field), p.manifest.get(*field));
        let same = match (a, b) {
            (None, None) => true,
            (Some(x), Some(y)) => x == y,
            (None, Some(y)) | (Some(y), None) => y.as_object().is_some_and(|o| o.is_empty()),
        };
        if same {
            continue;
        }
        let s = crate::signal::Signal {
            kind: Kind::Manifest,
            line: line_of(f, field),
            func: 0,
            detail: field.to_string(),
        };
        let msg = format!(
            "`{field}` differs between the registry manifest and the tarball's package.json"
        );
        out.push(finding(
            &MANIFEST_CONFUSION,
            MANIFEST_CONFUSION.default_severity,
            f,
            &s,
            Locality::File,
            msg,
            Vec::new(),
        ));
    }
    out
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
}
