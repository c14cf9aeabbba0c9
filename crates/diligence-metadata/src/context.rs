//! What every packument rule looks at: one version of a packument, its publish time, the
//! versions published before it, and the "previous version".

use crate::policy::MetadataPolicy;
use crate::time::parse_rfc3339;
use diligence_finding::{Finding, Rule};
use diligence_packument::{Packument, VersionManifest};
use nodejs_semver::Version;

/// A version published before the one checked.
#[derive(Debug, Clone)]
pub struct Prior<'a> {
    /// The version string as the packument keys it.
    pub version: &'a str,
    pub semver: Version,
    pub manifest: &'a VersionManifest,
    /// Unix seconds of `time[version]`, when present and parseable.
    pub published: Option<i64>,
}

/// One version of a packument under check.
#[derive(Debug)]
pub struct VersionContext<'a> {
    pub packument: &'a Packument,
    pub version: &'a str,
    pub semver: Version,
    pub manifest: &'a VersionManifest,
    /// Unix seconds of `time[version]`, when present and parseable.
    pub published: Option<i64>,
    /// "Now" in Unix seconds.
    pub now: i64,
    /// Whether the packument's publish times agree with version order: no patch release was
    /// published before a lower patch of the same `major.minor` (see
    /// [`times_consistent`]). Mirrors that rewrite `time` with their own ingestion times break
    /// this; then "earlier" falls back to semver order and time-gap checks are not evaluated.
    pub times_consistent: bool,
    /// Versions published before this one: by `time` when both times are known, else by
    /// semver order. Sorted by semver ascending.
    pub earlier: Vec<Prior<'a>>,
    /// The previous version: the highest version below this one by semver that was published
    /// before it (see [`VersionContext::earlier`]); for a release, the highest such release
    /// when there is one.
    pub previous: Option<Prior<'a>>,
    pub policy: &'a MetadataPolicy,
    /// Packuments of other packages (the dependencies a version adds), when the caller has
    /// them: `check_graph` passes every packument of the lockfile, `check` the closure's.
    pub others: Option<&'a dyn PackumentLookup>,
}

/// Packuments by package name, for rules that look past the package itself.
pub trait PackumentLookup: Sync + std::fmt::Debug {
    /// The packument of `name`, when known.
    fn packument(&self, name: &str) -> Option<&Packument>;
}

impl PackumentLookup for std::collections::HashMap<String, Packument> {
    fn packument(&self, name: &str) -> Option<&Packument> {
        self.get(name)
    }
}

impl PackumentLookup for std::collections::HashMap<String, std::sync::Arc<Packument>> {
    fn packument(&self, name: &str) -> Option<&Packument> {
        self.get(name).map(|p| &**p)
    }
}

/// When a package was first published, in Unix seconds: `time.created`, else (when the
/// version times are consistent) its earliest version time. `Err` says why it is unknown.
pub fn first_published(packument: &Packument) -> Result<i64, &'static str> {
    if let Some(created) = packument.time.get("created").and_then(|t| parse_rfc3339(t)) {
        return Ok(created);
    }
    if !times_consistent(packument) {
        return Err("no time.created and version times contradict version order");
    }
    packument
        .versions
        .keys()
        .filter_map(|v| packument.published(v).and_then(parse_rfc3339))
        .min()
        .ok_or("no time.created and no version publish times")
}

/// What a rule concluded about one version: the one outcome type of every rule family. A
/// packument rule that lacks its input field returns [`Outcome::gap`] with the reason; the
/// runner names the rule and version.
pub use diligence_finding::Outcome;

