//! `/inboxes` (ADMIN): the bank websites that embed the widget — their key, allowed origins and
//! state — with the tag to paste.

pub mod editor;

use domain::model::InboxOut;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::inboxes::list_inboxes;
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The inbox list.
#[component]
pub fn InboxesPage() -> impl IntoView {
    let tr = use_t();
    let inboxes = Resource::new(|| (), |_| list_inboxes());
    view! {
        <div class="page-head">
            <h1>{tr.s("Inboxes")}</h1>
            <A href="/inboxes/new" attr:class="button" attr:data-testid="new-inbox">{tr.s("New inbox")}</A>
        </div>
        <p class="muted">
            {tr.s("Each bank website that shows the chat widget is an inbox. The widget runs only on its allowed \
             origins.")}
        </p>
        <Suspense fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match inboxes.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">{tr.s("No inboxes yet.")}</p> }.into_any(),
                    Ok(list) => view! { <InboxTable list/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InboxTable(list: Vec<InboxOut>) -> impl IntoView {
    let tr = use_t();
    view! {
        <table data-testid="inboxes-table">
            <thead><tr><th>{tr.s("Name")}</th><th>{tr.s("Key")}</th><th>{tr.s("Allowed origins")}</th><th>
                {tr.s("Language")}</th><th>{tr.s("Status")}</th></tr>
            </thead>
            <tbody>
                {list.into_iter().map(|i| view! {
                    <tr data-inbox-key=i.key.clone()>
                        <td><a href=format!("/inboxes/{}", i.id)>{i.name.clone()}</a></td>
                        <td><code>{i.key.clone()}</code></td>
                        <td>{i.allowed_origins.join(", ")}</td>
                        <td>{i.default_language.clone()}</td>
                        <td>{if i.active {
                            view! { <span class="badge ok">{tr.s("active")}</span> }
                        } else {
                            view! { <span class="badge off">{tr.s("inactive")}</span> }
                        }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
