use leptos::prelude::*;

use crate::api::cart::{RemoveCartLine, UpdateCartLine, get_cart};
use crate::components::{ActionError, Feedback, Field, PageMeta, use_cart_changes, use_lang};
use crate::i18n::*;
use crate::model::cart::{CartLine, CartView, LineIssue, QUANTITY_MAX};
use crate::pages::Loaded;

/// The cart: every line re-checked against today's price and stock.
#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let update = ServerAction::<UpdateCartLine>::new();
    let remove = ServerAction::<RemoveCartLine>::new();
    let cart = Resource::new(
        move || (lang.get(), update.version().get(), remove.version().get()),
        |(lang, _, _)| get_cart(lang),
    );
    // The header's count follows every change made here.
    let changes = use_cart_changes();
    Effect::new(move || {
        let made = update.version().get() + remove.version().get();
        if made > 0 {
            changes.set(made as u64);
        }
    });
    view! {
        <PageMeta
            title=t_string!(i18n, shop.cart_title).to_string()
            description=t_string!(i18n, shop.cart_title).to_string()
        />
        <section class="cart-page">
            <h1>{t!(i18n, shop.cart_title)}</h1>
            <ActionError value=update.value() />
            <ActionError value=remove.value() />
            <Loaded resource=cart let:cart>
                {if cart.is_empty() {
                    view! { <EmptyCart /> }.into_any()
                } else {
                    view! { <CartTable cart update remove /> }.into_any()
                }}
            </Loaded>
        </section>
    }
}

#[component]
fn EmptyCart() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <p>{t!(i18n, shop.cart_empty)}</p>
        <p>
            <a class="button" href=move || format!("/{}/products", lang.get().code())>
                {t!(i18n, shop.continue_shopping)}
            </a>
        </p>
    }
}

#[component]
fn CartTable(
    cart: CartView,
    update: ServerAction<UpdateCartLine>,
    remove: ServerAction<RemoveCartLine>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let code = lang.get_untracked().code();
    let blocked = cart.has_issues();
    let lines = cart
        .lines
        .into_iter()
        .map(|line| view! { <CartRow line update remove /> })
        .collect_view();
    view! {
        <ul class="cart-lines">{lines}</ul>
        <p class="cart-total">
            {t!(i18n, shop.goods_total)}
            " "
            <strong>{cart.goods.to_string()}</strong>
        </p>
        <p class="note">
            {if cart.cross_border {
                t!(i18n, shop.tax_at_checkout).into_any()
            } else {
                t!(i18n, shop.shipping_at_checkout).into_any()
            }}
        </p>
        {blocked.then(|| view! { <p class="error" role="alert">{t!(i18n, shop.fix_lines_first)}</p> })}
        <p class="row">
            <a class="button" href=format!("/{code}/products")>
                {t!(i18n, shop.continue_shopping)}
            </a>
            {(!blocked)
                .then(|| {
                    view! {
                        <a class="button primary" href=format!("/{code}/checkout")>
                            {t!(i18n, shop.go_to_checkout)}
                        </a>
                    }
                })}
        </p>
    }
}

#[component]
fn CartRow(
    line: CartLine,
    update: ServerAction<UpdateCartLine>,
    remove: ServerAction<RemoveCartLine>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = format!(
        "/{}/products/{}",
        lang.get_untracked().code(),
        line.product_slug
    );
    let issue = line.issue.map(|issue| {
        let text = match issue {
            LineIssue::Unavailable => t_string!(i18n, shop.line_unavailable).to_string(),
            LineIssue::SoldOut => t_string!(i18n, shop.line_sold_out).to_string(),
            LineIssue::OnlyLeft(n) => t_string!(i18n, shop.line_only_left, count = n).to_string(),
        };
        view! { <p class="error">{text}</p> }
    });
    let was = line.was.map(|was| {
        view! { <p class="note">{t!(i18n, shop.price_changed, was = was.to_string())}</p> }
    });
    let sku = line.sku.clone();
    let quantity_label = format!("{} — {}", t_string!(i18n, shop.quantity), line.title);
    let remove_label = format!("{} — {}", t_string!(i18n, shop.remove), line.title);
    view! {
        <li class="cart-line">
            <div class="what">
                <a href=href>{line.title.clone()}</a>
                <p class="meta">{line.option.clone()} " · " {line.shop.clone()}</p>
                {issue}
                {was}
            </div>
            <p class="unit">
                <span class="label">{t!(i18n, shop.unit_price)}</span>
                " "
                {line.unit_price.to_string()}
            </p>
            <ActionForm action=update attr:class="quantity">
                <Feedback value=update.value() row=("sku", line.sku.clone())>
                    <input type="hidden" name="sku" value=line.sku.clone() />
                    <Field
                        label=quantity_label
                        label_hidden=true
                        name="quantity"
                        id=format!("quantity-{}", line.sku)
                        kind="number"
                        min="1"
                        max=QUANTITY_MAX.to_string()
                        value=line.quantity.to_string()
                    />
                    <button type="submit">{t!(i18n, shop.update)}</button>
                </Feedback>
            </ActionForm>
            <p class="line-total">
                <span class="label">{t!(i18n, shop.line_total)}</span>
                " "
                {line.line_total.to_string()}
            </p>
            <ActionForm action=remove>
                <input type="hidden" name="sku" value=sku />
                <button type="submit" class="link" aria-label=remove_label>
                    {t!(i18n, shop.remove)}
                </button>
            </ActionForm>
        </li>
    }
}
