//! `diligence rules [ID]`: every detection rule with its id, default severity and summary, or
//! one rule's full documentation (the same text as its doc comment and its SARIF help).

use crate::cli::RulesArgs;
use anyhow::{Result, bail};
use diligence_finding::Rule;
use std::io::Write;

/// Every rule of every check family, sorted by id.
pub fn all_rules() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = Vec::new();
    rules.extend(diligence_lockfile_rules::rules());
    rules.extend(diligence_advisory::rules());
    rules.extend(diligence_registry::rules());
    rules.extend(diligence_metadata::rules());
    rules.extend(diligence_analyze::rules());
    rules.extend(diligence_policy::rules());
    rules.extend(diligence_diff::rules());
    rules.extend(diligence_vet::rules());
    rules.sort_by_key(|r| r.id);
    rules.dedup_by_key(|r| r.id);
    rules
}

pub fn run(args: RulesArgs) -> Result<u8> {
    let rules = all_rules();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule has a unique `family/kebab-name` id and the documented doc shape.
    #[test]
    fn rule_ids_and_docs_have_the_shape() {
        let rules = all_rules();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), rules.len());
        for rule in rules {
            let (family, name) = rule.id.split_once('/').expect("family/name");
            assert!(!family.is_empty() && !name.is_empty(), "{}", rule.id);
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                rule.id
            );
            for section in [
                "## What it detects",
                "## Why it matters",
                "## Example",
                "## Known false positives",
            ] {
                assert!(rule.doc.contains(section), "{} lacks {section}", rule.id);
            }
        }
    }
}
