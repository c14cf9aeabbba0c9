//! The repository, read through the `git` command-line tool as hostile input.
//!
//! Why the CLI and not a crate: `git log --raw` walks and diffs history in C with the
//! commit-graph, and `git cat-file --batch` streams blobs through one process with git's
//! delta-base cache; on the 1,000-commit bench history the whole walk plus reading every
//! distinct lockfile blob costs less CPU than parsing them (see the crate docs and
//! `scripts/bench-hunt.sh`). It also honours the user's object storage as git does
//! (alternates, packs, commit-graph) with no extra dependency.
//!
//! Every command runs with:
//! - no hooks (`core.hooksPath=/dev/null`), no fsmonitor, no signature verification (a
//!   repository's `gpg.program` is never started), no pager, no external diff or textconv;
//! - `--no-replace-objects`: objects are read as stored, so `refs/replace/` cannot hide history;
//! - no network: `GIT_NO_LAZY_FETCH=1` (a partial clone's missing blob is an error, reported
//!   as not evaluated, never fetched), `protocol.allow=never`, no terminal prompt;
//! - no optional locks (`GIT_OPTIONAL_LOCKS=0`): nothing in the repository is written;
//! - the caller's `GIT_DIR`, `GIT_WORK_TREE`, `GIT_INDEX_FILE` and object-directory variables
//!   removed, so the folder given is the repository read.
//!
//! Nothing is checked out; paths from the repository are never passed to git as arguments
//! (only object ids are), and they are never used to touch the file system.

use crate::HuntError;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

/// Environment variables of the caller that would redirect git to another repository.
const SCRUBBED_ENV: [&str; 9] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_REPLACE_REF_BASE",
];

/// A repository folder, read with the `git` CLI.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
}

/// One ref and the commit it resolves to (annotated tags peeled).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefTip {
    /// Full name (`refs/heads/main`, `refs/tags/v1.0`), or `HEAD`.
    pub name: String,
    /// Commit id (hex).
    pub commit: String,
}

/// One commit of `git log` with the changes to its first parent, as read from the stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogRecord {
    pub id: String,
    pub parents: Vec<String>,
    pub author: String,
    pub email: String,
    /// Author time, seconds since the Unix epoch.
    pub author_time: i64,
    /// Committer time, seconds since the Unix epoch.
    pub commit_time: i64,
    pub subject: String,
    /// Changed paths against the first parent (all files for a root commit).
    pub changes: Vec<RawChange>,
}

/// One line of `--raw` output: the new side of a changed path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawChange {
    /// Path bytes as stored in the tree (not necessarily UTF-8).
    pub path: Vec<u8>,
    /// New mode (`0` when deleted).
    pub mode: u32,
    /// New blob id; `None` when deleted.
    pub blob: Option<String>,
}

/// Type and size of an object, from `cat-file --batch-check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectInfo {
    Blob {
        size: u64,
    },
    /// Some other type (a tree or commit where a blob was expected).
    Other,
    /// Not in the object store (a partial or damaged clone).
    Missing,
}

impl Git {
    /// Opens the repository that contains `dir` (bare or not). Errors: not a folder, not in a
    /// git repository, git not installed, or git refusing it (e.g. `safe.directory`).
    pub fn open(dir: &Path) -> Result<Git, HuntError> {
        if !dir.is_dir() {
            return Err(HuntError::Repository {
                path: dir.to_path_buf(),
                message: "is not a folder".into(),
            });
        }
        let git = Git {
            dir: dir.to_path_buf(),
        };
        git.run(&["rev-parse", "--git-dir"])
            .map_err(|e| HuntError::Repository {
                path: dir.to_path_buf(),
                message: e.to_string(),
            })?;
        Ok(git)
    }

