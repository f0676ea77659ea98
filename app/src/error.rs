//! The one error type server functions return. Variants are codes, never display text:
//! pages translate them with `t!` (see `components::error_message`), and a test checks
//! that every code has a translation in every locale.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// Something the person entered cannot be accepted; `Problem` says what.
    #[error("invalid input: {0:?}")]
    Invalid(Problem),
    #[error("forbidden")]
    Forbidden,
    /// The page or action needs a signed-in account.
    #[error("sign-in required")]
    SignInRequired,
    /// Too many attempts in a short time; try again later.
    #[error("rate limited")]
    RateLimited,
    /// Something failed on the server. The details are in its log, never here; `reference`
    /// is the id of the request the log lines carry, for the person to quote when asking
    /// for help. The server fills it in (see `AppError::internal`).
    #[error("internal error")]
    Internal { reference: Option<String> },
    /// The request never reached the function or its answer could not be read.
    #[error("transport error")]
    Transport,
}

/// What is wrong with an input, one code per message a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Problem {
    Email,
    EmailTaken,
    DisplayName,
    PasswordTooShort,
    PasswordTooLong,
    PasswordCommon,
    PasswordWrong,
    BadCredentials,
    AccountLocked,
    ResetLink,
    Quantity,
    UnknownVariant,
    Unavailable,
    OutOfStock,
    CartEmpty,
    Recipient,
    Mobile,
    Province,
    City,
    District,
    Street,
    Postcode,
    BuyerName,
    IdNumber,
    IdBornTooEarly,
    IdBornInFuture,
    IdUnderage,
    ShippingMethod,
    RiskNotAccepted,
    OrderLimit,
    YearlyLimit,
    IdempotencyConflict,
    NotPayable,
    NotCancellable,
    NotShipped,
    NotDelivered,
    Rating,
    ReviewText,
    AlreadyReviewed,
    Slug,
    SlugTaken,
    ArticleSection,
    PublishAt,
    ArticleTitle,
    ArticleBody,
    ShopKind,
    LegalName,
    ShopName,
    Registration,
    RegistrationChecksum,
    ContactName,
    ContactPhone,
    ShopCategories,
    AlreadyApplied,
    Category,
    HsCode,
    Weight,
    Price,
    Sku,
    SkuTaken,
    NoVariants,
    ProductText,
    Incomplete,
    ShopNotVerified,
    StockDelta,
    Reason,
    Carrier,
    Tracking,
    NotFulfillable,
    StaffRole,
    AlreadyMember,
    InvitationLink,
    ExchangeRate,
    Commission,
    RateDay,
    Role,
    OwnAccount,
    NotRefundable,
    PasswordResetRequired,
    /// No way to pay is configured (the sandbox is off and no real provider is set).
    PaymentUnavailable,
    /// A field holds a control character (a NUL byte, say) that no keyboard types.
    ControlCharacter,
}

impl Problem {
    /// The form fields this problem is about, by the last part of their names
    /// (`model::form_draft::field_key`): the form shows the message beside the first of them
    /// that it has. Empty for problems about the whole form or the world (stock, limits).
    pub fn fields(self) -> &'static [&'static str] {
        use Problem::*;
        match self {
            Email | EmailTaken => &["email"],
            DisplayName => &["display_name"],
            PasswordTooShort | PasswordTooLong | PasswordCommon => &["password", "new"],
            PasswordWrong => &["current"],
            Quantity => &["quantity"],
            Recipient => &["recipient"],
            Mobile => &["mobile"],
            Province => &["province"],
            City => &["city"],
            District => &["district"],
            Street => &["street"],
            Postcode => &["postcode"],
            BuyerName => &["buyer_name"],
            IdNumber | IdBornTooEarly | IdBornInFuture | IdUnderage => &["id_number"],
            ShippingMethod => &["shipping"],
            RiskNotAccepted => &["accept_risk"],
            Rating => &["rating"],
            ReviewText | ArticleBody => &["body"],
            Slug | SlugTaken => &["slug"],
            ArticleSection => &["section"],
            PublishAt => &["publish_at"],
            ArticleTitle | ProductText => &["title"],
            ShopKind => &["kind"],
            LegalName => &["legal_name"],
            ShopName => &["shop_name"],
            Registration | RegistrationChecksum => &["registration_number"],
            ContactName => &["contact_name"],
            ContactPhone => &["contact_phone"],
            ShopCategories => &["categories"],
            Category => &["category"],
            HsCode => &["hs_code"],
            Weight => &["weight_g"],
            Price => &["price"],
            Sku | SkuTaken => &["sku"],
            StockDelta => &["delta"],
            Reason => &["reason"],
            Carrier => &["carrier"],
            Tracking => &["tracking"],
            StaffRole | Role => &["role"],
            ExchangeRate => &["rate"],
            Commission => &["percent"],
            RateDay => &["from"],
            _ => &[],
        }
    }
}

