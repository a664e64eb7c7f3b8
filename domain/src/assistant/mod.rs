//! The assistant's pipeline. For now: PII redaction, which runs before anything a customer types is
//! stored, logged, indexed or sent to an LLM.

pub mod redact;
