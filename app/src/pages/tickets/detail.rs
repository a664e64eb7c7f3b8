//! `/tickets/{ticket_id}`: one ticket — its fields and controls (take it, status, priority), the
//! conversation's transcript with a reply box (new customer messages appear live), take over /
//! hand back / close, and internal notes.

use domain::model::{Priority, TicketStatus};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::tickets::{AddNote, TakeTicket, TicketView, UpdateTicket, get_ticket};
use crate::components::conversation::{ConversationActions, ConversationPanel};
use crate::components::forbidden::load_error;
use crate::components::live::{Live, use_live};
use crate::i18n::{T, use_t};

/// The ticket page.
#[component]
pub fn TicketPage() -> impl IntoView {
    let params = use_params_map();
    let ticket_id = move || params.read().get("ticket_id").unwrap_or_default();
    let live = use_live();
    let tr = use_t();
    let take = ServerAction::<TakeTicket>::new();
    let update = ServerAction::<UpdateTicket>::new();
    let note = ServerAction::<AddNote>::new();
    let conversation = ConversationActions::new();
    let view_data = Resource::new(
        move || {
            (
                ticket_id(),
                live.version.get(),
                take.version().get(),
                update.version().get(),
                note.version().get(),
                conversation.version(),
            )
        },
        |(id, ..)| get_ticket(id),
    );
    let errors = move || {
        [take.value().get().and_then(Result::err), update.value().get().and_then(Result::err)]
            .into_iter()
            .chain([note.value().get().and_then(Result::err)])
            .flatten()
            .map(|e| e.told(tr))
            .next()
            .or_else(|| conversation.error(tr))
    };
    view! {
        <p><A href="/tickets">{tr.s("← All tickets")}</A></p>
        <p class="error" role="alert">{errors}</p>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(data) => view! { <Ticket data take update note conversation live tr/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn Ticket(
    data: TicketView,
    take: ServerAction<TakeTicket>,
    update: ServerAction<UpdateTicket>,
    note: ServerAction<AddNote>,
    conversation: ConversationActions,
    live: Live,
    tr: T,
) -> impl IntoView {
    let t = data.ticket;
    let mine = t.assigned_to == Some(data.me);
    let [take_id, status_id, priority_id, note_id] = std::array::from_fn(|_| t.ticket_id.clone());
    let take_form = (!mine).then(move || {
        view! {
            <ActionForm action=take attr:class="inline">
                <input type="hidden" name="ticket_id" value=take_id/>
                <button type="submit" data-testid="take-ticket">{tr.s("Assign to me")}</button>
            </ActionForm>
        }
    });
    view! {
        <div class="page-head">
            <h1 data-testid="ticket-id">{t.ticket_id.clone()} " · " {t.subject.clone()}</h1>
        </div>
        <section class="card ticket-facts">
            <dl class="facts">
                <dt>{tr.s("Customer")}</dt><dd>{t.customer_name.clone()}
                {t.customer_email.clone().map(|e| format!(" <{e}>"))}</dd>
                <dt>{tr.s("Status")}</dt><dd data-testid="ticket-status">{tr.s(t.status.as_str())}</dd>
                <dt>{tr.s("Priority")}</dt><dd data-testid="ticket-priority">{tr.s(t.priority.as_str())}</dd>
                <dt>{tr.s("Category")}</dt><dd>{t.category.clone()}</dd>
                <dt>{tr.s("Service level")}</dt>
                <dd data-testid="ticket-sla"><super::Due ticket=t.clone()/> " " {deadlines(&t, tr)}</dd>
                <dt>{tr.s("Assignee")}</dt>
                <dd data-testid="ticket-assignee">
                    {t.assigned_to_name.clone().unwrap_or_else(|| tr.s("nobody yet").into())}
                </dd>
                <dt>{tr.s("Description")}</dt><dd class="answer-text">{t.description.clone()}</dd>
            </dl>
            <div class="actions">
                {take_form}
                <ActionForm action=update attr:class="inline">
                    <input type="hidden" name="ticket_id" value=status_id/>
                    <input type="hidden" name="priority" value=""/>
                    <select name="status" aria-label=tr.s("Status")>
                        {TicketStatus::ALL.iter()
                            .map(|s| view! { <option value=s.as_str() selected=*s == t.status>{s.as_str()}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit" class="secondary">{tr.s("Set status")}</button>
                </ActionForm>
                <ActionForm action=update attr:class="inline">
                    <input type="hidden" name="ticket_id" value=priority_id/>
                    <input type="hidden" name="status" value=""/>
                    <select name="priority" aria-label=tr.s("Priority")>
                        {[Priority::Urgent, Priority::High, Priority::Medium, Priority::Low].into_iter()
                            .map(|p| view! { <option value=p.as_str() selected=p == t.priority>{p.as_str()}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit" class="secondary">{tr.s("Set priority")}</button>
                </ActionForm>
            </div>
        </section>
        {data.conversation.map(|detail| {
            let canned = data.canned.clone();
            view! { <ConversationPanel detail canned actions=conversation live/> }
        })}
        <section class="card notes" data-testid="notes">
            <h2>{tr.s("Internal notes")}</h2>
            <ul>{data.notes.into_iter().map(|n| view! {
                <li><strong>{n.author_name.unwrap_or_default()}</strong> " · "
                {tr.when(n.created_at)} <p>{n.body}</p></li>
            }).collect_view()}</ul>
            <ActionForm action=note attr:class="reply">
                <input type="hidden" name="ticket_id" value=note_id/>
                <textarea name="body" rows="2" required=true placeholder=tr.s("Only staff see notes")
                    aria-label=tr.s("Internal notes")></textarea>
                <button type="submit" class="secondary">{tr.s("Add note")}</button>
            </ActionForm>
        </section>
    }
}

/// When the first answer and the resolution were due, and when they came.
fn deadlines(t: &domain::model::TicketOut, tr: T) -> String {
    let at = |d: Option<chrono::DateTime<chrono::Utc>>| d.map(|d| format!("{} UTC", tr.when(d)));
    match (at(t.first_response_due_at), at(t.resolution_due_at)) {
        (Some(first), Some(resolve)) => format!(
            "({} {first}{}; {} {resolve}{})",
            tr.s("first answer due"),
            at(t.first_response_at).map(|a| format!(", {} {a}", tr.s("given"))).unwrap_or_default(),
            tr.s("resolution due"),
            at(t.resolved_at).map(|a| format!(", {} {a}", tr.s("resolved"))).unwrap_or_default(),
        ),
        _ => format!("({})", tr.s("opened before service levels")),
    }
}
