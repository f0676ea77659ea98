//! The built-in sandbox wallet. It imitates a Chinese wallet's flow: the buyer is sent to a
//! pay page (`/{lang}/pay/sandbox`), chooses success or failure, is redirected back with a
//! signed verdict, and the wallet separately POSTs a signed notification to
//! `/payments/sandbox/notify`. Every message is signed with HMAC-SHA256 over its sorted
//! fields.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::backend::crypto::{random_token, sign, verify};
use crate::backend::db::now_seconds;
use crate::backend::payments::{
    Notification, Outcome, PaymentError, PaymentProvider, PaymentRequest,
};
use crate::model::Lang;

/// Messages older than this (or this far in the future) are refused.
const MAX_AGE_SECONDS: i64 = 24 * 3600;

pub struct Sandbox {
    key: Vec<u8>,
    /// Where the wallet reaches the pavilion server (its own address).
    server_url: String,
}

/// The sorted `key=value` pairs a signature covers (everything but `sign`).
fn canonical(fields: &BTreeMap<String, String>) -> String {
    fields
        .iter()
        .filter(|(k, _)| k.as_str() != "sign")
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn field<'a>(
    fields: &'a BTreeMap<String, String>,
    name: &'static str,
) -> Result<&'a str, PaymentError> {
    fields
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .ok_or(PaymentError::Malformed(name))
}

fn query_string(fields: &BTreeMap<String, String>) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{k}={}", crate::model::url::encode_query_value(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// A payment request as the pay page shows it, after its signature was checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SandboxRequest {
    pub reference: String,
    pub order_number: String,
    pub amount: i64,
}

impl Sandbox {
    pub fn new(key: Vec<u8>, server_url: String) -> Sandbox {
        Sandbox { key, server_url }
    }

    fn signed(&self, mut fields: BTreeMap<String, String>) -> BTreeMap<String, String> {
        let signature = sign(&self.key, &canonical(&fields));
        fields.insert("sign".into(), signature);
        fields
    }

    fn check_signature(&self, fields: &BTreeMap<String, String>) -> Result<(), PaymentError> {
        let signature = field(fields, "sign")?;
        if verify(&self.key, &canonical(fields), signature) {
            Ok(())
        } else {
            Err(PaymentError::BadSignature)
        }
    }

    /// The pay page's parameters, checked (so nobody can change the amount on the way).
    pub fn read_request(
        &self,
        fields: &BTreeMap<String, String>,
    ) -> Result<SandboxRequest, PaymentError> {
        self.check_signature(fields)?;
        Ok(SandboxRequest {
            reference: field(fields, "reference")?.to_owned(),
            order_number: field(fields, "order")?.to_owned(),
            amount: field(fields, "amount")?
                .parse()
                .map_err(|_| PaymentError::Malformed("amount"))?,
        })
    }

    /// The wallet's verdict: the URL the buyer returns to (with a signed verdict), and the
    /// notification it POSTs to the server in the background.
    pub fn decide(
        &self,
        request_fields: &BTreeMap<String, String>,
        outcome: Outcome,
    ) -> Result<(String, BTreeMap<String, String>), PaymentError> {
        let request = self.read_request(request_fields)?;
        let lang = request_fields
            .get("lang")
            .and_then(|l| Lang::parse(l))
            .unwrap_or_default();
        let txn = format!("SBX{}", random_token(9));
        let verdict = |notify_id: String| {
            self.signed(BTreeMap::from([
                ("notify_id".to_owned(), notify_id),
                ("reference".to_owned(), request.reference.clone()),
                ("txn".to_owned(), txn.clone()),
                ("amount".to_owned(), request.amount.to_string()),
                (
                    "result".to_owned(),
                    match outcome {
                        Outcome::Succeeded => "success",
                        Outcome::Failed => "failure",
                    }
                    .to_owned(),
                ),
                ("ts".to_owned(), now_seconds().to_string()),
                ("lang".to_owned(), lang.code().to_owned()),
            ]))
        };
        let back = verdict(format!("return-{txn}"));
        let return_url = format!("/payments/sandbox/return?{}", query_string(&back));
        Ok((return_url, verdict(format!("notify-{txn}"))))
    }

