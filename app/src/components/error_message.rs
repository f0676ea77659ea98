use leptos::prelude::*;

use leptos_i18n::I18nContext;

use crate::components::forms::shown_beside_a_control;
use crate::error::{AppError, Problem};
use crate::i18n::*;
use crate::model::Lang;

/// The translated sentence for an input problem.
pub fn problem_text(i18n: I18nContext<Locale>, problem: Problem) -> String {
    macro_rules! texts {
        ($($variant:ident => $key:ident),* $(,)?) => {
            match problem {
                $(Problem::$variant => t_string!(i18n, errors.problem.$key).to_string(),)*
            }
        };
    }
    texts!(
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
        PaymentUnavailable => payment_unavailable,
        ControlCharacter => control_character,
    )
}

/// The translated explanation of any error.
pub fn error_text(i18n: I18nContext<Locale>, error: &AppError) -> String {
    match error {
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Invalid(problem) => problem_text(i18n, *problem),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::SignInRequired => t_string!(i18n, errors.sign_in_required).to_string(),
        AppError::RateLimited => t_string!(i18n, errors.rate_limited).to_string(),
        AppError::Internal { .. } => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport => t_string!(i18n, errors.transport).to_string(),
    }
}

/// The internal-error sentence and its reference as plain text in `lang`, for answers that
/// are not pages (downloads, uploads).
pub fn internal_error_text(lang: Lang, reference: &str) -> String {
    let locale = Locale::from(lang);
    format!(
        "{}\n{}\n",
        td_string!(locale, errors.internal),
        td_string!(locale, errors.reference, id = reference)
    )
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

#[cfg(test)]
mod tests {
    use super::*;

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
