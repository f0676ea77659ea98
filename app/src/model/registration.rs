//! Business registration numbers on shop applications: a Pakistani exporter gives its
//! NTN (National Tax Number, issued by the FBR), a Chinese importer its USCC
//! (统一社会信用代码, unified social credit code, GB 32100-2015).

use serde::{Deserialize, Serialize};

/// Which side of the trade a shop is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShopKind {
    /// Sells from Pakistan; registers with an NTN.
    Exporter,
    /// Imports into China; registers with a USCC.
    Importer,
}

impl ShopKind {
    pub fn code(self) -> &'static str {
        match self {
            ShopKind::Exporter => "exporter",
            ShopKind::Importer => "importer",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "exporter" => Some(ShopKind::Exporter),
            "importer" => Some(ShopKind::Importer),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistrationError {
    /// Nothing but white space.
    Empty,
    /// Wrong length, characters or layout for the kind of number.
    Format,
    /// Well formed, but the check character does not match.
    Checksum,
}

/// Normalises and checks the number for the kind: NTN for an exporter, USCC for an importer.
///
/// NTNs come back as `1234567-8` (or `12345-1234567-1` when based on a CNIC), USCCs
/// as 18 upper-case characters without spaces.
pub fn check_registration(kind: ShopKind, input: &str) -> Result<String, RegistrationError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(RegistrationError::Empty);
    }
    match kind {
        ShopKind::Exporter => check_ntn(input),
        ShopKind::Importer => check_uscc(input),
    }
}

/// An NTN: seven digits and a check digit (`1234567-8`), or for individuals the
/// 13-digit CNIC (`12345-1234567-1`).
///
/// The FBR does not publish how the NTN check digit is computed, so only the format is
/// checked here; a typo in an NTN is caught when the application is reviewed.
fn check_ntn(input: &str) -> Result<String, RegistrationError> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = input.split('-').collect();
    let joined = match parts.as_slice() {
        [all] if digits(all) => (*all).to_string(),
        [body, check] if body.len() == 7 && check.len() == 1 && digits(body) && digits(check) => {
            format!("{body}{check}")
        }
        [area, serial, check]
            if area.len() == 5
                && serial.len() == 7
                && check.len() == 1
                && digits(area)
                && digits(serial)
                && digits(check) =>
        {
            format!("{area}{serial}{check}")
        }
        _ => return Err(RegistrationError::Format),
    };
    match joined.len() {
        8 => Ok(format!("{}-{}", &joined[..7], &joined[7..])),
        13 => Ok(format!(
            "{}-{}-{}",
            &joined[..5],
            &joined[5..12],
            &joined[12..]
        )),
        _ => Err(RegistrationError::Format),
    }
}

/// The 31 characters of GB 32100-2015: digits and capitals without I, O, S, V and Z.
/// A character's value is its index.
const USCC_CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// Weights of the first 17 characters: 3^i mod 31.
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn uscc_value(c: u8) -> Option<u32> {
    USCC_CHARSET
        .iter()
        .position(|&x| x == c)
        .and_then(|i| u32::try_from(i).ok())
}

