//! The hot parts of `hamsa/_model.py`. `NativeField`: the attribute of a model field that holds a plain
//! JSON value (no nested model), as a descriptor in C: reading `phone_number.id` is one dict lookup on
//! the model's wire JSON, without a Python frame (fields that hold models keep the Python descriptor,
//! which wraps). `wrap_all`: a page's items wrapped as models in one call.

use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};

#[pyclass(frozen, module = "hamsa._native")]
pub struct NativeField {
    wire: Py<PyString>,
}

#[pymethods]
impl NativeField {
    #[new]
    fn new(wire: Bound<'_, PyString>) -> Self {
        Self { wire: wire.unbind() }
    }

    /// The wire name of the field.
    #[getter]
    fn wire(&self, py: Python<'_>) -> Py<PyString> {
        self.wire.clone_ref(py)
    }

    /// `model.field`: the wire value, or `None` when absent; the descriptor itself on the class.
    fn __get__(
        slf: &Bound<'_, Self>,
        instance: Option<&Bound<'_, PyAny>>,
        _owner: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Py<PyAny>> {
        let py = slf.py();
        let Some(instance) = instance else { return Ok(slf.clone().into_any().unbind()) };
        let data = instance.getattr(intern!(py, "_data"))?;
        let data = data.cast::<PyDict>()?;
        Ok(match data.get_item(slf.get().wire.bind(py))? {
            Some(value) => value.unbind(),
            None => py.None(),
        })
    }
}

/// `cls._wrap(item)` for every item of a page, in one call: each model is made as `object.__new__(cls)`
/// makes it (the type's own allocator) and given its wire dict as `_data`. The models are then left out
/// of the cyclic garbage collector, like CPython leaves out dicts that hold only strings and numbers:
/// a model of a plain generated class (no `__dict__`, no other slot) refers only to its type and its
/// JSON, which cannot refer back to it, so it can never be part of a cycle. Without this, every page
/// of 5,000 items handed the collector 5,000 more objects to walk, again and again, while they lived.
/// Only for such classes: `hamsa/_model.py` checks, and wraps in Python otherwise.
#[pyfunction]
pub fn wrap_all<'py>(cls: &Bound<'py, PyType>, items: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyList>> {
    let py = cls.py();
    let data = intern!(py, "_data");
    let ty = cls.as_type_ptr();
    // SAFETY: `ty` is a live type object (borrowed from `cls`); every heap type has a `tp_alloc` slot.
    let alloc = unsafe { ffi::PyType_GetSlot(ty, ffi::Py_tp_alloc) };
    if alloc.is_null() {
        return Err(pyo3::exceptions::PyTypeError::new_err("a model class without an allocator"));
    }
    // SAFETY: the slot holds an `allocfunc`, by the definition of `Py_tp_alloc`.
    let alloc: ffi::allocfunc = unsafe { std::mem::transmute(alloc) };
    let mut models = Vec::with_capacity(items.len());
    for item in items.iter() {
        // SAFETY: `alloc` is `cls`'s allocator, called as `object.__new__` calls it; a null result
        // means a Python error is set, which `from_owned_ptr_or_err` takes.
        let model = unsafe { Bound::from_owned_ptr_or_err(py, alloc(ty, 0))? };
        model.setattr(data, item)?;
        // Left out of the cyclic GC: a plain generated model cannot be in a cycle, and tracking 5,000 of
        // them costs the python-decode target (bench/README.md, "The machinery on trial": 1.40–1.51
        // without it, 1.27–1.46 with it). Only classes without a __dict__ or extra slots are untracked.
        // SAFETY: `model` is a live, tracked GC object; untracking an object is always allowed, and
        // its deallocation handles an untracked object.
        unsafe { ffi::PyObject_GC_UnTrack(model.as_ptr().cast()) };
        models.push(model);
    }
    PyList::new(py, models)
}
