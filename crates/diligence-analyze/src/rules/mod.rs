//! The `code/…` rules, one file each. A rule reads [`PackageFacts`] and returns findings with
//! a locality (see [`crate::verdict`]); [`rules()`] lists them for `diligence rules`.

mod ai_agent_abuse;
mod ai_config_injection;
mod analysis_evasion;
mod archive_anomaly;
mod at_load;
mod backdoor_route;
mod blockchain_dead_drop;
mod browser_data_theft;
mod cloud_metadata;
mod credential_theft;
mod crypto_clipper;
mod cryptominer;
mod decode_exec;
mod detached_install_spawn;
mod download_exec;
mod env_exfiltration;
mod file_drop;
mod gyp_command;
mod hidden_payload;
mod host_data_exfiltration;
mod import_time_dos;
mod install_script;
mod install_script_network;
mod install_self_delete;
mod logic_bomb;
mod mail_bcc_injection;
mod manifest_confusion;
mod minified_differs;
mod native_binary;
mod network_monkey_patch;
mod obfuscated_code;
mod offscreen_code;
mod package_tamper;
mod persistence;
mod process_memory;
mod protestware;
mod remote_dependency;
mod reverse_shell;
mod script_dropper;
mod second_runtime;
mod self_publish;
mod steganography;
mod suspicious_endpoint;
mod targeted_page_takeover;
mod wallet_drainer;
mod wallet_secret_exfiltration;
mod windows_lolbin;
mod wiper;
mod worm_propagation;