/// A USCC: 1 registration authority, 2 entity type, 3–8 administrative division code,
/// 9–17 organisation code, 18 check character. It is also a company's tax number.
pub fn check_uscc(input: &str) -> Result<String, RegistrationError> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let bytes = code.as_bytes();
    if bytes.len() != 18 || !bytes[2..8].iter().all(u8::is_ascii_digit) {
        return Err(RegistrationError::Format);
    }
    let mut values = [0u32; 18];
    for (value, &b) in values.iter_mut().zip(bytes) {
        *value = uscc_value(b).ok_or(RegistrationError::Format)?;
    }
    let sum: u32 = values[..17]
        .iter()
        .zip(USCC_WEIGHTS)
        .map(|(v, w)| v * w)
        .sum();
    let expected = (31 - sum % 31) % 31;
    if values[17] != expected {
        return Err(RegistrationError::Checksum);
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ntn(input: &str) -> Result<String, RegistrationError> {
        check_registration(ShopKind::Exporter, input)
    }

    fn uscc(input: &str) -> Result<String, RegistrationError> {
        check_registration(ShopKind::Importer, input)
    }

    #[test]
    fn shop_kind_codes_round_trip() {
        for kind in [ShopKind::Exporter, ShopKind::Importer] {
            assert_eq!(ShopKind::parse(kind.code()), Some(kind));
        }
        assert_eq!(ShopKind::parse("Exporter"), None);
        assert_eq!(ShopKind::parse(""), None);
    }

    #[test]
    fn blank_input_is_empty_for_both_kinds() {
        assert_eq!(ntn(""), Err(RegistrationError::Empty));
        assert_eq!(ntn("   "), Err(RegistrationError::Empty));
        assert_eq!(uscc(" \t "), Err(RegistrationError::Empty));
    }

    #[test]
    fn ntn_is_accepted_with_or_without_hyphen_and_normalised() {
        assert_eq!(ntn("1234567-8").as_deref(), Ok("1234567-8"));
        assert_eq!(ntn("12345678").as_deref(), Ok("1234567-8"));
        assert_eq!(ntn("  0712345-6 ").as_deref(), Ok("0712345-6"));
    }

    #[test]
    fn cnic_based_ntn_is_accepted_and_normalised() {
        assert_eq!(ntn("35202-1234567-1").as_deref(), Ok("35202-1234567-1"));
        assert_eq!(ntn("3520212345671").as_deref(), Ok("35202-1234567-1"));
        assert_eq!(ntn(" 42101-7654321-3\n").as_deref(), Ok("42101-7654321-3"));
    }

    #[test]
    fn malformed_ntn_is_a_format_error() {
        for bad in [
            "1234567",
            "123456789",
            "123456-78",
            "1234567-",
            "-12345678",
            "1234567--8",
            "1234567-8-9",
            "123456A-8",
            "1234567 8",
            "12345-123456-71",
            "123451234567",
            "35202-12345671",
            "１２３４５６７-８",
        ] {
            assert_eq!(ntn(bad), Err(RegistrationError::Format), "{bad}");
        }
    }

    #[test]
    fn published_uscc_example_is_valid() {
        assert_eq!(
            uscc("91350100M000100Y43").as_deref(),
            Ok("91350100M000100Y43")
        );
    }

    #[test]
    fn uscc_numbers_computed_with_the_check_algorithm_are_valid() {
        for code in [
            "91310000MA1FL5QKXG",
            "91440300MA5GT8RW44",
            "91650100MA78N3PW1B",
            "92330106MA2H1D7CXU",
        ] {
            assert_eq!(uscc(code).as_deref(), Ok(code));
        }
    }

    #[test]
    fn uscc_is_normalised_to_upper_case_without_spaces() {
        assert_eq!(
            uscc(" 9144 0300 ma5g t8rw 44 ").as_deref(),
            Ok("91440300MA5GT8RW44")
        );
        assert_eq!(
            uscc("91350100m000100y43").as_deref(),
            Ok("91350100M000100Y43")
        );
    }

    #[test]
    fn uscc_with_a_wrong_check_character_is_a_checksum_error() {
        assert_eq!(uscc("91350100M000100Y44"), Err(RegistrationError::Checksum));
        assert_eq!(uscc("91440300MA5GT8RW4A"), Err(RegistrationError::Checksum));
        // A single mistyped character elsewhere is caught too.
        assert_eq!(uscc("91350100M000100Y53"), Err(RegistrationError::Checksum));
    }

    #[test]
    fn uscc_of_wrong_length_or_with_bad_characters_is_a_format_error() {
        for bad in [
            "91350100M000100Y4",
            "91350100M000100Y433",
            "91350100I000100Y43",
            "91350100O000100Y43",
            "91350100S000100Y43",
            "91350100V000100Y43",
            "91350100Z000100Y43",
            "913501-0M000100Y43",
            "9135A100M000100Y43",
            "91350100M000100Y4３",
            "1234567-8",
        ] {
            assert_eq!(uscc(bad), Err(RegistrationError::Format), "{bad}");
        }
    }

    #[test]
    fn each_kind_checks_only_its_own_number() {
        assert_eq!(ntn("91350100M000100Y43"), Err(RegistrationError::Format));
        assert_eq!(uscc("35202-1234567-1"), Err(RegistrationError::Format));
    }

    #[test]
    fn check_character_zero_stands_for_a_remainder_of_zero() {
        // Find a prefix whose weighted sum is a multiple of 31: its check character is '0'.
        let prefix = (0..31u8)
            .map(|last| {
                let mut p = b"9111010800000000".to_vec();
                p.push(USCC_CHARSET[usize::from(last)]);
                p
            })
            .find(|p| {
                let sum: u32 = p
                    .iter()
                    .zip(USCC_WEIGHTS)
                    .map(|(&c, w)| uscc_value(c).unwrap_or(0) * w)
                    .sum();
                sum.is_multiple_of(31)
            })
            .expect("some last character makes the sum a multiple of 31");
        let mut code = String::from_utf8(prefix).expect("ascii");
        code.push('0');
        assert_eq!(uscc(&code).as_deref(), Ok(code.as_str()));
    }
}
