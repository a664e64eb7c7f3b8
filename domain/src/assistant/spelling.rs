//! Spelling correction against what the assistant knows: the words of the indexed articles and of
//! the thesaurus. A word of five letters or more that neither knows is replaced by a known word
//! one edit away, inside the word (same first and last letter: "transferensia" → "transferencia",
//! "actibo" → "activo", but never "persona" → "personal"), the most frequent if several. Words are
//! bucketed by first letter and length, so a correction looks at a few hundred candidates at most.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::text::words;

/// Words and how many articles (or thesaurus entries) use them, bucketed for lookup.
#[derive(Default)]
pub struct Vocabulary {
    counts: HashMap<String, u32>,
    buckets: HashMap<(char, usize), Vec<String>>,
}

fn key(word: &str) -> Option<(char, usize)> {
    Some((word.chars().next()?, word.chars().count()))
}

/// Shortest word that is corrected.
const MIN_LEN: usize = 5;

impl Vocabulary {
    /// Counts `word` once more.
    pub fn add(&mut self, word: &str) {
        let count = self.counts.entry(word.to_owned()).or_default();
        *count += 1;
        if *count == 1
            && let Some(k) = key(word)
        {
            self.buckets.entry(k).or_default().push(word.to_owned());
        }
    }

    /// Counts `word` once less.
    pub fn remove(&mut self, word: &str) {
        let Some(count) = self.counts.get_mut(word) else { return };
        *count -= 1;
        if *count == 0 {
            self.counts.remove(word);
            if let Some(bucket) = key(word).and_then(|k| self.buckets.get_mut(&k)) {
                bucket.retain(|w| w != word);
            }
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.counts.contains_key(word)
    }

    /// The most used known word one edit away from `word`, with the same first letter.
    fn nearest(&self, word: &str) -> Option<(&str, u32)> {
        let (first, len) = key(word)?;
        let mut best: Option<(&str, u32)> = None;
        for l in [len - 1, len, len + 1] {
            for candidate in self.buckets.get(&(first, l)).into_iter().flatten() {
                // An edit at the last letter makes another real word too often ("persona" →
                // "personal", "cuento" → "cuenta"): only edits inside the word count.
                if word.chars().last() == candidate.chars().last() && plausible_typo(word, candidate) {
                    let count = self.counts[candidate];
                    if best.is_none_or(|(w, c)| count > c || (count == c && candidate.as_str() < w)) {
                        best = Some((candidate, count));
                    }
                }
            }
        }
        best
    }
}

/// Every single word of the thesaurus (and the stop words), so that real words are never
/// "corrected" into article words and misspelt banking words are recognised.
static LEXICON: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut v = Vocabulary::default();
    for word in super::thesaurus::get().single_words().chain(super::analyze::stop_words()) {
        v.add(word);
    }
    v
});

/// `text` with each unknown word of five letters or more replaced by its nearest known word in
/// `articles` or the thesaurus; `None` when nothing changed.
pub fn correct(text: &str, articles: &Vocabulary) -> Option<String> {
    let lexicon = &*LEXICON;
    let mut changed = false;
    let corrected: Vec<String> = words(text)
        .into_iter()
        .map(|word| {
            let known = word.chars().count() < MIN_LEN
                || word.chars().any(|c| c.is_ascii_digit())
                || articles.contains(&word)
                || lexicon.contains(&word);
            if known {
                return word;
            }
            let best = match (articles.nearest(&word), lexicon.nearest(&word)) {
                (Some(a), Some(l)) => Some(if l.1 > a.1 { l.0 } else { a.0 }),
                (a, l) => a.or(l).map(|(w, _)| w),
            };
            match best {
                Some(fixed) => {
                    changed = true;
                    fixed.to_owned()
                }
                None => word,
            }
        })
        .collect();
    changed.then(|| corrected.join(" "))
}

/// Letters that are confused when typing: neighbours on a QWERTY keyboard, and letters that
/// sound alike in Spanish ("b"/"v", "s"/"c"/"z", "y"/"i"/"ll", "g"/"j", "c"/"k"/"q").
fn confusable(a: char, b: char) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    const SOUNDS: [(char, char); 9] =
        [('b', 'v'), ('s', 'c'), ('s', 'z'), ('c', 'z'), ('c', 'k'), ('q', 'k'), ('g', 'j'), ('y', 'i'), ('y', 'l')];
    if SOUNDS.iter().any(|&(x, y)| (x, y) == (a, b) || (y, x) == (a, b)) {
        return true;
    }
    let at = |c: char| ROWS.iter().enumerate().find_map(|(r, row)| row.find(c).map(|col| (r as i32, col as i32)));
    match (at(a), at(b)) {
        (Some((ra, ca)), Some((rb, cb))) => (ra - rb).abs() <= 1 && (ca - cb).abs() <= 1,
        _ => false,
    }
}

/// One edit that a person plausibly makes: a missing, extra or swapped letter, or a letter
/// replaced by a confusable one. "salio" → "saldo" (i for d) is not a typo but another word.
fn plausible_typo(word: &str, candidate: &str) -> bool {
    if !one_edit(word, candidate) {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (word.chars().collect(), candidate.chars().collect());
    if a.len() != b.len() {
        return true;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diffs.as_slice() {
        [i] => confusable(a[*i], b[*i]),
        _ => true, // a swap
    }
}

/// True when `a` and `b` differ by exactly one insertion, deletion, substitution or swap.
pub fn one_edit(a: &str, b: &str) -> bool {
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

    fn articles() -> Vocabulary {
        let mut v = Vocabulary::default();
        for w in ["transferencia", "internacional", "sucursales", "horario", "activar"] {
            v.add(w);
        }
        v
    }

    #[test]
    fn corrects_misspelt_words_only() {
        let v = articles();
        assert_eq!(correct("transferensia internacinal", &v).as_deref(), Some("transferencia internacional"));
        assert_eq!(correct("horraio de sucursles", &v).as_deref(), Some("horario de sucursales"));
        assert_eq!(correct("horario de sucursales", &v), None);
        // Short words, edits at either end, and implausible substitutions stay.
        assert_eq!(correct("game night", &v), None);
        assert_eq!(correct("salio", &v), None, "not saldo");
        assert_eq!(correct("actibar", &v).as_deref(), Some("activar"));
        assert_eq!(correct("activa", &v), None);
    }

    #[test]
    fn removal_forgets_words() {
        let mut v = articles();
        v.add("plazofijo");
        assert_eq!(correct("plazofjio", &v).as_deref(), Some("plazofijo"));
        v.remove("plazofijo");
        assert!(!v.contains("plazofijo"));
        assert_eq!(correct("plazofjio", &v), None);
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
