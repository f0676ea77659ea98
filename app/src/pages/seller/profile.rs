//! The shop's profile as shoppers see it: name, tagline, story and policies in both
//! languages side by side, the logo and the banner.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::{SaveShopProfile, get_shop_profile};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, TextArea, use_lang};
use crate::i18n::*;
use crate::model::seller::{ProfileSide, ShopProfile};
use crate::pages::Loaded;

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
            <Loaded resource=profile fail=seller_error let:profile>
                <ProfileForm profile />
            </Loaded>
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
            <Feedback value=save.value()>
                <LangField />
                <div class="side-by-side">
                    <ProfileFields code="en" label="English" side=profile.en.clone() />
                    <ProfileFields code="zh" label="中文" side=profile.zh.clone() />
                </div>
                <ActionError value=save.value() />
                <button type="submit" class="primary">{t!(i18n, seller.save)}</button>
            </Feedback>
        </ActionForm>
    }
}

#[component]
fn ProfileFields(code: &'static str, label: &'static str, side: ProfileSide) -> impl IntoView {
    let i18n = use_i18n();
    let name = move |field: &str| format!("{code}[{field}]");
    let text = move |words: String| format!("{words} ({label})");
    view! {
        <fieldset lang=code>
            <legend>{label}</legend>
            <Field
                label=text(t_string!(i18n, seller.shop_name).to_string())
                name=name("name")
                value=side.name
                maxlength=120
            />
            <Field
                label=text(t_string!(i18n, seller.tagline).to_string())
                name=name("tagline")
                value=side.tagline
                maxlength=200
                required=false
            />
            <TextArea
                label=text(t_string!(i18n, seller.story).to_string())
                name=name("story")
                value=side.story
                rows=6
                required=false
            />
            <TextArea
                label=text(t_string!(i18n, seller.policies).to_string())
                name=name("policies")
                value=side.policies
                rows=5
                required=false
                hint=t_string!(i18n, seller.policies_hint).to_string()
            />
        </fieldset>
    }
}
