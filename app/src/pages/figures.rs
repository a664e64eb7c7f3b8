//! `/figures`: a staff member's own work over a period — tickets, response and resolution times,
//! ratings and the hours they were online, day by day. ADMIN, SUPERVISOR and VIEWER can pick
//! anyone (`?agent=`) and download everyone's working hours. Rendered on the server; the period and
//! person are a plain form.

use domain::model::AgentReport;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::analytics::load_figures;
use crate::components::chart::BarChart;
use crate::components::forbidden::load_error;
use crate::components::stats::{StatCards, periods};
use crate::i18n::{T, use_t};

#[component]
pub fn FiguresPage() -> impl IntoView {
    let query = use_query_map();
    let days = move || query.read().get("days").and_then(|d| d.parse::<i64>().ok()).unwrap_or(7);
    let agent = move || query.read().get("agent").and_then(|d| d.parse::<i32>().ok());
    let data = Resource::new(move || (days(), agent()), |(d, a)| load_figures(d, a));
    let tr = use_t();
    view! {
        <h1>{tr.s("Figures")}</h1>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((report, people)) => view! {
                        <Choice days=days() people chosen=report.agent_id tr/>
                        <Report r=report tr/>
                    }
                    .into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// The period, and for leads the person.
#[component]
fn Choice(days: i64, people: Vec<(i32, String)>, chosen: i32, tr: T) -> impl IntoView {
    let lead = !people.is_empty();
    let person = lead.then(|| {
        view! {
            <label>{tr.s("Person")}" "
                <select name="agent">
                    {people.into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=id == chosen>{name}</option>
                    }).collect_view()}
                </select>
            </label>
        }
    });
    let hours = lead.then(|| {
        view! {
            <p class="exports">{tr.fill("Everyone's working hours, last {} days:", &[&days])}" "
                <a href=format!("/api/v1/export/working-hours?format=csv&days={days}") download=""
                    data-testid="hours-csv">"CSV"</a>" · "
                <a href=format!("/api/v1/export/working-hours?format=json&days={days}") download="">"JSON"</a>
                " "{tr.s("(ADMIN and SUPERVISOR)")}
            </p>
        }
    });
    view! {
        <Form method="GET" action="" attr:class="inline" attr:data-testid="figures-choice">
            {person}
            <label>{tr.s("Period")}" "
                <select name="days">
                    {periods(tr).into_iter().map(|(d, name)| view! {
                        <option value=d.to_string() selected=days == d>{name}</option>
                    }).collect_view()}
                </select>
            </label>
            <button type="submit" class="secondary">{tr.s("Show")}</button>
        </Form>
        {hours}
    }
}

fn hours(secs: i64) -> String {
    format!("{}:{:02}", secs / 3600, secs % 3600 / 60)
}

#[component]
fn Report(r: AgentReport, tr: T) -> impl IntoView {
    let cards = vec![
        (tr.s("Tickets assigned"), r.tickets_assigned.to_string(), tr.s("opened in the period").to_owned()),
        (tr.s("Tickets resolved"), r.tickets_resolved.to_string(), tr.s("in the period").to_owned()),
        (tr.s("First response"), format!("{} min", tr.num(r.avg_first_response_minutes, 1)), tr.s("mean").to_owned()),
        (tr.s("Resolution"), format!("{} min", tr.num(r.avg_resolution_minutes, 1)), tr.s("mean").to_owned()),
        (tr.s("Conversations"), r.conversations_handled.to_string(), tr.s("assigned to them").to_owned()),
        (tr.s("CSAT"), format!("{} / 5", tr.num(r.csat, 1)), tr.fill("{} ratings", &[&r.ratings])),
        (tr.s("Hours worked"), hours(r.worked_total_secs), tr.s("online or away").to_owned()),
    ];
    let labels: Vec<String> = r.worked.iter().map(|d| tr.date(&d.date, true)).collect();
    let minutes: Vec<u64> = r.worked.iter().map(|d| u64::try_from(d.seconds / 60).unwrap_or(0)).collect();
    view! {
        <h2 data-testid="figures-name">{r.name.clone()} ", " {tr.fill("last {} days", &[&r.days])}</h2>
        <StatCards cards testid="figures-cards"/>
        <div class="charts">
            <BarChart title=tr.fill("Minutes worked per day, last {} days", &[&r.days]) labels values=minutes
                testid="chart-worked"/>
        </div>
        <table data-testid="worked-days">
            <caption>{tr.s("Hours worked by day (h:mm)")}</caption>
            <thead><tr><th scope="col">{tr.s("Day")}</th><th scope="col">{tr.s("Worked")}</th></tr></thead>
            <tbody>
                {r.worked.into_iter().rev().map(|d| view! {
                    <tr><td>{tr.date(&d.date, false)}</td><td>{hours(d.seconds)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
