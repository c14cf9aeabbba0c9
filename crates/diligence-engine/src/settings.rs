//! The settings every command takes: one set of flags, one meaning.

use diligence_finding::Severity;
use std::path::PathBuf;
use std::time::Duration;

/// Where packuments, tarballs and git commits may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Network {
    /// Network, revalidating cached packuments.
    #[default]
    Online,
    /// Cache first; the network only for what is missing (`--prefer-offline`).
    PreferOffline,
    /// Cache only; what is missing is not evaluated (`--offline`).
    Offline,
}

/// The command a run is for: decides the defaults that differ ([`Settings::metadata`]) and
/// the wording of targets. Everything else is the same for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Command {
    #[default]
    Audit,
    Diff,
    Check,
    Install,
    Scan,
}

impl Command {
    /// `audit`, `diff`, `check`, `install` or `scan`.
    pub fn as_str(self) -> &'static str {
        match self {
            Command::Audit => "audit",
            Command::Diff => "diff",
            Command::Check => "check",
            Command::Install => "install",
            Command::Scan => "scan",
        }
    }
}

/// The project configuration read from a trusted place instead of the project folder: `diff`
/// reads the base revision's, so a pull request cannot configure its own review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedConfig {
    /// `diligence.toml` (`--config` still wins); `None`: the project folder's applies (a
    /// local file git does not track).
    pub policy: Option<TrustedFile>,
    /// The project `.npmrc`: registries, scope registries and project credentials (still
    /// behind the credential allowlist); `None`: the project folder's applies. User and
    /// global `.npmrc` and the environment apply as always.
    pub npmrc: Option<TrustedFile>,
}

/// One configuration file of a [`TrustedConfig`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedFile {
    /// How errors and findings name the file (relative to the repository root, e.g.
    /// `diligence.toml`).
    pub path: PathBuf,
    /// The file's text; `None` when there is none (defaults apply).
    pub text: Option<String>,
}

/// The flags shared by every command (`--config`, `--fail-on`, `--offline`,
/// `--prefer-offline`, `--db`, `--no-advisories`, `--no-registry`, `--no-code`,
/// `--metadata`/`--no-metadata`, `--allowed-host`, `-q`, `--show-suppressed`, `--omit`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub command: Command,
    /// The folder whose `diligence.toml` and `.npmrc` apply ([`crate::Input::project_dir`]).
    pub project_dir: PathBuf,
    /// `--config PATH`: the policy file instead of `<project dir>/diligence.toml`.
    pub config: Option<PathBuf>,
    /// `--fail-on`: overrides the policy's `fail-on` (default high).
    pub fail_on: Option<Severity>,
    pub network: Network,
    /// `--db SOURCE`: an advisory source instead of the local index.
    pub db: Option<String>,
    /// Run the advisory layer (`--no-advisories` switches it off).
    pub advisories: bool,
    /// Use the registry: cross-checks, packuments, tarballs, git fetches (`--no-registry`
    /// switches it off; local `file:`/`link:` code is still scanned).
    pub registry: bool,
    /// Run the code layer (`--no-code` switches it off).
    pub code: bool,
    /// Run the packument metadata rules: `Some(true)` with `--metadata`, `Some(false)` with
    /// `--no-metadata`, `None` for the command's default — on for `check` and `install` (a
    /// new package's publish age, publisher and scripts are what an install gate is for), off
    /// for `audit` and `diff` (a registry mirror that strips `time` and `maintainers` would
    /// make every tree-wide run "not evaluated").
    pub metadata: Option<bool>,
    /// `--allowed-host`: extra hosts for `resolved` URLs.
    pub allowed_hosts: Vec<String>,
    /// Progress bars on stderr (off with `-q`, and whenever stderr is not a terminal).
    pub progress: bool,
    /// `--show-suppressed`: list the findings policy waivers hid (their count is always shown).
    pub show_suppressed: bool,
    /// `--refresh`: ask the registry again for every cached packument (always on for
    /// `check` and `install`: ranges and dist-tags must be current).
    pub refresh: bool,
    /// `--max-age`: how long a cached packument is trusted without asking again.
    pub max_age: Option<Duration>,
    /// `--fetch-timeout`: the deadline of one registry URL, retries included.
    pub fetch_timeout: Option<Duration>,
    /// `--allow-project-credentials`: registry hosts the project's `.npmrc` may send
    /// credentials to.
    pub allow_project_credentials: Vec<String>,
    /// `check --all-platforms`: resolve the optional packages of every platform (the
    /// lockfile's set), not only those this machine would install.
    pub all_platforms: bool,
    /// The Node.js version (`20.20.2`, a leading `v` allowed) the install runs with: `check`
    /// and `install` closures prefer versions whose `engines.node` accepts it, as npm does.
    /// `None`: `engines` is not consulted. The CLI sets it from `check --node` or from
    /// `node --version` on the PATH.
    pub node: Option<String>,
    /// The `diligence.toml` and `.npmrc` to apply instead of the project folder's
    /// ([`crate::Input::trusted_config`]: the base revision's for `diff`).
    pub trusted_config: Option<TrustedConfig>,
    /// `--omit dev|optional|peer`: lockfile inputs (`audit`, both sides of `diff`) without
    /// what only those dependency kinds reach, as `npm --omit` installs them
    /// ([`DependencyGraph::omit`](diligence_graph::DependencyGraph::omit)).
    pub omit: diligence_graph::Omit,
}

impl Settings {
    /// Defaults for a project folder: every layer on, online, `audit`.
    pub fn for_project(project_dir: impl Into<PathBuf>) -> Settings {
        Settings {
            command: Command::Audit,
            project_dir: project_dir.into(),
            config: None,
            fail_on: None,
            network: Network::Online,
            db: None,
            advisories: true,
            registry: true,
            code: true,
            metadata: None,
            allowed_hosts: Vec::new(),
            progress: true,
            show_suppressed: false,
            refresh: false,
            max_age: None,
            fetch_timeout: None,
            allow_project_credentials: Vec::new(),
            all_platforms: false,
            node: None,
            trusted_config: None,
            omit: diligence_graph::Omit::default(),
        }
    }

    /// Whether cached packuments are revalidated this run (see [`Settings::refresh`]).
    pub fn refresh_on(&self) -> bool {
        self.refresh || matches!(self.command, Command::Check | Command::Install)
    }

    /// Whether the packument metadata rules run (see [`Settings::metadata`]).
    pub fn metadata_on(&self) -> bool {
        self.metadata
            .unwrap_or(matches!(self.command, Command::Check | Command::Install))
    }
}
