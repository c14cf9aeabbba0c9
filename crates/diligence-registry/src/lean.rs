//! A lenient reading of a packument that keeps only what cross-checks and tarball downloads
//! need: `name`, `dist-tags`, `time` (publish times, full packuments only) and, per version,
//! `dist.tarball`, `dist.integrity` and `dist.shasum`.
//!
//! Real packuments carry decade-old shapes (`maintainers` as a string, `dependencies` as an
//! array, persons as `"Name <email>"`); one odd field elsewhere in a document must not make
//! the integrity of every version unknown. Everything but these fields is skipped unparsed,
//! which is also several times faster than building the full [`Packument`].

use diligence_packument::{Dist, Packument, VersionManifest};
use serde::Deserialize;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;

fn text(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// Why [`parse_dists_limited`] failed.
#[derive(Debug)]
pub enum LeanError {
    /// `versions`, `time` or `dist-tags` has more than the limit + 64 entries; the read
    /// stopped there.
    TooManyEntries { limit: usize },
    /// Not JSON, not an object, or neither `versions` nor `time`.
    Json(serde_json::Error),
}

impl fmt::Display for LeanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LeanError::TooManyEntries { limit } => write!(f, "more than {limit} versions (limit)"),
            LeanError::Json(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for LeanError {}

/// Parses packument JSON into a [`Packument`] with only `name`, `dist-tags`, `time` (its
/// string values: `created`, `modified`, version → ISO 8601 publish time) and each version's
/// `name`, `version` and `dist` (`tarball`, `integrity`, `shasum`) filled.
/// Fields of unexpected types become absent. Errors when the document is not a JSON object,
/// or has neither `versions` nor `time` (an error document is not "no versions"). No limit on
/// the number of versions: see [`parse_dists_limited`].
pub fn parse_dists(bytes: &[u8]) -> Result<Packument, serde_json::Error> {
    parse_dists_limited(bytes, usize::MAX).map_err(|e| match e {
        LeanError::Json(e) => e,
        other => serde_json::Error::io(std::io::Error::other(other.to_string())),
    })
}

/// [`parse_dists`], reading the document as a stream of entries: each version is reduced to
/// its `dist` as it is read (every other field skipped unparsed), and the read stops with
/// [`LeanError::TooManyEntries`] once `versions`, `time` or `dist-tags` has more than
/// `max_versions` + 64 entries. Memory is bounded by the limit, not by the document.
pub fn parse_dists_limited(bytes: &[u8], max_versions: usize) -> Result<Packument, LeanError> {
    use serde::de::Error;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        return Err(LeanError::Json(serde_json::Error::custom(
            "expected a JSON object",
        )));
    }
    let hit = Cell::new(false);
    let seed = DocSeed {
        limit: max_versions.saturating_add(64),
        hit: &hit,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let doc = match seed.deserialize(&mut de).and_then(|d| de.end().map(|_| d)) {
        Ok(d) => d,
        Err(_) if hit.get() => {
            return Err(LeanError::TooManyEntries {
                limit: max_versions,
            });
        }
        Err(e) => return Err(LeanError::Json(e)),
    };
    if doc.versions.is_none() && doc.time.is_none() {
        return Err(LeanError::Json(serde_json::Error::custom(
            "no `versions` in the document",
        )));
    }
    let name = doc.name.unwrap_or_default();
    let versions = doc
        .versions
        .unwrap_or_default()
        .into_iter()
        .map(|(version, dist)| {
            let manifest = VersionManifest {
                name: name.clone(),
                version: version.clone(),
                dist,
                ..VersionManifest::default()
            };
            (version, manifest)
        })
        .collect();
    Ok(Packument {
        name,
        dist_tags: doc.dist_tags,
        time: doc.time.unwrap_or_default(),
        versions,
        ..Packument::default()
    })
}

/// The document of one version, `versions[version]`, of packument JSON, as JSON; every other
/// version and field is skipped unparsed (one pass, no allocation for what is skipped).
/// `Ok(None)` when the version is absent or its document is not an object; the last of
/// duplicate keys wins, as in `JSON.parse`. Errors: not JSON.
pub fn parse_version(bytes: &[u8], version: &str) -> Result<Option<Value>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let found = OneVersion { version }.deserialize(&mut de)?;
    de.end()?;
    Ok(found.filter(Value::is_object))
}

/// Reads a packument object keeping `versions[version]` (see [`parse_version`]).
#[derive(Clone, Copy)]
struct OneVersion<'v> {
    version: &'v str,
}

