//! Tar headers read exactly as node-tar 7 (npm 11's extractor, through pacote's `tar.x`) reads
//! them, so the entries diligence sees are the entries npm sees.
//!
//! node-tar is lenient where other readers stop, and each leniency is a place where two readers
//! see different files in the same bytes (a "parser differential"):
//! - a header with a bad checksum, without a path, a link without a target or a non-link with
//!   one is skipped *alone*: the next 512-byte block is read as a header, even when it was meant
//!   as that entry's data;
//! - one zero block does not end the archive; two do, and nothing after them is read;
//! - a PAX `x` or GNU `L`/`K` header applies to the next file-system entry only; a global PAX
//!   `g` header's `size` applies to every later entry (its `path` and `linkpath` do not);
//! - a file whose header name ends in `/` is a directory, and directories have no body;
//! - numbers are octal read like JavaScript's `parseInt(s, 8)`, or base-256; a malformed
//!   base-256 number invalidates the whole header (the checksum field is read over 12 bytes);
//! - strings end at the first NUL, but only up to the next line break (the JavaScript regex
//!   `/\0.*/` that node-tar applies);
//! - meta entries (PAX, GNU long names) over 1 MiB are skipped.
//!
//! The reader streams: it holds one 512-byte block and at most one meta body (≤ 1 MiB).

use std::io::{self, Read};

/// Tar block size.
pub(super) const BLOCK: usize = 512;
/// node-tar's `maxMetaEntrySize`: larger PAX / long-name bodies are skipped.
const MAX_META: u64 = 1024 * 1024;
/// Largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// Fields of PAX and GNU long-name headers that node-tar's `Pax` keeps and that change how an
/// entry is read. `uid`, `gid` and the times only matter by their presence: a present value
/// means the header's own (possibly malformed) field is not decoded.
#[derive(Debug, Clone, Default)]
struct Extended {
    path: Option<String>,
    linkpath: Option<String>,
    size: Option<f64>,
    uid: bool,
    gid: bool,
    mtime: bool,
    atime: bool,
    ctime: bool,
}

impl Extended {
    /// node-tar's `Object.assign({}, older, newer)`: fields of `newer` win.
    fn merged_over(self, older: Option<&Extended>) -> Extended {
        let Some(o) = older else { return self };
        Extended {
            path: self.path.or_else(|| o.path.clone()),
            linkpath: self.linkpath.or_else(|| o.linkpath.clone()),
            size: self.size.or(o.size),
            uid: self.uid || o.uid,
            gid: self.gid || o.gid,
            mtime: self.mtime || o.mtime,
            atime: self.atime || o.atime,
            ctime: self.ctime || o.ctime,
        }
    }
}

/// The entry types node-tar knows, by their typeflag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EntryType {
    /// `0`, NUL (old file) and `7` (contiguous file): the only types npm writes.
    File,
    /// `1`.
    HardLink,
    /// `2`.
    Symlink,
    /// `3`, `4`, `6`.
    Device,
    /// `5`, or a file whose name ends in `/`.
    Directory,
    /// `D` (GNU dump directory: a directory with a body).
    DumpDir,
    /// `L`/`N` (GNU long path), `K` (GNU long link), `x`/`X` (PAX), `g` (global PAX).
    LongPath,
    LongLink,
    Pax,
    GlobalPax,
    /// `A`, `I`, `M`, `S`, `V` and unknown typeflags: read past, never extracted.
    Ignored,
}

impl EntryType {
    fn is_meta(self) -> bool {
        matches!(
            self,
            EntryType::LongPath | EntryType::LongLink | EntryType::Pax | EntryType::GlobalPax
        )
    }
    fn is_link(self) -> bool {
        matches!(self, EntryType::HardLink | EntryType::Symlink)
    }
}

/// One file-system entry as node-tar's parser hands it to the extractor.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    /// The path as node-tar's entry carries it (a PAX or GNU long path when there is one).
    pub path: String,
    pub kind: EntryType,
    /// Link target (PAX `linkpath`, GNU long link or the header field).
    pub linkpath: Option<String>,
    /// Body size in bytes.
    pub size: u64,
}

/// Something node-tar warns about and reads past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Notice {
    /// A header skipped alone (bad checksum, no path, link rules): the next block was read as
    /// a header. Carries the header's name field and the reason.
    SkippedHeader { path: String, why: &'static str },
    /// A global PAX header set fields that apply to every later entry.
    GlobalHeader { fields: String },
}

