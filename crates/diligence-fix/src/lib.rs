//! Fix guidance for `advisory/vulnerability` findings, as `npm audit fix` and OSV-Scanner's
//! guided remediation give it: what to change, and the command to run with the project's
//! package manager.
//!
//! For a vulnerable package P reached through the path `D > … > P` (D a direct dependency of
//! an importer), [`annotate`] tries, in order:
//!
//! 1. **update** — D's locked version already allows an unaffected P: a fresh resolution of
//!    the same range fixes it (`npm update P`, `pnpm update P`, `yarn up -R P`);
//! 2. **upgrade** — the smallest version of D above the locked one whose fresh resolution
//!    reaches an unaffected P along the same path, or no longer depends on it (`npm install
//!    D@^X`, `pnpm add`, `yarn add`, `bun add`, with `--save-dev`/`--dev` for a dev
//!    dependency and the workspace flag for a workspace importer); when P is itself direct,
//!    the smallest unaffected P;
//! 3. **override** — else the manifest entry that forces the smallest unaffected P for the
//!    locked vulnerable version only: npm and bun `overrides`, pnpm `pnpm.overrides`, yarn
//!    `resolutions` (berry keyed by the parent's descriptor, classic by `D/**/P`), then the
//!    install command;
//! 4. **none** — no unaffected version of P is published.
//!
//! Resolution follows npm-pick-manifest: a range picks the `latest` dist-tag when it
//! satisfies it, else the highest satisfying version (no prereleases unless the range names
//! one); a dist-tag spec picks the tag; `npm:` aliases resolve the real name. "Unaffected" is
//! judged with the same OSV records (by id or alias) that raised the finding, so a version in
//! a later affected range does not count as a fix.
//!
//! The guidance goes into the finding's evidence as `fix`:
//! `{"kind": "update|upgrade|override|none", "summary", "command", "package", "from", "to",
//! "manifest": {"file", "entry"}}` (members absent when they do not apply). Commands are
//! written only when every name, version and folder in them is a plain npm name, a SemVer
//! version and a plain path, so a crafted lockfile cannot smuggle shell syntax into a
//! command a person copies. Packuments that cannot be had leave the finding without `fix`
//! (guidance is advice; the finding itself stands).

use diligence_advisory::{AdvisoryDb, AdvisoryKind, IndexedAdvisory, range};
use diligence_finding::Finding;
use diligence_graph::{DepKind, DependencyGraph, LockfileFormat};
use diligence_packument::{Packument, VersionManifest};
use nodejs_semver::{Range, Version};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Where fix guidance gets packuments: the registry client (abbreviated packuments, which
/// carry every version's dependencies), or recorded packuments in tests.
pub trait PackumentSource: Sync {
    /// The packument of `name`; `Err` is a one-line reason.
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String>;
}

impl PackumentSource for diligence_registry::RegistryClient {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        self.abbreviated_packument(name).map_err(|e| e.to_string())
    }
}

impl PackumentSource for HashMap<String, Arc<Packument>> {
    fn packument(&self, name: &str) -> Result<Arc<Packument>, String> {
        self.get(name)
            .cloned()
            .ok_or_else(|| format!("{name}: not found"))
    }
}

/// The package manager whose commands and manifest keys the guidance uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Manager {
    Npm,
    YarnClassic,
    YarnBerry,
    Pnpm,
    Bun,
}

impl Manager {
    /// The manager that writes this lockfile format.
    pub fn of(format: LockfileFormat) -> Manager {
        match format {
            LockfileFormat::Npm => Manager::Npm,
            LockfileFormat::YarnClassic => Manager::YarnClassic,
            LockfileFormat::YarnBerry => Manager::YarnBerry,
            LockfileFormat::Pnpm => Manager::Pnpm,
            LockfileFormat::Bun => Manager::Bun,
        }
    }

    fn program(self) -> &'static str {
        match self {
            Manager::Npm => "npm",
            Manager::YarnClassic | Manager::YarnBerry => "yarn",
            Manager::Pnpm => "pnpm",
            Manager::Bun => "bun",
        }
    }
}

