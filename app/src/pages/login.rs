//! `/login`: staff sign-in. Works without JavaScript too (a plain form post).

use leptos::prelude::*;
use leptos_meta::Html;

use crate::api::auth::Login;
use crate::api::language::ui_language;

/// Sign-in form; a wrong password shows the server's message.
#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let lang = Resource::new(|| (), |_| ui_language());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let (texts, tr) = lang.await.unwrap_or_default().take();
                let error = move || login.value().get().and_then(Result::err).map(|e| e.told(tr));
                view! {
                    <Html {..} lang=tr.0.code()/>
                    {texts}
                    <main class="login-page" lang=tr.0.code()>
                        <ActionForm action=login attr:class="card login-form">
                            <h1>"JoxAI"</h1>
                            <p class="muted">{tr.s("Sign in to the support console")}</p>
                            <label>
                                {tr.s("Username or e-mail")}
                                <input name="username" type="text" autocomplete="username" required=true/>
                            </label>
                            <label>
                                {tr.s("Password")}
                                <input name="password" type="password" autocomplete="current-password" required=true/>
                            </label>
                            <p class="error" role="alert" data-testid="login-error">{error}</p>
                            <button type="submit" disabled=move || login.pending().get()>{tr.s("Sign in")}</button>
                        </ActionForm>
                    </main>
                }
            })}
        </Suspense>
    }
}
