//! Cache headers for built files: a file whose name carries its content hash never changes, so
//! browsers keep it a year without asking; any other file is checked on every use.

use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Sets `Cache-Control` on the files under `prefix` (e.g. `/pkg/`): immutable for a hashed
/// name, `no-cache` for any other. Paths elsewhere pass untouched.
pub async fn by_name(prefix: &'static str, req: Request, next: Next) -> Response {
    let file = req.uri().path().strip_prefix(prefix).map(str::to_owned);
    let mut res = next.run(req).await;
    if let Some(file) = file
        && res.status().is_success()
    {
        let value = if hashed(&file) { IMMUTABLE } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// Whether a file name carries a content hash, as our builds write them: the widget's
/// `widget-<16 hex>.wasm`, cargo-leptos's `joxai.<22 base64url>.wasm` (chunks alike).
pub fn hashed(file: &str) -> bool {
    let mut parts = file.rsplit('.');
    let _ext = parts.next();
    let Some(before_ext) = parts.next() else { return false };
    let leptos = parts.next().is_some()
        && before_ext.len() == 22
        && before_ext.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        // cargo-leptos's placeholder for the split loader before hashing.
        && before_ext.bytes().any(|b| b != b'_');
    let widget = before_ext
        .rsplit_once('-')
        .is_some_and(|(_, hash)| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()));
    leptos || widget
}

#[cfg(test)]
mod tests {
    use super::hashed;

    #[test]
    fn names_with_a_content_hash_are_told_apart() {
        assert!(hashed("joxai.1B2M2Y8AsgTpgAmY7PhCfg.wasm"));
        assert!(hashed("chunk_17.kq-_Ab3dZ0x1y2w3v4u5tA.wasm"));
        assert!(hashed("__wasm_split.kq-_Ab3dZ0x1y2w3v4u5tA.js"));
        assert!(hashed("widget-0123456789abcdef.js"));
        assert!(!hashed("joxai.wasm"));
        assert!(!hashed("joxai.css"));
        assert!(!hashed("__wasm_split.______________________.js"));
        assert!(!hashed("widget.js"));
        assert!(!hashed("manifest.json"));
    }
}
