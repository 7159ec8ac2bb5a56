//! The core's typed results to Python objects (dict, list, str, int, float, bool, None), the ones
//! `json.loads` would build from their wire JSON, straight from the typed model through serde: no text
//! is written and parsed again, and no `Value` tree is built. Keys are interned (so that the models'
//! field lookups compare pointers) and made once per result: a page of 5,000 phone numbers makes each
//! of its field names once, not 5,000 times.
//!
//! Kept because it protects the python-decode target (≤ 1.5× aiohttp + json.loads): `pythonize` in its
//! place measured 1.45–1.64, text + `json.loads` 1.53–2.13, this 1.27–1.46 (bench/README.md, "The
//! machinery on trial"). Invariants: the objects built are exactly what `json.loads` builds from the
//! result's wire JSON (tests/test_decode.py checks it), and no Python object is made without the GIL.

use crate::errors::from_core;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::Serialize;
use serde::ser::{self, Impossible};
use std::cell::{Cell, RefCell};
use std::fmt;

/// Distinct keys kept per result; results have a few dozen at most, the rest are made each time.
const KEY_CACHE: usize = 64;

/// The Python objects of a typed result.
pub fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let keys = Keys::default();
    value.serialize(Build { py, keys: &keys }).map_err(|BuildError(error)| error)
}

/// Interned keys of one result: field names by their address and length (they are `&'static str`;
/// the length too, in case a linker ever lets one name start where a longer one does), map keys by
/// text. Objects of one shape repeat their keys in the same order, so each look-up tries the entry after
/// the previous hit first: a list of 5,000 alike objects finds every key at the first try.
#[derive(Default)]
struct Keys<'py> {
    fields: KeyCache<'py, (usize, usize)>,
    texts: KeyCache<'py, Box<str>>,
}

impl<'py> Keys<'py> {
    fn field(&self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let place = (name.as_ptr() as usize, name.len());
        self.fields.get(|p| *p == place, || (place, PyString::intern(py, name)))
    }

    fn text(&self, py: Python<'py>, text: &str) -> Bound<'py, PyString> {
        self.texts.get(|t| &**t == text, || (text.into(), PyString::intern(py, text)))
    }
}

struct KeyCache<'py, K> {
    entries: RefCell<Vec<(K, Bound<'py, PyString>)>>,
    /// Where the next key is most likely: just after the last one found.
    next: Cell<usize>,
}

impl<K> Default for KeyCache<'_, K> {
    fn default() -> Self {
        Self { entries: RefCell::new(Vec::new()), next: Cell::new(0) }
    }
}

impl<'py, K> KeyCache<'py, K> {
    fn get(&self, is: impl Fn(&K) -> bool, make: impl FnOnce() -> (K, Bound<'py, PyString>)) -> Bound<'py, PyString> {
        let mut entries = self.entries.borrow_mut();
        let guess = self.next.get();
        let found = match entries.get(guess) {
            Some((k, _)) if is(k) => Some(guess),
            _ => entries.iter().position(|(k, _)| is(k)),
        };
        if let Some(index) = found {
            self.next.set(index + 1);
            return entries[index].1.clone();
        }
        let (k, key) = make();
        if entries.len() < KEY_CACHE {
            entries.push((k, key.clone()));
            self.next.set(entries.len());
        }
        key
    }
}

/// A Python error met while building (or a value JSON has no form for).
#[derive(Debug)]
pub struct BuildError(PyErr);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for BuildError {}

impl ser::Error for BuildError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(from_core(&hamsa::Error::new(hamsa::ErrorKind::Internal, format!("cannot convert a result: {message}"))))
    }
}

impl From<PyErr> for BuildError {
    fn from(error: PyErr) -> Self {
        Self(error)
    }
}

type Built<'py> = Result<Bound<'py, PyAny>, BuildError>;

#[derive(Clone, Copy)]
struct Build<'a, 'py> {
    py: Python<'py>,
    keys: &'a Keys<'py>,
}

impl<'a, 'py> Build<'a, 'py> {
    fn none(self) -> Built<'py> {
        Ok(self.py.None().into_bound(self.py))
    }

    fn str(self, v: &str) -> Built<'py> {
        Ok(PyString::new(self.py, v).into_any())
    }

    /// `{variant: value}`, the externally tagged form serde_json writes.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Built<'py> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.keys.field(self.py, variant), value)?;
        Ok(dict.into_any())
    }

    fn seq(self, len: Option<usize>, variant: Option<&'static str>) -> Seq<'a, 'py> {
        Seq { build: self, items: Vec::with_capacity(len.unwrap_or(0)), variant }
    }

    fn dict(self, variant: Option<&'static str>) -> Map<'a, 'py> {
        Map { build: self, dict: PyDict::new(self.py), key: None, variant }
    }
}

