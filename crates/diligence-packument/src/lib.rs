//! Types for the npm registry's documents, following the registry API
//! (`npm/registry` docs: "package metadata", full and abbreviated `application/vnd.npm.install-v1+json`).
//!
//! Every field the registry may omit is optional: the mirror these tools often meet strips
//! `time.created`, `maintainers`, `_npmUser`, `deprecated` and signatures. Checks must treat an
//! absent field as "not evaluated", never as a value.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A packument: all versions of one package (`GET /<name>`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Packument {
    pub name: String,
    /// `latest`, `next`, … → version.
    #[serde(rename = "dist-tags", default, deserialize_with = "limited::map")]
    pub dist_tags: BTreeMap<String, String>,
    /// Version → version manifest.
    #[serde(default, deserialize_with = "limited::map")]
    pub versions: BTreeMap<String, VersionManifest>,
    /// `created`, `modified` and version → ISO 8601 publish time (full packuments only).
    #[serde(default, deserialize_with = "limited::map")]
    pub time: BTreeMap<String, String>,
    /// Current maintainers (full packuments only): an array of persons, or in old documents a
    /// single person; other shapes read as `None`.
    #[serde(default, deserialize_with = "lenient::persons")]
    pub maintainers: Option<Vec<Person>>,
    /// ISO 8601 time of the last change (abbreviated packuments).
    #[serde(default)]
    pub modified: Option<String>,
}

/// A person as the registry records it (`{"name", "email"}`). Old packuments also use the
/// `package.json` string form `"Name <email> (url)"`, which deserialises into the same fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "PersonForm")]
pub struct Person {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// The two shapes a person takes in registry documents.
#[derive(Deserialize)]
#[serde(untagged)]
enum PersonForm {
    Object {
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        email: Option<String>,
    },
    Text(String),
}

impl From<PersonForm> for Person {
    fn from(form: PersonForm) -> Person {
        match form {
            PersonForm::Object { name, email } => Person { name, email },
            PersonForm::Text(text) => {
                let name = text.split(['<', '(']).next().unwrap_or("").trim();
                let email = text
                    .split_once('<')
                    .and_then(|(_, rest)| rest.split_once('>'))
                    .map(|(e, _)| e.trim().to_string());
                Person {
                    name: (!name.is_empty()).then(|| name.to_string()),
                    email,
                }
            }
        }
    }
}

/// One version's manifest in a packument (its `package.json` as published, plus registry fields).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionManifest {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub dist: Dist,
    #[serde(default, deserialize_with = "lenient::object_map")]
    pub scripts: BTreeMap<String, serde_json::Value>,
    #[serde(default, deserialize_with = "lenient::dependency_map")]
    pub dependencies: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "lenient::dependency_map")]
    pub optional_dependencies: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "lenient::dependency_map")]
    pub peer_dependencies: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "lenient::dependency_map")]
    pub dev_dependencies: BTreeMap<String, String>,
    /// A string (single command named after the package) or a name → path map.
    #[serde(default)]
    pub bin: Option<serde_json::Value>,
    #[serde(default)]
    pub license: Option<serde_json::Value>,
    /// The legacy form of `license`: an array of `{"type", "url"}` objects or strings.
    #[serde(default)]
    pub licenses: Option<serde_json::Value>,
    /// A string or `{"type", "url", "directory"}`.
    #[serde(default)]
    pub repository: Option<serde_json::Value>,
    /// The account that published this version.
    #[serde(rename = "_npmUser", default)]
    pub npm_user: Option<Person>,
    /// The version's maintainers: an array of persons, or in old documents a single person
    /// (string or object); other shapes read as `None`.
    #[serde(default, deserialize_with = "lenient::persons")]
    pub maintainers: Option<Vec<Person>>,
    /// A deprecation message (abbreviated and full packuments).
    #[serde(default)]
    pub deprecated: Option<serde_json::Value>,
    /// Abbreviated packuments: true when an install script exists.
    #[serde(default)]
    pub has_install_script: Option<bool>,
    #[serde(default)]
    pub os: Option<serde_json::Value>,
    #[serde(default)]
    pub cpu: Option<serde_json::Value>,
    /// `{"node": range, "npm": range}`: the runtimes the version says it works with
    /// (npm-pick-manifest prefers versions whose `engines.node` accepts the running Node.js).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engines: Option<serde_json::Value>,
    /// The C libraries the package runs with on Linux (`["glibc"]`, `["musl"]`), as npm 10.4+
    /// reads it beside `os` and `cpu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub libc: Option<serde_json::Value>,
    /// `{name: {"optional": true}}`: peers npm does not install unless something else does.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "lenient::object_map"
    )]
    pub peer_dependencies_meta: BTreeMap<String, serde_json::Value>,
    /// Dependencies shipped inside the tarball (`true` = all of `dependencies`, or a list of
    /// names); `bundledDependencies` is read as the same field.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        alias = "bundledDependencies"
    )]
    pub bundle_dependencies: Option<serde_json::Value>,
}

