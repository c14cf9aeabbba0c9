//! `metadata/new-install-script`: install scripts added since the previous version.

use crate::context::{Outcome, Prior, VersionContext, install_scripts};
use diligence_finding::{Severity, declare_rule};
use serde_json::json;

declare_rule! {
    /// An install lifecycle script appears that the previous version did not have.
    ///
    /// ## What it detects
    /// A `preinstall`, `install` or `postinstall` script present in this version and absent
    /// (or different) in the previous version: the highest lower version published before it.
    ///
    /// ## Why it matters
    /// This is the strongest metadata signal of a hijacked release: the attacker needs code to
    /// run at install time, and the package never needed it before. `ua-parser-js` 0.7.29,
    /// `coa` 2.0.3, `rc` 1.2.9 (2021) and the Shai-Hulud versions (2025) all added a
    /// `preinstall`/`postinstall` in a patch release.
    ///
    /// ## Example
    /// 1.2.3 with no scripts; 1.2.4 with `"preinstall": "node bundle.js"`.
    ///
    /// ## Known false positives
    /// A package that starts building a native addon. A command whose only change is an
    /// embedded version number, or an appended `|| exit 0` / `|| true`, is not a change.
    /// Changed commands of a hook the previous version already had are reported at medium,
    /// since swapping `node-gyp rebuild` for `node x.js` is the same attack but most changes
    /// are routine (sharp's install check).
    pub static NEW_INSTALL_SCRIPT = { id: "metadata/new-install-script", severity: Severity::High };
}

/// Runs the rule.
pub fn check(cx: &VersionContext) -> Outcome {
    let Some(previous) = &cx.previous else {
        return Outcome::Clean;
    };
    if cx.abbreviated() {
        return check_flags(cx, previous);
    }
    let before = install_scripts(previous.manifest);
    // A command whose only change is an embedded version number (`prebuild-install -r
    // napi --tag v1.2.4`, `node-pre-gyp … 2.0.1`) or an appended `|| exit 0` / `|| true`
    // (es5-ext 0.10.61) runs the same code.
    let same =
        |a: &str, b: &str| a == b || without_versions(tolerant(a)) == without_versions(tolerant(b));
    let added: Vec<(&str, String)> = install_scripts(cx.manifest)
        .into_iter()
        .filter(|(k, v)| !before.iter().any(|(bk, bv)| bk == k && same(bv, v)))
        .collect();
    if added.is_empty() {
        return Outcome::Clean;
    }
    let list: Vec<String> = added.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    // A new hook is the strong signal; a changed command in a hook that already existed is
    // reported one step lower (sharp's `node install/check` → `node install/check.js`).
    let new_hook = added
        .iter()
        .any(|(k, _)| !before.iter().any(|(bk, _)| bk == k));
    let (message, severity) = if new_hook {
        (
            format!(
                "{}@{} adds install scripts that {} did not have: {}",
                cx.name(),
                cx.version,
                previous.version,
                list.join("; ")
            ),
            Severity::High,
        )
    } else {
        (
            format!(
                "{}@{} changes the install scripts {} had: {}",
                cx.name(),
                cx.version,
                previous.version,
                list.join("; ")
            ),
            Severity::Medium,
        )
    };
    let scripts: serde_json::Map<String, serde_json::Value> = added
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.into()))
        .collect();
    Outcome::found(
        cx.finding(&NEW_INSTALL_SCRIPT, message)
            .severity(severity)
            .evidence(
                json!({"previous": previous.version, "scripts": scripts, "new_hook": new_hook}),
            ),
    )
}

/// `command` without a trailing failure-swallowing tail (`|| exit 0`, `|| true`, `|| :`) and
/// surrounding whitespace: the tail changes the exit status npm sees, not what runs.
fn tolerant(command: &str) -> &str {
    let mut c = command.trim();
    for tail in ["|| exit 0", "||exit 0", "|| true", "||true", "|| :", "||:"] {
        if let Some(rest) = c.strip_suffix(tail) {
            c = rest.trim_end();
            break;
        }
    }
    c
}

/// A command with every version number (`1.2.3`, `v1.2.3-beta.1`, `1.2`) replaced by `#`.
fn without_versions(command: &str) -> String {
    let mut out = String::with_capacity(command.len());
    let mut chars = command.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() {
            out.push(c);
            continue;
        }
        // A run of digits, dots and prerelease characters that holds a dot is a version.
        let mut run = String::from(c);
        while let Some(&n) = chars.peek() {
            if n.is_ascii_alphanumeric() || n == '.' || n == '-' {
                run.push(n);
                chars.next();
            } else {
                break;
            }
        }
        if run.contains('.') {
            out.push('#');
        } else {
            out.push_str(&run);
        }
    }
    out
}

/// Abbreviated packuments carry no `scripts`, only `hasInstallScript` (omitted when false):
/// compare the flags.
fn check_flags(cx: &VersionContext, previous: &Prior) -> Outcome {
    let now = cx.manifest.has_install_script == Some(true);
    let before = previous.manifest.has_install_script == Some(true);
    if now && !before {
        return flag(cx, previous);
    }
    Outcome::Clean
}

fn flag(cx: &VersionContext, previous: &Prior) -> Outcome {
    let message = format!(
        "{}@{} has an install script (hasInstallScript) and {} had none",
        cx.name(),
        cx.version,
        previous.version
    );
    Outcome::found(
        cx.finding(&NEW_INSTALL_SCRIPT, message)
            .evidence(json!({"previous": previous.version, "hasInstallScript": true})),
    )
}

#[cfg(test)]
mod tests {
    use super::{tolerant, without_versions};

    #[test]
    fn an_appended_exit_0_is_the_same_command() {
        let before = r#"node -e "try{require('./_postinstall')}catch(e){}""#;
        let after = r#" node -e "try{require('./_postinstall')}catch(e){}" || exit 0"#;
        assert_eq!(tolerant(before), tolerant(after));
        assert_eq!(tolerant("node x.js ||true"), "node x.js");
        // A fallback that runs something else is a change (sharp 0.34.5).
        assert_ne!(
            tolerant("node install/check.js || npm run build"),
            tolerant("node install/check.js")
        );
        // Only a tail: `exit 0 || node evil.js` is not swallowed.
        assert_eq!(tolerant("true || node evil.js"), "true || node evil.js");
    }

    #[test]
    fn version_numbers_are_not_changes() {
        assert_eq!(
            without_versions("node install.js --tag v1.2.3"),
            without_versions("node install.js --tag v1.2.4-beta.1")
        );
        assert_ne!(
            without_versions("node install.js"),
            without_versions("node x.js")
        );
        assert_eq!(
            without_versions("node-gyp rebuild -j 8"),
            "node-gyp rebuild -j 8"
        );
    }
}
