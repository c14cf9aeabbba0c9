//! Where npm writes each file of a tarball: node-tar's `strip: 1` and path checks (its
//! `Unpack[CHECKPATH]`), and the extraction folder as it stands after each entry (a later file
//! replaces an earlier one; a file under a file, or a file over a folder, fails and is
//! skipped).

use std::collections::{BTreeMap, HashSet};

/// node-tar's default `maxDepth`: deeper paths are skipped.
const MAX_DEPTH: usize = 1024;
/// Longest file name Linux and macOS file systems accept (bytes); npm fails on longer ones.
const NAME_MAX: usize = 255;

/// Why npm does not write an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Nothing is left once the first component is stripped (a file at the archive root).
    Root,
    /// A `..` component (checked with `\` read as `/` too).
    DotDot,
    /// More than 1024 components.
    TooDeep,
    /// A NUL byte (node's file system calls throw on it: npm crashes).
    Nul,
    /// A component longer than 255 bytes (`ENAMETOOLONG`); carries whether Windows, which
    /// counts UTF-16 units, could still write it.
    NameTooLong { windows_writes: bool },
}

/// Where an entry path lands: the folder-relative path npm writes, and the absolute-path root
/// node-tar stripped from it, if any (`/`, `C:\`, `\\server\share\`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Placement {
    pub path: String,
    pub stripped_root: Option<String>,
}

/// node-tar's handling of an entry path with `strip: 1` on a POSIX system.
pub(super) fn place(entry_path: &str) -> Result<Placement, Refusal> {
    let mut parts = entry_path.split('/');
    parts.next();
    let rest: Vec<&str> = parts.collect();
    if rest.len() > MAX_DEPTH {
        return Err(Refusal::TooDeep);
    }
    let rest = rest.join("/");
    let (root, stripped) = strip_absolute(&rest);
    if stripped.replace('\\', "/").split('/').any(|p| p == "..") {
        return Err(Refusal::DotDot);
    }
    // `path.resolve(cwd, p)`: empty and `.` components vanish.
    let parts: Vec<&str> = stripped
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.is_empty() {
        return Err(Refusal::Root);
    }
    if stripped.contains('\0') {
        return Err(Refusal::Nul);
    }
    if let Some(long) = parts.iter().find(|p| p.len() > NAME_MAX) {
        return Err(Refusal::NameTooLong {
            windows_writes: long.encode_utf16().count() <= NAME_MAX,
        });
    }
    Ok(Placement {
        path: parts.join("/"),
        stripped_root: (!root.is_empty()).then_some(root),
    })
}

fn is_sep(c: u8) -> bool {
    c == b'/' || c == b'\\'
}

/// Node's `path.win32.parse(p).root` (node-tar uses the Windows rules on every platform).
fn win32_root(p: &str) -> &str {
    let b = p.as_bytes();
    let len = b.len();
    if len == 0 {
        return "";
    }
    if is_sep(b[0]) {
        let mut root_end = 1;
        if len > 1 && is_sep(b[1]) {
            // `\\server\share\`: a UNC root.
            let mut j = 2;
            let mut last = j;
            while j < len && !is_sep(b[j]) {
                j += 1;
            }
            if j < len && j != last {
                last = j;
                while j < len && is_sep(b[j]) {
                    j += 1;
                }
                if j < len && j != last {
                    last = j;
                    while j < len && !is_sep(b[j]) {
                        j += 1;
                    }
                    if j == len {
                        root_end = j;
                    } else if j != last {
                        root_end = j + 1;
                    }
                }
            }
        }
        return &p[..root_end];
    }
    if len >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' {
        return if len > 2 && is_sep(b[2]) {
            &p[..3]
        } else {
            &p[..2]
        };
    }
    ""
}

fn win32_is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    !b.is_empty()
        && (is_sep(b[0])
            || (b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && is_sep(b[2])))
}

/// node-tar's `stripAbsolutePath`: removes absolute roots until none is left.
fn strip_absolute(path: &str) -> (String, &str) {
    let mut root = String::new();
    let mut p = path;
    loop {
        let parsed = win32_root(p);
        if !win32_is_absolute(p) && parsed.is_empty() {
            return (root, p);
        }
        let cut = if p.starts_with('/') && !p.starts_with("//?/") {
            1
        } else {
            parsed.len()
        };
        if cut == 0 {
            return (root, p);
        }
        root.push_str(&p[..cut]);
        p = &p[cut..];
    }
}

/// Why a placed file could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Conflict {
    /// A parent component is already a file (`mkdir` fails).
    ParentIsFile(String),
    /// The path is already a folder holding files (`rmdir` fails).
    IsFolder,
}

