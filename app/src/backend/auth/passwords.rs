//! Password hashing (argon2id with the argon2 crate's defaults) and the common-password list.
//! Hashing is deliberately slow, so it runs off the async workers.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use crate::error::{AppError, Problem};
use crate::model::account::check_password_length;

const COMMON: &str = include_str!("common_passwords.txt");

fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    COMMON
        .lines()
        .filter(|line| !line.starts_with('#'))
        .any(|line| line.trim() == lowered)
}

/// The rules for a new password: length, then not a common one.
pub fn check_new_password(password: &str) -> Result<(), Problem> {
    check_password_length(password)?;
    if is_common(password) {
        return Err(Problem::PasswordCommon);
    }
    Ok(())
}

pub async fn hash(password: String) -> Result<String, AppError> {
    let hashed = tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rng(), &mut salt);
        let salt = SaltString::encode_b64(&salt)?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|error| AppError::internal("hashing a password", error))?;
    hashed.map_err(|error| AppError::internal("hashing a password", error))
}

/// Whether `password` matches `stored`. With no stored hash (unknown account) it still does
/// the work of a verification, so timing does not tell whether an account exists.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && stored != DUMMY_HASH
    })
    .await
    .unwrap_or(false)
}

/// An argon2id hash of a random password nobody knows.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$W9mWp9DMj3z0wPVl0Ln7Yx1XuSB0U8mYcOuw/1Jd5k4";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_passwords_are_refused_whatever_their_case() {
        assert_eq!(
            check_new_password("Password123"),
            Err(Problem::PasswordCommon)
        );
        assert_eq!(
            check_new_password("woaini1314"),
            Err(Problem::PasswordCommon)
        );
        assert_eq!(
            check_new_password("Pakistan786"),
            Err(Problem::PasswordCommon)
        );
        assert_eq!(check_new_password("mango season in Multan"), Ok(()));
        assert_eq!(check_new_password("short"), Err(Problem::PasswordTooShort));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("mango season".to_owned()).await.expect("hashed");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("mango season".to_owned(), Some(stored.clone())).await);
        assert!(!verify("mango seasons".to_owned(), Some(stored)).await);
        assert!(!verify("anything".to_owned(), None).await);
    }
}
