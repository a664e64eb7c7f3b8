//! What happens that someone must hear about by e-mail: a ticket assigned, a ticket's status
//! changed, an escalation, an offline message. Each builds its notifications from the
//! templates and stores them; a failure to store is logged and never undoes the change itself.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::templates::{Link, Rendered, quoted, render};
use super::{Draft, enqueue};
use crate::entities::{settings, tickets, users};
use crate::model::{NotificationCategory, NotificationType, Priority, Role, TicketStatus};

/// The per-user setting holding a staff member's phone number for urgent SMS alerts.
pub const SMS_PHONE: &str = "sms_phone";
use crate::state::AppState;

/// The ticket with its customer's name and e-mail and its subject opened; `None` (logged) when
/// they cannot be read, and then nobody is told.
fn readable(state: &AppState, ticket: &tickets::Model) -> Option<tickets::Model> {
    state
        .vault
        .open_ticket(ticket.clone())
        .map_err(|error| tracing::error!(%error, ticket = ticket.ticket_id, "cannot read a ticket to notify about"))
        .ok()
}

fn ticket_link(state: &AppState, ticket: &tickets::Model) -> String {
    format!("{}/tickets/{}", state.config.notify.public_url, ticket.ticket_id)
}

async fn send(
    state: &AppState,
    user: Option<&users::Model>,
    email: Option<String>,
    category: NotificationCategory,
    ticket: &tickets::Model,
    r: Rendered,
) {
    let draft = Draft {
        user_id: user.map(|u| u.id),
        email: email.or_else(|| user.map(|u| u.email.clone())),
        phone: None,
        kind: NotificationType::Email,
        category,
        subject: r.subject,
        body: r.text,
        html: Some(r.html),
        resource: Some(("ticket", ticket.ticket_id.clone())),
    };
    if let Err(error) = enqueue(state, draft).await {
        tracing::error!(%error, ticket = ticket.ticket_id, "could not store a notification");
    }
}

fn facts(ticket: &tickets::Model) -> Vec<(&'static str, String)> {
    vec![
        ("Ticket", ticket.ticket_id.clone()),
        ("Subject", ticket.subject.clone()),
        ("Priority", ticket.priority.to_string()),
        ("Category", ticket.category.clone()),
        ("Customer", quoted(&ticket.customer_name)),
    ]
}

/// `agent` was given `ticket` (not by themselves).
pub async fn ticket_assigned(state: &AppState, ticket: &tickets::Model, agent: &users::Model) {
    let Some(ticket) = readable(state, ticket) else { return };
    let ticket = &ticket;
    let link = ticket_link(state, ticket);
    let r = render(
        "New Ticket Assigned".into(),
        "New ticket assigned",
        &[format!("You have been assigned ticket {}", ticket.ticket_id)],
        &facts(ticket),
        Some(Link { label: "Open the ticket", url: &link }),
    );
    send(state, Some(agent), None, NotificationCategory::Ticket, ticket, r).await;
}

/// `ticket` went from `from` to its current status, by `actor_id`: its agent hears (unless they
/// did it), and so does the customer when it is resolved or closed and they left an e-mail.
pub async fn ticket_status_changed(state: &AppState, ticket: &tickets::Model, from: TicketStatus, actor_id: i32) {
    let Some(ticket) = readable(state, ticket) else { return };
    let ticket = &ticket;
    let agent = match ticket.assigned_to.filter(|a| *a != actor_id) {
        Some(id) => users::Entity::find_by_id(id).one(&state.db).await.ok().flatten(),
        None => None,
    };
    if let Some(agent) = agent {
        let link = ticket_link(state, ticket);
        let r = render(
            format!("Ticket {} is now {}", ticket.ticket_id, ticket.status),
            "Ticket status changed",
            &[format!("Ticket {} changed from {from} to {}.", ticket.ticket_id, ticket.status)],
            &facts(ticket),
            Some(Link { label: "Open the ticket", url: &link }),
        );
        send(state, Some(&agent), None, NotificationCategory::Ticket, ticket, r).await;
    }
    let done = matches!(ticket.status, TicketStatus::Resolved | TicketStatus::Closed);
    if let Some(email) = ticket.customer_email.clone().filter(|_| done) {
        let r = render(
            format!("Tu caso {0} está resuelto / Your case {0} is resolved", ticket.ticket_id),
            "Caso resuelto · Case resolved",
            &[
                format!(
                    "Hola {}: hemos resuelto tu caso {}. Si necesitas algo más, \
                     responde a este correo o abre el chat.",
                    ticket.customer_name, ticket.ticket_id
                ),
                format!(
                    "Hello {}: we have resolved your case {}. If you need anything else, \
                     reply to this e-mail or open the chat.",
                    ticket.customer_name, ticket.ticket_id
                ),
            ],
            &[],
            None,
        );
        send(state, None, Some(email), NotificationCategory::Ticket, ticket, r).await;
    }
}

