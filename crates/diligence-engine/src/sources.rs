//! Where a locked package's code comes from, for the code layer: the registry tarball
//! (verified against the lockfile and the packument), a remote tarball (verified against the
//! lockfile's integrity when it records one), a git commit (fetched into the cache, see
//! [`crate::git`]), or a local `file:`/`link:` tarball or folder. Every way of failing is a
//! reason (not evaluated) or a finding (bytes that do not match their integrity).

use crate::settings::Network;
use diligence_finding::{Finding, Outcome};
use diligence_graph::{Integrity, Package, Source};
use diligence_packument::VersionManifest;
use diligence_registry::rules::tarball_integrity;
use diligence_registry::{PackumentKind, RegistryClient, RegistryError, TarballMismatch};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Largest local tarball read (bytes): 512 MiB, the registry client's body limit.
const MAX_LOCAL_TARBALL: u64 = 512 * 1024 * 1024;

/// Package code at hand.
pub(crate) enum Code {
    /// A gzip'd tarball in memory.
    Tarball(Vec<u8>),
    /// A folder on disk holding `package.json`.
    Folder(PathBuf),
}

/// What [`obtain`] found.
pub(crate) struct Obtained {
    pub code: Code,
    /// The verified integrity to key the scan cache on (`None`: do not cache).
    pub cache_key: Option<String>,
    /// The registry's version document from the full packument (for
    /// `metadata/manifest-confusion`), or why it could not be had; `None` when the run reads
    /// abbreviated packuments (which omit `scripts`) or the code is not from the registry.
    pub registry_manifest: Option<Result<VersionManifest, String>>,
    /// The version document as the packument the run read lists it (abbreviated by default:
    /// no `scripts`, but `hasInstallScript`, dependencies and `bin`), for the reduced
    /// manifest comparison every run makes when there is no full document; `None` when the
    /// code is not from the registry.
    pub listed_manifest: Option<VersionManifest>,
}

/// What the sources need to know about the run.
pub(crate) struct SourceCx<'a> {
    pub client: Option<&'a RegistryClient>,
    pub kind: PackumentKind,
    pub network: Network,
    /// Cache root for git repositories (`None`: no cache folder).
    pub cache: Option<PathBuf>,
    /// The lockfile's folder: relative `file:`/`link:` paths start here.
    pub lockfile_dir: PathBuf,
    /// The lockfile path as findings name it.
    pub file: String,
    /// `name@version`s whose lockfile integrity the registry cross-check already found to
    /// disagree with the packument (their tarball is fetched by the packument's integrity).
    pub integrity_flagged: &'a HashSet<String>,
}

/// The code of `p`: `Ok(None)` for the project's own workspace members (not a dependency);
/// findings about the bytes themselves (a tarball that does not match its integrity) in the
/// first element whatever the second says.
pub(crate) fn obtain(
    cx: &SourceCx<'_>,
    p: &Package,
) -> (Vec<Finding>, Result<Option<Obtained>, String>) {
    obtain_source(cx, p, &p.source)
}

fn obtain_source(
    cx: &SourceCx<'_>,
    p: &Package,
    source: &Source,
) -> (Vec<Finding>, Result<Option<Obtained>, String>) {
    match source {
        Source::Registry { .. } => registry(cx, p),
        Source::Tarball { url } => remote(cx, p, url),
        Source::Git { url, commit } => (Vec::new(), git(cx, url, commit.as_deref())),
        Source::File { path } | Source::Link { path } => (Vec::new(), local(cx, path)),
        Source::Workspace { .. } => (Vec::new(), Ok(None)),
        // The code scanned is the original's; the patch file is the project's own.
        Source::Patch { original, .. } => obtain_source(cx, p, original),
    }
}

fn need_client<'a>(cx: &SourceCx<'a>, what: &str) -> Result<&'a RegistryClient, String> {
    cx.client.ok_or_else(|| {
        format!("--no-registry: {what} cannot be fetched (add --no-code to skip the code scan)")
    })
}

