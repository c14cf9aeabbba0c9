//! Reading `diligence.toml` (TOML 1.0) strictly: unknown keys, wrong types, bad dates, bad
//! severities and malformed ignore entries are [`PolicyError::Invalid`] errors carrying the
//! file and the 1-based line and column of the offending key or value.

use crate::{Date, Ignore, IgnoreTarget, Policy, PolicyError, RuleOverride};
use diligence_finding::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPolicy {
    fail_on: Option<Spanned<String>>,
    allowed_hosts: Option<Vec<String>>,
    allowed_schemes: Option<Vec<String>>,
    rules: Option<BTreeMap<Spanned<String>, RawRule>>,
    cooldown_days: Option<Spanned<f64>>,
    new_package_days: Option<Spanned<f64>>,
    dormancy_days: Option<Spanned<f64>>,
    version_jump_major: Option<u64>,
    typosquat_allowlist: Option<Vec<String>>,
    internal_scopes: Option<Vec<Spanned<String>>>,
    internal_names: Option<Vec<String>>,
    scope_registries: Option<BTreeMap<Spanned<String>, String>>,
    ignore: Option<Vec<Spanned<RawIgnore>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    severity: Option<Spanned<String>>,
    disabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawIgnore {
    id: Option<Spanned<String>>,
    package: Option<Spanned<String>>,
    version: Option<Spanned<String>>,
    integrity: Option<Spanned<String>>,
    rule: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
    expires: Option<Spanned<toml::value::Datetime>>,
}

/// Parses the text of a policy file; `path` names it in errors and in findings.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Policy, PolicyError> {
    let cx = Cx { path, text };
    let raw: RawPolicy = toml::from_str(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        cx.error(span, e.message().trim().to_string())
    })?;
    let mut policy = Policy {
        path: Some(path.to_path_buf()),
        ..Policy::default()
    };
    if let Some(s) = raw.fail_on {
        policy.fail_on = Some(cx.severity(&s)?);
    }
    policy.allowed_hosts = raw.allowed_hosts.unwrap_or_default();
    policy.allowed_schemes = raw.allowed_schemes.unwrap_or_default();
    let mut places = Vec::new();
    for (id, rule) in raw.rules.unwrap_or_default() {
        cx.rule_id(&id)?;
        places.push(cx.place(&id));
        let severity = match &rule.severity {
            Some(s) => Some(cx.severity(s)?),
            None => None,
        };
        let over = RuleOverride {
            severity,
            disabled: rule.disabled.unwrap_or(false),
        };
        policy.rules.insert(id.into_inner(), over);
    }
    policy.thresholds.cooldown_days = cx.days(raw.cooldown_days)?;
    policy.thresholds.new_package_days = cx.days(raw.new_package_days)?;
    policy.thresholds.dormancy_days = cx.days(raw.dormancy_days)?;
    policy.thresholds.version_jump_major = raw.version_jump_major;
    policy.typosquat_allowlist = raw.typosquat_allowlist.unwrap_or_default();
    for scope in raw.internal_scopes.unwrap_or_default() {
        policy.internal_scopes.push(cx.scope(&scope)?);
    }
    policy.internal_names = raw.internal_names.unwrap_or_default();
    for (scope, registry) in raw.scope_registries.unwrap_or_default() {
        let scope = cx.scope(&scope)?;
        policy.scope_registries.insert(scope, registry);
    }
    for entry in raw.ignore.unwrap_or_default() {
        let (ignore, place) = cx.ignore(entry)?;
        policy.ignores.push(ignore);
        places.extend(place);
    }
    places.sort_by_key(|(_, line, column)| (*line, *column));
    policy.set_rule_id_places(places);
    Ok(policy)
}

/// A rule id with its 1-based line and column in the file.
type Place = (String, usize, usize);

