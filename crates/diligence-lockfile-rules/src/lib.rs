//! Offline lockfile-tampering rules (`lockfile/…`): what a reviewer should have caught in a
//! lockfile diff, checked from the [`DependencyGraph`] alone, without the network.
//!
//! A lockfile is a list of instructions to the package manager: fetch this URL, expect this
//! hash. A pull request that edits it can make every install fetch an attacker's tarball while
//! `package.json` looks unchanged (the "lockfile injection" described by Liran Tal, 2019). The
//! rules here look at each locked entry's source and integrity:
//!
//! | rule | default severity |
//! |---|---|
//! | [`lockfile/resolved-host`](rules::resolved_host::RESOLVED_HOST) | high |
//! | [`lockfile/insecure-scheme`](rules::insecure_scheme::INSECURE_SCHEME) | high (medium with integrity) |
//! | [`lockfile/disallowed-scheme`](rules::disallowed_scheme::DISALLOWED_SCHEME) | high |
//! | [`lockfile/resolved-name-mismatch`](rules::resolved_name_mismatch::RESOLVED_NAME_MISMATCH) | high |
//! | [`lockfile/resolved-version-mismatch`](rules::resolved_version_mismatch::RESOLVED_VERSION_MISMATCH) | high |
//! | [`lockfile/integrity-missing`](rules::integrity_missing::INTEGRITY_MISSING) | medium |
//! | [`lockfile/integrity-weak`](rules::integrity_weak::INTEGRITY_WEAK) | low (medium for an outlier sha1) |
//! | [`lockfile/git-source`](rules::git_source::GIT_SOURCE) | low (medium unpinned) |
//! | [`lockfile/remote-tarball`](rules::remote_tarball::REMOTE_TARBALL) | medium |
//! | [`lockfile/local-path-outside-project`](rules::local_path_outside_project::LOCAL_PATH_OUTSIDE_PROJECT) | high |
//! | [`lockfile/local-source`](rules::local_source::LOCAL_SOURCE) | info |
//! | [`lockfile/spec-source-mismatch`](rules::spec_source_mismatch::SPEC_SOURCE_MISMATCH) | high |
//! | [`lockfile/orphan-entry`](rules::orphan_entry::ORPHAN_ENTRY) | medium |
//!
//! Not here: an integrity replaced by the hash of another real version of the same package
//! (tamper kind T4) looks right offline; the registry cross-check in `diligence-registry`
//! compares it with the packument's `dist.integrity`, and tells a sha1 downgrade from an old
//! sha1-only package (`registry/integrity-downgrade`).

mod local_path;
mod resolved;
pub mod rules;

use diligence_finding::{Finding, Rule};
use diligence_graph::{DependencyGraph, HashAlgorithm, LockfileFormat, Package, PackageId, Source};
use resolved::ResolvedUrl;
use std::collections::{BTreeMap, HashMap};

/// What the project's `package.json` files ask for, by importer path (`.` for the root,
/// `packages/a` for a workspace member), for `lockfile/unlocked-dependency`: formats that
/// record the importers' dependencies in the lockfile itself (npm v2/v3, pnpm, bun, berry)
/// are compared with the manifests as they are now, so a dependency added without relocking
/// is seen in every format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclaredDependencies {
    pub importers: BTreeMap<String, Declared>,
}

/// One importer's `package.json`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declared {
    /// The manifest's path as findings name it.
    pub file: String,
    /// `(name, spec)` of `dependencies` and `devDependencies` (optional and peer dependencies
    /// may be legitimately absent and are left out).
    pub dependencies: Vec<(String, String)>,
}

/// What a project allows in its lockfile. [`Default`] is the public npm registry as npm and
/// yarn write it: hosts `registry.npmjs.org` and `registry.yarnpkg.com`, schemes `https`,
/// `git+https`, `git+ssh` and `ssh`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockfilePolicy {
    /// Hosts a registry package's `resolved` URL may point at. Each entry is a hostname
    /// (`registry.npmjs.org`), `host:port`, a registry URL (`https://npm.corp.example/api/`,
    /// its host is used), or an alias: `npm` (registry.npmjs.org), `yarn`
    /// (registry.yarnpkg.com). Matched case-insensitively and exactly: no subdomains. An entry
    /// without a port allows any port on that host.
    pub allowed_hosts: Vec<String>,
    /// URL schemes (without `:`) a `resolved`, tarball or git URL may use. `http`, `git` and
    /// `git+http` are cleartext and reported by `lockfile/insecure-scheme` unless listed here;
    /// any other scheme not listed is reported by `lockfile/disallowed-scheme`. Git
    /// shorthands (`github:`, `gitlab:`, `bitbucket:`, `gist:`) count as `git+https`.
    pub allowed_schemes: Vec<String>,
}

