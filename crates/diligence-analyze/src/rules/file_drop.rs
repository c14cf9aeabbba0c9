//! `code/file-drop`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code that runs on import or install writes files into a user's own folders (Desktop, Documents).
    ///
    /// ## What it detects
    /// A file write (`writeFile`, `appendFile`, `copyFile`, `createWriteStream`) in JavaScript that runs when a
    /// consumer loads the package (module scope, or a function load-time code calls, across the package's own
    /// modules) or at install, in a file that names a user folder as a path segment: `Desktop`, `Documents`,
    /// `Downloads`, `Pictures`, `OneDrive`.
    ///
    /// ## Why it matters
    /// peacenotwar and node-ipc 10.1.3+ (March 2022) dropped `WITH-LOVE-FROM-AMERICA.txt` on the Desktop of everyone
    /// whose build imported them: nobody asked for it, and the same reach can drop anything.
    ///
    /// ## Example
    /// `fs.writeFileSync(path.join(os.homedir(), 'Desktop', 'README-NOW.txt'), text)` in a function `index.js` calls
    /// at module scope.
    ///
    /// ## Known false positives
    /// Command-line tools save screenshots, exports or configuration in the user's folders when the user runs them:
    /// writes in a `bin` or in an exported function nobody calls at load are not reported, nor are writes to
    /// configuration folders (`~/.config`, `~/.myapp`). A `main` that is the package's own `bin` script — a `#!`
    /// line and nothing exported, such as a completion installer writing the PowerShell profile under `Documents` —
    /// is a command the user runs, not code a consumer loads: not reported unless an install hook runs it.
    pub static FILE_DROP = { id: "code/file-drop", severity: Severity::Critical };
}

