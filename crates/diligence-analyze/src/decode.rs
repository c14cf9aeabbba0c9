//! Constant decoders: the simple encodings malware uses to hide strings (base64, hex, char
//! codes with an optional XOR key, reversed text, invisible Unicode variation selectors).
//! Each returns decoded *text* only when the result is mostly printable, so binary blobs (fonts,
//! images, wasm) are ignored.

use base64::Engine;

/// Minimum length of an encoded literal worth decoding.
pub const MIN_ENCODED: usize = 16;

/// Decodes standard or URL-safe base64 (padding optional) to printable text.
pub fn base64_text(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() < MIN_ENCODED / 2 || s.len() % 4 == 1 {
        return None;
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'-' | b'_'))
    {
        return None;
    }
    // Plain words and identifiers are valid base64 too: require some mix.
    let has_digit_or_sym = s
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'+' | b'/' | b'='));
    let has_upper = s.bytes().any(|b| b.is_ascii_uppercase());
    let has_lower = s.bytes().any(|b| b.is_ascii_lowercase());
    if !(has_digit_or_sym || has_upper && has_lower) {
        return None;
    }
    let trimmed = s.trim_end_matches('=');
    let engines = [
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    for engine in engines {
        if let Ok(bytes) = engine.decode(trimmed) {
            return printable(&bytes);
        }
    }
    None
}

/// Shortest base64 or hex run [`embedded_texts`] tries to decode.
const MIN_EMBEDDED: usize = 40;
/// Most runs [`embedded_texts`] decodes per text (and per decoded text).
const MAX_EMBEDDED_RUNS: usize = 256;
/// Longest run [`embedded_texts`] decodes.
const MAX_EMBEDDED_RUN: usize = 256 * 1024;

/// The text hidden in `text` as base64 or hex, for rules that read a file's text: every run of
/// at least 40 base64 characters that decodes to printable text (or, failing that, as hex),
/// with its byte offset in `text`, then what those texts hide in turn, down to `depth` levels
/// (a base64 script inside a base64 command, base64 of base64). Offsets of nested texts are
/// those of the outermost run. At most 256 runs per text are tried.
pub fn embedded_texts(text: &str, depth: u8) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut todo: Vec<(usize, String, u8)> = Vec::new();
    collect_runs(text, None, depth, &mut todo);
    while let Some((at, decoded, left)) = todo.pop() {
        if left > 1 {
            collect_runs(&decoded, Some(at), left - 1, &mut todo);
        }
        out.push((at, decoded));
    }
    out.sort();
    out
}

