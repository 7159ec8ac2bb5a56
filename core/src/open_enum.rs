//! Open enums: the server may add a value at any time, and an old SDK must not fail on it. An unknown
//! value is kept, with its raw string, in the `Unknown` variant and is sent back unchanged.

/// Declares an open string enum: known variants with their wire strings, plus `Unknown(String)`.
#[macro_export]
macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this SDK version does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every known value, in declaration order.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(raw) => raw,
                }
            }

            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                match raw {
                    $($wire => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(raw: String) -> Self {
                match raw.as_str() {
                    $($wire => Self::$variant,)+
                    _ => Self::Unknown(raw),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// A string: one of the known values, or any other string (kept as it is).
        impl $crate::__private::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut $crate::__private::schemars::SchemaGenerator) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars::json_schema!({
                    "anyOf": [{ "enum": Self::KNOWN }, { "type": "string" }],
                    "x-open-enum": true
                })
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                <String as $crate::__private::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    open_enum!(Color { Red => "RED", Blue => "BLUE" });

    #[test]
    fn unknown_values_round_trip() {
        let parsed: Vec<Color> = serde_json::from_str(r#"["RED", "ULTRAVIOLET"]"#).unwrap();
        assert_eq!(parsed, vec![Color::Red, Color::Unknown("ULTRAVIOLET".into())]);
        assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"["RED","ULTRAVIOLET"]"#);
        assert!(!parsed[1].is_known());
        assert_eq!(Color::KNOWN, &["RED", "BLUE"]);
    }
}
