//! The admin panel in Spanish and English. Texts are written in English in the pages, through a
//! [`T`] (`tr.s("Tickets")`); Spanish comes from the table in `es.rs`, where a unit test checks that
//! every text the pages use has its translation. The language is the staff member's own setting
//! (`language`), else the browser's `Accept-Language`, else `JOXAI_DEFAULT_LANGUAGE`; the server
//! renders pages in it, so they come out right without JavaScript. The browser learns the Spanish
//! table with the page ([`Speech`]) rather than carrying it in its wasm.

#[cfg(any(test, feature = "ssr"))]
mod es;

use std::borrow::Cow;

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
            Lang::Es => spanish(english).unwrap_or(english),
        }
    }

    /// `english` in the page's language with each `{}` filled by the next of `args`.
    pub fn fill(self, english: &'static str, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        for (i, piece) in self.s(english).split("{}").enumerate() {
            if i > 0 {
                args.next().map(|arg| std::fmt::write(&mut out, format_args!("{arg}")));
            }
            out.push_str(piece);
        }
        out
    }

    /// `text` in the page's language when the table has it, else as it is (for texts that come
    /// from the server, such as its refusals).
    pub fn say(self, text: &str) -> &str {
        match self.0 {
            Lang::Es => spanish(text).unwrap_or(text),
            Lang::En => text,
        }
    }

    /// A number with `decimals`, with the language's decimal mark.
    pub fn num(self, value: f64, decimals: usize) -> String {
        let text = format!("{value:.decimals$}");
        if self.0 == Lang::Es { text.replace('.', ",") } else { text }
    }

    /// A day as the language writes it (`04/12/2026` or `2026-12-04`).
    pub fn day(self, at: chrono::DateTime<chrono::Utc>) -> String {
        match self.0 {
            Lang::Es => at.format("%d/%m/%Y").to_string(),
            Lang::En => at.format("%Y-%m-%d").to_string(),
        }
    }

    /// A calendar day given as `YYYY-MM-DD`, as the language writes it (`04/12/2026`), or its day
    /// and month alone (`04/12`, `12-04`) with `short`.
    pub fn date(self, iso: &str, short: bool) -> String {
        let parts: Vec<&str> = iso.split('-').collect();
        match (self.0, parts.as_slice(), short) {
            (Lang::Es, [y, m, d], false) => format!("{d}/{m}/{y}"),
            (Lang::Es, [_, m, d], true) => format!("{d}/{m}"),
            (Lang::En, [_, m, d], true) => format!("{m}-{d}"),
            _ => iso.to_owned(),
        }
    }

    /// A date and time as the language writes it (`04/12/2026 10:20` or `2026-12-04 10:20`).
    pub fn when(self, at: chrono::DateTime<chrono::Utc>) -> String {
        match self.0 {
            Lang::Es => at.format("%d/%m/%Y %H:%M").to_string(),
            Lang::En => at.format("%Y-%m-%d %H:%M").to_string(),
        }
    }
}

#[cfg(feature = "ssr")]
fn spanish(english: &str) -> Option<&'static str> {
    es::text(english)
}

/// The Spanish table the browser learnt from its first page.
#[cfg(not(feature = "ssr"))]
static SPANISH: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();

#[cfg(not(feature = "ssr"))]
fn spanish(english: &str) -> Option<&'static str> {
    SPANISH.get()?.get(english).copied()
}

/// The language to speak and how the browser gets the Spanish texts: a page drawn on the server
/// names a script that holds them (`script`, cached by the browser for a year: it is named by
/// their hash); a page drawn in the browser (after signing in, say) gets them here (`texts`).
/// English needs neither.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Speech {
    pub lang: Lang,
    pub texts: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    pub script: Option<String>,
}

impl Speech {
    /// What to send for `lang`; `page` when the server is drawing a page.
    #[cfg(feature = "ssr")]
    pub fn of(lang: Lang, page: bool) -> Speech {
        match (lang, page) {
            (Lang::En, _) => Speech { lang, texts: Vec::new(), script: None },
            (Lang::Es, true) => Speech { lang, texts: Vec::new(), script: Some(spanish_script().0.clone()) },
            (Lang::Es, false) => {
                let texts = es::table().map(|(en, es)| (Cow::Borrowed(en), Cow::Borrowed(es))).collect();
                Speech { lang, texts, script: None }
            }
        }
    }

