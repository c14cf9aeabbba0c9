//! Signals: the facts the analysers record per file and per function, and the package-level
//! collection ([`PackageFacts`]) that the rules read.
//!
//! This module holds the shared fact *types* only; the analysers ([`crate::js`],
//! [`crate::text`], [`crate::scripts`], [`crate::entry`]) fill them and the driver
//! ([`crate::pipeline`]) runs them, so none of them imports another in a circle.
//!
//! A signal is either a *capability* (what the code can do: network, spawn, filesystem, env,
//! dynamic code, decipher, OS info) or a *threat atom* (a behaviour that only malware needs, or
//! an ingredient of one). Rules combine them; a capability alone never makes a finding above
//! `info`.

use crate::archive::Anomaly;
use crate::classify::FileKind;
use crate::finding::CapabilityUse;
use std::collections::{BTreeMap, BTreeSet};

/// What a signal says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    // Capabilities.
    Network,
    Spawn,
    FsRead,
    FsWrite,
    FsChmod,
    EnvRead,
    DynamicCode,
    Decipher,
    OsInfo,
    // Threat atoms.
    EnvDump,
    EnvIterate,
    EnvSecretFilter,
    CredentialPath,
    DotenvPath,
    DecodeExec,
    ComputedCode,
    DataFileRead,
    RuntimeSpawn,
    Endpoint,
    StringArrayRotation,
    HexIdentifiers,
    CharCodeDecoder,
    HiddenModuleName,
    HiddenCode,
    InvisibleUnicode,
    FormHarvest,
    SensitiveField,
    CookieRead,
    StorageRead,
    BrowserSend,
    MonkeyPatch,
    /// An EIP-1193 transaction the code builds itself that moves funds to a hard-coded
    /// address (`eth_sendTransaction` with a constant `to`, or approve/transfer calldata
    /// naming a constant spender or recipient); the detail lists what was seen.
    WalletDrain,
    WalletRegex,
    WalletAddress,
    ClipboardHook,
    DevtoolsGate,
    CiGate,
    TimeGate,
    DetachedSpawn,
    GeoLookup,
    DestructiveFs,
    NpmToken,
    PackageJsonWrite,
    NpmPublish,
    PersistencePath,
    ReverseShell,
    InteractiveShell,
    RemoteExec,
    ChecksumVerify,
    RuntimeDropper,
    ImageRead,
    AiAgentBypass,
    LolBin,
    InfiniteLoop,
    ShellPipeExec,
    ShellNetwork,
    ShellHostInfo,
    NativeBinary,
    Manifest,
    ArchiveAnomaly,
    Unparsed,
    LifecycleScript,
    /// An obfuscator string array with its decoder function (see `js::deobfuscate`).
    StringArray,
    /// Control-flow flattening: `while (true) switch (order[i++]) { … }`.
    ControlFlowFlattening,
    /// Code placed after a long run of blanks on a line that already holds code, so it sits
    /// off-screen in editors and code viewers (see `js::offscreen_code`).
    OffscreenCode,
    /// A check for an analysis environment: localhost, a sandbox or VM (few CPUs, little
    /// memory, sandbox user or host names), a debugger.
    SandboxGate,
    // Install-time execution beyond `scripts` and behaviour with no flow (see `scripts`).
    /// A command line runs a file (`sh x.sh`, `cmd /c x.bat`, `./x`): detail = the path as written.
    RunsFile,
    /// A `binding.gyp` command expansion (`<!(…)`, `<!@(…)`): run by node-gyp at install.
    GypCommand,
    /// A shell command downloads a file and later runs, loads or registers it.
    DownloadRun,
    /// A mining-pool address or miner arguments (`stratum+tcp://`, `--donate-level`).
    MinerPool,
    /// A user's personal folder named as a path segment (`Desktop`, `Documents`, `OneDrive`).
    UserFolder,
    /// A file write or delete whose target is another installed package, the project being
    /// installed, or a path climbing out of the file's folder (see `js::visit::load_time`).
    OtherPackage,
    /// Locale, time-zone or country read (`resolvedOptions().timeZone`, `navigator.language`,
    /// `geo.country_code`): a targeting gate.
    LocaleGate,
    /// The function `func` runs when the module loads (an IIFE, a callback or a same-file
    /// function called from module scope), or when another module that loads calls the export
    /// reaching it (see `scripts::mark_install_time`). Detail: `"{func}: …"` (signals are
    /// deduplicated by kind, line and detail).
    LoadTime,
    /// Load-time code calls the export of a relative module: detail = `specifier#member`
    /// (`./notice#` for the module's default export or `module.exports` itself).
    LoadCall,
    /// The function `func` runs when the module's export named in `detail` (`"{func}:{name}"`;
    /// an empty name: the default export / `module.exports`) is called.
    Export,
    // Behaviour with no flow (see `js::visit::behaviour`).
    /// `Math.random()` compared with a threshold: a decision left to chance.
    RandomGate,
    /// A computed file path overwritten with a short constant (`''`, a symbol).
    ConstantOverwrite,
    /// A delete of the running script or its folder (`__filename`, `process.argv[1]`,
    /// `__dirname`, `__dirname/NAME`): detail = which.
    SelfDelete,
    /// A command, code evaluation or delete inside an HTTP request handler, behind a request
    /// field compared with a hard-coded string: detail = the action and the comparison.
    KeyedRoute,
    /// A file write or delete that a network answer decides (inside a network callback, or in
    /// a function one calls by name).
    RemoteGate,
    /// A path into an installed package's folder (`'node_modules', 'name'`): detail = the name.
    PackageDir,
    /// A file read and written back through one path variable in one function (patching):
    /// detail = `__dirname|UPS` when the path starts at the file's folder, else `unknown`.
    ReadModifyWrite,
    /// A call that takes over the visitor's page: `window.open`, `alert`, `location.replace`,
    /// `location.assign`: detail = the call.
    PageTakeover,
    /// An outgoing email message built with a hard-coded `bcc` address next to a recipient
    /// that is not constant: detail = the address.
    MailBcc,
    /// An AI coding assistant's or IDE's MCP/agent configuration file named (`mcp.json`,
    /// `.claude.json`, `mcp_config.json`, `claude_desktop_config.json`).
    AiConfigPath,
    /// TLS certificate verification turned off by a constant (`rejectUnauthorized: false`,
    /// `NODE_TLS_REJECT_UNAUTHORIZED: '0'`): whatever answers can impersonate the server.
    TlsOff,
    /// The process ends itself (`process.exit`, `process.abort`, `process.kill(process.pid)`):
    /// detail = the call.
    ProcessExit,
}

