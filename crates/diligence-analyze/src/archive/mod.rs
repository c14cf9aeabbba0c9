//! Unpacking npm tarballs in memory exactly as npm 11 installs them, and read-only loading of
//! package folders.
//!
//! npm extracts a tarball with pacote's `tar.x({ strip: 1, filter })` over node-tar 7. The
//! reader here follows it so that the files analysed are the files npm writes:
//! - the input is gzip (every member; each trailer's CRC-32 and size checked; zero padding
//!   after the last member allowed), or an uncompressed tar ([`stream`]);
//! - headers are read with node-tar's leniencies ([`node_tar`]): a bad header is skipped alone
//!   and the next block read as a header, one zero block does not end the archive, PAX and GNU
//!   long names apply to the next entry, a global PAX `size` to every later one;
//! - only regular files are written; links, devices and folders are not (pacote's filter);
//!   `.gitignore` becomes `.npmignore` unless one was seen;
//! - the first path component is stripped whatever its name, `..` paths are refused,
//!   absolute roots stripped, and a later file replaces an earlier one ([`tree`]).
//!
//! Nothing is written to disk and no link is followed. Every hostile or unusual entry is an
//! [`Anomaly`] (the `code/archive-anomaly` rule turns them into findings); one whose
//! [`Effect`] is [`Effect::Incomplete`] means part of the package was not read, and the scan is
//! then not evaluated. Every header read counts against [`ArchiveLimits::max_entries`] and every
//! byte decompressed against [`ArchiveLimits::max_unpacked_bytes`] and the compression ratio;
//! files over [`ArchiveLimits::max_file_bytes`] are streamed ([`LargeFile`]), not kept.

mod dir;
mod large;
mod node_tar;
mod stream;
mod tree;

pub use dir::read_dir;
pub use large::LargeFile;

use node_tar::{Entry, EntryType, Notice, Stop, TarReader};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use tree::{Conflict, Refusal, Tree};

/// Unpacking limits.
#[derive(Debug, Clone)]
pub struct ArchiveLimits {
    /// Maximum bytes kept in memory: files up to `max_file_bytes` plus the strings of larger
    /// ones (default 256 MiB).
    pub max_total_bytes: u64,
    /// Maximum number of regular files (default 20,000).
    pub max_files: usize,
    /// Files larger than this (default 64 MiB) are streamed: hashed, classified by their first
    /// bytes and searched through their strings, never held whole.
    pub max_file_bytes: u64,
    /// Maximum unpacked/compressed size ratio (default 200); a higher ratio stops unpacking
    /// (gzip bomb).
    pub max_ratio: u64,
    /// Maximum number of tar header blocks of any kind: files, links, folders, devices, PAX
    /// and long-name headers, invalid headers (default 200,000).
    pub max_entries: u64,
    /// Maximum bytes decompressed in all, streamed and skipped data included (default 4 GiB).
    pub max_unpacked_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_total_bytes: 256 * 1024 * 1024,
            max_files: 20_000,
            max_file_bytes: 64 * 1024 * 1024,
            max_ratio: 200,
            max_entries: 200_000,
            max_unpacked_bytes: 4 * 1024 * 1024 * 1024,
        }
    }
}

/// Most strings kept from one large file (bytes).
const MAX_STRINGS: u64 = 16 * 1024 * 1024;
/// Anomalies listed one by one; the rest are counted in one summary anomaly.
const MAX_ANOMALIES: usize = 100;
/// Longest entry path quoted in an anomaly (characters).
const MAX_QUOTED: usize = 300;

/// A regular file of the package: path relative to the package root (`/`-separated, the
/// tarball's first path component removed) and its bytes.
#[derive(Debug, Clone)]
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// What an anomaly means for the scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// Unusual but harmless to the reading (a folder entry with a body, paths that differ only
    /// in case).
    Unusual,
    /// A hostile construct npm itself never packs (links, `..`, duplicates, headers npm reads
    /// past): handled exactly as npm handles it, and the rest of the package was read.
    Hostile,
    /// Part of the package was not read (a limit, a corrupt or cut archive, a construct whose
    /// reading by npm is not certain): the scan is not evaluated.
    Incomplete,
}

/// Something unusual about the archive itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anomaly {
    /// The entry path as written in the archive (at most 300 characters), or `""` for
    /// archive-wide events.
    pub path: String,
    /// What happened, e.g. `symlink to ../../.ssh/id_rsa (npm does not extract links)`.
    pub what: String,
    pub effect: Effect,
}

impl Anomaly {
    /// True when the anomaly left part of the package unread (truncation, a limit, an
    /// unreadable entry), as opposed to a hostile entry that was handled as npm handles it.
    pub fn stops_analysis(&self) -> bool {
        self.effect == Effect::Incomplete
    }
}

