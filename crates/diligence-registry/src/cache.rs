//! The on-disk cache: packuments with their validators, tarballs addressed by integrity.
//!
//! Layout under the cache root (`$DILIGENCE_CACHE_DIR`, else `<XDG cache dir>/diligence`):
//! ```text
//! packuments-v1/<sha256 of the request URL + Accept>.json   the body as served
//! packuments-v1/<same>.meta                                  JSON {url, etag, last_modified,
//!                                                             not_found, fetched_at, max_age}
//! tarballs-v1/<algorithm>/<hex digest>                       tarball bytes
//! ```
//! Tarballs are verified against their address on write and on read: a corrupted entry is
//! deleted and reported as missing. Writes go to a temporary file and are renamed into place,
//! so concurrent runs never see half-written entries.

use crate::verify;
use diligence_graph::{Integrity, SriHash};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Environment variable that overrides the cache root.
pub const CACHE_DIR_ENV: &str = "DILIGENCE_CACHE_DIR";

/// Validators of a cached packument, for `If-None-Match` / `If-Modified-Since`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackumentMeta {
    /// The URL it was fetched from.
    pub url: String,
    /// The `ETag` response header.
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    pub last_modified: Option<String>,
    /// `true` when the registry answered 404 (the body is empty): offline runs then report
    /// the package as missing, as the online run did.
    #[serde(default)]
    pub not_found: bool,
    /// When the body was fetched or last revalidated (seconds since the Unix epoch). Entries
    /// written before this field existed have none and count as stale.
    #[serde(default)]
    pub fetched_at: Option<u64>,
    /// The response's `Cache-Control: max-age` in seconds (0 for `no-cache`/`no-store`).
    #[serde(default)]
    pub max_age: Option<u64>,
}

/// A cache root folder. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Cache {
    root: PathBuf,
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// A cache at `root` (created lazily on first write).
    pub fn new(root: impl Into<PathBuf>) -> Cache {
        Cache { root: root.into() }
    }

    /// The default cache: `$DILIGENCE_CACHE_DIR`, else `dirs::cache_dir()/diligence`
    /// (`~/.cache/diligence` on Linux). `None` when neither is available.
    pub fn default_location() -> Option<Cache> {
        if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(Cache::new(dir));
        }
        dirs::cache_dir().map(|d| Cache::new(d.join("diligence")))
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn packument_path(&self, key: &str) -> PathBuf {
        let digest = hex::encode(sha2::Sha256::digest(key.as_bytes()));
        self.root.join("packuments-v1").join(digest)
    }

    /// A cached packument body and its validators for a cache key (URL + accept header).
    /// `None` when absent or unreadable.
    pub fn packument(&self, key: &str) -> Option<(Vec<u8>, PackumentMeta)> {
        let meta = self.packument_meta(key)?;
        let body = self.packument_body(key)?;
        Some((body, meta))
    }

    /// The validators and age of a cached packument, without reading its body.
    pub fn packument_meta(&self, key: &str) -> Option<PackumentMeta> {
        let base = self.packument_path(key);
        let meta = std::fs::read(base.with_extension("meta")).ok()?;
        serde_json::from_slice(&meta).ok()
    }

    /// The body of a cached packument.
    pub fn packument_body(&self, key: &str) -> Option<Vec<u8>> {
        std::fs::read(self.packument_path(key).with_extension("json")).ok()
    }

    /// Whether a cached packument body exists for `key`.
    pub fn packument_path_exists(&self, key: &str) -> bool {
        self.packument_path(key).with_extension("json").is_file()
    }

    /// Rewrites only the validators of a cached packument (after a `304 Not Modified`).
    pub fn put_packument_meta(&self, key: &str, meta: &PackumentMeta) -> Result<(), CacheError> {
        let meta_bytes = serde_json::to_vec(meta).unwrap_or_default();
        write_atomic(
            &self.packument_path(key).with_extension("meta"),
            &meta_bytes,
        )
    }

    /// Stores a packument body and validators. Errors are I/O errors with the path.
    pub fn put_packument(
        &self,
        key: &str,
        body: &[u8],
        meta: &PackumentMeta,
    ) -> Result<(), CacheError> {
        let base = self.packument_path(key);
        let meta_bytes = serde_json::to_vec(meta).unwrap_or_default();
        write_atomic(&base.with_extension("json"), body)?;
        write_atomic(&base.with_extension("meta"), &meta_bytes)
    }

    fn tarball_path(&self, hash: &SriHash) -> PathBuf {
        self.root
            .join("tarballs-v1")
            .join(hash.algorithm.as_str())
            .join(hex::encode(&hash.digest))
    }

    /// A cached tarball matching `integrity` (any of its hashes), verified against every hash
    /// of `integrity` on read. A corrupted entry is removed and `None` returned.
    pub fn tarball(&self, integrity: &Integrity) -> Option<Vec<u8>> {
        let Integrity::Sri(hashes) = integrity else {
            return None;
        };
        for h in hashes {
            let path = self.tarball_path(h);
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            if verify::check_bytes(integrity, &bytes).is_ok() {
                return Some(bytes);
            }
            let _ = std::fs::remove_file(&path);
        }
        None
    }

    /// Stores tarball bytes under every hash of `integrity`, after checking the bytes match it.
    /// Returns [`CacheError::Integrity`] (and writes nothing) when they do not.
    pub fn put_tarball(&self, integrity: &Integrity, bytes: &[u8]) -> Result<(), CacheError> {
        let Integrity::Sri(hashes) = integrity else {
            return Ok(());
        };
        if let Err((expected, actual)) = verify::check_bytes(integrity, bytes) {
            return Err(CacheError::Integrity {
                expected: expected.to_string(),
                actual: actual.to_string(),
            });
        }
        // One copy on disk: the other addresses are hard links when the filesystem allows.
        let mut first: Option<PathBuf> = None;
        for h in hashes {
            let path = self.tarball_path(h);
            let linked = first.as_ref().is_some_and(|f| link_atomic(f, &path));
            if !linked {
                write_atomic(&path, bytes)?;
            }
            first.get_or_insert(path);
        }
        Ok(())
    }
}

