//! `/settings`: the system settings — those JoxAI reads while it runs (the assistant's threshold,
//! greetings, business hours, agent capacity), each with what it means and its check, and any
//! others stored. ADMIN edits (a bad value is refused with the reason); SUPERVISOR reads.

use leptos::prelude::*;

use crate::api::settings::{ResetSetting, SaveSetting, SettingRow, list_settings};
use crate::components::forbidden::load_error;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let save = ServerAction::<SaveSetting>::new();
    let reset = ServerAction::<ResetSetting>::new();
    let view_data = Resource::new(move || (save.version().get(), reset.version().get()), |_| list_settings());
    let error = move || {
        save.value()
            .get()
            .and_then(Result::err)
            .or_else(|| reset.value().get().and_then(Result::err))
            .map(|e| e.to_string())
    };
    view! {
        <h1>"Settings"</h1>
        <p class="muted">
            "Values are JSON; plain text is taken as text. An empty setting uses the server's configured default. \
             Changes take effect at once."
        </p>
        <p class="error" role="alert" data-testid="settings-error">{error}</p>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match view_data.await {
                    Ok(data) => view! {
                        <table data-testid="settings-table">
                            <thead><tr><th>"Setting"</th><th>"Value"</th><th></th></tr></thead>
                            <tbody>
                                {data.rows
                                    .into_iter()
                                    .map(|row| view! { <Row row can_edit=data.can_edit save reset/> })
                                    .collect_view()}
                            </tbody>
                        </table>
                        {data.can_edit.then(|| view! { <NewSetting save/> })}
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
    let key = row.key.clone();
    let set = row.value.is_some();
    let shown = row.value.clone().unwrap_or_default();
    let editor = if can_edit {
        let reset_key = key.clone();
        view! {
            <ActionForm action=save attr:class="inline setting-form">
                <input type="hidden" name="key" value=key.clone()/>
                <input name="value" value=shown aria-label=format!("Value of {key}") placeholder="(default)"
                    data-testid=format!("value-{key}")/>
                <button type="submit" class="secondary">"Save"</button>
            </ActionForm>
            {set.then(|| view! {
                <ActionForm action=reset attr:class="inline">
                    <input type="hidden" name="key" value=reset_key/>
                    <button type="submit" class="link">"Reset"</button>
                </ActionForm>
            })}
        }
        .into_any()
    } else {
        view! { <code>{if set { shown } else { "(default)".to_owned() }}</code> }.into_any()
    };
    view! {
        <tr data-setting=row.key.clone()>
            <td><code>{row.key.clone()}</code> " " <span class="muted">"(" {row.category} ")"</span><br/>
                <span class="muted">{row.description}</span></td>
            <td colspan="2">{editor}</td>
        </tr>
    }
}

#[component]
fn NewSetting(save: ServerAction<SaveSetting>) -> impl IntoView {
    view! {
        <h2>"Add a setting"</h2>
        <ActionForm action=save attr:class="card editor" attr:data-testid="new-setting">
            <div class="grid">
                <label>"Key" <input name="key" required=true maxlength="100" pattern="[a-z0-9][a-z0-9._-]*"
                    placeholder="e.g. support_phone"/></label>
                <label>"Value" <input name="value" required=true/></label>
            </div>
            <button type="submit">"Add"</button>
        </ActionForm>
    }
}