use crate::flow::{FlowPath, SinkKind, SourceKind};
use crate::signal::{self, FileFacts, Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use crate::{CodeFinding, Evidence};
use diligence_finding::{Rule, Severity};

type Check = fn(&PackageFacts) -> Vec<CodeFinding>;

const ALL: &[(&Rule, Check)] = &[
    (&ai_agent_abuse::AI_AGENT_ABUSE, ai_agent_abuse::check),
    (
        &ai_config_injection::AI_CONFIG_INJECTION,
        ai_config_injection::check,
    ),
    (&analysis_evasion::ANALYSIS_EVASION, analysis_evasion::check),
    (&archive_anomaly::ARCHIVE_ANOMALY, archive_anomaly::check),
    (&backdoor_route::BACKDOOR_ROUTE, backdoor_route::check),
    (
        &blockchain_dead_drop::BLOCKCHAIN_DEAD_DROP,
        blockchain_dead_drop::check,
    ),
    (
        &browser_data_theft::BROWSER_DATA_THEFT,
        browser_data_theft::check,
    ),
    (&credential_theft::CREDENTIAL_THEFT, credential_theft::check),
    (&crypto_clipper::CRYPTO_CLIPPER, crypto_clipper::check),
    (&cryptominer::CRYPTOMINER, cryptominer::check),
    (&decode_exec::DECODE_EXEC, decode_exec::check),
    (
        &detached_install_spawn::DETACHED_INSTALL_SPAWN,
        detached_install_spawn::check,
    ),
    (&download_exec::DOWNLOAD_EXEC, download_exec::check),
    (&env_exfiltration::ENV_EXFILTRATION, env_exfiltration::check),
    (&file_drop::FILE_DROP, file_drop::check),
    (&gyp_command::GYP_COMMAND, gyp_command::check),
    (&hidden_payload::HIDDEN_PAYLOAD, hidden_payload::check),
    (
        &host_data_exfiltration::HOST_DATA_EXFILTRATION,
        host_data_exfiltration::check,
    ),
    (&import_time_dos::IMPORT_TIME_DOS, import_time_dos::check),
    (&install_script::INSTALL_SCRIPT, install_script::check),
    (
        &install_script_network::INSTALL_SCRIPT_NETWORK,
        install_script_network::check,
    ),
    (
        &install_self_delete::INSTALL_SELF_DELETE,
        install_self_delete::check,
    ),
    (&logic_bomb::LOGIC_BOMB, logic_bomb::check),
    (
        &mail_bcc_injection::MAIL_BCC_INJECTION,
        mail_bcc_injection::check,
    ),
    (
        &manifest_confusion::MANIFEST_CONFUSION,
        manifest_confusion::check,
    ),
    (&minified_differs::MINIFIED_DIFFERS, minified_differs::check),
    (&native_binary::NATIVE_BINARY, native_binary::check),
    (
        &network_monkey_patch::NETWORK_MONKEY_PATCH,
        network_monkey_patch::check,
    ),
    (&obfuscated_code::OBFUSCATED_CODE, obfuscated_code::check),
    (&offscreen_code::OFFSCREEN_CODE, offscreen_code::check),
    (&package_tamper::PACKAGE_TAMPER, package_tamper::check),
    (&persistence::PERSISTENCE, persistence::check),
    (&process_memory::PROCESS_MEMORY_READ, process_memory::check),
    (&protestware::PROTESTWARE, protestware::check),
    (
        &remote_dependency::REMOTE_DEPENDENCY,
        remote_dependency::check,
    ),
    (&reverse_shell::REVERSE_SHELL, reverse_shell::check),
    (&script_dropper::SCRIPT_DROPPER, script_dropper::check),
    (&second_runtime::SECOND_RUNTIME, second_runtime::check),
    (&self_publish::SELF_PUBLISH, self_publish::check),
    (&steganography::STEGANOGRAPHY, steganography::check),
    (
        &targeted_page_takeover::TARGETED_PAGE_TAKEOVER,
        targeted_page_takeover::check,
    ),
    (
        &suspicious_endpoint::SUSPICIOUS_ENDPOINT,
        suspicious_endpoint::check,
    ),
    (&wallet_drainer::WALLET_DRAINER, wallet_drainer::check),
    (
        &wallet_secret_exfiltration::WALLET_SECRET_EXFILTRATION,
        wallet_secret_exfiltration::check,
    ),
    (&windows_lolbin::WINDOWS_LOLBIN, windows_lolbin::check),
    (&wiper::WIPER, wiper::check),
    (&worm_propagation::WORM_PROPAGATION, worm_propagation::check),
];

/// Every `code/…` rule, sorted by id.
pub fn rules() -> Vec<&'static Rule> {
    ALL.iter().map(|(r, _)| *r).collect()
}

/// Runs every rule.
pub(crate) fn check_all(p: &PackageFacts) -> Vec<CodeFinding> {
    ALL.iter().flat_map(|(_, check)| check(p)).collect()
}

/// Network-ish capabilities an exfiltration needs.
pub(crate) const SENDS: &[Kind] = &[Kind::Network, Kind::BrowserSend, Kind::ShellNetwork];

/// Size in bytes from which a JavaScript file counts as a bundle: many unrelated modules
/// concatenated (dev servers, devtools, browser automation ship 1–20 MB chunks), where sharing
/// the file says nothing about data flowing between two places.
pub(crate) const BUNDLE_BYTES: usize = 512 * 1024;

/// Of a bundle's bytes, how many must be code ([`FileFacts::code_bytes`]: outside comments,
/// not whitespace). Real bundles are mostly code, minified or not; a payload padded with
/// 800 KiB of comment lines is not a bundle, and keeps the proximity a small file has.
pub(crate) const BUNDLE_CODE_BYTES: usize = BUNDLE_BYTES / 2;

/// True when `f` is a bundle (see [`BUNDLE_BYTES`] and [`BUNDLE_CODE_BYTES`]).
pub(crate) fn is_bundle(f: &FileFacts) -> bool {
    f.text.as_ref().is_some_and(|t| t.len() >= BUNDLE_BYTES) && f.code_bytes >= BUNDLE_CODE_BYTES
}

