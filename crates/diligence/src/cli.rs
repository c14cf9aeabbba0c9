//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use diligence_finding::Severity;
use std::path::PathBuf;

/// npm supply-chain due diligence: reads every lockfile format, checks it for tampering, known
/// malware and vulnerabilities, registry metadata and package code, before anything runs.
///
/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 could not evaluate.
#[derive(Debug, Parser)]
#[command(name = "diligence", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the locked dependency graph.
    Ls(LsArgs),
    /// Audit a project: lockfile tampering, advisories, registry cross-checks, code.
    Audit(AuditArgs),
    /// Manage the offline OSV advisory database.
    #[command(subcommand)]
    Db(DbCommand),
    /// Statically analyse package code (folders, tarballs or name@version) without running it.
    Scan(ScanArgs),
    /// List detection rules, or print one rule's documentation.
    Rules(RulesArgs),
    /// Report the package manager's supply-chain settings: cooldown, install scripts, hardening.
    Posture(PostureArgs),
    /// Vet packages before adding them: each spec and its whole dependency closure.
    Check(CheckArgs),
    /// Vet what an install would add, then run the package manager with the same arguments.
    Install(InstallArgs),
    /// Review a change: compare the lockfile at two git revisions (or two files) and check
    /// what the head adds.
    Diff(DiffArgs),
    /// The audit ledger (supply-chain/): require a recorded review, delta review, import or
    /// exemption for every locked package; certify, suggest, prune, regenerate.
    Vet(VetArgs),
    /// After an incident: which commits, branches and tags of one or many repositories ever
    /// locked a compromised version or contained an indicator.
    Hunt(HuntArgs),
}

/// Options shared by commands that read a project.
#[derive(Debug, Args, Clone)]
pub struct ProjectArgs {
    /// Project folder (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Lockfile to read instead of discovering one in DIR.
    #[arg(long, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LsArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Print JSON: {"lockfile": {...}, "packages": [...]}.
    #[arg(long)]
    pub json: bool,
}

/// Report formats of every command that produces a report (audit, diff, scan, check,
/// install).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Grouped by package, coloured on a terminal.
    Human,
    /// The diligence.report/1 document (schema/diligence.report-1.schema.json).
    Json,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
    /// A pull-request comment (GitHub Markdown, under 65,536 characters).
    Markdown,
    /// One self-contained HTML page with filters (no network: inline CSS/JS, strict CSP).
    Html,
    /// GitHub Actions annotations (`::error file=…,line=…::…` workflow commands).
    Github,
    /// One JSON object per line per package, as each finishes (`scan --stdin` only).
    Ndjson,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Base git revision (default: the merge base with the upstream branch, else HEAD~1).
    pub base: Option<String>,
    /// Head git revision (default: the working tree).
    pub head: Option<String>,
    /// Project folder inside the git repository.
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Lockfile (in the working tree) to compare instead of discovering one in --dir.
    #[arg(long, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,
    /// Compare this lockfile file (base side) instead of a git revision.
    #[arg(long, value_name = "FILE", requires = "head_lockfile")]
    pub base_lockfile: Option<PathBuf>,
    /// Compare this lockfile file (head side) instead of a git revision.
    #[arg(long, value_name = "FILE", requires = "base_lockfile")]
    pub head_lockfile: Option<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// How a report is written and judged: the same on every command.
#[derive(Debug, Args, Clone)]
pub struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the report to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a finding is at or above this severity (default: diligence.toml
    /// `fail-on`, else high).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,
    /// No progress bars.
    #[arg(long, short)]
    pub quiet: bool,
    /// List the findings that diligence.toml waivers hid (their number is always shown).
    #[arg(long)]
    pub show_suppressed: bool,
}

