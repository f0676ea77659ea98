//! `/robots.txt` and `/sitemap.xml` (every page of the catalogue in both languages, with
//! hreflang alternates).

use app::backend::AppState;
use app::backend::xml::escape;
use app::model::Lang;
use axum::extract::State;
use axum::response::IntoResponse;
use http::header::{CACHE_CONTROL, CONTENT_TYPE};

pub async fn robots(State(state): State<AppState>) -> impl IntoResponse {
    let origin = &state.site.public_url;
    (
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!(
            "User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /switch-language\n\nSitemap: {origin}/sitemap.xml\n"
        ),
    )
}

pub async fn sitemap(State(state): State<AppState>) -> impl IntoResponse {
    let catalogue = state.catalogue.get();
    let mut paths: Vec<String> = vec!["/".into(), "/products".into(), "/shops".into()];
    paths.extend(
        catalogue
            .categories
            .iter()
            .map(|c| format!("/categories/{}", c.slug)),
    );
    paths.extend(catalogue.shops.iter().map(|s| format!("/shops/{}", s.slug)));
    paths.extend(
        catalogue
            .products
            .iter()
            .map(|p| format!("/products/{}", p.slug)),
    );
    paths.extend(
        [
            "/culture",
            "/cuisine",
            "/tourism",
            "/exchange",
            "/pavilions",
        ]
        .map(String::from),
    );
    let mut entries: Vec<(String, Vec<Lang>)> =
        paths.into_iter().map(|p| (p, Lang::ALL.to_vec())).collect();
    match app::backend::content::store::sitemap_entries(&state.pool).await {
        Ok(articles) => entries.extend(articles.into_iter().map(|(slug, locales)| {
            let langs = locales.iter().filter_map(|l| Lang::parse(l)).collect();
            (format!("/articles/{slug}"), langs)
        })),
        Err(error) => tracing::error!(%error, "sitemap: articles unavailable"),
    }
    (
        [
            (CONTENT_TYPE, "application/xml; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        sitemap_xml(&state.site.public_url, &entries),
    )
}

/// One `<url>` per page and language, each listing every language's version.
fn sitemap_xml(origin: &str, paths: &[(String, Vec<Lang>)]) -> String {
    let mut xml = String::with_capacity(paths.len() * 600);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (path, langs) in paths {
        let path = escape(path.trim_start_matches('/'));
        for lang in langs {
            xml.push_str(&format!("<url><loc>{origin}/{}/{path}</loc>", lang.code()));
            for alternate in langs {
                xml.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{origin}/{}/{path}\"/>",
                    alternate.html_tag(),
                    alternate.code()
                ));
            }
            let default = if langs.contains(&Lang::default()) {
                Lang::default()
            } else {
                langs[0]
            };
            xml.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{origin}/{}/{path}\"/></url>\n",
                default.code()
            ));
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_listed_in_both_languages_with_alternates() {
        let all = Lang::ALL.to_vec();
        let xml = sitemap_xml(
            "https://p.test",
            &[("/".into(), all.clone()), ("/products/mango".into(), all)],
        );
        assert_eq!(xml.matches("<url>").count(), 4);
        assert!(xml.contains("<loc>https://p.test/zh/products/mango</loc>"));
        assert!(xml.contains("<loc>https://p.test/en/products/mango</loc>"));
        assert!(xml.contains(r#"hreflang="zh-CN" href="https://p.test/zh/products/mango""#));
        assert!(xml.contains(r#"hreflang="x-default" href="https://p.test/zh/""#));
    }
}
