//! Settings. System settings: ADMIN writes them (audited), ADMIN and SUPERVISOR read them, and
//! those marked public anyone reads. User settings: each staff member reads and writes only their
//! own. Values are JSON; the keys JoxAI reads itself ([`known::KNOWN`]: the assistant's
//! threshold, the greetings, business hours, agent capacity) are checked when written and take
//! effect at once, without a restart.

pub mod known;
mod panel;

pub use panel::{overview, put_system};

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::Value;

use crate::audit::RequestMeta;
use crate::auth::CurrentUser;
use crate::entities::settings;
use crate::error::{DomainError, DomainResult, on_unique};
use crate::model::{
    CreateSettingRequest, PublicSettingOut, Role, SettingCreated, SettingDeleted, SettingOut, SettingType,
    SettingUpdated, SettingValue, SettingsFilter, UpdateSettingRequest, UserSettingOut, UserSettingRequest,
};
use crate::state::AppState;
pub use crate::state::{Overrides, Rate, Runtime};

const READERS: [Role; 2] = [Role::Admin, Role::Supervisor];
const MAX_VALUE_BYTES: usize = 8 * 1024;

fn out(row: settings::Model) -> SettingOut {
    SettingOut {
        id: row.id,
        key: row.key,
        value: row.value,
        setting_type: row.setting_type,
        user_id: row.user_id,
        category: row.category,
        description: row.description,
        is_public: row.is_public,
        created_at: row.created_at,
        updated_at: row.updated_at,
    }
}

pub(crate) fn system_scope(key: &str) -> String {
    format!("system:{key}")
}

fn user_scope(user: i32, key: &str) -> String {
    format!("user:{user}:{key}")
}

/// Keys are 1 to 100 lower-case letters, digits, `.`, `_` or `-`, starting with a letter or digit.
fn check_key(key: &str) -> DomainResult<String> {
    let key = key.trim();
    let valid = !key.is_empty()
        && key.len() <= 100
        && key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
        && key.starts_with(|c: char| c.is_ascii_alphanumeric());
    if valid {
        Ok(key.to_owned())
    } else {
        Err(DomainError::validation("key", "Key is 1 to 100 of a-z, 0-9, '.', '_' or '-'"))
    }
}

fn check_value(key: &str, value: &Value) -> DomainResult<()> {
    if value.is_null() || value.to_string().len() > MAX_VALUE_BYTES || !crate::model::json_storable(value) {
        return Err(DomainError::validation("value", "Value must be JSON (not null) of at most 8 KB"));
    }
    if let Some(known) = known::find(key) {
        (known.check)(value).map_err(|why| DomainError::validation("value", format!("{key} {why}")))?;
    }
    Ok(())
}

fn check_category(category: Option<&str>, key: &str) -> DomainResult<String> {
    let fallback = known::find(key).map_or("general", |k| k.category);
    let category = category.map(str::trim).filter(|c| !c.is_empty()).unwrap_or(fallback);
    if category.len() > 64 || !category.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(DomainError::validation("category", "Category is up to 64 letters, digits, '_' or '-'"));
    }
    Ok(category.to_lowercase())
}

fn check_description(description: Option<&str>) -> DomainResult<Option<String>> {
    match description.map(str::trim).filter(|d| !d.is_empty()) {
        Some(text) if text.chars().count() > 500 => {
            Err(DomainError::validation("description", "Description must be at most 500 characters"))
        }
        other => Ok(other.map(str::to_owned)),
    }
}

async fn find_system(state: &AppState, key: &str) -> DomainResult<settings::Model> {
    settings::Entity::find()
        .filter(settings::Column::ScopeKey.eq(system_scope(key)))
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("Setting '{key}' not found")))
}

/// Reads the stored system settings into the running service after a change here, and tells the
/// other servers to do the same.
async fn changed(state: &AppState) -> DomainResult<()> {
    apply_stored(state).await?;
    state.events.tell_others(|| crate::events::Note::Settings);
    Ok(())
}

