//! Human-readable output for the terminal: lists as aligned rows, records as "key: value" lines.
//! `--json` bypasses this and prints the value itself.

use serde_json::Value;

pub fn render(v: &Value) -> String {
    match v {
        Value::Array(items) if items.is_empty() => "（无记录）".to_string(),
        Value::Array(items) => {
            items.iter().map(one_line).collect::<Vec<_>>().join("\n")
                + &format!("\n共 {} 条", items.len())
        }
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}: {}", scalar(v)))
            .collect::<Vec<_>>()
            .join("\n"),
        Value::Null => "完成".to_string(),
        other => scalar(other),
    }
}

fn one_line(v: &Value) -> String {
    match v {
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| {
                !matches!(v, Value::Null) && !matches!(v, Value::String(s) if s.is_empty())
            })
            .map(|(k, v)| format!("{k}={}", scalar(v)))
            .collect::<Vec<_>>()
            .join("  "),
        other => scalar(other),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_string(),
        Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(","),
        Value::Object(_) => one_line(v),
        other => other.to_string(),
    }
}
