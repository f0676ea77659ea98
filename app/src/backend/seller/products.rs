//! A shop's products in the editor: both languages, which side of each text is missing or
//! out of date, variants, and publishing only when both languages are complete.

use std::collections::HashMap;

use sqlx::AnyPool;

use super::review;
use crate::backend::db::catalogue;
use crate::backend::db::products::{self as rows, Placing, TextTable};
use crate::backend::db::revisions::bump_catalogue;
use crate::backend::db::variants;
use crate::backend::db::{Engine, Tx, now_seconds, write_transaction};
use crate::error::{AppError, Problem};
use crate::model::Lang;
use crate::model::seller::{
    CheckedProduct, FieldState, ProductDraft, ProductEditor, ProductSide, ProductStatus,
    SellerProductRow, SideStates,
};

pub use super::review::{decide_review, pending_reviews, set_published};
pub use crate::backend::db::products::slug_of;

const FIELDS: [&str; 3] = ["title", "summary", "description"];

/// The shop's products, the latest edited first.
pub async fn list(
    pool: &AnyPool,
    shop_id: i64,
    lang: Lang,
) -> Result<Vec<SellerProductRow>, sqlx::Error> {
    rows::list(pool, shop_id, lang).await
}

/// The field states of both sides from their texts and edit counters.
fn states(
    en: &ProductSide,
    zh: &ProductSide,
    edits: &HashMap<(String, String), i64>,
) -> (SideStates, SideStates) {
    let edit = |locale: &str, field: &str| {
        edits
            .get(&(locale.to_owned(), field.to_owned()))
            .copied()
            .unwrap_or(0)
    };
    let state = |mine: &str, theirs: &str, text: &str, field: &str| {
        if text.is_empty() {
            FieldState::Missing
        } else if edit(theirs, field) > edit(mine, field) {
            FieldState::Stale
        } else {
            FieldState::Ok
        }
    };
    let side = |mine: &str, theirs: &str, s: &ProductSide| SideStates {
        title: state(mine, theirs, &s.title, "title"),
        summary: state(mine, theirs, &s.summary, "summary"),
        description: state(mine, theirs, &s.description, "description"),
    };
    (side("en", "zh", en), side("zh", "en", zh))
}

fn field<'a>(side: &'a ProductSide, name: &str) -> &'a str {
    match name {
        "title" => &side.title,
        "summary" => &side.summary,
        _ => &side.description,
    }
}

/// The texts on sale (or of a product not on sale yet).
pub(super) async fn texts(
    tx: &mut Tx,
    product_id: i64,
) -> Result<(ProductSide, ProductSide), sqlx::Error> {
    Ok(rows::sides_in(tx, TextTable::Live, product_id)
        .await?
        .unwrap_or_default())
}

