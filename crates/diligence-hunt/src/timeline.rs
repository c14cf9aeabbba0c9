//! From per-commit hits to per-match histories: introductions, removals, lockfile moves,
//! first and last commit, the refs whose tip still locks a package, and dependency paths.
//!
//! A package version is *locked* at a commit when some lockfile of the commit's tree locks it.
//! A commit *introduces* it when it is locked there and at none of its parents in the walk
//! (so a merge that brings it from the other side introduces nothing: the side branch's
//! commit did); it *removes* it when a parent locked it and the commit does not; it *moves*
//! it when both it and its first parent lock it, at different lockfile paths.

use crate::evaluate::{HitDetail, HitKey, UnitResult};
use crate::git::RefTip;
use crate::history::History;
use crate::report::{
    CommitRef, DependencyPath, MAX_PATHS, MAX_VALUES, Match, MatchEvent, MatchedBy, RefRef,
};
use diligence_finding::PackageRef;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// The lockfiles of one commit: `(path index, unit index)`, sorted.
pub type CommitUnits = Arc<Vec<(u32, u32)>>;

struct Acc {
    key: HitKey,
    events: Vec<(&'static str, usize, Vec<u32>, bool)>,
    commits: usize,
    last: Option<usize>,
    lockfiles: BTreeSet<u32>,
    seen_units: BTreeSet<(u32, u32)>,
}

/// Builds the matches of one repository. `matched_by` describes a hit key; `names` gives
/// `git name-rev` names for commit ids.
pub fn matches(
    history: &History,
    commit_units: &[CommitUnits],
    results: &[UnitResult],
    refs: &[RefTip],
    matched_by: &dyn Fn(&HitKey) -> MatchedBy,
    names: &dyn Fn(&[String]) -> HashMap<String, String>,
) -> Vec<Match> {
    // Intern hit keys; per unit, the key ids it holds (sorted).
    let mut key_ids: HashMap<&HitKey, u32> = HashMap::new();
    let mut keys: Vec<&HitKey> = Vec::new();
    let unit_keys: Vec<Vec<u32>> = results
        .iter()
        .map(|r| {
            let mut ids: Vec<u32> = r
                .hits
                .iter()
                .map(|(k, _)| {
                    *key_ids.entry(k).or_insert_with(|| {
                        keys.push(k);
                        (keys.len() - 1) as u32
                    })
                })
                .collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    if keys.is_empty() {
        return Vec::new();
    }
    // Per commit: sorted (key, path) pairs; commits sharing their lockfiles share them.
    type Units = Vec<(u32, u32)>;
    let mut by_units: HashMap<*const Units, Arc<Units>> = HashMap::new();
    let commit_hits: Vec<Arc<Vec<(u32, u32)>>> = commit_units
        .iter()
        .map(|units| {
            by_units
                .entry(Arc::as_ptr(units))
                .or_insert_with(|| {
                    let mut v: Vec<(u32, u32)> = units
                        .iter()
                        .flat_map(|&(path, unit)| {
                            unit_keys[unit as usize].iter().map(move |&k| (k, path))
                        })
                        .collect();
                    v.sort_unstable();
                    v.dedup();
                    Arc::new(v)
                })
                .clone()
        })
        .collect();
    let mut accs: Vec<Acc> = keys
        .iter()
        .map(|k| Acc {
            key: (*k).clone(),
            events: Vec::new(),
            commits: 0,
            last: None,
            lockfiles: BTreeSet::new(),
            seen_units: BTreeSet::new(),
        })
        .collect();
    let order_key = |i: usize| (history.commits[i].commit_time, i);
    for (i, commit) in history.commits.iter().enumerate() {
        let cur = &commit_hits[i];
        for (k, paths) in group(cur) {
            let acc = &mut accs[k as usize];
            acc.commits += 1;
            if acc.last.is_none_or(|l| order_key(l) < order_key(i)) {
                acc.last = Some(i);
            }
            acc.lockfiles.extend(paths.iter().copied());
            let in_parent = |p: usize| has_key(&commit_hits[p], k);
            if !commit.parents.iter().any(|&p| in_parent(p)) {
                acc.events
                    .push(("introduced", i, paths.clone(), commit.boundary));
            } else if let Some(&p) = commit.parents.first()
                && in_parent(p)
                && paths_of(&commit_hits[p], k) != paths
            {
                acc.events.push(("moved", i, paths.clone(), false));
            }
        }
        // Removals: keys some parent locked that this commit does not.
        let mut removed: BTreeSet<u32> = BTreeSet::new();
        for &p in &commit.parents {
            for (k, _) in group(&commit_hits[p]) {
                if !has_key(cur, k) {
                    removed.insert(k);
                }
            }
        }
        for k in removed {
            let paths = commit
                .parents
                .iter()
                .map(|&p| paths_of(&commit_hits[p], k))
                .find(|p| !p.is_empty())
                .unwrap_or_default();
            accs[k as usize].events.push(("removed", i, paths, false));
        }
        // Units whose details (dependency path, resolved, integrity) feed each key.
        for &(path, unit) in commit_units[i].iter() {
            for &k in &unit_keys[unit as usize] {
                accs[k as usize].seen_units.insert((path, unit));
            }
        }
    }
    // Refs whose tip still locks each key.
    let mut still: HashMap<u32, Vec<RefRef>> = HashMap::new();
    for r in refs {
        let Some(&i) = history.index.get(&r.commit) else {
            continue;
        };
        for (k, _) in group(&commit_hits[i]) {
            still.entry(k).or_default().push(RefRef {
                name: r.name.clone(),
                commit: r.commit.clone(),
            });
        }
    }
    // Names for every commit a report shows.
    let mut shown: BTreeSet<usize> = BTreeSet::new();
    for acc in &accs {
        shown.extend(acc.events.iter().map(|e| e.1));
        shown.extend(acc.last);
    }
    let ids: Vec<String> = shown
        .iter()
        .map(|&i| history.commits[i].id.clone())
        .collect();
    let named = names(&ids);
    let commit_ref = |i: usize| {
        let c = &history.commits[i];
        CommitRef {
            id: c.id.clone(),
            author: c.author.clone(),
            email: c.email.clone(),
            date: rfc3339(c.author_time),
            committed: rfc3339(c.commit_time),
            subject: c.subject.clone(),
            on: named.get(&c.id).cloned(),
            order: i,
            commit_time: c.commit_time,
        }
    };
    let path_str = |ids: &[u32]| -> Vec<String> {
        let mut v: Vec<String> = ids
            .iter()
            .map(|&p| history.paths[p as usize].clone())
            .collect();
        v.sort();
        v
    };
    let mut out: Vec<Match> = Vec::with_capacity(accs.len());
    for (k, acc) in accs.into_iter().enumerate() {
        let mut events: Vec<MatchEvent> = acc
            .events
            .iter()
            .map(|(event, i, paths, window)| MatchEvent {
                event,
                commit: commit_ref(*i),
                lockfiles: path_str(paths),
                at_window_start: *window,
            })
            .collect();
        events.sort_by_key(|e| (e.commit.commit_time, e.commit.order));
        let Some(first) = events
            .iter()
            .find(|e| e.event == "introduced")
            .map(|e| e.commit.clone())
        else {
            continue;
        };
        let details: Vec<(u32, &HitDetail)> = acc
            .seen_units
            .iter()
            .filter_map(|&(path, unit)| {
                results[unit as usize]
                    .hits
                    .iter()
                    .find(|(hk, _)| *hk == acc.key)
                    .map(|(_, d)| (path, d))
            })
            .collect();
        let mut paths: BTreeSet<DependencyPath> = BTreeSet::new();
        let mut resolved: BTreeSet<String> = BTreeSet::new();
        let mut integrity: BTreeSet<String> = BTreeSet::new();
        for (path, d) in details {
            if let Some((importer, chain)) = &d.path {
                paths.insert(DependencyPath {
                    lockfile: history.paths[path as usize].clone(),
                    importer: importer.clone(),
                    path: chain.clone(),
                });
            }
            resolved.extend(d.resolved.clone());
            integrity.extend(d.integrity.clone());
        }
        let mut dependency_paths: Vec<DependencyPath> = paths.into_iter().collect();
        dependency_paths.sort_by(|a, b| (a.path.len(), a).cmp(&(b.path.len(), b)));
        dependency_paths.truncate(MAX_PATHS);
        let mut still_in = still.remove(&(k as u32)).unwrap_or_default();
        still_in.sort_by(|a, b| a.name.cmp(&b.name));
        let last = acc.last.map(commit_ref).unwrap_or_else(|| first.clone());
        out.push(Match {
            package: PackageRef {
                name: acc.key.name.clone(),
                version: acc.key.version.clone(),
            },
            matched_by: matched_by(&acc.key),
            first,
            last,
            events,
            still_in,
            lockfiles: path_str(&acc.lockfiles.iter().copied().collect::<Vec<_>>()),
            dependency_paths,
            commits: acc.commits,
            resolved: resolved.into_iter().take(MAX_VALUES).collect(),
            integrity: integrity.into_iter().take(MAX_VALUES).collect(),
        });
    }
    out.sort_by(|a, b| {
        (
            a.first.commit_time,
            a.first.order,
            &a.package,
            &a.matched_by.value,
        )
            .cmp(&(
                b.first.commit_time,
                b.first.order,
                &b.package,
                &b.matched_by.value,
            ))
    });
    out
}

/// Groups sorted `(key, path)` pairs by key.
fn group(pairs: &[(u32, u32)]) -> Vec<(u32, Vec<u32>)> {
    let mut out: Vec<(u32, Vec<u32>)> = Vec::new();
    for &(k, p) in pairs {
        match out.last_mut() {
            Some((last, paths)) if *last == k => paths.push(p),
            _ => out.push((k, vec![p])),
        }
    }
    out
}

fn has_key(pairs: &[(u32, u32)], k: u32) -> bool {
    let i = pairs.partition_point(|&(x, _)| x < k);
    pairs.get(i).is_some_and(|&(x, _)| x == k)
}

fn paths_of(pairs: &[(u32, u32)], k: u32) -> Vec<u32> {
    let i = pairs.partition_point(|&(x, _)| x < k);
    pairs[i..]
        .iter()
        .take_while(|&&(x, _)| x == k)
        .map(|&(_, p)| p)
        .collect()
}

/// RFC 3339 UTC for a Unix time; times before 1970 (only a forged commit has them) show as
/// the epoch.
pub fn rfc3339(t: i64) -> String {
    diligence_advisory::format_unix(t.max(0) as u64)
}
