//! Safe, in-memory unpacking of npm tarballs (gzip + ustar/pax, as `npm pack` writes them) and
//! read-only loading of package folders.
//!
//! Nothing is ever written to disk and no link is followed. Entries with `..` components or
//! absolute paths, symlinks, hard links and device files are skipped and reported; limits on
//! total unpacked bytes, file count, single-file size and compression ratio stop the read and
//! are reported. Every such event is an [`Anomaly`], which the `code/archive-anomaly` rule turns
//! into a finding.

use flate2::read::GzDecoder;
use std::cell::Cell;
use std::io::Read;
use std::path::{Component, Path};
use std::rc::Rc;

/// Unpacking limits.
#[derive(Debug, Clone)]
pub struct ArchiveLimits {
    /// Maximum total unpacked size in bytes (default 256 MiB).
    pub max_total_bytes: u64,
    /// Maximum number of regular files (default 20,000).
    pub max_files: usize,
    /// Maximum size of one file in bytes (default 64 MiB); larger files are skipped.
    pub max_file_bytes: u64,
    /// Maximum unpacked/compressed size ratio (default 200); a higher ratio stops unpacking
    /// (gzip bomb).
    pub max_ratio: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_total_bytes: 256 * 1024 * 1024,
            max_files: 20_000,
            max_file_bytes: 64 * 1024 * 1024,
            max_ratio: 200,
        }
    }
}

/// A regular file of the package: path relative to the package root (`/`-separated, the
/// tarball's leading `package/` folder removed) and its bytes.
#[derive(Debug, Clone)]
pub struct PackageFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Something unusual about the archive itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anomaly {
    /// The entry path as written in the archive (or `""` for archive-wide events).
    pub path: String,
    /// What happened, e.g. `symlink to ../../.ssh/id_rsa (not followed)`.
    pub what: String,
}

impl Anomaly {
    /// True when the anomaly left part of the package unread (truncation, a limit, an
    /// unreadable entry), as opposed to a hostile entry that was skipped on purpose.
    pub fn stops_analysis(&self) -> bool {
        ["stopped", "exceeds", "corrupt", "truncated", "unreadable"]
            .iter()
            .any(|w| self.what.contains(w))
    }
}

/// Files and anomalies read from one archive or folder.
#[derive(Debug, Default)]
pub struct Unpacked {
    pub files: Vec<PackageFile>,
    pub anomalies: Vec<Anomaly>,
}

/// Counts bytes read through it, so the compression ratio can be checked while inflating.
struct Counting<'a> {
    inner: &'a [u8],
    read: Rc<Cell<u64>>,
}

impl Read for Counting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Unpacks a `.tgz` in memory. `Err` (one line) only when the bytes are not gzip at all.
pub fn unpack_tarball(bytes: &[u8], limits: &ArchiveLimits) -> Result<Unpacked, String> {
    if bytes.len() < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b {
        return Err("missing gzip magic bytes 1f 8b".into());
    }
    let consumed = Rc::new(Cell::new(0u64));
    let gz = GzDecoder::new(Counting {
        inner: bytes,
        read: Rc::clone(&consumed),
    });
    let mut archive = tar::Archive::new(gz);
    let mut out = Unpacked::default();
    let mut total: u64 = 0;
    let entries = match archive.entries() {
        Ok(e) => e,
        Err(e) => return Err(e.to_string()),
    };
    for entry in entries {
        let mut entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.anomalies
                    .push(anomaly("", format!("archive is corrupt or truncated: {e}")));
                break;
            }
        };
        let raw_path = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let kind = entry.header().entry_type();
        if kind.is_dir() || kind.is_pax_global_extensions() || kind.is_pax_local_extensions() {
            continue;
        }
        if kind.is_symlink() || kind.is_hard_link() {
            let target = entry
                .link_name_bytes()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let what = if kind.is_symlink() {
                "symlink"
            } else {
                "hard link"
            };
            out.anomalies.push(anomaly(
                &raw_path,
                format!("{what} to `{target}` (not followed)"),
            ));
            continue;
        }
        if !(kind.is_file() || kind == tar::EntryType::Continuous) {
            out.anomalies.push(anomaly(
                &raw_path,
                format!("special entry type {:?} skipped", kind),
            ));
            continue;
        }
        let Some(path) = safe_relative(&raw_path) else {
            out.anomalies.push(anomaly(
                &raw_path,
                "absolute path or `..` component (not written)".into(),
            ));
            continue;
        };
        if out.files.len() >= limits.max_files {
            out.anomalies.push(anomaly(
                "",
                format!("more than {} files: unpacking stopped", limits.max_files),
            ));
            break;
        }
        let size = entry.header().size().unwrap_or(0);
        if size > limits.max_file_bytes {
            out.anomalies.push(anomaly(
                &raw_path,
                format!(
                    "{size} bytes exceeds the single-file limit of {} bytes (skipped)",
                    limits.max_file_bytes
                ),
            ));
            continue;
        }
        if total + size > limits.max_total_bytes {
            out.anomalies.push(anomaly(
                "",
                format!(
                    "more than {} bytes unpacked: unpacking stopped",
                    limits.max_total_bytes
                ),
            ));
            break;
        }
        let mut buf = Vec::with_capacity(size as usize);
        if let Err(e) = (&mut entry).take(size).read_to_end(&mut buf) {
            out.anomalies
                .push(anomaly(&raw_path, format!("unreadable entry: {e}")));
            break;
        }
        total += buf.len() as u64;
        let compressed = consumed.get().max(1);
        if total > 1024 * 1024 && total / compressed > limits.max_ratio {
            out.anomalies.push(anomaly(
                "",
                format!(
                    "compression ratio above {}:1 ({total} bytes from {compressed}): unpacking stopped",
                    limits.max_ratio
                ),
            ));
            break;
        }
        out.files.push(PackageFile { path, bytes: buf });
    }
    Ok(out)
}

