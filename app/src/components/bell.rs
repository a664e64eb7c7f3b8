//! The bell in the top bar: the signed-in user's unread notifications. The count is rendered on
//! the server (so it shows without JavaScript) and refreshed live when the staff socket says a
//! notification for this user was stored, or when a page marks them read.

use domain::model::{StaffFrame, StaffNews};
use leptos::prelude::*;

use crate::api::notifications::unread_notifications;
use crate::components::live::Live;

/// Pages bump this after they change what is read.
#[derive(Clone, Copy)]
pub struct BellRefresh(pub RwSignal<u64>);

/// The bell link with its unread count.
#[component]
pub fn Bell(user_id: i32, live: Live) -> impl IntoView {
    let refresh = BellRefresh(RwSignal::new(0));
    provide_context(refresh);
    // Only this user's notifications move the count.
    let rings = RwSignal::new(0u64);
    Effect::new(move |seen: Option<u64>| {
        let now = live.version.get();
        if seen.is_some_and(|s| s != now) && live.last.with_untracked(|e| is_mine(e.as_ref(), user_id)) {
            rings.update(|n| *n += 1);
        }
        now
    });
    let unread = Resource::new(move || (rings.get(), refresh.0.get()), |_| unread_notifications());
    let tr = crate::i18n::use_t();
    view! {
        <Transition fallback=move || {
            view! { <a class="bell" href="/notifications" aria-label=tr.s("Notifications")><BellIcon/></a> }
        }>
            {move || Suspend::new(async move {
                let count = unread.await.unwrap_or(0);
                let label = format!("{}: {count} {}", tr.s("Notifications"), tr.s("unread"));
                view! {
                    <a class="bell" href="/notifications" aria-label=label data-testid="bell"
                        data-live=move || live.connected.get().to_string()>
                        <BellIcon/>
                        {(count > 0).then(|| view! { <span class="badge" data-testid="bell-count">{count}</span> })}
                    </a>
                }
            })}
        </Transition>
    }
}

fn is_mine(frame: Option<&StaffFrame>, user_id: i32) -> bool {
    let Some(StaffFrame::News(n)) = frame else { return false };
    matches!(&n.news, StaffNews::NotificationCreated(bell) if bell.user_id == user_id)
}

/// A bell drawn in SVG (emoji fonts are not everywhere).
#[component]
fn BellIcon() -> impl IntoView {
    view! {
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 \
                     0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"/>
        </svg>
    }
}
