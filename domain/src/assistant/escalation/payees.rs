//! Payees the customer did not set: one added that the customer denies, or the saved payees changed
//! after the customer was shut out, or a relative's carer paid as a payee again and again.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, hypothetical, only_asks, real};
use super::transactions::customer;
use super::words::*;

/// A payee added or changed by someone else, if the message tells one.
pub(super) fn payees_changed(s: &Scan) -> Option<Finding> {
    // "there's a new payee on my account called J Smith and i didnt add anyone": a payee the customer
    // did not add.
    let payee = |w: &Word| {
        matches!(
            w.text.as_str(),
            "payee" | "payees" | "beneficiary" | "beneficiario" | "beneficiarios" | "destinatario"
        )
    };
    // "i didn't add", "never added", "no agregué" (not "why am i not allowed to add").
    let not_added = |i: usize| {
        let before = |k: usize| s.text(i.wrapping_sub(k));
        let denial = match s.words[i].text.as_str() {
            "add" => matches!(before(1), "didn't" | "didnt" | "never") || (before(1), before(2)) == ("not", "did"),
            "added" => matches!(before(1), "never" | "haven't" | "havent" | "hadn't"),
            "agregue" | "anadi" => matches!(before(1), "no" | "nunca") || matches!(before(2), "no" | "nunca"),
            _ => false,
        };
        denial && !hypothetical(s, i) && s.words[i.saturating_sub(4)..i].iter().any(|w| customer(&w.text))
    };
    if s.words.iter().any(payee) && (0..s.len()).any(not_added) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "the app logged me out and when i logged back in my saved payees were all different": shut
    // out, and the payees changed since.
    let changed = |j: usize| {
        matches!(s.text(j), "different" | "changed" | "distintos" | "diferentes" | "cambiados" | "cambiaron")
    };
    let payees_changed = (0..s.len()).any(|i| payee(&s.words[i]) && (i + 1..(i + 5).min(s.len())).any(changed));
    if s.find(LOCKED_OUT).any(|i| real(s, i)) && payees_changed && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "there's a new standing order on my account to someone called k. jones and i didn't set it up":
    // something new set up on the account, disowned anywhere in the message.
    let new_order = (0..s.len()).any(|i| {
        matches!(s.text(i), "new" | "nuevo" | "nueva")
            && (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & TXN != 0 || payee(&s.words[j]))
    });
    if new_order && s.find(DISOWN).any(|j| real(s, j)) && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my dad's carer has been added as a payee and money has been going to her every week": someone
    // who cares for the customer's relative, paid from their account again and again.
    let carer = s.words.iter().any(|w| w.starts_with_any(&["carer", "caregiver", "cuidador", "nurse", "enfermer"]));
    let again = s.words.windows(2).any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("every" | "cada", _)));
    // Added by someone else ("has been added"), not "can i add her as a payee?".
    let added = (0..s.len()).any(|i| {
        matches!(s.text(i), "added" | "agregado" | "agregada" | "agregaron")
            && !matches!(s.text(i.wrapping_sub(1)), "i" | "we")
    });
    if carer && added && s.words.iter().any(payee) && again && s.has(MONEY | TXN) && !only_asks(s) {
        return Finding::of(Category::Vulnerable);
    }
    None
}
