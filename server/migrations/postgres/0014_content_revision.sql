-- The content revision: every write to an article, a recipe, a destination, a pavilion or
-- a site setting bumps it (by trigger, so no writer can forget). App servers follow it,
-- with the catalogue revision, to know when a page they keep for anonymous visitors is
-- out of date.
CREATE TABLE content_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT NOT NULL
);
INSERT INTO content_revision (id, revision) VALUES (1, 1);

CREATE FUNCTION bump_content_revision() RETURNS trigger AS $$
BEGIN
    UPDATE content_revision SET revision = revision + 1 WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER articles_bumps_content AFTER INSERT OR UPDATE OR DELETE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER article_texts_bumps_content AFTER INSERT OR UPDATE OR DELETE ON article_texts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER article_products_bumps_content AFTER INSERT OR UPDATE OR DELETE ON article_products
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER recipes_bumps_content AFTER INSERT OR UPDATE OR DELETE ON recipes
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER recipe_ingredients_bumps_content AFTER INSERT OR UPDATE OR DELETE ON recipe_ingredients
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER recipe_steps_bumps_content AFTER INSERT OR UPDATE OR DELETE ON recipe_steps
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER destination_texts_bumps_content AFTER INSERT OR UPDATE OR DELETE ON destination_texts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER destination_cities_bumps_content AFTER INSERT OR UPDATE OR DELETE ON destination_cities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER pavilions_bumps_content AFTER INSERT OR UPDATE OR DELETE ON pavilions
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER pavilion_texts_bumps_content AFTER INSERT OR UPDATE OR DELETE ON pavilion_texts
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();

CREATE TRIGGER site_settings_bumps_content AFTER INSERT OR UPDATE OR DELETE ON site_settings
    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_revision();
