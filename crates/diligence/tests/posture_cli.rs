//! `diligence posture` end to end.

use assert_cmd::Command;

#[test]
fn posture_json_for_an_npm_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("package.json"), r#"{"name":"app"}"#).unwrap();
    std::fs::write(dir.path().join("package-lock.json"), "{}").unwrap();
    std::fs::write(dir.path().join(".npmrc"), "min-release-age=7\n").unwrap();
    let out = Command::cargo_bin("diligence")
        .unwrap()
        .args(["posture", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["schema"], "diligence.report/1");
    let cooldown = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "posture/release-cooldown")
        .unwrap();
    assert_eq!(
        cooldown["message"],
        "npm release cooldown: min-release-age = 7 → 7 days"
    );
    assert_eq!(cooldown["location"]["line"], 1);
    assert_eq!(cooldown["evidence"]["hours"], 168.0);
}

#[test]
fn posture_of_a_missing_folder_is_exit_2() {
    Command::cargo_bin("diligence")
        .unwrap()
        .args(["posture", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr("error: /definitely/not/here: not a folder\n");
}

#[test]
fn malformed_config_fails_on_medium() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("package.json"), "{ not json").unwrap();
    Command::cargo_bin("diligence")
        .unwrap()
        .arg("posture")
        .arg(dir.path())
        .assert()
        .code(1);
}
