//! One conversation as an agent works on it: the transcript, the customer typing, the reply box
//! with canned responses, and take over / hand back / close. Used by the ticket page and the
//! live conversations page; the data comes from the page, which reloads it on live events.

use domain::model::{
    CannedResponse, ChatMessageOut, ConversationDetail, ConversationStatus, MessageRole, StaffFrame, StaffNews,
};
use leptos::prelude::*;

use crate::api::conversations::{ActOnConversation, Reply, mark_read};
use crate::components::live::Live;
use crate::i18n::use_t;

/// The actions a conversation pane dispatches, and the reply being written (kept by the page, so
/// a live reload of the transcript does not wipe what the agent is typing).
#[derive(Clone, Copy)]
pub struct ConversationActions {
    pub reply: ServerAction<Reply>,
    pub act: ServerAction<ActOnConversation>,
    pub draft: RwSignal<String>,
}

impl ConversationActions {
    /// Creates the actions; a sent reply empties the draft.
    pub fn new() -> Self {
        let reply = ServerAction::<Reply>::new();
        let draft = RwSignal::new(String::new());
        Effect::new(move |_| {
            if let Some(Ok(())) = reply.value().get() {
                draft.set(String::new());
            }
        });
        ConversationActions { reply, act: ServerAction::<ActOnConversation>::new(), draft }
    }

    /// Moves whenever an action finished, for the page's resource to reload.
    pub fn version(&self) -> usize {
        self.reply.version().get() + self.act.version().get()
    }

    /// The latest failure, for the page's alert.
    pub fn error(&self, tr: crate::i18n::T) -> Option<String> {
        let reply = self.reply.value().get().and_then(Result::err);
        reply.or_else(|| self.act.value().get().and_then(Result::err)).map(|e| e.told(tr))
    }
}

impl Default for ConversationActions {
    fn default() -> Self {
        Self::new()
    }
}

/// The transcript, the reply box and the controls of one conversation.
#[component]
pub fn ConversationPanel(
    detail: ConversationDetail,
    canned: Vec<CannedResponse>,
    actions: ConversationActions,
    live: Live,
) -> impl IntoView {
    let c = detail.conversation;
    let status = c.status;
    let id = c.id.clone();
    let tr = use_t();
    // Shown here: read up to the last message (once in the browser; a VIEWER's reading does not
    // count, and is refused quietly).
    if c.last_seq > c.agent_read_seq {
        let (read_id, up_to) = (id.clone(), c.last_seq);
        Effect::new(move |_| {
            let read_id = read_id.clone();
            leptos::task::spawn_local(async move {
                let _ = mark_read(read_id, up_to).await;
            });
        });
    }
    // The customer has seen the agent's messages up to here: marked on the last of them.
    let seen = detail
        .messages
        .iter()
        .filter(|m| m.role == MessageRole::Agent && m.seq <= c.customer_read_seq)
        .map(|m| m.seq)
        .max();
    let typing_id = id.clone();
    // The customer is typing when the latest live event says so for this conversation.
    let customer_typing = move || {
        live.last.with(|frame| match frame {
            Some(StaffFrame::News(n)) => matches!(&n.news, StaffNews::Typing(t) if t.conversation_id == typing_id),
            _ => false,
        })
    };
    let controls: Vec<_> = [
        ("takeover", "Take over", matches!(status, ConversationStatus::Bot | ConversationStatus::Waiting)),
        ("handback", "Hand back to the assistant", status != ConversationStatus::Closed),
        ("close", "Close conversation", status != ConversationStatus::Closed),
    ]
    .into_iter()
    .filter(|(_, _, shown)| *shown)
    .map(|(action, label, _)| {
        let id = id.clone();
        let label = tr.s(label);
        view! {
            <ActionForm action=actions.act attr:class="inline">
                <input type="hidden" name="conversation_id" value=id/>
                <input type="hidden" name="action" value=action/>
                <button type="submit" class="secondary" data-testid=format!("conversation-{action}")>{label}</button>
            </ActionForm>
        }
    })
    .collect();
    let reply_box = if status == ConversationStatus::Closed {
        view! {
            <p class="muted" data-testid="conversation-closed">
                {tr.s("This conversation is closed. A new customer message reopens it.")}
            </p>
        }
        .into_any()
    } else {
        view! { <ReplyBox conversation_id=id.clone() canned actions live/> }.into_any()
    };
    view! {
        <section class="card transcript" data-testid="transcript" data-conversation-id=id.clone()>
            <h2>
                {tr.s("Conversation")} " "
                <span class="badge off" data-testid="conversation-status">{status.as_str()}</span>
                " " <span class="muted">{c.language.clone()}</span>
                {c.ticket_id.clone().map(|t| view! { " · " <a href=format!("/tickets/{t}")>{t.clone()}</a> })}
            </h2>
            // A log region around the list: a role on the <ol> itself would take its items out of a list.
            <div role="log" aria-live="polite" aria-label=tr.s("Messages")>
                <ol class="messages">
                    {detail.messages.into_iter().map(|m| {
                        let seen = Some(m.seq) == seen;
                        view! { <MessageItem message=m seen tr/> }
                    }).collect_view()}
                </ol>
            </div>
            <p class="muted typing" aria-live="polite">
                {move || customer_typing().then_some(tr.s("The customer is typing…"))}
            </p>
            {reply_box}
            <div class="actions">{controls}</div>
        </section>
    }
}

