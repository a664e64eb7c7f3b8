//! The customer's details found changed wholesale or different, the customer shut out; the account
//! closed by no one the customer knows; the customer impersonated to the bank.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, only_asks, real};
use super::words::*;

/// Details or the account itself changed by someone else, or the customer impersonated to the bank.
pub(super) fn changed_or_closed(s: &Scan) -> Option<Finding> {
    // "the app let me log in but all my details are different, name, address, everything": the
    // customer's details changed wholesale, by no one the customer names (not "i got married").
    let detail = |j: usize| {
        matches!(s.text(j), "details" | "name" | "address" | "email" | "datos" | "nombre" | "direccion" | "correo")
    };
    let different = |i: usize| {
        s.words[i].starts_with_any(&["different", "distint", "diferente"])
            && real(s, i)
            && (i.saturating_sub(4)..i).any(|j| detail(j) && matches!(s.text(j.wrapping_sub(1)), "my" | "mis" | "mi"))
    };
    let wholesale = s.has(EVERYTHING) || (0..s.len()).filter(|&j| detail(j)).count() >= 2;
    let mine = s.words.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "i" | "we" | "yo")
            && p[1].starts_with_any(&["chang", "updat", "mov", "got", "marri"])
    });
    // ("my app now has a different email and phone number on it and i can't get in": found different,
    // and the customer shut out; not "i have a different email now".)
    let own = |i: usize| (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "have" | "got" | "tengo" | "use"));
    let found = |i: usize| {
        s.words[i].starts_with_any(&["different", "distint", "diferente"])
            && real(s, i)
            && !own(i)
            && (i + 1..(i + 3).min(s.len())).any(detail)
    };
    let shut_out = s.find(LOCKED_OUT).any(|j| real(s, j));
    let found_shut_out = (0..s.len()).any(found) && shut_out;
    if ((0..s.len()).any(different) && wholesale || found_shut_out) && !mine && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "the app says my account is closed, i didn't close it": closed, and the closing disowned.
    let closed = |i: usize| {
        s.words[i].starts_with_any(&["closed", "cerrad", "cancelad", "cancelled", "canceled"])
            && s.near(i, ACCOUNT | VALUABLE, 4, 0)
    };
    // (Not "…i didn't close it but i did report it lost, is that why?": a cause the customer knows.)
    let cause = s.words.iter().any(|w| w.starts_with_any(&["report", "because", "porque"]));
    if (0..s.len()).any(closed) && s.find(DISOWN).any(|j| real(s, j)) && !cause && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "they called pretending to be me and the bank reset my password, i'm locked out now": the
    // customer impersonated to the bank, and shut out since.
    let as_me = |i: usize| {
        matches!((s.text(i), s.text(i + 1), s.text(i + 2)), ("to", "be", "me") | ("pasar", "por", "mi")) && real(s, i)
    };
    let reset = s.words.iter().any(|w| w.starts_with_any(&["reset", "restablec"]));
    if (0..s.len()).any(as_me) && (reset || s.find(LOCKED_OUT).any(|i| real(s, i))) {
        return Finding::of(Category::AccountTakeover);
    }
    None
}