impl Kind {
    /// Kebab-case name used in evidence chains.
    pub fn as_str(self) -> &'static str {
        use Kind::*;
        match self {
            Network => "network",
            Spawn => "process-spawn",
            FsRead => "fs-read",
            FsWrite => "fs-write",
            FsChmod => "fs-chmod",
            EnvRead => "env-read",
            DynamicCode => "dynamic-code",
            Decipher => "crypto-decipher",
            OsInfo => "os-info",
            EnvDump => "env-dump",
            EnvIterate => "env-iterate",
            EnvSecretFilter => "env-secret-filter",
            CredentialPath => "credential-path",
            DotenvPath => "dotenv-path",
            DecodeExec => "decode-exec",
            ComputedCode => "computed-code",
            DataFileRead => "data-file-read",
            RuntimeSpawn => "runtime-spawn",
            Endpoint => "suspicious-endpoint",
            StringArrayRotation => "string-array-rotation",
            HexIdentifiers => "hex-identifiers",
            CharCodeDecoder => "char-code-decoder",
            HiddenModuleName => "hidden-module-name",
            HiddenCode => "hidden-code",
            InvisibleUnicode => "invisible-unicode",
            FormHarvest => "form-harvest",
            SensitiveField => "sensitive-field",
            CookieRead => "cookie-read",
            StorageRead => "storage-read",
            BrowserSend => "browser-send",
            MonkeyPatch => "monkey-patch",
            WalletDrain => "wallet-drain",
            WalletRegex => "wallet-regex",
            WalletAddress => "wallet-address",
            ClipboardHook => "clipboard-hook",
            DevtoolsGate => "devtools-gate",
            CiGate => "ci-gate",
            TimeGate => "time-gate",
            DetachedSpawn => "detached-spawn",
            GeoLookup => "geo-lookup",
            DestructiveFs => "destructive-fs",
            NpmToken => "npm-token",
            PackageJsonWrite => "package-json-write",
            NpmPublish => "npm-publish",
            PersistencePath => "persistence-path",
            ReverseShell => "reverse-shell",
            InteractiveShell => "interactive-shell",
            RemoteExec => "remote-exec",
            ChecksumVerify => "checksum-verify",
            RuntimeDropper => "runtime-dropper",
            ImageRead => "image-read",
            AiAgentBypass => "ai-agent-bypass",
            LolBin => "lolbin",
            InfiniteLoop => "infinite-loop",
            ShellPipeExec => "shell-pipe-exec",
            ShellNetwork => "shell-network",
            ShellHostInfo => "shell-host-info",
            NativeBinary => "native-binary",
            Manifest => "manifest-mismatch",
            ArchiveAnomaly => "archive-anomaly",
            Unparsed => "unparsed",
            LifecycleScript => "lifecycle-script",
            StringArray => "string-array",
            ControlFlowFlattening => "control-flow-flattening",
            OffscreenCode => "offscreen-code",
            SandboxGate => "sandbox-gate",
            RunsFile => "runs-file",
            GypCommand => "gyp-command",
            DownloadRun => "download-run",
            MinerPool => "miner-pool",
            UserFolder => "user-folder",
            LocaleGate => "locale-gate",
            OtherPackage => "other-package",
            LoadTime => "load-time",
            LoadCall => "load-call",
            Export => "export",
            RandomGate => "random-gate",
            ConstantOverwrite => "constant-overwrite",
            SelfDelete => "self-delete",
            KeyedRoute => "keyed-route",
            RemoteGate => "remote-gate",
            PackageDir => "package-dir",
            ReadModifyWrite => "read-modify-write",
            PageTakeover => "page-takeover",
            MailBcc => "mail-bcc",
            AiConfigPath => "ai-config-path",
            TlsOff => "tls-off",
            ProcessExit => "process-exit",
        }
    }

    /// True for the capability kinds listed in [`crate::CapabilityUse`].
    pub fn is_capability(self) -> bool {
        use Kind::*;
        matches!(
            self,
            Network
                | Spawn
                | FsRead
                | FsWrite
                | FsChmod
                | EnvRead
                | DynamicCode
                | Decipher
                | OsInfo
        )
    }
}