    /// The folder as given.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A hardened `git` command for this repository (see the module docs).
    fn command(&self) -> Command {
        let mut c = Command::new("git");
        for var in SCRUBBED_ENV {
            c.env_remove(var);
        }
        c.env("GIT_NO_LAZY_FETCH", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env("GIT_PAGER", "cat")
            .env("GIT_NO_REPLACE_OBJECTS", "1")
            .args([
                "--no-pager",
                "--no-replace-objects",
                "-c",
                "core.hooksPath=/dev/null",
                "-c",
                "core.fsmonitor=false",
                "-c",
                "log.showSignature=false",
                "-c",
                "protocol.allow=never",
                "-c",
                "core.quotePath=false",
                "-C",
            ])
            .arg(&self.dir)
            .stdin(Stdio::null());
        c
    }

    /// Runs `git ARGS…` and returns stdout. Errors name the command and git's first stderr line.
    pub(crate) fn run(&self, args: &[&str]) -> Result<Vec<u8>, HuntError> {
        let out = self
            .command()
            .args(args)
            .output()
            .map_err(|e| git_error(args, format!("cannot run git: {e}")))?;
        if out.status.success() {
            return Ok(out.stdout);
        }
        Err(git_error(args, first_line(&out.stderr)))
    }

    /// The refs a hunt reports on and may walk: local branches, tags, remote-tracking
    /// branches and pull-request refs (`refs/pull/*`, as GitHub clones fetch them with the
    /// right refspec), each resolved to a commit; refs that do not resolve to a commit (a tag
    /// of a tree or blob) are left out. Then `HEAD` when it names a commit.
    pub fn refs(&self) -> Result<Vec<RefTip>, HuntError> {
        let out = self.run(&[
            "for-each-ref",
            "--format=%(refname)",
            "refs/heads",
            "refs/tags",
            "refs/remotes",
            "refs/pull",
        ])?;
        let mut names: Vec<String> = String::from_utf8_lossy(&out)
            .lines()
            .filter(|l| !l.is_empty() && !l.ends_with("/HEAD"))
            .map(str::to_string)
            .collect();
        names.push("HEAD".into());
        let queries: Vec<String> = names.iter().map(|n| format!("{n}^{{commit}}")).collect();
        let resolved = self.batch_check(&queries)?;
        Ok(names
            .into_iter()
            .zip(resolved)
            .filter_map(|(name, r)| r.map(|(commit, _)| RefTip { name, commit }))
            .collect())
    }

    /// The branch `HEAD` points at (`refs/heads/main`), `None` when detached.
    pub fn head_branch(&self) -> Option<String> {
        let out = self.run(&["symbolic-ref", "-q", "HEAD"]).ok()?;
        let s = String::from_utf8_lossy(&out).trim().to_string();
        (!s.is_empty()).then_some(s)
    }

    /// The commits a shallow clone cut off below (`.git/shallow`); empty when not shallow.
    pub fn shallow_commits(&self) -> Result<Vec<String>, HuntError> {
        let out = self.run(&["rev-parse", "--is-shallow-repository"])?;
        if String::from_utf8_lossy(&out).trim() != "true" {
            return Ok(Vec::new());
        }
        let path = self.run(&["rev-parse", "--git-path", "shallow"])?;
        let path = PathBuf::from(String::from_utf8_lossy(&path).trim());
        let path = if path.is_absolute() {
            path
        } else {
            self.dir.join(path)
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        Ok(text.lines().map(|l| l.trim().to_string()).collect())
    }

    /// Streams `git log` over the history of `tips` (commit ids), parents before children,
    /// each commit with its raw changes against its first parent (all files for a root).
    /// `max_age`: only commits with a committer time at or after it (seconds).
    pub fn log(&self, tips: &[String], max_age: Option<i64>) -> Result<LogStream, HuntError> {
        let mut args: Vec<String> = [
            "log",
            "-z",
            "--raw",
            "--no-abbrev",
            "--no-renames",
            "--no-relative",
            "--no-ext-diff",
            "--no-textconv",
            "--no-color",
            "--root",
            "--diff-merges=first-parent",
            "--topo-order",
            "--reverse",
            "--format=%x01%H%x00%P%x00%an%x00%ae%x00%at%x00%ct%x00%s",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        if let Some(t) = max_age {
            args.push(format!("--max-age={t}"));
        }
        args.push("--stdin".into());
        let mut child = self
            .command()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| git_error(&["log"], format!("cannot run git: {e}")))?;
        let input: String = tips.iter().map(|t| format!("{t}\n")).collect();
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(mut s) = stdin {
                let _ = s.write_all(input.as_bytes());
            }
        });
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| git_error(&["log"], "no stdout".into()))?;
        Ok(LogStream {
            reader: BufReader::with_capacity(1 << 16, stdout),
            child: Some(child),
            writer: Some(writer),
            pending: None,
        })
    }

    /// Every file of `commit`'s tree: `(path, mode, blob id)`. Used for commits whose first
    /// parent is outside the walk (`--since`, shallow clones).
    pub fn ls_tree(&self, commit: &str) -> Result<Vec<RawChange>, HuntError> {
        let out = self.run(&["ls-tree", "-r", "-z", "--full-tree", commit])?;
        let mut files = Vec::new();
        for entry in out.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            // `<mode> SP <type> SP <object> TAB <path>`
            let Some(tab) = entry.iter().position(|&b| b == b'\t') else {
                continue;
            };
            let meta = String::from_utf8_lossy(&entry[..tab]);
            let mut parts = meta.split(' ');
            let (Some(mode), Some(_kind), Some(id)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            files.push(RawChange {
                path: entry[tab + 1..].to_vec(),
                mode: u32::from_str_radix(mode, 8).unwrap_or(0),
                blob: Some(id.to_string()),
            });
        }
        Ok(files)
    }

    /// `cat-file --batch-check` over object names: for each, `(id, info)` or `None` when git
    /// cannot resolve it.
    fn batch_check(
        &self,
        names: &[String],
    ) -> Result<Vec<Option<(String, ObjectInfo)>>, HuntError> {
        let mut child = self
            .command()
            .args(["cat-file", "--batch-check"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| git_error(&["cat-file"], format!("cannot run git: {e}")))?;
        let input: String = names.iter().map(|n| format!("{n}\n")).collect();
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(mut s) = stdin {
                let _ = s.write_all(input.as_bytes());
            }
        });
        let mut out = String::new();
        if let Some(mut s) = child.stdout.take() {
            s.read_to_string(&mut out)
                .map_err(|e| git_error(&["cat-file", "--batch-check"], e.to_string()))?;
        }
        let _ = writer.join();
        let _ = child.wait();
        let mut results = Vec::with_capacity(names.len());
        for line in out.lines() {
            let parts: Vec<&str> = line.split(' ').collect();
            let r = match parts.as_slice() {
                [id, "blob", size] => size
                    .parse()
                    .ok()
                    .map(|size| (id.to_string(), ObjectInfo::Blob { size })),
                [id, kind, _] if is_hex_id(id) && !kind.is_empty() => {
                    Some((id.to_string(), ObjectInfo::Other))
                }
                _ => None,
            };
            results.push(r);
        }
        if results.len() != names.len() {
            return Err(git_error(
                &["cat-file", "--batch-check"],
                format!("answered {} of {} queries", results.len(), names.len()),
            ));
        }
        Ok(results)
    }

    /// Type and size of each object id (`Missing` when absent).
    pub fn object_info(&self, ids: &[String]) -> Result<Vec<ObjectInfo>, HuntError> {
        Ok(self
            .batch_check(ids)?
            .into_iter()
            .map(|r| r.map_or(ObjectInfo::Missing, |(_, info)| info))
            .collect())
    }

    /// Streams the contents of blobs, in the order given, through one `cat-file --batch`.
    /// Ask in history order: consecutive versions share delta chains, and git's delta-base
    /// cache then resolves each from the one before (random order costs ~10× the CPU).
    pub fn blobs(&self, ids: Vec<String>) -> Result<BlobStream, HuntError> {
        let mut child = self
            .command()
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| git_error(&["cat-file"], format!("cannot run git: {e}")))?;
        let input: String = ids.iter().map(|n| format!("{n}\n")).collect();
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let Some(mut s) = stdin {
                let _ = s.write_all(input.as_bytes());
            }
        });
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| git_error(&["cat-file"], "no stdout".into()))?;
        Ok(BlobStream {
            reader: BufReader::with_capacity(1 << 20, stdout),
            remaining: ids.len(),
            child: Some(child),
            writer: Some(writer),
        })
    }

    /// Readable names of commits relative to refs, by `git name-rev`: branches first
    /// (`main~3`, `feature/x`, `origin/dev~1`), tags for what no branch reaches
    /// (`tags/v1.0~2`); commits it cannot name are left out.
    pub fn name_rev(&self, ids: &[String]) -> HashMap<String, String> {
        let mut names = HashMap::new();
        let passes: [&[&str]; 2] = [
            &["--refs=refs/heads/*", "--refs=refs/remotes/*"],
            &["--refs=refs/tags/*"],
        ];
        for refs in passes {
            let todo: Vec<&String> = ids.iter().filter(|i| !names.contains_key(*i)).collect();
            for chunk in todo.chunks(256) {
                let mut args = vec!["name-rev", "--name-only"];
                args.extend_from_slice(refs);
                args.extend(chunk.iter().map(|s| s.as_str()));
                let Ok(out) = self.run(&args) else {
                    continue;
                };
                for (id, name) in chunk.iter().zip(String::from_utf8_lossy(&out).lines()) {
                    let name = name.trim();
                    if !name.is_empty() && name != "undefined" {
                        names.insert((*id).clone(), name.to_string());
                    }
                }
            }
        }
        names
    }
}

