//! Size-bounded reads of configuration files named by attacker-reachable configuration
//! (`.npmrc`, its `cafile`, `$NPM_CONFIG_USERCONFIG`, …): [`diligence_lockfile::bounded`],
//! with the limits of this crate's files.

pub use diligence_lockfile::bounded::{BoundedReadError, human_bytes, read_bounded};

/// Largest `.npmrc` read (1 MiB): real ones are a few hundred bytes.
pub const MAX_NPMRC_BYTES: u64 = diligence_lockfile::bounded::MAX_CONFIG_BYTES;

/// Largest `cafile` read (4 MiB): the whole Mozilla CA bundle is about 220 KB.
pub const MAX_CAFILE_BYTES: u64 = 4 * 1024 * 1024;
