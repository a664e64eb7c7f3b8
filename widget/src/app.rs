//! The chat panel inside the frame: header, connection banner, messages (`role="log"`), the
//! composer with the ever-present "talk to a person" button, the rating when the chat closes, and
//! the pre-chat and offline forms.

use domain::model::MessageRole;
use leptos::ev;
use leptos::prelude::*;

use crate::bridge;
use crate::chat::{Chat, Stage};
use crate::i18n::{Lang, Text, text};
use crate::json::{object, s};

/// The whole widget.
#[component]
pub fn Widget(inbox: String, lang: Option<Lang>) -> impl IntoView {
    let chat = Chat::new(inbox);
    chat.load(lang);
    let listener = window_event_listener(ev::message, move |event| {
        let Some(message) = bridge::read(&event) else { return };
        match message.text("type").as_str() {
            "joxai:open" => chat.opened(),
            "joxai:identify" => {
                if let Some(token) = message.get("token").as_str() {
                    chat.identify(token);
                }
            }
            "joxai:locale" => {
                if let Some(lang) = Lang::parse(&message.text("lang")) {
                    chat.set_lang(lang);
                }
            }
            _ => {}
        }
    });
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" {
            bridge::post(&object(&[("type", s("joxai:close"))]));
        }
    });
    on_cleanup(move || {
        listener.remove();
        keys.remove();
    });
    // Strings are plain text: a change of language (or of step) draws the panel again.
    move || {
        let lang = chat.lang.get();
        let t = text(lang);
        let other = if lang == Lang::Es { Lang::En } else { Lang::Es };
        let (title, accent) = chat.config.with(|c| {
            c.as_ref().map_or_else(|| (t.title.to_owned(), String::new()), |c| (c.name.clone(), c.theme_color.clone()))
        });
        let body = match chat.stage.get() {
            Stage::Loading => view! { <p class="joxai-note" role="status">"…"</p> }.into_any(),
            Stage::Broken => view! { <p class="joxai-note" role="alert">{t.error}</p> }.into_any(),
            Stage::Notice => view! { <crate::notice::Notice chat t/> }.into_any(),
            Stage::Prechat => view! { <ContactForm chat t offline=false/> }.into_any(),
            Stage::Offline => view! { <ContactForm chat t offline=true/> }.into_any(),
            Stage::OfflineSent(answer) => {
                view! { <p class="joxai-note" role="status" data-testid="offline-sent">{answer}</p> }.into_any()
            }
            Stage::Chat => view! { <Conversation chat t/> }.into_any(),
        };
        view! {
            <main class="joxai" lang=lang.code() style=format!("--joxai-accent: {accent}")>
                <header class="joxai-head">
                    <h1>{title}</h1>
                    <button type="button" class="joxai-lang" lang=other.code()
                        on:click=move |_| chat.set_lang(other)>{t.language}</button>
                    <button type="button" class="joxai-close" aria-label=t.close data-testid="widget-close"
                        on:click=move |_| bridge::post(&object(&[("type", s("joxai:close"))]))>"×"</button>
                </header>
                {body}
            </main>
        }
    }
}

#[component]
fn Conversation(chat: Chat, t: &'static Text) -> impl IntoView {
    let list = NodeRef::<leptos::html::Div>::new();
    // Keep the newest message in view.
    Effect::new(move |_| {
        chat.messages.track();
        chat.outbox.track();
        if let Some(list) = list.get() {
            list.set_scroll_top(list.scroll_height());
        }
    });
    let pending = move || {
        chat.outbox.get().into_iter().map(|o| {
            view! {
                <li class="joxai-msg customer pending" data-client-id=o.client_id>
                    <span class="joxai-sr">{t.you} ": "</span>
                    <p>{o.text}</p>
                    <span class="joxai-meta">{move || if chat.connected.get() { t.sending } else { t.not_sent }}</span>
                </li>
            }
        }).collect_view()
    };
    view! {
        {move || (!chat.connected.get()).then(|| view! {
            <p class="joxai-banner" role="status" data-testid="offline-banner">{t.offline_banner}</p>
        })}
        <div class="joxai-messages" role="log" aria-live="polite" aria-label=t.messages node_ref=list
            data-testid="widget-messages" tabindex="0">
            <ol class="joxai-list">
                <For each=move || chat.messages.get() key=|m| m.seq let:message>
                    <Message message t/>
                </For>
                {pending}
                {move || {
                    let words = chat.streaming.get();
                    (!words.is_empty()).then(|| view! {
                        <li class="joxai-msg assistant" aria-busy="true" data-testid="streaming">
                            <span class="joxai-who">{t.assistant}</span>
                            <p>{words}</p>
                        </li>
                    })
                }}
            </ol>
        </div>
        // One status line: the agent typing or the customer's place in line (never both: a person who
        // types has the conversation), then whether a person has read what the customer wrote.
        <p class="joxai-typing" aria-live="polite" data-testid="status">{move || {
            let mut line = if chat.agent_typing.get() > 0 { t.agent_typing.to_owned() } else { chat.queue.get() };
            if chat.read.get() {
                line.push(' ');
                line.push_str(t.read);
            }
            line
        }}</p>
        {move || chat.closed.get().then(|| view! { <Rating chat t/> })}
        <p class="joxai-error" role="alert">{move || chat.error.get()}</p>
        <Composer chat t/>
    }
}