    /// The `<script>` of the Spanish texts, for the page (drawn on the server, it runs before the
    /// page comes alive), and the translator for the page. In the browser the texts are learnt
    /// first, once: a new language reloads the page.
    pub fn take(self) -> (impl IntoView, T) {
        #[cfg(not(feature = "ssr"))]
        {
            let leak = |text: Cow<'static, str>| -> &'static str { Box::leak(text.into_owned().into_boxed_str()) };
            if !self.texts.is_empty() {
                SPANISH.get_or_init(|| self.texts.into_iter().map(|(en, es)| (leak(en), leak(es))).collect());
            } else if self.lang == Lang::Es {
                #[cfg(feature = "hydrate")]
                SPANISH.get_or_init(|| from_window().into_iter().map(|(en, es)| (leak(en), leak(es))).collect());
            }
        }
        // A plain script where the page has it: drawn on the server, it runs as the page is read,
        // before the page comes alive.
        let script = self.script.map(|src| view! { <script src=src nonce=leptos::nonce::use_nonce()></script> });
        (script, T(self.lang))
    }
}

/// The script that sets `window.joxaiEs` to the Spanish texts (the JSON of their (English,
/// Spanish) pairs, as a string), and the path it is served at (`/i18n/es-<16 hex>.js`, named by
/// its content's FNV-1a hash).
#[cfg(feature = "ssr")]
pub fn spanish_script() -> &'static (String, String) {
    static SCRIPT: std::sync::LazyLock<(String, String)> = std::sync::LazyLock::new(|| {
        let pairs = serde_json::to_string(&es::table().collect::<Vec<_>>()).unwrap_or_default();
        let body = format!("window.joxaiEs={};", serde_json::Value::String(pairs));
        let hash =
            body.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
        (format!("/i18n/es-{hash:016x}.js"), body)
    });
    &SCRIPT
}

/// The texts the page's script left in `window.joxaiEs`.
#[cfg(feature = "hydrate")]
fn from_window() -> Vec<(Cow<'static, str>, Cow<'static, str>)> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let json = js_sys::Reflect::get(&window, &"joxaiEs".into()).ok().and_then(|v| v.as_string());
    json.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default()
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
        assert_eq!(T(Lang::Es).date("2026-12-04", false), "04/12/2026");
        assert_eq!(T(Lang::Es).date("2026-12-04", true), "04/12");
        assert_eq!(T(Lang::En).date("2026-12-04", false), "2026-12-04");
        assert_eq!(T(Lang::En).date("2026-12-04", true), "12-04");
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
                if path.parent().is_some_and(|dir| dir.ends_with("i18n")) {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let calls = text.split("tr.s(").skip(1).chain(text.split("tr.fill(").skip(1));
                for piece in calls.filter_map(|call| call.trim_start().strip_prefix('"')) {
                    let Some(end) = piece.find('"') else { continue };
                    // A text carried over lines with `\` at their ends reads as one line.
                    let key = piece[..end].split("\\\n").map(str::trim_start).collect::<String>();
                    if es::text(&key).is_none() {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "texts without Spanish:\n{}", missing.join("\n"));
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<_> = es::table().filter(|(en, _)| !seen.insert(*en)).collect();
        assert!(twice.is_empty(), "texts translated twice: {twice:?}");
        // The names of states, priorities and roles the pages show.
        use domain::model::{
            ConversationStatus, CustomerStatus, CustomerType, MessageRole, Presence, Priority, Role, TicketStatus,
        };
        let names = (ConversationStatus::ALL.iter().map(|v| v.as_str()))
            .chain(CustomerStatus::ALL.iter().map(|v| v.as_str()))
            .chain(CustomerType::ALL.iter().map(|v| v.as_str()))
            .chain(MessageRole::ALL.iter().map(|v| v.as_str()))
            .chain(Presence::ALL.iter().map(|v| v.as_str()))
            .chain([Priority::Low, Priority::Medium, Priority::High, Priority::Urgent].map(Priority::as_str))
            .chain(Role::ALL.iter().map(|v| v.as_str()))
            .chain(TicketStatus::ALL.iter().map(|v| v.as_str()));
        let unnamed: Vec<_> = names.filter(|name| es::text(name).is_none()).collect();
        assert!(unnamed.is_empty(), "names without Spanish: {unnamed:?}");
        #[cfg(feature = "ssr")]
        {
            let described = domain::settings::known::KNOWN.iter().map(|k| k.description);
            let undescribed: Vec<_> = described.filter(|d| es::text(d).is_none()).collect();
            assert!(undescribed.is_empty(), "settings described only in English: {undescribed:?}");
        }
        let holes = |text: &str| text.matches("{}").count();
        let unfilled: Vec<_> = es::table().filter(|(en, es)| holes(en) != holes(es)).collect();
        assert!(unfilled.is_empty(), "translations with other blanks than their English: {unfilled:?}");
    }
}
