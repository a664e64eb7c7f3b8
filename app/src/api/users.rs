//! Staff accounts, ADMIN only (checked by the domain service).

use domain::model::UserOut;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Every staff account.
#[server(prefix = "/_sfn", endpoint = "users/list")]
pub async fn list_users() -> Result<Vec<UserOut>, AppError> {
    let Ctx { state, user, .. } = Ctx::require(&[domain::model::Role::Admin]).await?;
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
    let Ctx { state, user, meta } = Ctx::new().await?;
    let role = role.parse().map_err(|e: domain::model::ParseRoleError| AppError::invalid(e.to_string()))?;
    let req = domain::model::CreateUserRequest { username, email, full_name, password, role };
    Ok(domain::users::create(&state, &user, &req, &meta).await?)
}

/// Changes a staff member's role or active flag.
#[server(prefix = "/_sfn", endpoint = "users/update")]
pub async fn update_user(id: i32, role: Option<String>, is_active: Option<bool>) -> Result<UserOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let role = match role {
        Some(r) => Some(r.parse().map_err(|e: domain::model::ParseRoleError| AppError::invalid(e.to_string()))?),
        None => None,
    };
    let req = domain::model::UpdateUserRequest { role, is_active, ..Default::default() };
    Ok(domain::users::update(&state, &user, id, &req, &meta).await?)
}
