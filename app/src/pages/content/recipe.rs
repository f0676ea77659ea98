use leptos::prelude::*;

use crate::api::content::AddRecipeToCart;
use crate::components::{ActionError, LangField, use_lang};
use crate::i18n::*;
use crate::model::content::Recipe;

/// Servings, times, ingredients (linked to the catalogue), steps, and one button that puts
/// every available ingredient in the cart (a plain POST form without JavaScript).
#[component]
pub fn RecipeBlock(recipe: Recipe, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let code = lang.get_untracked().code();
    let add = ServerAction::<AddRecipeToCart>::new();
    let buyable = recipe
        .ingredients
        .iter()
        .filter(|i| i.product.as_ref().is_some_and(|p| p.2))
        .count();
    let ingredients = recipe
        .ingredients
        .into_iter()
        .map(|ingredient| {
            let product = ingredient.product.map(|(slug, title, _)| {
                view! {
                    " · "
                    <a href=format!("/{code}/products/{slug}")>{title}</a>
                }
            });
            view! {
                <li>
                    <strong>{ingredient.quantity}</strong>
                    " "
                    {ingredient.name}
                    {product}
                </li>
            }
        })
        .collect_view();
    let steps = recipe
        .steps
        .into_iter()
        .map(|step| view! { <li>{step}</li> })
        .collect_view();
    view! {
        <section class="recipe" aria-labelledby="ingredients-heading">
            <dl class="recipe-facts">
                <dt>{t!(i18n, content.servings)}</dt>
                <dd>{recipe.servings}</dd>
                <dt>{t!(i18n, content.prep_time)}</dt>
                <dd>{t!(i18n, content.minutes, minutes = recipe.prep_minutes)}</dd>
                <dt>{t!(i18n, content.cook_time)}</dt>
                <dd>{t!(i18n, content.minutes, minutes = recipe.cook_minutes)}</dd>
            </dl>
            <h2 id="ingredients-heading">{t!(i18n, content.ingredients)}</h2>
            <ul class="ingredients">{ingredients}</ul>
            {(buyable > 0)
                .then(|| {
                    view! {
                        <ActionForm action=add attr:class="add-recipe">
                            <LangField />
                            <input type="hidden" name="slug" value=slug.clone() />
                            <button type="submit" class="primary">
                                {t!(i18n, content.add_ingredients, count = move || buyable)}
                            </button>
                        </ActionForm>
                        <ActionError value=add.value() />
                    }
                })}
            <h2>{t!(i18n, content.steps)}</h2>
            <ol class="steps">{steps}</ol>
        </section>
    }
}
