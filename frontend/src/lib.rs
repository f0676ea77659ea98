//! The browser entry point: hydrate the server-rendered page (once the current page's code
//! chunk has arrived), then preload other pages' chunks as links draw interest, and install
//! the service worker.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // `hydrate_lazy`, waiting for the end: the current page's chunk may still be on its way.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let app = leptos::mount::hydrate_from_async(leptos::tachys::dom::body(), app::App).await;
        app.forget();
        // A marker for the browser tests (and for curious people): the page is now live.
        if let Some(root) = leptos::prelude::document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
        app::preload_on_intent();
    });
    register_service_worker();
}

/// Installs `/sw.js`, which keeps the app shell for repeat visits and for pages opened
/// without a connection. A browser without service workers (or refusing this one) simply
/// goes without.
fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registering = navigator.service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        if let Err(error) = wasm_bindgen_futures::JsFuture::from(registering).await {
            leptos::logging::warn!("the service worker was not installed: {error:?}");
        }
    });
}
