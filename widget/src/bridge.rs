//! Talking to the bank's page (the loader) by `postMessage`, both ways as JSON strings. Only the
//! page that frames us is written to and listened to: the frame's `frame-ancestors` policy already
//! limited it to the inbox's allowed origins.

use wasm_bindgen::JsValue;

use crate::json::Json;

/// The origin of the page that frames the widget, if any.
pub fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    // The loader names its page's origin (`host`); a lie would only misdirect our own messages,
    // since the browser delivers them to that origin alone. Without it, the referrer.
    let query = window.location().search().ok()?;
    let host = web_sys::UrlSearchParams::new_with_str(&query).ok().and_then(|p| p.get("host"));
    let named = host.as_deref().and_then(|h| web_sys::Url::new(h).ok()).map(|url| url.origin());
    named.or_else(|| {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|url| url.origin())
    })
}

/// Sends `message` to the framing page.
pub fn post(message: &Json) {
    let (Some(window), Some(origin)) = (web_sys::window(), parent_origin()) else { return };
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(&JsValue::from_str(&message.stringify()), &origin);
    }
}

/// A message from the framing page: `joxai:open`, `joxai:close`, `joxai:identify` (`token`),
/// `joxai:locale` (`lang`). Anything from elsewhere is ignored.
pub fn read(event: &web_sys::MessageEvent) -> Option<Json> {
    let origin = parent_origin()?;
    if event.origin() != origin {
        return None;
    }
    let window = web_sys::window()?;
    let from_parent = match (event.source(), window.parent().ok().flatten()) {
        (Some(source), Some(parent)) => JsValue::from(source) == JsValue::from(parent),
        _ => false,
    };
    if !from_parent {
        return None;
    }
    Json::parse(&event.data().as_string()?)
}