/// A cache write that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CacheError {
    /// Creating a folder or writing a file failed.
    #[error("cache {path}: {message}")]
    Io { path: String, message: String },
    /// Tarball bytes did not match the integrity they were to be stored under.
    #[error("tarball bytes are {actual}, not {expected}")]
    Integrity { expected: String, actual: String },
}

/// Hard-links `from` to `to` (replacing `to`); false when that is not possible.
fn link_atomic(from: &Path, to: &Path) -> bool {
    let Some(dir) = to.parent() else {
        return false;
    };
    if std::fs::create_dir_all(dir).is_err() {
        return false;
    }
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
    if std::fs::hard_link(from, &tmp).is_err() {
        return false;
    }
    if std::fs::rename(&tmp, to).is_err() {
        let _ = std::fs::remove_file(&tmp);
        return false;
    }
    true
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CacheError> {
    let io = |e: std::io::Error| CacheError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = dir.join(format!(".tmp-{}-{n}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_graph::HashAlgorithm;

    #[test]
    fn tarballs_are_verified_on_write_and_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let good = Integrity::Sri(vec![verify::hash(HashAlgorithm::Sha512, b"tarball")]);
        assert!(cache.put_tarball(&good, b"other").is_err());
        assert!(cache.tarball(&good).is_none());
        cache.put_tarball(&good, b"tarball").unwrap();
        assert_eq!(cache.tarball(&good).as_deref(), Some(&b"tarball"[..]));
        // Corrupt the stored file: the read must refuse it and drop it.
        let Integrity::Sri(h) = &good else {
            unreachable!()
        };
        std::fs::write(cache.tarball_path(&h[0]), b"evil").unwrap();
        assert!(cache.tarball(&good).is_none());
        assert!(!cache.tarball_path(&h[0]).exists());
    }

    #[test]
    fn packuments_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let meta = PackumentMeta {
            url: "http://r/ms".into(),
            etag: Some("\"abc\"".into()),
            last_modified: None,
            not_found: false,
            fetched_at: Some(1_700_000_000),
            max_age: None,
        };
        cache.put_packument("k", b"{}", &meta).unwrap();
        assert_eq!(cache.packument("k"), Some((b"{}".to_vec(), meta)));
        assert!(cache.packument("other").is_none());
    }
}
