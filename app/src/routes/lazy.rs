//! The lazy routes, by family: each family's pages are shown by one `#[lazy]` function,
//! which `cargo leptos build --split` moves with everything only it reaches into a wasm
//! chunk of its own (code two families share goes in chunks both load).
//!
//! The storefront (catalogue, product, shops, content, academy, cart) is the main bundle,
//! and five families are lazy: account, buying (checkout, orders, payment), editor, seller
//! and admin. Why not a chunk per page: wasm-split makes a chunk for every distinct set of
//! lazy functions that share some code. Measured (brotli, as served): a lazy function per
//! page gave a product page 262 chunks; one per family, with the storefront in four
//! families, still 89 chunks and 612 KB (a main bundle of 377 KB, which holds the runtime
//! and every page's static data whatever is split, plus 235 KB of chunks). A storefront page
//! in the main bundle is one request.
//!
//! Routes have no data of their own to start early: each page makes its resources when it
//! renders.

use leptos::lazy;
use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::pages::account::{
    AccountPage, ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage, WishlistPage,
};
use crate::pages::admin::{
    AdminApplicationsPage, AdminArticlesPage, AdminAuditPage, AdminDashboardPage,
    AdminListingsPage, AdminOrdersPage, AdminRatesPage, AdminReviewsPage, AdminUsersPage,
};
use crate::pages::article_editor::{EditArticlePage, EditorPage, NewArticlePage};
use crate::pages::buying::{CheckoutPage, OrderPage, OrdersPage, SandboxPayPage};
use crate::pages::seller::{
    AnalyticsPage, ApplicationStatusPage, ApplyPage, CataloguePage, EditProductPage, GlossaryPage,
    JoinPage, NewProductPage, PackingSlipPage, ProfilePage, SellPage, SellerDashboardPage,
    SellerOrdersPage, SellerProductsPage, StockPage, TeamPage,
};

/// For each family: an enum of its pages, one `#[lazy]` function showing any of them (so
/// the family is one chunk, plus what it shares with other families), and per page a route
/// type and a variant of [`LazyPage`]. `$preload` is the family function's preloader, which
/// `#[lazy]` names `__preload_<function>` in the browser build.
macro_rules! lazy_families {
    ($($family:ident / $preload:ident: $kind:ident { $($route:ident => $page:ident,)* })*) => {
        $(
            #[doc = concat!("The pages that `", stringify!($family), "` shows.")]
            #[derive(Clone, Copy)]
            // Named as the route types are (`AdminUsers` …), which the admin's all share.
            #[allow(clippy::enum_variant_names)]
            pub enum $kind {
                $($route,)*
            }

            #[lazy]
            fn $family(page: $kind) -> AnyView {
                match page {
                    $($kind::$route => $page().into_any(),)*
                }
            }

            $(
                #[doc = concat!("[`", stringify!($page), "`], loaded with its family.")]
                pub struct $route;

                impl LazyRoute for $route {
                    fn data() -> Self {
                        $route
                    }

                    async fn view(_this: Self) -> AnyView {
                        $family($kind::$route).await
                    }

                    async fn preload() {
                        #[cfg(feature = "hydrate")]
                        $preload().await;
                    }
                }
            )*
        )*

        /// A page whose code is loaded when first needed (named by links in the browser).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
        pub enum LazyPage {
            $($($route,)*)*
        }

        #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
        impl LazyPage {
            /// Every lazy page.
            #[cfg(test)]
            pub const ALL: &[LazyPage] = &[$($(LazyPage::$route,)*)*];

            /// Loads the chunks of the page's family, once; on the server, where nothing
            /// is split, nothing.
            pub async fn preload(self) {
                match self {
                    $($(LazyPage::$route => <$route as LazyRoute>::preload().await,)*)*
                }
            }
        }
    };
}

lazy_families! {
    account_pages / __preload_account_pages: AccountPages {
        Account => AccountPage,
        Login => LoginPage,
        Register => RegisterPage,
        ForgotPassword => ForgotPasswordPage,
        ResetPassword => ResetPasswordPage,
        Wishlist => WishlistPage,
    }
    buying_pages / __preload_buying_pages: BuyingPages {
        Checkout => CheckoutPage,
        Orders => OrdersPage,
        Order => OrderPage,
        SandboxPay => SandboxPayPage,
    }
    editor_pages / __preload_editor_pages: EditorPages {
        Editor => EditorPage,
        NewArticle => NewArticlePage,
        EditArticle => EditArticlePage,
    }
    seller_pages / __preload_seller_pages: SellerPages {
        Sell => SellPage,
        Apply => ApplyPage,
        ApplicationStatus => ApplicationStatusPage,
        SellerDashboard => SellerDashboardPage,
        SellerProducts => SellerProductsPage,
        NewProduct => NewProductPage,
        EditProduct => EditProductPage,
        SellerOrders => SellerOrdersPage,
        PackingSlip => PackingSlipPage,
        Catalogue => CataloguePage,
        Profile => ProfilePage,
        Glossary => GlossaryPage,
        Team => TeamPage,
        Join => JoinPage,
        Stock => StockPage,
        Analytics => AnalyticsPage,
    }
    admin_pages / __preload_admin_pages: AdminPages {
        AdminDashboard => AdminDashboardPage,
        AdminApplications => AdminApplicationsPage,
        AdminListings => AdminListingsPage,
        AdminOrders => AdminOrdersPage,
        AdminUsers => AdminUsersPage,
        AdminRates => AdminRatesPage,
        AdminReviews => AdminReviewsPage,
        AdminArticles => AdminArticlesPage,
        AdminAudit => AdminAuditPage,
    }
}