/// Where the nearest signal of `needs` is relative to `s` in `f`. In a bundle only the same
/// function counts as near (and a bundle's module scope, where minified bundles put most of
/// their modules, is no function): elsewhere in the file is as far as elsewhere in the package.
pub(crate) fn locality(p: &PackageFacts, f: &FileFacts, s: &Signal, needs: &[Kind]) -> Locality {
    if !f.has_any(needs) {
        return far_locality(p, f, needs);
    }
    let bundle_scope = s.func == 0 && is_bundle(f);
    if !bundle_scope
        && f.signals
            .iter()
            .any(|o| o.func == s.func && needs.contains(&o.kind))
    {
        return Locality::Function;
    }
    if is_bundle(f) {
        return Locality::Package;
    }
    Locality::File
}

fn far_locality(p: &PackageFacts, f: &FileFacts, needs: &[Kind]) -> Locality {
    // A module this file requires, or one that requires it, counts as the same file: data
    // crosses one `require` edge (constants in one module, the sink in the next).
    let adjacent = p
        .files
        .iter()
        .filter(|o| f.deps.contains(&o.path) || o.deps.contains(&f.path));
    for o in adjacent {
        if o.has_any(needs) {
            return Locality::File;
        }
    }
    if p.has_any(needs) {
        return Locality::Package;
    }
    Locality::Alone
}

/// One evidence step from a signal.
pub(crate) fn ev(f: &FileFacts, s: &Signal) -> Evidence {
    Evidence {
        kind: s.kind.as_str().to_string(),
        file: f.path.clone(),
        line: s.line,
        detail: s.detail.clone(),
    }
}

/// Evidence for the first signal of each kind in `kinds` (same file first, then package).
pub(crate) fn chain(p: &PackageFacts, f: &FileFacts, s: &Signal, kinds: &[Kind]) -> Vec<Evidence> {
    let mut out = vec![ev(f, s)];
    for k in kinds {
        let near = f.signals.iter().find(|o| o.kind == *k && o.func == s.func);
        let hit = near
            .map(|o| (f, o))
            .or_else(|| f.signals.iter().find(|o| o.kind == *k).map(|o| (f, o)))
            .or_else(|| p.all(*k).next());
        if let Some((ff, o)) = hit {
            out.push(ev(ff, o));
        }
    }
    out
}

/// Builds a finding at the signal's place.
pub(crate) fn finding(
    rule: &Rule,
    severity: Severity,
    f: &FileFacts,
    s: &Signal,
    locality: Locality,
    message: String,
    evidence: Vec<Evidence>,
) -> CodeFinding {
    CodeFinding {
        rule: rule.id.to_string(),
        severity,
        file: f.path.clone(),
        line: s.line,
        snippet: f.snippet(s.line),
        message,
        locality,
        install_time: f.install_time,
        reachable: f.reachable,
        evidence,
    }
}

/// Source → sink paths whose source is one of `sources` and sink one of `sinks`, at most one
/// per sink place and source kind (the solver already keeps one per sink and source kind).
pub(crate) fn flows<'p>(
    p: &'p PackageFacts,
    sources: &'p [SourceKind],
    sinks: &'p [SinkKind],
) -> impl Iterator<Item = &'p FlowPath> + 'p {
    p.flows
        .paths
        .iter()
        .filter(move |f| sources.contains(&f.source) && sinks.contains(&f.sink))
}

/// The evidence chain of a path: the source, each transform, the sink.
pub(crate) fn flow_evidence(path: &FlowPath) -> Vec<Evidence> {
    let mut out = vec![Evidence {
        kind: format!("source:{}", path.source.as_str()),
        file: path.from.file.clone(),
        line: path.from.line,
        detail: path.from.what.clone(),
    }];
    out.extend(path.steps.iter().map(|s| Evidence {
        kind: "transform".into(),
        file: s.file.clone(),
        line: s.line,
        detail: s.what.clone(),
    }));
    let to = match &path.dest {
        Some(d) => format!("{} to {d}", path.to.what),
        None => path.to.what.clone(),
    };
    out.push(Evidence {
        kind: format!("sink:{}", path.sink.as_str()),
        file: path.to.file.clone(),
        line: path.to.line,
        detail: to,
    });
    out
}