impl Default for LockfilePolicy {
    fn default() -> Self {
        LockfilePolicy {
            allowed_hosts: vec!["registry.npmjs.org".into(), "registry.yarnpkg.com".into()],
            allowed_schemes: ["https", "git+https", "git+ssh", "ssh"]
                .map(String::from)
                .to_vec(),
        }
    }
}

impl LockfilePolicy {
    /// Also allows the host of the project's configured registry (from `.npmrc` `registry=`,
    /// `.yarnrc.yml` `npmRegistryServer`, …). Accepts a URL or a bare host.
    pub fn with_registry(mut self, registry: &str) -> Self {
        self.allowed_hosts.push(registry.to_string());
        self
    }

    /// The allowed hosts as `(host, port)` pairs, normalised once per check.
    fn host_allow_list(&self) -> Vec<(String, Option<u16>)> {
        self.allowed_hosts
            .iter()
            .map(|entry| {
                let entry = normalise_host_entry(entry);
                let (host, port) = split_host_port(&entry);
                (host.to_string(), port)
            })
            .collect()
    }

    /// True when `url` is an `http(s)` URL on an allowed registry host: what a package
    /// manager fetches from the registry even when the path is not the registry tarball shape
    /// `…/<name>/-/<file>.tgz` (registries such as GitHub Packages serve other paths; an
    /// edited `resolved` can too).
    pub fn is_registry_url(&self, url: &str) -> bool {
        let Ok(u) = ResolvedUrl::parse(url) else {
            return false;
        };
        if !matches!(u.scheme.as_str(), "http" | "https") {
            return false;
        }
        host_listed(&self.host_allow_list(), &u)
    }

    /// True when `scheme` (lowercase, no `:`) is listed in [`Self::allowed_schemes`].
    pub(crate) fn scheme_allowed(&self, scheme: &str) -> bool {
        self.allowed_schemes
            .iter()
            .any(|s| s.trim_end_matches(':').eq_ignore_ascii_case(scheme))
    }
}

/// True when the URL's host (and port, if the list's entry names one) is in `list`
/// ([`LockfilePolicy::host_allow_list`]).
fn host_listed(list: &[(String, Option<u16>)], url: &ResolvedUrl) -> bool {
    let Some(host) = url.host.as_deref() else {
        return false;
    };
    list.iter().any(|(allowed, port)| {
        allowed == host && port.is_none_or(|p| Some(p) == url.effective_port)
    })
}

/// `npm` → `registry.npmjs.org`; a URL → its `host[:port]`; lowercase, no trailing dot.
fn normalise_host_entry(entry: &str) -> String {
    let entry = entry.trim();
    match entry {
        "npm" => return "registry.npmjs.org".into(),
        "yarn" => return "registry.yarnpkg.com".into(),
        _ => {}
    }
    if entry.contains("://")
        && let Ok(u) = ResolvedUrl::parse(entry)
    {
        return u.authority();
    }
    entry.trim_end_matches('.').to_ascii_lowercase()
}

/// Splits `host:port` (`[v6]:port`); the port only when it is all digits.
fn split_host_port(entry: &str) -> (&str, Option<u16>) {
    let split = match entry.rfind(':') {
        Some(i) if !entry[..i].contains(':') || entry[..i].ends_with(']') => Some(i),
        _ => None,
    };
    match split.map(|i| (&entry[..i], entry[i + 1..].parse::<u16>())) {
        Some((host, Ok(port))) => (host, Some(port)),
        _ => (entry, None),
    }
}

/// Everything a rule needs besides the entry: the graph, the policy, and lockfile-wide facts.
pub(crate) struct Cx<'a> {
    pub graph: &'a DependencyGraph,
    pub policy: &'a LockfilePolicy,
    /// The importers' manifests, when the caller read them.
    pub declared: &'a DeclaredDependencies,
    /// The lockfile path as written in findings.
    pub file: String,
    /// The lockfile's sha1-only entries are outliers: most hashed entries record a stronger
    /// hash (sha256 or better, or a berry checksum) and the sha1-only ones are at most 5% of
    /// the hashed entries (at least one). See [`sha1_is_outlier`].
    pub sha1_outlier: bool,
    /// Entry key → node, for npm lockfiles (whose keys are `node_modules/…` folder paths, so a
    /// nested entry's parent is found by its key). Empty for other formats.
    pub npm_folders: HashMap<&'a str, PackageId>,
    /// [`LockfilePolicy::allowed_hosts`] normalised to `(host, port)`.
    allowed_hosts: Vec<(String, Option<u16>)>,
}