/// Reads the stored system settings into the running service (at start-up, and when another
/// server changed them).
pub async fn apply_stored(state: &AppState) -> DomainResult<()> {
    let rows =
        settings::Entity::find().filter(settings::Column::SettingType.eq(SettingType::System)).all(&state.db).await?;
    state.runtime.replace(Overrides::from_pairs(rows.iter().map(|r| (r.key.as_str(), &r.value))));
    let mut assistant = state.assistant.settings();
    assistant.policy = state.runtime.policy(&state.config);
    assistant.bank = std::sync::Arc::new(state.runtime.bank_words());
    state.assistant.set_settings(assistant);
    Ok(())
}

/// `GET /settings/system?category=` (ADMIN, SUPERVISOR), by category and key.
pub async fn list_system(
    state: &AppState,
    actor: &CurrentUser,
    filter: &SettingsFilter,
) -> DomainResult<Vec<SettingOut>> {
    actor.require(&READERS)?;
    let mut query = settings::Entity::find().filter(settings::Column::SettingType.eq(SettingType::System));
    if let Some(category) = filter.category.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        query = query.filter(settings::Column::Category.eq(category.to_lowercase()));
    }
    let rows =
        query.order_by_asc(settings::Column::Category).order_by_asc(settings::Column::Key).all(&state.db).await?;
    Ok(rows.into_iter().map(out).collect())
}

/// `GET /settings/system/{key}` (ADMIN, SUPERVISOR).
pub async fn get_system(state: &AppState, actor: &CurrentUser, key: &str) -> DomainResult<SettingValue> {
    actor.require(&READERS)?;
    let row = find_system(state, key).await?;
    Ok(SettingValue { key: row.key, value: row.value })
}

/// `POST /settings/system` → 201 (ADMIN; audited). A key that exists is a 409.
pub async fn create_system(
    state: &AppState,
    actor: &CurrentUser,
    req: &CreateSettingRequest,
    meta: &RequestMeta,
) -> DomainResult<SettingCreated> {
    actor.require(&[Role::Admin])?;
    let key = check_key(&req.key)?;
    check_value(&key, &req.value)?;
    let category = check_category(req.category.as_deref(), &key)?;
    let known = known::find(&key);
    let description =
        check_description(req.description.as_deref())?.or_else(|| known.map(|k| k.description.to_owned()));
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let row = settings::ActiveModel {
        id: sea_orm::NotSet,
        scope_key: Set(system_scope(&key)),
        key: Set(key.clone()),
        value: Set(req.value.clone()),
        setting_type: Set(SettingType::System),
        user_id: Set(None),
        category: Set(category),
        description: Set(description),
        is_public: Set(req.is_public.unwrap_or_else(|| known.is_some_and(|k| k.public))),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&txn)
    .await
    .map_err(on_unique(format!("Setting '{key}' already exists")))?;
    state.audit.commit_by(actor, txn, "setting.create", "setting", &row.key, meta).await?;
    changed(state).await?;
    Ok(SettingCreated {
        id: row.id,
        key: row.key,
        value: row.value,
        setting_type: SettingType::System,
        category: row.category,
        is_public: row.is_public,
        created_at: row.created_at,
    })
}

/// `PUT /settings/system/{key}` (ADMIN; audited).
pub async fn update_system(
    state: &AppState,
    actor: &CurrentUser,
    key: &str,
    req: &UpdateSettingRequest,
    meta: &RequestMeta,
) -> DomainResult<SettingUpdated> {
    actor.require(&[Role::Admin])?;
    let row = find_system(state, key).await?;
    if let Some(value) = &req.value {
        check_value(&row.key, value)?;
    }
    let category = match &req.category {
        Some(c) => Some(check_category(Some(c), &row.key)?),
        None => None,
    };
    let description = match &req.description {
        Some(d) => Some(check_description(Some(d))?),
        None => None,
    };
    let mut active = row.into_active_model();
    if let Some(value) = &req.value {
        active.value = Set(value.clone());
    }
    if let Some(category) = category {
        active.category = Set(category);
    }
    if let Some(description) = description {
        active.description = Set(description);
    }
    if let Some(public) = req.is_public {
        active.is_public = Set(public);
    }
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let row = active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "setting.update", "setting", &row.key, meta).await?;
    changed(state).await?;
    Ok(SettingUpdated { id: row.id, key: row.key, value: row.value, updated_at: row.updated_at })
}

