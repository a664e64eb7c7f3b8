//! Savings moved for safety at someone else's word: to a "safe account" a caller named, to protect
//! the money, or into something bought to protect it.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, only_asks, opens_question, real, told_in_past};
use super::words::*;

/// Money moved to a "safe account", or to protect it, at someone else's word.
pub(super) fn moved_for_safety(s: &Scan) -> Option<Finding> {
    // "what's a safe account and do you offer one for savings?" only asks (not "what's a safe
    // account? a man on the phone says i must move my money").
    let asks_only = only_asks(s) && !s.has(IMPOSTOR | SOMEONE | TOLD | STRANGER | ASKED);
    // ("is my money in a safe account with you?": the bank's own, asked about.)
    let with_you = s.find(SAFE_ACCOUNT).all(|i| {
        (i + 1..(i + 4).min(s.len()))
            .any(|j| matches!((s.text(j), s.text(j + 1)), ("with", "you") | ("con", "ustedes")))
    }) && !s.has(IMPOSTOR | SOMEONE | TOLD | STRANGER | ASKED | MOVED);
    // ("what is a 'safe account' scam? my neighbour told me about it": the scam's name, asked about,
    // with nothing moved or asked for.)
    let scam = |j: usize| matches!(s.text(j), "scam" | "scams" | "fraud" | "estafa" | "fraude");
    let gave = s.find(GIVE).any(|j| !(s.text(j) == "told" && s.text(j + 1) == "me"));
    let named = s.find(SAFE_ACCOUNT).all(|i| (i + 1..(i + 3).min(s.len())).any(scam))
        && opens_question(s, 0)
        && !gave
        && !s.has(MOVED | PAID | IMPOSTOR | STRANGER | ASKED);
    if s.has(SAFE_ACCOUNT) && !s.has(PREVENT) && !asks_only && !with_you && !named {
        return Finding::of(Category::SocialEngineering);
    }
    // "a lady from your security department walked me through moving my money to protect it": money
    // moved to keep it safe, at someone else's word.
    // (Not "…an isa to protect it from tax": an ordinary cost of money kept.)
    let ordinary = |j: usize| {
        (j + 1..(j + 4).min(s.len()))
            .any(|k| matches!(s.text(k), "tax" | "taxes" | "inflation" | "impuestos" | "inflacion" | "fees"))
    };
    let to_protect = |i: usize| {
        (i + 1..(i + 10).min(s.len())).any(|j| {
            (s.words[j].starts_with_any(&["protect", "proteger", "resguard", "salvo"])
                || (s.words[j].text == "safe" && s.words[j - 1].text == "it"))
                && !ordinary(j)
        })
    };
    let moving = |i: usize| {
        s.words[i].tags & MOVED != 0
            || s.words[i].starts_with_any(&["moving", "transferring", "moviendo", "pasando"])
            || matches!(s.text(i), "put" | "putting" | "puse" | "meti" | "meter")
    };
    let moved_to_protect = |i: usize| moving(i) && s.near(i, MONEY, 0, 3) && to_protect(i) && real(s, i);
    if s.has(IMPOSTOR | SOMEONE | TOLD | STRANGER) && (0..s.len()).any(moved_to_protect) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    // "he said he was from your fraud team and told me to buy bitcoin to protect my savings, i did it":
    // told to do something with the money to protect it, and done.
    let protect_money = |i: usize| {
        s.words[i].starts_with_any(&["protect", "proteger", "resguard"])
            && (i + 1..(i + 3).min(s.len()))
                .any(|j| s.words[j].tags & MONEY != 0 || s.words[j].starts_with_any(&["saving", "ahorro"]))
    };
    if s.has(IMPOSTOR) && s.has(TOLD) && (0..s.len()).any(protect_money) && told_in_past(s) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}
