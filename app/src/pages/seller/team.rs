//! The shop's team: the owner invites people with a role and removes them; an invited
//! person joins from the emailed link.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{SellerNav, seller_error};
use crate::api::seller::{AcceptInvitation, InviteStaff, RemoveStaff, list_team};
use crate::components::{ActionError, Feedback, Field, LangField, PageMeta, SelectField};
use crate::i18n::*;
use crate::model::seller::{ShopRole, StaffMember};
use crate::pages::Loaded;

fn role_name(i18n: leptos_i18n::I18nContext<Locale>, role: ShopRole) -> String {
    match role {
        ShopRole::Owner => t_string!(i18n, seller.role_owner),
        ShopRole::Manager => t_string!(i18n, seller.role_manager),
        ShopRole::Fulfilment => t_string!(i18n, seller.role_fulfilment),
    }
    .to_string()
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let changed = move || query.with(|q| q.get("invited").or_else(|| q.get("removed")));
    let team = Resource::new(changed, |_| list_team());
    let invite = ServerAction::<InviteStaff>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, seller.team).to_string()
            description=t_string!(i18n, seller.team_lead).to_string()
        />
        <SellerNav />
        <section class="seller-team">
            <h1>{t!(i18n, seller.team)}</h1>
            <p class="lead">{t!(i18n, seller.team_lead)}</p>
            {move || changed().map(|_| view! { <p class="notice" role="status">{t!(i18n, seller.team_updated)}</p> })}
            <Loaded resource=team fail=seller_error let:team>
                <table class="data">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, seller.member)}</th>
                            <th scope="col">{t!(i18n, seller.role)}</th>
                            <th scope="col"><span class="visually-hidden">{t!(i18n, seller.remove)}</span></th>
                        </tr>
                    </thead>
                    <tbody>{team.into_iter().map(|member| view! { <MemberRow member /> }).collect_view()}</tbody>
                </table>
            </Loaded>
            <h2>{t!(i18n, seller.invite)}</h2>
            <ActionForm action=invite attr:class="row">
                <Feedback value=invite.value()>
                    <LangField />
                    <Field
                        label=t_string!(i18n, seller.invite_email).to_string()
                        name="email"
                        kind="email"
                        autocomplete="off"
                    />
                    <SelectField
                        label=t_string!(i18n, seller.role).to_string()
                        name="role"
                        options=vec![
                            ("manager".to_owned(), role_name(i18n, ShopRole::Manager).to_string()),
                            ("fulfilment".to_owned(), role_name(i18n, ShopRole::Fulfilment).to_string()),
                        ]
                    />
                    <ActionError value=invite.value() />
                    <button type="submit" class="primary">{t!(i18n, seller.send_invitation)}</button>
                </Feedback>
            </ActionForm>
            <p class="hint">{t!(i18n, seller.roles_hint)}</p>
        </section>
    }
}

#[component]
fn MemberRow(member: StaffMember) -> impl IntoView {
    let i18n = use_i18n();
    let remove = ServerAction::<RemoveStaff>::new();
    let removable = member.role != ShopRole::Owner && !member.pending;
    view! {
        <tr>
            <td>
                {member.name.clone()} " " <small>{member.email.clone()}</small>
                {member.pending.then(|| view! { " " <span class="badge low">{t!(i18n, seller.invited)}</span> })}
            </td>
            <td>{role_name(i18n, member.role)}</td>
            <td>
                {member.user_id.filter(|_| removable).map(|id| view! {
                    <ActionForm action=remove>
                        <LangField />
                        <input type="hidden" name="user_id" value=id />
                        <button type="submit">{t!(i18n, seller.remove)}</button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

/// `/{lang}/seller/join?token=…`: the invited person confirms and joins.
#[component]
pub fn JoinPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let token = query.read_untracked().get("token").unwrap_or_default();
    let accept = ServerAction::<AcceptInvitation>::new();
    view! {
        <PageMeta
            title=t_string!(i18n, seller.join_title).to_string()
            description=t_string!(i18n, seller.join_lead).to_string()
        />
        <section class="notice-page">
            <h1>{t!(i18n, seller.join_title)}</h1>
            <p>{t!(i18n, seller.join_lead)}</p>
            <ActionForm action=accept>
                <LangField />
                <input type="hidden" name="token" value=token />
                <button type="submit" class="primary">{t!(i18n, seller.join)}</button>
            </ActionForm>
            <ActionError value=accept.value() />
        </section>
    }
}
