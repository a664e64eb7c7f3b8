//! A relative lured by a prize or a return: told they won, and paying fees or sending money for it.

use super::abuse::kin_named;
use super::scan::Scan;
use super::situations::{is_past, only_asks, real};
use super::words::*;

/// "my grandad's been told he won a lottery in spain and has to pay 2000 in fees to collect it, he's
/// already paid": a relative lured by a prize or a return, who has paid for it.
pub(super) fn kin_paid_for_prize(s: &Scan) -> bool {
    let kin = kin_named(s);
    let paid = |j: usize| {
        (s.words[j].starts_with_any(&["paid", "sent", "pago", "mando", "transfirio", "deposito"])
            || s.words[j].tags & GIVE != 0)
            && is_past(s, j)
            && real(s, j)
    };
    let sum = s.words.iter().any(|w| w.is_number());
    // "…has to pay 2000 in fees to collect it", "paid 500 in taxes to release it": paid to get it.
    let fee = s.words.iter().any(|w| {
        w.starts_with_any(&["fee", "tax", "impuesto", "comision", "release", "liberar", "collect", "aduana", "customs"])
    });
    let won = |i: usize| matches!(s.text(i), "won" | "gano" | "ganado");
    // "…keeps getting letters saying she's won money and she's been sending cash": a win announced by
    // someone else, and money going out again and again.
    let told_won = (0..s.len()).any(|i| {
        won(i)
            && (i.saturating_sub(4)..i).any(|j| matches!(s.text(j), "saying" | "says" | "told" | "diciendo" | "dicen"))
    });
    let sending = (1..s.len()).any(|j| {
        s.words[j].starts_with_any(&["sending", "paying", "mandando", "enviando", "pagando"])
            && matches!(s.text(j - 1), "been" | "keeps" | "estado" | "sigue")
            && (j + 1..(j + 3).min(s.len())).any(|k| s.words[k].tags & MONEY != 0 || s.words[k].is_number())
    });
    let lured = (s.has(LURE) || (0..s.len()).any(won)) && fee && sum && (0..s.len()).any(paid);
    kin && (lured || told_won && sending) && !only_asks(s) && !s.has(PROCESS)
}
