//! The one error type server functions return. Variants are codes, never display text:
//! pages translate them with `t!` (see `components::error_message`).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("invalid {field}: {code}")]
    Invalid { field: String, code: String },
    #[error("forbidden")]
    Forbidden,
    /// Something failed on the server; the details are in its log, never here.
    #[error("internal error")]
    Internal,
    /// The request never reached the function or its answer could not be read.
    #[error("transport error")]
    Transport,
}

impl AppError {
    /// The translation key under `errors` that explains this error to a person.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Invalid { .. } => "invalid",
            AppError::Forbidden => "forbidden",
            AppError::Internal => "internal",
            AppError::Transport => "transport",
        }
    }

    pub const ALL_CODES: [&'static str; 5] =
        ["not_found", "invalid", "forbidden", "internal", "transport"];
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        AppError::Transport
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(error = %error, "database error");
        AppError::Internal
    }
}