/// Who hears about escalations and offline messages: active supervisors, or the admins when
/// there are none.
async fn supervisors(state: &AppState) -> Vec<users::Model> {
    for role in [Role::Supervisor, Role::Admin] {
        match users::Entity::find()
            .filter(users::Column::Role.eq(role))
            .filter(users::Column::IsActive.eq(true))
            .all(&state.db)
            .await
        {
            Ok(found) if !found.is_empty() => return found,
            Ok(_) => {}
            Err(error) => {
                tracing::error!(%error, "could not find whom to alert");
                return Vec::new();
            }
        }
    }
    Vec::new()
}

/// `user`'s sign-in was locked after failed passwords in a row: a notice to the admins.
pub async fn account_locked(state: &AppState, user: &users::Model) {
    let admins = match users::Entity::find()
        .filter(users::Column::Role.eq(Role::Admin))
        .filter(users::Column::IsActive.eq(true))
        .all(&state.db)
        .await
    {
        Ok(admins) => admins,
        Err(error) => {
            tracing::error!(%error, "could not find the admins to tell of a lockout");
            return;
        }
    };
    for admin in admins {
        let r = render(
            format!("Sign-in locked: {}", user.username),
            "An account's sign-in was locked",
            &[format!(
                "Several wrong passwords in a row were tried for {} ({}). Sign-in is locked for a while, longer \
                 after each further failure. If this was not its owner, check the audit log.",
                user.username, user.role
            )],
            &[],
            None,
        );
        let draft = Draft {
            user_id: Some(admin.id),
            email: Some(admin.email.clone()),
            phone: None,
            kind: NotificationType::Email,
            category: NotificationCategory::System,
            subject: r.subject,
            body: r.text,
            html: Some(r.html),
            resource: Some(("user", user.id.to_string())),
        };
        if let Err(error) = enqueue(state, draft).await {
            tracing::error!(%error, "could not store a lockout notice");
        }
    }
}

/// A conversation was escalated and `ticket` opened: an alert to the supervisors.
pub async fn escalated(state: &AppState, ticket: &tickets::Model) {
    let Some(ticket) = readable(state, ticket) else { return };
    let ticket = &ticket;
    let link = ticket_link(state, ticket);
    for supervisor in supervisors(state).await {
        let r = render(
            format!("Escalation alert: {} ({})", ticket.ticket_id, ticket.priority),
            "A conversation was escalated",
            &[format!("A customer conversation needs a person: {}.", ticket.subject)],
            &facts(ticket),
            Some(Link { label: "Open the ticket", url: &link }),
        );
        send(state, Some(&supervisor), None, NotificationCategory::Conversation, ticket, r).await;
        if ticket.priority == Priority::Urgent {
            sms(state, &supervisor, ticket).await;
        }
    }
}

