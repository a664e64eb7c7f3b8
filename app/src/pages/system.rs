//! `/system` (ADMIN): the system's state at a glance — is the database answering, is the LLM
//! provider's breaker open, did the last e-mail go out, is the outbox draining, how many sockets
//! are open, and which version has been running for how long.

use domain::model::SystemStatus;
use leptos::prelude::*;

use crate::api::system::get_system_status;
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

#[component]
pub fn SystemPage() -> impl IntoView {
    let tr = use_t();
    let status = Resource::new(|| (), |()| get_system_status());
    view! {
        <div class="page-head">
            <h1>{tr.s("System")}</h1>
            <button type="button" class="secondary" on:click=move |_| status.refetch()>{tr.s("Refresh")}</button>
        </div>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match status.await {
                    Ok(status) => view! { <Status status/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn Status(status: SystemStatus) -> impl IntoView {
    let tr = use_t();
    let db = &status.database;
    let database = match db.latency_ms {
        Some(ms) => tr.fill(
            "{}: answers in {} ms; {} connections, {} idle",
            &[&db.backend, &tr.num(ms, 1), &db.connections, &db.idle],
        ),
        None => tr.fill("{}: not answering", &[&db.backend]),
    };
    let (llm_ok, llm) = match &status.llm {
        None => (true, tr.s("None configured: the local responder answers").to_owned()),
        Some(l) if l.breaker_open => (false, tr.fill("{}: breaker open, answering locally", &[&l.provider])),
        Some(l) => (
            true,
            tr.fill("{}: {} answered, {} failed, {} refused", &[&l.provider, &l.answered, &l.failed, &l.refused]),
        ),
    };
    let (smtp_ok, smtp) = match (&status.smtp.last, status.smtp.configured) {
        (_, false) => (false, tr.s("Not configured (JOXAI_SMTP_URL): e-mails are stored, not sent").to_owned()),
        (None, true) => (true, tr.s("Configured; nothing sent yet").to_owned()),
        (Some(d), true) if d.ok => (true, tr.fill("Last e-mail sent {} UTC", &[&tr.when(d.at)])),
        (Some(d), true) => {
            (false, tr.fill("Last e-mail failed {} UTC: {}", &[&tr.when(d.at), &d.error.clone().unwrap_or_default()]))
        }
    };
    let outbox = tr.fill("{} waiting, {} given up", &[&status.outbox.pending, &status.outbox.failed]);
    let sockets = tr.fill("{} customers, {} staff", &[&status.sockets.customers, &status.sockets.staff]);
    let events = if status.shared_events {
        tr.s("Shared with the other servers (PostgreSQL LISTEN/NOTIFY)")
    } else {
        tr.s("This server only (SQLite: one server)")
    };
    let (hours, minutes) = (status.uptime_secs / 3600, status.uptime_secs / 60 % 60);
    let uptime = tr.fill("{} since {}h {}m", &[&status.version, &hours, &minutes]);
    // (the part as tests and styles name it, as the page says it, fine, details)
    let rows = [
        ("Database", tr.s("Database"), db.ok, database),
        ("LLM provider", tr.s("LLM provider"), llm_ok, llm),
        ("E-mail", tr.s("E-mail"), smtp_ok, smtp),
        ("Outbox", tr.s("Outbox"), status.outbox.failed == 0, outbox),
        ("Sockets", tr.s("Sockets"), true, sockets),
        ("Live events", tr.s("Live events"), true, events.to_owned()),
        ("Version", tr.s("Version"), true, uptime),
    ];
    view! {
        <table data-testid="system-status">
            <thead><tr><th>{tr.s("Part")}</th><th>{tr.s("State")}</th><th>{tr.s("Details")}</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(part, name, ok, details)| view! {
                    <tr data-part=part>
                        <th scope="row">{name}</th>
                        <td class=if ok { "state ok" } else { "state problem" }>
                            {if ok { tr.s("ok") } else { tr.s("problem") }}
                        </td>
                        <td>{details}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