/// One fact at one place.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Signal {
    pub kind: Kind,
    /// 1-based line in the file (0 = whole file).
    pub line: u32,
    /// Function id inside the file (0 = top level / module scope).
    pub func: u32,
    /// What was seen (module, host, decoded string, path…), at most 200 characters.
    pub detail: String,
}

/// Code recovered from an encoding inside a file that is not JavaScript (a base64 value of a
/// JSON document), for the driver to analyse as JavaScript placed at `line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedCode {
    /// 1-based line of the encoded value.
    pub line: u32,
    /// The decoded text.
    pub code: String,
}

/// Everything known about one file.
#[derive(Debug, Clone)]
pub struct FileFacts {
    pub path: String,
    pub kind: FileKind,
    /// Signals in source order (deduplicated by kind, line and detail).
    pub signals: Vec<Signal>,
    /// Relative module specifiers this file `require`s / imports (as written).
    pub requires: Vec<String>,
    /// Package files those specifiers resolve to.
    pub deps: Vec<String>,
    /// Source lines for snippets (only kept for text files).
    pub text: Option<String>,
    /// Bytes of the text that are code: for JavaScript, those outside comments that are not
    /// whitespace; for other text files, the text's length; 0 for binary and streamed files.
    /// Decides whether a file is a bundle ([`crate::rules`]), so padding a file with
    /// comments or blank lines does not make it one.
    pub code_bytes: usize,
    /// True when the file runs at install time.
    pub install_time: bool,
    /// True when an entry point (`main`, `exports`, `bin`, `module`, `browser`, a lifecycle
    /// script) reaches the file through static relative requires (see [`crate::entry`]).
    pub reachable: bool,
    /// The kinds present in `signals` (filled once all signals are in).
    pub kinds: BTreeSet<Kind>,
    /// Value-flow graphs of the file's program and of code decoded from it (see
    /// [`crate::flow`]).
    pub flows: Vec<crate::flow::FileFlow>,
}

