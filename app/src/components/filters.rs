//! A list page's filter: a `<select>` named like its query parameter, with the value in the URL
//! selected, so that a filtered list can be linked, reloaded and submitted again as it is.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::T;

/// `options` are (value, label) pairs, the first usually `("", "Any …")`.
#[component]
pub fn FilterSelect(
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let query = use_query_map();
    let current = move || query.read().get(name).unwrap_or_default();
    view! {
        <select name=name aria-label=label>
            {options
                .into_iter()
                .map(|(value, text)| view! { <option value=value selected=move || current() == value>{text}</option> })
                .collect_view()}
        </select>
    }
}

/// The options of a filter on a wire enum: `any` (no filter), then each name as it is sent,
/// shown in the page's language.
pub fn any_of(
    tr: T,
    any: &'static str,
    names: impl IntoIterator<Item = &'static str>,
) -> Vec<(&'static str, &'static str)> {
    std::iter::once(("", any)).chain(names.into_iter().map(|name| (name, tr.s(name)))).collect()
}
