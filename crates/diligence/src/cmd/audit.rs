//! `diligence audit` (not implemented yet).

pub fn run(_args: crate::cli::AuditArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`diligence audit` is not implemented yet")
}
