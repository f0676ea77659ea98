//! Content beside the pages: an Atom feed per section and language, and article covers.

use app::backend::content::feed::{FeedEntry, atom, rfc3339_date};
use app::backend::content::store;
use app::model::Lang;
use app::model::content::Section;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::header::{CACHE_CONTROL, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, StatusCode};

use crate::startup::ServerState;

/// `/feeds/{lang}/{section}.xml`: the section's latest articles in that language.
pub async fn feed(
    State(state): State<ServerState>,
    Path((lang, file)): Path<(String, String)>,
) -> Response {
    let section = file.strip_suffix(".xml").and_then(Section::parse);
    let (Some(lang), Some(section)) = (Lang::parse(&lang), section) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let articles = match store::list(&state.app.pool, Some(section), lang, 30).await {
        Ok(articles) => articles,
        Err(error) => {
            tracing::error!(%error, "feed query failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let origin = state.app.site.public_url.trim_end_matches('/');
    let code = lang.code();
    let entries: Vec<FeedEntry> = articles
        .iter()
        .map(|a| {
            let link = format!("{origin}/{code}/articles/{}", a.slug);
            FeedEntry {
                id: link.clone(),
                title: a.title.clone(),
                summary: a.summary.clone(),
                link,
                updated: rfc3339_date(&a.published_on),
                lang: lang.html_tag().to_owned(),
            }
        })
        .collect();
    let updated = articles.first().map_or_else(
        || rfc3339_date("2026-01-01"),
        |a| rfc3339_date(&a.published_on),
    );
    let title = format!("Pakistan Pavilion · {}", section_title(section, lang));
    let body = atom(
        &format!("{origin}/feeds/{code}/{}.xml", section.code()),
        &title,
        &format!("{origin}/feeds/{code}/{}.xml", section.code()),
        &format!("{origin}/{code}/{}", section.code()),
        lang.html_tag(),
        &updated,
        &entries,
    );
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            ),
            (
                CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=600"),
            ),
        ],
        body,
    )
        .into_response()
}

fn section_title(section: Section, lang: Lang) -> &'static str {
    match (section, lang) {
        (Section::Culture, Lang::En) => "Culture",
        (Section::Culture, Lang::Zh) => "文化",
        (Section::Cuisine, Lang::En) => "Cuisine",
        (Section::Cuisine, Lang::Zh) => "美食",
        (Section::Tourism, Lang::En) => "Travel",
        (Section::Tourism, Lang::Zh) => "旅游",
        (Section::Exchange, Lang::En) => "Exchange",
        (Section::Exchange, Lang::Zh) => "交流",
    }
}

/// `/media/articles/{slug}.svg`: a cover drawn from the article's section and subject;
/// `.jpg` is the same picture as a JPEG, for sharing (WeChat and others want a raster).
/// A draft's cover is the editors' alone: to anyone else it does not exist.
pub async fn cover(
    State(state): State<ServerState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (slug, jpeg) = match (file.strip_suffix(".svg"), file.strip_suffix(".jpg")) {
        (Some(slug), _) => (slug, false),
        (None, Some(slug)) => (slug, true),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if !app::backend::media::is_slug(slug) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let source = match store::cover_of(&state.app.pool, slug).await {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "cover query failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    if !source.published && !is_editor(&state, &headers).await {
        return StatusCode::NOT_FOUND.into_response();
    }
    let svg = app::backend::media::product_svg(
        cover_motif(&source.section, &source.keyword),
        &source.title,
        0,
    );
    let cache = (
        CACHE_CONTROL,
        HeaderValue::from_static(if source.published {
            "public, max-age=86400"
        } else {
            "private, no-store"
        }),
    );
    if !jpeg {
        let kind = (CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
        return ([kind, cache], svg).into_response();
    }
    let rendered =
        tokio::task::spawn_blocking(move || app::backend::media::render_jpeg(&svg, 960, 960)).await;
    match rendered {
        Ok(Ok(bytes)) => {
            let kind = (CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
            ([kind, cache], bytes).into_response()
        }
        Ok(Err(error)) => {
            tracing::error!(%error, "cover rendering failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// Which of the catalogue's picture motifs suits a cover.
fn cover_motif(section: &str, keyword: &str) -> &'static str {
    const BY_WORD: [(&str, &str); 16] = [
        ("rice", "rice"),
        ("biryani", "rice"),
        ("mango", "fruit"),
        ("lassi", "fruit"),
        ("date", "dried-fruit-nuts"),
        ("apricot", "dried-fruit-nuts"),
        ("salt", "himalayan-salt"),
        ("tea", "tea-snacks"),
        ("chai", "tea-snacks"),
        ("kebab", "spices"),
        ("karahi", "spices"),
        ("cricket", "sports-goods"),
        ("wood", "furniture"),
        ("ajrak", "textiles-garments"),
        ("pottery", "handicrafts"),
        ("truck", "handicrafts"),
    ];
    if let Some((_, motif)) = BY_WORD.iter().find(|(word, _)| keyword.contains(word)) {
        return motif;
    }
    match section {
        "cuisine" => "spices",
        "tourism" => "dried-fruit-nuts",
        "exchange" => "tea-snacks",
        _ => "handicrafts",
    }
}

/// Whether the request comes from a signed-in editor or admin.
async fn is_editor(state: &ServerState, headers: &HeaderMap) -> bool {
    use app::model::account::Role;
    let token = crate::middleware::cookie_value(
        headers.get_all(http::header::COOKIE).iter(),
        app::backend::session::COOKIE,
    );
    let session = app::backend::session::Session::load(&state.app.pool, token.as_deref()).await;
    session
        .user()
        .is_some_and(|user| matches!(user.role, Role::Editor | Role::Admin))
}
