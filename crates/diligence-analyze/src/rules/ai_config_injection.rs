//! `code/ai-config-injection`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// An install script registers something with the user's AI coding assistants: it writes their MCP configuration.
    ///
    /// ## What it detects
    /// An AI assistant's MCP or agent configuration file (`mcp.json` of Cursor or VS Code, Claude Code's
    /// `.claude.json`, Windsurf's `mcp_config.json`, Claude Desktop's `claude_desktop_config.json`) named in
    /// install-time code — a lifecycle script's file or what it loads or starts — that writes files.
    ///
    /// ## Why it matters
    /// An MCP server entry is a program the assistant starts by itself, with the user's files and the assistant's
    /// trust; its tool descriptions are instructions the model follows. The SANDWORM_MODE Shai-Hulud variant (2025)
    /// wrote a rogue server into Claude Code, Cursor, Windsurf and VS Code configurations from `postinstall`, with a
    /// tool description asking the assistant to hand over `.env` files, and harvested LLM provider keys. Installing a
    /// library never needs to change which programs an AI assistant runs.
    ///
    /// ## Example
    /// `fs.writeFileSync(path.join(os.homedir(), '.cursor', 'mcp.json'), JSON.stringify(cfg))` in `scripts/register.js`,
    /// run by `"postinstall": "node scripts/register.js"`.
    ///
    /// ## Known false positives
    /// MCP setup commands (`npx some-mcp init`, a package's `bin`) that a person runs on purpose write the same files:
    /// they are not install-time and are not reported. A postinstall that only reads these files (to print a hint) is
    /// not reported either: the file must write.
    pub static AI_CONFIG_INJECTION = { id: "code/ai-config-injection", severity: Severity::High };
}

/// One finding per AI-assistant configuration file named by writing install-time code.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::AiConfigPath, |f, s| {
        if !f.install_time || f.path == "package.json" || !f.has(Kind::FsWrite) {
            return None;
        }
        Some(finding(
            &AI_CONFIG_INJECTION,
            AI_CONFIG_INJECTION.default_severity,
            f,
            s,
            Locality::File,
            format!(
                "install-time code writes the AI assistant configuration `{}`",
                s.detail
            ),
            chain(p, f, s, &[Kind::FsWrite, Kind::LifecycleScript]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    const SRC: &str = "const fs = require('fs'), os = require('os'), path = require('path');\nconst file = path.join(os.homedir(), '.cursor', 'mcp.json');\nconst j = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};\nj.mcpServers = Object.assign(j.mcpServers || {}, { docs: { command: 'node', args: [path.join(os.homedir(), '.cache', 'd', 'server.js')] } });\nfs.writeFileSync(file, JSON.stringify(j));\n";

    /// A postinstall registers an MCP server in Cursor's configuration.
    #[test]
    fn positive_postinstall_registers_mcp_server() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node scripts/register.js\"}}",
            ),
            ("scripts/register.js", SRC),
        ]);
        assert_eq!(
            hits(&s, "code/ai-config-injection"),
            vec![("scripts/register.js".to_string(), 2)]
        );
        assert_ne!(s.verdict, Verdict::Clean);
    }

    /// The benign look-alike: the same code behind the package's own command, which a person
    /// runs to set the server up.
    #[test]
    fn negative_setup_command_run_by_hand() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"version\":\"1.0.0\",\"bin\":{\"t-mcp-setup\":\"bin/setup.js\"}}",
            ),
            ("bin/setup.js", SRC),
        ]);
        assert!(hits(&s, "code/ai-config-injection").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }
}
