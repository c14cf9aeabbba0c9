//! The files on the pull request's side of the trust boundary: `diligence.toml` (the review
//! policy) and `.npmrc` (registries, credentials, TLS). `diff` reads both at the base and the
//! head; [`compare_config`] says what the head changed, for `diff/config-changed`.
//!
//! Only setting names are kept (`registry`, `//host/:_authToken`, `[rules."id"]`), never
//! values: an `.npmrc` line may hold a token.

use crate::DiffError;
use crate::git;
use std::collections::BTreeSet;
use std::path::Path;

/// The configuration files a pull request must not change unreviewed, by name in the project
/// folder: diligence's policy, and the package managers' settings that choose the registry,
/// send credentials, turn off checksums or run code at install (`.yarnrc.yml`'s
/// `npmRegistryServer`/`checksumBehavior`/`yarnPath`, `.yarnrc`'s `registry`/`yarn-path`,
/// `.pnpmfile.cjs` hooks that rewrite every manifest, `bunfig.toml`'s `[install]` registry).
pub const TRUST_FILES: [&str; 6] = [
    "diligence.toml",
    ".npmrc",
    ".yarnrc.yml",
    ".yarnrc",
    ".pnpmfile.cjs",
    "bunfig.toml",
];

/// Largest trust-boundary file read (1 MiB): real ones are a few hundred bytes.
pub const MAX_CONFIG_BYTES: u64 = diligence_lockfile::bounded::MAX_CONFIG_BYTES;

/// Most setting names one change lists.
const MAX_KEYS: usize = 20;

/// Longest setting name shown, in characters.
const MAX_KEY_CHARS: usize = 120;

/// How the head differs from the base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigChangeKind {
    Added,
    Changed,
    Removed,
}

/// One trust-boundary file the head adds, changes or removes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigChange {
    /// The file as findings name it (relative to the repository root, `/`-separated).
    pub file: String,
    pub kind: ConfigChangeKind,
    /// The names of the settings on lines only one side has (`key` of `key = value`, a
    /// `[section]` header), in file order (head first), at most 20; never values.
    pub keys: Vec<String>,
    /// The 1-based head line of the first added setting, 0 when none (a removal).
    pub line: u32,
}

/// What the head did to `file` (`None`: the bytes are the same, or absent on both sides).
pub fn compare_config(
    file: &str,
    base: Option<&[u8]>,
    head: Option<&[u8]>,
) -> Option<ConfigChange> {
    let kind = match (base, head) {
        (None, None) => return None,
        (Some(b), Some(h)) if b == h => return None,
        (None, Some(_)) => ConfigChangeKind::Added,
        (Some(_), None) => ConfigChangeKind::Removed,
        (Some(_), Some(_)) => ConfigChangeKind::Changed,
    };
    let base_lines = settings(base.unwrap_or_default());
    let head_lines = settings(head.unwrap_or_default());
    let in_base: BTreeSet<&str> = base_lines.iter().map(|(_, l)| *l).collect();
    let in_head: BTreeSet<&str> = head_lines.iter().map(|(_, l)| *l).collect();
    let added: Vec<&(u32, &str)> = head_lines
        .iter()
        .filter(|(_, l)| !in_base.contains(l))
        .collect();
    let removed = base_lines.iter().filter(|(_, l)| !in_head.contains(l));
    let mut keys: Vec<String> = Vec::new();
    // A code file (`.pnpmfile.cjs`) has no settings to name: its lines are not listed.
    let code = file.ends_with(".cjs") || file.ends_with(".js");
    for (_, line) in added.iter().copied().chain(removed) {
        if code {
            break;
        }
        let key = key_of(file, line);
        if keys.len() < MAX_KEYS && !keys.contains(&key) {
            keys.push(key);
        }
    }
    Some(ConfigChange {
        file: file.to_string(),
        kind,
        keys,
        line: added.first().map_or(0, |(n, _)| *n),
    })
}

/// `(1-based line, trimmed text)` of every line that is not blank or a comment.
fn settings(bytes: &[u8]) -> Vec<(u32, &str)> {
    let text = std::str::from_utf8(bytes).unwrap_or("");
    text.lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#') && !l.starts_with(';'))
        .collect()
}

