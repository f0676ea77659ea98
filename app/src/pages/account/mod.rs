//! Accounts: signing in and up, the account page, password resets and the wishlist.

mod login;
mod profile;
mod register;
mod reset;
mod wishlist;

pub use login::LoginPage;
pub use profile::{AccountPage, SignInFirst};
pub use register::RegisterPage;
pub use reset::{ForgotPasswordPage, ResetPasswordPage};
pub use wishlist::WishlistPage;
