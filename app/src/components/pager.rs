//! "1–25 of 80 · ← Newer · Older →" under a paged list. Links keep the page's other query
//! parameters and move `skip`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// The pager for `shown` rows starting at `skip` of `total`, `limit` per page, on `path` (keeping
/// the query parameters named in `keep`).
#[component]
pub fn Pager(
    path: &'static str,
    keep: &'static [&'static str],
    skip: u64,
    limit: u64,
    shown: usize,
    total: u64,
) -> impl IntoView {
    let query = use_query_map();
    let tr = crate::i18n::use_t();
    let link = move |to: u64| {
        let q = query.read();
        let kept: String = keep.iter().filter_map(|k| q.get(k).map(|v| format!("&{k}={v}"))).collect();
        format!("{path}?skip={to}{kept}")
    };
    let (first, last) = (skip + 1, skip + shown as u64);
    let prev = (skip > 0).then(|| link(skip.saturating_sub(limit)));
    let next = (last < total).then(|| link(last));
    view! {
        <p class="pager">
            {tr.fill("{}–{} of {}", &[&first, &last, &total])} " "
            {prev.map(|href| view! { <A href=href>{tr.s("← Newer")}</A> })} " "
            {next.map(|href| view! { <A href=href>{tr.s("Older →")}</A> })}
        </p>
    }
}
