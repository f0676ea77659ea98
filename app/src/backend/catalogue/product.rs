//! Pages read from the snapshot: home, product, shops.

use super::snapshot::{Catalogue, Product, Shop};
use crate::model::order::ShippingMethod;
use crate::model::{
    CategorySummary, Crumb, Delivery, Dispatch, HomeData, LandedPrice, Lang, Money, ProductCard,
    ProductPage, ShopCard, ShopPage, VariantView,
};

use crate::backend::media::GALLERY_SIZE as GALLERY;
const RELATED: usize = 8;

pub fn home(catalogue: &Catalogue, lang: Lang) -> HomeData {
    let categories = catalogue
        .categories
        .iter()
        .enumerate()
        .filter(|(_, c)| c.parent.is_none())
        .map(|(i, c)| CategorySummary {
            slug: c.slug.clone(),
            name: c.name.get(lang).to_owned(),
            product_count: catalogue
                .category_counts
                .get(i)
                .copied()
                .unwrap_or_default() as i64,
        })
        .collect();
    let featured = catalogue
        .products
        .iter()
        .filter(|p| p.featured)
        .take(24)
        .map(|p| {
            // Featured goods are grouped under their top-level category's tab.
            let mut card = catalogue.card(p, lang);
            card.category_slug = catalogue.top_category(p).slug.clone();
            card
        })
        .collect();
    HomeData {
        categories,
        featured,
    }
}

fn shop_card(catalogue: &Catalogue, index: usize, shop: &Shop, lang: Lang) -> ShopCard {
    ShopCard {
        slug: shop.slug.clone(),
        name: shop.name.get(lang).to_owned(),
        tagline: shop.tagline.get(lang).to_owned(),
        city: catalogue.cities[shop.city].name.get(lang).to_owned(),
        kind: shop.kind.clone(),
        dispatch: shop.dispatch,
        verified: shop.verified,
        founded: shop.founded,
        product_count: catalogue
            .shop_counts
            .get(index)
            .copied()
            .unwrap_or_default(),
    }
}

pub fn product_page(catalogue: &Catalogue, lang: Lang, slug: &str) -> Option<ProductPage> {
    let &index = catalogue.product_by_slug.get(slug)?;
    let product = &catalogue.products[index];
    let tax_class = catalogue.categories[product.category].tax_class;
    let shop = &catalogue.shops[product.shop];
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
            reference: catalogue.convert(v.price_minor),
        })
        .collect();
    let mut categories: Vec<Crumb> = product
        .category_path
        .iter()
        .map(|&c| Crumb {
            slug: catalogue.categories[c].slug.clone(),
            name: catalogue.categories[c].name.get(lang).to_owned(),
        })
        .collect();
    categories.reverse();
    Some(ProductPage {
        slug: product.slug.clone(),
        title: product.title.get(lang).to_owned(),
        summary: product.summary.get(lang).to_owned(),
        description: product.description.get(lang).to_owned(),
        categories,
        shop: shop_card(
            catalogue,
            product.shop,
            &catalogue.shops[product.shop],
            lang,
        ),
        origin_city: catalogue.cities[product.city].name.get(lang).to_owned(),
        hs_code: product.hs_code.clone(),
        weight_g: product.weight_g,
        certifications: product.certifications.clone(),
        tax_class,
        delivery: delivery(catalogue, shop, lang),
        variants,
        rates_set_on: catalogue.rates.iter().map(|r| r.set_on.clone()).max(),
        rating: product.rating().map(|r| (r, product.rating_count)),
        gallery: GALLERY,
        related: related(catalogue, index, lang),
        updated_at: product.updated_at,
    })
}

/// Where a shop's parcels leave from and how long they take, from `shipping_rates`.
fn delivery(catalogue: &Catalogue, shop: &Shop, lang: Lang) -> Delivery {
    let days = |method: ShippingMethod, zone: &str| {
        catalogue
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
        ships_from: catalogue.cities[shop.city].name.get(lang).to_owned(),
        days,
        slower_days,
    }
}

/// Same category first, then same shop; never the product itself.
fn related(catalogue: &Catalogue, index: usize, lang: Lang) -> Vec<ProductCard> {
    let product = &catalogue.products[index];
    let score = |p: &Product| -> u8 {
        u8::from(p.category == product.category) * 2 + u8::from(p.shop == product.shop)
    };
    let mut others: Vec<(u8, usize)> = catalogue
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
        .map(|(_, i)| catalogue.card(&catalogue.products[i], lang))
        .collect()
}

pub fn shops(catalogue: &Catalogue, lang: Lang) -> Vec<ShopCard> {
    catalogue
        .shops
        .iter()
        .enumerate()
        .map(|(i, s)| shop_card(catalogue, i, s, lang))
        .collect()
}

pub fn shop_page(catalogue: &Catalogue, lang: Lang, slug: &str) -> Option<ShopPage> {
    let &index = catalogue.shop_by_slug.get(slug)?;
    let shop = &catalogue.shops[index];
    Some(ShopPage {
        shop: shop_card(catalogue, index, shop, lang),
        story: shop.story.get(lang).to_owned(),
        policies: shop.policies.get(lang).to_owned(),
        logo: shop.has_logo.then(|| {
            format!(
                "/media/shops/{}/logo.jpg?v={}",
                shop.slug, catalogue.revision
            )
        }),
        banner: shop.has_banner.then(|| {
            format!(
                "/media/shops/{}/banner.jpg?v={}",
                shop.slug, catalogue.revision
            )
        }),
        products: catalogue
            .products
            .iter()
            .filter(|p| p.shop == index)
            .map(|p| catalogue.card(p, lang))
            .collect(),
    })
}
