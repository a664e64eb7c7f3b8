//! The signed-in staff member's own account: their name, their password (the session goes on
//! with new cookies; every other one ends) and the phone number urgent alerts go to by SMS.

use domain::model::UserOut;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Who is signed in, and the SMS number they set (empty when none).
#[server(prefix = "/_sfn", endpoint = "account/get")]
pub async fn my_account() -> Result<(UserOut, String), AppError> {
    let Ctx { state, user, .. } = Ctx::new().await?;
    let me = domain::users::find_out(&state, user.id).await?;
    let settings = domain::settings::list_mine(&state, &user).await?;
    let phone = settings
        .iter()
        .find(|s| s.key == domain::notifications::triggers::SMS_PHONE)
        .and_then(|s| s.value.as_str().map(str::to_owned))
        .unwrap_or_default();
    Ok((me, phone))
}

/// Renames the signed-in staff member.
#[server(prefix = "/_sfn", endpoint = "account/name")]
pub async fn save_my_name(full_name: String) -> Result<UserOut, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::UpdateMeRequest { full_name };
    Ok(domain::users::update_me(&state, &user, &req, &meta).await?)
}

/// Changes the signed-in staff member's password; this browser gets the new session's cookies.
#[server(prefix = "/_sfn", endpoint = "account/password")]
pub async fn change_my_password(
    current_password: String,
    new_password: String,
    repeat_password: String,
) -> Result<(), AppError> {
    if new_password != repeat_password {
        return Err(AppError::invalid("The two new passwords differ"));
    }
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::ChangePasswordRequest { current_password, new_password };
    let tokens = domain::sessions::change_password(&state, &user, &req, &meta).await?;
    super::session::set_session(Some(&tokens)).await
}

/// Sets (or, empty, clears) the number urgent escalations are sent to by SMS.
#[server(prefix = "/_sfn", endpoint = "account/phone")]
pub async fn save_my_phone(phone: String) -> Result<(), AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::UserSettingRequest {
        value: serde_json::Value::String(phone.trim().to_owned()),
        category: None,
        description: None,
    };
    domain::settings::set_mine(&state, &user, domain::notifications::triggers::SMS_PHONE, &req, &meta).await?;
    Ok(())
}
