//! `/assistant`: ask the assistant a question as a customer would, and see its answer, sources,
//! confidence and escalation decision — without starting a conversation.

pub mod answers;

use domain::model::AskResponse;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::assistant::AskAssistant;
use crate::i18n::use_t;

/// The "ask the assistant" page.
#[component]
pub fn AskPage() -> impl IntoView {
    let tr = use_t();
    let ask = ServerAction::<AskAssistant>::new();
    view! {
        <div class="page-head">
            <h1>{tr.s("Ask the assistant")}</h1>
            <div class="actions"><A href="/assistant/answers" attr:class="button secondary">
                {tr.s("Answer log")}</A></div>
        </div>
        <p class="muted">
            {tr.s("Type a question the way a customer would. Nothing is sent to a customer; the answer is kept in \
             the answer log for review.")}
        </p>
        <ActionForm action=ask attr:class="card ask" attr:data-testid="ask-form">
            <label>{tr.s("Question")} <textarea name="question" rows="3" required=true maxlength="2000"
                placeholder="¿Cómo bloqueo mi tarjeta? / How do I send money abroad?"></textarea></label>
            <button type="submit">{tr.s("Ask")}</button>
        </ActionForm>
        {move || ask.pending().get().then(|| view! { <p class="loading">{tr.s("Thinking…")}</p> })}
        {move || ask.value().get().map(|result| match result {
            Ok(response) => view! { <AnswerCard response/> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.told(tr)}</p> }.into_any(),
        })}
    }
}

#[component]
fn AnswerCard(response: AskResponse) -> impl IntoView {
    let tr = use_t();
    let m = response.metadata;
    let d = response.decision;
    let percent = (m.confidence * 100.0).round() as u32;
    view! {
        <section class="card answer" data-testid="ask-answer">
            <h2>{tr.s("Answer")}</h2>
            <p class="answer-text">{response.answer}</p>
            <dl class="facts">
                <dt>{tr.s("Confidence")}</dt>
                <dd data-testid="ask-confidence">
                    <meter min="0" max="100" value=percent low="35" optimum="100"></meter> " " {percent} "%"
                </dd>
                <dt>{tr.s("Intent")}</dt><dd data-testid="ask-intent">{m.intent}</dd>
                <dt>{tr.s("Language")}</dt><dd>{m.language}</dd>
                <dt>{tr.s("Answered by")}</dt><dd>{tr.fill("{} in {} ms", &[&m.provider, &m.latency_ms])}</dd>
                <dt>{tr.s("Sources")}</dt>
                <dd data-testid="ask-sources">
                    {if m.sources.is_empty() {
                        view! { <span class="muted">{tr.s("none")}</span> }.into_any()
                    } else {
                        view! { <ul>{m.sources.into_iter().map(|s| view! {
                            <li><a href=format!("/knowledge/{}", s.id)>{s.title}</a></li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </dd>
                <dt>{tr.s("Escalation")}</dt>
                <dd data-testid="ask-decision">
                    {if d.escalate {
                        tr.fill(
                            "Hands over to a person — {} ({}, priority {})",
                            &[&d.reason.unwrap_or_default(), &d.category.unwrap_or_default(), &d.priority],
                        )
                    } else {
                        tr.s("No hand-over").to_owned()
                    }}
                </dd>
            </dl>
        </section>
    }
}
