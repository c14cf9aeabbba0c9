//! Hand-built tarballs, one per trick an attacker can play on a tarball reader: each is inert
//! data (no code runs when npm extracts it) built byte by byte so every header field is under
//! the test's control.

use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;

/// Options of one header block.
#[derive(Clone)]
pub struct Hdr<'a> {
    pub name: &'a [u8],
    pub size: u64,
    pub flag: u8,
    pub linkpath: &'a [u8],
    pub prefix: &'a [u8],
    /// `ustar\000` (POSIX) unless GNU (`ustar  \0`) is asked for.
    pub gnu: bool,
    /// Checksum field written as-is when set.
    pub cksum: Option<&'a [u8]>,
    /// Size field written as-is when set.
    pub size_field: Option<&'a [u8]>,
}

impl<'a> Hdr<'a> {
    pub fn new(name: &'a [u8], size: u64) -> Self {
        Hdr {
            name,
            size,
            flag: b'0',
            linkpath: b"",
            prefix: b"",
            gnu: false,
            cksum: None,
            size_field: None,
        }
    }

    pub fn block(&self) -> Vec<u8> {
        let mut b = vec![0u8; 512];
        b[..self.name.len()].copy_from_slice(self.name);
        b[100..108].copy_from_slice(b"0000644\0");
        b[108..116].copy_from_slice(b"0000000\0");
        b[116..124].copy_from_slice(b"0000000\0");
        match self.size_field {
            Some(f) => b[124..124 + f.len()].copy_from_slice(f),
            None => b[124..136].copy_from_slice(format!("{:011o}\0", self.size).as_bytes()),
        }
        b[136..148].copy_from_slice(b"00000000000\0");
        b[156] = self.flag;
        b[157..157 + self.linkpath.len()].copy_from_slice(self.linkpath);
        b[257..265].copy_from_slice(if self.gnu {
            b"ustar  \0"
        } else {
            b"ustar\x0000"
        });
        b[345..345 + self.prefix.len()].copy_from_slice(self.prefix);
        b[148..156].copy_from_slice(b"        ");
        match self.cksum {
            Some(c) => b[148..148 + c.len()].copy_from_slice(c),
            None => {
                let sum: u32 = b.iter().map(|&x| x as u32).sum();
                b[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
            }
        }
        b
    }
}

/// Zero bytes up to the next 512-byte boundary.
pub fn pad(data: &[u8]) -> Vec<u8> {
    let mut v = data.to_vec();
    v.resize(data.len().div_ceil(512) * 512, 0);
    v
}

/// A regular file entry.
pub fn file(name: &[u8], data: &[u8]) -> Vec<u8> {
    let mut v = Hdr::new(name, data.len() as u64).block();
    v.extend(pad(data));
    v
}

/// An entry of `flag` with a body.
pub fn typed(name: &[u8], flag: u8, data: &[u8]) -> Vec<u8> {
    let mut h = Hdr::new(name, data.len() as u64);
    h.flag = flag;
    let mut v = h.block();
    v.extend(pad(data));
    v
}

/// A link entry (`1` hard, `2` symbolic).
pub fn link(name: &[u8], flag: u8, target: &[u8]) -> Vec<u8> {
    let mut h = Hdr::new(name, 0);
    h.flag = flag;
    h.linkpath = target;
    h.block()
}

/// A PAX record `"<len> key=value\n"`.
fn pax_record(key: &[u8], value: &[u8]) -> Vec<u8> {
    let body_len = key.len() + value.len() + 3;
    let mut n = body_len + 1;
    loop {
        let total = n.to_string().len() + body_len;
        if total == n {
            break;
        }
        n = total;
    }
    let mut r = format!("{n} ").into_bytes();
    r.extend_from_slice(key);
    r.push(b'=');
    r.extend_from_slice(value);
    r.push(b'\n');
    r
}

/// A PAX header (`x` local or `g` global) with its records.
pub fn pax(flag: u8, records: &[(&[u8], &[u8])]) -> Vec<u8> {
    let body: Vec<u8> = records.iter().flat_map(|(k, v)| pax_record(k, v)).collect();
    typed(b"PaxHeader/x", flag, &body)
}

/// The end-of-archive marker (two zero blocks).
pub fn end() -> Vec<u8> {
    vec![0u8; 1024]
}

/// One gzip member.
pub fn gz(tar: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(tar).unwrap();
    e.finish().unwrap()
}

/// Pseudo-random bytes (xorshift), so big test files do not compress.
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

pub const PJ: &[u8] = br#"{"name":"t","version":"1.0.0"}"#;
const PJ2: &[u8] = br#"{"name":"t","version":"2.0.0","scripts":{"postinstall":"node evil.js"}}"#;

fn cat(parts: &[Vec<u8>]) -> Vec<u8> {
    parts.concat()
}

fn base() -> Vec<u8> {
    file(b"package/package.json", PJ)
}

/// Every trick: (name, tarball bytes, what it tries).
pub fn all() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut v: Vec<(&'static str, Vec<u8>, &'static str)> = Vec::new();
    let mut add = |name, bytes, what| v.push((name, bytes, what));
    add(
        "basic",
        gz(&cat(&[
            base(),
            file(b"package/index.js", b"module.exports = 1\n"),
            end(),
        ])),
        "a plain npm tarball",
    );
    add(
        "duplicate-package-json",
        gz(&cat(&[base(), file(b"package/package.json", PJ2), end()])),
        "two package/package.json entries: npm keeps the last",
    );
    add(
        "root-level-package-json",
        gz(&cat(&[
            file(b"package.json", PJ2),
            base(),
            file(b"package.json", PJ2),
            end(),
        ])),
        "a package.json at the archive root beside package/package.json",
    );
    let multi = [
        gz(&base()),
        gz(&cat(&[file(b"package/second.js", b"2\n"), end()])),
    ]
    .concat();
    add(
        "multi-member-gzip",
        multi,
        "entries split over two gzip members",
    );
    let whole = gz(&cat(&[base(), file(b"package/index.js", b"1\n"), end()]));
    add(
        "cut-trailer",
        whole[..whole.len() - 4].to_vec(),
        "the gzip trailer cut short",
    );
    let mut bad_crc = whole.clone();
    let at = bad_crc.len() - 8;
    bad_crc[at] ^= 1;
    add("corrupt-crc", bad_crc, "a wrong CRC-32 in the gzip trailer");
    add(
        "trailing-garbage",
        [whole.clone(), b"garbage".to_vec()].concat(),
        "bytes after the gzip stream that are not a gzip member",
    );
    add(
        "trailing-zero-padding",
        [whole.clone(), vec![0u8; 100]].concat(),
        "zero padding after the gzip stream",
    );
    add(
        "member-after-padding",
        [
            whole.clone(),
            vec![0u8],
            gz(&cat(&[file(b"package/late.js", b"late\n"), end()])),
        ]
        .concat(),
        "a gzip member after zero padding (npm reads it or not by chunking)",
    );
    let deep = format!(
        r#"{{"name":"t","version":"1.0.0","scripts":{{"postinstall":"node evil.js"}},"x":{}{}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    add(
        "deep-manifest",
        gz(&cat(&[
            file(b"package/package.json", deep.as_bytes()),
            end(),
        ])),
        "a package.json nested 200 levels deep",
    );
    let long = format!("package/lib/{}/index.js", "d".repeat(150));
    add(
        "pax-long-path",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"path", long.as_bytes())]),
            file(b"package/short.js", b"pax\n"),
            end(),
        ])),
        "a PAX path over 100 bytes",
    );
    let gnu_name = format!("package/gnu/{}.js\0", "g".repeat(120));
    let mut long_link = Hdr::new(b"././@LongLink", gnu_name.len() as u64);
    long_link.flag = b'L';
    long_link.gnu = true;
    let mut short = Hdr::new(b"package/short.js", 4);
    short.gnu = true;
    add(
        "gnu-long-name",
        gz(&cat(&[
            base(),
            long_link.block(),
            pad(gnu_name.as_bytes()),
            short.block(),
            pad(b"gnu\n"),
            end(),
        ])),
        "a GNU long name (`L` header)",
    );
    let mut prefixed = Hdr::new(b"x.js", 3);
    prefixed.prefix = b"package/pre";
    add(
        "ustar-prefix",
        gz(&cat(&[base(), prefixed.block(), pad(b"pre"), end()])),
        "a path split into the ustar prefix and name",
    );
    add(
        "pax-path-and-prefix",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"path", b"inner.js")]),
            prefixed.block(),
            pad(b"pre"),
            end(),
        ])),
        "a PAX path with a ustar prefix (node-tar checks prefix/path, writes the PAX path)",
    );
    add(
        "dot-slash-prefix",
        gz(&cat(&[
            file(b"./package/package.json", PJ),
            file(b"./package/index.js", b"1\n"),
            end(),
        ])),
        "`./package/` paths: strip removes `.` and keeps `package/`",
    );
    add(
        "other-first-component",
        gz(&cat(&[
            file(b"node/package.json", PJ),
            file(b"node/index.js", b"1\n"),
            end(),
        ])),
        "a first component other than `package/`",
    );
    add(
        "mixed-first-components",
        gz(&cat(&[
            base(),
            file(b"package/index.js", b"good\n"),
            file(b"evil/index.js", b"evil\n"),
            end(),
        ])),
        "two first components: both map onto the package root",
    );
    add(
        "case-variant-manifest",
        gz(&cat(&[base(), file(b"package/PACKAGE.JSON", PJ2), end()])),
        "package.json and PACKAGE.JSON (one file on macOS and Windows)",
    );
    add(
        "case-variant-files",
        gz(&cat(&[
            base(),
            file(b"package/index.js", b"a\n"),
            file(b"package/INDEX.JS", b"b\n"),
            end(),
        ])),
        "index.js and INDEX.JS",
    );
    add(
        "trailing-dot-manifest",
        gz(&cat(&[base(), file(b"package/package.json.", PJ2), end()])),
        "`package.json.` (Windows drops trailing dots)",
    );
    add(
        "links",
        gz(&cat(&[
            base(),
            link(b"package/sym.js", b'2', b"../../etc/passwd"),
            link(b"package/hard.js", b'1', b"package/package.json"),
            end(),
        ])),
        "a symlink and a hard link",
    );
    let mut slash = Hdr::new(b"package/dir.js/", 1024);
    slash.flag = b'0';
    add(
        "trailing-slash-file",
        gz(&cat(&[
            base(),
            slash.block(),
            file(b"package/smuggled.js", b"evil\n"),
            end(),
        ])),
        "a file named `x/` with a body: npm reads a folder and parses the body as headers",
    );
    let mut with_link = Hdr::new(b"package/hidden.js", 1024);
    with_link.linkpath = b"x";
    add(
        "linkpath-on-file",
        gz(&cat(&[
            base(),
            with_link.block(),
            file(b"package/smuggled.js", b"evil\n"),
            end(),
        ])),
        "a file header with a link target: npm skips the header alone",
    );
    let mut bad = Hdr::new(b"package/bad.js", 0);
    bad.cksum = Some(b"000005\0 ");
    add(
        "bad-checksum",
        gz(&cat(&[
            base(),
            bad.block(),
            file(b"package/after.js", b"after\n"),
            end(),
        ])),
        "a header with a wrong checksum followed by a valid one",
    );
    let mut eight = Hdr::new(b"package/eight.js", 1);
    let mut probe = eight.block();
    probe[148..156].copy_from_slice(b"        ");
    let sum: u32 = probe.iter().map(|&x| x as u32).sum();
    let eight_digits = format!("{sum:08o}");
    eight.cksum = Some(eight_digits.as_bytes());
    let mut eight_block = eight.block();
    eight_block.extend(pad(b"8"));
    add(
        "checksum-eight-digits",
        gz(&cat(&[base(), eight_block, end()])),
        "a checksum of 8 digits without terminator (node-tar reads 12 bytes)",
    );
    add(
        "single-zero-block",
        gz(&cat(&[
            base(),
            vec![0u8; 512],
            file(b"package/evil.js", b"evil\n"),
            end(),
        ])),
        "one zero block between entries (not the end for npm)",
    );
    add(
        "after-end-of-archive",
        gz(&cat(&[
            base(),
            end(),
            file(b"package/after.js", b"x\n"),
            end(),
        ])),
        "entries after two zero blocks",
    );
    add(
        "dot-dot-first-component",
        gz(&cat(&[base(), file(b"../x/index.js", b"x\n"), end()])),
        "`../x/…`: the `..` is the stripped component",
    );
    add(
        "dot-dot-inside",
        gz(&cat(&[
            base(),
            file(b"package/../../etc/passwd", b"x\n"),
            end(),
        ])),
        "`package/../../etc/passwd`",
    );
    add(
        "absolute-path",
        gz(&cat(&[
            base(),
            file(b"/abs/file.js", b"a\n"),
            file(b"package/C:\\x.js", b"c\n"),
            end(),
        ])),
        "absolute paths (`/…`, `C:\\…`)",
    );
    add(
        "backslashes",
        gz(&cat(&[
            base(),
            file(b"package\\win.js", b"w\n"),
            file(b"package/a\\..\\b.js", b"w\n"),
            end(),
        ])),
        "backslash separators",
    );
    add(
        "gitignore",
        gz(&cat(&[
            base(),
            file(b"package/.gitignore", b"g\n"),
            file(b"package/lib/.npmignore", b"n\n"),
            file(b"package/lib/.gitignore", b"g\n"),
            end(),
        ])),
        "`.gitignore` files (pacote renames them)",
    );
    add(
        "file-then-folder",
        gz(&cat(&[
            base(),
            file(b"package/a", b"1\n"),
            file(b"package/a/b.js", b"2\n"),
            file(b"package/c/d.js", b"3\n"),
            file(b"package/c", b"4\n"),
            end(),
        ])),
        "a file under a file, and a file over a folder",
    );
    add(
        "global-pax-size",
        gz(&cat(&[
            base(),
            pax(b'g', &[(b"size", b"1024")]),
            file(b"package/a.js", b"a\n"),
            file(b"package/b.js", b"b\n"),
            end(),
        ])),
        "a global PAX size applied to every later entry",
    );
    add(
        "pax-size-zero",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"size", b"0")]),
            file(b"package/z.js", b"zzzz"),
            end(),
        ])),
        "a PAX size smaller than the header's",
    );
    add(
        "pax-path-nul",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"path", b"package/visible.js\0hidden.js")]),
            file(b"package/o.js", b"n\n"),
            end(),
        ])),
        "a NUL inside a PAX path",
    );
    let long_name = format!("package/{}.js", "c".repeat(300));
    add(
        "long-file-name",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"path", long_name.as_bytes())]),
            file(b"package/q.js", b"c\n"),
            end(),
        ])),
        "a file name over 255 bytes",
    );
    add(
        "uncompressed",
        cat(&[base(), file(b"package/index.js", b"1\n"), end()]),
        "a plain tar without gzip",
    );
    let mut b256 = Hdr::new(b"package/b256.js", 2);
    let size256 = [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    b256.size_field = Some(&size256);
    let mut b256_block = b256.block();
    b256_block.extend(pad(b"bb"));
    add(
        "base256-size",
        gz(&cat(&[base(), b256_block, end()])),
        "a size in base-256",
    );
    let mut dir = Hdr::new(b"package/dir", 1024);
    dir.flag = b'5';
    add(
        "folder-with-body",
        gz(&cat(&[
            base(),
            dir.block(),
            file(b"package/smuggled.js", b"evil\n"),
            end(),
        ])),
        "a folder entry with a size: npm reads no body",
    );
    add(
        "unknown-types",
        gz(&cat(&[
            base(),
            typed(b"package/s.js", b'S', b"sparse"),
            typed(b"package/d", b'D', &[b'x'; 600]),
            typed(b"package/c.js", b'7', b"contiguous\n"),
            typed(b"package/o.js", 0, b"old\n"),
            typed(b"package/dev", b'3', b""),
            end(),
        ])),
        "sparse, dump-dir, contiguous, old-style and device entries",
    );
    add(
        "manifest-bom",
        gz(&cat(&[
            file(
                b"package/package.json",
                &[b"\xef\xbb\xbf".as_slice(), PJ].concat(),
            ),
            end(),
        ])),
        "a package.json with a byte-order mark",
    );
    add(
        "manifest-duplicate-keys",
        gz(&cat(&[
            file(
                b"package/package.json",
                br#"{"name":"t","version":"1.0.0","scripts":{},"scripts":{"postinstall":"node evil.js"}}"#,
            ),
            end(),
        ])),
        "duplicate keys in package.json (the last wins)",
    );
    let nul_name = b"package/a.js\0junk\nb.js";
    add(
        "nul-newline-name",
        gz(&cat(&[base(), file(nul_name, b"q\n"), end()])),
        "a NUL then a newline in a name (node-tar keeps the text after the newline)",
    );
    let mut bad_uid = Hdr::new(b"package/uid.js", 600).block();
    bad_uid[108] = 0x81;
    bad_uid[148..156].copy_from_slice(b"        ");
    let sum: u32 = bad_uid.iter().map(|&x| x as u32).sum();
    bad_uid[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    add(
        "invalid-base256-field",
        gz(&cat(&[
            base(),
            bad_uid,
            file(b"package/inner.js", b"evil\n"),
            pad(&[b'x'; 600 - 517]),
            end(),
        ])),
        "a malformed base-256 uid: node-tar drops the header and reads its body as headers",
    );
    let mut bad = Hdr::new(b"package/bad.js", 0);
    bad.cksum = Some(b"000005\0 ");
    add(
        "pax-across-invalid-header",
        gz(&cat(&[
            base(),
            pax(b'x', &[(b"path", b"package/renamed.js")]),
            bad.block(),
            file(b"package/plain.js", b"p\n"),
            end(),
        ])),
        "a PAX header, an invalid header, then a file: the PAX path still applies",
    );
    let letters: String = noise(1024 * 1024, 9)
        .iter()
        .map(|b| (b'a' + b % 26) as char)
        .collect();
    let big_meta = format!("package/{letters}.js");
    add(
        "meta-over-1mib",
        gz(&cat(&[
            base(),
            typed(b"././@LongLink", b'L', big_meta.as_bytes()),
            file(b"package/after-meta.js", b"m\n"),
            end(),
        ])),
        "a GNU long name over 1 MiB (node-tar skips it)",
    );
    add(
        "global-pax-path",
        gz(&cat(&[
            base(),
            pax(b'g', &[(b"path", b"package/global.js")]),
            file(b"package/local.js", b"l\n"),
            end(),
        ])),
        "a global PAX path (ignored by node-tar)",
    );
    let mut long_link = Hdr::new(b"././@LongLink", 9);
    long_link.flag = b'K';
    add(
        "long-link-on-file",
        gz(&cat(&[
            base(),
            long_link.block(),
            pad(b"x/target\0"),
            file(b"package/k.js", b"k\n"),
            end(),
        ])),
        "a GNU long link name before a regular file",
    );
    add(
        "large-file",
        gz(&cat(&[
            base(),
            file(
                b"package/bin/tool",
                &[b"\x7fELF\x02\x01\x01\0".as_slice(), &noise(4000, 7)].concat(),
            ),
            end(),
        ])),
        "a file over the in-memory limit (the test sets it to 1 KiB): streamed",
    );
    v
}
