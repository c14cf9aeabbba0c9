//! Lockfile readers: one module per format, all producing a [`DependencyGraph`].
//!
//! Formats and the documents they follow:
//! - [`npm`]: `package-lock.json` / `npm-shrinkwrap.json`, `lockfileVersion` 1, 2, 3
//!   (npm docs, "package-lock.json").
//! - [`yarn_classic`]: `yarn.lock` v1.
//! - [`yarn_berry`]: `yarn.lock` with `__metadata` (versions 4 – 10).
//! - [`pnpm`]: `pnpm-lock.yaml` 5.x, 6.x, 9.x, including two-document files (pnpm 11).
//! - [`bun`]: `bun.lock` (JSONC). `bun.lockb` is refused.
//!
//! Detection is by file name first, then content ([`detect`]). Every error names the file and,
//! when the parser knows it, the line and column ([`LockfileError`]): an unreadable lockfile is
//! never an empty graph.

pub mod bounded;
pub mod bun;
mod lines;
pub mod manifest;
pub mod npm;
pub mod pnpm;
pub mod url_shape;
mod workspace;
pub mod yarn_berry;
pub mod yarn_classic;
mod yarn_shared;
mod yarn_syntax;

pub use lines::LineIndex;
pub use manifest::Manifest;

use diligence_graph::{DependencyGraph, LockfileFormat};
use std::fmt;
use std::path::{Path, PathBuf};

/// Lockfiles larger than this (bytes) are refused before parsing: 512 MiB.
pub const MAX_LOCKFILE_BYTES: u64 = 512 * 1024 * 1024;

/// File names diligence recognises as lockfiles, in discovery order.
pub const LOCKFILE_NAMES: [&str; 6] = [
    "npm-shrinkwrap.json",
    "package-lock.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    "bun.lock",
    "bun.lockb",
];

/// A lockfile that could not be read. Displays as one line:
/// `path:line:col: message` (line/col omitted when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockfileError {
    pub path: PathBuf,
    /// 1-based; 0 when unknown.
    pub line: usize,
    /// 1-based; 0 when unknown.
    pub column: usize,
    pub message: String,
}

impl LockfileError {
    /// An error without a position.
    pub fn new(path: &Path, message: impl Into<String>) -> Self {
        LockfileError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: one_line(message.into()),
        }
    }
    /// An error at a 1-based line and column.
    pub fn at(path: &Path, line: usize, column: usize, message: impl Into<String>) -> Self {
        LockfileError {
            path: path.to_path_buf(),
            line,
            column,
            message: one_line(message.into()),
        }
    }
}

fn one_line(s: String) -> String {
    if s.contains('\n') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s
    }
}

impl fmt::Display for LockfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match (self.line, self.column) {
            (0, _) => write!(f, "{p}: {}", self.message),
            (l, 0) => write!(f, "{p}:{l}: {}", self.message),
            (l, c) => write!(f, "{p}:{l}:{c}: {}", self.message),
        }
    }
}

impl std::error::Error for LockfileError {}

/// What a reader gets besides the text.
#[derive(Debug, Clone)]
pub struct ReadContext<'a> {
    /// The lockfile path, for errors and [`diligence_graph::LockfileInfo`].
    pub path: &'a Path,
    /// The root `package.json` beside the lockfile, when present (specifiers of the root
    /// importer for formats that do not record them).
    pub manifest: Option<&'a Manifest>,
}

/// Guesses the format from the file name, then from the content. `None` when neither tells.
pub fn detect(path: &Path, text: &str) -> Option<LockfileFormat> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    match name {
        "package-lock.json" | "npm-shrinkwrap.json" => return Some(LockfileFormat::Npm),
        "pnpm-lock.yaml" => return Some(LockfileFormat::Pnpm),
        "bun.lock" => return Some(LockfileFormat::Bun),
        "yarn.lock" => return Some(detect_yarn(text)),
        _ => {}
    }
    let head: String = text.chars().take(4096).collect();
    let trimmed = head.trim_start();
    if head.contains("# yarn lockfile v1") {
        Some(LockfileFormat::YarnClassic)
    } else if head.contains("__metadata:") {
        Some(LockfileFormat::YarnBerry)
    } else if trimmed.starts_with("lockfileVersion:") || head.contains("\nlockfileVersion:") {
        Some(LockfileFormat::Pnpm)
    } else if trimmed.starts_with('{') && head.contains("\"lockfileVersion\"") {
        if head.contains("\"workspaces\"") && !head.contains("\"packages\": {\n    \"\"") {
            Some(LockfileFormat::Bun)
        } else {
            Some(LockfileFormat::Npm)
        }
    } else {
        None
    }
}

fn detect_yarn(text: &str) -> LockfileFormat {
    let head: String = text.chars().take(8192).collect();
    if head.contains("__metadata:") {
        LockfileFormat::YarnBerry
    } else {
        LockfileFormat::YarnClassic
    }
}

/// Reads and parses one lockfile. Looks for `package.json` in the same folder for the root
/// importer's specifiers.
///
/// Errors: unreadable file, larger than [`MAX_LOCKFILE_BYTES`], not UTF-8, `bun.lockb`,
/// unknown format, or a parse error with line and column.
pub fn read_lockfile(path: &Path) -> Result<DependencyGraph, LockfileError> {
    read_lockfile_with_bytes(path).map(|(graph, _)| graph)
}

