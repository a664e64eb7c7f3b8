//! Identity verification: a bank's page passes a token its server signed with the inbox secret
//! (HS256, `sub` = the bank's customer id, `aud` = the inbox key, `iat` and `exp` required, at most
//! ten minutes apart). Anything else — another algorithm, a wrong signature, another inbox's
//! token, a long-lived or future-dated one, no subject — is refused, so a leaked token is short
//! use and only where it was meant.

use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use serde::Deserialize;

/// The longest an identity token may live, from `iat` to `exp`.
pub const MAX_LIFETIME_SECS: i64 = 10 * 60;
const LEEWAY_SECS: u64 = 5;

#[derive(Deserialize)]
struct IdentityClaims {
    sub: String,
    iat: i64,
    exp: i64,
}

/// The verified customer id, or `None` when the token does not hold for the inbox `inbox_key`.
pub fn verify_identity(secret: &str, inbox_key: &str, token: &str) -> Option<String> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.algorithms = vec![Algorithm::HS256];
    validation.set_required_spec_claims(&["exp", "sub", "aud", "iat"]);
    validation.set_audience(&[inbox_key]);
    validation.leeway = LEEWAY_SECS;
    let claims =
        decode::<IdentityClaims>(token.trim(), &DecodingKey::from_secret(secret.as_bytes()), &validation).ok()?.claims;
    let now = chrono::Utc::now().timestamp();
    let fresh = claims.iat <= now + LEEWAY_SECS as i64 && claims.exp - claims.iat <= MAX_LIFETIME_SECS;
    let sub = claims.sub.trim().to_owned();
    (fresh && !sub.is_empty() && sub.chars().count() <= 128).then_some(sub)
}

#[cfg(test)]
mod tests {
    use jsonwebtoken::{EncodingKey, Header, encode};

    use super::*;

    fn token(secret: &str, alg: Algorithm, claims: serde_json::Value) -> String {
        encode(&Header::new(alg), &claims, &EncodingKey::from_secret(secret.as_bytes())).unwrap()
    }

    #[test]
    fn only_a_short_lived_token_for_this_inbox_names_the_customer() {
        let now = chrono::Utc::now().timestamp();
        let claims = |extra: serde_json::Value| {
            let mut c = serde_json::json!({ "sub": "cust-42", "aud": "ibx_a", "iat": now, "exp": now + 300 });
            c.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            c
        };
        let good = token("s3cret", Algorithm::HS256, claims(serde_json::json!({})));
        assert_eq!(verify_identity("s3cret", "ibx_a", &good).as_deref(), Some("cust-42"));
        assert_eq!(verify_identity("other", "ibx_a", &good), None, "wrong secret");
        assert_eq!(verify_identity("s3cret", "ibx_b", &good), None, "another inbox's token");
        for (bad, why) in [
            (serde_json::json!({ "exp": now - 3600, "iat": now - 3900 }), "expired"),
            (serde_json::json!({ "exp": now + 3600 }), "lives longer than ten minutes"),
            (serde_json::json!({ "iat": now + 120, "exp": now + 400 }), "issued in the future"),
            (serde_json::json!({ "aud": "ibx_b" }), "for another inbox"),
        ] {
            let t = token("s3cret", Algorithm::HS256, claims(bad));
            assert_eq!(verify_identity("s3cret", "ibx_a", &t), None, "{why}");
        }
        for missing in ["exp", "iat", "aud", "sub"] {
            let mut c = claims(serde_json::json!({}));
            c.as_object_mut().unwrap().remove(missing);
            let t = token("s3cret", Algorithm::HS256, c);
            assert_eq!(verify_identity("s3cret", "ibx_a", &t), None, "{missing} is required");
        }
        let hs512 = token("s3cret", Algorithm::HS512, claims(serde_json::json!({})));
        assert_eq!(verify_identity("s3cret", "ibx_a", &hs512), None, "HS256 only");
        assert_eq!(verify_identity("s3cret", "ibx_a", "not.a.token"), None);
    }
}
