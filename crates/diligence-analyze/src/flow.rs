//! Value flow: which sensitive values reach which sinks, through which transforms.
//!
//! Each JavaScript program is turned (by `js::flow`) into a [`FileFlow`]: a graph whose
//! nodes are variables, parameters, return values and intermediate expression results, whose
//! edges say "the value of `from` can become (part of) the value of `to`" with the transform
//! on the way (`concatenated`, `base64`, `JSON.stringify`, `argument`, `returned`…), and whose
//! [`SourceFact`]s and [`SinkFact`]s mark where sensitive data enters and where data leaves.
//!
//! [`solve`] links the programs of one package (a relative `require`/`import` reads the
//! target module's exports), then propagates *labels* to a fixpoint with a worklist:
//! a label is either a source (this value may carry the environment, a credential file, a
//! form field…) or a function (this value may be that function; a call through it passes
//! the arguments to its parameters and its return value back, so callbacks, promise chains,
//! exported helpers and methods of local objects are followed). A source label carries a
//! calling context (the innermost calls it entered a function through, at most
//! `MAX_CTX_DEPTH`): a value that entered a function at one call returns only to that call's
//! result, so a helper shared by many callers (a bundle's `__name`, a string trimmer) does
//! not join one caller's argument to every other caller's result. The analysis is
//! flow-insensitive and field-insensitive (a property write taints the whole object): it
//! over-approximates, and the rules judge a path by its source, its sink and where the data
//! goes. It is bounded: [`MAX_LABELS_PER_NODE`] and [`MAX_STEPS`] cap the work on
//! pathological inputs (a cap hit is reported in [`Solution::truncated`]).
//!
//! A [`FlowPath`] keeps the evidence: source line → transforms → sink line.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hasher for the solver's and builder's integer keys (the
/// multiply-rotate scheme of rustc's FxHash). Keys come from our own graph, not from input
/// an attacker controls as hash keys, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(v));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// `HashMap` with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// `HashSet` with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A node of one program's graph (index into [`FileFlow::nodes`]).
pub type Node = u32;

/// What kind of value enters at a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// The whole environment (`process.env`, its keys or entries).
    EnvAll,
    /// One environment variable with a secret-looking name (`NPM_TOKEN`, `AWS_SECRET…`).
    EnvSecret,
    /// The content of a credential store (npm, SSH, cloud, Docker, Kubernetes, git, browser
    /// profiles, chat-app token stores, wallets); the detail names the store.
    Credential,
    /// The machine's host name (`os.hostname()`, `$HOSTNAME`, `hostname` output).
    HostName,
    /// The user name (`os.userInfo()`, `$USER`, `whoami` output).
    UserName,
    /// Network interfaces, local or public IP addresses.
    NetAddress,
    /// `document.cookie`.
    Cookie,
    /// `localStorage` / `sessionStorage`.
    Storage,
    /// Form or input values (`querySelectorAll('input')`, `FormData`, `submit` events).
    FormInput,
    /// Password or payment-card fields.
    Password,
    /// Key strokes (`keydown`/`keypress`/`keyup` events).
    Keystrokes,
    /// Clipboard contents.
    Clipboard,
    /// Answers of a wallet provider (`window.ethereum.request`).
    Wallet,
    /// A wallet secret handed to the code: a parameter or variable named like a seed, a
    /// mnemonic or a private key (`fromSeed(seed)`, `new Wallet(publicKey, privateKey)`).
    WalletSecret,
    /// The arguments of a replaced network function (`window.fetch = function (url, opts)`,
    /// `XMLHttpRequest.prototype.send = function (body)`): every request the page makes.
    Intercepted,
    /// Data received from the network.
    NetworkData,
    /// The request an HTTP handler received (`(req, res) => …`: its headers, body, query):
    /// what any client of the application's server sends.
    Request,
    /// Data decoded at run time (base64, hex, char codes, inflate).
    Decoded,
    /// Data decrypted at run time (`crypto.createDecipher*`).
    Deciphered,
    /// A non-code file of the package read at run time (`.dat`, `.bin`, images, JSON…).
    PackageData,
    // Markers: not sensitive themselves, they tell the rules where data goes and the solver
    // what a read returns.
    /// A constant URL (the detail is the URL).
    UrlLiteral,
    /// A string naming a credential store (the detail names the store); a file read whose
    /// path carries it returns [`SourceKind::Credential`].
    CredentialName,
    /// The name of a binary package data file (an image, a font, `.bin`, `.dat`); a file read
    /// whose path carries it returns [`SourceKind::PackageData`].
    DataFileName,
    /// A network connection or request object (its `write`/`send`/`end` send data); the
    /// detail is its constant destination, or empty.
    NetHandle,
    /// A file write stream (the detail is the path key).
    FileHandle,
    /// A constant that reads as text once hex- or base64-decoded, or a constant array of
    /// character codes (the detail is the text). Along a decoding step (`hex-decoded`,
    /// `base64-decoded`, `char codes`) in whatever function or module, the solver makes it a
    /// [`SourceKind::Decoded`] source: a config module's hex strings decoded by a helper of
    /// another module are a hidden payload like `Buffer.from('…', 'hex')` in place.
    EncodedText,
}

impl SourceKind {
    /// Kebab-case name for evidence.
    pub fn as_str(self) -> &'static str {
        use SourceKind::*;
        match self {
            EnvAll => "environment",
            EnvSecret => "secret-env-var",
            Credential => "credential-file",
            HostName => "host-name",
            UserName => "user-name",
            NetAddress => "ip-address",
            Cookie => "cookie",
            Storage => "web-storage",
            FormInput => "form-input",
            Password => "password-field",
            Keystrokes => "keystrokes",
            Clipboard => "clipboard",
            Wallet => "wallet",
            WalletSecret => "wallet-secret",
            Intercepted => "intercepted-request",
            NetworkData => "network-data",
            Request => "client-request",
            Decoded => "decoded-data",
            Deciphered => "decrypted-data",
            PackageData => "package-data-file",
            UrlLiteral => "url",
            CredentialName => "credential-path",
            DataFileName => "data-file-path",
            NetHandle => "network-handle",
            FileHandle => "file-handle",
            EncodedText => "encoded-text",
        }
    }

    /// True for markers ([`SourceKind::UrlLiteral`], [`SourceKind::CredentialName`],
    /// [`SourceKind::NetHandle`]): labels that are not data worth reporting.
    pub fn is_marker(self) -> bool {
        matches!(
            self,
            SourceKind::UrlLiteral
                | SourceKind::CredentialName
                | SourceKind::DataFileName
                | SourceKind::NetHandle
                | SourceKind::FileHandle
                | SourceKind::EncodedText
        )
    }
}

