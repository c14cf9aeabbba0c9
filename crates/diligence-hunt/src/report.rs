//! The hunt report: `--format json` writes it as `diligence.hunt/1`
//! (`schema/diligence.hunt-1.schema.json`).
//!
//! Why its own schema rather than `diligence.report/1`: a report/1 document has one target
//! (a project and one lockfile) and findings without time; a hunt spans repositories, and each
//! match is a stretch of history (first and last commit, introductions and removals, refs),
//! which report/1's `evidence` could only carry as an undocumented blob.
//!
//! Every string that comes from a repository (paths, ref names, author names, subjects) or a
//! lockfile (names, versions, `resolved`, integrity) is kept as written here; the writers
//! escape it for their format.

use crate::ioc::Indicator;
use crate::spec::AdvisoryRef;
use diligence_finding::{NotEvaluated, PackageRef, ToolInfo};
use serde::Serialize;

/// The schema id of [`HuntReport`].
pub const SCHEMA: &str = "diligence.hunt/1";

/// A whole hunt.
#[derive(Debug, Clone, Serialize)]
pub struct HuntReport {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    pub tool: ToolInfo,
    pub query: Query,
    pub summary: Summary,
    pub repositories: Vec<RepositoryReport>,
}

/// What was hunted.
#[derive(Debug, Clone, Serialize)]
pub struct Query {
    pub specs: Vec<QuerySpec>,
    pub indicators: Vec<Indicator>,
    /// Every branch, tag, remote-tracking and pull-request ref (true) or `HEAD` only.
    pub all_refs: bool,
    /// Lower bound on committer dates (RFC 3339), when given.
    pub since: Option<String>,
}

/// One package matcher, after advisory ids were expanded.
#[derive(Debug, Clone, Serialize)]
pub struct QuerySpec {
    /// As given on the command line (an advisory id for expanded specs).
    pub spec: String,
    pub name: String,
    pub advisory: Option<AdvisoryRef>,
}

/// Totals over repositories.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub repositories: usize,
    /// Matches (package version × what matched), summed over repositories.
    pub matches: usize,
    pub commits: usize,
    pub lockfiles_parsed: usize,
    /// Not-evaluated records, summed over repositories.
    pub not_evaluated: usize,
}

/// The hunt of one repository.
#[derive(Debug, Clone, Serialize)]
pub struct RepositoryReport {
    /// The folder as given.
    pub path: String,
    /// The branch `HEAD` points at, when not detached.
    pub head: Option<String>,
    /// The refs whose history was walked (`HEAD`, or every ref with `--all-refs`).
    pub refs_walked: Vec<String>,
    /// The clone is shallow: history before its cut is not there.
    pub shallow: bool,
    pub stats: WalkStats,
    pub matches: Vec<Match>,
    /// Lockfile versions (and whole repositories) that could not be read, with the commit
    /// and path: a hunt that found nothing but has these is "not evaluated" (exit 2).
    pub not_evaluated: Vec<NotEvaluated>,
    /// What was not checked and does not change the exit code: indicator checks of tarball
    /// contents without a cached analysis, file hashes inside tarballs.
    pub not_checked: Vec<String>,
}

/// Counts of the walk.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WalkStats {
    /// Commits walked.
    pub commits: usize,
    /// Distinct lockfile paths seen in the walk.
    pub lockfile_paths: usize,
    /// Distinct lockfile blobs in the walk.
    pub lockfile_blobs: usize,
    /// Lockfile versions parsed: distinct (lockfile blob, `package.json` blob, file name).
    pub lockfiles_parsed: usize,
    /// Lockfile versions that could not be parsed (each also in `not_evaluated`).
    pub lockfiles_not_evaluated: usize,
    /// Distinct tarballs (by integrity) whose cached code analysis was looked up, and of
    /// those, how many had one.
    pub analyses_looked_up: usize,
    pub analyses_found: usize,
}

