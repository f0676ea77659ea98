use leptos::prelude::*;

use crate::api::reviews::get_wishlist;
use crate::components::{PageMeta, ProductCard, use_lang};
use crate::i18n::*;
use crate::pages::Loaded;

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
            <Loaded resource=wishlist let:products>
                {if products.is_empty() {
                    view! { <p>{t!(i18n, account.wishlist_empty)}</p> }.into_any()
                } else {
                    view! {
                        <div class="product-grid">
                            {products.into_iter().map(|product| view! { <ProductCard product /> }).collect_view()}
                        </div>
                    }
                        .into_any()
                }}
            </Loaded>
        </section>
    }
}