fn is_hex_id(s: &str) -> bool {
    (s.len() == 40 || s.len() == 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn first_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("failed")
        .trim()
        .to_string()
}

fn git_error(args: &[&str], message: String) -> HuntError {
    HuntError::Git {
        command: format!("git {}", args.first().copied().unwrap_or("")),
        message,
    }
}

/// The parsed `git log` stream (see [`Git::log`]). Yields records until the end; an error
/// (git failing, output that does not parse) ends the stream.
pub struct LogStream {
    reader: BufReader<ChildStdout>,
    child: Option<Child>,
    writer: Option<std::thread::JoinHandle<()>>,
    /// A token read past the end of the previous record (the next record's marker).
    pending: Option<Vec<u8>>,
}

impl LogStream {
    fn token(&mut self) -> Result<Option<Vec<u8>>, HuntError> {
        if let Some(t) = self.pending.take() {
            return Ok(Some(t));
        }
        let mut buf = Vec::new();
        let n = self
            .reader
            .read_until(0, &mut buf)
            .map_err(|e| git_error(&["log"], e.to_string()))?;
        if n == 0 {
            return Ok(None);
        }
        if buf.last() == Some(&0) {
            buf.pop();
        }
        Ok(Some(buf))
    }

    fn finish(&mut self) -> Result<(), HuntError> {
        if let Some(w) = self.writer.take() {
            let _ = w.join();
        }
        if let Some(mut child) = self.child.take() {
            let mut err = Vec::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_end(&mut err);
            }
            let status = child
                .wait()
                .map_err(|e| git_error(&["log"], e.to_string()))?;
            if !status.success() {
                return Err(git_error(&["log"], first_line(&err)));
            }
        }
        Ok(())
    }

    fn bad(what: &str) -> HuntError {
        git_error(&["log"], format!("unexpected output ({what})"))
    }

    /// The next commit, `Ok(None)` at the end.
    pub fn next_record(&mut self) -> Result<Option<LogRecord>, HuntError> {
        let Some(first) = self.token()? else {
            self.finish()?;
            return Ok(None);
        };
        let first = trim_newlines(&first);
        let Some(id) = first.strip_prefix(b"\x01") else {
            return Err(Self::bad("a commit header was expected"));
        };
        let mut fields = Vec::with_capacity(6);
        for _ in 0..6 {
            fields.push(self.token()?.ok_or_else(|| Self::bad("truncated header"))?);
        }
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let id = text(id);
        if !is_hex_id(&id) {
            return Err(Self::bad("commit id"));
        }
        let parents: Vec<String> = text(&fields[0])
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if parents.iter().any(|p| !is_hex_id(p)) {
            return Err(Self::bad("parent ids"));
        }
        let time = |b: &[u8]| text(b).trim().parse::<i64>().map_err(|_| Self::bad("time"));
        let mut record = LogRecord {
            id,
            parents,
            author: text(&fields[1]),
            email: text(&fields[2]),
            author_time: time(&fields[3])?,
            commit_time: time(&fields[4])?,
            subject: text(&fields[5]),
            changes: Vec::new(),
        };
        // Raw entries (`:<old mode> <new mode> <old id> <new id> <status>` then the path)
        // until the next header or the end.
        while let Some(tok) = self.token()? {
            let t = trim_newlines(&tok);
            if t.is_empty() {
                continue;
            }
            if t.starts_with(b"\x01") {
                self.pending = Some(tok);
                break;
            }
            let Some(meta) = t.strip_prefix(b":") else {
                return Err(Self::bad("a raw diff entry was expected"));
            };
            let path = self.token()?.ok_or_else(|| Self::bad("path missing"))?;
            record.changes.push(parse_raw(meta, path)?);
        }
        Ok(Some(record))
    }
}

