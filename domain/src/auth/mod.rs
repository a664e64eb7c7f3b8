//! Staff authentication: argon2id passwords, HS256 access tokens, rotating refresh tokens, and
//! the signed-in user every domain service checks roles against.

mod jwt;
pub mod lockout;
mod passwords;
mod service;

pub use jwt::{Claims, JwtKeys};
pub use passwords::{hash_password, verify_password};
pub use service::{CurrentUser, Session, authenticate, login, logout, refresh, session_alive, session_of, still_valid};
