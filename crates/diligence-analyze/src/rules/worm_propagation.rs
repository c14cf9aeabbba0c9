//! `code/worm-propagation`.

use super::{chain, finding, locality};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Self-propagation: npm tokens read, package.json rewritten and `npm publish` run, all in one package.
    ///
    /// ## What it detects
    /// The whole worm chain in a package's JavaScript: `npm publish` *run* through a child process (not merely
    /// written in a string), an npm token read (`.npmrc` read from disk, `_authToken`, `NPM_TOKEN`) and a write
    /// to a `package.json`.
    ///
    /// ## Why it matters
    /// Shai-Hulud (September 2025) stole npm tokens, bumped versions of the victim's packages, injected itself and
    /// republished them: a worm.
    ///
    /// ## Example
    /// `execSync('npm publish', { cwd: dir })` after `fs.writeFileSync(dir + '/package.json', bumped)` with
    /// `process.env.NPM_TOKEN` in hand
    ///
    /// ## Known false positives
    /// Release tooling (semantic-release, np, npm's own template-oss) publishes by design and prints
    /// `npm publish` in instructions; a publish command that only appears in text, or a publish without both a
    /// token read and a `package.json` rewrite, is not reported.
    pub static WORM_PROPAGATION = { id: "code/worm-propagation", severity: Severity::Critical };
}

/// One finding per package with an executed publish, a token read and a package.json write.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let Some((f, s)) = p.all(Kind::NpmPublish).find(|(f, s)| {
        f.kind == crate::classify::FileKind::JavaScript
            && f.signals
                .iter()
                .any(|o| o.kind == Kind::Spawn && o.line == s.line && o.func == s.func)
    }) else {
        return Vec::new();
    };
    let npmrc = p
        .all(Kind::CredentialPath)
        .any(|(cf, s)| s.detail.contains("npmrc") && cf.has(Kind::FsRead));
    if !(npmrc || p.has(Kind::NpmToken)) || !p.has(Kind::PackageJsonWrite) {
        return Vec::new();
    }
    let loc = locality(p, f, s, &[Kind::NpmToken, Kind::PackageJsonWrite]);
    let msg = "npm publish run from code with an npm token read and package.json rewritten (worm)"
        .to_string();
    vec![finding(
        &WORM_PROPAGATION,
        WORM_PROPAGATION.default_severity,
        f,
        s,
        loc,
        msg,
        chain(p, f, s, &[Kind::NpmToken, Kind::PackageJsonWrite]),
    )]
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "const cp = require('child_process'), fs = require('fs');\nconst t = process.env.NPM_TOKEN;\nfs.writeFileSync('x/package.json', '{}');\ncp.execSync('npm publish', { cwd: 'x' });\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/worm-propagation"),
            vec![("w.js".to_string(), 4)]
        );
    }

    #[test]
    fn negative_docs() {
        let s = scan(&[
            ("package.json", PJ),
            ("README.md", "Run npm publish with NPM_TOKEN set.\n"),
        ]);
        assert!(hits(&s, "code/worm-propagation").is_empty());
    }

    #[test]
    fn positive_npmrc_and_path_join() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "w.js",
                "const cp = require('child_process'), fs = require('fs'), path = require('path');\nconst rc = fs.readFileSync(path.join(require('os').homedir(), '.npmrc'), 'utf8');\nfs.writeFileSync(path.join('/tmp/p', 'package.json'), rc);\ncp.spawnSync('npm', ['publish', '--access', 'public']);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/worm-propagation"),
            vec![("w.js".to_string(), 4)]
        );
    }

    /// Release tooling: prints `npm publish` instructions, reads `.npmrc` config, publishes
    /// itself, but never rewrites a package.json (the @npmcli/template-oss shape).
    #[test]
    fn negative_release_tool() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "release.js",
                "const cp = require('child_process'), fs = require('fs');\nconst steps = `1. Publish\n  npm publish <PUBLISH-FLAGS>\n`;\nconst rc = fs.readFileSync('.npmrc', 'utf8');\nexports.run = () => cp.spawnSync('git', ['push']);\n",
            ),
            (
                "write.js",
                "const fs = require('fs');\nconst text = 'npm publish';\nfs.writeFileSync('out/package.json', text);\n",
            ),
        ]);
        assert!(hits(&s, "code/worm-propagation").is_empty());
        let s = scan(&[
            ("package.json", PJ),
            (
                "release.js",
                "const cp = require('child_process'), fs = require('fs');\nconst rc = fs.readFileSync('.npmrc', 'utf8');\nexports.run = () => cp.spawnSync('npm', ['publish']);\n",
            ),
        ]);
        assert!(hits(&s, "code/worm-propagation").is_empty());
    }
}