/// One line for a person: `process.env (index.js:2) → JSON.stringify (3) → https.request (5)`.
pub(crate) fn describe(path: &FlowPath) -> String {
    let at = |file: &str, line: u32| {
        if file == path.to.file {
            format!("{line}")
        } else {
            format!("{file}:{line}")
        }
    };
    let mut parts = vec![format!(
        "{} `{}` ({})",
        path.source.as_str(),
        signal::truncate(&path.from.what, 60),
        at(&path.from.file, path.from.line)
    )];
    for s in &path.steps {
        parts.push(format!("{} ({})", s.what, at(&s.file, s.line)));
    }
    let dest = path
        .dest
        .as_deref()
        .map(|d| format!(" to {}", signal::truncate(d, 60)))
        .unwrap_or_default();
    parts.push(format!(
        "{}{dest} ({})",
        signal::truncate(&path.to.what, 60),
        at(&path.to.file, path.to.line)
    ));
    parts.join(" → ")
}

/// Call or module boundaries a flow path may cross inside a bundle and still count at its
/// rule's severity (see [`flow_finding`]).
pub(crate) const MAX_BUNDLE_HOPS: usize = 3;

/// Call or module boundaries any flow path may cross and still count at its rule's severity
/// (a payload's own helpers: a few round trips; joins through shared helpers of multi-chunk
/// `dist/` folders such as knip's and devframe's: eight and more).
pub(crate) const MAX_HOPS: usize = 6;

/// A finding at a path's sink, with the path as evidence. Install-time and reachability
/// hold when either end's file has them. A path crossing more than [`MAX_HOPS`] call or module
/// boundaries (`argument`, `returned`, `imported`, `exported` steps; see
/// [`FlowPath::crossings`](crate::flow::FlowPath::crossings)), or more than
/// [`MAX_BUNDLE_HOPS`] with an end in a bundle, is at most medium.
pub(crate) fn flow_finding(
    rule: &Rule,
    severity: Severity,
    p: &PackageFacts,
    path: &FlowPath,
    message: String,
) -> CodeFinding {
    let sink = p.file(&path.to.file);
    let source = p.file(&path.from.file);
    let any = |get: fn(&FileFacts) -> bool| sink.is_some_and(get) || source.is_some_and(get);
    // Value flow returns a helper's argument only to its own call, but a value stored in a
    // shared variable or object still meets every reader. A path through many call boundaries inside a bundle (playwright-core's 80,000-line
    // `coreBundle.js`: env → 9 returns → `.end()`) is more likely such a join than a payload,
    // so it counts as a medium signal, not proof.
    let hops = path.crossings();
    let severity = if (hops > MAX_BUNDLE_HOPS && any(is_bundle)) || hops > MAX_HOPS {
        severity.min(Severity::Medium)
    } else {
        severity
    };
    CodeFinding {
        rule: rule.id.to_string(),
        severity,
        file: path.to.file.clone(),
        line: path.to.line,
        snippet: sink.map(|f| f.snippet(path.to.line)).unwrap_or_default(),
        message,
        locality: Locality::Function,
        install_time: any(|f| f.install_time),
        reachable: any(|f| f.reachable),
        evidence: flow_evidence(path),
    }
}