impl Cx<'_> {
    /// The allowed hosts for messages: `host` or `host:port`, normalised, without repeats.
    pub fn allowed_hosts_shown(&self) -> String {
        let mut shown: Vec<String> = Vec::new();
        for (host, port) in &self.allowed_hosts {
            let one = match port {
                Some(p) => format!("{host}:{p}"),
                None => host.clone(),
            };
            if !shown.contains(&one) {
                shown.push(one);
            }
        }
        shown.join(", ")
    }

    /// True when `url` parses and its host is an allowed registry: a tarball there is the
    /// project's registry serving an unusual tarball path (GitHub Packages'
    /// `/download/@owner/name/1.2.3/<hash>`), not a third-party download.
    pub fn on_allowed_registry(&self, url: &str) -> bool {
        ResolvedUrl::parse(url).is_ok_and(|u| self.host_allowed(&u))
    }

    /// True when the URL's host (and port, if the allowing entry names one) is allowed.
    pub fn host_allowed(&self, url: &ResolvedUrl) -> bool {
        host_listed(&self.allowed_hosts, url)
    }

    /// A finding of `rule` about `package` at `line` of the lockfile.
    pub fn finding(&self, rule: &Rule, package: &Package, line: u32, message: String) -> Finding {
        Finding::new(rule, message)
            .package(&package.name, &package.version)
            .at(self.file.clone(), line)
    }
}

/// One locked entry, with its source unwrapped and its URL parsed once for all rules.
pub(crate) struct Entry<'a> {
    pub id: PackageId,
    pub package: &'a Package,
    /// The source the package manager fetches from: for a `patch`, the patched original.
    pub fetched: &'a Source,
    /// The registry `resolved` URL or the tarball URL, raw and parsed.
    pub url: Option<(&'a str, Result<ResolvedUrl, String>)>,
    /// The tarball path under each reading of the parsed URL
    /// ([`ResolvedUrl::tarball_readings`]), computed once for the name and version rules: for
    /// registry entries, and for tarball entries on an allowed registry host whose path has
    /// the registry tarball shape once normalised (so a path the readers did not see as
    /// registry-shaped, e.g. `…/ms-2.1.3.tgz/../../evil-pkg/-/evil-pkg-1.0.0.tgz`, is still
    /// compared with the entry's name).
    pub readings: Option<[Option<resolved::TarballPath>; 2]>,
}

impl<'a> Entry<'a> {
    fn new(cx: &Cx<'_>, id: PackageId, package: &'a Package) -> Entry<'a> {
        let fetched = unwrap_patch(&package.source);
        let raw = match fetched {
            Source::Registry {
                resolved: Some(url),
            } if !url.trim().is_empty() => Some(url.as_str()),
            Source::Tarball { url } => Some(url.as_str()),
            _ => None,
        };
        let url = raw.map(|r| (r, ResolvedUrl::parse(r)));
        let readings = match (&url, fetched) {
            (Some((_, Ok(u))), Source::Registry { .. }) => Some(u.tarball_readings()),
            (Some((_, Ok(u))), Source::Tarball { .. }) if cx.host_allowed(u) => {
                Some(u.tarball_readings()).filter(|r| r.iter().any(Option::is_some))
            }
            _ => None,
        };
        Entry {
            id,
            package,
            fetched,
            url,
            readings,
        }
    }

    /// The parsed URL, when there is one and it parses.
    pub fn parsed_url(&self) -> Option<(&'a str, &ResolvedUrl)> {
        match &self.url {
            Some((raw, Ok(u))) => Some((raw, u)),
            _ => None,
        }
    }
}

fn unwrap_patch(source: &Source) -> &Source {
    match source {
        Source::Patch { original, .. } => unwrap_patch(original),
        other => other,
    }
}

/// All rules of this crate, in the order [`check`] runs them (from the rule table).
pub fn rules() -> Vec<&'static Rule> {
    rules::ALL.iter().map(|(rule, _)| *rule).collect()
}

/// Removes the `registry/resolved-mismatch` findings that only restate
/// `lockfile/insecure-scheme` for the same `name@version` (the registry's own tarball fetched
/// over plain `http://`: evidence `insecure_scheme_only`), so that one cause gives one
/// finding. Findings of other rules are kept in order.
pub fn drop_restated_scheme_findings(findings: &mut Vec<Finding>) {
    let key = |f: &Finding| {
        f.package
            .as_ref()
            .map(|p| (p.name.clone(), p.version.clone()))
    };
    let insecure: std::collections::HashSet<(String, String)> = findings
        .iter()
        .filter(|f| f.rule == "lockfile/insecure-scheme")
        .filter_map(key)
        .collect();
    findings.retain(|f| {
        let restates = f.rule == "registry/resolved-mismatch"
            && f.evidence["insecure_scheme_only"] == serde_json::Value::Bool(true)
            && key(f).is_some_and(|k| insecure.contains(&k));
        !restates
    });
}

