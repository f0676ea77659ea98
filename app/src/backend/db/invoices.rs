//! Invoice requests and the PDFs that answer them, one per parcel.

use sqlx::{Any, AnyPool, FromRow};

use crate::model::Dispatch;
use crate::model::invoice::{InvoiceKind, InvoiceRequest, InvoiceView};
use crate::model::order::OrderStatus;

#[derive(FromRow)]
struct InvoiceRow {
    shipment_id: i64,
    kind: String,
    title: String,
    tax_number: Option<String>,
    requested_at: i64,
    issued_at: Option<i64>,
}

impl InvoiceRow {
    fn view(self) -> (i64, InvoiceView) {
        let kind = InvoiceKind::parse(&self.kind).unwrap_or(InvoiceKind::Personal);
        let view = InvoiceView {
            request: InvoiceRequest {
                kind,
                title: self.title,
                tax_number: self.tax_number,
            },
            requested_at: self.requested_at,
            issued_at: self.issued_at,
        };
        (self.shipment_id, view)
    }
}

const COLUMNS: &str = "i.shipment_id, i.kind, i.title, i.tax_number, i.requested_at, i.issued_at";

/// The invoices of an order's parcels, by shipment id.
pub async fn of_order(
    pool: &AnyPool,
    order_id: i64,
) -> Result<Vec<(i64, InvoiceView)>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM invoices i JOIN shipments s ON s.id = i.shipment_id \
         WHERE s.order_id = $1"
    );
    let rows: Vec<InvoiceRow> = sqlx::query_as(&sql).bind(order_id).fetch_all(pool).await?;
    Ok(rows.into_iter().map(InvoiceRow::view).collect())
}

/// One parcel's invoice, if it was asked for.
pub async fn of_shipment<'c, E>(
    executor: E,
    shipment_id: i64,
) -> Result<Option<InvoiceView>, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let sql = format!("SELECT {COLUMNS} FROM invoices i WHERE i.shipment_id = $1");
    let row: Option<InvoiceRow> = sqlx::query_as(&sql)
        .bind(shipment_id)
        .fetch_optional(executor)
        .await?;
    Ok(row.map(|row| row.view().1))
}

/// Records what the buyer asks for, or changes a request not yet issued. False when the
/// invoice was issued already.
pub async fn request<'c, E>(
    executor: E,
    shipment_id: i64,
    request: &InvoiceRequest,
    now: i64,
) -> Result<bool, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let done = sqlx::query(
        "INSERT INTO invoices (shipment_id, kind, title, tax_number, requested_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (shipment_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, \
            tax_number = excluded.tax_number, requested_at = excluded.requested_at \
         WHERE invoices.issued_at IS NULL",
    )
    .bind(shipment_id)
    .bind(request.kind.code())
    .bind(&request.title)
    .bind(request.tax_number.as_deref())
    .bind(now)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The stored PDF's name, once issued.
pub async fn file(pool: &AnyPool, shipment_id: i64) -> Result<Option<String>, sqlx::Error> {
    let file: Option<Option<String>> =
        sqlx::query_scalar("SELECT file FROM invoices WHERE shipment_id = $1")
            .bind(shipment_id)
            .fetch_optional(pool)
            .await?;
    Ok(file.flatten())
}

/// Marks the invoice issued with the stored PDF `file` (a corrected PDF replaces the
/// first). False when no invoice was asked for.
pub async fn issue<'c, E>(
    executor: E,
    shipment_id: i64,
    user_id: i64,
    file: &str,
    now: i64,
) -> Result<bool, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let done = sqlx::query(
        "UPDATE invoices SET issued_at = $1, issued_by = $2, file = $3 WHERE shipment_id = $4",
    )
    .bind(now)
    .bind(user_id)
    .bind(file)
    .bind(shipment_id)
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How one of the shop's parcels ships and where it stands; `None` for another shop's.
pub async fn shop_parcel(
    pool: &AnyPool,
    shop_id: i64,
    shipment_id: i64,
) -> Result<Option<(Dispatch, OrderStatus)>, sqlx::Error> {
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT dispatch, status FROM shipments WHERE id = $1 AND shop_id = $2")
            .bind(shipment_id)
            .bind(shop_id)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(dispatch, status)| {
        (
            Dispatch::parse(&dispatch).unwrap_or_default(),
            OrderStatus::parse(&status).unwrap_or(OrderStatus::Placed),
        )
    }))
}
