//! Capabilities generalised in round 5 (issue 10) on the development samples of
//! `eval/dev/blind-round-4` (and one of `blind-round-3`) they were found missing on: each
//! sample's key finding (rule, file, line, critical) and its malicious verdict. The behaviour is
//! pinned by the rules' own unit tests with their benign look-alikes; this file keeps the dev
//! samples from regressing. The samples live in the repository, so no shared corpus is needed.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use dev_samples::critical as key;

/// `dns`/`os` from a `[member, module]` table through `Reflect.apply(Module.prototype.require)`.
#[test]
fn reflect_apply_table_dns_exfiltration() {
    key(
        "blind-round-4",
        "ts-path-alias-resolver-1.5.3",
        "code/env-exfiltration",
        "dist/index.js",
        21,
    );
}

/// `Function` reached through JSFuck character tables, the command from JSFuck char codes.
#[test]
fn jsfuck_function_runs_a_download() {
    key(
        "blind-round-4",
        "cli-spinner-frames-3.0.4",
        "code/download-exec",
        "index.js",
        18,
    );
}

/// A `curl | sh` in the text of written git hooks.
#[test]
fn git_hook_text_pipes_a_download() {
    key(
        "blind-round-4",
        "commit-hooks-kit-9.0.2",
        "code/download-exec",
        "lib/index.js",
        36,
    );
}

/// A post-checkout hook (beside a VS Code folder-open task) piping a download into `sh`.
#[test]
fn ide_task_and_hook_pipe_a_download() {
    key(
        "blind-round-3",
        "next-starter-tailwind-config-2.2.0",
        "code/download-exec",
        "lib/setup-editor.js",
        38,
    );
}

/// An npx scaffolder writing a downloaded executable to tmp and starting it detached.
#[test]
fn scaffolder_starts_a_downloaded_binary() {
    key(
        "blind-round-4",
        "create-edge-starter-0.6.0",
        "code/download-exec",
        "bin/index.mjs",
        23,
    );
}

/// `child_process` and `curl | sh` XORed in a WebAssembly data segment.
#[test]
fn wasm_data_segment_command() {
    key(
        "blind-round-4",
        "fast-crc32c-wasm-1.2.0",
        "code/download-exec",
        "index.js",
        5,
    );
}

/// `fs`/`https` behind a lazy-require `Proxy` with ROT13 property names.
#[test]
fn lazy_require_proxy_token_theft() {
    key(
        "blind-round-4",
        "lazy-require-proxy-2.0.0",
        "code/credential-theft",
        "lib/index.js",
        43,
    );
}
