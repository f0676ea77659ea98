//! A delivery address in mainland China and the buyer's identity that customs needs for
//! cross-border goods. Parsed in the browser before sending and again on the server.

use serde::{Deserialize, Serialize};

use crate::error::Problem;

/// Mainland China's provincial-level divisions: (code, English, Chinese).
pub const PROVINCES: [(&str, &str, &str); 31] = [
    ("BJ", "Beijing", "北京市"),
    ("TJ", "Tianjin", "天津市"),
    ("HE", "Hebei", "河北省"),
    ("SX", "Shanxi", "山西省"),
    ("NM", "Inner Mongolia", "内蒙古自治区"),
    ("LN", "Liaoning", "辽宁省"),
    ("JL", "Jilin", "吉林省"),
    ("HL", "Heilongjiang", "黑龙江省"),
    ("SH", "Shanghai", "上海市"),
    ("JS", "Jiangsu", "江苏省"),
    ("ZJ", "Zhejiang", "浙江省"),
    ("AH", "Anhui", "安徽省"),
    ("FJ", "Fujian", "福建省"),
    ("JX", "Jiangxi", "江西省"),
    ("SD", "Shandong", "山东省"),
    ("HA", "Henan", "河南省"),
    ("HB", "Hubei", "湖北省"),
    ("HN", "Hunan", "湖南省"),
    ("GD", "Guangdong", "广东省"),
    ("GX", "Guangxi", "广西壮族自治区"),
    ("HI", "Hainan", "海南省"),
    ("CQ", "Chongqing", "重庆市"),
    ("SC", "Sichuan", "四川省"),
    ("GZ", "Guizhou", "贵州省"),
    ("YN", "Yunnan", "云南省"),
    ("XZ", "Tibet", "西藏自治区"),
    ("SN", "Shaanxi", "陕西省"),
    ("GS", "Gansu", "甘肃省"),
    ("QH", "Qinghai", "青海省"),
    ("NX", "Ningxia", "宁夏回族自治区"),
    ("XJ", "Xinjiang", "新疆维吾尔自治区"),
];

/// A province's name in a language, from its code.
pub fn province_name(code: &str, lang: crate::model::Lang) -> Option<&'static str> {
    PROVINCES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, en, zh)| match lang {
            crate::model::Lang::En => *en,
            crate::model::Lang::Zh => *zh,
        })
}

/// A mainland mobile number: 11 digits starting 13-19; `+86`, spaces and dashes allowed.
pub fn parse_mobile(input: &str) -> Result<String, Problem> {
    let digits: String = input
        .trim()
        .trim_start_matches("+86")
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .collect();
    let bytes = digits.as_bytes();
    let ok = bytes.len() == 11
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1])
        && bytes.iter().all(u8::is_ascii_digit);
    if ok { Ok(digits) } else { Err(Problem::Mobile) }
}

pub fn parse_postcode(input: &str) -> Result<String, Problem> {
    let code = input.trim();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code.to_owned())
    } else {
        Err(Problem::Postcode)
    }
}

/// Trimmed text of `min..=max` characters without control characters.
fn text(input: &str, min: usize, max: usize, problem: Problem) -> Result<String, Problem> {
    let value = input.trim();
    let chars = value.chars().count();
    if chars < min || chars > max || value.chars().any(char::is_control) {
        Err(problem)
    } else {
        Ok(value.to_owned())
    }
}

/// An 18-character resident identity card number, checked by its ISO 7064 MOD 11-2 digit
/// and its date of birth. Never logged; shown masked.
#[derive(Clone, PartialEq, Eq)]
pub struct ResidentId(String);

impl std::fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResidentId({})", mask_id_number(&self.0))
    }
}

impl ResidentId {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [u8; 11] = *b"10X98765432";

    pub fn parse(input: &str) -> Result<ResidentId, Problem> {
        let id = input.trim().to_ascii_uppercase();
        let bytes = id.as_bytes();
        if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
            return Err(Problem::IdNumber);
        }
        let sum: u32 = bytes[..17]
            .iter()
            .zip(Self::WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        if Self::CHECK[(sum % 11) as usize] != bytes[17] || !valid_birth_date(&id[6..14]) {
            return Err(Problem::IdNumber);
        }
        if id[6..10] < *"1900" {
            return Err(Problem::IdBornTooEarly);
        }
        Ok(ResidentId(id))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        mask_id_number(&self.0)
    }

    /// Refuses a birth date after `today` (`YYYYMMDD`, China's calendar day), and a person
    /// under 18 on it: by the pavilion's terms the person named for customs is an adult.
    pub fn check_age(&self, today: &str) -> Result<(), Problem> {
        let born = &self.0[6..14];
        if born > today {
            return Err(Problem::IdBornInFuture);
        }
        // Eighteen on the birthday: today's date, eighteen years back, is on or after it.
        let (year, month_day) = today.split_at(4.min(today.len()));
        let adult_if_born_by = year
            .parse::<u32>()
            .map(|y| format!("{:04}{month_day}", y.saturating_sub(18)))
            .unwrap_or_default();
        if born > adult_if_born_by.as_str() {
            return Err(Problem::IdUnderage);
        }
        Ok(())
    }
}

fn valid_birth_date(yyyymmdd: &str) -> bool {
    let number = |range: std::ops::Range<usize>| yyyymmdd[range].parse::<u32>().ok();
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(4..6), number(6..8)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1800..=2100).contains(&year) && (1..=days).contains(&day)
}

/// The first three and last four characters, the rest hidden: `110***********123X`.
pub fn mask_id_number(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 8 {
        return "*".repeat(chars.len());
    }
    let hidden = chars.len() - 7;
    chars[..3]
        .iter()
        .chain(std::iter::repeat_n(&'*', hidden))
        .chain(&chars[chars.len() - 4..])
        .collect()
}