/// Where data leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SinkKind {
    /// Sent over the network (HTTP body, URL or headers, socket write, WebSocket, beacon,
    /// a DOM element's `src`, a shell command running `curl`/`wget`/`nc`, mail through an
    /// SMTP transport's `sendMail`).
    Network,
    /// Used as a DNS name (`dns.lookup`, `dns.resolve*`).
    Dns,
    /// Run as a command (`exec*`, `spawn*`, `fork`, `execa`, `Bun.spawn`…).
    Exec,
    /// Run as code (`eval`, `Function`, `vm.*`, `module._compile`, `setTimeout(string)`).
    Eval,
    /// Loaded as a module (`require`/`import()` of a computed path).
    Require,
    /// Written to a file.
    FileWrite,
    /// Put before the user's wallet to approve: the request object of an EIP-1193 call that
    /// spends or signs (`provider.request({ method: 'eth_sendTransaction', params })`).
    Wallet,
    /// The URL of a script that worker source text built at run time loads: spliced in after
    /// `importScripts(` (a Blob worker's loader). Kept apart from [`SinkKind::Network`]: a build
    /// tool generating worker code sends nothing itself.
    WorkerScript,
}

impl SinkKind {
    /// Kebab-case name for evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            SinkKind::Network => "network-send",
            SinkKind::Dns => "dns-query",
            SinkKind::Exec => "command-exec",
            SinkKind::Eval => "code-eval",
            SinkKind::Require => "module-load",
            SinkKind::FileWrite => "file-write",
            SinkKind::Wallet => "wallet-request",
            SinkKind::WorkerScript => "worker-script-load",
        }
    }
}

/// A source of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFact {
    pub kind: SourceKind,
    /// 1-based line.
    pub line: u32,
    /// What was read (`process.env`, the store, the selector…), at most 120 characters.
    pub detail: String,
}

/// Flags of a sink.
pub mod flags {
    /// A process spawned `detached`.
    pub const DETACHED: u8 = 1;
    /// A process spawned with its output ignored (`stdio: 'ignore'`) or hidden.
    pub const SILENT: u8 = 2;
    /// Dynamic code handed Node's module loader: a `Function` whose parameter list names
    /// `require`/`module`/`process` (`new Function('require', code)`), or a `vm` context
    /// object carrying `require`. The code it runs gets the whole of Node, which a browser
    /// module loader never hands to what it fetched.
    pub const NODE_SCOPE: u8 = 4;
    /// The destination (URL or request options) is data received from the network: an
    /// endpoint taken from a fetched configuration, so the package names no host at all.
    pub const REMOTE_DEST: u8 = 8;
    /// A shell or interpreter run without a shell of its own on an inline script that is a
    /// constant (`execFile('sh', ['-c', 'tar -xf "$1"', 'sh', file])`, PowerShell's
    /// `-Command '& { … $args[0] }'`): the other arguments are the script's data, and the
    /// script neither evaluates nor runs them.
    pub const CONST_SCRIPT: u8 = 16;
}

/// A sink of one program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SinkFact {
    pub kind: SinkKind,
    /// 1-based line.
    pub line: u32,
    /// The call or assignment (`https.request`, `<img>.src`, `eval`), at most 120 characters.
    pub detail: String,
    /// Nodes whose values leave.
    pub data: Vec<Node>,
    /// The node that decides where the data goes (a URL or request options), if any.
    pub dest: Option<Node>,
    /// The destination folded to a constant at build time (a URL or host), if it could be.
    pub dest_const: Option<String>,
    /// A method sink (`write`/`send`/`end`/`pipe`) counts only when this node carries a
    /// label of kind [`SinkFact::needs`] (a network handle, a file stream).
    pub receiver: Option<Node>,
    pub needs: Option<SourceKind>,
    /// For [`SinkKind::FileWrite`] the written path, for [`SinkKind::Exec`] and
    /// [`SinkKind::Require`] the program or module, folded to a constant when possible.
    pub path_key: Option<String>,
    /// See [`flags`].
    pub flags: u8,
}

/// The `what` of an edge that passes marker labels only (see [`SourceKind::is_marker`]).
pub const MARKERS_ONLY: &str = "#markers";

/// The `what` of a property read (`o.x`, `const { x } = o`): a property of the whole
/// environment is one variable, so [`SourceKind::EnvAll`] becomes [`SourceKind::EnvSecret`]
/// along it; everything else passes unchanged.
pub const MEMBER: &str = "#member";

/// The `what` of a call that turns an object into text or a list it can be read from
/// (`Object.entries`, `Object.keys`, an unknown library's serializer): the whole environment
/// along it is its content, not the object (see [`Graph::env_text`]).
pub const SERIALIZED: &str = "#serialized";

/// The `what` of a property read of one of the package's own modules (`cfg.remote` of
/// `require('./config')`, whose value the folder knows only as that module): module objects
/// are field-insensitive, so along it only hidden constants pass — the markers of URLs,
/// encoded text and credential store names, and data decoded or decrypted from constants —
/// the shapes of a config module that hides a loader's strings; everything else the module
/// exports would join every read of it.
pub const OWN_MEMBER: &str = "#own-member";

/// The `what` of `Object.keys(o)`: like [`SERIALIZED`] (the environment's names are its
/// content), shown as `keys` so the rules know only names were listed.
pub const SERIALIZED_KEYS: &str = "#keys";

/// Steps that make the whole environment's object into its content (text, bytes, a list).
const SERIALIZING: &[&str] = &[
    SERIALIZED,
    SERIALIZED_KEYS,
    "JSON.stringify",
    "base64",
    "hex",
    "bytes",
    "compressed",
    "encrypted",
    "cipher",
    "url-encoded",
];

/// Steps that decode an [`SourceKind::EncodedText`] constant into text.
const DECODING_STEPS: &[&str] = &["hex-decoded", "base64-decoded", "char codes"];

/// The `what` of the step from a response's headers to its `Location`: the URL a server
/// redirects to (a downloader follows it; it is not content).
pub const REDIRECT_TARGET: &str = "redirect target";

/// The names of transforms and hops (an edge stores an index into this table).
const WHATS: &[&str] = &[
    "",
    MARKERS_ONLY,
    MEMBER,
    SERIALIZED,
    OWN_MEMBER,
    SERIALIZED_KEYS,
    "argument",
    "returned",
    "imported",
    "exported",
    "property",
    "stored",
    "concatenated",
    "template",
    "xor",
    "JSON.stringify",
    "base64",
    "base64-decoded",
    "hex",
    "hex-decoded",
    "bytes",
    "char codes",
    "compressed",
    "inflated",
    "encrypted",
    "decrypted",
    "cipher",
    "url-encoded",
    "url-decoded",
    "reversed",
    "replaced",
    "parsed",
    REDIRECT_TARGET,
];

/// One transform or hop on the way (shown in evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// 1-based line (0: not shown).
    pub line: u32,
    what: u8,
}

impl Step {
    /// A plain copy (not shown).
    pub const COPY: Step = Step { line: 0, what: 0 };

    /// A step at `line` named `what` (one of the transform names; an unknown name is shown
    /// as a plain copy).
    pub fn new(line: u32, what: &str) -> Step {
        let what = WHATS.iter().position(|w| *w == what).unwrap_or(0) as u8;
        Step { line, what }
    }

