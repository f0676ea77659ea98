//! Electronic ordinary VAT invoices (电子普通发票). Goods sold from stock in China are an
//! ordinary domestic sale, so their buyer may ask the seller for one: headed with their own
//! name, or with a company's name and tax number. Cross-border retail imports (from
//! Pakistan or a bonded warehouse) carry none: their receipt is the order and the customs
//! declaration.

use serde::{Deserialize, Serialize};

use crate::error::Problem;
use crate::model::registration::check_uscc;

/// Whose invoice it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InvoiceKind {
    /// For a person (个人), headed with their name.
    Personal,
    /// For a company (单位), headed with its name and carrying its tax number.
    Company,
}

impl InvoiceKind {
    pub const ALL: [InvoiceKind; 2] = [InvoiceKind::Personal, InvoiceKind::Company];

    pub fn code(self) -> &'static str {
        match self {
            InvoiceKind::Personal => "personal",
            InvoiceKind::Company => "company",
        }
    }

    pub fn parse(code: &str) -> Option<InvoiceKind> {
        InvoiceKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What a buyer asks the seller for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceRequest {
    pub kind: InvoiceKind,
    /// The heading (抬头): the person's or the company's name.
    pub title: String,
    /// A company's tax number (纳税人识别号): its USCC, 18 characters.
    pub tax_number: Option<String>,
}

/// The longest heading accepted, in characters: a long company name fits.
const TITLE_MAX: usize = 100;

impl InvoiceRequest {
    /// The form's fields, checked: `None` when the kind is empty (no invoice wanted). A
    /// person's invoice carries no tax number, whatever the form sent.
    pub fn from_form(
        kind: &str,
        title: &str,
        tax_number: &str,
    ) -> Result<Option<InvoiceRequest>, Problem> {
        let kind = match kind.trim() {
            "" => return Ok(None),
            code => InvoiceKind::parse(code).ok_or(Problem::InvoiceKind)?,
        };
        let title = title.trim();
        let length = title.chars().count();
        if !(2..=TITLE_MAX).contains(&length) || title.chars().any(char::is_control) {
            return Err(Problem::InvoiceTitle);
        }
        let tax_number = match kind {
            InvoiceKind::Personal => None,
            InvoiceKind::Company => {
                Some(check_uscc(tax_number).map_err(|_| Problem::InvoiceTaxNumber)?)
            }
        };
        Ok(Some(InvoiceRequest {
            kind,
            title: title.to_owned(),
            tax_number,
        }))
    }
}

/// A parcel's invoice as its buyer and its seller see it: what was asked, and whether the
/// seller has issued it (the PDF is then there to download).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceView {
    pub request: InvoiceRequest,
    pub requested_at: i64,
    pub issued_at: Option<i64>,
}

/// Whether `bytes` are a PDF, by their first bytes (whatever the name or declared type).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_kind_is_no_invoice() {
        assert_eq!(InvoiceRequest::from_form("", "王芳", ""), Ok(None));
        assert_eq!(
            InvoiceRequest::from_form("receipt", "王芳", ""),
            Err(Problem::InvoiceKind)
        );
    }

    #[test]
    fn a_personal_invoice_is_headed_with_a_name_and_carries_no_tax_number() {
        let request = InvoiceRequest::from_form("personal", " 王芳 ", "91350100M000100Y43")
            .expect("valid")
            .expect("asked");
        assert_eq!(request.kind, InvoiceKind::Personal);
        assert_eq!(request.title, "王芳");
        assert_eq!(request.tax_number, None);
        for title in ["", "王", "\u{0}王芳", &"名".repeat(101)] {
            assert_eq!(
                InvoiceRequest::from_form("personal", title, ""),
                Err(Problem::InvoiceTitle),
                "{title:?}"
            );
        }
    }

    #[test]
    fn a_company_invoice_needs_a_valid_uscc() {
        let request =
            InvoiceRequest::from_form("company", "成都锦里贸易有限公司", "91350100m000100y43")
                .expect("valid")
                .expect("asked");
        assert_eq!(request.tax_number.as_deref(), Some("91350100M000100Y43"));
        for number in ["", "91350100M000100Y44", "1234567-8", "91350100M000100Y4"] {
            assert_eq!(
                InvoiceRequest::from_form("company", "成都锦里贸易有限公司", number),
                Err(Problem::InvoiceTaxNumber),
                "{number:?}"
            );
        }
    }

    #[test]
    fn a_pdf_is_known_by_its_first_bytes() {
        assert!(is_pdf(b"%PDF-1.7\n..."));
        assert!(!is_pdf(b"<html>%PDF-"));
        assert!(!is_pdf(b""));
    }
}
