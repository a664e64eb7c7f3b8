//! `/customers`: the CRM list — search (name, e-mail, phone, account number, tags), filters by
//! status and type, paging — and the way to a profile or a new customer.

pub mod profile;

use domain::model::{CustomerOut, CustomerStatus, CustomerType};
use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::api::customers::{CustomerPage, PAGE, list_customers};
use crate::components::filters::{FilterSelect, any_of};
use crate::components::forbidden::load_error;
use crate::components::pager::Pager;
use crate::i18n::{T, use_t};

/// The customer list.
#[component]
pub fn CustomersPage() -> impl IntoView {
    let tr = use_t();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let customers = Resource::new(
        move || (param("q"), param("status"), param("customer_type"), param("skip").parse::<u64>().unwrap_or(0)),
        |(q, status, kind, skip)| list_customers(q, status, kind, skip),
    );
    view! {
        <div class="page-head">
            <h1>{tr.s("Customers")}</h1>
            <A href="/customers/new" attr:class="button" attr:data-testid="new-customer">{tr.s("New customer")}</A>
        </div>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="customer-filters">
            <input type="search" name="q" aria-label=tr.s("Search customers")
                placeholder=tr.s("Name, e-mail, phone, account or tag")
                maxlength="100" prop:value=move || param("q")/>
            <FilterSelect name="status" label=tr.s("Status")
                options=any_of(tr, tr.s("Any status"), CustomerStatus::ALL.iter().map(|s| s.as_str()))/>
            <FilterSelect name="customer_type" label=tr.s("Type")
                options=any_of(tr, tr.s("Any type"), CustomerType::ALL.iter().map(|t| t.as_str()))/>
            <button type="submit">{tr.s("Search")}</button>
        </Form>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match customers.await {
                    Ok(page) => view! { <CustomerTable page/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn CustomerTable(page: CustomerPage) -> impl IntoView {
    let tr = use_t();
    if page.customers.is_empty() {
        return view! { <p class="empty" data-testid="customers-empty">{tr.s("No customers match.")}</p> }.into_any();
    }
    let shown = page.customers.len();
    view! {
        <table data-testid="customers-table">
            <thead>
                <tr><th>{tr.s("Name")}</th><th>{tr.s("E-mail")}</th><th>{tr.s("Phone")}</th><th>{tr.s("Account")}</th>
                    <th>{tr.s("Type")}</th><th>{tr.s("Status")}</th>
                <th>{tr.s("Tags")}</th></tr>
            </thead>
            <tbody>{page.customers.into_iter().map(|c| view! { <CustomerRow customer=c/> }).collect_view()}</tbody>
        </table>
        <Pager path="/customers" keep=&["q", "status", "customer_type"] skip=page.skip limit=PAGE shown
            total=page.total/>
    }
    .into_any()
}

/// The badge of a status.
pub fn status_badge(tr: T, status: CustomerStatus) -> impl IntoView {
    let class = if status == CustomerStatus::Active { "badge ok" } else { "badge off" };
    view! { <span class=class>{tr.s(status.as_str())}</span> }
}

#[component]
fn CustomerRow(customer: CustomerOut) -> impl IntoView {
    let tr = use_t();
    let dash = |v: Option<String>| v.unwrap_or_else(|| "—".into());
    view! {
        <tr data-customer-id=customer.id>
            <td><a href=format!("/customers/{}", customer.id)>{customer.full_name.clone()}</a></td>
            <td>{dash(customer.email.clone())}</td>
            <td>{dash(customer.phone.clone())}</td>
            <td>{dash(customer.account_number.clone())}</td>
            <td>{tr.s(customer.customer_type.as_str())}</td>
            <td>{status_badge(tr, customer.status)}</td>
            <td>{customer.tags.join(", ")}</td>
        </tr>
    }
}
