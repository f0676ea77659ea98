use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::*;

/// A translated explanation of an error, announced to screen readers.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match error {
        AppError::NotFound => t_string!(i18n, errors.not_found),
        AppError::Invalid { .. } => t_string!(i18n, errors.invalid),
        AppError::Forbidden => t_string!(i18n, errors.forbidden),
        AppError::Internal => t_string!(i18n, errors.internal),
        AppError::Transport => t_string!(i18n, errors.transport),
    };
    view! { <p class="error" role="alert">{text}</p> }
}
