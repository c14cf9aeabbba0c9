//! Browser-side payloads among the development samples of `eval/dev/blind-round-6`: each
//! malicious sample's key finding (rule, file, line, severity) and verdict, and the benign
//! look-alikes of the classes (a consent-gated analytics beacon, a click-to-copy helper, an
//! offline-caching service worker, a Sign-In-With-Ethereum helper) staying clean. The samples
//! live in the repository, so this test needs no shared corpus.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use diligence_analyze::Verdict;

const SET: &str = "blind-round-6";

#[track_caller]
fn critical(sample: &str, rule: &str, file: &str, line: u32) {
    dev_samples::critical(SET, sample, rule, file, line);
}

/// Form fields hooked on `submit` through a base64 string table behind a feature-tested
/// `atob` helper, sent in an `Image` beacon to a protocol-relative URL.
#[test]
fn card_mask_with_a_submit_hook_and_an_image_beacon() {
    critical(
        "checkout-field-mask-3.2.0",
        "code/browser-data-theft",
        "dist/mask.js",
        66,
    );
}

/// Extension cookies (`cookies.getAll`) for domains a fetched configuration names, posted to
/// the endpoint it names.
#[test]
fn extension_cookies_to_a_configured_endpoint() {
    critical(
        "ext-message-bridge-0.7.3",
        "code/browser-data-theft",
        "src/config.js",
        15,
    );
}

/// Cookies, tokens and password fields on a WebRTC data channel relayed by a TURN server
/// added to the caller's ICE list.
#[test]
fn webrtc_channel_through_an_added_turn_relay() {
    critical(
        "peer-presence-2.0.1",
        "code/browser-data-theft",
        "src/ice.js",
        18,
    );
}

/// A service worker mirroring POST bodies that name card or password fields.
#[test]
fn service_worker_mirrors_request_bodies() {
    critical(
        "pwa-offline-kit-1.4.2",
        "code/browser-data-theft",
        "sw.js",
        28,
    );
}

/// Transactions pushed over a WebSocket into `eth_sendTransaction` after a fake prompt.
#[test]
fn transactions_pushed_over_a_websocket() {
    critical(
        "lottie-anim-player-2.0.8",
        "code/wallet-drainer",
        "dist/lottie-anim-player.js",
        68,
    );
}

/// A Permit2 batch for a spender a class getter assembles from fragments.
#[test]
fn permit_batch_for_a_getter_spender() {
    critical(
        "web3-connect-modal-3.0.2",
        "code/wallet-drainer",
        "src/session.js",
        26,
    );
}

/// Image pixels decoded to text and run reversed through indirect eval.
#[test]
fn qr_pixels_evaluated() {
    critical(
        "qr-toolbox-utils-1.2.4",
        "code/download-exec",
        "dist/qr.js",
        46,
    );
}

/// A `<script>` pointed at an XOR-decoded URL once devtools stay closed.
#[test]
fn devtools_gated_script_from_a_xored_url() {
    critical("tooltip-lite-1.3.0", "code/download-exec", "src/env.js", 17);
}

/// A clipper in the minified build whose globals are base64 entries of a feature-tested
/// string table.
#[test]
fn clipper_in_the_minified_build() {
    critical(
        "ansi-tint-5.6.1",
        "code/crypto-clipper",
        "dist/index.min.js",
        3,
    );
}

#[test]
fn look_alikes_stay_clean() {
    for sample in [
        "consent-analytics-beacon-0.9.0",
        "copy-to-clipboard-safe-1.0.4",
        "sw-precache-lite-1.3.0",
        "wallet-auth-siwe-1.0.2",
    ] {
        let s = dev_samples::scan(SET, sample);
        assert_eq!(s.verdict, Verdict::Clean, "{sample}: {:?}", s.findings);
    }
}
