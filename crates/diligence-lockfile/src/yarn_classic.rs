//! Reader stub: replaced by the real reader.

use crate::{LockfileError, ReadContext};
use diligence_graph::DependencyGraph;

/// Parses the lockfile text into a graph.
pub fn parse(_text: &str, cx: &ReadContext<'_>) -> Result<DependencyGraph, LockfileError> {
    Err(LockfileError::new(cx.path, "reader not implemented yet"))
}
