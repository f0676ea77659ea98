//! The shop's profile as shoppers see it: name, tagline, story and policies in both
//! languages side by side, the logo and the banner.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerError, SellerNav};
use crate::api::seller::{SaveShopProfile, get_shop_profile};
use crate::components::{ActionError, LangField, PageMeta, raw_text, use_lang};
use crate::i18n::*;
use crate::model::seller::{ProfileSide, ShopProfile};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let changed = move || query.with(|q| q.get("saved").or_else(|| q.get("uploaded")));
    let profile = Resource::new(changed, |_| get_shop_profile());
    view! {
        <PageMeta
            title=t_string!(i18n, seller.profile).to_string()
            description=t_string!(i18n, seller.profile_lead).to_string()
        />
        <SellerNav />
        <section class="editor seller-profile">
            <h1>{t!(i18n, seller.profile)}</h1>
            <p class="lead">{t!(i18n, seller.profile_lead)}</p>
            {move || changed().map(|_| view! { <p class="notice" role="status">{t!(i18n, seller.saved)}</p> })}
            {move || query.with(|q| q.get("upload_error")).map(|_| view! {
                <p class="error" role="alert">{t!(i18n, seller.picture_refused)}</p>
            })}
            <Suspense fallback=move || view! { <p>{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match profile.await {
                        Ok(profile) => view! { <ProfileForm profile /> }.into_any(),
                        Err(error) => view! { <SellerError error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ProfileForm(profile: ShopProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let save = ServerAction::<SaveShopProfile>::new();
    let version = profile.version;
    let picture = |kind: &'static str, present: bool, label: String| {
        let slug = profile.slug.clone();

        view! {
            <form method="post" action="/uploads/shop" enctype="multipart/form-data" class="upload card">
                <input type="hidden" name="lang" value=move || lang.get().code() />
                <input type="hidden" name="kind" value=kind />
                {present.then(|| view! { <img src=format!("/media/shops/{slug}/{kind}.jpg?v={version}") alt="" class=format!("shop-{kind}") /> })}
                <label for=format!("shop-{kind}-file")>{label}</label>
                <input id=format!("shop-{kind}-file") type="file" name="image" accept="image/jpeg,image/png,image/webp" required />
                <button type="submit">{t!(i18n, seller.upload_picture)}</button>
            </form>
        }
    };
    view! {
        <div class="grid three">
            {picture("logo", profile.has_logo, t_string!(i18n, seller.logo).to_string())}
            {picture("banner", profile.has_banner, t_string!(i18n, seller.banner).to_string())}
        </div>
        <ActionForm action=save attr:class="article-form">
            <LangField />
            <div class="side-by-side">
                <ProfileFields code="en" label="English" side=profile.en.clone() />
                <ProfileFields code="zh" label="中文" side=profile.zh.clone() />
            </div>
            <ActionError value=save.value() />
            <button type="submit" class="primary">{t!(i18n, seller.save)}</button>
        </ActionForm>
    }
}

#[component]
fn ProfileFields(code: &'static str, label: &'static str, side: ProfileSide) -> impl IntoView {
    let i18n = use_i18n();
    let id = move |field: &str| format!("{code}-{field}");
    let name = move |field: &str| format!("{code}[{field}]");
    view! {
        <fieldset lang=code>
            <legend>{label}</legend>
            <div class="field">
                <label for=id("name")>{t!(i18n, seller.shop_name)} " (" {label} ")"</label>
                <input id=id("name") name=name("name") value=side.name required maxlength="120" />
            </div>
            <div class="field">
                <label for=id("tagline")>{t!(i18n, seller.tagline)} " (" {label} ")"</label>
                <input id=id("tagline") name=name("tagline") value=side.tagline maxlength="200" />
            </div>
            <div class="field">
                <label for=id("story")>{t!(i18n, seller.story)} " (" {label} ")"</label>
                <textarea id=id("story") name=name("story") rows="6">{raw_text(side.story)}</textarea>
            </div>
            <div class="field">
                <label for=id("policies")>{t!(i18n, seller.policies)} " (" {label} ")"</label>
                <textarea id=id("policies") name=name("policies") rows="5">{raw_text(side.policies)}</textarea>
                <small>{t!(i18n, seller.policies_hint)}</small>
            </div>
        </fieldset>
    }
}