/// Decodes the base64/hex runs of `text` into `todo` (offset, text, levels left).
///
/// Only runs of at least [`MIN_EMBEDDED`] characters (padding included) count, so before
/// reading a run byte by byte the scan looks for the last byte of the next window of that
/// length that can be neither in a run nor padding, and jumps past it: no run that long can
/// start before it. Ordinary code (words of a few letters) is then read about once per window,
/// not byte by byte (this scan runs on every text file; it was a tenth of the scan of a large
/// package, typescript 7.0.2).
fn collect_runs(text: &str, outer: Option<usize>, left: u8, todo: &mut Vec<(usize, String, u8)>) {
    let b = text.as_bytes();
    let is_b64 = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_');
    let (mut i, mut tried) = (0, 0);
    while i + MIN_EMBEDDED <= b.len() && tried < MAX_EMBEDDED_RUNS {
        if let Some(k) = b[i..i + MIN_EMBEDDED]
            .iter()
            .rposition(|&c| !is_b64(c) && c != b'=')
        {
            i += k + 1;
            continue;
        }
        if !is_b64(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && is_b64(b[i]) {
            i += 1;
        }
        while i < b.len() && b[i] == b'=' && i - start < MAX_EMBEDDED_RUN {
            i += 1;
        }
        let run = &text[start..i];
        if run.len() < MIN_EMBEDDED || run.len() > MAX_EMBEDDED_RUN {
            continue;
        }
        tried += 1;
        if let Some(d) = base64_text(run).or_else(|| hex_text(run)) {
            todo.push((outer.unwrap_or(start), d, left));
        }
    }
}

/// Decodes a value the code itself declares as base64 (`Buffer.from(s, 'base64')`): unlike
/// [`base64_text`], short values count (`'Li8='` is `./`, `'4p2k77iP'` a heart), since the
/// encoding is not guessed. The result must be valid UTF-8 with no control characters other
/// than line breaks and tabs.
pub fn base64_declared(s: &str) -> Option<String> {
    let t = s.trim().trim_end_matches('=');
    if t.is_empty() {
        return None;
    }
    let engines = [
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let bytes = engines.iter().find_map(|e| e.decode(t).ok())?;
    let text = String::from_utf8(bytes).ok()?;
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .then_some(text)
}

/// Decodes an even-length hex string to printable text.
pub fn hex_text(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() < MIN_ENCODED
        || !s.len().is_multiple_of(2)
        || !s.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let bytes = hex::decode(s).ok()?;
    printable(&bytes)
}

/// Decodes code points (optionally XOR-ed with `key`) to printable text.
pub fn char_codes(codes: &[f64], key: u32) -> Option<String> {
    let mut out = String::with_capacity(codes.len());
    for &c in codes {
        if !(0.0..=1_114_111.0).contains(&c) || c.fract() != 0.0 {
            return None;
        }
        let ch = char::from_u32((c as u32) ^ key)?;
        out.push(ch);
    }
    let ok = out
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .count();
    (ok * 10 >= out.chars().count() * 9 && !out.is_empty()).then_some(out)
}

/// Decodes invisible Unicode variation selectors (U+FE00–FE0F = 0–15, U+E0100–E01EF = 16–255)
/// to bytes and then to text, the GlassWorm / os-info-checker encoding. Needs at least 8.
pub fn variation_selectors(s: &str) -> Option<String> {
    let bytes: Vec<u8> = s
        .chars()
        .filter_map(|c| {
            let p = c as u32;
            match p {
                0xfe00..=0xfe0f => Some((p - 0xfe00) as u8),
                0xe0100..=0xe01ef => Some((p - 0xe0100 + 16) as u8),
                _ => None,
            }
        })
        .collect();
    if bytes.len() < 8 {
        return None;
    }
    printable(&bytes)
}

/// Decodes text hidden as code points shifted into a range that renders as nothing or as
/// blank boxes: private-use characters (U+E000–F8FF, planes 15 and 16) or tag characters, each
/// the base of one 256-block plus a byte (`String.fromCharCode(c - 0xF0000)`, the os-info-checker
/// shape). The longest run of at least 16 such characters within one block, if it spells
/// printable text.
pub fn shifted_code_points(s: &str) -> Option<String> {
    let hidden = |p: u32| matches!(p, 0xe000..=0xf8ff | 0xe0000..=0xe007f | 0xf0000..=0xffffd | 0x100000..=0x10fffd);
    let (mut best, mut run, mut block): (Vec<u8>, Vec<u8>, u32) = (Vec::new(), Vec::new(), 0);
    for c in s.chars() {
        let p = c as u32;
        if hidden(p) && (run.is_empty() || p >> 8 == block) {
            block = p >> 8;
            run.push((p & 0xff) as u8);
            continue;
        }
        if run.len() > best.len() {
            best = std::mem::take(&mut run);
        }
        run.clear();
        if hidden(p) {
            block = p >> 8;
            run.push((p & 0xff) as u8);
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    if best.len() < 16 {
        return None;
    }
    printable(&best)
}

/// Length of the longest run of consecutive invisible format characters (variation
/// selectors, tag characters, zero-width characters) in `s`. Emoji sequences in prose use one
/// or two at a time; payloads use hundreds in a row.
pub fn invisible_count(s: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in s.chars() {
        let p = c as u32;
        if matches!(p, 0xfe00..=0xfe0f | 0xe0100..=0xe01ef | 0xe0000..=0xe007f | 0x200b..=0x200d | 0x2060..=0x2064)
        {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// The ASCII text spelled by Unicode tag characters (U+E0020–U+E007E, invisible when
/// rendered): the longest run of at least 8, or `None`.
pub fn unicode_tags(s: &str) -> Option<String> {
    let (mut best, mut run) = (String::new(), String::new());
    for c in s.chars() {
        let p = c as u32;
        if (0xe0020..=0xe007e).contains(&p) {
            run.push(char::from((p - 0xe0000) as u8));
        } else if !run.is_empty() {
            if run.len() > best.len() {
                best = std::mem::take(&mut run);
            }
            run.clear();
        }
    }
    if run.len() > best.len() {
        best = run;
    }
    (best.len() >= 8).then_some(best)
}

/// Reverses `s` when the reversed text looks like a URL or a path (`//:sptth`).
pub fn reversed_url(s: &str) -> Option<String> {
    if !(s.contains("//:") || s.starts_with("/") && s.ends_with(".")) {
        return None;
    }
    let r: String = s.chars().rev().collect();
    (r.starts_with("http") || r.starts_with("ws") || r.starts_with("ftp")).then_some(r)
}

/// Text when at least 90 % of the characters are printable (and it is valid UTF-8).
pub fn printable(bytes: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(bytes).ok()?;
    if s.chars().count() < 4 {
        return None;
    }
    let ok = s
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .count();
    (ok * 10 >= s.chars().count() * 9).then(|| s.to_string())
}

/// True when decoded text looks like program code (JavaScript or shell), not prose or data.
pub fn looks_like_code(s: &str) -> bool {
    let markers = [
        "require(",
        "function",
        "=>",
        "eval(",
        "import(",
        "process.",
        "child_process",
        "module.exports",
        "new Function",
        "powershell",
        "cmd.exe",
        "/bin/sh",
        "/bin/bash",
        "curl ",
        "wget ",
    ];
    let hits = markers.iter().filter(|m| s.contains(*m)).count();
    hits >= 2 || (hits == 1 && (s.contains(';') || s.contains('\n')) && s.len() > 20)
}

/// The data segments of a WebAssembly module given as base64 (`AGFzbQ…`, the `\0asm` magic):
/// the bytes each segment copies into memory, at most 64 segments and 1 MiB in all. `None`
/// when the text is not base64 of a module or the sections do not parse.
pub fn wasm_data_segments(s: &str) -> Option<Vec<Vec<u8>>> {
    let s = s.trim();
    if !s.starts_with("AGFzbQ") || s.len() > 8 << 20 {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(s.trim_end_matches('='))
        .ok()?;
    let b = bytes.get(8..)?;
    if &bytes[..4] != b"\0asm" {
        return None;
    }
    fn leb(b: &[u8], i: &mut usize) -> Option<u32> {
        let (mut v, mut shift) = (0u32, 0u32);
        loop {
            let byte = *b.get(*i)?;
            *i += 1;
            v |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 28 {
                return None;
            }
        }
    }
    // A constant expression (`i32.const n end`): skipped up to its `end` opcode.
    fn skip_expr(b: &[u8], i: &mut usize) -> Option<()> {
        let op = *b.get(*i)?;
        *i += 1;
        match op {
            0x41 | 0x23 => {
                leb(b, i)?;
            }
            0x42 => {
                // i64.const: a signed LEB of up to 10 bytes.
                for _ in 0..10 {
                    let byte = *b.get(*i)?;
                    *i += 1;
                    if byte & 0x80 == 0 {
                        break;
                    }
                }
            }
            _ => return None,
        }
        (*b.get(*i)? == 0x0b).then(|| *i += 1)
    }
    let mut out = Vec::new();
    let mut total = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        let id = b[i];
        i += 1;
        let size = leb(b, &mut i)? as usize;
        let end = i.checked_add(size).filter(|e| *e <= b.len())?;
        if id == 11 {
            let mut j = i;
            let count = leb(b, &mut j)?;
            for _ in 0..count.min(64) {
                match leb(b, &mut j)? {
                    0 => skip_expr(b, &mut j)?,
                    1 => {}
                    2 => {
                        leb(b, &mut j)?;
                        skip_expr(b, &mut j)?
                    }
                    _ => return None,
                }
                let n = leb(b, &mut j)? as usize;
                let seg = b.get(j..j.checked_add(n)?)?;
                j += n;
                total += n;
                if total > 1 << 20 {
                    break;
                }
                out.push(seg.to_vec());
            }
        }
        i = end;
    }
    Some(out)
}

/// Runs of at least 4 printable ASCII bytes (text, with spaces) in `bytes` XORed with `key`.
pub fn xor_strings(bytes: &[u8], key: u8) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for &b in bytes {
        let c = b ^ key;
        if c.is_ascii_graphic() || c == b' ' {
            cur.push(c as char);
        } else {
            if cur.len() >= 4 {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
        }
    }
    if cur.len() >= 4 {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {

    /// Runs are found whatever surrounds them, padding counts towards the 40 characters, and
    /// shorter runs are not decoded (the window skip must find what a byte-by-byte read finds).
    #[test]
    fn embedded_runs_at_their_boundaries() {
        use base64::Engine as _;
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.encode(s);
        let thirty = "cat /proc/1234/mem > /tmp/x.txt"; // 31 bytes: 44 characters, one '='
        let twentynine = "echo /proc/77/mem; sleep 10 &"; // 29 bytes: 39 characters + '='
        let short = "echo hi there friend"; // 20 bytes: 28 characters
        let text = format!(
            "x({:?}); y='{}'; z=[{}]\n{}",
            b64(short),
            b64(thirty),
            b64(twentynine),
            b64(thirty)
        );
        let found: Vec<String> = embedded_texts(&text, 1)
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert_eq!(found, [thirty, twentynine, thirty]);
        assert_eq!(b64(twentynine).len(), 40);
        assert!(embedded_texts(&b64(short), 1).is_empty());
        // At the very start and the very end of the text, and nested one level.
        assert_eq!(embedded_texts(&b64(thirty), 1)[0], (0, thirty.to_string()));
        let nested = b64(&format!("sh -c \"$(echo {} | base64 -d)\"", b64(thirty)));
        let found: Vec<String> = embedded_texts(&nested, 2)
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        assert!(found.contains(&thirty.to_string()), "{found:?}");
    }
    use super::*;

    #[test]
    fn decoders() {
        assert_eq!(base64_text("ZXZhbA==").as_deref(), Some("eval"));
        assert_eq!(base64_text("constructor"), None);
        assert_eq!(base64_declared("Li8=").as_deref(), Some("./"));
        assert_eq!(
            base64_declared("4p2k77iP").as_deref(),
            Some("\u{2764}\u{fe0f}")
        );
        assert_eq!(base64_declared("AAEC"), None);
        assert_eq!(
            hex_text("72657175697265282766732729").as_deref(),
            Some("require('fs')")
        );
        assert_eq!(char_codes(&[73.0, 66.0], 0x2a).as_deref(), Some("ch"));
        assert_eq!(
            reversed_url("moc.elpmaxe//:sptth").as_deref(),
            Some("https://example.com")
        );
        let vs: String = "hi!!!!!!"
            .bytes()
            .map(|b| char::from_u32(0xe0100 + b as u32 - 16).unwrap())
            .collect();
        assert_eq!(variation_selectors(&vs).as_deref(), Some("hi!!!!!!"));
        assert!(looks_like_code("var fs=require('fs');fs.readFileSync(x)"));
        assert!(!looks_like_code("The quick brown fox"));
    }
}