/// Which layers run, where their data comes from, and the policy: the same on every command.
/// A layer that cannot run is "not evaluated" (exit 2) unless switched off.
#[derive(Debug, Args, Clone)]
pub struct SourceArgs {
    /// Policy file (default: diligence.toml in the project folder when present).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Advisory source (folder of OSV JSON, a .zip export, a single record, or a URL) to use
    /// instead of the local database.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Skip the advisory check.
    #[arg(long)]
    pub no_advisories: bool,
    /// Skip the registry: no cross-checks, no downloads (registry and git code is then not
    /// evaluated; local file: code is still scanned).
    #[arg(long)]
    pub no_registry: bool,
    /// Skip the static analysis of package code.
    #[arg(long)]
    pub no_code: bool,
    /// Use only the local cache for packuments, tarballs and git commits; what is missing is
    /// not evaluated.
    #[arg(long, conflicts_with = "prefer_offline")]
    pub offline: bool,
    /// Use the cache first and the network only for what is missing.
    #[arg(long)]
    pub prefer_offline: bool,
    /// Run the packument metadata rules (publish age, new publisher, new install script,
    /// dormancy, provenance, …); fields the registry does not serve are not evaluated.
    /// Default: on for check and install, off for audit and diff.
    #[arg(long, conflicts_with = "no_metadata")]
    pub metadata: bool,
    /// Do not run the packument metadata rules.
    #[arg(long)]
    pub no_metadata: bool,
    /// Allow `resolved` URLs on this host too (repeatable). Default: registry.npmjs.org,
    /// registry.yarnpkg.com and the configured registries.
    #[arg(long = "allowed-host", value_name = "HOST")]
    pub allowed_hosts: Vec<String>,
    /// Leave these dependency kinds out, as `npm --omit`: dev, optional, peer (repeatable or
    /// comma-separated). Packages reached only through them are not checked.
    #[arg(long, value_name = "KIND", value_delimiter = ',')]
    pub omit: Vec<OmitKind>,
    #[command(flatten)]
    pub network: NetworkArgs,
}

/// A dependency kind `--omit` leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OmitKind {
    /// devDependencies (and what only they reach).
    Dev,
    /// optionalDependencies.
    Optional,
    /// peerDependencies.
    Peer,
}

impl SourceArgs {
    /// The `--omit` kinds as the graph filter.
    pub fn omit(&self) -> diligence_graph::Omit {
        diligence_graph::Omit {
            dev: self.omit.contains(&OmitKind::Dev),
            optional: self.omit.contains(&OmitKind::Optional),
            peer: self.omit.contains(&OmitKind::Peer),
        }
    }
}

/// How the registry client uses the network and the cache, and whom it sends credentials
/// (every command).
#[derive(Debug, Args, Clone, Default)]
pub struct NetworkArgs {
    /// Ask the registry again for every cached packument this run (a conditional request
    /// where it sent ETag/Last-Modified) instead of trusting the cache for --max-age.
    /// Always on for check and install.
    #[arg(long)]
    pub refresh: bool,
    /// How long a cached packument is used without asking the registry again, when the
    /// registry sends no ETag/Last-Modified (e.g. 30m, 12h, 1d). Default: 1h.
    #[arg(long, value_name = "DURATION", value_parser = diligence_registry::parse_duration)]
    pub max_age: Option<std::time::Duration>,
    /// Give up on one registry URL after this long, retries included (e.g. 10s, 2m).
    /// Default: 30s.
    #[arg(long, value_name = "DURATION", value_parser = diligence_registry::parse_duration)]
    pub fetch_timeout: Option<std::time::Duration>,
    /// Send credentials that the project's .npmrc configures for this registry host
    /// (`host` or `host:port`; repeatable). Also read from
    /// $DILIGENCE_ALLOW_PROJECT_CREDENTIALS. Without it, such credentials and `${VAR}`s are
    /// not sent anywhere.
    #[arg(long = "allow-project-credentials", value_name = "HOST")]
    pub allow_project_credentials: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Audit every project below DIR: each folder that holds a lockfile (not following
    /// symbolic links; skipping `node_modules` and hidden folders), one report after another.
    /// Formats human, markdown and github; the exit code is 1 when any project has findings
    /// at or above the threshold, else 2 when any could not be evaluated, else 0.
    #[arg(short = 'r', long, conflicts_with = "lockfile")]
    pub recursive: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Download or import advisories and rebuild the local index.
    Update {
        /// Source: URL or path of an OSV npm export zip, a folder of OSV JSON, or a Datadog
        /// malicious-packages manifest.
        #[arg(long, value_name = "URL|PATH")]
        from: Option<String>,
    },
    /// Show source, record counts and age of the local index.
    Status,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Package folders, .tgz tarballs, name@version (or name@tag, name@range) specs, or tarball
    /// URLs.
    #[arg(required_unless_present = "stdin")]
    pub targets: Vec<String>,
    /// Streaming worker: read targets from stdin, one per line, and write one JSON line per
    /// package as each finishes (needs --format ndjson).
    #[arg(long)]
    pub stdin: bool,
    /// With --stdin: scan only shard I of N (1-based) of the input lines, split by a stable
    /// hash of each line.
    #[arg(long, value_name = "I/N", requires = "stdin")]
    pub shard: Option<Shard>,
    /// With --stdin: packages scanned at once (default: the number of CPUs).
    #[arg(long, short, value_name = "N", requires = "stdin")]
    pub jobs: Option<usize>,
    /// The registry's version document to compare with the tarball's package.json.
    #[arg(long, value_name = "FILE", conflicts_with = "stdin")]
    pub manifest: Option<PathBuf>,
    /// Folder whose diligence.toml and .npmrc apply.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Also list the findings of clean packages (their weak signals and capabilities).
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// `scan --shard I/N`: this process scans shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// `I/N` with 1 <= I <= N.
    fn from_str(s: &str) -> Result<Shard, String> {
        let (i, n) = s
            .split_once('/')
            .ok_or_else(|| format!("{s:?}: expected I/N, e.g. 1/4"))?;
        let index: u64 = i
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: I is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("{s:?}: N is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("{s:?}: expected 1 <= I <= N"));
        }
        Ok(Shard { index, count })
    }
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule id, e.g. lockfile/resolved-host.
    pub id: Option<String>,
}

/// Arguments of `diligence posture`.
#[derive(Debug, Args)]
pub struct PostureArgs {
    /// Project folder (default: the current folder).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Package manager to report for (default: package.json `packageManager`, else the
    /// lockfile present, else npm).
    #[arg(long, value_enum, value_name = "PM")]
    pub pm: Option<PmArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = PostureFormat::Human)]
    pub format: PostureFormat,
    /// Exit 1 when a finding is at or above this severity (posture findings are info; an
    /// unreadable configuration file is medium).
    #[arg(long, value_name = "SEVERITY", default_value = "medium", value_parser = parse_severity)]
    pub fail_on: Severity,
}

