//! Customers (the CRM): list and search, the profile with its history, create, edit and
//! deactivate, and erasure of their personal data. Roles are checked by the domain (any staff
//! reads; AGENT and up edit; SUPERVISOR and up deactivate; ADMIN erases); opening a profile is
//! audited there as CUSTOMER_VIEWED.

// The save function takes the form's fields one by one (that is how `ActionForm` posts them).
#![allow(clippy::too_many_arguments)]

use domain::model::{CustomerDetail, CustomerOut};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session::Ctx;

use super::AppError;

/// Rows per page.
pub const PAGE: u64 = 25;

/// One page of customers and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub customers: Vec<CustomerOut>,
    pub total: u64,
    pub skip: u64,
}

/// Customers filtered by status and type (empty means any); a non-empty `q` searches names,
/// e-mails, phones, account numbers and tags.
#[server(prefix = "/_sfn", endpoint = "customers/list")]
pub async fn list_customers(
    q: String,
    status: String,
    customer_type: String,
    skip: u64,
) -> Result<CustomerPage, AppError> {
    use domain::model::{CustomerFilter, CustomerSearch, Role};
    let Ctx { state, user, .. } = Ctx::require(&Role::ALL).await?;
    let parse_err = |e: String| AppError::invalid(e);
    let status = Some(status.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose().map_err(parse_err)?;
    let customer_type =
        Some(customer_type.trim()).filter(|s| !s.is_empty()).map(str::parse).transpose().map_err(parse_err)?;
    let (customers, total) = if q.trim().is_empty() {
        let filter =
            CustomerFilter { status, customer_type, assigned_agent_id: None, skip: Some(skip), limit: Some(PAGE) };
        domain::customers::list(&state, &user, &filter).await?
    } else {
        let search = CustomerSearch { q, status, customer_type, skip: Some(skip), limit: Some(PAGE) };
        domain::customers::search(&state, &user, &search).await?
    };
    Ok(CustomerPage { customers, total, skip })
}

/// A customer's profile with their conversations and tickets.
#[server(prefix = "/_sfn", endpoint = "customers/get")]
pub async fn get_customer(id: i32) -> Result<CustomerDetail, AppError> {
    let Ctx { state, user, meta } = Ctx::require(&domain::model::Role::ALL).await?;
    Ok(domain::customers::get(&state, &user, id, &meta).await?)
}

/// Creates (`id` 0) or updates a customer from the form; tags are separated by commas, and an
/// empty field clears it. Returns the customer's id.
#[server(prefix = "/_sfn", endpoint = "customers/save")]
pub async fn save_customer(
    id: i32,
    full_name: String,
    email: String,
    phone: String,
    account_number: String,
    customer_type: String,
    status: String,
    tags: String,
    notes: String,
    address: String,
) -> Result<i32, AppError> {
    use domain::model::{CreateCustomerRequest, UpdateCustomerRequest};
    let Ctx { state, user, meta } = Ctx::new().await?;
    let parse_err = |e: String| AppError::invalid(e);
    let customer_type = Some(customer_type.parse().map_err(parse_err)?);
    let status = Some(status.parse().map_err(parse_err)?);
    let tags = Some(tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect());
    if id == 0 {
        let req = CreateCustomerRequest {
            full_name,
            email: Some(email),
            phone: Some(phone),
            account_number: Some(account_number),
            customer_type,
            status,
            preferences: None,
            tags,
            notes: Some(notes),
            address: Some(address),
            assigned_agent_id: None,
        };
        Ok(domain::customers::create(&state, &user, &req, &meta).await?.id)
    } else {
        let req = UpdateCustomerRequest {
            full_name: Some(full_name),
            email: Some(email),
            phone: Some(phone),
            account_number: Some(account_number),
            customer_type,
            status,
            preferences: None,
            tags,
            notes: Some(notes),
            address: Some(address),
            assigned_agent_id: None,
        };
        Ok(domain::customers::update(&state, &user, id, &req, &meta).await?.id)
    }
}

/// Deactivates a customer (soft delete).
#[server(prefix = "/_sfn", endpoint = "customers/deactivate")]
pub async fn deactivate_customer(id: i32) -> Result<i32, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    Ok(domain::customers::deactivate(&state, &user, id, &meta).await?.customer_id)
}

/// Erases a customer's personal data everywhere (ADMIN; the reason is audited). Returns the
/// customer's id.
#[server(prefix = "/_sfn", endpoint = "customers/erase")]
pub async fn erase_customer(id: i32, reason: String) -> Result<i32, AppError> {
    let Ctx { state, user, meta } = Ctx::new().await?;
    let req = domain::model::EraseRequest { reason };
    Ok(domain::privacy::erase(&state, &user, id, &req, &meta).await?.customer_id)
}
