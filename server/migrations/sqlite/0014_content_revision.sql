-- The content revision: every write to an article, a recipe, a destination, a pavilion or
-- a site setting bumps it (by trigger, so no writer can forget). App servers follow it,
-- with the catalogue revision, to know when a page they keep for anonymous visitors is
-- out of date.
CREATE TABLE content_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL
);
INSERT INTO content_revision (id, revision) VALUES (1, 1);

CREATE TRIGGER articles_insert_bumps_content AFTER INSERT ON articles
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER articles_update_bumps_content AFTER UPDATE ON articles
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER articles_delete_bumps_content AFTER DELETE ON articles
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_texts_insert_bumps_content AFTER INSERT ON article_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_texts_update_bumps_content AFTER UPDATE ON article_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_texts_delete_bumps_content AFTER DELETE ON article_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_products_insert_bumps_content AFTER INSERT ON article_products
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_products_update_bumps_content AFTER UPDATE ON article_products
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER article_products_delete_bumps_content AFTER DELETE ON article_products
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipes_insert_bumps_content AFTER INSERT ON recipes
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipes_update_bumps_content AFTER UPDATE ON recipes
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipes_delete_bumps_content AFTER DELETE ON recipes
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_ingredients_insert_bumps_content AFTER INSERT ON recipe_ingredients
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_ingredients_update_bumps_content AFTER UPDATE ON recipe_ingredients
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_ingredients_delete_bumps_content AFTER DELETE ON recipe_ingredients
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_steps_insert_bumps_content AFTER INSERT ON recipe_steps
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_steps_update_bumps_content AFTER UPDATE ON recipe_steps
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER recipe_steps_delete_bumps_content AFTER DELETE ON recipe_steps
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_texts_insert_bumps_content AFTER INSERT ON destination_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_texts_update_bumps_content AFTER UPDATE ON destination_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_texts_delete_bumps_content AFTER DELETE ON destination_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_cities_insert_bumps_content AFTER INSERT ON destination_cities
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_cities_update_bumps_content AFTER UPDATE ON destination_cities
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER destination_cities_delete_bumps_content AFTER DELETE ON destination_cities
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilions_insert_bumps_content AFTER INSERT ON pavilions
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilions_update_bumps_content AFTER UPDATE ON pavilions
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilions_delete_bumps_content AFTER DELETE ON pavilions
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilion_texts_insert_bumps_content AFTER INSERT ON pavilion_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilion_texts_update_bumps_content AFTER UPDATE ON pavilion_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER pavilion_texts_delete_bumps_content AFTER DELETE ON pavilion_texts
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER site_settings_insert_bumps_content AFTER INSERT ON site_settings
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER site_settings_update_bumps_content AFTER UPDATE ON site_settings
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;

CREATE TRIGGER site_settings_delete_bumps_content AFTER DELETE ON site_settings
BEGIN UPDATE content_revision SET revision = revision + 1 WHERE id = 1; END;
