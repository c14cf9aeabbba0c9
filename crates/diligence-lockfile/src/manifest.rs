//! The parts of `package.json` the readers and checks need (npm docs, "package.json").

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// A `package.json`, reduced to what diligence reads. Unknown fields are ignored; fields of the
/// wrong type are an error.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub name: Option<String>,
    pub version: Option<String>,
    #[serde(default)]
    pub dependencies: BTreeMap<String, String>,
    #[serde(default)]
    pub dev_dependencies: BTreeMap<String, String>,
    #[serde(default)]
    pub optional_dependencies: BTreeMap<String, String>,
    #[serde(default)]
    pub peer_dependencies: BTreeMap<String, String>,
    /// yarn `resolutions` (`{"name": "range", "parent/name": "range", "name@range": "patch:…"}`),
    /// kept raw so that an odd value cannot make the whole manifest unreadable.
    pub resolutions: Option<serde_json::Value>,
    /// `workspaces` as an array of globs or `{ "packages": [...] }`.
    pub workspaces: Option<serde_json::Value>,
    /// e.g. `pnpm@9.15.9+sha512.…`.
    pub package_manager: Option<String>,
    #[serde(default)]
    pub scripts: BTreeMap<String, serde_json::Value>,
}

impl Manifest {
    /// Parses `package.json` text. Errors are one line with line and column.
    pub fn parse(text: &str) -> Result<Manifest, String> {
        serde_json::from_str(text).map_err(|e| format!("{}:{}: {}", e.line(), e.column(), e))
    }

    /// Reads a `package.json` if it exists, at most
    /// [`crate::bounded::MAX_MANIFEST_BYTES`]. `Ok(None)` when absent; `Err` (one line) when
    /// unreadable, too large, not a regular file or malformed.
    pub fn read_optional(path: &Path) -> Result<Option<Manifest>, String> {
        match crate::bounded::read_text_bounded(path, crate::bounded::MAX_MANIFEST_BYTES) {
            Ok(Some(text)) => Manifest::parse(&text)
                .map(Some)
                .map_err(|e| format!("invalid package.json: {e}")),
            Ok(None) => Ok(None),
            Err(e) => Err(format!("cannot read: {e}")),
        }
    }

    /// The package manager named by `packageManager` (`npm`, `yarn`, `pnpm`, `bun`).
    pub fn package_manager_name(&self) -> Option<&str> {
        let pm = self.package_manager.as_deref()?;
        Some(pm.split('@').next().unwrap_or(pm))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_read_size_bounded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("package.json");
        std::fs::File::create(&path)
            .unwrap()
            .set_len(crate::bounded::MAX_MANIFEST_BYTES + 1)
            .unwrap();
        assert_eq!(
            Manifest::read_optional(&path).unwrap_err(),
            "cannot read: larger than 16 MiB (limit)"
        );
        assert_eq!(
            Manifest::read_optional(Path::new("/dev/zero")).unwrap_err(),
            "cannot read: not a regular file"
        );
        assert!(
            Manifest::read_optional(&dir.path().join("none"))
                .unwrap()
                .is_none()
        );
    }
}
