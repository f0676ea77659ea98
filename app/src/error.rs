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

/// Every input problem, once: its variant (with its documentation) and its code, which is
/// also its translation key under `errors.problem`. Given a macro's name, calls it with the
/// table: [`Problem`] is written from it here and its translations in
/// `components::error_message`, so neither can miss a problem.
macro_rules! problem_table {
    ($then:ident) => {
        $then! {
            Email => email,
            EmailTaken => email_taken,
            DisplayName => display_name,
            PasswordTooShort => password_too_short,
            PasswordTooLong => password_too_long,
            PasswordCommon => password_common,
            PasswordWrong => password_wrong,
            BadCredentials => bad_credentials,
            AccountLocked => account_locked,
            ResetLink => reset_link,
            Quantity => quantity,
            UnknownVariant => unknown_variant,
            Unavailable => unavailable,
            OutOfStock => out_of_stock,
            CartEmpty => cart_empty,
            Recipient => recipient,
            Mobile => mobile,
            Province => province,
            City => city,
            District => district,
            Street => street,
            Postcode => postcode,
            BuyerName => buyer_name,
            IdNumber => id_number,
            IdBornTooEarly => id_born_too_early,
            IdBornInFuture => id_born_in_future,
            IdUnderage => id_underage,
            ShippingMethod => shipping_method,
            RiskNotAccepted => risk_not_accepted,
            OrderLimit => order_limit,
            YearlyLimit => yearly_limit,
            IdempotencyConflict => idempotency_conflict,
            NotPayable => not_payable,
            NotCancellable => not_cancellable,
            NotShipped => not_shipped,
            NotDelivered => not_delivered,
            Rating => rating,
            ReviewText => review_text,
            AlreadyReviewed => already_reviewed,
            Slug => slug,
            SlugTaken => slug_taken,
            ArticleSection => article_section,
            PublishAt => publish_at,
            ArticleTitle => article_title,
            ArticleBody => article_body,
            ShopKind => shop_kind,
            LegalName => legal_name,
            ShopName => shop_name,
            Registration => registration,
            RegistrationChecksum => registration_checksum,
            ContactName => contact_name,
            ContactPhone => contact_phone,
            ShopCategories => shop_categories,
            AlreadyApplied => already_applied,
            Category => category,
            HsCode => hs_code,
            Weight => weight,
            Price => price,
            Sku => sku,
            SkuTaken => sku_taken,
            NoVariants => no_variants,
            ProductText => product_text,
            Incomplete => incomplete,
            ShopNotVerified => shop_not_verified,
            StockDelta => stock_delta,
            Reason => reason,
            Carrier => carrier,
            Tracking => tracking,
            NotFulfillable => not_fulfillable,
            StaffRole => staff_role,
            AlreadyMember => already_member,
            InvitationLink => invitation_link,
            ExchangeRate => exchange_rate,
            Commission => commission,
            RateDay => rate_day,
            Role => role,
            OwnAccount => own_account,
            NotRefundable => not_refundable,
            PasswordResetRequired => password_reset_required,
            /// No way to pay is configured (the sandbox is off and no real provider is set).
            PaymentUnavailable => payment_unavailable,
            /// A field holds a control character (a NUL byte, say) that no keyboard types.
            ControlCharacter => control_character,
            /// A shop cannot ship that way: exporters from Pakistan, importers from China.
            Dispatch => dispatch,
            /// Neither a personal nor a company invoice.
            InvoiceKind => invoice_kind,
            /// The invoice's heading (抬头) is missing or too long.
            InvoiceTitle => invoice_title,
            /// A company's tax number is not a valid USCC.
            InvoiceTaxNumber => invoice_tax_number,
            /// Cross-border parcels, and cancelled ones, carry no invoice.
            NoInvoice => no_invoice,
            /// The invoice was issued; its request no longer changes.
            InvoiceIssued => invoice_issued,
            /// Only a PDF of at most 8 MB is an electronic invoice.
            InvoiceFile => invoice_file,
        }
    };
}
pub(crate) use problem_table;

