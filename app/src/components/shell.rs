//! The signed-in frame around every page: navigation for the sections that exist, the user and
//! role, and sign-out. Without a session it sends the browser to `/login`.

use domain::model::{Role, UserOut};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::components::{A, Outlet, Redirect};

use crate::api::AppError;
use crate::api::auth::{Logout, me};
use crate::api::language::{SetUiLanguage, ui_language};
use crate::components::bell::Bell;
use crate::i18n::{Lang, T};

/// Layout with navigation; the matched page renders in its `<main>`.
#[component]
pub fn Shell() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    let lang = Resource::new(|| (), |_| ui_language());
    view! {
        <Suspense fallback=|| view! { <p class="loading">"…"</p> }>
            {move || Suspend::new(async move {
                let (texts, tr) = lang.await.unwrap_or_default().take();
                match user.await {
                    Ok(user) => view! { {texts} <Frame user tr/> }.into_any(),
                    Err(AppError::Unauthorized) => view! { <Redirect path="/login"/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.told(tr)}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Frame(user: UserOut, tr: T) -> impl IntoView {
    // Every page inside speaks the same language.
    provide_context(tr);
    let logout = ServerAction::<Logout>::new();
    let set_language = ServerAction::<SetUiLanguage>::new();
    // A new language: the page is drawn again in it.
    Effect::new(move |_| {
        if let Some(Ok(())) = set_language.value().get() {
            let _ = window().location().reload();
        }
    });
    let is_admin = user.role == Role::Admin;
    let is_lead = is_admin || user.role == Role::Supervisor;
    let reads_audit = is_admin || user.role == Role::Viewer;
    // One socket for the whole session: the bell and every page share it.
    let live = crate::components::live::use_live();
    provide_context(live);
    view! {
        <Html {..} lang=tr.0.code()/>
        <div class="layout" lang=tr.0.code()>
            <header class="topbar">
                <a class="brand" href="/">"JoxAI"</a>
                <nav aria-label=tr.s("Sections")>
                    <A href="/" exact=true>{tr.s("Overview")}</A>
                    <A href="/figures">{tr.s("Figures")}</A>
                    <A href="/tickets">{tr.s("Tickets")}</A>
                    <A href="/conversations">{tr.s("Conversations")}</A>
                    <A href="/customers">{tr.s("Customers")}</A>
                    <A href="/knowledge">{tr.s("Knowledge")}</A>
                    <A href="/assistant" exact=true>{tr.s("Assistant")}</A>
                    <A href="/assistant/answers">{tr.s("Answer log")}</A>
                    <Show when=move || is_admin>
                        <A href="/users">{tr.s("Users")}</A>
                        <A href="/inboxes">{tr.s("Inboxes")}</A>
                        <A href="/system">{tr.s("System")}</A>
                    </Show>
                    <Show when=move || is_lead>
                        <A href="/settings">{tr.s("Settings")}</A>
                    </Show>
                    <Show when=move || reads_audit>
                        <A href="/audit">{tr.s("Audit")}</A>
                    </Show>
                    <a href="/api/v1/docs" rel="external">{tr.s("API docs")}</a>
                </nav>
                <div class="whoami">
                    <Bell user_id=user.id live/>
                    <A href="/account" attr:data-testid="user-name" attr:title=tr.s("My account")>
                        {user.full_name.clone()}
                    </A>
                    <span class="role" data-testid="user-role">{tr.s(user.role.as_str())}</span>
                    <ActionForm action=set_language attr:class="inline" attr:data-testid="language">
                        <select name="language" aria-label=tr.s("Language")>
                            <option value="es" lang="es" selected=tr.0 == Lang::Es>"Español"</option>
                            <option value="en" lang="en" selected=tr.0 == Lang::En>"English"</option>
                        </select>
                        <button type="submit" class="link">{tr.s("Change")}</button>
                    </ActionForm>
                    <ActionForm action=logout>
                        <button type="submit" class="link" data-testid="sign-out">{tr.s("Sign out")}</button>
                    </ActionForm>
                </div>
            </header>
            <main class="content">
                <Outlet/>
            </main>
        </div>
    }
}
