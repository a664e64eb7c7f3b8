//! An elder's money: a parent or grandparent led by someone to take money out, paying someone
//! outside the family again and again, or whose card or money someone outside keeps. A person, at once.

use super::scan::{Scan, Word};
use super::situations::{only_asks, real};
use super::words::*;

/// A parent, named the way customers do.
pub(super) const PARENTS: &[&str] = &["mum", "mom", "mother", "dad", "father", "mama", "papa", "madre", "padre"];

/// "elderly", "anciana": a word that makes the person named beside it an elder.
pub(super) fn elderly(w: &str) -> bool {
    matches!(w, "elderly" | "anciana" | "anciano")
}

/// A grandparent, named the way customers do.
pub(super) const GRANDPARENTS: &[&str] = &[
    "nan",
    "nana",
    "gran",
    "granny",
    "grandma",
    "grandmother",
    "grandad",
    "grandpa",
    "grandfather",
    "abuela",
    "abuelo",
    "abuelita",
    "abuelito",
];

/// "my mum is 84 and a man from a 'roofing company' has been taking her to the bank to withdraw
/// thousands", "a mi abuelito de 90 años un señor lo lleva cada semana a sacar dinero": an elderly
/// parent or grandparent, someone else who is not the customer, and money taken out or paid since.
/// Not "my mum is 84, i take her to the bank to withdraw her pension" (the customer does it), nor a
/// question about how.
pub(super) fn elder_led_to_pay(s: &Scan) -> bool {
    let elder_kin = |k: usize| {
        let w = s.text(k).trim_end_matches("'s");
        PARENTS.contains(&w) || GRANDPARENTS.contains(&w)
    };
    let old = |k: usize| {
        s.words[k].text.parse::<u8>().is_ok_and(|n| (65..=110).contains(&n))
            || matches!(s.text(k), "elderly" | "anciana" | "anciano" | "viejita" | "viejito")
    };
    // "a builder knocked on my mum's door…": a parent called on at the door counts as an elder.
    let at_door = s.words.iter().any(|w| matches!(w.text.as_str(), "door" | "puerta" | "knocked" | "toco" | "tocaron"));
    // (A grandparent is an elder without an age told.)
    let grandparent = |k: usize| GRANDPARENTS.contains(&s.text(k).trim_end_matches("'s"));
    // "my dad's new 'friend' from church…": a parent with a newcomer at their side, at any age.
    let newcomer = |k: usize| s.words[k].tags & IMPOSTOR != 0 && matches!(s.text(k), "new" | "nuevo" | "nueva");
    let elder = (0..s.len())
        .any(|k| elder_kin(k) && (at_door || grandparent(k) || (k.saturating_sub(2)..(k + 5).min(s.len())).any(old)))
        || (0..s.len()).any(elder_kin) && (0..s.len()).any(newcomer);
    let me = |w: &str| matches!(w, "i" | "yo" | "we" | "nosotros");
    // ("…her new 'friend' from church": someone new, as a scam's newcomer is.)
    let other = |k: usize| outsider(s, k) && !me(s.text(k.wrapping_sub(1)));
    let out = |j: usize| {
        s.words[j].starts_with_any(&["withdraw", "retir", "sacar", "saca", "pay", "pag", "transfer", "send", "sent"])
            || s.words[j].tags & (TXN | ATM) != 0
            || (s.words[j].tags & MONEY != 0 && s.words[j.saturating_sub(2)..j].iter().any(|w| w.is_number()))
    };
    // "has been taking her", "got him to", "lo lleva", "la convenció": leading, not "wants to sell him".
    let leads = |j: usize| {
        s.words[j].starts_with_any(&[
            "taking", "took", "takes", "getting", "got", "gets", "made", "makes", "making", "convinc", "pressur",
            "persuad", "lleva", "llevo", "hace", "hizo", "convenc", "obliga", "presion",
        ]) && !matches!(s.text(j.wrapping_sub(1)), "can" | "could" | "will" | "would" | "to" | "puede" | "quiere")
            // ("…has had him send her 6000": made to.)
            || s.text(j) == "had" && matches!(s.text(j + 1), "him" | "her")
    };
    // "…goes to the bank with him every week and he's withdrawn 10k", "va con ella al banco": at the
    // elder's side, and a sum out since.
    let goes_with = |j: usize| {
        (s.words[j].starts_with_any(&["goes", "went", "comes", "came", "accompan", "acompan"])
            || matches!(s.text(j), "va" | "iba" | "fue"))
            && (j + 1..(j + 6).min(s.len())).any(|k| matches!(s.text(k), "with" | "con"))
            && s.words.iter().any(|w| w.is_number())
    };
    let led = |k: usize| {
        other(k)
            && (k + 1..(k + 15).min(s.len())).any(|j| {
                leads(j) && (j + 1..(j + 9).min(s.len())).any(out)
                    || goes_with(j) && (j + 1..(j + 13).min(s.len())).any(out)
            })
    };
    // "my elderly neighbour keeps asking me to take out cash for a man who visits her": the elder
    // asks the customer to take money out for someone else.
    let elderly_named = s.words.iter().any(|w| elderly(&w.text));
    let take_out = |j: usize| out(j) || (s.text(j) == "take" && s.text(j + 1) == "out");
    let for_other =
        |j: usize| (j + 1..(j + 6).min(s.len())).any(|k| matches!(s.text(k), "for" | "para") && other(k + 1));
    let asks_me = |i: usize| {
        s.words[i].tags & ASKED != 0
            && real(s, i)
            && (i + 1..(i + 5).min(s.len())).any(|j| take_out(j) && (j..(j + 4).min(s.len())).any(for_other))
    };
    let asked_for_other = (elder || elderly_named) && (0..s.len()).any(asks_me);
    // "my elderly aunt has been giving her card to the man who cleans her windows to get cash": an elder
    // handing the card to someone outside the family.
    let elderly_kin =
        (0..s.len()).any(|k| s.words[k].tags & FAMILY != 0 && (k.saturating_sub(2)..(k + 4).min(s.len())).any(old));
    let hands_card = (0..s.len()).any(|i| {
        (s.words[i].starts_with_any(&["giving", "gives", "gave", "handing", "hands", "presta", "entrega"])
            || matches!(s.text(i), "da" | "dio" | "daba"))
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & VALUABLE != 0)
            && (i + 2..(i + 7).min(s.len())).any(|j| {
                matches!(s.text(j), "to" | "a" | "al") && (j + 1..(j + 3).min(s.len())).any(|k| stranger_word(s, k))
            })
    });
    // ("my elderly neighbour keeps giving her bank card to a man who says he's her nephew": an elderly
    // neighbour or friend too.)
    let other = |w: &Word| w.starts_with_any(&["neighbo", "vecin", "friend", "amig", "lady", "senora", "senor"]);
    let elderly_other =
        s.words.windows(2).any(|p| elderly(&p[0].text) && other(&p[1]) || other(&p[0]) && elderly(&p[1].text));
    let handed = (elder || elderly_kin || elderly_other) && hands_card;
    (elder && (0..s.len()).any(led) || asked_for_other || handed) && !only_asks(s) && !s.has(PROCESS)
}

