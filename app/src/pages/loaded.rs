//! The frame every page's data sits in: "loading" while it comes, then its view, or the
//! error in its place with the answer's status.

use leptos::prelude::*;
use std::sync::Arc;

use crate::error::AppError;
use crate::i18n::*;

/// Shows `children` with the resource's data once it has come (a "loading" line till then),
/// or the error the resource failed with: through `fail` when the page family explains
/// some errors its own way (a seller without a shop, a console without access), else as
/// `PageError` does. The children handle what the data itself can say: an empty list,
/// nothing found.
///
/// ```ignore
/// <Loaded resource=guides let:guides>
///     <ol>{guides.into_iter().map(|card| view! { <li><GuideLink card /></li> }).collect_view()}</ol>
/// </Loaded>
/// ```
#[component]
pub fn Loaded<T, V, F>(
    /// The page's data, or why there is none.
    resource: Resource<Result<T, AppError>>,
    /// The view of the data.
    children: F,
    /// The view of an error, when not `PageError`'s.
    #[prop(optional)]
    fail: Option<fn(AppError) -> AnyView>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let children = Arc::new(children);
    view! {
        <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
            {move || {
                let children = Arc::clone(&children);
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => children(data).into_any(),
                        Err(error) => match fail {
                            Some(fail) => fail(error),
                            None => view! { <PageError error /> }.into_any(),
                        },
                    }
                })
            }}
        </Suspense>
    }
}

/// What a page shows instead of its data: "not found" for a missing thing, the way to sign
/// in for a page that needs a person, else the error explained; in each case the answer
/// carries the error's status.
#[component]
pub fn PageError(error: AppError) -> impl IntoView {
    if error == AppError::NotFound {
        return view! { <super::NotFound /> }.into_any();
    }
    answer_with_status_of(&error);
    match error {
        AppError::SignInRequired => view! { <super::account::SignInFirst /> }.into_any(),
        error => view! { <crate::components::ErrorMessage error /> }.into_any(),
    }
}

/// Gives the answer the status of the error a page shows instead of its data, so that a
/// browser, a crawler or a monitor reads the same as the person does.
pub fn answer_with_status_of(error: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        use http::StatusCode;
        response.set_status(match error {
            AppError::SignInRequired => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal { .. } | AppError::Transport => StatusCode::INTERNAL_SERVER_ERROR,
        });
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}
