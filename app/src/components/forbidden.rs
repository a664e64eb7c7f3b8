//! What a page shows when the role may not see it (the server also answers 403), or when its
//! data could not be loaded.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::api::AppError;

/// "You do not have access" panel.
#[component]
pub fn Forbidden() -> impl IntoView {
    let tr = crate::i18n::use_t();
    view! {
        <section class="forbidden" data-testid="forbidden">
            <h1>"403 — " {tr.s("Forbidden")}</h1>
            <p>{tr.s("Your role does not have access to this page.")}</p>
            <a href="/">{tr.s("Back to the overview")}</a>
        </section>
    }
}

/// A page's answer to a failed load: the 403 panel, a redirect to sign-in, or the message.
pub fn load_error(error: AppError) -> AnyView {
    let tr = crate::i18n::use_t();
    match error {
        AppError::Forbidden => view! { <Forbidden/> }.into_any(),
        AppError::Unauthorized => view! { <Redirect path="/login"/> }.into_any(),
        other => view! { <p class="error" role="alert">{other.told(tr)}</p> }.into_any(),
    }
}
