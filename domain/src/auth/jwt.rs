//! Access tokens: HS256 only (pinned), with `exp`, `iat`, `iss`, `aud`, and the user's token
//! version so that deactivation or a password change retires every token issued before it.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::error::{DomainError, DomainResult};
use crate::model::Role;

/// What an access token says.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// User id.
    pub sub: String,
    pub role: Role,
    /// The user's token version when issued.
    pub ver: i32,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

/// Signing and checking keys, built once from configuration. Cheap to clone: the state every
/// request is handed carries them (they were copied, with the checks' lists, on every request).
#[derive(Clone)]
pub struct JwtKeys(std::sync::Arc<Keys>);

struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl_secs: i64,
}

impl JwtKeys {
    pub fn new(config: &Config) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[config.jwt_issuer.as_str()]);
        validation.set_audience(&[config.jwt_audience.as_str()]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        JwtKeys(std::sync::Arc::new(Keys {
            encoding: EncodingKey::from_secret(config.jwt_secret.as_bytes()),
            decoding: DecodingKey::from_secret(config.jwt_secret.as_bytes()),
            validation,
            issuer: config.jwt_issuer.clone(),
            audience: config.jwt_audience.clone(),
            ttl_secs: config.access_token_ttl_secs,
        }))
    }

    /// Seconds an access token lives.
    pub fn ttl_secs(&self) -> i64 {
        self.0.ttl_secs
    }

    /// Issues an access token for a user.
    pub fn issue(&self, user_id: i32, role: Role, version: i32) -> DomainResult<String> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            role,
            ver: version,
            iat: now,
            exp: now + self.0.ttl_secs,
            iss: self.0.issuer.clone(),
            aud: self.0.audience.clone(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.0.encoding)
            .map_err(|e| DomainError::Internal(format!("cannot sign token: {e}")))
    }

    /// Checks signature, algorithm, expiry, issuer and audience.
    pub fn verify(&self, token: &str) -> DomainResult<Claims> {
        decode::<Claims>(token, &self.0.decoding, &self.0.validation)
            .map(|data| data.claims)
            .map_err(|_| DomainError::Unauthorized("Could not validate credentials".into()))
    }
}
