//! A card lent for one thing and used for more: many charges since, used all week, kept; or held by a
//! relative who keeps buying with it.

use super::scan::Scan;
use super::situations::{only_asks, real};
use super::words::*;

/// "my friend borrowed my card for one purchase and now there are 10 charges", "a friend borrowed my
/// card for dinner and has been using it all week".
pub(super) fn lent_and_used(s: &Scan) -> bool {
    // "my friend borrowed my card for one purchase and now there are 10 charges": a card lent for
    // one thing, and many charges since.
    let lent = |i: usize| {
        matches!(s.words[i].text.as_str(), "borrowed" | "lent" | "preste") && s.near(i, VALUABLE, 1, 3) && real(s, i)
    };
    let many_after = |i: usize| {
        (i + 1..s.len())
            .any(|j| s.words[j].tags & TXN != 0 && s.words[j.saturating_sub(2)..j].iter().any(|w| w.is_number()))
    };
    // "a friend borrowed my card for dinner and has been using it all week": lent once, used since.
    // ("…borrowed my card and has kept it, there are new payments every day": kept, and paying since.)
    let kept = |i: usize| (i + 1..(i + 9).min(s.len())).any(|j| matches!(s.text(j), "kept" | "keeps" | "quedo"));
    let still_using = |i: usize| {
        kept(i) && s.after(i, TXN).next().is_some()
            || (i + 1..s.len()).any(|j| {
                s.words[j].text.starts_with("using")
                    || s.words[j].text == "usandola"
                    || (s.words[j].tags & INTRUDE != 0 && s.near(j, ONGOING, 2, 0))
            })
    };
    (0..s.len()).any(|i| lent(i) && (many_after(i) || still_using(i)))
}

/// "my mother in law has my card details and keeps ordering things online": a relative holding
/// the customer's card, buying with it again and again.
pub(super) fn kin_keeps_buying(s: &Scan) -> bool {
    let holds_card = |i: usize| {
        (i + 1..(i + 4).min(s.len())).any(|j| {
            matches!(s.text(j), "has" | "tiene" | "kept" | "keeps" | "got")
                && (j + 1..(j + 4).min(s.len())).any(|k| {
                    matches!(s.text(k), "card" | "tarjeta" | "cards" | "tarjetas")
                        && matches!(s.text(k.wrapping_sub(1)), "my" | "mi" | "mis")
                })
        })
    };
    let keeps_buying = (0..s.len()).any(|j| {
        matches!(s.text(j), "keeps" | "sigue" | "kept")
            && (j + 1..(j + 3).min(s.len())).any(|k| {
                s.words[k].starts_with_any(&["order", "buy", "shop", "spend", "compra", "pidi", "gasta", "ordena"])
            })
    });
    keeps_buying && s.find(FAMILY).any(|i| real(s, i) && holds_card(i)) && !s.has(PROCESS) && !only_asks(s)
}
