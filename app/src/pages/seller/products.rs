use leptos::prelude::*;

use super::{SellerNav, seller_error};
use crate::api::seller::list_seller_products;
use crate::components::{PageMeta, use_lang};
use crate::i18n::*;
use crate::model::Money;
use crate::model::seller::{ProductStatus, SellerProductRow};
use crate::pages::Loaded;

/// The shop's products with their state, stock and whether a translation is missing.
#[component]
pub fn SellerProductsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let products = Resource::new(move || lang.get(), list_seller_products);
    view! {
        <PageMeta
            title=t_string!(i18n, seller.products).to_string()
            description=t_string!(i18n, seller.products).to_string()
        />
        <SellerNav />
        <section class="seller-products">
            <div class="row between">
                <h1>{t!(i18n, seller.products)}</h1>
                <a class="button primary" href=move || format!("/{}/seller/products/new", lang.get().code())>
                    {t!(i18n, seller.new_product)}
                </a>
            </div>
            <Loaded resource=products fail=seller_error let:rows>
                <ProductTable rows />
            </Loaded>
        </section>
    }
}

/// The shop's products, one row each; a line saying there are none yet.
#[component]
fn ProductTable(rows: Vec<SellerProductRow>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p>{t!(i18n, seller.no_products)}</p> }.into_any();
    }
    let code = lang.get_untracked().code();
    let rows = rows
        .into_iter()
        .map(|row| {
            let status = match row.status {
                ProductStatus::Draft => t_string!(i18n, seller.state_draft),
                ProductStatus::InReview => t_string!(i18n, seller.state_review),
                ProductStatus::Published => t_string!(i18n, seller.state_published),
                ProductStatus::Hidden => t_string!(i18n, seller.state_hidden),
            };
            view! {
                <tr>
                    <td><a href=format!("/{code}/seller/products/{}", row.id)>{row.title}</a></td>
                    <td>{status}</td>
                    <td>
                        {row.incomplete.then(|| view! { <span class="badge sold-out">{t!(i18n, seller.translation_missing)}</span> })}
                    </td>
                    <td class="num">{Money::cny(row.min_price).to_string()}</td>
                    <td class="num">{row.stock}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data">
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, seller.product)}</th>
                    <th scope="col">{t!(i18n, seller.state)}</th>
                    <th scope="col">{t!(i18n, seller.translation)}</th>
                    <th scope="col">{t!(i18n, seller.price_from)}</th>
                    <th scope="col">{t!(i18n, seller.stock)}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}
