//! JSON through the browser's own `JSON.parse` and `JSON.stringify`, read field by field. The
//! widget carries no JSON library and no serde code of its own: that keeps its download small
//! (the budget is 120 KB gzipped for the whole frame).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// A parsed JSON value; reading a field that is not there gives `undefined`, never an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Json(pub JsValue);

impl Json {
    /// Parses `text`; `None` when it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        js_sys::JSON::parse(text).ok().map(Json)
    }

    /// The field `key` of an object (`undefined` for anything else).
    pub fn get(&self, key: &str) -> Json {
        let value = if self.0.is_object() { Reflect::get(&self.0, &JsValue::from_str(key)).ok() } else { None };
        Json(value.unwrap_or(JsValue::UNDEFINED))
    }

    /// The value as a string, if it is one.
    pub fn as_str(&self) -> Option<String> {
        self.0.as_string()
    }

    /// The string field `key`, or "".
    pub fn text(&self, key: &str) -> String {
        self.get(key).as_str().unwrap_or_default()
    }

    /// The number field `key`, if it is an integer.
    pub fn int(&self, key: &str) -> Option<i64> {
        self.get(key).0.as_f64().filter(|n| n.fract() == 0.0).map(|n| n as i64)
    }

    /// The field `key` is `true`.
    pub fn flag(&self, key: &str) -> bool {
        self.get(key).0.as_bool() == Some(true)
    }

    /// The items of an array (none for anything else).
    pub fn items(&self) -> Vec<Json> {
        if Array::is_array(&self.0) { self.0.unchecked_ref::<Array>().iter().map(Json).collect() } else { Vec::new() }
    }

    /// The value as JSON text.
    pub fn stringify(&self) -> String {
        js_sys::JSON::stringify(&self.0).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }
}

/// A JSON object of `fields`, built in the browser.
pub fn object(fields: &[(&str, JsValue)]) -> Json {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    Json(object.into())
}

/// A string as a JSON value.
pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}
