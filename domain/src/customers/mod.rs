//! Customers (the CRM). Any staff member reads them, and every look at a profile is audited
//! (CUSTOMER_VIEWED): bank data is seen on a need-to-know basis. ADMIN, SUPERVISOR and AGENT
//! create and edit them; ADMIN and SUPERVISOR deactivate them ("delete" is soft: INACTIVE).
//! E-mail and account number are unique (409 on a clash).

mod sealed;
mod validate;

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select, Set, TransactionTrait,
};

use crate::audit::{Entry, Outcome, RequestMeta};
use crate::auth::CurrentUser;
use crate::entities::{conversations, customers, tickets};
use crate::error::{DomainError, DomainResult, on_unique};
use crate::model::{
    CreateCustomerRequest, CustomerCreated, CustomerDeactivated, CustomerDetail, CustomerFilter, CustomerOut,
    CustomerSearch, CustomerStats, CustomerStatus, CustomerType, CustomerUpdated, Page, Role, UpdateCustomerRequest,
};
use crate::state::AppState;
pub(crate) use sealed::{account_index, out};
use validate::Fields;

const EDITORS: [Role; 3] = [Role::Admin, Role::Supervisor, Role::Agent];
const MANAGERS: [Role; 2] = [Role::Admin, Role::Supervisor];
/// How many conversations and tickets a profile shows (the newest).
const HISTORY: u64 = 50;

async fn find(state: &AppState, id: i32) -> DomainResult<customers::Model> {
    customers::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or_else(|| DomainError::NotFound("Customer not found".into()))
}

async fn listed(
    state: &AppState,
    query: Select<customers::Entity>,
    page: Page,
) -> DomainResult<(Vec<CustomerOut>, u64)> {
    let ordered = query.clone().order_by_desc(customers::Column::CreatedAt).order_by_desc(customers::Column::Id);
    let (rows, total) = crate::sql::paged::<_, customers::Model>(&state.db, ordered, query, page).await?;
    Ok((rows.into_iter().map(|row| out(&state.vault, row)).collect::<DomainResult<_>>()?, total))
}

fn kinds(
    mut query: Select<customers::Entity>,
    status: Option<CustomerStatus>,
    kind: Option<CustomerType>,
) -> Select<customers::Entity> {
    if let Some(status) = status {
        query = query.filter(customers::Column::Status.eq(status));
    }
    if let Some(kind) = kind {
        query = query.filter(customers::Column::CustomerType.eq(kind));
    }
    query
}

/// The CRM customer a verified identity names: the bank signs its own customer reference
/// (`sub`), which is the customer's account number here.
pub(crate) async fn linked(state: &AppState, reference: Option<&str>) -> DomainResult<Option<i32>> {
    let Some(reference) = reference else { return Ok(None) };
    let found = customers::Entity::find()
        .select_only()
        .column(customers::Column::Id)
        .filter(customers::Column::AccountIndex.eq(account_index(&state.vault, reference)))
        .into_tuple::<i32>()
        .one(&state.db)
        .await?;
    Ok(found)
}

/// `GET /customers` (any staff): newest first, with the total for paging.
pub async fn list(
    state: &AppState,
    actor: &CurrentUser,
    filter: &CustomerFilter,
) -> DomainResult<(Vec<CustomerOut>, u64)> {
    actor.require(&Role::ALL)?;
    let page = Page::new(filter.skip, filter.limit)?;
    let mut query = kinds(customers::Entity::find(), filter.status, filter.customer_type);
    if let Some(agent) = filter.assigned_agent_id {
        query = query.filter(customers::Column::AssignedAgentId.eq(agent));
    }
    listed(state, query, page).await
}

/// `GET /customers/search?q=` (any staff): `q` anywhere in the name, e-mail, phone, account
/// number or tags, any case.
pub async fn search(
    state: &AppState,
    actor: &CurrentUser,
    params: &CustomerSearch,
) -> DomainResult<(Vec<CustomerOut>, u64)> {
    actor.require(&Role::ALL)?;
    let q = params.q.trim().to_lowercase();
    if q.is_empty() || q.chars().count() > 100 {
        return Err(DomainError::validation("q", "Search text must be 1 to 100 characters"));
    }
    let Page { skip, limit } = Page::new(params.skip, params.limit)?;
    let query = kinds(customers::Entity::find(), params.status, params.customer_type);
    sealed::search(state, query, &q, skip, limit).await
}

/// A customer's conversations: linked to them, or to their verified identity (the account number).
pub(crate) fn their_conversations(vault: &crate::vault::Vault, customer: &CustomerOut) -> Condition {
    let mut linked = Condition::any().add(conversations::Column::CustomerId.eq(customer.id));
    if let Some(account) = &customer.account_number {
        linked = linked.add(conversations::Column::CustomerRefIndex.eq(account_index(vault, account)));
    }
    linked
}

