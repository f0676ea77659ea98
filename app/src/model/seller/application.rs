//! Applications to open a shop: the form, its checks, and where an application stands.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::NAME_MAX_CHARS;
use crate::error::Problem;
use crate::model::registration::{RegistrationError, ShopKind, check_registration};

/// The application form as sent; `categories` holds one entry per ticked box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub kind: String,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub contact_name: String,
    pub contact_phone: String,
    #[serde(default)]
    pub categories: BTreeMap<String, String>,
}

/// A checked application.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub kind: ShopKind,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub categories: Vec<String>,
}

fn text(value: &str, max: usize, problem: Problem) -> Result<String, Problem> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max || value.chars().any(char::is_control) {
        return Err(problem);
    }
    Ok(value.to_owned())
}

/// A phone number as traders write it: digits with spaces, hyphens, brackets and a leading
/// `+`, 7 to 15 digits (Pakistani and Chinese numbers, mobile or landline).
pub fn check_phone(value: &str) -> Result<String, Problem> {
    let value = value.trim();
    let allowed = value
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if !allowed || !(7..=15).contains(&digits) {
        return Err(Problem::ContactPhone);
    }
    Ok(value.to_owned())
}

impl ApplicationForm {
    pub fn check(&self) -> Result<Application, Problem> {
        let kind = ShopKind::parse(&self.kind).ok_or(Problem::ShopKind)?;
        let registration_number =
            check_registration(kind, &self.registration_number).map_err(|e| match e {
                RegistrationError::Checksum => Problem::RegistrationChecksum,
                RegistrationError::Empty | RegistrationError::Format => Problem::Registration,
            })?;
        let categories: Vec<String> = self
            .categories
            .values()
            .map(|slug| slug.trim().to_owned())
            .filter(|slug| !slug.is_empty())
            .collect();
        if categories.is_empty() || categories.len() > 12 {
            return Err(Problem::ShopCategories);
        }
        Ok(Application {
            kind,
            legal_name: text(&self.legal_name, NAME_MAX_CHARS, Problem::LegalName)?,
            shop_name: text(&self.shop_name, NAME_MAX_CHARS, Problem::ShopName)?,
            registration_number,
            city: text(&self.city, 60, Problem::City)?,
            contact_name: text(&self.contact_name, NAME_MAX_CHARS, Problem::ContactName)?,
            contact_phone: check_phone(&self.contact_phone)?,
            categories,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicationStatus {
    Pending,
    Approved,
    Rejected,
}

impl ApplicationStatus {
    pub fn parse(code: &str) -> ApplicationStatus {
        match code {
            "approved" => ApplicationStatus::Approved,
            "rejected" => ApplicationStatus::Rejected,
            _ => ApplicationStatus::Pending,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: i64,
    pub content_type: String,
    pub size_bytes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationView {
    pub id: i64,
    pub kind: ShopKind,
    pub legal_name: String,
    pub shop_name: String,
    pub registration_number: String,
    pub city: String,
    pub status: ApplicationStatus,
    pub reason: Option<String>,
    pub documents: Vec<DocumentView>,
}
