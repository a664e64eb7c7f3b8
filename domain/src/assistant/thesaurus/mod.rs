//! The bilingual banking thesaurus: concepts ("block a card", "withdraw", "fee", "abroad", …), each
//! with the words and phrases customers and banks use for it in Spanish and English, colloquial
//! ones included ("lana", "plata", "swallowed my card", "pausar"). Articles and questions both get
//! the concepts of their words as extra index terms (`@block`), so a question meets an article
//! that says the same thing in other words or in the other language. Concepts also tell domain
//! words from filler: a question about a concept no article has ("insurance" at a bank without
//! insurance articles) is one the knowledge base cannot answer.
//!
//! Written by field from general banking knowledge, not from eval questions.

mod cards;
mod loans;
mod money;
mod service;

use std::collections::HashMap;
use std::sync::LazyLock;

use super::language::Lang;
use super::stem::stem;

/// A concept's number.
pub type Concept = u16;

/// The compiled thesaurus.
pub struct Thesaurus {
    names: Vec<&'static str>,
    /// Folded words to concepts.
    words: HashMap<String, Vec<Concept>>,
    /// Stems (four letters or more) to concepts, one map per language, so that an English
    /// "turn" never meets the stem of a Spanish "turno".
    stems: [HashMap<String, Vec<Concept>>; 2],
    /// Multi-word phrases by their first folded word; `*` stands for up to three words
    /// ("turn * off" is "turn my card off", and "turn off").
    phrases: HashMap<&'static str, Vec<(Vec<&'static str>, Concept)>>,
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Es => 0,
        Lang::En => 1,
    }
}

fn push(map: &mut HashMap<String, Vec<Concept>>, key: String, id: Concept) {
    let list = map.entry(key).or_default();
    if !list.contains(&id) {
        list.push(id);
    }
}

static THESAURUS: LazyLock<Thesaurus> = LazyLock::new(|| {
    let mut t =
        Thesaurus { names: Vec::new(), words: HashMap::new(), stems: Default::default(), phrases: HashMap::new() };
    let all = cards::CONCEPTS.iter().chain(money::CONCEPTS).chain(service::CONCEPTS).chain(loans::CONCEPTS);
    for (name, members) in all {
        let id = t.names.len() as Concept;
        t.names.push(name);
        for member in *members {
            let words: Vec<&'static str> = member.split(' ').collect();
            if words.len() > 1 {
                t.phrases.entry(words[0]).or_default().push((words, id));
                continue;
            }
            push(&mut t.words, (*member).to_owned(), id);
            for lang in [Lang::Es, Lang::En] {
                let s = stem(member, lang);
                if s.chars().count() >= 4 {
                    push(&mut t.stems[slot(lang)], s, id);
                }
            }
        }
    }
    t
});

/// Concepts that qualify a question rather than name its subject ("on Saturday", "for my
/// mother", "how long"): when no article has one, the knowledge base can still answer the
/// question — the branch hours say whether Saturday is a working day.
const ATTRIBUTES: &[&str] = &["@weekend", "@family", "@duration", "@money"];

/// Whether the index term `term` (`@name`) is a qualifying concept.
pub fn is_attribute(term: &str) -> bool {
    ATTRIBUTES.contains(&term)
}

/// The thesaurus.
pub fn get() -> &'static Thesaurus {
    &THESAURUS
}

impl Thesaurus {
    /// The index term of `concept`: `@name`.
    pub fn term(&self, concept: Concept) -> String {
        format!("@{}", self.names[concept as usize])
    }

    /// Every single-word member (folded).
    pub fn single_words(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The concepts at each position of `words` (folded), whose stems in `lang` are `stems`: a
    /// phrase's concepts go to every word it covers. Also which concepts came from a phrase of
    /// two words or more (more specific than a single word).
    /// Single stop words ("son", "so") get no concept of their own; they can still be part of a
    /// phrase.
    pub fn tag(&self, words: &[String], stems: &[String], lang: Lang) -> (Vec<Vec<Concept>>, Vec<Concept>) {
        let stem_map = &self.stems[slot(lang)];
        let mut out: Vec<Vec<Concept>> = vec![Vec::new(); words.len()];
        let mut from_phrases: Vec<Concept> = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let add = |slot: &mut Vec<Concept>, concepts: &[Concept]| {
                for c in concepts {
                    if !slot.contains(c) {
                        slot.push(*c);
                    }
                }
            };
            if super::analyze::is_stop(word) {
                // no single-word concept; phrases below
            } else if let Some(concepts) = self.words.get(word.as_str()) {
                add(&mut out[i], concepts);
            } else if stems[i].chars().count() >= 4
                && let Some(concepts) = stem_map.get(stems[i].as_str())
            {
                add(&mut out[i], concepts);
            }
            if let Some(candidates) = self.phrases.get(word.as_str()) {
                for (phrase, concept) in candidates {
                    if let Some(end) = phrase_end(words, i, phrase) {
                        for slot in &mut out[i..end] {
                            add(slot, &[*concept]);
                        }
                        if !from_phrases.contains(concept) {
                            from_phrases.push(*concept);
                        }
                    }
                }
            }
        }
        (out, from_phrases)
    }
}

/// Where `phrase` ends if it starts at `at` (`*` skips up to three words, or none).
fn phrase_end(words: &[String], at: usize, phrase: &[&str]) -> Option<usize> {
    match phrase.split_first() {
        None => Some(at),
        Some((&"*", rest)) => {
            (0..=3).filter(|gap| at + gap <= words.len()).find_map(|gap| phrase_end(words, at + gap, rest))
        }
        Some((word, rest)) => {
            (words.get(at).is_some_and(|w| w == word)).then(|| phrase_end(words, at + 1, rest)).flatten()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(text: &str, lang: Lang) -> Vec<String> {
        let t = get();
        let words = crate::assistant::text::words(text);
        let stems: Vec<String> = words.iter().map(|w| stem(w, lang)).collect();
        let mut out: Vec<String> = t.tag(&words, &stems, lang).0.into_iter().flatten().map(|c| t.term(c)).collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn colloquial_words_and_both_languages_meet() {
        assert!(concepts("el cajero se tragó mi tarjeta", Lang::Es).contains(&"@retained".to_owned()));
        assert!(concepts("the ATM retained the card", Lang::En).contains(&"@retained".to_owned()));
        assert!(concepts("quiero pausar la tarjeta", Lang::Es).contains(&"@block".to_owned()));
        assert!(concepts("temporary block", Lang::En).contains(&"@block".to_owned()));
        assert!(concepts("cuánta lana tengo", Lang::Es).contains(&"@balance".to_owned()));
        assert!(concepts("send money to my mum", Lang::En).contains(&"@transfer".to_owned()));
        assert!(concepts("send money to my mum", Lang::En).contains(&"@family".to_owned()));
    }

    #[test]
    fn short_stems_do_not_collide() {
        // "rato" (a while) is not "rate".
        assert!(!concepts("un rato", Lang::Es).contains(&"@interest".to_owned()));
        assert!(get().len() > 80);
        // "turn" (English) is not "turno" (Spanish).
        assert!(!concepts("turn my card", Lang::En).contains(&"@appointment".to_owned()));
        assert!(concepts("can I turn my card off", Lang::En).contains(&"@block".to_owned()));
    }
}
