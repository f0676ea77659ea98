//! The route table: every page lives under `/{lang}/…`.

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::i18n::I18nContextProvider;
use crate::pages::account::{
    AccountPage, ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage, WishlistPage,
};
use crate::pages::shop::{CartPage, CheckoutPage, OrderPage, OrdersPage, SandboxPayPage};
use crate::pages::{
    CategoryPage, HomePage, LangLayout, NotFound, ProductPage, ProductsPage, ShopPage, ShopsPage,
};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        // The URL, not a cookie, decides the language of a page; `LangLayout` sets it.
        <I18nContextProvider set_lang_attr_on_html=false enable_cookie=false>
            <Router>
                <Routes fallback=NotFound>
                    <ParentRoute path=path!("/:lang") view=LangLayout ssr=SsrMode::Async>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("/products") view=ProductsPage ssr=SsrMode::Async />
                        <Route path=path!("/products/:slug") view=ProductPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/categories/:slug")
                            view=CategoryPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/shops") view=ShopsPage ssr=SsrMode::Async />
                        <Route path=path!("/shops/:slug") view=ShopPage ssr=SsrMode::Async />
                        <Route path=path!("/cart") view=CartPage ssr=SsrMode::Async />
                        <Route path=path!("/checkout") view=CheckoutPage ssr=SsrMode::Async />
                        <Route path=path!("/orders") view=OrdersPage ssr=SsrMode::Async />
                        <Route path=path!("/orders/:number") view=OrderPage ssr=SsrMode::Async />
                        <Route path=path!("/pay/sandbox") view=SandboxPayPage ssr=SsrMode::Async />
                        <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                        <Route path=path!("/account/login") view=LoginPage ssr=SsrMode::Async />
                        <Route
                            path=path!("/account/register")
                            view=RegisterPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/forgot")
                            view=ForgotPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/reset")
                            view=ResetPasswordPage
                            ssr=SsrMode::Async
                        />
                        <Route
                            path=path!("/account/wishlist")
                            view=WishlistPage
                            ssr=SsrMode::Async
                        />
                        <Route path=path!("/*any") view=NotFound />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
