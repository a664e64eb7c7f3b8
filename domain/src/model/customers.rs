//! Customers (the CRM): the bank's clients as staff see and edit them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::model::enums::wire_enum;
use crate::model::{ConversationOut, TicketOut};

wire_enum!(
    /// A person or a company.
    CustomerType, "customer type" {
        Individual => "INDIVIDUAL",
        Business => "BUSINESS",
    }
);

wire_enum!(
    /// Whether the bank serves the customer; "deleting" a customer makes it INACTIVE.
    CustomerStatus, "customer status" {
        Active => "ACTIVE",
        Inactive => "INACTIVE",
        Suspended => "SUSPENDED",
    }
);

/// A customer, as `GET /customers` lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerOut {
    pub id: i32,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub account_number: Option<String>,
    pub customer_type: CustomerType,
    pub status: CustomerStatus,
    /// Free-form JSON object (language, channel, …).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub preferences: serde_json::Value,
    pub tags: Vec<String>,
    pub notes: Option<String>,
    /// Postal address (at most 500 characters).
    #[serde(default)]
    pub address: Option<String>,
    pub assigned_agent_id: Option<i32>,
    pub created_by_id: Option<i32>,
    pub updated_by_id: Option<i32>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `GET /customers/{id}`: the customer with their conversations and tickets, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerDetail {
    #[serde(flatten)]
    pub customer: CustomerOut,
    pub conversations: Vec<ConversationOut>,
    pub tickets: Vec<TicketOut>,
    /// The privacy notices they accepted with those conversations and offline messages.
    #[serde(default)]
    pub consents: Vec<crate::model::ConsentOut>,
}

/// `POST /customers`. Only `full_name` is required.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CreateCustomerRequest {
    pub full_name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub account_number: Option<String>,
    /// INDIVIDUAL when absent.
    #[serde(default)]
    pub customer_type: Option<CustomerType>,
    /// ACTIVE when absent.
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub preferences: Option<serde_json::Value>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub assigned_agent_id: Option<i32>,
}

/// `POST /customers` → 201: the reference's short answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerCreated {
    pub id: i32,
    pub full_name: String,
    pub email: Option<String>,
    pub customer_type: CustomerType,
    pub status: CustomerStatus,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub created_at: DateTime<Utc>,
}

/// `PUT /customers/{id}`: the fields to change; absent fields stay as they are. An empty string
/// clears an optional text field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UpdateCustomerRequest {
    #[serde(default)]
    pub full_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub account_number: Option<String>,
    #[serde(default)]
    pub customer_type: Option<CustomerType>,
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub preferences: Option<serde_json::Value>,
    #[serde(default)]
    pub tags: Option<Vec<String>>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    /// 0 unassigns.
    #[serde(default)]
    pub assigned_agent_id: Option<i32>,
}

/// `PUT /customers/{id}` → 200: the reference's short answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerUpdated {
    pub id: i32,
    pub full_name: String,
    #[serde(serialize_with = "crate::model::time::utc")]
    pub updated_at: DateTime<Utc>,
}

/// `DELETE /customers/{id}` → 200 (the customer becomes INACTIVE).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerDeactivated {
    pub message: String,
    pub customer_id: i32,
}

/// `GET /customers` filters and page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct CustomerFilter {
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    pub customer_type: Option<CustomerType>,
    #[serde(default)]
    pub assigned_agent_id: Option<i32>,
    /// Default 0.
    #[serde(default)]
    pub skip: Option<u64>,
    /// Default 100, at most 500.
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `GET /customers/search`: `q` is matched against name, e-mail, phone, account number and tags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "server", into_params(parameter_in = Query))]
pub struct CustomerSearch {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub status: Option<CustomerStatus>,
    #[serde(default)]
    pub customer_type: Option<CustomerType>,
    #[serde(default)]
    pub skip: Option<u64>,
    #[serde(default)]
    pub limit: Option<u64>,
}

/// `GET /customers/stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CustomerStats {
    pub total: u64,
    pub active: u64,
    pub inactive: u64,
    pub suspended: u64,
    pub individual: u64,
    pub business: u64,
    /// Customers without an assigned agent.
    pub unassigned: u64,
    pub new_last_30_days: u64,
}
