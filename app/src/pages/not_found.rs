//! Any path the panel does not know.

use leptos::prelude::*;

/// 404 page (the server also answers 404).
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <main class="content">
            <h1>"Page not found"</h1>
            <a href="/">"Back to the overview"</a>
        </main>
    }
}