impl<'a> VersionContext<'a> {
    /// Builds the context of `version`. `Err` (one line) when the packument has no such
    /// version or the version is not semver.
    pub fn new(
        packument: &'a Packument,
        version: &'a str,
        now: i64,
        policy: &'a MetadataPolicy,
    ) -> Result<VersionContext<'a>, String> {
        let manifest = packument.version(version).ok_or_else(|| {
            format!(
                "version {version} is not in the packument of {}",
                packument.name
            )
        })?;
        let semver = Version::parse(version)
            .map_err(|_| format!("version `{version}` of {} is not semver", packument.name))?;
        let consistent = times_consistent(packument);
        let published = packument
            .published(version)
            .and_then(parse_rfc3339)
            .filter(|_| consistent);
        let mut earlier: Vec<Prior<'a>> = packument
            .versions
            .iter()
            .filter(|(v, _)| v.as_str() != version)
            .filter_map(|(v, m)| {
                let sv = Version::parse(v).ok()?;
                let t = packument
                    .published(v)
                    .and_then(parse_rfc3339)
                    .filter(|_| consistent);
                let before = match (t, published) {
                    (Some(t), Some(p)) => t < p,
                    _ => sv < semver,
                };
                before.then_some(Prior {
                    version: v.as_str(),
                    semver: sv,
                    manifest: m,
                    published: t,
                })
            })
            .collect();
        earlier.sort_by(|a, b| a.semver.cmp(&b.semver));
        // A release's previous version is the previous release when there is one: prereleases
        // often come from another branch or repository (TypeScript 7's `typescript-go` rcs).
        let below = || earlier.iter().rev().filter(|p| p.semver < semver);
        let previous = below()
            .find(|p| semver.is_prerelease() || !p.semver.is_prerelease())
            .or_else(|| below().next())
            .cloned();
        Ok(VersionContext {
            packument,
            version,
            semver,
            manifest,
            published: packument.published(version).and_then(parse_rfc3339),
            now,
            times_consistent: consistent,
            earlier,
            previous,
            policy,
            others: None,
        })
    }

    /// The same context with other packages' packuments available to the rules.
    pub fn with_others(mut self, others: &'a dyn PackumentLookup) -> VersionContext<'a> {
        self.others = Some(others);
        self
    }

    /// The package name (the packument's, else the manifest's).
    pub fn name(&self) -> &str {
        if self.packument.name.is_empty() {
            &self.manifest.name
        } else {
            &self.packument.name
        }
    }

    /// A finding of `rule` about this package version.
    pub fn finding(&self, rule: &Rule, message: String) -> Finding {
        Finding::new(rule, message).package(self.name(), self.version)
    }

    /// Whether this is an abbreviated packument (`application/vnd.npm.install-v1+json`): a
    /// top-level `modified` and no `time`. Those omit `license`, `repository`, `scripts`,
    /// `_npmUser` and `maintainers` (install scripts show only as `hasInstallScript`).
    pub fn abbreviated(&self) -> bool {
        self.packument.modified.is_some() && self.packument.time.is_empty()
    }

    /// Whether the packument looks stripped of account data (no top-level `maintainers` and
    /// no version with `_npmUser`): the registry mirror reachable here does that, so an
    /// absent optional field there says nothing.
    pub fn account_data_stripped(&self) -> bool {
        self.packument.maintainers.is_none()
            && self
                .packument
                .versions
                .values()
                .all(|m| m.npm_user.is_none())
    }
}

/// Whether publish times agree with version order within each `major.minor` line: sorted by
/// semver, release (non-prerelease) patches of one line must have non-decreasing times. The
/// registry never reorders them (a version number cannot be reused), so an inversion means the
/// times were rewritten (e.g. by a mirror recording when it copied each version).
pub fn times_consistent(packument: &Packument) -> bool {
    let mut timed: Vec<(Version, i64)> = packument
        .versions
        .keys()
        .filter_map(|v| {
            let sv = Version::parse(v).ok().filter(|s| !s.is_prerelease())?;
            let t = packument.published(v).and_then(parse_rfc3339)?;
            Some((sv, t))
        })
        .collect();
    timed.sort_by(|a, b| a.0.cmp(&b.0));
    timed.windows(2).all(|w| {
        let (a, b) = (&w[0], &w[1]);
        a.0.major() != b.0.major() || a.0.minor() != b.0.minor() || a.1 <= b.1
    })
}

/// Lifecycle scripts npm runs on install, in the order it runs them.
pub const INSTALL_SCRIPTS: [&str; 3] = ["preinstall", "install", "postinstall"];

/// The install lifecycle scripts a manifest declares, `(name, command)`.
pub fn install_scripts(manifest: &VersionManifest) -> Vec<(&'static str, String)> {
    INSTALL_SCRIPTS
        .iter()
        .filter_map(|s| {
            let cmd = manifest.scripts.get(*s)?;
            let text = cmd
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| cmd.to_string());
            (!text.trim().is_empty()).then_some((*s, text))
        })
        .collect()
}

