//! Inboxes (one per bank website that embeds the widget), the widget's public configuration, and
//! what the widget sends besides messages: the customer's rating and the offline form.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One opening period: `day` is `mon` … `sun`, `open` and `close` are `HH:MM` local time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OpenHours {
    pub day: String,
    pub open: String,
    pub close: String,
}

/// When people answer: local time is UTC plus `utc_offset_minutes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct BusinessHours {
    pub utc_offset_minutes: i32,
    pub days: Vec<OpenHours>,
}

impl BusinessHours {
    /// Reads the admin form's text: one period per line, `mon 09:00-18:00`; empty means always
    /// open (`None`). Times are checked by the server.
    pub fn parse_lines(text: &str, utc_offset_minutes: i32) -> Result<Option<BusinessHours>, String> {
        let mut days = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (day, range) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!("'{line}': write it like mon 09:00-18:00"))?;
            let (open, close) =
                range.trim().split_once('-').ok_or_else(|| format!("'{line}': write it like mon 09:00-18:00"))?;
            days.push(OpenHours {
                day: day.trim().to_lowercase(),
                open: open.trim().to_owned(),
                close: close.trim().to_owned(),
            });
        }
        Ok((!days.is_empty()).then_some(BusinessHours { utc_offset_minutes, days }))
    }

    /// The form's text for these hours.
    pub fn to_lines(&self) -> String {
        self.days.iter().map(|d| format!("{} {}-{}", d.day, d.open, d.close)).collect::<Vec<_>>().join("\n")
    }
}

/// The privacy notice the widget shows before the chat. With `required`, no conversation starts and
/// no offline message is taken until the customer accepts this `version`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PrivacyNotice {
    pub required: bool,
    /// The bank's name for this text, e.g. `2026-12`; a new version asks new customers again.
    pub version: String,
    /// The notice in Spanish and in English (either may be empty: the other one is shown).
    pub text_es: String,
    pub text_en: String,
}

impl PrivacyNotice {
    /// The text in `lang` (`es` or `en`), or in the other language when that one is empty.
    pub fn text(&self, lang: &str) -> &str {
        let (wanted, other) =
            if lang == "en" { (&self.text_en, &self.text_es) } else { (&self.text_es, &self.text_en) };
        if wanted.trim().is_empty() { other } else { wanted }
    }
}

/// A customer's acceptance of a privacy notice, as the profile and the data export show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ConsentOut {
    pub id: i32,
    pub inbox_id: Option<i32>,
    /// The conversation it came with, or the case number of the offline message.
    pub conversation_id: Option<String>,
    pub ticket_id: Option<String>,
    pub version: String,
    /// The language of the text the customer read.
    pub language: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub accepted_at: DateTime<Utc>,
}

/// An inbox as staff see it. The identity secret appears only when it is issued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct InboxOut {
    pub id: i32,
    /// The public key for the embed tag's `data-inbox`.
    pub key: String,
    pub name: String,
    pub allowed_origins: Vec<String>,
    pub theme_color: String,
    pub position: String,
    pub greeting_es: Option<String>,
    pub greeting_en: Option<String>,
    pub default_language: String,
    pub prechat_form: bool,
    pub business_hours: Option<BusinessHours>,
    pub privacy_notice: Option<PrivacyNotice>,
    pub active: bool,
    /// Only in the answers that issue it (create, rotate): keep it on the bank's server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_secret: Option<String>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `POST /inboxes` and `PUT /inboxes/{id}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct InboxRequest {
    pub name: String,
    /// `https://www.bank.example` (scheme, host and port only).
    pub allowed_origins: Vec<String>,
    /// `#rrggbb`; the default passes 4.5:1 contrast with white text.
    #[serde(default)]
    pub theme_color: Option<String>,
    /// `right` (default) or `left`.
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub greeting_es: Option<String>,
    #[serde(default)]
    pub greeting_en: Option<String>,
    /// `es` (default) or `en`.
    #[serde(default)]
    pub default_language: Option<String>,
    #[serde(default)]
    pub prechat_form: bool,
    #[serde(default)]
    pub business_hours: Option<BusinessHours>,
    /// None: the widget shows no notice.
    #[serde(default)]
    pub privacy_notice: Option<PrivacyNotice>,
    /// Defaults to true.
    #[serde(default)]
    pub active: Option<bool>,
}

/// `GET /widget/config?inbox=KEY`: what the widget needs before the first message (no auth).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct WidgetConfig {
    pub key: String,
    pub name: String,
    pub theme_color: String,
    pub position: String,
    pub greeting_es: String,
    pub greeting_en: String,
    pub default_language: String,
    pub prechat_form: bool,
    /// Whether people answer right now (always true without business hours).
    pub open_now: bool,
    pub business_hours: Option<BusinessHours>,
    /// What to show before the chat, if anything.
    #[serde(default)]
    pub privacy_notice: Option<PrivacyNotice>,
}

/// `GET /widget/config` parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct WidgetConfigParams {
    pub inbox: String,
}

/// `POST /chat/{id}/rating`: the customer's satisfaction, 1 to 5, and an optional comment.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RatingRequest {
    pub score: i32,
    #[serde(default)]
    pub comment: Option<String>,
}

/// The rating as stored (the comment with PII redacted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RatingOut {
    pub score: i32,
    pub comment: Option<String>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub rated_at: DateTime<Utc>,
}

/// `POST /chat/offline`: a message left outside business hours; it becomes a ticket.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OfflineMessageRequest {
    pub inbox: String,
    pub name: String,
    pub email: String,
    pub message: String,
    #[serde(default)]
    pub language: Option<String>,
    /// The version of the inbox's privacy notice the customer accepted (required when the inbox
    /// requires one).
    #[serde(default)]
    pub privacy_consent: Option<String>,
}

/// `POST /chat/offline` → 201.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct OfflineMessageResponse {
    pub ticket_id: String,
    pub message: String,
}

/// `POST /chat/identify`: links a conversation to the bank's customer through a token the bank
/// signed with the inbox secret (HS256, `sub` and `exp` required).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IdentifyRequest {
    pub conversation_id: String,
    pub identity_token: String,
}