/// Adds `evidence.fix` to every `advisory/vulnerability` finding of `findings` that has a
/// dependency path, resolving candidate versions against `source`. Findings of other rules,
/// and findings whose guidance cannot be worked out, are left as they are.
pub fn annotate(
    findings: &mut [Finding],
    graph: &DependencyGraph,
    db: &AdvisoryDb,
    source: &dyn PackumentSource,
) {
    let resolver = Resolver {
        source,
        db,
        packuments: Mutex::new(HashMap::new()),
        advisories: Mutex::new(HashMap::new()),
        picks: Mutex::new(HashMap::new()),
    };
    let manager = Manager::of(graph.lockfile.format);
    for f in findings.iter_mut() {
        if f.rule != "advisory/vulnerability" {
            continue;
        }
        let Some(fix) = guidance(f, graph, manager, &resolver) else {
            continue;
        };
        if let Value::Object(map) = &mut f.evidence {
            map.insert("fix".into(), fix);
        }
    }
}

/// The path `D@v > … > P@v` of the finding, the importer it starts from and the advisory ids.
struct Subject {
    chain: Vec<(String, String)>,
    importer: String,
    ids: Vec<String>,
}

fn subject(f: &Finding) -> Option<Subject> {
    let path = f.evidence.get("path")?;
    let chain = path
        .get("packages")?
        .as_array()?
        .iter()
        .map(|p| split_id(p.as_str()?))
        .collect::<Option<Vec<_>>>()?;
    if chain.is_empty() {
        return None;
    }
    let importer = path
        .get("importer")
        .and_then(Value::as_str)
        .unwrap_or(".")
        .to_string();
    let ids = f
        .evidence
        .get("ids")?
        .as_array()?
        .iter()
        .filter_map(|i| i.as_str().map(String::from))
        .collect();
    Some(Subject {
        chain,
        importer,
        ids,
    })
}

/// `name@version` → (name, version), scoped names included.
fn split_id(id: &str) -> Option<(String, String)> {
    let at = id.rfind('@').filter(|&i| i > 0)?;
    Some((id[..at].to_string(), id[at + 1..].to_string()))
}

/// Packuments, advisories and range picks, each fetched or computed once per run.
struct Resolver<'a> {
    source: &'a dyn PackumentSource,
    db: &'a AdvisoryDb,
    packuments: Mutex<HashMap<String, Option<Arc<Packument>>>>,
    advisories: Mutex<HashMap<String, Arc<Vec<IndexedAdvisory>>>>,
    picks: Mutex<HashMap<(String, String), Option<String>>>,
}

/// Most candidate versions of the direct dependency tried per finding.
const MAX_CANDIDATES: usize = 2_000;

impl Resolver<'_> {
    fn packument(&self, name: &str) -> Option<Arc<Packument>> {
        if let Some(p) = self.packuments.lock().ok()?.get(name) {
            return p.clone();
        }
        let fetched = self.source.packument(name).ok();
        self.packuments
            .lock()
            .ok()?
            .insert(name.to_string(), fetched.clone());
        fetched
    }

    /// Whether `name@version` is affected by a non-malware record sharing an id with `ids`.
    fn affected(&self, name: &str, version: &str, ids: &[String]) -> bool {
        let records = {
            let mut cache = match self.advisories.lock() {
                Ok(c) => c,
                Err(_) => return true,
            };
            cache
                .entry(name.to_string())
                .or_insert_with(|| Arc::new(self.db.lookup(name).unwrap_or_default()))
                .clone()
        };
        records
            .iter()
            .filter(|a| a.kind != AdvisoryKind::Malware)
            .filter(|a| a.ids().iter().any(|id| ids.contains(id)))
            .any(|a| range::affects(&a.affected, version))
    }

    /// The version of `name` that `spec` resolves to, as npm would pick it.
    fn pick(&self, name: &str, spec: &str) -> Option<String> {
        let key = (name.to_string(), spec.to_string());
        if let Some(hit) = self.picks.lock().ok()?.get(&key) {
            return hit.clone();
        }
        let picked = self.packument(name).and_then(|p| pick(&p, spec));
        self.picks.lock().ok()?.insert(key, picked.clone());
        picked
    }
}

