//! Finds and parses every `scenarios/**/*.json`, in a stable (sorted) order. A broken file does not stop
//! the load: it becomes a problem the runner reports as a failure, so one typo cannot hide the others.

use crate::scenario::Scenario;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The suite's root: `tests/scenarios` in this crate. Read from cargo's run-time variable first: a test
/// binary that cargo reuses from a build of another checkout (same target dir, older sources) must
/// still run this checkout's scenarios, not the ones its compile-time path points to.
pub fn scenarios_dir() -> PathBuf {
    let crate_dir =
        std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    Path::new(&crate_dir).join("scenarios")
}

/// A parsed scenario and the file it came from.
#[derive(Clone, Debug)]
pub struct LoadedScenario {
    /// Relative to the suite's root, with `/` separators: `calls/create_success.json`.
    pub file: String,
    pub scenario: Scenario,
}

#[derive(Debug, Default)]
pub struct Suite {
    pub scenarios: Vec<LoadedScenario>,
    /// Files that could not be read or parsed, and duplicate names: each one is a failure.
    pub problems: Vec<String>,
}

/// Loads every scenario under `root`, sorted by relative path.
pub fn load_suite(root: &Path) -> Suite {
    let mut suite = Suite::default();
    let mut files = Vec::new();
    if let Err(error) = collect_json_files(root, &mut files) {
        suite.problems.push(format!("{}: {error}", root.display()));
    }
    files.sort();
    let mut first_file_of_name: BTreeMap<String, String> = BTreeMap::new();
    for path in files {
        let file = relative_name(root, &path);
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|text| Scenario::from_json_text(&text));
        match parsed {
            Ok(scenario) => {
                if let Some(other) = first_file_of_name.insert(scenario.name.clone(), file.clone()) {
                    suite.problems.push(format!("{file}: the name {:?} is already used by {other}", scenario.name));
                }
                suite.scenarios.push(LoadedScenario { file, scenario });
            }
            Err(problem) => suite.problems.push(format!("{file}: {problem}")),
        }
    }
    suite
}

fn collect_json_files(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json_files(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    Ok(())
}

fn relative_name(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs without the SDK, so a broken scenario file shows up even while the core does not build.
    #[test]
    fn the_suite_loads_cleanly_in_a_stable_order() {
        let suite = load_suite(&scenarios_dir());
        assert!(suite.problems.is_empty(), "{:#?}", suite.problems);
        assert!(!suite.scenarios.is_empty());
        let files: Vec<_> = suite.scenarios.iter().map(|s| s.file.clone()).collect();
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
    }

    #[test]
    fn broken_files_become_problems() {
        let root = std::env::temp_dir().join(format!("hamsa-conformance-loader-{}", std::process::id()));
        std::fs::create_dir_all(root.join("g")).unwrap();
        std::fs::write(root.join("g/bad.json"), r#"{"name": "x", "operation": "jobs.get", "expect": {"result": 1}}"#)
            .unwrap();
        std::fs::write(root.join("g/typo.json"), r#"{"name": "y", "operation": "jobs.get", "expekt": {}}"#).unwrap();
        let suite = load_suite(&root);
        std::fs::remove_dir_all(&root).unwrap();
        assert_eq!(suite.scenarios.len(), 0);
        assert_eq!(suite.problems.len(), 2, "{:#?}", suite.problems);
    }
}
