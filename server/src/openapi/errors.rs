//! The error responses most operations share, each a `{"detail": …}` body, named once so a
//! handler's `#[utoipa::path]` lists them by name (`responses((status = 200, …), Unauthorized, Forbidden)`).

use std::collections::BTreeMap;

use utoipa::IntoResponses;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};

/// One error status with its description and the `ErrorBody` schema.
fn error(status: u16, description: &str) -> BTreeMap<String, RefOr<Response>> {
    let body = ContentBuilder::new().schema(Some(Ref::from_schema_name("ErrorBody"))).build();
    let response = ResponseBuilder::new().description(description).content("application/json", body).build();
    BTreeMap::from([(status.to_string(), RefOr::T(response))])
}

macro_rules! errors {
    ($($(#[$doc:meta])* $name:ident = $status:literal, $description:literal;)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    error($status, $description)
                }
            }
        )*
    };
}

errors! {
    /// 401: a staff call without a valid access token.
    Unauthorized = 401, "No valid staff token";
    /// 403: the caller's role may not do this.
    Forbidden = 403, "The role may not do this";
    /// 403: an ADMIN-only operation.
    AdminOnly = 403, "ADMIN only";
    /// 404: no such resource.
    NotFound = 404, "Not found";
    /// 404: no such conversation.
    UnknownConversation = 404, "Unknown conversation";
    /// 422: the input failed validation.
    Invalid = 422, "Invalid input";
    /// 429: a rate limit was hit.
    Limited = 429, "Too many requests; see Retry-After";
}

/// What any staff call can meet: 401 (no valid token), 403 (the role may not), 422 (invalid input).
pub struct StaffErrors;

impl IntoResponses for StaffErrors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        let mut all = Unauthorized::responses();
        all.extend(Forbidden::responses());
        all.extend(Invalid::responses());
        all
    }
}
