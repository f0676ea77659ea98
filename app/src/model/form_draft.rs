//! What a visitor typed into a form that the server refused, for a browser without
//! JavaScript: the server keeps it for a few minutes and fills the form in again on the page
//! that shows why. (With JavaScript the form never leaves the page, so it keeps its values.)

use serde::{Deserialize, Serialize};

/// The submitted fields, by their form names (`form[address][city]`), in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormDraft(pub Vec<(String, String)>);

impl FormDraft {
    /// The submitted fields worth keeping: secrets, which a visitor types again, keep their
    /// names with empty values (so the draft still decodes as the form's arguments).
    pub fn keep(fields: impl IntoIterator<Item = (String, String)>) -> FormDraft {
        FormDraft(
            fields
                .into_iter()
                .map(|(name, value)| {
                    let value = if is_secret(&name) {
                        String::new()
                    } else {
                        value
                    };
                    (name, value)
                })
                .collect(),
        )
    }

    /// The draft read as a server function's arguments, the way the server function reads
    /// a posted form.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&self.0)
            .finish();
        serde_qs::Config::new(5, false).deserialize_str(&query).ok()
    }

    /// The first value submitted under `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `name` was submitted with `value` (a ticked box, a chosen option).
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(n, v)| n == name && v == value)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Passwords (the change-password form calls them `current` and `new`), one-time tokens and
/// the CSRF-like idempotency key are never kept.
fn is_secret(name: &str) -> bool {
    let key = field_key(name);
    key.contains("password") || matches!(key, "current" | "new" | "token" | "idempotency_key")
}

/// The last part of a form name: `form[address][city]` → `city`, `email` → `email`. Problems
/// name the fields they concern by it (`Problem::fields`).
pub fn field_key(name: &str) -> &str {
    name.trim_end_matches(']')
        .rsplit('[')
        .next()
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_field_is_known_by_the_last_part_of_its_name() {
        assert_eq!(field_key("form[address][city]"), "city");
        assert_eq!(field_key("draft[zh][title]"), "title");
        assert_eq!(field_key("email"), "email");
    }

    #[test]
    fn passwords_and_tokens_are_never_kept() {
        let draft = FormDraft::keep(pairs(&[
            ("form[email]", "a@example.com"),
            ("form[password]", "hunter22hunter"),
            ("current", "old secret"),
            ("new", "new secret"),
            ("token", "reset-token"),
            ("form[idempotency_key]", "k"),
            ("form[display_name]", "阿里"),
        ]));
        assert_eq!(
            draft.0,
            pairs(&[
                ("form[email]", "a@example.com"),
                ("form[password]", ""),
                ("current", ""),
                ("new", ""),
                ("token", ""),
                ("form[idempotency_key]", ""),
                ("form[display_name]", "阿里"),
            ])
        );
        assert_eq!(draft.get("form[display_name]"), Some("阿里"));
        assert!(draft.has("form[email]", "a@example.com"));
        assert!(!draft.has("form[email]", "b@example.com"));
    }
}

#[cfg(test)]
mod decode_tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Address {
        city: String,
        street: String,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Form {
        email: String,
        address: Address,
        accept_risk: Option<String>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Args {
        form: Form,
    }

    #[test]
    fn a_draft_reads_back_as_the_server_functions_arguments() {
        let draft = FormDraft::keep([
            ("form[email]".to_owned(), "a@example.com".to_owned()),
            ("form[address][city]".to_owned(), "乌鲁木齐".to_owned()),
            (
                "form[address][street]".to_owned(),
                "人民路 1 号 & 2 号".to_owned(),
            ),
        ]);
        assert_eq!(
            draft.decode::<Args>(),
            Some(Args {
                form: Form {
                    email: "a@example.com".into(),
                    address: Address {
                        city: "乌鲁木齐".into(),
                        street: "人民路 1 号 & 2 号".into(),
                    },
                    accept_risk: None,
                },
            })
        );
    }
}
