//! The in-process knowledge-base index: BM25 over three fields (title, tags, content) with field
//! boosts, stemming and synonyms from [`super::analyze`], and typo tolerance for short words.
//! Updated in place on every knowledge-base change.

use std::collections::HashMap;

use super::analyze::{query_groups, terms};

/// What the index needs of an article.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: i32,
    pub title: String,
    pub content: String,
    pub tags: Vec<String>,
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
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Weight of a term reached only through a one-letter typo.
const TYPO_WEIGHT: f32 = 0.6;

struct Entry {
    doc: Doc,
    /// Distinct terms, sorted: to undo the postings on removal and to test coverage.
    terms: Vec<String>,
    /// Weighted length, for length normalisation.
    len: f32,
}

/// BM25 index over active articles. Articles live in numbered slots so postings and scores are
/// plain vectors: a search touches no hash map per posting.
#[derive(Default)]
pub struct Index {
    slots: Vec<Option<Entry>>,
    free: Vec<u32>,
    slot_of: HashMap<i32, u32>,
    /// term → (slot, weighted term frequency); title and tags count more than content.
    postings: HashMap<String, Vec<(u32, f32)>>,
    total_len: f32,
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
        let mut tf: HashMap<String, f32> = HashMap::new();
        for (text, weight) in [(doc.title.as_str(), TITLE_BOOST), (doc.content.as_str(), 1.0)] {
            for term in terms(text) {
                *tf.entry(term).or_default() += weight;
            }
        }
        for tag in &doc.tags {
            for term in terms(tag) {
                *tf.entry(term).or_default() += TAG_BOOST;
            }
        }
        let len = tf.values().sum::<f32>().max(1.0);
        let slot = match self.free.pop() {
            Some(slot) => slot,
            None => {
                self.slots.push(None);
                (self.slots.len() - 1) as u32
            }
        };
        let mut distinct = Vec::with_capacity(tf.len());
        for (term, weight) in tf {
            self.postings.entry(term.clone()).or_default().push((slot, weight));
            distinct.push(term);
        }
        distinct.sort_unstable();
        self.total_len += len;
        self.slot_of.insert(doc.id, slot);
        self.slots[slot as usize] = Some(Entry { doc, terms: distinct, len });
    }

    /// Removes an article (no-op when absent).
    pub fn remove(&mut self, id: i32) {
        let Some(slot) = self.slot_of.remove(&id) else { return };
        let Some(entry) = self.slots.get_mut(slot as usize).and_then(Option::take) else { return };
        self.total_len -= entry.len;
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

    /// The best `limit` articles for `query`, optionally within one category.
    pub fn search(&self, query: &str, category: Option<&str>, limit: usize) -> Vec<Hit> {
        let n = self.len() as f32;
        if n == 0.0 || limit == 0 {
            return Vec::new();
        }
        let avg_len = self.total_len / n;
        let mut scores = vec![0f32; self.slots.len()];
        let mut touched: Vec<u32> = Vec::new();
        for (term, weight) in self.expand(query) {
            let Some(list) = self.postings.get(&term) else { continue };
            let df = list.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(slot, tf) in list {
                let Some(entry) = &self.slots[slot as usize] else { continue };
                let norm = tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * entry.len / avg_len));
                let score = &mut scores[slot as usize];
                if *score == 0.0 {
                    touched.push(slot);
                }
                *score += weight * idf * norm;
            }
        }
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

    /// The query's content words weighted by rarity, ready to measure how much of the query an
    /// article or a passage covers.
    pub fn weigh(&self, query: &str) -> Weighted {
        let n = self.len().max(1) as f32;
        let idf = |df: f32| ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
        // A word the index has never seen is as telling as the rarest word there is.
        let unseen = idf(0.0);
        let groups = query_groups(query)
            .into_iter()
            .map(|group| {
                let mut alternatives: Vec<(String, f32)> = Vec::new();
                let mut weight: f32 = 0.0;
                for alt in group.alternatives {
                    if let Some(list) = self.postings.get(&alt) {
                        weight = weight.max(idf(list.len() as f32));
                        alternatives.push((alt, 1.0));
                    } else if !alt.starts_with('@') {
                        for near in self.near(&alt) {
                            let df = self.postings.get(near).map_or(0, Vec::len) as f32;
                            weight = weight.max(idf(df));
                            alternatives.push((near.to_owned(), TYPO_WEIGHT));
                        }
                    }
                }
                WeightedGroup { alternatives, weight: if weight > 0.0 { weight } else { unseen } }
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

    /// Query terms with weights; unknown words of 4–8 letters also try indexed words one edit away.
    fn expand(&self, query: &str) -> Vec<(String, f32)> {
        let mut out: HashMap<String, f32> = HashMap::new();
        for term in terms(query) {
            if self.postings.contains_key(&term) || term.starts_with('@') {
                *out.entry(term).or_default() += 1.0;
                continue;
            }
            for known in self.near(&term) {
                let w = out.entry(known.to_owned()).or_default();
                *w = w.max(TYPO_WEIGHT);
            }
        }
        out.into_iter().collect()
    }

    /// Indexed words one edit away from an unknown word of 4–8 letters.
    fn near<'a>(&'a self, term: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let len = term.chars().count();
        let eligible = (4..=8).contains(&len);
        self.postings
            .keys()
            .filter(move |known| {
                eligible && !known.starts_with('@') && known.chars().count().abs_diff(len) <= 1 && one_edit(term, known)
            })
            .map(String::as_str)
    }
}

/// A query's content words, each with the terms that count as having it and its rarity weight.
#[derive(Debug, Clone)]
pub struct Weighted {
    groups: Vec<WeightedGroup>,
}

#[derive(Debug, Clone)]
struct WeightedGroup {
    /// Term and how much having it counts (1, or less for a typo neighbour).
    alternatives: Vec<(String, f32)>,
    weight: f32,
}

impl Weighted {
    /// True when the query has no content words at all ("hola", "thanks!").
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The rarity-weighted share of the query's words that `has` reports present, 0–1. Words
    /// nobody wrote about ("weather", "pizza") weigh against it as heavily as the rarest word.
    pub fn coverage(&self, has: impl Fn(&str) -> bool) -> f32 {
        let total: f32 = self.groups.iter().map(|g| g.weight).sum();
        if total <= 0.0 {
            return 0.0;
        }
        let covered: f32 = self
            .groups
            .iter()
            .map(|g| {
                let best = g.alternatives.iter().filter(|(t, _)| has(t)).map(|(_, f)| *f).fold(0.0, f32::max);
                best * g.weight
            })
            .sum();
        (covered / total).clamp(0.0, 1.0)
    }
}

/// True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i32, title: &str, content: &str, tags: &[&str], category: &str) -> Doc {
        Doc {
            id,
            title: title.into(),
            content: content.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            category: category.into(),
            language: "es".into(),
        }
    }

    fn index() -> Index {
        let mut ix = Index::new();
        ix.upsert(doc(
            1,
            "Consultar tu saldo",
            "Puedes ver el saldo de tu cuenta en la app o en un cajero.",
            &["saldo"],
            "cuentas",
        ));
        ix.upsert(doc(
            2,
            "Transferencias internacionales",
            "Para enviar dinero al extranjero usa SWIFT desde la banca en línea.",
            &["swift"],
            "transferencias",
        ));
        ix.upsert(doc(
            3,
            "Bloquear una tarjeta robada",
            "Si te robaron la tarjeta, bloquéala desde la app de inmediato.",
            &["tarjeta", "robo"],
            "tarjetas",
        ));
        ix.upsert(doc(
            4,
            "Recuperar tu contraseña",
            "Si olvidaste tu contraseña o tu usuario está bloqueado, restablécela.",
            &["acceso"],
            "seguridad",
        ));
        ix.upsert(doc(
            5,
            "Horario de sucursales",
            "Las sucursales abren de lunes a viernes de 9 a 16 horas.",
            &["horario"],
            "general",
        ));
        ix
    }

    fn top(ix: &Index, q: &str) -> Option<i32> {
        ix.search(q, None, 3).first().map(|h| h.id)
    }

    #[test]
    fn ranks_across_languages_synonyms_and_typos() {
        let ix = index();
        assert_eq!(top(&ix, "¿Cuál es mi saldo?"), Some(1));
        assert_eq!(top(&ix, "What's my balance?"), Some(1));
        assert_eq!(top(&ix, "How do I send money abroad?"), Some(2));
        assert_eq!(top(&ix, "I'm locked out, forgot password"), Some(4));
        assert_eq!(top(&ix, "tarjetas robadas"), Some(3));
        assert_eq!(top(&ix, "HORARIO de SUCURSAL"), Some(5));
        assert_eq!(top(&ix, "horraio sucursales"), Some(5), "typo");
        assert_eq!(top(&ix, "xyzzy"), None);
    }

    #[test]
    fn updates_in_place_and_filters_by_category() {
        let mut ix = index();
        assert_eq!(ix.search("saldo", Some("tarjetas"), 3).len(), 0);
        ix.remove(1);
        assert_ne!(top(&ix, "saldo"), Some(1));
        ix.upsert(doc(9, "Saldo disponible", "El saldo disponible se actualiza al instante.", &[], "cuentas"));
        assert_eq!(top(&ix, "saldo"), Some(9));
        assert_eq!(ix.len(), 5);
    }

    #[test]
    fn edit_distance_one() {
        assert!(one_edit("horraio", "horario"));
        assert!(one_edit("tarjta", "tarjeta"));
        assert!(one_edit("saldos", "saldo"));
        assert!(!one_edit("saldo", "saldo"));
        assert!(!one_edit("saldo", "salto2x"));
    }
}
