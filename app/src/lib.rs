//! The admin panel: Leptos pages and components (rendered on the server, hydrated in the browser)
//! and the server functions in [`api`] that call the `domain` services.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use components::shell::Shell;
use pages::assistant::{AskPage, answers::AnswersPage};
use pages::audit::AuditPage;
use pages::conversations::ConversationsPage;
use pages::customers::{CustomersPage, profile::CustomerProfilePage};
use pages::inboxes::{InboxesPage, editor::InboxEditorPage};
use pages::knowledge::{KnowledgePage, editor::ArticleEditorPage};
use pages::notifications::NotificationsPage;
use pages::tickets::{TicketsPage, detail::TicketPage};
use pages::{home::HomePage, login::LoginPage, not_found::NotFound, settings::SettingsPage, users::UsersPage};

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <HydrationScripts options/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
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
        <Stylesheet id="leptos" href="/pkg/joxai.css"/>
        <Title text="JoxAI admin"/>
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=LoginPage/>
                <ParentRoute path=path!("") view=Shell ssr=SsrMode::Async>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("tickets") view=TicketsPage ssr=SsrMode::Async/>
                    <Route path=path!("tickets/:ticket_id") view=TicketPage ssr=SsrMode::Async/>
                    <Route path=path!("conversations") view=ConversationsPage ssr=SsrMode::Async/>
                    <Route path=path!("conversations/:id") view=ConversationsPage ssr=SsrMode::Async/>
                    <Route path=path!("customers") view=CustomersPage ssr=SsrMode::Async/>
                    <Route path=path!("customers/new") view=CustomerProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("customers/:id") view=CustomerProfilePage ssr=SsrMode::Async/>
                    <Route path=path!("settings") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("inboxes") view=InboxesPage ssr=SsrMode::Async/>
                    <Route path=path!("inboxes/new") view=InboxEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("inboxes/:id") view=InboxEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("knowledge") view=KnowledgePage ssr=SsrMode::Async/>
                    <Route path=path!("knowledge/new") view=ArticleEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("knowledge/:id") view=ArticleEditorPage ssr=SsrMode::Async/>
                    <Route path=path!("assistant") view=AskPage ssr=SsrMode::Async/>
                    <Route path=path!("assistant/answers") view=AnswersPage ssr=SsrMode::Async/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}
