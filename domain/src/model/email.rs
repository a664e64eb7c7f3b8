//! An e-mail address, checked one way everywhere one is taken in.

use std::fmt;

/// A trimmed, lower-cased e-mail address that looks deliverable: one `@`, something before it,
/// a dotted domain after it, no spaces, at most [`Email::MAX`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// The longest address SMTP carries.
    pub const MAX: usize = 254;

    /// `text` as an address, or `None` when it is not one.
    pub fn parse(text: &str) -> Option<Email> {
        let email = text.trim().to_lowercase();
        let valid = email.chars().count() <= Self::MAX
            && !email.chars().any(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            });
        valid.then_some(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_are_trimmed_lower_cased_and_checked() {
        assert_eq!(Email::parse("  Ana@Bank.MX ").map(Email::into_string).as_deref(), Some("ana@bank.mx"));
        for bad in ["", "ana", "ana@", "@bank.mx", "ana@bank", "ana@.mx", "ana@bank.", "a b@bank.mx", "a@b@bank.mx"] {
            assert_eq!(Email::parse(bad), None, "{bad}");
        }
        assert!(Email::parse(&format!("{}@bank.mx", "a".repeat(246))).is_some());
        assert!(Email::parse(&format!("{}@bank.mx", "a".repeat(247))).is_none());
    }
}
