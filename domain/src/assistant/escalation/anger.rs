//! Anger at the bank: insults, outrage, "fed up" — not anger at someone else with something asked of
//! the bank, nor at a thing.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, negated};
use super::words::*;

/// Anger or insult aimed at the bank, not negated.
pub(super) fn anger(s: &Scan) -> Option<Finding> {
    // "i'm furious with my broadband provider, can i cancel their direct debit?", "my landlord is
    // absolutely disgraceful, can i set up a standing order…": angry with someone else, asking the bank
    // for something.
    let party = |j: usize| {
        s.words[j].starts_with_any(&[
            "provider",
            "company",
            "landlord",
            "airline",
            "shop",
            "store",
            "broadband",
            "neighbo",
            "builder",
            "proveedor",
            "compania",
            "empresa",
            "casero",
            "aerolinea",
            "tienda",
            "vecin",
        ])
    };
    // "i've had enough of paper statements, can i switch to email?": fed up with a thing, not the bank
    // (the tag sits on a phrase's first word: "i've had enough of…" is tagged on "i've").
    let bankish = |j: usize| {
        matches!(s.text(j), "you" | "your" | "bank" | "banco" | "service" | "staff" | "this" | "being" | "waiting")
    };
    let at_a_thing = |i: usize| {
        (i + 1..(i + 5).min(s.len()))
            .find(|&j| matches!(s.text(j), "of" | "with" | "de" | "con"))
            .is_some_and(|j| !(j + 1..(j + 4).min(s.len())).any(bankish))
    };
    let elsewhere = |i: usize| {
        s.words[i].tags & (UPSET | INSULT) != 0
            && (matches!(s.text(i + 1), "with" | "at" | "con") && (i + 2..(i + 5).min(s.len())).any(party)
                || (i.saturating_sub(4)..i).any(|j| party(j) && s.words[j].phrase == s.words[i].phrase)
                || at_a_thing(i))
            && (i + 1..s.len()).any(|j| {
                s.starts_phrase(j)
                    && matches!(s.text(j), "can" | "could" | "how" | "what" | "where" | "como" | "puedo" | "donde")
            })
    };
    // "i'm disgusted with how your staff spoke to me" (not "appalled at the weather").
    // ("your staff member laughed at me when i asked for help, i'm disgusted": the bank named before.)
    // ("…was appalled by her bank": someone else's; "he gets angry if i buy anything": his.)
    let theirs = |i: usize| {
        matches!(s.text(i + 1), "by" | "at" | "with") && matches!(s.text(i + 2), "her" | "his" | "their")
            || (i.saturating_sub(2)..i).any(|j| matches!(s.text(j), "he" | "she" | "he's" | "she's" | "they"))
    };
    let aimed = |i: usize| {
        !matches!(s.text(i), "disgusted" | "appalled")
            || (i + 1..(i + 5).min(s.len()))
                .any(|j| matches!(s.text(j), "you" | "your" | "staff" | "bank" | "service" | "how" | "way"))
            || (0..i).any(|j| s.text(j) == "your")
    } && !theirs(i);
    if s.find(INSULT | UPSET).any(|i| !negated(s, i) && !elsewhere(i) && aimed(i)) {
        return Finding::of(Category::Anger);
    }
    None
}
