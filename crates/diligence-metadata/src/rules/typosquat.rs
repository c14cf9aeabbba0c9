//! `metadata/typosquat`: names that are not popular themselves but imitate a popular one.
//! The model is in [`crate::typosquat`]; this file turns its matches into findings for
//! requested names (`check`, `install`, `diff`) and for lockfile graphs (`audit`).

use crate::typosquat::{NameContext, TyposquatMatch, find, severity};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::{DependencyGraph, Source};
use std::collections::HashSet;

declare_rule! {
    /// A package name that imitates a popular package's name.
    ///
    /// ## What it detects
    /// Names outside the pinned popular list (the 17,338 names of `npm-high-impact`: a million
    /// downloads a week or 500 dependents) that are one edit from a popular name (two for
    /// names of 7 or more characters: swapped, doubled, dropped or added letters, neighbouring
    /// keys), the same letters with separators changed (`crossenv`), a popular name with a
    /// `js`/`node` prefix or suffix (`cross-env.js`), an unscoped spelling of a scoped name
    /// (`types-node`) or a scope that imitates a popular one (`@typess/node`), or look-alike
    /// characters (`rnocha`, `l0dash`). The finding names the package imitated and the edit.
    /// A requested name the registry does not have gets "did you mean …?".
    ///
    /// ## Why it matters
    /// Typosquats are the commonest way malware reaches npm users: `crossenv` (2017) stole
    /// environment variables from everyone who mistyped `cross-env`; `discordi.js`, `electorn`,
    /// `lodahs` and `axois` followed the same pattern. A name that does not exist yet is the
    /// moment a user mistyped — and the moment an attacker can still register it.
    ///
    /// ## Example
    /// `diligence check lodahs`, or a lockfile entry `node_modules/crossenv`.
    ///
    /// ## Known false positives
    /// Established packages whose names are near a popular one. Popular names are never
    /// flagged (`preact`, `oxlint`, `nanoid`). Each match has a confidence (see
    /// `diligence_metadata::typosquat`): differences that spell another word — a letter
    /// appended to a word (`expresso`), a singular (`inherit`), a change at the start of a word
    /// (`tslint-loader`), a replaced last letter (`immediato`), far-apart keys, two edits that
    /// are not both slips (`koa-connect`) — are low. Separators, affixes, neighbouring keys and
    /// unscoped spellings of scoped names are common among legitimate packages: medium when
    /// asked for (high on a top-1,000 target, top-5,000 for an affix) and low in a lockfile
    /// (`wcwidth.js`, `types-react`). In a lockfile a slip is high only on a top-10,000 target.
    /// The policy's `typosquat_allowlist` silences a name.
    pub static TYPOSQUAT = { id: "metadata/typosquat", severity: Severity::High };
}

/// Checks one package name against the popular list (no allowlist). See
/// [`crate::typosquat::find`].
pub fn typosquat(name: &str) -> Option<TyposquatMatch> {
    find(name)
}

/// Like [`typosquat`], but never flags a name in `allowlist` (case-insensitive).
pub fn typosquat_with_allowlist(name: &str, allowlist: &[String]) -> Option<TyposquatMatch> {
    let bare = crate::typosquat::spec_name(name.trim());
    if allowlist.iter().any(|a| a.eq_ignore_ascii_case(bare)) {
        return None;
    }
    find(name)
}

/// The finding for one name in a context, or `None` when the name is popular, allowlisted or
/// not close to any popular name. `version` is the version the finding is about (empty when
/// the name did not resolve).
pub fn check_name(
    name: &str,
    version: &str,
    context: NameContext,
    allowlist: &[String],
) -> Option<Finding> {
    let m = typosquat_with_allowlist(name, allowlist)?;
    Some(finding_in(&m, version, context))
}

/// A name a person asked for and whether the registry has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestedName {
    /// The name or spec as typed (`lodahs`, `lodahs@^4`).
    pub spec: String,
    /// The version it resolved to, when it did.
    pub version: Option<String>,
    /// Whether the registry has the name (`None`: not asked, or the registry could not say).
    pub exists: Option<bool>,
}

/// The typosquat findings of the names a person asked for (`check`, `install`, the direct
/// dependencies a `diff` adds), resolvable or not: a look-alike that is not on the registry is
/// high with "did you mean …?"; one that is, high when it is a typing slip, else low.
pub fn check_requested_names(names: &[RequestedName], allowlist: &[String]) -> Vec<Finding> {
    names
        .iter()
        .filter_map(|n| {
            let context = NameContext::Requested { exists: n.exists };
            check_name(
                &n.spec,
                n.version.as_deref().unwrap_or(""),
                context,
                allowlist,
            )
        })
        .collect()
}