/// A customer's tickets: from `conversations` (theirs), or sent from their e-mail address. Empty
/// (matching nothing to ask for) when there is neither.
pub(crate) fn their_tickets(
    vault: &crate::vault::Vault,
    customer: &CustomerOut,
    conversations: &[conversations::Model],
) -> Condition {
    let mut theirs = Condition::any();
    if !conversations.is_empty() {
        theirs = theirs.add(tickets::Column::ConversationId.is_in(conversations.iter().map(|c| c.id)));
    }
    if let Some(email) = &customer.email {
        theirs = theirs.add(tickets::Column::CustomerEmailIndex.eq(crate::tickets::email_index(vault, email)));
    }
    theirs
}

/// `GET /customers/{id}` (any staff, audited as CUSTOMER_VIEWED): the customer with their
/// conversations (linked by id, or by the bank's verified identity = account number) and
/// tickets (those conversations', or sent from the customer's e-mail).
pub async fn get(state: &AppState, actor: &CurrentUser, id: i32, meta: &RequestMeta) -> DomainResult<CustomerDetail> {
    actor.require(&Role::ALL)?;
    let row = out(&state.vault, find(state, id).await?)?;
    let convs = conversations::Entity::find()
        .filter(their_conversations(&state.vault, &row))
        .order_by_desc(conversations::Column::UpdatedAt)
        .limit(HISTORY)
        .all(&state.db)
        .await?;
    let theirs = their_tickets(&state.vault, &row, &convs);
    let ticket_rows = if theirs.is_empty() {
        Vec::new()
    } else {
        tickets::Entity::find()
            .filter(theirs)
            .order_by_desc(tickets::Column::CreatedAt)
            .limit(HISTORY)
            .all(&state.db)
            .await?
    };
    let open: Vec<&tickets::Model> = ticket_rows.iter().filter(|t| t.open_conversation_id.is_some()).collect();
    let conversations = convs
        .iter()
        .map(|c| {
            let ticket = open.iter().copied().find(|t| t.open_conversation_id == Some(c.id));
            crate::conversations::out(&state.vault, c, ticket)
        })
        .collect::<DomainResult<_>>()?;
    let consents = crate::consents::of(&state.db, &convs, &ticket_rows).await?;
    let tickets = crate::tickets::to_out(state, ticket_rows).await?;
    // The profile is not shown unless the look at it is on record (fail closed).
    let entry =
        Entry::new("CUSTOMER_VIEWED", Outcome::Success).actor(actor.id, &actor.username).resource("customer", id);
    state.audit.record(entry, meta).await?;
    Ok(CustomerDetail { customer: row, conversations, tickets, consents })
}

/// A unique e-mail or account number is taken (checked first for a clear answer; the unique
/// indexes settle races).
async fn check_unique(state: &AppState, fields: &Fields, except: Option<i32>) -> DomainResult<()> {
    let mut clash = Condition::any();
    if let Some(email) = &fields.email {
        clash = clash.add(customers::Column::EmailIndex.eq(sealed::email_index(&state.vault, email)));
    }
    if let Some(account) = &fields.account_number {
        clash = clash.add(customers::Column::AccountIndex.eq(account_index(&state.vault, account)));
    }
    if clash.is_empty() {
        return Ok(());
    }
    let mut query = customers::Entity::find().filter(clash);
    if let Some(id) = except {
        query = query.filter(customers::Column::Id.ne(id));
    }
    match query.one(&state.db).await? {
        Some(other)
            if other.email_index.is_some()
                && other.email_index == fields.email.as_deref().map(|e| sealed::email_index(&state.vault, e)) =>
        {
            Err(DomainError::Conflict("A customer with this e-mail already exists".into()))
        }
        Some(_) => Err(DomainError::Conflict("A customer with this account number already exists".into())),
        None => Ok(()),
    }
}

fn clash(e: sea_orm::DbErr) -> DomainError {
    on_unique("A customer with this e-mail or account number already exists")(e)
}

