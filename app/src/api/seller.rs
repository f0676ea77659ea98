//! Shop applications and the seller's dashboard. Every dashboard function finds the
//! caller's shop from the session (`require_shop`) and passes only that shop's id on, so
//! one seller can never reach another's products, parcels, stock or sales.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::seller::{
    ApplicationForm, ApplicationView, GlossaryTerm, ProductDraft, ProductEditor, SalesReport,
    SellerOptions, SellerProductRow, SellerShop, ShipmentRow, StockRow,
};

#[cfg(feature = "ssr")]
use crate::backend::seller::{Need, require_shop};

/// Cities and categories for the application and product forms.
#[server(endpoint = "seller_options", input = server_fn::codec::GetUrl)]
pub async fn get_seller_options(lang: Lang) -> Result<SellerOptions, AppError> {
    use crate::model::seller::Choice;
    let state = crate::backend::state()?;
    let catalogue = state.catalogue.get();
    let mut cities: Vec<Choice> = catalogue
        .cities
        .iter()
        .map(|c| Choice {
            value: c.key.clone(),
            label: c.name.get(lang).to_owned(),
            top: true,
        })
        .collect();
    cities.sort_by(|a, b| a.label.cmp(&b.label));
    let mut categories = Vec::new();
    for (index, top) in catalogue
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.parent.is_none())
    {
        categories.push(Choice {
            value: top.slug.clone(),
            label: top.name.get(lang).to_owned(),
            top: true,
        });
        for child in catalogue
            .categories
            .iter()
            .filter(|c| c.parent == Some(index))
        {
            categories.push(Choice {
                value: child.slug.clone(),
                label: child.name.get(lang).to_owned(),
                top: false,
            });
        }
    }
    let dispatch = match crate::backend::session::current().user() {
        Some(user) => crate::backend::seller::dispatch_of(&state.pool, user.id).await?,
        None => None,
    };
    Ok(SellerOptions {
        cities,
        categories,
        dispatch,
    })
}

/// The caller's latest application (`None` if they have not applied).
#[server(endpoint = "my_application", input = server_fn::codec::GetUrl)]
pub async fn get_my_application(lang: Lang) -> Result<Option<ApplicationView>, AppError> {
    let user = crate::backend::session::current().require_user()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::applications::latest(&state.pool, user.id, lang).await?)
}

#[server(endpoint = "apply_for_shop")]
pub async fn apply_for_shop(lang: Lang, form: ApplicationForm) -> Result<i64, AppError> {
    let user = crate::backend::session::current().require_user()?;
    let state = crate::backend::state()?;
    let application = form.check()?;
    let id = crate::backend::seller::applications::submit(
        &state.pool,
        state.engine,
        user.id,
        &application,
    )
    .await?;
    tracing::info!(
        user.id = user.id,
        application.id = id,
        "shop application submitted"
    );
    leptos_axum::redirect(&format!("/{}/sell/status", lang.code()));
    Ok(id)
}

/// The caller's shop, or `None` when they work for none.
#[server(endpoint = "seller_shop", input = server_fn::codec::GetUrl)]
pub async fn get_seller_shop(lang: Lang) -> Result<Option<SellerShop>, AppError> {
    let user = crate::backend::session::current().require_user()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::shop_of(&state.pool, user.id, lang).await?)
}

#[server(endpoint = "seller_products", input = server_fn::codec::GetUrl)]
pub async fn list_seller_products(lang: Lang) -> Result<Vec<SellerProductRow>, AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::products::list(&state.pool, shop.id, lang).await?)
}

#[server(endpoint = "seller_product", input = server_fn::codec::GetUrl)]
pub async fn get_product_editor(id: i64) -> Result<ProductEditor, AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::products::load(&state.pool, &state.data_dir, shop.id, id).await
}

