//! JSON comparison, in the two flavours the README defines. Both answer `None` when the values match,
//! or a one-line description of the first difference, with its JSON path (`$.data.calls[2].status`).
//!
//! - [`subset_diff`], for `expect.result`: objects match when every expected key matches (extra actual keys
//!   are fine; an expected `null` also matches an absent key), arrays need the same length.
//! - [`json_equal_diff`], for request bodies: exact equality of the JSON values.
//!
//! In both, numbers compare by value (`1` equals `1.0`): JSON itself does not tell them apart, and
//! languages serialize them differently.

use serde_json::{Number, Value};

/// `None` when `actual` matches `expected` as a subset; see the module documentation.
pub fn subset_diff(expected: &Value, actual: &Value) -> Option<String> {
    diff(expected, Some(actual), "$", Mode::Subset)
}

/// `None` when the two values are equal as JSON (numbers by value).
pub fn json_equal_diff(expected: &Value, actual: &Value) -> Option<String> {
    diff(expected, Some(actual), "$", Mode::Exact)
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Subset,
    Exact,
}

fn diff(expected: &Value, actual: Option<&Value>, path: &str, mode: Mode) -> Option<String> {
    let Some(actual) = actual else {
        // Only object members can be missing; the SDK drops nulls, so an expected null is satisfied.
        return match (mode, expected) {
            (Mode::Subset, Value::Null) => None,
            _ => Some(format!("{path}: missing, expected {}", short(expected))),
        };
    };
    match (expected, actual) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, want_value) in want {
                let child = format!("{path}.{key}");
                if let Some(problem) = diff(want_value, got.get(key), &child, mode) {
                    return Some(problem);
                }
            }
            if mode == Mode::Exact {
                if let Some(extra) = got.keys().find(|key| !want.contains_key(*key)) {
                    return Some(format!("{path}.{extra}: unexpected member {}", short(&got[extra])));
                }
            }
            None
        }
        (Value::Array(want), Value::Array(got)) => {
            if want.len() != got.len() {
                return Some(format!("{path}: expected {} elements, got {}: {}", want.len(), got.len(), short(actual)));
            }
            want.iter()
                .zip(got)
                .enumerate()
                .find_map(|(index, (w, g))| diff(w, Some(g), &format!("{path}[{index}]"), mode))
        }
        (Value::Number(want), Value::Number(got)) => {
            (!numbers_equal(want, got)).then(|| format!("{path}: expected {want}, got {got}"))
        }
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {}, got {}", short(expected), short(actual))),
    }
}

/// Integers compare exactly; anything with a fraction (or beyond i64/u64) compares as f64.
fn numbers_equal(a: &Number, b: &Number) -> bool {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return x == y;
    }
    if let (Some(x), Some(y)) = (a.as_u64(), b.as_u64()) {
        return x == y;
    }
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// A value for a failure message, cut so one message stays one readable line.
pub fn short(value: &Value) -> String {
    let text = value.to_string();
    const LIMIT: usize = 160;
    if text.chars().count() <= LIMIT {
        text
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn subset_allows_extra_keys_and_absent_nulls() {
        let expected = json!({"id": "j1", "voiceAgentId": null, "callParams": {"userNumber": "+1"}});
        let actual = json!({"id": "j1", "extra": 1, "callParams": {"userNumber": "+1", "machineNumber": "+2"}});
        assert_eq!(subset_diff(&expected, &actual), None);
    }

    #[test]
    fn subset_reports_the_first_difference_with_its_path() {
        let problem = subset_diff(&json!({"a": [{"b": 1}, {"b": 2}]}), &json!({"a": [{"b": 1}, {"b": 3}]}));
        assert_eq!(problem.as_deref(), Some("$.a[1].b: expected 2, got 3"));
        assert!(subset_diff(&json!({"a": [1]}), &json!({"a": [1, 2]})).is_some());
        assert!(subset_diff(&json!({"a": 1}), &json!({})).is_some());
        assert!(subset_diff(&json!({"a": null}), &json!({"a": 0})).is_some());
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(subset_diff(&json!(1), &json!(1.0)), None);
        assert_eq!(json_equal_diff(&json!({"n": 123}), &json!({"n": 123.0})), None);
        assert!(json_equal_diff(&json!(1), &json!(1.5)).is_some());
        assert!(json_equal_diff(&json!(1), &json!("1")).is_some());
    }

    #[test]
    fn exact_refuses_extra_and_missing_members() {
        assert!(json_equal_diff(&json!({"a": 1}), &json!({"a": 1, "b": 2})).is_some());
        assert!(json_equal_diff(&json!({"a": null}), &json!({})).is_some());
        assert_eq!(json_equal_diff(&json!({"a": {}}), &json!({"a": {}})), None);
    }
}
