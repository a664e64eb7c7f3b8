//! `/users` (ADMIN): list staff, create an account, change a role, deactivate or reactivate.

use domain::model::{Role, UserOut};
use leptos::prelude::*;

use crate::api::users::{CreateUser, UpdateUser, list_users};
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The users page. Other roles get a 403 page.
#[component]
pub fn UsersPage() -> impl IntoView {
    let tr = use_t();
    let create = ServerAction::<CreateUser>::new();
    let update = ServerAction::<UpdateUser>::new();
    let users = Resource::new(move || (create.version().get(), update.version().get()), |_| list_users());
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match users.await {
                    Ok(list) => view! {
                        <h1>{tr.s("Users")}</h1>
                        <CreateUserForm action=create/>
                        <UserTable list update/>
                    }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CreateUserForm(action: ServerAction<CreateUser>) -> impl IntoView {
    let tr = use_t();
    let message = move || match action.value().get() {
        Some(Ok(user)) => Some(view! { <p class="ok" role="status">"Created " {user.username}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p class="error" role="alert">{e.told(tr)}</p> }.into_any()),
        None => None,
    };
    view! {
        <ActionForm action attr:class="card create-user" attr:data-testid="create-user">
            <h2>{tr.s("New staff member")}</h2>
            <div class="grid">
                <label>{tr.s("Username")} <input name="username" required=true/></label>
                <label>{tr.s("E-mail")} <input name="email" type="email" required=true/></label>
                <label>{tr.s("Full name")} <input name="full_name"/></label>
                <label>{tr.s("Password")} <input name="password" type="password" minlength="8" required=true/></label>
                <label>
                    {tr.s("Role")}
                    <select name="role">
                        {Role::ALL.iter().map(|r| {
                            let name = r.as_str();
                            view! { <option value=name selected=*r == Role::Agent>{tr.s(name)}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {message}
            <button type="submit">{tr.s("Create")}</button>
        </ActionForm>
    }
}

#[component]
fn UserTable(list: Vec<UserOut>, update: ServerAction<UpdateUser>) -> impl IntoView {
    let tr = use_t();
    let error = move || update.value().get().and_then(Result::err).map(|e| e.told(tr));
    view! {
        <p class="error" role="alert">{error}</p>
        <table class="users" data-testid="users-table">
            <thead>
                <tr><th>{tr.s("Username")}</th><th>{tr.s("Name")}</th><th>{tr.s("Role")}</th><th>{tr.s("Status")}</th>
                    <th>{tr.s("Last sign-in")}</th><th></th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|u| view! { <UserRow user=u update/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn UserRow(user: UserOut, update: ServerAction<UpdateUser>) -> impl IntoView {
    let tr = use_t();
    let id = user.id.to_string();
    let id2 = id.clone();
    let last = user.last_login.map_or_else(|| tr.s("never").to_owned(), |t| format!("{} UTC", tr.when(t)));
    let toggle_to = if user.is_active { "false" } else { "true" };
    let toggle_label = if user.is_active { tr.s("Deactivate") } else { tr.s("Reactivate") };
    view! {
        <tr data-username=user.username.clone()>
            <td>{user.username.clone()}</td>
            <td>{user.full_name.clone()}</td>
            <td>
                <ActionForm action=update attr:class="inline">
                    <input type="hidden" name="id" value=id/>
                    <select name="role" aria-label=tr.s("Role")>
                        {Role::ALL.iter().map(|r| {
                            let name = r.as_str();
                            view! { <option value=name selected=*r == user.role>{tr.s(name)}</option> }
                        }).collect_view()}
                    </select>
                    <button type="submit">{tr.s("Change role")}</button>
                </ActionForm>
            </td>
            <td>{if user.is_active { tr.s("active (person)") } else { tr.s("inactive (person)") }}</td>
            <td>{last}</td>
            <td>
                <ActionForm action=update attr:class="inline">
                    <input type="hidden" name="id" value=id2/>
                    <input type="hidden" name="is_active" value=toggle_to/>
                    <button type="submit">{toggle_label}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
