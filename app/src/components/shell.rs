//! The signed-in frame around every page: navigation for the sections that exist, the user and
//! role, and sign-out. Without a session it sends the browser to `/login`.

use domain::model::{Role, UserOut};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet, Redirect};

use crate::api::AppError;
use crate::api::auth::{Logout, me};
use crate::components::bell::Bell;

/// Layout with navigation; the matched page renders in its `<main>`.
#[component]
pub fn Shell() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(user) => view! { <Frame user/> }.into_any(),
                    Err(AppError::Unauthorized) => view! { <Redirect path="/login"/> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Frame(user: UserOut) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let is_admin = user.role == Role::Admin;
    let is_lead = is_admin || user.role == Role::Supervisor;
    let reads_audit = is_admin || user.role == Role::Viewer;
    // One socket for the whole session: the bell and every page share it.
    let live = crate::components::live::use_live();
    provide_context(live);
    view! {
        <div class="layout">
            <header class="topbar">
                <a class="brand" href="/">"JoxAI"</a>
                <nav aria-label="Sections">
                    <A href="/" exact=true>"Overview"</A>
                    <A href="/figures">"Figures"</A>
                    <A href="/tickets">"Tickets"</A>
                    <A href="/conversations">"Conversations"</A>
                    <A href="/customers">"Customers"</A>
                    <A href="/knowledge">"Knowledge"</A>
                    <A href="/assistant" exact=true>"Assistant"</A>
                    <A href="/assistant/answers">"Answer log"</A>
                    <Show when=move || is_admin>
                        <A href="/users">"Users"</A>
                        <A href="/inboxes">"Inboxes"</A>
                        <A href="/system">"System"</A>
                    </Show>
                    <Show when=move || is_lead>
                        <A href="/settings">"Settings"</A>
                    </Show>
                    <Show when=move || reads_audit>
                        <A href="/audit">"Audit"</A>
                    </Show>
                    <a href="/api/v1/docs" rel="external">"API docs"</a>
                </nav>
                <div class="whoami">
                    <Bell user_id=user.id live/>
                    <A href="/account" attr:data-testid="user-name" attr:title="My account">{user.full_name.clone()}</A>
                    <span class="role" data-testid="user-role">{user.role.to_string()}</span>
                    <ActionForm action=logout>
                        <button type="submit" class="link" data-testid="sign-out">"Sign out"</button>
                    </ActionForm>
                </div>
            </header>
            <main class="content">
                <Outlet/>
            </main>
        </div>
    }
}
