//! The local responder: answers from the best article with no LLM. It quotes the article's most
//! relevant passage (never the whole article, never a word that is not in it), cites it, and
//! reports a confidence: how much of the question the article covers.

use super::index::{Doc, Index, Passages, Weighted};
use super::language::Lang;

/// The article chosen to answer from.
#[derive(Debug, Clone)]
pub struct Grounding {
    pub doc: Doc,
    /// 0–1.
    pub confidence: f32,
}

/// How many ranked articles to consider when looking for one in the customer's language.
const CANDIDATES: usize = 10;
/// An article in the customer's language wins over a better-ranked one in the other language
/// when its score is at least this share of the best.
const SAME_LANGUAGE_SHARE: f32 = 0.5;
/// Longest quoted passage, in characters.
const MAX_PASSAGE: usize = 700;

/// The best article for `question`, preferring the customer's language, with its confidence.
pub fn ground(index: &Index, question: &str, lang: Lang) -> Option<Grounding> {
    let hits = index.search_in(question, lang, None, CANDIDATES);
    let top = hits.first()?;
    let chosen = hits
        .iter()
        .find(|h| {
            h.score >= top.score * SAME_LANGUAGE_SHARE && index.get(h.id).is_some_and(|d| d.language == lang.code())
        })
        .unwrap_or(top);
    let doc = index.get(chosen.id)?.clone();
    let weighted = index.weigh(question, lang);
    let confidence = index.coverage(&weighted, doc.id);
    Some(Grounding { doc, confidence })
}

/// Words that open a follow-up: "¿y…?", "and what about…", "what if…".
const FOLLOW_ON: &[&str] = &[
    "y",
    "and",
    "e",
    "tambien",
    "also",
    "what about",
    "how about",
    "what if",
    "y si",
    "y para",
    "and for",
    "and if",
    "entonces",
    "then",
    "ok and",
    "y en",
    "and in",
];

fn follows_on(question: &str) -> bool {
    let folded = super::text::words(question).join(" ");
    FOLLOW_ON.iter().any(|lead| folded == *lead || folded.starts_with(&format!("{lead} ")))
}

/// The text to search for `question`: the question itself, or — for a follow-up ("¿y cuánto
/// cuesta?", "what about saturdays?", or any question of three content words or fewer) — the
/// question read together with the customer's previous message, when that reading explains the
/// conversation at least as well.
pub fn contextual_query(index: &Index, question: &str, earlier: &[String], lang: Lang) -> String {
    let Some(previous) = earlier.last() else { return question.to_owned() };
    let follow_on = follows_on(question);
    let words = index.weigh(question, lang).len();
    if !follow_on && words > 3 {
        return question.to_owned();
    }
    let together = format!("{question}\n{previous}");
    match (ground(index, question, lang), ground(index, &together, lang)) {
        (Some(a), Some(t)) => {
            // A lead word or a very short question says the customer is still on the same topic.
            let margin = match (follow_on, words <= 2) {
                (true, true) => 0.3,
                (true, false) => 0.15,
                (false, true) => 0.25,
                (false, false) => 0.0,
            };
            if t.confidence + margin >= a.confidence { together } else { question.to_owned() }
        }
        (None, Some(_)) => together,
        _ => question.to_owned(),
    }
}

/// [`ground`] on the [`contextual_query`].
pub fn ground_in_context(index: &Index, question: &str, earlier: &[String], lang: Lang) -> Option<Grounding> {
    ground(index, &contextual_query(index, question, earlier, lang), lang)
}

