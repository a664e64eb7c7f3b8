//! A caller who got the customer to hand something over: made to read out or dictate a code, or
//! asked to and the customer did; a device opened to someone outside the customer's own; a courier
//! sent to collect cash or a card; a request paid in someone's name who denies sending it; told to
//! keep it secret from the bank.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, a_person, is_past, negated, only_asks, real, told_in_past};
use super::words::*;

/// "me llamó alguien… y me hizo leerle los números", "the 'bank' texted me a code and then rang
/// asking me to read it back, which i did".
pub(super) fn talked_into_handing(s: &Scan) -> Option<Finding> {
    // "…call a number, the man on the phone got my pin": a credential someone else got (not "i got my
    // pin in the post", "she got my card number wrong").
    let someone = |k: usize| {
        s.words[k].tags & (SOMEONE | STRANGER) != 0
            || a_person(s.text(k))
            || matches!(s.text(k), "he" | "she" | "caller")
    };
    let got = |i: usize| {
        matches!(s.text(i), "got" | "obtained")
            && matches!(s.text(i + 1), "my" | "mi")
            && s.words.get(i + 2).is_some_and(|w| w.tags & CRED != 0)
            && (i.saturating_sub(8)..i).any(someone)
            && !(i + 3..(i + 6).min(s.len())).any(|j| matches!(s.text(j), "wrong" | "mal" | "incorrect"))
            && real(s, i)
    };
    // "i approved a notification in my app because the caller said it would cancel a fraudulent
    // payment": approved at a caller's word (not "…while i was on the phone i approved my rent").
    let approved =
        |i: usize| s.words[i].starts_with_any(&["approved", "authorised", "authorized", "aprobe", "autorice"]);
    let because_said = |i: usize| {
        (i + 1..(i + 10).min(s.len())).any(|j| {
            matches!(s.text(j), "because" | "porque" | "as")
                && (j + 1..(j + 4).min(s.len())).any(|k| matches!(s.text(k), "said" | "told" | "dijo" | "dijeron"))
        })
    };
    // ("…it would cancel…" is what was said, not a supposition.)
    let caller = s.words.iter().any(|w| w.text == "caller");
    if caller && (0..s.len()).any(|i| approved(i) && !negated(s, i) && because_said(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // (A caller: "someone got my card details and used it" is misuse, read elsewhere.)
    let call = s.has(IMPOSTOR) || s.words.iter().any(|w| w.starts_with_any(&["phone", "call", "rang", "llam"]));
    if call && (0..s.len()).any(got) {
        return Finding::of(Category::SocialEngineering);
    }
    // "me llamó alguien… y me hizo leerle los números", "me hicieron dictarles", "he had me read out
    // the code": a caller who got the customer to hand something over.
    let causative = |i: usize| made_me(s, i);
    let handing = |j: usize| {
        s.words[j].tags & GIVE != 0
            || s.words[j]
                .starts_with_any(&["leer", "dictar", "dar", "pasar", "read", "give", "tell", "share", "confirm"])
            // "…got me to approve a payment in the app", "…and send them the codes".
            || s.words[j].starts_with_any(&["approv", "authoris", "authoriz", "aprob", "autoriz"])
            || s.words[j].starts_with_any(&["send", "mand", "envi"])
            // "…got me to log into my bank so he could 'check' it".
            || matches!((s.text(j), s.text(j + 1)), ("log" | "sign", "in" | "into" | "on"))
    };
    // "me llamaron del 'área de fraudes'… me hicieron dictarles": a caller, whoever they said they were.
    // ("a man rang saying…": a stranger who rang.)
    let called = |i: usize| {
        matches!(s.text(i), "llamaron" | "llamo" | "marcaron" | "marco" | "called" | "phoned" | "rang")
            && (s.text(i.wrapping_sub(1)) == "me"
                || s.text(i + 1) == "me"
                || (i.saturating_sub(3)..i).any(|k| s.words[k].tags & (STRANGER | SOMEONE) != 0))
    };
    let caller = s.has(IMPOSTOR) || (0..s.len()).any(called);
    // ("…got me to buy gift cards and send them the codes": the handing a few words on.)
    if caller && (0..s.len()).any(|i| causative(i) && real(s, i) && (i + 1..(i + 8).min(s.len())).any(handing)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "un señor me llamó para que se lo leyera, lo hice": asked to hand a code over, and done.
    let asked_to_hand = |i: usize| {
        matches!(s.words[i].text.as_str(), "leyera" | "dictara" | "diera" | "pasara" | "compartiera" | "dijera")
            && s.words[i.saturating_sub(4)..i].iter().any(|w| w.text == "que")
    };
    // "lo hice", "i did", "se lo di/dicté/leí": the request itself ("para que se lo leyera") is not it.
    let complied = (0..s.len()).any(|i| {
        matches!((s.text(i), s.text(i + 1)), ("lo" | "la", "hice") | ("i", "did"))
            || (s.text(i) == "se"
                && matches!(s.text(i + 1), "lo" | "la" | "los" | "las")
                && matches!(s.text(i + 2), "di" | "dicte" | "lei" | "pase" | "dije" | "mande" | "comparti" | "envie"))
    });
    // "…then rang asking me to read it back, which i did".
    let asked_me_to =
        |i: usize| s.words[i].tags & ASKED != 0 && s.text(i + 1) == "me" && s.text(i + 2) == "to" && handing(i + 3);
    // (Not "my mum rang asking me to read her the code from her new card letter".)
    let rang = (0..s.len()).any(|i| {
        (called(i) || matches!(s.text(i), "rang" | "phoned"))
            && !s.words[i.saturating_sub(3)..i].iter().any(|w| w.tags & FAMILY != 0)
    });
    // "a man on the phone said…": someone on the line.
    let on_the_line = s
        .words
        .windows(3)
        .any(|p| matches!((p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()), ("on", "the", "phone")))
        || s.words.windows(2).any(|p| p[0].text == "por" && p[1].text == "telefono");
    let someone = s.has(SOMEONE | STRANGER | IMPOSTOR) || rang || on_the_line;
    // "…and i had to read him the numbers to stop it, i did".
    // (Not "…i had to read the numbers on the letter to activate my card": the activation line's.)
    let activating = s.words.iter().any(|w| w.starts_with_any(&["activat", "activar"]));
    let had_to =
        |i: usize| matches!((s.text(i), s.text(i + 1)), ("had" | "have", "to")) && handing(i + 2) && !activating;
    // ("…read him the numbers", the card's.)
    let numbers =
        s.has(VALUABLE) && s.words.iter().any(|w| matches!(w.text.as_str(), "numbers" | "numeros" | "digits"));
    if (s.has(CRED) || numbers)
        && someone
        && complied
        && (0..s.len()).any(|i| asked_to_hand(i) || asked_me_to(i) || had_to(i))
    {
        return Finding::of(Category::SocialEngineering);
    }
    // "i gave a 'microsoft technician' access to my laptop", "le di acceso a mi compu a un técnico":
    // a device opened to someone outside the customer's own (not "i gave my son access to my laptop").
    let device = |k: usize| {
        matches!(s.text(k), "laptop" | "computer" | "pc" | "phone" | "tablet" | "compu" | "computadora" | "celular")
    };
    let to_my_device = |j: usize| {
        matches!(s.text(j + 1), "to" | "into" | "on" | "a") && matches!(s.text(j + 2), "my" | "mi") && device(j + 3)
    };
    // ("is microsoft allowed to ask for remote access to my laptop?": whether it may, asked.)
    let may =
        |i: usize| s.text(i) == "allowed" && (i.saturating_sub(2)..i).any(|k| matches!(s.text(k), "is" | "are" | "be"));
    let opened = |i: usize| {
        (s.words[i].tags & GIVE != 0 || matches!(s.text(i), "let" | "allowed"))
            && !may(i)
            && real(s, i)
            && !matches!(s.text(i + 1), "my" | "mi")
            && (i + 1..(i + 8).min(s.len())).any(|j| s.words[j].tags & ACCESS != 0 && to_my_device(j))
    };
    if (0..s.len()).any(opened) && !s.words.iter().any(|w| w.tags & FAMILY != 0) {
        return Finding::of(Category::SocialEngineering);
    }
    // "the police rang… a courier is coming to collect it", "mandan a un mensajero a recoger la
    // tarjeta": someone sent to collect the customer's cash or card, the courier scam.
    // (Not "the courier came to collect the parcel i was returning".)
    let cash_or_card = |j: usize| {
        (j + 1..(j + 5).min(s.len())).any(|k| {
            s.words[k].tags & (VALUABLE | MONEY | CRED) != 0
                || s.words[k].is_number()
                || matches!(s.text(k), "it" | "them")
        })
    };
    let collects = |j: usize| {
        (s.words[j].starts_with_any(&["collect", "recog", "pick"]) || (s.text(j) == "pasar" && s.text(j + 1) == "por"))
            && cash_or_card(j)
    };
    // (Not "…a courier to collect my old card terminal": a machine, not a card.)
    let machine = s.words.iter().any(|w| matches!(w.text.as_str(), "terminal" | "reader" | "datafono" | "lector"));
    let courier = |k: usize| {
        matches!(s.text(k), "courier" | "mensajero" | "driver" | "motorista")
            && (k + 1..(k + 6).min(s.len())).any(collects)
            && !machine
    };
    if (0..s.len()).any(|k| courier(k) && real(s, k)) && s.has(VALUABLE | MONEY | CRED | ATM) || cash_for_courier(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "a 'bank investigator' told me to keep our calls secret from the branch staff", "me dijeron que
    // no le dijera a nadie del banco": told to keep it from the bank or the family, the way scams do.
    let secret = |i: usize| {
        (s.words[i].starts_with_any(&["secret", "secreto"])
            || matches!((s.text(i), s.text(i + 1)), ("not", "to") | ("no", "le" | "les")) && told_in_past(s))
            && (i + 1..(i + 8).min(s.len())).any(|j| {
                s.words[j].starts_with_any(&["branch", "staff", "bank", "banco", "sucursal", "cajer", "famil", "nadie"])
                    || (s.text(j) == "anyone" && s.text(j - 1) == "tell")
            })
    };
    if s.find(TOLD | ASKED).any(|i| real(s, i) && (i + 1..(i + 8).min(s.len())).any(secret)) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "i got a refund call from 'amazon' and they had me log in to my bank… now 1500 has gone": made
    // to sign in at a stranger's direction, and money gone since (not "my son had me log in…").
    let sign_in = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("log" | "sign", "in" | "into" | "on"))
            || s.text(j) == "login"
            || s.words[j].starts_with_any(&["entrar", "ingresar"])
    };
    let made_to_sign_in =
        (0..s.len()).any(|i| made_me(s, i) && real(s, i) && (i + 1..(i + 4).min(s.len())).any(sign_in));
    let gone = s.has(GONE) && s.words.iter().any(|w| w.is_number());
    if made_to_sign_in && gone && !s.has(FAMILY) {
        return Finding::of(Category::SocialEngineering);
    }
    // "i gave my card to a taxi driver who said his machine was broken… now there's 900 missing": the
    // card handed over, and money gone since.
    let card_given = |i: usize| s.words[i].tags & GIVE != 0 && real(s, i) && s.near(i, VALUABLE, 0, 3);
    let gone_since = |i: usize| {
        s.find(GONE).any(|j| j > i && s.words[j.saturating_sub(4)..(j + 3).min(s.len())].iter().any(|w| w.is_number()))
    };
    if (0..s.len()).any(|i| card_given(i) && gone_since(i)) && !s.has(FAMILY) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "he said he was from the bank's anti-fraud team and told me to tap my card on my phone… i did":
    // the card tapped at an impostor's word.
    let tap = |j: usize| s.words[j].starts_with_any(&["tap", "acerc", "hold"]) && s.near(j, VALUABLE, 0, 3);
    let done =
        s.words.windows(2).any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("i", "did") | ("lo", "hice")));
    if s.has(IMPOSTOR) && s.find(TOLD | ASKED).any(|i| real(s, i) && (i + 1..(i + 5).min(s.len())).any(tap)) && done {
        return Finding::of(Category::SocialEngineering);
    }
    // "mi jefe me mandó un correo urgente para pagar una factura… ya lo hice, pero dice que no fue él",
    // "a voice note from my son asking for 500… he says he never sent it": a request acted on, in the
    // name of someone the customer knows, who denies it.
    if paid_then_denied(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "i was pressured into sending money to a 'tax officer' who said i'd be arrested": money sent
    // under a threat of arrest.
    let arrest = |i: usize| {
        s.words[i].starts_with_any(&["arrest", "detenid", "detener", "jail", "prison", "carcel"])
            && (i.saturating_sub(3)..i).any(|k| matches!(s.text(k), "i'd" | "be" | "would" | "iban" | "ir"))
    };
    let sent = s.find(GIVE | MOVED | PAID).any(|j| real(s, j) && is_past(s, j))
        || (1..s.len()).any(|j| s.words[j].starts_with_any(&["sending", "paying"]) && s.text(j - 1) == "into");
    if (0..s.len()).any(arrest) && sent && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "i was told by a man on the phone to buy bitcoin at an atm to protect my money, i did it twice":
    // crypto bought at a machine, at someone's word.
    let crypto = s.words.iter().any(|w| w.starts_with_any(&["bitcoin", "crypto", "cripto", "btc"]));
    let did = (0..s.len()).any(|i| {
        matches!((s.text(i), s.text(i + 1)), ("i", "did") | ("lo", "hice")) || s.words[i].tags & PAID != 0 && real(s, i)
    });
    if crypto && s.has(ATM) && s.has(TOLD | ASKED | IMPOSTOR) && did && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}

/// "…said they need me to withdraw 3000 as evidence, a courier is coming": cash to be handed over.
fn cash_for_courier(s: &Scan) -> bool {
    // ("…asked me to withdraw 3000 to help catch a thief": a cover story of an investigation.)
    let evidence = s.words.iter().any(|w| {
        matches!(w.text.as_str(), "evidence" | "evidencia" | "prueba")
            || w.starts_with_any(&["catch", "atrapar", "investigat", "operativo", "sting"])
    });
    // (Not "would the police ever ask me to withdraw cash…?", supposed.)
    let withdraw = (0..s.len()).any(|i| {
        (s.words[i].starts_with_any(&["withdraw", "retir", "sacar"])
            || matches!(s.text(i), "take" | "taking") && s.text(i + 1) == "out")
            && real(s, i)
    });
    let authority = s.has(IMPOSTOR)
        || s.words.iter().any(|w| w.starts_with_any(&["police", "policia", "officer", "detective", "investigat"]));
    // ("…debo retirar todo para entregarlo como evidencia": all of it.)
    let sum = |w: &Word| {
        w.is_number() || w.tags & MONEY != 0 || matches!(w.text.as_str(), "todo" | "everything" | "savings" | "ahorros")
    };
    evidence && withdraw && authority && s.words.iter().any(sum)
}

/// The customer paid or sent money at someone's request, and that someone says it was not them.
fn paid_then_denied(s: &Scan) -> bool {
    let denies = |i: usize| {
        matches!(s.text(i), "dice" | "dijo" | "says" | "said" | "claims")
            && (i + 1..(i + 5).min(s.len())).any(|j| {
                s.words[j].tags & NEG != 0
                    && (j + 1..(j + 3).min(s.len())).any(|k| {
                        matches!(s.text(k), "fue" | "sent" | "send" | "wrote" | "mando" | "envio" | "escribio")
                    })
            })
    };
    let paid = (0..s.len()).any(|j| {
        (s.words[j].tags & (GIVE | MOVED | PAID) != 0
            || matches!((s.text(j), s.text(j + 1)), ("lo", "hice") | ("i", "did")))
            && is_past(s, j)
            && real(s, j)
    }) || s.words.windows(3).any(|p| p[0].text == "ya" && p[1].text == "lo" && p[2].text == "hice");
    let amount = |j: usize| s.words[j].is_number() || s.words[j].tags & (MONEY | TXN) != 0;
    // "…asking for 500 for a new phone": money asked for is enough, paid or not.
    let asked = s.find(ASKED).any(|i| (i + 1..(i + 4).min(s.len())).any(amount));
    (0..s.len()).any(denies) && (paid || asked) && (0..s.len()).any(amount) && !only_asks(s)
}

/// Word `at` makes the customer do something: "me hizo", "me hicieron", "made me", "had me", "got me".
pub(super) fn made_me(s: &Scan, at: usize) -> bool {
    (matches!(s.text(at), "hizo" | "hicieron") && s.text(at.wrapping_sub(1)) == "me")
        || (matches!(s.text(at), "made" | "had" | "got") && s.text(at + 1) == "me")
}
