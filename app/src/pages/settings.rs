//! `/settings`: the system settings — those JoxAI reads while it runs (the assistant's threshold,
//! greetings, business hours, agent capacity), each with what it means and its check, and any
//! others stored. ADMIN edits (a bad value is refused with the reason); SUPERVISOR reads. Below
//! them, the retention job's last report, and (ADMIN) a dry run or a run now.

use leptos::prelude::*;

use crate::api::settings::{
    ResetSetting, RetentionReport, RunRetention, SaveSetting, SettingRow, last_retention_report, list_settings,
};
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let tr = use_t();
    let save = ServerAction::<SaveSetting>::new();
    let reset = ServerAction::<ResetSetting>::new();
    let run = ServerAction::<RunRetention>::new();
    let view_data = Resource::new(move || (save.version().get(), reset.version().get()), |_| list_settings());
    // Created here, beside the settings, so the server's render and the browser's agree.
    let report = Resource::new(move || run.version().get(), |_| last_retention_report());
    let error = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .or_else(|| reset.value().get().and_then(Result::err))
            .map(|e| e.told(tr))
    };
    view! {
        <h1>{tr.s("Settings")}</h1>
        <p class="muted">
            {tr.s("Values are JSON; plain text is taken as text. An empty setting uses the server's configured \
             default. Changes take effect at once.")}
        </p>
        <p class="error" role="alert" data-testid="settings-error">{error}</p>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                let report = report.await;
                match view_data.await {
                    Ok(data) => view! {
                        <table data-testid="settings-table">
                            <thead><tr><th>{tr.s("Setting")}</th><th>{tr.s("Value")}</th><th></th></tr></thead>
                            <tbody>
                                {data.rows
                                    .into_iter()
                                    .map(|row| view! { <Row row can_edit=data.can_edit save reset/> })
                                    .collect_view()}
                            </tbody>
                        </table>
                        {data.can_edit.then(|| view! { <NewSetting save/> })}
                        <Retention can_run=data.can_edit report run/>
                    }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn Row(
    row: SettingRow,
    can_edit: bool,
    save: ServerAction<SaveSetting>,
    reset: ServerAction<ResetSetting>,
) -> impl IntoView {
    let tr = use_t();
    let key = row.key.clone();
    let set = row.value.is_some();
    let shown = row.value.clone().unwrap_or_default();
    let editor = if can_edit {
        let reset_key = key.clone();
        view! {
            <ActionForm action=save attr:class="inline setting-form">
                <input type="hidden" name="key" value=key.clone()/>
                <input name="value" value=shown aria-label=tr.fill("Value of {}", &[&key]) placeholder=tr.s("(default)")
                    data-testid=format!("value-{key}")/>
                <button type="submit" class="secondary">{tr.s("Save")}</button>
            </ActionForm>
            {set.then(|| view! {
                <ActionForm action=reset attr:class="inline">
                    <input type="hidden" name="key" value=reset_key/>
                    <button type="submit" class="link">{tr.s("Reset")}</button>
                </ActionForm>
            })}
        }
        .into_any()
    } else {
        view! { <code>{if set { shown } else { tr.s("(default)").to_owned() }}</code> }.into_any()
    };
    view! {
        <tr data-setting=row.key.clone()>
            <td><code>{row.key.clone()}</code> " " <span class="muted">"(" {row.category} ")"</span><br/>
                <span class="muted">{tr.say(&row.description).to_owned()}</span></td>
            <td colspan="2">{editor}</td>
        </tr>
    }
}

/// The retention job's last report (what was past due, and removed, per kind) and its buttons.
#[component]
fn Retention(
    can_run: bool,
    report: Result<Option<RetentionReport>, crate::api::AppError>,
    run: ServerAction<RunRetention>,
) -> impl IntoView {
    let tr = use_t();
    let shown = move |report: RetentionReport| {
        let title = if report.dry_run { tr.s("Last dry run") } else { tr.s("Last run") };
        view! {
            <p>{title} " — " {tr.when(report.ran_at)} " UTC"</p>
            <table data-testid="retention-report">
                <thead><tr><th>{tr.s("Records")}</th><th>{tr.s("Kept (days)")}</th><th>{tr.s("Past due")}</th><th>
                    {tr.s("Removed")}</th></tr></thead>
                <tbody>{report.kinds.into_iter().map(|k| view! {
                    <tr data-kind=k.kind.clone()>
                        <td>{k.kind.replace('_', " ")}</td><td>{k.days}</td><td>{k.due}</td><td>{k.removed}</td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
        }
    };
    view! {
        <section class="card" data-testid="retention">
            <h2>{tr.s("Retention")}</h2>
            <p class="muted">
                {tr.s("Records past their period (the retention settings above) are deleted every six hours. \
                 A dry run only counts them.")}
            </p>
            <p class="error" role="alert">{move || run.value().get().and_then(Result::err).map(|e| e.told(tr))}</p>
            {match report {
                Ok(Some(report)) => shown(report).into_any(),
                Ok(None) => view! { <p class="empty">{tr.s("The job has not run yet.")}</p> }.into_any(),
                Err(e) => load_error(e),
            }}
            {can_run.then(|| view! {
                <ActionForm action=run attr:class="inline">
                    <input type="hidden" name="dry_run" value="true"/>
                    <button type="submit" class="secondary" data-testid="retention-dry-run">{tr.s("Dry run")}</button>
                </ActionForm>
                <ActionForm action=run attr:class="inline">
                    <input type="hidden" name="dry_run" value="false"/>
                    <button type="submit" class="danger" data-testid="retention-run">
                        {tr.s("Delete what is past due now")}
                    </button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
fn NewSetting(save: ServerAction<SaveSetting>) -> impl IntoView {
    let tr = use_t();
    view! {
        <h2>{tr.s("Add a setting")}</h2>
        <ActionForm action=save attr:class="card editor" attr:data-testid="new-setting">
            <div class="grid">
                <label>{tr.s("Key")} <input name="key" required=true maxlength="100" pattern="[a-z0-9][a-z0-9._-]*"
                    placeholder=tr.s("e.g. support_phone")/></label>
                <label>{tr.s("Value")} <input name="value" required=true/></label>
            </div>
            <button type="submit">{tr.s("Add")}</button>
        </ActionForm>
    }
}
