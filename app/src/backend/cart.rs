//! The cart service: adding, changing and reading lines, each re-checked against today's
//! price and stock.

use sqlx::AnyPool;

use crate::backend::db::carts::{self, CartOwner, LineRow};
use crate::backend::session::Session;
use crate::error::{AppError, Problem};
use crate::model::cart::{CartLine, CartView, LineIssue, QUANTITY_MAX, parse_quantity};
use crate::model::{Lang, Money};

/// Whose cart the session holds, if it can hold one yet.
pub fn owner(session: &Session) -> Option<CartOwner> {
    match session.user() {
        Some(user) => Some(CartOwner::User(user.id)),
        None => session.id_hash().map(CartOwner::Guest),
    }
}

/// The session's cart owner, starting a guest session when there is none.
pub async fn owner_or_start(pool: &AnyPool, session: &Session) -> Result<CartOwner, AppError> {
    match owner(session) {
        Some(owner) => Ok(owner),
        None => Ok(CartOwner::Guest(session.ensure(pool).await?)),
    }
}

/// How many items the owner's cart holds, for the header.
pub async fn item_count(pool: &AnyPool, owner: &CartOwner) -> Result<i64, AppError> {
    Ok(carts::item_count(pool, owner).await?)
}

async fn variant(pool: &AnyPool, sku: &str) -> Result<carts::VariantRow, AppError> {
    Ok(carts::variant_by_sku(pool, sku)
        .await?
        .ok_or(Problem::UnknownVariant)?)
}

/// The variant and quantity an addition would put in a cart, or why it cannot. Checked
/// before a guest session is started, so a refused addition writes nothing.
pub async fn addable(
    pool: &AnyPool,
    sku: &str,
    quantity: i64,
) -> Result<(carts::VariantRow, i64), AppError> {
    let quantity = parse_quantity(quantity)?;
    let variant = variant(pool, sku).await?;
    if !variant.published {
        return Err(Problem::Unavailable.into());
    }
    if variant.stock <= 0 {
        return Err(Problem::OutOfStock.into());
    }
    Ok((variant, quantity))
}

/// Adds `quantity` of a variant (on top of what the line holds).
pub async fn add(
    pool: &AnyPool,
    owner: &CartOwner,
    sku: &str,
    quantity: i64,
) -> Result<(), AppError> {
    let (variant, quantity) = addable(pool, sku, quantity).await?;
    let cart = carts::find_or_create(pool, owner).await?;
    let total = carts::line_quantity(pool, cart, variant.id).await? + quantity;
    let total = parse_quantity(total)?;
    carts::put_line(pool, cart, variant.id, total, variant.price).await?;
    Ok(())
}

/// Sets a line's quantity.
pub async fn set_quantity(
    pool: &AnyPool,
    owner: &CartOwner,
    sku: &str,
    quantity: i64,
) -> Result<(), AppError> {
    let quantity = parse_quantity(quantity)?;
    let variant = variant(pool, sku).await?;
    let cart = carts::find(pool, owner).await?.ok_or(AppError::NotFound)?;
    if carts::line_quantity(pool, cart, variant.id).await? == 0 {
        return Err(AppError::NotFound);
    }
    carts::put_line(pool, cart, variant.id, quantity, variant.price).await?;
    Ok(())
}

pub async fn remove(pool: &AnyPool, owner: &CartOwner, sku: &str) -> Result<(), AppError> {
    let variant = variant(pool, sku).await?;
    if let Some(cart) = carts::find(pool, owner).await? {
        carts::remove_line(pool, cart, variant.id).await?;
    }
    Ok(())
}

/// What is wrong with a line today, if anything.
pub fn issue(line: &LineRow) -> Option<LineIssue> {
    if !line.published {
        Some(LineIssue::Unavailable)
    } else if line.stock <= 0 {
        Some(LineIssue::SoldOut)
    } else if line.stock < line.quantity {
        Some(LineIssue::OnlyLeft(line.stock))
    } else {
        None
    }
}

pub fn view_of(rows: &[LineRow]) -> CartView {
    let lines: Vec<CartLine> = rows
        .iter()
        .map(|row| CartLine {
            sku: row.sku.clone(),
            product_slug: row.product_slug.clone(),
            title: row.title.clone(),
            option: row.option.clone(),
            shop: row.shop.clone(),
            unit_price: Money::cny(row.price),
            was: (row.price_seen != row.price).then(|| Money::cny(row.price_seen)),
            quantity: row.quantity,
            line_total: Money::cny(row.price * row.quantity),
            issue: issue(row),
        })
        .collect();
    let buyable = lines.iter().filter(|line| line.issue.is_none());
    CartView {
        goods: Money::cny(buyable.clone().map(|line| line.line_total.minor).sum()),
        item_count: lines.iter().map(|line| line.quantity).sum(),
        cross_border: rows.iter().any(|row| row.dispatch.is_cross_border()),
        lines,
    }
}

pub async fn view(
    pool: &AnyPool,
    owner: Option<&CartOwner>,
    lang: Lang,
) -> Result<CartView, AppError> {
    let rows = match owner {
        Some(owner) => match carts::find(pool, owner).await? {
            Some(cart) => carts::lines(pool, cart, lang).await?,
            None => Vec::new(),
        },
        None => Vec::new(),
    };
    Ok(view_of(&rows))
}

pub async fn merge_guest_cart(
    pool: &AnyPool,
    guest_session: &str,
    user_id: i64,
) -> Result<(), AppError> {
    carts::merge(pool, guest_session, user_id, QUANTITY_MAX).await?;
    Ok(())
}
