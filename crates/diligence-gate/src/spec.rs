//! npm package specs (`name`, `name@range`, `name@tag`, `name@version`, `npm:` aliases) and
//! their resolution against a packument with npm's semantics (npm-package-arg and
//! npm-pick-manifest):
//!
//! - no spec part means the range `*` (npm-package-arg 10+; `npm install vitest` is
//!   `vitest@*`), where the `latest` tag's version is taken even when it is a prerelease;
//! - a dist-tag name (`next`, `beta`, an explicit `latest`) is looked up in `dist-tags` and
//!   taken as it is;
//! - a range (`^4.17.0`, `4.x`, `>=1 <2`, an exact version) picks the `latest` tag's version when
//!   it satisfies the range, is not deprecated and its `engines.node` accepts the Node.js the
//!   install runs with ([`resolve_with`]); else the best version that satisfies the range, in
//!   npm-pick-manifest's order: not deprecated and engine-compatible, then engine-compatible,
//!   then not deprecated, then the highest. Prereleases only match when the range names a
//!   prerelease (semver's default). Without a Node.js version, `engines` is not consulted.

use crate::GateError;
use diligence_packument::{Packument, VersionManifest};
use nodejs_semver::{Range, Version};

/// What a spec asks for after the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// A dist-tag name, written out (`name@latest`, `name@next`).
    Tag(String),
    /// A semver range or exact version, as written (`*` when the spec has no `@…`).
    Range(String),
}

/// A parsed registry spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The registry package name (for `alias@npm:real@range`, the real name).
    pub name: String,
    pub wanted: Wanted,
    /// The spec as written.
    pub raw: String,
}

impl Spec {
    /// Parses `name`, `name@tag`, `name@range`, `@scope/name@…`. Errors (one line naming the
    /// spec): empty name, a name with spaces or uppercase-only garbage, and non-registry specs
    /// (git, URLs, `file:`, `link:`, `workspace:`), which the gate cannot resolve from a
    /// packument.
    pub fn parse(raw: &str) -> Result<Spec, GateError> {
        let bad = |why: &str| GateError::Spec {
            spec: raw.to_string(),
            why: why.to_string(),
        };
        let (name, rest) = split_name(raw);
        if name.is_empty() || name == "@" || name.ends_with('/') {
            return Err(bad("no package name"));
        }
        if !valid_name(name) {
            return Err(bad("not a valid npm package name"));
        }
        let wanted = match rest.map(str::trim) {
            None | Some("") => Wanted::Range("*".into()),
            Some(r) => Spec::parse_wanted(r).map_err(|why| bad(&why))?,
        };
        if let Wanted::Range(r) = &wanted
            && let Some(alias) = r.strip_prefix("npm:")
        {
            let inner = Spec::parse(alias)?;
            return Ok(Spec {
                raw: raw.to_string(),
                ..inner
            });
        }
        Ok(Spec {
            name: name.to_string(),
            wanted,
            raw: raw.to_string(),
        })
    }

    /// Parses the part after `name@`: a range, or a dist-tag name when it is not a range.
    /// Non-registry specifiers (`git+…`, `http…`, `file:`, `link:`, `workspace:`, `github:`,
    /// `user/repo`) are errors.
    pub fn parse_wanted(text: &str) -> Result<Wanted, String> {
        if text.starts_with("npm:") {
            return Ok(Wanted::Range(text.to_string()));
        }
        let foreign = [
            "git",
            "http:",
            "https:",
            "file:",
            "link:",
            "workspace:",
            "github:",
            "portal:",
            "patch:",
        ];
        if foreign.iter().any(|p| text.starts_with(p)) || text.contains('/') {
            return Err(format!(
                "`{text}` is not a registry spec (git, URL or path)"
            ));
        }
        if text == "*" || Range::parse(text).is_ok() {
            return Ok(Wanted::Range(text.to_string()));
        }
        if text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            return Ok(Wanted::Tag(text.to_string()));
        }
        Err(format!("`{text}` is neither a semver range nor a dist-tag"))
    }

    /// `name@wanted` for messages (`name` alone when the spec had no `@…`).
    pub fn display(&self) -> String {
        if split_name(&self.raw).1.is_none_or(|r| r.trim().is_empty()) {
            return self.name.clone();
        }
        match &self.wanted {
            Wanted::Tag(t) => format!("{}@{t}", self.name),
            Wanted::Range(r) => format!("{}@{r}", self.name),
        }
    }
}

