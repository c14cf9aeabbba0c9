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
    Posture(crate::cmd::posture::PostureArgs),
    /// Vet packages before adding them: each spec and its whole dependency closure.
    Check(crate::cmd::check::CheckArgs),
    /// Vet what an install would add, then run the package manager with the same arguments.
    Install(crate::cmd::install::InstallArgs),
    /// Review a change: compare the lockfile at two git revisions (or two files) and check
    /// what the head adds.
    Diff(DiffArgs),
    /// The audit ledger (supply-chain/): require a recorded review, delta review, import or
    /// exemption for every locked package; certify, suggest, prune, regenerate.
    Vet(crate::cmd::vet::VetArgs),
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

/// Report formats of the commands that produce a report (audit, diff, scan, check).
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

/// How a report is written and judged (audit, diff).
#[derive(Debug, Args)]
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
    /// Policy file (default: diligence.toml in the project folder when present).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// Where advisories, packuments and tarballs come from, and which of those layers run
/// (audit, diff). A layer that cannot run is "not evaluated" (exit 2) unless switched off.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Advisory source (folder of OSV JSON, a .zip export, a single record, or a URL) to use
    /// instead of the local database.
    #[arg(long, value_name = "PATH|URL")]
    pub db: Option<String>,
    /// Skip the advisory check.
    #[arg(long)]
    pub no_advisories: bool,
    /// Skip the registry: no cross-checks, no tarballs (so no code scan).
    #[arg(long)]
    pub no_registry: bool,
    /// Use only the local cache for packuments and tarballs; what is missing is not evaluated.
    #[arg(long, conflicts_with = "prefer_offline")]
    pub offline: bool,
    /// Use the cache first and the network only for what is missing.
    #[arg(long)]
    pub prefer_offline: bool,
    /// Also run the packument metadata rules (publish age, new publisher, new install script,
    /// dormancy, provenance, …); fields the registry does not serve are not evaluated.
    #[arg(long)]
    pub metadata: bool,
    #[command(flatten)]
    pub network: NetworkArgs,
}

/// How the registry client uses the network and the cache, and whom it sends credentials
/// (audit, diff, check, install).
#[derive(Debug, Args, Clone, Default)]
pub struct NetworkArgs {
    /// Ask the registry again for every cached packument this run (a conditional request
    /// where it sent ETag/Last-Modified) instead of trusting the cache for --max-age.
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
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub sources: SourceArgs,
    /// Allow `resolved` URLs on this host too (repeatable). Default: registry.npmjs.org and
    /// registry.yarnpkg.com.
    #[arg(long = "allowed-host", value_name = "HOST")]
    pub allowed_hosts: Vec<String>,
    /// Skip the static analysis of package tarballs.
    #[arg(long)]
    pub no_code: bool,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
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
    /// Package folders, .tgz tarballs, or name@version specs.
    #[arg(required = true)]
    pub targets: Vec<String>,
    /// Output format: `json` is one `{package, verdict, score, findings}` object per package;
    /// `sarif` and `markdown` are reports like audit's.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Write the output to this file instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The registry's version document to compare with the tarball's package.json.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule id, e.g. lockfile/resolved-host.
    pub id: Option<String>,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}
