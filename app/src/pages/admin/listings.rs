use leptos::prelude::*;

use super::{AdminPage, SearchForm, StateTabs, loaded, param};
use crate::api::admin::{DecideListing, list_listings};
use crate::components::{ActionError, LangField, use_lang};
use crate::i18n::*;
use crate::model::admin::{AdminListing, ListingState};

/// The moderation queue (waiting for review), what is on sale, and what is hidden.
#[component]
pub fn AdminListingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let state = param("state");
    let q = param("q");
    let done = param("done");
    let list = Resource::new(
        move || (lang.get(), state(), q(), done()),
        |(lang, state, q, _)| list_listings(lang, state, q),
    );
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.listings).to_string()>
            <StateTabs
                page="listings"
                param="state"
                choices=vec![
                    ("waiting", t_string!(i18n, admin.listing_waiting).to_string()),
                    ("published", t_string!(i18n, admin.listing_published).to_string()),
                    ("hidden", t_string!(i18n, admin.listing_hidden).to_string()),
                ]
            />
            {move || view! { <SearchForm value=q() keep=vec![("state", state())] /> }}
            {loaded(list, move |rows: Vec<AdminListing>| {
                if rows.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                view! {
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.product)}</th>
                                <th scope="col">{t!(i18n, admin.shop)}</th>
                                <th scope="col">{t!(i18n, admin.updated)}</th>
                                <th scope="col">{t!(i18n, admin.decision)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows.into_iter().map(|listing| view! { <ListingRow listing /> }).collect_view()}</tbody>
                    </table>
                }
                .into_any()
            })}
        </AdminPage>
    }
}

#[component]
fn ListingRow(listing: AdminListing) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let decide = ServerAction::<DecideListing>::new();
    let id = listing.id;
    let page = format!("/{}/products/{}", lang.get_untracked().code(), listing.slug);
    let title = listing.title.clone();
    let controls = match listing.state {
        ListingState::Waiting => view! {
            <ActionForm action=decide attr:class="row compact">
                <LangField />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="decision" value="approve" />
                <button type="submit" class="primary">{t!(i18n, admin.approve)}</button>
            </ActionForm>
            <ActionForm action=decide attr:class="row compact">
                <LangField />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="decision" value="reject" />
                <input name="note" required maxlength="300" aria-label=move || t_string!(i18n, admin.note_for_seller) placeholder=move || t_string!(i18n, admin.note_for_seller) />
                <button type="submit">{t!(i18n, admin.send_back)}</button>
            </ActionForm>
        }
        .into_any(),
        ListingState::Published => view! {
            <ActionForm action=decide attr:class="row compact">
                <LangField />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="decision" value="take_down" />
                <input name="note" required maxlength="300" aria-label=move || t_string!(i18n, admin.take_down_reason) placeholder=move || t_string!(i18n, admin.take_down_reason) />
                <button type="submit" class="danger">{t!(i18n, admin.take_down)}</button>
            </ActionForm>
        }
        .into_any(),
        ListingState::Hidden => view! { <span>{listing.note.clone().unwrap_or_default()}</span> }.into_any(),
    };
    view! {
        <tr data-listing=listing.slug.clone()>
            <td>
                {if listing.state == ListingState::Published {
                    view! { <a href=page>{title}</a> }.into_any()
                } else {
                    view! { <span>{title}</span> }.into_any()
                }}
                <br />
                <code>{listing.slug.clone()}</code>
            </td>
            <td>{listing.shop.clone()}</td>
            <td>{crate::model::china_time::minute(listing.updated_at)}</td>
            <td>{controls} <ActionError value=decide.value() /></td>
        </tr>
    }
}
