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
//! exported helpers and methods of local objects are followed). The analysis is
//! flow-insensitive and field-insensitive (a property write taints the whole object): it
//! over-approximates, and the rules judge a path by its source, its sink and where the data
//! goes. It is bounded: [`MAX_LABELS_PER_NODE`] and [`MAX_STEPS`] cap the work on
//! pathological inputs (a cap hit is reported in [`Solution::truncated`]).
//!
//! A [`FlowPath`] keeps the evidence: source line → transforms → sink line.

use std::collections::{HashMap, HashSet};

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
    /// The working directory or home directory path.
    Cwd,
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
    /// Data received from the network.
    NetworkData,
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
    /// A network connection or request object (its `write`/`send`/`end` send data); the
    /// detail is its constant destination, or empty.
    NetHandle,
    /// A file write stream (the detail is the path key).
    FileHandle,
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
            Cwd => "directory",
            Cookie => "cookie",
            Storage => "web-storage",
            FormInput => "form-input",
            Password => "password-field",
            Keystrokes => "keystrokes",
            Clipboard => "clipboard",
            Wallet => "wallet",
            NetworkData => "network-data",
            Decoded => "decoded-data",
            Deciphered => "decrypted-data",
            PackageData => "package-data-file",
            UrlLiteral => "url",
            CredentialName => "credential-path",
            NetHandle => "network-handle",
            FileHandle => "file-handle",
        }
    }

    /// True for markers ([`SourceKind::UrlLiteral`], [`SourceKind::CredentialName`],
    /// [`SourceKind::NetHandle`]): labels that are not data worth reporting.
    pub fn is_marker(self) -> bool {
        matches!(
            self,
            SourceKind::UrlLiteral
                | SourceKind::CredentialName
                | SourceKind::NetHandle
                | SourceKind::FileHandle
        )
    }
}

/// Where data leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SinkKind {
    /// Sent over the network (HTTP body, URL or headers, socket write, WebSocket, beacon,
    /// a DOM element's `src`, a shell command running `curl`/`wget`/`nc`).
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

/// One transform or hop on the way (shown in evidence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// 1-based line (0: not shown).
    pub line: u32,
    /// `""` for plain copies, else the transform (`base64`, `concatenated`, `argument`…).
    pub what: &'static str,
}

impl Step {
    /// A plain copy (not shown).
    pub const COPY: Step = Step { line: 0, what: "" };
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
}

/// A call whose callee is only known after solving (a local function, a method of a local
/// object, a callback).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallSite {
    pub callee: Node,
    pub args: Vec<Node>,
    pub result: Node,
    pub line: u32,
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
    /// Transforms and hops between (at most [`MAX_PATH_STEPS`]).
    pub steps: Vec<Place>,
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

