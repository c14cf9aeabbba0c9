//! The serde shape of one `pnpm-lock.yaml` document (pnpm `@pnpm/lockfile.types`, lockfile
//! versions 5.x, 6.x and 9.x). Only the fields diligence reads are typed; the rest is ignored.
//! Maps keep the lockfile's order ([`OrderedMap`]) so nodes and importers come out in file order.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// A YAML mapping kept in document order. `null` (an empty section such as `packages:` with
/// nothing under it) reads as empty. A duplicate key is an error, as it is for pnpm (js-yaml
/// refuses duplicated mapping keys), so an injected second entry under the same key cannot hide.
#[derive(Debug, Clone)]
pub struct OrderedMap<T>(pub Vec<(String, T)>);

impl<T> Default for OrderedMap<T> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<T> OrderedMap<T> {
    /// The value of `key`, by a linear scan (for the small per-entry maps).
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OrderedMap<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = OrderedMap<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap::default())
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(OrderedMap::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out: Vec<(String, T)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<T>()?;
                    out.push((key, value));
                }
                if let Some(key) = first_duplicate(&out) {
                    return Err(de::Error::custom(format!("duplicated mapping key `{key}`")));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// The first key that occurs twice, if any (linear for small maps, hashed for large ones).
fn first_duplicate<T>(entries: &[(String, T)]) -> Option<&str> {
    if entries.len() <= 8 {
        return entries
            .iter()
            .enumerate()
            .find(|(i, (k, _))| entries[..*i].iter().any(|(p, _)| p == k))
            .map(|(_, (k, _))| k.as_str());
    }
    let mut seen = std::collections::HashSet::with_capacity(entries.len());
    entries
        .iter()
        .map(|(k, _)| k.as_str())
        .find(|k| !seen.insert(*k))
}

/// A top-level document of `pnpm-lock.yaml`.
#[derive(Debug, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a pnpm-lock.yaml document (a map with lockfileVersion, importers, packages …)"
)]
pub struct LockDocument {
    /// `lockfileVersion` as written (`5.3` is a YAML number, `'6.0'` a string).
    #[serde(default)]
    pub lockfile_version: Option<ScalarText>,
    #[serde(default)]
    pub importers: OrderedMap<ImporterDoc>,
    /// Single-project 5.x/6.x files keep the root importer's sections at the top level.
    #[serde(default)]
    pub specifiers: OrderedMap<Text>,
    #[serde(default)]
    pub dependencies: OrderedMap<DepRef>,
    #[serde(default)]
    pub dev_dependencies: OrderedMap<DepRef>,
    #[serde(default)]
    pub optional_dependencies: OrderedMap<DepRef>,
    #[serde(default)]
    pub packages: OrderedMap<PackageDoc>,
    /// 9.x: the dependency graph, one entry per peer-dependency context.
    #[serde(default)]
    pub snapshots: OrderedMap<SnapshotDoc>,
    /// `name@version` (or `name`, or `name@range` in 9.x) → patch file.
    #[serde(default)]
    pub patched_dependencies: OrderedMap<PatchDoc>,
    /// 9.x `catalogs`: catalog name → dependency → `{specifier, version}`. Read to check its
    /// shape; importers keep `catalog:` specifiers as written.
    #[serde(default)]
    #[allow(dead_code)]
    pub catalogs: OrderedMap<OrderedMap<DepRef>>,
}

/// One importer (the root project or a workspace member).
#[derive(Debug, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "an importer map (specifiers, dependencies, devDependencies …)"
)]
pub struct ImporterDoc {
    /// 5.x: dependency name → specifier from package.json.
    #[serde(default)]
    pub specifiers: OrderedMap<Text>,
    #[serde(default)]
    pub dependencies: OrderedMap<DepRef>,
    #[serde(default)]
    pub dev_dependencies: OrderedMap<DepRef>,
    #[serde(default)]
    pub optional_dependencies: OrderedMap<DepRef>,
    /// pnpm 11 "env" lock: the package manager itself.
    #[serde(default)]
    pub package_manager_dependencies: OrderedMap<DepRef>,
    /// pnpm 10+ config dependencies (`configDependencies`).
    #[serde(default)]
    pub config_dependencies: OrderedMap<DepRef>,
}

/// A dependency of an importer: a bare reference (5.x: `1.2.3_peer@1.0.0`, `link:../foo`) or
/// `{specifier, version}` (6.x, 9.x).
#[derive(Debug, Clone, Default)]
pub struct DepRef {
    pub specifier: Option<String>,
    /// The reference: a version with peer suffix, `link:`/`file:` path, an alias target
    /// (`string-width@4.2.3`, `/string-width@4.2.3`) or a full dependency path.
    pub version: String,
}

