//! Loading the demo content: articles, recipes, destinations and pavilions, each replaced
//! in place when loaded again (keyed by slug).

use super::Tx;

/// An article's own fields as the demo gives them.
pub struct SeedArticle<'a> {
    pub slug: &'a str,
    pub section: &'a str,
    pub kind: &'a str,
    pub cover: &'a str,
    pub publish_at: i64,
    pub now: i64,
}

/// Writes the article, a new one or over the one with its slug; returns its id.
pub async fn upsert_article(tx: &mut Tx, article: &SeedArticle<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO articles (slug, section, kind, cover, publish_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) \
         ON CONFLICT (slug) DO UPDATE SET section = excluded.section, kind = excluded.kind, \
         cover = excluded.cover, publish_at = excluded.publish_at, updated_at = excluded.updated_at \
         RETURNING id",
    )
    .bind(article.slug)
    .bind(article.section)
    .bind(article.kind)
    .bind(article.cover)
    .bind(article.publish_at)
    .bind(article.now)
    .fetch_one(&mut **tx)
    .await
}

/// The article links to the products with these slugs (those that exist), in order.
pub async fn link_products(
    tx: &mut Tx,
    article_id: i64,
    slugs: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM article_products WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut **tx)
        .await?;
    for (position, slug) in slugs.iter().enumerate() {
        sqlx::query(
            "INSERT INTO article_products (article_id, product_id, position) \
             SELECT $1, id, $2 FROM products WHERE slug = $3 ON CONFLICT DO NOTHING",
        )
        .bind(article_id)
        .bind(position as i64)
        .bind(slug)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The id of the product with this slug.
pub async fn product_id(tx: &mut Tx, slug: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM products WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut **tx)
        .await
}

/// A recipe's servings and minutes, replacing its steps and ingredients with none.
pub async fn reset_recipe(
    tx: &mut Tx,
    article_id: i64,
    (servings, prep_minutes, cook_minutes): (i64, i64, i64),
) -> Result<(), sqlx::Error> {
    for table in ["recipes", "recipe_ingredients", "recipe_steps"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE article_id = $1"))
            .bind(article_id)
            .execute(&mut **tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO recipes (article_id, servings, prep_minutes, cook_minutes) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(article_id)
    .bind(servings)
    .bind(prep_minutes)
    .bind(cook_minutes)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn add_step(
    tx: &mut Tx,
    article_id: i64,
    locale: &str,
    position: usize,
    text: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO recipe_steps (article_id, locale, position, text) VALUES ($1, $2, $3, $4)",
    )
    .bind(article_id)
    .bind(locale)
    .bind(position as i64)
    .bind(text)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// One language of a recipe's ingredient, and the product it links to.
pub struct Ingredient<'a> {
    pub position: usize,
    pub locale: &'a str,
    pub quantity: &'a str,
    pub name: &'a str,
    pub product_id: Option<i64>,
}

pub async fn add_ingredient(
    tx: &mut Tx,
    article_id: i64,
    ingredient: &Ingredient<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO recipe_ingredients (article_id, position, locale, quantity, name, product_id) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(article_id)
    .bind(ingredient.position as i64)
    .bind(ingredient.locale)
    .bind(ingredient.quantity)
    .bind(ingredient.name)
    .bind(ingredient.product_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Removes a destination's practical notes and cities before they are written again.
pub async fn reset_destination(tx: &mut Tx, article_id: i64) -> Result<(), sqlx::Error> {
    for table in ["destination_texts", "destination_cities"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE article_id = $1"))
            .bind(article_id)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// One language of a destination's practical notes.
pub struct DestinationNotes<'a> {
    pub best_season: &'a str,
    pub getting_there: &'a str,
    pub visa_notes: &'a str,
}

pub async fn add_destination_notes(
    tx: &mut Tx,
    article_id: i64,
    locale: &str,
    notes: &DestinationNotes<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO destination_texts (article_id, locale, best_season, getting_there, visa_notes) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(article_id)
    .bind(locale)
    .bind(notes.best_season)
    .bind(notes.getting_there)
    .bind(notes.visa_notes)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The destination is about the city with this key (if there is one).
pub async fn add_destination_city(
    tx: &mut Tx,
    article_id: i64,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO destination_cities (article_id, city_id) SELECT $1, id FROM cities WHERE key = $2",
    )
    .bind(article_id)
    .bind(key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A pavilion's place and phone; returns its id.
pub async fn upsert_pavilion(
    tx: &mut Tx,
    slug: &str,
    (lon_micro, lat_micro): (i64, i64),
    phone: &str,
    position: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO pavilions (slug, lon_micro, lat_micro, phone, position) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (slug) DO UPDATE SET \
         lon_micro = excluded.lon_micro, lat_micro = excluded.lat_micro, \
         phone = excluded.phone, position = excluded.position RETURNING id",
    )
    .bind(slug)
    .bind(lon_micro)
    .bind(lat_micro)
    .bind(phone)
    .bind(position)
    .fetch_one(&mut **tx)
    .await
}

/// One language of a pavilion, its offers rendered.
pub struct PavilionText<'a> {
    pub name: &'a str,
    pub address: &'a str,
    pub hours: &'a str,
    pub offers_html: &'a str,
}

pub async fn put_pavilion_text(
    tx: &mut Tx,
    pavilion_id: i64,
    locale: &str,
    text: &PavilionText<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO pavilion_texts (pavilion_id, locale, name, address, hours, offers_html) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (pavilion_id, locale) DO UPDATE SET \
         name = excluded.name, address = excluded.address, hours = excluded.hours, \
         offers_html = excluded.offers_html",
    )
    .bind(pavilion_id)
    .bind(locale)
    .bind(text.name)
    .bind(text.address)
    .bind(text.hours)
    .bind(text.offers_html)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// An editor's choice, unless one was made already.
pub async fn default_setting(tx: &mut Tx, name: &str, value: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO site_settings (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(name)
        .bind(value)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
