//! A card lent for one thing and used for more: many charges since, used all week, kept.

use super::scan::Scan;
use super::situations::real;
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
