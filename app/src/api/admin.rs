//! The operator's console. Every function checks for the admin role first (`require_admin`)
//! and every change goes through `backend::admin`, which writes the audit log.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::admin::{
    AdminApplication, AdminDashboard, AdminListing, AdminOrder, AdminReview, AdminUser, AuditEntry,
    RatesView,
};

#[cfg(feature = "ssr")]
use crate::backend::admin::require_admin;

/// After a change made from a form, back to the console page with a notice of what was done.
#[cfg(feature = "ssr")]
fn back_to(lang: Lang, page: &str, done: &str) {
    let separator = if page.ends_with('&') { "" } else { "?" };
    let done = crate::model::url::encode_query_value(done);
    leptos_axum::redirect(&format!(
        "/{}/admin{page}{separator}done={done}",
        lang.code()
    ));
}

#[server(endpoint = "admin_dashboard", input = server_fn::codec::GetUrl)]
pub async fn get_admin_dashboard() -> Result<AdminDashboard, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::admin::dashboard::load(&state.pool).await?)
}

#[server(endpoint = "admin_applications", input = server_fn::codec::GetUrl)]
pub async fn list_applications(
    lang: Lang,
    status: String,
) -> Result<Vec<AdminApplication>, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    let status = match status.as_str() {
        "approved" | "rejected" => status.as_str(),
        _ => "pending",
    };
    Ok(crate::backend::admin::shops::applications(&state.pool, status, lang).await?)
}

/// `decision` is `approve` or `reject`; a rejection needs the reason the applicant reads.
/// An importer is approved to ship from stock in China (`dispatch=domestic`, the default)
/// or from a bonded warehouse (`bonded`).
#[server(endpoint = "admin_decide_application")]
pub async fn decide_application(
    lang: Lang,
    id: i64,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] dispatch: String,
) -> Result<(), AppError> {
    use crate::backend::admin::shops;
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let desk = crate::backend::admin::Desk::of(&state);
    match decision.as_str() {
        "approve" => {
            let dispatch = match dispatch.trim() {
                "" => None,
                code => Some(
                    crate::model::Dispatch::parse(code).ok_or(crate::error::Problem::Dispatch)?,
                ),
            };
            shops::approve(&desk, &who, id, dispatch).await?;
        }
        "reject" => shops::reject(&desk, &who, id, &reason).await?,
        _ => return Err(AppError::NotFound),
    }
    back_to(lang, "/applications", &format!("{decision}-{id}"));
    Ok(())
}

/// `action` is `suspend` (with a reason) or `reinstate`.
#[server(endpoint = "admin_suspend_shop")]
pub async fn suspend_shop(
    lang: Lang,
    shop_id: i64,
    action: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let suspend = match action.as_str() {
        "suspend" => true,
        "reinstate" => false,
        _ => return Err(AppError::NotFound),
    };
    crate::backend::admin::shops::set_suspended(
        &state.pool,
        state.engine,
        &who,
        shop_id,
        suspend,
        &reason,
    )
    .await?;
    back_to(
        lang,
        "/applications?status=approved&",
        &format!("{action}-{shop_id}"),
    );
    Ok(())
}

#[server(endpoint = "admin_listings", input = server_fn::codec::GetUrl)]
pub async fn list_listings(
    lang: Lang,
    state: String,
    query: String,
) -> Result<Vec<AdminListing>, AppError> {
    use crate::model::admin::ListingState;
    require_admin()?;
    let app = crate::backend::state()?;
    let state = match state.as_str() {
        "published" => ListingState::Published,
        "hidden" => ListingState::Hidden,
        _ => ListingState::Waiting,
    };
    Ok(crate::backend::admin::listings::list(&app.pool, state, &query, lang).await?)
}

/// `decision` is `approve`, `reject` (with a note) or `take_down` (with a reason).
#[server(endpoint = "admin_decide_listing")]
pub async fn decide_listing(
    lang: Lang,
    id: i64,
    decision: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::backend::admin::listings;
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let desk = crate::backend::admin::Desk::of(&state);
    match decision.as_str() {
        "approve" => listings::decide(&desk, &who, id, true, "").await?,
        "reject" => listings::decide(&desk, &who, id, false, &note).await?,
        "take_down" => listings::take_down(&desk, &who, id, &note).await?,
        _ => return Err(AppError::NotFound),
    }
    let page = if decision == "take_down" {
        "/listings?state=hidden&"
    } else {
        "/listings"
    };
    back_to(lang, page, &format!("{decision}-{id}"));
    Ok(())
}

