//! npm configuration as npm reads it: `.npmrc` files (INI) and `npm_config_*` environment
//! variables, reduced to what a registry client needs.
//!
//! Precedence, highest first (npm docs, "npmrc" and "config"): environment variables
//! (`npm_config_<key>` / `NPM_CONFIG_<KEY>`), the project `.npmrc`, the user config
//! (`$NPM_CONFIG_USERCONFIG`, else `~/.npmrc`), the global config (`$NPM_CONFIG_GLOBALCONFIG`
//! when set). Values may use `${NAME}` to read an environment variable; an unset variable is
//! an error, as in npm 9+. Every file is read size-bounded ([`crate::bounded`]).
//!
//! Keys used: `registry`, `@scope:registry`, `//host/path/:_authToken`, `//host/path/:_auth`,
//! `//host/path/:username` + `:_password` (base64), top-level `_auth` (legacy, default registry
//! only), `strict-ssl`, `cafile`, `ca`, `proxy`, `https-proxy`, `noproxy`. Every other key
//! (`omit-lockfile-registry-resolved`, `fund`, …) is ignored.
//!
//! Credentials are [`Secret`]s: `Debug` and `Display` print `***`, and a token is only sent to
//! URLs under the "nerf dart" (`//host[:port]/path/`) it was configured for.
//!
//! ## Trust boundary: the project `.npmrc`
//! The project's `.npmrc` arrives with the code under review (a pull request can add
//! `//evil.example/:_authToken=${CI_SECRET}`), so it cannot steer credentials:
//! - credentials come from configuration outside the project (user and global `.npmrc`,
//!   `npm_config_*` variables), each sent only to the host and path it was configured for;
//! - a credential the project `.npmrc` configures is used only for a host on the user's
//!   [`CredentialAllowlist`] (`--allow-project-credentials HOST` or
//!   `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS`, never a project file); otherwise it is dropped;
//! - `${VAR}` in a project `.npmrc` value is expanded only when the value is bound to an
//!   allowlisted host (a `//host/…:` key, or a URL whose host is written literally); other
//!   such keys are ignored, so no environment value leaves the process;
//! - when the project `.npmrc` changes how TLS or proxies work (`proxy`, `https-proxy`,
//!   `strict-ssl=false`, `ca`, `cafile`), credentials are sent to allowlisted hosts only, since
//!   such settings let a proxy of the project's choosing read them.
//!
//! Each refusal is a [`ConfigWarning`] (`file:line`, key, host, variable names; never a
//! value), reported by `audit` as `registry/project-credentials` findings.

use crate::bounded::{self, BoundedReadError};
use base64::Engine;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The public npm registry, npm's default `registry`.
pub const DEFAULT_REGISTRY: &str = "https://registry.npmjs.org/";

/// Environment variable of the user's [`CredentialAllowlist`]: hosts (`host` or `host:port`),
/// separated by commas or spaces.
pub const ALLOW_PROJECT_CREDENTIALS_ENV: &str = "DILIGENCE_ALLOW_PROJECT_CREDENTIALS";

/// Hosts that serve the public npm registry's tarballs under the same paths. A lockfile
/// written against one of these maps onto any configured registry (npm's
/// `replace-registry-host`, yarn's `registry.yarnpkg.com` alias).
pub const PUBLIC_REGISTRIES: [&str; 3] = [
    "https://registry.npmjs.org/",
    "https://registry.yarnpkg.com/",
    "https://registry.npmjs.com/",
];

/// A credential that never prints: `Debug` and `Display` show `***`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }
    /// The raw value, for building an `Authorization` header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// How to authenticate to one registry prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// `_authToken`: sent as `Authorization: Bearer <token>`.
    Bearer(Secret),
    /// `_auth` (base64 `user:pass`) or `username` + `_password`: sent as `Authorization: Basic`.
    Basic(Secret),
}

impl Credential {
    /// The `Authorization` header value. Never log it.
    pub fn header_value(&self) -> String {
        match self {
            Credential::Bearer(t) => format!("Bearer {}", t.expose()),
            Credential::Basic(b) => format!("Basic {}", b.expose()),
        }
    }
}

/// An error in npm configuration: names the file (or `environment`) and the key. Never
/// contains a credential value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {message}")]
pub struct ConfigError {
    /// The `.npmrc` path or `environment`.
    pub source_name: String,
    pub message: String,
}

