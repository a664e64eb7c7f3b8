//! Turns text into index terms: folded words minus stop words, stemmed in the text's language
//! ([`super::stem`]), plus the concepts of the bilingual thesaurus ([`super::thesaurus`]) so that
//! "lana" meets "saldo", "freeze" meets "bloquear" and "send money abroad" meets "transferencia
//! internacional".

use super::language::Lang;
use super::stem::stem;
use super::text::words;
use super::thesaurus::{self, Concept};

/// Words too common to help ranking, in both languages, and chat filler.
#[rustfmt::skip]
const STOP: &[&str] = &[
    // Spanish
    "a", "al", "algo", "algun", "alguna", "algunas", "alguno", "algunos", "ante", "asi", "aun", "aunque", "bien",
    "cada", "casi", "como", "con", "cual", "cuales", "cuando", "cuanto", "cuanta", "cuantos", "cuantas", "de", "del",
    "desde", "donde", "e", "el", "ella", "ellas", "ello", "ellos", "en", "entre", "era", "eran", "eres", "es", "esa",
    "esas", "ese", "eso", "esos", "esta", "estaba", "estan", "estar", "este", "esto", "estos", "estoy", "fue", "fui",
    "fueron", "ha", "habia", "han", "hasta", "hay", "he", "la", "las", "le", "les", "lo", "los", "mas", "me", "mi",
    "mis", "mucho", "muy", "nada", "ni", "no", "nos", "o", "os", "otra", "otro", "para", "pero", "poco", "por",
    "porque", "pues", "que", "quien", "quienes", "se", "sea", "ser", "si", "sido", "siempre", "sin", "sobre", "solo",
    "son", "soy", "su", "sus", "tambien", "tan", "tanto", "te", "tener", "tengo", "ti", "tiene", "tienen", "todo",
    "todos", "tu", "tus", "un", "una", "uno", "unos", "unas", "usted", "ustedes", "va", "vamos", "voy", "y", "ya",
    "yo", "favor", "gracias", "buenas", "buenos", "dias", "tardes", "noches", "oye", "oiga", "mire", "bueno", "ok",
    "okay", "vale", "hola", "quiero", "quisiera", "necesito", "puedo", "podria", "pueden", "puede", "hacer", "hago",
    "hice", "saber", "ayuda", "ayudar", "ayudame", "explicar", "explico", "pregunta", "duda", "dudas", "gustaria",
    "tal", "vez", "ahi", "alla", "aqui", "aca", "entonces", "osea", "etc", "jaja", "jajaja", "xd", "porfa",
    "porfavor", "plis", "cosa", "cosas", "hacen", "haria", "debo", "tendria", "tengo", "mio", "mia", "alguien",
    "hacerlo", "sabes", "sabe", "dime", "digame", "decir", "dicen", "dice", "pasa", "paso", "queria", "ocupo",
    // English
    "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by", "can",
    "could", "did", "do", "does", "doing", "don't", "dont", "for", "from", "get", "got", "had", "has", "have",
    "having", "he", "her", "here", "him", "his", "how", "i", "i'm", "im", "i've", "ive", "if", "in", "into", "is",
    "it", "it's", "its", "just", "me", "might", "my", "myself", "need", "not", "now", "of", "on", "or", "our",
    "please", "pls", "plz", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "too", "u", "us", "very", "was", "we", "were", "what",
    "what's", "whats", "when", "where", "which", "while", "who", "why", "will", "with", "would", "you", "your",
    "hi", "hello", "hey", "thanks", "thank", "guys", "lol", "hmm", "um", "know", "want", "tell", "like", "really",
    "actually", "something", "anything", "thing", "things", "question", "help", "wondering", "wonder", "possible",
    "able", "there's", "theres", "i'd", "id", "i'll", "let", "way", "one", "yes", "yeah", "okay", "sure", "much",
    "many", "said", "say", "says", "go", "going", "gonna", "wanna", "gotta", "didn't", "didnt", "isn't", "can't",
    "cant", "won't", "anyone", "someone", "somebody", "else", "again", "still", "ever", "bit", "any",
    // Verbs of looking that say nothing of the topic: "why can't I see my PIN", "I cannot locate it".
    "cannot", "see", "seem", "seems", "look", "looking", "find", "locate",
];

static STOP_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| STOP.iter().copied().collect());

/// The stop words (for the spelling corrector: they are real words).
pub fn stop_words() -> impl Iterator<Item = &'static str> {
    STOP.iter().copied()
}

