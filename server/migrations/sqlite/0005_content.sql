-- Culture, cuisine, tourism and exchange: articles (some of them recipes or destination
-- guides), the offline pavilions, and the settings editors use for the home page.
-- Text is per locale: an article is published in a language only when that language's
-- title and body exist. Bodies are Markdown, with the sanitised HTML kept beside them.

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    section TEXT NOT NULL CHECK (section IN ('culture', 'cuisine', 'tourism', 'exchange')),
    kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'recipe', 'destination')),
    -- what the cover picture shows (it is drawn from this), or an uploaded picture's path
    cover TEXT NOT NULL DEFAULT '',
    -- NULL: a draft; in the future: scheduled
    publish_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX articles_section ON articles(section, publish_at);

CREATE TABLE article_texts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    PRIMARY KEY (article_id, locale)
);

CREATE TABLE article_products (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, product_id)
);

CREATE TABLE recipes (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    servings INTEGER NOT NULL CHECK (servings > 0),
    prep_minutes INTEGER NOT NULL CHECK (prep_minutes >= 0),
    cook_minutes INTEGER NOT NULL CHECK (cook_minutes >= 0)
);

CREATE TABLE recipe_ingredients (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    locale TEXT NOT NULL,
    quantity TEXT NOT NULL,
    name TEXT NOT NULL,
    product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
    PRIMARY KEY (article_id, locale, position)
);

CREATE TABLE recipe_steps (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, locale, position)
);

CREATE TABLE destination_texts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    best_season TEXT NOT NULL,
    getting_there TEXT NOT NULL,
    visa_notes TEXT NOT NULL,
    PRIMARY KEY (article_id, locale)
);

-- The cities whose goods a destination guide shows.
CREATE TABLE destination_cities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    city_id INTEGER NOT NULL REFERENCES cities(id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, city_id)
);

CREATE TABLE pavilions (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    lon_micro INTEGER NOT NULL,
    lat_micro INTEGER NOT NULL,
    phone TEXT NOT NULL,
    position INTEGER NOT NULL
);

CREATE TABLE pavilion_texts (
    pavilion_id INTEGER NOT NULL REFERENCES pavilions(id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    hours TEXT NOT NULL,
    offers_html TEXT NOT NULL,
    PRIMARY KEY (pavilion_id, locale)
);

-- Editors' choices for the home page (featured recipe, destination ...).
CREATE TABLE site_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
