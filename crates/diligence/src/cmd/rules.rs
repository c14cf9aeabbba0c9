//! `diligence rules [ID]`: every detection rule with its id, default severity and summary, or
//! one rule's full documentation (the same text as its doc comment and its SARIF help).

use crate::cli::RulesArgs;
use anyhow::{Result, bail};
use std::io::Write;

pub fn run(args: RulesArgs) -> Result<u8> {
    let rules = diligence_engine::all_rules();
    let mut out = anstream::stdout();
    match args.id {
        Some(id) => {
            let Some(rule) = rules.iter().find(|r| r.id == id) else {
                bail!("no rule `{id}`; `diligence rules` lists them");
            };
            writeln!(
                out,
                "{}  (default severity: {})\n",
                rule.id, rule.default_severity
            )?;
            for line in rule.doc.lines() {
                writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line))?;
            }
        }
        None => {
            let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
            for rule in &rules {
                writeln!(
                    out,
                    "{:<width$}  {:<8}  {}",
                    rule.id,
                    rule.default_severity.as_str(),
                    rule.summary
                )?;
            }
            writeln!(
                out,
                "\n{} rules; `diligence rules ID` prints one rule's documentation",
                rules.len()
            )?;
        }
    }
    Ok(0)
}
