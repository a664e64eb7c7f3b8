//! The customer as the seller: goods handed over to a buyer whose payment never came.

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