/// One package version that matched, and its history in this repository.
#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub package: PackageRef,
    pub matched_by: MatchedBy,
    /// The earliest commit that introduced it (by committer date).
    pub first: CommitRef,
    /// The latest commit that still locked it (by committer date): a ref tip when it is still
    /// locked somewhere.
    pub last: CommitRef,
    /// Introductions, removals and lockfile moves, oldest first.
    pub events: Vec<MatchEvent>,
    /// Refs whose tip still locks it.
    pub still_in: Vec<RefRef>,
    /// Every lockfile path that locked it.
    pub lockfiles: Vec<String>,
    /// Distinct dependency paths (at most [`MAX_PATHS`]), from an importer to the package.
    pub dependency_paths: Vec<DependencyPath>,
    /// Commits that locked it.
    pub commits: usize,
    /// Distinct `resolved` URLs and integrity values it was locked with (at most
    /// [`MAX_VALUES`] each).
    pub resolved: Vec<String>,
    pub integrity: Vec<String>,
}

/// Most dependency paths listed per match.
pub const MAX_PATHS: usize = 10;
/// Most `resolved`/integrity values listed per match.
pub const MAX_VALUES: usize = 5;

/// What matched a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedBy {
    /// `spec`, `advisory` or `indicator`.
    pub kind: &'static str,
    /// The spec as given, the advisory id, or the indicator value.
    pub value: String,
    /// For indicators: `host`, `url`, `hash` or `file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<&'static str>,
    /// The lockfile field that matched: `version`, `resolved`, `integrity` or
    /// `code-analysis`.
    pub field: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advisory: Option<AdvisoryRef>,
}

impl MatchedBy {
    /// One line for people: `axios@1.14.1`, `MAL-2025-46969`, `host evil.example in resolved`.
    pub fn label(&self) -> String {
        match self.indicator {
            Some(kind) => format!("{kind} {} in {}", self.value, self.field),
            None => self.value.clone(),
        }
    }
}

/// A commit, as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommitRef {
    pub id: String,
    pub author: String,
    pub email: String,
    /// Author date, RFC 3339 UTC.
    pub date: String,
    /// Committer date, RFC 3339 UTC.
    pub committed: String,
    pub subject: String,
    /// Where it sits relative to a ref (`main~3`, `feature/x~1`), from `git name-rev`.
    pub on: Option<String>,
    /// Position in the walk (parents before children), for ordering.
    #[serde(skip)]
    pub order: usize,
    #[serde(skip)]
    pub commit_time: i64,
}

/// An event in a match's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchEvent {
    /// `introduced` (no parent locked it), `removed` (a parent locked it, this commit does
    /// not), or `moved` (still locked, but at a different set of lockfile paths than the first
    /// parent, e.g. a renamed lockfile or a moved workspace).
    pub event: &'static str,
    pub commit: CommitRef,
    /// The lockfile paths that lock it at this commit (for `removed`: at the parent).
    pub lockfiles: Vec<String>,
    /// For `introduced`: the commit's parents are outside the walk (`--since`) or cut off (a
    /// shallow clone), so it may have been locked before.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_window_start: bool,
}

/// A ref and its tip commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefRef {
    pub name: String,
    pub commit: String,
}

/// One path from an importer to a matched package.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DependencyPath {
    pub lockfile: String,
    /// `.` for the root project, else the workspace path.
    pub importer: String,
    /// `name@version` from the importer's direct dependency to the package.
    pub path: Vec<String>,
}

impl HuntReport {
    /// The exit code: 1 when anything matched; else 2 when anything was not evaluated; else 0.
    pub fn exit_code(&self) -> u8 {
        if self.repositories.iter().any(|r| !r.matches.is_empty()) {
            1
        } else if self
            .repositories
            .iter()
            .any(|r| !r.not_evaluated.is_empty())
        {
            2
        } else {
            0
        }
    }

    /// Every event of a repository, oldest first (committer date, then walk order), with
    /// the match it belongs to: the timeline the human and CSV writers print.
    pub fn timeline(repo: &RepositoryReport) -> Vec<(&Match, &MatchEvent)> {
        let mut out: Vec<(&Match, &MatchEvent)> = repo
            .matches
            .iter()
            .flat_map(|m| m.events.iter().map(move |e| (m, e)))
            .collect();
        out.sort_by(|a, b| {
            (
                a.1.commit.commit_time,
                a.1.commit.order,
                &a.0.package,
                &a.0.matched_by.value,
            )
                .cmp(&(
                    b.1.commit.commit_time,
                    b.1.commit.order,
                    &b.0.package,
                    &b.0.matched_by.value,
                ))
        });
        out
    }
}