impl Drop for LogStream {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn trim_newlines(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|&c| c != b'\n').unwrap_or(b.len());
    &b[start..]
}

fn parse_raw(meta: &[u8], path: Vec<u8>) -> Result<RawChange, HuntError> {
    let meta = String::from_utf8_lossy(meta);
    let parts: Vec<&str> = meta.split(' ').collect();
    let [_old_mode, new_mode, _old_id, new_id, status] = parts.as_slice() else {
        return Err(LogStream::bad("raw diff entry"));
    };
    let deleted = status.starts_with('D');
    Ok(RawChange {
        path,
        mode: if deleted {
            0
        } else {
            u32::from_str_radix(new_mode, 8).unwrap_or(0)
        },
        blob: (!deleted).then(|| new_id.to_string()),
    })
}

/// Blob contents streamed from `cat-file --batch` (see [`Git::blobs`]).
pub struct BlobStream {
    reader: BufReader<ChildStdout>,
    remaining: usize,
    child: Option<Child>,
    writer: Option<std::thread::JoinHandle<()>>,
}

impl Iterator for BlobStream {
    /// `(id, Ok(bytes))`, or `(id, Err(why))` for an object that is missing or not a blob.
    type Item = Result<(String, Result<Vec<u8>, String>), HuntError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == 0 {
            if let Some(w) = self.writer.take() {
                let _ = w.join();
            }
            if let Some(mut c) = self.child.take() {
                let _ = c.wait();
            }
            return None;
        }
        self.remaining -= 1;
        Some(self.read_one())
    }
}