/// The reply box. Picking a canned response puts its text in the box to edit before sending.
#[component]
fn ReplyBox(
    conversation_id: String,
    canned: Vec<CannedResponse>,
    actions: ConversationActions,
    live: Live,
) -> impl IntoView {
    let text = NodeRef::<leptos::html::Textarea>::new();
    let draft = actions.draft;
    let tr = use_t();
    let picker = (!canned.is_empty()).then(|| {
        let options = canned.clone();
        view! {
            <select aria-label=tr.s("Canned response") data-testid="canned"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(c) = options.iter().find(|c| c.id.to_string() == id) {
                        draft.set(c.content.clone());
                        if let Some(area) = text.get() {
                            let _ = area.focus();
                        }
                    }
                }>
                <option value="">{tr.s("Canned response…")}</option>
                {canned.into_iter()
                    .map(|c| view! { <option value=c.id.to_string()>"/" {c.shortcut} " — " {c.title}</option> })
                    .collect_view()}
            </select>
        }
    });
    let typing_id = conversation_id.clone();
    view! {
        {picker}
        <ActionForm action=actions.reply attr:class="reply" attr:data-testid="reply-form">
            <input type="hidden" name="conversation_id" value=conversation_id/>
            <textarea name="content" rows="3" required=true placeholder=tr.s("Write to the customer…") node_ref=text
                aria-label=tr.s("Reply to the customer")
                on:input=move |ev| {
                    draft.set(event_target_value(&ev));
                    live.typing(&typing_id);
                }
                prop:value=move || draft.get()>{draft.get_untracked()}</textarea>
            <button type="submit">{tr.s("Send")}</button>
        </ActionForm>
    }
}

/// One message of the transcript; `seen` marks the last one the customer has seen.
#[component]
pub fn MessageItem(message: ChatMessageOut, #[prop(optional)] seen: bool, tr: crate::i18n::T) -> impl IntoView {
    let role = message.role.as_str();
    let who = tr.s(role);
    view! {
        <li class=format!("message {role}") data-seq=message.seq data-role=role>
            <span class="who">{who}</span>
            <span class="when">{message.timestamp.format("%H:%M").to_string()}</span>
            <p>{message.content}</p>
            {seen.then(|| view! { <span class="seen" data-testid="seen">{tr.s("Seen by the customer")}</span> })}
        </li>
    }
}
