//! `/assistant`: ask the assistant a question as a customer would, and see its answer, sources,
//! confidence and escalation decision — without starting a conversation.

pub mod answers;

use domain::model::AskResponse;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::assistant::AskAssistant;

/// The "ask the assistant" page.
#[component]
pub fn AskPage() -> impl IntoView {
    let ask = ServerAction::<AskAssistant>::new();
    view! {
        <div class="page-head">
            <h1>"Ask the assistant"</h1>
            <div class="actions"><A href="/assistant/answers" attr:class="button secondary">"Answer log"</A></div>
        </div>
        <p class="muted">
            "Type a question the way a customer would. Nothing is sent to a customer; the answer is kept in the answer \
             log for review."
        </p>
        <ActionForm action=ask attr:class="card ask" attr:data-testid="ask-form">
            <label>"Question" <textarea name="question" rows="3" required=true maxlength="2000"
                placeholder="¿Cómo bloqueo mi tarjeta? / How do I send money abroad?"></textarea></label>
            <button type="submit">"Ask"</button>
        </ActionForm>
        {move || ask.pending().get().then(|| view! { <p class="loading">"Thinking…"</p> })}
        {move || ask.value().get().map(|result| match result {
            Ok(response) => view! { <AnswerCard response/> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        })}
    }
}

#[component]
fn AnswerCard(response: AskResponse) -> impl IntoView {
    let m = response.metadata;
    let d = response.decision;
    let percent = (m.confidence * 100.0).round() as u32;
    view! {
        <section class="card answer" data-testid="ask-answer">
            <h2>"Answer"</h2>
            <p class="answer-text">{response.answer}</p>
            <dl class="facts">
                <dt>"Confidence"</dt>
                <dd data-testid="ask-confidence">
                    <meter min="0" max="100" value=percent low="35" optimum="100"></meter> " " {percent} "%"
                </dd>
                <dt>"Intent"</dt><dd data-testid="ask-intent">{m.intent}</dd>
                <dt>"Language"</dt><dd>{m.language}</dd>
                <dt>"Answered by"</dt><dd>{m.provider} " in " {m.latency_ms} " ms"</dd>
                <dt>"Sources"</dt>
                <dd data-testid="ask-sources">
                    {if m.sources.is_empty() {
                        view! { <span class="muted">"none"</span> }.into_any()
                    } else {
                        view! { <ul>{m.sources.into_iter().map(|s| view! {
                            <li><a href=format!("/knowledge/{}", s.id)>{s.title}</a></li>
                        }).collect_view()}</ul> }.into_any()
                    }}
                </dd>
                <dt>"Escalation"</dt>
                <dd data-testid="ask-decision">
                    {if d.escalate {
                        format!(
                            "Hands over to a person — {} ({}, priority {})",
                            d.reason.unwrap_or_default(),
                            d.category.unwrap_or_default(),
                            d.priority
                        )
                    } else {
                        "No hand-over".to_owned()
                    }}
                </dd>
            </dl>
        </section>
    }
}
