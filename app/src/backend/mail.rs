//! Email goes through the `outbox` table: writers add a message in the same breath as the
//! change it reports, and one sender delivers it — by SMTP when `PAVILION_SMTP_URL` is set
//! (lettre), otherwise into `mail.log` under the data dir for a developer to read.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::AnyPool;
use tokio::io::AsyncWriteExt;

use crate::backend::db::{now_seconds, outbox};
use crate::i18n::Locale;
use crate::model::Lang;

const FROM: &str = "Pakistan Pavilion <noreply@pavilion.local>";

/// A message in the recipient's language.
pub struct Mail {
    pub to: String,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
}

pub async fn enqueue<'c, E>(executor: E, mail: &Mail) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let message = outbox::Message {
        recipient: &mail.to,
        lang: mail.lang.code(),
        subject: &mail.subject,
        body: &mail.body,
        now: now_seconds(),
    };
    outbox::enqueue(executor, &message).await
}

fn locale(lang: Lang) -> Locale {
    Locale::from(lang)
}

/// The one-time link to choose a new password.
pub fn password_reset(to: &str, lang: Lang, link: &str) -> Mail {
    let l = locale(lang);
    Mail {
        to: to.to_owned(),
        lang,
        subject: leptos_i18n::td_string!(l, mail.reset_subject).to_string(),
        body: leptos_i18n::td_string!(l, mail.reset_body, link = link).to_string(),
    }
}

/// An invitation to work for a shop.
pub fn shop_invitation(to: &str, lang: Lang, shop: &str, link: &str) -> Mail {
    let l = locale(lang);
    Mail {
        to: to.to_owned(),
        lang,
        subject: leptos_i18n::td_string!(l, mail.invitation_subject, shop = shop).to_string(),
        body: leptos_i18n::td_string!(l, mail.invitation_body, shop = shop, link = link)
            .to_string(),
    }
}

pub fn welcome(to: &str, lang: Lang, name: &str) -> Mail {
    let l = locale(lang);
    Mail {
        to: to.to_owned(),
        lang,
        subject: leptos_i18n::td_string!(l, mail.welcome_subject).to_string(),
        body: leptos_i18n::td_string!(l, mail.welcome_body, name = name).to_string(),
    }
}

/// The order confirmation, with the signed link that lets a guest follow the order.
pub fn order_placed(to: &str, lang: Lang, number: &str, total: &str, link: &str) -> Mail {
    let l = locale(lang);
    Mail {
        to: to.to_owned(),
        lang,
        subject: leptos_i18n::td_string!(l, mail.order_subject, number = number).to_string(),
        body: leptos_i18n::td_string!(
            l,
            mail.order_body,
            number = number,
            total = total,
            link = link
        )
        .to_string(),
    }
}

pub fn order_paid(to: &str, lang: Lang, number: &str, link: &str) -> Mail {
    let l = locale(lang);
    Mail {
        to: to.to_owned(),
        lang,
        subject: leptos_i18n::td_string!(l, mail.paid_subject, number = number).to_string(),
        body: leptos_i18n::td_string!(l, mail.paid_body, number = number, link = link).to_string(),
    }
}

/// How mail leaves the server.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    LogFile(PathBuf),
}

impl Transport {
    /// SMTP from a URL such as `smtps://user:pass@smtp.example.com`, else the log file.
    pub fn new(smtp_url: Option<&str>, data_dir: &std::path::Path) -> Result<Transport, String> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|builder| Transport::Smtp(builder.build()))
                .map_err(|error| error.to_string()),
            None => Ok(Transport::LogFile(data_dir.join("mail.log"))),
        }
    }

    async fn send(&self, recipient: &str, subject: &str, body: &str) -> Result<(), String> {
        match self {
            Transport::Smtp(smtp) => {
                let to: Mailbox = recipient.parse().map_err(|e| format!("recipient: {e}"))?;
                let from: Mailbox = FROM.parse().map_err(|e| format!("sender: {e}"))?;
                let message = Message::builder()
                    .from(from)
                    .to(to)
                    .subject(subject)
                    .body(body.to_owned())
                    .map_err(|e| e.to_string())?;
                smtp.send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
            Transport::LogFile(path) => {
                let entry = format!(
                    "=== {}\nTo: {recipient}\nSubject: {subject}\n\n{body}\n\n",
                    now_seconds()
                );
                let mut file = tokio::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .await
                    .map_err(|e| e.to_string())?;
                file.write_all(entry.as_bytes())
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// How long an app server holds a message it is sending.
const CLAIM_SECONDS: i64 = 60;

/// Sends what is waiting (up to 50 messages); failures are retried up to five times.
pub async fn deliver_pending(pool: &AnyPool, transport: &Transport) -> Result<usize, sqlx::Error> {
    let mut sent = 0;
    for message in outbox::waiting(pool, 50).await? {
        // Another app server may be sending the same message: only the one whose claim
        // lands sends it; a claim lapses after a minute (a server that died mid-send).
        let now = now_seconds();
        if !outbox::claim(pool, message.id, now, now + CLAIM_SECONDS).await? {
            continue;
        }
        let sending = transport.send(&message.recipient, &message.subject, &message.body);
        match sending.await {
            Ok(()) => {
                outbox::sent(pool, message.id, now_seconds()).await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(outbox.id = message.id, %error, "mail not sent");
                outbox::failed(pool, message.id, &error).await?;
            }
        }
    }
    Ok(sent)
}

/// The sender: delivers the outbox every second, for ever.
pub async fn run_sender(pool: AnyPool, transport: Transport) {
    loop {
        if let Err(error) = deliver_pending(&pool, &transport).await {
            tracing::error!(%error, "outbox delivery failed");
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}
