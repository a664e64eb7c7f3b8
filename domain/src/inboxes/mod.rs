//! Inboxes: one per bank website that embeds the widget. ADMIN manages them (audited); the widget
//! reads its public configuration by key; the frame refuses to run on origins not listed.

mod hours;
mod identity;

use chrono::Utc;
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};

pub use hours::{next_opening, open_at, validate as validate_hours};
pub use identity::verify_identity;

use crate::assistant::language::Lang;
use crate::audit::RequestMeta;
use crate::auth::CurrentUser;
use crate::entities::inboxes;
use crate::error::{DomainError, DomainResult};
use crate::model::{BusinessHours, InboxOut, InboxRequest, Role, WidgetConfig};
use crate::state::AppState;

/// The default theme: white text on it passes 4.5:1 (WCAG AA).
pub const DEFAULT_THEME: &str = "#0b5fff";

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

fn out(row: &inboxes::Model, secret: Option<String>) -> InboxOut {
    InboxOut {
        id: row.id,
        key: row.key.clone(),
        name: row.name.clone(),
        allowed_origins: origins_of(row),
        theme_color: row.theme_color.clone(),
        position: row.position.clone(),
        greeting_es: row.greeting_es.clone(),
        greeting_en: row.greeting_en.clone(),
        default_language: row.default_language.clone(),
        prechat_form: row.prechat_form,
        business_hours: hours_of(row),
        privacy_notice: crate::consents::notice_of(row),
        active: row.active,
        identity_secret: secret,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

/// The inbox's allowed origins.
pub fn origins_of(row: &inboxes::Model) -> Vec<String> {
    serde_json::from_value(row.allowed_origins.clone()).unwrap_or_default()
}

fn hours_of(row: &inboxes::Model) -> Option<BusinessHours> {
    row.business_hours.clone().and_then(|v| serde_json::from_value(v).ok())
}

/// `https://host[:port]` with nothing after it, lower case.
fn normalize_origin(origin: &str) -> Option<String> {
    let origin = origin.trim().trim_end_matches('/').to_ascii_lowercase();
    let rest = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"))?;
    let valid = !rest.is_empty()
        && rest.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        && !rest.starts_with(['.', ':', '-']);
    valid.then_some(origin)
}

struct Valid {
    name: String,
    origins: Vec<String>,
    theme: String,
    position: String,
    greeting_es: Option<String>,
    greeting_en: Option<String>,
    language: String,
    hours: Option<serde_json::Value>,
    notice: Option<serde_json::Value>,
}

fn validate(req: &InboxRequest) -> DomainResult<Valid> {
    let name = req.name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(DomainError::validation("name", "Name must be 1 to 255 characters"));
    }
    if req.allowed_origins.is_empty() || req.allowed_origins.len() > 20 {
        return Err(DomainError::validation("allowed_origins", "List 1 to 20 origins, like https://www.bank.example"));
    }
    let mut origins = Vec::new();
    for origin in &req.allowed_origins {
        let Some(origin) = normalize_origin(origin) else {
            return Err(DomainError::validation(
                "allowed_origins",
                format!("'{origin}' is not an origin: scheme and host only, like https://www.bank.example"),
            ));
        };
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    let theme = req.theme_color.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(DEFAULT_THEME);
    if theme.len() != 7 || !theme.starts_with('#') || !theme[1..].chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(DomainError::validation("theme_color", "Theme colour is #rrggbb"));
    }
    let position = match req.position.as_deref().map(str::trim).unwrap_or("right") {
        "" | "right" => "right",
        "left" => "left",
        _ => return Err(DomainError::validation("position", "Position is 'right' or 'left'")),
    };
    let language = match req.default_language.as_deref().map(str::trim).unwrap_or("es") {
        "" | "es" => "es",
        "en" => "en",
        _ => return Err(DomainError::validation("default_language", "Language is 'es' or 'en'")),
    };
    let greeting = |g: &Option<String>, field: &'static str| -> DomainResult<Option<String>> {
        match g.as_deref().map(str::trim).filter(|g| !g.is_empty()) {
            Some(g) if g.chars().count() > 1000 => {
                Err(DomainError::validation(field, "A greeting is at most 1,000 characters"))
            }
            other => Ok(other.map(str::to_owned)),
        }
    };
    let hours = match &req.business_hours {
        None => None,
        Some(h) => {
            hours::validate(h)?;
            Some(serde_json::to_value(h).map_err(|e| DomainError::Internal(e.to_string()))?)
        }
    };
    let notice = match &req.privacy_notice {
        None => None,
        Some(n) => Some(
            serde_json::to_value(crate::consents::validate(n)?).map_err(|e| DomainError::Internal(e.to_string()))?,
        ),
    };
    Ok(Valid {
        name: name.to_owned(),
        origins,
        theme: theme.to_ascii_lowercase(),
        position: position.to_owned(),
        greeting_es: greeting(&req.greeting_es, "greeting_es")?,
        greeting_en: greeting(&req.greeting_en, "greeting_en")?,
        language: language.to_owned(),
        hours,
        notice,
    })
}

async fn row(state: &AppState, id: i32) -> DomainResult<inboxes::Model> {
    inboxes::Entity::find_by_id(id).one(&state.db).await?.ok_or_else(|| DomainError::NotFound("Inbox not found".into()))
}

