//! Turns text into index terms: folded words, minus stop words, lightly stemmed (Spanish and
//! English), plus concept terms from a bilingual banking synonym lexicon so that "balance" meets
//! "saldo" and "send money abroad" meets "transferencia internacional".

use super::text::words;

/// Words too common to help ranking, in both languages.
const STOP: &[&str] = &[
    "a", "al", "algo", "como", "con", "de", "del", "el", "en", "es", "esta", "este", "esto", "la", "las", "le", "lo",
    "los", "me", "mi", "mis", "muy", "no", "o", "para", "pero", "por", "que", "se", "si", "sin", "su", "sus", "te",
    "tu", "un", "una", "uno", "y", "ya", "yo", "hola", "quiero", "puedo", "necesito", "favor", "an", "and", "are",
    "as", "at", "be", "but", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in", "is", "it", "my", "of",
    "on", "or", "please", "so", "the", "this", "to", "want", "what", "when", "where", "which", "with", "you", "your",
    "hi", "hello", "need", "get", "got", "one", "next", "will", "would", "could", "should", "there", "any", "some",
    "about", "have", "has", "had", "am", "was", "were", "been", "tell", "know", "just", "also", "me", "we", "our",
    "im", "dont", "did", "didnt", "it's", "its", "much", "many", "us", "que", "cual", "cuales", "cuanto", "cuanta",
    "cuantos", "cuantas", "hacer", "hago", "hice", "piden", "pide", "dice", "tiene", "tienen", "tengo", "hay", "puede",
    "pueden", "ha", "han", "he", "otra", "persona", "mil", "pesos", "mxn", "dollar", "someone", "alguien", "usar",
    "using", "use", "ahi", "alla", "aqui", "there's", "thing", "cosa",
];

/// Concept groups: any of these phrases (folded words) adds the concept term `@name`.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("balance", &["saldo", "saldos", "balance", "balances", "cuanto dinero tengo", "how much money"]),
    (
        "transfer",
        &[
            "transferencia",
            "transferencias",
            "transferir",
            "transfer",
            "transfers",
            "wire",
            "wires",
            "spei",
            "enviar dinero",
            "mandar dinero",
            "send money",
            "send money abroad",
            "envio de dinero",
            "remesa",
        ],
    ),
    (
        "abroad",
        &[
            "extranjero",
            "internacional",
            "internacionales",
            "abroad",
            "international",
            "overseas",
            "europa",
            "europe",
            "estados unidos",
            "united states",
            "usa",
        ],
    ),
    ("other_bank", &["otro banco", "otros bancos", "another bank", "other bank", "other banks", "interbancaria"]),
    (
        "lost",
        &[
            "perdi",
            "perdida",
            "perdido",
            "perdiste",
            "extravie",
            "extravio",
            "robaron",
            "robo",
            "robada",
            "robado",
            "lost",
            "lose",
            "stolen",
            "stole",
            "theft",
            "can't find",
            "cannot find",
        ],
    ),
    (
        "travel",
        &["viaje", "viajar", "viajo", "vacaciones", "travel", "travelling", "traveling", "trip", "holiday", "vacation"],
    ),
    ("apply", &["pedir", "solicitar", "solicitarlo", "solicitud", "tramitar", "apply", "application", "request"]),
    ("phone", &["telefono", "numero", "llamar", "llamo", "linea", "phone", "call", "number", "telephone", "hotline"]),
    ("card", &["tarjeta", "tarjetas", "card", "cards", "plastico", "debito", "credito", "debit", "credit"]),
    ("block", &["bloquear", "bloqueo", "bloqueada", "congelar", "block", "blocked", "freeze", "lock card"]),
    (
        "login",
        &[
            "locked out",
            "forgot password",
            "forgot my password",
            "reset password",
            "olvide mi contrasena",
            "olvide contrasena",
            "recuperar contrasena",
            "contrasena",
            "password",
            "no puedo entrar",
            "can't log in",
            "cannot log in",
            "iniciar sesion",
            "log in",
            "login",
            "acceso",
            "usuario bloqueado",
        ],
    ),
    ("loan", &["prestamo", "prestamos", "credito personal", "loan", "loans", "mortgage", "hipoteca", "hipotecario"]),
    ("account", &["cuenta", "cuentas", "account", "accounts"]),
    ("open", &["abrir", "apertura", "open", "opening", "contratar"]),
    ("hours", &["horario", "horarios", "hours", "opening hours", "abierto", "abren", "cierran", "schedule"]),
    ("branch", &["sucursal", "sucursales", "branch", "branches", "oficina"]),
    ("fee", &["comision", "comisiones", "fee", "fees", "cargo", "cobro", "charge", "cost", "costo", "cuesta"]),
    ("interest", &["interes", "intereses", "interest", "tasa", "rate", "cat", "apr"]),
    ("atm", &["cajero", "cajeros", "atm", "atms", "cash machine", "retiro", "retirar", "withdraw", "withdrawal"]),
    ("statement", &["estado de cuenta", "estados de cuenta", "statement", "statements", "movimientos", "transactions"]),
    ("app", &["app", "aplicacion", "banca movil", "mobile banking", "banca en linea", "online banking"]),
    ("limit", &["limite", "limites", "limit", "limits", "tope"]),
    ("pin", &["nip", "pin"]),
];

/// Index terms of `text`, with repeats (term frequency matters).
pub fn terms(text: &str) -> Vec<String> {
    let tokens = words(text);
    let mut out: Vec<String> =
        tokens.iter().filter(|w| !STOP.contains(&w.as_str())).map(|w| stem(w)).filter(|w| !w.is_empty()).collect();
    for (concept, phrases) in SYNONYMS {
        let hits = phrases.iter().filter(|p| count_phrase(&tokens, p) > 0).count();
        for _ in 0..hits.min(2) {
            out.push(format!("@{concept}"));
        }
    }
    out
}

