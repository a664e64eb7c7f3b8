//! The assistant's pipeline. So far: PII redaction (before anything a customer types is stored,
//! logged, indexed or sent to an LLM), the escalation policy, and the knowledge-base index.

pub mod analyze;
pub mod escalation;
pub mod index;
pub mod text;

pub mod redact;
