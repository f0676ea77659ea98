//! An audit entry taken apart for the console: who acted, on what, and which fields changed
//! from what to what. The page puts the parts into sentences in the reader's language.

use serde_json::{Map, Value};

/// Who acted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor<'a> {
    /// A signed-in person, by email.
    Person(&'a str),
    /// The `pavilion` command on the server, run by this system user.
    CommandLine(&'a str),
}

impl<'a> Actor<'a> {
    pub fn parse(actor: &'a str) -> Actor<'a> {
        match actor.strip_prefix("cli:") {
            Some(user) => Actor::CommandLine(user),
            None => Actor::Person(actor),
        }
    }
}

/// What an action was done to, without its kind (the action names that): `application:12`
/// is `12`, `user:amina@example.pk` is the address, `review:5:salt-lamp` is `5 (salt-lamp)`.
pub fn object(target: &str) -> String {
    let Some((_, rest)) = target.split_once(':') else {
        return target.to_owned();
    };
    match rest.split_once(':') {
        Some((id, detail)) => format!("{id} ({detail})"),
        None => rest.to_owned(),
    }
}

/// One field of the changed thing: its value before and after (`Null` when it had none).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub before: Value,
    pub after: Value,
}

/// The fields whose values differ between the two states (JSON objects as recorded), in the
/// order the later state names them, then those only the earlier one had.
pub fn changes(before: Option<&str>, after: Option<&str>) -> Vec<FieldChange> {
    let (before, after) = (fields(before), fields(after));
    let names = after
        .keys()
        .chain(before.keys().filter(|name| !after.contains_key(*name)));
    names
        .filter_map(|name| {
            let (was, is) = (
                before.get(name).cloned().unwrap_or(Value::Null),
                after.get(name).cloned().unwrap_or(Value::Null),
            );
            (was != is).then(|| FieldChange {
                field: name.clone(),
                before: was,
                after: is,
            })
        })
        .collect()
}

fn fields(state: Option<&str>) -> Map<String, Value> {
    match state.and_then(|text| serde_json::from_str(text).ok()) {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_command_line_is_told_apart_from_a_person() {
        assert_eq!(Actor::parse("cli:root"), Actor::CommandLine("root"));
        assert_eq!(
            Actor::parse("ops@pavilion.cn"),
            Actor::Person("ops@pavilion.cn")
        );
    }

    #[test]
    fn the_object_loses_its_kind() {
        assert_eq!(object("application:12"), "12");
        assert_eq!(object("user:amina@example.pk"), "amina@example.pk");
        assert_eq!(object("review:5:salt-lamp"), "5 (salt-lamp)");
        assert_eq!(object("rate:PKR"), "PKR");
        assert_eq!(object("odd"), "odd");
    }

    #[test]
    fn only_the_fields_that_changed_are_listed() {
        let changed = changes(
            Some(r#"{"per_cny_micros":39120000}"#),
            Some(r#"{"per_cny_micros":39500000,"set_on":"2026-12-06"}"#),
        );
        assert_eq!(
            changed,
            [
                FieldChange {
                    field: "per_cny_micros".into(),
                    before: json!(39120000),
                    after: json!(39500000),
                },
                FieldChange {
                    field: "set_on".into(),
                    before: Value::Null,
                    after: json!("2026-12-06"),
                },
            ]
        );
        let same = changes(
            Some(r#"{"status":"pending","reason":"x"}"#),
            Some(r#"{"status":"approved"}"#),
        );
        assert_eq!(same.len(), 2, "{same:?}");
        assert_eq!(same[1].field, "reason");
        assert!(changes(None, Some("not json")).is_empty());
    }
}
