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
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct LeanPackument {
    #[serde(default)]
    name: Value,
    #[serde(rename = "dist-tags", default)]
    dist_tags: Value,
    #[serde(default)]
    versions: Option<BTreeMap<String, LeanVersion>>,
    /// Present (with `unpublished`) on fully unpublished packages, which have no `versions`.
    #[serde(default)]
    time: Option<Value>,
}

#[derive(Deserialize)]
struct LeanVersion {
    #[serde(default)]
    dist: LeanDist,
}

#[derive(Deserialize, Default)]
struct LeanDist {
    #[serde(default)]
    tarball: Value,
    #[serde(default)]
    integrity: Value,
    #[serde(default)]
    shasum: Value,
}

fn text(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// Parses packument JSON into a [`Packument`] with only `name`, `dist-tags`, `time` (its
/// string values: `created`, `modified`, version → ISO 8601 publish time) and each version's
/// `name`, `version` and `dist` (`tarball`, `integrity`, `shasum`) filled.
/// Fields of unexpected types become absent. Errors when the document is not a JSON object,
/// or has neither `versions` nor `time` (an error document is not "no versions").
pub fn parse_dists(bytes: &[u8]) -> Result<Packument, serde_json::Error> {
    use serde::de::Error;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') {
        return Err(serde_json::Error::custom("expected a JSON object"));
    }
    let lean: LeanPackument = serde_json::from_slice(bytes)?;
    if lean.versions.is_none() && lean.time.is_none() {
        return Err(serde_json::Error::custom("no `versions` in the document"));
    }
    let name = text(lean.name).unwrap_or_default();
    let dist_tags = match lean.dist_tags {
        Value::Object(map) => map
            .into_iter()
            .filter_map(|(k, v)| text(v).map(|v| (k, v)))
            .collect(),
        _ => BTreeMap::new(),
    };
    let time = match lean.time {
        Some(Value::Object(map)) => map
            .into_iter()
            .filter_map(|(k, v)| text(v).map(|v| (k, v)))
            .collect(),
        _ => BTreeMap::new(),
    };
    let versions = lean
        .versions
        .unwrap_or_default()
        .into_iter()
        .map(|(version, v)| {
            let manifest = VersionManifest {
                name: name.clone(),
                version: version.clone(),
                dist: Dist {
                    tarball: text(v.dist.tarball).unwrap_or_default(),
                    integrity: text(v.dist.integrity),
                    shasum: text(v.dist.shasum),
                    ..Dist::default()
                },
                ..VersionManifest::default()
            };
            (version, manifest)
        })
        .collect();
    Ok(Packument {
        name,
        dist_tags,
        time,
        versions,
        ..Packument::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