    /// The transform's name (`""` for plain copies).
    pub fn what(self) -> &'static str {
        WHATS[self.what as usize]
    }
}

/// A label given to a node before solving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    /// Index into [`FileFlow::sources`].
    Source(u32),
    /// Index into [`FileFlow::funcs`].
    Func(u32),
}

/// A function of one program: its parameter nodes and its return node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuncInfo {
    pub params: Vec<Node>,
    pub ret: Node,
    /// Names the function is known by (its declared name, the property names it is stored
    /// under): a method call `o.m(…)` reaches only functions named `m`.
    pub names: Vec<String>,
}

/// A call whose callee is only known after solving (a local function, a method of a local
/// object, a callback).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    pub callee: Node,
    pub args: Vec<Node>,
    pub result: Node,
    pub line: u32,
    /// For a method call `o.m(…)`, `m` (see [`FuncInfo::names`]).
    pub method: Option<String>,
}

/// A statically linked call edge: `edges[edge]` enters function `func` (argument to
/// parameter, `enter`) or leaves it (return value to result) at the call whose result is node
/// `call`. The solver uses it to return a value only to the call it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CallEdge {
    /// Index into [`FileFlow::edges`].
    pub edge: u32,
    /// Index into [`FileFlow::funcs`].
    pub func: u32,
    /// The call's result node.
    pub call: Node,
    /// True for argument → parameter, false for return value → result.
    pub enter: bool,
}

/// One program's flow graph (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileFlow {
    /// Number of nodes.
    pub nodes: u32,
    /// `(from, to, step)`: the value of `from` flows into `to`.
    pub edges: Vec<(Node, Node, Step)>,
    pub sources: Vec<SourceFact>,
    pub sinks: Vec<SinkFact>,
    pub funcs: Vec<FuncInfo>,
    pub init: Vec<(Node, Init)>,
    pub calls: Vec<CallSite>,
    /// The call edges among [`FileFlow::edges`] (direct calls linked by the builder).
    pub call_edges: Vec<CallEdge>,
    /// `(path node, result node, line)`: a file read; a credential name in the path makes
    /// the result a credential source.
    pub reads: Vec<(Node, Node, u32)>,
    /// `(node, specifier)`: the node receives the exports of a relative module.
    pub imports: Vec<(Node, String)>,
    /// The module's exports (`module.exports`, `exports.x`, ES `export`).
    pub exports: Option<Node>,
    /// True when the builder stopped early (a node cap on a huge program).
    pub truncated: bool,
}

/// One program in the package, as [`solve`] takes it.
pub struct Unit<'a> {
    /// Package path of the file (embedded programs share their file's path).
    pub path: &'a str,
    pub flow: &'a FileFlow,
    /// Index of the unit each import of `flow.imports` resolves to (same order; `None`:
    /// outside the package or not found).
    pub imports: Vec<Option<usize>>,
}

/// A located place of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: u32,
    pub what: String,
}

/// A complete source → sink path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowPath {
    pub source: SourceKind,
    pub sink: SinkKind,
    /// Where the source is read.
    pub from: Place,
    /// Transforms and hops between (at most [`MAX_PATH_STEPS`], the last ones).
    pub steps: Vec<Place>,
    /// Call and module boundaries on the whole path, shown or not (see [`boundaries`]).
    pub hops: usize,
    /// Where the data leaves.
    pub to: Place,
    /// The sink's constant destination (URL or host), when known at build time or carried
    /// by a URL literal into the destination argument.
    pub dest: Option<String>,
    /// Sink flags (see [`flags`]).
    pub flags: u8,
    /// The sink's path key (see [`SinkFact::path_key`]).
    pub path_key: Option<String>,
}

impl FlowPath {
    /// The call and module boundaries the rules judge a path by: across files the whole
    /// path's (multi-chunk `dist/` folders join through many helpers before the last steps
    /// shown), inside one file the steps shown (a payload's own helpers round-trip).
    pub fn crossings(&self) -> usize {
        if self.from.file == self.to.file {
            boundaries(&self.steps)
        } else {
            self.hops
        }
    }
}

/// A command run or module loaded whose program or path is known (to match with files the
/// package writes: a dropper writes a file, then runs or loads it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub kind: SinkKind,
    pub at: Place,
    /// See [`SinkFact::path_key`].
    pub key: String,
    pub flags: u8,
}

/// What [`solve`] returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Solution {
    pub paths: Vec<FlowPath>,
    pub runs: Vec<Run>,
    /// True when a cap stopped the propagation or a builder (the paths are a lower bound).
    pub truncated: bool,
}

/// Most labels one node holds; further labels are dropped (markers first never displace
/// sources: sources are kept preferentially by [`solve`]).
pub const MAX_LABELS_PER_NODE: usize = 48;
/// Most label propagations per package.
pub const MAX_STEPS: usize = 4_000_000;
/// Most transform steps shown per path.
pub const MAX_PATH_STEPS: usize = 8;
/// Most paths reported per package.
pub const MAX_PATHS: usize = 200;

const FUNC_BIT: u32 = 1 << 31;

/// A package-wide label: a source (index into the global source table) or a function
/// (`FUNC_BIT | index into the global function table`).
type Label = u32;

/// A label at a node and where it came from: the previous node and the edge number (see
/// [`Graph::step`]; `NONE` for a label given before solving), and the node's previous entry.
#[derive(Debug, Clone, Copy)]
struct Entry {
    label: Label,
    /// The calling context the label is in (index into [`Graph::ctxs`]; `NONE`: any).
    ctx: u32,
    prev: Node,
    /// The entry at `prev` it came from (`NONE` for a label given or made there).
    prev_entry: u32,
    edge: u32,
    next: u32,
}

/// How an edge moves a label's calling context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hop {
    Plain,
    /// Argument → parameter of global function `func` at the call whose result is global
    /// node `call`.
    Enter {
        call: Node,
        func: u32,
    },
    /// Return value of `func` → the result of the call `call`.
    Leave {
        call: Node,
        func: u32,
    },
}

/// Most calls a calling context remembers (the innermost ones); past them a label returns
/// to every caller, as without contexts.
const MAX_CTX_DEPTH: usize = 4;
/// Most calling contexts one label keeps at one node; past them it is kept once for any
/// context.
const MAX_CTX_PER_LABEL: usize = 4;

const NONE: u32 = u32::MAX;

/// Most function labels and marker labels per node (sensitive sources get the rest of
/// [`MAX_LABELS_PER_NODE`]): functions and URLs spread widely through module exports and
/// helpers, and past a few a node's functions say little.
const MAX_FUNCS_PER_NODE: usize = 4;
const MAX_MARKERS_PER_NODE: usize = 4;