/// npm-pick-manifest for a registry spec: a dist-tag, or a range (the `latest` tag when it
/// satisfies the range, else the highest satisfying version).
pub fn pick(packument: &Packument, spec: &str) -> Option<String> {
    let spec = spec.trim();
    if let Some(v) = packument.dist_tags.get(spec) {
        return packument.versions.contains_key(v).then(|| v.clone());
    }
    let range = if spec.is_empty() {
        Range::any()
    } else {
        Range::parse(spec).ok()?
    };
    if let Some(latest) = packument.dist_tags.get("latest")
        && let Ok(v) = Version::parse(latest)
        && range.satisfies(&v)
        && packument.versions.contains_key(latest)
    {
        return Some(latest.clone());
    }
    packument
        .versions
        .keys()
        .filter_map(|k| Some((Version::parse(k).ok()?, k)))
        .filter(|(v, _)| range.satisfies(v))
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, k)| k.clone())
}

/// The spec under which `manifest` depends on `name`: `(registry name, range)`, following an
/// `npm:` alias; `None` when it does not depend on it (any more).
fn dependency_spec(manifest: &VersionManifest, name: &str) -> Option<(String, String)> {
    let all = manifest
        .dependencies
        .iter()
        .chain(manifest.optional_dependencies.iter());
    for (dep, spec) in all {
        if let Some(alias) = spec.strip_prefix("npm:") {
            if let Some((real, range)) = split_id(alias)
                && real == name
            {
                return Some((real, range));
            }
            if alias == name {
                return Some((name.to_string(), String::new()));
            }
        } else if dep == name {
            return Some((name.to_string(), spec.clone()));
        }
    }
    None
}

/// What a fresh resolution of a direct dependency version gives for the vulnerable package.
enum Outcome {
    /// The path now ends in this unaffected version.
    Fixed(String),
    /// Some package of the path no longer depends on the next one.
    Dropped,
    /// Still affected, or not resolvable.
    NotFixed,
}

/// Walks `chain[1..]` from `manifest` (a version of `chain[0]`).
fn resolve_path(
    r: &Resolver<'_>,
    manifest: &VersionManifest,
    chain: &[(String, String)],
    ids: &[String],
) -> Outcome {
    let mut current = manifest.clone();
    for (name, _) in &chain[1..] {
        let Some((real, spec)) = dependency_spec(&current, name) else {
            return Outcome::Dropped;
        };
        let Some(version) = r.pick(&real, &spec) else {
            return Outcome::NotFixed;
        };
        let Some(next) = r
            .packument(&real)
            .and_then(|p| p.versions.get(&version).cloned())
        else {
            return Outcome::NotFixed;
        };
        current = next;
    }
    let (target, _) = &chain[chain.len() - 1];
    if r.affected(target, &current.version, ids) {
        Outcome::NotFixed
    } else {
        Outcome::Fixed(current.version)
    }
}

/// Versions of `packument` at or above `from` (strictly above unless `inclusive`), ascending,
/// without prereleases unless `from` is one.
fn versions_from(packument: &Packument, from: &str, inclusive: bool) -> Vec<String> {
    let Ok(base) = Version::parse(from) else {
        return Vec::new();
    };
    let mut out: Vec<(Version, &String)> = packument
        .versions
        .keys()
        .filter_map(|k| Some((Version::parse(k).ok()?, k)))
        .filter(|(v, _)| if inclusive { *v >= base } else { *v > base })
        .filter(|(v, _)| v.pre_release().is_empty() || !base.pre_release().is_empty())
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.into_iter()
        .take(MAX_CANDIDATES)
        .map(|(_, k)| k.clone())
        .collect()
}