/// `POST /customers` → 201 (ADMIN, SUPERVISOR, AGENT; audited as CUSTOMER_CREATE).
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    req: &CreateCustomerRequest,
    meta: &RequestMeta,
) -> DomainResult<CustomerCreated> {
    actor.require(&EDITORS)?;
    let fields = Fields::from_create(req)?;
    fields.check_agent(state).await?;
    check_unique(state, &fields, None).await?;
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let mut row = customers::ActiveModel {
        id: sea_orm::NotSet,
        customer_type: Set(fields.customer_type),
        status: Set(fields.status),
        preferences: Set(fields.preferences.clone()),
        tags: Set(serde_json::json!(fields.tags)),
        assigned_agent_id: Set(fields.assigned_agent_id),
        created_by_id: Set(Some(actor.id)),
        updated_by_id: Set(Some(actor.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    sealed::seal_into(&state.vault, &mut row, &fields);
    let row = row.insert(&txn).await.map_err(clash)?;
    state.audit.commit_by(actor, txn, "CUSTOMER_CREATE", "customer", row.id, meta).await?;
    let row = out(&state.vault, row)?;
    Ok(CustomerCreated {
        id: row.id,
        full_name: row.full_name,
        email: row.email,
        customer_type: row.customer_type,
        status: row.status,
        created_at: row.created_at,
    })
}

/// `PUT /customers/{id}` (ADMIN, SUPERVISOR, AGENT; audited as CUSTOMER_UPDATE): absent fields
/// stay as they are.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    req: &UpdateCustomerRequest,
    meta: &RequestMeta,
) -> DomainResult<CustomerUpdated> {
    actor.require(&EDITORS)?;
    let row = find(state, id).await?;
    let fields = Fields::from_update(&out(&state.vault, row.clone())?, req)?;
    fields.check_agent(state).await?;
    check_unique(state, &fields, Some(id)).await?;
    let mut active = row.into_active_model();
    sealed::seal_into(&state.vault, &mut active, &fields);
    active.customer_type = Set(fields.customer_type);
    active.status = Set(fields.status);
    active.preferences = Set(fields.preferences);
    active.tags = Set(serde_json::json!(fields.tags));
    active.assigned_agent_id = Set(fields.assigned_agent_id);
    active.updated_by_id = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    let row = active.update(&txn).await.map_err(clash)?;
    state.audit.commit_by(actor, txn, "CUSTOMER_UPDATE", "customer", id, meta).await?;
    Ok(CustomerUpdated { id: row.id, full_name: fields.full_name, updated_at: row.updated_at })
}

/// `DELETE /customers/{id}` (ADMIN, SUPERVISOR; audited as CUSTOMER_DELETE): the customer
/// becomes INACTIVE, and keeps their history.
pub async fn deactivate(
    state: &AppState,
    actor: &CurrentUser,
    id: i32,
    meta: &RequestMeta,
) -> DomainResult<CustomerDeactivated> {
    actor.require(&MANAGERS)?;
    let row = find(state, id).await?;
    let mut active = row.into_active_model();
    active.status = Set(CustomerStatus::Inactive);
    active.updated_by_id = Set(Some(actor.id));
    active.updated_at = Set(Utc::now());
    let txn = state.db.begin().await?;
    active.update(&txn).await?;
    state.audit.commit_by(actor, txn, "CUSTOMER_DELETE", "customer", id, meta).await?;
    Ok(CustomerDeactivated { message: "Customer deactivated successfully".into(), customer_id: id })
}

/// `GET /customers/stats` (any staff): counts by status and type, in one grouped query each.
pub async fn stats(state: &AppState, actor: &CurrentUser) -> DomainResult<CustomerStats> {
    actor.require(&Role::ALL)?;
    let groups: Vec<(String, String, i64)> = customers::Entity::find()
        .select_only()
        .column(customers::Column::Status)
        .column(customers::Column::CustomerType)
        .column_as(customers::Column::Id.count(), "n")
        .group_by(customers::Column::Status)
        .group_by(customers::Column::CustomerType)
        .into_tuple()
        .all(&state.db)
        .await?;
    let count = |keep: &dyn Fn(&str, &str) -> bool| -> u64 {
        groups.iter().filter(|(s, t, _)| keep(s, t)).map(|(_, _, n)| u64::try_from(*n).unwrap_or(0)).sum()
    };
    let unassigned =
        customers::Entity::find().filter(customers::Column::AssignedAgentId.is_null()).count(&state.db).await?;
    let since = Utc::now() - Duration::days(30);
    let new_last_30_days =
        customers::Entity::find().filter(customers::Column::CreatedAt.gte(since)).count(&state.db).await?;
    Ok(CustomerStats {
        total: count(&|_, _| true),
        active: count(&|s, _| s == CustomerStatus::Active.as_str()),
        inactive: count(&|s, _| s == CustomerStatus::Inactive.as_str()),
        suspended: count(&|s, _| s == CustomerStatus::Suspended.as_str()),
        individual: count(&|_, t| t == CustomerType::Individual.as_str()),
        business: count(&|_, t| t == CustomerType::Business.as_str()),
        unassigned,
        new_last_30_days,
    })
}
