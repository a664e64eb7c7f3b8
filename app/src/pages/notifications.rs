//! `/notifications`: the signed-in user's notifications (the bell's list), with "mark all read";
//! for ADMIN and SUPERVISOR also the outbox's figures and the failed ones, each with "Send again".

use domain::model::{NotificationOut, NotificationStats};
use leptos::prelude::*;

use crate::api::notifications::{MarkNotificationsRead, RetryNotification, list_notifications};
use crate::components::bell::BellRefresh;
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let tr = use_t();
    let read = ServerAction::<MarkNotificationsRead>::new();
    let retry = ServerAction::<RetryNotification>::new();
    let bell = use_context::<BellRefresh>();
    let data = Resource::new(move || (read.version().get(), retry.version().get()), |_| list_notifications());
    Effect::new(move |_| {
        if read.version().get() > 0
            && let Some(bell) = bell
        {
            bell.0.update(|n| *n += 1);
        }
    });
    view! {
        <div class="page-head">
            <h1>{tr.s("Notifications")}</h1>
            <ActionForm action=read attr:class="inline">
                <button type="submit" class="secondary" data-testid="mark-read">{tr.s("Mark all read")}</button>
            </ActionForm>
        </div>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => {
                        let outbox = view.outbox.map(|(stats, failed)| view! { <Outbox stats failed retry/> });
                        view! { <List items=view.mine testid="my-notifications"/> {outbox} }.into_any()
                    }
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn List(items: Vec<NotificationOut>, testid: &'static str) -> impl IntoView {
    let tr = use_t();
    if items.is_empty() {
        return view! { <p class="empty" data-testid=testid>{tr.s("Nothing here.")}</p> }.into_any();
    }
    view! {
        <ul class="notifications" data-testid=testid>
            {items.into_iter().map(|n| {
                let class = if n.read { "notification" } else { "notification unread" };
                let link = (n.resource_type.as_deref() == Some("ticket"))
                    .then(|| n.resource_id.clone())
                    .flatten()
                    .map(|id| view! { <a href=format!("/tickets/{id}")>{id.clone()}</a> });
                view! {
                    <li class=class>
                        <strong>{n.subject.clone()}</strong>
                        " " {link}
                        <span class="meta">
                            {format!(" · {} · {} · {} UTC", n.category, n.status, tr.when(n.created_at))}
                        </span>
                        {n.error_message.clone().map(|e| view! { <span class="error">" " {e}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Outbox(
    stats: NotificationStats,
    failed: Vec<NotificationOut>,
    retry: ServerAction<RetryNotification>,
) -> impl IntoView {
    let tr = use_t();
    let figures = tr.fill(
        "{} in all: {} sent, {} waiting, {} failed.",
        &[&stats.total, &stats.sent, &stats.pending, &stats.failed],
    );
    view! {
        <h2>{tr.s("Outbox")}</h2>
        <p data-testid="outbox-stats">{figures}</p>
        {if failed.is_empty() {
            view! { <p class="empty">{tr.s("No failed notifications.")}</p> }.into_any()
        } else {
            view! {
                <table data-testid="failed-notifications">
                    <thead><tr><th>{tr.s("To")}</th><th>{tr.s("Subject")}</th><th>{tr.s("Attempts")}</th><th>
                        {tr.s("Error")}</th><th></th></tr></thead>
                    <tbody>{failed.into_iter().map(|n| {
                        let to = n.recipient_email.clone().unwrap_or_else(|| "—".into());
                        view! {
                            <tr>
                                <td>{to}</td>
                                <td>{n.subject.clone()}</td>
                                <td>{n.delivery_attempts}</td>
                                <td>{n.error_message.clone().unwrap_or_default()}</td>
                                <td>
                                    <ActionForm action=retry attr:class="inline">
                                        <input type="hidden" name="id" value=n.id/>
                                        <button type="submit" class="secondary">{tr.s("Send again")}</button>
                                    </ActionForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}</tbody>
                </table>
            }.into_any()
        }}
    }
}
