//! The route table: every page lives under `/{lang}/…`.
//!
//! The storefront's pages are in the main bundle; the account, buying, editor, seller and
//! admin pages are lazy routes (`lazy`): the browser loads their code (wasm chunks, `cargo
//! leptos build --split`) when one is first shown, and the server names those chunks in the
//! page's `<head>` so a first visit fetches them beside the main bundle. Links preload the
//! chunks of the page they lead to (`preload`).

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{Lazy, SsrMode, path};

use crate::i18n::I18nContextProvider;
use crate::model::form_draft::FormDraft;
use crate::pages::academy::{AcademyPage, GuidePage};
use crate::pages::buying::CartPage;
use crate::pages::content::{
    ArticlePage, CuisinePage, CulturePage, ExchangePage, PavilionsPage, TourismPage,
};
use crate::pages::{
    CategoryPage, HomePage, LangLayout, NotFound, OfflinePage, ProductPage, ProductsPage, ShopPage,
    ShopsPage,
};

mod lazy;
pub mod preload;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_form_draft();
    // Every route's view is a small type (a `Lazy` page, or a type-erased view): with
    // concrete page types the route table's type grows with each page until rustc needs
    // tens of gigabytes for it.
    view! {
        // The URL, not a cookie, decides the language of a page; `LangLayout` sets it.
        <I18nContextProvider set_lang_attr_on_html=false enable_cookie=false>
            <Router>
                <Routes fallback=|| view! { <NotFound /> }.into_any()>
                    <ParentRoute path=path!("/:lang") view=LangLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=|| view! { <HomePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/products") view=|| view! { <ProductsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/products/:slug") view=|| view! { <ProductPage /> }.into_any() ssr=SsrMode::Async />
                        <Route
                            path=path!("/categories/:slug")
                            view=|| view! { <CategoryPage /> }.into_any()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/shops") view=|| view! { <ShopsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/shops/:slug") view=|| view! { <ShopPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/cart") view=|| view! { <CartPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/checkout") view={Lazy::<lazy::Checkout>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/orders") view={Lazy::<lazy::Orders>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/orders/:number") view={Lazy::<lazy::Order>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/pay/sandbox") view={Lazy::<lazy::SandboxPay>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account") view={Lazy::<lazy::Account>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/account/login") view={Lazy::<lazy::Login>::new()} ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/register")
                            view={Lazy::<lazy::Register>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/forgot")
                            view={Lazy::<lazy::ForgotPassword>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/reset")
                            view={Lazy::<lazy::ResetPassword>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/wishlist")
                            view={Lazy::<lazy::Wishlist>::new()}
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/culture") view=|| view! { <CulturePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/cuisine") view=|| view! { <CuisinePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/tourism") view=|| view! { <TourismPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/exchange") view=|| view! { <ExchangePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/articles/:slug") view=|| view! { <ArticlePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/pavilions") view=|| view! { <PavilionsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/editor") view={Lazy::<lazy::Editor>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/editor/new") view={Lazy::<lazy::NewArticle>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/editor/:id") view={Lazy::<lazy::EditArticle>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/sell") view={Lazy::<lazy::Sell>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/sell/apply") view={Lazy::<lazy::Apply>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/sell/status") view={Lazy::<lazy::ApplicationStatus>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller") view={Lazy::<lazy::SellerDashboard>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/products") view={Lazy::<lazy::SellerProducts>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/products/new") view={Lazy::<lazy::NewProduct>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/products/:id") view={Lazy::<lazy::EditProduct>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/orders") view={Lazy::<lazy::SellerOrders>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/orders/:id/slip") view={Lazy::<lazy::PackingSlip>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/catalogue") view={Lazy::<lazy::Catalogue>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/profile") view={Lazy::<lazy::Profile>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/glossary") view={Lazy::<lazy::Glossary>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/team") view={Lazy::<lazy::Team>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/join") view={Lazy::<lazy::Join>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/stock") view={Lazy::<lazy::Stock>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/seller/analytics") view={Lazy::<lazy::Analytics>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/academy") view=|| view! { <AcademyPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/academy/:slug") view=|| view! { <GuidePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin") view={Lazy::<lazy::AdminDashboard>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/applications") view={Lazy::<lazy::AdminApplications>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/listings") view={Lazy::<lazy::AdminListings>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/orders") view={Lazy::<lazy::AdminOrders>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/users") view={Lazy::<lazy::AdminUsers>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/rates") view={Lazy::<lazy::AdminRates>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/reviews") view={Lazy::<lazy::AdminReviews>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/articles") view={Lazy::<lazy::AdminArticles>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view={Lazy::<lazy::AdminAudit>::new()} ssr=SsrMode::Async />
                        <Route path=path!("/offline") view=|| view! { <OfflinePage /> }.into_any() />
                        <Route path=path!("/*any") view=|| view! { <NotFound /> }.into_any() />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}

/// What a refused form held (`model::form_draft`), from the server to the browser's
/// hydration, so both render the form filled in the same way. Made here, once per page and
/// before anything waits, so its hydration id never depends on timing. Empty on almost every
/// page.
fn provide_form_draft() {
    let draft = SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        let draft = use_context::<FormDraft>().unwrap_or_default();
        #[cfg(not(feature = "ssr"))]
        let draft = FormDraft::default();
        draft
    });
    provide_context(draft.into_inner());
}
