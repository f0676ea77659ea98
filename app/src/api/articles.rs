//! The article editor, for editors and admins only: every function checks the role first.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Lang;
use crate::model::article_draft::{ArticleDraft, EditorRow};

/// The signed-in editor (or admin), or why not.
#[cfg(feature = "ssr")]
fn require_editor() -> Result<crate::backend::session::SessionUser, AppError> {
    use crate::model::account::Role;
    let user = crate::backend::session::current().require_user()?;
    match user.role {
        Role::Editor | Role::Admin => Ok(user),
        _ => Err(AppError::Forbidden),
    }
}

#[server(endpoint = "editor_articles", input = server_fn::codec::GetUrl)]
pub async fn list_articles_for_editing() -> Result<Vec<EditorRow>, AppError> {
    require_editor()?;
    let state = crate::backend::state()?;
    Ok(crate::backend::content::writing::list(&state.pool).await?)
}

#[server(endpoint = "editor_article", input = server_fn::codec::GetUrl)]
pub async fn get_article_draft(id: i64) -> Result<ArticleDraft, AppError> {
    require_editor()?;
    let state = crate::backend::state()?;
    crate::backend::content::writing::load(&state.pool, id).await
}

/// Saves both languages; the editor comes back to the article with a preview of each.
#[server(endpoint = "save_article")]
pub async fn save_article(lang: Lang, draft: ArticleDraft) -> Result<i64, AppError> {
    let user = require_editor()?;
    let state = crate::backend::state()?;
    let id = crate::backend::content::writing::save(&state.pool, &draft).await?;
    state.content_written().await;
    use crate::backend::admin::audit::{Change, Operator, record_after};
    let change = Change {
        action: if draft.id.is_some() {
            "article.save"
        } else {
            "article.create"
        },
        target: format!("article:{}", draft.slug.trim()),
        before: None,
        after: Some(serde_json::json!({ "id": id, "publish_at": draft.publish_at })),
    };
    record_after(&state.pool, &Operator::of(&user), change).await;
    leptos_axum::redirect(&format!("/{}/editor/{id}?saved=1", lang.code()));
    Ok(id)
}

/// The home page's featured recipe and destination (editors only).
#[server(endpoint = "set_home_stories")]
pub async fn set_home_stories(recipe: String, destination: String) -> Result<(), AppError> {
    let user = require_editor()?;
    let state = crate::backend::state()?;
    let valid = |slug: &str| crate::backend::media::is_slug(slug);
    if !valid(&recipe) || !valid(&destination) {
        return Err(AppError::NotFound);
    }
    use crate::backend::admin::audit::{Change, Operator, record_after};
    use crate::backend::content::store::set_setting;
    set_setting(&state.pool, "home.recipe", &recipe).await?;
    set_setting(&state.pool, "home.destination", &destination).await?;
    state.content_written().await;
    let change = Change {
        action: "home.stories",
        target: "setting:home".to_owned(),
        before: None,
        after: Some(serde_json::json!({ "recipe": recipe, "destination": destination })),
    };
    record_after(&state.pool, &Operator::of(&user), change).await;
    Ok(())
}
