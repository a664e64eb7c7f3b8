//! Figures as cards (name, value, a note under it) and the periods figure pages offer.

use leptos::prelude::*;

use crate::i18n::T;

/// One card: what it counts, the figure, and a note that qualifies it.
pub type Stat = (&'static str, String, String);

/// A grid of figures.
#[component]
pub fn StatCards(cards: Vec<Stat>, testid: &'static str) -> impl IntoView {
    view! {
        <div class="grid" data-testid=testid>
            {cards.into_iter().map(|(name, value, note)| view! {
                <div class="card stat">
                    <div class="stat-name">{name}</div>
                    <div class="stat-value">{value}</div>
                    <div class="stat-note">{note}</div>
                </div>
            }).collect_view()}
        </div>
    }
}

/// The periods (days, name) a figure page offers.
pub fn periods(tr: T) -> [(i64, &'static str); 4] {
    [(7, tr.s("Last 7 days")), (14, tr.s("Last 14 days")), (30, tr.s("Last 30 days")), (90, tr.s("Last 90 days"))]
}
