//! A customer's fields, checked and normalised (trimmed, e-mail lower case, tags without
//! repeats) before anything is stored; each bad field gets its own 422.

use sea_orm::EntityTrait;

use crate::entities::users;
use crate::error::{DomainError, DomainResult};
use crate::model::{
    CreateCustomerRequest, CustomerOut, CustomerStatus, CustomerType, Email, Role, UpdateCustomerRequest,
};
use crate::state::AppState;

/// What gets stored.
pub(super) struct Fields {
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub account_number: Option<String>,
    pub customer_type: CustomerType,
    pub status: CustomerStatus,
    pub preferences: serde_json::Value,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    pub address: Option<String>,
    pub assigned_agent_id: Option<i32>,
}

impl Fields {
    pub fn from_create(req: &CreateCustomerRequest) -> DomainResult<Fields> {
        Ok(Fields {
            full_name: full_name(&req.full_name)?,
            email: optional(req.email.as_deref(), email)?,
            phone: optional(req.phone.as_deref(), phone)?,
            account_number: optional(req.account_number.as_deref(), account_number)?,
            customer_type: req.customer_type.unwrap_or(CustomerType::Individual),
            status: req.status.unwrap_or(CustomerStatus::Active),
            preferences: preferences(req.preferences.clone())?,
            tags: tags(req.tags.as_deref().unwrap_or_default())?,
            notes: optional(req.notes.as_deref(), notes)?,
            address: optional(req.address.as_deref(), address)?,
            assigned_agent_id: req.assigned_agent_id.filter(|&id| id != 0),
        })
    }

    /// `now` with the fields `req` names changed.
    pub fn from_update(now: &CustomerOut, req: &UpdateCustomerRequest) -> DomainResult<Fields> {
        let keep = |new: Option<&String>, old: &Option<String>, check: fn(&str) -> DomainResult<String>| match new {
            Some(value) => optional(Some(value), check),
            None => Ok(old.clone()),
        };
        Ok(Fields {
            full_name: req.full_name.as_deref().map_or_else(|| Ok(now.full_name.clone()), full_name)?,
            email: keep(req.email.as_ref(), &now.email, email)?,
            phone: keep(req.phone.as_ref(), &now.phone, phone)?,
            account_number: keep(req.account_number.as_ref(), &now.account_number, account_number)?,
            customer_type: req.customer_type.unwrap_or(now.customer_type),
            status: req.status.unwrap_or(now.status),
            preferences: match &req.preferences {
                Some(value) => preferences(Some(value.clone()))?,
                None => now.preferences.clone(),
            },
            tags: match &req.tags {
                Some(list) => tags(list)?,
                None => now.tags.clone(),
            },
            notes: keep(req.notes.as_ref(), &now.notes, notes)?,
            address: keep(req.address.as_ref(), &now.address, address)?,
            assigned_agent_id: match req.assigned_agent_id {
                Some(0) => None,
                Some(id) => Some(id),
                None => now.assigned_agent_id,
            },
        })
    }

    /// The assigned agent must be a staff member who works conversations (not a VIEWER).
    pub async fn check_agent(&self, state: &AppState) -> DomainResult<()> {
        let Some(id) = self.assigned_agent_id else { return Ok(()) };
        let user = users::Entity::find_by_id(id).one(&state.db).await?;
        let works = user.is_some_and(|u| u.is_active && u.role != Role::Viewer);
        if works { Ok(()) } else { Err(DomainError::validation("assigned_agent_id", "No active agent has that id")) }
    }
}

/// An optional text field: absent or blank is none.
fn optional(value: Option<&str>, check: fn(&str) -> DomainResult<String>) -> DomainResult<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => check(v).map(Some),
        None => Ok(None),
    }
}

fn full_name(value: &str) -> DomainResult<String> {
    let name = value.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(DomainError::validation("full_name", "Full name must be 1 to 255 characters"));
    }
    Ok(name.to_owned())
}

fn email(value: &str) -> DomainResult<String> {
    Email::parse(value)
        .map(Email::into_string)
        .ok_or_else(|| DomainError::validation("email", "E-mail address is not valid"))
}

fn phone(value: &str) -> DomainResult<String> {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !allowed || !(5..=20).contains(&digits) || value.len() > 32 {
        return Err(DomainError::validation(
            "phone",
            "Phone must have 5 to 20 digits (spaces, +, -, ( ) and . allowed)",
        ));
    }
    Ok(value.to_owned())
}

fn account_number(value: &str) -> DomainResult<String> {
    if value.len() > 64 || !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(DomainError::validation(
            "account_number",
            "Account number is up to 64 letters, digits, '-' or '_'",
        ));
    }
    Ok(value.to_owned())
}

fn notes(value: &str) -> DomainResult<String> {
    if value.chars().count() > 4000 {
        return Err(DomainError::validation("notes", "Notes must be at most 4,000 characters"));
    }
    Ok(value.to_owned())
}

fn address(value: &str) -> DomainResult<String> {
    if value.chars().count() > 500 {
        return Err(DomainError::validation("address", "Address must be at most 500 characters"));
    }
    Ok(value.to_owned())
}

fn preferences(value: Option<serde_json::Value>) -> DomainResult<serde_json::Value> {
    match value {
        None | Some(serde_json::Value::Null) => Ok(serde_json::json!({})),
        Some(object @ serde_json::Value::Object(_))
            if object.to_string().len() <= 8192 && crate::model::json_storable(&object) =>
        {
            Ok(object)
        }
        Some(_) => Err(DomainError::validation("preferences", "Preferences must be a JSON object of at most 8 KB")),
    }
}

fn tags(list: &[String]) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in list {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() || tag.chars().count() > 50 {
            return Err(DomainError::validation("tags", "Each tag must be 1 to 50 characters"));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > 20 {
        return Err(DomainError::validation("tags", "At most 20 tags"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_refuses() {
        assert_eq!(email(" Ana@Banco.MX ".trim()).ok().as_deref(), Some("ana@banco.mx"));
        assert!(email("ana@banco").is_err());
        assert!(email("@banco.mx").is_err());
        assert!(phone("+52 (55) 1234-5678").is_ok());
        assert!(phone("call me").is_err());
        assert!(account_number("ACC-123_4").is_ok());
        assert!(account_number("ACC 1").is_err());
        assert_eq!(
            tags(&["VIP".into(), " vip ".into(), "nuevo".into()]).ok(),
            Some(vec!["vip".into(), "nuevo".into()])
        );
        assert!(tags(&[" ".into()]).is_err());
        assert!(preferences(Some(serde_json::json!([1]))).is_err());
        assert_eq!(preferences(None).ok(), Some(serde_json::json!({})));
    }
}
