//! Trying the assistant and reviewing its answers (the accuracy log).

use domain::model::{AnswerRecord, AskResponse};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// The answer a customer would get, with sources, confidence and the escalation decision.
#[server(prefix = "/_sfn", endpoint = "assistant/ask")]
pub async fn ask_assistant(question: String) -> Result<AskResponse, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    let req = domain::model::AskRequest { question };
    Ok(domain::answers::ask(&state, &user, &req).await?)
}

/// The accuracy log, newest first. `verdict`: helpful, wrong, none or empty for all;
/// `max_confidence`: empty or a number between 0 and 1.
#[server(prefix = "/_sfn", endpoint = "assistant/answers")]
pub async fn list_answers(verdict: String, max_confidence: String) -> Result<Vec<AnswerRecord>, AppError> {
    use domain::model::{AnswerFilter, Role};
    let Ctx { state, user, .. } = Ctx::require(&Role::ALL).await?;
    let max_confidence = match max_confidence.trim() {
        "" => None,
        v => Some(v.parse::<f32>().map_err(|_| AppError::invalid("Confidence is a number between 0 and 1"))?),
    };
    let verdict = Some(verdict.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = AnswerFilter { verdict, max_confidence, limit: Some(200), ..Default::default() };
    Ok(domain::answers::list(&state, &user, &filter).await?)
}

/// Marks an answer helpful or wrong.
#[server(prefix = "/_sfn", endpoint = "assistant/verdict")]
pub async fn set_verdict(id: i64, verdict: String) -> Result<AnswerRecord, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::VerdictRequest { verdict, note: None, article_id: None };
    Ok(domain::answers::set_verdict(&state, &user, id, &req, &meta).await?)
}

/// Marks an answer wrong and names the article that should have answered: the question becomes
/// one of that article's example questions (ADMIN, SUPERVISOR; audited).
#[server(prefix = "/_sfn", endpoint = "assistant/teach")]
pub async fn teach_answer(id: i64, article_id: i32) -> Result<AnswerRecord, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::VerdictRequest { verdict: "wrong".into(), note: None, article_id: Some(article_id) };
    Ok(domain::answers::set_verdict(&state, &user, id, &req, &meta).await?)
}
