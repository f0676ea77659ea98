use crate::both;

async fn counts(pool: &sqlx::AnyPool) -> Vec<i64> {
    let mut out = Vec::new();
    for table in [
        "cities",
        "categories",
        "shops",
        "products",
        "variants",
        "product_texts",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}"))
            .fetch_one(pool)
            .await
            .expect("count");
        out.push(n);
    }
    out
}

both!(seeding_twice_duplicates_nothing, |app| {
    app.seed_demo().await;
    let first = counts(&app.pool).await;
    assert!(first[3] >= 200, "products: {}", first[3]);
    assert_eq!(
        first[5],
        first[3] * 2,
        "every product has English and Chinese text"
    );
    app.seed_demo().await;
    assert_eq!(counts(&app.pool).await, first);
});
