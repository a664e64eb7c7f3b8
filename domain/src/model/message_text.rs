//! A chat message's text, checked one way whoever writes it (customer, offline form, agent).

/// Trimmed, not empty, and at most the configured number of characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageText<'a>(&'a str);

/// Why a message's text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageRefused {
    /// Nothing but spaces (a 422).
    Empty,
    /// Longer than `max` characters (a 413).
    TooLong { max: usize },
}

impl<'a> MessageText<'a> {
    /// `text`, trimmed, when it is a message of at most `max` characters.
    pub fn new(text: &'a str, max: usize) -> Result<Self, MessageRefused> {
        let text = text.trim();
        if text.is_empty() {
            Err(MessageRefused::Empty)
        } else if text.chars().count() > max {
            Err(MessageRefused::TooLong { max })
        } else {
            Ok(MessageText(text))
        }
    }

    pub fn as_str(&self) -> &'a str {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{MessageRefused, MessageText};

    #[test]
    fn a_message_is_trimmed_and_neither_empty_nor_too_long() {
        assert_eq!(MessageText::new("  hola ", 4).map(|t| t.as_str()), Ok("hola"));
        assert_eq!(MessageText::new(" \n ", 4), Err(MessageRefused::Empty));
        assert_eq!(MessageText::new("holas", 4), Err(MessageRefused::TooLong { max: 4 }));
        assert_eq!(MessageText::new("ñañá", 4).map(|t| t.as_str()), Ok("ñañá"));
    }
}
