//! `--format json`: the [`Report`] serialised as `diligence.report/1`, pretty-printed, one
//! trailing newline.

use diligence_finding::Report;
use std::io::{self, Write};

/// Writes the report as pretty JSON (strings carry no `##[` workflow command, see
/// [`crate::escape::write_json_pretty`]). Errors: I/O errors of `out`.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    crate::escape::write_json_pretty(report, &mut *out)?;
    out.write_all(b"\n")
}