/// Splits `@scope/name@x` into (`@scope/name`, `Some("x")`).
fn split_name(raw: &str) -> (&str, Option<&str>) {
    let raw = raw.trim();
    let search_from = usize::from(raw.starts_with('@'));
    match raw[search_from..].find('@') {
        Some(i) => (&raw[..search_from + i], Some(&raw[search_from + i + 1..])),
        None => (raw, None),
    }
}

/// npm's package-name rules, loosely (validate-npm-package-name): at most 214 characters, no
/// spaces or control characters, no leading `.`/`_`, at most one `/` and only in scoped names.
fn valid_name(name: &str) -> bool {
    let body = name
        .strip_prefix('@')
        .map_or(Some(name), |s| s.split_once('/').map(|(_, n)| n));
    let Some(body) = body else {
        return false;
    };
    name.len() <= 214
        && !body.is_empty()
        && !body.contains('/')
        && !name.starts_with(['.', '_'])
        && name
            .chars()
            .all(|c| c.is_ascii_graphic() && !"\"\\<>|".contains(c))
}

/// Picks the version a spec resolves to in `packument`, with npm's semantics (see the module
/// docs) and without consulting `engines`. Errors: the tag is not in `dist-tags`, or no
/// version satisfies the range.
pub fn resolve(packument: &Packument, wanted: &Wanted) -> Result<String, GateError> {
    resolve_with(packument, wanted, None)
}

/// [`resolve`] for an install that runs on Node.js `node` (a semver version such as
/// `20.20.2`): ranges prefer versions whose `engines.node` accepts it, as npm-pick-manifest
/// does with `process.version`.
pub fn resolve_with(
    packument: &Packument,
    wanted: &Wanted,
    node: Option<&Version>,
) -> Result<String, GateError> {
    let name = packument.name.clone();
    match wanted {
        Wanted::Tag(tag) => match packument.dist_tags.get(tag) {
            Some(v) if packument.versions.contains_key(v) => Ok(v.clone()),
            Some(v) => Err(GateError::NoMatch {
                name,
                wanted: tag.clone(),
                why: format!("dist-tag `{tag}` points at {v}, which is not in the packument"),
            }),
            None => Err(GateError::NoMatch {
                name,
                wanted: tag.clone(),
                why: format!("no dist-tag `{tag}`"),
            }),
        },
        Wanted::Range(text) => resolve_range(packument, text, node),
    }
}

/// npm-pick-manifest's `engineOk` for `engines.node` only: no `engines`, no `node` entry, no
/// known Node.js, or an unreadable range all count as compatible.
fn engine_ok(m: &VersionManifest, node: Option<&Version>) -> bool {
    let (Some(node), Some(want)) = (
        node,
        m.engines
            .as_ref()
            .and_then(|e| e.get("node"))
            .and_then(|v| v.as_str()),
    ) else {
        return true;
    };
    Range::parse(want).map_or(true, |r| r.satisfies(node))
}