/// The hosts to which credentials configured in a project `.npmrc` may be sent. A user-level
/// setting: the `--allow-project-credentials` flag and `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS`,
/// never a file inside the project.
///
/// Entries are `host` (the default port of the URL's scheme only) or `host:port`; a URL
/// (`https://npm.corp.example/`) or nerf dart (`//npm.corp.example/`) is reduced to its
/// host and port. Hosts compare case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CredentialAllowlist {
    authorities: BTreeSet<String>,
}

impl CredentialAllowlist {
    /// An allowlist of `entries`. Errors on an entry with no host, or with `@`, spaces or a
    /// non-numeric port, naming it.
    pub fn new<'a>(
        entries: impl IntoIterator<Item = &'a str>,
    ) -> Result<CredentialAllowlist, String> {
        let mut authorities = BTreeSet::new();
        for entry in entries {
            let entry = entry.trim();
            if entry.is_empty() {
                continue;
            }
            let rest = match entry.find("//") {
                Some(i) => &entry[i + 2..],
                None => entry,
            };
            let authority = rest.split('/').next().unwrap_or("").to_ascii_lowercase();
            let (host, port) = match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority.as_str(), None),
            };
            let valid = !host.is_empty()
                && !authority.contains(['@', ' ', '\t', '?', '#'])
                && port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
            if !valid {
                return Err(format!(
                    "credential allowlist entry `{entry}`: expected host or host:port"
                ));
            }
            authorities.insert(authority);
        }
        Ok(CredentialAllowlist { authorities })
    }

    /// The allowlist in `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS` of `env` plus `extra` (the
    /// command-line entries).
    pub fn from_env_and(
        env: &[(String, String)],
        extra: &[String],
    ) -> Result<CredentialAllowlist, String> {
        let from_env: Vec<&str> = env
            .iter()
            .filter(|(k, _)| k == ALLOW_PROJECT_CREDENTIALS_ENV)
            .flat_map(|(_, v)| v.split([',', ' ', '\n']))
            .collect();
        CredentialAllowlist::new(from_env.into_iter().chain(extra.iter().map(String::as_str)))
    }

    /// True when `authority` (`host` or `host:port`, as in a nerf dart) is allowlisted.
    pub fn allows(&self, authority: &str) -> bool {
        self.authorities.contains(&authority.to_ascii_lowercase())
    }

    /// True when nothing is allowlisted.
    pub fn is_empty(&self) -> bool {
        self.authorities.is_empty()
    }
}

/// Something the project `.npmrc` asked for that was refused (see the module doc). Displays
/// as one line naming the file, line, key, host and variables, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The project `.npmrc` path.
    pub file: String,
    /// 1-based line of the key.
    pub line: u32,
    /// The key as written (`//evil.example/:_authToken`).
    pub key: String,
    /// The host (`host` or `host:port`) the value is bound to, when it names one.
    pub host: Option<String>,
    /// What was refused.
    pub kind: ConfigWarningKind,
}

/// The kinds of [`ConfigWarning`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigWarningKind {
    /// `${VAR}` in the value was not expanded and the key was ignored: its host is not
    /// allowlisted (or not written literally). Carries the variable names.
    EnvNotExpanded { variables: Vec<String> },
    /// A credential the project configures for a host not on the allowlist: not sent.
    CredentialWithheld,
    /// The project changes TLS or proxy settings with this key, so credentials configured
    /// outside the project for the hosts in [`ConfigWarning::host`] are not sent (only
    /// allowlisted hosts get credentials while it applies).
    TransportSetting,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message())
    }
}

impl ConfigWarning {
    /// The warning without its `file:line: ` prefix.
    pub fn message(&self) -> String {
        let mut f = String::new();
        let _ = self.write_message(&mut f);
        f
    }

