//! `/tickets`: the agent workspace's queue — filters by status and priority, "mine", paging, and
//! live updates: a new, assigned or changed ticket shows up without a reload.

pub mod detail;

use domain::model::{Presence, Priority, StaffFrame, TicketOut, TicketStatus};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::tickets::{SetMyPresence, TicketPage, list_tickets, my_presence};
use crate::components::filters::{FilterSelect, any_of};
use crate::components::forbidden::load_error;
use crate::components::live::use_live;
use crate::components::pager::Pager;
use crate::i18n::{T, use_t};

/// The list's order: nearest deadline first unless `newest` is asked for.
fn sort(asked: String) -> String {
    if asked == "newest" { asked } else { "due".to_owned() }
}

/// The ticket list.
#[component]
pub fn TicketsPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let live = use_live();
    let tr = use_t();
    // Reload on ticket events only; messages do not change the list.
    let ticket_events = Memo::new(move |previous: Option<&u64>| {
        let changed = live.last.with(|frame| match frame {
            Some(StaffFrame::Resync { .. }) => true,
            Some(StaffFrame::News(n)) => n.news.is_ticket(),
            _ => false,
        });
        let previous = previous.copied().unwrap_or(0);
        if changed { previous + 1 } else { previous }
    });
    let tickets = Resource::new(
        move || {
            (
                param("status"),
                param("priority"),
                param("mine") == "1",
                sort(param("sort")),
                param("skip").parse::<u64>().unwrap_or(0),
                ticket_events.get(),
            )
        },
        |(status, priority, mine, sort, skip, _)| list_tickets(status, priority, mine, sort, skip),
    );
    view! {
        <div class="page-head">
            <h1>{tr.s("Tickets")}</h1>
            <PresenceControl/>
            <span class="muted" data-testid="live-state">
                {move || if live.connected.get() { tr.s("live") } else { "" }}
            </span>
        </div>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="ticket-filters">
            <FilterSelect name="status" label=tr.s("Status")
                options=any_of(tr, tr.s("Any status"), TicketStatus::ALL.iter().map(|s| s.as_str()))/>
            <FilterSelect name="priority" label=tr.s("Priority") options=any_of(tr, tr.s("Any priority"),
                [Priority::Urgent, Priority::High, Priority::Medium, Priority::Low].map(Priority::as_str))/>
            <FilterSelect name="sort" label=tr.s("Order")
                options=vec![("due", tr.s("Time left")), ("newest", tr.s("Newest first"))]/>
            <label class="inline-check"><input type="checkbox" name="mine" value="1"
                checked=move || param("mine") == "1"/> {tr.s("Mine")}</label>
            <button type="submit">{tr.s("Filter")}</button>
        </Form>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match tickets.await {
                    Ok(page) => view! { <TicketTable page tr/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// Online / away / offline, with open tickets against capacity and today's working time.
#[component]
fn PresenceControl() -> impl IntoView {
    let set = ServerAction::<SetMyPresence>::new();
    let tr = use_t();
    let me = Resource::new(move || set.version().get(), |_| my_presence());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                me.await.ok().map(|agent| {
                    let secs = agent.worked_today_secs;
                    let worked = format!("{}h {:02}m {}", secs / 3600, secs % 3600 / 60, tr.s("today"));
                    view! {
                        <ActionForm action=set attr:class="inline presence" attr:data-testid="presence">
                            <select name="status" aria-label=tr.s("Presence")>
                                {Presence::ALL.iter().map(|p| view! {
                                    <option value=p.as_str() selected=*p == agent.presence>{tr.s(p.as_str())}</option>
                                }).collect_view()}
                            </select>
                            <button type="submit" class="secondary">{tr.s("Set")}</button>
                            <span class="muted">
                                {agent.open_tickets} "/" {agent.capacity} " " {tr.s("open")} " · " {worked}
                            </span>
                        </ActionForm>
                    }
                })
            })}
        </Suspense>
    }
}

#[component]
fn TicketTable(page: TicketPage, tr: T) -> impl IntoView {
    if page.tickets.is_empty() {
        return view! { <p class="empty" data-testid="tickets-empty">{tr.s("No tickets match.")}</p> }.into_any();
    }
    let shown = page.tickets.len();
    view! {
        <table data-testid="tickets-table">
            <thead>
                <tr><th>{tr.s("Ticket")}</th><th>{tr.s("Subject")}</th><th>{tr.s("Customer")}</th>
                <th>{tr.s("Priority")}</th><th>{tr.s("Status")}</th><th>{tr.s("Assignee")}</th>
                <th>{tr.s("Opened")}</th><th>{tr.s("Due")}</th></tr>
            </thead>
            <tbody>{page.tickets.into_iter().map(|t| view! { <TicketRow ticket=t tr/> }).collect_view()}</tbody>
        </table>
        <Pager path="/tickets" keep=&["status", "priority", "mine", "sort"] skip=page.skip limit=page.limit shown
            total=page.total/>
    }
    .into_any()
}

#[component]
fn TicketRow(ticket: TicketOut, tr: T) -> impl IntoView {
    let class = format!("badge priority-{}", ticket.priority.as_str().to_ascii_lowercase());
    let due = ticket.clone();
    view! {
        <tr data-ticket-id=ticket.ticket_id.clone()>
            <td><a href=format!("/tickets/{}", ticket.ticket_id)>{ticket.ticket_id.clone()}</a></td>
            <td>{ticket.subject.clone()}</td>
            <td>{ticket.customer_name.clone()}</td>
            <td><span class=class>{tr.s(ticket.priority.as_str())}</span></td>
            <td>{tr.s(ticket.status.as_str())}</td>
            <td>{ticket.assigned_to_name.clone().unwrap_or_else(|| "—".into())}</td>
            <td>{tr.when(ticket.created_at)}</td>
            <td><Due ticket=due/></td>
        </tr>
    }
}

/// The time left to the ticket's next deadline, coloured: late, due within the hour, or later.
#[component]
pub fn Due(ticket: TicketOut) -> impl IntoView {
    let tr = use_t();
    let Some(due) = ticket.next_due() else {
        return view! { <span class="muted">"—"</span> }.into_any();
    };
    let left = due - chrono::Utc::now();
    let what = tr.s(if ticket.first_response_at.is_none() { "answer" } else { "resolve" });
    let (class, text) = if left <= chrono::Duration::zero() {
        ("sla late", format!("{what}: {} {}", span(-left), tr.s("overdue")))
    } else if left <= chrono::Duration::hours(1) {
        ("sla soon", format!("{what}: {} {}", span(left), tr.s("left")))
    } else {
        ("sla ok", format!("{what}: {} {}", span(left), tr.s("left")))
    };
    view! {
        <span class=class data-testid="sla" title=format!("{} {} UTC", tr.s("Due"), tr.when(due))>{text}</span>
    }
    .into_any()
}

/// `1d 3h`, `2h 05m` or `7m`.
fn span(d: chrono::Duration) -> String {
    let minutes = d.num_minutes();
    match (minutes / 1440, minutes % 1440 / 60, minutes % 60) {
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}h {m:02}m"),
        (days, h, _) => format!("{days}d {h}h"),
    }
}
