//! A card out of sight with staff: kept by a cashier or a waiter, or handed to a delivery driver to
//! pay, and charges since.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, real};
use super::words::*;

/// "the cashier kept my card behind the counter for a while and now there are charges", "i gave my
/// card to the delivery guy to pay and he took a while, now there's a charge".
pub(super) fn card_with_staff(s: &Scan) -> Option<Finding> {
    // "the cashier kept my card behind the counter for a while and now there are charges": a card out
    // of sight with someone at a till or table, then charges.
    let staff = |w: &str| {
        matches!(
            w,
            "cashier"
                | "waiter"
                | "waitress"
                | "attendant"
                | "clerk"
                | "bartender"
                | "mesero"
                | "mesera"
                | "cajera"
                | "dependiente"
                | "dependienta"
                | "empleado"
                | "empleada"
                | "despachador"
                | "bombero"
                | "delivery"
                | "repartidor"
                | "courier"
                | "mensajero"
                | "taxista"
        )
    };
    let kept = |j: usize| s.words[j].tags & (RETAINED | TAKE) != 0 && real(s, j) && s.near(j, VALUABLE, 0, 3);
    // ("se quedaron con mi tarjeta en el restaurante y luego aparecieron compras": an unnamed "they"
    // at a restaurant or shop, with charges since.)
    let they_kept = |i: usize| {
        matches!((s.text(i), s.text(i + 1)), ("se", "quedaron") | ("they", "kept"))
            && s.has(PLACE)
            && real(s, i + 1)
            && s.near(i + 1, VALUABLE, 6, 4)
    };
    let kept_by_staff = |i: usize| staff(&s.words[i].text) && (i + 1..(i + 6).min(s.len())).any(kept);
    let charged_after = |i: usize| s.after(i, TXN).next().is_some();
    if !s.has(ATM) && (0..s.len()).any(|i| (kept_by_staff(i) || they_kept(i)) && charged_after(i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "the cashier at the supermarket kept my card after I paid": the card in someone else's hands.
    if !s.has(ATM) && (0..s.len()).any(kept_by_staff) {
        return Finding::of(Category::StolenCard);
    }
    // "I gave my card to the delivery guy to pay and he took a while, now there's a charge".
    let to_staff = |i: usize| (i + 1..(i + 7).min(s.len())).any(|j| staff(&s.words[j].text));
    let handed_card = |i: usize| s.words[i].tags & GIVE != 0 && real(s, i) && s.near(i, VALUABLE, 0, 3);
    if (0..s.len()).any(|i| handed_card(i) && to_staff(i) && charged_after(i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    None
}
