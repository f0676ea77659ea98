use super::*;
use axum::Router;
use axum::body::Body;
use axum::routing::get;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tower::ServiceExt as _;

/// A render that counts its start, then waits until the test lets one render finish.
#[derive(Clone)]
struct Renders {
    started: Arc<AtomicUsize>,
    finish: Arc<Semaphore>,
}

impl Renders {
    fn new() -> Renders {
        Renders {
            started: Arc::default(),
            finish: Arc::new(Semaphore::new(0)),
        }
    }

    fn router(&self, slots: usize) -> Router {
        let renders = self.clone();
        Router::new()
            .route(
                "/page",
                get(move || {
                    let renders = renders.clone();
                    async move {
                        renders.started.fetch_add(1, Ordering::SeqCst);
                        renders.finish.acquire().await.expect("open").forget();
                        "rendered"
                    }
                }),
            )
            .route_layer(axum::middleware::from_fn_with_state(
                RenderSlots::new(slots),
                render_to_completion,
            ))
    }

    fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    async fn until_started(&self, count: usize) {
        for _ in 0..200 {
            if self.started() >= count {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("{count} renders never started (only {})", self.started());
    }
}

fn visit(router: &Router) -> tokio::task::JoinHandle<Response> {
    let request = Request::get("/page").body(Body::empty()).expect("request");
    let router = router.clone();
    tokio::spawn(async move { router.oneshot(request).await.expect("infallible") })
}

#[tokio::test]
async fn an_abandoned_render_keeps_its_slot_until_it_ends_and_a_visitor_who_left_while_waiting_costs_no_render()
 {
    let renders = Renders::new();
    let router = renders.router(1);

    // The first visitor leaves while the page renders: the render goes on, in its slot.
    let first = visit(&router);
    renders.until_started(1).await;
    first.abort();

    // The second waits for that slot, and leaves while waiting.
    let second = visit(&router);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(renders.started(), 1, "a render started beyond the slots");
    second.abort();

    // The third gets the slot once the abandoned render ends; the second never rendered.
    let third = visit(&router);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(renders.started(), 1);
    renders.finish.add_permits(1);
    renders.until_started(2).await;
    renders.finish.add_permits(1);
    let response = third.await.expect("the third visit is answered");
    assert_eq!(response.status(), StatusCode::OK);
    let body = axum::body::to_bytes(response.into_body(), 1024)
        .await
        .expect("body");
    assert_eq!(&body[..], b"rendered");
    assert_eq!(
        renders.started(),
        2,
        "the visitor who left while waiting was rendered"
    );
}

#[tokio::test]
async fn renders_within_the_slots_run_side_by_side() {
    let renders = Renders::new();
    let router = renders.router(2);
    let visits = [visit(&router), visit(&router)];
    renders.until_started(2).await;
    renders.finish.add_permits(2);
    for visit in visits {
        assert_eq!(visit.await.expect("answered").status(), StatusCode::OK);
    }
}
