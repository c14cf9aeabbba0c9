//! `metadata/manifest-confusion`: the registry's version document and the tarball's
//! `package.json` disagree.

use crate::context::INSTALL_SCRIPTS;
use diligence_finding::{Finding, Severity, declare_rule};
use diligence_packument::VersionManifest;
use serde_json::{Map, Value, json};

declare_rule! {
    /// The packument's version document differs from the `package.json` inside the tarball.
    ///
    /// ## What it detects
    /// Differences in `name`, `version`, `scripts`, `dependencies`, `optionalDependencies` or
    /// `bin` between the version manifest the registry serves (what `npm view`, audits and
    /// security tools read) and the `package.json` in the tarball (what the package manager
    /// actually installs and runs). An absent field equals an empty one; a dependency list
    /// written as an array of names (`[]`) equals the map the registry makes of it; a string `bin` equals
    /// `{<name without scope>: path}`; leading `./` in paths is ignored; and the
    /// `install: node-gyp rebuild` npm adds to the registry document for packages with a
    /// `binding.gyp` is not a difference.
    ///
    /// ## Why it matters
    /// The registry does not check that the two agree ("manifest confusion", Darcy Clarke,
    /// 2023). A publisher can show a clean manifest to the registry and ship install scripts
    /// or extra dependencies in the tarball, hiding them from every tool that reads metadata.
    ///
    /// ## Example
    /// Registry document with no `scripts`; tarball `package.json` with
    /// `"scripts": {"postinstall": "node x.js"}`.
    ///
    /// ## Known false positives
    /// Packages published with old or non-npm clients that rewrite fields differently.
    ///
    /// ## Without full packuments
    /// Runs without `--metadata` read abbreviated packuments, which carry no `scripts`; every
    /// code scan of a registry package then compares what they do carry
    /// ([`check_manifest_confusion_listed`]): `name`, `version`, `dependencies`,
    /// `optionalDependencies`, `bin`, and whether the tarball's `preinstall`/`install`/
    /// `postinstall` scripts are announced (`hasInstallScript`) — the fields npm installs
    /// from. Other script changes need `--metadata`.
    pub static MANIFEST_CONFUSION = { id: "metadata/manifest-confusion", severity: Severity::High };
}

/// Fields compared, as `package.json` names them.
pub const COMPARED_FIELDS: [&str; 6] = [
    "name",
    "version",
    "scripts",
    "dependencies",
    "optionalDependencies",
    "bin",
];

/// Compares the registry's version document with the tarball's `package.json` (parsed JSON).
/// Returns one finding listing every differing field (evidence `{"differences": [{field,
/// registry, tarball}]}`), or `None` when they agree. A `package.json` that is not a JSON
/// object differs in every field.
pub fn check_manifest_confusion(registry: &VersionManifest, tarball: &Value) -> Option<Finding> {
    compare(registry, tarball, &COMPARED_FIELDS, Vec::new())
}

/// [`check_manifest_confusion`] for a version document from an abbreviated packument (or
/// any document whose `scripts` cannot be trusted to be complete): every compared field but
/// `scripts`, plus the pseudo-field `install scripts` — the tarball runs a `preinstall`,
/// `install` or `postinstall` that the document neither lists in `scripts` nor announces with
/// `hasInstallScript` (the direction that hides code; a document announcing a script the
/// tarball lacks is npm's own `node-gyp rebuild` for a `binding.gyp`, or harmless).
pub fn check_manifest_confusion_listed(
    registry: &VersionManifest,
    tarball: &Value,
) -> Option<Finding> {
    let tarball_scripts: Vec<&str> = INSTALL_SCRIPTS
        .into_iter()
        .filter(|k| {
            tarball
                .get("scripts")
                .and_then(|s| s.get(*k))
                .and_then(Value::as_str)
                .is_some_and(|v| !v.trim().is_empty())
        })
        .collect();
    let announced = registry.has_install_script == Some(true)
        || INSTALL_SCRIPTS
            .iter()
            .any(|k| registry.scripts.contains_key(*k));
    let mut extra = Vec::new();
    if !tarball_scripts.is_empty() && !announced {
        extra.push(json!({
            "field": "install scripts",
            "registry": Value::Null,
            "tarball": tarball_scripts,
        }));
    }
    let fields: Vec<&str> = COMPARED_FIELDS
        .into_iter()
        .filter(|f| *f != "scripts")
        .collect();
    compare(registry, tarball, &fields, extra)
}

