//! Field decoders for values the API sends in more than one shape (a bool as `"true"`, a count as `"3"`).
//! Each accepts every shape seen and gives the one the SDK exposes; `null` and a missing field are `None`.
//! A value of no accepted shape is a decode error, as for any field of the wrong type.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A bool sent as `true`/`false` or as the strings `"true"`/`"false"` (any case).
pub fn bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a bool, or \"true\" or \"false\"")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            match v.trim() {
                t if t.eq_ignore_ascii_case("true") => Ok(Some(true)),
                t if t.eq_ignore_ascii_case("false") => Ok(Some(false)),
                _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
            }
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    deserializer.deserialize_any(V)
}

/// A number sent as a JSON number or as a numeric string (`"2.5"`).
pub fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<f64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a number, or a string holding one")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v as f64))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            let t = v.trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(Some)
                .ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    }
    deserializer.deserialize_any(V)
}

/// A count sent as a JSON number (`3` or `3.0`) or as a numeric string (`"3"`).
pub fn count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u64>, D::Error> {
    match number(deserializer)? {
        None => Ok(None),
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= u64::MAX as f64 => Ok(Some(n as u64)),
        Some(n) => Err(de::Error::custom(format!("{n} is not a count"))),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug, PartialEq)]
    struct T {
        #[serde(default, deserialize_with = "super::bool")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "super::number")]
        n: Option<f64>,
        #[serde(default, deserialize_with = "super::count")]
        c: Option<u64>,
    }

    fn t(value: serde_json::Value) -> Result<T, serde_json::Error> {
        serde_json::from_value(value)
    }

    #[test]
    fn every_shape_is_accepted() {
        assert_eq!(t(json!({"b": true, "n": 2.5, "c": 3})).unwrap(), T { b: Some(true), n: Some(2.5), c: Some(3) });
        assert_eq!(
            t(json!({"b": "False", "n": "2.5", "c": "3"})).unwrap(),
            T { b: Some(false), n: Some(2.5), c: Some(3) }
        );
        assert_eq!(t(json!({"b": null, "n": null, "c": 3.0})).unwrap(), T { b: None, n: None, c: Some(3) });
        assert_eq!(t(json!({})).unwrap(), T { b: None, n: None, c: None });
    }

    #[test]
    fn other_shapes_are_decode_errors() {
        assert!(t(json!({"b": "yes"})).is_err());
        assert!(t(json!({"n": "fast"})).is_err());
        assert!(t(json!({"c": 1.5})).is_err());
        assert!(t(json!({"c": -1})).is_err());
    }
}
