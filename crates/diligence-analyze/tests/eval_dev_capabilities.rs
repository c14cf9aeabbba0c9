//! Capabilities generalised in round 4 (issue 10) on the development samples of
//! `eval/dev/blind-round-2` and `eval/dev/blind-round-3` they were found missing on: each
//! sample's key finding (rule, file, line, severity) and verdict. The behaviour, not the
//! sample, is what each rule's own unit tests pin (with their benign look-alikes); this file
//! keeps the dev samples from regressing. The samples live in the repository, so this test
//! needs no shared corpus.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use dev_samples::critical as key;

/// A drainer in a minified UMD build: its recipient is address-shaped but not valid hex.
#[test]
fn drainer_with_placeholder_recipient() {
    key(
        "blind-round-3",
        "lottie-anim-player-2.0.8",
        "code/wallet-drainer",
        "dist/lottie-anim-player.js",
        1,
    );
}

/// node-ipc style: the heart is a declared-base64 constant too short to guess.
#[test]
fn wiper_overwriting_with_short_declared_base64() {
    key(
        "blind-round-3",
        "ipc-relay-9.2.2",
        "code/logic-bomb",
        "dao/ssl-geospec.js",
        48,
    );
}

/// A fixed date and a random draw deciding in one function, in a module that exits.
#[test]
fn time_bomb_with_no_file_access() {
    key(
        "blind-round-3",
        "sql-pool-helpers-2.8.3",
        "code/logic-bomb",
        "lib/health.js",
        8,
    );
}

/// Another application's `app.asar` replaced with downloaded bytes when an API is called.
#[test]
fn other_application_bundle_replaced() {
    key(
        "blind-round-3",
        "pdf-to-office-convert-1.0.3",
        "code/package-tamper",
        "lib/runtime.js",
        30,
    );
}

/// An HTML page (the package's main) redirecting to a fetched, decrypted destination.
#[test]
fn page_redirects_to_decrypted_destination() {
    key(
        "blind-round-2",
        "turnstile-verify-ui-1.0.3",
        "code/targeted-page-takeover",
        "index.html",
        37,
    );
}

/// An install script splicing a downloaded patch into another package, then deleting itself
/// through a path that climbs back to it.
#[test]
fn downloaded_patch_into_another_package() {
    key(
        "blind-round-3",
        "ethers-provider-kit-6.7.2",
        "code/package-tamper",
        "src/install.js",
        31,
    );
    let s = dev_samples::scan("blind-round-3", "ethers-provider-kit-6.7.2");
    assert!(
        s.findings
            .iter()
            .any(|f| f.rule == "code/install-self-delete" && f.line == 34)
    );
}

/// An agent's source written from a template literal and started by a service.
#[test]
fn agent_written_then_run() {
    key(
        "blind-round-3",
        "react-native-metro-cache-0.3.9",
        "code/download-exec",
        "scripts/setup-daemon.js",
        24,
    );
}

/// Every environment variable read in the loop over the names and posted through curl, the
/// method name folded from a char-code `map`.
#[test]
fn environment_taken_one_by_one() {
    key(
        "blind-round-3",
        "path-normalize-x-1.3.0",
        "code/env-exfiltration",
        "lib/compat.js",
        20,
    );
}
