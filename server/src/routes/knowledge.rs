//! `/knowledge`: the knowledge base. Any staff member reads; ADMIN and SUPERVISOR write (the
//! domain checks it and audits every write).

use axum::extract::State;
use axum::http::StatusCode;
use domain::AppState;
use domain::model::{ArticleFilter, ArticleOut, CreateArticleRequest, SearchParams, UpdateArticleRequest};

use crate::error::ApiResult;
use crate::extract::{Json, Meta, Path, Query, Staff};

/// `GET /knowledge/search?q=&category=`: active articles, best first.
pub async fn search(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Query(params): Query<SearchParams>,
) -> ApiResult<Json<Vec<ArticleOut>>> {
    Ok(Json(domain::knowledge::search(&state, &actor, &params).await?))
}

/// `GET /knowledge?category=&language=&is_active=&limit=&offset=`.
pub async fn list(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Query(filter): Query<ArticleFilter>,
) -> ApiResult<Json<Vec<ArticleOut>>> {
    Ok(Json(domain::knowledge::list(&state, &actor, &filter).await?))
}

/// `GET /knowledge/categories`: the categories in use.
pub async fn categories(State(state): State<AppState>, Staff(actor): Staff) -> ApiResult<Json<Vec<String>>> {
    Ok(Json(domain::knowledge::categories(&state, &actor).await?))
}

/// `POST /knowledge` → 201.
pub async fn create(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Json(req): Json<CreateArticleRequest>,
) -> ApiResult<(StatusCode, Json<ArticleOut>)> {
    let article = domain::knowledge::create(&state, &actor, &req, &meta).await?;
    Ok((StatusCode::CREATED, Json(article)))
}

/// `GET /knowledge/{id}`.
pub async fn get(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Path(id): Path<i32>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(domain::knowledge::get(&state, &actor, id).await?))
}

/// `PUT /knowledge/{id}`.
pub async fn update(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i32>,
    Json(req): Json<UpdateArticleRequest>,
) -> ApiResult<Json<ArticleOut>> {
    Ok(Json(domain::knowledge::update(&state, &actor, id, &req, &meta).await?))
}

/// `DELETE /knowledge/{id}` → 204: deactivates the article.
pub async fn deactivate(
    State(state): State<AppState>,
    Staff(actor): Staff,
    Meta(meta): Meta,
    Path(id): Path<i32>,
) -> ApiResult<StatusCode> {
    domain::knowledge::deactivate(&state, &actor, id, &meta).await?;
    Ok(StatusCode::NO_CONTENT)
}
