//! Staff accounts, ADMIN only (checked by the domain service).

use domain::model::UserOut;
use leptos::prelude::*;

use super::AppError;

/// Every staff account.
#[server(prefix = "/_sfn", endpoint = "users/list")]
pub async fn list_users() -> Result<Vec<UserOut>, AppError> {
    use super::session;
    let state = session::state()?;
    let user = session::require_user(&[domain::model::Role::Admin]).await?;
    Ok(domain::users::list(&state, &user).await?)
}

/// Creates a staff account.
#[server(prefix = "/_sfn", endpoint = "users/create")]
pub async fn create_user(
    username: String,
    email: String,
    full_name: String,
    password: String,
    role: String,
) -> Result<UserOut, AppError> {
    use super::session;
    let state = session::state()?;
    let user = session::current_user().await?;
    let role = role.parse().map_err(|e: domain::model::ParseRoleError| AppError::Invalid(e.to_string()))?;
    let req = domain::model::CreateUserRequest { username, email, full_name, password, role };
    let meta = session::request_meta().await;
    Ok(domain::users::create(&state, &user, &req, &meta).await?)
}

/// Changes a staff member's role or active flag.
#[server(prefix = "/_sfn", endpoint = "users/update")]
pub async fn update_user(id: i32, role: Option<String>, is_active: Option<bool>) -> Result<UserOut, AppError> {
    use super::session;
    let state = session::state()?;
    let user = session::current_user().await?;
    let role = match role {
        Some(r) => Some(r.parse().map_err(|e: domain::model::ParseRoleError| AppError::Invalid(e.to_string()))?),
        None => None,
    };
    let req = domain::model::UpdateUserRequest { role, is_active, ..Default::default() };
    let meta = session::request_meta().await;
    Ok(domain::users::update(&state, &user, id, &req, &meta).await?)
}