#[server(endpoint = "admin_users", input = server_fn::codec::GetUrl)]
pub async fn search_users(query: String) -> Result<Vec<AdminUser>, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::admin::users::search(&state.pool, &query).await?)
}

/// `change` is `role` (with `role`), `lock`, `unlock` or `reset_password`.
#[server(endpoint = "admin_change_user")]
pub async fn change_user(
    lang: Lang,
    id: i64,
    change: String,
    #[server(default)] role: String,
) -> Result<(), AppError> {
    use crate::backend::admin::users::{self, UserChange};
    use crate::error::Problem;
    use crate::model::account::Role;
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let what = match change.as_str() {
        "role" => UserChange::Role(Role::parse(&role).ok_or(Problem::Role)?),
        "lock" => UserChange::Lock(true),
        "unlock" => UserChange::Lock(false),
        "reset_password" => UserChange::ForcePasswordReset,
        _ => return Err(AppError::NotFound),
    };
    users::change(&state, &who, id, what).await?;
    back_to(lang, "/users", &format!("{change}-{id}"));
    Ok(())
}

#[server(endpoint = "admin_orders", input = server_fn::codec::GetUrl)]
pub async fn search_orders(query: String, status: String) -> Result<Vec<AdminOrder>, AppError> {
    use crate::model::order::OrderStatus;
    require_admin()?;
    let state = crate::backend::state()?;
    let status = OrderStatus::parse(&status);
    Ok(crate::backend::admin::orders::search(&state.pool, &query, status).await?)
}

#[server(endpoint = "admin_refund")]
pub async fn refund_order(lang: Lang, number: String, reason: String) -> Result<i64, AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let amount = crate::backend::admin::orders::refund(&state, &who, &number, &reason).await?;
    back_to(lang, "/orders", &format!("refund-{}", number.trim()));
    Ok(amount)
}

#[server(endpoint = "admin_rates", input = server_fn::codec::GetUrl)]
pub async fn get_rates() -> Result<RatesView, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::admin::rates::history(&state.pool).await?)
}

#[server(endpoint = "admin_set_exchange_rate")]
pub async fn set_exchange_rate(lang: Lang, currency: String, rate: String) -> Result<(), AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    crate::backend::admin::rates::set_exchange_rate(
        &state.pool,
        state.engine,
        &who,
        &currency,
        &rate,
    )
    .await?;
    back_to(lang, "/rates", &format!("{currency}-{}", rate.trim()));
    Ok(())
}

#[server(endpoint = "admin_set_commission")]
pub async fn set_commission(
    lang: Lang,
    percent: String,
    #[server(default)] from: String,
) -> Result<(), AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    crate::backend::admin::rates::set_commission_rate(&state.pool, &who, &percent, &from).await?;
    back_to(lang, "/rates", &format!("commission-{}", percent.trim()));
    Ok(())
}

#[server(endpoint = "admin_reviews", input = server_fn::codec::GetUrl)]
pub async fn list_reviews(lang: Lang) -> Result<Vec<AdminReview>, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::admin::reviews::list(&state.pool, lang).await?)
}

/// `action` is `hide` or `show`.
#[server(endpoint = "admin_moderate_review")]
pub async fn moderate_review(lang: Lang, id: i64, action: String) -> Result<(), AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    let hide = match action.as_str() {
        "hide" => true,
        "show" => false,
        _ => return Err(AppError::NotFound),
    };
    crate::backend::admin::reviews::set_hidden(&state.pool, state.engine, &who, id, hide).await?;
    back_to(lang, "/reviews", &format!("{action}-{id}"));
    Ok(())
}

/// The editors' articles, as the console lists them.
#[server(endpoint = "admin_articles", input = server_fn::codec::GetUrl)]
pub async fn list_articles() -> Result<Vec<crate::model::article_draft::EditorRow>, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::content::writing::list(&state.pool).await?)
}

#[server(endpoint = "admin_withdraw_article")]
pub async fn withdraw_article(lang: Lang, id: i64) -> Result<(), AppError> {
    let who = require_admin()?;
    let state = crate::backend::state()?;
    crate::backend::admin::articles::withdraw(&state.pool, &who, id).await?;
    state.content_written().await;
    back_to(lang, "/articles", &format!("withdraw-{id}"));
    Ok(())
}

#[server(endpoint = "admin_audit", input = server_fn::codec::GetUrl)]
pub async fn search_audit(query: String, before: Option<i64>) -> Result<Vec<AuditEntry>, AppError> {
    require_admin()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::admin::audit::page(&state.pool, &query, before).await?)
}
