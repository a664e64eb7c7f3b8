//! `/knowledge`: the knowledge base — search (ranked by the assistant's own index), filters by
//! category, language and status, and links to each article's editor.

pub mod editor;

use domain::model::ArticleOut;
use leptos::prelude::*;
use leptos_router::components::{A, Form};
use leptos_router::hooks::use_query_map;

use crate::api::knowledge::{article_categories, list_articles};
use crate::components::filters::FilterSelect;
use crate::components::forbidden::load_error;
use crate::i18n::use_t;

/// The list page; the search and filters live in the URL so results can be shared.
#[component]
pub fn KnowledgePage() -> impl IntoView {
    let tr = use_t();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let articles = Resource::new(
        move || (param("q"), param("category"), param("language"), param("status")),
        |(q, category, language, status)| list_articles(q, category, language, status),
    );
    let categories = Resource::new(|| (), |_| article_categories());
    view! {
        <div class="page-head">
            <h1>{tr.s("Knowledge base")}</h1>
            <div class="actions">
                <A href="/assistant" attr:class="button secondary">{tr.s("Ask the assistant")}</A>
                <A href="/knowledge/new" attr:class="button" attr:data-testid="new-article">{tr.s("New article")}</A>
            </div>
        </div>
        <Form method="GET" action="" attr:class="filters card" attr:data-testid="kb-filters">
            <input type="search" name="q" placeholder=tr.s("Search articles…") aria-label=tr.s("Search")
                prop:value=move || param("q")/>
            <select name="category" aria-label=tr.s("Category")>
                <option value="">{tr.s("All categories")}</option>
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let selected = param("category");
                        categories.await.unwrap_or_default().into_iter().map(|c| {
                            let is = c == selected;
                            view! { <option value=c.clone() selected=is>{c.clone()}</option> }
                        }).collect_view()
                    })}
                </Suspense>
            </select>
            <FilterSelect name="language" label=tr.s("Language")
                options=vec![("", tr.s("Any language")), ("es", "Español"), ("en", "English")]/>
            <FilterSelect name="status" label=tr.s("Status")
                options=vec![("", tr.s("Active and inactive")), ("active", tr.s("Active")),
                    ("inactive", tr.s("Inactive"))]/>
            <button type="submit">{tr.s("Search")}</button>
        </Form>
        <Transition fallback=move || view! { <p class="loading">{tr.s("Loading…")}</p> }>
            {move || Suspend::new(async move {
                match articles.await {
                    Ok(list) => view! { <ArticleTable list searching=!param("q").trim().is_empty()/> }.into_any(),
                    Err(e) => load_error(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn ArticleTable(list: Vec<ArticleOut>, searching: bool) -> impl IntoView {
    let tr = use_t();
    if list.is_empty() {
        let text = if searching { tr.s("No active article matches that search.") } else { tr.s("No articles yet.") };
        return view! { <p class="empty" data-testid="kb-empty">{text}</p> }.into_any();
    }
    let count = list.len();
    view! {
        <p class="muted">{count} " " {if count == 1 { tr.s("article") } else { tr.s("articles") }}
        {searching.then_some(tr.s(", best match first"))}</p>
        <table data-testid="kb-table">
            <thead>
                <tr><th>{tr.s("Title")}</th><th>{tr.s("Category")}</th><th>{tr.s("Language")}</th><th>
                    {tr.s("Status")}</th><th>{tr.s("Version")}</th>
                <th>{tr.s("Updated")}</th></tr>
            </thead>
            <tbody>
                {list.into_iter().map(|a| view! {
                    <tr data-article-id=a.id>
                        <td><a href=format!("/knowledge/{}", a.id)>{a.title.clone()}</a></td>
                        <td>{a.category.clone()}</td>
                        <td>{a.language.clone()}</td>
                        <td>
                            <span class=if a.is_active { "badge ok" } else { "badge off" }>
                                {if a.is_active { tr.s("active") } else { tr.s("inactive") }}
                            </span>
                        </td>
                        <td>{a.version}</td>
                        <td>{tr.when(a.updated_at)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
