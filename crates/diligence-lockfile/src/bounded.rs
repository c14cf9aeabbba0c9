//! Size-bounded reads of files attackers can write: project configuration (`.npmrc`,
//! `diligence.toml`, `.yarnrc.yml`, `pnpm-workspace.yaml`, `bunfig.toml`), `package.json`,
//! a `cafile` an `.npmrc` names.
//!
//! A project `.npmrc` with `cafile=/dev/zero` made an unbounded reader allocate until the
//! kernel killed the process (22.8 GB). Here only regular files are read (a FIFO or a device
//! could block or never end; `/dev/null`, npm's usual "no config" idiom, reads as empty), and
//! never more than a limit.

use std::io::Read;
use std::path::Path;

/// Largest configuration file read (1 MiB): `.npmrc`, `diligence.toml`, `.yarnrc.yml`,
/// `pnpm-workspace.yaml`, `bunfig.toml`. Real ones are a few hundred bytes to a few KiB.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Largest `package.json` read (16 MiB): the biggest real manifests are a few hundred KiB.
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// Why a bounded read failed. Displays as a short reason to put after the path.
#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    /// No such file.
    #[error("not found")]
    NotFound,
    /// A folder, FIFO, socket or device (other than `/dev/null`).
    #[error("not a regular file")]
    NotRegular,
    /// The file has more than `limit` bytes.
    #[error("larger than {} (limit)", human_bytes(*limit))]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// Any other I/O error.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

/// Reads at most `limit` bytes of the regular file `path` (symlinks followed). `/dev/null`
/// reads as empty. Errors: [`BoundedReadError`]; nothing beyond `limit + 1` bytes is read.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, BoundedReadError> {
    if path == Path::new("/dev/null") {
        return Ok(Vec::new());
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(BoundedReadError::NotFound);
        }
        Err(e) => return Err(BoundedReadError::Io(e)),
    };
    if !meta.is_file() {
        return Err(BoundedReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(BoundedReadError::TooLarge { limit });
    }
    let file = std::fs::File::open(path)?;
    // Checked again on the open file, in case the path changed in between.
    if !file.metadata()?.is_file() {
        return Err(BoundedReadError::NotRegular);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(BoundedReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// `1 MiB`, `512 KiB`, `300 B`: a byte count for messages.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    const GIB: u64 = 1024 * MIB;
    match n {
        n if n >= GIB && n % GIB == 0 => format!("{} GiB", n / GIB),
        n if n >= GIB => format!("{:.1} GiB", n as f64 / GIB as f64),
        n if n >= MIB && n % MIB == 0 => format!("{} MiB", n / MIB),
        n if n >= MIB => format!("{:.1} MiB", n as f64 / MIB as f64),
        n if n >= KIB && n % KIB == 0 => format!("{} KiB", n / KIB),
        n if n >= KIB => format!("{:.1} KiB", n as f64 / KIB as f64),
        n => format!("{n} B"),
    }
}

/// [`read_bounded`] as UTF-8 text; `Ok(None)` when the file does not exist. Errors: one
/// line (`larger than 1 MiB (limit)`, `not a regular file`, `not valid UTF-8 at byte N`, or
/// the I/O error) for the caller to put after the path.
pub fn read_text_bounded(path: &Path, limit: u64) -> Result<Option<String>, String> {
    let bytes = match read_bounded(path, limit) {
        Ok(b) => b,
        Err(BoundedReadError::NotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_fifos_are_refused_and_sizes_bounded() {
        assert!(matches!(
            read_bounded(Path::new("/dev/zero"), 10),
            Err(BoundedReadError::NotRegular)
        ));
        assert_eq!(read_bounded(Path::new("/dev/null"), 10).unwrap(), b"");
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_bounded(dir.path(), 10),
            Err(BoundedReadError::NotRegular)
        ));
        assert!(matches!(
            read_bounded(&dir.path().join("none"), 10),
            Err(BoundedReadError::NotFound)
        ));
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; 11]).unwrap();
        let err = read_bounded(&big, 10).unwrap_err();
        assert_eq!(err.to_string(), "larger than 10 B (limit)");
        assert_eq!(read_bounded(&big, 11).unwrap().len(), 11);
        assert_eq!(
            read_text_bounded(&big, 10).unwrap_err(),
            "larger than 10 B (limit)"
        );
        assert_eq!(
            read_text_bounded(&big, 11).unwrap().as_deref(),
            Some("xxxxxxxxxxx")
        );
        assert_eq!(read_text_bounded(&dir.path().join("none"), 10), Ok(None));
    }

    #[test]
    fn human_byte_counts() {
        assert_eq!(human_bytes(4 * 1024 * 1024), "4 MiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(12), "12 B");
    }
}