/// `--pm` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PmArg {
    Npm,
    Pnpm,
    Yarn,
    Bun,
}

/// Output formats of `diligence posture`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PostureFormat {
    Human,
    Json,
}

/// Arguments of `diligence check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Package specs: `name`, `name@range`, `name@tag`, `@scope/name@version`.
    #[arg(required = true, value_name = "SPEC")]
    pub specs: Vec<String>,
    /// Folder whose diligence.toml and .npmrc (registry, scopes, credentials) apply.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// Vet the optional packages of every platform (the lockfile's set), not only those this
    /// machine would install.
    #[arg(long)]
    pub all_platforms: bool,
    /// The Node.js version the install will run with (`20.20.2`): ranges prefer versions whose
    /// `engines.node` accepts it, as npm does. Default: `node --version` on the PATH; without
    /// Node.js, `engines` is not consulted.
    #[arg(long, value_name = "VERSION")]
    pub node: Option<String>,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
}

/// Arguments of `diligence install`.
#[derive(Debug, Args)]
pub struct InstallArgs {
    /// Package manager (default: `packageManager` in package.json, else the lockfile present,
    /// else npm).
    #[arg(long, value_enum, value_name = "PM")]
    pub pm: Option<PmArg>,
    /// Install even when findings reach --fail-on (no question asked).
    #[arg(long)]
    pub yes: bool,
    /// Install even when vetting could not be done (unreachable registry, no advisory data).
    #[arg(long)]
    pub force_unvetted: bool,
    /// The project folder (its diligence.toml and .npmrc apply; the package manager runs
    /// here).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Arguments for the package manager, passed unchanged (e.g. `lodash --save-dev`).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "ARGS"
    )]
    pub args: Vec<String>,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

/// Arguments of `diligence hunt`.
#[derive(Debug, Args)]
pub struct HuntArgs {
    /// What to hunt: `name@version`, `name@range`, a bare `name` (every version), or an
    /// advisory id (`MAL-…`, `GHSA-…`, `CVE-…`) expanded from the advisory database.
    #[arg(value_name = "SPEC", required_unless_present = "ioc")]
    pub specs: Vec<String>,
    /// Repository to hunt (repeatable; default: the current folder).
    #[arg(long = "repo", value_name = "DIR")]
    pub repos: Vec<PathBuf>,
    /// Walk every branch, tag, remote-tracking and pull-request ref, not only HEAD.
    #[arg(long)]
    pub all_refs: bool,
    /// Only commits committed on or after DATE (YYYY-MM-DD, or an RFC 3339 time).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Indicators of compromise, one per line: hosts, URLs, hashes, file names (see the
    /// README; prefix a line with host:, url:, hash: or file: when it is ambiguous).
    #[arg(long, value_name = "FILE")]
    pub ioc: Option<PathBuf>,
    /// Advisory source (folder of OSV JSON, a .zip export, a single record, or a URL) for
    /// advisory ids, instead of the local database.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = HuntFormat::Human)]
    pub format: HuntFormat,
    /// Write the report to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats of `diligence hunt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HuntFormat {
    /// A timeline per repository, coloured on a terminal.
    Human,
    /// The diligence.hunt/1 document (schema/diligence.hunt-1.schema.json).
    Json,
    /// For an incident ticket (GitHub Markdown).
    Markdown,
    /// One row per event, for a spreadsheet.
    Csv,
}