    fn write_message(&self, f: &mut String) -> fmt::Result {
        use std::fmt::Write;
        let host = self.host.as_deref().unwrap_or("the default registry");
        let allow = match &self.host {
            Some(h) => format!(
                "allow it with --allow-project-credentials {h} or {ALLOW_PROJECT_CREDENTIALS_ENV}"
            ),
            None => "write the registry host literally and allowlist it".to_string(),
        };
        match &self.kind {
            ConfigWarningKind::EnvNotExpanded { variables } => {
                let vars: Vec<String> = variables.iter().map(|v| format!("${{{v}}}")).collect();
                match &self.host {
                    Some(host) => write!(
                        f,
                        "`{}` would send {} to {host}, which is not in the credential allowlist: not expanded, key ignored ({allow})",
                        self.key,
                        vars.join(", ")
                    ),
                    None => write!(
                        f,
                        "`{}` uses {}: a project .npmrc may read the environment only for allowlisted registry hosts written literally: not expanded, key ignored",
                        self.key,
                        vars.join(", ")
                    ),
                }
            }
            ConfigWarningKind::CredentialWithheld => write!(
                f,
                "`{}` sets a credential for {host}, which is not in the credential allowlist: not sent ({allow})",
                self.key
            ),
            ConfigWarningKind::TransportSetting => write!(
                f,
                "the project sets `{}`, which decides who can read requests: credentials for {host} (configured outside the project) are not sent; only allowlisted hosts get credentials while it applies (--allow-project-credentials HOST or {ALLOW_PROJECT_CREDENTIALS_ENV})",
                self.key
            ),
        }
    }
}

/// The registry-relevant part of npm's configuration. `Debug` redacts credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmConfig {
    /// The default registry URL, always ending in `/`.
    pub registry: String,
    /// `@scope` → registry URL (ending in `/`).
    pub scopes: BTreeMap<String, String>,
    /// Nerf dart (`//host[:port]/path/`) → credential. Only credentials allowed across the
    /// project trust boundary (module doc) are here.
    pub credentials: BTreeMap<String, Credential>,
    /// `strict-ssl` (default true): verify TLS certificates.
    pub strict_ssl: bool,
    /// `cafile`: a PEM file of CA certificates to trust instead of the system store.
    pub cafile: Option<PathBuf>,
    /// `ca`: inline PEM certificates (same effect as `cafile`).
    pub ca: Vec<String>,
    /// `https-proxy`, else `proxy` (an `http://` or `socks5://` URL).
    pub proxy: Option<String>,
    /// `noproxy`: comma-separated hosts not to proxy.
    pub noproxy: Vec<String>,
    /// What the project `.npmrc` asked for and was refused, in file order.
    pub warnings: Vec<ConfigWarning>,
}

