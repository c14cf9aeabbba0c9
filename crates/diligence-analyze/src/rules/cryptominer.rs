//! `code/cryptominer`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A cryptocurrency miner is started: a mining-pool address or miner arguments in a command line.
    ///
    /// ## What it detects
    /// `stratum+tcp://`, `stratum+ssl://`, `stratum2+tcp://` pool addresses and XMRig-style arguments
    /// (`--donate-level`, `--cpu-max-threads-hint`) in something that runs: a lifecycle script, a `binding.gyp`
    /// expansion, a shell/batch/PowerShell file, or a JavaScript string on a line that spawns a process. Critical
    /// at install time or in a started script; high in a spawn elsewhere.
    ///
    /// ## Why it matters
    /// Hijacked releases of ua-parser-js (2021), coa and rc, and many typosquats started XMRig against a Monero pool
    /// on every machine that installed them, burning CPU on developer laptops and CI runners.
    ///
    /// ## Example
    /// `./helper -o stratum+tcp://pool.example.net:3333 -u WALLET --donate-level=1 &`
    ///
    /// ## Known false positives
    /// Mining software and pool libraries document pool URLs in READMEs and configuration examples: text files,
    /// comments and strings that no command uses are not reported.
    pub static CRYPTOMINER = { id: "code/cryptominer", severity: Severity::Critical };
}

/// One finding per miner command line.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::MinerPool, |f, s| {
        let command = crate::scripts::in_command(f, s.line);
        let spawned = f.kind == FileKind::JavaScript
            && f.signals.iter().any(|o| {
                o.line == s.line
                    && matches!(o.kind, Kind::Spawn | Kind::RunsFile | Kind::DetachedSpawn)
            });
        if !command && !spawned {
            return None;
        }
        let install = crate::scripts::at_install(f, s.line);
        let severity = if install || f.kind == FileKind::Script && f.reachable {
            CRYPTOMINER.default_severity
        } else {
            Severity::High
        };
        let msg = format!("cryptocurrency miner started: `{}`", s.detail);
        Some(finding(
            &CRYPTOMINER,
            severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::DownloadRun, Kind::DetachedSpawn]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive_lifecycle_and_spawn() {
        let s = scan(&[(
            "package.json",
            "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"./bin/h -o stratum+tcp://p.example.net:3333 -u x --donate-level=1 &\"\n}}",
        )]);
        assert_eq!(
            hits(&s, "code/cryptominer"),
            vec![("package.json".to_string(), 4)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
        let s = scan(&[
            ("package.json", PJ),
            (
                "m.js",
                "const { spawn } = require('child_process');\nspawn('./h', ['-o', 'stratum+ssl://p.example.net:443', '-u', 'x']);\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/cryptominer"), vec![("m.js".to_string(), 2)]);
    }

    /// A pool library's README and config example name pools; nothing starts a miner.
    #[test]
    fn negative_documentation() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "README.md",
                "Connect with `stratum+tcp://pool.example.net:3333`.\n",
            ),
            (
                "index.js",
                "module.exports = { defaultPool: 'stratum+tcp://pool.example.net:3333' };\n",
            ),
        ]);
        assert!(hits(&s, "code/cryptominer").is_empty());
    }
}
