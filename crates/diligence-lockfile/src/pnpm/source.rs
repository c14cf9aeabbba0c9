//! Source classification of `packages:` entries from their `resolution` (see the parent
//! module docs for the table), and the workspace check of local directories.

use super::model::{PackageDoc, ResolutionDoc};
use diligence_graph::Source;

/// The source of a `packages:` entry from its `resolution` (see the module docs).
pub fn source_of(meta: &PackageDoc, key: &str) -> Source {
    let Some(res) = meta.resolution.as_ref() else {
        return Source::Registry { resolved: None };
    };
    match res.kind.as_deref() {
        Some("git") => git_source(res),
        Some("directory") => Source::File {
            path: res.directory.clone().unwrap_or_default(),
        },
        None if res.repo.is_some() => git_source(res),
        None if res.directory.is_some() => Source::File {
            path: res.directory.clone().unwrap_or_default(),
        },
        None => match res.tarball.as_deref() {
            None => Source::Registry { resolved: None },
            Some(url) => tarball_source(url),
        },
        Some(other) => Source::Tarball {
            url: res
                .tarball
                .clone()
                .unwrap_or_else(|| format!("{other}:{key}")),
        },
    }
}

fn git_source(res: &ResolutionDoc) -> Source {
    Source::Git {
        url: res.repo.clone().unwrap_or_default(),
        commit: res.commit.clone(),
    }
}

fn tarball_source(url: &str) -> Source {
    if let Some(path) = url.strip_prefix("file:") {
        return Source::File {
            path: path.to_string(),
        };
    }
    if crate::url_shape::is_registry_tarball(url) {
        return Source::Registry {
            resolved: Some(url.to_string()),
        };
    }
    Source::Tarball {
        url: url.to_string(),
    }
}