/// Runs the rule over every registry package name in a lockfile graph ([`NameContext::Locked`]):
/// one finding per distinct name, at the first node's lockfile line.
pub fn check(graph: &DependencyGraph, allowlist: &[String]) -> Vec<Finding> {
    use rayon::prelude::*;
    let file = graph.lockfile.path.display().to_string();
    let mut seen = HashSet::new();
    let first: Vec<_> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.source, Source::Registry { .. }) && seen.insert(p.name.as_str()))
        .collect();
    // The edit-distance search is most of an offline audit's time (~40 % on a 1,100-name
    // tree): names are independent, so they are judged in parallel, in lockfile order.
    first
        .par_iter()
        .filter_map(|package| {
            check_name(
                &package.name,
                &package.version,
                NameContext::Locked,
                allowlist,
            )
            .map(|f| f.at(file.clone(), package.location.line))
        })
        .collect()
}

/// The finding for a match, about `name@version`, at the rule's default severity (high).
pub fn finding(m: &TyposquatMatch, version: &str) -> Finding {
    finding_in(m, version, NameContext::Requested { exists: Some(true) }).severity(Severity::High)
}

/// The finding for a match in a context, at [`severity`].
pub fn finding_in(m: &TyposquatMatch, version: &str, context: NameContext) -> Finding {
    let message = match context {
        NameContext::Requested {
            exists: Some(false),
        } => format!(
            "`{}` is not on the registry: did you mean `{}`? (rank {} of the popular list; {})",
            m.name, m.target, m.target_rank, m.why
        ),
        _ => format!(
            "`{}` looks like the popular package `{}` (rank {}; {})",
            m.name, m.target, m.target_rank, m.why
        ),
    };
    let mut evidence = serde_json::to_value(m).unwrap_or_default();
    if let NameContext::Requested { exists } = context {
        evidence["requested"] = true.into();
        evidence["exists"] = serde_json::to_value(exists).unwrap_or_default();
    }
    Finding::new(&TYPOSQUAT, message)
        .package(&m.name, version)
        .severity(severity(m, context))
        .evidence(evidence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_graph::{Location, LockfileFormat, LockfileInfo, Package};

    fn graph(names: &[&str]) -> DependencyGraph {
        let mut g = DependencyGraph::new(LockfileInfo {
            path: "yarn.lock".into(),
            format: LockfileFormat::YarnClassic,
            version: "1".into(),
        });
        for (i, name) in names.iter().enumerate() {
            g.add_package(Package {
                location: Location {
                    line: 10 * (i as u32 + 1),
                    ..Location::default()
                },
                ..Package::new(name, "1.0.0", Source::Registry { resolved: None }, name)
            });
        }
        g
    }

    /// In a lockfile, a typing slip of a top package is high; another word, an affix or a
    /// scope move is low.
    #[test]
    fn locked_names_are_loud_only_for_slips() {
        let found: Vec<(String, Severity, u32)> = check(
            &graph(&["lodahs", "chalky", "wcwidth.js", "types-react"]),
            &[],
        )
        .into_iter()
        .map(|f| {
            (
                f.package.unwrap().name,
                f.severity,
                f.location.unwrap().line,
            )
        })
        .collect();
        assert_eq!(
            found,
            [
                ("lodahs".to_string(), Severity::High, 10),
                ("chalky".to_string(), Severity::Low, 20),
                ("wcwidth.js".to_string(), Severity::Low, 30),
                ("types-react".to_string(), Severity::Low, 40),
            ]
        );
    }

    #[test]
    fn requested_names_say_did_you_mean() {
        let names = [
            RequestedName {
                spec: "reactt".into(),
                version: None,
                exists: Some(false),
            },
            RequestedName {
                spec: "chalky@1.0.0".into(),
                version: Some("1.0.0".into()),
                exists: Some(true),
            },
            RequestedName {
                spec: "react".into(),
                version: Some("19.0.0".into()),
                exists: Some(true),
            },
        ];
        let found: Vec<(String, Severity)> = check_requested_names(&names, &[])
            .into_iter()
            .map(|f| (f.message, f.severity))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "`reactt` is not on the registry: did you mean `react`? (rank 441 of the popular list; `t` doubled)".to_string(),
                    Severity::High
                ),
                (
                    "`chalky` looks like the popular package `chalk` (rank 10; `y` appended)".to_string(),
                    Severity::Low
                ),
            ]
        );
    }
}
