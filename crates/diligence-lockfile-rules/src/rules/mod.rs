//! One module per rule; each declares its [`Rule`] with `declare_rule!` and exposes a `check`
//! of a few dozen lines. Shared reading of an entry's source lives here.

pub mod disallowed_scheme;
pub mod git_source;
pub mod insecure_scheme;
pub mod integrity_missing;
pub mod integrity_weak;
pub mod local_path_outside_project;
pub mod local_source;
pub mod orphan_entry;
pub mod remote_tarball;
pub mod resolved_host;
pub mod resolved_name_mismatch;
pub mod resolved_version_mismatch;
pub mod spec_source_mismatch;
pub mod unlocked_dependency;

use crate::local_path::{self, Place};
use crate::resolved::scheme_of;
use crate::{Cx, Entry};
use diligence_finding::{Finding, Rule};
use diligence_graph::Source;

/// Every rule, in the order [`crate::check`] runs them.
pub(crate) static ALL: [&Rule; 14] = [
    &resolved_host::RESOLVED_HOST,
    &insecure_scheme::INSECURE_SCHEME,
    &disallowed_scheme::DISALLOWED_SCHEME,
    &resolved_name_mismatch::RESOLVED_NAME_MISMATCH,
    &resolved_version_mismatch::RESOLVED_VERSION_MISMATCH,
    &integrity_missing::INTEGRITY_MISSING,
    &integrity_weak::INTEGRITY_WEAK,
    &git_source::GIT_SOURCE,
    &remote_tarball::REMOTE_TARBALL,
    &local_path_outside_project::LOCAL_PATH_OUTSIDE_PROJECT,
    &local_source::LOCAL_SOURCE,
    &spec_source_mismatch::SPEC_SOURCE_MISMATCH,
    &orphan_entry::ORPHAN_ENTRY,
    &unlocked_dependency::UNLOCKED_DEPENDENCY,
];

/// Runs the per-entry rules on one entry.
pub(crate) fn check_entry(cx: &Cx<'_>, entry: &Entry<'_>, out: &mut Vec<Finding>) {
    resolved_host::check(cx, entry, out);
    insecure_scheme::check(cx, entry, out);
    disallowed_scheme::check(cx, entry, out);
    resolved_name_mismatch::check(cx, entry, out);
    resolved_version_mismatch::check(cx, entry, out);
    integrity_missing::check(cx, entry, out);
    integrity_weak::check(cx, entry, out);
    git_source::check(cx, entry, out);
    remote_tarball::check(cx, entry, out);
    local_path_outside_project::check(cx, entry, out);
    local_source::check(cx, entry, out);
}

/// Runs the rules that need the whole graph.
pub(crate) fn check_graph(cx: &Cx<'_>, out: &mut Vec<Finding>) {
    spec_source_mismatch::check(cx, out);
    orphan_entry::check(cx, out);
    unlocked_dependency::check(cx, out);
}

/// Cleartext transports: anyone on the network path can read or replace the download.
pub(crate) const CLEARTEXT_SCHEMES: [&str; 3] = ["http", "git", "git+http"];

/// The URL an entry is fetched from and its scheme (lowercase, no `:`), for registry,
/// tarball and git sources. Git shorthands (`github:a/b`) count as `git+https`; a git spec
/// without a scheme (`a/b`) is a GitHub shorthand too.
pub(crate) fn transport<'a>(entry: &Entry<'a>) -> Option<(&'a str, String)> {
    let raw = match entry.fetched {
        Source::Git { url, .. } => url.as_str(),
        _ => entry.url.as_ref()?.0,
    };
    let scheme = match &entry.url {
        Some((_, Ok(u))) => u.scheme.clone(),
        _ => scheme_of(raw).unwrap_or_else(|| "git+https".into()),
    };
    let scheme = match scheme.as_str() {
        "github" | "gitlab" | "bitbucket" | "gist" => "git+https".to_string(),
        _ => scheme,
    };
    Some((raw, scheme))
}

/// The local paths an entry names: `(protocol, spec as written)` for `file:`, `link:` and
/// `workspace:` sources and a patch file of a `patch:` source (yarn's built-in patches,
/// `…builtin<…>`, are not paths).
pub(crate) fn local_paths(source: &Source) -> Vec<(&'static str, &str)> {
    match source {
        Source::File { path } => vec![("file", path.as_str())],
        Source::Link { path } => vec![("link", path.as_str())],
        Source::Workspace { path } => vec![("workspace", path.as_str())],
        Source::Patch { patch, original } => {
            let mut paths = local_paths(original);
            if !patch.contains("builtin<") && !patch.trim().is_empty() {
                paths.push(("patch", patch.as_str()));
            }
            paths
        }
        _ => Vec::new(),
    }
}

/// Where a local path of `entry` leads. Relative paths are resolved against every folder that
/// may have declared them — the lockfile folder, the importers that depend on the entry, and
/// a yarn berry `::locator=` workspace — and count as inside when one of them keeps the path
/// inside the project. Yarn berry patch paths starting with `~/` are relative to the project.
pub(crate) fn place_of(cx: &Cx<'_>, entry: &Entry<'_>, spec: &str) -> Place {
    let spec = spec.trim();
    let project_relative = spec
        .strip_prefix("~/")
        .filter(|_| matches!(entry.package.source, Source::Patch { .. }));
    if let Some(rest) = project_relative {
        return local_path::place(rest, ".");
    }
    let mut bases: Vec<String> = vec![".".into()];
    bases.extend(local_path::berry_locator_base(spec));
    for importer in &cx.graph.importers {
        if importer
            .dependencies
            .iter()
            .any(|e| e.target == Some(entry.id))
        {
            bases.push(importer.path.clone());
        }
    }
    let mut outside = None;
    for base in &bases {
        match local_path::place(spec, base) {
            inside @ Place::Inside(_) => return inside,
            Place::Outside(why) => outside = Some(why),
        }
    }
    Place::Outside(outside.unwrap_or("leaves the project folder"))
}
