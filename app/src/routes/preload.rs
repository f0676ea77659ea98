//! Which lazy page a link leads to, and — in the browser — loading that page's chunks as
//! soon as a visitor shows interest in the link: it is hovered, touched or focused, or,
//! within the page's content (`<main>`), it scrolls into view once the page is idle. A
//! click then finds the code already there. The header's and footer's links (to sign in,
//! to sell) are on every page: loading their families for every visitor who merely sees
//! them would spend a phone's data on dashboards few open.

pub use super::lazy::LazyPage;
use crate::model::lang::Lang;

/// The lazy page that `path` (`/{lang}/…`, maybe with a query) shows, as the route table
/// matches it; `None` for other paths and for the storefront's pages (the main bundle).
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn page_at(path: &str) -> Option<LazyPage> {
    use LazyPage::*;
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let mut segments = path.split('/').filter(|segment| !segment.is_empty());
    Lang::parse(segments.next()?)?;
    let rest: Vec<&str> = segments.collect();
    Some(match rest.as_slice() {
        ["checkout"] => Checkout,
        ["orders"] => Orders,
        ["orders", _] => Order,
        ["pay", "sandbox"] => SandboxPay,
        ["account"] => Account,
        ["account", "login"] => Login,
        ["account", "register"] => Register,
        ["account", "forgot"] => ForgotPassword,
        ["account", "reset"] => ResetPassword,
        ["account", "wishlist"] => Wishlist,
        ["editor"] => Editor,
        ["editor", "new"] => NewArticle,
        ["editor", _] => EditArticle,
        ["sell"] => Sell,
        ["sell", "apply"] => Apply,
        ["sell", "status"] => ApplicationStatus,
        ["seller"] => SellerDashboard,
        ["seller", "products"] => SellerProducts,
        ["seller", "products", "new"] => NewProduct,
        ["seller", "products", _] => EditProduct,
        ["seller", "orders"] => SellerOrders,
        ["seller", "orders", _, "slip"] => PackingSlip,
        ["seller", "catalogue"] => Catalogue,
        ["seller", "profile"] => Profile,
        ["seller", "glossary"] => Glossary,
        ["seller", "team"] => Team,
        ["seller", "join"] => Join,
        ["seller", "stock"] => Stock,
        ["seller", "analytics"] => Analytics,
        ["admin"] => AdminDashboard,
        ["admin", "applications"] => AdminApplications,
        ["admin", "listings"] => AdminListings,
        ["admin", "orders"] => AdminOrders,
        ["admin", "users"] => AdminUsers,
        ["admin", "rates"] => AdminRates,
        ["admin", "reviews"] => AdminReviews,
        ["admin", "articles"] => AdminArticles,
        ["admin", "audit"] => AdminAudit,
        _ => return None,
    })
}

