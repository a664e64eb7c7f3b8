//! Money or a card gone, told without a word of losing: the bank asked why it let someone take it,
//! money gone to someone the customer does not know, a valuable where it was and is no more.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, hypothetical, only_asks, opens_question};
use super::words::*;

/// The first of these the message tells, if any.
pub(super) fn told(s: &Scan) -> Option<Finding> {
    // "why did you let someone take 3000 out of my account at a branch?", "¿por qué dejaron que alguien
    // sacara mi dinero?": the bank blamed for letting someone take money.
    let asked_to = |i: usize| matches!(s.text(i.wrapping_sub(2)), "can" | "will" | "would" | "do" | "does" | "to");
    let let_take = |i: usize| {
        (matches!((s.text(i.wrapping_sub(1)), s.text(i)), ("you", "let") | ("por", "que")) && !asked_to(i)
            || matches!(s.text(i), "dejaron" | "dejaste" | "permitieron"))
            && (i + 1..(i + 3).min(s.len())).any(|k| {
                s.words[k].tags & (SOMEONE | STRANGER) != 0
                    && s.words
                        .get(k + 1)
                        .is_some_and(|w| w.starts_with_any(&["take", "withdr", "empty", "sac", "retir"]))
                    && (k + 2..(k + 6).min(s.len())).any(|j| s.words[j].is_number() || s.words[j].tags & MONEY != 0)
            })
    };
    if (0..s.len()).any(|i| let_take(i) && !hypothetical(s, i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my benefits went into my account and an hour later it was all gone to someone i don't know":
    // money gone to a stranger.
    let unknown = |k: usize| {
        s.words.get(k).is_some_and(|w| w.tags & SOMEONE != 0)
            && matches!((s.text(k + 1), s.text(k + 2), s.text(k + 3)), ("i", "don't" | "dont", "know"))
    };
    let went = |j: usize| matches!(s.text(j), "went" | "gone" | "sent" | "paid" | "transferred");
    let to_unknown = (1..s.len()).any(|j| went(j - 1) && s.text(j) == "to" && (j + 1..j + 3).any(unknown));
    if to_unknown && !only_asks(s) && !opens_question(s, 0) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my purse was in my coat at the pub and now it's not, cards and all": where it was, and no more.
    let no_more = |i: usize| {
        s.text(i) == "now"
            && matches!((s.text(i + 1), s.text(i + 2)), ("it's" | "its", "not") | ("it", "isn't" | "isnt"))
            && s.ends_phrase(i + 2)
            && s.words[..i].iter().any(|w| w.tags & VALUABLE != 0)
    };
    if s.has(PLACE) && (0..s.len()).any(no_more) {
        return Finding::of(Category::StolenCard);
    }
    // "mi tarjeta no está en mi cartera y anoche salí", "my debit card isn't in my wallet": a card or
    // phone not where it is kept (not "my top up isn't in my wallet").
    let held = |w: &str| ["card", "tarjeta", "phone", "celular", "telefono", "movil"].iter().any(|h| w.starts_with(h));
    let kept =
        |w: &str| matches!(w, "wallet" | "purse" | "bag" | "handbag" | "cartera" | "billetera" | "bolsa" | "bolso");
    let not_in = |i: usize| {
        held(s.text(i))
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                matches!((s.text(j), s.text(j + 1)), ("isn't" | "isnt" | "wasn't" | "wasnt", "in") | ("no", "esta"))
                    && (j + 2..(j + 5).min(s.len())).any(|k| kept(s.text(k)))
            })
            && !hypothetical(s, i)
    };
    if (0..s.len()).any(not_in) && !s.has(FOUND) && !only_asks(s) {
        return Finding::of(Category::StolenCard);
    }
    None
}
