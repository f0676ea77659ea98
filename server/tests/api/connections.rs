//! Slow and greedy clients (issue 15: 9): a header that never ends and an idle keep-alive
//! connection are closed after `PAVILION_HEADER_TIMEOUT`, one address holds at most
//! `PAVILION_CONNECTIONS_PER_CLIENT` connections (a trusted proxy is not capped), and past
//! `PAVILION_MAX_CONNECTIONS` new connections wait instead of costing memory.

use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::both_with;

const UNFINISHED: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: pavilion.test\r\nX-Slow: 1";
const WHOLE: &[u8] = b"GET /healthz HTTP/1.1\r\nHost: pavilion.test\r\n\r\n";

async fn open(addr: SocketAddr, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.expect("connects");
    stream.write_all(bytes).await.expect("sends");
    stream
}

/// Everything the server sends until it closes the connection, or `None` if it is still
/// open after `within`.
async fn read_until_closed(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, async {
        let mut buffer = [0u8; 4096];
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&received).into_owned())
}

/// The first response on a connection that stays open (keep-alive).
async fn first_response(stream: &mut TcpStream, within: Duration) -> Option<String> {
    let mut buffer = [0u8; 4096];
    match tokio::time::timeout(within, stream.read(&mut buffer)).await {
        Ok(Ok(n)) if n > 0 => Some(String::from_utf8_lossy(&buffer[..n]).into_owned()),
        _ => None,
    }
}

both_with!(
    a_header_that_never_ends_and_an_idle_connection_are_closed,
    [("PAVILION_HEADER_TIMEOUT", "1")],
    |app| {
        let started = Instant::now();
        let mut slow = open(app.addr, UNFINISHED).await;
        let closed = read_until_closed(&mut slow, Duration::from_secs(5)).await;
        assert!(closed.is_some(), "an unfinished header is cut off");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );

        let mut idle = open(app.addr, WHOLE).await;
        let answer = first_response(&mut idle, Duration::from_secs(5))
            .await
            .expect("answered");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        let started = Instant::now();
        assert!(
            read_until_closed(&mut idle, Duration::from_secs(5))
                .await
                .is_some(),
            "an idle keep-alive connection is closed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
    }
);

both_with!(
    one_address_holds_only_its_share_of_connections,
    [("PAVILION_CONNECTIONS_PER_CLIENT", "4")],
    |app| {
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(open(app.addr, UNFINISHED).await);
        }
        let mut fifth = open(app.addr, WHOLE).await;
        let refused = read_until_closed(&mut fifth, Duration::from_secs(5))
            .await
            .expect("the fifth is closed at once");
        assert!(refused.is_empty(), "closed without an answer: {refused}");

        // The server frees the place once it reads the end of the closed connection, a moment
        // after the close: until then a newcomer is still turned away (closed, no answer).
        drop(held.pop());
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let mut again = open(app.addr, WHOLE).await;
            let answer = first_response(&mut again, Duration::from_secs(5)).await;
            if answer
                .as_deref()
                .is_some_and(|a| a.starts_with("HTTP/1.1 200"))
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "a closed connection frees its place: {answer:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
);

both_with!(
    a_trusted_proxy_is_not_capped,
    [
        ("PAVILION_CONNECTIONS_PER_CLIENT", "2"),
        ("PAVILION_TRUSTED_PROXIES", "127.0.0.1")
    ],
    |app| {
        let mut held = Vec::new();
        for _ in 0..4 {
            held.push(open(app.addr, UNFINISHED).await);
        }
        let mut more = open(app.addr, WHOLE).await;
        let answer = first_response(&mut more, Duration::from_secs(5))
            .await
            .expect("answered");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
);

both_with!(
    past_the_server_wide_cap_a_connection_waits_for_a_place,
    [("PAVILION_MAX_CONNECTIONS", "3")],
    |app| {
        let mut held = Vec::new();
        for _ in 0..3 {
            held.push(open(app.addr, UNFINISHED).await);
        }
        let mut waiting = open(app.addr, WHOLE).await;
        assert!(
            first_response(&mut waiting, Duration::from_millis(700))
                .await
                .is_none(),
            "no place: not served yet"
        );
        drop(held.pop());
        let answer = first_response(&mut waiting, Duration::from_secs(5))
            .await
            .expect("served once a place is free");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    }
);
