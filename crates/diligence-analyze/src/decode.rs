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

#[cfg(test)]
mod tests {
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