/// Saves both languages and the variants; the seller comes back to the editor.
#[server(endpoint = "save_product")]
pub async fn save_product(lang: Lang, draft: ProductDraft) -> Result<i64, AppError> {
    let (user, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    let checked = draft.check()?;
    let id = crate::backend::seller::products::save(
        &state.pool,
        state.engine,
        shop.id,
        draft.id,
        &checked,
    )
    .await?;
    tracing::info!(
        user.id = user.id,
        shop.id = shop.id,
        product.id = id,
        "product saved"
    );
    leptos_axum::redirect(&format!("/{}/seller/products/{id}?saved=1", lang.code()));
    Ok(id)
}

/// Puts the product on the storefront (both languages complete, shop verified) or takes
/// it off.
#[server(endpoint = "publish_product")]
pub async fn publish_product(lang: Lang, id: i64, publish: bool) -> Result<(), AppError> {
    let (user, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::products::set_published(
        &state.pool,
        state.engine,
        shop.id,
        id,
        publish,
    )
    .await?;
    tracing::info!(
        user.id = user.id,
        product.id = id,
        publish,
        "product publication changed"
    );
    leptos_axum::redirect(&format!(
        "/{}/seller/products/{id}?published={publish}",
        lang.code()
    ));
    Ok(())
}

#[server(endpoint = "seller_shipments", input = server_fn::codec::GetUrl)]
pub async fn list_shipments(to_ship: bool) -> Result<Vec<ShipmentRow>, AppError> {
    let (_, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::fulfilment::list(&state.pool, shop.id, to_ship).await?)
}

#[server(endpoint = "seller_shipment", input = server_fn::codec::GetUrl)]
pub async fn get_shipment(id: i64) -> Result<ShipmentRow, AppError> {
    let (_, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::fulfilment::one(&state.pool, shop.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[server(endpoint = "ship_shipment")]
pub async fn ship_shipment(
    lang: Lang,
    id: i64,
    carrier: String,
    tracking: String,
) -> Result<(), AppError> {
    let (user, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::fulfilment::ship(&state, shop.id, user.id, id, &carrier, &tracking)
        .await?;
    leptos_axum::redirect(&format!("/{}/seller/orders?shipped={id}", lang.code()));
    Ok(())
}

#[server(endpoint = "cancel_shipment")]
pub async fn cancel_shipment(lang: Lang, id: i64, reason: String) -> Result<(), AppError> {
    let (user, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::fulfilment::cancel(&state, shop.id, user.id, id, &reason).await?;
    leptos_axum::redirect(&format!("/{}/seller/orders?cancelled={id}", lang.code()));
    Ok(())
}

#[server(endpoint = "seller_stock", input = server_fn::codec::GetUrl)]
pub async fn list_stock(lang: Lang, low_only: bool) -> Result<Vec<StockRow>, AppError> {
    let (_, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::stock::list(&state.pool, shop.id, lang, low_only).await?)
}

/// Adds (or with a negative number removes) units, with the reason kept in the history.
#[server(endpoint = "adjust_stock")]
pub async fn adjust_stock(
    lang: Lang,
    variant_id: i64,
    delta: String,
    reason: String,
) -> Result<i64, AppError> {
    use crate::error::Problem;
    let (user, shop) = require_shop(Need::Member).await?;
    let state = crate::backend::state()?;
    let delta = delta
        .trim()
        .trim_start_matches('+')
        .parse::<i64>()
        .map_err(|_| Problem::StockDelta)?;
    let stock = crate::backend::seller::stock::adjust(
        &state.pool,
        state.engine,
        shop.id,
        user.id,
        variant_id,
        delta,
        &reason,
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/{}/seller/stock?adjusted={variant_id}",
        lang.code()
    ));
    Ok(stock)
}

#[server(endpoint = "seller_sales", input = server_fn::codec::GetUrl)]
pub async fn get_sales(lang: Lang, days: i64) -> Result<SalesReport, AppError> {
    use crate::backend::seller::chart::ChartLabels;
    use crate::i18n::*;
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    let locale = Locale::from(lang);
    let title = td_string!(locale, seller.sales_by_day).to_string();
    let revenue = td_string!(locale, seller.revenue).to_string();
    let orders = td_string!(locale, seller.orders).to_string();
    let labels = ChartLabels {
        title: &title,
        revenue: &revenue,
        orders: &orders,
        currency: "CNY",
    };
    Ok(crate::backend::seller::analytics::report(
        &state.pool,
        shop.id,
        shop.dispatch == crate::model::Dispatch::CrossBorder,
        days,
        lang,
        &labels,
    )
    .await?)
}

#[server(endpoint = "seller_glossary", input = server_fn::codec::GetUrl)]
pub async fn get_glossary(lang: Lang) -> Result<Vec<GlossaryTerm>, AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::glossary::terms(&state.pool, shop.id, lang).await?)
}

#[server(endpoint = "add_glossary_term")]
pub async fn add_glossary_term(
    lang: Lang,
    en: String,
    zh: String,
    note: String,
) -> Result<(), AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::glossary::add(&state.pool, shop.id, &en, &zh, &note).await?;
    leptos_axum::redirect(&format!("/{}/seller/glossary?added=1", lang.code()));
    Ok(())
}

/// What one of the shop's CSV imports did.
#[server(endpoint = "seller_import", input = server_fn::codec::GetUrl)]
pub async fn get_import_report(id: i64) -> Result<crate::model::seller::ImportReport, AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::catalogue_csv::report(&state.pool, shop.id, id).await
}

#[server(endpoint = "seller_team", input = server_fn::codec::GetUrl)]
pub async fn list_team() -> Result<Vec<crate::model::seller::StaffMember>, AppError> {
    let (_, shop) = require_shop(Need::Owner).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::staff::team(&state.pool, shop.id).await?)
}

/// The owner invites someone by email with a role; the link goes out in the page's language.
#[server(endpoint = "invite_staff")]
pub async fn invite_staff(lang: Lang, email: String, role: String) -> Result<(), AppError> {
    let (user, shop) = require_shop(Need::Owner).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::staff::invite(
        &state, shop.id, &shop.name, user.id, &email, &role, lang,
    )
    .await?;
    leptos_axum::redirect(&format!("/{}/seller/team?invited=1", lang.code()));
    Ok(())
}

#[server(endpoint = "remove_staff")]
pub async fn remove_staff(lang: Lang, user_id: i64) -> Result<(), AppError> {
    let (_, shop) = require_shop(Need::Owner).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::staff::remove(&state.pool, shop.id, user_id).await?;
    leptos_axum::redirect(&format!("/{}/seller/team?removed=1", lang.code()));
    Ok(())
}

/// The signed-in person joins the shop whose invitation link they hold.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(lang: Lang, token: String) -> Result<(), AppError> {
    let user = crate::backend::session::current().require_user()?;
    let state = crate::backend::state()?;
    crate::backend::seller::staff::accept(&state, &user, &token).await?;
    leptos_axum::redirect(&format!("/{}/seller", lang.code()));
    Ok(())
}

#[server(endpoint = "shop_profile", input = server_fn::codec::GetUrl)]
pub async fn get_shop_profile() -> Result<crate::model::seller::ShopProfile, AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    Ok(crate::backend::seller::profile::load(&state.pool, shop.id).await?)
}

#[server(endpoint = "save_shop_profile")]
pub async fn save_shop_profile(
    lang: Lang,
    en: crate::model::seller::ProfileSide,
    zh: crate::model::seller::ProfileSide,
) -> Result<(), AppError> {
    let (_, shop) = require_shop(Need::Catalogue).await?;
    let state = crate::backend::state()?;
    crate::backend::seller::profile::save(&state.pool, state.engine, shop.id, &en, &zh).await?;
    leptos_axum::redirect(&format!("/{}/seller/profile?saved=1", lang.code()));
    Ok(())
}
