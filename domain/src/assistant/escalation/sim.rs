//! A SIM swap: the customer's number moved to another SIM, not asked for, or the line gone dead and
//! then payments seen or the account's password or details changed.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, real};
use super::words::*;

/// A SIM swap the customer did not ask for, or a dead line and what followed it, if the message tells
/// one.
pub(super) fn swapped(s: &Scan) -> Option<Finding> {
    // A SIM swap the customer did not ask for, or after which the line went dead.
    let done_to_me = |i: usize| {
        s.words[i.saturating_sub(3)..i].iter().any(|w| matches!(w.text.as_str(), "hicieron" | "someone" | "alguien"))
    };
    // ("my sim stopped working, how do i get a new sim?": the customer's own new SIM, asked for.)
    let getting = |j: usize| {
        matches!(s.text(j), "get" | "order" | "need" | "want" | "buy" | "request")
            || matches!(s.text(j), "pedir" | "sacar" | "comprar" | "tramitar" | "conseguir")
    };
    let own_new = |i: usize| s.text(i) == "new" && (i.saturating_sub(3)..i).any(getting);
    if s.find(SIM).any(|i| real(s, i) && !own_new(i) && (s.has(DISOWN | NO_SERVICE) || done_to_me(i))) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my phone number stopped working and now I'm getting alerts of transfers": the line gone dead,
    // then transactions seen.
    // ("my sim stopped working out of nowhere and now i'm getting emails about password changes": the
    // account's password or details changed since, not by the customer.)
    let changed_since = |i: usize| {
        (i + 1..s.len()).any(|j| {
            (s.words[j].tags & CHANGED != 0 || s.words[j].starts_with_any(&["change", "reset", "cambi"]))
                && s.near(j, CRED | DETAIL, 3, 3)
                && !matches!(s.text(j.wrapping_sub(1)), "i" | "yo")
        })
    };
    let seen_since = |i: usize| s.after(i, TXN).next().is_some() && s.has(SEEN);
    if s.find(NO_SERVICE).any(|i| real(s, i) && (seen_since(i) || changed_since(i))) {
        return Finding::of(Category::AccountTakeover);
    }
    None
}
