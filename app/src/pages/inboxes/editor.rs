//! `/inboxes/new` and `/inboxes/{id}`: an inbox's settings, the tag to paste on the bank's site,
//! its identity secret (shown once, when issued), and deactivate / reactivate.

use domain::model::{BusinessHours, InboxOut, PrivacyNotice};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::inboxes::{ActOnInbox, SaveInbox, get_inbox};
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The editor; `id` absent means a new inbox.
#[component]
pub fn InboxEditorPage() -> impl IntoView {
    let tr = use_t();
    let params = use_params_map();
    let save = ServerAction::<SaveInbox>::new();
    // The route's inbox, or the one just created here (so saving again updates it).
    let created = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        if let Some(Ok(inbox)) = save.value().get() {
            created.set(Some(inbox.id));
        }
    });
    let id = move || params.read().get("id").and_then(|v| v.parse::<i32>().ok()).or(created.get()).unwrap_or(0);
    let act = ServerAction::<ActOnInbox>::new();
    let inbox = Resource::new(
        move || (id(), save.version().get(), act.version().get()),
        |(id, ..)| async move { if id == 0 { Ok(None) } else { get_inbox(id).await.map(Some) } },
    );
    // The latest answer that carried a secret: shown once.
    let issued = move || {
        let saved = save.value().get().and_then(Result::ok);
        let acted = act.value().get().and_then(Result::ok);
        saved.into_iter().chain(acted).find(|i| i.identity_secret.is_some())
    };
    let error = move || {
        save.value().get().and_then(Result::err).or_else(|| act.value().get().and_then(Result::err)).map(|e| e.told(tr))
    };
    view! {
        <p><a href="/inboxes">{tr.s("← All inboxes")}</a></p>
        <p class="error" role="alert">{error}</p>
        {move || issued().map(|i| view! { <Issued inbox=i/> })}
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match inbox.await {
                    Ok(current) => view! { <InboxForm current save act/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

/// The secret and the tag, right after they were issued.
#[component]
fn Issued(inbox: InboxOut) -> impl IntoView {
    let tr = use_t();
    let tag = format!("<script src=\"{}/widget.js\" data-inbox=\"{}\" async></script>", origin(), inbox.key);
    view! {
        <section class="card" data-testid="inbox-issued" role="status">
            <h2>{tr.s("Saved")}</h2>
            <p>{tr.s("Paste this on every page of the bank's website that should show the chat:")}</p>
            <pre><code data-testid="embed-tag">{tag}</code></pre>
            <p>
                {tr.s("Identity secret — the bank's server signs customers' identity tokens with it (HS256). It is \
                 shown only now:")}
            </p>
            <pre><code data-testid="identity-secret">{inbox.identity_secret.unwrap_or_default()}</code></pre>
        </section>
    }
}

fn origin() -> String {
    #[cfg(feature = "hydrate")]
    if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
        return origin;
    }
    "https://YOUR-JOXAI-HOST".to_owned()
}

#[component]
fn InboxForm(current: Option<InboxOut>, save: ServerAction<SaveInbox>, act: ServerAction<ActOnInbox>) -> impl IntoView {
    let tr = use_t();
    let c = current.clone();
    let text = move |f: fn(&InboxOut) -> String| c.as_ref().map(f).unwrap_or_default();
    let id = current.as_ref().map_or(0, |i| i.id);
    let language = text(|i| i.default_language.clone());
    let position = text(|i| i.position.clone());
    let hours = current.as_ref().and_then(|i| i.business_hours.clone());
    let offset = hours.as_ref().map_or(0, |h| h.utc_offset_minutes);
    let theme = current.as_ref().map_or_else(|| "#0b5fff".to_owned(), |i| i.theme_color.clone());
    let notice = current.as_ref().and_then(|i| i.privacy_notice.clone());
    let required = notice.as_ref().is_some_and(|n| n.required);
    let PrivacyNotice { version, text_es, text_en, .. } = notice.unwrap_or_default();
    let heading = current.as_ref().map_or_else(|| tr.s("New inbox").to_owned(), |i| i.name.clone());
    let status = current.map(|i| view! { <Status inbox=i act/> });
    view! {
        <h1>{heading}</h1>
        <ActionForm action=save attr:class="card editor" attr:data-testid="inbox-form">
            <input type="hidden" name="id" value=id/>
            <div class="grid">
                <label class="wide">{tr.s("Name")} <input name="name" required=true maxlength="255"
                    value=text(|i| i.name.clone())/></label>
                <label class="wide">{tr.s("Allowed origins (one per line)")}
                    <textarea name="allowed_origins" rows="3" required=true
                        placeholder="https://www.bank.example">{text(|i| i.allowed_origins.join("\n"))}</textarea>
                </label>
                <label>{tr.s("Theme colour")} <input name="theme_color" type="color" value=theme/></label>
                <label>{tr.s("Position")}
                    <select name="position">
                        <option value="right" selected=position != "left">{tr.s("Right")}</option>
                        <option value="left" selected=position == "left">{tr.s("Left")}</option>
                    </select>
                </label>
                <label>{tr.s("Default language")}
                    <select name="default_language">
                        <option value="es" selected=language != "en">"Español"</option>
                        <option value="en" selected=language == "en">"English"</option>
                    </select>
                </label>
                <label class="inline-check"><input type="checkbox" name="prechat_form" value="on"
                    checked=text(|i| i.prechat_form.to_string()) == "true"/>
                {tr.s("Ask name and e-mail before the chat")}</label>
                <label class="wide">{tr.s("Greeting (Spanish; empty for the default)")} <input name="greeting_es"
                    maxlength="1000" value=text(|i| i.greeting_es.clone().unwrap_or_default())/></label>
                <label class="wide">{tr.s("Greeting (English; empty for the default)")} <input name="greeting_en"
                    maxlength="1000" value=text(|i| i.greeting_en.clone().unwrap_or_default())/></label>
                <label class="wide">
                    {tr.s("Business hours (one period per line, e.g. “mon 09:00-18:00”; empty for always open)")}
                    <textarea name="hours" rows="4" placeholder="mon 09:00-18:00">
                        {hours.as_ref().map(BusinessHours::to_lines).unwrap_or_default()}
                    </textarea>
                </label>
                <label>{tr.s("Local time = UTC + minutes")} <input name="utc_offset_minutes" type="number" min="-840"
                    max="840"
                    value=offset.to_string()/></label>
            </div>
            <fieldset class="grid" data-testid="privacy-notice">
                <legend>{tr.s("Privacy notice, shown before the chat (leave the version empty for none)")}</legend>
                <label>{tr.s("Version")} <input name="notice_version" maxlength="32" placeholder="2026-12"
                    value=version/></label>
                <label class="inline-check"><input type="checkbox" name="notice_required" value="on"
                    checked=required/>
                {tr.s("Customers must accept it before they chat or leave a message")}</label>
                <label class="wide">{tr.s("Notice (Spanish)")}
                    <textarea name="notice_es" rows="4" maxlength="10000">{text_es}</textarea>
                </label>
                <label class="wide">{tr.s("Notice (English)")}
                    <textarea name="notice_en" rows="4" maxlength="10000">{text_en}</textarea>
                </label>
            </fieldset>
            <button type="submit">{tr.s("Save")}</button>
        </ActionForm>
        {status}
    }
}

#[component]
fn Status(inbox: InboxOut, act: ServerAction<ActOnInbox>) -> impl IntoView {
    let tr = use_t();
    let toggle = if inbox.active { ("deactivate", tr.s("Deactivate")) } else { ("activate", tr.s("Reactivate")) };
    view! {
        <section class="card">
            <p>{tr.s("Key")} " " <code data-testid="inbox-key">{inbox.key.clone()}</code> " · "
                {if inbox.active { tr.s("active") } else { tr.s("inactive: the widget does not load") }}</p>
            <div class="actions">
                {[("rotate", tr.s("New identity secret")), toggle].into_iter().map(|(action, label)| view! {
                    <ActionForm action=act attr:class="inline">
                        <input type="hidden" name="id" value=inbox.id/>
                        <input type="hidden" name="action" value=action/>
                        <button type="submit" class="secondary">{label}</button>
                    </ActionForm>
                }).collect_view()}
            </div>
        </section>
    }
}
