//! The shop's glossary beside the pavilion's: the terms the product editor suggests.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::{AddGlossaryTerm, get_glossary};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, use_lang};
use crate::i18n::*;
use crate::pages::Loaded;

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let added = move || query.with(|q| q.get("added"));
    let lang = use_lang();
    let terms = Resource::new(
        move || (added(), lang.get()),
        |(_, lang)| get_glossary(lang),
    );
    let add = ServerAction::<AddGlossaryTerm>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, seller.glossary_title).to_string()
            description=t_string!(i18n, seller.glossary_lead).to_string()
        />
        <SellerNav />
        <section class="seller-glossary">
            <h1>{t!(i18n, seller.glossary_title)}</h1>
            <p class="lead">{t!(i18n, seller.glossary_lead)}</p>
            {move || added().map(|_| view! { <p class="notice" role="status">{t!(i18n, seller.saved)}</p> })}
            <ActionForm action=add attr:class="row">
                <Feedback value=add.value()>
                    <LangField />
                    <Field label=t_string!(i18n, seller.term_en).to_string() name="en" lang="en" maxlength=80 />
                    <Field label=t_string!(i18n, seller.term_zh).to_string() name="zh" lang="zh" maxlength=80 />
                    <Field label=t_string!(i18n, seller.term_note).to_string() name="note" maxlength=200 required=false />
                    <ActionError value=add.value() />
                    <button type="submit" class="primary">{t!(i18n, seller.add_term)}</button>
                </Feedback>
            </ActionForm>
            <Loaded resource=terms fail=seller_error let:terms>
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">"English"</th>
                            <th scope="col">"中文"</th>
                            <th scope="col">{t!(i18n, seller.term_note)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {terms
                            .into_iter()
                            .map(|term| view! {
                                <tr>
                                    <td lang="en">
                                        {term.en}
                                        {(!term.shared).then(|| view! { " " <span class="badge low">{t!(i18n, seller.term_yours)}</span> })}
                                    </td>
                                    <td lang="zh">{term.zh}</td>
                                    <td>{term.note}</td>
                                </tr>
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </Loaded>
        </section>
    }
}
