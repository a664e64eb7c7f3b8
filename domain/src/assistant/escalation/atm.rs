//! A stranger at the ATM: helping, watching, asking for help, swapping the card, or pointing to a
//! number to call while the machine keeps it — the ways cards and PINs are taken there; a card kept
//! by a machine and money gone since; a card swapped by someone helping, at a till as at a machine.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, a_person, is_past, real, told_in_past};
use super::words::*;

/// A stranger at the ATM who helped, watched, asked for help or swapped the card, the way cards and
/// PINs are taken there.
pub(super) fn at_the_atm(s: &Scan) -> Option<Finding> {
    // "a mi abuela le cambiaron la tarjeta en el súper cuando le ayudaron a pagar": a card swapped by
    // someone helping, at a till as at a machine.
    let swap = |j: usize| {
        (s.words[j].starts_with_any(&["swapp", "switched"]) || matches!(s.text(j), "cambiaron" | "cambio"))
            && real(s, j)
            && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].starts_with_any(&["card", "tarjeta"]))
            // (Not "the bank swapped my card for a contactless one…".)
            && !(j.saturating_sub(3)..j).any(|k| matches!(s.text(k), "bank" | "banco" | "you" | "ustedes"))
            && !s.words.iter().any(|w| matches!(w.text.as_str(), "branch" | "sucursal"))
    };
    let helped =
        s.words.iter().any(|w| matches!(w.text.as_str(), "helped" | "helping" | "ayudaron" | "ayudo" | "ayudando"));
    if (0..s.len()).any(swap) && helped {
        return Finding::of(Category::StolenCard);
    }
    if !s.has(ATM) {
        return None;
    }
    // "my card got stuck in the ATM and a guy offered to help me type my PIN", "a guy at the atm
    // watched me type my pin", "una señora me pidió ayuda con el cajero y me robaron": helping,
    // watching or asking for help. Watching or asking only, with something lost or spent since ("I
    // think someone saw my PIN, can I change it?" asks how to change it).
    let since = s.has(TXN | RETAINED | GONE | STEAL | TAKE);
    let watched = |j: usize| since && matches!(s.text(j), "watched" | "saw" | "vio" | "miro" | "observo");
    let asked_help =
        |j: usize| since && s.words[j].tags & HELPED != 0 && matches!(s.text(j.wrapping_sub(1)), "pidio" | "for");
    let helped = |j: usize| {
        (s.words[j].tags & HELPED != 0 && (is_past(s, j) || matches!(s.text(j), "ayudo" | "ofrecio")))
            || watched(j)
            || asked_help(j)
    };
    let helper = |k: usize| (k + 1..(k + 7).min(s.len())).any(helped) && real(s, k);
    // "un señor me cambió la tarjeta en el cajero", "a woman swapped my card": the card swapped.
    let swapped = |j: usize| {
        s.words[j].starts_with_any(&["swapp", "switch", "cambio", "cambiaron", "intercambi"])
            && real(s, j)
            && s.near(j, VALUABLE, 0, 3)
    };
    let strangers = || s.find(SOMEONE | STRANGER).filter(|&k| real(s, k));
    let stranger = strangers().next().is_some();
    if s.find(SOMEONE | STRANGER).any(helper) {
        return Finding::of(Category::SocialEngineering);
    }
    // "la tarjeta que tengo no es la mía", "this card isn't mine": the card in hand is another.
    // ("…isn't even mine").
    let not_mine = |j: usize| {
        matches!(
            (s.text(j), s.text(j + 1), s.text(j + 2)),
            ("no", "es" | "era", "la" | "mi") | ("isn't" | "isnt", "mine", _)
        ) || (matches!(s.text(j), "isn't" | "isnt") && s.text(j + 2) == "mine")
    };
    let other_card = s.find(VALUABLE).any(|v| (v + 1..(v + 6).min(s.len())).any(not_mine));
    // "a nice man helped me…": a man or a woman at the machine, for a card that turned out another.
    let person =
        s.words.iter().any(|w| a_person(&w.text) || matches!(w.text.as_str(), "bloke" | "muchacho" | "muchacha"));
    // The card swapped is a card taken.
    if (stranger && (0..s.len()).any(swapped)) || ((stranger || person) && other_card) {
        return Finding::of(Category::StolenCard);
    }
    // "the atm kept my card and a guy next to me said to type my pin again on his phone": the PIN
    // typed where a stranger said.
    let typing = |j: usize| {
        s.words[j]
            .starts_with_any(&["type", "typing", "enter", "marca", "marque", "teclea", "ingresa", "digita", "poner"])
            || s.words[j].starts_with_any(&["pusiera", "ponga", "pongas", "tecleara", "marcara", "ingresara"])
    };
    // ("…told me the machine was broken and to use his phone to enter my pin": the PIN may come late.)
    let pin_typed = |k: usize| (k + 1..(k + 18).min(s.len())).any(|j| typing(j) && s.near(j, CRED, 0, 3));
    // "…y un señor me dijo que marcara mi nip otra vez": a man or a woman there counts as a stranger.
    let people = || (0..s.len()).filter(|&k| a_person(s.text(k)));
    // (A card the machine swallowed, told in any tense: "se tragó… y un señor me dijo".)
    let kept = |k: usize| s.has(RETAINED) && real(s, k);
    if strangers().any(pin_typed) && told_in_past(s) || people().any(|k| pin_typed(k) && (told_in_past(s) || kept(k))) {
        return Finding::of(Category::SocialEngineering);
    }
    // "the atm swallowed my card and a man next to me said to call a number on a sticker": a card
    // kept by the machine while someone points to a number to call, the card trap's second half.
    if s.has(RETAINED) && s.has(STICKER | OFFERED | HELPED) && stranger && told_in_past(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "the cash machine kept my card and when i called the number on the screen they asked for my
    // pin": a number called about a kept card, and the PIN asked for.
    let called = s.words.iter().any(|w| matches!(w.text.as_str(), "called" | "rang" | "phoned" | "llame" | "marque"));
    let pin_asked = s.find(ASKED).any(|i| s.near(i, CRED, 0, 4) && real(s, i));
    if s.has(RETAINED) && called && pin_asked {
        return Finding::of(Category::SocialEngineering);
    }
    // "el cajero automático me dio billetes falsos": counterfeit notes from the machine.
    let counterfeit = (0..s.len()).any(|i| {
        (matches!(s.text(i), "billetes" | "notes" | "bills" | "money")
            && matches!(s.text(i + 1), "falsos" | "falsificados" | "fake" | "counterfeit"))
            || (matches!(s.text(i), "fake" | "counterfeit") && matches!(s.text(i + 1), "notes" | "bills" | "money"))
    });
    if counterfeit && told_in_past(s) {
        return Finding::of(Category::Dispute);
    }
    // "my card got stuck in a cash machine… that turned out to be fake, and now 400 is gone": a card
    // kept by a machine, and money gone since.
    let stuck = s.has(RETAINED) || s.words.iter().any(|w| w.starts_with_any(&["stuck", "atora", "atasc"]));
    let gone_sum = s.find(GONE).any(|i| real(s, i) && s.words[i.saturating_sub(4)..i].iter().any(|w| w.is_number()))
        // "…and now my account is short 300".
        || (0..s.len()).any(|i| {
            matches!(s.text(i), "short" | "missing") && s.words.get(i + 1).is_some_and(|w| w.is_number())
        });
    if stuck && gone_sum {
        return Finding::of(Category::StolenCard);
    }
    None
}