fn guidance(
    f: &Finding,
    graph: &DependencyGraph,
    manager: Manager,
    r: &Resolver<'_>,
) -> Option<Value> {
    let s = subject(f)?;
    let (direct, direct_version) = &s.chain[0];
    let (target, target_version) = &s.chain[s.chain.len() - 1];
    let dev = is_dev(graph, &s.importer, direct);
    let importer_name = graph
        .importers
        .iter()
        .find(|i| i.path == s.importer)
        .and_then(|i| i.name.clone());
    let ctx = Context {
        manager,
        importer: &s.importer,
        importer_name: importer_name.as_deref(),
        dev,
    };
    if let Some(direct_pk) = r.packument(direct) {
        if s.chain.len() == 1 {
            // The vulnerable package is itself a direct dependency: its smallest fix.
            if let Some(to) = versions_from(&direct_pk, direct_version, false)
                .into_iter()
                .find(|v| !r.affected(target, v, &s.ids))
            {
                // The declared range already resolves (as npm picks: `latest` when in range,
                // else the highest match) to an unaffected version: refresh the lockfile,
                // package.json stays. Root importer only: `npm update X` at the root does not
                // refresh a workspace's dependency.
                let declared = graph
                    .importers
                    .iter()
                    .find(|i| i.path == s.importer)
                    .and_then(|i| i.dependencies.iter().find(|e| e.name == *direct))
                    .map(|e| e.spec.as_str());
                let picked = declared
                    .filter(|_| s.importer == ".")
                    .and_then(|spec| r.pick(direct, spec))
                    .filter(|v| v != direct_version && !r.affected(target, v, &s.ids));
                if let Some(picked) = picked
                    && let Some(mut fix) = update(&ctx, direct, direct_version, direct, &picked)
                {
                    fix["summary"] = json!(format!(
                        "the declared range `{}` already allows {direct} {picked}: refresh the \
                         lockfile",
                        declared.unwrap_or_default()
                    ));
                    return Some(fix);
                }
                return Some(upgrade(&ctx, direct, direct_version, &to, None));
            }
        } else {
            for candidate in versions_from(&direct_pk, direct_version, true) {
                let Some(manifest) = direct_pk.versions.get(&candidate) else {
                    continue;
                };
                let outcome = resolve_path(r, manifest, &s.chain, &s.ids);
                let becomes = match outcome {
                    Outcome::NotFixed => continue,
                    Outcome::Fixed(v) => Some(v),
                    Outcome::Dropped => None,
                };
                if candidate == *direct_version {
                    if let Some(v) = &becomes
                        && let Some(fix) = update(&ctx, direct, direct_version, target, v)
                    {
                        return Some(fix);
                    }
                    continue;
                }
                let effect = Some((target.as_str(), becomes.as_deref()));
                return Some(upgrade(&ctx, direct, direct_version, &candidate, effect));
            }
        }
    }
    // No upgrade of the direct dependency helps: force an unaffected version of the target.
    let target_pk = r.packument(target)?;
    let fixed = f.evidence.get("fixed").and_then(Value::as_str);
    let start = match fixed {
        Some(fixed) if Version::parse(fixed).is_ok() => fixed,
        _ => target_version.as_str(),
    };
    let safe = versions_from(&target_pk, start, fixed.is_some())
        .into_iter()
        .find(|v| !r.affected(target, v, &s.ids));
    let parent_spec = parent_spec(graph, &s.chain);
    Some(match safe {
        Some(to) => override_fix(&ctx, &s.chain, target_version, &to, parent_spec.as_deref()),
        None => json!({
            "kind": "none",
            "package": target,
            "from": target_version,
            "summary": format!(
                "no unaffected version of {target} is published; remove or replace {}",
                if s.chain.len() == 1 { target.clone() } else { format!("{direct} (which pulls it in)") }
            ),
        }),
    })
}

