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
use diligence_graph::{PackageId, Source};
use rayon::prelude::*;

/// A rule's check: per locked entry, or once over the whole graph.
#[derive(Clone, Copy)]
pub(crate) enum Check {
    Entry(fn(&Cx<'_>, &Entry<'_>, &mut Vec<Finding>)),
    Graph(fn(&Cx<'_>, &mut Vec<Finding>)),
}

/// Every rule with its check, in the order [`crate::check`] runs them: the per-entry rules
/// for each entry in graph order, then the graph rules.
pub(crate) static ALL: [(&Rule, Check); 14] = [
    (
        &resolved_host::RESOLVED_HOST,
        Check::Entry(resolved_host::check),
    ),
    (
        &insecure_scheme::INSECURE_SCHEME,
        Check::Entry(insecure_scheme::check),
    ),
    (
        &disallowed_scheme::DISALLOWED_SCHEME,
        Check::Entry(disallowed_scheme::check),
    ),
    (
        &resolved_name_mismatch::RESOLVED_NAME_MISMATCH,
        Check::Entry(resolved_name_mismatch::check),
    ),
    (
        &resolved_version_mismatch::RESOLVED_VERSION_MISMATCH,
        Check::Entry(resolved_version_mismatch::check),
    ),
    (
        &integrity_missing::INTEGRITY_MISSING,
        Check::Entry(integrity_missing::check),
    ),
    (
        &integrity_weak::INTEGRITY_WEAK,
        Check::Entry(integrity_weak::check),
    ),
    (&git_source::GIT_SOURCE, Check::Entry(git_source::check)),
    (
        &remote_tarball::REMOTE_TARBALL,
        Check::Entry(remote_tarball::check),
    ),
    (
        &local_path_outside_project::LOCAL_PATH_OUTSIDE_PROJECT,
        Check::Entry(local_path_outside_project::check),
    ),
    (
        &local_source::LOCAL_SOURCE,
        Check::Entry(local_source::check),
    ),
    (
        &spec_source_mismatch::SPEC_SOURCE_MISMATCH,
        Check::Graph(spec_source_mismatch::check),
    ),
    (
        &orphan_entry::ORPHAN_ENTRY,
        Check::Graph(orphan_entry::check),
    ),
    (
        &unlocked_dependency::UNLOCKED_DEPENDENCY,
        Check::Graph(unlocked_dependency::check),
    ),
];

/// Runs the table: every per-entry check on each entry, then the graph checks.
/// Entries per parallel work item: below this a lockfile is checked on one thread.
const PARALLEL_CHUNK: usize = 256;

pub(crate) fn run(cx: &Cx<'_>) -> Vec<Finding> {
    // Entries are independent: checked in parallel, findings kept in graph order.
    let per_entry: Vec<Vec<Finding>> = cx
        .graph
        .packages
        .par_iter()
        .enumerate()
        .with_min_len(PARALLEL_CHUNK)
        .map(|(index, package)| {
            let mut found = Vec::new();
            let entry = Entry::new(cx, PackageId(index as u32), package);
            for (_, check) in &ALL {
                if let Check::Entry(f) = check {
                    f(cx, &entry, &mut found);
                }
            }
            found
        })
        .collect();
    let mut out: Vec<Finding> = per_entry.into_iter().flatten().collect();
    for (_, check) in &ALL {
        if let Check::Graph(f) = check {
            f(cx, &mut out);
        }
    }
    out
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