/// Files and anomalies read from one archive or folder.
#[derive(Debug, Default)]
pub struct Unpacked {
    /// Files kept in memory, in path order.
    pub files: Vec<PackageFile>,
    /// Files over [`ArchiveLimits::max_file_bytes`], read as streams.
    pub large: Vec<LargeFile>,
    pub anomalies: Vec<Anomaly>,
}

/// Parses `package.json` as npm reads it: UTF-8 (invalid bytes replaced), a leading
/// byte-order mark dropped, then JSON (the last of duplicate keys wins). `Err` says why it
/// cannot be read (for instance nesting deeper than the parser's 128 levels); callers must
/// treat such a package as not evaluated, never as one without scripts.
pub fn parse_manifest(bytes: &[u8]) -> Result<serde_json::Value, String> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) if v.is_object() => Ok(v),
        Ok(_) => Err("not a JSON object".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Unpacks a tarball in memory as npm 11 does. `Err` (one line) only when the bytes are
/// neither gzip nor a tar archive (or are zstd, which npm reads and diligence does not).
pub fn unpack_tarball(bytes: &[u8], limits: &ArchiveLimits) -> Result<Unpacked, String> {
    let source = stream::Source::open(bytes, limits)?;
    let mut reader = TarReader::new(source, limits.max_entries);
    let mut x = Extraction::new(limits);
    let stopped = loop {
        let next = reader.next_entry(&mut |n| x.notice(n));
        match next {
            Ok(None) => break false,
            Ok(Some(entry)) => {
                if let Err(halt) = x.entry(&mut reader, entry) {
                    x.stop(halt);
                    break true;
                }
            }
            Err(stop) => {
                x.stop(Halt::Read(stop));
                break true;
            }
        }
    };
    if !stopped {
        // npm reads the gzip stream to its end: a cut or corrupt trailer after the last entry
        // fails the install.
        let mut source = reader.into_inner();
        if let Err(e) = std::io::copy(&mut source, &mut std::io::sink()) {
            let what = match stream::exceeded(&e) {
                Some(m) => m.to_string(),
                None => format!(
                    "gzip stream is cut or corrupt after the last entry (npm rejects the \
                     tarball): {e}"
                ),
            };
            x.log.push("", what, Effect::Incomplete);
        }
    }
    Ok(x.finish())
}

/// A file's content in the extraction folder.
enum Content {
    Bytes(Vec<u8>),
    Large(LargeFile),
}

impl Content {
    /// Bytes it holds in memory.
    fn memory(&self) -> u64 {
        match self {
            Content::Bytes(b) => b.len() as u64,
            Content::Large(l) => l.strings.len() as u64,
        }
    }
}

/// Anomalies: the first [`MAX_ANOMALIES`] that stop the analysis and the first
/// [`MAX_ANOMALIES`] others are listed, the rest counted.
#[derive(Default)]
struct AnomalyLog {
    listed: Vec<Anomaly>,
    incomplete: usize,
    more: u64,
    more_effect: Option<Effect>,
}

impl AnomalyLog {
    fn push(&mut self, path: &str, what: String, effect: Effect) {
        let room = if effect == Effect::Incomplete {
            self.incomplete < MAX_ANOMALIES
        } else {
            self.listed.len() - self.incomplete < MAX_ANOMALIES
        };
        if room {
            self.incomplete += usize::from(effect == Effect::Incomplete);
            self.listed.push(Anomaly {
                path: quote(path),
                what,
                effect,
            });
        } else {
            self.more += 1;
            self.more_effect = self.more_effect.max(Some(effect));
        }
    }

    fn finish(mut self) -> Vec<Anomaly> {
        if let Some(effect) = self.more_effect {
            self.listed.push(Anomaly {
                path: String::new(),
                what: format!("{} more anomalies not listed", self.more),
                effect,
            });
        }
        self.listed
    }
}

fn quote(path: &str) -> String {
    if path.chars().count() <= MAX_QUOTED {
        return path.to_string();
    }
    let mut s: String = path.chars().take(MAX_QUOTED).collect();
    s.push('…');
    s
}

/// The state of one extraction.
struct Extraction<'l> {
    limits: &'l ArchiveLimits,
    tree: Tree<Content>,
    /// Bytes held in memory (files and strings).
    memory: u64,
    /// Paths of `.npmignore` files seen (pacote's `sawIgnores`).
    ignores: HashSet<String>,
    log: AnomalyLog,
}

/// Why unpacking stopped early.
enum Halt {
    /// The reader stopped (corrupt data, a budget, a cut entry).
    Read(Stop),
    /// A limit of the extraction; its anomaly is already logged.
    Limit,
}