impl<'de> DeserializeSeed<'de> for OneVersion<'_> {
    type Value = Option<Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneVersion<'_> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a packument object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Option<Value>, A::Error> {
        let mut found = None;
        while let Some(key) = access.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "versions" {
                found = access.next_value_seed(VersionsOf(self))?;
            } else {
                access.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// The `versions` object, keeping one entry.
struct VersionsOf<'v>(OneVersion<'v>);

impl<'de> DeserializeSeed<'de> for VersionsOf<'_> {
    type Value = Option<Value>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Value>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for VersionsOf<'_> {
    type Value = Option<Value>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a versions object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Option<Value>, A::Error> {
        let mut found = None;
        while let Some(key) = access.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.0.version {
                found = Some(access.next_value::<Value>()?);
            } else {
                access.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> Result<Option<Value>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Option<Value>, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Option<Value>, E> {
        Ok(None)
    }
}

/// The fields kept while reading.
struct Doc {
    name: Option<String>,
    dist_tags: BTreeMap<String, String>,
    versions: Option<BTreeMap<String, Dist>>,
    /// `Some` when present (even when not an object: an unpublished package's marker).
    time: Option<BTreeMap<String, String>>,
}

struct DocSeed<'a> {
    limit: usize,
    hit: &'a Cell<bool>,
}

impl<'de> DeserializeSeed<'de> for DocSeed<'_> {
    type Value = Doc;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Doc, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for DocSeed<'_> {
    type Value = Doc;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a packument object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Doc, A::Error> {
        let mut doc = Doc {
            name: None,
            dist_tags: BTreeMap::new(),
            versions: None,
            time: None,
        };
        // Duplicate keys: the last wins, as in JavaScript's JSON.parse.
        while let Some(key) = access.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "name" => doc.name = text(access.next_value::<Value>()?),
                "dist-tags" => {
                    doc.dist_tags = access
                        .next_value_seed(Entries::<StringsOnly>::new(self.limit, self.hit))?
                        .unwrap_or_default()
                }
                "time" => {
                    doc.time = Some(
                        access
                            .next_value_seed(Entries::<StringsOnly>::new(self.limit, self.hit))?
                            .unwrap_or_default(),
                    )
                }
                "versions" => {
                    doc.versions =
                        access.next_value_seed(Entries::<DistOnly>::new(self.limit, self.hit))?
                }
                _ => {
                    access.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(doc)
    }
}

/// How one entry's value is reduced.
trait Reduce {
    type Out;
    /// `None`: drop the entry.
    fn reduce(value: Self) -> Option<Self::Out>;
}

/// `time` and `dist-tags` values: strings kept, anything else dropped.
#[derive(Deserialize)]
#[serde(transparent)]
struct StringsOnly(Value);

impl Reduce for StringsOnly {
    type Out = String;
    fn reduce(value: Self) -> Option<String> {
        text(value.0)
    }
}

/// A version document reduced to its `dist` (`None` when the version is not an object).
struct DistOnly(Option<Dist>);

impl Reduce for DistOnly {
    type Out = Dist;
    fn reduce(value: Self) -> Option<Dist> {
        value.0
    }
}