struct Cx<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Cx<'_> {
    fn error(&self, span: Range<usize>, message: String) -> PolicyError {
        let (line, column) = line_col(self.text, span.start);
        PolicyError::Invalid {
            path: self.path.display().to_string(),
            line,
            column,
            message,
        }
    }

    /// The id with its 1-based line and column.
    fn place(&self, id: &Spanned<String>) -> (String, usize, usize) {
        let (line, column) = line_col(self.text, id.span().start);
        (id.get_ref().clone(), line, column)
    }

    fn line(&self, span: &Range<usize>) -> u32 {
        line_col(self.text, span.start).0 as u32
    }

    fn severity(&self, s: &Spanned<String>) -> Result<Severity, PolicyError> {
        s.get_ref()
            .parse::<Severity>()
            .map_err(|e| self.error(s.span(), e))
    }

    fn rule_id(&self, id: &Spanned<String>) -> Result<(), PolicyError> {
        if is_rule_id(id.get_ref()) {
            return Ok(());
        }
        Err(self.error(
            id.span(),
            format!(
                "`{}` is not a rule id (expected family/kebab-name, e.g. lockfile/resolved-host)",
                id.get_ref()
            ),
        ))
    }

    fn days(&self, v: Option<Spanned<f64>>) -> Result<Option<f64>, PolicyError> {
        let Some(v) = v else { return Ok(None) };
        if v.get_ref().is_finite() && *v.get_ref() >= 0.0 {
            return Ok(Some(*v.get_ref()));
        }
        Err(self.error(
            v.span(),
            format!("{} is not a number of days (>= 0)", v.get_ref()),
        ))
    }

    fn scope(&self, s: &Spanned<String>) -> Result<String, PolicyError> {
        let t = s.get_ref();
        let body = t.strip_prefix('@').unwrap_or("");
        if !body.is_empty() && !body.contains('/') {
            return Ok(t.to_ascii_lowercase());
        }
        Err(self.error(
            s.span(),
            format!("`{t}` is not an npm scope (expected @name)"),
        ))
    }

    /// The ignore entry and the place of its `rule` value (`None` for an `id` ignore
    /// without a rule).
    fn ignore(&self, entry: Spanned<RawIgnore>) -> Result<(Ignore, Option<Place>), PolicyError> {
        let span = entry.span();
        let raw = entry.into_inner();
        let id = match &raw.id {
            Some(id) => Some(self.advisory_id(id)?),
            None => None,
        };
        let target = match (&raw.package, &raw.version, &raw.integrity) {
            (Some(p), None, None) => self.package_pin(p)?,
            (Some(p), Some(v), None) => self.range_pin(p, v)?,
            (None, None, Some(i)) => self.integrity_pin(i)?,
            (None, None, None) if id.is_some() => IgnoreTarget::Any,
            (None, Some(v), _) => {
                return Err(self.error(
                    v.span(),
                    "`version` needs `package = \"name\"` (the package the range is about)".into(),
                ));
            }
            _ => {
                return Err(self.error(
                    span,
                    "an [[ignore]] entry needs exactly one pin: `package = \"name@version\"`, \
                     `package = \"name\"` with `version = \"<range>\"`, or \
                     `integrity = \"sha512-…\"` (only an `id` ignore may have none)"
                        .into(),
                ));
            }
        };
        let (rule, place) = match (raw.rule, &id) {
            (Some(rule), _) => {
                self.rule_id(&rule)?;
                if id.is_some() && !rule.get_ref().starts_with("advisory/") {
                    return Err(self.error(
                        rule.span(),
                        "`id` names an advisory: `rule` must be advisory/malware or \
                         advisory/vulnerability (or be left out)"
                            .into(),
                    ));
                }
                if id.is_none() && rule.get_ref().starts_with("advisory/") {
                    return Err(self.error(
                        rule.span(),
                        "an ignore of advisory findings must name the advisory with \
                         `id = \"GHSA-…\"` (or MAL-…, CVE-…): a waiver must not hide a record \
                         it does not name"
                            .into(),
                    ));
                }
                let place = self.place(&rule);
                (rule.into_inner(), Some(place))
            }
            (None, Some(_)) => ("advisory/*".to_string(), None),
            (None, None) => {
                return Err(self.error(
                    span,
                    "an [[ignore]] entry needs `rule = \"family/name\"` or an advisory \
                     `id = \"GHSA-…\"`"
                        .into(),
                ));
            }
        };
        let reason = match raw.reason {
            Some(r) if !r.get_ref().trim().is_empty() => r.into_inner(),
            Some(r) => return Err(self.error(r.span(), "`reason` must not be empty".into())),
            None => {
                return Err(self.error(
                    span,
                    "an [[ignore]] entry needs a `reason` (why this risk is accepted)".into(),
                ));
            }
        };
        let expires = match &raw.expires {
            Some(d) => Some(self.date(d)?),
            None => None,
        };
        let ignore = Ignore {
            target,
            rule,
            id,
            reason,
            expires,
            line: self.line(&span),
        };
        Ok((ignore, place))
    }

    /// An advisory id: letters, digits and dashes with a known prefix shape (`GHSA-…`,
    /// `MAL-…`, `CVE-…`, any `PREFIX-…`).
    fn advisory_id(&self, id: &Spanned<String>) -> Result<String, PolicyError> {
        let t = id.get_ref().trim();
        let shaped = t.split_once('-').is_some_and(|(prefix, rest)| {
            !prefix.is_empty()
                && prefix.bytes().all(|b| b.is_ascii_alphabetic())
                && !rest.is_empty()
                && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        if shaped {
            return Ok(t.to_string());
        }
        Err(self.error(
            id.span(),
            format!(
                "`{t}` is not an advisory id (expected e.g. GHSA-9wv6-86v2-598j or MAL-2025-46974)"
            ),
        ))
    }

    fn range_pin(
        &self,
        p: &Spanned<String>,
        v: &Spanned<String>,
    ) -> Result<IgnoreTarget, PolicyError> {
        let name = p.get_ref().trim();
        let valid_name = !name.is_empty()
            && name.get(1..).is_some_and(|rest| !rest.contains('@'))
            && !name.contains(char::is_whitespace);
        if !valid_name {
            return Err(self.error(
                p.span(),
                format!("`{name}` is not a package name (with `version`, write the name alone)"),
            ));
        }
        let range = v.get_ref().trim();
        if nodejs_semver::Range::parse(range).is_err() {
            return Err(self.error(
                v.span(),
                format!("`{range}` is not an npm version range (e.g. \">=1.2.0 <1.3.0\")"),
            ));
        }
        Ok(IgnoreTarget::Range {
            name: name.to_string(),
            range: range.to_string(),
        })
    }

    fn package_pin(&self, p: &Spanned<String>) -> Result<IgnoreTarget, PolicyError> {
        let text = p.get_ref();
        let split = text
            .get(1..)
            .and_then(|rest| rest.rfind('@'))
            .map(|i| i + 1);
        let pin = split.map(|at| (&text[..at], &text[at + 1..]));
        match pin {
            Some((name, version)) if is_exact_version(version) => Ok(IgnoreTarget::Package {
                name: name.to_string(),
                version: version.to_string(),
            }),
            _ => Err(self.error(
                p.span(),
                format!(
                    "`{text}` is not a pinned package (expected name@version with an exact \
                     version, e.g. left-pad@1.3.0)"
                ),
            )),
        }
    }

    fn integrity_pin(&self, i: &Spanned<String>) -> Result<IgnoreTarget, PolicyError> {
        match diligence_graph::Integrity::parse_sri(i.get_ref()) {
            Ok(integrity) => Ok(IgnoreTarget::Integrity(integrity)),
            Err(e) => Err(self.error(i.span(), format!("`integrity`: {e}"))),
        }
    }

    fn date(&self, d: &Spanned<toml::value::Datetime>) -> Result<Date, PolicyError> {
        let dt = d.get_ref();
        let date = match (dt.date, dt.time, dt.offset) {
            (Some(date), None, None) => Date::new(i32::from(date.year), date.month, date.day),
            _ => None,
        };
        date.ok_or_else(|| {
            self.error(
                d.span(),
                format!("`expires = {dt}` is not a date (expected YYYY-MM-DD, e.g. 2026-12-31)"),
            )
        })
    }
}

use diligence_finding::is_rule_id;

/// An exact semver-like version: no ranges, wildcards, spaces or tags.
fn is_exact_version(v: &str) -> bool {
    v.chars().next().is_some_and(|c| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