/// "found out her neighbour has been taking her card to the shop and keeping the change", "la vecina
/// de mi abuela se queda con su tarjeta": a parent's or grandparent's card or money taken by someone
/// outside the family. Not "my mum's neighbour does her shopping with her card, can she have her own
/// card?" (nothing taken or kept, a question).
pub(super) fn elder_card_taken(s: &Scan) -> bool {
    let elder = s.words.iter().any(|w| {
        let w = w.text.trim_end_matches("'s");
        PARENTS.contains(&w) || GRANDPARENTS.contains(&w) || elderly(w)
    });
    // "…her grandson has been emptying her account": the elder's own relative counts too.
    let outsider = |k: usize| {
        s.words[k].tags & (SOMEONE | STRANGER) != 0
            || s.words[k].starts_with_any(&["neighbo", "vecin", "cleaner", "limpiador", "lodger", "inquilin"])
            || (s.words[k].tags & FAMILY != 0 && matches!(s.text(k.wrapping_sub(1)), "her" | "his" | "su"))
    };
    let keeps = |j: usize| {
        s.words[j].starts_with_any(&["taking", "took", "keeping", "kept", "using", "quedando", "quedo", "usando"])
            || s.words[j].starts_with_any(&["emptying", "draining", "vaciando"])
            || matches!((s.text(j), s.text(j + 1)), ("se", "queda" | "quedo"))
    };
    let hers = |j: usize| {
        (j + 1..(j + 5).min(s.len())).any(|k| {
            matches!(s.text(k - 1), "her" | "his" | "su" | "the" | "la" | "el")
                && s.words[k].tags & (VALUABLE | MONEY | ACCOUNT) != 0
                || s.text(k) == "change"
        })
    };
    let taken = |k: usize| outsider(k) && real(s, k) && (k + 1..(k + 6).min(s.len())).any(|j| keeps(j) && hers(j));
    // "my grandad has given his bank card to the man who does his garden and he's been 'borrowing'
    // from it": the card handed to someone outside, and taken from since.
    let outside =
        |k: usize| outsider(k) || matches!(s.text(k), "man" | "woman" | "guy" | "lad" | "gardener" | "jardinero");
    let handed =
        s.find(GIVE).any(|i| real(s, i) && s.near(i, VALUABLE, 0, 4) && (i + 1..(i + 9).min(s.len())).any(outside));
    let borrows = (0..s.len()).any(|j| {
        s.words[j].starts_with_any(&["borrow", "taking", "using", "spending", "sacando"])
            && matches!((s.text(j + 1), s.text(j + 2)), ("from" | "off" | "de", "it" | "her" | "him" | "ella" | "el"))
    });
    elder && ((0..s.len()).any(taken) || handed && borrows) && !only_asks(s) && !s.has(PROCESS)
}

