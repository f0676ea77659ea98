use leptos::prelude::*;

use super::{AdminPage, SearchForm, loaded, param};
use crate::api::admin::{ChangeUser, search_users};
use crate::components::{ActionError, LangField};
use crate::i18n::*;
use crate::model::account::Role;
use crate::model::admin::AdminUser;
use leptos_i18n::I18nContext;

/// People: search by email or name; change a role, lock, or ask for a new password.
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let q = param("q");
    let done = param("done");
    let list = Resource::new(move || (q(), done()), |(q, _)| search_users(q));
    view! {
        <AdminPage title=|i18n| t_string!(i18n, admin.users).to_string()>
            {move || view! { <SearchForm value=q() /> }}
            {loaded(list, move |users: Vec<AdminUser>| {
                if users.is_empty() {
                    return view! { <p>{t!(i18n, admin.nothing_here)}</p> }.into_any();
                }
                view! {
                    <table class="data">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.person)}</th>
                                <th scope="col">{t!(i18n, admin.role)}</th>
                                <th scope="col">{t!(i18n, admin.account_state)}</th>
                                <th scope="col">{t!(i18n, admin.decision)}</th>
                            </tr>
                        </thead>
                        <tbody>{users.into_iter().map(|user| view! { <UserRow user /> }).collect_view()}</tbody>
                    </table>
                }
                .into_any()
            })}
        </AdminPage>
    }
}

pub(super) fn role_name(i18n: I18nContext<Locale>, role: Role) -> String {
    match role {
        Role::Customer => t_string!(i18n, admin.role_customer),
        Role::Seller => t_string!(i18n, admin.role_seller),
        Role::Editor => t_string!(i18n, admin.role_editor),
        Role::Admin => t_string!(i18n, admin.role_admin),
    }
    .to_string()
}

#[component]
fn UserRow(user: AdminUser) -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangeUser>::new();
    let id = user.id;
    let roles = [Role::Customer, Role::Seller, Role::Editor, Role::Admin]
        .into_iter()
        .map(|role| view! { <option value=role.code() selected=role == user.role>{role_name(i18n, role)}</option> })
        .collect_view();
    let simple = move |what: &'static str, label: String| {
        view! {
            <ActionForm action=change attr:class="inline">
                <LangField />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="change" value=what />
                <button type="submit">{label}</button>
            </ActionForm>
        }
    };
    view! {
        <tr data-user=user.email.clone()>
            <td>{user.display_name.clone()} <br /> <small>{user.email.clone()}</small></td>
            <td>{role_name(i18n, user.role)}</td>
            <td>
                {if user.locked { t_string!(i18n, admin.locked) } else { t_string!(i18n, admin.active) }}
                {user.must_reset.then(|| view! { " · " {t!(i18n, admin.must_reset)} })}
            </td>
            <td>
                <ActionForm action=change attr:class="row compact">
                    <LangField />
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="change" value="role" />
                    <select name="role" aria-label=move || t_string!(i18n, admin.role)>{roles}</select>
                    <button type="submit">{t!(i18n, admin.change_role)}</button>
                </ActionForm>
                {if user.locked {
                    simple("unlock", t_string!(i18n, admin.unlock).to_string())
                } else {
                    simple("lock", t_string!(i18n, admin.lock).to_string())
                }}
                {simple("reset_password", t_string!(i18n, admin.force_reset).to_string())}
                <ActionError value=change.value() />
            </td>
        </tr>
    }
}
