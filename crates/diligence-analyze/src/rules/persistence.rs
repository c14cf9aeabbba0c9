//! `code/persistence`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code installs itself to run again later: shell rc files, crontab, launch agents, Run keys, scheduled tasks, CI workflows.
    ///
    /// ## What it detects
    /// Persistence locations (`.bashrc`, `.zshrc`, `crontab`, `~/Library/LaunchAgents`, `…\\CurrentVersion\\Run`,
    /// `schtasks`, systemd user units, autostart folders, `.github/workflows`) in a file that writes files or spawns
    /// processes.
    ///
    /// ## Why it matters
    /// A package install is a one-shot; persistence turns it into a lasting backdoor (Shai-Hulud wrote GitHub
    /// workflows; desktop stealers add LaunchAgents and Run keys).
    ///
    /// ## Example
    /// `fs.writeFileSync(path.join(home, 'Library', 'LaunchAgents', 'x.plist'), plist)`
    ///
    /// ## Known false positives
    /// Process managers (pm2 startup), cron libraries and CI scaffolding tools legitimately touch these; without a
    /// write or spawn in the same file nothing is reported.
    pub static PERSISTENCE = { id: "code/persistence", severity: Severity::High };
}

/// One finding per persistence location in a writing/spawning file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::PersistencePath, |f, s| {
        // The write or spawn must be in this very file: a help text printing
        // `completion >> ~/.bashrc` in a CLI module that requires a writing module is advice.
        if !f.has_any(&[Kind::FsWrite, Kind::Spawn]) {
            return None;
        }
        let loc = locality(p, f, s, &[Kind::FsWrite, Kind::Spawn]);
        if loc < Locality::File {
            return None;
        }
        let msg = format!("persistence location `{}` written or registered", s.detail);
        Some(finding(
            &PERSISTENCE,
            PERSISTENCE.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::FsWrite, Kind::Spawn]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "s.js",
                "const fs = require('fs'), path = require('path'), os = require('os');\nfunction go() {\n  fs.writeFileSync(path.join(os.homedir(), 'Library', 'LaunchAgents', 'x.plist'), 'p');\n}\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/persistence"), vec![("s.js".to_string(), 3)]);
    }

    #[test]
    fn negative_docs() {
        let s = scan(&[
            ("package.json", PJ),
            ("README.md", "Add this line to your crontab.\n"),
        ]);
        assert!(hits(&s, "code/persistence").is_empty());
    }

    /// karma's CLI: its usage text tells the user to run `karma completion >> ~/.bashrc`; the
    /// module it requires writes files, the CLI module itself writes nothing.
    #[test]
    fn negative_usage_text_next_to_a_writing_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/cli.js",
                "const server = require('./server');\nfunction describe() {\n  return 'Usage:\\n' +\n    '  $0 completion >> ~/.bashrc';\n}\nmodule.exports = { describe, server };\n",
            ),
            (
                "lib/server.js",
                "const fs = require('fs');\nexports.save = (p, d) => fs.writeFileSync(p, d);\n",
            ),
        ]);
        assert!(hits(&s, "code/persistence").is_empty());
    }
}