impl<'de> Deserialize<'de> for DistOnly {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DistOnly;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a version document")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<DistOnly, A::Error> {
                let mut dist = Dist::default();
                while let Some(key) = access.next_key::<std::borrow::Cow<'de, str>>()? {
                    if key != "dist" {
                        access.next_value::<IgnoredAny>()?;
                        continue;
                    }
                    dist = Dist::default();
                    if let Value::Object(mut o) = access.next_value::<Value>()? {
                        let mut take = |k: &str| o.remove(k).and_then(text);
                        dist.tarball = take("tarball").unwrap_or_default();
                        dist.integrity = take("integrity");
                        dist.shasum = take("shasum");
                    }
                }
                Ok(DistOnly(Some(dist)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<DistOnly, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(DistOnly(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
            fn visit_unit<E>(self) -> Result<DistOnly, E> {
                Ok(DistOnly(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A map read entry by entry with a limit; `None` when the value is not an object.
struct Entries<'a, R> {
    limit: usize,
    hit: &'a Cell<bool>,
    reduce: std::marker::PhantomData<R>,
}

impl<'a, R> Entries<'a, R> {
    fn new(limit: usize, hit: &'a Cell<bool>) -> Self {
        Entries {
            limit,
            hit,
            reduce: std::marker::PhantomData,
        }
    }
}

impl<'de, R: Reduce + Deserialize<'de>> DeserializeSeed<'de> for Entries<'_, R> {
    type Value = Option<BTreeMap<String, R::Out>>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, R: Reduce + Deserialize<'de>> Visitor<'de> for Entries<'_, R> {
    type Value = Option<BTreeMap<String, R::Out>>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut out = BTreeMap::new();
        let mut seen = 0usize;
        while let Some(key) = access.next_key::<String>()? {
            seen += 1;
            if seen > self.limit {
                self.hit.set(true);
                return Err(serde::de::Error::custom("too many entries"));
            }
            // A value of an odd shape is dropped, not an error.
            if let Some(v) = R::reduce(access.next_value::<R>()?) {
                out.insert(key, v);
            }
        }
        Ok(Some(out))
    }
    // Any other JSON value: not a map.
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One version's document, others skipped; duplicate `versions` keys: the last wins.
    #[test]
    fn one_version_is_read_whole() {
        let doc = br#"{"name":"a","versions":{"1.0.0":{"name":"a","version":"1.0.0","dependencies":["x"]},
            "1.1.0":{"name":"a","version":"1.1.0","bin":"cli.js","hasInstallScript":true,
            "dependencies":{"b":"^1"},"dist":{"tarball":"t"}},"2.0.0":"gone"},
            "versions":{"1.1.0":{"name":"a","version":"1.1.0","dependencies":{"c":"^2"}}}}"#;
        let v = parse_version(doc, "1.1.0").unwrap().unwrap();
        assert_eq!(v["dependencies"], serde_json::json!({"c": "^2"}));
        let first = br#"{"versions":{"1.1.0":{"bin":"cli.js","hasInstallScript":true,"dependencies":{"b":"^1"}}}}"#;
        let v = parse_version(first, "1.1.0").unwrap().unwrap();
        let m: VersionManifest = serde_json::from_value(v).unwrap();
        assert_eq!(m.has_install_script, Some(true));
        assert_eq!(m.dependencies.get("b").map(String::as_str), Some("^1"));
        assert_eq!(parse_version(doc, "2.0.0").unwrap(), None);
        assert_eq!(parse_version(doc, "9.9.9").unwrap(), None);
        assert!(parse_version(b"{\"versions\":", "1").is_err());
        assert_eq!(parse_version(br#"{"versions":[1,2]}"#, "1").unwrap(), None);
    }

    #[test]
    fn tolerates_old_shapes_outside_dist() {
        let p = parse_dists(
            br#"{"name":"dateformat","maintainers":"Felix <felix@example.com>",
                "dist-tags":{"latest":"3.0.3","bad":7},
                "versions":{"3.0.3":{"dependencies":[],"author":"Felix",
                  "dist":{"tarball":"https://registry.npmjs.org/dateformat/-/dateformat-3.0.3.tgz",
                          "shasum":"a6e37499a4d9a9cf85ef5872044d62901c9889ae","integrity":null}}}}"#,
        )
        .unwrap();
        assert_eq!(p.dist_tags.get("latest").map(String::as_str), Some("3.0.3"));
        assert_eq!(p.dist_tags.len(), 1);
        let v = p.version("3.0.3").unwrap();
        assert_eq!(
            v.dist.shasum.as_deref(),
            Some("a6e37499a4d9a9cf85ef5872044d62901c9889ae")
        );
        assert_eq!(v.dist.integrity, None);
        assert!(parse_dists(b"[1,2]").is_err());
        assert!(parse_dists(br#"{"error":"not_found"}"#).is_err());
        let gone = parse_dists(br#"{"name":"x","time":{"unpublished":{}}}"#).unwrap();
        assert!(gone.versions.is_empty());
        assert!(gone.time.is_empty());
        let timed = parse_dists(
            br#"{"name":"ms","versions":{},"time":{"2.1.3":"2020-12-08T08:53:06.593Z","x":1}}"#,
        )
        .unwrap();
        assert_eq!(
            timed.time.get("2.1.3").map(String::as_str),
            Some("2020-12-08T08:53:06.593Z")
        );
        assert_eq!(timed.time.len(), 1);
    }
}
