//! How much of a question an article covers: the confidence of an answer. Each content word of
//! the question weighs by its rarity; a banking word no article has weighs as the rarest word,
//! other unknown words barely count.

use super::{CONCEPT_COVER, FILLER_SHARE, Index};
use crate::assistant::analyze::{Query, query};
use crate::assistant::language::Lang;
use crate::assistant::thesaurus;

impl Index {
    /// The query's content words weighted by rarity, ready to measure how much of the query an
    /// article or a passage covers.
    pub fn weigh(&self, text: &str, lang: Lang) -> Weighted {
        let q: Query = query(&self.spell(text), lang);
        // A banking word no article has is as telling as the rarest word there is.
        let unseen = self.idf(0);
        let groups = q
            .groups
            .into_iter()
            .filter(|g| !g.numeric)
            .map(|group| {
                let mut alternatives = self.alternatives(&group.stems);
                // A word weighs by its own rarity; only a word the articles never use weighs by
                // its concepts'.
                let mut weight = alternatives
                    .iter()
                    .map(|(t, _)| self.idf(self.postings.get(t).map_or(0, Vec::len)))
                    .fold(0.0, f32::max);
                let stem_known = !alternatives.is_empty();
                for concept in &group.concepts {
                    if let Some(list) = self.postings.get(concept) {
                        if !stem_known {
                            weight = weight.max(self.idf(list.len()).min(unseen));
                        }
                        alternatives.push((concept.clone(), CONCEPT_COVER));
                    }
                }
                if alternatives.is_empty() {
                    let qualifier = group.concepts.iter().all(|c| thesaurus::is_attribute(c));
                    weight = if group.concepts.is_empty() || qualifier { unseen * FILLER_SHARE } else { unseen };
                }
                WeightedGroup { alternatives, weight, domain: !group.concepts.is_empty() }
            })
            .collect();
        Weighted { groups }
    }

    /// How much of `query` the article `id` covers, 0–1 (see [`Weighted::coverage`]).
    pub fn coverage(&self, weighted: &Weighted, id: i32) -> f32 {
        let Some(entry) = self.slot_of.get(&id).and_then(|slot| self.slots[*slot as usize].as_ref()) else {
            return 0.0;
        };
        weighted.coverage(|term| entry.terms.binary_search_by(|t| t.as_str().cmp(term)).is_ok())
    }

    /// For tuning: the terms of `text` (asked in `lang`) that article `id` has, with their
    /// weighted term frequency there and their document frequency.
    pub fn explain(&self, text: &str, lang: Lang, id: i32) -> Vec<(String, f32, usize)> {
        let Some(entry) = self.slot_of.get(&id).and_then(|slot| self.slots[*slot as usize].as_ref()) else {
            return Vec::new();
        };
        let slot = self.slot_of[&id];
        let q = query(&self.spell(text), lang);
        let mut wanted: Vec<String> =
            q.groups.iter().flat_map(|g| self.alternatives(&g.stems)).map(|(t, _)| t).collect();
        wanted.extend(q.concepts.into_iter().map(|(c, _)| c));
        wanted
            .into_iter()
            .filter(|t| entry.terms.binary_search(t).is_ok())
            .map(|t| {
                let list = &self.postings[&t];
                let tf = list.iter().find(|(s, _)| *s == slot).map_or(0.0, |(_, tf)| *tf);
                (t, tf, list.len())
            })
            .collect()
    }
}

/// A query's content words, each with the terms that count as having it and its rarity weight.
#[derive(Debug, Clone)]
pub struct Weighted {
    groups: Vec<WeightedGroup>,
}

#[derive(Debug, Clone)]
struct WeightedGroup {
    /// Term and how much having it counts (1, or less for a concept).
    alternatives: Vec<(String, f32)>,
    weight: f32,
    /// A banking word (one with a concept in the thesaurus).
    domain: bool,
}

impl Weighted {
    /// True when the query has no content words at all ("hola", "thanks!").
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Number of content words.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// The rarity-weighted share of the query's words that `has` reports present, 0–1. Banking
    /// words no article speaks of ("insurance" at a bank without it) weigh against it as heavily
    /// as the rarest word; other unknown words barely count.
    ///
    /// One ordinary word in common ("good", "paris") is thin evidence: a match on a single word
    /// that is not a banking word counts half.
    pub fn coverage(&self, has: impl Fn(&str) -> bool) -> f32 {
        let total: f32 = self.groups.iter().map(|g| g.weight).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let (mut covered, mut matched, mut domain) = (0.0, 0, false);
        for g in &self.groups {
            let best = g.alternatives.iter().filter(|(t, _)| has(t)).map(|(_, f)| *f).fold(0.0, f32::max);
            if best > 0.0 {
                covered += best * g.weight;
                matched += 1;
                domain |= g.domain;
            }
        }
        let thin = if matched == 1 && !domain { 0.5 } else { 1.0 };
        (thin * covered / total).clamp(0.0, 1.0)
    }
}
