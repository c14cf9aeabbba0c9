//! `find_lockfile` from a workspace member or a sub-folder finds the workspace root's
//! lockfile, as npm, yarn, pnpm and bun use one lockfile per workspace root; a folder that is
//! no member of the workspace above it gets "no lockfile found".

use diligence_lockfile::find_lockfile;
use std::fs;
use std::path::Path;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn member_and_sub_folder_find_the_root_lockfile() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("mono");
    write(
        &root.join("package.json"),
        r#"{"name": "mono", "workspaces": ["packages/*", "!packages/private"]}"#,
    );
    write(&root.join("package-lock.json"), "{}");
    write(
        &root.join("packages/web/package.json"),
        r#"{"name": "web"}"#,
    );
    write(
        &root.join("packages/private/package.json"),
        r#"{"name": "p"}"#,
    );
    write(&root.join("tools/x/package.json"), r#"{"name": "x"}"#);
    fs::create_dir_all(root.join("packages/web/src/lib")).unwrap();
    fs::create_dir_all(root.join("docs")).unwrap();

    let web = root.join("packages/web");
    assert_eq!(find_lockfile(&web).unwrap(), root.join("package-lock.json"));
    assert_eq!(
        find_lockfile(&web.join("src/lib")).unwrap(),
        root.join("package-lock.json")
    );
    // A plain sub-folder of the root project.
    assert_eq!(
        find_lockfile(&root.join("docs")).unwrap(),
        root.join("package-lock.json")
    );
    // Not a member: another project, whose lockfile is missing.
    for folder in ["tools/x", "packages/private"] {
        let err = find_lockfile(&root.join(folder)).unwrap_err().to_string();
        assert!(err.contains("no lockfile found"), "{folder}: {err}");
    }
}

#[test]
fn pnpm_workspace_yaml_and_relative_paths() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(&root.join("package.json"), r#"{"name": "mono"}"#);
    write(
        &root.join("pnpm-workspace.yaml"),
        "packages:\n  - 'apps/**'\n",
    );
    write(&root.join("pnpm-lock.yaml"), "lockfileVersion: '9.0'\n");
    write(
        &root.join("apps/site/web/package.json"),
        r#"{"name": "web"}"#,
    );
    assert_eq!(
        find_lockfile(&root.join("apps/site/web")).unwrap(),
        root.join("pnpm-lock.yaml")
    );
    // Written from a relative starting folder (the CLI's `.` in packages/web).
    let rel = Path::new("apps/site/web");
    let prev = std::env::current_dir().unwrap();
    std::env::set_current_dir(root).unwrap();
    let found = find_lockfile(rel);
    std::env::set_current_dir(prev).unwrap();
    assert_eq!(found.unwrap(), Path::new("./pnpm-lock.yaml"));
}
