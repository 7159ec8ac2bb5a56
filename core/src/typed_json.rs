//! An operation's result as the typed model the core decoded, handed to a binding as it is: the binding
//! serializes it straight into its own objects (or takes its text), with no text to parse again and no
//! `Value` tree in between.

use crate::error::{Error, ErrorKind, Result};
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::any::Any;
use std::fmt;

/// A typed result. Serializing it gives exactly its wire JSON (camelCase, unknown fields included): as
/// text with [`to_text`](Self::to_text), as a tree with [`to_value`](Self::to_value), or into any serde
/// `Serializer` (a Python binding builds dicts and lists with its own).
///
/// The result types of the endpoint table serialize with static dispatch: the value is matched to its
/// concrete type first, because serializing through a type-erased serializer costs a virtual call per
/// value (it protects the Python decode target; the figure is in bench/README.md).
pub struct TypedJson(Box<dyn TypedValue>);

/// What a result can do once its type is hidden: show its concrete type, or serialize type-erased.
trait TypedValue: Send {
    fn as_any(&self) -> &dyn Any;
    fn as_erased(&self) -> &dyn erased_serde::Serialize;
}

impl<T: Serialize + Send + 'static> TypedValue for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_erased(&self) -> &dyn erased_serde::Serialize {
        self
    }
}

impl TypedJson {
    pub fn new<T: Serialize + Send + 'static>(value: T) -> Self {
        Self(Box::new(value))
    }

    /// The wire-JSON text.
    pub fn to_text(&self) -> Result<String> {
        serde_json::to_string(self).map_err(|e| Error::new(ErrorKind::Decode, e.to_string()))
    }

    /// The wire JSON as a tree.
    pub fn to_value(&self) -> Result<Value> {
        serde_json::to_value(self).map_err(|e| Error::new(ErrorKind::Decode, e.to_string()))
    }
}

impl Serialize for TypedJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        crate::endpoints::serialize_response(self.0.as_any(), serializer)
            .unwrap_or_else(|serializer| erased_serde::serialize(self.0.as_erased(), serializer))
    }
}

impl fmt::Debug for TypedJson {
    /// Opaque: results can hold secrets, and `Debug` output must never show them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TypedJson(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{PhoneNumber, WebhookAuth};
    use serde_json::json;

    #[test]
    fn serializes_to_the_wire_json_of_its_value() {
        let wire = json!({"id": "pn-1", "number": "+9700000000", "type": "TWILIO", "newField": [1, {"a": null}]});
        let number: PhoneNumber = serde_json::from_value(wire.clone()).unwrap();
        let typed = TypedJson::new(number);
        assert_eq!(typed.to_value().unwrap(), wire);
        assert_eq!(serde_json::from_str::<Value>(&typed.to_text().unwrap()).unwrap(), wire);
    }

    #[test]
    fn a_type_outside_the_endpoint_table_serializes_type_erased() {
        // Not a response type of any endpoint: goes through the erased fallback, with the same result.
        let auth = WebhookAuth::new("Token", "s3cret");
        let typed = TypedJson::new(auth.clone());
        assert_eq!(typed.to_value().unwrap(), serde_json::to_value(&auth).unwrap());
        assert_eq!(format!("{typed:?}"), "TypedJson(..)");
    }
}
