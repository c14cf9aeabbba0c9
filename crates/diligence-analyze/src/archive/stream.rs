//! The bytes of a tarball as node-tar's parser receives them, with budgets.
//!
//! node-tar sniffs the first bytes: gzip magic (`1f 8b`) goes through node's zlib, which reads
//! every gzip member in turn and checks each trailer (CRC-32 and size; a cut or corrupt
//! trailer fails the install), stops quietly at zero padding after a member and fails on any
//! other trailing bytes; zstd magic goes through zstd; anything else whose first block is a
//! tar header is read as an uncompressed tar. Zstd is refused here (not evaluated).
//!
//! Every byte handed out counts against [`ArchiveLimits::max_unpacked_bytes`] and the
//! compression ratio, so a bomb stops early whatever the entries are (file, link, padding).

use super::ArchiveLimits;
use flate2::bufread::GzDecoder;
use std::io::{self, Read};

/// A budget was exceeded while decompressing; carried inside an `io::Error`.
#[derive(Debug)]
pub(super) struct Exceeded(pub String);

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Exceeded {}

/// The budget message when `e` is a budget stop.
pub(super) fn exceeded(e: &io::Error) -> Option<&str> {
    e.get_ref()
        .and_then(|inner| inner.downcast_ref::<Exceeded>())
        .map(|x| x.0.as_str())
}

/// Decompressed bytes of one tarball.
pub(super) struct Source<'a> {
    input_len: usize,
    inner: Inner<'a>,
    produced: u64,
    max_unpacked: u64,
    max_ratio: u64,
}

enum Inner<'a> {
    Plain(&'a [u8]),
    Gzip {
        member: Option<Box<GzDecoder<&'a [u8]>>>,
        rest: &'a [u8],
    },
}

impl<'a> Source<'a> {
    /// Sniffs `bytes` like node-tar. `Err` (one line) for zstd and for data that is neither
    /// gzip nor a tar archive.
    pub fn open(bytes: &'a [u8], limits: &ArchiveLimits) -> Result<Self, String> {
        let inner = if bytes.starts_with(&[0x1f, 0x8b]) {
            Inner::Gzip {
                member: Some(Box::new(GzDecoder::new(bytes))),
                rest: &[],
            }
        } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            return Err("zstd-compressed tarball (npm reads it; diligence does not)".into());
        } else if super::node_tar::is_tar_header(bytes) {
            Inner::Plain(bytes)
        } else {
            return Err("neither gzip (magic bytes 1f 8b) nor a tar archive".into());
        };
        Ok(Source {
            input_len: bytes.len(),
            inner,
            produced: 0,
            max_unpacked: limits.max_unpacked_bytes,
            max_ratio: limits.max_ratio,
        })
    }

    /// Compressed bytes consumed so far.
    fn consumed(&self) -> u64 {
        let left = match &self.inner {
            Inner::Plain(rest) => rest.len(),
            Inner::Gzip {
                member: Some(d), ..
            } => d.get_ref().len(),
            Inner::Gzip { rest, .. } => rest.len(),
        };
        (self.input_len - left) as u64
    }

    fn check_budget(&self) -> io::Result<()> {
        if self.produced > self.max_unpacked {
            return Err(io::Error::other(Exceeded(format!(
                "more than {} bytes unpacked: unpacking stopped",
                self.max_unpacked
            ))));
        }
        let consumed = self.consumed().max(1);
        if self.produced > 1024 * 1024 && self.produced / consumed > self.max_ratio {
            return Err(io::Error::other(Exceeded(format!(
                "compression ratio above {}:1 ({} bytes from {consumed}): unpacking stopped",
                self.max_ratio, self.produced
            ))));
        }
        Ok(())
    }

    fn read_gzip(
        member: &mut Option<Box<GzDecoder<&'a [u8]>>>,
        rest: &mut &'a [u8],
        buf: &mut [u8],
    ) -> io::Result<usize> {
        loop {
            let Some(d) = member else { return Ok(0) };
            let n = d.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // The member ended and its trailer matched. What follows decides, as in node's
            // zlib: nothing or zero padding ends the stream; anything else is a new member
            // (a bad one fails, like npm's `Z_DATA_ERROR`).
            let after = member.take().map(|d| d.into_inner()).unwrap_or_default();
            match after.first() {
                None => return Ok(0),
                Some(0) if after.iter().all(|&b| b == 0) => {
                    *rest = &after[after.len()..];
                    return Ok(0);
                }
                Some(0) => {
                    *rest = after;
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "data after the zero padding that ends the gzip stream \
                         (npm may or may not read it)",
                    ));
                }
                Some(_) => *member = Some(Box::new(GzDecoder::new(after))),
            }
        }
    }
}

impl Read for Source<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = match &mut self.inner {
            Inner::Plain(rest) => rest.read(buf)?,
            Inner::Gzip { member, rest } => Self::read_gzip(member, rest, buf)?,
        };
        self.produced += n as u64;
        self.check_budget()?;
        Ok(n)
    }
}
