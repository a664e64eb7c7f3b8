//! The admin panel in Spanish and English. Texts are written in English in the pages, through a
//! [`T`] (`tr.s("Tickets")`); Spanish comes from the table in `es.rs`, where a unit test checks that
//! every text the pages use has its translation. The language is the staff member's own setting
//! (`language`), else the browser's `Accept-Language`, else `JOXAI_DEFAULT_LANGUAGE`; the server
//! renders pages in it, so they come out right without JavaScript.

mod es;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A language of the admin panel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// `es…` or `en…` (any case); anything else is none.
    pub fn parse(text: &str) -> Option<Lang> {
        let text = text.trim().to_ascii_lowercase();
        if text.starts_with("es") {
            Some(Lang::Es)
        } else if text.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The first language of an `Accept-Language` header the panel speaks, by preference.
    pub fn from_accept(header: &str) -> Option<Lang> {
        let mut tags: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let q =
                    pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                Some((q, lang))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        tags.first().map(|t| t.1)
    }
}

/// The translator of the page being drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct T(pub Lang);

impl T {
    /// `english` in the page's language (English itself when the table lacks it; a test keeps
    /// the table complete).
    pub fn s(self, english: &'static str) -> &'static str {
        match self.0 {
            Lang::En => english,
            Lang::Es => es::text(english).unwrap_or(english),
        }
    }

    /// A number with `decimals`, with the language's decimal mark.
    pub fn num(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.0 == Lang::Es { text.replace('.', ",") } else { text }
    }

    /// A date and time as the language writes it (`04/12/2026 10:20` or `2026-12-04 10:20`).
    pub fn when(self, at: chrono::DateTime<chrono::Utc>) -> String {
        match self.0 {
            Lang::Es => at.format("%d/%m/%Y %H:%M").to_string(),
            Lang::En => at.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

/// The translator the shell provided (English outside it).
pub fn use_t() -> T {
    use_context::<T>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_language_spoken() {
        assert_eq!(Lang::from_accept("es-MX,es;q=0.9,en;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept("fr-FR, en-GB;q=0.7, es;q=0.5"), Some(Lang::En));
        assert_eq!(Lang::from_accept("en;q=0.2, es;q=0.8"), Some(Lang::Es));
        assert_eq!(Lang::from_accept("fr, de"), None);
        assert_eq!(T(Lang::Es).num(4.5, 1), "4,5");
    }

    /// Every literal text the panel's sources translate (`tr.s` of a quoted text) has its Spanish.
    #[test]
    fn every_text_has_its_spanish() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for piece in text.split("tr.s(\"").skip(1) {
                    let Some(end) = piece.find("\")") else { continue };
                    let key = &piece[..end];
                    if es::text(key).is_none() {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "texts without Spanish:\n{}", missing.join("\n"));
    }
}