impl Problem {
    pub const ALL: [Problem; 81] = [
        Problem::Email,
        Problem::EmailTaken,
        Problem::DisplayName,
        Problem::PasswordTooShort,
        Problem::PasswordTooLong,
        Problem::PasswordCommon,
        Problem::PasswordWrong,
        Problem::BadCredentials,
        Problem::AccountLocked,
        Problem::ResetLink,
        Problem::Quantity,
        Problem::UnknownVariant,
        Problem::Unavailable,
        Problem::OutOfStock,
        Problem::CartEmpty,
        Problem::Recipient,
        Problem::Mobile,
        Problem::Province,
        Problem::City,
        Problem::District,
        Problem::Street,
        Problem::Postcode,
        Problem::BuyerName,
        Problem::IdNumber,
        Problem::IdBornTooEarly,
        Problem::IdBornInFuture,
        Problem::IdUnderage,
        Problem::ShippingMethod,
        Problem::RiskNotAccepted,
        Problem::OrderLimit,
        Problem::YearlyLimit,
        Problem::IdempotencyConflict,
        Problem::NotPayable,
        Problem::NotCancellable,
        Problem::NotShipped,
        Problem::NotDelivered,
        Problem::Rating,
        Problem::ReviewText,
        Problem::AlreadyReviewed,
        Problem::Slug,
        Problem::SlugTaken,
        Problem::ArticleSection,
        Problem::PublishAt,
        Problem::ArticleTitle,
        Problem::ArticleBody,
        Problem::ShopKind,
        Problem::LegalName,
        Problem::ShopName,
        Problem::Registration,
        Problem::RegistrationChecksum,
        Problem::ContactName,
        Problem::ContactPhone,
        Problem::ShopCategories,
        Problem::AlreadyApplied,
        Problem::Category,
        Problem::HsCode,
        Problem::Weight,
        Problem::Price,
        Problem::Sku,
        Problem::SkuTaken,
        Problem::NoVariants,
        Problem::ProductText,
        Problem::Incomplete,
        Problem::ShopNotVerified,
        Problem::StockDelta,
        Problem::Reason,
        Problem::Carrier,
        Problem::Tracking,
        Problem::NotFulfillable,
        Problem::StaffRole,
        Problem::AlreadyMember,
        Problem::InvitationLink,
        Problem::ExchangeRate,
        Problem::Commission,
        Problem::RateDay,
        Problem::Role,
        Problem::OwnAccount,
        Problem::NotRefundable,
        Problem::PasswordResetRequired,
        Problem::PaymentUnavailable,
        Problem::ControlCharacter,
    ];