/// The command names a manifest's `bin` declares: a string `bin` is one command named after
/// the package (without scope); an object maps names to paths.
pub fn bin_names(manifest: &VersionManifest, package: &str) -> Vec<String> {
    match &manifest.bin {
        Some(serde_json::Value::String(s)) if !s.is_empty() => {
            let short = package.rsplit('/').next().unwrap_or(package);
            vec![short.to_string()]
        }
        Some(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// The repository URL of a manifest, normalised for comparison: scheme, `git+`, `.git`,
/// `www.`, auth and trailing `/` removed, lowercased host and path; shorthands
/// (`user/repo`, `github:user/repo`, `gitlab:`, `bitbucket:`) expanded. `None` when absent
/// or empty.
pub fn repository_url(manifest: &VersionManifest) -> Option<String> {
    let raw = match manifest.repository.as_ref()? {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(o) => o.get("url")?.as_str()?.to_string(),
        _ => return None,
    };
    normalise_repository(&raw)
}

/// See [`repository_url`].
pub fn normalise_repository(raw: &str) -> Option<String> {
    let mut s = raw.trim().to_ascii_lowercase();
    if s.is_empty() {
        return None;
    }
    for (short, host) in [
        ("github:", "github.com/"),
        ("gitlab:", "gitlab.com/"),
        ("bitbucket:", "bitbucket.org/"),
        ("gist:", "gist.github.com/"),
    ] {
        if let Some(rest) = s.strip_prefix(short) {
            s = format!("{host}{rest}");
        }
    }
    if let Some(rest) = s.strip_prefix("git+") {
        s = rest.to_string();
    }
    if let Some((_, rest)) = s.split_once("://") {
        s = rest.to_string();
    }
    if let Some((_, rest)) = s.split_once('@') {
        // `git@github.com:user/repo` and `user:token@host/...`
        s = rest.replacen(':', "/", 1);
    }
    // `github.com:user/repo` (scp-like without a user): the `:` is a path separator unless a
    // port follows.
    if let Some((host, rest)) = s.split_once(':')
        && !host.contains('/')
        && !rest.starts_with(|c: char| c.is_ascii_digit())
    {
        s = format!("{host}/{rest}");
    }
    if !s.contains('.') && s.matches('/').count() == 1 {
        s = format!("github.com/{s}");
    }
    s = s.trim_start_matches("www.").to_string();
    let s = s
        .split(['#', '?'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    let s = s.strip_suffix(".git").unwrap_or(s);
    // A link into the repository (`…/tree/main/packages/x`, `…/blob/master/README.md`) names
    // the same repository as its root.
    let mut parts: Vec<&str> = s.split('/').collect();
    if let Some(i) = parts
        .iter()
        .position(|p| matches!(*p, "tree" | "blob" | "-"))
        .filter(|&i| i >= 3)
    {
        parts.truncate(i);
    }
    let s = parts.join("/");
    let s = s.strip_suffix(".git").unwrap_or(&s);
    (!s.is_empty()).then(|| s.to_string())
}

/// A normalised repository URL ([`normalise_repository`]) split into host, owner and name
/// (`github.com/vercel/ms` → (`github.com`, `vercel`, `ms`)); `None` when it has fewer parts.
pub fn repository_parts(url: &str) -> Option<(&str, &str, &str)> {
    let mut it = url.splitn(4, '/');
    let (host, owner, name) = (it.next()?, it.next()?, it.next()?);
    (!owner.is_empty() && !name.is_empty()).then_some((host, owner, name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repository_forms_normalise_alike() {
        let want = Some("github.com/expressjs/express".to_string());
        for raw in [
            "git+https://github.com/expressjs/express.git",
            "https://github.com/expressjs/express",
            "git://github.com/expressjs/express.git",
            "git@github.com:expressjs/express.git",
            "github:expressjs/express",
            "expressjs/express",
            "https://www.github.com/expressjs/express/",
            "github.com:expressjs/express",
            "https://github.com/expressjs/express/tree/master",
            "https://github.com/expressjs/express/tree/main/lib",
            "https://github.com/expressjs/express/blob/master/Readme.md",
        ] {
            assert_eq!(normalise_repository(raw), want, "{raw}");
        }
        assert_eq!(normalise_repository(" "), None);
        assert_eq!(
            normalise_repository("https://gitlab.com/a/b/-/tree/main").as_deref(),
            Some("gitlab.com/a/b")
        );
        assert_eq!(
            normalise_repository("https://git.example.com:8443/a/b.git").as_deref(),
            Some("git.example.com:8443/a/b")
        );
        assert_eq!(
            repository_parts("github.com/vercel/ms"),
            Some(("github.com", "vercel", "ms"))
        );
    }
}
