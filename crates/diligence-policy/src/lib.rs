//! The `diligence.toml` policy file: what a team decided about its supply chain, kept in the
//! repository next to the lockfile (cargo-deny's `deny.toml` and cargo-vet's audits are the
//! model).
//!
//! ```toml
//! fail-on = "medium"                      # exit 1 at or above this severity
//! allowed-hosts = ["npm.corp.example"]    # extra hosts for `resolved` URLs
//! allowed-schemes = ["https"]
//! cooldown-days = 7                       # metadata thresholds, in days
//! new-package-days = 30
//! dormancy-days = 365
//! version-jump-major = 99
//! typosquat-allowlist = ["react-dom-router"]
//! internal-scopes = ["@corp"]
//! internal-names = ["corp-build"]
//!
//! [scope-registries]
//! "@corp" = "https://npm.corp.example/"
//!
//! [rules."metadata/new-package"]
//! severity = "info"
//! [rules."lockfile/git-source"]
//! disabled = true
//!
//! [[ignore]]
//! package = "left-pad@1.3.0"              # or: integrity = "sha512-…"
//! rule = "code/install-script"
//! reason = "reviewed in PR #123: the script only builds a native addon"
//! expires = 2026-12-31                    # optional TOML date
//!
//! [[ignore]]
//! id = "GHSA-9wv6-86v2-598j"              # one advisory (or an alias of it), nothing else
//! package = "path-to-regexp"              # optional: only this package …
//! version = "<0.1.10"                     # … in this npm range
//! reason = "not reachable: we never build routes from user input"
//!
//! [[ignore]]
//! rule = "metadata/new-package"           # a rule on a version range
//! package = "@corp/tool"
//! version = ">=2.0.0 <3.0.0"
//! reason = "our own package"
//! ```
//!
//! A waiver never hides a record it does not name: an ignore of advisory findings must name
//! the advisory (`id = "GHSA-…"`, `"MAL-…"` or an alias), so a second, newer record for the
//! same version is reported; every other ignore names a rule and pins a package (exact
//! version, npm range or integrity).
//!
//! Loading ([`Policy::load`]) is strict: unknown keys, wrong types, bad severities, rule ids
//! not shaped `family/kebab-name`, ignores without a pin, a rule/id or a reason, bad ranges
//! and bad dates are errors naming `file:line:column`. [`Policy::apply_all`] applies the rule
//! overrides and the ignores to a finished list of findings and not-evaluated records, keeps
//! the suppressed findings apart (reports count them) and adds `policy/expired-ignore` and
//! `policy/stale-ignore` findings of its own.

mod date;
mod file;
pub mod rules;

pub use date::Date;

use diligence_finding::{Finding, NotEvaluated, PackageRef, Severity, Suppressed};
use diligence_graph::{DependencyGraph, Integrity};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The policy file name looked up in the project folder.
pub const POLICY_FILE: &str = "diligence.toml";

/// Why a policy file could not be loaded. Both variants name the file; `Invalid` also the
/// 1-based line and column (`diligence.toml:12:1: unknown field `fail_on`…`).
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// The file could not be read (an explicit `--config` path that does not exist, a
    /// permission error, invalid UTF-8). Displays as `<path>: cannot read`; the I/O error is
    /// the [`std::error::Error::source`] (so a chain printer shows it once).
    #[error("{path}: cannot read")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The file is not a valid policy.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A per-rule override from `[rules."family/name"]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleOverride {
    /// Replaces the finding's severity.
    pub severity: Option<Severity>,
    /// Drops every finding of the rule.
    pub disabled: bool,
}

/// Numeric thresholds for the metadata rules, in days (or a major version number). `None`
/// keeps the rule's default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thresholds {
    /// `cooldown-days`: versions younger than this are flagged (`metadata/recent-version`).
    pub cooldown_days: Option<f64>,
    /// `new-package-days`: packages created less than this ago are flagged.
    pub new_package_days: Option<f64>,
    /// `dormancy-days`: a release after this long a silence is flagged.
    pub dormancy_days: Option<f64>,
    /// `version-jump-major`: majors at or above this are anomalous.
    pub version_jump_major: Option<u64>,
}

