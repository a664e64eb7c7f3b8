//! Things told as past and done with: long ago, or dealt with since.

use super::super::scan::Scan;
use super::super::words::*;
use super::{negated, real};

/// "soy viuda desde hace 10 años y quiero abrir una cuenta de inversión", "me robaron la cartera el
/// año pasado y ya tengo tarjeta nueva, ¿cómo activo el contactless?": what `at` tells happened
/// `years` or more ago (one: "last year", "el año pasado"), beside a wish or a question about
/// something else, with no money moving and no card in use in the message.
pub(in crate::assistant::escalation) fn long_past(s: &Scan, at: usize, years: u8) -> bool {
    let count = |j: usize| match s.text(j) {
        "un" | "una" | "a" | "one" => Some(1),
        "dos" | "two" => Some(2),
        "tres" | "three" => Some(3),
        "cuatro" | "four" => Some(4),
        "cinco" | "five" => Some(5),
        "seis" | "six" => Some(6),
        "siete" | "seven" => Some(7),
        "ocho" | "eight" => Some(8),
        "nueve" | "nine" => Some(9),
        "diez" | "ten" => Some(10),
        "veinte" | "twenty" => Some(20),
        "muchos" | "varios" | "many" | "several" => Some(2),
        n => n.parse::<u8>().ok(),
    };
    // "years ago", "hace años": more than one, uncounted; "hace tiempo", "a long time ago" too.
    let uncounted = |j: usize| {
        matches!(s.text(j), "years" | "anos") && (s.text(j + 1) == "ago" || s.text(j.wrapping_sub(1)) == "hace")
            || s.text(j) == "hace" && matches!(s.text(j + 1), "tiempo" | "mucho")
            || matches!((s.text(j), s.text(j + 1)), ("long", "ago") | ("ages", "ago"))
    };
    // "hace como 3 años", "about two years ago": the count behind a hedge.
    let hedge = |j: usize| matches!(s.text(j), "como" | "unos" | "mas" | "about" | "like" | "over" | "around");
    let counted = |j: usize| {
        count(j.wrapping_sub(1)).or_else(|| hedge(j.wrapping_sub(1)).then(|| count(j.wrapping_sub(2))).flatten())
    };
    let ago = |j: usize| {
        (matches!(s.text(j), "anos" | "years" | "ano" | "year") && counted(j).is_some_and(|n| n >= years))
            || (uncounted(j) && years <= 2)
            || (years <= 1 && matches!((s.text(j), s.text(j + 1)), ("last", "year") | ("ano", "pasado")))
    };
    let question = |j: usize| asks_at(s, at, j);
    // "my husband passed away in 2015": a year named, `years` or more before this one.
    let this_year = || chrono::Datelike::year(&chrono::Utc::now());
    let year = |j: usize| {
        matches!(s.text(j.wrapping_sub(1)), "in" | "en" | "since" | "desde" | "del")
            && s.text(j).len() == 4
            && s.text(j).parse::<i32>().is_ok_and(|y| y >= 1950 && y <= this_year() - i32::from(years))
    };
    // ("…por eso pregunto: ¿sus tarjetas tienen chip?": a question said to be one.)
    let asking = |j: usize| j > at && matches!(s.text(j), "pregunto" | "preguntar" | "wondering" | "asking");
    // ("…desde ahí uso la app, ¿cómo pago con el celular?": the customer's own paying, asked about.)
    let pays_asked = |k: usize| {
        matches!(s.text(k.wrapping_sub(1)), "como" | "puedo" | "podemos" | "i" | "we" | "to")
            && (at + 1..=k).any(|j| question(j) && s.words[j].phrase == s.words[k].phrase)
    };
    let asks_else = s.has(WANT | PROCESS) || (0..s.len()).any(|j| question(j) || asking(j));
    // ("…y desde entonces no uso tarjeta física": a use denied moves nothing.)
    let told = |k: usize| !negated(s, k);
    // ("…desde entonces uso la app para todo": the customer's own use.)
    let own_use = |k: usize| {
        matches!(s.text(k), "uso" | "usaba" | "utilizo") || matches!(s.text(k.wrapping_sub(1)), "i" | "we" | "yo")
    };
    (at.saturating_sub(6)..(at + 7).min(s.len())).any(|j| ago(j) || year(j))
        && asks_else
        && !s.find(TXN | MONEY).any(|k| k != at && told(k) && !alerts_of(s, k) && !pays_asked(k))
        // ("…is it ok to use facebook login for your app?": the customer's own use, asked.)
        && !s.find(INTRUDE).any(|k| k != at && s.text(k.wrapping_sub(1)) != "to" && told(k) && !own_use(k))
}