impl From<Stop> for Halt {
    fn from(s: Stop) -> Self {
        Halt::Read(s)
    }
}

impl<'l> Extraction<'l> {
    fn new(limits: &'l ArchiveLimits) -> Self {
        Extraction {
            limits,
            tree: Tree::default(),
            memory: 0,
            ignores: HashSet::new(),
            log: AnomalyLog::default(),
        }
    }

    fn notice(&mut self, n: Notice) {
        match n {
            Notice::SkippedHeader { path, why } => self.log.push(
                &path,
                format!("header skipped by npm ({why}): the next block is read as a header"),
                Effect::Hostile,
            ),
            Notice::GlobalHeader { fields } => self.log.push(
                "",
                format!("global PAX header sets {fields} for every later entry"),
                Effect::Hostile,
            ),
        }
    }

    fn stop(&mut self, halt: Halt) {
        let Halt::Read(stop) = halt else { return };
        let (path, what) = match stop {
            Stop::Io(e) => match stream::exceeded(&e) {
                Some(m) => (String::new(), m.to_string()),
                None => (
                    String::new(),
                    format!("archive is corrupt or truncated: {e}"),
                ),
            },
            Stop::Truncated { path } => (path, "archive is truncated inside this entry".into()),
            Stop::Size { path, size } => (
                path,
                format!("entry size {size} is not a whole number of bytes: unpacking stopped"),
            ),
            Stop::TooManyEntries => (
                String::new(),
                format!(
                    "more than {} entries (files, links, folders, headers): unpacking stopped",
                    self.limits.max_entries
                ),
            ),
        };
        self.log.push(&path, what, Effect::Incomplete);
    }

    /// Handles one file-system entry like pacote's filter and node-tar's `Unpack`.
    fn entry<R: Read>(&mut self, reader: &mut TarReader<R>, e: Entry) -> Result<(), Halt> {
        let target = || e.linkpath.clone().unwrap_or_default();
        match e.kind {
            EntryType::File => return self.file(reader, e),
            EntryType::Symlink => self.log.push(
                &e.path,
                format!("symlink to `{}` (npm does not extract links)", target()),
                Effect::Hostile,
            ),
            EntryType::HardLink => self.log.push(
                &e.path,
                format!("hard link to `{}` (npm does not extract links)", target()),
                Effect::Hostile,
            ),
            EntryType::Device => self.log.push(
                &e.path,
                "device or FIFO entry (npm does not extract it)".into(),
                Effect::Hostile,
            ),
            EntryType::Ignored => self.log.push(
                &e.path,
                "entry of a type npm skips (sparse, volume, ACL or unknown)".into(),
                Effect::Unusual,
            ),
            _ => {}
        }
        Ok(())
    }

    fn file<R: Read>(&mut self, reader: &mut TarReader<R>, e: Entry) -> Result<(), Halt> {
        let Some(path) = self.npm_filter(e.path.clone()) else {
            return Ok(());
        };
        let placement = match tree::place(&path) {
            Ok(p) => p,
            Err(refusal) => {
                self.refused(&e.path, refusal);
                return Ok(());
            }
        };
        if let Some(root) = &placement.stripped_root {
            self.log.push(
                &e.path,
                format!(
                    "absolute path: npm strips `{root}` and writes `{}`",
                    placement.path
                ),
                Effect::Hostile,
            );
        }
        if let Err(conflict) = self.tree.check(&placement.path) {
            let what = match conflict {
                Conflict::ParentIsFile(p) => {
                    format!("inside `{p}`, which is a file: npm cannot write it")
                }
                Conflict::IsFolder => "over a folder of files: npm cannot write it".to_string(),
            };
            self.log.push(&e.path, what, Effect::Hostile);
            return Ok(());
        }
        let replacing = self.tree.has_file(&placement.path);
        if !replacing && self.tree.len() >= self.limits.max_files {
            return Err(self.limit(format!(
                "more than {} files: unpacking stopped",
                self.limits.max_files
            )));
        }
        let content = if e.size > self.limits.max_file_bytes {
            self.stream_large(reader, placement.path.clone())?
        } else {
            if self.memory + e.size > self.limits.max_total_bytes {
                return Err(self.limit(format!(
                    "more than {} bytes unpacked: unpacking stopped",
                    self.limits.max_total_bytes
                )));
            }
            let mut bytes = Vec::with_capacity(e.size as usize);
            let mut chunk = [0u8; 64 * 1024];
            loop {
                let n = reader.read_body(&mut chunk)?;
                if n == 0 {
                    break;
                }
                bytes.extend_from_slice(&chunk[..n]);
            }
            Content::Bytes(bytes)
        };
        self.memory += content.memory();
        if let Some(old) = self.tree.write(placement.path.clone(), content) {
            self.memory -= old.memory();
            // The same bytes twice (https-proxy-agent 7.0.6 packs `dist/index.js` and
            // `./dist/index.js`): nothing differs whichever npm keeps.
            let same = matches!((&old, self.tree.get(&placement.path)),
                (Content::Bytes(a), Some(Content::Bytes(b))) if a == b);
            let (what, effect) = if same {
                (
                    "duplicate entry with the same bytes as an earlier",
                    Effect::Unusual,
                )
            } else {
                ("duplicate entry: replaces an earlier", Effect::Hostile)
            };
            self.log.push(
                &e.path,
                format!("{what} `{}` (npm keeps the last)", placement.path),
                effect,
            );
        }
        Ok(())
    }

