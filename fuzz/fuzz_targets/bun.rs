//! Fuzz the bun reader: any bytes must give a graph or a one-line error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let text = format!("{}{body}", "");
    if let Err(e) = diligence_lockfile::parse_lockfile(Path::new("bun.lock"), &text, None) {
        assert!(!e.to_string().contains('\n'));
    }
});
