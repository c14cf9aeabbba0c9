//! `--format json`: the report as `diligence.hunt/1` (`schema/diligence.hunt-1.schema.json`),
//! pretty-printed, one trailing newline. Strings are kept as written: JSON escaping is
//! serde_json's.

use crate::report::HuntReport;
use std::io::{self, Write};

/// Writes the JSON document.
pub fn write(report: &HuntReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}