struct Graph<'a> {
    units: &'a [Unit<'a>],
    /// First global node of each unit.
    node_base: Vec<u32>,
    source_base: Vec<u32>,
    func_base: Vec<u32>,
    /// Edges known before solving, by source node (compressed rows): the edges of node `n`
    /// are `targets[offsets[n]..offsets[n + 1]]`.
    offsets: Vec<u32>,
    targets: Vec<(Node, Step)>,
    /// The calling-context move of each of `targets`.
    target_hops: Vec<Hop>,
    /// Edges added while solving (calls linked through function labels), by source node;
    /// each is `(to, step)` and is numbered `DYN | index` in [`Graph::dyn_steps`].
    extra: FastMap<Node, Vec<(Node, u32)>>,
    dyn_steps: Vec<Step>,
    /// The calling-context move of each of `dyn_steps`.
    dyn_hops: Vec<Hop>,
    /// Calling contexts: `(call, func, parent)`, the innermost call first (see [`Hop`]); a
    /// label entering a function at a call returns only to that call's result, so a helper
    /// shared by many callers does not join one caller's data to another's sink.
    ctxs: Vec<(Node, u32, u32)>,
    ctx_ids: FastMap<(Node, u32, u32), u32>,
    /// `(context, call, func)` → the context entered (see [`Graph::push_ctx`]).
    pushed: FastMap<(u32, Node, u32), u32>,
    /// Calls by global callee node.
    calls_by_callee: FastMap<Node, Vec<(usize, usize)>>,
    /// Reads by global path node: `(result node, line, unit)`.
    reads_by_path: FastMap<Node, Vec<(Node, u32, usize)>>,
    /// Global source table: `(unit, fact)`; grows with credential reads found while solving.
    sources: Vec<(usize, SourceFact)>,
    /// Per node, the index of its newest label entry (`NONE` when it has none); entries link
    /// to the node's previous one.
    head: Vec<u32>,
    entries: Vec<Entry>,
    /// `(node, label, context)` of every entry (the duplicate check without walking the
    /// node's entries).
    held: FastSet<(Node, Label, u32)>,
    /// Contexts held per `(node, label)`.
    contexts: FastMap<(Node, Label), u8>,
    /// Per node: labels, function labels and marker labels held (for the caps, which count
    /// labels, not contexts).
    counts: Vec<[u16; 3]>,
    linked: FastSet<(usize, usize, u32)>,
    read_done: FastSet<(Node, Label)>,
    /// Single-variable labels made from environment labels (see [`Graph::env_member`]).
    env_members: FastMap<(Label, u32), Label>,
    /// `(encoded-text marker, decoding line)` → the [`SourceKind::Decoded`] label made there.
    decoded_at: FastMap<(Label, u32), Label>,
    /// The content of the whole environment (serialized, listed): label by object label,
    /// and the set of content labels (see [`Graph::env_text`]).
    env_texts: FastMap<Label, Label>,
    env_text_set: FastSet<Label>,
    /// `marker[s]`: source `s` is a marker (see [`SourceKind::is_marker`]).
    marker: Vec<bool>,
    /// `(node, entry)` to propagate.
    work: Vec<(Node, u32)>,
    steps: usize,
    truncated: bool,
}

/// Marks an edge number as an index into [`Graph::dyn_steps`].
const DYN: u32 = 1 << 31;