/// "my card was stolen last month and you sent a new one, how do i set up apple pay on it?", "i
/// reported fraud last week and got my money back, thanks. how do i change my pin now?": what `at`
/// tells is dealt with (a new card came, the money came back), and the message asks about something
/// else after it, with nothing going on still.
pub(in crate::assistant::escalation) fn dealt_with(s: &Scan, at: usize) -> bool {
    let came = |w: &str| matches!(w, "sent" | "got" | "received" | "have" | "arrived" | "tengo" | "llego" | "mandaron");
    // ("…the new one arrived and works fine": what came, after it.)
    let new_one = |j: usize| {
        matches!(s.text(j), "new" | "nueva" | "nuevo" | "replacement" | "reposicion")
            && (s.words[j.saturating_sub(4)..j].iter().any(|w| came(&w.text))
                || s.words[j + 1..(j + 4).min(s.len())]
                    .iter()
                    .any(|w| matches!(w.text.as_str(), "arrived" | "came" | "llego")))
    };
    let money_back = |j: usize| {
        s.text(j) == "back"
            && s.words[j.saturating_sub(3)..j].iter().any(|w| matches!(w.text.as_str(), "got" | "money" | "refunded"))
    };
    // "…and you replaced it", "ya me la repusieron".
    let replaced = |j: usize| matches!(s.text(j), "replaced" | "repusieron" | "repuso" | "reemplazaron") && real(s, j);
    // "…y el banco me devolvió todo": given back, in Spanish.
    let given_back = |j: usize| {
        matches!(s.text(j), "devolvio" | "devolvieron" | "reembolsaron" | "reembolso" | "regresaron")
            && matches!(s.text(j.wrapping_sub(1)), "me" | "nos")
            && real(s, j)
    };
    let done =
        s.has(RESOLVED) || (at + 1..s.len()).any(|j| new_one(j) || money_back(j) || replaced(j) || given_back(j));
    let question = |j: usize| asks_at(s, at, j);
    // ("…can i still get the old card's statements?": what the customer can "still" do, asked, is
    // nothing going on; "how come they can still use it?" is.)
    let asked = (0..s.len()).find(|&j| question(j)).map(|j| s.words[j].phrase);
    let mine = |k: usize| Some(s.words[k].phrase) == asked && matches!(s.text(k.wrapping_sub(1)), "i" | "we" | "puedo");
    let going_on = (0..s.len()).any(|k| s.words[k].tags & ONGOING != 0 && !mine(k));
    // ("…works fine, thanks": a thanks in place of a question.)
    let thanks = s.words.iter().any(|w| matches!(w.text.as_str(), "thanks" | "thank" | "gracias"));
    done && (asked.is_some() || thanks) && !going_on && !s.find(TXN).any(|k| !alerts_of(s, k))
}

/// "…las alertas de compras", "purchase alerts": a payment word naming what alerts tell of, not a
/// payment told.
fn alerts_of(s: &Scan, k: usize) -> bool {
    let alert = |j: usize| s.words[j].starts_with_any(&["alert", "aviso", "notifica"]);
    matches!(s.text(k.wrapping_sub(1)), "de" | "for" | "of" | "on") && alert(k.wrapping_sub(2)) || alert(k + 1)
}

/// A phrase after `at` opens a question at `j`: "how…", "can i…", "is it safe…?", "¿puedo…?".
fn asks_at(s: &Scan, at: usize, j: usize) -> bool {
    j > at
        && s.starts_phrase(j)
        && (matches!(s.text(j), "como" | "how" | "what" | "que" | "can" | "puedo" | "donde" | "where" | "cual")
            || matches!(s.text(j), "tienen" | "hay" | "ofrecen" | "cuanto" | "cuando" | "when" | "which")
            || matches!((s.text(j), s.text(j + 1)), ("is" | "should" | "will" | "do", "it" | "i" | "there" | "you"))
            || matches!((s.text(j), s.text(j + 1)), ("do" | "does" | "are", "your") | ("se", "puede" | "pueden")))
}
