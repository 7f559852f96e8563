//! Checks for text the desk types, with Chinese messages that name the field.

use crate::base::error::{Error, Result};

/// Trimmed, non-empty, at most `max` characters. `label` is the field's Chinese name.
pub fn required(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(Error::invalid(field, format!("请填写{label}")));
    }
    bounded(field, label, v, max)
}

/// Trimmed, may be empty, at most `max` characters.
pub fn optional(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    bounded(field, label, value.trim(), max)
}

fn bounded(field: &str, label: &str, v: &str, max: usize) -> Result<String> {
    let n = v.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!("{label}过长：最多 {max} 个字，现在有 {n} 个字"),
        ));
    }
    if v.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Err(Error::invalid(
            field,
            format!("{label}含有无法显示的控制字符"),
        ));
    }
    Ok(v.to_string())
}

/// A login name: 2–30 letters, digits, `.`, `_` or `-` (typed on any keyboard, no IME needed).
pub fn login(field: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.chars().count() < 2 || v.chars().count() > 30 {
        return Err(Error::invalid(field, "登录名应为 2 到 30 个字符"));
    }
    if !v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(Error::invalid(
            field,
            "登录名只能包含英文字母、数字、点、下划线或短横线",
        ));
    }
    Ok(v.to_ascii_lowercase())
}

/// A new password: 6–64 characters.
pub fn new_password(field: &str, value: &str) -> Result<String> {
    let n = value.chars().count();
    if n < 6 {
        return Err(Error::invalid(field, "密码至少 6 位"));
    }
    if n > 64 {
        return Err(Error::invalid(field, "密码最多 64 位"));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_rejects_blank_and_names_the_field() {
        let e = required("name", "姓名", "   ", 10).unwrap_err();
        assert_eq!(e.kind(), "invalid");
        assert_eq!(e.field(), Some("name"));
        assert!(e.to_string().contains("姓名"));
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(required("name", "姓名", "张三丰", 3).is_ok());
        assert_eq!(
            required("name", "姓名", "欧阳张三丰", 3)
                .unwrap_err()
                .kind(),
            "invalid"
        );
    }

    #[test]
    fn login_is_ascii_and_lowercased() {
        assert_eq!(login("login", " ZhangSan ").unwrap(), "zhangsan");
        assert!(login("login", "张三").is_err());
        assert!(login("login", "a").is_err());
    }
}