/// One finding per file with a load- or install-time write next to a user folder.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported_library(p);
    let mut out = Vec::new();
    for f in p.files.iter().filter(|f| f.kind == FileKind::JavaScript) {
        let folders: Vec<_> = f
            .of(Kind::UserFolder)
            .filter(|u| !u.detail.starts_with(".."))
            .collect();
        if folders.is_empty() {
            continue;
        }
        let bundle = super::is_bundle(f);
        let loaded = imported.contains(f.path.as_str());
        let Some(s) = f.of(Kind::FsWrite).find(|s| {
            // In a bundle only a folder named in the writing function counts.
            if bundle && !folders.iter().any(|u| u.func == s.func) {
                return false;
            }
            let delete = f
                .signals
                .iter()
                .any(|o| o.kind == Kind::DestructiveFs && o.line == s.line);
            // A write in a function that lists a folder overwrites what is there: code/wiper.
            let walk = f.signals.iter().any(|o| {
                o.func == s.func && o.kind == Kind::FsRead && o.detail.contains("readdir")
            });
            !delete
                && !walk
                && (crate::scripts::at_install(f, s.line)
                    || loaded && super::at_load::at_load(&imported, f, s))
        }) else {
            continue;
        };
        let folder = folders
            .iter()
            .find(|u| u.func == s.func)
            .unwrap_or(&folders[0]);
        let when = if f.install_time {
            "at install"
        } else {
            "when the package is loaded"
        };
        let msg = format!(
            "writes files next to the user folder `{}` {when}",
            folder.detail
        );
        out.push(finding(
            &FILE_DROP,
            FILE_DROP.default_severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::UserFolder, Kind::OsInfo]),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    const NOTE: &str = "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nfunction dirs() { return [path.join(os.homedir(), 'Desktop'), os.homedir()]; }\nmodule.exports = function note() {\n  for (const d of dirs()) {\n    try { fs.writeFileSync(path.join(d, 'READ-ME.txt'), 'peace'); } catch (e) {}\n  }\n};\n";

    #[test]
    fn positive_called_at_import() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"main\":\"index.js\"}",
            ),
            (
                "index.js",
                "const note = require('./note');\nnote();\nmodule.exports = (x) => x;\n",
            ),
            ("note.js", NOTE),
        ]);
        assert_eq!(hits(&s, "code/file-drop"), vec![("note.js".to_string(), 7)]);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// ESM: the drop is imported and called at module scope.
    #[test]
    fn positive_esm_import() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"type\":\"module\",\"exports\":\"./index.js\"}",
            ),
            (
                "index.js",
                "import note from './note.js';\nnote();\nexport default 1;\n",
            ),
            (
                "note.js",
                "import fs from 'fs';\nimport os from 'os';\nexport default function note() {\n  fs.writeFileSync(os.homedir() + '/Desktop/hi.txt', 'x');\n}\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/file-drop"), vec![("note.js".to_string(), 4)]);
    }

    /// A screenshot CLI saves to the Desktop when its user runs it; the library exports the
    /// function and calls nothing at load.
    #[test]
    fn negative_cli_saves_when_asked() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"shot\",\"version\":\"1.0.0\",\"main\":\"index.js\",\"bin\":{\"shot\":\"cli.js\"}}",
            ),
            ("index.js", "module.exports = require('./note');\n"),
            ("note.js", NOTE),
            ("cli.js", "require('./note')();\n"),
        ]);
        assert!(hits(&s, "code/file-drop").is_empty());
    }

    #[test]
    fn positive_note_in_home_at_load() {
        let s = scan(&[
            ("package.json", "{\"name\":\"t\",\"version\":\"1.0.0\"}"),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfs.writeFileSync(path.join(os.homedir(), 'READ-ME-NOW.txt'), 'hi');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/file-drop"),
            vec![("index.js".to_string(), 4)]
        );
    }

    /// Configuration in a dot folder of the home folder is the application's own.
    #[test]
    fn negative_dot_config_at_load() {
        let s = scan(&[
            ("package.json", "{\"name\":\"t\",\"version\":\"1.0.0\"}"),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfs.writeFileSync(path.join(os.homedir(), '.toolrc'), '{}');\n",
            ),
        ]);
        assert!(hits(&s, "code/file-drop").is_empty());
    }

    const PROFILE: &str = "#!/usr/bin/env node\nconst fs = require('fs'), path = require('path'), os = require('os');\nconst rc = path.join(os.homedir(), 'Documents', 'PowerShell', 'profile.ps1');\nfs.mkdirSync(path.dirname(rc), { recursive: true });\nfs.appendFileSync(rc, '. ' + path.join(__dirname, 'c.ps1') + '\\n');\n";

    /// A completion installer whose `main` is its own `bin` script (a `#!` line, nothing
    /// exported) writes the PowerShell profile under `Documents` when the user runs it.
    #[test]
    fn negative_main_is_the_command_script() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"c\",\"version\":\"1.0.0\",\"main\":\"cli.js\",\"bin\":{\"c\":\"cli.js\"}}",
            ),
            ("cli.js", PROFILE),
        ]);
        assert!(hits(&s, "code/file-drop").is_empty());
    }

    /// Its twins: the same `main` exporting an API is loaded by consumers, and an install hook
    /// running the command script runs it unasked.
    #[test]
    fn positive_library_main_or_install_hook() {
        let lib = format!("{PROFILE}module.exports = () => 1;\n");
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"c\",\"version\":\"1.0.0\",\"main\":\"cli.js\",\"bin\":{\"c\":\"cli.js\"}}",
            ),
            ("cli.js", &lib),
        ]);
        assert_eq!(hits(&s, "code/file-drop"), vec![("cli.js".to_string(), 5)]);
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"c\",\"version\":\"1.0.0\",\"main\":\"cli.js\",\"bin\":{\"c\":\"cli.js\"},\"scripts\":{\"postinstall\":\"node cli.js\"}}",
            ),
            ("cli.js", PROFILE),
        ]);
        assert_eq!(hits(&s, "code/file-drop"), vec![("cli.js".to_string(), 5)]);
    }
}
