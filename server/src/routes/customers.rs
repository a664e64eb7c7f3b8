//! `/customers`: the CRM. Staff read (each profile view is audited); ADMIN, SUPERVISOR and AGENT
//! write; ADMIN and SUPERVISOR deactivate. Lists carry their total in `X-Total-Count`. The data
//! rights: ADMIN and SUPERVISOR export everything held about a customer; ADMIN erases it.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::AppState;
use domain::model::{
    CreateCustomerRequest, CustomerCreated, CustomerDataExport, CustomerDeactivated, CustomerDetail, CustomerFilter,
    CustomerOut, CustomerSearch, CustomerStats, CustomerUpdated, EraseRequest, ErasureReport, ErrorBody,
    UpdateCustomerRequest,
};
use futures::StreamExt;
use serde::Deserialize;

use crate::credentials::Credentials;
use crate::error::ApiResult;
use crate::extract::{Desk, Json, Meta, Path, Query};
use crate::openapi::errors::{Forbidden, Invalid, NotFound, StaffErrors, Unauthorized};
use crate::routes::counted;

/// `GET /customers?status=&customer_type=&assigned_agent_id=&skip=&limit=`.
#[utoipa::path(get, path = "/customers", tag = "customers", operation_id = "customers_list", params(CustomerFilter),
    responses(
        (status = 200, description = "One page, newest first; the total is in X-Total-Count", body = [CustomerOut],
            headers(("X-Total-Count" = u64, description = "How many match in all"))),
        StaffErrors
    ), security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<CustomerFilter>,
) -> ApiResult<(HeaderMap, Json<Vec<CustomerOut>>)> {
    let (list, total) = domain::customers::list(&state, &actor, &filter).await?;
    Ok(counted(list, total))
}

/// `POST /customers` → 201.
#[utoipa::path(post, path = "/customers", tag = "customers", operation_id = "customers_create",
    request_body = CreateCustomerRequest,
    responses(
        (status = 201, description = "Created", body = CustomerCreated),
        (status = 409, description = "The e-mail or account number belongs to another customer", body = ErrorBody),
        StaffErrors
    ), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CreateCustomerRequest>,
) -> ApiResult<(StatusCode, Json<CustomerCreated>)> {
    Ok((StatusCode::CREATED, Json(domain::customers::create(&state, &actor, &req, &meta).await?)))
}

/// `GET /customers/search?q=`.
#[utoipa::path(get, path = "/customers/search", tag = "customers", operation_id = "customers_search",
    params(CustomerSearch),
    responses(
        (status = 200, description = "Matches, newest first; the total is in X-Total-Count", body = [CustomerOut],
            headers(("X-Total-Count" = u64, description = "How many match in all"))),
        StaffErrors
    ), security(("bearer" = [])))]
pub async fn search(
    Desk { state, actor, .. }: Desk,
    Query(params): Query<CustomerSearch>,
) -> ApiResult<(HeaderMap, Json<Vec<CustomerOut>>)> {
    let (list, total) = domain::customers::search(&state, &actor, &params).await?;
    Ok(counted(list, total))
}

/// `GET /customers/stats`.
#[utoipa::path(get, path = "/customers/stats", tag = "customers", operation_id = "customers_stats",
    responses((status = 200, description = "OK", body = CustomerStats), Unauthorized, Forbidden),
    security(("bearer" = [])))]
pub async fn stats(Desk { state, actor, .. }: Desk) -> ApiResult<Json<CustomerStats>> {
    Ok(Json(domain::customers::stats(&state, &actor).await?))
}

/// `GET /customers/{customer_id}`: the profile with conversations and tickets (audited).
#[utoipa::path(get, path = "/customers/{customer_id}", tag = "customers", operation_id = "customers_get",
    params(("customer_id" = i32, Path, description = "The customer's id")),
    responses((status = 200, description = "OK", body = CustomerDetail), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn get(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<Json<CustomerDetail>> {
    Ok(Json(domain::customers::get(&state, &actor, id, &meta).await?))
}

/// `PUT /customers/{customer_id}`: absent fields stay as they are.
#[utoipa::path(put, path = "/customers/{customer_id}", tag = "customers", operation_id = "customers_update",
    params(("customer_id" = i32, Path, description = "The customer's id")), request_body = UpdateCustomerRequest,
    responses(
        (status = 200, description = "OK", body = CustomerUpdated),
        (status = 409, description = "The e-mail or account number belongs to another customer", body = ErrorBody),
        StaffErrors, NotFound
    ), security(("bearer" = [])))]
pub async fn update(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<UpdateCustomerRequest>,
) -> ApiResult<Json<CustomerUpdated>> {
    Ok(Json(domain::customers::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /customers/{customer_id}`: soft, the customer becomes INACTIVE.
#[utoipa::path(delete, path = "/customers/{customer_id}", tag = "customers", operation_id = "customers_deactivate",
    params(("customer_id" = i32, Path, description = "The customer's id")),
    responses((status = 200, description = "Deactivated", body = CustomerDeactivated), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn deactivate(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
) -> ApiResult<Json<CustomerDeactivated>> {
    Ok(Json(domain::customers::deactivate(&state, &actor, id, &meta).await?))
}

/// `?format=json|zip`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DataExportParams {
    /// `json` (default: one document) or `zip` (a CSV file per kind of record).
    #[serde(default)]
    pub format: Option<String>,
}

/// `GET /customers/{customer_id}/data-export`: everything held about the customer (audited), streamed.
/// Besides a bearer token, the admin panel's session cookie is accepted, so the profile's download
/// links work.
#[utoipa::path(get, path = "/customers/{customer_id}/data-export", tag = "customers",
    operation_id = "customers_data_export",
    params(("customer_id" = i32, Path, description = "The customer's id"), DataExportParams),
    responses(
        (status = 200, description = "One JSON document; with format=zip, a ZIP of CSV files (customer, \
            conversations, messages, tickets, notes, ratings, consents, audit)", body = CustomerDataExport),
        StaffErrors, NotFound, Invalid
    ),
    security(("bearer" = [])))]
pub async fn data_export(
    State(state): State<AppState>,
    credentials: Credentials,
    Meta(meta): Meta,
    Path(id): Path<i32>,
    Query(params): Query<DataExportParams>,
) -> ApiResult<Response> {
    let actor = domain::sessions::authenticate(&state, credentials.required()?).await?;
    let format = domain::privacy::Format::parse(params.format.as_deref())?;
    let pieces = domain::privacy::export(&state, &actor, id, format, &meta).await?;
    let body = Body::from_stream(pieces.map(|piece| piece.map_err(|_| std::io::Error::other("export stopped"))));
    let name = format!("customer-{id}-data.{}", format.extension());
    let content_type = [(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()))];
    Ok((crate::headers::attachment(&name), content_type, body).into_response())
}

/// `POST /customers/{customer_id}/erase` (ADMIN): removes or anonymises the customer's personal
/// data everywhere; the audit log keeps that it happened, and why.
#[utoipa::path(post, path = "/customers/{customer_id}/erase", tag = "customers", operation_id = "customers_erase",
    params(("customer_id" = i32, Path, description = "The customer's id")), request_body = EraseRequest,
    responses((status = 200, description = "Erased", body = ErasureReport), StaffErrors, NotFound),
    security(("bearer" = [])))]
pub async fn erase(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<EraseRequest>,
) -> ApiResult<Json<ErasureReport>> {
    Ok(Json(domain::privacy::erase(&state, &actor, id, &req, &meta).await?))
}
