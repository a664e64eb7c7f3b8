//! Which language a customer writes in: Spanish or English, from telling words and characters.
//! Short or mixed messages fall back to the conversation's (or the bank's) language.

use super::text::words;

/// A language the assistant answers in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    /// `es` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// Parses `es`/`en` (also `es-MX`, `en_US`, any case).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        match code.get(..2) {
            Some("es") => Some(Lang::Es),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }
}

const SPANISH: &[&str] = &[
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "que",
    "y",
    "en",
    "un",
    "una",
    "mi",
    "mis",
    "es",
    "por",
    "para",
    "con",
    "no",
    "como",
    "cuanto",
    "cuando",
    "donde",
    "puedo",
    "quiero",
    "necesito",
    "tengo",
    "hola",
    "gracias",
    "buenos",
    "buenas",
    "dias",
    "tardes",
    "noches",
    "cuenta",
    "tarjeta",
    "saldo",
    "se",
    "me",
    "lo",
    "le",
    "hacer",
    "esta",
    "estoy",
    "ayuda",
    "favor",
    "cual",
    "hay",
    "sucursal",
    "transferencia",
    "prestamo",
    "olvide",
    "contrasena",
    "robaron",
    "pero",
    "ya",
    "mas",
    "muy",
    "porque",
    "su",
    "sus",
    "al",
    "nos",
    "tiene",
    "tienen",
    "usted",
    "ustedes",
    "sin",
    "ahora",
    "algo",
    "quien",
    "puede",
    "pueden",
    "plata",
    "dinero",
    "cuotas",
];

const ENGLISH: &[&str] = &[
    "the", "a", "an", "of", "and", "to", "in", "is", "my", "i", "you", "how", "what", "when", "where", "can", "do",
    "does", "want", "need", "have", "hello", "hi", "thanks", "thank", "please", "account", "card", "balance", "it",
    "with", "for", "on", "was", "forgot", "password", "transfer", "loan", "branch", "help", "stolen", "lost", "money",
    "get", "much", "there", "are", "open", "this", "that", "your", "we", "they", "our", "be", "will", "would",
    "should", "could", "from", "at", "by", "why", "which", "who", "dont", "don't", "im", "i'm", "whats", "what's",
    "if", "or", "not", "just", "some", "any", "got", "been", "has", "had", "about", "out", "up", "someone", "wants",
    "pay", "did", "didn't", "didnt", "can't", "cant", "it's", "its", "all", "new",
];

/// The language of `text`, or `fallback` when it does not say.
pub fn detect(text: &str, fallback: Lang) -> Lang {
    let mut es = 0i32;
    let mut en = 0i32;
    // Characters only Spanish uses here.
    if text
        .chars()
        .any(|c| matches!(c, '¿' | '¡' | 'ñ' | 'Ñ' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú'))
    {
        es += 2;
    }
    for word in words(text) {
        if SPANISH.contains(&word.as_str()) {
            es += 1;
        }
        if ENGLISH.contains(&word.as_str()) {
            en += 1;
        }
    }
    match es.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Es,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => fallback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_both_languages() {
        for (text, lang) in [
            ("¿Cuál es mi saldo?", Lang::Es),
            ("quiero bloquear mi tarjeta", Lang::Es),
            ("Olvidé mi contraseña", Lang::Es),
            ("What is my balance?", Lang::En),
            ("I lost my card", Lang::En),
            ("how do I open an account", Lang::En),
        ] {
            assert_eq!(detect(text, Lang::Es), lang, "{text}");
            assert_eq!(detect(text, Lang::En), lang, "{text}");
        }
    }

    #[test]
    fn falls_back_when_unclear() {
        assert_eq!(detect("SPEI", Lang::En), Lang::En);
        assert_eq!(detect("ok", Lang::Es), Lang::Es);
    }

    #[test]
    fn parses_codes() {
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
