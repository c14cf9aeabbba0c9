//! `--format json`: the [`Report`] serialised as `diligence.report/1`, pretty-printed, one
//! trailing newline.

use diligence_finding::Report;
use std::io::{self, Write};

/// Writes the report as pretty JSON. Errors: I/O errors of `out`.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}
