//! At the door or by courier: a card collected at the customer's door, a card and PIN handed to an
//! impostor there, cash taken out and handed over at a caller's word — which no bank asks for.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, a_person, negated, only_asks, real, told_in_past};
use super::words::*;

/// "a man from 'your security team' came to my door to collect my card for replacement", "vino un
/// mensajero a recoger mi tarjeta": someone came to collect the card, which no bank does.
pub(super) fn collected(s: &Scan) -> Option<Finding> {
    // Someone else came: not "when i came to the branch to pick up my new card".
    let came = |i: usize| {
        matches!(s.text(i), "came" | "showed" | "vino" | "vinieron" | "llego" | "llegaron")
            && !matches!(s.text(i.wrapping_sub(1)), "i" | "we")
            && real(s, i)
    };
    let collect =
        |j: usize| s.words[j].starts_with_any(&["collect", "pick", "recog", "llevarse"]) && s.near(j, VALUABLE, 0, 4);
    if (0..s.len()).any(|i| came(i) && (i + 1..(i + 8).min(s.len())).any(collect)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "someone pretending to be my bank… asked me to post the old one to them": a card asked for by post.
    let post = |j: usize| s.words[j].starts_with_any(&["post", "mail", "envi", "mand"]) && s.near(j, VALUABLE, 6, 5);
    let to_them = s.words.windows(2).any(|p| p[0].text == "to" && matches!(p[1].text.as_str(), "them" | "him" | "her"));
    if s.has(IMPOSTOR) && s.find(ASKED).any(|i| real(s, i) && (i + 1..(i + 5).min(s.len())).any(post)) && to_them {
        return Finding::of(Category::SocialEngineering);
    }
    // "a man in a suit at my door said he was from the bank… i gave them to him": handed at the door.
    let door = s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "at" | "to" | "a" | "en")
            && matches!(p[1].text.as_str(), "my" | "mi")
            && matches!(p[2].text.as_str(), "door" | "puerta" | "house" | "casa" | "domicilio")
    });
    let gave = |i: usize| real(s, i) && matches!(s.text(i.wrapping_sub(1)), "i" | "le" | "se");
    if door && s.has(IMPOSTOR | STRANGER) && s.has(VALUABLE | CRED) && s.find(GIVE).any(gave) {
        return Finding::of(Category::SocialEngineering);
    }
    // "a woman at the door said she was collecting for a charity, took my card details and now there
    // are three payments": the card's details taken at the door, and charges since.
    let person = s.has(SOMEONE | STRANGER | IMPOSTOR) || s.words.iter().any(|w| a_person(&w.text));
    let at_door = door || s.words.iter().any(|w| matches!(w.text.as_str(), "door" | "puerta" | "doorstep"));
    let took_details = (0..s.len()).any(|i| {
        matches!(s.text(i), "took" | "got" | "wrote" | "copied" | "tomo" | "apunto" | "copio")
            && s.near(i, VALUABLE | CRED, 0, 3)
    });
    let charged = s.find(TXN).any(|t| !negated(s, t));
    if at_door && person && took_details && charged && told_in_past(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "someone knocked on my door saying they were from the bank and asked for my card to 'check it'":
    // the card or PIN asked for at the door.
    let knocked = s.words.iter().any(|w| matches!(w.text.as_str(), "knocked" | "toco" | "tocaron" | "doorstep"));
    let asked_card = s.find(ASKED).any(|i| real(s, i) && s.near(i, VALUABLE | CRED, 0, 4));
    if (door || knocked) && s.has(SOMEONE | STRANGER | IMPOSTOR) && asked_card && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "told me to withdraw cash and give it to a courier, i did": money handed to a courier at
    // someone's word (not "can a courier bring my new card?").
    let courier = |j: usize| matches!(s.text(j), "courier" | "mensajero" | "motorizado" | "motorista");
    // "asked me to help catch a corrupt employee by withdrawing 5000 and handing it over": cash taken
    // out to be handed over.
    let withdrawn = |i: usize| s.words[..i].iter().any(|w| w.starts_with_any(&["withdraw", "retir", "sacar"]));
    let give = |i: usize| {
        let handing = s.words[i].starts_with_any(&["give", "diera", "entreg", "hand"]);
        ((s.words[i].tags & GIVE != 0 || handing) && (i + 1..(i + 6).min(s.len())).any(courier))
            || (handing && s.text(i + 1) == "it" && withdrawn(i))
    };
    let told = s.find(TOLD | ASKED | IMPOSTOR).any(|i| real(s, i));
    if told && told_in_past(s) && (0..s.len()).any(give) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}
