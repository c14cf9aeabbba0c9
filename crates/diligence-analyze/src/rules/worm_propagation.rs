//! `code/worm-propagation`.

use super::{chain, finding, locality};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Self-propagation: npm tokens, package.json rewrites and `npm publish` in one package.
    ///
    /// ## What it detects
    /// `npm publish` run from code together with an npm token read (`.npmrc`, `_authToken`, `NPM_TOKEN`) or a
    /// `package.json` write.
    ///
    /// ## Why it matters
    /// Shai-Hulud (September 2025) stole npm tokens, bumped versions of the victim's packages, injected itself and
    /// republished them: a worm.
    ///
    /// ## Example
    /// `execSync('npm publish', { cwd: dir })` after `fs.writeFileSync(dir + '/package.json', bumped)`
    ///
    /// ## Known false positives
    /// Release tooling (semantic-release, np) publishes with tokens by design; it is a dev dependency that is not
    /// run at install. Reported on the combination only.
    pub static WORM_PROPAGATION = { id: "code/worm-propagation", severity: Severity::Critical };
}

/// One finding per package with publish + token/rewrite.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let Some((f, s)) = p
        .all(Kind::NpmPublish)
        .find(|(f, _)| f.kind == crate::classify::FileKind::JavaScript)
    else {
        return Vec::new();
    };
    let npmrc = p
        .all(Kind::CredentialPath)
        .any(|(_, s)| s.detail.contains("npmrc"));
    if !npmrc && !p.has(Kind::NpmToken) && !p.has(Kind::PackageJsonWrite) {
        return Vec::new();
    }
    let loc = locality(p, f, s, &[Kind::NpmToken, Kind::PackageJsonWrite]);
    let msg =
        "npm publish driven from code with npm tokens or package.json rewrites (worm)".to_string();
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
                "const cp = require('child_process'), fs = require('fs'), path = require('path');\nconst rc = fs.readFileSync(path.join(require('os').homedir(), '.npmrc'), 'utf8');\ncp.spawnSync('npm', ['publish', '--access', 'public']);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/worm-propagation"),
            vec![("w.js".to_string(), 3)]
        );
    }
}
