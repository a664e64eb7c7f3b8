//! Delivery channels: one [`Channel`] trait, with e-mail over SMTP (lettre) and SMS (Twilio's
//! Messages API over HTTPS, or the log in development) behind it.
//! Which channels exist is decided once from the configuration; a notification for a channel
//! that is not configured fails with an error that says which setting is missing.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{NotifyConfig, SmsProvider, TwilioConfig};
use crate::entities::notifications;
use crate::model::NotificationType;

/// Why a delivery did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub message: String,
    /// A permanent failure (a 5xx answer, a bad address) is not retried.
    pub permanent: bool,
}

impl Failure {
    pub fn permanent(message: impl Into<String>) -> Self {
        Failure { message: message.into(), permanent: true }
    }

    pub fn transient(message: impl Into<String>) -> Self {
        Failure { message: message.into(), permanent: false }
    }
}

/// A boxed delivery.
pub type Delivery<'a> = Pin<Box<dyn Future<Output = Result<(), Failure>> + Send + 'a>>;

/// Delivers one stored notification.
pub trait Channel: Send + Sync {
    fn deliver<'a>(&'a self, notification: &'a notifications::Model) -> Delivery<'a>;
}

/// E-mail through an SMTP server: a text and an HTML part.
pub struct SmtpEmail {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpEmail {
    /// From `JOXAI_SMTP_URL` and `JOXAI_SMTP_FROM`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("JOXAI_SMTP_URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from.parse().map_err(|e| format!("JOXAI_SMTP_FROM: '{from}': {e}"))?;
        Ok(SmtpEmail { transport, from })
    }
}

impl Channel for SmtpEmail {
    fn deliver<'a>(&'a self, n: &'a notifications::Model) -> Delivery<'a> {
        Box::pin(async move {
            let to: Mailbox = n
                .recipient_email
                .as_deref()
                .ok_or_else(|| Failure::permanent("The notification has no e-mail address"))?
                .parse()
                .map_err(|e| Failure::permanent(format!("Bad e-mail address: {e}")))?;
            let body = match &n.html {
                Some(html) => MultiPart::alternative_plain_html(n.body.clone(), html.clone()),
                None => MultiPart::mixed().singlepart(lettre::message::SinglePart::plain(n.body.clone())),
            };
            let message = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(n.subject.clone())
                .multipart(body)
                .map_err(|e| Failure::permanent(format!("Cannot build the e-mail: {e}")))?;
            match self.transport.send(message).await {
                Ok(_) => Ok(()),
                Err(e) if e.is_permanent() => Err(Failure::permanent(format!("SMTP refused: {e}"))),
                Err(e) => Err(Failure::transient(format!("SMTP: {e}"))),
            }
        })
    }
}

/// SMS written to the log instead of sent (`JOXAI_SMS_PROVIDER=log`): for development only, and
/// only when chosen. The number is shortened to its last digits.
pub struct LogSms;

impl Channel for LogSms {
    fn deliver<'a>(&'a self, n: &'a notifications::Model) -> Delivery<'a> {
        Box::pin(async move {
            let phone =
                n.recipient_phone.as_deref().ok_or_else(|| Failure::permanent("The SMS has no phone number"))?;
            let tail: String = phone.chars().rev().take(3).collect::<Vec<_>>().into_iter().rev().collect();
            tracing::info!(to = format!("…{tail}"), text = n.body, "SMS (log provider)");
            Ok(())
        })
    }
}

/// SMS through Twilio's Messages API (or a provider speaking it): a form POST to
/// `/2010-04-01/Accounts/{account}/Messages.json` with HTTP basic auth. A 4xx answer is permanent
/// (a bad number, a blocked recipient), except 429; a 5xx, a 429 or no answer is retried.
pub struct TwilioSms {
    client: reqwest::Client,
    endpoint: String,
    config: TwilioConfig,
}

impl TwilioSms {
    pub fn new(config: TwilioConfig) -> Self {
        let endpoint = format!("{}/2010-04-01/Accounts/{}/Messages.json", config.api_url, config.account);
        let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(20)).build().unwrap_or_default();
        TwilioSms { client, endpoint, config }
    }
}

impl Channel for TwilioSms {
    fn deliver<'a>(&'a self, n: &'a notifications::Model) -> Delivery<'a> {
        Box::pin(async move {
            let to = n.recipient_phone.as_deref().ok_or_else(|| Failure::permanent("The SMS has no phone number"))?;
            let sender = if self.config.from.starts_with("MG") { "MessagingServiceSid" } else { "From" };
            let form = [("To", to), (sender, self.config.from.as_str()), ("Body", n.body.as_str())];
            let res = self
                .client
                .post(&self.endpoint)
                .basic_auth(&self.config.account, Some(&self.config.token))
                .form(&form)
                .send()
                .await
                .map_err(|e| Failure::transient(format!("SMS provider unreachable: {e}")))?;
            let status = res.status();
            if status.is_success() {
                return Ok(());
            }
            // Twilio explains a refusal as `{code, message}`.
            let body: serde_json::Value = res.json().await.unwrap_or_default();
            let why = format!("SMS provider answered {}: {} {}", status.as_u16(), body["code"], body["message"]);
            if status.is_client_error() && status != reqwest::StatusCode::TOO_MANY_REQUESTS {
                Err(Failure::permanent(why))
            } else {
                Err(Failure::transient(why))
            }
        })
    }
}

/// The configured channels.
#[derive(Clone, Default)]
pub struct Channels {
    pub email: Option<Arc<dyn Channel>>,
    pub sms: Option<Arc<dyn Channel>>,
    /// Why e-mail is off, when it is (a bad URL is reported on every e-mail, not hidden).
    email_off: Option<String>,
}

impl Channels {
    /// From the configuration.
    pub fn from_config(config: &NotifyConfig) -> Self {
        let (email, email_off) = match &config.smtp_url {
            None => (None, Some("No SMTP server is configured (set JOXAI_SMTP_URL)".to_owned())),
            Some(url) => match SmtpEmail::new(url, &config.smtp_from) {
                Ok(channel) => (Some(Arc::new(channel) as Arc<dyn Channel>), None),
                Err(error) => {
                    tracing::error!(%error, "e-mail notifications are off");
                    (None, Some(error))
                }
            },
        };
        let sms = config.sms_provider.as_ref().map(|p| match p {
            SmsProvider::Log => Arc::new(LogSms) as Arc<dyn Channel>,
            SmsProvider::Twilio(twilio) => Arc::new(TwilioSms::new(twilio.clone())) as Arc<dyn Channel>,
        });
        Channels { email, sms, email_off }
    }

    /// Delivers through the channel the notification names.
    pub async fn deliver(&self, n: &notifications::Model) -> Result<(), Failure> {
        match n.notification_type {
            NotificationType::Email => match &self.email {
                Some(channel) => channel.deliver(n).await,
                None => Err(Failure::permanent(self.email_off.clone().unwrap_or_default())),
            },
            NotificationType::Sms => match &self.sms {
                Some(channel) => channel.deliver(n).await,
                None => Err(Failure::permanent("No SMS provider is configured (set JOXAI_SMS_PROVIDER)")),
            },
        }
    }
}
