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
    /// Folded words, and their Spanish and English stems (four letters or more), to concepts.
    words: HashMap<String, Vec<Concept>>,
    /// Multi-word phrases by their first folded word.
    phrases: HashMap<&'static str, Vec<(Vec<&'static str>, Concept)>>,
}

static THESAURUS: LazyLock<Thesaurus> = LazyLock::new(|| {
    let mut t = Thesaurus { names: Vec::new(), words: HashMap::new(), phrases: HashMap::new() };
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
            let mut keys = vec![(*member).to_owned()];
            for lang in [Lang::Es, Lang::En] {
                let s = stem(member, lang);
                if s.chars().count() >= 4 {
                    keys.push(s);
                }
            }
            for key in keys {
                let list = t.words.entry(key).or_default();
                if !list.contains(&id) {
                    list.push(id);
                }
            }
        }
    }
    t
});

/// The thesaurus.
pub fn get() -> &'static Thesaurus {
    &THESAURUS
}

impl Thesaurus {
    /// The index term of `concept`: `@name`.
    pub fn term(&self, concept: Concept) -> String {
        format!("@{}", self.names[concept as usize])
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The concepts at each position of `words` (folded), whose stems in `lang` are `stems`: a
    /// phrase's concepts go to every word it covers.
    pub fn tag(&self, words: &[String], stems: &[String]) -> Vec<Vec<Concept>> {
        let mut out: Vec<Vec<Concept>> = vec![Vec::new(); words.len()];
        for (i, word) in words.iter().enumerate() {
            let add = |slot: &mut Vec<Concept>, concepts: &[Concept]| {
                for c in concepts {
                    if !slot.contains(c) {
                        slot.push(*c);
                    }
                }
            };
            if let Some(concepts) = self.words.get(word.as_str()) {
                add(&mut out[i], concepts);
            } else if stems[i].chars().count() >= 4
                && let Some(concepts) = self.words.get(stems[i].as_str())
            {
                add(&mut out[i], concepts);
            }
            if let Some(candidates) = self.phrases.get(word.as_str()) {
                for (phrase, concept) in candidates {
                    let end = i + phrase.len();
                    if end <= words.len() && words[i..end].iter().zip(phrase).all(|(w, p)| w == p) {
                        for slot in &mut out[i..end] {
                            add(slot, &[*concept]);
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts(text: &str, lang: Lang) -> Vec<String> {
        let t = get();
        let words = crate::assistant::text::words(text);
        let stems: Vec<String> = words.iter().map(|w| stem(w, lang)).collect();
        let mut out: Vec<String> = t.tag(&words, &stems).into_iter().flatten().map(|c| t.term(c)).collect();
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
    }
}
