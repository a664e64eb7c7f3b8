//! An article's passages — its paragraphs, a sentence ending in ':' together with the list after
//! it — each with its terms: what an answer quotes from. Worked out the first time the article is
//! quoted and kept with it until it changes, so an answer does not analyse the article again.

use super::Weighted;
use crate::assistant::analyze::terms;
use crate::assistant::language::Lang;

struct Passage {
    text: String,
    /// Distinct terms, sorted.
    terms: Vec<String>,
}

/// The passages of one article, in order.
pub struct Passages(Vec<Passage>);

impl Passages {
    /// Splits `content` (Markdown, analysed in `lang`) into passages; headings are left out.
    pub fn of(content: &str, lang: Lang) -> Passages {
        let blocks: Vec<&str> = content
            .split("\n\n")
            .map(str::trim)
            .filter(|b| !b.is_empty() && !b.lines().all(|l| l.trim_start().starts_with('#')))
            .collect();
        let mut units: Vec<String> = Vec::new();
        let mut i = 0;
        while i < blocks.len() {
            if blocks[i].ends_with(':')
                && let Some(list) = blocks.get(i + 1).filter(|b| is_list(b))
            {
                units.push(format!("{}\n\n{list}", blocks[i]));
                i += 2;
            } else {
                units.push(blocks[i].to_owned());
                i += 1;
            }
        }
        Passages(
            units
                .into_iter()
                .map(|text| {
                    let mut terms = terms(&text, lang);
                    terms.sort_unstable();
                    terms.dedup();
                    Passage { text, terms }
                })
                .collect(),
        )
    }

    /// The passage that covers most of `weighted` (the first of equals), or the first passage when
    /// none covers any of it; `None` for an article with no text.
    pub fn best(&self, weighted: &Weighted) -> Option<&str> {
        let mut best: Option<(&Passage, f32)> = None;
        for passage in &self.0 {
            let score = weighted.coverage(|t| passage.terms.binary_search_by(|b| b.as_str().cmp(t)).is_ok());
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((passage, score));
            }
        }
        match best {
            Some((passage, score)) if score > 0.0 => Some(&passage.text),
            _ => self.0.first().map(|p| p.text.as_str()),
        }
    }
}

fn is_list(block: &str) -> bool {
    block.lines().all(|l| {
        let l = l.trim_start();
        l.starts_with("- ") || l.starts_with("* ") || l.split_once(". ").is_some_and(|(n, _)| n.parse::<u32>().is_ok())
    })
}
