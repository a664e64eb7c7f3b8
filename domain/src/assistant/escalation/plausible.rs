//! The learned detector's suggestions held against the message: borne out as the rules read it, or a loss
//! told in words the rules do not know.

use super::scan::Scan;
use super::{Category, learned, loss, people, situations, words};

/// Whether the message itself bears out what the learned detector saw, read as the rules read
/// it: nothing but a question about how things work ("is there a deadline to dispute a charge?")
/// tells of no trouble; a loss needs a word of losing, theft or absence that is neither negated nor
/// hypothetical ("my card is at home, can I pay with my phone?" is no loss; "what if my phone gets
/// stolen" is a question; a loss found again with nothing taken or spent, or with the card kept
/// apart, is none); a bereavement long past, as the rules read it, is no sign; a payment not made
/// "yet" is not disowned; and what the message says is put right already is no trouble.
pub(super) fn borne_out(scan: &Scan, category: Category) -> bool {
    use words::*;
    if situations::only_asks(scan) {
        return false;
    }
    match category {
        // "i lost my phone at a festival but found it the next day…": found again, nothing taken or spent.
        // "perdí la mochila pero la tarjeta la tenía en el bolsillo": nothing of the bank's lost.
        // "my phone was stolen in 2019…, can i use it for the app?": long past or dealt with.
        Category::StolenCard => {
            let now = |at: usize| {
                situations::real(scan, at) && !situations::long_past(scan, at, 1) && !situations::dealt_with(scan, at)
            };
            scan.find(LOSE | STEAL | TAKE | GONE | MUGGED).any(now)
                && (!scan.has(FOUND) || scan.has(STEAL | TAKE | MUGGED | TXN | GONE | MONEY))
                && !loss::nothing_of_the_bank(scan)
        }
        // "my husband passed away in 2015, i'd like to update my title": a loss long past, as the rules
        // read it.
        Category::Vulnerable
            if scan.has(BEREAVED | DIED) && scan.find(BEREAVED | DIED).all(|at| situations::long_past(scan, at, 2)) =>
        {
            false
        }
        // "I recognize this payment, thanks": recognised, said outright and not denied anywhere.
        Category::UnrecognisedPayment
            if !scan.has(NEG)
                && scan.words.windows(2).any(|p| {
                    matches!(p[0].text.as_str(), "i" | "yo") && p[1].starts_with_any(&["recogni", "reconozco"])
                }) =>
        {
            false
        }
        // "is this chat with a human being": what the chat is, asked, as the rules read it.
        Category::HumanRequested if people::asks_what_the_chat_is(scan) => false,
        // "…i called you and it's sorted": put right already.
        _ => !scan.words.iter().any(|w| matches!(w.text.as_str(), "yet" | "todavia" | "aun")) && !scan.has(RESOLVED),
    }
}

/// How sure the detector must be of a loss told in words the rules do not know.
const SURE_OF_A_LOSS: f32 = 0.9;

/// "me bajaron el celular en el micro", "my wallet was lifted on the tube": a loss told in words the
/// rules do not know (no word of losing, theft, absence or finding at all), of something the customer
/// holds, told as past, when the detector is very sure.
pub(super) fn loss_in_other_words(model: &learned::Model, scan: &Scan, message: &str) -> bool {
    use words::*;
    let owned = |i: usize| {
        matches!(scan.text(i.wrapping_sub(1)), "my" | "mi" | "mis")
            || matches!(scan.text(i.wrapping_sub(1)), "el" | "la" | "los" | "las")
                && scan.words[..i].iter().any(|w| w.text == "me")
    };
    !scan.has(LOSE | STEAL | TAKE | GONE | MUGGED | LEAVE | FOUND)
        && scan.find(VALUABLE).any(|i| owned(i) && situations::real(scan, i))
        && situations::told_in_past(scan)
        && model.judge(message).0 >= SURE_OF_A_LOSS
}
