use super::*;

#[test]
fn a_post_from_another_site_is_cross_site_and_ours_is_not() {
    let mut headers = http::HeaderMap::new();
    headers.insert("host", HeaderValue::from_static("pavilion.test"));
    assert!(
        !is_cross_site(&headers, "https://pavilion.test"),
        "no Origin: not a browser page"
    );
    headers.insert("origin", HeaderValue::from_static("https://pavilion.test"));
    assert!(!is_cross_site(&headers, "https://pavilion.test"));
    headers.insert("origin", HeaderValue::from_static("https://evil.example"));
    assert!(is_cross_site(&headers, "https://pavilion.test"));
    let mut fetch = http::HeaderMap::new();
    fetch.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
    assert!(is_cross_site(&fetch, "https://pavilion.test"));
}

#[test]
fn only_catalogue_and_content_pages_are_public() {
    for public in [
        "/zh/",
        "/en",
        "/en/products",
        "/zh/products/basmati",
        "/en/shops/x",
        "/zh/articles/a",
        "/en/academy/g",
        "/en/sell",
    ] {
        assert!(is_public_page(public), "{public}");
    }
    for private in [
        "/",
        "/api/add_to_cart",
        "/en/cart",
        "/en/checkout",
        "/zh/orders/PV1",
        "/zh/account",
        "/en/sell/status",
        "/en/seller/products",
        "/en/admin",
        "/en/editor",
        "/en/pay/sandbox",
        "/uploads/images",
        "/exports/products.csv",
        "/xx/products",
    ] {
        assert!(!is_public_page(private), "{private}");
    }
}

#[test]
fn control_characters_are_found_however_they_are_encoded() {
    for bad in [
        "sku=GBM-SK-1KG%00",
        "sku=%01",
        "a%1B=1",
        "q=%7F",
        "q=%C2%85",
        "sku=GBM\u{0}",
    ] {
        assert!(has_control_character(bad.as_bytes()), "{bad}");
    }
    for good in [
        "sku=GBM-SK-1KG&quantity=2",
        "body=line+one%0D%0Aline+two%09tabbed",
        "name=%E7%8E%8B%E8%8A%B3",
        "",
    ] {
        assert!(!has_control_character(good.as_bytes()), "{good}");
    }
}

#[test]
fn private_pages_send_a_stranger_to_sign_in() {
    for private in [
        "/zh/seller",
        "/en/seller/products/3",
        "/zh/admin/users",
        "/en/editor/new",
        "/zh/account",
        "/en/account/wishlist",
        "/zh/orders",
        "/en/sell/apply",
        "/en/sell/status",
    ] {
        assert!(needs_sign_in(private).is_some(), "{private}");
    }
    for open in [
        "/zh/",
        "/zh/orders/PV261206ABCDEFGH",
        "/en/account/login",
        "/en/account/register",
        "/en/account/forgot",
        "/en/account/reset",
        "/en/sell",
        "/en/products",
        "/xx/seller",
        "/api/seller",
    ] {
        assert!(needs_sign_in(open).is_none(), "{open}");
    }
    let response = to_sign_in(
        app::model::Lang::Zh,
        &"/zh/seller/join?token=a%20b".parse().unwrap_or_default(),
    );
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        response.headers()[http::header::LOCATION],
        "/zh/account/login?next=%2Fzh%2Fseller%2Fjoin%3Ftoken%3Da%2520b"
    );
}

#[test]
fn the_session_cookie_is_found_among_others() {
    let headers = [
        HeaderValue::from_static("lang=zh; pavilion_session=abc"),
        HeaderValue::from_static("other=1"),
    ];
    assert_eq!(
        cookie_value(headers.iter(), "pavilion_session"),
        Some("abc".to_owned())
    );
    assert_eq!(cookie_value(headers.iter(), "missing"), None);
}