fn registry(cx: &SourceCx<'_>, p: &Package) -> (Vec<Finding>, Result<Option<Obtained>, String>) {
    let client = match need_client(cx, "tarballs") {
        Ok(c) => c,
        Err(why) => return (Vec::new(), Err(why)),
    };
    let packument = match client.dists_with(&p.name, cx.kind, &[p.version.as_str()]) {
        Ok(doc) => doc,
        Err(e) => return (Vec::new(), Err(e.to_string())),
    };
    let Some(manifest) = packument.version(&p.version) else {
        return (
            Vec::new(),
            Err(format!("{} is not in the packument", p.id_string())),
        );
    };
    let registry_manifest = (cx.kind == PackumentKind::Full).then(|| {
        let full = client.packument(&p.name).map_err(|e| e.to_string())?;
        full.version(&p.version)
            .cloned()
            .ok_or_else(|| format!("{} is not in the packument", p.id_string()))
    });
    let cache_key = diligence_registry::verify::registry_integrity(&manifest.dist)
        .or_else(|| p.integrity.clone())
        .map(|i| i.to_string());
    let lockfile = p
        .integrity
        .as_ref()
        .filter(|_| !cx.integrity_flagged.contains(&p.id_string()));
    // The lean read keeps `dist` only; read the version's whole listed document once (the
    // integrity-mismatch path builds two `Obtained`s).
    let listed_manifest = (cx.kind != PackumentKind::Full)
        .then(|| client.listed_version(&p.name, cx.kind, &p.version).ok())
        .flatten()
        .flatten();
    let obtained = |bytes| Obtained {
        code: Code::Tarball(bytes),
        cache_key: cache_key.clone(),
        registry_manifest: registry_manifest.clone(),
        listed_manifest: listed_manifest.clone(),
    };
    match client.fetch_tarball_of(&p.name, manifest, lockfile) {
        Ok(bytes) => (Vec::new(), Ok(Some(obtained(bytes)))),
        Err(e @ RegistryError::TarballIntegrity(_)) => {
            let findings = mismatch_finding(p, &cx.file, &e);
            // Judge the code the registry serves for this version all the same.
            match client.fetch_tarball_of(&p.name, manifest, None) {
                Ok(bytes) => (findings, Ok(Some(obtained(bytes)))),
                Err(e) => (findings, Err(e.to_string())),
            }
        }
        Err(e) => (Vec::new(), Err(e.to_string())),
    }
}

fn mismatch_finding(p: &Package, file: &str, e: &RegistryError) -> Vec<Finding> {
    match tarball_integrity::check(p, file, Err(e)) {
        Outcome::Finding(f) => vec![*f],
        _ => Vec::new(),
    }
}

fn remote(
    cx: &SourceCx<'_>,
    p: &Package,
    url: &str,
) -> (Vec<Finding>, Result<Option<Obtained>, String>) {
    let client = match need_client(cx, "remote tarballs") {
        Ok(c) => c,
        Err(why) => return (Vec::new(), Err(why)),
    };
    if cx.network == Network::Offline {
        return (
            Vec::new(),
            Err(format!("{url}: remote tarballs are not cached (offline)")),
        );
    }
    let bytes = match client.download(url) {
        Ok(b) => b,
        Err(e) => return (Vec::new(), Err(e.to_string())),
    };
    let integrity = p
        .integrity
        .as_ref()
        .filter(|i| matches!(i, Integrity::Sri(_)));
    if let Some(expected) = integrity
        && let Err((expected, actual)) = diligence_registry::verify::check_bytes(expected, &bytes)
    {
        let e = RegistryError::TarballIntegrity(Box::new(TarballMismatch {
            name: p.name.clone(),
            version: p.version.clone(),
            url: diligence_registry::client::redact_url(url),
            against: "lockfile",
            expected: expected.to_string(),
            actual: actual.to_string(),
        }));
        // The bytes are not what the lockfile pins: reported, and not scanned as if they were.
        return (
            mismatch_finding(p, &cx.file, &e),
            Err("the downloaded tarball does not match the lockfile integrity".into()),
        );
    }
    let obtained = Obtained {
        code: Code::Tarball(bytes),
        cache_key: integrity.map(|i| i.to_string()),
        registry_manifest: None,
        listed_manifest: None,
    };
    (Vec::new(), Ok(Some(obtained)))
}

