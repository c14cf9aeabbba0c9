//! Bad lockfiles give one clear line on stderr naming the file (and the place when there is
//! one), exit 2, and never a panic — for every reader: truncated, wrong-typed, NUL bytes,
//! deeply nested, and a 100 MB input.

use assert_cmd::Command;
use std::path::Path;

/// Runs `diligence ls --lockfile PATH` and `diligence audit` offline on it; both must exit 2
/// with one `error: PATH…` line.
fn assert_refused(path: &Path, expect: &str) {
    for args in [
        vec!["ls", "--lockfile"],
        vec![
            "audit",
            "--no-advisories",
            "--no-registry",
            "--no-code",
            "--lockfile",
        ],
    ] {
        let out = Command::cargo_bin("diligence")
            .unwrap()
            .args(&args)
            .arg(path)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} {}: {stderr}",
            path.display()
        );
        assert!(
            out.stdout.is_empty(),
            "{args:?}: nothing on stdout for a refused input"
        );
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "one line: {stderr}");
        assert!(
            lines[0].starts_with(&format!("error: {}", path.display())),
            "{stderr}"
        );
        assert!(lines[0].contains(expect), "{stderr} should say {expect:?}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

fn write(dir: &Path, name: &str, body: &[u8]) -> std::path::PathBuf {
    let sub = dir.join(format!("case-{}", body.len()));
    std::fs::create_dir_all(&sub).unwrap();
    let p = sub.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

fn corpus(rel: &str) -> Vec<u8> {
    std::fs::read(
        diligence_testkit::corpus(rel)
            .expect("shared corpus: the test calls corpus_or_skip! first"),
    )
    .unwrap()
}

const FORMATS: [(&str, &str); 5] = [
    ("package-lock.json", "tamper/base-npm-v3/package-lock.json"),
    ("yarn.lock", "tamper/base-yarn-classic/yarn.lock"),
    ("yarn.lock", "tamper/base-yarn-berry/yarn.lock"),
    ("pnpm-lock.yaml", "tamper/base-pnpm-v9/pnpm-lock.yaml"),
    ("bun.lock", "tamper/base-bun/bun.lock"),
];

#[test]
fn truncated_lockfiles_are_refused_with_a_position() {
    diligence_testkit::corpus_or_skip!("tamper");
    let dir = tempfile::tempdir().unwrap();
    for (name, rel) in FORMATS {
        let body = corpus(rel);
        // Cut two thirds in, inside a token (a cut at a line boundary of a line-based format
        // can leave a well-formed, shorter lockfile: `lockfile/unlocked-dependency` covers
        // that case).
        let mut at = body.len() * 2 / 3;
        while body[at - 1].is_ascii_whitespace() {
            at += 1;
        }
        let cut = &body[..at + 3];
        let p = write(dir.path(), name, cut);
        // Every reader names a line; the message after it differs per format.
        assert_refused(&p, ":");
    }
}

#[test]
fn nul_bytes_are_refused_at_their_line() {
    diligence_testkit::corpus_or_skip!("tamper");
    let dir = tempfile::tempdir().unwrap();
    for (name, rel) in FORMATS {
        let mut body = corpus(rel);
        let at = body.iter().position(|&b| b == b'\n').unwrap() + 1;
        body.insert(at, 0);
        let p = write(dir.path(), name, &body);
        assert_refused(&p, ":2:1: NUL byte");
    }
}

#[test]
fn wrong_types_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str); 4] = [
        (
            "package-lock.json",
            r#"{"name":"x","lockfileVersion":3,"packages":[]}"#,
        ),
        (
            "package-lock.json",
            r#"{"name":"x","lockfileVersion":3,"packages":{"node_modules/a":{"version":1}}}"#,
        ),
        (
            "pnpm-lock.yaml",
            "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: 7\n",
        ),
        (
            "bun.lock",
            r#"{"lockfileVersion": 1, "workspaces": {"": {}}, "packages": {"a": 5}}"#,
        ),
    ];
    for (name, body) in cases {
        let p = write(dir.path(), name, body.as_bytes());
        assert_refused(&p, ":");
    }
}

#[test]
fn deep_nesting_is_refused_without_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let deep_json = format!(
        "{{\"lockfileVersion\":3,\"packages\":{}",
        "[".repeat(100_000)
    );
    let deep_yaml = format!("lockfileVersion: '9.0'\npackages: {}", "[".repeat(100_000));
    for (name, body) in [
        ("package-lock.json", deep_json.as_str()),
        ("bun.lock", deep_json.as_str()),
        ("pnpm-lock.yaml", deep_yaml.as_str()),
    ] {
        let p = write(dir.path(), name, body.as_bytes());
        assert_refused(&p, ":");
    }
}

#[test]
fn a_100_mb_lockfile_of_garbage_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A valid start, then 100 MB of an unterminated string: the reader must read it all and
    // still answer with one line.
    let mut body =
        br#"{"name":"x","lockfileVersion":3,"packages":{"node_modules/a":{"version":""#.to_vec();
    body.resize(100 * 1024 * 1024, b'a');
    let p = write(dir.path(), "package-lock.json", &body);
    assert_refused(&p, ":");
}

#[test]
fn unknown_format_and_binary_bun_lockfile_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "bun.lockb",
        b"#!/usr/bin/env bun\nbun-lockfile-format-v0\n\x00\x01",
    );
    assert_refused(&p, "bun install --save-text-lockfile");
    let p = write(dir.path(), "deps.lock", b"hello");
    assert_refused(&p, "unknown lockfile format");
}

/// `diff base.json head.json` (two files where revisions go) names the flags that take files,
/// in one line, instead of a raw `git rev-parse` error.
#[test]
fn diff_of_two_files_given_as_revisions_names_the_lockfile_flags() {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["base.json", "head.json"] {
        std::fs::write(tmp.path().join(f), "{}").unwrap();
    }
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .current_dir(tmp.path())
        .args(["diff", "base.json", "head.json", "--no-registry"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: `base.json head.json` is a file, not a git revision: compare two lockfiles with \
         --base-lockfile FILE --head-lockfile FILE"
    );
}