fn resolve_range(
    packument: &Packument,
    text: &str,
    node: Option<&Version>,
) -> Result<String, GateError> {
    let no_match = |why: String| GateError::NoMatch {
        name: packument.name.clone(),
        wanted: text.to_string(),
        why,
    };
    let any = text.trim().is_empty() || text.trim() == "*";
    let range = if any {
        Range::any()
    } else {
        Range::parse(text).map_err(|e| no_match(format!("not a semver range: {e}")))?
    };
    if let Some(latest) = packument.dist_tags.get("latest")
        && let Ok(v) = Version::parse(latest)
        && (any || range.satisfies(&v))
        && packument
            .versions
            .get(latest)
            .is_some_and(|m| m.deprecated.is_none() && engine_ok(m, node))
    {
        return Ok(latest.clone());
    }
    // (not deprecated and engine-compatible, engine-compatible, not deprecated, version)
    type Rank<'a> = (bool, bool, bool, Version, &'a String);
    let mut candidates: Vec<Rank> = packument
        .versions
        .iter()
        .filter_map(|(key, m)| {
            let v = Version::parse(key).ok()?;
            let fresh = m.deprecated.is_none();
            let engine = engine_ok(m, node);
            range
                .satisfies(&v)
                .then_some((fresh && engine, engine, fresh, v, key))
        })
        .collect();
    candidates.sort_by(|a, b| (a.0, a.1, a.2, &a.3).cmp(&(b.0, b.1, b.2, &b.3)));
    match candidates.last() {
        Some((.., key)) => Ok((*key).clone()),
        None => Err(no_match(format!(
            "no version satisfies it ({} versions in the packument)",
            packument.versions.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packument(versions: &[&str], tags: &[(&str, &str)]) -> Packument {
        Packument {
            name: "express".into(),
            dist_tags: tags
                .iter()
                .map(|(t, v)| (t.to_string(), v.to_string()))
                .collect(),
            versions: versions
                .iter()
                .map(|v| {
                    (
                        v.to_string(),
                        VersionManifest {
                            version: v.to_string(),
                            ..Default::default()
                        },
                    )
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn parses_names_ranges_tags_and_scopes() {
        let s = Spec::parse("express").unwrap();
        assert_eq!(
            (s.name.as_str(), s.wanted),
            ("express", Wanted::Range("*".into()))
        );
        let s = Spec::parse("express@4.18.2").unwrap();
        assert_eq!(s.wanted, Wanted::Range("4.18.2".into()));
        let s = Spec::parse("@types/node@^20").unwrap();
        assert_eq!(
            (s.name.as_str(), s.wanted),
            ("@types/node", Wanted::Range("^20".into()))
        );
        let s = Spec::parse("@types/node").unwrap();
        assert_eq!(
            (s.name.as_str(), s.wanted),
            ("@types/node", Wanted::Range("*".into()))
        );
        let s = Spec::parse("react@next").unwrap();
        assert_eq!(s.wanted, Wanted::Tag("next".into()));
        let s = Spec::parse("sw@npm:string-width@^4.2.0").unwrap();
        assert_eq!(
            (s.name.as_str(), s.wanted),
            ("string-width", Wanted::Range("^4.2.0".into()))
        );
    }

    #[test]
    fn rejects_non_registry_and_bad_names() {
        for bad in [
            "",
            "@",
            "@scope/",
            "a b",
            "x@git+https://github.com/a/b",
            "x@file:../y",
            "x@user/repo",
            "_x",
        ] {
            let err = Spec::parse(bad).unwrap_err().to_string();
            assert!(err.starts_with(&format!("{bad}: ")), "{bad}: {err}");
        }
    }

    #[test]
    fn range_prefers_latest_then_highest_non_prerelease() {
        let p = packument(
            &["4.17.3", "4.18.1", "4.18.2", "4.19.0", "5.0.0-beta.1"],
            &[("latest", "4.18.2"), ("next", "5.0.0-beta.1")],
        );
        assert_eq!(
            resolve(&p, &Wanted::Range("^4.17.0".into())).unwrap(),
            "4.18.2"
        );
        assert_eq!(
            resolve(&p, &Wanted::Range("~4.17.0".into())).unwrap(),
            "4.17.3"
        );
        assert_eq!(
            resolve(&p, &Wanted::Range(">=4.19".into())).unwrap(),
            "4.19.0"
        );
        assert_eq!(resolve(&p, &Wanted::Range("*".into())).unwrap(), "4.18.2");
        assert_eq!(
            resolve(&p, &Wanted::Tag("next".into())).unwrap(),
            "5.0.0-beta.1"
        );
        assert_eq!(
            resolve(&p, &Wanted::Range("5.0.0-beta.1".into())).unwrap(),
            "5.0.0-beta.1"
        );
        let e = resolve(&p, &Wanted::Range("^6".into()))
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "express@^6: no version satisfies it (5 versions in the packument)"
        );
        let e = resolve(&p, &Wanted::Tag("beta".into()))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "express@beta: no dist-tag `beta`");
    }

    /// vitest on Node.js 20: `latest` (5.1.2) needs `^22.12.0 || ^24 || >=26`, so `vitest`
    /// and `vitest@^4 || ^5` pick the highest version that runs (4.1.12), as npm 11 does; an
    /// explicit `vitest@latest` is taken as it is (npm warns EBADENGINE and installs it).
    #[test]
    fn engines_node_is_preferred_as_npm_pick_manifest_does() {
        let mut p = packument(&["4.1.11", "4.1.12", "5.1.2"], &[("latest", "5.1.2")]);
        p.versions.get_mut("5.1.2").unwrap().engines =
            Some(serde_json::json!({"node": "^22.12.0 || ^24 || >=26"}));
        p.versions.get_mut("4.1.12").unwrap().engines =
            Some(serde_json::json!({"node": "^18.0.0 || >=20.0.0"}));
        let node20 = Version::parse("20.20.2").unwrap();
        let node24 = Version::parse("24.1.0").unwrap();
        let bare = Spec::parse("vitest").unwrap().wanted;
        assert_eq!(resolve_with(&p, &bare, Some(&node20)).unwrap(), "4.1.12");
        assert_eq!(resolve_with(&p, &bare, Some(&node24)).unwrap(), "5.1.2");
        assert_eq!(resolve_with(&p, &bare, None).unwrap(), "5.1.2");
        let either = Wanted::Range("^4 || ^5".into());
        assert_eq!(resolve_with(&p, &either, Some(&node20)).unwrap(), "4.1.12");
        let tag = Wanted::Tag("latest".into());
        assert_eq!(resolve_with(&p, &tag, Some(&node20)).unwrap(), "5.1.2");
        // Only incompatible versions: the highest of them (npm installs it with a warning).
        let only5 = Wanted::Range("^5".into());
        assert_eq!(resolve_with(&p, &only5, Some(&node20)).unwrap(), "5.1.2");
        // A prerelease `latest` is taken for a bare name (the `*` rule), not for `^1`.
        let pre = packument(&["1.0.0-beta.1"], &[("latest", "1.0.0-beta.1")]);
        assert_eq!(resolve(&pre, &bare).unwrap(), "1.0.0-beta.1");
        assert_eq!(Spec::parse("vitest").unwrap().display(), "vitest");
        assert_eq!(Spec::parse("vitest@^4").unwrap().display(), "vitest@^4");
    }

    #[test]
    fn deprecated_versions_are_avoided_when_possible() {
        let mut p = packument(&["1.0.0", "1.0.1"], &[("latest", "2.0.0")]);
        p.versions.get_mut("1.0.1").unwrap().deprecated = Some(serde_json::json!("broken"));
        assert_eq!(resolve(&p, &Wanted::Range("^1".into())).unwrap(), "1.0.0");
        assert_eq!(
            resolve(&p, &Wanted::Range("1.0.1".into())).unwrap(),
            "1.0.1"
        );
        // A deprecated `latest` is not preferred either (npm-pick-manifest).
        let mut p = packument(&["1.0.0", "1.1.0"], &[("latest", "1.1.0")]);
        p.versions.get_mut("1.1.0").unwrap().deprecated = Some(serde_json::json!("oops"));
        assert_eq!(resolve(&p, &Wanted::Range("^1".into())).unwrap(), "1.0.0");
    }
}
