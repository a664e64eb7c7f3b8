//! The assistant's pipeline. So far: PII redaction (before anything a customer types is stored,
//! logged, indexed or sent to an LLM) and the escalation policy.

pub mod escalation;
pub mod text;

pub mod redact;
