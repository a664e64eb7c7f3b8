//! Any path the panel does not know.

use leptos::prelude::*;
use leptos_meta::Html;

use crate::api::language::ui_language;

/// 404 page (the server also answers 404), in the visitor's language.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let lang = Resource::new(|| (), |_| ui_language());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (texts, tr) = lang.await.unwrap_or_default().take();
                view! {
                    <Html {..} lang=tr.0.code()/>
                    {texts}
                    <main class="content" lang=tr.0.code()>
                        <h1>{tr.s("Page not found")}</h1>
                        <a href="/">{tr.s("Back to the overview")}</a>
                    </main>
                }
            })}
        </Suspense>
    }
}