/// `DELETE /settings/system/{key}` (ADMIN; audited): JoxAI goes back to its configured value.
pub async fn delete_system(
    state: &AppState,
    actor: &CurrentUser,
    key: &str,
    meta: &RequestMeta,
) -> DomainResult<SettingDeleted> {
    actor.require(&[Role::Admin])?;
    let row = find_system(state, key).await?;
    let txn = state.db.begin().await?;
    settings::Entity::delete_by_id(row.id).exec(&txn).await?;
    state.audit.commit_by(actor, txn, "setting.delete", "setting", &row.key, meta).await?;
    changed(state).await?;
    Ok(SettingDeleted { message: "Setting deleted successfully".into(), key: row.key })
}

/// `GET /settings/user/me`: the caller's own settings.
pub async fn list_mine(state: &AppState, actor: &CurrentUser) -> DomainResult<Vec<SettingOut>> {
    actor.require(&Role::ALL)?;
    let rows = settings::Entity::find()
        .filter(settings::Column::SettingType.eq(SettingType::User))
        .filter(settings::Column::UserId.eq(actor.id))
        .order_by_asc(settings::Column::Key)
        .all(&state.db)
        .await?;
    Ok(rows.into_iter().map(out).collect())
}

/// `POST /settings/user/me/{key}`: sets (or replaces) one of the caller's own settings. A new
/// `sms_phone` (where urgent alerts go) is audited first, and not stored if it cannot be.
pub async fn set_mine(
    state: &AppState,
    actor: &CurrentUser,
    key: &str,
    req: &UserSettingRequest,
    meta: &crate::audit::RequestMeta,
) -> DomainResult<UserSettingOut> {
    actor.require(&Role::ALL)?;
    let key = check_key(key)?;
    if req.value.is_null() || req.value.to_string().len() > MAX_VALUE_BYTES || !crate::model::json_storable(&req.value)
    {
        return Err(DomainError::validation("value", "Value must be JSON (not null) of at most 8 KB"));
    }
    let category = check_category(req.category.as_deref(), "")?;
    let description = check_description(req.description.as_deref())?;
    let scope = user_scope(actor.id, &key);
    if key == crate::notifications::triggers::SMS_PHONE {
        let entry = crate::audit::Entry::new("settings.sms_phone_changed", crate::audit::Outcome::Success)
            .actor(actor.id, &actor.username)
            .resource("user", actor.id);
        state.audit.record(entry, meta).await?;
    }
    let now = Utc::now();
    let existing =
        settings::Entity::find().filter(settings::Column::ScopeKey.eq(scope.as_str())).one(&state.db).await?;
    let row = match existing {
        Some(row) => {
            let mut active = row.into_active_model();
            active.value = Set(req.value.clone());
            active.category = Set(category);
            if description.is_some() {
                active.description = Set(description);
            }
            active.updated_at = Set(now);
            active.update(&state.db).await?
        }
        None => {
            settings::ActiveModel {
                id: sea_orm::NotSet,
                scope_key: Set(scope),
                key: Set(key),
                value: Set(req.value.clone()),
                setting_type: Set(SettingType::User),
                user_id: Set(Some(actor.id)),
                category: Set(category),
                description: Set(description),
                is_public: Set(false),
                created_at: Set(now),
                updated_at: Set(now),
            }
            .insert(&state.db)
            .await?
        }
    };
    Ok(UserSettingOut {
        id: row.id,
        key: row.key,
        value: row.value,
        setting_type: SettingType::User,
        user_id: row.user_id,
    })
}

/// `GET /settings/public` (no sign-in): the system settings marked public.
pub async fn public(state: &AppState) -> DomainResult<Vec<PublicSettingOut>> {
    let rows = settings::Entity::find()
        .filter(settings::Column::SettingType.eq(SettingType::System))
        .filter(settings::Column::IsPublic.eq(true))
        .order_by_asc(settings::Column::Key)
        .all(&state.db)
        .await?;
    Ok(rows.into_iter().map(|r| PublicSettingOut { id: r.id, key: r.key, value: r.value, is_public: true }).collect())
}
