//! Finding 8: `/metrics` tells revenue and order counts, so it is served only on its own
//! address (`PAVILION_METRICS_ADDR`), never on the site.

use crate::both;
use crate::both_with;

both!(metrics_are_served_apart_from_the_site, |app| {
    app.seed_demo().await;
    app.get("/zh/").await;
    assert_eq!(app.get("/metrics").await.status(), 404, "not on the site");
    let metrics = app.metrics().await;
    assert!(metrics.contains("http_requests_total"), "{metrics}");
    assert_ne!(app.metrics_addr, Some(app.addr));
});

both_with!(
    without_a_metrics_address_metrics_are_not_served_at_all,
    [("PAVILION_METRICS_ADDR", "")],
    |app| {
        assert_eq!(app.metrics_addr, None);
        assert_eq!(app.get("/metrics").await.status(), 404);
    }
);