impl VersionManifest {
    /// Whether `peerDependenciesMeta[name].optional` is true.
    pub fn optional_peer(&self, name: &str) -> bool {
        self.peer_dependencies_meta
            .get(name)
            .and_then(|m| m.get("optional"))
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    }

    /// The names of the dependencies shipped inside the tarball.
    pub fn bundled(&self) -> Vec<&str> {
        match &self.bundle_dependencies {
            Some(serde_json::Value::Bool(true)) => {
                self.dependencies.keys().map(String::as_str).collect()
            }
            Some(serde_json::Value::Array(names)) => {
                names.iter().filter_map(serde_json::Value::as_str).collect()
            }
            _ => Vec::new(),
        }
    }
}

/// `dist` of a version: where the tarball is and how to verify it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dist {
    #[serde(default)]
    pub tarball: String,
    /// SRI string (usually sha512); old versions have only `shasum`.
    #[serde(default)]
    pub integrity: Option<String>,
    /// Hex sha1 of the tarball.
    #[serde(default)]
    pub shasum: Option<String>,
    #[serde(default)]
    pub file_count: Option<u64>,
    /// Bytes.
    #[serde(default)]
    pub unpacked_size: Option<u64>,
    /// Registry signatures (`[{keyid, sig}]`).
    #[serde(default)]
    pub signatures: Option<serde_json::Value>,
    /// Provenance / publish attestations (`{url, provenance: {predicateType}}`).
    #[serde(default)]
    pub attestations: Option<serde_json::Value>,
}

/// The default for [`Packument::from_slice_limited`]: 100,000 versions. The largest real
/// packuments have a few tens of thousands; a million synthetic versions took 4 GB to read.
pub const DEFAULT_MAX_VERSIONS: usize = 100_000;

/// Why [`Packument::from_slice_limited`] failed.
#[derive(Debug)]
pub enum ReadError {
    /// `versions`, `time` or `dist-tags` has more entries than the limit allows (the read
    /// stopped there).
    TooManyEntries {
        /// The version limit in force.
        limit: usize,
    },
    /// Not JSON, or not a packument's shape.
    Json(serde_json::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooManyEntries { limit } => {
                write!(f, "more than {limit} versions (limit)")
            }
            ReadError::Json(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

impl Packument {
    /// Parses a packument from JSON bytes, without a limit on the number of versions.
    pub fn from_slice(bytes: &[u8]) -> Result<Packument, serde_json::Error> {
        serde_json::from_slice(bytes)
    }

    /// Parses a packument from JSON bytes, stopping with [`ReadError::TooManyEntries`] as
    /// soon as `versions`, `time` or `dist-tags` has more than `max_versions` + 64 entries (the
    /// slack is for `time.created`, `time.modified` and tags), so memory stays bounded by the
    /// limit, not by the document.
    pub fn from_slice_limited(bytes: &[u8], max_versions: usize) -> Result<Packument, ReadError> {
        let _guard = limited::Guard::set(max_versions);
        match serde_json::from_slice(bytes) {
            Ok(p) => Ok(p),
            Err(_) if limited::hit() => Err(ReadError::TooManyEntries {
                limit: max_versions,
            }),
            Err(e) => Err(ReadError::Json(e)),
        }
    }

    /// The manifest of one version.
    pub fn version(&self, version: &str) -> Option<&VersionManifest> {
        self.versions.get(version)
    }

    /// The publish time of a version as written (`time[version]`), when the registry gives one.
    pub fn published(&self, version: &str) -> Option<&str> {
        self.time.get(version).map(String::as_str)
    }
}

/// Maps whose entry count is limited while [`Packument::from_slice_limited`] runs on this
/// thread (a thread-local limit, since serde's derive gives field readers no state).
mod limited {
    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
    use std::cell::Cell;
    use std::collections::BTreeMap;
    use std::marker::PhantomData;

    /// Slack for `time` (`created`, `modified`, `unpublished`) and dist-tags over versions.
    const SLACK: usize = 64;

    thread_local! {
        static LIMIT: Cell<Option<usize>> = const { Cell::new(None) };
        static HIT: Cell<bool> = const { Cell::new(false) };
    }

    /// Sets the limit for this thread until dropped.
    pub struct Guard(Option<usize>);

    impl Guard {
        pub fn set(limit: usize) -> Guard {
            HIT.with(|h| h.set(false));
            Guard(LIMIT.with(|l| l.replace(Some(limit))))
        }
    }

    impl Drop for Guard {
        fn drop(&mut self) {
            LIMIT.with(|l| l.set(self.0));
        }
    }

    /// Whether the last limited read stopped on the limit.
    pub fn hit() -> bool {
        HIT.with(|h| h.get())
    }

    pub fn map<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
    where
        D: Deserializer<'de>,
        V: Deserialize<'de>,
    {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = BTreeMap<String, V>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let limit = LIMIT.with(|l| l.get()).map(|l| l.saturating_add(SLACK));
                let mut out = BTreeMap::new();
                while let Some((k, v)) = access.next_entry::<String, V>()? {
                    out.insert(k, v);
                    if limit.is_some_and(|l| out.len() > l) {
                        HIT.with(|h| h.set(true));
                        return Err(serde::de::Error::custom("too many entries"));
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

/// Lenient readers for fields that very old packuments wrote in other shapes (the registry
/// keeps every version document as published, e.g. `mime@1.0.0` has `"dependencies": []`).
/// One malformed old version must not make the whole packument unreadable.
mod lenient {
    use serde::{Deserialize, Deserializer};
    use std::collections::BTreeMap;

    /// A dependency map: an object keeps its string values (others are dropped); an array of
    /// names becomes `name → "*"` (as npm's normalize-package-data does); anything else
    /// (`null`, a string) is empty.
    pub fn dependency_map<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, String>, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::Object(o) => o
                .into_iter()
                .filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_string())))
                .collect(),
            serde_json::Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str())
                .map(|name| (name.to_string(), "*".to_string()))
                .collect(),
            _ => BTreeMap::new(),
        })
    }