/// Whether `word` (folded) is a stop word.
pub fn is_stop(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// Word pairs that mean something else together: "business days" are not about businesses.
const COMPOUNDS: &[(&str, &str, &str)] = &[
    ("business", "day", "businessday"),
    ("business", "days", "businessday"),
    ("dias", "habiles", "diashabiles"),
    ("dia", "habil", "diashabiles"),
];

/// Folded words, with [`COMPOUNDS`] joined.
fn joined_words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(text) {
        if let Some(last) = out.last_mut()
            && let Some((_, _, joined)) = COMPOUNDS.iter().find(|(a, b, _)| last == a && word == *b)
        {
            *last = (*joined).to_owned();
            continue;
        }
        out.push(word);
    }
    out
}

/// One analysed word.
#[derive(Debug, Clone)]
pub struct Token {
    /// Folded.
    pub word: String,
    /// In the text's language.
    pub stem: String,
    pub concepts: Vec<Concept>,
    pub stop: bool,
}

/// The words of `text` in `lang`, with stems and concepts, and the concepts that came from a
/// phrase of several words.
pub fn tokens(text: &str, lang: Lang) -> (Vec<Token>, Vec<Concept>) {
    let words = joined_words(text);
    let stems: Vec<String> = words.iter().map(|w| stem(w, lang)).collect();
    let (concepts, from_phrases) = thesaurus::get().tag(&words, &stems, lang);
    let tokens = words
        .into_iter()
        .zip(stems)
        .zip(concepts)
        .map(|((word, stem), concepts)| Token { stop: is_stop(&word), word, stem, concepts })
        .collect();
    (tokens, from_phrases)
}

/// Index terms of an article's text in `lang`, with repeats (term frequency matters): the stems
/// of its content words, and each concept it mentions (at most three times).
pub fn terms(text: &str, lang: Lang) -> Vec<String> {
    let thesaurus = thesaurus::get();
    let (tokens, _) = tokens(text, lang);
    let mut out: Vec<String> = tokens.iter().filter(|t| !t.stop).map(|t| t.stem.clone()).collect();
    let mut seen: Vec<(Concept, u8)> = Vec::new();
    let mut previous: &[Concept] = &[];
    for token in &tokens {
        for &c in &token.concepts {
            // A phrase's concept is on each of its words: count it once.
            if previous.contains(&c) {
                continue;
            }
            match seen.iter_mut().find(|(s, _)| *s == c) {
                Some((_, n)) if *n >= 3 => continue,
                Some((_, n)) => *n += 1,
                None => seen.push((c, 1)),
            }
            out.push(thesaurus.term(c));
        }
        previous = &token.concepts;
    }
    out
}

/// A content word of a query: what may stand for it in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The stem in the query's language first, then in the other language if different.
    pub stems: Vec<String>,
    /// Concept terms (`@name`) of the word.
    pub concepts: Vec<String>,
    /// Only digits: says little about the topic.
    pub numeric: bool,
}

/// A query, analysed.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub groups: Vec<Group>,
    /// Every concept of the query, once, and whether it came from a phrase of several words.
    pub concepts: Vec<(String, bool)>,
}

/// The content words of `text`, asked in `lang`.
pub fn query(text: &str, lang: Lang) -> Query {
    let thesaurus = thesaurus::get();
    let other = match lang {
        Lang::Es => Lang::En,
        Lang::En => Lang::Es,
    };
    let mut q = Query::default();
    let (tokens, from_phrases) = tokens(text, lang);
    for token in tokens {
        let concepts: Vec<String> = token.concepts.iter().map(|&c| thesaurus.term(c)).collect();
        for (c, id) in concepts.iter().zip(&token.concepts) {
            if !q.concepts.iter().any(|(known, _)| known == c) {
                q.concepts.push((c.clone(), from_phrases.contains(id)));
            }
        }
        if token.stop || q.groups.iter().any(|g| g.stems[0] == token.stem) {
            continue;
        }
        let mut stems = vec![token.stem.clone()];
        let alt = stem(&token.word, other);
        if alt != token.stem {
            stems.push(alt);
        }
        let numeric = token.word.chars().all(|c| c.is_ascii_digit());
        q.groups.push(Group { stems, concepts, numeric });
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_stop_words_and_add_concepts() {
        let t = terms("Bloquear tu tarjeta robada", Lang::Es);
        assert!(t.contains(&stem("tarjeta", Lang::Es)));
        assert!(t.contains(&"@block".to_owned()) && t.contains(&"@card".to_owned()));
        assert!(!t.iter().any(|x| x == "tu"));
        let q = query("How do I send money abroad?", Lang::En);
        let has = |c: &str| q.concepts.iter().any(|(k, _)| k == c);
        assert!(has("@transfer") && has("@abroad"));
        assert!(!q.groups.iter().any(|g| g.stems[0] == "how"));
    }

    #[test]
    fn query_groups_carry_stems_in_both_languages() {
        let q = query("tarjetas bloqueadas", Lang::Es);
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].stems[0], stem("tarjeta", Lang::Es));
        assert_eq!(query("saldo saldo", Lang::Es).groups.len(), 1);
    }
}
