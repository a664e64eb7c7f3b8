//! The picked conversation: reloaded whenever a live event touches it.

use leptos::prelude::*;

use super::events_where;
use crate::api::conversations::get_conversation;
use crate::components::conversation::{ConversationActions, ConversationPanel};
use crate::components::forbidden::load_error;
use crate::components::live::Live;
use crate::i18n::use_t;

/// One conversation, live.
#[component]
pub fn Pane(id: String, live: Live) -> impl IntoView {
    let tr = use_t();
    let actions = ConversationActions::new();
    let watched = id.clone();
    let changes = events_where(live, move |news| news.conversation_id() == Some(watched.as_str()));
    let data = Resource::new(move || (id.clone(), changes.get(), actions.version()), |(id, ..)| get_conversation(id));
    view! {
        <p class="error" role="alert">{move || actions.error(tr)}</p>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => {
                        view! { <ConversationPanel detail=view.detail canned=view.canned actions live/> }.into_any()
                    }
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}