/// Like [`ground`], fusing the lexical ranking with `semantic` hits (article, cosine similarity)
/// by reciprocal rank. The confidence is the lexical coverage, or — when the chosen article is
/// semantically at least `min_similarity` away from the question — at least 0.5, rising to 1 as
/// the similarity does: a paraphrase with no word in common can still be answered.
pub fn ground_hybrid(
    index: &Index,
    question: &str,
    lang: Lang,
    semantic: &[(i32, f32)],
    min_similarity: f32,
) -> Option<Grounding> {
    let lexical: Vec<i32> = index.search_in(question, lang, None, CANDIDATES * 2).into_iter().map(|h| h.id).collect();
    let nearest: Vec<i32> = semantic.iter().map(|(id, _)| *id).filter(|id| index.get(*id).is_some()).collect();
    let fused = super::embeddings::fuse(&[&lexical, &nearest]);
    let top = fused.first()?;
    let chosen = fused
        .iter()
        .take(CANDIDATES)
        .find(|(id, score)| *score >= top.1 * 0.9 && index.get(*id).is_some_and(|d| d.language == lang.code()))
        .unwrap_or(top);
    let doc = index.get(chosen.0)?.clone();
    let coverage = index.coverage(&index.weigh(question, lang), doc.id);
    let similarity = semantic.iter().find(|(id, _)| *id == doc.id).map_or(0.0, |(_, s)| *s);
    let semantic_confidence = if similarity >= min_similarity && min_similarity < 1.0 {
        0.5 + 0.5 * (similarity - min_similarity) / (1.0 - min_similarity)
    } else {
        0.0
    };
    Some(Grounding { doc, confidence: coverage.max(semantic_confidence).min(1.0) })
}

/// Top articles for an LLM prompt: the grounding article first, then the next best in any language.
pub fn context(index: &Index, question: &str, lang: Lang, first: &Doc, limit: usize) -> Vec<Doc> {
    let mut docs = vec![first.clone()];
    for hit in index.search_in(question, lang, None, limit + 1) {
        if docs.len() >= limit {
            break;
        }
        if hit.id != first.id
            && let Some(doc) = index.get(hit.id)
        {
            docs.push(doc.clone());
        }
    }
    docs
}

/// The passage of an article that covers most of the question, cleaned of Markdown markup. A
/// list comes with the sentence that introduces it.
pub fn passage(passages: &Passages, weighted: &Weighted) -> String {
    passages.best(weighted).map(|text| shorten(&clean(text), MAX_PASSAGE)).unwrap_or_default()
}

