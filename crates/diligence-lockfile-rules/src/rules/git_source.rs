use crate::{Cx, Entry};
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_graph::Source;
use serde_json::json;

declare_rule! {
    /// A package is installed from a git repository instead of a registry.
    ///
    /// ## What it detects
    /// Entries whose source is git (`git+https://`, `git+ssh://`, `github:` shorthands, pnpm
    /// `{type: git}` resolutions, yarn berry `#commit=`). Severity is **low** when a full
    /// 40-hex commit pins the content (git object ids then verify it) and **medium** when the
    /// lockfile only names a branch, tag or short hash. Evidence: `{"url", "commit"}`.
    ///
    /// ## Why it matters
    /// Git dependencies bypass the registry: no integrity hash in the lockfile, no advisory
    /// database coverage, no publish history, and `prepare` scripts run at install time. A
    /// registry dependency rewritten to a git URL (tamper kind T8) installs whatever the
    /// attacker's repository holds; `lockfile/spec-source-mismatch` reports that case at high
    /// when package.json still asks for a version range.
    ///
    /// ## Example
    /// ```yaml
    /// is-number@git+https://github.com/attacker/is-number.git#84c7fc389f7dda522f8859e909d49c3f43e382d3:
    ///   resolution: {commit: 84c7fc38…, repo: https://github.com/attacker/is-number.git, type: git}
    /// ```
    ///
    /// ## Known false positives
    /// Projects that depend on their own or forked repositories on purpose (atom's bundled
    /// packages) get one low finding per pinned git dependency; that is the inventory a
    /// reviewer wants, not noise to suppress.
    pub static GIT_SOURCE = { id: "lockfile/git-source", severity: Severity::Low };
}

/// The full commit hash a git source is pinned to: the `commit` field, a `#<sha>` fragment or
/// a yarn berry `#commit=<sha>` fragment. `None` for other sources or branch/tag refs.
pub(crate) fn pinned_commit(source: &Source) -> Option<&str> {
    let Source::Git { url, commit } = source else {
        return None;
    };
    let fragment = url.rsplit_once('#').map(|(_, f)| f);
    let fragment_commit = fragment.map(|f| f.strip_prefix("commit=").unwrap_or(f));
    [commit.as_deref(), fragment_commit]
        .into_iter()
        .flatten()
        .find(|c| c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Reports a git-sourced `entry`.
pub(crate) fn check(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    let Source::Git { url, commit } = entry.fetched else {
        return;
    };
    let p = entry.package;
    let pinned = pinned_commit(entry.fetched);
    let (severity, how) = match pinned {
        Some(sha) => (Severity::Low, format!("pinned to commit {sha}")),
        None => (
            Severity::Medium,
            "not pinned to a full commit hash, so the repository decides what is installed"
                .to_string(),
        ),
    };
    let message = format!(
        "{} comes from git repository `{url}` instead of a registry, {how}",
        p.id_string()
    );
    let evidence = json!({ "url": url, "commit": pinned.or(commit.as_deref()) });
    let finding = cx.finding(&GIT_SOURCE, p, p.location.for_resolved(), message);
    out.push(finding.severity(severity).evidence(evidence));
}