impl<'de> Deserialize<'de> for DepRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DepRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version string or {specifier, version}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DepRef, E> {
                Ok(DepRef {
                    specifier: None,
                    version: v.to_string(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DepRef, A::Error> {
                let mut out = DepRef::default();
                let mut has_version = false;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "specifier" => out.specifier = Some(map.next_value::<Text>()?.0),
                        "version" => {
                            out.version = map.next_value::<Text>()?.0;
                            has_version = true;
                        }
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                if !has_version {
                    return Err(de::Error::missing_field("version"));
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

/// A `packages` entry: metadata of one `name@version` (9.x) or one peer context (5.x/6.x).
#[derive(Debug, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a package entry map (resolution, dependencies …)"
)]
pub struct PackageDoc {
    pub resolution: Option<ResolutionDoc>,
    /// The real name, written for entries whose key does not carry it (git, tarball, `file:`).
    #[serde(default, deserialize_with = "strict_opt")]
    pub name: Option<String>,
    /// The real version, written for entries whose key does not carry it.
    #[serde(default, deserialize_with = "strict_opt")]
    pub version: Option<String>,
    /// 5.x/6.x: `true` only reached through devDependencies, `false` only through prod.
    pub dev: Option<bool>,
    pub optional: Option<bool>,
    /// 5.x/6.x: the package has lifecycle scripts (`preinstall`/`install`/`postinstall`).
    pub requires_build: Option<bool>,
    #[serde(default)]
    pub dependencies: OrderedMap<Text>,
    #[serde(default)]
    pub optional_dependencies: OrderedMap<Text>,
    /// Declared peer dependencies: name → range.
    #[serde(default)]
    pub peer_dependencies: OrderedMap<Text>,
}

/// A 9.x `snapshots` entry: the dependencies of one `name@version(peers…)` context.
#[derive(Debug, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a snapshot entry map (dependencies, optionalDependencies …)"
)]
pub struct SnapshotDoc {
    pub optional: Option<bool>,
    #[serde(default)]
    pub dependencies: OrderedMap<Text>,
    #[serde(default)]
    pub optional_dependencies: OrderedMap<Text>,
}

/// `resolution`: `{integrity}`, `{integrity, tarball}`, `{type: git, repo, commit}`,
/// `{type: directory, directory}`.
#[derive(Debug, Default, Deserialize)]
#[serde(
    rename_all = "camelCase",
    expecting = "a resolution map ({integrity}, {tarball}, {type: git, repo, commit} or {type: directory, directory})"
)]
pub struct ResolutionDoc {
    #[serde(default, deserialize_with = "strict_opt")]
    pub integrity: Option<String>,
    #[serde(default, deserialize_with = "strict_opt")]
    pub tarball: Option<String>,
    #[serde(rename = "type")]
    #[serde(default, deserialize_with = "strict_opt")]
    pub kind: Option<String>,
    #[serde(default, deserialize_with = "strict_opt")]
    pub repo: Option<String>,
    #[serde(default, deserialize_with = "strict_opt")]
    pub commit: Option<String>,
    #[serde(default, deserialize_with = "strict_opt")]
    pub directory: Option<String>,
}

/// A `patchedDependencies` value: `{path, hash}` (6.x+) or a bare path (5.x).
#[derive(Debug, Clone, Default)]
pub struct PatchDoc {
    pub path: String,
}

impl<'de> Deserialize<'de> for PatchDoc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PatchDoc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a patch path or {path, hash}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PatchDoc, E> {
                Ok(PatchDoc {
                    path: v.to_string(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PatchDoc, A::Error> {
                let mut out = PatchDoc::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "path" {
                        out.path = map.next_value::<Text>()?.0;
                    } else {
                        map.next_value::<de::IgnoredAny>()?;
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_any(V)
    }
}

/// A string value that must be a YAML string: an unquoted number or boolean where pnpm writes
/// a version, reference, specifier or URL is a type error naming the key, not a silent `"2"`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text(pub String);

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// `Option<String>` through [`Text`].
fn strict_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<Text>::deserialize(d).map(|o| o.map(|t| t.0))
}

/// A scalar read as its text whatever its YAML type (`5.3`, `'6.0'`, `9`).
#[derive(Debug, Clone)]
pub struct ScalarText(pub String);

impl<'de> Deserialize<'de> for ScalarText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ScalarText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version number or string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}
