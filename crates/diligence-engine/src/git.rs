//! Git dependencies, fetched with the `git` CLI into the cache and exported at their locked
//! commit as a tarball for the code scan. Nothing in the repository runs: the cache
//! repository is bare (no checkout, no work tree), created without templates, and every git
//! call disables hooks (`core.hooksPath=/dev/null`), the fsmonitor and the `ext::` transport,
//! never prompts (`GIT_TERMINAL_PROMPT=0`, ssh in batch mode), and ignores the system config.

use crate::settings::Network;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The git URL npm would fetch, from a lockfile's git source: `git+https://…` → `https://…`,
/// `git+ssh://…` → `ssh://…`, hosted shorthands (`github:a/b`, `a/b`) → their https URL; any
/// `#fragment` dropped. `None` for something that is not a git URL.
pub(crate) fn fetch_url(url: &str) -> Option<String> {
    let url = url.split('#').next()?.trim();
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("git+") {
        return Some(url[url.len() - rest.len()..].to_string());
    }
    for (prefix, host) in [
        ("github:", "github.com"),
        ("gitlab:", "gitlab.com"),
        ("bitbucket:", "bitbucket.org"),
    ] {
        if lower.starts_with(prefix) {
            return Some(format!("https://{host}/{}.git", &url[prefix.len()..]));
        }
    }
    if lower.starts_with("git://")
        || lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("ssh://")
        || lower.starts_with("file://")
    {
        return Some(url.to_string());
    }
    let shorthand = url.split('/').count() == 2 && !url.contains(':') && !url.starts_with('.');
    shorthand.then(|| format!("https://github.com/{url}.git"))
}

/// The tree of `commit` from `url` as a gzip'd tarball with entries under `package/`.
/// The repository is kept under `<cache>/git/<sha256 of the URL>` so a second run needs no
/// network. Errors (one line): not a full commit hash, offline and not cached, git missing or
/// failing (its last stderr line).
pub(crate) fn export(
    cache: &Path,
    url: &str,
    commit: &str,
    network: Network,
) -> Result<Vec<u8>, String> {
    if commit.len() < 40 || !commit.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "not pinned to a full commit hash ({commit}): what it installs can change"
        ));
    }
    let fetch = fetch_url(url).ok_or_else(|| format!("{url}: not a git URL"))?;
    let repo = repo_dir(cache, &fetch);
    if !repo.join("HEAD").is_file() {
        std::fs::create_dir_all(&repo).map_err(|e| format!("{}: {e}", repo.display()))?;
        git(&repo, &["init", "-q", "--bare", "--template="])?;
    }
    let have = |r: &Path| git(r, &["cat-file", "-e", &format!("{commit}^{{commit}}")]).is_ok();
    if !have(&repo) {
        if network == Network::Offline {
            return Err(format!(
                "commit {commit} of {fetch} is not in the cache (offline)"
            ));
        }
        let by_hash = git(&repo, &["fetch", "-q", "--depth", "1", &fetch, commit]);
        if by_hash.is_err() || !have(&repo) {
            // Servers that refuse a fetch by hash: fetch the branches and tags.
            git(
                &repo,
                &[
                    "fetch",
                    "-q",
                    &fetch,
                    "+refs/heads/*:refs/remotes/origin/*",
                    "+refs/tags/*:refs/tags/*",
                ],
            )?;
        }
        if !have(&repo) {
            return Err(format!("commit {commit} is not in {fetch}"));
        }
    }
    git(
        &repo,
        &["archive", "--format=tar.gz", "--prefix=package/", commit],
    )
}

fn repo_dir(cache: &Path, url: &str) -> PathBuf {
    let key = hex::encode(Sha256::digest(url.as_bytes()));
    cache.join("git").join(&key[..32])
}

/// Runs git in `repo` with hooks, fsmonitor, prompts and the system config off. Returns
/// stdout; errors carry git's last stderr line.
fn git(repo: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "protocol.ext.allow=never",
            "-c",
            "uploadpack.allowAnySHA1InWant=true",
        ])
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_SSH_COMMAND", "ssh -oBatchMode=yes")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    Err(format!(
        "git {}: {}",
        args.first().unwrap_or(&""),
        last.trim()
    ))
}

#[cfg(test)]
mod tests {
    use super::fetch_url;

    #[test]
    fn npm_git_urls() {
        assert_eq!(
            fetch_url("git+https://github.com/a/b.git#0123").as_deref(),
            Some("https://github.com/a/b.git")
        );
        assert_eq!(
            fetch_url("git+ssh://git@github.com/a/b.git").as_deref(),
            Some("ssh://git@github.com/a/b.git")
        );
        assert_eq!(
            fetch_url("github:a/b").as_deref(),
            Some("https://github.com/a/b.git")
        );
        assert_eq!(
            fetch_url("a/b").as_deref(),
            Some("https://github.com/a/b.git")
        );
        assert_eq!(fetch_url("../x"), None);
    }
}
