//! `/audit` (ADMIN, VIEWER): who did what, when and from where — filtered by action, resource,
//! actor and days — and "Verify chain", which re-computes every record's hash and names the first
//! record that was changed or removed.

use domain::model::AuditVerification;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

use crate::api::audit::{AuditRecords, PAGE, VerifyAudit, list_audit};
use crate::components::forbidden::load_error;
use crate::components::pager::Pager;
use crate::i18n::{T, use_t};

#[component]
pub fn AuditPage() -> impl IntoView {
    let tr = use_t();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let records = Resource::new(
        move || {
            (
                param("action"),
                param("resource_type"),
                param("actor_id"),
                param("from"),
                param("to"),
                param("skip").parse::<u64>().unwrap_or(0),
            )
        },
        |(action, kind, actor, from, to, skip)| list_audit(action, kind, actor, from, to, skip),
    );
    let verify = ServerAction::<VerifyAudit>::new();
    view! {
        <div class="page-head">
            <h1>{tr.s("Audit log")}</h1>
            <ActionForm action=verify attr:class="inline">
                <button type="submit" class="secondary" data-testid="verify-chain">{tr.s("Verify chain")}</button>
            </ActionForm>
        </div>
        <p role="status" data-testid="verify-result">{move || verify.value().get().map(|r| match r {
            Ok(result) => verdict(tr, &result),
            Err(e) => e.told(tr),
        })}</p>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="audit-filters">
            <input name="action" aria-label=tr.s("Action") placeholder=tr.s("Action, e.g. CUSTOMER_VIEWED")
                prop:value=move || param("action")/>
            <input name="resource_type" aria-label=tr.s("Resource type") placeholder=tr.s("Resource, e.g. customer")
                prop:value=move || param("resource_type")/>
            <input name="actor_id" aria-label=tr.s("Actor id") placeholder=tr.s("Actor id") inputmode="numeric"
                prop:value=move || param("actor_id")/>
            <label>{tr.s("From")}" " <input type="date" name="from" prop:value=move || param("from")/></label>
            <label>{tr.s("To")}" " <input type="date" name="to" prop:value=move || param("to")/></label>
            <button type="submit">{tr.s("Filter")}</button>
        </Form>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match records.await {
                    Ok(page) => view! { <AuditTable page/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

fn verdict(tr: T, result: &AuditVerification) -> String {
    match result.first_broken_id {
        None => tr.fill("Chain intact: {} records checked.", &[&result.checked]),
        Some(id) => tr.fill("Chain broken at record {}: it was changed, or the one before it removed.", &[&id]),
    }
}

#[component]
fn AuditTable(page: AuditRecords) -> impl IntoView {
    let tr = use_t();
    if page.records.is_empty() {
        return view! { <p class="empty" data-testid="audit-empty">{tr.s("No records match.")}</p> }.into_any();
    }
    let shown = page.records.len();
    view! {
        <table data-testid="audit-table">
            <thead><tr><th>"#"</th><th>{tr.s("When (UTC)")}</th><th>{tr.s("Who")}</th><th>{tr.s("Action")}</th><th>
                {tr.s("Resource")}</th>
            <th>{tr.s("Outcome")}</th><th>{tr.s("IP address")}</th></tr></thead>
            <tbody>{page.records.into_iter().map(|r| view! {
                <tr data-audit-id=r.id>
                    <td>{r.id}</td>
                    <td>{tr.when(r.created_at)}</td>
                    <td>{r.actor_name.clone().unwrap_or_else(|| "—".into())}</td>
                    <td><code>{r.action.clone()}</code></td>
                    <td>{match (&r.resource_type, &r.resource_id) {
                        (Some(kind), Some(id)) => format!("{kind} {id}"),
                        (Some(kind), None) => kind.clone(),
                        _ => "—".into(),
                    }}</td>
                    <td>{r.outcome.clone()}</td>
                    <td>{r.ip.clone().unwrap_or_default()}</td>
                </tr>
            }).collect_view()}</tbody>
        </table>
        <Pager path="/audit" keep=&["action", "resource_type", "actor_id", "from", "to"] skip=page.skip
            limit=PAGE shown total=page.total/>
    }
    .into_any()
}
