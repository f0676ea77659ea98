//! The route table: every page lives under `/{lang}/…`.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::i18n::I18nContextProvider;
use crate::model::form_draft::FormDraft;
use crate::pages::academy::{AcademyPage, GuidePage};
use crate::pages::account::{
    AccountPage, ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage, WishlistPage,
};
use crate::pages::admin::{
    AdminApplicationsPage, AdminArticlesPage, AdminAuditPage, AdminDashboardPage,
    AdminListingsPage, AdminOrdersPage, AdminRatesPage, AdminReviewsPage, AdminUsersPage,
};
use crate::pages::content::{
    ArticlePage, CuisinePage, CulturePage, ExchangePage, PavilionsPage, TourismPage,
};
use crate::pages::editor::{EditArticlePage, EditorPage, NewArticlePage};
use crate::pages::seller::{
    AnalyticsPage, ApplicationStatusPage, ApplyPage, CataloguePage, EditProductPage, GlossaryPage,
    JoinPage, NewProductPage, PackingSlipPage, ProfilePage, SellPage, SellerDashboardPage,
    SellerOrdersPage, SellerProductsPage, StockPage, TeamPage,
};
use crate::pages::shop::{CartPage, CheckoutPage, OrderPage, OrdersPage, SandboxPayPage};
use crate::pages::{
    CategoryPage, HomePage, LangLayout, NotFound, OfflinePage, ProductPage, ProductsPage, ShopPage,
    ShopsPage,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_form_draft();
    // Every route's view is type-erased (`into_any`): with concrete page types the route
    // table's type grows with each page until rustc needs tens of gigabytes for it.
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
                        <Route path=path!("/checkout") view=|| view! { <CheckoutPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/orders") view=|| view! { <OrdersPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/orders/:number") view=|| view! { <OrderPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/pay/sandbox") view=|| view! { <SandboxPayPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/account") view=|| view! { <AccountPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/account/login") view=|| view! { <LoginPage /> }.into_any() ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/register")
                            view=|| view! { <RegisterPage /> }.into_any()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/forgot")
                            view=|| view! { <ForgotPasswordPage /> }.into_any()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/reset")
                            view=|| view! { <ResetPasswordPage /> }.into_any()
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/wishlist")
                            view=|| view! { <WishlistPage /> }.into_any()
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/culture") view=|| view! { <CulturePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/cuisine") view=|| view! { <CuisinePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/tourism") view=|| view! { <TourismPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/exchange") view=|| view! { <ExchangePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/articles/:slug") view=|| view! { <ArticlePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/pavilions") view=|| view! { <PavilionsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/editor") view=|| view! { <EditorPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/editor/new") view=|| view! { <NewArticlePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/editor/:id") view=|| view! { <EditArticlePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/sell") view=|| view! { <SellPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/sell/apply") view=|| view! { <ApplyPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/sell/status") view=|| view! { <ApplicationStatusPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller") view=|| view! { <SellerDashboardPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/products") view=|| view! { <SellerProductsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/products/new") view=|| view! { <NewProductPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/products/:id") view=|| view! { <EditProductPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/orders") view=|| view! { <SellerOrdersPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/orders/:id/slip") view=|| view! { <PackingSlipPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/catalogue") view=|| view! { <CataloguePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/profile") view=|| view! { <ProfilePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/glossary") view=|| view! { <GlossaryPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/team") view=|| view! { <TeamPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/join") view=|| view! { <JoinPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/stock") view=|| view! { <StockPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/seller/analytics") view=|| view! { <AnalyticsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/academy") view=|| view! { <AcademyPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/academy/:slug") view=|| view! { <GuidePage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin") view=|| view! { <AdminDashboardPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/applications") view=|| view! { <AdminApplicationsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/listings") view=|| view! { <AdminListingsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/orders") view=|| view! { <AdminOrdersPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/users") view=|| view! { <AdminUsersPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/rates") view=|| view! { <AdminRatesPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/reviews") view=|| view! { <AdminReviewsPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/articles") view=|| view! { <AdminArticlesPage /> }.into_any() ssr=SsrMode::Async />
                        <Route path=path!("/admin/audit") view=|| view! { <AdminAuditPage /> }.into_any() ssr=SsrMode::Async />
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
