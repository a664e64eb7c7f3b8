//! `/system` (ADMIN): the system's state at a glance — is the database answering, is the LLM
//! provider's breaker open, did the last e-mail go out, is the outbox draining, how many sockets
//! are open, and which version has been running for how long.

use domain::model::SystemStatus;
use leptos::prelude::*;

use crate::api::system::get_system_status;
use crate::components::forbidden::load_error;

#[component]
pub fn SystemPage() -> impl IntoView {
    let status = Resource::new(|| (), |()| get_system_status());
    view! {
        <div class="page-head">
            <h1>"System"</h1>
            <button type="button" class="secondary" on:click=move |_| status.refetch()>"Refresh"</button>
        </div>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match status.await {
                    Ok(status) => view! { <Status status/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// "ok" or "problem", for the state column.
fn health(ok: bool) -> &'static str {
    if ok { "ok" } else { "problem" }
}

#[component]
fn Status(status: SystemStatus) -> impl IntoView {
    let db = &status.database;
    let database = match db.latency_ms {
        Some(ms) => format!("{}: answers in {ms:.1} ms; {} connections, {} idle", db.backend, db.connections, db.idle),
        None => format!("{}: not answering", db.backend),
    };
    let (llm_ok, llm) = match &status.llm {
        None => (true, "None configured: the local responder answers".to_owned()),
        Some(l) if l.breaker_open => (false, format!("{}: breaker open, answering locally", l.provider)),
        Some(l) => {
            (true, format!("{}: {} answered, {} failed, {} refused", l.provider, l.answered, l.failed, l.refused))
        }
    };
    let (smtp_ok, smtp) = match (&status.smtp.last, status.smtp.configured) {
        (_, false) => (false, "Not configured (JOXAI_SMTP_URL): e-mails are stored, not sent".to_owned()),
        (None, true) => (true, "Configured; nothing sent yet".to_owned()),
        (Some(d), true) if d.ok => (true, format!("Last e-mail sent {}", d.at.format("%Y-%m-%d %H:%M UTC"))),
        (Some(d), true) => (
            false,
            format!(
                "Last e-mail failed {}: {}",
                d.at.format("%Y-%m-%d %H:%M UTC"),
                d.error.clone().unwrap_or_default()
            ),
        ),
    };
    let outbox = format!("{} waiting, {} given up", status.outbox.pending, status.outbox.failed);
    let sockets = format!("{} customers, {} staff", status.sockets.customers, status.sockets.staff);
    let events = if status.shared_events {
        "Shared with the other servers (PostgreSQL LISTEN/NOTIFY)"
    } else {
        "This server only (SQLite: one server)"
    };
    let uptime = format!("{} since {}h {}m", status.version, status.uptime_secs / 3600, status.uptime_secs / 60 % 60);
    let rows = [
        ("Database", health(db.ok), database),
        ("LLM provider", health(llm_ok), llm),
        ("E-mail", health(smtp_ok), smtp),
        ("Outbox", health(status.outbox.failed == 0), outbox),
        ("Sockets", "ok", sockets),
        ("Live events", "ok", events.to_owned()),
        ("Version", "ok", uptime),
    ];
    view! {
        <table data-testid="system-status">
            <thead><tr><th>"Part"</th><th>"State"</th><th>"Details"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(part, state, details)| view! {
                    <tr data-part=part>
                        <th scope="row">{part}</th>
                        <td class=format!("state {state}")>{state}</td>
                        <td>{details}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