impl<'a> Graph<'a> {
    fn new(units: &'a [Unit<'a>]) -> Self {
        let (mut nb, mut sb, mut fb) = (Vec::new(), Vec::new(), Vec::new());
        let (mut n, mut s, mut f) = (0u32, 0u32, 0u32);
        let mut sources = Vec::new();
        for (i, u) in units.iter().enumerate() {
            nb.push(n);
            sb.push(s);
            fb.push(f);
            n += u.flow.nodes;
            s += u.flow.sources.len() as u32;
            f += u.flow.funcs.len() as u32;
            sources.extend(u.flow.sources.iter().map(|x| (i, x.clone())));
        }
        // All static edges, including imports (a relative import reads the target's exports).
        let mut all: Vec<(Node, Node, Step)> = Vec::new();
        let mut hops: FastMap<usize, Hop> = FastMap::default();
        for (i, u) in units.iter().enumerate() {
            let b = nb[i];
            for c in &u.flow.call_edges {
                let (call, func) = (b + c.call, fb[i] + c.func);
                let hop = if c.enter {
                    Hop::Enter { call, func }
                } else {
                    Hop::Leave { call, func }
                };
                hops.insert(all.len() + c.edge as usize, hop);
            }
            all.extend(
                u.flow
                    .edges
                    .iter()
                    .map(|&(from, to, step)| (b + from, b + to, step)),
            );
            for ((node, _), target) in u.flow.imports.iter().zip(&u.imports) {
                let Some(t) = *target else { continue };
                let Some(exports) = units[t].flow.exports else {
                    continue;
                };
                all.push((nb[t] + exports, b + node, Step::new(0, "imported")));
            }
        }
        let mut offsets = vec![0u32; n as usize + 1];
        for (from, _, _) in &all {
            offsets[*from as usize + 1] += 1;
        }
        for k in 1..offsets.len() {
            offsets[k] += offsets[k - 1];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![(0u32, Step::COPY); all.len()];
        let mut target_hops = vec![Hop::Plain; all.len()];
        for (k, (from, to, step)) in all.into_iter().enumerate() {
            let at = &mut fill[from as usize];
            targets[*at as usize] = (to, step);
            if let Some(h) = hops.get(&k) {
                target_hops[*at as usize] = *h;
            }
            *at += 1;
        }
        let mut g = Graph {
            units,
            node_base: nb,
            source_base: sb,
            func_base: fb,
            offsets,
            targets,
            target_hops,
            extra: FastMap::default(),
            dyn_steps: Vec::new(),
            dyn_hops: Vec::new(),
            ctxs: Vec::new(),
            ctx_ids: FastMap::default(),
            pushed: FastMap::default(),
            calls_by_callee: FastMap::default(),
            reads_by_path: FastMap::default(),
            sources,
            head: vec![NONE; n as usize],
            entries: Vec::new(),
            held: FastSet::default(),
            contexts: FastMap::default(),
            counts: vec![[0; 3]; n as usize],
            linked: FastSet::default(),
            read_done: FastSet::default(),
            env_members: FastMap::default(),
            decoded_at: FastMap::default(),
            env_texts: FastMap::default(),
            env_text_set: FastSet::default(),
            marker: Vec::new(),
            work: Vec::new(),
            steps: 0,
            truncated: units.iter().any(|u| u.flow.truncated),
        };
        for (i, u) in units.iter().enumerate() {
            let b = g.node_base[i];
            for (c, call) in u.flow.calls.iter().enumerate() {
                g.calls_by_callee
                    .entry(b + call.callee)
                    .or_default()
                    .push((i, c));
            }
            for &(path, result, line) in &u.flow.reads {
                g.reads_by_path
                    .entry(b + path)
                    .or_default()
                    .push((b + result, line, i));
            }
        }
        g
    }

    fn unit_of_node(&self, n: Node) -> usize {
        self.node_base
            .partition_point(|&b| b <= n)
            .saturating_sub(1)
    }

    fn is_source(&self, l: Label) -> bool {
        l & FUNC_BIT == 0
    }

    fn is_marker(&self, l: Label) -> bool {
        l & FUNC_BIT == 0 && self.marker[l as usize]
    }

    /// The label entries of node `n`, newest first.
    fn entries_of(&self, n: Node) -> impl Iterator<Item = &Entry> + '_ {
        let mut at = self.head[n as usize];
        std::iter::from_fn(move || {
            if at == NONE {
                return None;
            }
            let e = &self.entries[at as usize];
            at = e.next;
            Some(e)
        })
    }

    /// The step of edge number `edge` (static or dynamic).
    fn step(&self, edge: u32) -> Step {
        if edge & DYN != 0 {
            self.dyn_steps[(edge & !DYN) as usize]
        } else {
            self.targets[edge as usize].1
        }
    }

    /// Adds `l` in calling context `ctx` to `n` (first reached from entry `prev_entry` of
    /// node `prev` through edge number `edge`); false when already there (in that context
    /// or in any) or capped. Function labels and markers carry no context.
    fn add(
        &mut self,
        n: Node,
        l: Label,
        ctx: u32,
        (prev, prev_entry): (Node, u32),
        edge: u32,
    ) -> bool {
        let func = l & FUNC_BIT != 0;
        let marker = !func && self.is_marker(l);
        let mut ctx = if func || marker { NONE } else { ctx };
        if self.held.contains(&(n, l, NONE)) || self.held.contains(&(n, l, ctx)) {
            return false;
        }
        let same = self.contexts.get(&(n, l)).copied().unwrap_or(0) as usize;
        if same >= MAX_CTX_PER_LABEL {
            ctx = NONE;
        }
        let [total, funcs, markers] = self.counts[n as usize].map(usize::from);
        let capped = same == 0
            && (total >= MAX_LABELS_PER_NODE
                || func && funcs >= MAX_FUNCS_PER_NODE
                || marker && markers >= MAX_MARKERS_PER_NODE);
        if capped {
            self.truncated = true;
            return false;
        }
        self.held.insert((n, l, ctx));
        *self.contexts.entry((n, l)).or_insert(0) += 1;
        if same == 0 {
            let c = &mut self.counts[n as usize];
            c[0] += 1;
            if func {
                c[1] += 1;
            } else if marker {
                c[2] += 1;
            }
        }
        let idx = self.entries.len() as u32;
        self.entries.push(Entry {
            label: l,
            ctx,
            prev,
            prev_entry,
            edge,
            next: self.head[n as usize],
        });
        self.head[n as usize] = idx;
        self.work.push((n, idx));
        true
    }

    /// The context `ctx` entered into `func` at `call` (the oldest call forgotten past
    /// [`MAX_CTX_DEPTH`]).
    fn push_ctx(&mut self, ctx: u32, call: Node, func: u32) -> u32 {
        if let Some(&id) = self.pushed.get(&(ctx, call, func)) {
            return id;
        }
        let mut chain = vec![(call, func)];
        let mut at = ctx;
        while at != NONE && chain.len() < MAX_CTX_DEPTH {
            let (c, f, parent) = self.ctxs[at as usize];
            chain.push((c, f));
            at = parent;
        }
        let mut id = NONE;
        for (c, f) in chain.into_iter().rev() {
            let key = (c, f, id);
            id = match self.ctx_ids.get(&key) {
                Some(&x) => x,
                None => {
                    let x = self.ctxs.len() as u32;
                    self.ctxs.push(key);
                    self.ctx_ids.insert(key, x);
                    x
                }
            };
        }
        self.pushed.insert((ctx, call, func), id);
        id
    }

    /// The context of a label in `ctx` after `hop`; `None` when the hop returns from a
    /// function to a call other than the one the label entered it at (an unrealizable path:
    /// a shared helper's argument from one caller reaching another caller's result).
    fn moved(&mut self, ctx: u32, hop: Hop) -> Option<u32> {
        match hop {
            Hop::Plain => Some(ctx),
            Hop::Enter { call, func } => Some(self.push_ctx(ctx, call, func)),
            Hop::Leave { call, func } => {
                if ctx == NONE {
                    return Some(NONE);
                }
                let (c, f, parent) = self.ctxs[ctx as usize];
                if f != func {
                    // Entered another function (this one reads it through a closure or a
                    // shared variable): the context stays.
                    Some(ctx)
                } else if c == call {
                    Some(parent)
                } else {
                    None
                }
            }
        }
    }

    /// The calling-context move of edge number `edge`.
    fn hop(&self, edge: u32) -> Hop {
        if edge & DYN != 0 {
            self.dyn_hops[(edge & !DYN) as usize]
        } else {
            self.target_hops[edge as usize]
        }
    }

    fn run(&mut self) {
        self.marker = self
            .sources
            .iter()
            .map(|(_, s)| s.kind.is_marker())
            .collect();
        for i in 0..self.units.len() {
            let u = &self.units[i];
            for &(node, init) in &u.flow.init {
                let l = match init {
                    Init::Source(s) => self.source_base[i] + s,
                    Init::Func(f) => FUNC_BIT | (self.func_base[i] + f),
                };
                self.add(self.node_base[i] + node, l, NONE, (NONE, NONE), NONE);
            }
        }
        while let Some((n, idx)) = self.work.pop() {
            let Entry { label: l, ctx, .. } = self.entries[idx as usize];
            let from_here = (n, idx);
            self.steps += 1;
            if self.steps > MAX_STEPS {
                self.truncated = true;
                break;
            }
            let marker = self.is_marker(l);
            let env = l & FUNC_BIT == 0 && self.sources[l as usize].1.kind == SourceKind::EnvAll;
            let encoded = marker && self.sources[l as usize].1.kind == SourceKind::EncodedText;
            let (from, to) = (self.offsets[n as usize], self.offsets[n as usize + 1]);
            for k in from..to {
                let (t, step) = self.targets[k as usize];
                let Some(ctx) = self.moved(ctx, self.target_hops[k as usize]) else {
                    continue;
                };
                if step.what() == MARKERS_ONLY && !marker {
                    continue;
                }
                if step.what() == OWN_MEMBER && !self.hidden_constant(l) {
                    continue;
                }
                if env && step.what() == MEMBER {
                    let one = self.env_member(l, step.line);
                    self.add(t, one, ctx, (NONE, NONE), NONE);
                    continue;
                }
                if encoded && DECODING_STEPS.contains(&step.what()) {
                    let unit = self.unit_of_node(t);
                    let d = self.decoded_at(l, step, unit);
                    self.add(t, d, ctx, (NONE, NONE), NONE);
                    continue;
                }
                if env && !self.env_text_set.contains(&l) {
                    // The environment object itself: in a template or a concatenation it is
                    // `[object Object]`; serialized or listed it is its content.
                    if matches!(step.what(), "template" | "concatenated") {
                        continue;
                    }
                    if SERIALIZING.contains(&step.what()) {
                        let text = self.env_text(l);
                        self.add(t, text, ctx, from_here, k);
                        continue;
                    }
                }
                self.add(t, l, ctx, from_here, k);
            }
            if let Some(extra) = self.extra.get(&n).cloned() {
                for (t, e) in extra {
                    if let Some(c) = self.moved(ctx, self.hop(e)) {
                        self.add(t, l, c, from_here, e);
                    }
                }
            }
            if l & FUNC_BIT != 0 {
                self.link_calls(n, l);
            } else if matches!(
                self.sources[l as usize].1.kind,
                SourceKind::CredentialName | SourceKind::DataFileName
            ) {
                self.credential_reads(n, l);
            }
        }
    }

    /// A function label reached a callee node: pass arguments to parameters and the return
    /// value to the call's result.
    fn link_calls(&mut self, n: Node, l: Label) {
        let Some(calls) = self.calls_by_callee.get(&n).cloned() else {
            return;
        };
        let (fu, fi) = self.func_of(l & !FUNC_BIT);
        let func = &self.units[fu].flow.funcs[fi];
        let fb = self.node_base[fu];
        let params: Vec<Node> = func.params.iter().map(|p| fb + p).collect();
        let ret = fb + func.ret;
        let names = func.names.clone();
        for (cu, ci) in calls {
            if !self.linked.insert((cu, ci, l)) {
                continue;
            }
            let call = &self.units[cu].flow.calls[ci];
            if let Some(m) = &call.method
                && !names.iter().any(|n| n == m)
            {
                continue;
            }
            let cb = self.node_base[cu];
            let line = call.line;
            let (at, func) = (cb + call.result, l & !FUNC_BIT);
            let mut new_edges: Vec<(Node, Node, Step, Hop)> = call
                .args
                .iter()
                .zip(&params)
                .map(|(a, p)| {
                    let hop = Hop::Enter { call: at, func };
                    (cb + a, *p, Step::new(line, "argument"), hop)
                })
                .collect();
            let hop = Hop::Leave { call: at, func };
            new_edges.push((ret, at, Step::new(line, "returned"), hop));
            for (from, to, step, hop) in new_edges {
                let e = DYN | self.dyn_steps.len() as u32;
                self.dyn_steps.push(step);
                self.dyn_hops.push(hop);
                self.extra.entry(from).or_default().push((to, e));
                let mut existing: Vec<(Label, u32, u32)> = Vec::new();
                let mut at = self.head[from as usize];
                while at != NONE {
                    let x = self.entries[at as usize];
                    existing.push((x.label, x.ctx, at));
                    at = x.next;
                }
                for (x, ctx, idx) in existing {
                    if let Some(c) = self.moved(ctx, hop) {
                        self.add(to, x, c, (from, idx), e);
                    }
                }
            }
        }
    }

    /// The single-variable label for a property read of the environment `l` at `line` (one
    /// per environment source and line).
    fn env_member(&mut self, l: Label, line: u32) -> Label {
        let (unit, fact) = self.sources[l as usize].clone();
        let line = if line == 0 { fact.line } else { line };
        if let Some(&id) = self.env_members.get(&(l, line)) {
            return id;
        }
        let id = self.derived_source(
            unit,
            SourceFact {
                kind: SourceKind::EnvSecret,
                line,
                detail: format!("a property of {}", fact.detail),
            },
        );
        self.env_members.insert((l, line), id);
        id
    }

    /// A new source label found while solving (a property of the environment, a decoded
    /// constant, a credential read…): not a marker, in `unit`.
    fn derived_source(&mut self, unit: usize, fact: SourceFact) -> Label {
        let id = self.sources.len() as Label;
        self.marker.push(false);
        self.sources.push((unit, fact));
        id
    }

    /// True for the labels an [`OWN_MEMBER`] edge passes.
    fn hidden_constant(&self, l: Label) -> bool {
        l & FUNC_BIT == 0
            && matches!(
                self.sources[l as usize].1.kind,
                SourceKind::UrlLiteral
                    | SourceKind::EncodedText
                    | SourceKind::CredentialName
                    | SourceKind::Decoded
                    | SourceKind::Deciphered
            )
    }

    /// The [`SourceKind::Decoded`] label for the encoded-text marker `l` decoded by `step` in
    /// `unit` (one per marker and line).
    fn decoded_at(&mut self, l: Label, step: Step, unit: usize) -> Label {
        let line = if step.line == 0 {
            self.sources[l as usize].1.line
        } else {
            step.line
        };
        if let Some(&id) = self.decoded_at.get(&(l, line)) {
            return id;
        }
        let text = self.sources[l as usize].1.detail.clone();
        let id = self.derived_source(
            unit,
            SourceFact {
                kind: SourceKind::Decoded,
                line,
                detail: format!("{} constant = {text}", step.what()),
            },
        );
        self.decoded_at.insert((l, line), id);
        id
    }

    /// The content of the whole environment whose object is label `l` (same fact; the path
    /// is kept, the label differs so templates pass it on).
    fn env_text(&mut self, l: Label) -> Label {
        if let Some(&id) = self.env_texts.get(&l) {
            return id;
        }
        let (unit, fact) = self.sources[l as usize].clone();
        let id = self.derived_source(unit, fact);
        self.env_texts.insert(l, id);
        self.env_text_set.insert(id);
        id
    }

    /// A credential or data file name reached a file read's path: the read returns that
    /// credential (or package data).
    fn credential_reads(&mut self, n: Node, l: Label) {
        let Some(reads) = self.reads_by_path.get(&n).cloned() else {
            return;
        };
        if !self.read_done.insert((n, l)) {
            return;
        }
        let (marker, store) = {
            let src = &self.sources[l as usize].1;
            (src.kind, src.detail.clone())
        };
        // A credential store's name makes the read a credential, a data file's name package
        // data.
        let kind = match marker {
            SourceKind::DataFileName => SourceKind::PackageData,
            _ => SourceKind::Credential,
        };
        for (result, line, unit) in reads {
            let id = self.derived_source(
                unit,
                SourceFact {
                    kind,
                    line,
                    detail: store.clone(),
                },
            );
            self.add(result, id, NONE, (NONE, NONE), NONE);
        }
    }

    fn func_of(&self, global: u32) -> (usize, usize) {
        // Units without functions share their base with the next unit: the last unit whose
        // base is not above `global` holds it.
        let u = self
            .func_base
            .partition_point(|&b| b <= global)
            .saturating_sub(1);
        (u, (global - self.func_base[u]) as usize)
    }

    fn labels_at(&self, unit: usize, node: Node) -> impl Iterator<Item = Label> + '_ {
        self.entries_of(self.node_base[unit] + node)
            .map(|e| e.label)
    }

    /// The path of entry `idx` back from global node `n`: places of the shown steps, oldest
    /// first (the last [`MAX_PATH_STEPS`]), and the call and module boundaries of the whole
    /// path.
    fn path(&self, n: Node, idx: u32) -> (Vec<Place>, usize) {
        let mut out: Vec<Place> = Vec::new();
        let mut cur = n;
        let mut at = idx;
        let mut seen = FastSet::default();
        while at != NONE {
            let e = self.entries[at as usize];
            if e.prev == NONE || !seen.insert(at) {
                break;
            }
            let step = self.step(e.edge);
            if !step.what().is_empty()
                && step.line > 0
                && step.what() != MARKERS_ONLY
                && step.what() != MEMBER
                && step.what() != OWN_MEMBER
            {
                let file = self.units[self.unit_of_node(cur)].path.to_string();
                // `Object.entries(env)`: shown, so the rules know the object became text.
                let what = match step.what() {
                    SERIALIZED => "serialized",
                    SERIALIZED_KEYS => "keys",
                    w => w,
                };
                let dup = out
                    .last()
                    .is_some_and(|p| p.line == step.line && p.file == file && p.what == what);
                if !dup {
                    out.push(Place {
                        file,
                        line: step.line,
                        what: what.to_string(),
                    });
                }
            }
            cur = e.prev;
            at = e.prev_entry;
        }
        out.reverse();
        let hops = boundaries(&out);
        if out.len() > MAX_PATH_STEPS {
            let cut = out.len() - MAX_PATH_STEPS;
            out.drain(..cut);
        }
        (out, hops)
    }
}