macro_rules! problem_enum {
    ($($(#[doc = $doc:literal])* $name:ident => $code:ident,)*) => {
        /// What is wrong with an input, one code per message a person can act on.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Problem {
            $($(#[doc = $doc])* $name,)*
        }

        impl Problem {
            /// Every problem, in the order of the table.
            pub const ALL: &'static [Problem] = &[$(Problem::$name,)*];

            /// The translation key under `errors.problem`, also the code in a JSON answer.
            pub fn code(self) -> &'static str {
                match self {
                    $(Problem::$name => stringify!($code),)*
                }
            }
        }
    };
}

problem_table!(problem_enum);

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
            InvoiceKind => &["invoice_kind"],
            InvoiceTitle => &["invoice_title"],
            InvoiceTaxNumber => &["invoice_tax_number"],
            _ => &[],
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
        let reference = request_id();
        tracing::error!(
            request_id = reference.as_deref().unwrap_or("-"),
            %error,
            "{what}"
        );
        AppError::Internal { reference }
    }
}

/// The id of the request being handled (`x-request-id`, which the server gives every
/// request), when there is one.
#[cfg(feature = "ssr")]
fn request_id() -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    let id = parts.headers.get("x-request-id")?.to_str().ok()?;
    Some(id.to_owned())
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::internal("database error", error)
    }
}

/// The sentence for an input problem in `locale`, outside a page (a download, an upload).
pub fn problem_text_in(locale: crate::i18n::Locale, problem: Problem) -> String {
    use crate::i18n::*;
    macro_rules! texts {
        ($($(#[doc = $doc:literal])* $variant:ident => $key:ident,)*) => {
            match problem {
                $(Problem::$variant => td_string!(locale, errors.problem.$key).to_string(),)*
            }
        };
    }
    crate::error::problem_table!(texts)
}

/// The explanation of any error in `locale`, outside a page.
pub fn error_text_in(locale: crate::i18n::Locale, error: &AppError) -> String {
    use crate::i18n::*;
    match error {
        AppError::NotFound => td_string!(locale, errors.not_found).to_string(),
        AppError::Invalid(problem) => problem_text_in(locale, *problem),
        AppError::Forbidden => td_string!(locale, errors.forbidden).to_string(),
        AppError::SignInRequired => td_string!(locale, errors.sign_in_required).to_string(),
        AppError::RateLimited => td_string!(locale, errors.rate_limited).to_string(),
        AppError::Internal { .. } => td_string!(locale, errors.internal).to_string(),
        AppError::Transport => td_string!(locale, errors.transport).to_string(),
    }
}

/// Why a request was refused, from its HTTP status alone, in `locale`: for answers a plain
/// handler or a layer gives without a body of its own (an upload too large, a missing
/// session, a form a stranger sent).
pub fn refusal_text(locale: crate::i18n::Locale, status: u16) -> String {
    use crate::i18n::*;
    match status {
        401 => td_string!(locale, errors.sign_in_required).to_string(),
        403 => td_string!(locale, errors.forbidden).to_string(),
        404 | 410 => td_string!(locale, errors.not_found).to_string(),
        413 => td_string!(locale, errors.too_large).to_string(),
        422 => td_string!(locale, errors.invalid).to_string(),
        429 => td_string!(locale, errors.rate_limited).to_string(),
        500..=599 => td_string!(locale, errors.internal).to_string(),
        _ => td_string!(locale, errors.bad_request).to_string(),
    }
}

/// The link back to the home page under such an answer.
pub fn back_home_text(locale: crate::i18n::Locale) -> String {
    use crate::i18n::*;
    td_string!(locale, common.back_home).to_string()
}

/// The internal-error sentence and its reference as plain text in `lang`, for answers that
/// are not pages (downloads, uploads, a server that failed before any page).
pub fn internal_error_text(lang: crate::model::Lang, reference: &str) -> String {
    use crate::i18n::*;
    let locale = Locale::from(lang);
    format!(
        "{}\n{}\n",
        td_string!(locale, errors.internal),
        td_string!(locale, errors.reference, id = reference)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn the_plain_text_apology_carries_the_reference_in_each_language() {
        let zh = internal_error_text(Lang::Zh, "req-42");
        assert!(
            zh.contains("我们这边出了点问题") && zh.contains("编号：req-42"),
            "{zh}"
        );
        let en = internal_error_text(Lang::En, "req-42");
        assert!(en.contains("Reference for support: req-42"), "{en}");
    }
}