/// One finding for every field of `fields` that differs, after `first` (already found
/// differences), or `None`.
fn compare(
    registry: &VersionManifest,
    tarball: &Value,
    fields: &[&str],
    first: Vec<Value>,
) -> Option<Finding> {
    let registry_doc = registry_view(registry);
    let empty = Map::new();
    let tarball_doc = tarball.as_object().unwrap_or(&empty);
    let name = registry.name.as_str();
    let mut differences = first;
    for &field in fields {
        let mut r = normalise(field, registry_doc.get(field), name);
        let t = normalise(field, tarball_doc.get(field), name);
        if field == "scripts" {
            drop_implicit_gyp(&mut r, &t);
        }
        if r != t {
            differences.push(json!({"field": field, "registry": r, "tarball": t}));
        }
    }
    if differences.is_empty() {
        return None;
    }
    let fields: Vec<&str> = differences
        .iter()
        .filter_map(|d| d["field"].as_str())
        .collect();
    let message = format!(
        "the registry's manifest of {}@{} differs from the tarball's package.json in {}",
        registry.name,
        registry.version,
        fields.join(", ")
    );
    Some(
        Finding::new(&MANIFEST_CONFUSION, message)
            .package(&registry.name, &registry.version)
            .evidence(json!({ "differences": differences })),
    )
}

fn registry_view(m: &VersionManifest) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("name".into(), Value::String(m.name.clone()));
    out.insert("version".into(), Value::String(m.version.clone()));
    out.insert("scripts".into(), json!(m.scripts));
    out.insert("dependencies".into(), json!(m.dependencies));
    out.insert(
        "optionalDependencies".into(),
        json!(m.optional_dependencies),
    );
    if let Some(bin) = &m.bin {
        out.insert("bin".into(), bin.clone());
    }
    out
}

/// Absent, `null` and empty objects are the same; `bin` strings become a one-entry map;
/// path values lose a leading `./`.
fn normalise(field: &str, value: Option<&Value>, package: &str) -> Value {
    let value = match value {
        None | Some(Value::Null) if matches!(field, "name" | "version") => {
            return Value::String(String::new());
        }
        None | Some(Value::Null) => return Value::Object(Map::new()),
        // Old manifests write dependency lists as arrays of names (`"dependencies": []`); the
        // registry reads them as `name → "*"` (npm's normalize-package-data), so both sides
        // mean the same map.
        Some(Value::Array(names)) if field.ends_with("ependencies") => {
            return Value::Object(
                names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(|n| (n.to_string(), Value::String("*".into())))
                    .collect(),
            );
        }
        Some(v) => v.clone(),
    };
    match (field, value) {
        ("bin", Value::String(path)) => {
            let short = package.rsplit('/').next().unwrap_or(package);
            json!({ short: strip_dot(&path) })
        }
        ("bin", Value::Object(map)) => Value::Object(
            map.into_iter()
                .map(|(k, v)| match v {
                    Value::String(s) => (k, Value::String(strip_dot(&s))),
                    other => (k, other),
                })
                .collect(),
        ),
        (_, v) => v,
    }
}

fn strip_dot(path: &str) -> String {
    path.strip_prefix("./").unwrap_or(path).to_string()
}

/// npm adds `"install": "node-gyp rebuild"` to the registry document when the tarball has a
/// `binding.gyp` and no `install`/`preinstall`; that is not confusion.
fn drop_implicit_gyp(registry: &mut Value, tarball: &Value) {
    let tarball_has = |k: &str| tarball.get(k).is_some();
    if tarball_has("install") || tarball_has("preinstall") {
        return;
    }
    let Some(map) = registry.as_object_mut() else {
        return;
    };
    if map.get("install").and_then(Value::as_str) == Some("node-gyp rebuild") {
        map.remove("install");
    }
}
