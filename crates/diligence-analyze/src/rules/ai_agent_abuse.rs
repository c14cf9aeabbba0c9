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
    /// `--yolo` is also an ordinary option of many other CLIs (a release tool's "skip the checks" switch in
    /// its help text): it counts only in a file that names an AI agent CLI program (`gemini`, `claude`,
    /// `codex`, `qwen`, …); the agent-specific flags count on their own.
    pub static AI_AGENT_ABUSE = { id: "code/ai-agent-abuse", severity: Severity::Critical };
}

/// Bypass flags that only AI agent CLIs use: they name the agent by themselves.
const AGENT_SPECIFIC: &[&str] = &[
    "--dangerously-skip-permissions",
    "--trust-all-tools",
    "--dangerously-bypass-approvals-and-sandbox",
];

/// AI coding agent CLI programs (a generic flag such as `--yolo` is theirs only when the file
/// names one of them).
const AGENT_PROGRAMS: &[&str] = &[
    "claude",
    "gemini",
    "codex",
    "qwen",
    "copilot",
    "cursor-agent",
    "opencode",
    "aider",
];

/// True when `text` names an AI agent CLI program as a word (`'gemini'`, `gemini -p`).
fn names_agent_program(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    AGENT_PROGRAMS.iter().any(|prog| {
        lower.match_indices(prog).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + prog.len()..].chars().next();
            let word = |c: Option<char>| {
                c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            };
            !word(before) && !word(after)
        })
    })
}

/// Flags bypass flags in files that spawn processes.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::AiAgentBypass, |f, s| {
        let loc = locality(p, f, s, &[Kind::Spawn]);
        if loc < Locality::File {
            return None;
        }
        // A generic flag (`--yolo`: also a release tool's "skip checks" switch) is an agent's
        // only in a file that names an agent program.
        if !AGENT_SPECIFIC.iter().any(|flag| s.detail.contains(flag))
            && !f.text.as_deref().is_some_and(names_agent_program)
        {
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
    fn positive_generic_flag_with_agent_program() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "const { spawnSync } = require('child_process');\nconst bin = 'gemini';\nspawnSync(bin, ['--yolo', '-p', 'list files']);\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/ai-agent-abuse"),
            vec![("a.js".to_string(), 3)]
        );
    }

    #[test]
    fn negative_generic_flag_in_own_help_text() {
        // A release CLI documents its own `--yolo` switch and runs git: no agent is driven.
        let s = scan(&[
            ("package.json", PJ),
            (
                "cli.js",
                "import {execa} from 'execa';\nconst help = `\n  Options\n    --yolo     Skip cleanup and tests\n    --branch   Release branch\n`;\nexport const run = () => execa('git', ['status']);\nconsole.log(help);\n",
            ),
        ]);
        assert!(hits(&s, "code/ai-agent-abuse").is_empty());
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
