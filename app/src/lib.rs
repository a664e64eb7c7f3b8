//! The admin panel: Leptos pages and components (rendered on the server, hydrated in the browser)
//! and the server functions in [`api`] that call the `domain` services.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod i18n;
mod lazy;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use components::shell::Shell;
use lazy::{
    AccountPage, AnswersPage, ArticleEditorPage, AskPage, AuditPage, ConversationsPage, CustomerProfilePage,
    CustomersPage, FiguresPage, HomePage, InboxEditorPage, InboxesPage, KnowledgePage, LoginPage, NotificationsPage,
    SettingsPage, SystemPage, TicketPage, TicketsPage, UsersPage,
};
use pages::not_found::NotFound;

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        // (`lang` comes from the page: leptos_meta's `Html`, in the reader's language)
        <html>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HashedStylesheet id="leptos" options=options.clone()/>
                <HydrationScripts options/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // One title for every page, written here rather than by a `<Title>` in the app: the
                // browser's code then needs no title handling.
                <title>"JoxAI admin"</title>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The admin panel's routes.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view={Lazy::<LoginPage>::new()} ssr=SsrMode::Async/>
                <ParentRoute path=path!("") view=Shell ssr=SsrMode::Async>
                    <Route path=path!("") view={Lazy::<HomePage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("account") view={Lazy::<AccountPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("figures") view={Lazy::<FiguresPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("users") view={Lazy::<UsersPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("tickets") view={Lazy::<TicketsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("tickets/:ticket_id") view={Lazy::<TicketPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("conversations") view={Lazy::<ConversationsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("conversations/:id") view={Lazy::<ConversationsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers") view={Lazy::<CustomersPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/new") view={Lazy::<CustomerProfilePage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id") view={Lazy::<CustomerProfilePage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("settings") view={Lazy::<SettingsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("audit") view={Lazy::<AuditPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("system") view={Lazy::<SystemPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("notifications") view={Lazy::<NotificationsPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("inboxes") view={Lazy::<InboxesPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("inboxes/new") view={Lazy::<InboxEditorPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("inboxes/:id") view={Lazy::<InboxEditorPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("knowledge") view={Lazy::<KnowledgePage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("knowledge/new") view={Lazy::<ArticleEditorPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("knowledge/:id") view={Lazy::<ArticleEditorPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("assistant") view={Lazy::<AskPage>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("assistant/answers") view={Lazy::<AnswersPage>::new()} ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
