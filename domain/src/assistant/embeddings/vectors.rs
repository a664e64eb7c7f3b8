//! Article vectors in memory, unit-normalised, searched by cosine similarity (a dot product).
//! Brute force: 10,000 articles of 768 dimensions is 7.7 M multiply-adds, a few milliseconds, and
//! only on the hybrid path, which waits for the provider anyway.

use std::collections::HashMap;

/// Vectors by article id.
#[derive(Default)]
pub struct VectorIndex {
    vectors: HashMap<i32, Vec<f32>>,
}

/// `v` scaled to length 1 (`None` for the zero vector).
pub fn normalised(mut v: Vec<f32>) -> Option<Vec<f32>> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm == 0.0 || !norm.is_finite() {
        return None;
    }
    for x in &mut v {
        *x /= norm;
    }
    Some(v)
}

impl VectorIndex {
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    pub fn contains(&self, id: i32) -> bool {
        self.vectors.contains_key(&id)
    }

    /// Adds or replaces an article's vector.
    pub fn upsert(&mut self, id: i32, vector: Vec<f32>) {
        match normalised(vector) {
            Some(v) => {
                self.vectors.insert(id, v);
            }
            None => {
                self.vectors.remove(&id);
            }
        }
    }

    pub fn remove(&mut self, id: i32) {
        self.vectors.remove(&id);
    }

    /// The `limit` nearest articles to `query`, with their cosine similarity, best first.
    /// Vectors of another length (a model change not yet re-embedded) are skipped.
    pub fn search(&self, query: &[f32], limit: usize) -> Vec<(i32, f32)> {
        let Some(query) = normalised(query.to_vec()) else { return Vec::new() };
        let mut hits: Vec<(i32, f32)> = self
            .vectors
            .iter()
            .filter(|(_, v)| v.len() == query.len())
            .map(|(id, v)| (*id, v.iter().zip(&query).map(|(a, b)| a * b).sum()))
            .collect();
        hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.truncate(limit);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_by_cosine() {
        let mut ix = VectorIndex::default();
        ix.upsert(1, vec![1.0, 0.0, 0.0]);
        ix.upsert(2, vec![0.0, 2.0, 0.0]);
        ix.upsert(3, vec![1.0, 1.0, 0.0]);
        ix.upsert(4, vec![0.0, 0.0]);
        let hits = ix.search(&[0.0, 1.0, 0.1], 2);
        assert_eq!(hits[0].0, 2);
        assert_eq!(hits[1].0, 3);
        assert!((hits[0].1 - 0.995).abs() < 0.01);
        ix.remove(2);
        assert_eq!(ix.search(&[0.0, 1.0, 0.0], 1)[0].0, 3);
        ix.upsert(5, vec![0.0, 0.0, 0.0]);
        assert!(!ix.contains(5));
    }
}
