//! Accounts: email addresses, the password policy, roles and what a page may know of the
//! signed-in person. Checked in the browser before sending and again on the server.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::Lang;

pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const DISPLAY_NAME_MAX_CHARS: usize = 40;

/// A lower-cased email address of a plausible shape (the confirmation email proves it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, Problem> {
        let email = input.trim().to_lowercase();
        let (local, domain) = email.split_once('@').ok_or(Problem::Email)?;
        let plausible = !local.is_empty()
            && local.len() <= 64
            && email.len() <= 254
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && email
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "@.!#$%&'*+-/=?^_`{|}~".contains(c))
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if plausible {
            Ok(Email(email))
        } else {
            Err(Problem::Email)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Length rules for a new password; the server also refuses common ones.
pub fn check_password_length(password: &str) -> Result<(), Problem> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        Err(Problem::PasswordTooShort)
    } else if chars > PASSWORD_MAX_CHARS {
        Err(Problem::PasswordTooLong)
    } else {
        Ok(())
    }
}

pub fn parse_display_name(input: &str) -> Result<String, Problem> {
    let name = input.trim();
    let chars = name.chars().count();
    if chars == 0 || chars > DISPLAY_NAME_MAX_CHARS || name.chars().any(char::is_control) {
        Err(Problem::DisplayName)
    } else {
        Ok(name.to_owned())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Customer,
    Seller,
    Editor,
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Seller => "seller",
            Role::Editor => "editor",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        match code {
            "customer" => Some(Role::Customer),
            "seller" => Some(Role::Seller),
            "editor" => Some(Role::Editor),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// The signed-in person, as pages see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub lang: Lang,
}

/// The registration form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterForm {
    pub email: String,
    pub display_name: String,
    pub password: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_email_is_trimmed_and_lower_cased() {
        let email = Email::parse("  Amina.Khan@Example.PK ").expect("valid");
        assert_eq!(email.as_str(), "amina.khan@example.pk");
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "no-at-sign",
            "@example.com",
            "a@b",
            "a@.com",
            "a@b..com",
            "a b@example.com",
            "李@example.com",
            "a@exa_mple.com",
        ] {
            assert_eq!(Email::parse(bad), Err(Problem::Email), "{bad:?}");
        }
    }

    #[test]
    fn a_password_needs_eight_to_128_characters() {
        assert_eq!(
            check_password_length("short7!"),
            Err(Problem::PasswordTooShort)
        );
        assert_eq!(check_password_length("eight ch"), Ok(()));
        // Characters, not bytes: eight Chinese characters are enough.
        assert_eq!(check_password_length("我的密码很长很好"), Ok(()));
        assert_eq!(check_password_length(&"x".repeat(128)), Ok(()));
        assert_eq!(
            check_password_length(&"x".repeat(129)),
            Err(Problem::PasswordTooLong)
        );
    }

    #[test]
    fn a_display_name_is_one_to_forty_printable_characters() {
        assert_eq!(parse_display_name(" 王芳 "), Ok("王芳".to_owned()));
        assert_eq!(parse_display_name("   "), Err(Problem::DisplayName));
        assert_eq!(parse_display_name("a\u{7}b"), Err(Problem::DisplayName));
        assert_eq!(
            parse_display_name(&"名".repeat(41)),
            Err(Problem::DisplayName)
        );
    }

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in [Role::Customer, Role::Seller, Role::Editor, Role::Admin] {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
