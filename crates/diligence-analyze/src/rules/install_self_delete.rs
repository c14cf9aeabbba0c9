//! `code/install-self-delete`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// An install script deletes itself (or its folder) once it has run: anti-forensics.
    ///
    /// ## What it detects
    /// JavaScript that runs at install (a lifecycle script's file, or a module it loads) and deletes `__filename`,
    /// `process.argv[1]`, `path.join(__dirname, '<its own name>')` (the script being run) or `__dirname` (its
    /// folder); and a lifecycle command that runs a file and then removes it (`node setup.js && rm setup.js`).
    ///
    /// ## Why it matters
    /// What an install script did is judged from the script left in `node_modules`; one that removes itself leaves
    /// nothing to judge. ethers-provider2 (2025) patched the installed `ethers` package with a reverse shell and
    /// then deleted its own install script; many droppers (the 2022–2025 token stealers) do the same. Legitimate
    /// install scripts have nothing to hide and are re-run by `npm rebuild`.
    ///
    /// ## Example
    /// `try { fs.unlinkSync(__filename); } catch (e) {}` at the end of `scripts/install.js`, run by `postinstall`.
    ///
    /// ## Known false positives
    /// Deleting temporary files, downloaded archives or the package's own build leftovers names those paths, not the
    /// running script: not reported. A library deleting `__filename` in a function its user calls is not
    /// install-time: not reported.
    pub static INSTALL_SELF_DELETE = { id: "code/install-self-delete", severity: Severity::High };
}

/// True when `rel`, taken from the folder of the package file `path`, is that file
/// (`install.js`, `../src/install.js` from `src/install.js`).
fn names_itself(path: &str, rel: &str) -> bool {
    let mut parts: Vec<&str> = path.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            ".." => {
                if parts.pop().is_none() {
                    return false;
                }
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/") == path
}

/// One finding per self-delete at install.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = per_signal(p, Kind::SelfDelete, |f, s| {
        if !crate::scripts::at_install(f, s.line) {
            return None;
        }
        if let Some(rel) = s.detail.strip_prefix("__dirname/")
            && !names_itself(&f.path, rel)
        {
            return None;
        }
        Some(finding(
            &INSTALL_SELF_DELETE,
            INSTALL_SELF_DELETE.default_severity,
            f,
            s,
            Locality::Function,
            format!("install-time code deletes `{}` after running", s.detail),
            chain(p, f, s, &[Kind::LifecycleScript]),
        ))
    });
    out.extend(per_signal(p, Kind::LifecycleScript, |f, s| {
        let (hook, cmd) = s.detail.split_once(": ")?;
        if !crate::scripts::LIFECYCLE.contains(&hook) {
            return None;
        }
        let ran = f
            .of(Kind::RunsFile)
            .filter(|r| r.line == s.line)
            .map(|r| r.detail.trim_start_matches("./").to_string())
            .collect::<Vec<_>>();
        let removed = cmd
            .split(['&', ';', '|'])
            .map(str::trim)
            .filter(|seg| {
                ["rm ", "del ", "rimraf ", "erase "]
                    .iter()
                    .any(|c| seg.starts_with(c))
            })
            .flat_map(|seg| seg.split_whitespace().skip(1))
            .map(|a| a.trim_start_matches("./").trim_matches('"').to_string())
            .find(|a| ran.contains(a))?;
        Some(finding(
            &INSTALL_SELF_DELETE,
            INSTALL_SELF_DELETE.default_severity,
            f,
            s,
            Locality::Function,
            format!("the `{hook}` script runs `{removed}` and then deletes it"),
            chain(p, f, s, &[Kind::RunsFile]),
        ))
    }));
    out
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};

    const POST: &str = "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node scripts/install.js\"}}";

    #[test]
    fn positive_install_script_deletes_itself() {
        let s = scan(&[
            ("package.json", POST),
            (
                "scripts/install.js",
                "const fs = require('fs');\nconsole.log('setup');\ntry { fs.unlinkSync(__filename); } catch (e) {}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-self-delete"),
            vec![("scripts/install.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, Verdict::Suspicious);
    }

    /// The path climbs to the package root and back down to the file itself; a sibling file
    /// is not the script.
    #[test]
    fn positive_climbing_path_to_itself() {
        let s = scan(&[
            ("package.json", POST),
            (
                "scripts/install.js",
                "const fs = require('fs');\nconst path = require('path');\nconst self = path.join(__dirname, '..');\nsetTimeout(() => fs.rmSync(path.join(self, 'scripts', 'install.js')), 1000);\nfs.rmSync(path.join(__dirname, '..', 'scripts', 'cache.json'));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-self-delete"),
            vec![("scripts/install.js".to_string(), 4)]
        );
        assert!(super::names_itself("src/install.js", "../src/install.js"));
        assert!(!super::names_itself(
            "src/install.js",
            "../../src/install.js"
        ));
        assert!(!super::names_itself("install.js", "lib/install.js"));
    }

    #[test]
    fn positive_by_name_and_by_command() {
        let s = scan(&[
            ("package.json", POST),
            (
                "scripts/install.js",
                "const fs = require('fs');\nconst path = require('path');\nfs.rmSync(path.join(__dirname, 'install.js'));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/install-self-delete"),
            vec![("scripts/install.js".to_string(), 3)]
        );
        let s = scan(&[
            (
                "package.json",
                "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"node setup.js && rm -f setup.js\"\n}}",
            ),
            ("setup.js", "console.log('hi');\n"),
        ]);
        assert_eq!(
            hits(&s, "code/install-self-delete"),
            vec![("package.json".to_string(), 4)]
        );
    }

    /// An installer removing its downloaded archive, and a library deleting its own file on request.
    #[test]
    fn negative_temp_file_and_library_call() {
        let s = scan(&[
            ("package.json", POST),
            (
                "scripts/install.js",
                "const fs = require('fs');\nconst path = require('path');\nconst tgz = path.join(__dirname, 'bin.tgz');\nfs.unlinkSync(tgz);\n",
            ),
        ]);
        assert!(hits(&s, "code/install-self-delete").is_empty());
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nexports.uninstall = () => fs.unlinkSync(__filename);\n",
            ),
        ]);
        assert!(hits(&s, "code/install-self-delete").is_empty());
    }
}
