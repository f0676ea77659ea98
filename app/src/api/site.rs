use leptos::prelude::*;

use crate::error::AppError;
use crate::model::SiteConfig;
use crate::model::site::Visitor;

#[server(endpoint = "site_config", input = server_fn::codec::GetUrl)]
pub async fn get_site_config() -> Result<SiteConfig, AppError> {
    Ok(crate::backend::state()?.site.clone())
}

/// The header's view of the visitor. Without a session it answers without the database.
#[server(endpoint = "visitor", input = server_fn::codec::GetUrl)]
pub async fn get_visitor() -> Result<Visitor, AppError> {
    let session = crate::backend::session::current();
    let Some(owner) = crate::backend::cart::owner(&session) else {
        return Ok(Visitor::default());
    };
    let state = crate::backend::state()?;
    let user = session.user();
    let seller = user
        .as_ref()
        .is_some_and(|u| u.role == crate::model::account::Role::Seller);
    let applicant = match &user {
        Some(user) if !seller => {
            crate::backend::seller::applications::has_applied(&state.pool, user.id).await?
        }
        _ => false,
    };
    Ok(Visitor {
        seller,
        applicant,
        name: user.map(|u| u.display_name),
        cart_items: crate::backend::cart::item_count(&state.pool, &owner).await?,
    })
}