/// Whether the importer declares `name` as a dev dependency.
fn is_dev(graph: &DependencyGraph, importer: &str, name: &str) -> bool {
    graph
        .importers
        .iter()
        .filter(|i| i.path == importer || (importer.is_empty() && i.path == "."))
        .flat_map(|i| i.dependencies.iter())
        .any(|e| e.name == name && e.kind == DepKind::Dev)
}

/// The spec under which the last package of the path is required by the one before it, as the
/// lockfile records it (for yarn berry's descriptor-keyed `resolutions`).
fn parent_spec(graph: &DependencyGraph, chain: &[(String, String)]) -> Option<String> {
    let [.., (parent, parent_version), (target, _)] = chain else {
        return None;
    };
    graph
        .packages
        .iter()
        .find(|p| &p.name == parent && &p.version == parent_version)?
        .dependencies
        .iter()
        .find(|e| &e.name == target || e.spec.starts_with(&format!("npm:{target}@")))
        .map(|e| e.spec.clone())
}

struct Context<'a> {
    manager: Manager,
    importer: &'a str,
    importer_name: Option<&'a str>,
    dev: bool,
}

fn update(
    ctx: &Context<'_>,
    direct: &str,
    direct_version: &str,
    target: &str,
    becomes: &str,
) -> Option<Value> {
    let command = match ctx.manager {
        Manager::Npm => format!("npm update {target}"),
        Manager::Pnpm => format!("pnpm update {target}"),
        Manager::YarnBerry => format!("yarn up -R {target}"),
        // yarn classic and bun do not refresh a transitive dependency by name: an override.
        Manager::YarnClassic | Manager::Bun => return None,
    };
    let safe = plain_name(target) && plain_version(becomes);
    let mut fix = json!({
        "kind": "update",
        "package": target,
        "to": becomes,
        "summary": format!(
            "{direct}@{direct_version} already allows {target} {becomes}: refresh the lockfile"
        ),
    });
    if safe {
        fix["command"] = json!(command);
    }
    Some(fix)
}

fn upgrade(
    ctx: &Context<'_>,
    direct: &str,
    from: &str,
    to: &str,
    effect: Option<(&str, Option<&str>)>,
) -> Value {
    let major = match (Version::parse(from), Version::parse(to)) {
        (Ok(a), Ok(b)) if a.major() != b.major() || (a.major() == 0 && a.minor() != b.minor()) => {
            " (a breaking upgrade)"
        }
        _ => "",
    };
    let effect = match effect {
        Some((target, Some(v))) => format!(": its {target} becomes {v}"),
        Some((target, None)) => format!(": it no longer depends on {target} through this path"),
        None => String::new(),
    };
    let mut fix = json!({
        "kind": "upgrade",
        "package": direct,
        "from": from,
        "to": to,
        "summary": format!("upgrade {direct} {from} → {to}{major}{effect}"),
    });
    if let Some(command) = add_command(ctx, direct, to) {
        fix["command"] = json!(command);
    }
    fix
}

/// `npm install D@^X` and its equivalents, or `None` when a value is not plain.
fn add_command(ctx: &Context<'_>, name: &str, version: &str) -> Option<String> {
    if !plain_name(name) || !plain_version(version) || !plain_path(ctx.importer) {
        return None;
    }
    let workspace = ctx.importer != "." && !ctx.importer.is_empty();
    let spec = format!("{name}@^{version}");
    let mut cmd = match ctx.manager {
        Manager::Npm => format!("npm install {spec}"),
        Manager::Pnpm => format!("pnpm add {spec}"),
        Manager::YarnClassic | Manager::YarnBerry => format!("yarn add {spec}"),
        Manager::Bun => format!("bun add {spec}"),
    };
    if ctx.dev {
        cmd.push_str(match ctx.manager {
            Manager::Npm | Manager::Pnpm => " --save-dev",
            _ => " --dev",
        });
    }
    if workspace {
        cmd = match (ctx.manager, ctx.importer_name.filter(|n| plain_name(n))) {
            (Manager::Npm, _) => format!("{cmd} --workspace {}", ctx.importer),
            (Manager::Pnpm, _) => format!("{cmd} --filter ./{}", ctx.importer),
            (Manager::YarnClassic | Manager::YarnBerry, Some(ws)) => {
                cmd.replacen("yarn add", &format!("yarn workspace {ws} add"), 1)
            }
            _ => format!("cd {} && {cmd}", ctx.importer),
        };
    }
    Some(cmd)
}

