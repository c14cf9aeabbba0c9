//! The policy's own rules: findings about the policy file, not about packages' code.

use diligence_finding::Rule;

pub mod expired_ignore;
pub mod stale_ignore;

/// Every rule of this crate.
pub static ALL: [&Rule; 2] = [&expired_ignore::EXPIRED_IGNORE, &stale_ignore::STALE_IGNORE];
