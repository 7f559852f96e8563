//! Operation inputs from `--key value` text (the command line): each value is read according to
//! the type of the field it fills — numbers, booleans, options, enums by code, comma lists — so
//! `--hours 24 --phones a,b` fills `hours: i64` and `phones: Vec<String>`. `--input JSON` gives
//! the whole input at once.

use std::collections::BTreeMap;

use serde::de::{self, value::MapDeserializer, DeserializeOwned, IntoDeserializer, Visitor};

use super::inputs::Update;
use crate::base::error::{Error, Result};

/// The `--key value` pairs of one command line (keys with `_`, as the input's fields).
pub type Fields = BTreeMap<String, String>;

/// An update: `--id` names the record, the other fields are its new contents.
pub fn update<T: DeserializeOwned>(fields: &Fields) -> Result<Update<T>> {
    let mut rest = fields.clone();
    let id_text = rest
        .remove("id")
        .ok_or_else(|| Error::invalid("id", "缺少参数 --id"))?;
    let id: i64 = id_text
        .trim()
        .parse()
        .map_err(|_| Error::invalid("id", format!("参数 --id 的取值“{id_text}”不是有效的编号")))?;
    Ok(Update {
        id,
        input: read(&rest)?,
    })
}

/// The fields as the input `T`.
pub fn read<T: DeserializeOwned>(fields: &Fields) -> Result<T> {
    if let Some(json) = fields.get("input") {
        return serde_json::from_str(json).map_err(|e| {
            Error::invalid(
                "input",
                format!(
                    "--input 不是有效的 JSON：{}",
                    super::serde_words(&e.to_string())
                ),
            )
        });
    }
    let map = MapDeserializer::new(fields.iter().map(|(k, v)| (k.as_str(), Text(v.as_str()))));
    T::deserialize(map).map_err(|e: de::value::Error| {
        let text = e.to_string();
        // serde names a missing field in English: say which flag is missing, in Chinese.
        match text
            .strip_prefix("missing field `")
            .and_then(|r| r.strip_suffix('`'))
        {
            Some(field) => Error::invalid(field, format!("缺少参数 --{}", field.replace('_', "-"))),
            None => Error::invalid("input", format!("参数有误：{}", super::serde_words(&text))),
        }
    })
}

/// One command-line value, deserialised according to the type it is read into.
struct Text<'a>(&'a str);

impl<'de, 'a> IntoDeserializer<'de, de::value::Error> for Text<'a> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

macro_rules! parse_number {
    ($($method:ident => $visit:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            let n = self.0.trim().parse().map_err(|_| de::Error::custom(format!("“{}”不是有效的数字", self.0)))?;
            visitor.$visit(n)
        }
    )*};
}

impl<'de, 'a> de::Deserializer<'de> for Text<'a> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_string(self.0.to_string())
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.0.trim() {
            "true" | "1" | "yes" | "是" => visitor.visit_bool(true),
            "false" | "0" | "no" | "否" => visitor.visit_bool(false),
            other => Err(de::Error::custom(format!("“{other}”应为 true 或 false"))),
        }
    }

    parse_number!(deserialize_i8 => visit_i8, deserialize_i16 => visit_i16, deserialize_i32 => visit_i32,
        deserialize_i64 => visit_i64, deserialize_u8 => visit_u8, deserialize_u16 => visit_u16,
        deserialize_u32 => visit_u32, deserialize_u64 => visit_u64, deserialize_f32 => visit_f32,
        deserialize_f64 => visit_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if self.0.is_empty() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        let items = self
            .0
            .split([',', '，', '、'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(Text);
        visitor.visit_seq(de::value::SeqDeserializer::new(items))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct tuple tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        number: String,
        hours: i64,
        area: Option<f64>,
        active: bool,
        phones: Vec<String>,
    }

    #[test]
    fn fields_take_the_type_of_their_target() {
        let fields: BTreeMap<String, String> = [
            ("number", "1201"),
            ("hours", "24"),
            ("active", "false"),
            ("phones", "1,2"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into();
        let s: Sample = read(&fields).unwrap();
        assert_eq!(
            s,
            Sample {
                number: "1201".into(),
                hours: 24,
                area: None,
                active: false,
                phones: vec!["1".into(), "2".into()]
            }
        );
    }

    #[test]
    fn bad_numbers_are_reported() {
        let fields: BTreeMap<String, String> = [
            ("number", "1"),
            ("hours", "x"),
            ("active", "true"),
            ("phones", ""),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into();
        assert!(read::<Sample>(&fields)
            .unwrap_err()
            .to_string()
            .contains("不是有效的数字"));
    }
}
