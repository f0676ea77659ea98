//! Pages read from the snapshot: home, product, shops.

use super::snapshot::{Catalog, Product, Shop};
use crate::model::order::ShippingMethod;
use crate::model::{
    CategorySummary, Crumb, Delivery, Dispatch, HomeData, LandedPrice, Lang, Money, ProductCard,
    ProductPage, ShopCard, ShopPage, VariantView,
};

use crate::backend::media::GALLERY_SIZE as GALLERY;
const RELATED: usize = 8;

pub fn home(catalog: &Catalog, lang: Lang) -> HomeData {
    let categories = catalog
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.parent.is_none())
        .map(|(i, c)| CategorySummary {
            slug: c.slug.clone(),
            name: c.name.get(lang).to_owned(),
            product_count: catalog.category_counts.get(i).copied().unwrap_or_default() as i64,
        })
        .collect();
    let featured = catalog
        .products
        .iter()
        .filter(|p| p.featured)
        .take(24)
        .map(|p| {
            // Featured goods are grouped under their top-level category's tab.
            let mut card = catalog.card(p, lang);
            card.category_slug = catalog.top_category(p).slug.clone();
            card
        })
        .collect();
    HomeData {
        categories,
        featured,
    }
}

fn shop_card(catalog: &Catalog, index: usize, shop: &Shop, lang: Lang) -> ShopCard {
    ShopCard {
        slug: shop.slug.clone(),
        name: shop.name.get(lang).to_owned(),
        tagline: shop.tagline.get(lang).to_owned(),
        city: catalog.cities[shop.city].name.get(lang).to_owned(),
        kind: shop.kind.clone(),
        dispatch: shop.dispatch,
        verified: shop.verified,
        founded: shop.founded,
        product_count: catalog.products.iter().filter(|p| p.shop == index).count(),
    }
}

pub fn product_page(catalog: &Catalog, lang: Lang, slug: &str) -> Option<ProductPage> {
    let &index = catalog.product_by_slug.get(slug)?;
    let product = &catalog.products[index];
    let tax_class = catalog.categories[product.category].tax_class;
    let shop = &catalog.shops[product.shop];
    let variants = product
        .variants
        .iter()
        .map(|v| VariantView {
            sku: v.sku.clone(),
            label: v.label.get(lang).to_owned(),
            price: Money::cny(v.price_minor),
            stock: v.stock,
            weight_g: v.weight_g,
            landed: LandedPrice::sold(v.price_minor, 1, tax_class, shop.dispatch),
            reference: catalog.convert(v.price_minor),
        })
        .collect();
    let mut categories: Vec<Crumb> = product
        .category_path
        .iter()
        .map(|&c| Crumb {
            slug: catalog.categories[c].slug.clone(),
            name: catalog.categories[c].name.get(lang).to_owned(),
        })
        .collect();
    categories.reverse();
    Some(ProductPage {
        slug: product.slug.clone(),
        title: product.title.get(lang).to_owned(),
        summary: product.summary.get(lang).to_owned(),
        description: product.description.get(lang).to_owned(),
        categories,
        shop: shop_card(catalog, product.shop, &catalog.shops[product.shop], lang),
        origin_city: catalog.cities[product.city].name.get(lang).to_owned(),
        hs_code: product.hs_code.clone(),
        weight_g: product.weight_g,
        certifications: product.certifications.clone(),
        tax_class,
        delivery: delivery(catalog, shop, lang),
        variants,
        rates_set_on: catalog.rates.iter().map(|r| r.set_on.clone()).max(),
        rating: product.rating().map(|r| (r, product.rating_count)),
        gallery: GALLERY,
        related: related(catalog, index, lang),
        updated_at: product.updated_at,
    })
}

/// Where a shop's parcels leave from and how long they take, from `shipping_rates`.
fn delivery(catalog: &Catalog, shop: &Shop, lang: Lang) -> Delivery {
    let days = |method: ShippingMethod, zone: &str| {
        catalog
            .delivery_days
            .get(&(method, zone.to_owned()))
            .copied()
            .unwrap_or_default()
    };
    let (days, slower_days) = match shop.dispatch {
        Dispatch::CrossBorder => (
            days(ShippingMethod::Air, "all"),
            days(ShippingMethod::Land, "all"),
        ),
        inside_china => {
            let method = ShippingMethod::for_parcel(inside_china, ShippingMethod::Air);
            (days(method, "standard"), days(method, "remote"))
        }
    };
    Delivery {
        dispatch: shop.dispatch,
        ships_from: catalog.cities[shop.city].name.get(lang).to_owned(),
        days,
        slower_days,
    }
}

/// Same category first, then same shop; never the product itself.
fn related(catalog: &Catalog, index: usize, lang: Lang) -> Vec<ProductCard> {
    let product = &catalog.products[index];
    let score = |p: &Product| -> u8 {
        u8::from(p.category == product.category) * 2 + u8::from(p.shop == product.shop)
    };
    let mut others: Vec<(u8, usize)> = catalog
        .products
        .iter()
        .enumerate()
        .filter(|(i, p)| *i != index && score(p) > 0)
        .map(|(i, p)| (score(p), i))
        .collect();
    others.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    others
        .into_iter()
        .take(RELATED)
        .map(|(_, i)| catalog.card(&catalog.products[i], lang))
        .collect()
}

pub fn shops(catalog: &Catalog, lang: Lang) -> Vec<ShopCard> {
    catalog
        .shops
        .iter()
        .enumerate()
        .map(|(i, s)| shop_card(catalog, i, s, lang))
        .collect()
}

pub fn shop_page(catalog: &Catalog, lang: Lang, slug: &str) -> Option<ShopPage> {
    let &index = catalog.shop_by_slug.get(slug)?;
    let shop = &catalog.shops[index];
    Some(ShopPage {
        shop: shop_card(catalog, index, shop, lang),
        story: shop.story.get(lang).to_owned(),
        policies: shop.policies.get(lang).to_owned(),
        logo: shop
            .has_logo
            .then(|| format!("/media/shops/{}/logo.jpg?v={}", shop.slug, catalog.revision)),
        banner: shop.has_banner.then(|| {
            format!(
                "/media/shops/{}/banner.jpg?v={}",
                shop.slug, catalog.revision
            )
        }),
        products: catalog
            .products
            .iter()
            .filter(|p| p.shop == index)
            .map(|p| catalog.card(p, lang))
            .collect(),
    })
}
