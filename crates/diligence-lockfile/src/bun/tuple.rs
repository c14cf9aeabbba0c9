//! The tuples of bun.lock's `packages` map: `[ident, ...slots]`, where the ident is
//! `"<name>@<resolution>"` and the slots depend on the resolution kind (see the table in the
//! parent module).

use crate::LockfileError;
use crate::npm::json_ast::{self, JsonDoc};
use crate::npm::{git_with_commit, is_commit};
use diligence_graph::{Integrity, Source};
use jsonc_parser::ast::{Array, Object, ObjectProp, Value};

/// One parsed tuple.
pub(super) struct Tuple<'v, 't> {
    pub name: &'v str,
    /// The resolution as written (`4.4.3`, `github:o/r#sha`, `link:../x`, …); the node version.
    pub res: &'v str,
    pub resolution: Resolution<'v>,
    pub slots: Slots<'v, 't>,
    /// Byte offset of the ident, for errors.
    pub ident_offset: usize,
}

impl<'v, 't> Tuple<'v, 't> {
    /// Reads and checks the shape of one `packages` value.
    pub fn read(doc: &JsonDoc<'_>, prop: &'v ObjectProp<'t>) -> Result<Self, LockfileError> {
        let owner = format!("packages[\"{}\"]", prop.name.as_str());
        let Value::Array(tuple) = &prop.value else {
            return Err(doc.type_error(&prop.value, &owner, "an array"));
        };
        let Some(first) = tuple.elements.first() else {
            return Err(doc.error_at(tuple.range.start, format!("{owner} is an empty array")));
        };
        let ident = doc.string(first, &format!("{owner}[0]"))?;
        let ident_offset = json_ast::start(first);
        let (name, res) = split_ident(ident).ok_or_else(|| {
            doc.error_at(
                ident_offset,
                format!("{owner}[0] `{ident}` is not `<name>@<resolution>`"),
            )
        })?;
        let resolution = classify(res).ok_or_else(|| {
            doc.error_at(
                ident_offset,
                format!("{owner}[0]: unexpected resolution `{res}`"),
            )
        })?;
        let slots = Slots::read(doc, tuple, &resolution, &owner)?;
        Ok(Tuple {
            name,
            res,
            resolution,
            slots,
            ident_offset,
        })
    }

    /// Where the package comes from. `root:` and `workspace:` tuples are not packages of
    /// their own; they get [`Source::Workspace`] here only for completeness.
    pub fn source(&self) -> Source {
        match self.resolution {
            Resolution::Npm => Source::Registry {
                resolved: self
                    .slots
                    .url
                    .filter(|u| !u.0.is_empty())
                    .map(|u| u.0.to_string()),
            },
            Resolution::Git => git_source(self.res, self.slots.tag),
            Resolution::RemoteTarball => Source::Tarball {
                url: self.res.to_string(),
            },
            Resolution::LocalTarball => Source::File {
                path: self.res.to_string(),
            },
            Resolution::Folder(p) => Source::File {
                path: p.to_string(),
            },
            Resolution::Link(p) => Source::Link {
                path: p.to_string(),
            },
            Resolution::Workspace(p) => Source::Workspace {
                path: p.to_string(),
            },
            Resolution::Root => Source::Workspace {
                path: ".".to_string(),
            },
        }
    }
}

/// What the resolution half of an ident names.
pub(super) enum Resolution<'a> {
    Npm,
    Git,
    RemoteTarball,
    LocalTarball,
    Folder(&'a str),
    Link(&'a str),
    Workspace(&'a str),
    Root,
}

/// Classifies `res` the way bun's `Resolution.fromTextLockfile` does (prefixes first, then
/// the inferred dependency type). `None` for a form bun rejects.
fn classify(res: &str) -> Option<Resolution<'_>> {
    if res.starts_with("root:") {
        return Some(Resolution::Root);
    }
    if let Some(p) = res.strip_prefix("link:") {
        return Some(Resolution::Link(p));
    }
    if let Some(p) = res.strip_prefix("workspace:") {
        return Some(Resolution::Workspace(p));
    }
    if let Some(p) = res.strip_prefix("file:") {
        return Some(Resolution::Folder(p));
    }
    const GIT: [&str; 8] = [
        "git+",
        "git://",
        "git@",
        "ssh://",
        "github:",
        "gitlab:",
        "bitbucket:",
        "gist:",
    ];
    let url_path = res.split('#').next().unwrap_or(res);
    if GIT.iter().any(|p| crate::url_shape::starts_with_ci(res, p)) {
        return Some(Resolution::Git);
    }
    if crate::url_shape::is_http_url(res) {
        return Some(if url_path.ends_with(".git") {
            Resolution::Git
        } else {
            Resolution::RemoteTarball
        });
    }
    if [".tgz", ".tar.gz", ".tar"]
        .iter()
        .any(|s| url_path.ends_with(s))
    {
        return Some(Resolution::LocalTarball);
    }
    if res.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Some(Resolution::Npm);
    }
    // `owner/repo#ref` GitHub shorthand.
    if res.contains('/') && !res.contains(':') && !res.starts_with('.') {
        return Some(Resolution::Git);
    }
    None
}