/// `GET /inboxes` (ADMIN).
pub async fn list(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<InboxOut>> {
    actor.require(&[Role::Admin])?;
    let rows = inboxes::Entity::find().order_by_asc(inboxes::Column::Id).all(&state.db).await?;
    Ok(rows.iter().map(|r| out(r, None)).collect())
}

/// `GET /inboxes/{id}` (ADMIN).
pub async fn get(state: &AppState, actor: &CurrentUser, id: i32) -> DomainResult<InboxOut> {
    actor.require(&[Role::Admin])?;
    Ok(out(&row(state, id).await?, None))
}

/// `POST /inboxes` → 201 (ADMIN): a new key and identity secret; the secret is shown this once.
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &InboxRequest,
    meta: &RequestMeta,
) -> DomainResult<InboxOut> {
    actor.require(&[Role::Admin])?;
    let v = validate(req)?;
    let secret = random_hex(32);
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let row = inboxes::ActiveModel {
        id: sea_orm::NotSet,
        key: Set(format!("ibx_{}", random_hex(12))),
        name: Set(v.name),
        allowed_origins: Set(serde_json::json!(v.origins)),
        theme_color: Set(v.theme),
        position: Set(v.position),
        greeting_es: Set(v.greeting_es),
        greeting_en: Set(v.greeting_en),
        default_language: Set(v.language),
        prechat_form: Set(req.prechat_form),
        business_hours: Set(v.hours),
        privacy_notice: Set(v.notice),
        identity_secret: Set(state.vault.seal(crate::vault::Field::InboxSecret, &secret)),
        active: Set(req.active.unwrap_or(true)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await?;
    state.audit.commit_by(actor, txn, "inbox.create", "inbox", row.id, meta).await?;
    Ok(out(&row, Some(secret)))
}

/// `PUT /inboxes/{id}` (ADMIN). The key and the secret stay.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &InboxRequest,
    meta: &RequestMeta,
) -> DomainResult<InboxOut> {
    actor.require(&[Role::Admin])?;
    let v = validate(req)?;
    let mut active = row(state, id).await?.into_active_model();
    active.name = Set(v.name);
    active.allowed_origins = Set(serde_json::json!(v.origins));
    active.theme_color = Set(v.theme);
    active.position = Set(v.position);
    active.greeting_es = Set(v.greeting_es);
    active.greeting_en = Set(v.greeting_en);
    active.default_language = Set(v.language);
    active.prechat_form = Set(req.prechat_form);
    active.business_hours = Set(v.hours);
    active.privacy_notice = Set(v.notice);
    if let Some(on) = req.active {
        active.active = Set(on);
    }
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "inbox.update", "inbox", id, meta).await?;
    Ok(out(&updated, None))
}

/// `POST /inboxes/{id}/secret` (ADMIN): a new identity secret (tokens signed with the old one stop
/// working), shown this once.
pub async fn rotate_secret(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    meta: &RequestMeta,
) -> DomainResult<InboxOut> {
    actor.require(&[Role::Admin])?;
    let secret = random_hex(32);
    let mut active = row(state, id).await?.into_active_model();
    active.identity_secret = Set(state.vault.seal(crate::vault::Field::InboxSecret, &secret));
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "inbox.rotate_secret", "inbox", id, meta).await?;
    Ok(out(&updated, Some(secret)))
}

/// `DELETE /inboxes/{id}` → 204 (ADMIN): deactivates it (its conversations keep their link).
pub async fn deactivate(state: &AppState, actor: &CurrentUser, id: i32, meta: &RequestMeta) -> DomainResult<()> {
    actor.require(&[Role::Admin])?;
    let mut active = row(state, id).await?.into_active_model();
    active.active = Set(false);
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "inbox.deactivate", "inbox", id, meta).await?;
    Ok(())
}

/// Reactivates a deactivated inbox (ADMIN).
pub async fn reactivate(state: &AppState, actor: &CurrentUser, id: i32, meta: &RequestMeta) -> DomainResult<InboxOut> {
    actor.require(&[Role::Admin])?;
    let mut active = row(state, id).await?.into_active_model();
    active.active = Set(true);
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let updated = active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "inbox.reactivate", "inbox", id, meta).await?;
    Ok(out(&updated, None))
}

/// The active inbox with public key `key` (404 otherwise).
pub async fn find_active(state: &AppState, key: &str) -> DomainResult<inboxes::Model> {
    inboxes::Entity::find()
        .filter(inboxes::Column::Key.eq(key.trim()))
        .filter(inboxes::Column::Active.eq(true))
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Unknown inbox".into()))
}

/// The hours people answer a conversation from inbox `id` (its own, else the system's), if any.
pub async fn hours_for(state: &AppState, id: Option<i32>) -> DomainResult<Option<BusinessHours>> {
    let own = match id {
        Some(id) => inboxes::Entity::find_by_id(id).one(&state.db).await?.as_ref().and_then(hours_of),
        None => None,
    };
    Ok(own.or_else(|| state.runtime.business_hours()))
}

/// `GET /widget/config?inbox=KEY` (public).
pub async fn widget_config(state: &AppState, key: &str) -> DomainResult<WidgetConfig> {
    let inbox = find_active(state, key).await?;
    // An inbox without hours of its own keeps the system's (`chat.business_hours`), if any.
    let hours = hours_of(&inbox).or_else(|| state.runtime.business_hours());
    let greeting =
        |custom: &Option<String>, lang| custom.clone().unwrap_or_else(|| state.runtime.greeting(&state.config, lang));
    Ok(WidgetConfig {
        key: inbox.key.clone(),
        name: inbox.name.clone(),
        theme_color: inbox.theme_color.clone(),
        position: inbox.position.clone(),
        greeting_es: greeting(&inbox.greeting_es, Lang::Es),
        greeting_en: greeting(&inbox.greeting_en, Lang::En),
        default_language: inbox.default_language.clone(),
        prechat_form: inbox.prechat_form,
        open_now: hours.as_ref().is_none_or(|h| open_at(h, Utc::now())),
        business_hours: hours,
        privacy_notice: crate::consents::notice_of(&inbox),
    })
}
