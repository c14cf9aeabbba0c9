//! Readers for the package-manager configuration files the posture report looks at. Each
//! setting keeps the file and 1-based line it came from, so findings point at it.
//!
//! Formats: `.npmrc` (npm docs "npmrc": ini `key=value`, `#`/`;` comments), `package.json`
//! (JSON), `pnpm-workspace.yaml` and `.yarnrc.yml` (YAML), `bunfig.toml` (TOML).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A setting's raw value and where it was found.
#[derive(Debug, Clone, PartialEq)]
pub struct Setting {
    /// The value as JSON (strings, numbers, booleans, arrays, maps).
    pub value: serde_json::Value,
    /// The file it was read from.
    pub file: PathBuf,
    /// 1-based line of the key; 0 when not found in the text (e.g. a nested key).
    pub line: u32,
}

impl Setting {
    /// The value as text (`7`, `true`, `1d`).
    pub fn text(&self) -> String {
        match &self.value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        }
    }
    /// The value read as a boolean (`true`/`false`, also as strings).
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            serde_json::Value::Bool(b) => Some(*b),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
    /// The value read as a number (also from strings).
    pub fn as_f64(&self) -> Option<f64> {
        match &self.value {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

/// A configuration file that exists but could not be read or parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub file: PathBuf,
    /// 1-based; 0 when unknown.
    pub line: u32,
    /// One line.
    pub message: String,
}

/// The settings of one project folder, keyed `file-kind:key` (`npmrc:ignore-scripts`,
/// `package.json:trustedDependencies`, `pnpm:minimumReleaseAge`, `yarnrc:enableScripts`,
/// `bunfig:install.minimumReleaseAge`).
#[derive(Debug, Clone, Default)]
pub struct ProjectConfig {
    pub settings: BTreeMap<String, Setting>,
    pub errors: Vec<ConfigError>,
    /// Which of the files exist.
    pub present: Vec<PathBuf>,
}

impl ProjectConfig {
    /// Reads every known configuration file in `dir`. Missing files are not errors.
    pub fn read(dir: &Path) -> ProjectConfig {
        let mut cfg = ProjectConfig::default();
        cfg.read_file(dir, ".npmrc", read_npmrc);
        cfg.read_file(dir, "package.json", read_package_json);
        cfg.read_file(dir, "pnpm-workspace.yaml", |t, f| read_yaml(t, f, "pnpm"));
        cfg.read_file(dir, ".yarnrc.yml", |t, f| read_yaml(t, f, "yarnrc"));
        cfg.read_file(dir, ".yarnrc", read_yarnrc_classic);
        cfg.read_file(dir, "bunfig.toml", read_bunfig);
        cfg
    }

    /// The setting under `kind:key`.
    pub fn get(&self, key: &str) -> Option<&Setting> {
        self.settings.get(key)
    }

    fn read_file(
        &mut self,
        dir: &Path,
        name: &str,
        parse: impl Fn(&str, &Path) -> Result<Vec<(String, Setting)>, ConfigError>,
    ) {
        let path = dir.join(name);
        let bounded = diligence_lockfile::bounded::read_text_bounded(
            &path,
            diligence_lockfile::bounded::MAX_CONFIG_BYTES,
        );
        let text = match bounded {
            Ok(Some(t)) => t,
            Ok(None) => return,
            Err(e) => {
                self.errors.push(ConfigError {
                    file: path,
                    line: 0,
                    message: format!("cannot read: {e}"),
                });
                return;
            }
        };
        self.present.push(path.clone());
        match parse(&text, &path) {
            Ok(settings) => self.settings.extend(settings),
            Err(e) => self.errors.push(e),
        }
    }
}

/// 1-based line of the first line whose trimmed text starts with `key` followed by one of
/// `=`, `:`, space or `"`; 0 when none.
pub fn line_of(text: &str, key: &str) -> u32 {
    text.lines()
        .position(|l| {
            let t = l.trim_start().trim_start_matches(['"', '\'']);
            t.strip_prefix(key).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(['=', ':', ' ', '"', '\'', '\t'])
            })
        })
        .map_or(0, |i| i as u32 + 1)
}

fn setting(value: serde_json::Value, file: &Path, line: u32) -> Setting {
    Setting {
        value,
        file: file.to_path_buf(),
        line,
    }
}

/// `.npmrc`: every `key=value` line, as `npmrc:<key>`; values stay strings. Environment
/// references (`${NPM_TOKEN}`) are kept as written and never expanded.
fn read_npmrc(text: &str, file: &Path) -> Result<Vec<(String, Setting)>, ConfigError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') || t.starts_with(';') {
            continue;
        }
        let Some((key, value)) = t.split_once('=') else {
            continue;
        };
        let key = key.trim();
        if key.contains("_auth") || key.contains("_password") || key.ends_with("token") {
            // Credentials: never kept, never printed.
            continue;
        }
        let value = value.trim().trim_matches('"').to_string();
        out.push((
            format!("npmrc:{key}"),
            setting(serde_json::Value::String(value), file, i as u32 + 1),
        ));
    }
    Ok(out)
}

