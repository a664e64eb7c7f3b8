//! Money the customer was to receive: a buyer's payment that never came for goods handed over, a
//! stranger's deposit to be "returned" to another account.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, only_asks, real, told_in_past};
use super::words::*;

/// "i sold my car online and the buyer sent a payment confirmation email but no money came, and i
/// already handed over the keys": goods handed over on a proof of payment that no money followed.
pub(super) fn proof_without_money(s: &Scan) -> Option<Finding> {
    let sold = s.words.iter().any(|w| w.starts_with_any(&["sold", "vend", "selling", "buyer", "comprador"]));
    let arrived = |j: usize| matches!(s.text(j), "came" | "arrived" | "llego" | "llegado" | "showed");
    let no_money = s.find(NEVER_CAME).any(|i| real(s, i))
        || (0..s.len()).any(|j| arrived(j) && s.near(j, MONEY, 3, 3) && s.near(j, NEG, 3, 1));
    let handed = s.words.iter().any(|w| w.starts_with_any(&["handed", "entregu"]))
        || s.words.windows(2).any(|p| p[0].text == "le" && p[1].text == "di");
    if sold && s.find(PROOF).any(|i| real(s, i)) && no_money && handed && told_in_past(s) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "me llegó un depósito de alguien que no conozco y luego me escribieron pidiendo que se lo regrese
/// a otra cuenta": money from a stranger, to be sent back somewhere else.
pub(super) fn returned_elsewhere(s: &Scan) -> Option<Finding> {
    let deposit = s.words.iter().any(|w| w.starts_with_any(&["deposit", "transferencia", "transfer", "payment"]));
    let unknown = s.has(DISOWN | STRANGER | SOMEONE);
    let back = |j: usize| {
        s.words[j].starts_with_any(&["regres", "devuelv", "devolv", "return"])
            || (s.text(j) == "send" && s.text(j + 2) == "back")
    };
    let asked_back = s.find(ASKED | TOLD).any(|i| real(s, i) && (i + 1..(i + 6).min(s.len())).any(back));
    if deposit && unknown && asked_back && s.has(NEW_ACCOUNT) && told_in_past(s) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}
