//! The in-process knowledge-base index: BM25 over four fields (title, tags, example questions,
//! content) with field boosts, stems in each article's language and concept terms from the
//! bilingual thesaurus ([`super::analyze`]), and typo tolerance. Updated in place on every
//! knowledge-base change.

mod coverage;
mod passages;

pub use coverage::Weighted;
pub use passages::Passages;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyze::{query, terms};
use super::language::{self, Lang};
use super::spelling::{self, Vocabulary};
use super::text::words;

/// What the index needs of an article.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub id: i32,
    pub title: String,
    pub content: String,
    pub tags: Vec<String>,
    /// Other ways customers ask what this article answers; matched like the title.
    pub examples: Vec<String>,
    pub category: String,
    pub language: String,
}

/// A ranked article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub id: i32,
    pub score: f32,
}

const TITLE_BOOST: f32 = 2.5;
const TAG_BOOST: f32 = 2.0;
const EXAMPLE_BOOST: f32 = 2.0;
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weight of a concept term against a word's own stem.
const CONCEPT_WEIGHT: f32 = 0.7;
/// Weight of a concept met through a phrase of several words ("how much money", "another
/// bank"): more specific than any one of its words.
const PHRASE_CONCEPT_WEIGHT: f32 = 1.2;
/// How much having a word only through its concept counts towards coverage.
const CONCEPT_COVER: f32 = 0.9;
/// Weight, against the rarest word, of a word that is neither in any article nor a banking word:
/// mostly names, places and filler ("mum", "lol", "Tuesday").
const FILLER_SHARE: f32 = 0.2;

struct Entry {
    doc: Doc,
    /// Distinct terms, sorted: to undo the postings on removal and to test coverage.
    terms: Vec<String>,
    /// Distinct words, for the spelling vocabulary.
    words: Vec<String>,
    /// Weighted length, for length normalisation.
    len: f32,
    /// What an answer quotes from, worked out when first quoted.
    passages: OnceLock<Passages>,
}

/// BM25 index over active articles. Articles live in numbered slots so postings and scores are
/// plain vectors: a search touches no hash map per posting.
#[derive(Default)]
pub struct Index {
    slots: Vec<Option<Entry>>,
    /// Each slot's weighted length (0 when free), dense for the scoring loop.
    lens: Vec<f32>,
    free: Vec<u32>,
    slot_of: HashMap<i32, u32>,
    /// term → (slot, weighted term frequency); title, tags and examples count more than content.
    postings: HashMap<String, Vec<(u32, f32)>>,
    total_len: f32,
    /// The articles' words, for spelling correction of questions.
    vocabulary: Vocabulary,
}

/// The language an article's text is analysed in.
fn lang_of(doc: &Doc) -> Lang {
    Lang::parse(&doc.language).unwrap_or(Lang::Es)
}

impl Index {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of indexed articles.
    pub fn len(&self) -> usize {
        self.slot_of.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slot_of.is_empty()
    }

