//! The listing's filters and sort, as links and plain GET forms (no JavaScript needed).

use leptos::prelude::*;

use crate::i18n::*;
use crate::model::listing::ShipsFrom;
use crate::model::{FacetValue, Facets, ListingQuery, Sort};

fn link(base: &str, query: &ListingQuery) -> String {
    let qs = query.to_query_string();
    if qs.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{qs}")
    }
}

/// A certification's name in the page language.
pub fn certification_name(i18n: leptos_i18n::I18nContext<Locale>, key: &str) -> String {
    match key {
        "halal" => t_string!(i18n, catalogue.cert_halal),
        "organic" => t_string!(i18n, catalogue.cert_organic),
        "iso9001" => t_string!(i18n, catalogue.cert_iso9001),
        "fair-trade" => t_string!(i18n, catalogue.cert_fair_trade),
        "gi" => t_string!(i18n, catalogue.cert_gi),
        "fifa-quality" => t_string!(i18n, catalogue.cert_fifa_quality),
        "handmade" => t_string!(i18n, catalogue.cert_handmade),
        _ => return key.to_owned(),
    }
    .to_string()
}

/// "Exporter in Pakistan" or "Importer in China", in the page language.
pub fn shop_kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: &str) -> String {
    if kind == "importer" {
        t_string!(i18n, catalogue.kind_importer).to_string()
    } else {
        t_string!(i18n, catalogue.kind_exporter).to_string()
    }
}

