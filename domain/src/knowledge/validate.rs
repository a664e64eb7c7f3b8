//! Article field rules: trimmed, bounded, categories and tags in one canonical form.

use crate::assistant::language::{self, Lang};
use crate::error::{DomainError, DomainResult};
use crate::model::CreateArticleRequest;

const MAX_CONTENT: usize = 50_000;
const MAX_TAGS: usize = 20;
/// Most example questions an article keeps; learning one more drops the oldest.
pub const MAX_EXAMPLES: usize = 50;
const MAX_EXAMPLE_CHARS: usize = 300;

/// A new article's fields, checked.
pub struct NewArticle {
    pub title: String,
    pub content: String,
    pub category: String,
    pub tags: Vec<String>,
    pub examples: Vec<String>,
    pub language: Lang,
}

pub fn new_article(req: &CreateArticleRequest, fallback: Lang) -> DomainResult<NewArticle> {
    let title = title(&req.title)?;
    let content = content(&req.content)?;
    let language = match req.language.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(code) => language(code)?,
        None => language::detect(&format!("{title}\n{content}"), fallback),
    };
    Ok(NewArticle {
        category: category(&req.category)?,
        tags: tags(&req.tags)?,
        examples: examples(&req.examples)?,
        title,
        content,
        language,
    })
}

pub fn title(title: &str) -> DomainResult<String> {
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 255 {
        return Err(DomainError::validation("title", "Title must be 1 to 255 characters"));
    }
    Ok(title.to_owned())
}

pub fn content(content: &str) -> DomainResult<String> {
    let content = content.trim();
    if content.is_empty() {
        return Err(DomainError::validation("content", "Content is required"));
    }
    if content.chars().count() > MAX_CONTENT {
        return Err(DomainError::validation("content", format!("Content must be at most {MAX_CONTENT} characters")));
    }
    Ok(content.replace("\r\n", "\n"))
}

/// Lower case, words joined by `_`: "Account Management" → `account_management`.
pub fn category(category: &str) -> DomainResult<String> {
    let canonical = category.trim().to_lowercase().split_whitespace().collect::<Vec<_>>().join("_");
    let valid = !canonical.is_empty()
        && canonical.chars().count() <= 64
        && canonical.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if !valid {
        return Err(DomainError::validation(
            "category",
            "Category must be 1 to 64 letters, digits, spaces, '-' or '_'",
        ));
    }
    Ok(canonical)
}

pub fn tags(tags: &[String]) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() || tag.chars().count() > 64 {
            return Err(DomainError::validation("tags", "Each tag must be 1 to 64 characters"));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(DomainError::validation("tags", format!("At most {MAX_TAGS} tags")));
    }
    Ok(out)
}

/// Example questions: trimmed, PII redacted (they are shown to staff and sent to embedding
/// providers), repeats dropped (any case), each 1 to 300 characters, at most 50.
pub fn examples(examples: &[String]) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for example in examples {
        let example = example.split_whitespace().collect::<Vec<_>>().join(" ");
        if example.is_empty() || example.chars().count() > MAX_EXAMPLE_CHARS {
            return Err(DomainError::validation(
                "examples",
                format!("Each example question must be 1 to {MAX_EXAMPLE_CHARS} characters"),
            ));
        }
        let example = crate::assistant::redact::redact(&example).text;
        if !out.iter().any(|e| e.to_lowercase() == example.to_lowercase()) {
            out.push(example);
        }
    }
    if out.len() > MAX_EXAMPLES {
        return Err(DomainError::validation("examples", format!("At most {MAX_EXAMPLES} example questions")));
    }
    Ok(out)
}

pub fn language(code: &str) -> DomainResult<Lang> {
    match code.trim().to_ascii_lowercase().as_str() {
        "es" => Ok(Lang::Es),
        "en" => Ok(Lang::En),
        _ => Err(DomainError::validation("language", "Language must be 'es' or 'en'")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_forms() {
        assert_eq!(category(" Account Management ").unwrap(), "account_management");
        assert!(category("cards; drop table").is_err());
        assert_eq!(tags(&["PIN".into(), "pin".into(), " nip ".into()]).unwrap(), vec!["pin", "nip"]);
        assert!(tags(&["".into()]).is_err());
        assert!(language("fr").is_err());
        assert!(title(&"x".repeat(256)).is_err());
        assert_eq!(content("a\r\nb").unwrap(), "a\nb");
        let learned =
            examples(&["  my card  number 4111 1111 1111 1111?".into(), "MY CARD number 4111111111111111?".into()]);
        let learned = learned.unwrap();
        assert_eq!(learned.len(), 1);
        assert!(!learned[0].contains("4111 1111"), "{learned:?}");
        assert!(examples(&["".into()]).is_err());
        let many: Vec<String> = (0..=MAX_EXAMPLES).map(|n| format!("question {n}")).collect();
        assert!(examples(&many).is_err());
    }

    #[test]
    fn language_is_detected_when_absent() {
        let req = CreateArticleRequest {
            title: "Cómo bloquear tu tarjeta".into(),
            content: "Entra a la app y toca bloquear.".into(),
            category: "cards".into(),
            ..Default::default()
        };
        assert_eq!(new_article(&req, Lang::En).unwrap().language, Lang::Es);
    }
}