/// Why reading stopped before the end of the archive.
#[derive(Debug)]
pub(super) enum Stop {
    /// The decompressor failed (corrupt or cut gzip data).
    Io(io::Error),
    /// The archive ends inside an entry's body (npm would write a cut file).
    Truncated { path: String },
    /// A size node-tar reads as a fraction, infinity or beyond 2^53: not modelled.
    Size { path: String, size: f64 },
    /// More header blocks than the reader's budget.
    TooManyEntries,
}

/// Streaming reader of tar entries with node-tar's semantics.
pub(super) struct TarReader<R> {
    src: R,
    ex: Option<Extended>,
    gex: Option<Extended>,
    saw_null: bool,
    done: bool,
    /// Data bytes of the current entry not yet read.
    remain: u64,
    /// Padding bytes after them.
    padding: u64,
    /// Path of the current entry (for the truncation message).
    current: String,
    /// Header blocks read so far (every kind, valid or not).
    headers: u64,
    max_headers: u64,
}

impl<R: Read> TarReader<R> {
    /// A reader of `src` that stops after `max_headers` header blocks.
    pub fn new(src: R, max_headers: u64) -> Self {
        TarReader {
            src,
            ex: None,
            gex: None,
            saw_null: false,
            done: false,
            remain: 0,
            padding: 0,
            current: String::new(),
            headers: 0,
            max_headers,
        }
    }

    /// The underlying reader (to drain the decompressor after the archive ends).
    pub fn into_inner(self) -> R {
        self.src
    }

    /// The next file-system entry, skipping the unread body of the previous one. `None` at the
    /// end of the archive (two zero blocks, or the end of the data between entries).
    /// `notice` hears every header node-tar warns about and skips.
    pub fn next_entry(&mut self, notice: &mut dyn FnMut(Notice)) -> Result<Option<Entry>, Stop> {
        self.skip_body()?;
        let mut block = [0u8; BLOCK];
        while !self.done {
            if self.headers >= self.max_headers {
                return Err(Stop::TooManyEntries);
            }
            if !self.read_block(&mut block)? {
                self.done = true;
                break;
            }
            self.headers += 1;
            if let Some(entry) = self.header(&block, notice)? {
                return Ok(Some(entry));
            }
        }
        Ok(None)
    }

    /// Reads body bytes of the current entry into `buf`; 0 at its end.
    pub fn read_body(&mut self, buf: &mut [u8]) -> Result<usize, Stop> {
        if self.remain == 0 {
            self.skip_padding()?;
            return Ok(0);
        }
        let want = buf
            .len()
            .min(usize::try_from(self.remain).unwrap_or(usize::MAX));
        let n = self.src.read(&mut buf[..want]).map_err(Stop::Io)?;
        if n == 0 {
            return Err(Stop::Truncated {
                path: self.current.clone(),
            });
        }
        self.remain -= n as u64;
        Ok(n)
    }

    /// Skips the rest of the current entry's body.
    pub fn skip_body(&mut self) -> Result<(), Stop> {
        let mut sink = [0u8; 16 * 1024];
        while self.read_body(&mut sink)? > 0 {}
        Ok(())
    }

    fn skip_padding(&mut self) -> Result<(), Stop> {
        if self.padding == 0 {
            return Ok(());
        }
        let pad = self.padding;
        self.padding = 0;
        let got = io::copy(&mut (&mut self.src).take(pad), &mut io::sink()).map_err(Stop::Io)?;
        if got < pad {
            // node-tar warns and ends the entry; the data already read is whole.
            self.done = true;
        }
        Ok(())
    }

    /// Reads one whole block; `false` at the end of the data (a partial last block is ignored,
    /// as node-tar ignores it).
    fn read_block(&mut self, block: &mut [u8; BLOCK]) -> Result<bool, Stop> {
        let mut filled = 0;
        while filled < BLOCK {
            let n = self.src.read(&mut block[filled..]).map_err(Stop::Io)?;
            if n == 0 {
                return Ok(false);
            }
            filled += n;
        }
        Ok(true)
    }

