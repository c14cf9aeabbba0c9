//! `diligence rules` (not implemented yet).

pub fn run(_args: crate::cli::RulesArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`diligence rules` is not implemented yet")
}