/// The delivery address as the checkout form sends it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressForm {
    pub recipient: String,
    pub mobile: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub street: String,
    pub postcode: String,
}

/// A checked delivery address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub recipient: String,
    pub mobile: String,
    pub province: String,
    pub city: String,
    pub district: String,
    pub street: String,
    pub postcode: String,
}

impl AddressForm {
    pub fn parse(&self) -> Result<Address, Problem> {
        let province = self.province.trim();
        if !PROVINCES.iter().any(|(code, _, _)| *code == province) {
            return Err(Problem::Province);
        }
        Ok(Address {
            recipient: text(&self.recipient, 1, 30, Problem::Recipient)?,
            mobile: parse_mobile(&self.mobile)?,
            province: province.to_owned(),
            city: text(&self.city, 1, 30, Problem::City)?,
            district: text(&self.district, 1, 30, Problem::District)?,
            street: text(&self.street, 4, 120, Problem::Street)?,
            postcode: parse_postcode(&self.postcode)?,
        })
    }
}

/// The buyer's real name as on the identity card (Chinese names may contain `·`).
pub fn parse_buyer_name(input: &str) -> Result<String, Problem> {
    text(input, 2, 30, Problem::BuyerName)
}

#[cfg(test)]
mod tests {
    use super::*;

    // A made-up number with a correct check digit (GB 11643 example layout).
    const VALID_ID: &str = "11010519491231002X";

    #[test]
    fn a_resident_id_with_a_correct_check_digit_is_accepted() {
        let id = ResidentId::parse(VALID_ID).expect("valid");
        assert_eq!(id.as_str(), VALID_ID);
        assert_eq!(
            ResidentId::parse(" 11010519491231002x ").map(|i| i.masked()),
            Ok("110***********002X".to_owned())
        );
    }

    #[test]
    fn a_wrong_check_digit_length_or_date_is_refused() {
        for bad in [
            "110105194912310021",
            "11010519491231002",
            "1101051949123100200",
            "11010519491331002X",
            "A1010519491231002X",
            "",
        ] {
            assert_eq!(ResidentId::parse(bad), Err(Problem::IdNumber), "{bad}");
        }
    }

    /// An ID number with a correct check character for a birth date `YYYYMMDD`.
    fn born(date: &str) -> String {
        let base = format!("110105{date}002");
        let sum: u32 = base
            .bytes()
            .zip(ResidentId::WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        format!("{base}{}", ResidentId::CHECK[(sum % 11) as usize] as char)
    }

    #[test]
    fn a_birth_date_before_1900_in_the_future_or_under_18_is_refused_with_its_reason() {
        assert_eq!(
            ResidentId::parse(&born("18991231")),
            Err(Problem::IdBornTooEarly)
        );
        let today = "20261206";
        let age = |date: &str| ResidentId::parse(&born(date)).expect(date).check_age(today);
        assert_eq!(age("20900101"), Err(Problem::IdBornInFuture));
        assert_eq!(age("20261207"), Err(Problem::IdBornInFuture));
        assert_eq!(age("20150101"), Err(Problem::IdUnderage));
        assert_eq!(age("20081207"), Err(Problem::IdUnderage), "18 tomorrow");
        assert_eq!(age("20081206"), Ok(()), "18 today");
        assert_eq!(age("19000101"), Ok(()));
        assert_eq!(age("19491231"), Ok(()));
        // Born on 29 February: eighteen on 1 March of a common year.
        let leap = ResidentId::parse(&born("20080229")).expect("valid");
        assert_eq!(leap.check_age("20260228"), Err(Problem::IdUnderage));
        assert_eq!(leap.check_age("20260301"), Ok(()));
    }

    #[test]
    fn the_debug_form_of_an_id_is_masked() {
        let id = ResidentId::parse(VALID_ID).expect("valid");
        assert!(!format!("{id:?}").contains("0519491231"));
    }

    #[test]
    fn mobile_numbers_are_eleven_digits_from_13_to_19() {
        assert_eq!(parse_mobile("138 0013 8000"), Ok("13800138000".to_owned()));
        assert_eq!(
            parse_mobile("+86 199-1234-5678"),
            Ok("19912345678".to_owned())
        );
        for bad in [
            "12800138000",
            "1380013800",
            "138001380001",
            "1380013800a",
            "",
        ] {
            assert_eq!(parse_mobile(bad), Err(Problem::Mobile), "{bad}");
        }
    }

    #[test]
    fn an_address_names_a_mainland_province_and_a_six_digit_postcode() {
        let mut form = AddressForm {
            recipient: "王芳".into(),
            mobile: "13800138000".into(),
            province: "SC".into(),
            city: "成都市".into(),
            district: "武侯区".into(),
            street: "人民南路四段 12 号 3 栋 402".into(),
            postcode: "610041".into(),
        };
        assert!(form.parse().is_ok());
        form.province = "HK".into();
        assert_eq!(form.parse(), Err(Problem::Province));
        form.province = "SC".into();
        form.postcode = "61004".into();
        assert_eq!(form.parse(), Err(Problem::Postcode));
        form.postcode = "610041".into();
        form.street = "12".into();
        assert_eq!(form.parse(), Err(Problem::Street));
    }

    #[test]
    fn province_names_come_in_both_languages() {
        use crate::model::Lang;
        assert_eq!(province_name("XJ", Lang::Zh), Some("新疆维吾尔自治区"));
        assert_eq!(province_name("XJ", Lang::En), Some("Xinjiang"));
        assert_eq!(province_name("XX", Lang::En), None);
    }
}
