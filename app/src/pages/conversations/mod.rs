//! `/conversations` and `/conversations/{id}`: the live conversations view. On the left, every
//! conversation, most recently active first, with its latest message; new customer messages move
//! it up without a reload. On the right, the one picked: transcript, reply box, take over, hand
//! back, close.

mod pane;

use domain::model::{ConversationOut, ConversationStatus, StaffFrame, StaffNews};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::conversations::{ConversationPage, list_conversations};
use crate::components::filters::{FilterSelect, any_of};
use crate::components::forbidden::load_error;
use crate::components::live::{Live, use_live};
use crate::components::pager::Pager;

/// Counts the live events `wanted` accepts (and every `resync`; typing moves nothing), for
/// resources to reload on.
pub fn events_where(live: Live, wanted: impl Fn(&StaffNews) -> bool + Send + Sync + 'static) -> Memo<u64> {
    Memo::new(move |previous: Option<&u64>| {
        let previous = previous.copied().unwrap_or(0);
        let hit = live.last.with(|frame| match frame {
            Some(StaffFrame::Resync { .. }) => true,
            Some(StaffFrame::News(n)) => !matches!(n.news, StaffNews::Typing(_)) && wanted(&n.news),
            _ => false,
        });
        if hit { previous + 1 } else { previous }
    })
}

/// The conversations view.
#[component]
pub fn ConversationsPage() -> impl IntoView {
    let query = use_query_map();
    let params = use_params_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let selected = move || params.read().get("id");
    let live = use_live();
    let tr = crate::i18n::use_t();
    let changes = events_where(live, |news| matches!(news, StaffNews::NewMessage(_)) || news.is_ticket());
    let list = Resource::new(
        move || (param("status"), param("mine") == "1", param("skip").parse::<u64>().unwrap_or(0), changes.get()),
        |(status, mine, skip, _)| list_conversations(status, mine, skip),
    );
    view! {
        <div class="page-head">
            <h1>{tr.s("Conversations")}</h1>
            <span class="muted" data-testid="live-state">
                {move || if live.connected.get() { tr.s("live") } else { "" }}
            </span>
        </div>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="conversation-filters">
            <FilterSelect name="status" label=tr.s("Status")
                options=any_of(tr, tr.s("Any status"), ConversationStatus::ALL.iter().map(|s| s.as_str()))/>
            <label class="inline-check"><input type="checkbox" name="mine" value="1"
                checked=move || param("mine") == "1"/> {tr.s("Mine")}</label>
            <button type="submit">{tr.s("Filter")}</button>
        </Form>
        <div class="split">
            <div class="split-list">
                <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
                    {move || Suspend::new(async move {
                        match list.await {
                            Ok(page) => view! { <ConversationList page selected=selected()/> }.into_any(),
                            Err(e) => load_error(e),
                        }
                    })}
                </Transition>
            </div>
            <div class="split-pane">
                {move || match selected() {
                    Some(id) => view! { <pane::Pane id live/> }.into_any(),
                    None => {
                        view! { <p class="empty">"Pick a conversation to read it and answer the customer."</p> }
                            .into_any()
                    }
                }}
            </div>
        </div>
    }
}

#[component]
fn ConversationList(page: ConversationPage, selected: Option<String>) -> impl IntoView {
    if page.conversations.is_empty() {
        return view! { <p class="empty" data-testid="conversations-empty">"No conversations match."</p> }.into_any();
    }
    let query = use_query_map();
    let keep = move || {
        let q = query.read();
        let pairs: Vec<String> =
            ["status", "mine", "skip"].iter().filter_map(|k| q.get(k).map(|v| format!("{k}={v}"))).collect();
        if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
    };
    let shown = page.conversations.len();
    view! {
        <ul class="conversation-list" data-testid="conversation-list">
            {page.conversations.into_iter().map(|c| {
                let current = selected.as_deref() == Some(c.id.as_str());
                view! { <ConversationRow conversation=c current query=keep()/> }
            }).collect_view()}
        </ul>
        <Pager path="/conversations" keep=&["status", "mine"] skip=page.skip limit=page.limit shown total=page.total/>
    }
    .into_any()
}

#[component]
fn ConversationRow(conversation: ConversationOut, current: bool, query: String) -> impl IntoView {
    let c = conversation;
    let tr = crate::i18n::use_t();
    let status = c.status.as_str();
    let preview = c.last_message.as_ref().map(|m| {
        let text: String = m.content.chars().take(90).collect();
        let more = if m.content.chars().count() > 90 { "…" } else { "" };
        format!("{}: {text}{more}", tr.s(m.role.as_str()))
    });
    view! {
        <li class:current=current data-testid="conversation-row" data-conversation-id=c.id.clone() data-status=status>
            <a href=format!("/conversations/{}{query}", c.id) aria-current=current.then_some("page")>
                <span class=format!("badge status-{}", status.to_ascii_lowercase())>{tr.s(status)}</span>
                " " <strong>{c.id.chars().take(8).collect::<String>()}</strong>
                " " <span class="muted">{c.language.clone()} " · "
                {tr.when(c.updated_at)}</span>
                {c.ticket_id.clone().map(|t| view! { " " <span class="badge off">{t}</span> })}
                {(c.unread > 0).then(|| {
                    let unread = format!("{} {}", c.unread, tr.s("unread"));
                    view! { " " <span class="badge unread" data-testid="unread">{unread}</span> }
                })}
                <span class="preview">{preview}</span>
            </a>
        </li>
    }
}
