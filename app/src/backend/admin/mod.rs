//! The operator's console: every function here is for admins only, and every change it
//! makes is written to the audit log with who made it, from where, and what it changed.

pub mod articles;
pub mod audit;
pub mod dashboard;
pub mod listings;
pub mod orders;
pub mod rates;
pub mod reviews;
pub mod shops;
pub mod users;

use crate::backend::AppState;
use crate::backend::db::Engine;
use crate::backend::session::{self, SessionUser};
use crate::error::AppError;
use crate::model::account::Role;

pub use audit::Operator;

/// What the console's decisions work with besides the operator: the database, the data dir
/// (approved pictures move there) and the site's address (for the links in the mail they
/// send). The console and the `pavilion` command build it alike.
pub struct Desk<'a> {
    pub pool: &'a sqlx::AnyPool,
    pub engine: Engine,
    pub data_dir: &'a std::path::Path,
    pub public_url: &'a str,
}

impl<'a> Desk<'a> {
    pub fn of(state: &'a AppState) -> Desk<'a> {
        Desk {
            pool: &state.pool,
            engine: state.engine,
            data_dir: &state.data_dir,
            public_url: &state.site.public_url,
        }
    }
}

/// The signed-in admin making this request, or why not.
pub fn require_admin() -> Result<Operator, AppError> {
    let user = session::current().require_user()?;
    admin_at(&user, session::client_address())
}

/// The operator `user` acts as from `address`, when they are an admin. Pages and server
/// functions reach it through `require_admin`; plain handlers call it with their session's
/// person and the address they worked out.
pub fn admin_at(user: &SessionUser, address: String) -> Result<Operator, AppError> {
    if user.role != Role::Admin {
        return Err(AppError::Forbidden);
    }
    Ok(Operator::at(user, address))
}

/// `%text%` for a case-insensitive LIKE, with the wildcards in `text` taken literally.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(like_pattern(" Ali "), "%ali%");
        assert_eq!(like_pattern("50%_off"), "%50\\%\\_off%");
    }
}