/// [`read_lockfile`], also returning the bytes that were parsed (for a caller that hashes
/// exactly what it vetted). Errors: as [`read_lockfile`].
pub fn read_lockfile_with_bytes(path: &Path) -> Result<(DependencyGraph, Vec<u8>), LockfileError> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "bun.lockb" {
        return Err(LockfileError::new(
            path,
            "bun.lockb is bun's binary lockfile and cannot be read; run `bun install --save-text-lockfile` to write bun.lock, then audit that",
        ));
    }
    let meta = std::fs::metadata(path)
        .map_err(|e| LockfileError::new(path, format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(LockfileError::new(path, "is a folder, not a lockfile"));
    }
    if meta.len() > MAX_LOCKFILE_BYTES {
        return Err(LockfileError::new(
            path,
            format!(
                "is {} bytes, over the {} byte limit for lockfiles",
                meta.len(),
                MAX_LOCKFILE_BYTES
            ),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| LockfileError::new(path, format!("cannot read: {e}")))?;
    let text = decode_text(path, &bytes)?;
    let manifest_path = path.parent().unwrap_or(Path::new(".")).join("package.json");
    let manifest = Manifest::read_optional(&manifest_path)
        .map_err(|e| LockfileError::new(&manifest_path, e))?;
    let graph = parse_lockfile(path, text, manifest.as_ref())?;
    Ok((graph, bytes))
}

fn decode_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LockfileError> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = LineIndex::new_bytes(bytes).line_col(e.valid_up_to());
            return Err(LockfileError::at(path, line, col, "not valid UTF-8"));
        }
    };
    if let Some(pos) = memchr::memchr(0, bytes) {
        let (line, col) = LineIndex::new(text).line_col(pos);
        return Err(LockfileError::at(
            path,
            line,
            col,
            "NUL byte in a text lockfile",
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Parses lockfile text whose format is detected from `path` and `text`.
pub fn parse_lockfile(
    path: &Path,
    text: &str,
    manifest: Option<&Manifest>,
) -> Result<DependencyGraph, LockfileError> {
    let format = detect(path, text).ok_or_else(|| {
        LockfileError::new(path, "unknown lockfile format (expected package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml or bun.lock)")
    })?;
    let cx = ReadContext { path, manifest };
    match format {
        LockfileFormat::Npm => npm::parse(text, &cx),
        LockfileFormat::YarnClassic => yarn_classic::parse(text, &cx),
        LockfileFormat::YarnBerry => yarn_berry::parse(text, &cx),
        LockfileFormat::Pnpm => pnpm::parse(text, &cx),
        LockfileFormat::Bun => bun::parse(text, &cx),
    }
}

/// Finds the lockfile of a project folder.
///
/// With several lockfiles present, `packageManager` in `package.json` (`npm@…`, `yarn@…`,
/// `pnpm@…`, `bun@…`) picks one; otherwise this is an error listing them (the user passes
/// `--lockfile`). A folder without a lockfile inside a workspace (`packages/web` of a
/// monorepo, or a plain sub-folder such as `src/`) gets the workspace root's lockfile, found
/// by walking up (see the `workspace` module); the returned path is then written from `dir`
/// (`../../package-lock.json`). No lockfile at all is an error too.
pub fn find_lockfile(dir: &Path) -> Result<PathBuf, LockfileError> {
    if !dir.is_dir() {
        return Err(LockfileError::new(dir, "is not a folder"));
    }
    let present: Vec<&str> = LOCKFILE_NAMES
        .iter()
        .copied()
        .filter(|n| dir.join(n).is_file())
        .collect();
    // npm-shrinkwrap.json wins over package-lock.json, as npm does.
    let mut candidates: Vec<&str> = present.clone();
    if candidates.contains(&"npm-shrinkwrap.json") {
        candidates.retain(|n| *n != "package-lock.json");
    }
    // bun.lock wins over bun.lockb, as bun does.
    if candidates.contains(&"bun.lock") {
        candidates.retain(|n| *n != "bun.lockb");
    }
    match candidates.as_slice() {
        // A workspace member: the lockfile is the workspace root's.
        [] => match workspace::find_root(dir, &LOCKFILE_NAMES) {
            Some(root) if root != dir => find_lockfile(&root),
            _ => Err(LockfileError::new(
                dir,
                "no lockfile found (looked for package-lock.json, npm-shrinkwrap.json, yarn.lock, pnpm-lock.yaml, bun.lock here and in the workspace root above)",
            )),
        },
        [one] => Ok(dir.join(one)),
        many => {
            let manifest = Manifest::read_optional(&dir.join("package.json"))
                .ok()
                .flatten();
            let pm = manifest.as_ref().and_then(|m| m.package_manager_name());
            let pick = pm.and_then(|pm| {
                many.iter().copied().find(|n| match pm {
                    "npm" => n.ends_with(".json"),
                    "yarn" => *n == "yarn.lock",
                    "pnpm" => *n == "pnpm-lock.yaml",
                    "bun" => n.starts_with("bun.lock"),
                    _ => false,
                })
            });
            match pick {
                Some(n) => Ok(dir.join(n)),
                None => Err(LockfileError::new(
                    dir,
                    format!(
                        "several lockfiles ({}) and no `packageManager` in package.json to choose; pass --lockfile PATH",
                        many.join(", ")
                    ),
                )),
            }
        }
    }
}
