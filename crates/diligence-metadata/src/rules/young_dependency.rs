//! `metadata/young-dependency`: a release adds a dependency that was itself published days
//! before.

use crate::context::{Outcome, VersionContext, first_published};
use crate::time::days_between;
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// A version adds a dependency whose package was first published shortly before it.
    ///
    /// ## What it detects
    /// A dependency in `dependencies` or `optionalDependencies` that the previous version did
    /// not have, whose own packument was created less than `new_package_days` (default 22)
    /// before this version was published (before now, when the version has no publish time).
    /// The dependency's creation is `time.created`, else its earliest version time.
    ///
    /// ## Why it matters
    /// A hijacked account does not need to touch the package's code: adding a brand-new
    /// dependency that carries the payload is enough, and the package's own diff stays clean.
    /// The 2026 axios compromise shipped patch releases whose only change was a dependency on
    /// a package published the day before, with a `postinstall` dropper.
    ///
    /// ## Example
    /// `widget@1.4.1` adds `"helper-crypto-js": "^4.2.1"`; `helper-crypto-js` was created one
    /// day before `widget@1.4.1` was published.
    ///
    /// Severity: high; medium when every young dependency sits in the package's own scope
    /// (`@scope/a` adding `@scope/b`: only the scope's members can publish there) and every
    /// added dependency could be dated: per-platform packages and split-outs of one project.
    /// An unscoped `foo` adding `@foo/…` stays high: anyone may create an unclaimed `@foo`
    /// organisation. A hijacked member account can publish in the scope too, so it is still
    /// reported, and the new package's own code and scripts are vetted by the code layer.
    ///
    /// ## Known false positives
    /// A project that splits code into a new package of its own and depends on it in the same
    /// week (medium when it is in the project's scope; high otherwise, e.g. `typescript`
    /// adding its `@typescript/native-*` platform packages). Not evaluated when the caller has no packument for the dependency or its times
    /// are unknown or rewritten (the mirror reachable here rewrites them).
    pub static YOUNG_DEPENDENCY = { id: "metadata/young-dependency", severity: Severity::High };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    let had = |name: &str| {
        previous.manifest.dependencies.contains_key(name)
            || previous.manifest.optional_dependencies.contains_key(name)
    };
    let added: Vec<&String> = cx
        .manifest
        .dependencies
        .keys()
        .chain(cx.manifest.optional_dependencies.keys())
        .filter(|d| !had(d))
        .collect();
    if added.is_empty() {
        return Outcome::Clean;
    }
    let Some(others) = cx.others else {
        return Outcome::gap("no packuments of the dependencies it adds".into());
    };
    let reference = cx.published.unwrap_or(cx.now);
    let mut young = Vec::new();
    let mut unknown = Vec::new();
    for name in added {
        match others.packument(name).map(first_published) {
            Some(Ok(created)) => {
                let age = days_between(created, reference);
                if age < cx.policy.new_package_days {
                    young.push((name.as_str(), age));
                }
            }
            Some(Err(why)) => unknown.push(format!("{name}: {why}")),
            None => unknown.push(format!("{name}: no packument")),
        }
    }
    if young.is_empty() {
        return match unknown.is_empty() {
            true => Outcome::Clean,
            false => Outcome::gap(unknown.join("; ")),
        };
    }
    let list: Vec<String> = young
        .iter()
        .map(|(n, age)| format!("`{n}` (first published {:.1} days before)", age.max(0.0)))
        .collect();
    let message = format!(
        "{}@{} adds dependencies that did not exist a few weeks earlier: {}",
        cx.name(),
        cx.version,
        list.join(", ")
    );
    let own_scope = unknown.is_empty() && young.iter().all(|(n, _)| in_own_scope(cx.name(), n));
    let message = if own_scope {
        format!("{message} (in the package's own scope)")
    } else {
        message
    };
    let evidence: Vec<serde_json::Value> = young
        .iter()
        .map(|(n, age)| json!({"name": n, "age_days": age}))
        .collect();
    let finding = cx.finding(&YOUNG_DEPENDENCY, message).evidence(json!({
        "previous": previous.version,
        "young": evidence,
        "threshold_days": cx.policy.new_package_days,
        "own_scope": own_scope,
    }));
    Outcome::found(if own_scope {
        finding.severity(Severity::Medium)
    } else {
        finding
    })
}

/// True when scoped `package` and `dependency` share the scope (npm lets only the scope's
/// members publish in it); never for an unscoped package.
fn in_own_scope(package: &str, dependency: &str) -> bool {
    let scope = |n: &str| {
        n.strip_prefix('@')
            .and_then(|d| d.split_once('/'))
            .map(|(s, _)| s.to_ascii_lowercase())
    };
    matches!((scope(package), scope(dependency)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::in_own_scope;

    #[test]
    fn own_scope_is_the_scope_or_the_scope_named_after_the_package() {
        // Anyone may create an unclaimed `@typescript` organisation.
        assert!(!in_own_scope("typescript", "@typescript/native-linux-x64"));
        assert!(in_own_scope("@biomejs/biome", "@biomejs/cli-linux-x64"));
        assert!(!in_own_scope("axios", "plain-crypto-js"));
        assert!(!in_own_scope("axios", "@axios-utils/crypto"));
        assert!(!in_own_scope("@vue/core", "@vuee/runtime"));
        assert!(!in_own_scope("get-intrinsic", "async-generator-function"));
    }
}
