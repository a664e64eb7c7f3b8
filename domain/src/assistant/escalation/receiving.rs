//! Money the customer was to receive: a buyer's payment that never came for goods handed over, a
//! forged proof of payment, a stranger's deposit to be "returned" to another account, money sent in
//! to be passed on to others; the customer's account used to launder money.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, only_asks, opens_question, real, told_in_past};
use super::words::*;

/// The first of these scams on money to be received that the message tells, if any.
pub(super) fn scam(s: &Scan) -> Option<Finding> {
    proof_without_money(s)
        .or_else(|| paid_then_gone(s))
        .or_else(|| returned_elsewhere(s))
        .or_else(|| passed_on(s))
        .or_else(|| laundered(s))
}

/// Something sold: "sold", "vendí", "the buyer", "el comprador".
fn sold(s: &Scan) -> bool {
    s.words.iter().any(|w| w.starts_with_any(&["sold", "vend", "selling", "buyer", "comprador"]))
}

/// The goods handed over: "handed over the keys", "gave him the keys", "le di el carro", "entregué".
fn handed_over(s: &Scan) -> bool {
    s.words.iter().any(|w| w.starts_with_any(&["handed", "entregu"]))
        || s.words.windows(2).any(|p| {
            p[0].text == "le" && p[1].text == "di"
                || p[0].text == "gave" && matches!(p[1].text.as_str(), "him" | "her" | "them" | "the")
        })
}

/// "i sold my car online and the buyer sent a payment confirmation email but no money came, and i
/// already handed over the keys": goods handed over on a proof of payment that no money followed.
fn proof_without_money(s: &Scan) -> Option<Finding> {
    let arrived = |j: usize| matches!(s.text(j), "came" | "arrived" | "llego" | "llegado" | "showed");
    let no_money = s.find(NEVER_CAME).any(|i| real(s, i))
        || (0..s.len()).any(|j| arrived(j) && s.near(j, MONEY, 3, 3) && s.near(j, NEG, 3, 1));
    if sold(s) && s.find(PROOF).any(|i| real(s, i)) && no_money && handed_over(s) && told_in_past(s) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "sold my car online, the buyer's payment came in and then vanished after i gave him the keys", "me
/// cayó el pago del comprador y luego se reversó": a buyer's payment that arrived and went again, the
/// goods handed over.
fn paid_then_gone(s: &Scan) -> Option<Finding> {
    let came_in = |j: usize| {
        (matches!((s.text(j), s.text(j + 1)), ("came" | "went", "in" | "through"))
            || matches!(s.text(j), "llego" | "cayo"))
            && s.near(j, MONEY | TXN | PAID, 3, 0)
    };
    let went = |k: usize| {
        s.words[k].tags & VANISHED != 0
            || s.words[k].starts_with_any(&["reversed", "bounced", "revers", "revert", "desapareci", "disappear"])
            || matches!((s.text(k), s.text(k + 1)), ("taken" | "pulled", "back"))
    };
    let gone_again = (0..s.len()).any(|j| came_in(j) && real(s, j) && (j + 2..s.len()).any(went));
    // ("came in", "llegó" tell it as past.)
    if sold(s) && gone_again && handed_over(s) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "me llegó un depósito de alguien que no conozco y luego me escribieron pidiendo que se lo regrese
/// a otra cuenta": money from a stranger, to be sent back somewhere else.
fn returned_elsewhere(s: &Scan) -> Option<Finding> {
    let deposit = s.words.iter().any(|w| w.starts_with_any(&["deposit", "transferencia", "transfer", "payment"]))
        || s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "received" | "recibi") && p[1].is_number());
    // "me depositaron un cheque por error y ahora me piden que regrese el dinero… a otra cuenta".
    let unknown = s.has(DISOWN | STRANGER | SOMEONE | MISTAKE);
    let back = |j: usize| {
        s.words[j].starts_with_any(&["regres", "devuelv", "devolv", "return"])
            || (s.text(j) == "send" && s.text(j + 2) == "back")
    };
    // "…now they're messaging me to send it back": a message is an asking too.
    let asking = |i: usize| {
        s.words[i].tags & (ASKED | TOLD) != 0
            || s.words[i].starts_with_any(&["messag", "texting", "escribi", "mensaje"])
    };
    let asked_back = (0..s.len()).any(|i| asking(i) && real(s, i) && (i + 1..(i + 6).min(s.len())).any(back));
    // "…to a different account", "a otra cuenta".
    let other_account = s.has(NEW_ACCOUNT)
        || s.words.windows(2).any(|p| {
            matches!(p[0].text.as_str(), "different" | "another" | "otra" | "distinta") && p[1].tags & ACCOUNT != 0
        });
    if deposit && unknown && asked_back && other_account && told_in_past(s) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "me ofrecieron un trabajo desde casa, me mandaron dinero a mi cuenta y me pidieron transferirlo a
/// otras personas, ya lo hice": money sent in to be passed on, and passed on (a mule's errand).
fn passed_on(s: &Scan) -> Option<Finding> {
    let sent_in = s.words.windows(2).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("me", "mandaron" | "depositaron" | "transfirieron" | "enviaron" | "deposito" | "transfirio" | "envio")
                | ("sent" | "paid" | "transferred", "me")
        )
    });
    // ("a 'recruiter' sent me a cheque… and asked me to send part of it back": some of it sent on.)
    let part = |k: usize| matches!(s.text(k), "part" | "some" | "half" | "rest" | "parte");
    let on = |j: usize| {
        s.words[j].starts_with_any(&["transferirlo", "mandarlo", "enviarlo", "depositarlo", "pasarlo", "forward"])
            // ("…me pide que los mande a otra cuenta".)
            || matches!(s.text(j), "mande" | "envie" | "transfiera" | "deposite")
                && matches!(s.text(j - 1), "lo" | "los" | "la" | "las")
            || (matches!(s.text(j), "send" | "transfer" | "move") && s.text(j + 1) == "it")
            || (matches!(s.text(j), "send" | "transfer" | "pay") && (j + 1..(j + 3).min(s.len())).any(part))
    };
    // ("…y me pide que los mande": asked in the present too.)
    let asking = |i: usize| s.words[i].tags & (ASKED | TOLD) != 0 || matches!(s.text(i), "pide" | "asks" | "wants");
    let asked_on = (0..s.len()).any(|i| asking(i) && real(s, i) && (i + 1..(i + 4).min(s.len())).any(on));
    let cheque = s.words.iter().any(|w| matches!(w.text.as_str(), "cheque" | "check" | "cheques"));
    // ("me depositó", "sent me" tell it as past.)
    let sum = s.has(MONEY | TXN) || cheque || s.words.iter().any(|w| w.is_number());
    if sent_in && sum && asked_on && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "the buyer sent a fake payment receipt", "me mandaron un comprobante falso": a forged proof of
