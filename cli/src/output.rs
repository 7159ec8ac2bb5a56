//! Printing results: pretty JSON on a terminal, compact JSON when piped, or a table for lists.

use serde_json::Value;
use std::io::{IsTerminal, Write};

pub fn print(value: &Value, table: bool) -> std::io::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if table && let Some(rows) = rows(value) {
        return write_table(&mut out, rows);
    }
    if stdout.is_terminal() {
        writeln!(out, "{}", serde_json::to_string_pretty(value).unwrap_or_default())
    } else {
        writeln!(out, "{value}")
    }
}

/// The list inside a result: the result itself, or its one array field (`calls`, `items`...).
fn rows(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(rows) => Some(rows),
        Value::Object(map) => {
            let mut arrays = map.values().filter_map(Value::as_array);
            match (arrays.next(), arrays.next()) {
                (Some(rows), None) => Some(rows),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Columns: the scalar fields of the rows, in first-seen order, at most eight.
fn write_table(out: &mut impl Write, rows: &[Value]) -> std::io::Result<()> {
    let mut columns: Vec<&str> = Vec::new();
    for row in rows {
        for (name, value) in row.as_object().into_iter().flatten() {
            if !value.is_object() && !value.is_array() && !columns.contains(&name.as_str()) && columns.len() < 8 {
                columns.push(name);
            }
        }
    }
    let cell = |row: &Value, column: &str| match row.get(column) {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| rows.iter().map(|r| cell(r, c).chars().count()).max().unwrap_or(0).max(c.len()))
        .collect();
    let line = |cells: Vec<String>| {
        cells.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect::<Vec<_>>().join("  ").trim_end().to_owned()
    };
    writeln!(out, "{}", line(columns.iter().map(|c| c.to_string()).collect()))?;
    for row in rows {
        writeln!(out, "{}", line(columns.iter().map(|c| cell(row, c)).collect()))?;
    }
    writeln!(out, "({} rows)", rows.len())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn tables_use_scalar_columns() {
        let rows = vec![json!({"id": "a", "status": "PENDING", "callParams": {}}), json!({"id": "bb", "duration": 5})];
        let mut out = Vec::new();
        super::write_table(&mut out, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text, "id  status   duration\na   PENDING\nbb           5\n(2 rows)\n");
    }
}