/// What an `[[ignore]]` entry is pinned to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IgnoreTarget {
    /// `package = "name@version"`: exactly that version.
    Package { name: String, version: String },
    /// `package = "name"` with `version = "<npm range>"`: the versions of `name` in the range
    /// (npm semantics, nodejs-semver; prereleases only when the range names one).
    Range { name: String, range: String },
    /// `integrity = "sha512-…"`: the tarball with that SRI hash, whatever its name (resolve it
    /// against the graph with [`Policy::resolve_integrities`]).
    Integrity(Integrity),
    /// No pin: only allowed with an advisory `id` (that advisory on any package).
    Any,
}

/// One `[[ignore]]` entry: accept the findings of `rule` (or of advisory `id`) on the pinned
/// packages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub target: IgnoreTarget,
    /// Rule id, e.g. `code/install-script`. Always set; for an `id` ignore without a `rule`
    /// it is `advisory/*` (any advisory rule).
    pub rule: String,
    /// Advisory id (`GHSA-…`, `MAL-…`, `CVE-…`): only findings whose advisory ids include it.
    pub id: Option<String>,
    /// Why the risk is accepted (required, non-empty).
    pub reason: String,
    /// Last day the ignore applies (inclusive); from the next day on it is expired.
    pub expires: Option<Date>,
    /// 1-based line of the entry in the policy file.
    pub line: u32,
}

impl Ignore {
    /// `name@version`, `name@range`, the integrity string or `any package`, with the
    /// advisory id in front when there is one, for messages.
    pub fn pin(&self) -> String {
        let pin = match &self.target {
            IgnoreTarget::Package { name, version } => format!("{name}@{version}"),
            IgnoreTarget::Range { name, range } => format!("{name}@{range}"),
            IgnoreTarget::Integrity(i) => i.to_string(),
            IgnoreTarget::Any => "any package".to_string(),
        };
        match &self.id {
            Some(id) => format!("{id} on {pin}"),
            None => pin,
        }
    }

    /// True when the ignore's rule covers `rule` (`advisory/*` covers both advisory rules).
    fn covers_rule(&self, rule: &str) -> bool {
        match self.rule.strip_suffix("/*") {
            Some(family) => rule.split('/').next() == Some(family),
            None => self.rule == rule,
        }
    }

    /// True when the ignore's advisory id (if any) is among the finding's advisory ids
    /// (`evidence.ids`, the record's id and aliases), compared case-insensitively.
    fn covers_advisory(&self, f: &Finding) -> bool {
        let Some(id) = &self.id else { return true };
        f.evidence
            .get("ids")
            .and_then(|v| v.as_array())
            .is_some_and(|ids| {
                ids.iter()
                    .filter_map(|v| v.as_str())
                    .any(|x| x.eq_ignore_ascii_case(id))
            })
    }

    /// True when `expires` is before `today`.
    pub fn is_expired(&self, today: Date) -> bool {
        self.expires.is_some_and(|e| e < today)
    }
}

/// A loaded policy. [`Policy::default`] is the policy of a project without `diligence.toml`.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// The file it was read from (`None` for the default policy).
    pub path: Option<PathBuf>,
    pub fail_on: Option<Severity>,
    /// Extra hosts allowed in `resolved` URLs (hostnames, `host:port` or registry URLs).
    pub allowed_hosts: Vec<String>,
    /// Extra URL schemes allowed in `resolved` (e.g. `git+https`).
    pub allowed_schemes: Vec<String>,
    /// `[rules."id"]` overrides by rule id.
    pub rules: BTreeMap<String, RuleOverride>,
    pub thresholds: Thresholds,
    /// Names never reported as typosquats.
    pub typosquat_allowlist: Vec<String>,
    /// Scopes (`@corp`, lowercased) that are internal: never from the public registry.
    pub internal_scopes: Vec<String>,
    /// Unscoped or scoped names that are internal.
    pub internal_names: Vec<String>,
    /// Scope (`@corp`) → registry URL.
    pub scope_registries: BTreeMap<String, String>,
    pub ignores: Vec<Ignore>,
    /// For each ignore (same index), the packages its integrity pin matched in the graph.
    integrity_packages: Vec<Vec<PackageRef>>,
    /// Every rule id the file names (`[rules."id"]` keys, `[[ignore]] rule` values) with its
    /// 1-based line and column, in file order, for [`Policy::check_rule_ids`].
    rule_id_places: Vec<(String, usize, usize)>,
}

