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
use crate::components::stats::{StatCards, periods};
use crate::i18n::{T, use_t};

#[component]
pub fn HomePage() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    let query = use_query_map();
    let days = move || query.read().get("days").and_then(|d| d.parse::<i64>().ok()).unwrap_or(7);
    let data = Resource::new(days, load_dashboard);
    let tr = use_t();
    let periods = periods(tr);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                user.await.ok().map(|u| view! {
                    <h1 data-testid="welcome">{tr.s("Welcome,")} " " {u.full_name}</h1>
                    <p>{tr.s("You are signed in as")} " " <strong>{tr.s(u.role.as_str())}</strong> "."</p>
                })
            })}
        </Suspense>
        <div class="page-head">
            <h2>{tr.s("Dashboard")}</h2>
            <Form method="GET" action="" attr:class="inline" attr:data-testid="period">
                <label>{tr.s("Period")} " "
                    <select name="days" aria-label=tr.s("Period")>
                        {periods.into_iter().map(|(d, name)| view! {
                            <option value=d.to_string() selected=move || days() == d>{name}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="secondary">{tr.s("Show")}</button>
            </Form>
        </div>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(d) => view! { <Figures d tr/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

fn percent(tr: T, rate: f64) -> String {
    format!("{}%", tr.num(rate * 100.0, 1))
}

#[component]
fn Figures(d: Dashboard, tr: T) -> impl IntoView {
    let o = &d.overview;
    let a = &d.assistant;
    let cards = vec![
        (tr.s("Conversations"), o.total_conversations.to_string(), tr.fill("{} active", &[&o.active_conversations])),
        (tr.s("Open tickets"), o.open_tickets.to_string(), tr.fill("{} in progress", &[&o.in_progress_tickets])),
        (tr.s("Resolved today"), o.resolved_today.to_string(), tr.fill("{} tickets in all", &[&o.total_tickets])),
        (
            tr.s("First response"),
            format!("{} min", tr.num(o.avg_response_time_minutes, 1)),
            tr.s("mean, tickets").to_owned(),
        ),
        (tr.s("CSAT"), format!("{} / 5", tr.num(o.customer_satisfaction, 1)), tr.s("mean rating").to_owned()),
        (
            tr.s("Assistant alone"),
            percent(tr, a.deflection_rate),
            tr.fill("{} of {} conversations", &[&a.assistant_only, &a.conversations]),
        ),
        (
            tr.s("Confirmed by customer"),
            percent(tr, a.confirmed_resolution_rate),
            tr.fill("{} rated 4–5", &[&a.confirmed_resolutions]),
        ),
        (
            tr.s("Escalated"),
            percent(tr, d.conversations.escalation_rate),
            tr.fill("{} conversations", &[&d.conversations.escalated]),
        ),
    ];
    let dates: Vec<String> = d.timeline.iter().map(|t| tr.date(&t.date, true)).collect();
    let per_day = |f: fn(&domain::model::TimelineDay) -> u64| d.timeline.iter().map(f).collect::<Vec<u64>>();
    let buckets: Vec<String> = (0..10).map(|i| format!("{:.1}", f64::from(i) / 10.0)).collect();
    let (reasons, reason_counts): (Vec<String>, Vec<u64>) =
        a.escalation_reasons.iter().map(|(k, v)| (k.clone(), *v)).unzip();
    let (statuses, status_counts): (Vec<String>, Vec<u64>) =
        d.tickets.by_status.iter().map(|(k, v)| (k.clone(), *v)).unzip();
    let period = tr.fill("last {} days", &[&d.days]);
    view! {
        <StatCards cards testid="dashboard-cards"/>
        <p class="exports" data-testid="exports">{tr.fill("Export the {}:", &[&period])}" "
            <a href=format!("/api/v1/export/conversations?format=csv&days={}", d.days)
                download="">{tr.s("conversations (CSV)")}</a>" · "
            <a href=format!("/api/v1/export/conversations?format=json&days={}", d.days)
                download="">{tr.s("conversations (JSON)")}</a>" · "
            <a href=format!("/api/v1/export/tickets?format=csv&days={}", d.days)
                download="">{tr.s("tickets (CSV)")}</a>" · "
            <a href=format!("/api/v1/export/analytics?format=csv&days={}", d.days)
                download="">{tr.s("analytics (CSV)")}</a>" · "
            <a href=format!("/api/v1/export/analytics?format=json&days={}", d.days)
                download="">{tr.s("analytics (JSON)")}</a>
            " "{tr.s("(ADMIN and SUPERVISOR)")}
        </p>
        <div class="charts" data-testid="dashboard-charts">
            <BarChart title=tr.fill("Conversations per day, {}", &[&period]) labels=dates.clone()
                values=per_day(|t| t.conversations) testid="chart-conversations"/>
            <BarChart title=tr.fill("Messages per day, {}", &[&period]) labels=dates.clone()
                values=per_day(|t| t.messages)
                testid="chart-messages"/>
            <BarChart title=tr.fill("Tickets opened per day, {}", &[&period]) labels=dates values=per_day(|t| t.tickets)
                testid="chart-tickets"/>
            <BarChart title=tr.fill("Assistant answers by confidence, {}", &[&period]) labels=buckets
                values=a.confidence_histogram.clone() testid="chart-confidence"/>
            <BarChart title=tr.fill("Escalations by reason, {}", &[&period]) labels=reasons values=reason_counts
                testid="chart-reasons"/>
            <BarChart title=tr.s("Tickets by status").to_owned() labels=statuses values=status_counts
                testid="chart-status"/>
            <BarChart title=tr.fill("Ratings (1–5), {}", &[&period]) labels=(1..=5).map(|i| i.to_string()).collect()
                values=a.csat_distribution.clone() testid="chart-csat"/>
        </div>
        <ServiceLevels s=d.sla.clone() period=period.clone() tr/>
        <Answers q=a.quality.clone() period tr/>
    }
}

/// First-response and resolution deadlines met, overall and by assignee.
#[component]
fn ServiceLevels(s: domain::model::SlaStats, period: String, tr: T) -> impl IntoView {
    let cell = |a: &domain::model::SlaAttainment| {
        tr.fill("{} ({} met, {} missed)", &[&percent(tr, a.rate), &a.met, &a.breached])
    };
    let rows = s
        .by_agent
        .iter()
        .map(|r| {
            let name = r.name.clone().unwrap_or_else(|| tr.s("Unassigned").to_owned());
            view! { <tr><td>{name}</td><td>{cell(&r.first_response)}</td><td>{cell(&r.resolution)}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="sla-attainment">
            <h2>{tr.fill("Service levels, tickets opened in the {}", &[&period])}</h2>
            <table>
                <thead><tr><th scope="col">{tr.s("Assignee")}</th><th scope="col">{tr.s("First response")}</th>
                    <th scope="col">{tr.s("Resolution")}</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{tr.s("All")}</th><td>{cell(&s.first_response)}</td>
                        <td>{cell(&s.resolution)}</td></tr>
                    {rows}
                </tbody>
            </table>
        </section>
    }
}

/// The assistant's answers: time by provider, staff's verdicts, and the questions it could not
/// answer (grouped), so the knowledge base grows where customers need it.
#[component]
fn Answers(q: domain::model::AnswerQuality, period: String, tr: T) -> impl IntoView {
    let verdicts = tr.fill(
        "{} reviewed: {} helpful ({}), {} wrong ({})",
        &[&q.reviewed, &q.helpful, &percent(tr, q.helpful_rate), &q.wrong, &percent(tr, q.wrong_rate)],
    );
    let topics = if q.unanswered.is_empty() {
        view! { <p class="empty">{tr.s("Every question found an answer.")}</p> }.into_any()
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
            <h2>{tr.fill("The assistant's answers, {}", &[&period])}</h2>
            <table>
                <thead><tr><th>{tr.s("Provider")}</th><th>{tr.s("Answers")}</th><th>"p50"</th>
                    <th>"p95"</th></tr></thead>
                <tbody>{q.latency.into_iter().map(|l| view! {
                    <tr><td>{l.provider}</td><td>{l.answers}</td><td>{format!("{} ms", l.p50_ms)}</td>
                        <td>{format!("{} ms", l.p95_ms)}</td></tr>
                }).collect_view()}</tbody>
            </table>
            <p>{verdicts}</p>
            <h3>{tr.s("Most asked without an answer")}</h3>
            {topics}
        </section>
    }
}
