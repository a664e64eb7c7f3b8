//! First-run data: the configured admin (`JOXAI_ADMIN_EMAIL` + `JOXAI_ADMIN_PASSWORD`) and, in
//! development, demo staff whose credentials are printed once, and the demo knowledge base.

mod knowledge;

pub use knowledge::{DemoArticle, demo_articles, demo_knowledge};

use rand::RngCore;

use crate::error::DomainResult;
use crate::model::{CreateUserRequest, Role};
use crate::state::AppState;
use crate::users;

/// A demo account that was just created, with the password to show once.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub username: String,
    pub password: String,
    pub role: Role,
}

/// On an empty database, creates the configured admin. Returns whether it did.
pub async fn bootstrap_admin(state: &AppState) -> DomainResult<bool> {
    let (Some(email), Some(password)) = (&state.config.admin_email, &state.config.admin_password) else {
        return Ok(false);
    };
    if users::any_exist(state).await? {
        return Ok(false);
    }
    let req = CreateUserRequest {
        username: email.clone(),
        email: email.clone(),
        full_name: "Administrator".into(),
        password: password.clone(),
        role: Role::Admin,
    };
    users::create_unchecked(state, &req).await?;
    Ok(true)
}

/// On an empty database, creates demo admin, supervisor and agent accounts with random passwords.
/// Returns the accounts created (none when staff already exist).
pub async fn demo_staff(state: &AppState) -> DomainResult<Vec<DemoAccount>> {
    if users::any_exist(state).await? {
        return Ok(Vec::new());
    }
    let mut created = Vec::new();
    for (name, full, role) in [
        ("admin", "Ada Admin", Role::Admin),
        ("supervisor", "Sam Supervisor", Role::Supervisor),
        ("agent", "Alex Agent", Role::Agent),
    ] {
        let password = random_password();
        let req = CreateUserRequest {
            username: format!("{name}@joxai.local"),
            email: format!("{name}@joxai.local"),
            full_name: full.into(),
            password: password.clone(),
            role,
        };
        let user = users::create_unchecked(state, &req).await?;
        created.push(DemoAccount { username: user.username, password, role });
    }
    Ok(created)
}

fn random_password() -> String {
    let mut bytes = [0u8; 9];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The demo inbox's key, which `/demo` embeds.
pub const DEMO_INBOX: &str = "ibx_demo";

/// Where none exists, creates the demo inbox (key [`DEMO_INBOX`]) allowed on `origins` (the
/// server's own, for `/demo`). Returns whether it created it.
pub async fn demo_inbox(state: &AppState, origins: &[String]) -> DomainResult<bool> {
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

    use crate::entities::inboxes;
    if inboxes::Entity::find().filter(inboxes::Column::Key.eq(DEMO_INBOX)).one(&state.db).await?.is_some() {
        return Ok(false);
    }
    let now = chrono::Utc::now();
    let mut secret = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut secret);
    inboxes::ActiveModel {
        id: sea_orm::NotSet,
        key: Set(DEMO_INBOX.to_owned()),
        name: Set("Banco Demo".to_owned()),
        allowed_origins: Set(serde_json::json!(origins)),
        theme_color: Set(crate::inboxes::DEFAULT_THEME.to_owned()),
        position: Set("right".to_owned()),
        greeting_es: Set(None),
        greeting_en: Set(None),
        default_language: Set("es".to_owned()),
        prechat_form: Set(false),
        business_hours: Set(None),
        privacy_notice: Set(None),
        identity_secret: Set(state.vault.seal(crate::vault::Field::InboxSecret, &hex::encode(secret))),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&state.db)
    .await?;
    Ok(true)
}
