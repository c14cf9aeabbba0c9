//! The advisory rules, one file each.

pub mod malware;
pub mod vulnerability;
