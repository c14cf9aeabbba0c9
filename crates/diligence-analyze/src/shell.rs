//! Shell-level indicators of one command line (a lifecycle script, a spawned command): network
//! tools, downloads piped into a shell, host details substituted into arguments.

use crate::signal::{Kind, Signal};

/// Shell-level signals of one command line: network tools, downloads piped into a shell, host
/// details substituted into arguments. Used for lifecycle scripts and spawned command lines.
pub(crate) fn shell_signals(cmd: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    let lower = cmd.to_ascii_lowercase();
    let net_tools = [
        "curl ",
        "wget ",
        "nslookup ",
        "dig ",
        "nc ",
        "invoke-webrequest",
        "iwr ",
        "irm ",
        "invoke-restmethod",
        "ping -c",
    ];
    if net_tools
        .iter()
        .any(|t| lower.contains(t) || lower.starts_with(t.trim_end()))
    {
        out.push(Signal {
            kind: Kind::ShellNetwork,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
    let pipe_exec = [
        "| sh",
        "|sh",
        "| bash",
        "|bash",
        "| iex",
        "|iex",
        "| powershell",
        "| node",
        "| zsh",
    ];
    if pipe_exec.iter().any(|p| lower.contains(p)) {
        out.push(Signal {
            kind: Kind::ShellPipeExec,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
    let host_info = [
        "$(whoami",
        "$(hostname",
        "$(pwd",
        "$(id",
        "`whoami`",
        "`hostname`",
        "%username%",
        "%computername%",
        "$env:username",
        "$(uname",
        "$(cat ",
    ];
    if host_info.iter().any(|h| lower.contains(h)) {
        out.push(Signal {
            kind: Kind::ShellHostInfo,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
}
