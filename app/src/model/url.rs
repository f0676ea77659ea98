//! Percent-encoding of values put into links (RFC 3986: unreserved characters stay).

fn encode_keeping(value: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || keep.contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// A value for a query string: everything but unreserved characters is encoded.
pub fn encode_query_value(value: &str) -> String {
    encode_keeping(value, b"-_.~")
}

/// A path carried as a query value (`?to=/zh/cart`): slashes stay readable.
pub fn encode_path_value(value: &str) -> String {
    encode_keeping(value, b"-_.~/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_and_non_ascii_characters_are_encoded() {
        assert_eq!(encode_query_value("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(
            encode_path_value("/zh/products?q=茶"),
            "/zh/products%3Fq%3D%E8%8C%B6"
        );
        assert_eq!(encode_query_value("Az09-_.~"), "Az09-_.~");
    }
}
