//! The baseline the assistant must beat: plain BM25 over one field (title, tags and content run
//! together), lower-cased words, no stemming, synonyms, boosts or typo tolerance.

use std::collections::HashMap;

use crate::assistant::text::words;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// A plain BM25 index.
#[derive(Default)]
pub struct PlainBm25 {
    docs: Vec<(i32, HashMap<String, f32>, f32)>,
    df: HashMap<String, f32>,
}

impl PlainBm25 {
    pub fn add(&mut self, id: i32, text: &str) {
        let mut tf: HashMap<String, f32> = HashMap::new();
        for word in words(text) {
            *tf.entry(word).or_default() += 1.0;
        }
        for term in tf.keys() {
            *self.df.entry(term.clone()).or_default() += 1.0;
        }
        let len = tf.values().sum();
        self.docs.push((id, tf, len));
    }

    /// The best-scoring document, if any word matched.
    pub fn top(&self, query: &str) -> Option<i32> {
        let n = self.docs.len() as f32;
        let avg = self.docs.iter().map(|d| d.2).sum::<f32>() / n.max(1.0);
        let query = words(query);
        self.docs
            .iter()
            .map(|(id, tf, len)| {
                let score: f32 = query
                    .iter()
                    .filter_map(|q| {
                        let f = *tf.get(q)?;
                        let df = self.df.get(q).copied().unwrap_or(0.0);
                        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                        Some(idf * f * (K1 + 1.0) / (f + K1 * (1.0 - B + B * len / avg)))
                    })
                    .sum();
                (*id, score)
            })
            .filter(|(_, s)| *s > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(id, _)| id)
    }
}