/// Runs every offline lockfile rule on `graph` under `policy`.
///
/// Findings point at the lockfile path as recorded in `graph.lockfile.path` and the entry's
/// `resolved` or `integrity` line ([`diligence_graph::Location`]). Order: per package in graph
/// order, rules in [`rules`] order; then graph-wide rules (spec/source mismatch, orphans).
/// Never fails: an unparsable `resolved` URL is itself a finding.
pub fn check(graph: &DependencyGraph, policy: &LockfilePolicy) -> Vec<Finding> {
    check_with(graph, policy, &DeclaredDependencies::default())
}

/// [`check`] with the importers' manifests as the project has them now
/// ([`DeclaredDependencies`]): `lockfile/unlocked-dependency` then also reports what a
/// `package.json` asks for and the lockfile's importer record lacks.
pub fn check_with(
    graph: &DependencyGraph,
    policy: &LockfilePolicy,
    declared: &DeclaredDependencies,
) -> Vec<Finding> {
    let cx = Cx {
        graph,
        policy,
        declared,
        file: graph.lockfile.path.display().to_string(),
        sha1_outlier: sha1_is_outlier(graph),
        npm_folders: match graph.lockfile.format {
            LockfileFormat::Npm => graph.iter().map(|(id, p)| (p.key.as_str(), id)).collect(),
            _ => HashMap::new(),
        },
        allowed_hosts: policy.host_allow_list(),
    };
    rules::run(&cx)
}

/// Share of hashed entries (1 in 20) up to which sha1-only entries count as outliers.
const SHA1_OUTLIER_DIVISOR: usize = 20;

/// True when sha1-only entries are rare in `graph`: more than half of the entries with an
/// integrity record a stronger hash, and the sha1-only ones number at most
/// `max(1, hashed / 20)`. Package managers record the strongest hash the registry offers, and
/// lockfiles that lock packages published before sha512 (2017) lock many of them (lodash:
/// 525 of 673, axios: 356 of 2115 hashed entries); a lone sha1 in a sha512 file is the shape
/// of a downgrade.
fn sha1_is_outlier(graph: &DependencyGraph) -> bool {
    let hashed = graph
        .packages
        .iter()
        .filter(|p| p.integrity.is_some())
        .count();
    let strong = graph.packages.iter().filter(|p| has_strong_hash(p)).count();
    let weak = hashed - strong;
    strong * 2 > hashed && weak <= (hashed / SHA1_OUTLIER_DIVISOR).max(1)
}

fn has_strong_hash(p: &Package) -> bool {
    match &p.integrity {
        Some(diligence_graph::Integrity::BerryChecksum(_)) => true,
        Some(i) => i
            .strongest()
            .is_some_and(|h| h.algorithm > HashAlgorithm::Sha1),
        None => false,
    }
}

#[cfg(test)]
mod restated_tests {
    use super::*;

    #[test]
    fn an_http_registry_url_is_one_finding() {
        let scheme = Finding::new(&rules::insecure_scheme::INSECURE_SCHEME, "http".to_string())
            .package("chalk", "0.4.0");
        let mismatch = |only: bool| {
            Finding::new(&rules::insecure_scheme::INSECURE_SCHEME, "m".to_string())
                .package("chalk", "0.4.0")
                .evidence(serde_json::json!({ "insecure_scheme_only": only }))
        };
        let mut restated = mismatch(true);
        restated.rule = "registry/resolved-mismatch".into();
        let mut other = mismatch(false);
        other.rule = "registry/resolved-mismatch".into();
        let mut findings = vec![scheme.clone(), restated, other.clone()];
        drop_restated_scheme_findings(&mut findings);
        assert_eq!(findings, vec![scheme, other]);
    }
}

#[cfg(test)]
mod registry_url_tests {
    use super::*;

    #[test]
    fn registry_host_urls_whatever_their_path() {
        let p = LockfilePolicy::default().with_registry("https://npm.corp.example:8443/api/");
        assert!(p.is_registry_url("https://registry.npmjs.org/download/a/1.0.0/x.tgz"));
        assert!(p.is_registry_url("https://REGISTRY.npmjs.org./a/-/a-1.0.0.tgz"));
        assert!(p.is_registry_url("https://npm.corp.example:8443/dl/a.tgz"));
        // Another port, another host, a git URL: not the registry.
        assert!(!p.is_registry_url("https://npm.corp.example:9443/dl/a.tgz"));
        assert!(!p.is_registry_url("https://codeload.github.com/o/r/tar.gz/abc"));
        assert!(!p.is_registry_url("git+https://registry.npmjs.org/a.git"));
        assert!(!p.is_registry_url("not a url"));
    }
}