impl Default for NpmConfig {
    fn default() -> Self {
        NpmConfig {
            registry: DEFAULT_REGISTRY.to_string(),
            scopes: BTreeMap::new(),
            credentials: BTreeMap::new(),
            strict_ssl: true,
            cafile: None,
            ca: Vec::new(),
            proxy: None,
            noproxy: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Raw `key = value` pairs from one source, in file order, with the source's name.
struct RawSource {
    name: String,
    /// `(key, value, 1-based line)`; line 0 for the environment.
    pairs: Vec<(String, String, u32)>,
    /// The project `.npmrc`: on the far side of the trust boundary.
    project: bool,
}

/// Keys whose project-level setting changes how TLS or proxies work.
const TRANSPORT_KEYS: [&str; 4] = ["proxy", "https-proxy", "ca", "cafile"];

impl NpmConfig {
    /// Loads configuration for a project folder the way npm does: environment, then
    /// `<project>/.npmrc`, then the user config, then the global config (when
    /// `NPM_CONFIG_GLOBALCONFIG` names one). Missing files are skipped; an unreadable,
    /// oversized or non-regular file, or an undefined `${VAR}`, is an error naming the file
    /// and key. The credential allowlist comes from `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS`.
    pub fn load(project_dir: &Path) -> Result<NpmConfig, ConfigError> {
        Self::load_allowing(project_dir, &[])
    }

    /// [`NpmConfig::load`] with `allow` (the `--allow-project-credentials` entries) added to
    /// the allowlist from the environment.
    pub fn load_allowing(project_dir: &Path, allow: &[String]) -> Result<NpmConfig, ConfigError> {
        Self::load_allowing_project_text(project_dir, allow, None)
    }

    /// [`NpmConfig::load_allowing`] with the project `.npmrc` given as text instead of read
    /// from `project_dir` (`diff` uses the base revision's): `Some((name, Some(text)))` is the
    /// file named `name` in messages, `Some((name, None))` a project without one. It stays on
    /// the far side of the trust boundary (allowlist, `${VAR}` refusal) like the file.
    pub fn load_allowing_project_text(
        project_dir: &Path,
        allow: &[String],
        project_npmrc: Option<(&str, Option<&str>)>,
    ) -> Result<NpmConfig, ConfigError> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        let home = dirs::home_dir();
        let allowlist =
            CredentialAllowlist::from_env_and(&env, allow).map_err(|message| ConfigError {
                source_name: "credential allowlist".into(),
                message,
            })?;
        let project = match project_npmrc {
            Some((name, text)) => RawSource {
                name: name.to_string(),
                pairs: parse_ini(text.unwrap_or("")),
                project: true,
            },
            None => project_source(project_dir)?,
        };
        Self::load_from(project, home.as_deref(), &env, &allowlist)
    }

    /// [`NpmConfig::load`] with explicit home folder and environment (for tests); the
    /// allowlist is `$DILIGENCE_ALLOW_PROJECT_CREDENTIALS` of `env`.
    pub fn load_with(
        project_dir: &Path,
        home: Option<&Path>,
        env: &[(String, String)],
    ) -> Result<NpmConfig, ConfigError> {
        let allowlist =
            CredentialAllowlist::from_env_and(env, &[]).map_err(|message| ConfigError {
                source_name: "credential allowlist".into(),
                message,
            })?;
        Self::load_with_allowlist(project_dir, home, env, &allowlist)
    }

    /// The loader behind the others: explicit home folder, environment and allowlist.
    pub fn load_with_allowlist(
        project_dir: &Path,
        home: Option<&Path>,
        env: &[(String, String)],
        allowlist: &CredentialAllowlist,
    ) -> Result<NpmConfig, ConfigError> {
        Self::load_from(project_source(project_dir)?, home, env, allowlist)
    }

    /// The loader behind the others: the project source, home folder, environment and
    /// allowlist.
    fn load_from(
        project: RawSource,
        home: Option<&Path>,
        env: &[(String, String)],
        allowlist: &CredentialAllowlist,
    ) -> Result<NpmConfig, ConfigError> {
        // npm's own variables are case-insensitive; `${VAR}` expansion is exact, as in a shell.
        let lookup = |k: &str| -> Option<String> {
            env.iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(k))
                .map(|(_, v)| v.clone())
        };
        let exact = |k: &str| -> Option<String> {
            env.iter()
                .find(|(name, _)| name == k)
                .map(|(_, v)| v.clone())
        };
        let mut sources = vec![env_source(env)];
        sources.push(project);
        let user = lookup("npm_config_userconfig")
            .map(PathBuf::from)
            .or_else(|| home.map(|h| h.join(".npmrc")));
        if let Some(user) = user {
            sources.push(read_file(&user)?);
        }
        if let Some(global) = lookup("npm_config_globalconfig") {
            sources.push(read_file(Path::new(&global))?);
        }
        // Lowest precedence first, so later sources override.
        let mut config = NpmConfig::default();
        for source in sources.iter().rev() {
            config.apply(source, &exact, allowlist)?;
        }
        config.withhold_after_transport_change(allowlist);
        Ok(config)
    }

    /// Parses one `.npmrc` text (for tests and callers with their own files), over defaults,
    /// as configuration from outside the project (credentials kept). `${VAR}` reads `env`.
    pub fn from_npmrc(
        name: &str,
        text: &str,
        env: &[(String, String)],
    ) -> Result<NpmConfig, ConfigError> {
        let lookup = |k: &str| -> Option<String> {
            env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        };
        let source = RawSource {
            name: name.to_string(),
            pairs: parse_ini(text),
            project: false,
        };
        let mut config = NpmConfig::default();
        config.apply(&source, &lookup, &CredentialAllowlist::default())?;
        Ok(config)
    }

    fn apply(
        &mut self,
        source: &RawSource,
        lookup: &dyn Fn(&str) -> Option<String>,
        allowlist: &CredentialAllowlist,
    ) -> Result<(), ConfigError> {
        let err = |message: String| ConfigError {
            source_name: source.name.clone(),
            message,
        };
        let warn =
            |key: &str, line: u32, host: Option<String>, kind: ConfigWarningKind| ConfigWarning {
                file: source.name.clone(),
                line,
                key: key.to_string(),
                host,
                kind,
            };
        let mut basic_parts: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
        for (key, raw, line) in &source.pairs {
            let line = *line;
            let Some(bound) = key_binding(key) else {
                continue;
            };
            let host = match bound {
                Binding::KeyHost(h) => Some(h),
                Binding::ValueUrl => literal_authority(raw),
                Binding::Local => None,
            };
            let allowed = host.as_deref().is_some_and(|h| allowlist.allows(h));
            if source.project && raw.contains("${") && !allowed {
                let variables = variables_in(raw);
                if !variables.is_empty() {
                    self.warnings.push(warn(
                        key,
                        line,
                        host,
                        ConfigWarningKind::EnvNotExpanded { variables },
                    ));
                    continue;
                }
            }
            let value = expand_env(raw, lookup).map_err(|var| {
                err(format!(
                    "`{key}` uses ${{{var}}}, which is not set in the environment"
                ))
            })?;
            if let Some(rest) = key.strip_prefix("//") {
                let Some((prefix, field)) = rest.rsplit_once(':') else {
                    continue;
                };
                if source.project && !allowed {
                    self.warnings.push(warn(
                        key,
                        line,
                        host,
                        ConfigWarningKind::CredentialWithheld,
                    ));
                    continue;
                }
                let dart = nerf_dart_key(prefix);
                match field {
                    "_authToken" => {
                        self.credentials
                            .insert(dart, Credential::Bearer(Secret::new(value)));
                    }
                    "_auth" => {
                        self.credentials
                            .insert(dart, Credential::Basic(Secret::new(value)));
                    }
                    "username" => basic_parts.entry(dart).or_default().0 = Some(value),
                    "_password" => basic_parts.entry(dart).or_default().1 = Some(value),
                    _ => {}
                }
                continue;
            }
            if let Some(scope) = key.strip_suffix(":registry") {
                if scope.starts_with('@') {
                    self.scopes.insert(scope.to_string(), with_slash(&value));
                }
                continue;
            }
            if source.project
                && (TRANSPORT_KEYS.contains(&key.as_str())
                    || (key == "strict-ssl" && value.trim() == "false"))
            {
                self.warnings
                    .push(warn(key, line, None, ConfigWarningKind::TransportSetting));
            }
            match key.as_str() {
                "registry" => self.registry = with_slash(&value),
                "_auth" => {
                    let dart = nerf_dart(&self.registry).unwrap_or_default();
                    let authority = dart_authority(&dart);
                    if source.project && !allowlist.allows(authority) {
                        self.warnings.push(warn(
                            key,
                            line,
                            Some(authority.to_string()),
                            ConfigWarningKind::CredentialWithheld,
                        ));
                        continue;
                    }
                    self.credentials
                        .insert(dart, Credential::Basic(Secret::new(value)));
                }
                "strict-ssl" => self.strict_ssl = value.trim() != "false",
                "cafile" => self.cafile = Some(PathBuf::from(value)),
                "ca" => self.ca.push(value),
                "https-proxy" => self.proxy = Some(value),
                "proxy" if self.proxy.is_none() => self.proxy = Some(value),
                "noproxy" => {
                    self.noproxy = value
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                }
                _ => {}
            }
        }
        for (dart, (user, password)) in basic_parts {
            let (Some(user), Some(password)) = (user, password) else {
                continue;
            };
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(password.trim())
                .map_err(|_| err(format!("`//{}:_password` is not base64", &dart[2..])))?;
            let pair = format!("{user}:{}", String::from_utf8_lossy(&decoded));
            let b64 = base64::engine::general_purpose::STANDARD.encode(pair);
            self.credentials
                .insert(dart, Credential::Basic(Secret::new(b64)));
        }
        Ok(())
    }

    /// After a project-level TLS or proxy change, keeps only credentials for allowlisted
    /// hosts. The change is worth a warning only when it withheld something; the warning
    /// names the hosts.
    fn withhold_after_transport_change(&mut self, allowlist: &CredentialAllowlist) {
        let changed = self
            .warnings
            .iter()
            .any(|w| w.kind == ConfigWarningKind::TransportSetting);
        if !changed {
            return;
        }
        let mut withheld: Vec<String> = Vec::new();
        self.credentials.retain(|dart, _| {
            let authority = dart_authority(dart);
            let keep = allowlist.allows(authority);
            if !keep && !withheld.iter().any(|w| w == authority) {
                withheld.push(authority.to_string());
            }
            keep
        });
        if withheld.is_empty() {
            self.warnings
                .retain(|w| w.kind != ConfigWarningKind::TransportSetting);
            return;
        }
        for w in &mut self.warnings {
            if w.kind == ConfigWarningKind::TransportSetting {
                w.host = Some(withheld.join(", "));
            }
        }
    }

    /// The registry for a package name: the `@scope:registry` of its scope, else `registry`.
    pub fn registry_for(&self, package: &str) -> &str {
        scope_of(package)
            .and_then(|s| self.scopes.get(s))
            .map(String::as_str)
            .unwrap_or(&self.registry)
    }

    /// The credential to send with a request to `url`: the one whose nerf dart is the longest
    /// prefix of the URL's (npm-registry-fetch walks up the path the same way). `None` when no
    /// configured prefix covers the URL, so a token never leaves its host.
    pub fn credential_for(&self, url: &str) -> Option<&Credential> {
        let mut dart = nerf_dart(url)?;
        loop {
            if let Some(c) = self.credentials.get(&dart) {
                return Some(c);
            }
            // Drop the last path segment: `//h/a/b/` → `//h/a/`.
            let trimmed = dart.trim_end_matches('/');
            let cut = trimmed.rfind('/')?;
            if cut < 2 {
                return None;
            }
            dart = trimmed[..=cut].to_string();
        }
    }
}

/// What a key's value is sent to, for the project trust boundary.
enum Binding {
    /// `//host[:port]/path/:field`: the host in the key (lowercase authority).
    KeyHost(String),
    /// `registry`, `@scope:registry`, `proxy`, `https-proxy`: the URL in the value.
    ValueUrl,
    /// A local setting (`strict-ssl`, `cafile`, `ca`, `noproxy`, top-level `_auth`).
    Local,
}

/// How a used key binds to a host; `None` for keys this reader ignores.
fn key_binding(key: &str) -> Option<Binding> {
    if let Some(rest) = key.strip_prefix("//") {
        let (prefix, _) = rest.rsplit_once(':')?;
        return Some(Binding::KeyHost(
            dart_authority(&nerf_dart_key(prefix)).to_ascii_lowercase(),
        ));
    }
    if key.ends_with(":registry") {
        return Some(Binding::ValueUrl);
    }
    match key {
        "registry" | "proxy" | "https-proxy" => Some(Binding::ValueUrl),
        "strict-ssl" | "cafile" | "ca" | "noproxy" | "_auth" => Some(Binding::Local),
        _ => None,
    }
}

/// `host[:port]` of a nerf dart `//host[:port]/path/`.
fn dart_authority(dart: &str) -> &str {
    let rest = dart.strip_prefix("//").unwrap_or(dart);
    rest.split('/').next().unwrap_or("")
}

/// The authority (`host[:port]`, lowercase) of a URL value when it is written literally,
/// before any `${…}`: `https://npm.corp.example/${PATH}` gives `npm.corp.example`;
/// `https://${HOST}/` gives `None`.
fn literal_authority(raw: &str) -> Option<String> {
    let (_, rest) = raw.trim().split_once("://")?;
    let end = rest.find('/')?;
    let authority = &rest[..end];
    if authority.is_empty() || authority.contains("${") || authority.contains('@') {
        return None;
    }
    Some(authority.to_ascii_lowercase())
}

/// The names of the `${NAME}` / `${NAME?}` references in a value.
fn variables_in(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find("${") {
        let escaped = start > 0 && rest.as_bytes()[start - 1] == b'\\';
        let Some(len) = rest[start + 2..].find('}') else {
            break;
        };
        if !escaped {
            let name = rest[start + 2..start + 2 + len].trim_end_matches('?');
            out.push(name.to_string());
        }
        rest = &rest[start + 3 + len..];
    }
    out
}

/// The scope of a package name (`@types` for `@types/node`), or `None` when unscoped.
pub fn scope_of(package: &str) -> Option<&str> {
    if !package.starts_with('@') {
        return None;
    }
    package.split_once('/').map(|(s, _)| s)
}

/// npm's "nerf dart" of a URL: `//host[:port]/dir/` — scheme, credentials, query, fragment
/// and the last path segment dropped. `None` when `url` does not parse.
pub fn nerf_dart(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let port = parsed.port().map(|p| format!(":{p}")).unwrap_or_default();
    let path = parsed.path();
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    Some(format!("//{host}{port}{dir}"))
}

/// Normalises the `host/path/` part of a `//host/path/:key` config key to a nerf dart.
fn nerf_dart_key(prefix: &str) -> String {
    let mut dart = format!("//{prefix}");
    if !dart.ends_with('/') {
        dart.push('/');
    }
    dart
}

fn with_slash(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

/// Expands `${NAME}` (npm also accepts `${NAME?}` for "empty when unset"). Returns the name of
/// an undefined variable as the error.
fn expand_env(value: &str, lookup: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find("${") {
        // A backslash before `$` escapes it.
        if start > 0 && rest.as_bytes()[start - 1] == b'\\' {
            out.push_str(&rest[..start - 1]);
            out.push('$');
            rest = &rest[start + 1..];
            continue;
        }
        let Some(len) = rest[start + 2..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 2..start + 2 + len];
        let (name, optional) = match name.strip_suffix('?') {
            Some(n) => (n, true),
            None => (name, false),
        };
        match lookup(name) {
            Some(v) => out.push_str(&v),
            None if optional => {}
            None => return Err(name.to_string()),
        }
        rest = &rest[start + 3 + len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses npm's INI dialect: `key = value` lines, `;`/`#` comments, `[section]` headers
/// ignored (npm flattens them), quoted values unquoted, `key[] = v` treated as `key = v`.
/// Returns `(key, value, 1-based line)`.
fn parse_ini(text: &str) -> Vec<(String, String, u32)> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(';') || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let key = key.trim().trim_end_matches("[]").to_string();
        let value = unquote(value.trim());
        pairs.push((key, value, (i + 1) as u32));
    }
    pairs
}

fn unquote(value: &str) -> String {
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted {
        value[1..value.len() - 1].to_string()
    } else {
        value.to_string()
    }
}

/// `<project_dir>/.npmrc` as the project source (beyond the trust boundary).
fn project_source(project_dir: &Path) -> Result<RawSource, ConfigError> {
    let mut project = read_file(&project_dir.join(".npmrc"))?;
    project.project = true;
    Ok(project)
}

/// Reads one `.npmrc`, at most [`bounded::MAX_NPMRC_BYTES`]; a missing file is empty.
fn read_file(path: &Path) -> Result<RawSource, ConfigError> {
    let name = path.display().to_string();
    let empty = |name| RawSource {
        name,
        pairs: Vec::new(),
        project: false,
    };
    let bytes = match bounded::read_bounded(path, bounded::MAX_NPMRC_BYTES) {
        Ok(b) => b,
        Err(BoundedReadError::NotFound) => return Ok(empty(name)),
        Err(e) => {
            return Err(ConfigError {
                source_name: name,
                message: e.to_string(),
            });
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| ConfigError {
        source_name: name.clone(),
        message: "not UTF-8 text".into(),
    })?;
    Ok(RawSource {
        name,
        pairs: parse_ini(&text),
        project: false,
    })
}

/// `npm_config_<key>` variables (any case) as config pairs. npm maps `_` to `-` in ordinary
/// keys (`npm_config_strict_ssl` → `strict-ssl`) and keeps `//…` and `_auth…` keys as written.
fn env_source(env: &[(String, String)]) -> RawSource {
    let mut pairs = Vec::new();
    for (name, value) in env {
        let lower = name.to_ascii_lowercase();
        let Some(key) = lower.strip_prefix("npm_config_") else {
            continue;
        };
        let raw = &name["npm_config_".len()..];
        let key = if raw.starts_with("//") || raw.starts_with('_') || raw.starts_with('@') {
            raw.to_string()
        } else {
            key.replace('_', "-")
        };
        if key == "userconfig" || key == "globalconfig" {
            continue;
        }
        pairs.push((key, value.clone(), 0));
    }
    RawSource {
        name: "environment".to_string(),
        pairs,
        project: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn reads_registry_scopes_and_tokens() {
        let text = "registry=https://mirror.example/npm\n\
                    @corp:registry = https://npm.corp.example/\n\
                    //npm.corp.example/:_authToken=${CORP_TOKEN}\n\
                    omit-lockfile-registry-resolved=true\n\
                    strict-ssl=false\n";
        let c = NpmConfig::from_npmrc(".npmrc", text, &env(&[("CORP_TOKEN", "s3cr3t")])).unwrap();
        assert_eq!(c.registry, "https://mirror.example/npm/");
        assert_eq!(c.registry_for("@corp/lib"), "https://npm.corp.example/");
        assert_eq!(c.registry_for("lodash"), "https://mirror.example/npm/");
        assert!(!c.strict_ssl);
        let cred = c
            .credential_for("https://npm.corp.example/@corp%2flib")
            .unwrap();
        assert_eq!(cred.header_value(), "Bearer s3cr3t");
        assert!(
            c.credential_for("https://mirror.example/npm/lodash")
                .is_none()
        );
        assert!(
            c.credential_for("https://evil.example/npm.corp.example/x")
                .is_none()
        );
        let debug = format!("{c:?}");
        assert!(!debug.contains("s3cr3t"), "{debug}");
        assert!(debug.contains("***"));
    }

    #[test]
    fn undefined_variable_is_an_error_naming_file_and_key() {
        let e =
            NpmConfig::from_npmrc("/p/.npmrc", "//r.example/:_authToken=${NOPE}", &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "/p/.npmrc: `//r.example/:_authToken` uses ${NOPE}, which is not set in the environment"
        );
    }

    #[test]
    fn token_prefix_is_path_aware() {
        let c = NpmConfig::from_npmrc(".npmrc", "//h.example/npm/private/:_authToken=t1\n", &[])
            .unwrap();
        assert!(
            c.credential_for("https://h.example/npm/private/a/-/a-1.tgz")
                .is_some()
        );
        assert!(c.credential_for("https://h.example/npm/public/a").is_none());
        assert!(
            c.credential_for("http://h.example:8080/npm/private/a")
                .is_none()
        );
    }

    #[test]
    fn username_password_and_env_precedence() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(".npmrc"),
            "registry=https://project.example/\n//project.example/:username=u\n//project.example/:_password=cGFzcw==\n",
        )
        .unwrap();
        let home = tempfile::tempdir().unwrap();
        std::fs::write(
            home.path().join(".npmrc"),
            "registry=https://user.example/\nstrict-ssl=false\n",
        )
        .unwrap();
        let e = env(&[("npm_config_strict_ssl", "true")]);
        let c = NpmConfig::load_with(dir.path(), Some(home.path()), &e).unwrap();
        assert_eq!(c.registry, "https://project.example/");
        assert!(c.strict_ssl);
        // A project credential needs the host on the user's allowlist.
        assert!(c.credential_for("https://project.example/x").is_none());
        let e = env(&[
            ("npm_config_strict_ssl", "true"),
            (ALLOW_PROJECT_CREDENTIALS_ENV, "project.example"),
        ]);
        let c = NpmConfig::load_with(dir.path(), Some(home.path()), &e).unwrap();
        let cred = c.credential_for("https://project.example/x").unwrap();
        assert_eq!(cred.header_value(), "Basic dTpwYXNz");
        let e = env(&[("NPM_CONFIG_REGISTRY", "https://env.example")]);
        let c = NpmConfig::load_with(dir.path(), Some(home.path()), &e).unwrap();
        assert_eq!(c.registry, "https://env.example/");
    }

    #[test]
    fn legacy_top_level_auth_binds_to_the_default_registry() {
        let c = NpmConfig::from_npmrc(
            ".npmrc",
            "registry=https://r.example/npm/\n_auth=dTpw\n",
            &[],
        )
        .unwrap();
        let cred = c.credential_for("https://r.example/npm/ms").unwrap();
        assert_eq!(cred.header_value(), "Basic dTpw");
        assert!(c.credential_for("https://other.example/npm/ms").is_none());
    }

    #[test]
    fn allowlist_entries() {
        let a = CredentialAllowlist::new([
            "npm.corp.example",
            "https://NPM.pkg.github.com/",
            "//127.0.0.1:4873/x/",
        ])
        .unwrap();
        assert!(a.allows("npm.corp.example"));
        assert!(a.allows("npm.pkg.github.com"));
        assert!(a.allows("127.0.0.1:4873"));
        assert!(!a.allows("127.0.0.1"));
        assert!(!a.allows("npm.corp.example:8443"));
        assert!(CredentialAllowlist::new(["user@evil.example"]).is_err());
        assert!(CredentialAllowlist::new(["host:port"]).is_err());
        let e = env(&[(ALLOW_PROJECT_CREDENTIALS_ENV, "a.example, b.example")]);
        let a = CredentialAllowlist::from_env_and(&e, &["c.example".into()]).unwrap();
        assert!(a.allows("a.example") && a.allows("b.example") && a.allows("c.example"));
    }

    #[test]
    fn literal_hosts_of_url_values() {
        assert_eq!(
            literal_authority("https://npm.corp.example/${P}/"),
            Some("npm.corp.example".into())
        );
        assert_eq!(literal_authority("https://${HOST}/"), None);
        assert_eq!(literal_authority("https://u:${T}@h.example/"), None);
        assert_eq!(variables_in("a${X}b\\${Y}${Z?}"), vec!["X", "Z"]);
    }

    #[test]
    fn nerf_darts() {
        assert_eq!(
            nerf_dart("https://registry.npmjs.org/").as_deref(),
            Some("//registry.npmjs.org/")
        );
        assert_eq!(
            nerf_dart("http://127.0.0.1:4873/@s%2fn").as_deref(),
            Some("//127.0.0.1:4873/")
        );
    }
}
