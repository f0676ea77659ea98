//! The budget of anonymous requests per address (`PAVILION_RATE_LIMIT`), so that one
//! address cannot take the pages, server functions and uploads from everyone else.
//! Signed-in people are not counted; static files are not either.

use axum::response::{IntoResponse, Response};
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota};
use http::header::{CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, HeaderValue, StatusCode};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// At most this many requests at once, whatever the rate per minute (a page with its
/// server functions, or a few people behind one address opening pages together).
const MAX_BURST: u32 = 60;
/// How often addresses whose budget is full again are forgotten.
const FORGET_EVERY: Duration = Duration::from_secs(60);

pub struct RateLimit {
    limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl RateLimit {
    /// `per_minute` requests a minute per address, in bursts of up to `MAX_BURST`.
    pub fn new(per_minute: NonZeroU32) -> RateLimit {
        let burst = NonZeroU32::new(per_minute.get().min(MAX_BURST)).unwrap_or(per_minute);
        RateLimit {
            limiter: DefaultKeyedRateLimiter::keyed(
                Quota::per_minute(per_minute).allow_burst(burst),
            ),
        }
    }

    /// `Err(wait)` when `client` has spent its budget and must wait that long.
    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        self.limiter
            .check_key(&key(client))
            .map_err(|not_until| not_until.wait_time_from(self.limiter.clock().now()))
    }

    /// Drops the addresses that have not been limited lately, so memory stays bounded.
    fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }

    /// Forgets idle addresses every minute, for as long as the limit is in use.
    pub fn spawn_forgetting(limit: &Arc<RateLimit>) {
        let limit: Weak<RateLimit> = Arc::downgrade(limit);
        tokio::spawn(async move {
            let mut every = tokio::time::interval(FORGET_EVERY);
            every.tick().await;
            loop {
                every.tick().await;
                let Some(limit) = limit.upgrade() else { break };
                limit.forget_idle();
            }
        });
    }
}

/// One budget per IPv4 address, and per /64 for IPv6: a single subscriber usually holds a
/// whole /64 and could otherwise take a fresh budget with every request.
fn key(client: IpAddr) -> IpAddr {
    match client {
        IpAddr::V4(_) => client,
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !(u128::MAX >> 64)).into()),
    }
}

/// 429 with `Retry-After`. Server functions called by the app get the `RateLimited` error
/// code, which the page shows in the visitor's language; anyone else a line in both.
pub fn too_many_requests(wait: Duration, request_headers: &HeaderMap, path: &str) -> Response {
    metrics::counter!("pavilion_rate_limited_total").increment(1);
    let wants_html = request_headers
        .get(http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"));
    let mut response = if path.starts_with("/api/") && !wants_html {
        (
            [(CONTENT_TYPE, "application/json")],
            serde_json::to_string(&app::error::AppError::RateLimited).unwrap_or_default(),
        )
            .into_response()
    } else {
        (
            [(CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Too many requests, please wait a moment. 请求过于频繁，请稍候再试。\n",
        )
            .into_response()
    };
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let headers = response.headers_mut();
    headers.insert(RETRY_AFTER, HeaderValue::from(seconds.max(1)));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn an_address_past_its_burst_waits_and_others_do_not() {
        let limit = RateLimit::new(NonZeroU32::new(5).expect("nonzero"));
        for _ in 0..5 {
            assert_eq!(limit.check(ip("203.0.113.7")), Ok(()));
        }
        let wait = limit.check(ip("203.0.113.7")).expect_err("limited");
        // Five a minute: one more every twelve seconds.
        assert!(
            wait > Duration::from_secs(10) && wait <= Duration::from_secs(12),
            "{wait:?}"
        );
        assert_eq!(limit.check(ip("203.0.113.8")), Ok(()));
    }

    #[test]
    fn the_burst_is_capped_below_the_rate_per_minute() {
        let limit = RateLimit::new(NonZeroU32::new(600).expect("nonzero"));
        let allowed = (0..100)
            .filter(|_| limit.check(ip("203.0.113.7")).is_ok())
            .count();
        assert_eq!(allowed, MAX_BURST as usize);
    }

    #[test]
    fn ipv6_addresses_share_a_budget_per_64() {
        assert_eq!(key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(key(ip("2001:db8:1:2:bbbb::9")), ip("2001:db8:1:2::"));
        assert_ne!(key(ip("2001:db8:1:3::1")), ip("2001:db8:1:2::"));
        assert_eq!(key(ip("203.0.113.7")), ip("203.0.113.7"));
    }

    #[test]
    fn the_answer_says_when_to_come_back() {
        let response = too_many_requests(Duration::from_millis(11_200), &HeaderMap::new(), "/en/");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[RETRY_AFTER], "12");
        let api = too_many_requests(Duration::from_millis(10), &HeaderMap::new(), "/api/suggest");
        assert_eq!(api.headers()[RETRY_AFTER], "1");
        assert_eq!(api.headers()[CONTENT_TYPE], "application/json");
    }
}
