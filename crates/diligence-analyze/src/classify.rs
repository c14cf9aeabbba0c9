//! File classification by content (magic bytes, then text sniffing), never by extension alone.
//!
//! The extension is only a tie-breaker between text kinds (a `.ts` declaration file and a `.js`
//! file are both parsed as JavaScript/TypeScript). A `.png` that is really text is text; a
//! `.js` that starts with `\x7fELF` is a native binary.

use serde::{Deserialize, Serialize};

/// What a file is, judged from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// JavaScript or TypeScript source (CJS, ESM, bundles, TypeScript output).
    JavaScript,
    /// A JSON document (including `package.json`).
    Json,
    /// A shell, batch or PowerShell script.
    Script,
    /// Other text (Markdown, YAML, CSS, HTML, licences, data).
    Text,
    /// ELF, PE, Mach-O (including `.node` addons).
    NativeBinary,
    /// WebAssembly module.
    Wasm,
    /// PNG, JPEG, GIF, WebP, ICO, BMP.
    Image,
    /// Anything else binary (archives, fonts, compressed data).
    Binary,
}

impl FileKind {
    /// True for kinds whose bytes are searched as text for indicators.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            FileKind::JavaScript | FileKind::Json | FileKind::Script | FileKind::Text
        )
    }
}

/// Classifies `bytes` (with `path` only as a hint between text kinds).
pub fn classify(path: &str, bytes: &[u8]) -> FileKind {
    if let Some(kind) = magic(bytes) {
        return kind;
    }
    if !looks_like_text(bytes) {
        return FileKind::Binary;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_text = String::from_utf8_lossy(head);
    let trimmed = head_text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("#!") {
        let first = trimmed.lines().next().unwrap_or("");
        return if first.contains("node") || first.contains("bun") || first.contains("deno") {
            FileKind::JavaScript
        } else {
            FileKind::Script
        };
    }
    let lower = path.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    if matches!(
        ext,
        "js" | "mjs" | "cjs" | "jsx" | "ts" | "mts" | "cts" | "tsx"
    ) {
        return FileKind::JavaScript;
    }
    if matches!(ext, "sh" | "bash" | "zsh" | "bat" | "cmd" | "ps1" | "psm1") {
        return FileKind::Script;
    }
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
    {
        return FileKind::Json;
    }
    if sniff_js(trimmed) {
        return FileKind::JavaScript;
    }
    if sniff_script(trimmed) {
        return FileKind::Script;
    }
    FileKind::Text
}

fn magic(b: &[u8]) -> Option<FileKind> {
    const TABLE: &[(&[u8], FileKind)] = &[
        (b"\x7fELF", FileKind::NativeBinary),
        (b"MZ", FileKind::NativeBinary),
        (b"\xfe\xed\xfa\xce", FileKind::NativeBinary),
        (b"\xfe\xed\xfa\xcf", FileKind::NativeBinary),
        (b"\xce\xfa\xed\xfe", FileKind::NativeBinary),
        (b"\xcf\xfa\xed\xfe", FileKind::NativeBinary),
        (b"\xca\xfe\xba\xbe", FileKind::NativeBinary),
        (b"\0asm", FileKind::Wasm),
        (b"\x89PNG", FileKind::Image),
        (b"\xff\xd8\xff", FileKind::Image),
        (b"GIF8", FileKind::Image),
        (b"BM", FileKind::Image),
        (b"\0\0\x01\0", FileKind::Image),
    ];
    if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        return Some(FileKind::Image);
    }
    for (sig, kind) in TABLE {
        if b.starts_with(sig) {
            // "MZ" and "BM" are two printable letters: require a binary-looking header too.
            if sig.len() == 2 && looks_like_text(&b[..b.len().min(512)]) {
                continue;
            }
            return Some(*kind);
        }
    }
    None
}

/// Text = valid UTF-8 (or nearly: a few stray bytes) without NUL bytes in the first 8 KiB.
pub fn looks_like_text(b: &[u8]) -> bool {
    let head = &b[..b.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut at the 8 KiB boundary is still text.
        Err(e) => e.error_len().is_none() || e.valid_up_to() + 4 >= head.len(),
    }
}

fn sniff_js(t: &str) -> bool {
    let starts = [
        "'use strict'",
        "\"use strict\"",
        "/*",
        "//",
        "!function",
        "(function",
        "(()",
        "var ",
        "let ",
        "const ",
        "function ",
        "import ",
        "export ",
        "module.exports",
        "exports.",
        "require(",
    ];
    if starts.iter().any(|s| t.starts_with(s)) && !t.starts_with("//!") {
        return t.contains('(') && (t.contains(';') || t.contains('}') || t.contains(')'));
    }
    false
}

fn sniff_script(t: &str) -> bool {
    let lower = t.get(..t.len().min(200)).unwrap_or(t).to_ascii_lowercase();
    lower.starts_with("@echo off")
        || lower.starts_with("set -e")
        || lower.starts_with("param(")
        || lower.starts_with("$erroractionpreference")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(
            classify("logo.png", b"\x7fELF\x02\x01\x01"),
            FileKind::NativeBinary
        );
        assert_eq!(
            classify("image.png", b"var a = require('x');\n"),
            FileKind::JavaScript
        );
        assert_eq!(
            classify("x.node", b"\xcf\xfa\xed\xfe\x07\0\0\x01"),
            FileKind::NativeBinary
        );
        assert_eq!(classify("a.wasm", b"\0asm\x01\0\0\0"), FileKind::Wasm);
        assert_eq!(classify("a.js", b"\x89PNG\r\n\x1a\n"), FileKind::Image);
    }

    #[test]
    fn text_kinds() {
        assert_eq!(classify("data/x.json", br#"{"a": 1}"#), FileKind::Json);
        assert_eq!(classify("run", b"#!/bin/sh\necho hi\n"), FileKind::Script);
        assert_eq!(
            classify("cli", b"#!/usr/bin/env node\nconsole.log(1)\n"),
            FileKind::JavaScript
        );
        assert_eq!(
            classify("README.md", b"# Title\n\nSome words.\n"),
            FileKind::Text
        );
        assert_eq!(
            classify("a.bat", b"@echo off\r\nstart x\r\n"),
            FileKind::Script
        );
        assert_eq!(classify("MZ.txt", b"MZ is a letter pair\n"), FileKind::Text);
    }
}