#[component]
fn FacetGroup(
    #[prop(into)] title: String,
    values: Vec<FacetValue>,
    selected: Option<String>,
    /// Builds the link that selects (or, when selected, clears) a value.
    to: Box<dyn Fn(Option<String>) -> String + Send + Sync>,
) -> impl IntoView {
    if values.is_empty() && selected.is_none() {
        return ().into_any();
    }
    let items = values
        .into_iter()
        .map(|v| {
            let is_selected = selected.as_deref() == Some(v.key.as_str());
            let href = if is_selected {
                to(None)
            } else {
                to(Some(v.key.clone()))
            };
            view! {
                <li>
                    <a href=href aria-current=is_selected.then_some("true")>
                        {v.label}
                        <span class="count">{v.count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <ul>{items}</ul>
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn FacetPanel(
    #[prop(into)] base: String,
    query: ListingQuery,
    facets: Facets,
) -> impl IntoView {
    let i18n = use_i18n();
    let Facets {
        categories,
        ships_from,
        cities,
        shops,
        certifications,
        in_stock,
    } = facets;
    let certifications = certifications
        .into_iter()
        .map(|mut v| {
            v.label = certification_name(i18n, &v.key);
            v
        })
        .collect();
    let ships_from = ships_from
        .into_iter()
        .map(|(from, count)| FacetValue {
            key: from.code().to_owned(),
            label: match from {
                ShipsFrom::China => t_string!(i18n, catalogue.ships_from_china),
                ShipsFrom::Pakistan => t_string!(i18n, catalogue.ships_from_pakistan),
            }
            .to_string(),
            count,
        })
        .collect();
    let make = |set: fn(&mut ListingQuery, Option<String>)| {
        let base = base.clone();
        let query = query.clone();
        Box::new(move |value: Option<String>| link(&base, &query.with(|q| set(q, value))))
            as Box<dyn Fn(Option<String>) -> String + Send + Sync>
    };
    let stock_link = link(&base, &query.with(|q| q.in_stock = !q.in_stock));
    // A category is a page of its own: `/{lang}/categories/{slug}` keeps the other filters.
    let category_link = {
        let lang = base.split('/').nth(1).unwrap_or("zh").to_owned();
        let rest = query.with(|q| q.category = None);
        Box::new(move |slug: Option<String>| {
            link(
                &format!("/{lang}/categories/{}", slug.unwrap_or_default()),
                &rest,
            )
        }) as Box<dyn Fn(Option<String>) -> String + Send + Sync>
    };
    let keep: Vec<(&'static str, String)> = [
        ("q", query.q.clone()),
        ("category", query.category.clone()),
        ("from", query.from.map(|f| f.code().to_owned())),
        ("city", query.city.clone()),
        ("shop", query.shop.clone()),
        ("cert", query.cert.clone()),
        ("in_stock", query.in_stock.then(|| "1".to_owned())),
        (
            "sort",
            (query.sort != Sort::Relevance).then(|| query.sort.code().to_owned()),
        ),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    view! {
        <aside class="facets" aria-label=move || t_string!(i18n, catalogue.filters_label)>
            <FacetGroup
                title=t_string!(i18n, catalogue.facet_category).to_string()
                values=categories
                selected=None
                to=category_link
            />
            <form class="facet price-range" method="get" action=base.clone()>
                <fieldset>
                    <legend>{t!(i18n, catalogue.facet_price)}</legend>
                    {keep
                        .into_iter()
                        .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                        .collect_view()}
                    <label>
                        {t!(i18n, catalogue.price_min)}
                        <input type="number" name="min" min="0" step="1" inputmode="numeric"
                            value=query.min.map(|v| v.to_string()) />
                    </label>
                    <label>
                        {t!(i18n, catalogue.price_max)}
                        <input type="number" name="max" min="0" step="1" inputmode="numeric"
                            value=query.max.map(|v| v.to_string()) />
                    </label>
                    <button type="submit">{t!(i18n, catalogue.apply)}</button>
                </fieldset>
            </form>
            <FacetGroup
                title=t_string!(i18n, catalogue.facet_ships_from).to_string()
                values=ships_from
                selected=query.from.map(|f| f.code().to_owned())
                to=make(|q, v| q.from = v.as_deref().and_then(ShipsFrom::parse))
            />
            <FacetGroup
                title=t_string!(i18n, catalogue.facet_city).to_string()
                values=cities
                selected=query.city.clone()
                to=make(|q, v| q.city = v)
            />
            <FacetGroup
                title=t_string!(i18n, catalogue.facet_certification).to_string()
                values=certifications
                selected=query.cert.clone()
                to=make(|q, v| q.cert = v)
            />
            <FacetGroup
                title=t_string!(i18n, catalogue.facet_shop).to_string()
                values=shops
                selected=query.shop.clone()
                to=make(|q, v| q.shop = v)
            />
            <p class="facet">
                <a href=stock_link aria-current=query.in_stock.then_some("true")>
                    {t!(i18n, catalogue.only_in_stock)}
                    <span class="count">{in_stock}</span>
                </a>
            </p>
        </aside>
    }
}

#[component]
pub fn SortLinks(#[prop(into)] base: String, query: ListingQuery) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |sort: Sort| match sort {
        Sort::Relevance => t_string!(i18n, catalogue.sort_relevance),
        Sort::PriceAsc => t_string!(i18n, catalogue.sort_price_asc),
        Sort::PriceDesc => t_string!(i18n, catalogue.sort_price_desc),
        Sort::Newest => t_string!(i18n, catalogue.sort_newest),
        Sort::Rating => t_string!(i18n, catalogue.sort_rating),
    };
    let links = Sort::ALL
        .into_iter()
        .map(|sort| {
            let href = link(&base, &query.with(|q| q.sort = sort));
            let current = (query.sort == sort).then_some("true");
            view! { <a href=href aria-current=current>{label(sort)}</a> }
        })
        .collect_view();
    view! {
        <nav class="sort" aria-label=move || t_string!(i18n, catalogue.sort_label)>
            {links}
        </nav>
    }
}

/// Chips for each active filter; each removes its filter.
#[component]
pub fn ActiveFilters(#[prop(into)] base: String, query: ListingQuery) -> impl IntoView {
    let i18n = use_i18n();
    if !query.has_filters() && query.q.is_none() {
        return ().into_any();
    }
    let mut chips: Vec<(String, String)> = Vec::new();
    let mut add = |label: String, cleared: ListingQuery| chips.push((label, link(&base, &cleared)));
    if let Some(q) = &query.q {
        add(format!("“{q}”"), query.with(|x| x.q = None));
    }
    if query.min.is_some() || query.max.is_some() {
        let range = format!(
            "¥{}–{}",
            query.min.unwrap_or(0),
            query.max.map(|m| format!("¥{m}")).unwrap_or_default()
        );
        add(
            range,
            query.with(|x| {
                x.min = None;
                x.max = None;
            }),
        );
    }
    if let Some(c) = &query.cert {
        add(certification_name(i18n, c), query.with(|x| x.cert = None));
    }
    if query.in_stock {
        add(
            t_string!(i18n, catalogue.only_in_stock).to_string(),
            query.with(|x| x.in_stock = false),
        );
    }
    let chips = chips
        .into_iter()
        .map(|(label, href)| {
            view! {
                <li>
                    <a href=href title=move || t_string!(i18n, catalogue.remove_filter)>
                        {label}
                        " ×"
                    </a>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="active-filters">{chips}</ul> }.into_any()
}
