//! Enums stored as TEXT codes with a Chinese label: one macro so every such enum serialises,
//! stores and reads back the same way (the code is what the schema's CHECK lists).

/// `coded_enum!(Name { Variant = ("code", "中文"), … })` defines the enum with serde
/// (snake_case codes), ts-rs, `code()`, `label()`, `ALL`, and rusqlite To/FromSql.
/// `Variant = ("code", "中文", ["别称", …])` also reads the other names the office writes
/// for it (an import file says 产权人 or 保安); they are read, never shown.
#[macro_export]
macro_rules! coded_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = ($code:literal, $label:literal $(, [$($aka:literal),* $(,)?])?)),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($(#[$vm])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            /// The other names read as this value (never shown).
            pub fn aka(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($($aka),*)?]),+ }
            }
            /// Accepts the code, the Chinese label or another name the office uses.
            pub fn from_text(text: &str) -> Option<$name> {
                let t = text.trim();
                Self::ALL.iter().copied().find(|v| v.code() == t || v.label() == t || v.aka().contains(&t))
            }
            /// Like `from_text`, but an unknown value is an error naming `field` and listing the choices.
            pub fn parse(field: &str, text: &str) -> $crate::base::error::Result<$name> {
                Self::from_text(text).ok_or_else(|| {
                    let choices: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                    $crate::base::error::Error::invalid(field, format!("“{}”无法识别，应为：{}", text.trim(), choices.join("、")))
                })
            }
        }

        /// Read from its code, or from its Chinese label (as typed on the command line).
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::from_text(&text).ok_or_else(|| {
                    let choices: Vec<&str> = Self::ALL.iter().map(|v| v.label()).collect();
                    serde::de::Error::custom(format!("“{}”无法识别，应为：{}", text.trim(), choices.join("、")))
                })
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.code().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                Self::ALL.iter().copied().find(|x| x.code() == s)
                    .ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown {} code {s}", stringify!($name)).into()))
            }
        }
    };
}
