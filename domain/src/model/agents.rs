//! Agent presence and the routing view of the team.

use serde::{Deserialize, Serialize};

use super::enums::wire_enum;

wire_enum!(
    /// Whether a staff member takes work now.
    Presence, "presence" {
        Online => "online",
        Away => "away",
        Offline => "offline",
    }
);

/// `PUT /agents/me/presence`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PresenceRequest {
    pub status: Presence,
}

/// A staff member as routing sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AgentOut {
    pub id: i32,
    pub full_name: String,
    pub role: super::Role,
    pub presence: Presence,
    /// Tickets OPEN or IN_PROGRESS assigned to them.
    pub open_tickets: u64,
    /// How many they may hold before routing skips them.
    pub capacity: u64,
    /// Seconds worked today (UTC), online or away.
    pub worked_today_secs: i64,
}
