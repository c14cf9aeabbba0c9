//! Git repositories scripted by tests with the `git` command-line tool: files written,
//! commits made with exact author and committer names and dates (so reports can be asserted
//! exactly), branches, merges, moves and tags.
//!
//! Every command runs with the user's and the system's git configuration ignored
//! (`GIT_CONFIG_GLOBAL=/dev/null`, `GIT_CONFIG_NOSYSTEM=1`), so a signing key or a hook
//! configured on the machine never changes a fixture. Failures panic with git's stderr:
//! fixtures are test set-up.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scripted repository in a folder the caller owns (e.g. a `tempfile::TempDir`).
#[derive(Debug, Clone)]
pub struct FixtureRepo {
    pub dir: PathBuf,
}

/// An author (and committer): name and email.
pub type Who<'a> = (&'a str, &'a str);

impl FixtureRepo {
    /// `git init` on branch `main` in `dir` (created when missing).
    pub fn init(dir: &Path) -> FixtureRepo {
        std::fs::create_dir_all(dir).expect("fixture folder");
        let repo = FixtureRepo {
            dir: dir.to_path_buf(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn command(&self) -> Command {
        let mut c = Command::new("git");
        c.current_dir(&self.dir)
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE")
            .args([
                "-c",
                "user.name=Fixture",
                "-c",
                "user.email=fixture@example.invalid",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "tag.gpgsign=false",
                "-c",
                "core.autocrlf=false",
            ]);
        c
    }

    /// Runs `git ARGS…` in the repository and returns stdout (trimmed). Panics on failure.
    pub fn git(&self, args: &[&str]) -> String {
        let out = self.command().args(args).output().expect("run git");
        assert!(
            out.status.success(),
            "git {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Writes a file (folders created), relative to the repository.
    pub fn write(&self, path: &str, content: impl AsRef<[u8]>) -> &Self {
        let p = self.dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("fixture folder");
        }
        std::fs::write(p, content).expect("fixture file");
        self
    }

    /// `git mv FROM TO` (folders for TO created).
    pub fn mv(&self, from: &str, to: &str) -> &Self {
        if let Some(parent) = self.dir.join(to).parent() {
            std::fs::create_dir_all(parent).expect("fixture folder");
        }
        self.git(&["mv", from, to]);
        self
    }

    /// `git rm -q PATH`.
    pub fn rm(&self, path: &str) -> &Self {
        self.git(&["rm", "-q", path]);
        self
    }

    /// Stages everything and commits as `who` at `date` (`YYYY-MM-DDTHH:MM:SS`, UTC) for both
    /// author and committer. Returns the commit id.
    pub fn commit(&self, who: Who<'_>, date: &str, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.with_identity(who, date)
            .args(["commit", "-q", "--allow-empty", "-m", message])
            .status()
            .expect("run git commit")
            .success()
            .then_some(())
            .expect("git commit");
        self.git(&["rev-parse", "HEAD"])
    }

    /// `git merge --no-ff BRANCH` as `who` at `date`. Returns the merge commit id.
    pub fn merge(&self, branch: &str, who: Who<'_>, date: &str, message: &str) -> String {
        let out = self
            .with_identity(who, date)
            .args(["merge", "-q", "--no-ff", "-m", message, branch])
            .output()
            .expect("run git merge");
        assert!(
            out.status.success(),
            "git merge {branch}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        self.git(&["rev-parse", "HEAD"])
    }

    fn with_identity(&self, who: Who<'_>, date: &str) -> Command {
        let date = format!("{date} +0000");
        let mut c = self.command();
        c.env("GIT_AUTHOR_NAME", who.0)
            .env("GIT_AUTHOR_EMAIL", who.1)
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_NAME", who.0)
            .env("GIT_COMMITTER_EMAIL", who.1)
            .env("GIT_COMMITTER_DATE", &date);
        c
    }

    /// `git checkout -q -b NAME` (a new branch at HEAD).
    pub fn branch(&self, name: &str) -> &Self {
        self.git(&["checkout", "-q", "-b", name]);
        self
    }

    /// `git checkout -q NAME`.
    pub fn checkout(&self, name: &str) -> &Self {
        self.git(&["checkout", "-q", name]);
        self
    }

    /// A lightweight tag at HEAD.
    pub fn tag(&self, name: &str) -> &Self {
        self.git(&["tag", name]);
        self
    }
}
