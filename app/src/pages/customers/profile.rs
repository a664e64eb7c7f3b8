//! `/customers/new` and `/customers/{id}`: a customer's profile — details, their conversations and
//! tickets — with the edit form, deactivation and the customer's data rights: download everything
//! held about them, or erase it. Opening a profile is audited (CUSTOMER_VIEWED).

use domain::model::{CustomerDetail, CustomerStatus, CustomerType};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::status_badge;
use crate::api::customers::{DeactivateCustomer, EraseCustomer, SaveCustomer, get_customer};
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The profile; no id means a new customer.
#[component]
pub fn CustomerProfilePage() -> impl IntoView {
    let tr = use_t();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0);
    let save = ServerAction::<SaveCustomer>::new();
    let deactivate = ServerAction::<DeactivateCustomer>::new();
    let erase = ServerAction::<EraseCustomer>::new();
    // A new customer, once saved, gets their own page.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get()
            && id() == 0
        {
            navigate(&format!("/customers/{saved}"), Default::default());
        }
    });
    let customer = Resource::new(
        move || (id(), save.version().get(), deactivate.version().get(), erase.version().get()),
        |(id, ..)| async move { if id == 0 { Ok(None) } else { get_customer(id).await.map(Some) } },
    );
    let error = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .or_else(|| deactivate.value().get().and_then(Result::err))
            .or_else(|| erase.value().get().and_then(Result::err))
            .map(|e| e.told(tr))
    };
    view! {
        <p><a href="/customers">{tr.s("← All customers")}</a></p>
        <p class="error" role="alert" data-testid="customer-error">{error}</p>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match customer.await {
                    Ok(None) => view! { <h1>{tr.s("New customer")}</h1> <CustomerForm current=None save/> }.into_any(),
                    Ok(Some(detail)) => view! { <Profile detail save deactivate erase/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn Profile(
    detail: CustomerDetail,
    save: ServerAction<SaveCustomer>,
    deactivate: ServerAction<DeactivateCustomer>,
    erase: ServerAction<EraseCustomer>,
) -> impl IntoView {
    let tr = use_t();
    let c = detail.customer.clone();
    let active = c.status != CustomerStatus::Inactive;
    view! {
        <div class="page-head">
            <h1 data-testid="customer-name">{c.full_name.clone()}</h1>
            {status_badge(tr, c.status)}
            {active.then(|| view! {
                <ActionForm action=deactivate attr:class="inline">
                    <input type="hidden" name="id" value=c.id/>
                    <button type="submit" class="secondary" data-testid="deactivate-customer">
                        {tr.s("Deactivate")}</button>
                </ActionForm>
            })}
        </div>
        <section class="card" data-testid="customer-details">
            <dl class="facts">
                <dt>{tr.s("E-mail")}</dt><dd>{c.email.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr.s("Phone")}</dt><dd>{c.phone.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr.s("Account")}</dt><dd>{c.account_number.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr.s("Address")}</dt><dd>{c.address.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{tr.s("Type")}</dt><dd>{tr.s(c.customer_type.as_str())}</dd>
                <dt>{tr.s("Tags")}</dt><dd data-testid="customer-tags">{c.tags.join(", ")}</dd>
                <dt>{tr.s("Customer since")}</dt><dd>{tr.day(c.created_at)}</dd>
            </dl>
        </section>
        <History detail=detail.clone()/>
        <h2>{tr.s("Edit")}</h2>
        <CustomerForm current=Some(detail) save/>
        <DataRights id=c.id erase/>
    }
}

/// Everything held about the customer as one JSON file (ADMIN, SUPERVISOR; audited), and erasure
/// of their personal data (ADMIN), confirmed with a reason and a checkbox.
#[component]
fn DataRights(id: i32, erase: ServerAction<EraseCustomer>) -> impl IntoView {
    let tr = use_t();
    view! {
        <section class="card" data-testid="customer-data-rights">
            <h2>{tr.s("Data rights")}</h2>
            <p>
                <a href=format!("/api/v1/customers/{id}/data-export") download="" data-testid="customer-export">
                    {tr.s("Download everything held about this customer (JSON)")}</a>
                " · "
                <a href=format!("/api/v1/customers/{id}/data-export?format=zip") download=""
                    data-testid="customer-export-zip">{tr.s("as spreadsheets (ZIP of CSV files)")}</a>
            </p>
            <ActionForm action=erase attr:class="editor" attr:data-testid="customer-erase">
                <input type="hidden" name="id" value=id/>
                <label class="wide">{tr.s("Reason for erasure (kept in the audit log)")}
                    <input name="reason" required=true minlength="5" maxlength="500"/>
                </label>
                <label>
                    <input type="checkbox" required=true data-testid="erase-confirm"/>
                    " "
                    {tr.s("I understand: the name, contact details, transcripts, ticket texts and notes are erased \
                     for good; counts and the audit log stay.")}
                </label>
                <button type="submit" class="danger" data-testid="erase-customer">{tr.s("Erase personal data")}</button>
            </ActionForm>
        </section>
    }
}

/// The customer's conversations and tickets, newest first, and the privacy notices they accepted.
#[component]
fn History(detail: CustomerDetail) -> impl IntoView {
    let tr = use_t();
    let conversations = if detail.conversations.is_empty() {
        view! { <p class="empty">{tr.s("No conversations yet.")}</p> }.into_any()
    } else {
        view! {
            <table data-testid="customer-conversations">
                <thead><tr><th>{tr.s("Conversation")}</th><th>{tr.s("Status")}</th><th>{tr.s("Language")}</th><th>
                    {tr.s("Rating")}</th>
                <th>{tr.s("Last active")}</th></tr></thead>
                <tbody>{detail.conversations.into_iter().map(|c| view! {
                    <tr>
                        <td><a href=format!("/conversations/{}", c.id)>{c.id.chars().take(8).collect::<String>()}</a>
                        </td>
                        <td>{tr.s(c.status.as_str())}</td>
                        <td>{c.language.clone()}</td>
                        <td>{c.csat_score.map_or_else(|| "—".to_owned(), |s| format!("{s}/5"))}</td>
                        <td>{tr.when(c.updated_at)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    let tickets = if detail.tickets.is_empty() {
        view! { <p class="empty">{tr.s("No tickets yet.")}</p> }.into_any()
    } else {
        view! {
            <table data-testid="customer-tickets">
                <thead><tr><th>{tr.s("Ticket")}</th><th>{tr.s("Subject")}</th><th>{tr.s("Status")}</th><th>
                    {tr.s("Opened")}</th></tr></thead>
                <tbody>{detail.tickets.into_iter().map(|t| view! {
                    <tr>
                        <td><a href=format!("/tickets/{}", t.ticket_id)>{t.ticket_id.clone()}</a></td>
                        <td>{t.subject.clone()}</td>
                        <td>{tr.s(t.status.as_str())}</td>
                        <td>{tr.when(t.created_at)}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    let consents = if detail.consents.is_empty() {
        view! { <p class="empty">{tr.s("No privacy notice accepted.")}</p> }.into_any()
    } else {
        view! {
            <table data-testid="customer-consents">
                <thead><tr><th>{tr.s("Notice version")}</th><th>{tr.s("Read in")}</th><th>{tr.s("With")}</th><th>
                    {tr.s("Accepted")}</th></tr></thead>
                <tbody>{detail.consents.into_iter().map(|c| {
                    let with = match (c.conversation_id, c.ticket_id) {
                        (Some(id), _) => view! {
                            <a href=format!("/conversations/{id}")>{id.chars().take(8).collect::<String>()}</a>
                        }.into_any(),
                        (None, Some(case)) => {
                            view! { <a href=format!("/tickets/{case}")>{case.clone()}</a> }.into_any()
                        }
                        (None, None) => "—".into_any(),
                    };
                    view! {
                        <tr>
                            <td>{c.version}</td>
                            <td>{c.language}</td>
                            <td>{with}</td>
                            <td>{tr.when(c.accepted_at)}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="card">
            <h2>{tr.s("Conversations")}</h2>
            {conversations}
            <h2>{tr.s("Tickets")}</h2>
            {tickets}
            <h2>{tr.s("Privacy consents")}</h2>
            {consents}
        </section>
    }
}

#[component]
fn CustomerForm(current: Option<CustomerDetail>, save: ServerAction<SaveCustomer>) -> impl IntoView {
    let tr = use_t();
    let c = current.map(|d| d.customer);
    let text = |f: fn(&domain::model::CustomerOut) -> Option<String>| c.as_ref().and_then(f).unwrap_or_default();
    let id = c.as_ref().map_or(0, |c| c.id);
    let kind = c.as_ref().map_or(CustomerType::Individual, |c| c.customer_type);
    let status = c.as_ref().map_or(CustomerStatus::Active, |c| c.status);
    let (name, email, phone) =
        (text(|c| Some(c.full_name.clone())), text(|c| c.email.clone()), text(|c| c.phone.clone()));
    let (account, notes) = (text(|c| c.account_number.clone()), text(|c| c.notes.clone()));
    let address = text(|c| c.address.clone());
    let tags = c.as_ref().map(|c| c.tags.join(", ")).unwrap_or_default();
    view! {
        <ActionForm action=save attr:class="card editor" attr:data-testid="customer-form">
            <input type="hidden" name="id" value=id/>
            <div class="grid">
                <label class="wide">{tr.s("Full name")} <input name="full_name" required=true maxlength="255"
                    value=name/>
                </label>
                <label>{tr.s("E-mail")} <input name="email" type="email" maxlength="254" value=email/></label>
                <label>{tr.s("Phone")} <input name="phone" type="tel" maxlength="32" value=phone/></label>
                <label>{tr.s("Account number")} <input name="account_number" maxlength="64" value=account/></label>
                <label>{tr.s("Type")}
                    <select name="customer_type">
                        {CustomerType::ALL.iter()
                            .map(|t| view! { <option value=t.as_str() selected=*t == kind>{tr.s(t.as_str())}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label>{tr.s("Status")}
                    <select name="status">
                        {CustomerStatus::ALL.iter()
                            .map(|s| view! { <option value=s.as_str() selected=*s == status>
                                {tr.s(s.as_str())}</option> })
                            .collect_view()}
                    </select>
                </label>
                <label class="wide">{tr.s("Tags (separated by commas)")} <input name="tags" maxlength="1000"
                    value=tags/>
                </label>
                <label class="wide">{tr.s("Address")} <textarea name="address" rows="2"
                    maxlength="500">{address}</textarea>
                </label>
                <label class="wide">{tr.s("Notes")} <textarea name="notes" rows="3"
                    maxlength="4000">{notes}</textarea></label>
            </div>
            <button type="submit" data-testid="save-customer">{tr.s("Save")}</button>
        </ActionForm>
    }
}
