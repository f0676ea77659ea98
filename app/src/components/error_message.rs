use leptos::prelude::*;

use leptos_i18n::I18nContext;

use crate::components::forms::shown_beside_a_control;
use crate::error::{AppError, Problem, error_text_in, problem_text_in};
use crate::i18n::*;

/// The translated sentence for an input problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: Problem) -> String {
    problem_text_in(i18n.get_locale(), problem)
}

/// The translated explanation of any error.
pub fn error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    error_text_in(i18n.get_locale(), error)
}

/// A translated explanation of an error, announced to screen readers. An internal error
/// also shows its reference (the request id in the server's log), to quote to support.
#[component]
pub fn ErrorMessage(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let reference = match &error {
        AppError::Internal { reference } => reference.clone(),
        _ => None,
    };
    let text = move || error_text(i18n, &error);
    view! {
        <p class="error" role="alert">
            {text}
            {reference
                .map(|id| {
                    view! {
                        " "
                        <span class="error-reference">
                            {t!(i18n, errors.reference, id = id.clone())}
                        </span>
                    }
                })}
        </p>
    }
}

/// The error of a server action's last result, if it failed, unless a control of the form
/// shows it beside itself (`forms::Feedback`).
#[component]
pub fn ActionError<T, S>(value: S) -> impl IntoView
where
    T: Send + Sync + 'static,
    S: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    move || {
        value.with(|v| match v {
            Some(Err(AppError::Invalid(problem))) if shown_beside_a_control(*problem) => None,
            Some(Err(error)) => Some(view! { <ErrorMessage error=error.clone() /> }),
            _ => None,
        })
    }
}
