//! What a page shows when the role may not see it (the server also answers 403).

use leptos::prelude::*;

/// "You do not have access" panel.
#[component]
pub fn Forbidden() -> impl IntoView {
    view! {
        <section class="forbidden" data-testid="forbidden">
            <h1>"403 — Forbidden"</h1>
            <p>"Your role does not have access to this page."</p>
            <a href="/">"Back to the overview"</a>
        </section>
    }
}