/// Call and module boundaries (`argument`, `returned`, `imported`, `exported`) among `steps`.
pub fn boundaries(steps: &[Place]) -> usize {
    steps
        .iter()
        .filter(|s| {
            matches!(
                s.what.as_str(),
                "returned" | "argument" | "imported" | "exported"
            )
        })
        .count()
}

/// Solves the package's flow graphs and returns every source → sink path found (markers
/// excluded; at most one path per sink and source (kind and detail); at most
/// [`MAX_PATHS`]).
pub fn solve(units: &[Unit<'_>]) -> Solution {
    let mut g = Graph::new(units);
    g.run();
    if std::env::var_os("DILIGENCE_FLOW_STATS").is_some() {
        let mut by: std::collections::BTreeMap<String, usize> = Default::default();
        for e in &g.entries {
            let k = if e.label & FUNC_BIT != 0 {
                "func".to_string()
            } else {
                g.sources[e.label as usize].1.kind.as_str().to_string()
            };
            *by.entry(k).or_default() += 1;
        }
        eprintln!(
            "flow stats: {} units, {} nodes, {} static edges, {} dyn edges, {} steps, truncated {}: {by:?}",
            units.len(),
            g.head.len(),
            g.targets.len(),
            g.dyn_steps.len(),
            g.steps,
            g.truncated
        );
    }
    let mut paths: Vec<FlowPath> = Vec::new();
    let mut runs = Vec::new();
    // Per (sink, source kind, detail): the index of its path. A label reaches a sink in
    // several calling contexts, each by its own route; the route kept is the one crossing
    // the most call and module boundaries (the weakest proof, as the rules judge paths).
    let mut seen: HashMap<(usize, usize, SourceKind, String), usize> = HashMap::new();
    'units: for (ui, u) in units.iter().enumerate() {
        for (si, sink) in u.flow.sinks.iter().enumerate() {
            let mut path_key = sink.path_key.clone();
            let mut handle_dest = None;
            if let Some(needs) = sink.needs {
                let handle = sink.receiver.and_then(|r| {
                    g.labels_at(ui, r).find_map(|l| {
                        let s = g.is_source(l).then(|| &g.sources[l as usize].1)?;
                        (s.kind == needs).then(|| s.detail.clone())
                    })
                });
                let Some(detail) = handle else { continue };
                if needs == SourceKind::FileHandle {
                    path_key = Some(detail);
                } else if !detail.is_empty() {
                    handle_dest = Some(detail);
                }
            }
            if matches!(sink.kind, SinkKind::Exec | SinkKind::Require)
                && let Some(key) = &path_key
            {
                runs.push(Run {
                    kind: sink.kind,
                    at: Place {
                        file: u.path.to_string(),
                        line: sink.line,
                        what: sink.detail.clone(),
                    },
                    key: key.clone(),
                    flags: sink.flags,
                });
            }
            let dest = sink.dest_const.clone().or(handle_dest).or_else(|| {
                sink.dest.and_then(|d| {
                    g.labels_at(ui, d).find_map(|l| {
                        let s = g.is_source(l).then(|| &g.sources[l as usize].1)?;
                        (s.kind == SourceKind::UrlLiteral).then(|| s.detail.clone())
                    })
                })
            });
            // Only a response from a host the package names (a configuration it fetches):
            // API clients' request options mix with their own responses in the
            // over-approximated graph.
            let remote_dest = sink.dest.is_some_and(|d| {
                g.labels_at(ui, d).any(|l| {
                    g.is_source(l) && {
                        let s = &g.sources[l as usize].1;
                        s.kind == SourceKind::NetworkData
                            && (s.detail.contains(" from http") || s.detail.contains(" from ws"))
                    }
                })
            });
            let sink_flags = if remote_dest {
                sink.flags | flags::REMOTE_DEST
            } else {
                sink.flags
            };
            for &d in &sink.data {
                let gn = g.node_base[ui] + d;
                let mut labels: Vec<(Label, u32)> = Vec::new();
                let mut at = g.head[gn as usize];
                while at != NONE {
                    let e = g.entries[at as usize];
                    labels.push((e.label, at));
                    at = e.next;
                }
                for (l, idx) in labels {
                    if !g.is_source(l) {
                        continue;
                    }
                    let (su, fact) = &g.sources[l as usize];
                    if fact.kind.is_marker() {
                        continue;
                    }
                    let key = (ui, si, fact.kind, fact.detail.clone());
                    if let Some(&at) = seen.get(&key) {
                        let (steps, hops) = g.path(gn, idx);
                        let old = paths[at].crossings();
                        let (old_steps, old_hops) = (
                            std::mem::replace(&mut paths[at].steps, steps),
                            std::mem::replace(&mut paths[at].hops, hops),
                        );
                        if paths[at].crossings() <= old {
                            paths[at].steps = old_steps;
                            paths[at].hops = old_hops;
                        }
                        continue;
                    }
                    seen.insert(key, paths.len());
                    let (steps, hops) = g.path(gn, idx);
                    paths.push(FlowPath {
                        source: fact.kind,
                        sink: sink.kind,
                        from: Place {
                            file: units[*su].path.to_string(),
                            line: fact.line,
                            what: fact.detail.clone(),
                        },
                        steps,
                        hops,
                        to: Place {
                            file: u.path.to_string(),
                            line: sink.line,
                            what: sink.detail.clone(),
                        },
                        dest: dest.clone(),
                        flags: sink_flags,
                        path_key: path_key.clone(),
                    });
                    if paths.len() >= MAX_PATHS {
                        g.truncated = true;
                        break 'units;
                    }
                }
            }
        }
    }
    Solution {
        paths,
        runs,
        truncated: g.truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(kind: SourceKind, line: u32) -> SourceFact {
        SourceFact {
            kind,
            line,
            detail: kind.as_str().into(),
        }
    }

    fn sink(kind: SinkKind, line: u32, data: Vec<Node>) -> SinkFact {
        SinkFact {
            kind,
            line,
            detail: "send".into(),
            data,
            dest: None,
            dest_const: None,
            receiver: None,
            needs: None,
            path_key: None,
            flags: 0,
        }
    }

    /// The environment object in a template is `[object Object]`; serialized first, it is
    /// its content and reaches the sink.
    #[test]
    fn the_environment_object_in_a_template_is_not_its_content() {
        let solve_one = |first: &str| {
            // node 0 = process.env, node 1 = after `first`, node 2 = template
            let f = FileFlow {
                nodes: 3,
                sources: vec![src(SourceKind::EnvAll, 1)],
                init: vec![(0, Init::Source(0))],
                edges: vec![
                    (0, 1, Step::new(2, first)),
                    (1, 2, Step::new(3, "template")),
                ],
                sinks: vec![sink(SinkKind::Network, 4, vec![2])],
                ..FileFlow::default()
            };
            let units = [Unit {
                path: "a.js",
                flow: &f,
                imports: vec![],
            }];
            solve(&units)
                .paths
                .iter()
                .map(|p| p.source)
                .collect::<Vec<_>>()
        };
        assert_eq!(solve_one("argument"), vec![]);
        assert_eq!(solve_one("JSON.stringify"), vec![SourceKind::EnvAll]);
        assert_eq!(solve_one(SERIALIZED), vec![SourceKind::EnvAll]);
    }

    /// `a.js`: `const v = secret(); module.exports = { send };` is not needed: a helper in
    /// another module receives the value through its parameter and sends it.
    /// One function called at two places (a helper linked through its label): the first
    /// call's argument returns only to the first call's result, so the second call's result,
    /// which is sent, carries nothing.
    #[test]
    fn a_helper_returns_each_argument_to_its_own_call() {
        // 0 = helper (function label), 1 = param, 2 = return, 3 = secret, 4 = first result,
        // 5 = constant, 6 = second result.
        let f = FileFlow {
            nodes: 7,
            sources: vec![src(SourceKind::EnvSecret, 2)],
            funcs: vec![FuncInfo {
                params: vec![1],
                ret: 2,
                names: vec![],
            }],
            init: vec![(0, Init::Func(0)), (3, Init::Source(0))],
            edges: vec![(1, 2, Step::new(1, "returned"))],
            calls: vec![
                CallSite {
                    callee: 0,
                    args: vec![3],
                    result: 4,
                    line: 2,
                    method: None,
                },
                CallSite {
                    callee: 0,
                    args: vec![5],
                    result: 6,
                    line: 3,
                    method: None,
                },
            ],
            sinks: vec![
                sink(SinkKind::Network, 4, vec![6]),
                sink(SinkKind::Network, 5, vec![4]),
            ],
            ..FileFlow::default()
        };
        let units = [Unit {
            path: "a.js",
            flow: &f,
            imports: vec![],
        }];
        let s = solve(&units);
        let sinks: Vec<u32> = s.paths.iter().map(|p| p.to.line).collect();
        assert_eq!(sinks, vec![5]);
    }

    #[test]
    fn a_value_reaches_a_sink_through_a_function_in_another_module() {
        // Unit 0: node 0 = source value, node 1 = imported module, node 2 = call result.
        let a = FileFlow {
            nodes: 3,
            sources: vec![src(SourceKind::EnvSecret, 1)],
            init: vec![(0, Init::Source(0))],
            imports: vec![(1, "./b".into())],
            calls: vec![CallSite {
                callee: 1,
                args: vec![0],
                result: 2,
                line: 2,
                method: Some("send".into()),
            }],
            ..FileFlow::default()
        };
        // Unit 1: node 0 = param, node 1 = return, node 2 = exports, node 3 = concatenation.
        let b = FileFlow {
            nodes: 4,
            funcs: vec![FuncInfo {
                params: vec![0],
                ret: 1,
                names: vec!["send".into()],
            }],
            init: vec![(2, Init::Func(0))],
            exports: Some(2),
            edges: vec![(0, 3, Step::new(4, "concatenated"))],
            sinks: vec![sink(SinkKind::Network, 5, vec![3])],
            ..FileFlow::default()
        };
        let units = [
            Unit {
                path: "a.js",
                flow: &a,
                imports: vec![Some(1)],
            },
            Unit {
                path: "b.js",
                flow: &b,
                imports: vec![],
            },
        ];
        let s = solve(&units);
        assert_eq!(s.paths.len(), 1);
        let p = &s.paths[0];
        assert_eq!(
            (p.source, p.sink),
            (SourceKind::EnvSecret, SinkKind::Network)
        );
        assert_eq!((p.from.file.as_str(), p.from.line), ("a.js", 1));
        assert_eq!((p.to.file.as_str(), p.to.line), ("b.js", 5));
        let steps: Vec<(&str, u32, &str)> = p
            .steps
            .iter()
            .map(|s| (s.file.as_str(), s.line, s.what.as_str()))
            .collect();
        assert_eq!(
            steps,
            vec![("b.js", 2, "argument"), ("b.js", 4, "concatenated")]
        );
    }

    #[test]
    fn a_credential_name_in_a_read_path_makes_the_read_a_credential() {
        let f = FileFlow {
            nodes: 3,
            sources: vec![SourceFact {
                kind: SourceKind::CredentialName,
                line: 1,
                detail: ".npmrc".into(),
            }],
            init: vec![(0, Init::Source(0))],
            edges: vec![(0, 1, Step::COPY)],
            reads: vec![(1, 2, 3)],
            sinks: vec![sink(SinkKind::Network, 4, vec![2])],
            ..FileFlow::default()
        };
        let units = [Unit {
            path: "x.js",
            flow: &f,
            imports: vec![],
        }];
        let s = solve(&units);
        assert_eq!(s.paths.len(), 1);
        assert_eq!(s.paths[0].source, SourceKind::Credential);
        assert_eq!(s.paths[0].from.line, 3);
        assert_eq!(s.paths[0].from.what, ".npmrc");
    }

    #[test]
    fn a_handle_sink_needs_a_handle() {
        let f = FileFlow {
            nodes: 2,
            sources: vec![src(SourceKind::EnvAll, 1)],
            init: vec![(0, Init::Source(0))],
            sinks: vec![SinkFact {
                receiver: Some(1),
                needs: Some(SourceKind::NetHandle),
                ..sink(SinkKind::Network, 2, vec![0])
            }],
            ..FileFlow::default()
        };
        let units = [Unit {
            path: "x.js",
            flow: &f,
            imports: vec![],
        }];
        assert!(solve(&units).paths.is_empty());
    }
}