#[component]
fn Message(message: crate::api::Msg, t: &'static Text) -> impl IntoView {
    let role = message.role;
    let who = match role {
        MessageRole::Customer => t.you,
        MessageRole::Assistant => t.assistant,
        MessageRole::Agent => t.agent,
        MessageRole::System => "",
    };
    let sources = message.sources;
    let cited = (!sources.is_empty()).then(|| {
        view! {
            <div class="joxai-sources" data-testid="sources">
                <span>{t.sources} ": "</span>
                <ul>{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <li class=format!("joxai-msg {}", role.as_str()) data-seq=message.seq data-role=role.as_str()>
            <span class="joxai-who">{who}</span>
            <p>{message.content}</p>
            {cited}
        </li>
    }
}

#[component]
fn Composer(chat: Chat, t: &'static Text) -> impl IntoView {
    let draft = RwSignal::new(String::new());
    let submit = move || {
        let value = draft.get_untracked();
        if !value.trim().is_empty() {
            chat.send(value);
            draft.set(String::new());
        }
    };
    view! {
        <form class="joxai-compose" data-testid="widget-form" on:submit=move |ev| { ev.prevent_default(); submit(); }>
            <label class="joxai-sr" for="joxai-input">{t.message_label}</label>
            <textarea id="joxai-input" rows="2" placeholder=t.placeholder maxlength="4000"
                prop:value=move || draft.get()
                on:input=move |ev| { draft.set(event_target_value(&ev)); chat.typing(); }
                on:keydown=move |ev| {
                    if ev.key() == "Enter" && !ev.shift_key() {
                        ev.prevent_default();
                        submit();
                    }
                }></textarea>
            <button type="submit" class="joxai-send">{t.send}</button>
        </form>
        <button type="button" class="joxai-human" data-testid="talk-to-person" on:click=move |_| chat.escalate()>
            {t.human}
        </button>
        // The customer's copy: a plain form, so the visitor token travels in the body, not a URL.
        {move || chat.session.get().map(|s| view! {
            <form class="joxai-copy" method="post" action=format!("/api/v1/chat/{}/export", s.conversation_id)>
                <input type="hidden" name="token" value=s.visitor_token/>
                <button type="submit" data-testid="download-copy">{t.copy}</button>
            </form>
        })}
    }
}

#[component]
fn Rating(chat: Chat, t: &'static Text) -> impl IntoView {
    let score = RwSignal::new(0);
    let comment = RwSignal::new(String::new());
    let thanks = move || {
        view! {
            <div class="joxai-rated" role="status">
                <p data-testid="rating-thanks">{t.thanks}</p>
                <button type="button" class="joxai-human" on:click=move |_| chat.start_over()>{t.new_chat}</button>
            </div>
        }
    };
    move || {
        if chat.rated.get() {
            return thanks().into_any();
        }
        view! {
            <form class="joxai-rating" data-testid="rating-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    if score.get() > 0 {
                        chat.rate(score.get(), comment.get());
                    }
                }>
                <fieldset>
                    <legend>{t.rate_title} " " <span class="joxai-sr">{t.rate_legend}</span></legend>
                    <div class="joxai-stars">
                        {(1..=5).map(|n| view! {
                            <label>
                                <input type="radio" name="score" value=n.to_string() on:change=move |_| score.set(n)/>
                                <span aria-hidden="true">{n}</span>
                                <span class="joxai-sr">{t.stars[n as usize - 1]}</span>
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                <label for="joxai-comment">{t.comment}</label>
                <textarea id="joxai-comment" rows="2" maxlength="1000" prop:value=move || comment.get()
                    on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                <button type="submit" disabled=move || score.get() == 0>{t.rate_send}</button>
            </form>
        }
        .into_any()
    }
}

/// The pre-chat form (name and e-mail, then the chat) or, outside business hours, the offline
/// form (name, e-mail and a message, which becomes a ticket): one form, so one piece of code.
#[component]
fn ContactForm(chat: Chat, t: &'static Text, offline: bool) -> impl IntoView {
    let (name, email, message) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (id, intro, submit) = if offline {
        ("offline-form", t.offline_intro, t.offline_send)
    } else {
        ("prechat-form", t.prechat_intro, t.start)
    };
    let text = offline.then(|| {
        view! {
            <label for="joxai-offline">{t.offline_message}</label>
            <textarea id="joxai-offline" required=true rows="4" maxlength="4000"
                on:input=move |ev| message.set(event_target_value(&ev))></textarea>
            <p class="joxai-error" role="alert">{move || chat.error.get()}</p>
        }
    });
    view! {
        <form class="joxai-form" data-testid=id on:submit=move |ev| {
            ev.prevent_default();
            if offline {
                chat.leave_offline_message(name.get(), email.get(), message.get());
            } else {
                let metadata = object(&[("name", s(&name.get())), ("email", s(&email.get()))]);
                leptos::task::spawn_local(async move { chat.ensure_started(Some(metadata)).await; });
            }
        }>
            <p>{intro}</p>
            <label for="joxai-name">{t.name}</label>
            <input id="joxai-name" required=true maxlength="128" autocomplete="name"
                on:input=move |ev| name.set(event_target_value(&ev))/>
            <label for="joxai-email">{t.email}</label>
            <input id="joxai-email" type="email" required=true maxlength="254" autocomplete="email"
                on:input=move |ev| email.set(event_target_value(&ev))/>
            {text}
            <button type="submit">{submit}</button>
        </form>
    }
}
