//! `/assistant/answers`: the accuracy log — every answer the assistant gave, filtered by verdict
//! and confidence; staff mark answers helpful or wrong.

use domain::model::AnswerRecord;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::assistant::{SetVerdict, list_answers};
use crate::components::forbidden::load_error;

/// The answer log page.
#[component]
pub fn AnswersPage() -> impl IntoView {
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let verdict = ServerAction::<SetVerdict>::new();
    let answers = Resource::new(
        move || (param("verdict"), param("max_confidence"), verdict.version().get()),
        |(v, max, _)| list_answers(v, max),
    );
    let error = move || verdict.value().get().and_then(Result::err).map(|e| e.to_string());
    view! {
        <h1>"Answer log"</h1>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="answer-filters">
            <select name="verdict" aria-label="Verdict">
                {[("", "Any verdict"), ("none", "Not reviewed"), ("helpful", "Helpful"), ("wrong", "Wrong")]
                    .into_iter()
                    .map(|(v, label)| view! { <option value=v selected=move || param("verdict") == v>{label}</option> })
                    .collect_view()}
            </select>
            <select name="max_confidence" aria-label="Confidence">
                {[("", "Any confidence"), ("0.35", "Below 35%"), ("0.6", "Below 60%")]
                    .into_iter()
                    .map(|(v, label)| view! { <option value=v selected=move || param("max_confidence") == v>{label}</option> })
                    .collect_view()}
            </select>
            <button type="submit">"Filter"</button>
        </Form>
        <p class="error" role="alert">{error}</p>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match answers.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">"No answers match."</p> }.into_any(),
                    Ok(list) => view! { <AnswerTable list verdict/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn AnswerTable(list: Vec<AnswerRecord>, verdict: ServerAction<SetVerdict>) -> impl IntoView {
    view! {
        <table data-testid="answers-table">
            <thead>
                <tr>
                    <th>"When"</th><th>"Question"</th><th>"Answer"</th><th>"Sources"</th>
                    <th>"Confidence"</th><th>"By"</th><th>"Verdict"</th><th></th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|r| view! { <AnswerRow record=r verdict/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn AnswerRow(record: AnswerRecord, verdict: ServerAction<SetVerdict>) -> impl IntoView {
    let short: String = record.answer.chars().take(160).collect();
    let answer = if short.len() < record.answer.len() { format!("{short}…") } else { short };
    let sources = record.sources.iter().map(|s| s.title.clone()).collect::<Vec<_>>().join(", ");
    let mark = move |value: &'static str, label: &'static str| {
        view! {
            <ActionForm action=verdict attr:class="inline">
                <input type="hidden" name="id" value=record.id/>
                <input type="hidden" name="verdict" value=value/>
                <button type="submit" class="small secondary">{label}</button>
            </ActionForm>
        }
    };
    view! {
        <tr data-answer-id=record.id>
            <td>{record.created_at.format("%Y-%m-%d %H:%M").to_string()}</td>
            <td>{record.question.clone()}</td>
            <td class="answer-cell">{answer}</td>
            <td>{sources}</td>
            <td>{format!("{:.0}%", record.confidence * 100.0)}</td>
            <td>{record.provider.clone()} " · " {record.latency_ms} " ms"</td>
            <td data-testid="verdict">{record.verdict.clone().unwrap_or_else(|| "—".into())}</td>
            <td class="row-actions">{mark("helpful", "Helpful")} {mark("wrong", "Wrong")}</td>
        </tr>
    }
}