fn override_fix(
    ctx: &Context<'_>,
    chain: &[(String, String)],
    from: &str,
    to: &str,
    parent_spec: Option<&str>,
) -> Value {
    let (target, _) = &chain[chain.len() - 1];
    let (direct, _) = &chain[0];
    let (key, entry) = match ctx.manager {
        Manager::Npm => (
            format!("{target}@{from}"),
            json!({"overrides": {format!("{target}@{from}"): to}}),
        ),
        Manager::Pnpm => (
            format!("{target}@{from}"),
            json!({"pnpm": {"overrides": {format!("{target}@{from}"): to}}}),
        ),
        Manager::Bun => (target.clone(), json!({"overrides": {target.clone(): to}})),
        Manager::YarnBerry => {
            let key = match parent_spec {
                Some(spec) if spec.starts_with("npm:") => format!("{target}@{spec}"),
                Some(spec) if !spec.is_empty() => format!("{target}@npm:{spec}"),
                _ => target.clone(),
            };
            (key.clone(), json!({"resolutions": {key: to}}))
        }
        Manager::YarnClassic => {
            let key = if chain.len() > 1 {
                format!("{direct}/**/{target}")
            } else {
                target.clone()
            };
            (key.clone(), json!({"resolutions": {key: to}}))
        }
    };
    let field = match ctx.manager {
        Manager::Npm | Manager::Bun => "overrides",
        Manager::Pnpm => "pnpm.overrides",
        Manager::YarnClassic | Manager::YarnBerry => "resolutions",
    };
    let mut fix = json!({
        "kind": "override",
        "package": target,
        "from": from,
        "to": to,
        "summary": format!(
            "no upgrade of {direct} removes {target} {from}: add `\"{key}\": \"{to}\"` to {field} in package.json, then install"
        ),
        "manifest": {"file": "package.json", "entry": entry},
    });
    if plain_name(target) && plain_version(to) && plain_version(from) {
        fix["command"] = json!(format!("{} install", ctx.manager.program()));
    }
    fix
}

/// A name that is safe to paste into a shell: an npm package name (`@scope/name`, lowercase
/// URL-safe characters).
fn plain_name(name: &str) -> bool {
    let body = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, rest)) if !scope.is_empty() && !rest.contains('/') => {
                return ok_part(scope) && ok_part(rest);
            }
            _ => return false,
        },
        None => name,
    };
    ok_part(body)
}

fn ok_part(part: &str) -> bool {
    !part.is_empty()
        && part.len() <= 214
        && !part.starts_with(['.', '-'])
        && part.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_' | '~')
        })
}

/// A SemVer version made of `[0-9A-Za-z.+-]`.
fn plain_version(version: &str) -> bool {
    Version::parse(version).is_ok()
        && version
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
}

/// A relative folder made of `[A-Za-z0-9._/-]`, without `..`.
fn plain_path(path: &str) -> bool {
    path.is_empty()
        || (path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '/' | '-'))
            && !path.split('/').any(|p| p == "..")
            && !path.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values() {
        assert!(plain_name("@babel/core") && plain_name("lodash.merge"));
        assert!(!plain_name("x;rm -rf ~") && !plain_name("@a/b/c") && !plain_name("$(id)"));
        assert!(plain_version("1.2.3-beta.1") && !plain_version("1.2.3; id"));
        assert!(plain_path("packages/web") && !plain_path("../x") && !plain_path("a b"));
        assert_eq!(
            split_id("@scope/x@1.0.0"),
            Some(("@scope/x".into(), "1.0.0".into()))
        );
    }
}
