//! Catalogue reads: categories and product cards in one language.

use sqlx::AnyPool;

use crate::model::{CategoryPage, CategorySummary, HomeData, Lang, Money, ProductCard};

#[derive(sqlx::FromRow)]
struct CategoryRow {
    slug: String,
    name: String,
    description: String,
    product_count: i64,
}

#[derive(sqlx::FromRow)]
struct CardRow {
    slug: String,
    title: String,
    summary: String,
    category_slug: String,
    shop_name: String,
    origin_city: String,
    price_minor: i64,
    stock: i64,
}

impl From<CardRow> for ProductCard {
    fn from(row: CardRow) -> Self {
        ProductCard {
            slug: row.slug,
            title: row.title,
            summary: row.summary,
            category_slug: row.category_slug,
            shop_name: row.shop_name,
            origin_city: row.origin_city,
            price: Money::cny(row.price_minor),
            in_stock: row.stock > 0,
        }
    }
}

impl From<CategoryRow> for CategorySummary {
    fn from(row: CategoryRow) -> Self {
        CategorySummary {
            slug: row.slug,
            name: row.name,
            product_count: row.product_count,
        }
    }
}

/// Published products of category `c` and of its children.
const IN_CATEGORY: &str = "(p.category_id = c.id OR p.category_id IN \
     (SELECT sub.id FROM categories sub WHERE sub.parent_id = c.id))";

fn category_select(filter: &str) -> String {
    format!(
        "SELECT c.slug, t.name, t.description, \
            CAST((SELECT COUNT(*) FROM products p WHERE p.status = 'published' AND {IN_CATEGORY}) AS BIGINT) AS product_count \
         FROM categories c \
         JOIN category_texts t ON t.category_id = c.id AND t.locale = $1 \
         WHERE {filter} ORDER BY c.position, c.slug"
    )
}

fn card_select(filter: &str, limit: i64) -> String {
    format!(
        "SELECT p.slug, pt.title, pt.summary, c.slug AS category_slug, st.name AS shop_name, \
            ct.name AS origin_city, \
            CAST((SELECT MIN(v.price_minor) FROM variants v WHERE v.product_id = p.id) AS BIGINT) AS price_minor, \
            CAST((SELECT COALESCE(SUM(v.stock), 0) FROM variants v WHERE v.product_id = p.id) AS BIGINT) AS stock \
         FROM products p \
         JOIN categories c ON c.id = p.category_id \
         JOIN product_texts pt ON pt.product_id = p.id AND pt.locale = $1 \
         JOIN shop_texts st ON st.shop_id = p.shop_id AND st.locale = $1 \
         JOIN city_texts ct ON ct.city_id = p.origin_city_id AND ct.locale = $1 \
         WHERE p.status = 'published' AND {filter} \
         ORDER BY p.id LIMIT {limit}"
    )
}

/// The home page: top-level categories and the featured products.
pub async fn home(pool: &AnyPool, lang: Lang) -> Result<HomeData, sqlx::Error> {
    let categories = sqlx::query_as::<_, CategoryRow>(&category_select("c.parent_id IS NULL"))
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    let featured = sqlx::query_as::<_, CardRow>(&card_select("p.featured = 1", 24))
        .bind(lang.code())
        .fetch_all(pool)
        .await?;
    // Featured goods are shown under their top-level category's tab.
    let parents = top_level_slugs(pool).await?;
    let featured = featured
        .into_iter()
        .map(|row| {
            let mut card = ProductCard::from(row);
            if let Some((_, parent)) = parents
                .iter()
                .find(|(child, _)| *child == card.category_slug)
            {
                card.category_slug = parent.clone();
            }
            card
        })
        .collect();
    Ok(HomeData {
        categories: categories.into_iter().map(Into::into).collect(),
        featured,
    })
}

/// (child slug, parent slug) for every category that has a parent.
async fn top_level_slugs(pool: &AnyPool) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as::<_, (String, String)>(
        "SELECT c.slug, parent.slug FROM categories c JOIN categories parent ON parent.id = c.parent_id",
    )
    .fetch_all(pool)
    .await
}

/// One category with its products, or `None` when no category has that slug.
pub async fn category_page(
    pool: &AnyPool,
    lang: Lang,
    slug: &str,
) -> Result<Option<CategoryPage>, sqlx::Error> {
    let Some(row) = sqlx::query_as::<_, CategoryRow>(&category_select("c.slug = $2"))
        .bind(lang.code())
        .bind(slug)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    let products = sqlx::query_as::<_, CardRow>(&card_select(
        "c.id IN (SELECT id FROM categories WHERE slug = $2 OR parent_id = (SELECT id FROM categories WHERE slug = $2))",
        200,
    ))
    .bind(lang.code())
    .bind(slug)
    .fetch_all(pool)
    .await?;
    let description = row.description.clone();
    Ok(Some(CategoryPage {
        category: row.into(),
        description,
        products: products.into_iter().map(Into::into).collect(),
    }))
}
