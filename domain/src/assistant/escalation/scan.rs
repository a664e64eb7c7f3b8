//! A customer message as the escalation detector sees it: folded words, each with the word
//! classes of [`super::words`] it belongs to (a phrase's classes go on its first word), and the
//! clause and phrase it sits in. Clauses end at `.`, `!`, `?`, `;` and line breaks; phrases also at
//! commas and at "but"/"pero", so a negation or an "if" never reaches across them.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::classes::CLASSES;
use super::words::*;
use crate::assistant::text::fold;

/// The vocabulary, compiled once: exact words, prefixes and multi-word phrases.
struct Lexicon {
    exact: HashMap<&'static str, Tags>,
    prefixes: Vec<(&'static str, Tags)>,
    /// Phrases by their first word.
    phrases: HashMap<&'static str, Vec<(Vec<&'static str>, Tags)>>,
    /// Single words of [`TYPO_MIN`] letters or more by first letter and length, for typos.
    long: HashMap<(char, usize), Vec<&'static str>>,
}

/// The classes a typo may carry: what happened and to what, not how the customer feels.
const TYPO_CLASSES: Tags = TXN | ACT | DISOWN | STEAL | LOSE | FRAUD | VALUABLE | CRED | MUGGED | STRANGE;

/// Shortest word whose typo (a letter dropped or doubled) still counts: "uknown", "stollen".
const TYPO_MIN: usize = 6;

/// The word `typed` stands for when it is a known word of six letters or more with one letter
/// missing or one too many, with the same first and last letter. Substitutions are not read
/// ("rodar" is not "robar").
fn typo_of(lexicon: &Lexicon, typed: &str) -> Option<&'static str> {
    let first = typed.chars().next()?;
    let len = typed.chars().count();
    if len + 1 < TYPO_MIN {
        return None;
    }
    let last = typed.chars().last();
    let known = [len - 1, len + 1].into_iter().filter(|&n| n >= TYPO_MIN).find_map(|n| {
        lexicon
            .long
            .get(&(first, n))?
            .iter()
            .copied()
            .find(|known| known.chars().last() == last && crate::assistant::spelling::one_edit(known, typed))
    })?;
    // A word the thesaurus knows is not a typo, nor a common word one letter from a known one ("pedido",
    // an order, is not "perdido").
    let common = matches!(typed, "pedido" | "pedidos" | "pedida");
    (!common && !crate::assistant::thesaurus::get().single_words().any(|w| w == typed)).then_some(known)
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lexicon =
        Lexicon { exact: HashMap::new(), prefixes: Vec::new(), phrases: HashMap::new(), long: HashMap::new() };
    for (tags, entries) in CLASSES.iter().flat_map(|part| part.iter()) {
        for entry in *entries {
            let words: Vec<&'static str> = entry.split(' ').collect();
            if words.len() > 1 {
                lexicon.phrases.entry(words[0]).or_default().push((words, *tags));
            } else if let Some(prefix) = entry.strip_suffix('*') {
                lexicon.prefixes.push((prefix, *tags));
            } else {
                *lexicon.exact.entry(entry).or_default() |= *tags;
                let len = entry.chars().count();
                if len >= TYPO_MIN && entry.chars().all(char::is_alphabetic) {
                    let bucket = lexicon.long.entry((entry.chars().next().unwrap_or(' '), len)).or_default();
                    if !bucket.contains(entry) {
                        bucket.push(entry);
                    }
                }
            }
        }
    }
    lexicon
});

/// One word of a message.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub tags: Tags,
    /// Sentence-like unit.
    pub clause: u16,
    /// Comma-delimited part of a clause.
    pub phrase: u16,
}

impl Word {
    /// The word begins with one of `stems`: "transferred" with "transfer".
    pub fn starts_with_any(&self, stems: &[&str]) -> bool {
        stems.iter().any(|stem| self.text.starts_with(stem))
    }

    /// "4000", "89.99", "3x": a word that starts with a digit, an amount or a count.
    pub fn is_number(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_digit())
    }
}

/// Words that only lend emphasis, left out so that phrases match around them.
const FILLERS: &[&str] =
    &["literally", "literalmente", "basically", "basicamente", "honestly", "honestamente", "seriously", "totally"];

/// A scanned message.
#[derive(Debug, Clone)]
pub struct Scan {
    pub words: Vec<Word>,
    /// Every class found anywhere.
    pub all: Tags,
}

