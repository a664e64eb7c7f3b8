//! The signed-in frame around every page: navigation for the sections that exist, the user and
//! role, and sign-out. Without a session it sends the browser to `/login`.

use domain::model::Role;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Html;
use leptos_router::components::{A, Outlet, Redirect};

use crate::api::AppError;
use crate::api::auth::{Logout, SignedIn, whoami};
use crate::api::language::{SetUiLanguage, ui_language};
use crate::components::bell::Bell;
use crate::i18n::{Lang, T};

/// Layout with navigation; the matched page renders in its `<main>`.
#[component]
pub fn Shell() -> impl IntoView {
    let user = Resource::new(|| (), |_| whoami());
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

/// A section in the navigation: its path, its name, whether only the exact path marks it as the
/// current one, and who sees it (everyone when `None`).
struct Section {
    href: &'static str,
    label: &'static str,
    exact: bool,
    for_roles: Option<&'static [Role]>,
}

const fn section(href: &'static str, label: &'static str) -> Section {
    Section { href, label, exact: false, for_roles: None }
}

const SECTIONS: [Section; 13] = [
    Section { exact: true, ..section("/", "Overview") },
    section("/figures", "Figures"),
    section("/tickets", "Tickets"),
    section("/conversations", "Conversations"),
    section("/customers", "Customers"),
    section("/knowledge", "Knowledge"),
    Section { exact: true, ..section("/assistant", "Assistant") },
    section("/assistant/answers", "Answer log"),
    Section { for_roles: Some(&[Role::Admin]), ..section("/users", "Users") },
    Section { for_roles: Some(&[Role::Admin]), ..section("/inboxes", "Inboxes") },
    Section { for_roles: Some(&[Role::Admin]), ..section("/system", "System") },
    Section { for_roles: Some(&[Role::Admin, Role::Supervisor]), ..section("/settings", "Settings") },
    Section { for_roles: Some(&[Role::Admin, Role::Viewer]), ..section("/audit", "Audit") },
];

#[component]
fn Frame(user: SignedIn, tr: T) -> impl IntoView {
    // Every page inside speaks the same language.
    provide_context(tr);
    let logout = ServerAction::<Logout>::new();
    let set_language = ServerAction::<SetUiLanguage>::new();
    // Plain forms that post to the server functions (and work without JavaScript), submitted by
    // hand in the browser: `ActionForm` would bring a form-data decoder into the first download.
    let chosen = NodeRef::<leptos::html::Select>::new();
    // A new language: the page is drawn again in it.
    Effect::new(move |_| {
        if let Some(Ok(())) = set_language.value().get() {
            let _ = window().location().reload();
        }
    });
    // One socket for the whole session: the bell and every page share it.
    let live = crate::components::live::use_live();
    provide_context(live);
    view! {
        <Html {..} lang=tr.0.code()/>
        <div class="layout" lang=tr.0.code()>
            <header class="topbar">
                <a class="brand" href="/">"JoxAI"</a>
                <nav aria-label=tr.s("Sections")>
                    // One link drawn in a loop, not thirteen copies of it: the frame is in every
                    // page's first download.
                    {SECTIONS
                        .iter()
                        .filter(|section| section.for_roles.is_none_or(|roles| roles.contains(&user.role)))
                        .map(|section| view! { <A href=section.href exact=section.exact>{tr.s(section.label)}</A> })
                        .collect_view()}
                    <a href="/api/v1/docs" rel="external">{tr.s("API docs")}</a>
                </nav>
                <div class="whoami">
                    <Bell user_id=user.id live/>
                    <A href="/account" attr:data-testid="user-name" attr:title=tr.s("My account")>
                        {user.full_name.clone()}
                    </A>
                    <span class="role" data-testid="user-role">{tr.s(user.role.as_str())}</span>
                    <form class="inline" data-testid="language" method="post" action=SetUiLanguage::url()
                        on:submit=move |ev| {
                            ev.prevent_default();
                            let language = chosen.get().map(|select| select.value()).unwrap_or_default();
                            set_language.dispatch(SetUiLanguage { language });
                        }>
                        <select name="language" aria-label=tr.s("Language") node_ref=chosen>
                            <option value="es" lang="es" selected=tr.0 == Lang::Es>"Español"</option>
                            <option value="en" lang="en" selected=tr.0 == Lang::En>"English"</option>
                        </select>
                        <button type="submit" class="link">{tr.s("Change")}</button>
                    </form>
                    <form method="post" action=Logout::url()
                        on:submit=move |ev| {
                            ev.prevent_default();
                            logout.dispatch(Logout {});
                        }>
                        <button type="submit" class="link" data-testid="sign-out">{tr.s("Sign out")}</button>
                    </form>
                </div>
            </header>
            <main class="content">
                <Outlet/>
            </main>
        </div>
    }
}
