use leptos::prelude::*;

use crate::api::reviews::get_wishlist;
use crate::components::{ErrorMessage, PageMeta, ProductCard, use_lang};
use crate::error::AppError;
use crate::i18n::*;
use crate::pages::account::profile::SignInFirst;

#[component]
pub fn WishlistPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let wishlist = Resource::new(move || lang.get(), get_wishlist);
    view! {
        <PageMeta
            title=t_string!(i18n, account.my_wishlist).to_string()
            description=t_string!(i18n, account.my_wishlist).to_string()
        />
        <section class="wishlist-page">
            <h1>{t!(i18n, account.my_wishlist)}</h1>
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match wishlist.await {
                        Ok(products) if products.is_empty() => {
                            view! { <p>{t!(i18n, account.wishlist_empty)}</p> }.into_any()
                        }
                        Ok(products) => {
                            view! {
                                <div class="product-grid">
                                    {products
                                        .into_iter()
                                        .map(|product| view! { <ProductCard product /> })
                                        .collect_view()}
                                </div>
                            }
                                .into_any()
                        }
                        Err(AppError::SignInRequired) => view! { <SignInFirst /> }.into_any(),
                        Err(error) => view! { <ErrorMessage error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
