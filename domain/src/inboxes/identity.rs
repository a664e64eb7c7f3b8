//! Identity verification: a bank's page passes a token its server signed with the inbox secret
//! (HS256, `sub` = the bank's customer id, `exp` required). Anything else — another algorithm, a
//! wrong signature, no or a past expiry, no subject — is refused.

use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use serde::Deserialize;

#[derive(Deserialize)]
struct IdentityClaims {
    sub: String,
}

/// The verified customer id, or `None` when the token does not hold.
pub fn verify_identity(secret: &str, token: &str) -> Option<String> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.algorithms = vec![Algorithm::HS256];
    validation.set_required_spec_claims(&["exp", "sub"]);
    validation.validate_aud = false;
    validation.leeway = 5;
    let claims =
        decode::<IdentityClaims>(token.trim(), &DecodingKey::from_secret(secret.as_bytes()), &validation).ok()?;
    let sub = claims.claims.sub.trim().to_owned();
    (!sub.is_empty() && sub.chars().count() <= 128).then_some(sub)
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{EncodingKey, Header, encode};

    use super::*;

    fn token(secret: &str, alg: Algorithm, claims: serde_json::Value) -> String {
        encode(&Header::new(alg), &claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
    }

    #[test]
    fn only_a_current_token_signed_with_the_secret_names_the_customer() {
        let exp = chrono::Utc::now().timestamp() + 300;
        let good = token("s3cret", Algorithm::HS256, serde_json::json!({ "sub": "cust-42", "exp": exp }));
        assert_eq!(verify_identity("s3cret", &good).as_deref(), Some("cust-42"));
        assert_eq!(verify_identity("other", &good), None, "wrong secret");
        let expired = token("s3cret", Algorithm::HS256, serde_json::json!({ "sub": "cust-42", "exp": exp - 3600 }));
        assert_eq!(verify_identity("s3cret", &expired), None, "expired");
        let no_exp = token("s3cret", Algorithm::HS256, serde_json::json!({ "sub": "cust-42" }));
        assert_eq!(verify_identity("s3cret", &no_exp), None, "exp is required");
        let hs512 = token("s3cret", Algorithm::HS512, serde_json::json!({ "sub": "cust-42", "exp": exp }));
        assert_eq!(verify_identity("s3cret", &hs512), None, "HS256 only");
        assert_eq!(verify_identity("s3cret", "not.a.token"), None);
    }
}