/// `"<name>@<resolution>"`: the name may be scoped (`@scope/name@1.0.0`).
fn split_ident(ident: &str) -> Option<(&str, &str)> {
    let at = ident.get(1..)?.find('@')? + 1;
    let (name, res) = (&ident[..at], &ident[at + 1..]);
    (!name.is_empty()).then_some((name, res))
}

/// The slots after the ident, by resolution kind. Offsets are byte offsets of the values.
pub(super) struct Slots<'v, 't> {
    pub url: Option<(&'v str, usize)>,
    pub info: Option<&'v Object<'t>>,
    pub integrity: Option<(Integrity, usize)>,
    pub tag: Option<&'v str>,
}

impl<'v, 't> Slots<'v, 't> {
    fn read(
        doc: &JsonDoc<'_>,
        tuple: &'v Array<'t>,
        resolution: &Resolution<'_>,
        owner: &str,
    ) -> Result<Self, LockfileError> {
        let el = &tuple.elements;
        let mut slots = Slots {
            url: None,
            info: None,
            integrity: None,
            tag: None,
        };
        let info_at = match resolution {
            Resolution::Npm => {
                let Some(url) = el.get(1) else {
                    return Err(doc.error_at(
                        tuple.range.start,
                        format!("{owner}: npm entry has no registry slot (element 1)"),
                    ));
                };
                slots.url = Some((
                    doc.string(url, &format!("{owner}[1]"))?,
                    json_ast::start(url),
                ));
                slots.integrity = integrity_slot(doc, el.get(3), owner, 3)?;
                2
            }
            Resolution::Git => {
                if let Some(tag) = el.get(2) {
                    slots.tag = Some(doc.string(tag, &format!("{owner}[2]"))?);
                }
                1
            }
            Resolution::RemoteTarball | Resolution::LocalTarball => {
                slots.integrity = integrity_slot(doc, el.get(2), owner, 2)?;
                1
            }
            _ => 1,
        };
        if let Some(info) = el.get(info_at) {
            slots.info = Some(doc.object(info, &format!("{owner}[{info_at}]"))?);
        }
        Ok(slots)
    }
}

/// An integrity slot: absent or `""` = none; otherwise it must be a valid SRI string.
fn integrity_slot(
    doc: &JsonDoc<'_>,
    value: Option<&Value<'_>>,
    owner: &str,
    index: usize,
) -> Result<Option<(Integrity, usize)>, LockfileError> {
    let Some(value) = value else {
        return Ok(None);
    };
    let text = doc.string(value, &format!("{owner}[{index}]"))?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let offset = json_ast::start(value);
    let integrity = Integrity::parse_sri(text).map_err(|e| {
        doc.error_at(
            offset,
            format!("malformed integrity in {owner}[{index}]: {e}"),
        )
    })?;
    Ok(Some((integrity, offset)))
}

/// A git source from the resolution and bun-tag: the commit is the `#` fragment when it is a
/// commit id, else the bun-tag when it is one.
fn git_source(res: &str, tag: Option<&str>) -> Source {
    match git_with_commit(res) {
        Source::Git { url, commit: None } => Source::Git {
            commit: tag.filter(|t| is_commit(t)).map(str::to_string),
            url,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idents() {
        assert_eq!(split_ident("@s/n@1.0.0"), Some(("@s/n", "1.0.0")));
        assert_eq!(
            split_ident("n@github:o/r#abc"),
            Some(("n", "github:o/r#abc"))
        );
        assert_eq!(split_ident("n"), None);
    }

    #[test]
    fn resolutions() {
        assert!(matches!(classify("1.2.3"), Some(Resolution::Npm)));
        assert!(matches!(
            classify("git+https://h/a/b.git#abc1234"),
            Some(Resolution::Git)
        ));
        assert!(matches!(
            classify("https://h/a/b.git"),
            Some(Resolution::Git)
        ));
        assert!(matches!(
            classify("https://h/x-1.0.0.tgz"),
            Some(Resolution::RemoteTarball)
        ));
        assert!(matches!(
            classify("HTTPS://H/x-1.0.0.tgz"),
            Some(Resolution::RemoteTarball)
        ));
        assert!(matches!(
            classify("Git+Https://h/a/b.git#abc1234"),
            Some(Resolution::Git)
        ));
        assert!(matches!(
            classify("./x-1.0.0.tgz"),
            Some(Resolution::LocalTarball)
        ));
        assert!(matches!(classify("owner/repo#main"), Some(Resolution::Git)));
        assert!(matches!(
            classify("workspace:packages/a"),
            Some(Resolution::Workspace("packages/a"))
        ));
        assert!(classify("latest").is_none());
    }
}
