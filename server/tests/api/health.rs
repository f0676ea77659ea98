use crate::both;

both!(healthz_answers_while_the_database_does, |app| {
    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body.trim(), "ok");
    app.pool.close().await;
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 503);
});

both!(
    readyz_says_ready_once_migrated_and_loaded_and_why_not_otherwise,
    |app| {
        let (status, body) = app.get_text("/readyz").await;
        assert_eq!((status, body.trim()), (200, "ready"));
        sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)")
        .execute(&app.pool)
        .await
        .expect("a migration forgotten");
        let (status, body) = app.get_text("/readyz").await;
        assert_eq!((status, body.trim()), (503, "migrations pending"));
        app.pool.close().await;
        assert_eq!(app.get_text("/readyz").await.0, 503);
    }
);

both!(metrics_count_requests_in_prometheus_text, |app| {
    app.get("/healthz").await;
    let body = app.metrics().await;
    assert!(body.contains("http_requests_total"), "{body}");
    assert!(
        body.contains("http_request_duration_seconds_bucket"),
        "{body}"
    );
    assert!(body.contains("route=\"/healthz\""), "{body}");
    assert!(body.contains("pavilion_db_pool_connections"), "{body}");
});

both!(responses_are_compressed_when_asked, |app| {
    let response = app
        .client
        .get(app.url("/en/"))
        .header("accept-encoding", "br")
        .send()
        .await
        .expect("sent");
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "br");
});

both!(every_response_carries_a_request_id, |app| {
    let response = app.get("/healthz").await;
    assert!(response.headers().contains_key("x-request-id"));
});

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    let app = crate::helpers::spawn_app(crate::helpers::Engine::Sqlite)
        .await
        .expect("sqlite app");
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&app.pool)
        .await
        .expect("journal mode");
    assert_eq!(mode, "wal");
    let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&app.pool)
        .await
        .expect("foreign keys");
    assert_eq!(foreign_keys, 1);
}

#[tokio::test]
async fn a_taken_address_is_reported_by_its_variable() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let dir = std::env::temp_dir().join(format!("pavilion-taken-{}", uuid::Uuid::new_v4()));
    let url = format!("sqlite://{}/p.db", dir.display());
    let site_root = std::env::var("LEPTOS_SITE_ROOT")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site").to_owned());
    let config = pavilion_server::config::Config::from_lookup(|name| match name {
        "LEPTOS_SITE_ADDR" => Some(addr.clone()),
        "DATABASE_URL" => Some(url.clone()),
        "LEPTOS_SITE_ROOT" => Some(site_root.clone()),
        _ => None,
    })
    .expect("config");
    let error = pavilion_server::startup::Application::build(&config)
        .await
        .err()
        .expect("the address is taken");
    assert!(error.to_string().starts_with("LEPTOS_SITE_ADDR"), "{error}");
    let _ = std::fs::remove_dir_all(dir);
}
