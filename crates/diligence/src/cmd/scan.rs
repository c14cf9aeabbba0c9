//! `diligence scan` (not implemented yet).

pub fn run(_args: crate::cli::ScanArgs) -> anyhow::Result<u8> {
    anyhow::bail!("`diligence scan` is not implemented yet")
}