impl<'a, 'py> ser::Serializer for Build<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = BuildError;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Built<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Built<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Built<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Built<'py> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Built<'py> {
        Ok(PyInt::new(self.py, v).into_any())
    }
    fn serialize_i128(self, v: i128) -> Built<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }
    fn serialize_u8(self, v: u8) -> Built<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Built<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Built<'py> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Built<'py> {
        Ok(PyInt::new(self.py, v).into_any())
    }
    fn serialize_u128(self, v: u128) -> Built<'py> {
        let Ok(int) = v.into_pyobject(self.py);
        Ok(int.into_any())
    }
    fn serialize_f32(self, v: f32) -> Built<'py> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Built<'py> {
        // JSON has no NaN or infinity: serde_json writes null for them, and so does this.
        if v.is_finite() { Ok(PyFloat::new(self.py, v).into_any()) } else { self.none() }
    }
    fn serialize_char(self, v: char) -> Built<'py> {
        self.str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Built<'py> {
        self.str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Built<'py> {
        // serde_json writes bytes as a list of numbers.
        let items = v.iter().map(|b| PyInt::new(self.py, u64::from(*b)));
        Ok(PyList::new(self.py, items)?.into_any())
    }
    fn serialize_none(self) -> Built<'py> {
        self.none()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Built<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Built<'py> {
        self.none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Built<'py> {
        self.none()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Built<'py> {
        Ok(self.keys.field(self.py, variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Built<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Built<'py> {
        self.tagged(variant, value.serialize(self)?)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>, BuildError> {
        Ok(self.seq(len, None))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>, BuildError> {
        Ok(self.seq(Some(len), None))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'py>, BuildError> {
        Ok(self.seq(Some(len), None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a, 'py>, BuildError> {
        Ok(self.seq(Some(len), Some(variant)))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>, BuildError> {
        Ok(self.dict(None))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Map<'a, 'py>, BuildError> {
        Ok(self.dict(None))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Map<'a, 'py>, BuildError> {
        Ok(self.dict(Some(variant)))
    }
}

/// A list under construction (a tuple variant's list is wrapped as `{variant: [...]}` at the end).
struct Seq<'a, 'py> {
    build: Build<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), BuildError> {
        self.items.push(value.serialize(self.build)?);
        Ok(())
    }

    fn finish(self) -> Built<'py> {
        let list = PyList::new(self.build.py, self.items)?.into_any();
        match self.variant {
            Some(variant) => self.build.tagged(variant, list),
            None => Ok(list),
        }
    }
}

/// The four list-shaped traits do one thing: push each element, make the list at the end.
macro_rules! list_serializers {
    ($($trait:ident::$method:ident),*) => {$(
        impl<'py> ser::$trait for Seq<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = BuildError;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), BuildError> {
                self.push(value)
            }
            fn end(self) -> Built<'py> {
                self.finish()
            }
        }
    )*};
}

list_serializers!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// A dict under construction: a struct's (keys are its field names) or a map's (keys are serialized
/// with [`Key`]); a struct variant's dict is wrapped as `{variant: {...}}` at the end.
struct Map<'a, 'py> {
    build: Build<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyString>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<(), BuildError> {
        let key = self.build.keys.field(self.build.py, name);
        self.dict.set_item(key, value.serialize(self.build)?)?;
        Ok(())
    }

    fn finish(self) -> Built<'py> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.build.tagged(variant, dict),
            None => Ok(dict),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = BuildError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), BuildError> {
        self.key = Some(key.serialize(Key(self.build))?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), BuildError> {
        let key = self.key.take().ok_or_else(|| <BuildError as ser::Error>::custom("a map value without its key"))?;
        self.dict.set_item(key, value.serialize(self.build)?)?;
        Ok(())
    }
    fn end(self) -> Built<'py> {
        self.finish()
    }
}

/// A struct and a struct variant both name their fields.
macro_rules! struct_serializers {
    ($($trait:ident),*) => {$(
        impl<'py> ser::$trait for Map<'_, 'py> {
            type Ok = Bound<'py, PyAny>;
            type Error = BuildError;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, name: &'static str, value: &T) -> Result<(), BuildError> {
                self.field(name, value)
            }
            fn end(self) -> Built<'py> {
                self.finish()
            }
        }
    )*};
}

struct_serializers!(SerializeStruct, SerializeStructVariant);

/// A map key: JSON keys are strings, so strings (interned) and, as serde_json writes them, numbers,
/// booleans and chars as their text; anything else is an error.
struct Key<'a, 'py>(Build<'a, 'py>);

impl<'py> Key<'_, 'py> {
    fn text(self, text: &str) -> Result<Bound<'py, PyString>, BuildError> {
        Ok(self.0.keys.text(self.0.py, text))
    }

    fn unsupported(what: &str) -> BuildError {
        ser::Error::custom(format!("a map key must be a string, not {what}"))
    }
}

macro_rules! key_as_text {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<Bound<'py, PyString>, BuildError> {
            self.text(&v.to_string())
        })*
    };
}

impl<'py> ser::Serializer for Key<'_, 'py> {
    type Ok = Bound<'py, PyString>;
    type Error = BuildError;
    type SerializeSeq = Impossible<Self::Ok, BuildError>;
    type SerializeTuple = Impossible<Self::Ok, BuildError>;
    type SerializeTupleStruct = Impossible<Self::Ok, BuildError>;
    type SerializeTupleVariant = Impossible<Self::Ok, BuildError>;
    type SerializeMap = Impossible<Self::Ok, BuildError>;
    type SerializeStruct = Impossible<Self::Ok, BuildError>;
    type SerializeStructVariant = Impossible<Self::Ok, BuildError>;

    fn serialize_str(self, v: &str) -> Result<Self::Ok, BuildError> {
        self.text(v)
    }

    key_as_text! {
        serialize_bool: bool, serialize_char: char,
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_i128: i128,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_u128: u128,
    }

    fn serialize_f32(self, _v: f32) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("a float"))
    }
    fn serialize_f64(self, _v: f64) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("a float"))
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("bytes"))
    }
    fn serialize_none(self) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("null"))
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, BuildError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("null"))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("null"))
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, BuildError> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok, BuildError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok, BuildError> {
        Err(Self::unsupported("an enum variant with data"))
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, BuildError> {
        Err(Self::unsupported("a list"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, BuildError> {
        Err(Self::unsupported("a list"))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, BuildError> {
        Err(Self::unsupported("a list"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, BuildError> {
        Err(Self::unsupported("a list"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, BuildError> {
        Err(Self::unsupported("an object"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct, BuildError> {
        Err(Self::unsupported("an object"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, BuildError> {
        Err(Self::unsupported("an object"))
    }
}