impl BlobStream {
    fn read_one(&mut self) -> Result<(String, Result<Vec<u8>, String>), HuntError> {
        let bad = |m: &str| git_error(&["cat-file", "--batch"], m.to_string());
        let mut header = Vec::new();
        self.reader
            .read_until(b'\n', &mut header)
            .map_err(|e| bad(&e.to_string()))?;
        if header.is_empty() {
            self.remaining = 0;
            return Err(bad("ended early"));
        }
        let header = String::from_utf8_lossy(&header).trim_end().to_string();
        let parts: Vec<&str> = header.split(' ').collect();
        match parts.as_slice() {
            [id, kind, size] => {
                let size: usize = size.parse().map_err(|_| bad("size"))?;
                let mut body = vec![0u8; size];
                self.reader
                    .read_exact(&mut body)
                    .map_err(|e| bad(&e.to_string()))?;
                let mut nl = [0u8; 1];
                self.reader
                    .read_exact(&mut nl)
                    .map_err(|e| bad(&e.to_string()))?;
                if *kind == "blob" {
                    Ok((id.to_string(), Ok(body)))
                } else {
                    Ok((id.to_string(), Err(format!("is a {kind}, not a blob"))))
                }
            }
            [id, "missing"] => Ok((
                id.to_string(),
                Err("object missing from the repository (partial or damaged clone)".into()),
            )),
            _ => Err(bad("unexpected header")),
        }
    }
}

impl Drop for BlobStream {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