/// `.yarnrc` (yarn classic): `key value` lines, as `yarnrc-classic:<key>`.
fn read_yarnrc_classic(text: &str, file: &Path) -> Result<Vec<(String, Setting)>, ConfigError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let Some((key, value)) = t.split_once([' ', '\t']) else {
            continue;
        };
        let key = key.trim().trim_matches('"');
        if key.contains("_auth") || key.ends_with("token") {
            continue;
        }
        let value = value.trim().trim_matches('"').to_string();
        out.push((
            format!("yarnrc-classic:{key}"),
            setting(serde_json::Value::String(value), file, i as u32 + 1),
        ));
    }
    Ok(out)
}

const PACKAGE_JSON_KEYS: [&str; 4] = [
    "allowScripts",
    "trustedDependencies",
    "packageManager",
    "lavamoat",
];

fn read_package_json(text: &str, file: &Path) -> Result<Vec<(String, Setting)>, ConfigError> {
    let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| ConfigError {
        file: file.to_path_buf(),
        line: e.line() as u32,
        message: format!("invalid JSON: {e}"),
    })?;
    let Some(obj) = doc.as_object() else {
        return Err(ConfigError {
            file: file.to_path_buf(),
            line: 1,
            message: "package.json is not a JSON object".into(),
        });
    };
    let mut out = Vec::new();
    for key in PACKAGE_JSON_KEYS {
        let Some(value) = obj.get(key) else {
            continue;
        };
        let line = line_of(text, key);
        if key == "lavamoat" {
            if let Some(allow) = value.get("allowScripts") {
                let line = line_of(text, "allowScripts").max(line);
                out.push((
                    "package.json:allowScripts".into(),
                    setting(allow.clone(), file, line),
                ));
            }
            continue;
        }
        out.push((
            format!("package.json:{key}"),
            setting(value.clone(), file, line),
        ));
    }
    // pnpm settings may also live in package.json under "pnpm".
    if let Some(pnpm) = obj.get("pnpm").and_then(|p| p.as_object()) {
        for (key, value) in pnpm {
            let line = line_of(text, key);
            out.push((format!("pnpm:{key}"), setting(value.clone(), file, line)));
        }
    }
    Ok(out)
}

fn read_yaml(text: &str, file: &Path, kind: &str) -> Result<Vec<(String, Setting)>, ConfigError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let doc: serde_json::Value = yaml_serde::from_str(text).map_err(|e| ConfigError {
        file: file.to_path_buf(),
        line: e.location().map_or(0, |l| l.line() as u32),
        message: format!("invalid YAML: {}", one_line(&e.to_string())),
    })?;
    let Some(obj) = doc.as_object() else {
        return Ok(Vec::new());
    };
    Ok(obj
        .iter()
        .map(|(key, value)| {
            let line = line_of(text, key);
            (format!("{kind}:{key}"), setting(value.clone(), file, line))
        })
        .collect())
}

fn read_bunfig(text: &str, file: &Path) -> Result<Vec<(String, Setting)>, ConfigError> {
    let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| ConfigError {
        file: file.to_path_buf(),
        line: e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].lines().count().max(1) as u32
        }),
        message: format!("invalid TOML: {}", one_line(e.message())),
    })?;
    let mut out = Vec::new();
    let Some(install) = doc.get("install").and_then(|i| i.as_table()) else {
        return Ok(out);
    };
    for (key, value) in install {
        let json = serde_json::to_value(value).unwrap_or(serde_json::Value::Null);
        out.push((
            format!("bunfig:install.{key}"),
            setting(json, file, line_of(text, key)),
        ));
    }
    Ok(out)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npmrc_lines_and_tokens() {
        let text = "# c\nregistry=https://r.example/\n//r.example/:_authToken=${T}\nignore-scripts = true\n";
        let s = read_npmrc(text, Path::new(".npmrc")).unwrap();
        let keys: Vec<&str> = s.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["npmrc:registry", "npmrc:ignore-scripts"]);
        assert_eq!(s[1].1.line, 4);
        assert_eq!(s[1].1.as_bool(), Some(true));
    }

    #[test]
    fn line_of_matches_whole_keys() {
        let text = "minimumReleaseAgeExclude:\n  - x\nminimumReleaseAge: 1440\n";
        assert_eq!(line_of(text, "minimumReleaseAge"), 3);
    }
}