    /// Adds or replaces an article.
    pub fn upsert(&mut self, doc: Doc) {
        self.remove(doc.id);
        let lang = lang_of(&doc);
        let mut tf: HashMap<String, f32> = HashMap::new();
        let mut add = |text: &str, weight: f32| {
            for term in terms(text, lang) {
                *tf.entry(term).or_default() += weight;
            }
        };
        add(&doc.title, TITLE_BOOST);
        add(&doc.content, 1.0);
        for tag in &doc.tags {
            add(tag, TAG_BOOST);
        }
        for example in &doc.examples {
            add(example, EXAMPLE_BOOST);
        }
        let len = tf.values().sum::<f32>().max(1.0);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.slots.push(None);
                self.lens.push(0.0);
                (self.slots.len() - 1) as u32
            }
        };
        let mut distinct = Vec::with_capacity(tf.len());
        for (term, weight) in tf {
            self.postings.entry(term.clone()).or_default().push((slot, weight));
            distinct.push(term);
        }
        distinct.sort_unstable();
        let mut surface: Vec<String> = std::iter::once(doc.title.as_str())
            .chain([doc.content.as_str()])
            .chain(doc.tags.iter().map(String::as_str))
            .chain(doc.examples.iter().map(String::as_str))
            .flat_map(words)
            .collect();
        surface.sort_unstable();
        surface.dedup();
        for word in &surface {
            self.vocabulary.add(word);
        }
        self.total_len += len;
        self.slot_of.insert(doc.id, slot);
        self.lens[slot as usize] = len;
        self.slots[slot as usize] =
            Some(Entry { doc, terms: distinct, words: surface, len, passages: OnceLock::new() });
    }

    /// Removes an article (no-op when absent).
    pub fn remove(&mut self, id: i32) {
        let Some(slot) = self.slot_of.remove(&id) else { return };
        let Some(entry) = self.slots.get_mut(slot as usize).and_then(Option::take) else { return };
        self.total_len -= entry.len;
        self.lens[slot as usize] = 0.0;
        for word in &entry.words {
            self.vocabulary.remove(word);
        }
        for term in &entry.terms {
            if let Some(list) = self.postings.get_mut(term) {
                list.retain(|(s, _)| *s != slot);
                if list.is_empty() {
                    self.postings.remove(term);
                }
            }
        }
        self.free.push(slot);
    }

    /// The article with `id`, if indexed.
    pub fn get(&self, id: i32) -> Option<&Doc> {
        let slot = *self.slot_of.get(&id)?;
        self.slots.get(slot as usize)?.as_ref().map(|e| &e.doc)
    }

    /// The passages of the article with `id`, if indexed: worked out on first use, then kept.
    pub fn passages(&self, id: i32) -> Option<&Passages> {
        let slot = *self.slot_of.get(&id)?;
        let entry = self.slots.get(slot as usize)?.as_ref()?;
        Some(entry.passages.get_or_init(|| Passages::of(&entry.doc.content, lang_of(&entry.doc))))
    }

    fn idf(&self, df: usize) -> f32 {
        let n = self.len().max(1) as f32;
        let df = df as f32;
        ((n - df + 0.5) / (df + 0.5) + 1.0).ln()
    }

    /// The best `limit` articles for `query` (its language detected), optionally within one
    /// category.
    pub fn search(&self, query: &str, category: Option<&str>, limit: usize) -> Vec<Hit> {
        self.search_in(query, language::detect(query, Lang::Es), category, limit)
    }

    /// `text` with misspelt words corrected against the articles and the thesaurus.
    pub fn spell<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        match spelling::correct(text, &self.vocabulary) {
            Some(fixed) => fixed.into(),
            None => text.into(),
        }
    }

    /// The best `limit` articles for `text` asked in `lang`.
    pub fn search_in(&self, text: &str, lang: Lang, category: Option<&str>, limit: usize) -> Vec<Hit> {
        if self.is_empty() || limit == 0 {
            return Vec::new();
        }
        let q = query(&self.spell(text), lang);
        let avg_len = self.total_len / self.len() as f32;
        let mut scores = vec![0f32; self.slots.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut best = vec![0f32; self.slots.len()];
        let mut best_touched: Vec<u32> = Vec::new();
        let add = |term: &str, weight: f32, into: &mut Vec<f32>, touched: &mut Vec<u32>, max: bool| {
            let Some(list) = self.postings.get(term) else { return };
            let idf = self.idf(list.len());
            for &(slot, tf) in list {
                // Postings only ever name live slots (removal takes them out).
                let len = self.lens[slot as usize];
                let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg_len));
                let value = weight * idf * norm;
                let cell = &mut into[slot as usize];
                if *cell == 0.0 {
                    touched.push(slot);
                }
                *cell = if max { cell.max(value) } else { *cell + value };
            }
        };
        // Each word counts once, through the best of its stems (or typo neighbours).
        for group in &q.groups {
            let stems = self.alternatives(&group.stems);
            // A word the articles never use counts fully through its concepts.
            let concept_weight = if stems.is_empty() { 1.0 } else { CONCEPT_WEIGHT };
            for (term, weight) in stems {
                add(&term, weight, &mut best, &mut best_touched, true);
            }
            for concept in &group.concepts {
                add(concept, concept_weight, &mut best, &mut best_touched, true);
            }
            for slot in best_touched.drain(..) {
                let cell = &mut scores[slot as usize];
                if *cell == 0.0 {
                    touched.push(slot);
                }
                *cell += best[slot as usize];
                best[slot as usize] = 0.0;
            }
        }
        // A phrase ("how much money", "another bank") says more than its words.
        for (concept, _) in q.concepts.iter().filter(|(_, phrase)| *phrase) {
            add(concept, PHRASE_CONCEPT_WEIGHT, &mut scores, &mut touched, false);
        }
        // Every value added is positive, so a slot enters `touched` once: no sort, no dedup.
        let mut hits: Vec<Hit> = touched
            .into_iter()
            .filter_map(|slot| {
                let entry = self.slots[slot as usize].as_ref()?;
                if category.is_some_and(|c| !entry.doc.category.eq_ignore_ascii_case(c)) {
                    return None;
                }
                Some(Hit { id: entry.doc.id, score: scores[slot as usize] })
            })
            .collect();
        // Ties broken by id so results are stable.
        let order = |a: &Hit, b: &Hit| b.score.total_cmp(&a.score).then(a.id.cmp(&b.id));
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_by(order);
        hits
    }

    /// A word's stems that the index knows.
    fn alternatives(&self, stems: &[String]) -> Vec<(String, f32)> {
        stems.iter().filter(|s| self.postings.contains_key(s.as_str())).map(|s| (s.clone(), 1.0)).collect()
    }
}

#[cfg(test)]
mod tests;