/// Keeps the strongest finding per (file, line): one sink reached by several sources is
/// reported once, the others' sources added to its evidence.
pub(crate) fn one_per_sink(mut v: Vec<CodeFinding>) -> Vec<CodeFinding> {
    v.sort_by(|a, b| {
        (a.file.as_str(), a.line, std::cmp::Reverse(a.severity)).cmp(&(
            b.file.as_str(),
            b.line,
            std::cmp::Reverse(b.severity),
        ))
    });
    let mut out: Vec<CodeFinding> = Vec::new();
    for f in v {
        match out.last_mut() {
            Some(last) if last.file == f.file && last.line == f.line => {
                if let Some(src) = f.evidence.first() {
                    last.evidence.insert(1, src.clone());
                }
            }
            _ => out.push(f),
        }
    }
    out
}

/// True when one of the path findings `traced` starts at the signal's place: the heuristic
/// finding for that signal would repeat a proven path.
pub(crate) fn traced(traced: &[CodeFinding], f: &FileFacts, s: &Signal) -> bool {
    traced.iter().any(|t| {
        t.evidence
            .first()
            .is_some_and(|e| e.file == f.path && e.line == s.line)
    })
}

/// True when a destination is an exfiltration-style endpoint (webhook, OAST, tunnel, paste
/// site, chat bot API) or a raw public IP address.
pub(crate) fn exfil_destination(dest: Option<&str>) -> bool {
    let Some(d) = dest else { return false };
    let mut sigs = Vec::new();
    crate::text::scan_str(d, 0, 0, &mut sigs);
    let host_only = !d.contains("://");
    if host_only {
        crate::text::scan_str(&format!("https://{d}/"), 0, 0, &mut sigs);
    }
    sigs.iter().any(|s| s.kind == Kind::Endpoint)
}

/// At most one finding per (file, line) from `kind` signals; `make` decides each.
pub(crate) fn per_signal(
    p: &PackageFacts,
    kind: Kind,
    mut make: impl FnMut(&FileFacts, &Signal) -> Option<CodeFinding>,
) -> Vec<CodeFinding> {
    let mut out: Vec<CodeFinding> = Vec::new();
    for (f, s) in p.all(kind) {
        if out.iter().any(|o| o.file == f.path && o.line == s.line) {
            continue;
        }
        if let Some(x) = make(f, s) {
            out.push(x);
        }
        if out.len() >= 20 {
            break;
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::{PackageFile, PackageScan, ScanOptions, scan_files};

    /// Scans in-memory files; the first must be `package.json`.
    pub fn scan(files: &[(&str, &str)]) -> PackageScan {
        let files = files
            .iter()
            .map(|(p, c)| PackageFile {
                path: p.to_string(),
                bytes: c.as_bytes().to_vec(),
            })
            .collect();
        scan_files(files, Vec::new(), "test", &ScanOptions::default())
    }

    /// (rule, file, line) of findings of `rule`.
    pub fn hits(scan: &PackageScan, rule: &str) -> Vec<(String, u32)> {
        scan.findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| (f.file.clone(), f.line))
            .collect()
    }

    /// The first finding of `rule`; panics, listing the findings, when there is none.
    pub fn finding<'a>(scan: &'a PackageScan, rule: &str) -> &'a crate::CodeFinding {
        scan.findings
            .iter()
            .find(|f| f.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} finding in {:?}", scan.findings))
    }

    /// The severity of the first finding of `rule`, `None` without one.
    pub fn severity(scan: &PackageScan, rule: &str) -> Option<diligence_finding::Severity> {
        scan.findings
            .iter()
            .find(|f| f.rule == rule)
            .map(|f| f.severity)
    }

    /// The facts the rules see for in-memory files (paths relative to the package root).
    pub fn scan_facts(files: &[(&str, &str)]) -> crate::signal::PackageFacts {
        let files = files
            .iter()
            .map(|(p, c)| PackageFile {
                path: p.to_string(),
                bytes: c.as_bytes().to_vec(),
            })
            .collect();
        crate::pipeline::collect(files, Vec::new(), &ScanOptions::default())
    }

    pub const PJ: &str = r#"{"name":"t","version":"1.0.0"}"#;
}