    /// The translation key under `errors.problem`.
    pub fn code(self) -> &'static str {
        match self {
            Problem::Email => "email",
            Problem::EmailTaken => "email_taken",
            Problem::DisplayName => "display_name",
            Problem::PasswordTooShort => "password_too_short",
            Problem::PasswordTooLong => "password_too_long",
            Problem::PasswordCommon => "password_common",
            Problem::PasswordWrong => "password_wrong",
            Problem::BadCredentials => "bad_credentials",
            Problem::AccountLocked => "account_locked",
            Problem::ResetLink => "reset_link",
            Problem::Quantity => "quantity",
            Problem::UnknownVariant => "unknown_variant",
            Problem::Unavailable => "unavailable",
            Problem::OutOfStock => "out_of_stock",
            Problem::CartEmpty => "cart_empty",
            Problem::Recipient => "recipient",
            Problem::Mobile => "mobile",
            Problem::Province => "province",
            Problem::City => "city",
            Problem::District => "district",
            Problem::Street => "street",
            Problem::Postcode => "postcode",
            Problem::BuyerName => "buyer_name",
            Problem::IdNumber => "id_number",
            Problem::IdBornTooEarly => "id_born_too_early",
            Problem::IdBornInFuture => "id_born_in_future",
            Problem::IdUnderage => "id_underage",
            Problem::ShippingMethod => "shipping_method",
            Problem::RiskNotAccepted => "risk_not_accepted",
            Problem::OrderLimit => "order_limit",
            Problem::YearlyLimit => "yearly_limit",
            Problem::IdempotencyConflict => "idempotency_conflict",
            Problem::NotPayable => "not_payable",
            Problem::NotCancellable => "not_cancellable",
            Problem::NotShipped => "not_shipped",
            Problem::NotDelivered => "not_delivered",
            Problem::Rating => "rating",
            Problem::ReviewText => "review_text",
            Problem::AlreadyReviewed => "already_reviewed",
            Problem::Slug => "slug",
            Problem::SlugTaken => "slug_taken",
            Problem::ArticleSection => "article_section",
            Problem::PublishAt => "publish_at",
            Problem::ArticleTitle => "article_title",
            Problem::ArticleBody => "article_body",
            Problem::ShopKind => "shop_kind",
            Problem::LegalName => "legal_name",
            Problem::ShopName => "shop_name",
            Problem::Registration => "registration",
            Problem::RegistrationChecksum => "registration_checksum",
            Problem::ContactName => "contact_name",
            Problem::ContactPhone => "contact_phone",
            Problem::ShopCategories => "shop_categories",
            Problem::AlreadyApplied => "already_applied",
            Problem::Category => "category",
            Problem::HsCode => "hs_code",
            Problem::Weight => "weight",
            Problem::Price => "price",
            Problem::Sku => "sku",
            Problem::SkuTaken => "sku_taken",
            Problem::NoVariants => "no_variants",
            Problem::ProductText => "product_text",
            Problem::Incomplete => "incomplete",
            Problem::ShopNotVerified => "shop_not_verified",
            Problem::StockDelta => "stock_delta",
            Problem::Reason => "reason",
            Problem::Carrier => "carrier",
            Problem::Tracking => "tracking",
            Problem::NotFulfillable => "not_fulfillable",
            Problem::StaffRole => "staff_role",
            Problem::AlreadyMember => "already_member",
            Problem::InvitationLink => "invitation_link",
            Problem::ExchangeRate => "exchange_rate",
            Problem::Commission => "commission",
            Problem::RateDay => "rate_day",
            Problem::Role => "role",
            Problem::OwnAccount => "own_account",
            Problem::NotRefundable => "not_refundable",
            Problem::PasswordResetRequired => "password_reset_required",
            Problem::PaymentUnavailable => "payment_unavailable",
            Problem::ControlCharacter => "control_character",
        }
    }
}

impl From<Problem> for AppError {
    fn from(problem: Problem) -> Self {
        AppError::Invalid(problem)
    }
}

impl AppError {
    /// The translation key under `errors` that explains this error to a person
    /// (`invalid` has one key per `Problem` under `errors.problem`).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotFound => "not_found",
            AppError::Invalid(_) => "invalid",
            AppError::Forbidden => "forbidden",
            AppError::SignInRequired => "sign_in_required",
            AppError::RateLimited => "rate_limited",
            AppError::Internal { .. } => "internal",
            AppError::Transport => "transport",
        }
    }

    pub const ALL_CODES: [&'static str; 7] = [
        "not_found",
        "invalid",
        "forbidden",
        "sign_in_required",
        "rate_limited",
        "internal",
        "transport",
    ];

    /// A short English explanation, for the command line (pages use the translations).
    pub fn code_text(&self) -> String {
        match self {
            AppError::Invalid(problem) => format!("invalid input: {}", problem.code()),
            other => other.code().replace('_', " "),
        }
    }

    /// The problem, when this is an input error.
    pub fn problem(&self) -> Option<Problem> {
        match self {
            AppError::Invalid(problem) => Some(*problem),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        AppError::Transport
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// An internal error: `what` failed because of `error`. Both go to the log with the id
    /// of the request being handled; the person is shown only that id.
    pub fn internal(what: &str, error: impl std::fmt::Display) -> AppError {
        let reference = crate::backend::request_id();
        tracing::error!(
            request_id = reference.as_deref().unwrap_or("-"),
            %error,
            "{what}"
        );
        AppError::Internal { reference }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::internal("database error", error)
    }
}
