use crate::both;

both!(healthz_answers_while_the_database_does, |app| {
    let (status, body) = app.get_text("/healthz").await;
    assert_eq!(status, 200);
    assert_eq!(body.trim(), "ok");
    app.pool.close().await;
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 503);
});

both!(metrics_count_requests_in_prometheus_text, |app| {
    app.get("/healthz").await;
    let (status, body) = app.get_text("/metrics").await;
    assert_eq!(status, 200);
    assert!(body.contains("http_requests_total"), "{body}");
    assert!(
        body.contains("http_request_duration_seconds_bucket"),
        "{body}"
    );
    assert!(body.contains("route=\"/healthz\""), "{body}");
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