    /// A limit stop, logged.
    fn limit(&mut self, what: String) -> Halt {
        self.log.push("", what, Effect::Incomplete);
        Halt::Limit
    }

    /// pacote's extraction filter for files: `.gitignore` is renamed `.npmignore` unless a
    /// `.npmignore` was seen at that path (then it is dropped).
    fn npm_filter(&mut self, path: String) -> Option<String> {
        let base = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        if base == ".npmignore" {
            self.ignores.insert(path.clone());
            return Some(path);
        }
        if base == ".gitignore" && path.ends_with(".gitignore") {
            let renamed = format!("{}.npmignore", &path[..path.len() - ".gitignore".len()]);
            if self.ignores.contains(&renamed) {
                return None;
            }
            return Some(renamed);
        }
        Some(path)
    }

    fn refused(&mut self, path: &str, refusal: Refusal) {
        let (what, effect) = match refusal {
            Refusal::Root => (
                "file at the archive root: npm strips the first path component and does not \
                 write it"
                    .to_string(),
                Effect::Hostile,
            ),
            Refusal::DotDot => (
                "`..` component: npm does not write it".into(),
                Effect::Hostile,
            ),
            Refusal::Nul => (
                "a NUL in the path: npm crashes on it".into(),
                Effect::Incomplete,
            ),
            Refusal::TooDeep => (
                "more than 1024 path components: npm does not write it".into(),
                Effect::Hostile,
            ),
            Refusal::NameTooLong {
                windows_writes: false,
            } => (
                "a file name over 255 bytes: npm cannot write it".into(),
                Effect::Hostile,
            ),
            Refusal::NameTooLong {
                windows_writes: true,
            } => (
                "a file name over 255 bytes that npm on Windows can still write: not analysed"
                    .into(),
                Effect::Incomplete,
            ),
        };
        self.log.push(path, what, effect);
    }

    fn stream_large<R: Read>(
        &mut self,
        reader: &mut TarReader<R>,
        path: String,
    ) -> Result<Content, Stop> {
        let budget = MAX_STRINGS.min(self.limits.max_total_bytes.saturating_sub(self.memory));
        let mut digest = large::Digest::new(budget as usize);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = reader.read_body(&mut chunk)?;
            if n == 0 {
                break;
            }
            digest.update(&chunk[..n]);
        }
        Ok(Content::Large(digest.finish(path)))
    }

    fn finish(mut self) -> Unpacked {
        self.platform_collisions();
        let mut out = Unpacked::default();
        for (path, content) in self.tree.into_files() {
            match content {
                Content::Bytes(bytes) => out.files.push(PackageFile { path, bytes }),
                Content::Large(l) => out.large.push(l),
            }
        }
        out.anomalies = self.log.finish();
        out
    }

    /// Paths that are one file on macOS and Windows (case, trailing dots and spaces): there
    /// the later entry replaces the earlier. For `package.json` npm may then read another
    /// manifest than the one analysed.
    fn platform_collisions(&mut self) {
        let mut by_key: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for p in self.tree.paths() {
            by_key.entry(tree::platform_key(p)).or_default().push(p);
        }
        let mut found = Vec::new();
        for (key, paths) in by_key.into_iter().filter(|(_, v)| v.len() > 1) {
            let list = paths
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let (what, effect) = if key == "package.json" {
                (
                    format!(
                        "{list} are one file on macOS and Windows: npm there may read another \
                         package.json than the one analysed"
                    ),
                    Effect::Incomplete,
                )
            } else {
                (
                    format!("{list} are one file on macOS and Windows (one replaces the other)"),
                    Effect::Unusual,
                )
            };
            found.push((paths[1].to_string(), what, effect));
        }
        for (path, what, effect) in found {
            self.log.push(&path, what, effect);
        }
    }
}

#[cfg(test)]
mod tests;