/// The setting name of a line of `file`: a `[section]` header whole; in YAML (`.yarnrc.yml`)
/// the text before `:`; in yarn classic's `.yarnrc` (`registry "https://…"`) the first word;
/// else the text before `=`. Control characters dropped, at most 120 characters; never the
/// value.
fn key_of(file: &str, line: &str) -> String {
    let key = if line.starts_with('[') {
        line
    } else if file.ends_with(".yml") || file.ends_with(".yaml") {
        line.trim_start_matches("- ")
            .split(':')
            .next()
            .unwrap_or(line)
            .trim()
    } else if file.ends_with(".yarnrc") {
        line.split([' ', '\t', ':', '='])
            .next()
            .unwrap_or(line)
            .trim()
    } else {
        line.split('=').next().unwrap_or(line).trim()
    };
    key.chars()
        .filter(|c| !c.is_control())
        .take(MAX_KEY_CHARS)
        .collect()
}

/// Whether the working-tree copy of trust file `name` is local configuration rather than
/// content of the change: git does not track it, and it exists in `worktree`. Local files
/// apply as they are (a developer's own `.npmrc`, one CI wrote before the run) and are no
/// finding; a pull request cannot make a file untracked in its checkout.
pub fn is_local(root: &Path, dir_rel: &str, name: &str, worktree: &Path) -> bool {
    worktree.join(name).exists() && !git::is_tracked(root, &join_rel(dir_rel, name))
}

/// The trust-boundary files of the project folder `dir_rel` (relative to the repository root,
/// `""` for the root) at `base` against the head: the revision `head`, or the working tree
/// folder `worktree` when `head` is `None` (files git does not track there are local
/// configuration, [`is_local`], and not compared). Errors: git fails, or a base file is
/// larger than [`MAX_CONFIG_BYTES`] (an oversized head file is reported as changed instead).
pub fn config_changes(
    root: &Path,
    dir_rel: &str,
    base: &str,
    head: Option<&str>,
    worktree: &Path,
) -> Result<Vec<ConfigChange>, DiffError> {
    let mut out = Vec::new();
    for name in TRUST_FILES {
        if head.is_none() && is_local(root, dir_rel, name, worktree) {
            continue;
        }
        let rel = join_rel(dir_rel, name);
        let before = git::show_bounded(root, base, &rel, MAX_CONFIG_BYTES)?;
        let after = match head {
            Some(rev) => git::show_bounded(root, rev, &rel, MAX_CONFIG_BYTES),
            None => read_trust_file(&worktree.join(name)),
        };
        let change = match after {
            Ok(after) => compare_config(&rel, before.as_deref(), after.as_deref()),
            // Too large (or unreadable) to compare: the head changed it, keys unknown.
            Err(_) => Some(ConfigChange {
                file: rel,
                kind: ConfigChangeKind::Changed,
                keys: Vec::new(),
                line: 0,
            }),
        };
        out.extend(change);
    }
    Ok(out)
}

/// The trust-boundary files of two folders (`diff --base-lockfile B --head-lockfile H` in
/// different folders): what the head folder's copy adds, changes or removes, named by the
/// head folder's path. Errors: a base file that cannot be read (over 1 MiB, not a regular
/// file); an unreadable head file is reported as changed.
pub fn config_changes_between(
    base_dir: &Path,
    head_dir: &Path,
) -> Result<Vec<ConfigChange>, DiffError> {
    let mut out = Vec::new();
    for name in TRUST_FILES {
        let before = read_trust_file(&base_dir.join(name))?;
        let head = head_dir.join(name);
        let shown = head.display().to_string();
        let change = match read_trust_file(&head) {
            Ok(after) => compare_config(&shown, before.as_deref(), after.as_deref()),
            Err(_) => Some(ConfigChange {
                file: shown,
                kind: ConfigChangeKind::Changed,
                keys: Vec::new(),
                line: 0,
            }),
        };
        out.extend(change);
    }
    Ok(out)
}

/// `dir/name`, or `name` at the root.
pub fn join_rel(dir_rel: &str, name: &str) -> String {
    match dir_rel {
        "" | "." => name.to_string(),
        dir => format!("{dir}/{name}"),
    }
}

/// A trust-boundary file on disk, at most [`MAX_CONFIG_BYTES`], regular files only; `None`
/// when absent.
pub fn read_trust_file(path: &Path) -> Result<Option<Vec<u8>>, DiffError> {
    use diligence_lockfile::bounded::{BoundedReadError, read_bounded};
    match read_bounded(path, MAX_CONFIG_BYTES) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(BoundedReadError::NotFound) => Ok(None),
        Err(e) => Err(DiffError::Input {
            what: path.display().to_string(),
            message: e.to_string(),
        }),
    }
}