/// payment, already received.
pub(super) fn forged_proof(s: &Scan) -> Option<Finding> {
    let forged = |i: usize| s.words[i].tags & FORGED != 0;
    // "deposité un cheque que me dio un cliente, me dicen que era falso": found false later on (not
    // "¿cómo sé si es falso?"). "vendí mi celular… me mandó un comprobante falso": "vendí" tells it.
    let found_forged = |i: usize| (i + 3..(i + 12).min(s.len())).any(|j| forged(j) && !opens_question(s, j));
    // "the receipt the shop gave me looks fake": a shop's receipt for the customer's own purchase.
    let from_shop = |i: usize| {
        let after = i + 1..(i + 6).min(s.len());
        after.clone().any(|j| matches!(s.text(j), "gave" | "handed" | "dio" | "entrego"))
            && after.into_iter().any(|j| s.words[j].tags & PLACE != 0)
    };
    if s.find(PROOF).any(|i| {
        let near_forged = (i.saturating_sub(3)..(i + 3).min(s.len())).any(forged) || found_forged(i);
        near_forged && real(s, i) && (told_in_past(s) || s.has(SOLD)) && !s.has(PROCESS) && !from_shop(i)
    }) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "the police told me my account was used to launder money but i had no idea", "usaron mi cuenta para
/// lavar dinero": the customer's account said to have laundered money (not "what checks do you do to
/// stop money laundering?").
fn laundered(s: &Scan) -> Option<Finding> {
    let launder = |i: usize| s.words[i].starts_with_any(&["launder", "lavar", "lavado", "mule"]);
    let mine = s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "my" | "mi") && p[1].tags & ACCOUNT != 0);
    // (A caller's "safe account" story is social engineering, read elsewhere.)
    if (0..s.len()).any(|i| launder(i) && real(s, i)) && mine && !opens_question(s, 0) && !s.has(PROCESS | SAFE_ACCOUNT)
    {
        return Finding::of(Category::Fraud);
    }
    None
}