impl Policy {
    /// Loads the policy: `explicit` (from `--config PATH`) must exist; otherwise
    /// `project_dir/diligence.toml` is read when present, else the default policy applies.
    ///
    /// Errors: [`PolicyError::Io`] when the file cannot be read, [`PolicyError::Invalid`] with
    /// file:line:column for anything not in the documented shape.
    pub fn load(project_dir: &Path, explicit: Option<&Path>) -> Result<Policy, PolicyError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = project_dir.join(POLICY_FILE);
                if !p.exists() {
                    return Ok(Policy::default());
                }
                p
            }
        };
        let io = |source: std::io::Error| PolicyError::Io {
            path: path.display().to_string(),
            source,
        };
        // The OS error of a missing or unreadable path, as is.
        std::fs::metadata(&path).map_err(io)?;
        // Size-bounded: a policy file is a few KiB; `--config /dev/zero` must not exhaust memory.
        let text = diligence_lockfile::bounded::read_text_bounded(
            &path,
            diligence_lockfile::bounded::MAX_CONFIG_BYTES,
        )
        .and_then(|t| t.ok_or_else(|| "removed while reading".to_string()))
        .map_err(|why| io(std::io::Error::other(why)))?;
        Policy::parse(&path, &text)
    }

    /// Parses policy text; `path` is used in errors and finding locations only.
    pub fn parse(path: &Path, text: &str) -> Result<Policy, PolicyError> {
        file::parse(path, text)
    }

    /// Records the rule id places found by the parser.
    pub(crate) fn set_rule_id_places(&mut self, places: Vec<(String, usize, usize)>) {
        self.rule_id_places = places;
    }

    /// Checks that every rule id the file names (`[rules."id"]` keys and `[[ignore]] rule`
    /// values) is one of `known` (the ids of the rules the caller runs).
    ///
    /// Errors: [`PolicyError::Invalid`] at the first unknown id's line and column, e.g.
    /// `diligence.toml:4:8: unknown rule id `no/such-rule` (`diligence rules` lists the known
    /// ids)`. The default policy (no file) always passes.
    pub fn check_rule_ids(&self, known: &[&str]) -> Result<(), PolicyError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let unknown = self
            .rule_id_places
            .iter()
            .find(|(id, _, _)| !known.contains(&id.as_str()));
        let Some((id, line, column)) = unknown else {
            return Ok(());
        };
        Err(PolicyError::Invalid {
            path: path.display().to_string(),
            line: *line,
            column: *column,
            message: format!("unknown rule id `{id}` (`diligence rules` lists the known ids)"),
        })
    }

    /// The effective `--fail-on`: the command line's value when given, else the file's, else
    /// `high`.
    pub fn fail_on(&self, cli: Option<Severity>) -> Severity {
        cli.or(self.fail_on).unwrap_or(Severity::High)
    }

    /// Resolves `integrity = "…"` ignores to the `name@version` of every graph package whose
    /// integrity shares a hash with the pin. Call before [`Policy::apply`]; unresolved
    /// integrity pins match nothing (and are reported stale).
    pub fn resolve_integrities(&mut self, graph: &DependencyGraph) {
        self.integrity_packages = self
            .ignores
            .iter()
            .map(|ig| match &ig.target {
                IgnoreTarget::Integrity(pin) => graph
                    .packages
                    .iter()
                    .filter(|p| p.integrity.as_ref().is_some_and(|i| i.matches(pin)))
                    .map(|p| PackageRef {
                        name: p.name.clone(),
                        version: p.version.clone(),
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
    }

    fn ignore_matches(&self, index: usize, f: &Finding) -> bool {
        let ig = &self.ignores[index];
        if !ig.covers_rule(&f.rule) || !ig.covers_advisory(f) {
            return false;
        }
        if ig.target == IgnoreTarget::Any {
            return true;
        }
        let Some(pkg) = &f.package else { return false };
        match &ig.target {
            IgnoreTarget::Package { name, version } => &pkg.name == name && &pkg.version == version,
            IgnoreTarget::Range { name, range } => {
                &pkg.name == name && in_range(&pkg.version, range)
            }
            IgnoreTarget::Integrity(_) => self
                .integrity_packages
                .get(index)
                .is_some_and(|list| list.contains(pkg)),
            IgnoreTarget::Any => true,
        }
    }

    /// [`Policy::apply_all`] for findings only (the suppressed findings are dropped).
    pub fn apply(&self, findings: Vec<Finding>, today: Date) -> Vec<Finding> {
        self.apply_all(findings, Vec::new(), today).findings
    }

    /// Applies the policy to a finished list of findings and not-evaluated records, as of
    /// `today`:
    ///
    /// 1. `[rules]` overrides: findings of a disabled rule are suppressed (and its rule-level
    ///    not-evaluated records dropped: a rule switched off is not a gap), severities replaced;
    /// 2. ignores that have not expired suppress the findings they match (the rule or the
    ///    named advisory, and the pinned package); an expired ignore suppresses nothing and
    ///    adds a `policy/expired-ignore` finding;
    /// 3. an unexpired ignore that matched nothing adds a `policy/stale-ignore` finding.
    ///
    /// Policy findings point at the ignore's line in the policy file and pass through the
    /// `[rules]` overrides too. Order of the input is kept; policy findings come last.
    pub fn apply_all(
        &self,
        findings: Vec<Finding>,
        not_evaluated: Vec<NotEvaluated>,
        today: Date,
    ) -> Applied {
        let file = self
            .path
            .as_ref()
            .map_or_else(|| POLICY_FILE.to_string(), |p| p.display().to_string());
        let mut used = vec![false; self.ignores.len()];
        let mut out = Vec::with_capacity(findings.len());
        let mut suppressed = Vec::new();
        for f in findings {
            if self.rules.get(&f.rule).is_some_and(|o| o.disabled) {
                suppressed.push(Suppressed {
                    by: format!("{file}: [rules.\"{}\"] disabled", f.rule),
                    reason: String::new(),
                    finding: f,
                });
                continue;
            }
            let Some(f) = self.override_rule(f) else {
                continue;
            };
            let mut by = None;
            for (i, ig) in self.ignores.iter().enumerate() {
                if self.ignore_matches(i, &f) {
                    used[i] = true;
                    if !ig.is_expired(today) && by.is_none() {
                        by = Some(i);
                    }
                }
            }
            match by {
                Some(i) => suppressed.push(Suppressed {
                    by: format!("{file}:{}", self.ignores[i].line),
                    reason: self.ignores[i].reason.clone(),
                    finding: f,
                }),
                None => out.push(f),
            }
        }
        let not_evaluated = not_evaluated
            .into_iter()
            .filter(|ne| {
                ne.rule()
                    .is_none_or(|r| !self.rules.get(r).is_some_and(|o| o.disabled))
            })
            .collect();
        for (i, ig) in self.ignores.iter().enumerate() {
            for (_, check) in &rules::ALL_CHECKS {
                if let Some(finding) = check(ig, used[i], &file, today) {
                    out.extend(self.override_rule(finding));
                }
            }
        }
        Applied {
            findings: out,
            not_evaluated,
            suppressed,
        }
    }

    fn override_rule(&self, mut f: Finding) -> Option<Finding> {
        let Some(over) = self.rules.get(&f.rule) else {
            return Some(f);
        };
        if over.disabled {
            return None;
        }
        if let Some(s) = over.severity {
            f.severity = s;
        }
        Some(f)
    }
}

/// The result of [`Policy::apply_all`].
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// Findings to report (policy findings last).
    pub findings: Vec<Finding>,
    /// Not-evaluated records to report (rule-level records of disabled rules removed).
    pub not_evaluated: Vec<NotEvaluated>,
    /// Findings hidden by a waiver, with the waiver.
    pub suppressed: Vec<Suppressed>,
}

/// True when `version` satisfies the npm `range` (unparsable input never matches).
fn in_range(version: &str, range: &str) -> bool {
    let (Ok(v), Ok(r)) = (
        nodejs_semver::Version::parse(version),
        nodejs_semver::Range::parse(range),
    ) else {
        return false;
    };
    r.satisfies(&v)
}

/// All rules of this crate: `policy/expired-ignore`, `policy/stale-ignore`.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    rules::all()
}
