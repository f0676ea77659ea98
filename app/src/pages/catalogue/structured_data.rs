//! JSON-LD for product pages: `Product` with its offers, and the `BreadcrumbList`.

use serde_json::{Value, json};

use crate::model::product::picture_url;
use crate::model::{Lang, ProductPage};

/// `home` names the first breadcrumb, in the page's language.
pub fn product_json_ld(page: &ProductPage, lang: Lang, origin: &str, home: &str) -> Value {
    let code = lang.code();
    let url = format!("{origin}/{code}/products/{}", page.slug);
    let offers: Vec<Value> = page
        .variants
        .iter()
        .map(|v| {
            json!({
                "@type": "Offer",
                "sku": v.sku,
                "name": v.label,
                "price": format!("{}.{:02}", v.price.minor / 100, v.price.minor % 100),
                "priceCurrency": v.price.currency.code(),
                "availability": if v.stock > 0 {
                    "https://schema.org/InStock"
                } else {
                    "https://schema.org/OutOfStock"
                },
                "url": format!("{url}?variant={}", v.sku),
            })
        })
        .collect();
    let images: Vec<String> = (0..page.gallery)
        .map(|i| format!("{origin}{}", picture_url(&page.slug, i, 960)))
        .collect();
    let mut product = json!({
        "@type": "Product",
        "@id": format!("{url}#product"),
        "name": page.title,
        "description": page.description,
        "image": images,
        "sku": page.variants.first().map(|v| v.sku.clone()),
        "brand": { "@type": "Brand", "name": page.shop.name },
        "countryOfOrigin": { "@type": "Country", "name": "PK" },
        "category": page.categories.last().map(|c| c.name.clone()),
        "url": url,
        "offers": offers,
    });
    if let Some((average, count)) = page.rating {
        product["aggregateRating"] = json!({
            "@type": "AggregateRating",
            "ratingValue": format!("{average:.1}"),
            "reviewCount": count,
        });
    }
    let mut crumbs = vec![json!({
        "@type": "ListItem", "position": 1, "name": home, "item": format!("{origin}/{code}/"),
    })];
    for (i, c) in page.categories.iter().enumerate() {
        crumbs.push(json!({
            "@type": "ListItem",
            "position": i + 2,
            "name": c.name,
            "item": format!("{origin}/{code}/categories/{}", c.slug),
        }));
    }
    crumbs.push(json!({
        "@type": "ListItem", "position": page.categories.len() + 2, "name": page.title, "item": url,
    }));
    json!({
        "@context": "https://schema.org",
        "@graph": [product, { "@type": "BreadcrumbList", "itemListElement": crumbs }],
    })
}