/// Strips the tarball's first path component (`package/` in npm tarballs, any name in some
/// older ones) and returns `None` for absolute paths or paths with `..`.
fn safe_relative(raw: &str) -> Option<String> {
    if raw.starts_with('/')
        || raw.starts_with('\\')
        || raw.contains(':') && raw.len() > 1 && raw.as_bytes()[1] == b':'
    {
        return None;
    }
    let mut parts = Vec::new();
    for part in raw.split(['/', '\\']) {
        match part {
            "" | "." => continue,
            ".." => return None,
            p => parts.push(p),
        }
    }
    if parts.len() < 2 {
        // A file at the archive root (no `package/` folder): keep its name.
        return parts.first().map(|p| p.to_string());
    }
    Some(parts[1..].join("/"))
}

fn anomaly(path: &str, what: String) -> Anomaly {
    Anomaly {
        path: path.to_string(),
        what,
    }
}

/// Reads a package folder read-only: regular files only, symlinks reported and not followed,
/// the same limits as for tarballs. `label.json` and `registry-manifest.json` at the root are
/// corpus metadata, not package content: they are skipped.
pub fn read_dir(root: &Path, limits: &ArchiveLimits) -> std::io::Result<Unpacked> {
    let meta = std::fs::symlink_metadata(root)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other("not a directory"));
    }
    let mut out = Unpacked::default();
    let mut total = 0u64;
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let rel = relative(root, &path);
            let ft = entry.file_type()?;
            if ft.is_symlink() {
                let target = std::fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                out.anomalies.push(anomaly(
                    &rel,
                    format!("symlink to `{target}` (not followed)"),
                ));
                continue;
            }
            if ft.is_dir() {
                if rel != "node_modules" && rel != ".git" {
                    stack.push(path);
                }
                continue;
            }
            if !ft.is_file() || is_corpus_metadata(&rel) {
                continue;
            }
            if out.files.len() >= limits.max_files {
                out.anomalies.push(anomaly(
                    "",
                    format!("more than {} files: reading stopped", limits.max_files),
                ));
                return Ok(out);
            }
            let size = entry.metadata()?.len();
            if size > limits.max_file_bytes {
                out.anomalies.push(anomaly(
                    &rel,
                    format!("{size} bytes exceeds the single-file limit (skipped)"),
                ));
                continue;
            }
            if total + size > limits.max_total_bytes {
                out.anomalies.push(anomaly(
                    "",
                    format!(
                        "more than {} bytes: reading stopped",
                        limits.max_total_bytes
                    ),
                ));
                return Ok(out);
            }
            let bytes = std::fs::read(&path)?;
            total += bytes.len() as u64;
            out.files.push(PackageFile { path: rel, bytes });
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn is_corpus_metadata(rel: &str) -> bool {
    rel == "label.json" || rel == "registry-manifest.json"
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tgz(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (path, data) in entries {
            let mut header = tar::Header::new_gnu();
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_entry_type(tar::EntryType::Regular);
            // set_path refuses `..`; write the raw name to model a hostile archive.
            let name = path.as_bytes();
            header.as_old_mut().name[..name.len()].copy_from_slice(name);
            header.set_cksum();
            builder.append(&header, *data).unwrap();
        }
        let tar = builder.into_inner().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &tar).unwrap();
        gz.finish().unwrap()
    }

    #[test]
    fn strips_package_prefix_and_rejects_traversal() {
        let bytes = tgz(&[
            ("package/package.json", b"{}"),
            ("package/../../etc/passwd", b"x"),
            ("/abs/file", b"x"),
        ]);
        let out = unpack_tarball(&bytes, &ArchiveLimits::default()).unwrap();
        assert_eq!(out.files.len(), 1);
        assert_eq!(out.files[0].path, "package.json");
        assert_eq!(out.anomalies.len(), 2);
        assert_eq!(out.anomalies[0].path, "package/../../etc/passwd");
    }

    #[test]
    fn file_limit_is_an_anomaly() {
        let bytes = tgz(&[
            ("package/a", b"1"),
            ("package/b", b"2"),
            ("package/c", b"3"),
        ]);
        let limits = ArchiveLimits {
            max_files: 2,
            ..ArchiveLimits::default()
        };
        let out = unpack_tarball(&bytes, &limits).unwrap();
        assert_eq!(out.files.len(), 2);
        assert!(out.anomalies[0].what.starts_with("more than 2 files"));
    }

    #[test]
    fn single_file_limit_skips_file() {
        let big = vec![b'a'; 1000];
        let bytes = tgz(&[("package/big.js", &big), ("package/ok.js", b"1")]);
        let limits = ArchiveLimits {
            max_file_bytes: 100,
            ..ArchiveLimits::default()
        };
        let out = unpack_tarball(&bytes, &limits).unwrap();
        assert_eq!(out.files.len(), 1);
        assert_eq!(out.anomalies[0].path, "package/big.js");
    }

    #[test]
    fn not_gzip_is_an_error() {
        assert!(unpack_tarball(b"PK\x03\x04", &ArchiveLimits::default()).is_err());
    }

    #[test]
    fn truncated_archive_is_an_anomaly_not_a_panic() {
        let bytes = tgz(&[("package/index.js", &[b'x'; 5000])]);
        let cut = &bytes[..bytes.len() / 2];
        let out = unpack_tarball(cut, &ArchiveLimits::default()).unwrap();
        assert!(!out.anomalies.is_empty());
    }
}