/// The extraction folder: files by path (in path order) and the folders they imply.
#[derive(Debug)]
pub(super) struct Tree<T> {
    files: BTreeMap<String, T>,
    folders: HashSet<String>,
}

impl<T> Default for Tree<T> {
    fn default() -> Self {
        Tree {
            files: BTreeMap::new(),
            folders: HashSet::new(),
        }
    }
}

impl<T> Tree<T> {
    /// Checks that `path` can be written now.
    pub fn check(&self, path: &str) -> Result<(), Conflict> {
        for (i, _) in path.match_indices('/') {
            let parent = &path[..i];
            if self.files.contains_key(parent) {
                return Err(Conflict::ParentIsFile(parent.to_string()));
            }
        }
        if self.folders.contains(path) {
            return Err(Conflict::IsFolder);
        }
        Ok(())
    }

    /// True when a file is at `path`.
    pub fn has_file(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// Writes `content` at `path` (already [`Tree::check`]ed); returns the file it replaced.
    pub fn write(&mut self, path: String, content: T) -> Option<T> {
        for (i, _) in path.match_indices('/') {
            if !self.folders.contains(&path[..i]) {
                self.folders.insert(path[..i].to_string());
            }
        }
        self.files.insert(path, content)
    }

    /// The file at `path`.
    pub fn get(&self, path: &str) -> Option<&T> {
        self.files.get(path)
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// The files in path order.
    pub fn into_files(self) -> impl Iterator<Item = (String, T)> {
        self.files.into_iter()
    }

    /// The file paths in path order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(|k| k.as_str())
    }
}

/// The name a path has on a case-insensitive file system that also drops trailing dots and
/// spaces (Windows): two paths with the same key are one file there.
pub(super) fn platform_key(path: &str) -> String {
    path.split('/')
        .map(|c| c.trim_end_matches(['.', ' ']).to_lowercase())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(p: &str) -> Result<String, Refusal> {
        place(p).map(|pl| pl.path)
    }

    #[test]
    fn strip_one_component_whatever_its_name() {
        assert_eq!(at("package/index.js"), Ok("index.js".into()));
        assert_eq!(at("node/lib/a.js"), Ok("lib/a.js".into()));
        assert_eq!(at("package.json"), Err(Refusal::Root));
        assert_eq!(
            at("./package/package.json"),
            Ok("package/package.json".into())
        );
        assert_eq!(at("package/./a//b.js/"), Ok("a/b.js".into()));
        assert_eq!(at("package\\win.js"), Err(Refusal::Root));
    }

    #[test]
    fn dot_dot_and_absolute_paths_as_node_tar() {
        assert_eq!(at("../x/a.js"), Ok("x/a.js".into()));
        assert_eq!(at("package/../../etc/passwd"), Err(Refusal::DotDot));
        assert_eq!(at("package/a\\..\\b.js"), Err(Refusal::DotDot));
        let abs = place("/abs/file.js").unwrap();
        assert_eq!(abs.path, "abs/file.js");
        assert_eq!(abs.stripped_root, None);
        let drive = place("package/C:\\x/y.js").unwrap();
        assert_eq!(drive.path, "x/y.js");
        assert_eq!(drive.stripped_root.as_deref(), Some("C:\\"));
        let unc = place("package/\\\\srv\\share\\z.js").unwrap();
        assert_eq!(unc.path, "z.js");
        assert_eq!(
            place("package//etc/x").unwrap().stripped_root.as_deref(),
            Some("/")
        );
    }

    #[test]
    fn long_names_and_deep_paths() {
        let long = format!("package/{}", "a".repeat(256));
        assert_eq!(
            at(&long),
            Err(Refusal::NameTooLong {
                windows_writes: false
            })
        );
        let wide = format!("package/{}", "é".repeat(200));
        assert_eq!(
            at(&wide),
            Err(Refusal::NameTooLong {
                windows_writes: true
            })
        );
        let deep = format!("package/{}x", "d/".repeat(1024));
        assert_eq!(at(&deep), Err(Refusal::TooDeep));
    }

    #[test]
    fn tree_last_wins_and_conflicts() {
        let mut t: Tree<u8> = Tree::default();
        assert_eq!(t.write("a/b.js".into(), 1), None);
        assert_eq!(t.check("a"), Err(Conflict::IsFolder));
        assert_eq!(
            t.check("a/b.js/c"),
            Err(Conflict::ParentIsFile("a/b.js".into()))
        );
        assert_eq!(t.check("a/b.js"), Ok(()));
        assert_eq!(t.write("a/b.js".into(), 2), Some(1));
        assert_eq!(t.len(), 1);
        assert_eq!(platform_key("Lib/INDEX.js. "), "lib/index.js");
    }
}