fn git(cx: &SourceCx<'_>, url: &str, commit: Option<&str>) -> Result<Option<Obtained>, String> {
    if cx.client.is_none() {
        return Err(
            "--no-registry: git dependencies are not fetched (add --no-code to skip the code scan)"
                .into(),
        );
    }
    let commit = commit
        .or_else(|| url.split_once('#').map(|(_, c)| c))
        .ok_or_else(|| format!("{url}: not pinned to a commit: what it installs can change"))?;
    let cache = cx
        .cache
        .as_deref()
        .ok_or("no cache folder to fetch the git repository into")?;
    let bytes = crate::git::export(cache, url, commit, cx.network)?;
    Ok(Some(Obtained {
        code: Code::Tarball(bytes),
        cache_key: None,
        registry_manifest: None,
        listed_manifest: None,
    }))
}

fn local(cx: &SourceCx<'_>, spec: &str) -> Result<Option<Obtained>, String> {
    let path = local_path(&cx.lockfile_dir, spec);
    let meta = std::fs::metadata(&path)
        .map_err(|e| format!("{}: {e} (as the lockfile names it: {spec})", path.display()))?;
    let code = if meta.is_dir() {
        if !path.join("package.json").is_file() {
            return Err(format!(
                "{}: not an npm package: no package.json",
                path.display()
            ));
        }
        Code::Folder(path)
    } else {
        // A regular file of bounded size only: a pull request can commit the tarball as a
        // symlink to `/dev/zero`, which reports length 0 and never ends.
        let bytes = diligence_lockfile::bounded::read_bounded(&path, MAX_LOCAL_TARBALL)
            .map_err(|e| format!("{}: {e} (as the lockfile names it: {spec})", path.display()))?;
        Code::Tarball(bytes)
    };
    Ok(Some(Obtained {
        code,
        cache_key: None,
        registry_manifest: None,
        listed_manifest: None,
    }))
}

/// A `file:`/`link:` path as the lockfile writes it, resolved against the lockfile's folder:
/// the scheme and yarn berry's `::locator=…` suffix removed.
fn local_path(base: &Path, spec: &str) -> PathBuf {
    let spec = spec.split("::").next().unwrap_or(spec);
    let spec = ["file:", "link:", "portal:"]
        .iter()
        .find_map(|p| spec.strip_prefix(p))
        .unwrap_or(spec);
    let path = Path::new(spec);
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `file:` tarball that is a symlink to `/dev/zero` (a pull request can commit one) is
    /// refused at once as not a regular file, never read until memory runs out.
    #[cfg(unix)]
    #[test]
    fn a_local_tarball_must_be_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("evil.tgz")).unwrap();
        let flagged = HashSet::new();
        let cx = SourceCx {
            client: None,
            kind: PackumentKind::Full,
            network: Network::Offline,
            cache: None,
            lockfile_dir: dir.path().to_path_buf(),
            file: "package-lock.json".into(),
            integrity_flagged: &flagged,
        };
        let err = local(&cx, "file:evil.tgz").err().unwrap();
        assert!(
            err.ends_with("evil.tgz: not a regular file (as the lockfile names it: file:evil.tgz)"),
            "{err}"
        );
    }

    #[test]
    fn local_paths() {
        let base = Path::new("/p");
        assert_eq!(local_path(base, "../x.tgz"), Path::new("/p/../x.tgz"));
        assert_eq!(
            local_path(base, "file:./vendor/a.tgz::locator=app%40workspace%3A."),
            Path::new("/p/./vendor/a.tgz")
        );
        assert_eq!(local_path(base, "/abs/dir"), Path::new("/abs/dir"));
    }
}
