//! Staff authentication primitives: argon2id passwords, HS256 access tokens, and the signed-in
//! user every domain service checks roles against. Signing in and out lives in `sessions`.

mod current;
mod jwt;
mod passwords;

pub use current::CurrentUser;
pub use jwt::{Claims, JwtKeys};
pub use passwords::{hash_password, verify_password};
