//! `/assistant/answers`: the accuracy log — every answer the assistant gave, filtered by verdict
//! and confidence; staff mark answers helpful or wrong, and supervisors can name the article that
//! should have answered, which teaches the assistant the question.

use domain::model::{AnswerRecord, ArticleOut};
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::assistant::{SetVerdict, TeachAnswer, list_answers};
use crate::api::knowledge::list_articles;
use crate::components::filters::FilterSelect;
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The answer log page.
#[component]
pub fn AnswersPage() -> impl IntoView {
    let tr = use_t();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let verdict = ServerAction::<SetVerdict>::new();
    let teach = ServerAction::<TeachAnswer>::new();
    let answers = Resource::new(
        move || (param("verdict"), param("max_confidence"), verdict.version().get(), teach.version().get()),
        |(v, max, _, _)| list_answers(v, max),
    );
    // The articles a reviewer can pick as the right one.
    let articles =
        Resource::new(|| (), |_| list_articles(String::new(), String::new(), String::new(), "active".into()));
    let error = move || {
        let failed =
            |v: Option<Result<AnswerRecord, crate::api::AppError>>| v.and_then(Result::err).map(|e| e.told(tr));
        failed(verdict.value().get()).or_else(|| failed(teach.value().get()))
    };
    view! {
        <h1>{tr.s("Answer log")}</h1>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="answer-filters">
            <FilterSelect name="verdict" label=tr.s("Verdict")
                options=vec![
                    ("", tr.s("Any verdict")), ("none", tr.s("Not reviewed")), ("helpful", tr.s("Helpful")),
                    ("wrong", tr.s("Wrong")),
                ]/>
            <FilterSelect name="max_confidence" label=tr.s("Confidence")
                options=vec![("", tr.s("Any confidence")), ("0.4", tr.s("Below 40%")), ("0.6", tr.s("Below 60%"))]/>
            <button type="submit">{tr.s("Filter")}</button>
        </Form>
        <p class="error" role="alert">{error}</p>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                let articles = articles.await.unwrap_or_default();
                match answers.await {
                    Ok(list) if list.is_empty() => view! { <p class="empty">
                        {tr.s("No answers match.")}</p> }.into_any(),
                    Ok(list) => view! { <AnswerTable list verdict teach articles/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn AnswerTable(
    list: Vec<AnswerRecord>,
    verdict: ServerAction<SetVerdict>,
    teach: ServerAction<TeachAnswer>,
    articles: Vec<ArticleOut>,
) -> impl IntoView {
    let tr = use_t();
    let mut articles = articles;
    articles.sort_by_key(|a| a.title.to_lowercase());
    view! {
        <table data-testid="answers-table">
            <thead>
                <tr>
                    <th>{tr.s("When")}</th><th>{tr.s("Question")}</th><th>{tr.s("Answer")}</th><th>
                        {tr.s("Sources")}</th>
                    <th>{tr.s("Confidence")}</th><th>{tr.s("By")}</th><th>{tr.s("Verdict")}</th><th></th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|r| {
                        let choices: Vec<(i32, String)> = articles
                            .iter()
                            .filter(|a| a.language == r.language)
                            .map(|a| (a.id, a.title.clone()))
                            .collect();
                        view! { <AnswerRow record=r verdict teach choices/> }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn AnswerRow(
    record: AnswerRecord,
    verdict: ServerAction<SetVerdict>,
    teach: ServerAction<TeachAnswer>,
    choices: Vec<(i32, String)>,
) -> impl IntoView {
    let tr = use_t();
    let learned =
        record.correct_article_id.and_then(|id| choices.iter().find(|(a, _)| *a == id)).map(|(_, t)| t.clone());
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
            <td>{tr.when(record.created_at)}</td>
            <td>{record.question.clone()}</td>
            <td class="answer-cell">{answer}</td>
            <td>{sources}</td>
            <td>{format!("{}%", tr.num(f64::from(record.confidence) * 100.0, 0))}</td>
            <td>{record.provider.clone()} " · " {record.latency_ms} " ms"</td>
            <td data-testid="verdict">
                {match record.verdict.as_deref() {
                    Some("helpful") => tr.s("helpful"),
                    Some("wrong") => tr.s("wrong"),
                    _ => "—",
                }}
                {learned.map(|title| view! { <span class="muted" data-testid="learned">" → " {title}</span> })}
            </td>
            <td class="row-actions">
                {mark("helpful", tr.s("Helpful"))} {mark("wrong", tr.s("Wrong"))}
                <ActionForm action=teach attr:class="inline teach" attr:data-testid="teach">
                    <input type="hidden" name="id" value=record.id/>
                    <select name="article_id" aria-label=tr.s("The article that should have answered") required=true>
                        <option value="">{tr.s("Right article…")}</option>
                        {choices.into_iter()
                            .map(|(id, title)| view! { <option value=id>{title}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit" class="small">{tr.s("Teach")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