impl Scan {
    pub fn new(message: &str) -> Scan {
        let folded = fold(message);
        let mut words: Vec<Word> = Vec::new();
        let (mut clause, mut phrase) = (0u16, 0u16);
        let mut current = String::new();
        // Quotes around a word are not part of it: "an e-mail from 'the bank'".
        let flush = |current: &mut String, words: &mut Vec<Word>, clause: u16, phrase: u16| {
            let text = current.trim_matches('\'');
            // "my card is literally in my hand": a filler says nothing the phrase needs.
            if !text.is_empty() && !FILLERS.contains(&text) {
                words.push(Word { text: text.to_owned(), tags: 0, clause, phrase });
            }
            current.clear();
        };
        let mut chars = folded.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() || c == '\'' || c == '’' {
                current.push(if c == '’' { '\'' } else { c });
                continue;
            }
            // "9.99", "1,200": a point or comma inside a number ends nothing.
            let in_number = current.ends_with(|d: char| d.is_ascii_digit())
                && chars.peek().is_some_and(|d| d.is_ascii_digit())
                && matches!(c, '.' | ',');
            if in_number {
                current.push(c);
                continue;
            }
            flush(&mut current, &mut words, clause, phrase);
            // "someone called k. lewis": a point after an initial ends nothing.
            let initial = |w: &Word| w.text.len() == 1 && w.text != "i" && w.text.chars().all(char::is_alphabetic);
            if c == '.' && words.last().is_some_and(initial) && chars.peek() == Some(&' ') {
                continue;
            }
            match c {
                '.' | '!' | '?' | ';' | '\n' | '¿' | '¡' if words.last().is_some_and(|w| w.clause == clause) => {
                    clause += 1;
                    phrase += 1;
                }
                ',' | ':' | '(' | ')' if words.last().is_some_and(|w| w.phrase == phrase) => {
                    phrase += 1;
                }
                _ => {}
            }
        }
        flush(&mut current, &mut words, clause, phrase);
        // "but" and "pero" start a new phrase.
        for i in 1..words.len() {
            if matches!(words[i].text.as_str(), "but" | "pero" | "aunque" | "although") {
                for word in &mut words[i..] {
                    word.phrase += 1;
                }
            }
        }
        let lexicon = &*LEXICON;
        let mut all = 0;
        for i in 0..words.len() {
            // "somebody's", "card's": the word without its "'s".
            let text = words[i].text.as_str();
            let base = text.strip_suffix("'s").filter(|_| !lexicon.exact.contains_key(text)).unwrap_or(text);
            let mut tags = lexicon.exact.get(base).copied().unwrap_or(0);
            if tags == 0
                && let Some(known) = typo_of(lexicon, base)
            {
                // Only the facts of a situation, never a feeling ("molestia" is not "molesta").
                tags = lexicon.exact.get(known).copied().unwrap_or(0) & TYPO_CLASSES;
            }
            for (prefix, t) in &lexicon.prefixes {
                if words[i].text.starts_with(prefix) {
                    tags |= t;
                }
            }
            if let Some(candidates) = lexicon.phrases.get(words[i].text.as_str()) {
                for (phrase, t) in candidates {
                    let end = i + phrase.len();
                    if end <= words.len() && words[i..end].iter().zip(phrase).all(|(w, p)| w.text == *p) {
                        tags |= t;
                    }
                }
            }
            // "i don't know who to turn to", "no sé a quién acudir": help sought, nothing disowned.
            let seeking = |w: Option<&Word>| {
                w.is_some_and(|w| matches!(w.text.as_str(), "turn" | "acudir" | "recurrir" | "ask" | "pedir" | "call"))
            };
            if matches!(words.get(i + 3).map(|w| w.text.as_str()), Some("to" | "quien")) && seeking(words.get(i + 4)) {
                tags &= !DISOWN;
            }
            // "tenía como 15 mil": "como" before an amount is "about", not "how".
            if words[i].text == "como" && words.get(i + 1).is_some_and(Word::is_number) {
                tags &= !PROCESS;
            }
            // "everything's gone wrong with my phone", "the price has gone up": a way of going, not a loss.
            let how = |w: &Word| matches!(w.text.as_str(), "wrong" | "up" | "down" | "bad" | "quiet" | "mad" | "crazy");
            if words[i].text == "gone" && words.get(i + 1).is_some_and(how) {
                tags &= !GONE;
            }
            words[i].tags = tags;
            all |= tags;
        }
        Scan { words, all }
    }

    /// Whether any word has any of `tags`.
    pub fn has(&self, tags: Tags) -> bool {
        self.all & tags != 0
    }

    /// Positions of the words with any of `tags`.
    pub fn find(&self, tags: Tags) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().filter(move |(_, w)| w.tags & tags != 0).map(|(i, _)| i)
    }

    /// The positions after `at` of words with any of `tags`: "charged since", "someone named after".
    pub fn after(&self, at: usize, tags: Tags) -> impl Iterator<Item = usize> + '_ {
        self.find(tags).filter(move |&j| j > at)
    }

    /// Whether a word with `tags` lies within `before` words before or `after` words after `at`,
    /// in the same clause.
    pub fn near(&self, at: usize, tags: Tags, before: usize, after: usize) -> bool {
        let clause = self.words[at].clause;
        let from = at.saturating_sub(before);
        let to = (at + after + 1).min(self.words.len());
        self.words[from..to].iter().any(|w| w.clause == clause && w.tags & tags != 0)
    }

    /// Whether a word with `tags` is in the same clause as `at`.
    pub fn in_clause(&self, at: usize, tags: Tags) -> bool {
        let clause = self.words[at].clause;
        self.words.iter().any(|w| w.clause == clause && w.tags & tags != 0)
    }

    /// The word at `at`, or "" past the end of the message.
    pub fn text(&self, at: usize) -> &str {
        self.words.get(at).map_or("", |w| w.text.as_str())
    }

    /// The amount the word at `at` spells ("1,200" is 1200), if it is one.
    pub fn amount(&self, at: usize) -> Option<f64> {
        self.text(at).replace(',', "").parse::<f64>().ok()
    }

    /// Whether the word at `at` is the first of its phrase.
    pub fn starts_phrase(&self, at: usize) -> bool {
        at == 0 || self.words[at - 1].phrase != self.words[at].phrase
    }

    /// Whether the word at `at` is the first of its clause.
    pub fn starts_clause(&self, at: usize) -> bool {
        at == 0 || self.words[at - 1].clause != self.words[at].clause
    }

    /// Whether the word at `at` is the last of its phrase.
    pub fn ends_phrase(&self, at: usize) -> bool {
        self.words.get(at + 1).is_none_or(|n| n.phrase != self.words[at].phrase)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}
