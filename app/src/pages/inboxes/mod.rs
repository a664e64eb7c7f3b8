//! `/inboxes` (ADMIN): the bank websites that embed the widget — their key, allowed origins and
//! state — with the tag to paste.

pub mod editor;

use domain::model::InboxOut;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::inboxes::list_inboxes;
use crate::components::forbidden::load_error;

/// The inbox list.
#[component]
pub fn InboxesPage() -> impl IntoView {
    let inboxes = Resource::new(|| (), |_| list_inboxes());
    view! {
        <div class="page-head">
            <h1>"Inboxes"</h1>
            <A href="/inboxes/new" attr:class="button" attr:data-testid="new-inbox">"New inbox"</A>
        </div>
        <p class="muted">
            "Each bank website that shows the chat widget is an inbox. The widget runs only on its allowed origins."
        </p>
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match inboxes.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">"No inboxes yet."</p> }.into_any(),
                    Ok(list) => view! { <InboxTable list/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InboxTable(list: Vec<InboxOut>) -> impl IntoView {
    view! {
        <table data-testid="inboxes-table">
            <thead><tr><th>"Name"</th><th>"Key"</th><th>"Allowed origins"</th><th>"Language"</th><th>"Status"</th></tr>
            </thead>
            <tbody>
                {list.into_iter().map(|i| view! {
                    <tr data-inbox-key=i.key.clone()>
                        <td><a href=format!("/inboxes/{}", i.id)>{i.name.clone()}</a></td>
                        <td><code>{i.key.clone()}</code></td>
                        <td>{i.allowed_origins.join(", ")}</td>
                        <td>{i.default_language.clone()}</td>
                        <td>{if i.active {
                            view! { <span class="badge ok">"active"</span> }
                        } else {
                            view! { <span class="badge off">"inactive"</span> }
                        }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
