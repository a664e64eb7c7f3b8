//! `/knowledge`: the knowledge base. Any staff member reads; ADMIN and SUPERVISOR write (the
//! domain checks it and audits every write).

use axum::http::StatusCode;
use domain::model::{ArticleFilter, ArticleOut, CreateArticleRequest, SearchParams, UpdateArticleRequest};

use crate::error::ApiResult;
use crate::extract::{Desk, Json, Path, Query};
use crate::openapi::errors::{Forbidden, NotFound, StaffErrors, Unauthorized};

/// `GET /knowledge/search?q=&category=`: active articles, best first.
#[utoipa::path(get, path = "/knowledge/search", tag = "knowledge", operation_id = "knowledge_search",
    params(SearchParams), responses((status = 200, description = "OK", body = [ArticleOut]), StaffErrors),
    security(("bearer" = [])))]
pub async fn search(
    Desk { state, actor, .. }: Desk,
    Query(params): Query<SearchParams>,
) -> ApiResult<Json<Vec<ArticleOut>>> {
    Ok(Json(domain::knowledge::search(&state, &actor, &params).await?))
}

/// `GET /knowledge?category=&language=&is_active=&limit=&offset=`.
#[utoipa::path(get, path = "/knowledge", tag = "knowledge", operation_id = "knowledge_list", params(ArticleFilter),
    responses((status = 200, description = "OK", body = [ArticleOut]), StaffErrors), security(("bearer" = [])))]
pub async fn list(
    Desk { state, actor, .. }: Desk,
    Query(filter): Query<ArticleFilter>,
) -> ApiResult<Json<Vec<ArticleOut>>> {
    Ok(Json(domain::knowledge::list(&state, &actor, &filter).await?))
}

/// `GET /knowledge/categories`: the categories in use.
#[utoipa::path(get, path = "/knowledge/categories", tag = "knowledge", operation_id = "knowledge_categories",
    responses((status = 200, description = "OK", body = [String]), Unauthorized, Forbidden), security(("bearer" = [])))]
pub async fn categories(Desk { state, actor, .. }: Desk) -> ApiResult<Json<Vec<String>>> {
    Ok(Json(domain::knowledge::categories(&state, &actor).await?))
}

/// `POST /knowledge` → 201.
#[utoipa::path(post, path = "/knowledge", tag = "knowledge", operation_id = "knowledge_create",
    request_body = CreateArticleRequest,
    responses((status = 201, description = "Created", body = ArticleOut), StaffErrors), security(("bearer" = [])))]
pub async fn create(
    Desk { state, actor, meta }: Desk,
    Json(req): Json<CreateArticleRequest>,
) -> ApiResult<(StatusCode, Json<ArticleOut>)> {
    let article = domain::knowledge::create(&state, &actor, &req, &meta).await?;
    Ok((StatusCode::CREATED, Json(article)))
}

/// `GET /knowledge/{id}`.
#[utoipa::path(get, path = "/knowledge/{id}", tag = "knowledge", operation_id = "knowledge_get",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 200, description = "OK", body = ArticleOut), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn get(Desk { state, actor, .. }: Desk, Path(id): Path<i32>) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(domain::knowledge::get(&state, &actor, id).await?))
}

/// `PUT /knowledge/{id}`.
#[utoipa::path(put, path = "/knowledge/{id}", tag = "knowledge", operation_id = "knowledge_update",
    params(("id" = i64, Path, description = "The id")), request_body = UpdateArticleRequest,
    responses((status = 200, description = "OK", body = ArticleOut), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn update(
    Desk { state, actor, meta }: Desk,
    Path(id): Path<i32>,
    Json(req): Json<UpdateArticleRequest>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(domain::knowledge::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /knowledge/{id}` → 204: deactivates the article.
#[utoipa::path(delete, path = "/knowledge/{id}", tag = "knowledge", operation_id = "knowledge_deactivate",
    params(("id" = i64, Path, description = "The id")),
    responses((status = 204, description = "Done, no body"), StaffErrors, NotFound), security(("bearer" = [])))]
pub async fn deactivate(Desk { state, actor, meta }: Desk, Path(id): Path<i32>) -> ApiResult<StatusCode> {
    domain::knowledge::deactivate(&state, &actor, id, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