    /// Handles one header block like node-tar's `Parser[CONSUMEHEADER]`: returns the entry it
    /// starts, or `None` when the block was a meta header, a zero block or skipped.
    fn header(
        &mut self,
        block: &[u8; BLOCK],
        notice: &mut dyn FnMut(Notice),
    ) -> Result<Option<Entry>, Stop> {
        let header = match Header::decode(block, self.ex.as_ref(), self.gex.as_ref()) {
            Ok(h) => h,
            Err(why) => {
                notice(Notice::SkippedHeader {
                    path: dec_string(&block[..100]),
                    why,
                });
                return Ok(None);
            }
        };
        if header.null_block {
            if self.saw_null {
                self.done = true;
            }
            self.saw_null = true;
            return Ok(None);
        }
        self.saw_null = false;
        let skipped = |why| Notice::SkippedHeader {
            path: header.path.clone(),
            why,
        };
        if !header.cksum_valid {
            notice(skipped("checksum failure"));
            return Ok(None);
        }
        if header.path.is_empty() {
            notice(skipped("no path"));
            return Ok(None);
        }
        if header.kind.is_link() && header.linkpath.is_empty() {
            notice(skipped("link without a target"));
            return Ok(None);
        }
        if !header.kind.is_link()
            && !matches!(header.kind, EntryType::Pax | EntryType::GlobalPax)
            && !header.linkpath.is_empty()
        {
            notice(skipped("link target on an entry that is not a link"));
            return Ok(None);
        }
        let size = header.size.unwrap_or(0.0);
        if size.fract() != 0.0 || size > MAX_SAFE {
            return Err(Stop::Size {
                path: header.path,
                size,
            });
        }
        let size = size as u64;
        self.current = header.path.clone();
        self.remain = size;
        self.padding = size.div_ceil(BLOCK as u64) * BLOCK as u64 - size;
        if header.kind.is_meta() {
            if size > MAX_META {
                self.skip_body()?;
                return Ok(None);
            }
            if size > 0 {
                self.meta(header.kind, size, notice)?;
            }
            return Ok(None);
        }
        // node-tar's ReadEntry: the pending extended header's path and link target win; the
        // global header's link target too (its path never).
        let ex = self.ex.take();
        let path = ex
            .as_ref()
            .and_then(|e| e.path.clone())
            .unwrap_or(header.path);
        let linkpath = self
            .gex
            .as_ref()
            .and_then(|g| g.linkpath.clone())
            .or_else(|| ex.as_ref().and_then(|e| e.linkpath.clone()))
            .or(Some(header.linkpath).filter(|l| !l.is_empty()));
        Ok(Some(Entry {
            path,
            kind: header.kind,
            linkpath,
            size,
        }))
    }

