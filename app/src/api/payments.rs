//! The sandbox wallet's pay page. (Real providers have their own pages elsewhere.)

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::Money;

/// The payment the sandbox page shows, read from its signed parameters.
#[server(endpoint = "sandbox_payment")]
pub async fn get_sandbox_payment(
    fields: BTreeMap<String, String>,
) -> Result<(String, Money), AppError> {
    let state = crate::backend::state()?;
    let sandbox = state.sandbox.as_ref().ok_or(AppError::NotFound)?;
    let request = sandbox
        .read_request(&fields)
        .map_err(|_| AppError::NotFound)?;
    Ok((request.order_number, Money::cny(request.amount)))
}

/// The tester's choice on the sandbox page: pay or fail.
#[server(endpoint = "sandbox_decide")]
pub async fn sandbox_decide(
    fields: BTreeMap<String, String>,
    outcome: String,
) -> Result<(), AppError> {
    use crate::backend::payments::Outcome;
    let state = crate::backend::state()?;
    let sandbox = state.sandbox.as_ref().ok_or(AppError::NotFound)?;
    let outcome = match outcome.as_str() {
        "success" => Outcome::Succeeded,
        _ => Outcome::Failed,
    };
    let (return_url, notification) = sandbox
        .decide(&fields, outcome)
        .map_err(|_| AppError::NotFound)?;
    sandbox.send_notification(notification);
    leptos_axum::redirect(&return_url);
    Ok(())
}