struct Graph<'a> {
    units: &'a [Unit<'a>],
    /// First global node of each unit.
    node_base: Vec<u32>,
    source_base: Vec<u32>,
    func_base: Vec<u32>,
    out: Vec<Vec<(Node, Step)>>,
    /// Calls by global callee node.
    calls_by_callee: HashMap<Node, Vec<(usize, usize)>>,
    /// Reads by global path node: `(result node, line, unit)`.
    reads_by_path: HashMap<Node, Vec<(Node, u32, usize)>>,
    /// Global source table: `(unit, fact)`; grows with credential reads found while solving.
    sources: Vec<(usize, SourceFact)>,
    labels: Vec<Vec<Label>>,
    pred: HashMap<(Node, Label), (Node, Step)>,
    linked: HashSet<(usize, usize, u32)>,
    read_done: HashSet<(Node, Label)>,
    work: Vec<(Node, Label)>,
    steps: usize,
    truncated: bool,
}

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
        let mut g = Graph {
            units,
            node_base: nb,
            source_base: sb,
            func_base: fb,
            out: vec![Vec::new(); n as usize],
            calls_by_callee: HashMap::new(),
            reads_by_path: HashMap::new(),
            sources,
            labels: vec![Vec::new(); n as usize],
            pred: HashMap::new(),
            linked: HashSet::new(),
            read_done: HashSet::new(),
            work: Vec::new(),
            steps: 0,
            truncated: units.iter().any(|u| u.flow.truncated),
        };
        for (i, u) in units.iter().enumerate() {
            let b = g.node_base[i];
            for &(from, to, step) in &u.flow.edges {
                g.out[(b + from) as usize].push((b + to, step));
            }
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
            // A relative import reads the target module's exports.
            for ((node, spec), target) in u.flow.imports.iter().zip(&u.imports) {
                let Some(t) = *target else { continue };
                let Some(exports) = units[t].flow.exports else {
                    continue;
                };
                let step = Step {
                    line: 0,
                    what: "imported",
                };
                let _ = spec;
                g.out[(g.node_base[t] + exports) as usize].push((b + node, step));
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

    /// Adds `l` to `n` (first reached from `pred`); false when already there or capped.
    fn add(&mut self, n: Node, l: Label, pred: Option<(Node, Step)>) -> bool {
        let set = &mut self.labels[n as usize];
        if set.contains(&l) {
            return false;
        }
        if set.len() >= MAX_LABELS_PER_NODE {
            // Keep sensitive sources over markers and functions: replace a marker if `l` is
            // a sensitive source, else drop `l`.
            let sensitive = l & FUNC_BIT == 0 && !self.sources[l as usize].1.kind.is_marker();
            let victim = set
                .iter()
                .position(|&x| x & FUNC_BIT == 0 && self.sources[x as usize].1.kind.is_marker());
            match (sensitive, victim) {
                (true, Some(v)) => {
                    set.swap_remove(v);
                }
                _ => {
                    self.truncated = true;
                    return false;
                }
            }
        }
        set.push(l);
        if let Some(p) = pred {
            self.pred.insert((n, l), p);
        }
        self.work.push((n, l));
        true
    }

    fn run(&mut self) {
        for i in 0..self.units.len() {
            let u = &self.units[i];
            for &(node, init) in &u.flow.init {
                let l = match init {
                    Init::Source(s) => self.source_base[i] + s,
                    Init::Func(f) => FUNC_BIT | (self.func_base[i] + f),
                };
                self.add(self.node_base[i] + node, l, None);
            }
        }
        while let Some((n, l)) = self.work.pop() {
            self.steps += 1;
            if self.steps > MAX_STEPS {
                self.truncated = true;
                break;
            }
            let marker = l & FUNC_BIT == 0 && self.sources[l as usize].1.kind.is_marker();
            for k in 0..self.out[n as usize].len() {
                let (to, step) = self.out[n as usize][k];
                if step.what == MARKERS_ONLY && !marker {
                    continue;
                }
                self.add(to, l, Some((n, step)));
            }
            if l & FUNC_BIT != 0 {
                self.link_calls(n, l);
            } else if self.sources[l as usize].1.kind == SourceKind::CredentialName {
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
        for (cu, ci) in calls {
            if !self.linked.insert((cu, ci, l)) {
                continue;
            }
            let call = &self.units[cu].flow.calls[ci];
            let cb = self.node_base[cu];
            let line = call.line;
            let mut new_edges: Vec<(Node, Node, Step)> = call
                .args
                .iter()
                .zip(&params)
                .map(|(a, p)| {
                    (
                        cb + a,
                        *p,
                        Step {
                            line,
                            what: "argument",
                        },
                    )
                })
                .collect();
            new_edges.push((
                ret,
                cb + call.result,
                Step {
                    line,
                    what: "returned",
                },
            ));
            for (from, to, step) in new_edges {
                self.out[from as usize].push((to, step));
                let existing = self.labels[from as usize].clone();
                for x in existing {
                    self.add(to, x, Some((from, step)));
                }
            }
        }
    }

    /// A credential name reached a file read's path: the read returns that credential.
    fn credential_reads(&mut self, n: Node, l: Label) {
        let Some(reads) = self.reads_by_path.get(&n).cloned() else {
            return;
        };
        if !self.read_done.insert((n, l)) {
            return;
        }
        let store = self.sources[l as usize].1.detail.clone();
        for (result, line, unit) in reads {
            let id = self.sources.len() as Label;
            self.sources.push((
                unit,
                SourceFact {
                    kind: SourceKind::Credential,
                    line,
                    detail: store.clone(),
                },
            ));
            self.add(result, id, None);
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

    fn labels_at(&self, unit: usize, node: Node) -> &[Label] {
        &self.labels[(self.node_base[unit] + node) as usize]
    }

    /// The path of `l` back from global node `n`: places of the shown steps, oldest first.
    fn path(&self, n: Node, l: Label) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        let mut cur = n;
        let mut seen = HashSet::new();
        while let Some(&(prev, step)) = self.pred.get(&(cur, l)) {
            if !seen.insert(cur) {
                break;
            }
            if !step.what.is_empty() && step.line > 0 && step.what != MARKERS_ONLY {
                let file = self.units[self.unit_of_node(cur)].path.to_string();
                let dup = out
                    .last()
                    .is_some_and(|p| p.line == step.line && p.file == file && p.what == step.what);
                if !dup {
                    out.push(Place {
                        file,
                        line: step.line,
                        what: step.what.to_string(),
                    });
                }
            }
            cur = prev;
        }
        out.reverse();
        if out.len() > MAX_PATH_STEPS {
            let cut = out.len() - MAX_PATH_STEPS;
            out.drain(..cut);
        }
        out
    }
}

/// Solves the package's flow graphs and returns every source → sink path found (markers
/// excluded; at most one path per sink and source kind; at most [`MAX_PATHS`]).
pub fn solve(units: &[Unit<'_>]) -> Solution {
    let mut g = Graph::new(units);
    g.run();
    let mut paths = Vec::new();
    let mut runs = Vec::new();
    let mut seen: HashSet<(usize, usize, SourceKind)> = HashSet::new();
    'units: for (ui, u) in units.iter().enumerate() {
        for (si, sink) in u.flow.sinks.iter().enumerate() {
            let mut path_key = sink.path_key.clone();
            let mut handle_dest = None;
            if let Some(needs) = sink.needs {
                let handle = sink.receiver.and_then(|r| {
                    g.labels_at(ui, r).iter().find_map(|&l| {
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
                    g.labels_at(ui, d).iter().find_map(|&l| {
                        let s = g.is_source(l).then(|| &g.sources[l as usize].1)?;
                        (s.kind == SourceKind::UrlLiteral).then(|| s.detail.clone())
                    })
                })
            });
            for &d in &sink.data {
                let gn = g.node_base[ui] + d;
                for &l in g.labels_at(ui, d) {
                    if !g.is_source(l) {
                        continue;
                    }
                    let (su, fact) = &g.sources[l as usize];
                    if fact.kind.is_marker() || !seen.insert((ui, si, fact.kind)) {
                        continue;
                    }
                    paths.push(FlowPath {
                        source: fact.kind,
                        sink: sink.kind,
                        from: Place {
                            file: units[*su].path.to_string(),
                            line: fact.line,
                            what: fact.detail.clone(),
                        },
                        steps: g.path(gn, l),
                        to: Place {
                            file: u.path.to_string(),
                            line: sink.line,
                            what: sink.detail.clone(),
                        },
                        dest: dest.clone(),
                        flags: sink.flags,
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

    /// `a.js`: `const v = secret(); module.exports = { send };` is not needed: a helper in
    /// another module receives the value through its parameter and sends it.
    #[test]
    fn a_value_reaches_a_sink_through_a_function_in_another_module() {
        // Unit 0: node 0 = source value, node 1 = imported module, node 2 = call result.
        let a = FileFlow {
            nodes: 3,
            sources: vec![src(SourceKind::EnvAll, 1)],
            init: vec![(0, Init::Source(0))],
            imports: vec![(1, "./b".into())],
            calls: vec![CallSite {
                callee: 1,
                args: vec![0],
                result: 2,
                line: 2,
            }],
            ..FileFlow::default()
        };
        // Unit 1: node 0 = param, node 1 = return, node 2 = exports, node 3 = concatenation.
        let b = FileFlow {
            nodes: 4,
            funcs: vec![FuncInfo {
                params: vec![0],
                ret: 1,
            }],
            init: vec![(2, Init::Func(0))],
            exports: Some(2),
            edges: vec![(
                0,
                3,
                Step {
                    line: 4,
                    what: "concatenated",
                },
            )],
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
        assert_eq!((p.source, p.sink), (SourceKind::EnvAll, SinkKind::Network));
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