    /// A list of persons: an array (entries that are neither a string nor an object are
    /// dropped), a single string or object (old version documents, such as dateformat@3.0.3's
    /// `"maintainers": "Name <email>"`), else `None`.
    pub fn persons<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Vec<super::Person>>, D::Error> {
        let person = |v: serde_json::Value| match v {
            v @ (serde_json::Value::String(_) | serde_json::Value::Object(_)) => {
                super::Person::deserialize(v).ok()
            }
            _ => None,
        };
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::Array(a) => Some(a.into_iter().filter_map(person).collect()),
            v => person(v).map(|p| vec![p]),
        })
    }

    /// An object (values as they are); anything else is empty.
    pub fn object_map<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<String, serde_json::Value>, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::Object(o) => o.into_iter().collect(),
            _ => BTreeMap::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_minimal_and_missing_fields() {
        let p = Packument::from_slice(
            br#"{"name":"ms","dist-tags":{"latest":"2.1.3"},"versions":{"2.1.3":{"name":"ms","version":"2.1.3","dist":{"tarball":"https://registry.npmjs.org/ms/-/ms-2.1.3.tgz","integrity":"sha512-x","shasum":"abc"}}}}"#,
        )
        .unwrap();
        assert_eq!(p.dist_tags["latest"], "2.1.3");
        let v = p.version("2.1.3").unwrap();
        assert_eq!(v.dist.integrity.as_deref(), Some("sha512-x"));
        assert!(v.npm_user.is_none());
        assert!(p.published("2.1.3").is_none());
    }

    #[test]
    fn person_string_form() {
        let p: Packument = Packument::from_slice(
            br#"{"name":"chalk","maintainers":["Sindre Sorhus <sindresorhus@gmail.com> (http://sindresorhus.com)", {"name":"qix"}]}"#,
        )
        .unwrap();
        let m = p.maintainers.unwrap();
        assert_eq!(m[0].name.as_deref(), Some("Sindre Sorhus"));
        assert_eq!(m[0].email.as_deref(), Some("sindresorhus@gmail.com"));
        assert_eq!(m[1].name.as_deref(), Some("qix"));
        assert_eq!(m[1].email, None);
    }

    /// dateformat@3.0.3's version document has `"maintainers"` as one string; a number or
    /// `null` reads as no maintainers instead of failing the packument.
    #[test]
    fn maintainers_as_one_person_or_another_shape() {
        let p = Packument::from_slice(
            br#"{"name":"dateformat","maintainers":{"name":"felixge"},"versions":{"3.0.3":{"name":"dateformat","version":"3.0.3","maintainers":"Felix Geisendorfer <felix@debuggable.com>"},"1.0.0":{"maintainers":7},"0.9.0":{"maintainers":[null,"kof"]}}}"#,
        )
        .unwrap();
        assert_eq!(
            p.maintainers.as_ref().unwrap()[0].name.as_deref(),
            Some("felixge")
        );
        let m = p.version("3.0.3").unwrap().maintainers.clone().unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].name.as_deref(), Some("Felix Geisendorfer"));
        assert_eq!(m[0].email.as_deref(), Some("felix@debuggable.com"));
        assert_eq!(p.version("1.0.0").unwrap().maintainers, None);
        let m = p.version("0.9.0").unwrap().maintainers.clone().unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].name.as_deref(), Some("kof"));
    }

    #[test]
    fn old_version_documents_in_other_shapes() {
        // mime@1.0.0 as the registry serves it: `"dependencies": []`.
        let p = Packument::from_slice(
            br#"{"name":"mime","versions":{"1.0.0":{"name":"mime","version":"1.0.0","dependencies":[],"scripts":"x"},"0.0.1":{"dependencies":["a"],"devDependencies":{"b":"1","c":null}}}}"#,
        )
        .unwrap();
        let v = p.version("1.0.0").unwrap();
        assert!(v.dependencies.is_empty());
        assert!(v.scripts.is_empty());
        let old = p.version("0.0.1").unwrap();
        assert_eq!(
            old.dependencies,
            BTreeMap::from([("a".to_string(), "*".to_string())])
        );
        assert_eq!(
            old.dev_dependencies,
            BTreeMap::from([("b".to_string(), "1".to_string())])
        );
    }
}
