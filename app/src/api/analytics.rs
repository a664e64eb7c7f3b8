//! The dashboard's figures for a period (checked by the domain).

use domain::model::{AssistantStats, ConversationStats, DashboardStats, TicketStats, TimelineDay};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Everything the dashboard draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub days: i64,
    pub overview: DashboardStats,
    pub conversations: ConversationStats,
    pub tickets: TicketStats,
    pub timeline: Vec<TimelineDay>,
    pub assistant: AssistantStats,
    pub sla: domain::model::SlaStats,
}

#[server(prefix = "/_sfn", endpoint = "analytics/dashboard")]
pub async fn load_dashboard(days: i64) -> Result<Dashboard, AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    let (checked, _) = domain::analytics::since_days(Some(days))?;
    let days = Some(checked);
    Ok(Dashboard {
        days: checked,
        overview: domain::analytics::dashboard(&state, &user).await?,
        conversations: domain::analytics::conversations(&state, &user, days).await?,
        tickets: domain::analytics::tickets(&state, &user).await?,
        timeline: domain::analytics::timeline(&state, &user, days).await?,
        assistant: domain::analytics::assistant(&state, &user, days).await?,
        sla: domain::analytics::sla::stats(&state, &user, days).await?,
    })
}

/// A person's own figures (`agent` is someone else's, for ADMIN, SUPERVISOR and VIEWER — the
/// domain checks), and the people a lead may choose from (empty for everyone else).
#[server(prefix = "/_sfn", endpoint = "analytics/figures")]
pub async fn load_figures(
    days: i64,
    agent: Option<i32>,
) -> Result<(domain::model::AgentReport, Vec<(i32, String)>), AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    let report = domain::analytics::agent::report(&state, &user, agent, Some(days)).await?;
    let people = match user.role {
        domain::model::Role::Agent => Vec::new(),
        _ => domain::tickets::routing::agents(&state, &user).await?.into_iter().map(|a| (a.id, a.full_name)).collect(),
    };
    Ok((report, people))
}