/// Markdown to chat text: no headings' hashes, emphasis marks or link syntax.
fn clean(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.lines() {
        let mut line = line.trim_start_matches('#').trim_start().to_owned();
        if let Some(rest) = line.strip_prefix("* ") {
            line = format!("- {rest}");
        }
        line = line.replace("**", "").replace("__", "").replace('`', "");
        out.push_str(&unlink(&line));
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// `[text](url)` → `text (url)`.
fn unlink(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close + 2..].find(')') else { break };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        out.push_str(" (");
        out.push_str(&after[close + 2..close + 2 + end]);
        out.push(')');
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Cuts at the last sentence or line end before `max` characters.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(['.', '\n', '!', '?']).filter(|&e| e > max / 3).map_or(cut.len(), |e| e + 1);
    format!("{}…", cut[..end].trim_end())
}

/// What the responder says, per language.
pub mod say {
    use super::Lang;

    pub fn cite(lang: Lang, title: &str) -> String {
        match lang {
            Lang::Es => format!("Fuente: {title}"),
            Lang::En => format!("Source: {title}"),
        }
    }

    pub fn other_language(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => "(Esta información solo está disponible en inglés.)",
            Lang::En => "(This information is only available in Spanish.)",
        }
    }

    pub fn unsure(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => {
                "No estoy seguro de tener la respuesta correcta a eso. ¿Quieres que te comunique con un asesor? \
                 También puedes reformular tu pregunta."
            }
            Lang::En => {
                "I'm not sure I have the right answer to that. Would you like me to connect you with an agent? \
                 You can also rephrase your question."
            }
        }
    }

    pub fn handover(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => {
                "Te comunico con un asesor de nuestro equipo; en breve una persona continuará esta conversación."
            }
            Lang::En => {
                "I'm connecting you with an agent from our team; a person will continue this conversation shortly."
            }
        }
    }

    pub fn meanwhile(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => "Mientras tanto:",
            Lang::En => "In the meantime:",
        }
    }

    pub fn greeting(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => "¡Hola! Soy el asistente virtual del banco. ¿En qué puedo ayudarte hoy?",
            Lang::En => "Hello! I'm the bank's virtual assistant. How can I help you today?",
        }
    }

    pub fn thanks(lang: Lang) -> &'static str {
        match lang {
            Lang::Es => "¡Con gusto! ¿Hay algo más en lo que pueda ayudarte?",
            Lang::En => "You're welcome! Is there anything else I can help you with?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: i32, title: &str, content: &str, language: &str) -> Doc {
        Doc {
            id,
            title: title.into(),
            content: content.into(),
            category: "cards".into(),
            language: language.into(),
            ..Doc::default()
        }
    }

    fn index() -> Index {
        let mut index = Index::new();
        index.upsert(doc(
            1,
            "Bloquear una tarjeta robada",
            "Si te robaron la tarjeta, bloquéala de inmediato.\n\nPara bloquearla desde la app:\n\n\
                1. Entra a **Tarjetas**.\n2. Elige la tarjeta.\n3. Toca *Bloquear*.\n\n\
                La reposición cuesta $150 y llega en 5 días hábiles.",
            "es",
        ));
        index.upsert(doc(
            2,
            "Block a stolen card",
            "If your card was stolen, block it right away.\n\nTo block it in the app:\n\n\
                1. Open **Cards**.\n2. Pick the card.\n3. Tap Block.\n\n\
                A replacement costs $150 and arrives in 5 business days.",
            "en",
        ));
        index.upsert(doc(3, "Horario de sucursales", "Las sucursales abren de 9:00 a 16:00.", "es"));
        index
    }

    #[test]
    fn prefers_the_customers_language() {
        let index = index();
        assert_eq!(ground(&index, "how do I block my card", Lang::En).unwrap().doc.id, 2);
        assert_eq!(ground(&index, "cómo bloqueo mi tarjeta", Lang::Es).unwrap().doc.id, 1);
    }

    #[test]
    fn confidence_follows_coverage() {
        let index = index();
        let sure = ground(&index, "how do I block my card", Lang::En).unwrap();
        assert!(sure.confidence > 0.8, "{}", sure.confidence);
        let unsure = ground(&index, "what is the weather in Paris for my card", Lang::En).unwrap();
        assert!(unsure.confidence < 0.4, "{}", unsure.confidence);
    }

    #[test]
    fn quotes_the_relevant_passage_with_its_lead_in() {
        let index = index();
        let w = index.weigh("how much does a replacement card cost", Lang::En);
        let p = passage(index.passages(2).unwrap(), &w);
        assert_eq!(p, "A replacement costs $150 and arrives in 5 business days.");
        let w = index.weigh("how do I block it in the app", Lang::En);
        let p = passage(index.passages(2).unwrap(), &w);
        assert!(p.starts_with("To block it in the app:\n\n1. Open Cards."), "{p}");
        assert!(!p.contains("replacement"));
    }

    #[test]
    fn follow_ups_are_read_with_the_previous_message() {
        let index = index();
        let earlier = vec!["how do I block my card".to_owned()];
        let g = ground_in_context(&index, "and what does a replacement cost?", &earlier, Lang::En).unwrap();
        assert_eq!(g.doc.id, 2);
        assert!(follows_on("¿y cuánto cuesta?") && follows_on("what about saturdays") && !follows_on("yes"));
    }

    #[test]
    fn cleans_markdown() {
        assert_eq!(clean("## Title\n* **bold** [site](https://x.test)"), "Title\n- bold site (https://x.test)");
        assert!(shorten(&"Uno. ".repeat(300), 100).ends_with('…'));
    }
}
