//! `code/ai-agent-abuse`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Package code drives an AI coding agent CLI with its permission prompts disabled.
    ///
    /// ## What it detects
    /// A spawned command line or string carrying an AI agent's safety-bypass flag (`--dangerously-skip-permissions`,
    /// `--yolo`, `--trust-all-tools`, `--dangerously-bypass-approvals-and-sandbox`) in a file that spawns processes.
    ///
    /// ## Why it matters
    /// The nx "s1ngularity" compromise (August 2025) ran locally installed AI CLIs with these flags to inventory
    /// wallets, keys and tokens on developer machines.
    ///
    /// ## Example
    /// `spawnSync('claude', ['--dangerously-skip-permissions', '-p', prompt])`
    ///
    /// ## Known false positives
    /// Tooling that wraps agent CLIs for its own users could pass such flags; it would not do so from an
    /// install script or a library import. Without a process spawn in the same file the rule stays silent.
    pub static AI_AGENT_ABUSE = { id: "code/ai-agent-abuse", severity: Severity::Critical };
}

/// Flags bypass flags in files that spawn processes.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::AiAgentBypass, |f, s| {
        let loc = locality(p, f, s, &[Kind::Spawn]);
        if loc < Locality::File {
            return None;
        }
        let msg = format!(
            "AI agent CLI run with safety prompts disabled (`{}`)",
            s.detail
        );
        Some(finding(
            &AI_AGENT_ABUSE,
            AI_AGENT_ABUSE.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::Spawn]),
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
                "a.js",
                "const cp = require('child_process');\ncp.spawnSync('claude', ['--dangerously-skip-permissions', '-p', 'x']);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/ai-agent-abuse"),
            vec![("a.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_docs_only() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "README.md",
                "Run `claude --dangerously-skip-permissions` at your own risk.\n",
            ),
        ]);
        assert!(hits(&s, "code/ai-agent-abuse").is_empty());
    }
}