/// "my nan's been paying a man who fixes her roof every week, 4000 so far, and the work isn't done":
/// a grandparent or elderly parent paying someone outside the family, again and again, with an
/// amount told. Not "my nan pays her cleaner every week, can she do it by standing order?".
pub(super) fn elder_paying_a_stranger(s: &Scan) -> bool {
    let grand = |k: usize| GRANDPARENTS.contains(&s.text(k).trim_end_matches("'s"));
    let elderly_at = |k: usize| elderly(s.text(k));
    let paying = |j: usize| {
        s.words[j].starts_with_any(&["paying", "paid", "pagando", "pago", "pagado", "giving", "dando"]) && real(s, j)
    };
    let outsider = |j: usize| {
        s.words[j].tags & (SOMEONE | STRANGER) != 0 || matches!(s.text(j), "man" | "woman" | "guy" | "senor" | "tipo")
    };
    let to_outsider = |j: usize| paying(j) && (j + 1..(j + 4).min(s.len())).any(outsider);
    // "every week", "cada semana", "4000 so far", "ya van 4000": again and again.
    let again = s.words.windows(2).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("every" | "cada", "week" | "month" | "day" | "semana" | "mes" | "dia") | ("so", "far") | ("ya", "van")
        )
    });
    let elder = (0..s.len()).any(|k| grand(k) || elderly_at(k));
    let unfinished = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("isn't" | "isnt" | "not", "done" | "finished"))
            || (p[0].text == "no" && p[1].starts_with_any(&["termin", "acab"]))
    });
    elder
        && (0..s.len()).any(to_outsider)
        && again
        && (unfinished || s.words.iter().any(|w| w.is_number()))
        && !only_asks(s)
        && !s.has(PROCESS)
}

/// Someone, a stranger, a newcomer or a neighbour: who leads an elder to pay.
fn outsider(s: &Scan, k: usize) -> bool {
    s.words[k].tags & (SOMEONE | STRANGER | IMPOSTOR) != 0
        || matches!(s.text(k), "neighbour" | "neighbor" | "vecino" | "vecina")
}

/// An outsider, or a man or woman or a worker named: who an elder hands the card to.
fn stranger_word(s: &Scan, k: usize) -> bool {
    outsider(s, k)
        || matches!(s.text(k), "man" | "woman" | "guy" | "lady" | "senor" | "senora" | "hombre" | "mujer" | "tipo")
        || matches!(s.text(k), "cleaner" | "gardener" | "builder")
}
