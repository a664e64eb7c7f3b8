//! Hydrate entry for the admin panel: cargo-leptos builds this crate to wasm and the server's
//! HTML calls `hydrate()`.

/// Attaches the server-rendered admin panel to the browser.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Lets browser tests (and anyone curious) know the page is interactive.
    if let Some(window) = web_sys::window() {
        let _ = js_sys::Reflect::set(&window, &"__joxaiHydrated".into(), &true.into());
    }
}
