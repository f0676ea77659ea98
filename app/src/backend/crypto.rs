//! Random tokens, hashes and signatures, each from a crate made for the job.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// `bytes` random bytes, base64url-encoded, from rand's thread generator (a CSPRNG seeded
/// and reseeded from the operating system).
pub fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

/// The SHA-256 of a secret, hex-encoded: what the database keeps of tokens.
pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// HMAC-SHA256 of `message`, hex-encoded.
pub fn sign(key: &[u8], message: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `signature` is the HMAC-SHA256 of `message`, compared in constant time.
pub fn verify(key: &[u8], message: &str, signature: &str) -> bool {
    let Ok(expected) = hex::decode(signature) else {
        return false;
    };
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(message.as_bytes());
    mac.verify_slice(&expected).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_url_safe() {
        let (a, b) = (random_token(16), random_token(16));
        assert_ne!(a, b);
        assert_eq!(a.len(), 22);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
    }

    #[test]
    fn a_signature_verifies_only_for_its_key_and_message() {
        let signature = sign(b"key", "amount=100");
        assert!(verify(b"key", "amount=100", &signature));
        assert!(!verify(b"key", "amount=101", &signature));
        assert!(!verify(b"other", "amount=100", &signature));
        assert!(!verify(b"key", "amount=100", "not hex"));
    }
}
