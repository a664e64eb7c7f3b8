//! `/account`: the signed-in staff member's own account — their name, their password (the current
//! one required; every other session ends) and the number urgent alerts reach them at by SMS.

use leptos::prelude::*;

use crate::api::account::{ChangeMyPassword, SaveMyName, SaveMyPhone, my_account};
use crate::components::forbidden::load_error;
use crate::i18n::T;

/// The error a form's last submission got, or a confirmation once it went through.
fn outcome<R: Clone + Send + Sync + 'static>(
    tr: T,
    result: Option<Result<R, crate::api::AppError>>,
    done: &'static str,
) -> impl IntoView {
    match result {
        Some(Ok(_)) => view! { <p class="ok" role="status">{done}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="error" role="alert">{e.told(tr)}</p> }.into_any(),
        None => ().into_any(),
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let name = ServerAction::<SaveMyName>::new();
    let password = ServerAction::<ChangeMyPassword>::new();
    let phone = ServerAction::<SaveMyPhone>::new();
    let data = Resource::new(move || (name.version().get(), phone.version().get()), |_| my_account());
    let tr = crate::i18n::use_t();
    view! {
        <h1>{tr.s("My account")}</h1>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((me, number)) => view! {
                        <section class="card">
                            <p>{me.username.clone()} " · " {me.email.clone()} " · " {tr.s(me.role.as_str())}</p>
                            <ActionForm action=name attr:class="editor" attr:data-testid="account-name">
                                <label>{tr.s("Full name")} <input name="full_name" required=true maxlength="255"
                                    value=me.full_name.clone()/></label>
                                <button type="submit">{tr.s("Save name")}</button>
                                {move || outcome(tr, name.value().get(), tr.s("Saved."))}
                            </ActionForm>
                            <ActionForm action=phone attr:class="editor" attr:data-testid="account-phone">
                                <label>{tr.s("Mobile number for urgent alerts by SMS (empty for none)")}
                                    <input name="phone" type="tel" maxlength="32" autocomplete="tel"
                                        value=number/></label>
                                <button type="submit">{tr.s("Save number")}</button>
                                {move || outcome(tr, phone.value().get(), tr.s("Saved."))}
                            </ActionForm>
                        </section>
                    }
                    .into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
        <section class="card">
            <h2>{tr.s("Change password")}</h2>
            <ActionForm action=password attr:class="editor" attr:data-testid="account-password">
                <label>{tr.s("Current password")} <input name="current_password" type="password" required=true
                    autocomplete="current-password"/></label>
                <label>{tr.s("New password (at least 8 characters)")} <input name="new_password" type="password"
                    required=true minlength="8" autocomplete="new-password"/></label>
                <label>{tr.s("New password again")} <input name="repeat_password" type="password" required=true
                    minlength="8" autocomplete="new-password"/></label>
                <button type="submit">{tr.s("Change password")}</button>
                {move || outcome(
                    tr,
                    password.value().get(),
                    tr.s("Password changed. You stay signed in here; every other session has ended."),
                )}
            </ActionForm>
        </section>
    }
}
