//! `diligence db` (not implemented yet).

pub fn run(_args: crate::cli::DbCommand) -> anyhow::Result<u8> {
    anyhow::bail!("`diligence db` is not implemented yet")
}