    /// POSTs a notification to the server, retrying a few times like a real wallet.
    pub fn send_notification(&self, fields: BTreeMap<String, String>) {
        let url = format!(
            "{}/payments/sandbox/notify",
            self.server_url.trim_end_matches('/')
        );
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            for attempt in 0..5u32 {
                tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt + 1))).await;
                match client.post(&url).form(&fields).send().await {
                    Ok(response) if response.status().is_success() => return,
                    Ok(response) => {
                        tracing::warn!(status = %response.status(), "sandbox notify refused");
                    }
                    Err(error) => tracing::warn!(%error, "sandbox notify failed"),
                }
            }
        });
    }
}

impl PaymentProvider for Sandbox {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn checkout_url(&self, request: &PaymentRequest) -> String {
        let fields = self.signed(BTreeMap::from([
            ("reference".to_owned(), request.reference.clone()),
            ("order".to_owned(), request.order_number.clone()),
            ("amount".to_owned(), request.amount.to_string()),
            ("lang".to_owned(), request.lang.code().to_owned()),
        ]));
        format!(
            "/{}/pay/sandbox?{}",
            request.lang.code(),
            query_string(&fields)
        )
    }

    fn verify(&self, fields: &BTreeMap<String, String>) -> Result<Notification, PaymentError> {
        self.check_signature(fields)?;
        let ts: i64 = field(fields, "ts")?
            .parse()
            .map_err(|_| PaymentError::Malformed("ts"))?;
        if (now_seconds() - ts).abs() > MAX_AGE_SECONDS {
            return Err(PaymentError::Stale);
        }
        let outcome = match field(fields, "result")? {
            "success" => Outcome::Succeeded,
            "failure" => Outcome::Failed,
            _ => return Err(PaymentError::Malformed("result")),
        };
        Ok(Notification {
            notify_id: field(fields, "notify_id")?.to_owned(),
            reference: field(fields, "reference")?.to_owned(),
            provider_txn: field(fields, "txn")?.to_owned(),
            amount: field(fields, "amount")?
                .parse()
                .map_err(|_| PaymentError::Malformed("amount"))?,
            outcome,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sandbox() -> Sandbox {
        Sandbox::new(b"test key".to_vec(), "http://127.0.0.1:9".into())
    }

    fn request_fields(s: &Sandbox) -> BTreeMap<String, String> {
        let url = s.checkout_url(&PaymentRequest {
            reference: "PAYabc".into(),
            order_number: "PV261130ABCDEF".into(),
            amount: 12_345,
            lang: Lang::Zh,
        });
        let query = url.split_once('?').expect("query").1;
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    #[test]
    fn the_pay_page_reads_only_an_untampered_request() {
        let s = sandbox();
        let mut fields = request_fields(&s);
        assert_eq!(s.read_request(&fields).expect("valid").amount, 12_345);
        fields.insert("amount".into(), "1".into());
        assert_eq!(s.read_request(&fields), Err(PaymentError::BadSignature));
    }

    #[test]
    fn a_verdict_verifies_and_a_tampered_one_does_not() {
        let s = sandbox();
        let (return_url, notify) = s
            .decide(&request_fields(&s), Outcome::Succeeded)
            .expect("ok");
        assert!(return_url.starts_with("/payments/sandbox/return?"));
        let verified = s.verify(&notify).expect("verifies");
        assert_eq!(verified.outcome, Outcome::Succeeded);
        assert_eq!(verified.amount, 12_345);
        assert!(verified.notify_id.starts_with("notify-"));

        let mut forged = notify.clone();
        forged.insert("result".into(), "failure".into());
        assert_eq!(s.verify(&forged), Err(PaymentError::BadSignature));
        let other = Sandbox::new(b"other key".to_vec(), String::new());
        assert_eq!(other.verify(&notify), Err(PaymentError::BadSignature));
        let mut unsigned = notify;
        unsigned.remove("sign");
        assert_eq!(s.verify(&unsigned), Err(PaymentError::Malformed("sign")));
    }
}
