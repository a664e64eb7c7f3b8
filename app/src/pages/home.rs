//! `/`: the overview a signed-in staff member lands on.

use leptos::prelude::*;

use crate::api::auth::me;

/// Greeting and the sections this role can use.
#[component]
pub fn HomePage() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await.ok().map(|u| view! {
                    <h1 data-testid="welcome">"Welcome, " {u.full_name}</h1>
                    <p>"You are signed in as " <strong>{u.role.to_string()}</strong> "."</p>
                })
            })}
        </Suspense>
    }
}