// `diligence vet`: the argument types live here, with every other command's, so that the
// command modules depend on the CLI and never the other way round.

/// `diligence vet [DIR]` and its subcommands.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct VetArgs {
    #[command(subcommand)]
    pub command: Option<VetCommand>,
    #[command(flatten)]
    pub check: VetCheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum VetCommand {
    /// Show what to read first in a version (or in the delta between two versions), then
    /// record the audit in supply-chain/audits.toml.
    Certify(CertifyArgs),
    /// The smallest reviews (in changed lines) that would cover the unaudited packages.
    Suggest(SuggestArgs),
    /// Drop exemptions that audits or imports now cover, or that nothing locks any more.
    Prune(LedgerArgs),
    /// Exempt every locked version the ledger does not cover (adopts a ledger where there is
    /// none), and drop exemptions no longer needed.
    RegenerateExemptions(LedgerArgs),
    /// Fetch every import config.toml lists and pin it (SHA-256 and audits) in imports.lock.
    RegenerateImports(LedgerArgs),
}

/// The project and lockfile a ledger command works on.
#[derive(Debug, Args, Clone)]
pub struct VetProject {
    /// Project folder (default: the current folder); the ledger is DIR/supply-chain.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Lockfile to read instead of discovering one in DIR (the ledger is then next to it).
    #[arg(long, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,
}

/// How the registry (tarballs) and URL imports are reached.
#[derive(Debug, Args, Clone, Default)]
pub struct VetSources {
    /// Policy file (default: diligence.toml in the project folder when present): its
    /// `fail-on`, ignores and severity overrides apply to the `vet/…` findings.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// No network: URL imports are not compared with their source (the pinned copies are
    /// used), tarballs come from the cache only.
    #[arg(long, conflicts_with = "prefer_offline")]
    pub offline: bool,
    /// Use the cache first and the network only for what is missing.
    #[arg(long)]
    pub prefer_offline: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
}

#[derive(Debug, Args)]
pub struct VetCheckArgs {
    #[command(flatten)]
    pub project: VetProject,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: VetSources,
}

#[derive(Debug, Args)]
pub struct CertifyArgs {
    /// Package name.
    pub name: String,
    /// VERSION for a full review, or FROM TO for the delta between two versions.
    #[arg(num_args = 1..=2, required = true, value_names = ["FROM", "TO"])]
    pub versions: Vec<String>,
    /// Criteria to record (comma-separated or repeated; default: config.toml
    /// `default-criteria`, asked on a terminal). With --who, nothing is asked.
    #[arg(long, value_delimiter = ',')]
    pub criteria: Vec<String>,
    /// Who reviewed (default: git's `user.name <user.email>`).
    #[arg(long)]
    pub who: Option<String>,
    /// Notes to record with the audit.
    #[arg(long)]
    pub notes: Option<String>,
    /// Only show what to read; record nothing.
    #[arg(long, conflicts_with_all = ["criteria", "who", "notes"])]
    pub show: bool,
    /// Print the briefing as JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Project folder (the ledger is DIR/supply-chain).
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Lockfile to compare the certified tarball with (default: discovered in --dir).
    #[arg(long, value_name = "PATH")]
    pub lockfile: Option<PathBuf>,
    #[command(flatten)]
    pub sources: VetSources,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    #[command(flatten)]
    pub project: VetProject,
    /// Also suggest reviews that would replace exemptions (sizes every exempted tarball).
    #[arg(long)]
    pub exempted: bool,
    /// Size at most this many suggestions (0: all).
    #[arg(long, default_value_t = 0)]
    pub limit: usize,
    /// Print JSON (one object per suggestion) instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub sources: VetSources,
}

#[derive(Debug, Args)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub project: VetProject,
    #[command(flatten)]
    pub sources: VetSources,
}
