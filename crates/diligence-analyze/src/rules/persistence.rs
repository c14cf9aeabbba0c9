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
    /// `schtasks`, systemd user units, autostart folders, `.github/workflows`, VS Code tasks run on `folderOpen` or a
    /// written `.vscode/tasks.json`) in a file that writes files or spawns processes.
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
    /// write or spawn in the same file nothing is reported. A file only the package's own command (`bin`) runs — no
    /// install hook reaches it, no consumer's `require` loads it — is something a person runs on purpose (PATH and
    /// completion installers editing `.bashrc`): medium, a weak signal on its own. That holds when `main` names the
    /// same script, if it is a command script (a `#!` line, nothing exported): requiring it gives a consumer nothing,
    /// it is written to be run; an install hook running it stays high. A CI workflow
    /// (`.github/workflows/…`) written by a function that no install hook and no consumer's load runs — a
    /// scaffolding command or API the user calls (playwright's `init-agents`) — is medium too; from install-time
    /// or load-time code it stays high.
    pub static PERSISTENCE = { id: "code/persistence", severity: Severity::High };
}

/// One finding per persistence location in a writing/spawning file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let bin_only = super::at_load::bin_only(p);
    let imported = super::at_load::imported_library(p);
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
        let by_hand = !f.install_time && bin_only.contains(f.path.as_str());
        // A CI workflow written by a function that neither an install hook nor a consumer's
        // load runs: a scaffolding command or API the user calls on purpose (playwright's
        // `init-agents` writing `.github/workflows/copilot-setup-steps.yml`). Worms write
        // theirs from install-time or load-time code.
        let scaffold = s.detail.contains(".github/workflows")
            && !f.install_time
            && !super::at_load::at_load(&imported, f, s);
        let (severity, how) = if by_hand {
            (Severity::Medium, " by the package's command (run by hand)")
        } else if scaffold {
            (
                Severity::Medium,
                " by code that runs only when called (not at install or load)",
            )
        } else {
            (PERSISTENCE.default_severity, "")
        };
        let msg = format!(
            "persistence location `{}` written or registered{how}",
            s.detail
        );
        Some(finding(
            &PERSISTENCE,
            severity,
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

    /// A PATH installer the user runs (`bin` only, no install hook, no `main`): a weak signal.
    #[test]
    fn negative_bin_only_path_installer() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"psetup","version":"1.0.0","bin":{"psetup":"bin/setup.js"}}"#,
            ),
            (
                "bin/setup.js",
                "const fs = require('fs'), path = require('path'), os = require('os');\nconst rc = path.join(os.homedir(), '.bashrc');\nfs.appendFileSync(rc, 'export PATH=x:$PATH\\n');\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
        // The same write from a postinstall script stays high.
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"psetup","version":"1.0.0","bin":{"psetup":"bin/setup.js"},"scripts":{"postinstall":"node bin/setup.js"}}"#,
            ),
            (
                "bin/setup.js",
                "const fs = require('fs'), path = require('path'), os = require('os');\nconst rc = path.join(os.homedir(), '.bashrc');\nfs.appendFileSync(rc, 'export PATH=x:$PATH\\n');\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::High)
        );
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

    /// An install hook writing a VS Code task that runs when the consuming project's folder is
    /// opened (`runOptions.runOn: 'folderOpen'`).
    #[test]
    fn positive_vscode_folder_open_task() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "setup.js",
                "const fs = require('fs'), path = require('path');\nconst dir = path.join(process.env.INIT_CWD, '.vscode');\nconst task = { version: '2.0.0', tasks: [{ label: 'warm', type: 'shell', command: 'node x.js',\n  runOptions: { runOn: 'folderOpen' } }] };\nfs.mkdirSync(dir, { recursive: true });\nfs.writeFileSync(path.join(dir, 'tasks.json'), JSON.stringify(task));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/persistence"),
            vec![("setup.js".to_string(), 4)]
        );
    }

    /// A task runner reading the workspace's `.vscode/tasks.json` to list tasks writes nothing.
    #[test]
    fn negative_reads_vscode_tasks() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "list.js",
                "const fs = require('fs');\nmodule.exports = (root) => JSON.parse(fs.readFileSync(root + '/.vscode/tasks.json', 'utf8')).tasks.map((t) => t.label);\n",
            ),
        ]);
        assert!(hits(&s, "code/persistence").is_empty());
    }

    const SCAFFOLD: &str = "const fs = require('fs');\nconst path = require('path');\nexports.initAgents = async () => {\n  await fs.promises.mkdir('.github/workflows', { recursive: true });\n  if (!fs.existsSync('.github/workflows/agent-setup.yml')) {\n    const yml = fs.readFileSync(path.join(__dirname, 'agent-setup.yml'), 'utf-8');\n    await fs.promises.writeFile('.github/workflows/agent-setup.yml', yml);\n  }\n  console.log('TODO: enable the agent in the repository settings');\n};\n";

    /// A test runner's `init-agents` command (playwright): an exported function, reachable
    /// from `main` but called by nobody at load or install, writes a CI workflow from a
    /// template it ships. Scaffolding on request: medium.
    #[test]
    fn negative_ci_workflow_scaffolded_on_request() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"index.js"}"#,
            ),
            ("index.js", "exports.program = require('./lib/agents');\n"),
            ("lib/agents.js", SCAFFOLD),
            ("lib/agent-setup.yml", "on: workflow_dispatch\n"),
        ]);
        assert_eq!(
            hits(&s, "code/persistence"),
            vec![
                ("lib/agents.js".to_string(), 4),
                ("lib/agents.js".to_string(), 5),
                ("lib/agents.js".to_string(), 7)
            ]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Its twin: the module calls the same function when it is loaded: high.
    #[test]
    fn positive_ci_workflow_written_at_load() {
        let js = SCAFFOLD
            .replace(
                "exports.initAgents = async () => {",
                "setup();\nasync function setup() {",
            )
            .replace("\n};\n", "\n}\n");
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"index.js"}"#,
            ),
            ("index.js", "exports.program = require('./lib/agents');\n"),
            ("lib/agents.js", &js),
            ("lib/agent-setup.yml", "on: workflow_dispatch\n"),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::High)
        );
    }

    const COMPLETIONS: &str = "#!/usr/bin/env node\nconst fs = require('fs'), path = require('path'), os = require('os');\nconst shell = process.argv[2] || 'bash';\nconst rc = shell === 'powershell' ? path.join(os.homedir(), 'Documents', 'PowerShell', 'profile.ps1') : path.join(os.homedir(), '.bashrc');\nconst line = 'source \"' + path.join(__dirname, 'completions', 'c.bash') + '\"';\nif (!(fs.existsSync(rc) && fs.readFileSync(rc, 'utf8').includes(line))) fs.appendFileSync(rc, '\\n' + line + '\\n');\n";

    /// A completion installer whose `main` is its own `bin` script (a `#!` line, nothing
    /// exported): a command the user runs, medium, clean.
    #[test]
    fn negative_completion_installer_main_is_its_command() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"c","version":"1.0.0","main":"cli.js","bin":{"c":"cli.js"}}"#,
            ),
            ("cli.js", COMPLETIONS),
            ("completions/c.bash", "complete -W 'a b' c\n"),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::Medium)
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Its twins: the same write in a `main` that exports an API (a library a consumer loads),
    /// or run by an install hook, stays high.
    #[test]
    fn positive_rc_write_in_library_main_or_install_hook() {
        let lib = format!("{COMPLETIONS}module.exports = {{ shell }};\n");
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"c","version":"1.0.0","main":"cli.js","bin":{"c":"cli.js"}}"#,
            ),
            ("cli.js", &lib),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::High)
        );
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"c","version":"1.0.0","main":"cli.js","bin":{"c":"cli.js"},"scripts":{"postinstall":"node cli.js"}}"#,
            ),
            ("cli.js", COMPLETIONS),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/persistence"),
            Some(diligence_finding::Severity::High)
        );
    }
}
