//! Who is asking: the TCP peer, unless the peer is one of our own proxies, whose
//! `X-Forwarded-For` then names the client. Anyone can write that header, so it is read
//! only from trusted peers and only as far back as the chain stays trusted.

use http::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// The client's address for a request that came from `peer`.
///
/// When `peer` is trusted, `X-Forwarded-For` is walked from the right (the entry our own
/// proxy appended) past every trusted proxy; the first untrusted address is the client.
/// Entries left of it were written by the client itself and are ignored. A malformed entry
/// on the way means the chain cannot be believed: the peer is used.
pub fn client_addr(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = peer.to_canonical();
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut entries = Vec::new();
    for value in headers.get_all("x-forwarded-for") {
        let Ok(value) = value.to_str() else {
            return peer;
        };
        entries.extend(value.split(',').map(str::trim));
    }
    let mut client = peer;
    for entry in entries.into_iter().rev() {
        let Some(ip) = parse(entry) else {
            return peer;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// `203.0.113.7`, `2001:db8::7`, or with a port as some proxies write it
/// (`203.0.113.7:4711`, `[2001:db8::7]:4711`).
fn parse(entry: &str) -> Option<IpAddr> {
    entry
        .parse::<IpAddr>()
        .or_else(|_| entry.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().expect("a range")).collect()
    }

    fn forwarded(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            let value = HeaderValue::from_str(value).expect("a header value");
            headers.append("x-forwarded-for", value);
        }
        headers
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let headers = forwarded(&["203.0.113.7"]);
        assert_eq!(
            client_addr(ip("198.51.100.1"), &headers, &nets(&["10.0.0.0/8"])),
            ip("198.51.100.1")
        );
        assert_eq!(
            client_addr(ip("198.51.100.1"), &headers, &[]),
            ip("198.51.100.1"),
            "nothing is trusted by default"
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_spoofed_entries_to_its_left_are_ignored() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; our proxy appended what it saw.
        let headers = forwarded(&["1.2.3.4, 203.0.113.7"]);
        assert_eq!(
            client_addr(ip("127.0.0.1"), &headers, &nets(&["127.0.0.1/32"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_chain_of_trusted_proxies_is_walked_from_the_right() {
        // client -> CDN edge (10.1.0.5) -> load balancer (10.2.0.9) -> us
        let headers = forwarded(&["6.6.6.6, 203.0.113.7", "10.1.0.5"]);
        assert_eq!(
            client_addr(ip("10.2.0.9"), &headers, &nets(&["10.0.0.0/8"])),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn a_trusted_peer_without_the_header_is_the_client() {
        assert_eq!(
            client_addr(ip("10.0.0.2"), &HeaderMap::new(), &nets(&["10.0.0.0/8"])),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn a_malformed_entry_falls_back_to_the_peer() {
        for value in ["203.0.113.7, not-an-address", "", "203.0.113.7,,"] {
            let headers = forwarded(&[value]);
            assert_eq!(
                client_addr(ip("10.0.0.2"), &headers, &nets(&["10.0.0.0/8"])),
                ip("10.0.0.2"),
                "{value:?}"
            );
        }
    }

    #[test]
    fn ipv6_clients_proxies_and_ports_are_understood() {
        let trusted = nets(&["fd00::/8", "127.0.0.1/32"]);
        let headers = forwarded(&["2001:db8::1, [2001:db8::7]:4711, fd00::3"]);
        assert_eq!(
            client_addr(ip("fd00::2"), &headers, &trusted),
            ip("2001:db8::7")
        );
        // A dual-stack listener sees IPv4 peers as ::ffff:a.b.c.d.
        let headers = forwarded(&["203.0.113.7:51000"]);
        assert_eq!(
            client_addr(ip("::ffff:127.0.0.1"), &headers, &trusted),
            ip("203.0.113.7")
        );
    }

    #[test]
    fn when_every_hop_is_trusted_the_farthest_one_is_the_client() {
        let headers = forwarded(&["10.9.9.9, 10.1.0.5"]);
        assert_eq!(
            client_addr(ip("10.2.0.9"), &headers, &nets(&["10.0.0.0/8"])),
            ip("10.9.9.9")
        );
    }
}
