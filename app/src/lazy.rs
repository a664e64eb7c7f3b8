//! The admin pages as lazy routes: each page's code is a wasm chunk of its own (cargo-leptos
//! `--split`), which the browser loads when the page is first shown, so a first load carries the
//! shell and one page, not the whole panel. Each type here stands for the page of the same name.

use leptos::prelude::*;
use leptos_router::{LazyRoute, lazy_route};

use crate::pages;

macro_rules! lazy_pages {
    ($($page:ident => $component:path),* $(,)?) => {$(
        #[doc = concat!("[`", stringify!($component), "`], loaded when first shown.")]
        pub struct $page;

        #[lazy_route]
        impl LazyRoute for $page {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                view! { <$component/> }.into_any()
            }
        }
    )*};
}

lazy_pages! {
    LoginPage => pages::login::LoginPage,
    HomePage => pages::home::HomePage,
    AccountPage => pages::account::AccountPage,
    FiguresPage => pages::figures::FiguresPage,
    UsersPage => pages::users::UsersPage,
    TicketsPage => pages::tickets::TicketsPage,
    TicketPage => pages::tickets::detail::TicketPage,
    ConversationsPage => pages::conversations::ConversationsPage,
    CustomersPage => pages::customers::CustomersPage,
    CustomerProfilePage => pages::customers::profile::CustomerProfilePage,
    SettingsPage => pages::settings::SettingsPage,
    AuditPage => pages::audit::AuditPage,
    SystemPage => pages::system::SystemPage,
    NotificationsPage => pages::notifications::NotificationsPage,
    InboxesPage => pages::inboxes::InboxesPage,
    InboxEditorPage => pages::inboxes::editor::InboxEditorPage,
    KnowledgePage => pages::knowledge::KnowledgePage,
    ArticleEditorPage => pages::knowledge::editor::ArticleEditorPage,
    AskPage => pages::assistant::AskPage,
    AnswersPage => pages::assistant::answers::AnswersPage,
}
