//! Page renders and server functions run to their end, a bounded number at a time.
//!
//! Dropped halfway (a closed tab, a client's time-out), a render disposes its reactive
//! owner while resources are still loading or being written out; a resource that settles
//! afterwards wakes, reads a signal already gone and panics ("Tried to access a reactive
//! value that has already been disposed", seen under floods of abandoned requests). So the
//! answer is made and its body read to the end (which also releases the owner the way
//! leptos_axum means to) in a task of its own. Pages render whole before their first byte
//! anyway (`SsrMode::Async`), so nothing streams that could have.
//!
//! That task outlives its request, so the request-wide concurrency limit does not bound
//! it: a flood of requests dropped a few milliseconds after they are sent would leave as
//! many renders running as the connection limits let in, each holding its page in memory.
//! A render therefore takes a slot before it starts and gives it back when it ends. A
//! visitor who leaves while waiting for a slot costs nothing: no render was started.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::StatusCode;
use std::sync::Arc;
use tokio::sync::Semaphore;

use crate::middleware::PAGE_LIMIT;

/// Renders at once per core. A render is mostly CPU with short waits on the database, so
/// a few per core keep the cores busy; more only hold more pages in memory at once.
const RENDERS_PER_CORE: usize = 8;

/// The slots renders take (cheap to clone).
#[derive(Clone, Debug)]
pub struct RenderSlots(Arc<Semaphore>);

impl RenderSlots {
    pub fn new(slots: usize) -> RenderSlots {
        RenderSlots(Arc::new(Semaphore::new(slots.max(1))))
    }

    /// As many as this machine's cores keep busy.
    pub fn for_this_machine() -> RenderSlots {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        RenderSlots::new(cores * RENDERS_PER_CORE)
    }
}

/// Runs the render (or server function) behind `next` to its end in a task of its own,
/// holding a slot from before it starts until it ends.
pub async fn render_to_completion(
    State(slots): State<RenderSlots>,
    request: Request,
    next: Next,
) -> Response {
    let Ok(slot) = slots.0.clone().acquire_owned().await else {
        // The semaphore is never closed.
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let finished = tokio::spawn(async move {
        let (parts, body) = next.run(request).await.into_parts();
        let response = match axum::body::to_bytes(body, PAGE_LIMIT).await {
            Ok(bytes) => Response::from_parts(parts, axum::body::Body::from(bytes)),
            Err(error) => {
                tracing::error!(%error, "an answer could not be read to its end");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        };
        drop(slot);
        response
    });
    match finished.await {
        Ok(response) => response,
        Err(error) => match error.try_into_panic() {
            // The panic goes on to `CatchPanicLayer`, which logs it and answers 500.
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
    }
}

#[cfg(test)]
mod tests;