/// The shop's product in the editor; `NotFound` for another shop's.
pub async fn load(
    pool: &AnyPool,
    data_dir: &std::path::Path,
    shop_id: i64,
    product_id: i64,
) -> Result<ProductEditor, AppError> {
    let mut tx = pool.begin().await?;
    let row = rows::editor_row(&mut tx, shop_id, product_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The seller sees their own latest words, also while they wait for review.
    let pending = review::pending_texts(&mut tx, product_id).await?;
    let edit_waiting = pending.is_some();
    let (en, zh) = match pending {
        Some(edit) => edit,
        None => texts(&mut tx, product_id).await?,
    };
    let pictures_waiting = review::pending_pictures(&mut tx, product_id).await?;
    let edits = rows::edits(&mut tx, product_id).await?;
    let (variants, edit_waiting_variants) = variants::editor_variants(&mut tx, product_id).await?;
    tx.rollback().await?;
    let (en_states, zh_states) = states(&en, &zh, &edits);
    let status = ProductStatus::parse(&row.status);
    let drawn = row.drawn_art == 1 && status == ProductStatus::Published;
    Ok(ProductEditor {
        pictures: crate::backend::media::own_pictures(data_dir, &row.slug, drawn),
        draft: ProductDraft {
            id: Some(product_id),
            slug: row.slug,
            category: row.category,
            origin_city: row.city,
            hs_code: row.hs_code,
            weight_g: row.weight_g.to_string(),
            en,
            zh,
            variants,
        },
        status,
        review_note: row.review_note,
        en: en_states,
        zh: zh_states,
        edit_waiting: edit_waiting || edit_waiting_variants,
        pictures_waiting,
    })
}

/// Creates (`id` None) or updates the shop's product. A published product stays published
/// only while both languages are complete; saving one that is not is refused.
pub async fn save(
    pool: &AnyPool,
    engine: Engine,
    shop_id: i64,
    id: Option<i64>,
    product: &CheckedProduct,
) -> Result<i64, AppError> {
    let mut tx = write_transaction(pool, engine).await?;
    let id = save_in(&mut tx, shop_id, id, product).await?;
    tx.commit().await?;
    Ok(id)
}

/// `save` inside the caller's transaction (a CSV import writes every product in one).
pub async fn save_in(
    tx: &mut Tx,
    shop_id: i64,
    id: Option<i64>,
    product: &CheckedProduct,
) -> Result<i64, AppError> {
    let placing = Placing {
        category: catalogue::category_id(tx, &product.category)
            .await?
            .ok_or(Problem::Category)?,
        city: catalogue::city_id(tx, &product.origin_city)
            .await?
            .ok_or(Problem::City)?,
    };
    let now = now_seconds();
    let (product_id, status, before) = match id {
        Some(id) => {
            let status = rows::status_in_shop(tx, shop_id, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let live = texts(tx, id).await?;
            let working = review::pending_texts(tx, id)
                .await?
                .unwrap_or_else(|| live.clone());
            let before = Before { live, working };
            rows::update(tx, id, placing, product, now).await?;
            (id, status, before)
        }
        None => {
            if rows::slug_taken(tx, &product.slug).await? {
                return Err(Problem::SlugTaken.into());
            }
            let id = rows::insert(tx, shop_id, placing, product, now).await?;
            let empty = (ProductSide::default(), ProductSide::default());
            let before = Before {
                live: empty.clone(),
                working: empty,
            };
            (id, ProductStatus::Draft, before)
        }
    };
    count_edits(tx, product_id, product, &before.working).await?;
    if status == ProductStatus::Published {
        // On sale: the words wait for review, the approved ones stay on sale.
        if !complete(&product.en) || !complete(&product.zh) {
            return Err(Problem::Incomplete.into());
        }
        review::propose_texts(tx, product_id, (&product.en, &product.zh), &before.live).await?;
        write_variants(tx, product_id, product, true).await?;
        review::request_review(tx, product_id).await?;
        let revision = bump_catalogue(tx).await?;
        rows::set_revision(tx, product_id, revision).await?;
    } else {
        rows::write_sides(tx, TextTable::Live, product_id, (&product.en, &product.zh)).await?;
        write_variants(tx, product_id, product, false).await?;
        review::discard_edit(tx, product_id).await?;
    }
    Ok(product_id)
}

/// A product's texts before a save: what is on sale, and what its seller last saved (an
/// edit waiting for review, else the same).
struct Before {
    live: (ProductSide, ProductSide),
    working: (ProductSide, ProductSide),
}

pub(super) fn complete(side: &ProductSide) -> bool {
    FIELDS.iter().all(|f| !field(side, f).is_empty())
}

/// Counts an edit for every field whose text changed since the seller's last save, so the
/// other language's field can be marked out of date.
async fn count_edits(
    tx: &mut Tx,
    product_id: i64,
    product: &CheckedProduct,
    before: &(ProductSide, ProductSide),
) -> Result<(), sqlx::Error> {
    let edit = rows::next_edit(tx, product_id).await?;
    for (locale, side, old) in [
        ("en", &product.en, &before.0),
        ("zh", &product.zh, &before.1),
    ] {
        for name in FIELDS.iter().filter(|f| field(side, f) != field(old, f)) {
            rows::mark_edited(tx, product_id, locale, name, edit).await?;
        }
    }
    Ok(())
}

/// Updates the product's variants and adds new ones; a variant is never deleted (orders
/// point at it), and the stock of an existing one changes only by adjustment. On a product
/// on sale (`on_sale`), prices change at once but labels wait for review, and a new variant
/// is not sold until its edit is approved.
async fn write_variants(
    tx: &mut Tx,
    product_id: i64,
    product: &CheckedProduct,
    on_sale: bool,
) -> Result<(), AppError> {
    for (position, variant) in product.variants.iter().enumerate() {
        if variants::sku_taken(tx, &variant.sku, variant.id).await? {
            return Err(Problem::SkuTaken.into());
        }
        let variant_id = match variant.id {
            Some(id) => {
                if !variants::update_variant(tx, product_id, id, variant, position).await? {
                    return Err(AppError::NotFound);
                }
                id
            }
            None => variants::insert_variant(tx, product_id, variant, position, on_sale).await?,
        };
        if on_sale {
            let live = match variant.id {
                Some(_) => Some(variants::live_labels(tx, variant_id).await?),
                None => None,
            };
            review::propose_labels(tx, variant_id, variant, live).await?;
            continue;
        }
        let labels = (variant.label_en.as_str(), variant.label_zh.as_str());
        variants::write_labels(tx, TextTable::Live, variant_id, labels).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(title: &str) -> ProductSide {
        ProductSide {
            title: title.into(),
            summary: "s".into(),
            description: String::new(),
        }
    }

    #[test]
    fn an_empty_field_is_missing_and_the_side_edited_earlier_is_stale() {
        let mut edits = HashMap::new();
        edits.insert(("en".to_owned(), "title".to_owned()), 3);
        edits.insert(("zh".to_owned(), "title".to_owned()), 2);
        edits.insert(("en".to_owned(), "summary".to_owned()), 1);
        edits.insert(("zh".to_owned(), "summary".to_owned()), 4);
        let (en, zh) = states(&side("Mango"), &side("芒果"), &edits);
        assert_eq!(en.title, FieldState::Ok);
        assert_eq!(zh.title, FieldState::Stale);
        assert_eq!(en.summary, FieldState::Stale);
        assert_eq!(zh.summary, FieldState::Ok);
        assert_eq!(en.description, FieldState::Missing);
        assert!(zh.missing_any());
    }
}