/// `ticket` missed a service-level deadline (`what`: "first response" or "resolution", which was
/// `due`): the supervisors are told, and its assignee.
pub async fn sla_breached(
    state: &AppState,
    ticket: &tickets::Model,
    what: &str,
    due: Option<chrono::DateTime<chrono::Utc>>,
) {
    let Some(ticket) = readable(state, ticket) else { return };
    let ticket = &ticket;
    let link = ticket_link(state, ticket);
    let mut people = supervisors(state).await;
    if let Some(assignee) = ticket.assigned_to.filter(|id| people.iter().all(|p| p.id != *id))
        && let Ok(Some(user)) = users::Entity::find_by_id(assignee).one(&state.db).await
    {
        people.push(user);
    }
    let mut details = facts(ticket);
    details.push(("Was due", due.map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()));
    for person in people {
        let r = render(
            format!("SLA breached: {} {what} overdue ({})", ticket.ticket_id, ticket.priority),
            "A service-level deadline was missed",
            &[format!("The {what} of this ticket is overdue: {}.", ticket.subject)],
            &details,
            Some(Link { label: "Open the ticket", url: &link }),
        );
        send(state, Some(&person), None, NotificationCategory::Ticket, ticket, r).await;
    }
}

/// An urgent escalation also goes by SMS to a supervisor who set a phone number in their own
/// settings (`sms_phone`).
async fn sms(state: &AppState, supervisor: &users::Model, ticket: &tickets::Model) {
    let key = format!("user:{}:{SMS_PHONE}", supervisor.id);
    let phone = match settings::Entity::find().filter(settings::Column::ScopeKey.eq(key)).one(&state.db).await {
        Ok(row) => row.and_then(|r| r.value.as_str().map(str::to_owned)),
        Err(error) => {
            tracing::error!(%error, "could not read a supervisor's SMS number");
            None
        }
    };
    let Some(phone) = phone.filter(|p| !p.trim().is_empty()) else { return };
    let draft = Draft {
        user_id: Some(supervisor.id),
        email: None,
        phone: Some(phone.trim().to_owned()),
        kind: NotificationType::Sms,
        category: NotificationCategory::Conversation,
        subject: format!("Urgent escalation {}", ticket.ticket_id),
        body: format!("JoxAI: urgent escalation {} ({}). Open the admin panel.", ticket.ticket_id, ticket.category),
        html: None,
        resource: Some(("ticket", ticket.ticket_id.clone())),
    };
    if let Err(error) = enqueue(state, draft).await {
        tracing::error!(%error, ticket = ticket.ticket_id, "could not store an SMS");
    }
}

/// A customer left a message while nobody was there: a receipt to them, in their language, and
/// an alert to the supervisors.
pub async fn offline_received(state: &AppState, ticket: &tickets::Model, english: bool) {
    let Some(ticket) = readable(state, ticket) else { return };
    let ticket = &ticket;
    if let Some(email) = ticket.customer_email.clone() {
        let r = if english {
            render(
                format!("We received your message ({})", ticket.ticket_id),
                "We received your message",
                // Nothing the form's sender typed goes into this e-mail: it is sent to whatever
                // address the form was given, under the bank's name.
                &[format!(
                    "Thank you for writing. We will answer by e-mail; your case number is {}.",
                    ticket.ticket_id
                )],
                &[],
                None,
            )
        } else {
            render(
                format!("Recibimos tu mensaje ({})", ticket.ticket_id),
                "Recibimos tu mensaje",
                &[format!(
                    "Gracias por escribirnos. Te responderemos por correo; tu número de caso es {}.",
                    ticket.ticket_id
                )],
                &[],
                None,
            )
        };
        send(state, None, Some(email), NotificationCategory::Conversation, ticket, r).await;
    }
    let link = ticket_link(state, ticket);
    for supervisor in supervisors(state).await {
        let r = render(
            format!("Offline message received: {}", ticket.ticket_id),
            "Offline message received",
            &["A customer left a message while no agent was available.".to_owned()],
            &facts(ticket),
            Some(Link { label: "Open the ticket", url: &link }),
        );
        send(state, Some(&supervisor), None, NotificationCategory::Conversation, ticket, r).await;
    }
}
