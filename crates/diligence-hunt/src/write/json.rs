//! `--format json`: the report as `diligence.hunt/1` (`schema/diligence.hunt-1.schema.json`),
//! pretty-printed, one trailing newline, log-safe (`##[`, DEL, C1 and bidi controls escaped:
//! [`diligence_report::escape::write_json_pretty`]).

use crate::report::HuntReport;
use std::io::{self, Write};

/// Writes the JSON document.
pub fn write(report: &HuntReport, out: &mut dyn Write) -> io::Result<()> {
    diligence_report::escape::write_json_pretty(report, &mut *out)?;
    writeln!(out)
}