impl FileFacts {
    /// Signals of `kind`.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Signal> {
        self.signals.iter().filter(move |s| s.kind == kind)
    }
    /// True when the file has a signal of `kind`.
    pub fn has(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }
    /// True when the file has a signal of any of `kinds`.
    pub fn has_any(&self, kinds: &[Kind]) -> bool {
        kinds.iter().any(|k| self.kinds.contains(k))
    }
    /// True when function `func` (or the whole file when `func` is `None`) has `kind`.
    pub fn has_in(&self, kind: Kind, func: u32) -> bool {
        self.signals
            .iter()
            .any(|s| s.kind == kind && s.func == func)
    }
    /// The trimmed source line `line` (1-based), at most 160 characters.
    pub fn snippet(&self, line: u32) -> String {
        let Some(text) = &self.text else {
            return String::new();
        };
        let Some(l) = text.lines().nth(line.saturating_sub(1) as usize) else {
            return String::new();
        };
        truncate(l.trim(), 160)
    }
}

/// Cuts `s` to at most `max` characters (on a char boundary), adding `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// Everything the rules see about one package.
#[derive(Debug, Default)]
pub struct PackageFacts {
    /// `name@version` from the root `package.json`.
    pub package_id: Option<String>,
    /// The parsed root `package.json` (Null when missing or invalid).
    pub manifest: serde_json::Value,
    /// The registry's version document, when given.
    pub registry_manifest: Option<serde_json::Value>,
    pub files: Vec<FileFacts>,
    pub anomalies: Vec<Anomaly>,
    pub file_count: usize,
    pub total_bytes: u64,
    /// Source → sink paths across the package (see [`crate::flow::solve`]).
    pub flows: crate::flow::Solution,
}

impl PackageFacts {
    /// True when any file has `kind`.
    pub fn has(&self, kind: Kind) -> bool {
        self.files.iter().any(|f| f.has(kind))
    }
    /// True when any file has any of `kinds`.
    pub fn has_any(&self, kinds: &[Kind]) -> bool {
        self.files.iter().any(|f| f.has_any(kinds))
    }
    /// All (file, signal) pairs of `kind`.
    pub fn all(&self, kind: Kind) -> impl Iterator<Item = (&FileFacts, &Signal)> {
        self.files
            .iter()
            .flat_map(move |f| f.of(kind).map(move |s| (f, s)))
    }
    /// The file at `path`.
    pub fn file(&self, path: &str) -> Option<&FileFacts> {
        self.files.iter().find(|f| f.path == path)
    }
    /// First use of each capability per file, sorted.
    pub fn capability_uses(&self) -> Vec<CapabilityUse> {
        let mut out = Vec::new();
        for f in &self.files {
            let mut seen = BTreeSet::new();
            for s in f.signals.iter().filter(|s| s.kind.is_capability()) {
                if seen.insert(s.kind) {
                    out.push(CapabilityUse {
                        capability: s.kind.as_str().to_string(),
                        file: f.path.clone(),
                        line: s.line,
                    });
                }
            }
        }
        out.sort();
        out
    }
}

/// Sorts by line and removes exact duplicates.
pub fn dedupe(signals: &mut Vec<Signal>) {
    signals.sort_by(|a, b| {
        (a.line, a.kind, &a.detail, a.func).cmp(&(b.line, b.kind, &b.detail, b.func))
    });
    signals.dedup_by(|a, b| a.kind == b.kind && a.line == b.line && a.detail == b.detail);
}

/// Groups signals per function id: `func -> kinds`.
pub fn kinds_by_func(f: &FileFacts) -> BTreeMap<u32, BTreeSet<Kind>> {
    let mut out: BTreeMap<u32, BTreeSet<Kind>> = BTreeMap::new();
    for s in &f.signals {
        out.entry(s.func).or_default().insert(s.kind);
    }
    out
}