    /// Reads a meta body and applies it like node-tar's `Parser[EMITMETA]`.
    fn meta(
        &mut self,
        kind: EntryType,
        size: u64,
        notice: &mut dyn FnMut(Notice),
    ) -> Result<(), Stop> {
        let mut body = vec![0u8; size as usize];
        let mut at = 0;
        while at < body.len() {
            let n = self.read_body(&mut body[at..])?;
            at += n;
        }
        self.skip_padding()?;
        let text = String::from_utf8_lossy(&body);
        match kind {
            EntryType::Pax => {
                self.ex = Some(parse_pax(&text).merged_over(self.ex.as_ref()));
            }
            EntryType::GlobalPax => {
                let g = parse_pax(&text);
                if g.size.is_some() || g.linkpath.is_some() {
                    notice(Notice::GlobalHeader {
                        fields: [
                            ("size", g.size.is_some()),
                            ("linkpath", g.linkpath.is_some()),
                        ]
                        .iter()
                        .filter(|(_, on)| *on)
                        .map(|(k, _)| *k)
                        .collect::<Vec<_>>()
                        .join(", "),
                    });
                }
                self.gex = Some(g.merged_over(self.gex.as_ref()));
            }
            EntryType::LongPath | EntryType::LongLink => {
                let value = cut_at_nul(&text);
                let ex = self.ex.get_or_insert_with(Extended::default);
                if kind == EntryType::LongPath {
                    ex.path = Some(value);
                } else {
                    ex.linkpath = Some(value);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// A decoded header block (node-tar's `Header`).
struct Header {
    kind: EntryType,
    path: String,
    /// The header's own link-name field (not the extended one).
    linkpath: String,
    size: Option<f64>,
    cksum_valid: bool,
    null_block: bool,
}

impl Header {
    /// Port of node-tar's `Header.decode`; `Err` where it throws (the header is then skipped).
    fn decode(
        b: &[u8; BLOCK],
        ex: Option<&Extended>,
        gex: Option<&Extended>,
    ) -> Result<Header, &'static str> {
        let flag = b[156];
        // Extended fields apply to file-system entries only, never to another meta header.
        let normal = matches!(flag, 0 | b'0'..=b'7' | b'D');
        let (exf, gexf) = if normal { (ex, gex) } else { (None, None) };
        let has = |f: fn(&Extended) -> bool| exf.is_some_and(f) || gexf.is_some_and(f);
        let mut path = exf
            .and_then(|e| e.path.clone())
            .unwrap_or_else(|| dec_string(&b[..100]));
        dec_number(&b[100..108])?; // mode
        if !has(|e| e.uid) {
            dec_number(&b[108..116])?;
        }
        if !has(|e| e.gid) {
            dec_number(&b[116..124])?;
        }
        let mut size = match exf.and_then(|e| e.size).or(gexf.and_then(|e| e.size)) {
            Some(s) => Some(s),
            None => dec_number(&b[124..136])?,
        }
        .filter(|s| *s >= 0.0);
        if !has(|e| e.mtime) {
            dec_number(&b[136..148])?;
        }
        let cksum = dec_number(&b[148..160])?;
        let mut kind = entry_type(flag);
        if matches!(flag, 0 | b'0') && path.ends_with('/') {
            kind = EntryType::Directory;
        }
        if kind == EntryType::Directory {
            size = Some(0.0);
        }
        let linkpath = dec_string(&b[157..257]);
        if &b[257..265] == b"ustar\x0000" {
            dec_number(&b[329..337])?; // devmaj
            dec_number(&b[337..345])?; // devmin
            if b[475] != 0 {
                path = format!("{}/{path}", dec_string(&b[345..500]));
            } else {
                let prefix = dec_string(&b[345..475]);
                if !prefix.is_empty() {
                    path = format!("{prefix}/{path}");
                }
                let any = |f: fn(&Extended) -> bool| ex.is_some_and(f) || gex.is_some_and(f);
                if !any(|e| e.atime) {
                    dec_number(&b[476..488])?;
                }
                if !any(|e| e.ctime) {
                    dec_number(&b[488..500])?;
                }
            }
        }
        let sum: u64 = 8 * 0x20
            + b[..148].iter().map(|&x| x as u64).sum::<u64>()
            + b[156..].iter().map(|&x| x as u64).sum::<u64>();
        Ok(Header {
            kind,
            path,
            linkpath,
            size,
            cksum_valid: cksum == Some(sum as f64),
            null_block: cksum.is_none() && sum == 8 * 0x20,
        })
    }
}

/// node-tar's type for a typeflag byte (a NUL is an old-style file).
fn entry_type(flag: u8) -> EntryType {
    match flag {
        0 | b'0' | b'7' => EntryType::File,
        b'1' => EntryType::HardLink,
        b'2' => EntryType::Symlink,
        b'3' | b'4' | b'6' => EntryType::Device,
        b'5' => EntryType::Directory,
        b'D' => EntryType::DumpDir,
        b'L' | b'N' => EntryType::LongPath,
        b'K' => EntryType::LongLink,
        b'x' | b'X' => EntryType::Pax,
        b'g' => EntryType::GlobalPax,
        _ => EntryType::Ignored,
    }
}

/// JavaScript line terminators (what `.` in a regex does not match).
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// `buf.toString('utf8').replace(/\0.*/, '')`: from the first NUL up to the next line break.
pub(super) fn dec_string(bytes: &[u8]) -> String {
    cut_at_nul(&String::from_utf8_lossy(bytes))
}

fn cut_at_nul(s: &str) -> String {
    let Some(i) = s.find('\0') else {
        return s.to_string();
    };
    let j = s[i..]
        .find(is_line_terminator)
        .map(|k| i + k)
        .unwrap_or(s.len());
    format!("{}{}", &s[..i], &s[j..])
}

/// JavaScript's white space and line terminators (`String.prototype.trim`, `parseInt`); the
/// set differs from Rust's `char::is_whitespace`.
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// node-tar's `decNumber`: base-256 when the high bit of the first byte is set (only `0x80`
/// and `0xff` prefixes are valid, and the value must be a safe integer), otherwise
/// `parseInt(s.replace(/\0.*$/, '').trim(), 8)`. `Ok(None)` is JavaScript's `undefined`.
fn dec_number(field: &[u8]) -> Result<Option<f64>, &'static str> {
    if field[0] & 0x80 != 0 {
        let value = match field[0] {
            0x80 => field[1..]
                .iter()
                .fold(0f64, |acc, &b| acc * 256.0 + b as f64),
            0xff => twos_complement(field),
            _ => return Err("invalid base-256 number"),
        };
        if value.abs() > MAX_SAFE {
            return Err("base-256 number beyond 2^53");
        }
        return Ok(Some(value));
    }
    let text = String::from_utf8_lossy(field);
    // `/\0.*$/`: the first NUL with no line break after it, to the end.
    let last_break = text.rfind(is_line_terminator).map(|i| i + 1).unwrap_or(0);
    let cut = text[last_break..]
        .find('\0')
        .map(|i| last_break + i)
        .unwrap_or(text.len());
    Ok(parse_int(js_trim(&text[..cut]), 8))
}

/// node-tar's base-256 negative numbers.
fn twos_complement(field: &[u8]) -> f64 {
    let mut sum = 0f64;
    let mut flipped = false;
    for (k, &byte) in field.iter().rev().enumerate() {
        let f = if flipped {
            0xff ^ byte
        } else if byte == 0 {
            0
        } else {
            flipped = true;
            (0xffu8 ^ byte).wrapping_add(1)
        };
        if f != 0 {
            sum -= f as f64 * 256f64.powi(k as i32);
        }
    }
    sum
}

/// JavaScript's `parseInt(s, radix)` on an already trimmed string: optional sign, then the
/// longest run of digits of the radix; `None` (NaN) when there is none.
fn parse_int(s: &str, radix: u32) -> Option<f64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut value = 0f64;
    let mut any = false;
    for c in digits.chars() {
        let Some(d) = c.to_digit(radix) else { break };
        value = value * radix as f64 + d as f64;
        any = true;
    }
    any.then_some(if neg { -value } else { value })
}

/// node-tar's PAX parser: records `"<len> <key>=<value>"` one per line, where `<len>` must be
/// the byte length of the record with its newline (records that disagree are dropped; a
/// value holding a newline therefore drops its record).
fn parse_pax(text: &str) -> Extended {
    let mut ex = Extended::default();
    let text = text.strip_suffix('\n').unwrap_or(text);
    for line in text.split('\n') {
        let Some(n) = parse_int(line.trim_start_matches(is_js_space), 10) else {
            continue;
        };
        if n != (line.len() + 1) as f64 {
            continue;
        }
        let skip = format!("{n} ").chars().count();
        let rest: String = line.chars().skip(skip).collect();
        let (key, value) = rest.split_once('=').unwrap_or((&rest, ""));
        if key.is_empty() {
            continue;
        }
        let value = cut_at_nul(value);
        match key {
            "path" => ex.path = Some(value),
            "linkpath" => ex.linkpath = Some(value),
            "size" => {
                if let Some(s) = js_number(&value).filter(|s| *s >= 0.0) {
                    ex.size = Some(s);
                }
            }
            "uid" => ex.uid = true,
            "gid" => ex.gid = true,
            "mtime" => ex.mtime = true,
            "atime" => ex.atime = true,
            "ctime" => ex.ctime = true,
            _ => {}
        }
    }
    ex
}

/// JavaScript's unary `+` on a string: trimmed; empty is 0; decimal (with fraction and
/// exponent), `0x`/`0o`/`0b` integers and `Infinity`; anything else NaN (`None`).
fn js_number(s: &str) -> Option<f64> {
    let t = js_trim(s);
    if t.is_empty() {
        return Some(0.0);
    }
    let radix = match t.get(..2) {
        Some("0x" | "0X") => Some(16),
        Some("0o" | "0O") => Some(8),
        Some("0b" | "0B") => Some(2),
        _ => None,
    };
    if let Some(r) = radix {
        let digits = &t[2..];
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(r)) {
            return None;
        }
        return parse_int(digits, r);
    }
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if unsigned == "Infinity" {
        return Some(if t.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    let ok = !unsigned.is_empty()
        && unsigned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
        && unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if !ok {
        return None;
    }
    t.parse::<f64>().ok()
}

/// True when `bytes` starts with a tar header block node-tar accepts (a valid checksum): how
/// an uncompressed tarball is told from other data.
pub(super) fn is_tar_header(bytes: &[u8]) -> bool {
    let Some(block) = bytes.first_chunk::<BLOCK>() else {
        return false;
    };
    Header::decode(block, None, None).is_ok_and(|h| h.cksum_valid)
}
