use serde::Serialize;

/// Where a locked package comes from.
///
/// Readers classify an entry as [`Source::Registry`] when it was resolved from a registry by
/// name and version: npm/yarn-classic entries whose `resolved` URL has the registry tarball
/// shape `…/<name>/-/<file>.tgz` (on any host: the host is judged by a rule, not here) or no
/// `resolved` at all, berry `npm:` resolutions, pnpm entries with only an integrity, bun
/// entries with a registry slot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Source {
    /// From a registry. `resolved` is the tarball URL when the lockfile records one (npm,
    /// yarn classic, pnpm `resolution.tarball`, bun's URL slot, berry `__archiveUrl`).
    Registry { resolved: Option<String> },
    /// A git repository: `url` as written (e.g. `git+ssh://git@github.com/a/b.git`), and the
    /// commit when the lockfile pins one.
    Git { url: String, commit: Option<String> },
    /// A tarball fetched from a URL that is not registry-shaped.
    Tarball { url: String },
    /// A local folder or tarball copied in (`file:`), path as written.
    File { path: String },
    /// A local folder symlinked in (`link:`, `portal:`, npm `link: true`), path as written.
    Link { path: String },
    /// A workspace member of this project, path relative to the lockfile folder.
    Workspace { path: String },
    /// A patched package (`patch:` in yarn berry, `patchedDependencies` in pnpm): the
    /// patch file path and the source of the original.
    Patch {
        patch: String,
        original: Box<Source>,
    },
}

impl Source {
    /// The id used by `ls --json` and reports: `registry | git | tarball | file | link |
    /// workspace | patch`.
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Registry { .. } => "registry",
            Source::Git { .. } => "git",
            Source::Tarball { .. } => "tarball",
            Source::File { .. } => "file",
            Source::Link { .. } => "link",
            Source::Workspace { .. } => "workspace",
            Source::Patch { .. } => "patch",
        }
    }

    /// The URL or path the package manager fetches from, when there is one: the registry
    /// `resolved` URL, the git URL (with `#commit` when pinned), the tarball URL, or the path.
    pub fn resolved(&self) -> Option<String> {
        match self {
            Source::Registry { resolved } => resolved.clone(),
            Source::Git { url, commit } => Some(match commit {
                Some(c) if !url.contains('#') => format!("{url}#{c}"),
                _ => url.clone(),
            }),
            Source::Tarball { url } => Some(url.clone()),
            Source::File { path } => Some(format!("file:{path}")),
            Source::Link { path } => Some(format!("link:{path}")),
            Source::Workspace { path } => Some(format!("workspace:{path}")),
            Source::Patch { patch, original } => original
                .resolved()
                .or_else(|| Some(format!("patch:{patch}"))),
        }
    }
}
