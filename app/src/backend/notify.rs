//! Telling people about decisions that concern them, in their own language, through the
//! outbox: applicants about their application, sellers about their products' review, and
//! buyers about their parcels and refunds.

use leptos_i18n::td_string;
use sqlx::AnyPool;

use crate::backend::AppState;
use crate::backend::db::{Tx, recipients};
use crate::backend::mail::{self, Mail};
use crate::i18n::Locale;
use crate::model::{Lang, Money};

/// What the review decided about a product, for its shop's owners.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListingDecision<'a> {
    Approved,
    SentBack { note: &'a str },
    TakenDown { reason: &'a str },
}

/// Logs a notice that could not be queued: the decision itself stands.
pub fn log_failure(result: Result<(), sqlx::Error>, notice: &str) {
    if let Err(error) = result {
        tracing::error!(%error, notice, "a decision mail could not be queued");
    }
}

fn lang_of(code: &str) -> Lang {
    Lang::parse(code).unwrap_or_default()
}

/// The applicant learns whether the shop opened, or why not.
pub async fn application_decided(
    pool: &AnyPool,
    public_url: &str,
    id: i64,
) -> Result<(), sqlx::Error> {
    let Some(row) = recipients::applicant(pool, id).await? else {
        return Ok(());
    };
    let lang = lang_of(&row.lang);
    let l = Locale::from(lang);
    let shop = row.shop_name;
    let (subject, body) = match row.status.as_str() {
        "approved" => {
            let link = format!("{public_url}/{}/seller", lang.code());
            (
                td_string!(l, mail.application_approved_subject, shop = &shop).to_string(),
                td_string!(
                    l,
                    mail.application_approved_body,
                    shop = &shop,
                    link = &link
                )
                .to_string(),
            )
        }
        "rejected" => {
            let link = format!("{public_url}/{}/sell/status", lang.code());
            let reason = row.reason.unwrap_or_default();
            (
                td_string!(l, mail.application_rejected_subject, shop = &shop).to_string(),
                td_string!(
                    l,
                    mail.application_rejected_body,
                    shop = &shop,
                    reason = &reason,
                    link = &link
                )
                .to_string(),
            )
        }
        _ => return Ok(()),
    };
    mail::enqueue(
        pool,
        &Mail {
            to: row.email,
            lang,
            subject,
            body,
        },
    )
    .await
}

/// Each owner of the product's shop learns the review's decision, with the note.
pub async fn listing_decided(
    pool: &AnyPool,
    public_url: &str,
    product_id: i64,
    decision: ListingDecision<'_>,
) -> Result<(), sqlx::Error> {
    let owners = recipients::product_owners(pool, product_id).await?;
    for owner in owners {
        let lang = lang_of(&owner.lang);
        let l = Locale::from(lang);
        let product = owner.title;
        let editor = format!("{public_url}/{}/seller/products/{product_id}", lang.code());
        let (subject, body) = match decision {
            ListingDecision::Approved => {
                let link = format!("{public_url}/{}/products/{}", lang.code(), owner.slug);
                (
                    td_string!(l, mail.listing_approved_subject, product = &product).to_string(),
                    td_string!(
                        l,
                        mail.listing_approved_body,
                        product = &product,
                        link = &link
                    )
                    .to_string(),
                )
            }
            ListingDecision::SentBack { note } => (
                td_string!(l, mail.listing_sent_back_subject, product = &product).to_string(),
                td_string!(
                    l,
                    mail.listing_sent_back_body,
                    product = &product,
                    note = note.trim(),
                    link = &editor
                )
                .to_string(),
            ),
            ListingDecision::TakenDown { reason } => (
                td_string!(l, mail.listing_taken_down_subject, product = &product).to_string(),
                td_string!(
                    l,
                    mail.listing_taken_down_body,
                    product = &product,
                    note = reason.trim(),
                    link = &editor
                )
                .to_string(),
            ),
        };
        mail::enqueue(
            pool,
            &Mail {
                to: owner.email,
                lang,
                subject,
                body,
            },
        )
        .await?;
    }
    Ok(())
}

/// The buyer of a shipment's order: address, language, order number, link, shop's name.
struct Buyer {
    to: String,
    lang: Lang,
    number: String,
    link: String,
    shop: String,
}

async fn buyer_of_shipment(
    tx: &mut Tx,
    state: &AppState,
    shipment_id: i64,
) -> Result<Option<Buyer>, sqlx::Error> {
    let Some(row) = recipients::parcel_buyer(tx, shipment_id).await? else {
        return Ok(None);
    };
    let lang = lang_of(&row.lang);
    Ok(Some(Buyer {
        link: crate::backend::orders::order_link(state, lang, &row.number, row.user_id.is_none()),
        to: row.email,
        lang,
        number: row.number,
        shop: row.shop,
    }))
}

/// Queues mail about a shipment to its buyer: `write` gives the subject and body.
async fn tell_buyer(
    tx: &mut Tx,
    state: &AppState,
    shipment_id: i64,
    write: impl FnOnce(Locale, &Buyer) -> (String, String),
) -> Result<(), sqlx::Error> {
    let Some(buyer) = buyer_of_shipment(tx, state, shipment_id).await? else {
        return Ok(());
    };
    let (subject, body) = write(Locale::from(buyer.lang), &buyer);
    let mail = Mail {
        to: buyer.to,
        lang: buyer.lang,
        subject,
        body,
    };
    mail::enqueue(&mut **tx, &mail).await
}

/// The buyer learns a parcel left, with its carrier and tracking number.
pub async fn parcel_shipped(
    tx: &mut Tx,
    state: &AppState,
    shipment_id: i64,
    carrier: &str,
    tracking: &str,
) -> Result<(), sqlx::Error> {
    tell_buyer(tx, state, shipment_id, |l, b| {
        let (shop, number) = (&b.shop, &b.number);
        (
            td_string!(l, mail.parcel_shipped_subject, shop, number).to_string(),
            td_string!(
                l,
                mail.parcel_shipped_body,
                shop,
                number,
                carrier,
                tracking,
                link = &b.link
            )
            .to_string(),
        )
    })
    .await
}

/// The buyer learns the shop issued the invoice they asked for, to download from the order.
pub async fn invoice_issued(
    tx: &mut Tx,
    state: &AppState,
    shipment_id: i64,
) -> Result<(), sqlx::Error> {
    tell_buyer(tx, state, shipment_id, |l, b| {
        let (shop, number) = (&b.shop, &b.number);
        (
            td_string!(l, mail.invoice_issued_subject, shop, number).to_string(),
            td_string!(l, mail.invoice_issued_body, shop, number, link = &b.link).to_string(),
        )
    })
    .await
}

/// The buyer learns the shop cancelled a parcel, and why.
pub async fn parcel_cancelled(
    tx: &mut Tx,
    state: &AppState,
    shipment_id: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    tell_buyer(tx, state, shipment_id, |l, b| {
        let (shop, number) = (&b.shop, &b.number);
        (
            td_string!(l, mail.parcel_cancelled_subject, shop, number).to_string(),
            td_string!(
                l,
                mail.parcel_cancelled_body,
                shop,
                number,
                reason,
                link = &b.link
            )
            .to_string(),
        )
    })
    .await
}

/// The buyer learns an order was refunded: how much and why.
pub async fn order_refunded(
    tx: &mut Tx,
    state: &AppState,
    order_id: i64,
    amount_fen: i64,
    reason: &str,
) -> Result<(), sqlx::Error> {
    let Some(row) = recipients::order_buyer(tx, order_id).await? else {
        return Ok(());
    };
    let lang = lang_of(&row.lang);
    let l = Locale::from(lang);
    let number = row.number;
    let link = crate::backend::orders::order_link(state, lang, &number, row.user_id.is_none());
    let amount = Money::cny(amount_fen).to_string();
    let mail = Mail {
        to: row.email,
        lang,
        subject: td_string!(l, mail.order_refunded_subject, number = &number).to_string(),
        body: td_string!(
            l,
            mail.order_refunded_body,
            amount = &amount,
            number = &number,
            reason = reason,
            link = &link
        )
        .to_string(),
    };
    mail::enqueue(&mut **tx, &mail).await
}
