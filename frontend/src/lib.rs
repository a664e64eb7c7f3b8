//! Hydrate entry for the admin panel: cargo-leptos builds this crate to wasm and the server's
//! HTML calls `hydrate()`.

/// Attaches the server-rendered admin panel to the browser. Each page is a lazy route, so the
/// page's wasm chunk loads first and hydration finishes asynchronously.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // A panic's message in the console, for development builds: in a release build it would
    // bring panic formatting into the first download of every page.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Drives the reactive system on wasm-bindgen's executor (an error means it already runs).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let owner = leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App).await;
        owner.forget();
        // Lets browser tests (and anyone curious) know the page is interactive.
        if let Some(window) = web_sys::window() {
            let _ = js_sys::Reflect::set(&window, &"__joxaiHydrated".into(), &true.into());
        }
    });
}
