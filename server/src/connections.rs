//! Accepts and serves HTTP/1.1 connections within limits that `axum::serve` does not set:
//! a client must send a request's header within `header_timeout` (which also closes a
//! keep-alive connection left idle that long), one address may hold only so many
//! connections at once, and the server as a whole only `max_connections`; past that it
//! stops accepting and new clients wait in the listen queue. Memory therefore stays
//! bounded however many sockets someone opens and leaves hanging.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use ipnet::IpNet;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::num::NonZeroUsize;
use std::pin::pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tower::ServiceExt;

/// How long and how many: see the module's documentation.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// `PAVILION_HEADER_TIMEOUT`: to send a request's header, or to start the next one.
    pub header_timeout: Duration,
    /// `PAVILION_MAX_CONNECTIONS`: open at once, over all clients.
    pub max_connections: usize,
    /// `PAVILION_CONNECTIONS_PER_CLIENT`: open at once from one address; `None` is no cap.
    /// Peers among the trusted proxies are not capped: they carry many clients.
    pub per_client: Option<NonZeroUsize>,
    pub trusted_proxies: Arc<[IpNet]>,
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets the requests in
/// flight finish and returns.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let clients = Arc::new(Clients::default());
    let (stop, stopped) = watch::channel(false);
    let mut shutdown = pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = slots.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    pause_after(&error).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let ip = peer.ip().to_canonical();
        let trusted = limits.trusted_proxies.iter().any(|net| net.contains(&ip));
        let cap = if trusted { None } else { limits.per_client };
        let Some(claim) = Clients::claim(&clients, ip, cap) else {
            metrics::counter!("pavilion_connections_refused_total").increment(1);
            drop(stream);
            continue;
        };
        let router = router.clone();
        let mut stopped = stopped.clone();
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            let _held = (permit, claim);
            let _ = stream.set_nodelay(true);
            let service =
                hyper::service::service_fn(move |mut request: http::Request<Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    router.clone().oneshot(request)
                });
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout);
            let mut connection = pin!(builder.serve_connection(TokioIo::new(stream), service));
            tokio::select! {
                result = connection.as_mut() => log_end(result),
                _ = stopped.changed() => {
                    connection.as_mut().graceful_shutdown();
                    log_end(connection.await);
                }
            }
        });
    }
    drop(listener);
    let _ = stop.send(true);
    // Every connection holds a slot: when all are free again, every connection is done.
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    let _ = slots.acquire_many(all).await;
}

fn log_end(result: Result<(), hyper::Error>) {
    if let Err(error) = result {
        if error.is_timeout() {
            metrics::counter!("pavilion_connections_timed_out_total").increment(1);
        }
        tracing::debug!(%error, "connection ended");
    }
}

/// A failed accept: a connection that died in the queue is nothing; anything else (out
/// of file descriptors, say) would fail again at once, so wait a little first.
async fn pause_after(error: &std::io::Error) {
    use std::io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(
        error.kind(),
        ConnectionAborted | ConnectionRefused | ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "accepting a connection failed");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// Open connections per client address.
#[derive(Default)]
struct Clients {
    open: Mutex<HashMap<IpAddr, usize>>,
}

/// One open connection of an address; dropping it closes the count.
struct Claim {
    clients: Arc<Clients>,
    addr: IpAddr,
}

impl Clients {
    fn claim(clients: &Arc<Clients>, addr: IpAddr, cap: Option<NonZeroUsize>) -> Option<Claim> {
        let addr = addr.to_canonical();
        let mut open = clients.open.lock().unwrap_or_else(PoisonError::into_inner);
        let count = open.entry(addr).or_default();
        if cap.is_some_and(|cap| *count >= cap.get()) {
            return None;
        }
        *count += 1;
        Some(Claim {
            clients: clients.clone(),
            addr,
        })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut open = self
            .clients
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = open.get_mut(&self.addr) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.addr);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_holds_at_most_its_cap_and_closing_frees_a_place() {
        let clients = Arc::new(Clients::default());
        let ip: IpAddr = "203.0.113.7".parse().expect("an address");
        let cap = NonZeroUsize::new(2);
        let first = Clients::claim(&clients, ip, cap).expect("first");
        let _second = Clients::claim(&clients, ip, cap).expect("second");
        assert!(Clients::claim(&clients, ip, cap).is_none(), "third refused");
        let other: IpAddr = "203.0.113.8".parse().expect("an address");
        assert!(
            Clients::claim(&clients, other, cap).is_some(),
            "others unaffected"
        );
        drop(first);
        assert!(
            Clients::claim(&clients, ip, cap).is_some(),
            "a place is free"
        );
    }

    #[test]
    fn an_ipv4_client_over_ipv6_counts_as_itself_and_counts_are_forgotten() {
        let clients = Arc::new(Clients::default());
        let cap = NonZeroUsize::new(1);
        let v4: IpAddr = "203.0.113.7".parse().expect("an address");
        let mapped: IpAddr = "::ffff:203.0.113.7".parse().expect("an address");
        let claim = Clients::claim(&clients, v4, cap).expect("first");
        assert!(Clients::claim(&clients, mapped, cap).is_none());
        drop(claim);
        assert!(clients.open.lock().expect("lock").is_empty());
        assert!(Clients::claim(&clients, v4, None).is_some(), "no cap");
    }
}
