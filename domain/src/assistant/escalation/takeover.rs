//! Someone else in the account or using what is the customer's: "someone is using my card", a
//! loan opened in the customer's name (`identity.rs`), a SIM swap (`sim.rs`), details changed (sign-ins
//! that were not theirs: `signins.rs`).

use super::Category;
use super::identity;
use super::lent;
use super::loss;
use super::payees;
use super::scan::{Scan, Word};
use super::signins;
use super::sim;
use super::situations::{Finding, hypothetical, is_past, negated, only_asks, real};
use super::transactions::customer;
use super::words::*;

/// "my phone number", "mi número de celular": the phone as a detail of the account, not the phone.
fn phone_number(s: &Scan, at: usize) -> bool {
    let phone = s.words[at].tags & PHONE != 0;
    let number = |w: &str| matches!(w, "number" | "numero");
    phone
        && (s.words.get(at + 1).is_some_and(|n| number(&n.text))
            || s.words[at.saturating_sub(2)..at].iter().any(|w| number(&w.text)))
}

/// Someone else in the account, or using the customer's card or money.
pub(super) fn takeover_or_misuse(s: &Scan) -> Option<Finding> {
    // Not "someone made a transfer to my account".
    // Nor "alguien me hizo una transferencia", "hizo un depósito a mi cuenta".
    let incoming = s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "to" | "into" | "a") && p[1].text == "my")
        || s.words.windows(2).any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("to", "me") | ("a", "mi")));
    for i in s.find(SOMEONE) {
        // Someone got into something of the bank's ("broke into my flat" is for the police).
        // "somebody made a withdrawal", "someone is making transactions", "alguien hizo una compra".
        let made_word = |j: usize| {
            matches!(s.text(j), "made" | "making" | "hizo" | "hicieron" | "haciendo" | "realizo" | "realizaron")
                && s.text(j - 1) != "me"
        };
        let made = (i + 1..(i + 4).min(s.len())).any(made_word) && s.near(i, TXN, 0, 6) && !incoming;
        // "I think someone else is using it" (the card named in the sentence before).
        let using_it = (i + 1..(i + 6).min(s.len())).any(|j| {
            s.words[j].tags & INTRUDE != 0
                && s.words.get(j + 1).is_some_and(|n| matches!(n.text.as_str(), "it" | "them"))
        }) && s.has(VALUABLE);
        // "my card is being used by someone else", "my account was accessed by someone": the
        // passive, with what was used named before.
        let before = |tags| (i.saturating_sub(10)..i).any(|j| s.words[j].tags & tags != 0);
        let used_by = i > 0
            && s.words[i - 1].text == "by"
            && (i.saturating_sub(4)..i - 1).any(|j| s.words[j].tags & INTRUDE != 0)
            && before(VALUABLE | ACCOUNT);
        if real(s, i) && used_by && !before(VALUABLE | MONEY | TXN) {
            return Finding::of(Category::AccountTakeover);
        }
        // "somebody has been transferring small amounts out of my account", "someone's withdrawn cash
        // with my card": money moved out by them.
        let out_of_mine = s.words.windows(3).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("out", "of", "my") | ("de", "mi", "cuenta") | ("with", "my", "card") | ("con", "mi", "tarjeta")
            )
        });
        // ("…and straight away someone moved them out": moved out.)
        let moving = (i + 1..(i + 5).min(s.len())).any(|j| {
            s.words[j].starts_with_any(&["transfer", "withdraw", "moving", "taking", "sacando", "transfiriendo"])
        });
        let moved_out = (i + 1..(i + 3).min(s.len()))
            .any(|j| s.text(j) == "moved" && (j + 1..(j + 4).min(s.len())).any(|k| s.text(k) == "out"));
        if real(s, i) && (made || using_it || used_by || (moving && out_of_mine) || moved_out) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "someone in another country is paying for netflix with my card": what is used, named after
        // the using.
        let intrudes_on = (i..(i + 7).min(s.len()))
            .any(|j| s.words[j].tags & INTRUDE != 0 && s.near(j, VALUABLE | ACCOUNT | MONEY | TXN, 0, 6));
        // ("someone is using my codes": a credential used, with no payment told.)
        let cred = if s.has(TXN) { 0 } else { CRED };
        let object_near = s.near(i, ACCOUNT | VALUABLE | MONEY | TXN | DETAIL | cred, 0, 8) || intrudes_on;
        if real(s, i) && s.near(i, INTRUDE, 0, 6) && object_near {
            let misuse = (i..(i + 9).min(s.len())).any(|j| s.words[j].tags & VALUABLE != 0 && !phone_number(s, j))
                || s.near(i, MONEY | TXN, 0, 8);
            return Finding::of(if misuse { Category::UnrecognisedPayment } else { Category::AccountTakeover });
        }
    }
    // "entraron a mi banca en línea", "se metieron a mi app del banco": someone unnamed (the Spanish
    // third person plural) got into the customer's own account.
    let into_mine = |i: usize| {
        (i + 1..(i + 4).min(s.len()))
            .any(|j| s.words[j].tags & ACCOUNT != 0 && matches!(s.words[j - 1].text.as_str(), "mi" | "mis" | "my"))
    };
    let got_into_mine =
        |i: usize| matches!(s.words[i].text.as_str(), "entraron" | "metieron" | "accedieron") && into_mine(i);
    // "mi hermano se metió a mi app porque sabe mi contraseña y se pasó dinero", "my son got into my
    // banking app and moved money": one person, named just before, got in, and money moved.
    let person_got_in = |i: usize| {
        (matches!(s.text(i), "metio" | "entro" | "accedio" | "accessed")
            || (matches!(s.text(i), "got" | "logged" | "went" | "broke") && s.text(i + 1) == "into"))
            && s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & (FAMILY | SOMEONE) != 0)
            && into_mine(i)
    };
    let person_moved_money = s.has(MONEY | TXN) && (0..s.len()).any(|i| person_got_in(i) && real(s, i));
    if (0..s.len()).any(|i| got_into_mine(i) && real(s, i)) || person_moved_money {
        return Finding::of(Category::AccountTakeover);
    }
    // "my mother in law has been using my online banking to pay her bills without asking": a
    // relative using what is the customer's, and no consent given.
    let mine_after = |j: usize| {
        (j + 1..(j + 4).min(s.len()))
            .any(|k| s.words[k].tags & (ACCOUNT | VALUABLE) != 0 && matches!(s.text(k - 1), "my" | "mi"))
    };
    // "my flatmate used my laptop while i was out and paid his rent from my account": the customer's
    // device, used while they were away, and money moved.
    let device_after = |j: usize| {
        (j + 1..(j + 4).min(s.len())).any(|k| {
            matches!(s.text(k), "laptop" | "computer" | "phone" | "tablet" | "celular" | "computadora" | "compu")
                && matches!(s.text(k - 1), "my" | "mi")
        })
    };
    let kin_uses = |i: usize| {
        (i + 1..(i + 6).min(s.len())).any(|j| s.words[j].tags & INTRUDE != 0 && (mine_after(j) || device_after(j)))
    };
    let away = s.words.windows(4).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()), ("while" | "when", "i", "was"))
            && matches!(p[3].text.as_str(), "out" | "away" | "asleep" | "sleeping")
            || matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("mientras" | "cuando", "no", "estaba")
            )
    });
    // ("…i found out from my statement": found out, so never told.)
    let found_out = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("found", "out") | ("me", "entere") | ("me", "di"))
    });
    // ("i think my nephew has been using my online banking": suspected, so never agreed to.)
    let suspects = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("i", "think" | "suspect") | ("creo" | "sospecho", "que"))
    }) && s.has(TXN | MONEY);
    let unconsented =
        s.find(DISOWN).any(|j| real(s, j)) || (away && s.has(TXN | MONEY | PAID)) || found_out || suspects;
    if unconsented && s.find(FAMILY).any(|i| real(s, i) && kin_uses(i)) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    if lent::kin_keeps_buying(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "i think somebody's added a new payee to my account": someone else added something to it
    // (not "can someone be added to my account?").
    let added = |j: usize| s.text(j) == "added" && !matches!(s.text(j - 1), "be" | "been" | "get" | "i" | "we");
    let someone_added =
        |i: usize| (i + 1..(i + 4).min(s.len())).any(|j| added(j) && s.near(j, DETAIL | ACCOUNT | VALUABLE, 0, 6));
    if s.find(SOMEONE).any(|i| real(s, i) && someone_added(i)) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my ex still knows my online banking password", "…knows my login": someone else holding a
    // credential.
    if s.find(SOMEONE).any(|i| real(s, i) && s.near(i, KNOWS, 0, 3) && s.near(i, CRED | LOGIN_NAME, 0, 8)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "mi novio me pide mi nip cada quincena y si no se lo doy se enoja", "my grandson keeps asking
    // for my card and pin": a relative demanding a credential, the way money is controlled.
    // "un sobrino le pide su tarjeta cada semana y no se la regresa": the card asked for and kept.
    let kept = s.words.windows(4).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str(), p[3].text.as_str()),
            ("no", "se" | "me", "la" | "lo", "regresa" | "devuelve")
                | ("never" | "doesn't" | "doesnt", "give" | "gives", "it", "back")
        )
    });
    let demands = |j: usize| {
        matches!(s.words[j].text.as_str(), "pide" | "exige" | "asks" | "asking" | "demands" | "wants" | "quiere")
            && (s.near(j, CRED, 0, 6) || (kept && s.near(j, VALUABLE, 0, 4)))
    };
    if s.find(FAMILY).any(|i| real(s, i) && (i + 1..(i + 4).min(s.len())).any(demands)) && !s.has(PROCESS) {
        return Finding::of(Category::Vulnerable);
    }
    // "mi contador tenía acceso a mi banca y ahora veo transferencias a su nombre": someone who had
    // access, and transfers seen since.
    let had_access = || {
        s.words
            .windows(2)
            .any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("tenia" | "had", "acceso" | "access")))
    };
    if s.has(SEEN) && !s.has(PROCESS) && s.find(TXN).any(|i| real(s, i)) && had_access() {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "me aparece una tarjeta adicional a nombre de alguien que no conozco": something of the
    // account's in the name of a stranger.
    let in_the_name_of = || {
        s.words.windows(3).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("a", "nombre", "de") | ("the", "name", "of")
            )
        })
    };
    if s.has(DISOWN) && s.has(VALUABLE | ACCOUNT | LOAN) && !s.has(PROCESS | WANT) && in_the_name_of() {
        return Finding::of(Category::Fraud);
    }
    // "someone applied for an overdraft on my account without asking me".
    let applied = |i: usize| s.words[i].tags & ORDERED != 0 && is_past(s, i) && real(s, i);
    if s.find(SOMEONE).any(|i| real(s, i) && (i + 1..(i + 3).min(s.len())).any(applied)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    if lent::lent_and_used(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my child used my card while I wasn't home": a relative, with a "not" in the same breath.
    for i in s.find(FAMILY) {
        let clause = s.words[i].clause;
        let denied = (i..s.len()).take_while(|&j| s.words[j].clause == clause).any(|j| {
            s.words[j].tags & DISOWN != 0 || (s.words[j].tags & NEG != 0 && j > 0 && customer(&s.words[j - 1].text))
        });
        if real(s, i) && denied && s.near(i, INTRUDE, 0, 3) && s.near(i, VALUABLE | ACCOUNT | MONEY, 0, 6) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    // "my husband left me and emptied our joint account": a relative who took all the money.
    let emptied = |i: usize| (i + 1..(i + 8).min(s.len())).any(|j| s.words[j].tags & EMPTIED != 0 && real(s, j));
    if s.find(FAMILY).any(|i| real(s, i) && emptied(i)) && !s.has(PROCESS) {
        return Finding::of(Category::Vulnerable);
    }
    if identity::opened_in_my_name(s) {
        return Finding::of(Category::Fraud);
    }
    // "hoy vi que hicieron transferencias desde mi cuenta": an unnamed "they" moved money out of it.
    let from_mine = |j: usize| {
        matches!(s.text(j), "desde" | "from")
            && s.words.get(j + 1).is_some_and(|w| matches!(w.text.as_str(), "mi" | "my"))
    };
    let they_made = |i: usize| {
        matches!(s.text(i), "hicieron" | "realizaron")
            && !matches!(s.text(i.wrapping_sub(1)), "me" | "le" | "les" | "nos" | "ustedes")
            && real(s, i)
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & TXN != 0)
            && (i + 2..(i + 7).min(s.len())).any(from_mine)
    };
    if (0..s.len()).any(they_made) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    if let Some(found) = sim::swapped(s) {
        return Some(found);
    }
    // "mi cuenta tiene una dirección que no es la mía": account details that are someone else's.
    if s.has(ACCOUNT) && s.find(DETAIL).any(|i| real(s, i) && s.near(i, DISOWN, 0, 5) && !s.in_clause(i, TXN)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "mi cuenta aparece con un domicilio en monterrey y yo vivo en puebla": a detail on the account
    // that the customer's own life contradicts.
    let contradicted = |i: usize| s.after(i, ALIBI).any(|j| !negated(s, j));
    if s.has(ACCOUNT | VALUABLE) && s.find(DETAIL).any(|i| real(s, i) && contradicted(i)) && !s.has(PROCESS | WANT) {
        return Finding::of(Category::AccountTakeover);
    }
    // "me sacaron de la app y mi saldo estaba en otra cuenta": shut out, and the money moved away.
    if s.find(LOCKED_OUT).any(|i| real(s, i)) && s.has(MONEY) && s.has(NEW_ACCOUNT) {
        return Finding::of(Category::AccountTakeover);
    }
    let disowned = s.has(DISOWN | LOCKED_OUT);
    for i in s.find(CHANGED) {
        // "cambio de contraseña" is a noun: only with "yo no pedí" or "can't log in".
        // "my phone number was updated": an update may be the customer's own, so only with a denial too.
        let update = |w: &str| w.starts_with("updat") || w.starts_with("actualiz");
        // "…are different", "son diferentes": told as found, so only beside a denial or a shut-out too.
        let different = matches!(s.text(i + 1), "different" | "diferentes" | "diferente" | "distintos" | "distinto");
        let noun = s.words[i].text == "cambio" || update(s.text(i)) || update(s.text(i + 1)) || different;
        // "my email and phone on the account were changed": the details named well before.
        if real(s, i) && s.near(i, DETAIL, 6, 4) && (!noun || disowned) {
            return Finding::of(Category::AccountTakeover);
        }
    }
    // "my password and security questions were all changed and i can't get in": a password changed,
    // not by the customer, beside a denial or a shut-out.
    let passive = |i: usize| {
        matches!(s.text(i), "changed" | "reset")
            && (i.saturating_sub(2)..i).any(|j| matches!(s.text(j), "was" | "were" | "been"))
    };
    let mine = |i: usize| (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "i" | "i've" | "ive" | "we" | "yo"));
    let password_changed =
        |i: usize| (s.words[i].tags & CHANGED != 0 || passive(i)) && real(s, i) && !mine(i) && s.near(i, CRED, 6, 4);
    if disowned && (0..s.len()).any(password_changed) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "now there's a transfer from my account to his": money moved from the customer's to another's.
    let to_theirs = s.words.windows(5).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str(), p[3].text.as_str(), p[4].text.as_str()),
            ("from", "my", "account", "to", "his" | "hers" | "theirs" | "her" | "their")
        )
    });
    if to_theirs && s.find(TXN).any(|i| real(s, i)) && !only_asks(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "he knows my balance and has been sending himself money": paying themselves from it.
    let to_self = |i: usize| {
        matches!(s.text(i), "himself" | "herself" | "themselves")
            && s.words[i.saturating_sub(2)..i]
                .iter()
                .any(|w| w.starts_with_any(&["send", "sent", "transfer", "paying"]))
    };
    if (0..s.len()).any(|i| to_self(i) && real(s, i)) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    if let Some(found) = signins::not_the_customers(s) {
        return Some(found);
    }
    if let Some(found) = loss::taken_in_the_post(s) {
        return Some(found);
    }
    // "the name on my account has been changed to someone else's": the holder made another person.
    let name = |j: usize| matches!(s.words[j].text.as_str(), "name" | "nombre" | "titular");
    let to_another = |i: usize| (i + 1..(i + 5).min(s.len())).any(|j| s.words[j].tags & (SOMEONE | STRANGER) != 0);
    if s.find(CHANGED).any(|i| real(s, i) && (i.saturating_sub(6)..i).any(name) && to_another(i)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "someone added themselves as a joint holder on my account", "alguien se agregó como titular": a
    // holder or user added by someone else.
    let holder = |j: usize| {
        matches!(s.words[j].text.as_str(), "holder" | "titular" | "cotitular" | "user" | "usuario" | "signatory")
    };
    let added = |i: usize| {
        s.words[i].starts_with_any(&["added", "agrego", "agregaron", "anadio", "anadieron"])
            && (i.saturating_sub(4)..i).any(|j| s.words[j].tags & (SOMEONE | STRANGER) != 0)
            && (i + 1..(i + 6).min(s.len())).any(holder)
    };
    if (0..s.len()).any(|i| added(i) && real(s, i)) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my online banking shows i logged in from romania at 3am": a sign-in the bank shows, from
    // somewhere the customer does not name as theirs.
    let signed_in = |i: usize| {
        matches!((s.text(i), s.text(i + 1)), ("logged" | "signed", "in" | "on") | ("inicie" | "inicio", "sesion"))
    };
    let shown = |i: usize| {
        (i.saturating_sub(4)..i)
            .any(|j| matches!(s.text(j), "shows" | "showed" | "says" | "said" | "dice" | "aparece" | "muestra"))
    };
    let from_elsewhere = |i: usize| {
        (i + 2..(i + 6).min(s.len())).any(|j| {
            matches!(s.text(j), "from" | "desde")
                && !matches!(s.text(j + 1), "my" | "mi" | "the" | "el" | "la" | "home" | "casa" | "here" | "aqui" | "")
        })
    };
    let elsewhere_sign_in = |i: usize| signed_in(i) && shown(i) && from_elsewhere(i) && !hypothetical(s, i);
    if (0..s.len()).any(elsewhere_sign_in) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    if let Some(found) = payees::payees_changed(s) {
        return Some(found);
    }
    // "my card details were in that shop's data breach and now there are charges": details leaked,
    // and spent since.
    let leak = |w: &Word| matches!(w.text.as_str(), "breach" | "leak" | "leaked" | "filtracion" | "filtraron");
    let asking = |j: usize| {
        let clause = s.words[j].clause;
        s.words.iter().find(|w| w.clause == clause).is_some_and(|w| {
            matches!(w.text.as_str(), "should" | "will" | "could" | "can" | "would" | "debo" | "puedo" | "was" | "were")
        })
    };
    let since_leak = |i: usize| s.after(i, TXN).any(|j| real(s, j) && !asking(j) && !asking(i));
    if (0..s.len()).any(|i| leak(&s.words[i]) && since_leak(i)) && !s.has(PROCESS | PREVENT) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // Codes, sign-ins or devices the customer did not ask for.
    if s.has(DEVICE | CRED) && s.find(DEVICE | CRED).any(|i| s.near(i, DISOWN, 8, 10) && !hypothetical(s, i)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "a new card on my account that I never ordered", "me llegó una tarjeta que yo no pedí": a card
    // someone else asked for in the customer's name.
    let unordered = |i: usize| {
        negated(s, i)
            && !hypothetical(s, i)
            && (i.saturating_sub(8)..i).any(|j| s.words[j].tags & (VALUABLE | LOAN) != 0)
    };
    if s.find(ORDERED).any(unordered) && !s.has(PROCESS | WANT) {
        return Finding::of(Category::Fraud);
    }
    // "i think my ex installed something on my phone": software someone else put on it.
    let by_someone_else = |i: usize| {
        is_past(s, i)
            && real(s, i)
            && !s.words[i.saturating_sub(2)..i].iter().any(|p| customer(&p.text))
            && s.near(i, PHONE | DEVICE, 0, 5)
    };
    if s.find(INSTALL).any(by_someone_else) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "…asked for access to my sms and now my codes are being used": the customer's credential used,
    // by no one the customer names.
    let used = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("being" | "been", "used") | ("siendo", "usad" | "usados" | "usadas"))
    };
    let mine = |k: usize| s.words[k].tags & CRED != 0 && matches!(s.text(k.wrapping_sub(1)), "my" | "mis" | "mi");
    // (Not "…being used to log in on my new phone": on the customer's own.)
    let own = |j: usize| (j + 2..(j + 9).min(s.len())).any(|k| s.text(k) == "my" && s.text(k + 1) == "new");
    if (0..s.len()).any(|k| mine(k) && (k + 1..(k + 4).min(s.len())).any(|j| used(j) && real(s, j) && !own(j))) {
        return Finding::of(Category::AccountTakeover);
    }
    None
}
