//! Command-line arguments: global flags, the `<area> <verb>` pair, and `--key value` pairs that
//! become the operation's input struct through a small string deserializer (numbers, booleans,
//! options, enums and comma-separated lists are parsed according to the target field's type).

use std::collections::BTreeMap;

use serde::de::{self, value::MapDeserializer, DeserializeOwned, IntoDeserializer, Visitor};

#[derive(Debug, Default, Clone)]
pub struct Cli {
    pub db: Option<String>,
    pub as_login: Option<String>,
    pub now: Option<String>,
    pub json: bool,
    pub help: bool,
    /// area, verb, then positional words.
    pub words: Vec<String>,
    pub fields: BTreeMap<String, String>,
}

impl Cli {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Cli, String> {
        let mut cli = Cli::default();
        let mut it = args.into_iter().peekable();
        while let Some(a) = it.next() {
            if a == "--json" {
                cli.json = true;
            } else if a == "--help" || a == "-h" {
                cli.help = true;
            } else if let Some(flag) = a.strip_prefix("--") {
                let (key, value) = match flag.split_once('=') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => {
                        let v = it.next().ok_or_else(|| format!("参数 --{flag} 缺少取值"))?;
                        (flag.to_string(), v)
                    }
                };
                match key.as_str() {
                    "db" => cli.db = Some(value),
                    "as" => cli.as_login = Some(value),
                    "now" => cli.now = Some(value),
                    _ => {
                        let key = key.replace('-', "_");
                        // A repeated flag (e.g. --phones a --phones b) becomes a list.
                        cli.fields
                            .entry(key)
                            .and_modify(|v| {
                                v.push(',');
                                v.push_str(&value)
                            })
                            .or_insert(value);
                    }
                }
            } else {
                cli.words.push(a);
            }
        }
        Ok(cli)
    }

    /// The `--key value` pairs as the input struct `T`; `--input JSON` gives the whole struct.
    pub fn input<T: DeserializeOwned>(&self) -> Result<T, String> {
        if let Some(json) = self.fields.get("input") {
            return serde_json::from_str(json).map_err(|e| format!("--input 不是有效的 JSON:{e}"));
        }
        let map = MapDeserializer::new(
            self.fields
                .iter()
                .map(|(k, v)| (k.as_str(), Text(v.as_str()))),
        );
        T::deserialize(map).map_err(|e: de::value::Error| format!("参数有误:{e}"))
    }

    /// A named field that must be present, e.g. `--id 3`.
    pub fn field<T: std::str::FromStr>(&self, key: &str) -> Result<T, String> {
        let v = self
            .fields
            .get(key)
            .ok_or_else(|| format!("缺少参数 --{}", key.replace('_', "-")))?;
        v.parse()
            .map_err(|_| format!("参数 --{} 的取值“{v}”格式不正确", key.replace('_', "-")))
    }

    pub fn field_or<T: std::str::FromStr>(&self, key: &str, default: T) -> Result<T, String> {
        if self.fields.contains_key(key) {
            self.field(key)
        } else {
            Ok(default)
        }
    }
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
            .split([',', ','])
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
        let cli = Cli::parse(
            [
                "room", "add", "--number", "1201", "--hours", "24", "--active", "false",
                "--phones", "1", "--phones", "2",
            ]
            .map(String::from),
        )
        .unwrap();
        let s: Sample = cli.input().unwrap();
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
        assert_eq!(cli.words, ["room", "add"]);
    }

    #[test]
    fn bad_numbers_are_reported() {
        let cli =
            Cli::parse(["--number", "1", "--hours", "x", "--active", "true"].map(String::from))
                .unwrap();
        assert!(cli
            .input::<Sample>()
            .unwrap_err()
            .contains("不是有效的数字"));
    }
}
