//! The signed-in staff member every domain service checks roles against.

use crate::error::{DomainError, DomainResult};
use crate::model::Role;

/// The authenticated staff member behind a request.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: i32,
    pub username: String,
    pub full_name: String,
    pub role: Role,
}

impl CurrentUser {
    /// Fails with 403 unless the user has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> DomainResult<()> {
        if roles.contains(&self.role) { Ok(()) } else { Err(DomainError::Forbidden("Insufficient permissions".into())) }
    }
}