#[cfg(feature = "hydrate")]
pub use browser::preload_on_intent;

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::RefCell;
    use std::collections::HashSet;

    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use web_sys::{
        Element, Event, HtmlAnchorElement, IntersectionObserver, IntersectionObserverEntry,
        MutationObserver, MutationObserverInit,
    };

    use super::{LazyPage, page_at};

    thread_local! {
        static ASKED: RefCell<HashSet<LazyPage>> = RefCell::new(HashSet::new());
    }

    /// Starts watching links: pointer, touch and focus at once; visibility when the
    /// browser is next idle, and never for a visitor who asked to save data. Called once
    /// the page is hydrated, so that nothing competes with the page's own code.
    pub fn preload_on_intent() {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let on_intent = Closure::<dyn Fn(Event)>::new(|event: Event| {
            if let Some(link) = event.target().and_then(|target| link_of(&target)) {
                preload_link(&link);
            }
        });
        for kind in ["pointerover", "touchstart", "focusin"] {
            let _ =
                document.add_event_listener_with_callback(kind, on_intent.as_ref().unchecked_ref());
        }
        on_intent.forget();
        if !saves_data() {
            when_idle(watch_visible_links);
        }
    }

    /// Loads the chunk of the page `link` leads to, once per page.
    fn preload_link(link: &HtmlAnchorElement) {
        let same_site = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .is_some_and(|origin| link.origin() == origin);
        if !same_site {
            return;
        }
        let Some(page) = page_at(&link.pathname()) else {
            return;
        };
        if ASKED.with(|asked| asked.borrow_mut().insert(page)) {
            leptos::task::spawn_local(page.preload());
        }
    }

    fn link_of(target: &web_sys::EventTarget) -> Option<HtmlAnchorElement> {
        let element = target.dyn_ref::<Element>()?;
        element.closest("a[href]").ok()??.dyn_into().ok()
    }

    /// Every link in the page's content, now and later, is watched until it first shows on
    /// screen.
    fn watch_visible_links() {
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        let on_visible = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
            |entries: js_sys::Array, observer: IntersectionObserver| {
                for entry in entries.iter() {
                    let entry: IntersectionObserverEntry = entry.unchecked_into();
                    if !entry.is_intersecting() {
                        continue;
                    }
                    let target = entry.target();
                    observer.unobserve(&target);
                    if let Ok(link) = target.dyn_into::<HtmlAnchorElement>() {
                        preload_link(&link);
                    }
                }
            },
        );
        let Ok(visible) = IntersectionObserver::new(on_visible.as_ref().unchecked_ref()) else {
            return;
        };
        on_visible.forget();
        let observe_new_links = {
            let visible = visible.clone();
            move || {
                let Some(document) = web_sys::window().and_then(|window| window.document()) else {
                    return;
                };
                let Ok(links) = document.query_selector_all("main a[href]:not([data-watched])")
                else {
                    return;
                };
                for index in 0..links.length() {
                    if let Some(link) = links
                        .item(index)
                        .and_then(|node| node.dyn_into::<Element>().ok())
                    {
                        let _ = link.set_attribute("data-watched", "");
                        visible.observe(&link);
                    }
                }
            }
        };
        observe_new_links();
        let on_change = Closure::<dyn Fn()>::new(observe_new_links);
        if let (Ok(changes), Some(body)) = (
            MutationObserver::new(on_change.as_ref().unchecked_ref()),
            document.body(),
        ) {
            let options = MutationObserverInit::new();
            options.set_child_list(true);
            options.set_subtree(true);
            let _ = changes.observe_with_options(&body, &options);
        }
        on_change.forget();
    }

    /// `navigator.connection.saveData`, where the browser has it.
    fn saves_data() -> bool {
        let Some(window) = web_sys::window() else {
            return true;
        };
        js_sys::Reflect::get(&window.navigator(), &"connection".into())
            .and_then(|connection| js_sys::Reflect::get(&connection, &"saveData".into()))
            .is_ok_and(|save| save.is_truthy())
    }

    /// Runs `work` when the browser is idle (`requestIdleCallback`, or a second from now
    /// where there is none).
    fn when_idle(work: fn()) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::once_into_js(work);
        let has_idle =
            js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
        if has_idle {
            let _ = window.request_idle_callback(callback.unchecked_ref());
        } else {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.unchecked_ref(),
                1_000,
            );
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// The storefront's routes, in the main bundle.
    const EAGER: &[&str] = &[
        "",
        "products",
        "products/x",
        "categories/x",
        "shops",
        "shops/x",
        "cart",
        "culture",
        "cuisine",
        "tourism",
        "exchange",
        "articles/x",
        "pavilions",
        "academy",
        "academy/x",
        "offline",
    ];

    // leptos_axum renders the app to list its routes, on a Tokio runtime.
    #[tokio::test]
    async fn every_lazy_route_in_the_table_is_found_by_its_path() {
        let routes = leptos_axum::generate_route_list(crate::App);
        let mut pages = HashSet::new();
        for route in routes {
            let path = route.path();
            if path.contains('*') {
                continue;
            }
            let mut example: Vec<&str> = path
                .split('/')
                .filter(|segment| !segment.is_empty())
                .map(|segment| match segment {
                    ":lang" | "{lang}" => "zh",
                    param if param.starts_with([':', '{']) => "x",
                    segment => segment,
                })
                .collect();
            let example_path = format!("/{}", example.join("/"));
            let page = page_at(&example_path);
            example.remove(0);
            if EAGER.contains(&example.join("/").as_str()) {
                assert_eq!(page, None, "{path} is in the main bundle");
                continue;
            }
            let page = page.unwrap_or_else(|| panic!("{path} has no lazy page"));
            assert!(pages.insert(page), "{path} and another route give {page:?}");
        }
        assert_eq!(pages.len(), LazyPage::ALL.len(), "one route per lazy page");
    }

    #[test]
    fn a_path_is_read_without_its_query_and_with_any_language() {
        assert_eq!(
            page_at("/zh/seller/orders?status=paid"),
            Some(LazyPage::SellerOrders)
        );
        assert_eq!(page_at("/en/account/login#form"), Some(LazyPage::Login));
        assert_eq!(page_at("/en/products/basmati"), None);
        assert_eq!(page_at("/zh/editor/new"), Some(LazyPage::NewArticle));
        assert_eq!(page_at("/zh/editor/12"), Some(LazyPage::EditArticle));
        assert_eq!(page_at("/zh/offline"), None);
        assert_eq!(page_at("/pkg/pavilion.js"), None);
        assert_eq!(page_at("/"), None);
        assert_eq!(page_at("/sw.js"), None);
    }
}