/// A query word and what may stand in for it: its stem and the concepts of every synonym phrase
/// the word is part of. A document "has" the word when it has any alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub alternatives: Vec<String>,
}

/// The content words of a query as [`Group`]s, for coverage: how much of a question an article
/// (or a passage of it) speaks to.
pub fn query_groups(text: &str) -> Vec<Group> {
    let tokens = words(text);
    let mut concepts_at: Vec<Vec<String>> = vec![Vec::new(); tokens.len()];
    for (concept, phrases) in SYNONYMS {
        for phrase in *phrases {
            let wanted: Vec<&str> = phrase.split(' ').collect();
            for start in 0..tokens.len().saturating_sub(wanted.len() - 1) {
                let window = &tokens[start..start + wanted.len()];
                if window.iter().zip(&wanted).all(|(a, b)| a == b) {
                    for slot in &mut concepts_at[start..start + wanted.len()] {
                        let term = format!("@{concept}");
                        if !slot.contains(&term) {
                            slot.push(term);
                        }
                    }
                }
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for (token, concepts) in tokens.iter().zip(concepts_at) {
        if STOP.contains(&token.as_str()) {
            continue;
        }
        // Amounts and dates say little about the topic.
        if token.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let stemmed = stem(token);
        if stemmed.is_empty() || groups.iter().any(|g| g.alternatives[0] == stemmed) {
            continue;
        }
        let mut alternatives = vec![stemmed];
        alternatives.extend(concepts);
        groups.push(Group { alternatives });
    }
    groups
}

fn count_phrase(tokens: &[String], phrase: &str) -> usize {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    tokens.windows(wanted.len()).filter(|w| w.iter().zip(&wanted).all(|(a, b)| a == b)).count()
}

/// A light stemmer for Spanish and English: plural, then one common suffix, then a final "e", so
/// that "tarjetas", "transfers", "blocked" and "balances" meet their base forms. Short words and
/// words with digits are left alone.
pub fn stem(word: &str) -> String {
    if word.chars().count() <= 3 || word.chars().any(|c| c.is_ascii_digit()) {
        return word.to_owned();
    }
    let mut w = word;
    // Spanish infinitives with a pronoun attached: "bloquearla", "activarlo", "registrarse".
    for clitic in ["las", "los", "les", "la", "lo", "le", "se", "me", "te"] {
        if let Some(base) = w.strip_suffix(clitic)
            && base.chars().count() >= 5
            && (base.ends_with("ar") || base.ends_with("er") || base.ends_with("ir"))
        {
            w = base;
            break;
        }
    }
    if let Some(base) = w.strip_suffix("es")
        && base.chars().last().is_some_and(|c| !"aeiou".contains(c))
        && base.chars().count() >= 3
    {
        w = base;
    } else if let Some(base) = w.strip_suffix('s')
        && base.chars().count() >= 3
    {
        w = base;
    }
    const SUFFIXES: &[&str] = &[
        "amiento", "imiento", "mente", "acion", "icion", "cion", "ando", "iendo", "ado", "ada", "ido", "ida", "ing",
        "ed", "ar", "er", "ir",
    ];
    for suffix in SUFFIXES {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 3
        {
            w = base;
            break;
        }
    }
    // Spanish verb plurals ("llegan", "funcionan") and final vowels ("activo", "tarjeta"), then a
    // final "e" ("bloque", "replace"): only where a stem of four letters or more is left.
    for suffix in ["an", "en"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.chars().count() >= 4
        {
            w = base;
            break;
        }
    }
    for vowel in ['a', 'o', 'e'] {
        if let Some(base) = w.strip_suffix(vowel)
            && base.chars().count() >= 4
        {
            w = base;
            break;
        }
    }
    w.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_both_languages() {
        assert_eq!(stem("tarjetas"), stem("tarjeta"));
        assert_eq!(stem("transfers"), stem("transfer"));
        assert_eq!(stem("blocked"), "block");
        assert_eq!(stem("balances"), stem("balance"));
        assert_eq!(stem("comisiones"), stem("comision"));
        assert_eq!(stem("bloqueada"), stem("bloqueado"));
        assert_eq!(stem("pin"), "pin");
        assert_eq!(stem("bloquearla"), stem("bloquear"));
        assert_eq!(stem("activo"), stem("activar"));
    }

    #[test]
    fn synonyms_add_concepts_across_languages() {
        assert!(terms("What is my balance?").contains(&"@balance".to_owned()));
        assert!(terms("consultar mi saldo").contains(&"@balance".to_owned()));
        let abroad = terms("How do I send money abroad?");
        assert!(abroad.contains(&"@transfer".to_owned()) && abroad.contains(&"@abroad".to_owned()));
        assert!(terms("I'm locked out").contains(&"@login".to_owned()));
        assert!(!terms("the and of").iter().any(|t| t == "the"));
    }

    #[test]
    fn query_groups_carry_concepts_per_word() {
        let groups = query_groups("How do I wire money abroad?");
        let wire = groups.iter().find(|g| g.alternatives[0] == "wire").unwrap();
        assert!(wire.alternatives.contains(&"@transfer".to_owned()));
        let abroad = groups.iter().find(|g| g.alternatives[0] == "abroad").unwrap();
        assert!(abroad.alternatives.contains(&"@abroad".to_owned()));
        assert!(!groups.iter().any(|g| g.alternatives[0] == "how"));
        assert_eq!(query_groups("saldo saldo").len(), 1);
    }
}
