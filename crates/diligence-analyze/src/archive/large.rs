//! Files too large to keep in memory, read once as a stream: hashed (SHA-256), their first
//! bytes kept for classification by magic numbers, and their printable strings (ASCII and
//! UTF-16LE runs, as `strings` and `strings -el` find them) collected up to a byte budget for
//! the indicator search.

use sha2::{Digest as _, Sha256};

/// Bytes kept from the start of a large file (enough for [`crate::classify::classify`], which
/// looks at magic numbers and the first 8 KiB).
const HEAD: usize = 8 * 1024;
/// Shortest run of printable characters kept as a string.
const MIN_RUN: usize = 6;
/// Longest string kept whole; longer runs are split.
const MAX_RUN: usize = 4096;

/// A regular file over [`super::ArchiveLimits::max_file_bytes`], read as a stream.
#[derive(Debug, Clone)]
pub struct LargeFile {
    /// Path relative to the package root, as for [`super::PackageFile`].
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
    /// The first (at most 8 KiB) bytes.
    pub head: Vec<u8>,
    /// Printable strings of at least 6 characters, one per line, in file order.
    pub strings: String,
    /// False when the string budget ran out before the end of the file.
    pub strings_complete: bool,
}

/// Streaming digest of one large file.
pub(super) struct Digest {
    hasher: Sha256,
    size: u64,
    head: Vec<u8>,
    strings: String,
    budget: usize,
    complete: bool,
    ascii: Vec<u8>,
    wide: Vec<u8>,
    wide_pending: Option<u8>,
}

fn printable(b: u8) -> bool {
    (0x20..=0x7e).contains(&b) || b == b'\t'
}

impl Digest {
    /// A digest keeping at most `budget` bytes of strings.
    pub fn new(budget: usize) -> Self {
        Digest {
            hasher: Sha256::new(),
            size: 0,
            head: Vec::new(),
            strings: String::new(),
            budget,
            complete: true,
            ascii: Vec::new(),
            wide: Vec::new(),
            wide_pending: None,
        }
    }

    /// Feeds the next chunk of the file.
    pub fn update(&mut self, chunk: &[u8]) {
        self.hasher.update(chunk);
        self.size += chunk.len() as u64;
        if self.head.len() < HEAD {
            let take = (HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        for &b in chunk {
            self.byte(b);
        }
    }

    fn byte(&mut self, b: u8) {
        if printable(b) {
            self.ascii.push(b);
            if self.ascii.len() >= MAX_RUN {
                let run = std::mem::take(&mut self.ascii);
                self.keep(&run);
            }
        } else {
            let run = std::mem::take(&mut self.ascii);
            self.keep(&run);
        }
        // UTF-16LE: a printable byte followed by a zero byte is one character.
        match self.wide_pending.take() {
            Some(c) if b == 0 => {
                self.wide.push(c);
                if self.wide.len() >= MAX_RUN {
                    let run = std::mem::take(&mut self.wide);
                    self.keep(&run);
                }
                return;
            }
            _ => {}
        }
        if printable(b) {
            self.wide_pending = Some(b);
        } else {
            let run = std::mem::take(&mut self.wide);
            self.keep(&run);
        }
    }

    fn keep(&mut self, run: &[u8]) {
        if run.len() < MIN_RUN || !self.complete {
            return;
        }
        if self.strings.len() + run.len() + 1 > self.budget {
            self.complete = false;
            return;
        }
        // Printable ASCII only: always valid UTF-8.
        self.strings.extend(run.iter().map(|&b| b as char));
        self.strings.push('\n');
    }

    /// Bytes of strings kept so far.
    pub fn strings_len(&self) -> usize {
        self.strings.len()
    }

    /// The finished digest of the file at `path`.
    pub fn finish(mut self, path: String) -> LargeFile {
        let ascii = std::mem::take(&mut self.ascii);
        self.keep(&ascii);
        let wide = std::mem::take(&mut self.wide);
        self.keep(&wide);
        LargeFile {
            path,
            size: self.size,
            sha256: hex::encode(self.hasher.finalize()),
            head: self.head,
            strings: self.strings,
            strings_complete: self.complete,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_keeps_head_and_finds_ascii_and_wide_strings() {
        let mut d = Digest::new(1 << 20);
        let mut data = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
        data.extend_from_slice(b"short\0https://hooks.example/x\0\0");
        for c in "cmd.exe /c whoami".bytes() {
            data.extend_from_slice(&[c, 0]);
        }
        data.extend_from_slice(b"\0\0");
        // Fed in odd-sized chunks: results must not depend on chunk boundaries.
        for chunk in data.chunks(7) {
            d.update(chunk);
        }
        let f = d.finish("bin/x".into());
        assert_eq!(f.size, data.len() as u64);
        assert_eq!(f.sha256, hex::encode(Sha256::digest(&data)));
        assert_eq!(f.head, data);
        assert_eq!(f.strings, "https://hooks.example/x\ncmd.exe /c whoami\n");
        assert!(f.strings_complete);
    }

    #[test]
    fn string_budget_is_reported() {
        let mut d = Digest::new(10);
        d.update(b"aaaaaaaa\0bbbbbbbbbb\0");
        let f = d.finish("x".into());
        assert_eq!(f.strings, "aaaaaaaa\n");
        assert!(!f.strings_complete);
    }
}
