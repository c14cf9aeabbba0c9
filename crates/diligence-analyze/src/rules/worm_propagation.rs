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
    /// token read and a `package.json` rewrite, is not reported. A monorepo release command that bumps and
    /// publishes the user's own workspace packages with `NPM_TOKEN` has the whole chain too, but runs only when the
    /// user runs its `bin` or calls its exported function: when the publish is in code that neither an install hook
    /// nor a consumer's load runs, the finding is medium (a weak signal on its own). A worm has to run unasked:
    /// install-time code, or code the package runs when loaded, stays critical.
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
    // A worm runs unasked: at install, or when a consumer loads the package. A publish only a
    // person's command or a call of an exported function reaches is a release tool at work.
    let imported = super::at_load::imported(p);
    let unasked = crate::scripts::at_install(f, s.line)
        || imported.contains(f.path.as_str()) && super::at_load::at_load(&imported, f, s);
    let (severity, how) = if unasked {
        (WORM_PROPAGATION.default_severity, "")
    } else {
        (
            Severity::Medium,
            " in code that runs only when called (not at install or load)",
        )
    };
    let msg = format!(
        "npm publish run from code with an npm token read and package.json rewritten (worm){how}"
    );
    vec![finding(
        &WORM_PROPAGATION,
        severity,
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

    const RELEASE_PJ: &str =
        r#"{"name":"rel","version":"1.0.0","main":"lib/release.js","bin":{"rel":"cli.js"}}"#;
    const RELEASE: &str = "const cp = require('child_process'), fs = require('fs'), path = require('path');\nfunction release(root) {\n  if (!process.env.NPM_TOKEN) throw new Error('NPM_TOKEN not set');\n  for (const d of fs.readdirSync(path.join(root, 'packages'))) {\n    const file = path.join(root, 'packages', d, 'package.json');\n    const pj = JSON.parse(fs.readFileSync(file, 'utf8'));\n    pj.version = bump(pj.version);\n    fs.writeFileSync(file, JSON.stringify(pj));\n    cp.execFileSync('npm', ['publish'], { cwd: path.dirname(file) });\n  }\n}\nfunction bump(v) { return v; }\nmodule.exports = { release };\n";

    /// A monorepo release command: bumps and publishes the user's own workspace packages with
    /// `NPM_TOKEN`, from an exported function its `bin` calls. Nothing runs it at install or
    /// load: medium, the package stays clean.
    #[test]
    fn negative_workspace_release_command() {
        let s = scan(&[
            ("package.json", RELEASE_PJ),
            (
                "cli.js",
                "#!/usr/bin/env node\nrequire('./lib/release').release(process.cwd());\n",
            ),
            ("lib/release.js", RELEASE),
        ]);
        assert_eq!(
            hits(&s, "code/worm-propagation"),
            vec![("lib/release.js".to_string(), 9)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/worm-propagation"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Its twins: the same chain run when the package is loaded, or from an install hook,
    /// stays critical.
    #[test]
    fn positive_release_chain_at_load_or_install() {
        let at_load = RELEASE.replace(
            "module.exports = { release };",
            "release(process.cwd());\nmodule.exports = { release };",
        );
        let s = scan(&[
            ("package.json", RELEASE_PJ),
            (
                "cli.js",
                "#!/usr/bin/env node\nrequire('./lib/release').release(process.cwd());\n",
            ),
            ("lib/release.js", &at_load),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/worm-propagation"),
            Some(diligence_finding::Severity::Critical)
        );
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"rel","version":"1.0.0","main":"lib/release.js","bin":{"rel":"cli.js"},"scripts":{"postinstall":"node cli.js"}}"#,
            ),
            (
                "cli.js",
                "#!/usr/bin/env node\nrequire('./lib/release').release(process.cwd());\n",
            ),
            ("lib/release.js", RELEASE),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/worm-propagation"),
            Some(diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }
}
