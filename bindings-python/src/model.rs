//! `NativeField`: the attribute of a model field that holds a plain JSON value (no nested model), as a
//! descriptor in C: reading `phone_number.id` is one dict lookup on the model's wire JSON, without a
//! Python frame. Fields that hold models keep the Python descriptor in `hamsa/_model.py`, which wraps.

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

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
