//! Reading lockfiles at git revisions through the `git` command-line tool (`git show REV:path`),
//! so the user's git configuration, worktrees and partial clones all work as they do for git.

use crate::DiffError;
use diligence_graph::DependencyGraph;
use diligence_lockfile::Manifest;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `git -C dir ARGS…` and returns stdout. Errors name the command and git's first
/// stderr line.
fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, DiffError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| DiffError::Git {
            command: format!("git {}", args.join(" ")),
            message: format!("cannot run git: {e}"),
        })?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    Err(DiffError::Git {
        command: format!("git {}", args.join(" ")),
        message: stderr.lines().next().unwrap_or("failed").trim().to_string(),
    })
}

fn git_text(dir: &Path, args: &[&str]) -> Result<String, DiffError> {
    Ok(String::from_utf8_lossy(&git(dir, args)?).trim().to_string())
}

/// The top folder of the repository that contains `dir`.
pub fn repo_root(dir: &Path) -> Result<PathBuf, DiffError> {
    git_text(dir, &["rev-parse", "--show-toplevel"]).map(PathBuf::from)
}

/// The default base revision: the merge base of `HEAD` with its upstream branch when one is
/// configured, else `HEAD~1`. Returned as a commit id.
pub fn default_base(dir: &Path) -> Result<String, DiffError> {
    if let Ok(base) = git_text(dir, &["merge-base", "HEAD", "@{upstream}"]) {
        return Ok(base);
    }
    git_text(dir, &["rev-parse", "--verify", "HEAD~1^{commit}"])
}

/// The bytes of `rel` (path relative to the repository root, `/`-separated) at `rev`;
/// `Ok(None)` when the file does not exist at that revision (a lockfile added by the PR).
pub fn show(root: &Path, rev: &str, rel: &str) -> Result<Option<Vec<u8>>, DiffError> {
    git_text(
        root,
        &["rev-parse", "--verify", &format!("{rev}^{{commit}}")],
    )?;
    let spec = format!("{rev}:{rel}");
    match git(root, &["cat-file", "-e", &spec]) {
        Ok(_) => git(root, &["show", &spec]).map(Some),
        Err(_) => Ok(None),
    }
}

/// Whether git tracks `rel` (relative to the repository root, `/`-separated): it is in the
/// index. An untracked file in the working tree (a developer's local `.npmrc`, one CI wrote
/// before the run) is not part of any revision.
pub fn is_tracked(root: &Path, rel: &str) -> bool {
    git(root, &["ls-files", "--error-unmatch", "--", rel]).is_ok()
}

/// [`show`] for a file of at most `limit` bytes: its size is asked first (`git cat-file -s`),
/// so an oversized blob is never read. Errors: as [`show`], or [`DiffError::Input`] when
/// the file is larger than `limit`.
pub fn show_bounded(
    root: &Path,
    rev: &str,
    rel: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, DiffError> {
    git_text(
        root,
        &["rev-parse", "--verify", &format!("{rev}^{{commit}}")],
    )?;
    let spec = format!("{rev}:{rel}");
    if git(root, &["cat-file", "-e", &spec]).is_err() {
        return Ok(None);
    }
    let size = git_text(root, &["cat-file", "-s", &spec])?;
    let too_large = size.parse::<u64>().map_or(true, |n| n > limit);
    if too_large {
        return Err(DiffError::Input {
            what: spec,
            message: format!("is {size} bytes, over the {limit} byte limit"),
        });
    }
    git(root, &["cat-file", "blob", &spec]).map(Some)
}

/// Parses the lockfile `rel` as it is at `rev` (with the `package.json` beside it at the same
/// revision). The graph's lockfile path is `rel`, so findings of both sides point at the same
/// file. A lockfile missing at `rev` is an empty graph of the same format (everything in
/// the other side is "added").
pub fn read_at(root: &Path, rev: &str, rel: &str) -> Result<Option<DependencyGraph>, DiffError> {
    let Some(bytes) = show(root, rev, rel)? else {
        return Ok(None);
    };
    let path = Path::new(rel);
    let text = std::str::from_utf8(&bytes).map_err(|e| DiffError::Input {
        what: format!("{rev}:{rel}"),
        message: format!("not valid UTF-8 at byte {}", e.valid_up_to()),
    })?;
    let manifest_rel = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(p) => format!("{}/package.json", p.display()),
        None => "package.json".to_string(),
    };
    let manifest = match show(root, rev, &manifest_rel)? {
        Some(m) => {
            let text = String::from_utf8_lossy(&m);
            Some(Manifest::parse(&text).map_err(|message| DiffError::Input {
                what: format!("{rev}:{manifest_rel}"),
                message,
            })?)
        }
        None => None,
    };
    let graph = diligence_lockfile::parse_lockfile(
        path,
        text.trim_start_matches('\u{feff}'),
        manifest.as_ref(),
    )
    .map_err(|e| DiffError::Input {
        what: format!("at {rev}"),
        message: e.to_string(),
    })?;
    Ok(Some(graph))
}

/// `path` relative to `root`, `/`-separated (both are canonicalised first).
pub fn relative_to(root: &Path, path: &Path) -> Result<String, DiffError> {
    let canon = |p: &Path| {
        p.canonicalize().map_err(|e| DiffError::Input {
            what: p.display().to_string(),
            message: e.to_string(),
        })
    };
    let (root, path) = (canon(root)?, canon(path)?);
    let rel = path.strip_prefix(&root).map_err(|_| DiffError::Input {
        what: path.display().to_string(),
        message: format!("is outside the git repository {}", root.display()),
    })?;
    Ok(rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}
