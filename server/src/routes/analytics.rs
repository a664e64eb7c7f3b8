//! `/analytics`: the dashboard's figures, each computed by the database. Periods are `?days=`
//! (1 to 365) or, for audit activity, `?hours=`.

use domain::model::{
    AgentPerformance, AgentReport, AssistantStats, AuditStats, ConversationStats, CustomerAnalytics, DashboardStats,
    ErrorBody, HoursParams, PeriodParams, SlaStats, TicketStats, TimelineDay,
};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{Forbidden, Invalid, StaffErrors, Unauthorized};

/// `GET /analytics/dashboard`.
#[utoipa::path(get, path = "/analytics/dashboard", tag = "analytics", operation_id = "analytics_dashboard",
    responses(
        (status = 200, description = "OK", body = DashboardStats),
        Unauthorized,
        (status = 429, description = "Too many requests", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn dashboard(Desk { state, actor, .. }: Desk) -> ApiResult<Json<DashboardStats>> {
    Ok(Json(domain::analytics::dashboard(&state, &actor).await?))
}

/// `GET /analytics/conversations?days=7`: conversations started in the period.
#[utoipa::path(get, path = "/analytics/conversations", tag = "analytics", operation_id = "analytics_conversations",
    params(PeriodParams),
    responses((status = 200, description = "OK", body = ConversationStats), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn conversations(
    Desk { state, actor, .. }: Desk,
    Query(p): Query<PeriodParams>,
) -> ApiResult<Json<ConversationStats>> {
    Ok(Json(domain::analytics::conversations(&state, &actor, p.days).await?))
}

/// `GET /analytics/tickets`.
#[utoipa::path(get, path = "/analytics/tickets", tag = "analytics", operation_id = "analytics_tickets",
    responses((status = 200, description = "OK", body = TicketStats), Unauthorized), security(("bearer" = [])))]
pub async fn tickets(Desk { state, actor, .. }: Desk) -> ApiResult<Json<TicketStats>> {
    Ok(Json(domain::analytics::tickets(&state, &actor).await?))
}

/// `GET /analytics/agents/performance` (ADMIN, SUPERVISOR, VIEWER).
#[utoipa::path(get, path = "/analytics/agents/performance", tag = "analytics", operation_id = "analytics_agents",
    responses((status = 200, description = "OK", body = [AgentPerformance]), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn agents(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<AgentPerformance>>> {
    Ok(Json(domain::analytics::agents(&state, &actor).await?))
}

/// `GET /analytics/agents/me?days=`: the caller's own work over the period.
#[utoipa::path(get, path = "/analytics/agents/me", tag = "analytics", operation_id = "analytics_my_report",
    params(PeriodParams), responses((status = 200, description = "OK", body = AgentReport), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn my_report(Desk { state, actor, .. }: Desk, Query(p): Query<PeriodParams>) -> ApiResult<Json<AgentReport>> {
    Ok(Json(domain::analytics::agent::report(&state, &actor, None, p.days).await?))
}

/// `GET /analytics/agents/{id}?days=`: one person's work (ADMIN, SUPERVISOR, VIEWER; anyone for themselves).
#[utoipa::path(get, path = "/analytics/agents/{id}", tag = "analytics", operation_id = "analytics_agent_report",
    params(("id" = i32, Path, description = "The staff member's id"), PeriodParams),
    responses(
        (status = 200, description = "OK", body = AgentReport),
        Invalid, Unauthorized, Forbidden,
        (status = 404, description = "No such user", body = ErrorBody)
    ), security(("bearer" = [])))]
pub async fn agent_report(
    Desk { state, actor, .. }: Desk,
    Path(id): Path<i32>,
    Query(p): Query<PeriodParams>,
) -> ApiResult<Json<AgentReport>> {
    Ok(Json(domain::analytics::agent::report(&state, &actor, Some(id), p.days).await?))
}

/// `GET /analytics/sla?days=`: first-response and resolution deadlines met and missed, overall and
/// by assignee (an agent sees only their own row).
#[utoipa::path(get, path = "/analytics/sla", tag = "analytics", operation_id = "analytics_sla",
    params(PeriodParams), responses((status = 200, description = "OK", body = SlaStats), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn sla(Desk { state, actor, .. }: Desk, Query(p): Query<PeriodParams>) -> ApiResult<Json<SlaStats>> {
    Ok(Json(domain::analytics::sla::stats(&state, &actor, p.days).await?))
}

/// `GET /analytics/customers`.
#[utoipa::path(get, path = "/analytics/customers", tag = "analytics", operation_id = "analytics_customers",
    responses((status = 200, description = "OK", body = CustomerAnalytics), Unauthorized), security(("bearer" = [])))]
pub async fn customers(Desk { state, actor, .. }: Desk) -> ApiResult<Json<CustomerAnalytics>> {
    Ok(Json(domain::analytics::customers(&state, &actor).await?))
}

/// `GET /analytics/timeline?days=`: one entry per UTC day, oldest first.
#[utoipa::path(get, path = "/analytics/timeline", tag = "analytics", operation_id = "analytics_timeline",
    params(PeriodParams), responses((status = 200, description = "OK", body = [TimelineDay]), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn timeline(
    Desk { state, actor, .. }: Desk,
    Query(p): Query<PeriodParams>,
) -> ApiResult<Json<Vec<TimelineDay>>> {
    Ok(Json(domain::analytics::timeline(&state, &actor, p.days).await?))
}

/// `GET /analytics/audit?hours=24` (ADMIN, VIEWER).
#[utoipa::path(get, path = "/analytics/audit", tag = "analytics", operation_id = "analytics_audit", params(HoursParams),
    responses((status = 200, description = "OK", body = AuditStats), StaffErrors), security(("bearer" = [])))]
pub async fn audit(Desk { state, actor, .. }: Desk, Query(p): Query<HoursParams>) -> ApiResult<Json<AuditStats>> {
    Ok(Json(domain::analytics::audit(&state, &actor, p.hours).await?))
}

/// `GET /analytics/assistant?days=`: deflection, confirmed resolution, escalations, confidence,
/// times and CSAT.
#[utoipa::path(get, path = "/analytics/assistant", tag = "analytics", operation_id = "analytics_assistant",
    params(PeriodParams), responses((status = 200, description = "OK", body = AssistantStats), Invalid, Unauthorized),
    security(("bearer" = [])))]
pub async fn assistant(
    Desk { state, actor, .. }: Desk,
    Query(p): Query<PeriodParams>,
) -> ApiResult<Json<AssistantStats>> {
    Ok(Json(domain::analytics::assistant(&state, &actor, p.days).await?))
}
