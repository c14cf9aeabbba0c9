//! `code/archive-anomaly`.

use crate::CodeFinding;
use crate::signal::PackageFacts;
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The tarball itself is hostile or broken: path traversal, absolute paths, links, or a size/count/ratio limit hit.
    ///
    /// ## What it detects
    /// Entries with `..` or absolute paths, symlinks and hard links (never followed or written), special files,
    /// duplicate entries (npm keeps the last), files at the archive root, headers npm reads past (bad checksum, a
    /// link target on a file, global PAX sizes), paths that collide on macOS/Windows, truncated or corrupt archives
    /// (a cut gzip trailer included), and unpacking limits (entries of any kind, bytes, file count, compression
    /// ratio). Hostile entries are high; the rest medium. The tarball is read exactly as npm 11 extracts it.
    ///
    /// ## Why it matters
    /// Tar path traversal (node-tar CVE-2021-32803/37701 family) and zip bombs attack the scanner or the installer
    /// rather than the application; npm never publishes such entries itself.
    ///
    /// ## Example
    /// A tarball entry `package/../../.bashrc`.
    ///
    /// ## Known false positives
    /// Very large legitimate packages can hit the size limits (raise them with `ArchiveLimits`). Links are rare in
    /// npm tarballs because `npm pack` does not store them.
    pub static ARCHIVE_ANOMALY = { id: "code/archive-anomaly", severity: Severity::Medium };
}

/// One finding per anomaly (at most 20).
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let unparsed = p
        .all(crate::signal::Kind::Unparsed)
        .map(|(f, s)| CodeFinding {
            rule: ARCHIVE_ANOMALY.id.to_string(),
            severity: ARCHIVE_ANOMALY.default_severity,
            file: f.path.clone(),
            line: 0,
            snippet: String::new(),
            message: format!("file not analysed: {}", s.detail),
            locality: Locality::Alone,
            install_time: f.install_time,
            reachable: true,
            evidence: Vec::new(),
        });
    let unparsed: Vec<CodeFinding> = unparsed.collect();
    let mut out: Vec<CodeFinding> = p
        .anomalies
        .iter()
        .take(20)
        .map(|a| CodeFinding {
            rule: ARCHIVE_ANOMALY.id.to_string(),
            severity: if a.effect == crate::archive::Effect::Hostile {
                Severity::High
            } else {
                ARCHIVE_ANOMALY.default_severity
            },
            file: a.path.clone(),
            line: 0,
            snippet: String::new(),
            message: format!("archive anomaly: {}", a.what),
            locality: Locality::Alone,
            install_time: false,
            reachable: true,
            evidence: Vec::new(),
        })
        .collect();
    out.extend(unparsed);
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let a = crate::archive::Anomaly {
            path: "package/../../x".into(),
            what: "`..` component: npm does not write it".into(),
            effect: crate::archive::Effect::Hostile,
        };
        let files = vec![crate::PackageFile {
            path: "package.json".into(),
            bytes: PJ.as_bytes().to_vec(),
        }];
        let s = crate::scan_files(files, vec![a], "t", &crate::ScanOptions::default());
        assert_eq!(
            hits(&s, "code/archive-anomaly"),
            vec![("package/../../x".to_string(), 0)]
        );
        assert_eq!(s.findings[0].severity, diligence_finding::Severity::High);
    }

    #[test]
    fn negative() {
        let s = scan(&[("package.json", PJ)]);
        assert!(hits(&s, "code/archive-anomaly").is_empty());
    }

    #[test]
    fn absurd_nesting_is_reported_not_parsed() {
        let deep = format!("var x = {}1{};\n", "[".repeat(5000), "]".repeat(5000));
        let s = scan(&[("package.json", PJ), ("deep.js", &deep)]);
        assert_eq!(
            hits(&s, "code/archive-anomaly"),
            vec![("deep.js".to_string(), 0)]
        );
    }
}
