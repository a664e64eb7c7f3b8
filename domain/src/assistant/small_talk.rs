//! Messages that are only a greeting or only thanks: answered at once, with no retrieval.

use super::text;

#[derive(Debug, Clone, Copy)]
pub(super) enum SmallTalk {
    Greeting,
    Thanks,
}

impl SmallTalk {
    pub(super) fn intent(self) -> &'static str {
        match self {
            SmallTalk::Greeting => "greeting",
            SmallTalk::Thanks => "thanks",
        }
    }
}

/// A message that is only a greeting or only thanks.
pub(super) fn small_talk(message: &str) -> Option<SmallTalk> {
    const GREETING: &[&str] = &[
        "hola",
        "buenos",
        "buenas",
        "dias",
        "tardes",
        "noches",
        "que",
        "tal",
        "saludos",
        "hi",
        "hello",
        "hey",
        "good",
        "morning",
        "afternoon",
        "evening",
        "there",
    ];
    const THANKS: &[&str] = &[
        "gracias",
        "muchas",
        "mil",
        "perfecto",
        "excelente",
        "ok",
        "vale",
        "listo",
        "thanks",
        "thank",
        "you",
        "great",
        "perfect",
        "awesome",
        "cool",
        "so",
        "much",
        "a",
        "lot",
    ];
    let words = text::words(message);
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    if words.iter().all(|w| GREETING.contains(&w.as_str())) {
        Some(SmallTalk::Greeting)
    } else if words.iter().all(|w| THANKS.contains(&w.as_str())) {
        Some(SmallTalk::Thanks)
    } else {
        None
    }
}
