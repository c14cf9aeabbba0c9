//! The history walk: every commit of the refs hunted, parents before children, with the
//! lockfiles (and the `package.json` beside each) its tree holds.
//!
//! A commit's files are its first parent's with the commit's `--raw` changes applied (git
//! diffs against the first parent, so a merge gets what the merge brought from the other
//! side). Commits whose first parent is outside the walk (`--since`, a shallow clone's cut) read
//! their whole tree with `ls-tree` instead. Renames are seen as a delete and an add
//! (`--no-renames`), which is exact: the lockfile at the new path is a lockfile like any other.
//!
//! Only paths git stores as regular files are read; a lockfile that is a symlink or a
//! submodule is recorded so the hunt can say it was not evaluated. Paths under a
//! `node_modules` folder are skipped (installed copies, not the project's lockfiles).

use crate::HuntError;
use crate::git::{Git, LogRecord, RawChange};
use diligence_lockfile::LOCKFILE_NAMES;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A commit's tracked changes: (interned path, the file entry after the change; `None` when
/// deleted).
type TrackedChanges = Vec<(u32, Option<FileEntry>)>;

/// One commit of the walk.
#[derive(Debug, Clone)]
pub struct Commit {
    pub id: String,
    /// Indices of the parents that are in the walk.
    pub parents: Vec<usize>,
    /// Some parent is outside the walk (`--since`), or the commit sits on a shallow clone's
    /// cut: what it locks may predate it.
    pub boundary: bool,
    pub author: String,
    pub email: String,
    pub author_time: i64,
    pub commit_time: i64,
    pub subject: String,
}

/// A tracked file in a commit's tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileEntry {
    /// Index into [`History::blobs`].
    pub blob: u32,
    /// Git mode (`0o100644`, `0o100755`, `0o120000` symlink, `0o160000` submodule).
    pub mode: u32,
}

/// Tracked files of one commit: path index to entry.
pub type Files = Arc<BTreeMap<u32, FileEntry>>;

/// The walked history.
#[derive(Debug, Default)]
pub struct History {
    /// Topological order, parents first.
    pub commits: Vec<Commit>,
    /// Tracked files per commit (shared between commits that do not change them).
    pub files: Vec<Files>,
    /// Interned paths (`/`-separated, lossily decoded when not UTF-8).
    pub paths: Vec<String>,
    /// Interned blob ids (hex).
    pub blobs: Vec<String>,
    /// Commit id to index.
    pub index: HashMap<String, usize>,
}

/// True for the file names a hunt tracks: lockfiles and `package.json`, outside `node_modules`.
fn tracked(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    (name == "package.json" || LOCKFILE_NAMES.contains(&name))
        && !path.split('/').any(|c| c == "node_modules")
}

struct Interner {
    ids: HashMap<String, u32>,
    values: Vec<String>,
}

impl Interner {
    fn new() -> Self {
        Interner {
            ids: HashMap::new(),
            values: Vec::new(),
        }
    }
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.values.len() as u32;
        self.ids.insert(s.to_string(), i);
        self.values.push(s.to_string());
        i
    }
}

/// Walks `tips` (commit ids). `max_age`: committer time lower bound (seconds). `cut`: the
/// commits a shallow clone cut below.
pub fn walk(
    git: &Git,
    tips: &[String],
    max_age: Option<i64>,
    cut: &[String],
) -> Result<History, HuntError> {
    let mut paths = Interner::new();
    let mut blobs = Interner::new();
    // Phase 1: read the log, keeping only tracked changes.
    let mut records: Vec<(LogRecord, TrackedChanges)> = Vec::new();
    let mut stream = git.log(tips, max_age)?;
    while let Some(mut rec) = stream.next_record()? {
        let changes = std::mem::take(&mut rec.changes);
        let kept = intern_changes(changes, &mut paths, &mut blobs);
        records.push((rec, kept));
    }
    let mut index: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for (i, (rec, _)) in records.iter().enumerate() {
        index.insert(rec.id.clone(), i);
    }
    // How many children in the walk still need each commit's files.
    let mut pending_children = vec![0usize; records.len()];
    for (rec, _) in &records {
        if let Some(&p) = rec.parents.first().and_then(|p| index.get(p)) {
            pending_children[p] += 1;
        }
    }
    // Phase 2: files per commit, parents first.
    let empty: Files = Arc::new(BTreeMap::new());
    let mut live: Vec<Option<Files>> = vec![None; records.len()];
    let mut files: Vec<Files> = Vec::with_capacity(records.len());
    let mut commits = Vec::with_capacity(records.len());
    for (i, (rec, changes)) in records.into_iter().enumerate() {
        let parents: Vec<usize> = rec
            .parents
            .iter()
            .filter_map(|p| index.get(p).copied())
            .collect();
        let first_in_walk = rec.parents.first().and_then(|p| index.get(p)).copied();
        let on_cut = cut.contains(&rec.id);
        let boundary = parents.len() < rec.parents.len() || on_cut;
        let base = match first_in_walk {
            Some(p) => live[p].clone(),
            None if rec.parents.is_empty() => Some(empty.clone()),
            None => None,
        };
        let state = match base {
            Some(base) if changes.is_empty() => base,
            Some(base) => {
                let mut map = (*base).clone();
                apply(&mut map, changes);
                Arc::new(map)
            }
            // The first parent is outside the walk: read the whole tree.
            None => {
                let tree = git.ls_tree(&rec.id)?;
                let mut map = BTreeMap::new();
                apply(&mut map, intern_changes(tree, &mut paths, &mut blobs));
                Arc::new(map)
            }
        };
        if let Some(p) = first_in_walk {
            pending_children[p] -= 1;
            if pending_children[p] == 0 {
                live[p] = None;
            }
        }
        if pending_children[i] > 0 {
            live[i] = Some(state.clone());
        }
        files.push(state);
        commits.push(Commit {
            id: rec.id,
            parents,
            boundary,
            author: rec.author,
            email: rec.email,
            author_time: rec.author_time,
            commit_time: rec.commit_time,
            subject: rec.subject,
        });
    }
    Ok(History {
        commits,
        files,
        paths: paths.values,
        blobs: blobs.values,
        index,
    })
}

fn intern_changes(
    changes: Vec<RawChange>,
    paths: &mut Interner,
    blobs: &mut Interner,
) -> Vec<(u32, Option<FileEntry>)> {
    changes
        .into_iter()
        .filter_map(|c| {
            let path = String::from_utf8_lossy(&c.path);
            if !tracked(&path) {
                return None;
            }
            let entry = c.blob.as_deref().map(|b| FileEntry {
                blob: blobs.get(b),
                mode: c.mode,
            });
            Some((paths.get(&path), entry))
        })
        .collect()
}

fn apply(map: &mut BTreeMap<u32, FileEntry>, changes: Vec<(u32, Option<FileEntry>)>) {
    for (path, entry) in changes {
        match entry {
            Some(e) => {
                map.insert(path, e);
            }
            None => {
                map.remove(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_lockfiles_and_manifests_outside_node_modules() {
        assert!(tracked("package-lock.json"));
        assert!(tracked("apps/web/pnpm-lock.yaml"));
        assert!(tracked("apps/web/package.json"));
        assert!(tracked("bun.lockb"));
        assert!(!tracked("node_modules/a/package-lock.json"));
        assert!(!tracked("apps/node_modules/a/yarn.lock"));
        assert!(!tracked("docs/package-lock.json.bak"));
        assert!(!tracked("yarn.lock/x"));
    }
}
