//! `/knowledge/new` and `/knowledge/{id}`: write an article in Markdown with a live preview
//! (rendered and sanitised on the server), save it, deactivate or reactivate it. Everyone may
//! read; the domain lets only ADMIN and SUPERVISOR save.

use domain::model::{ArticleOut, Role};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::auth::me;
use crate::api::knowledge::{SaveArticle, SetArticleActive, get_article, preview_markdown};
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The editor for a new article or an existing one.
#[component]
pub fn ArticleEditorPage() -> impl IntoView {
    let tr = use_t();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|s| s.parse::<i32>().ok());
    let article = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_article(id).await.map(Some),
            None => Ok(None),
        }
    });
    let user = Resource::new(|| (), |_| me());
    view! {
        <Suspense fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                let can_write = user.await.is_ok_and(|u| matches!(u.role, Role::Admin | Role::Supervisor));
                match article.await {
                    Ok(article) => view! { <Editor article can_write/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Editor(article: Option<ArticleOut>, can_write: bool) -> impl IntoView {
    let tr = use_t();
    let save = ServerAction::<SaveArticle>::new();
    let is_new = article.is_none();
    let content = RwSignal::new(article.as_ref().map(|a| a.content.clone()).unwrap_or_default());
    let preview = preview_of(content);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(saved)) = save.value().get()
            && is_new
        {
            navigate(&format!("/knowledge/{}", saved.id), Default::default());
        }
    });
    let message = move || match save.value().get() {
        Some(Ok(a)) => Some(view! { <p class="ok" role="status">"Saved — version " {a.version}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p class="error" role="alert">{e.told(tr)}</p> }.into_any()),
        None => None,
    };
    let a = article.clone();
    let field = move |f: fn(&ArticleOut) -> String| a.as_ref().map(f).unwrap_or_default();
    let language = field(|a| a.language.clone());
    let heading = article.as_ref().map_or_else(|| tr.s("New article").to_owned(), |a| a.title.clone());
    let id = article.as_ref().map(|a| a.id.to_string()).unwrap_or_default();
    view! {
        <div class="page-head">
            <h1>{heading}</h1>
            <div class="actions"><A href="/knowledge" attr:class="button secondary">{tr.s("Back to the list")}</A></div>
        </div>
        {(!can_write).then(|| view! {
            <p class="muted" data-testid="read-only">
                {tr.s("Read only: only administrators and supervisors edit the knowledge base.")}
            </p>
        })}
        <ActionForm action=save attr:class="card article-form" attr:data-testid="article-form">
            <input type="hidden" name="id" value=id/>
            <div class="grid">
                <label class="wide">{tr.s("Title")} <input name="title" required=true maxlength="255"
                    value=field(|a| a.title.clone())/></label>
                <label>{tr.s("Category")} <input name="category" required=true placeholder=tr.s("cards")
                    value=field(|a| a.category.clone())/></label>
                <label>
                    {tr.s("Language")}
                    <select name="language">
                        <option value="" selected=language.is_empty()>{tr.s("Detect")}</option>
                        <option value="es" selected=language == "es">"Español"</option>
                        <option value="en" selected=language == "en">"English"</option>
                    </select>
                </label>
                <label class="wide">{tr.s("Tags (comma-separated)")} <input name="tags"
                    value=field(|a| a.tags.join(", "))/>
                </label>
                <label class="wide">
                    {tr.s("Example questions (one per line: other ways customers ask this)")}
                    <textarea name="examples" rows="4"
                        data-testid="article-examples">{field(|a| a.examples.join("\n"))}</textarea>
                </label>
            </div>
            <div class="editor">
                <label>
                    {tr.s("Content (Markdown)")}
                    <textarea name="content" rows="18" required=true
                        on:input=move |ev| content.set(event_target_value(&ev))
                        prop:value=move || content.get()>{content.get_untracked()}</textarea>
                </label>
                <section class="preview" aria-label=tr.s("Preview") data-testid="article-preview">
                    <div class="markdown" node_ref=preview></div>
                </section>
            </div>
            {message}
            <button type="submit" disabled=!can_write>{tr.s("Save")}</button>
        </ActionForm>
        {article.map(|a| view! { <Status article=a can_write/> })}
    }
}

/// The live preview: rendered on the server as the content changes, and set as the element's
/// HTML in the browser only. (Server-rendering HTML with several top-level elements inside a
/// hydrated island broke hydration; the preview needs no server rendering.)
fn preview_of(content: RwSignal<String>) -> NodeRef<leptos::html::Div> {
    let node = NodeRef::<leptos::html::Div>::new();
    let html = RwSignal::new(String::new());
    let latest = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = content.get();
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        leptos::task::spawn_local(async move {
            // Only the newest request's answer is shown.
            if let Ok(rendered) = preview_markdown(text).await
                && latest.get_value() == ticket
            {
                html.set(rendered);
            }
        });
    });
    Effect::new(move |_| {
        let rendered = html.get();
        if let Some(element) = node.get() {
            element.set_inner_html(&rendered);
        }
    });
    node
}

/// Version, authorship and the deactivate / reactivate switch.
#[component]
fn Status(article: ArticleOut, can_write: bool) -> impl IntoView {
    let tr = use_t();
    let toggle = ServerAction::<SetArticleActive>::new();
    let active = RwSignal::new(article.is_active);
    Effect::new(move |_| {
        if let Some(Ok(a)) = toggle.value().get() {
            active.set(a.is_active);
        }
    });
    let error = move || toggle.value().get().and_then(Result::err).map(|e| e.told(tr));
    view! {
        <section class="card status" data-testid="article-status">
            <p>
                {tr.fill("Version {} · updated {} UTC", &[&article.version, &tr.when(article.updated_at)])}
                " · "
                <span data-testid="article-active" class=move || if active.get() { "badge ok" } else { "badge off" }>
                    {move || if active.get() { tr.s("active") } else { tr.s("inactive") }}
                </span>
            </p>
            <ActionForm action=toggle attr:class="inline">
                <input type="hidden" name="id" value=article.id/>
                <input type="hidden" name="active" value=move || (!active.get()).to_string()/>
                <button type="submit" class="secondary" disabled=!can_write data-testid="toggle-active">
                    {move || if active.get() { tr.s("Deactivate") } else { tr.s("Reactivate") }}
                </button>
            </ActionForm>
            <p class="error" role="alert">{error}</p>
        </section>
    }
}
