//! `/`: the overview a signed-in staff member lands on — the dashboard. Figures and charts are
//! rendered on the server (they show without JavaScript); the period selector is a plain form
//! (`?days=`).

use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::analytics::{Dashboard, load_dashboard};
use crate::api::auth::me;
use crate::components::chart::BarChart;
use crate::components::forbidden::load_error;

/// The periods offered.
const PERIODS: [(i64, &str); 4] =
    [(7, "Last 7 days"), (14, "Last 14 days"), (30, "Last 30 days"), (90, "Last 90 days")];

#[component]
pub fn HomePage() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    let query = use_query_map();
    let days = move || query.read().get("days").and_then(|d| d.parse::<i64>().ok()).unwrap_or(7);
    let data = Resource::new(days, load_dashboard);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await.ok().map(|u| view! {
                    <h1 data-testid="welcome">"Welcome, " {u.full_name}</h1>
                    <p>"You are signed in as " <strong>{u.role.to_string()}</strong> "."</p>
                })
            })}
        </Suspense>
        <div class="page-head">
            <h2>"Dashboard"</h2>
            <Form method="GET" action="" attr:class="inline" attr:data-testid="period">
                <label>"Period "
                    <select name="days" aria-label="Period">
                        {PERIODS.iter().map(|(d, name)| view! {
                            <option value=d.to_string() selected=move || days() == *d>{*name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="secondary">"Show"</button>
            </Form>
        </div>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <Figures d/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

fn percent(rate: f64) -> String {
    format!("{:.1}%", rate * 100.0)
}

#[component]
fn Figures(d: Dashboard) -> impl IntoView {
    let o = &d.overview;
    let a = &d.assistant;
    let cards = vec![
        ("Conversations", o.total_conversations.to_string(), format!("{} active", o.active_conversations)),
        ("Open tickets", o.open_tickets.to_string(), format!("{} in progress", o.in_progress_tickets)),
        ("Resolved today", o.resolved_today.to_string(), format!("{} tickets in all", o.total_tickets)),
        ("First response", format!("{:.1} min", o.avg_response_time_minutes), "mean, tickets".to_owned()),
        ("CSAT", format!("{:.1} / 5", o.customer_satisfaction), "mean rating".to_owned()),
        (
            "Assistant alone",
            percent(a.deflection_rate),
            format!("{} of {} conversations", a.assistant_only, a.conversations),
        ),
        (
            "Confirmed by customer",
            percent(a.confirmed_resolution_rate),
            format!("{} rated 4–5", a.confirmed_resolutions),
        ),
        ("Escalated", percent(d.conversations.escalation_rate), format!("{} conversations", d.conversations.escalated)),
    ];
    let dates: Vec<String> = d.timeline.iter().map(|t| t.date[5..].to_owned()).collect();
    let per_day = |f: fn(&domain::model::TimelineDay) -> u64| d.timeline.iter().map(f).collect::<Vec<u64>>();
    let buckets: Vec<String> = (0..10).map(|i| format!("{:.1}", f64::from(i) / 10.0)).collect();
    let (reasons, reason_counts): (Vec<String>, Vec<u64>) =
        a.escalation_reasons.iter().map(|(k, v)| (k.clone(), *v)).unzip();
    let (statuses, status_counts): (Vec<String>, Vec<u64>) =
        d.tickets.by_status.iter().map(|(k, v)| (k.clone(), *v)).unzip();
    let period = format!("last {} days", d.days);
    view! {
        <div class="grid" data-testid="dashboard-cards">
            {cards.into_iter().map(|(name, value, note)| view! {
                <div class="card stat">
                    <div class="stat-name">{name}</div>
                    <div class="stat-value">{value}</div>
                    <div class="stat-note">{note}</div>
                </div>
            }).collect_view()}
        </div>
        <p class="exports" data-testid="exports">"Export the "{period.clone()}": "
            <a href=format!("/api/v1/export/conversations?format=csv&days={}", d.days)
                download="">"conversations (CSV)"</a>" · "
            <a href=format!("/api/v1/export/conversations?format=json&days={}", d.days)
                download="">"conversations (JSON)"</a>" · "
            <a href=format!("/api/v1/export/tickets?format=csv&days={}", d.days) download="">"tickets (CSV)"</a>" · "
            <a href=format!("/api/v1/export/analytics?format=csv&days={}", d.days)
                download="">"analytics (CSV)"</a>" · "
            <a href=format!("/api/v1/export/analytics?format=json&days={}", d.days) download="">"analytics (JSON)"</a>
            " (ADMIN and SUPERVISOR)"
        </p>
        <div class="charts" data-testid="dashboard-charts">
            <BarChart title=format!("Conversations per day, {period}") labels=dates.clone()
                values=per_day(|t| t.conversations) testid="chart-conversations"/>
            <BarChart title=format!("Messages per day, {period}") labels=dates.clone() values=per_day(|t| t.messages)
                testid="chart-messages"/>
            <BarChart title=format!("Tickets opened per day, {period}") labels=dates values=per_day(|t| t.tickets)
                testid="chart-tickets"/>
            <BarChart title=format!("Assistant answers by confidence, {period}") labels=buckets
                values=a.confidence_histogram.clone() testid="chart-confidence"/>
            <BarChart title=format!("Escalations by reason, {period}") labels=reasons values=reason_counts
                testid="chart-reasons"/>
            <BarChart title="Tickets by status".to_owned() labels=statuses values=status_counts testid="chart-status"/>
            <BarChart title=format!("Ratings (1–5), {period}") labels=(1..=5).map(|i| i.to_string()).collect()
                values=a.csat_distribution.clone() testid="chart-csat"/>
        </div>
        <ServiceLevels s=d.sla.clone() period=period.clone()/>
        <Answers q=a.quality.clone() period/>
    }
}

/// First-response and resolution deadlines met, overall and by assignee.
#[component]
fn ServiceLevels(s: domain::model::SlaStats, period: String) -> impl IntoView {
    let cell = |a: &domain::model::SlaAttainment| format!("{} ({} met, {} missed)", percent(a.rate), a.met, a.breached);
    let rows = s
        .by_agent
        .iter()
        .map(|r| {
            let name = r.name.clone().unwrap_or_else(|| "Unassigned".to_owned());
            view! { <tr><td>{name}</td><td>{cell(&r.first_response)}</td><td>{cell(&r.resolution)}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="sla-attainment">
            <h2>{format!("Service levels, tickets opened in the {period}")}</h2>
            <table>
                <thead><tr><th scope="col">"Assignee"</th><th scope="col">"First response"</th>
                    <th scope="col">"Resolution"</th></tr></thead>
                <tbody>
                    <tr><th scope="row">"All"</th><td>{cell(&s.first_response)}</td><td>{cell(&s.resolution)}</td></tr>
                    {rows}
                </tbody>
            </table>
        </section>
    }
}

/// The assistant's answers: time by provider, staff's verdicts, and the questions it could not
/// answer (grouped), so the knowledge base grows where customers need it.
#[component]
fn Answers(q: domain::model::AnswerQuality, period: String) -> impl IntoView {
    let verdicts = format!(
        "{} reviewed: {} helpful ({}), {} wrong ({})",
        q.reviewed,
        q.helpful,
        percent(q.helpful_rate),
        q.wrong,
        percent(q.wrong_rate)
    );
    let topics = if q.unanswered.is_empty() {
        view! { <p class="empty">"Every question found an answer."</p> }.into_any()
    } else {
        view! {
            <ol data-testid="unanswered">
                {q.unanswered.into_iter().map(|t| view! {
                    <li>
                        {t.example}" "
                        <span class="muted">{format!("× {} · {}", t.count, t.words.join(", "))}</span>
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <section class="card" data-testid="answer-quality">
            <h2>{format!("The assistant's answers, {period}")}</h2>
            <table>
                <thead><tr><th>"Provider"</th><th>"Answers"</th><th>"p50"</th><th>"p95"</th></tr></thead>
                <tbody>{q.latency.into_iter().map(|l| view! {
                    <tr><td>{l.provider}</td><td>{l.answers}</td><td>{format!("{} ms", l.p50_ms)}</td>
                        <td>{format!("{} ms", l.p95_ms)}</td></tr>
                }).collect_view()}</tbody>
            </table>
            <p>{verdicts}</p>
            <h3>"Most asked without an answer"</h3>
            {topics}
        </section>
    }
}
