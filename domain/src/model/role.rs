//! Staff roles. Serialised upper case (`"ADMIN"`), parsed case-insensitively.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a staff member may do. Ordered from most to least privileged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "server", derive(sea_orm::DeriveValueType))]
#[cfg_attr(feature = "server", sea_orm(value_type = "String"))]
pub enum Role {
    /// Everything, including users and system settings.
    Admin,
    /// All tickets and conversations, the knowledge base, reports.
    Supervisor,
    /// Own and unassigned tickets.
    Agent,
    /// Read only.
    Viewer,
}

impl Role {
    /// Every role, most privileged first.
    pub const ALL: [Role; 4] = [Role::Admin, Role::Supervisor, Role::Agent, Role::Viewer];

    /// The upper-case wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "ADMIN",
            Role::Supervisor => "SUPERVISOR",
            Role::Agent => "AGENT",
            Role::Viewer => "VIEWER",
        }
    }
}

super::enums::string_schema!(Role, "staff role", ["ADMIN", "SUPERVISOR", "AGENT", "VIEWER"]);

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name that is none of ADMIN, SUPERVISOR, AGENT, VIEWER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseRoleError(pub String);

impl fmt::Display for ParseRoleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown role '{}': expected one of admin, supervisor, agent, viewer", self.0)
    }
}

impl std::error::Error for ParseRoleError {}

impl FromStr for Role {
    type Err = ParseRoleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_uppercase().as_str() {
            "ADMIN" => Ok(Role::Admin),
            "SUPERVISOR" => Ok(Role::Supervisor),
            "AGENT" => Ok(Role::Agent),
            "VIEWER" => Ok(Role::Viewer),
            _ => Err(ParseRoleError(s.to_owned())),
        }
    }
}

impl Serialize for Role {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_any_case_and_prints_upper() {
        assert_eq!("agent".parse::<Role>(), Ok(Role::Agent));
        assert_eq!(" Supervisor ".parse::<Role>(), Ok(Role::Supervisor));
        assert!("root".parse::<Role>().is_err());
        assert_eq!(serde_json::to_string(&Role::Admin).ok().as_deref(), Some("\"ADMIN\""));
        let r: Result<Role, _> = serde_json::from_str("\"viewer\"");
        assert_eq!(r.ok(), Some(Role::Viewer));
    }
}
