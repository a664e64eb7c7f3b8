//! Stemming, per language: Porter2 (Snowball) for English; for Spanish a light stemmer of our
//! own, because Snowball's Spanish takes "-amos" for a verb ending and parts "préstamo" from
//! "préstamos". Both work on folded words (lower case, no accents).

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::language::Lang;

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// `word`'s stem in `lang`. Short words and words with digits are left alone.
pub fn stem(word: &str, lang: Lang) -> String {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_owned();
    }
    match lang {
        Lang::En => ENGLISH.stem(word).into_owned(),
        Lang::Es => spanish(word),
    }
}

/// Strips `suffix` when at least `keep` characters remain.
fn strip<'a>(w: &'a str, suffix: &str, keep: usize) -> Option<&'a str> {
    w.strip_suffix(suffix).filter(|base| base.chars().count() >= keep)
}

/// Plural, then one derivational or verb ending, then up to two final vowels, so that
/// "bloquear", "bloqueo", "bloqueada" and "bloquearon" meet, and "tarjetas" meets "tarjeta".
fn spanish(word: &str) -> String {
    let mut w = word;
    // An infinitive with a pronoun attached: "bloquearla", "activarlo", "registrarse".
    for clitic in ["las", "los", "les", "nos", "la", "lo", "le", "se", "me", "te"] {
        if let Some(base) = strip(w, clitic, 5)
            && (base.ends_with("ar") || base.ends_with("er") || base.ends_with("ir"))
        {
            w = base;
            break;
        }
    }
    if let Some(base) = strip(w, "es", 3).filter(|b| b.chars().last().is_some_and(|c| !"aeiou".contains(c))) {
        w = base;
    } else if let Some(base) = strip(w, "s", 3) {
        w = base;
    }
    const ENDINGS: &[&str] = &[
        "amiento", "imiento", "aciones", "mente", "acion", "icion", "encia", "ancia", "aron", "ieron", "ando", "iendo",
        "aste", "iste", "aban", "aria", "eria", "iria", "ado", "ada", "ido", "ida", "aba", "ar", "er", "ir", "io",
    ];
    for ending in ENDINGS {
        // "olvido" is not "olv-ido", nor "estado" "est-ado"; "perdido" is "perd-ido".
        let keep =
            if ending.len() == 3 && ending.starts_with(['i', 'a']) && ending.ends_with(['o', 'a']) { 4 } else { 3 };
        if let Some(base) = strip(w, ending, keep) {
            w = base;
            break;
        }
    }
    // Verb plurals: "llegan", "funcionan".
    for ending in ["an", "en"] {
        if let Some(base) = strip(w, ending, 4) {
            w = base;
            break;
        }
    }
    for _ in 0..2 {
        match w.chars().last() {
            Some('a' | 'o' | 'e') if w.chars().count() > 3 => w = &w[..w.len() - 1],
            Some('i') if w.chars().count() > 4 => w = &w[..w.len() - 1],
            _ => break,
        }
    }
    // "bloqu-" and "pagu-" spell the same sound as "bloc-" and "pag-".
    if let Some(base) = w.strip_suffix("qu") {
        return format!("{base}c");
    }
    if let Some(base) = w.strip_suffix("gu").filter(|b| b.chars().count() >= 2) {
        return format!("{base}g");
    }
    w.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(lang: Lang, words: &[&str]) {
        let first = stem(words[0], lang);
        for w in &words[1..] {
            assert_eq!(stem(w, lang), first, "{w} vs {}", words[0]);
        }
    }

    #[test]
    fn spanish_families_meet() {
        same(Lang::Es, &["tarjeta", "tarjetas"]);
        same(Lang::Es, &["bloquear", "bloqueo", "bloqueada", "bloquearon", "bloquee", "bloquearla", "bloquea"]);
        same(Lang::Es, &["pago", "pagos", "pagar", "pague", "pagaron"]);
        same(Lang::Es, &["prestamo", "prestamos"]);
        same(Lang::Es, &["cancelar", "cancelacion", "cancele"]);
        same(Lang::Es, &["retiro", "retiros", "retirar", "retire"]);
        same(Lang::Es, &["transferencia", "transferencias", "transferir"]);
        same(Lang::Es, &["olvide", "olvidar", "olvido"]);
        same(Lang::Es, &["comision", "comisiones"]);
        same(Lang::Es, &["perdi", "perder", "perdida", "perdio"]);
        same(Lang::Es, &["robaron", "robar"]);
        assert_ne!(stem("estado", Lang::Es), stem("esta", Lang::Es));
    }

    #[test]
    fn english_families_meet() {
        same(Lang::En, &["block", "blocked", "blocking", "blocks"]);
        same(Lang::En, &["withdraw", "withdrawal", "withdrawals"]);
        same(Lang::En, &["card", "cards"]);
        same(Lang::En, &["activate", "activation", "activated"]);
    }

    #[test]
    fn leaves_short_words_and_numbers() {
        assert_eq!(stem("pin", Lang::Es), "pin");
        assert_eq!(stem("spei", Lang::Es), "spei");
        assert_eq!(stem("24h", Lang::En), "24h");
    }
}
