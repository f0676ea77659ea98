//! A browser-like visitor for HTTP tests: keeps its own session cookie and calls server
//! functions the way a form does (`application/x-www-form-urlencoded` POSTs).

use std::sync::Mutex;

use app::error::{AppError, Problem};
use serde::de::DeserializeOwned;

use crate::helpers::TestApp;

pub struct Shopper<'a> {
    pub app: &'a TestApp,
    cookie: Mutex<Option<String>>,
}

/// A server function's answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: String,
    pub location: Option<String>,
    pub set_cookie: Vec<String>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("unexpected reply {} {}: {e}", self.status, self.body))
    }

    pub fn error(&self) -> AppError {
        assert!(
            self.status >= 400,
            "expected an error, got {} {}",
            self.status,
            self.body
        );
        self.json()
    }

    pub fn problem(&self) -> Problem {
        match self.error() {
            AppError::Invalid(problem) => problem,
            other => panic!("expected an input problem, got {other:?}"),
        }
    }

    pub fn ok(&self) -> &Self {
        assert!(
            self.status < 300,
            "expected success, got {} {}",
            self.status,
            self.body
        );
        self
    }
}

impl<'a> Shopper<'a> {
    pub fn new(app: &'a TestApp) -> Shopper<'a> {
        Shopper {
            app,
            cookie: Mutex::new(None),
        }
    }

    /// A visitor holding an existing session token.
    pub fn with_session(app: &'a TestApp, token: &str) -> Shopper<'a> {
        Shopper {
            app,
            cookie: Mutex::new(Some(token.to_owned())),
        }
    }

    pub fn session_token(&self) -> Option<String> {
        self.cookie.lock().expect("lock").clone()
    }

    fn remember(&self, response: &reqwest::Response) -> Vec<String> {
        let set: Vec<String> = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        for cookie in &set {
            if let Some(rest) = cookie.strip_prefix("pavilion_session=") {
                let value = rest.split(';').next().unwrap_or_default();
                *self.cookie.lock().expect("lock") = (!value.is_empty()).then(|| value.to_owned());
            }
        }
        set
    }

    /// The request, carrying this visitor's session cookie when it has one.
    pub fn with_cookie(&self, request: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match self.session_token() {
            Some(token) => request.header("cookie", format!("pavilion_session={token}")),
            None => request,
        }
    }

    async fn reply(&self, response: reqwest::Response) -> Reply {
        let set_cookie = self.remember(&response);
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Reply {
            status,
            location,
            set_cookie,
            body: response.text().await.expect("body"),
        }
    }

    /// POSTs a form to `/api/{endpoint}`.
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> Reply {
        let request = self
            .app
            .client
            .post(self.app.url(&format!("/api/{endpoint}")))
            .form(form);
        let response = self.with_cookie(request).send().await.expect("sent");
        self.reply(response).await
    }

    /// GETs a page or a GET server function.
    pub async fn get(&self, path: &str) -> Reply {
        let request = self.app.client.get(self.app.url(path));
        let response = self.with_cookie(request).send().await.expect("sent");
        self.reply(response).await
    }

    pub async fn register(&self, email: &str, name: &str, password: &str) -> Reply {
        self.call(
            "register",
            &[
                ("lang", "En"),
                ("form[email]", email),
                ("form[display_name]", name),
                ("form[password]", password),
            ],
        )
        .await
    }

    pub async fn login(&self, email: &str, password: &str) -> Reply {
        self.call(
            "login",
            &[("lang", "En"), ("email", email), ("password", password)],
        )
        .await
    }

    pub async fn add(&self, sku: &str, quantity: i64) -> Reply {
        let quantity = quantity.to_string();
        self.call(
            "add_to_cart",
            &[("lang", "Zh"), ("sku", sku), ("quantity", &quantity)],
        )
        .await
    }

    /// Places an order with a valid address and identity, plus any extra fields.
    pub async fn checkout(&self, key: &str, extra: &[(&str, &str)]) -> Reply {
        let mut form = checkout_form(key);
        for (name, value) in extra {
            form.retain(|(n, _)| n != name);
            form.push((name, value));
        }
        self.call("place_order", &form).await
    }
}

/// A newly registered customer, signed in.
pub async fn registered_buyer(app: &TestApp) -> Shopper<'_> {
    let buyer = Shopper::new(app);
    buyer
        .register(
            &format!("{}@example.cn", key()),
            "王芳",
            "jade mountain tea",
        )
        .await
        .ok();
    buyer
}

/// Marks an order and its parcels paid, as the payment service's notice would.
pub async fn mark_paid(app: &TestApp, number: &str) {
    for sql in [
        "UPDATE orders SET status = 'paid' WHERE number = $1",
        "UPDATE shipments SET status = 'paid' WHERE order_id = (SELECT id FROM orders WHERE number = $1)",
    ] {
        sqlx::query(sql)
            .bind(number)
            .execute(&app.pool)
            .await
            .expect(sql);
    }
}

/// A valid checkout form for a guest.
pub fn checkout_form(key: &str) -> Vec<(&str, &str)> {
    vec![
        ("lang", "Zh"),
        ("form[email]", "wang.fang@example.cn"),
        ("form[address][recipient]", "王芳"),
        ("form[address][mobile]", "13800138000"),
        ("form[address][province]", "SC"),
        ("form[address][city]", "成都市"),
        ("form[address][district]", "武侯区"),
        ("form[address][street]", "人民南路四段 12 号 3 栋 402"),
        ("form[address][postcode]", "610041"),
        ("form[buyer_name]", "王芳"),
        ("form[id_number]", VALID_ID),
        ("form[shipping]", "air"),
        ("form[accept_risk]", "on"),
        ("form[idempotency_key]", key),
    ]
}

/// The customs part of the checkout form, left out: a domestic order needs none of it.
pub const NO_CUSTOMS: [(&str, &str); 4] = [
    ("form[buyer_name]", ""),
    ("form[id_number]", ""),
    ("form[shipping]", ""),
    ("form[accept_risk]", ""),
];

/// A made-up resident ID number with a correct check digit.
pub const VALID_ID: &str = "11010519491231002X";

/// A fresh idempotency key.
pub fn key() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

pub async fn scalar_i64(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar::<_, i64>(sql)
        .fetch_one(&app.pool)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// One guest session per cart, written directly; each cart holds one of every
/// `(variant, price)` given for it, added in that order (a second apart). Returns the
/// session tokens.
pub async fn guests_with_carts(app: &TestApp, carts: &[Vec<(i64, i64)>]) -> Vec<String> {
    let now = app::backend::db::now_seconds();
    let mut tokens = Vec::with_capacity(carts.len());
    let mut tx = app.pool.begin().await.expect("tx");
    for lines in carts {
        let token = app::backend::crypto::random_token(16);
        let hash = app::backend::crypto::sha256_hex(&token);
        sqlx::query("INSERT INTO sessions (id_hash, created_at, last_seen_at) VALUES ($1, $2, $2)")
            .bind(&hash)
            .bind(now)
            .execute(&mut *tx)
            .await
            .expect("session");
        let cart: i64 = sqlx::query_scalar(
            "INSERT INTO carts (session_hash, updated_at) VALUES ($1, $2) RETURNING id",
        )
        .bind(&hash)
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .expect("cart");
        for (n, (variant, price)) in lines.iter().enumerate() {
            sqlx::query(
                "INSERT INTO cart_lines (cart_id, variant_id, quantity, price_seen, added_at) \
                 VALUES ($1, $2, 1, $3, $4)",
            )
            .bind(cart)
            .bind(variant)
            .bind(price)
            .bind(now + n as i64)
            .execute(&mut *tx)
            .await
            .expect("line");
        }
        tokens.push(token);
    }
    tx.commit().await.expect("committed");
    tokens
}

/// The `n`th of many made-up resident ID numbers with correct check digits.
pub fn resident_id(n: usize) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let base = format!("110105{}0101{:03}", 1970 + n / 1000, n % 1000);
    let sum: u32 = base
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{base}{check}")
}
