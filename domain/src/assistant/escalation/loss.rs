//! A loss or theft of something that pays or unlocks: a card, a wallet, a phone, a credential —
//! lost, stolen, taken, gone, left somewhere public — in any tense or order, not negated nor
//! hypothetical.

use super::Category;
use super::gone;
use super::scan::{Scan, Word};
use super::situations::{Finding, dealt_with, is_past, long_past, opens_question, real};
use super::transactions::by_customer;
use super::words::*;

/// A valuable itself within reach of `at`, not one that only names a credential ("my card PIN",
/// "the card number").
fn valuable_near(s: &Scan, at: usize, before: usize, after: usize) -> bool {
    let clause = s.words[at].clause;
    let to = (at + after + 1).min(s.len());
    (at.saturating_sub(before)..to).any(|j| {
        let w = &s.words[j];
        let names_credential = s.words.get(j + 1).is_some_and(|n| {
            (n.tags & CRED != 0 && n.tags & VALUABLE == 0)
                || matches!(n.text.as_str(), "number" | "numbers" | "details" | "info" | "information")
        });
        w.clause == clause && w.tags & VALUABLE != 0 && !names_credential
    })
}

/// "theft of my car", "theft is common here, what card…": the noun names a theft of something
/// else, or none in particular (the card is in another phrase).
fn theft_of_something_else(s: &Scan, at: usize) -> bool {
    if !matches!(s.words[at].text.as_str(), "theft" | "robbery" | "burglary" | "robo" | "hurto") {
        return false;
    }
    let phrase = s.words[at].phrase;
    let object = s.words.iter().skip(at + 1).take(3).position(|w| matches!(w.text.as_str(), "of" | "de"));
    let other_object = object.is_some_and(|k| {
        let after = &s.words[at + 2 + k..(at + 5 + k).min(s.len())];
        after
            .iter()
            .find(|w| !matches!(w.text.as_str(), "my" | "mi" | "a" | "the" | "la" | "el" | "un" | "una"))
            .is_some_and(|w| w.tags & (VALUABLE | CRED) == 0)
    });
    let same_phrase = (at.saturating_sub(4)..(at + 7).min(s.len()))
        .any(|j| s.words[j].phrase == phrase && s.words[j].tags & (VALUABLE | CRED) != 0);
    other_object || !same_phrase
}

pub(super) fn loss_or_theft(s: &Scan) -> Option<Finding> {
    // "como denuncio el robo de mi mochila si no traía nada del banco": nothing of the bank's in it.
    if nothing_of_the_bank(s) {
        return None;
    }
    // "asked to borrow my phone to call her son and walked off with it", "se fue con mi celular":
    // someone left with it.
    let off_with = |i: usize| {
        matches!((s.text(i), s.text(i + 1), s.text(i + 2)), ("walked" | "ran" | "made", "off" | "away", "with"))
            || matches!((s.text(i), s.text(i + 1)), ("se", "fue" | "fueron") if s.text(i + 2) == "con")
    };
    let named_before = |i: usize| s.words[..(i + 6).min(s.len())].iter().any(|w| w.tags & VALUABLE != 0);
    if (0..s.len()).any(|i| off_with(i) && real(s, i) && named_before(i)) {
        return Finding::of(Category::StolenCard);
    }
    if let Some(found) = gone::told(s) {
        return Some(found);
    }
    if !s.has(LOSE | STEAL | TAKE | GONE | LEAVE | MUGGED) {
        return None;
    }
    // ("my phone was taken in for repair": handed in, not taken from the customer.)
    let repair = |i: usize| {
        s.text(i + 1) == "in"
            || matches!((s.text(i + 1), s.text(i + 2)), ("it" | "them", "in"))
            || (i + 1..(i + 7).min(s.len())).any(|j| s.words[j].starts_with_any(&["repair", "repar", "arregl"]))
    };
    if s.find(TAKE).all(repair) && !s.has(LOSE | STEAL | GONE | LEAVE | MUGGED) {
        return None;
    }
    // "encontré mi tarjeta" takes back a loss (not a theft).
    let found = s.has(FOUND);
    // "se me cayó el celular y se rompió la pantalla", "dropped my card down the back of the sofa and
    // it got bent": dropped and broken, not lost.
    let broke = |i: usize| {
        (i + 1..s.len()).any(|j| {
            s.words[j].starts_with_any(&["rompio", "rompi", "quebr", "estrell", "broke", "cracked", "smashed"])
                || matches!(s.text(j), "doblo" | "doblada" | "bent" | "rayo" | "rayada" | "scratched" | "snapped")
        })
    };
    // ("…dropped it in the toilet", "se me cayó al agua": into water, so broken, not lost.)
    let wet = |i: usize| {
        (i + 1..(i + 5).min(s.len())).any(|j| {
            matches!(s.text(j), "toilet" | "loo" | "sink" | "bath" | "pool" | "inodoro" | "excusado" | "agua" | "water")
        })
    };
    let dropped_and_broken =
        (0..s.len()).any(|i| matches!(s.text(i), "cayo" | "cayeron" | "dropped" | "fell") && (broke(i) || wet(i)));
    let atm = s.has(ATM);
    // "a phone that was snatched and then returned", "me lo robaron pero me lo devolvieron": taken,
    // and back with the customer, with nothing spent since. (A card back from a thief may have been
    // copied: still a person.)
    let back = s.has(FOUND)
        || s.words.iter().any(|w| matches!(w.text.as_str(), "returned" | "devolvio" | "devolvieron" | "regresaron"));
    let card = s.words.iter().any(|w| w.starts_with_any(&["card", "tarjeta"]));
    let back_unspent = back && !card && !s.has(TXN | INTRUDE | MONEY | GONE);
    // A habit of losing, asked about (below): nothing taken or spent, and the last phrase a question
    // ("…, can i get her a card?").
    let last = s.words.last().map(|l| l.phrase);
    let habit_asked = !s.has(TXN | STEAL | GONE | MONEY)
        && s.words.iter().find(|w| Some(w.phrase) == last).is_some_and(|w| {
            matches!(w.text.as_str(), "can" | "could" | "how" | "what" | "is" | "should" | "puedo" | "como" | "que")
        });
    for i in s.find(LOSE | STEAL | TAKE | GONE | LEAVE | MUGGED) {
        // "me robaron la cartera el año pasado y ya tengo tarjeta nueva, ¿cómo activo…?": long past;
        // "…stolen last month and you sent a new one, how do i…?": dealt with.
        // "i'm scared of losing my card abroad", "me da miedo perder la tarjeta": a loss feared.
        let fear = |k: usize| matches!(s.text(k), "scared" | "afraid" | "worried" | "terrified" | "miedo" | "fear");
        let feared = fear(i.wrapping_sub(1))
            || matches!(s.text(i.wrapping_sub(1)), "of" | "about" | "a" | "de") && fear(i.wrapping_sub(2));
        // "le pagué el anticipo a un carpintero y desapareció": the one paid vanished, not a card.
        let payee_gone = s.words[i].tags & VANISHED != 0 && s.has(PAID) && !s.near(i, VALUABLE, 3, 0);
        // "the self-checkout took my card payment twice": the payment taken, not the card.
        let card_payment = s.words[i].tags & TAKE != 0
            && (i + 1..(i + 4).min(s.len()))
                .any(|j| s.words[j].tags & VALUABLE != 0 && s.words.get(j + 1).is_some_and(|n| n.tags & TXN != 0));
        // "my daughter keeps losing her purse, can i get her a card with a limit?": a habit, asked about.
        let habit = matches!(s.text(i.wrapping_sub(1)), "keeps" | "keep" | "always") && s.text(i).ends_with("ing")
            || s.text(i.wrapping_sub(1)) == "sigue" && s.text(i).ends_with("ndo");
        let habit = habit && habit_asked;
        if !real(s, i) || long_past(s, i, 1) || dealt_with(s, i) || feared || payee_gone || card_payment || habit {
            continue;
        }
        let tags = s.words[i].tags;
        if dropped_and_broken && matches!(s.text(i), "se" | "me" | "cayo" | "cayeron" | "dropped" | "fell") {
            continue;
        }
        // "¿cómo funciona el seguro contra robo?", "theft insurance": what a cover is against.
        // "do you have insurance for cards stolen from a locker": what it covers, named after it.
        let cover_for = (i.saturating_sub(4)..i).any(|c| {
            s.words[c].tags & COVER != 0
                && s.words.get(c + 1).is_some_and(|n| matches!(n.text.as_str(), "for" | "para" | "contra" | "against"))
        });
        // "does home insurance cover cards lost in a fire": what a cover pays for; "does my home
        // insurance cover a handbag stolen from a cafe?": a cover asked about for any such thing.
        let clause = s.words[i].clause;
        let any_such = (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "a" | "an" | "un" | "una" | "any"))
            && s.words[..i].iter().any(|w| w.clause == clause && w.tags & COVER != 0);
        // "does my car insurance cover bank cards stolen from the car?": the kind of thing, no one's own.
        let kind_covered = i >= 2
            && s.words[i - 1].tags & VALUABLE != 0
            && !matches!(s.text(i - 2), "my" | "mi" | "mis" | "our" | "nuestra" | "nuestras")
            && (i.saturating_sub(5)..i - 1).any(|c| matches!(s.text(c), "cover" | "covers" | "cubre" | "cubren"));
        if tags & (STEAL | LOSE) != 0 && (s.near(i, COVER, 2, 1) || cover_for || any_such || kind_covered) {
            continue;
        }
        // "me robaron la atención sus nuevas tasas", "stole my heart", "me robaron la idea de mi
        // negocio": a figure of speech.
        let figure = (i + 1..(i + 4).min(s.len())).any(|j| {
            matches!(
                s.words[j].text.as_str(),
                "atencion" | "attention" | "corazon" | "heart" | "show" | "spotlight" | "idea" | "ideas" | "thunder"
            )
        });
        if tags & (STEAL | MUGGED) != 0 && figure {
            continue;
        }
        if back_unspent {
            continue;
        }
        // "my phone suddenly lost signal", "perdí la señal": a connection lost, not the phone.
        let connection = (i + 1..(i + 3).min(s.len())).any(|j| {
            matches!(s.text(j), "signal" | "service" | "connection" | "senal" | "cobertura" | "conexion" | "internet")
        });
        if tags & LOSE != 0 && connection {
            continue;
        }
        // "how do i protect my card from being stolen", "how to avoid identity theft": a theft or loss
        // to prevent, asked about.
        let from = |j: usize| matches!(s.words[j].text.as_str(), "from" | "de" | "contra" | "against" | "being");
        let prevented = (i.saturating_sub(6)..i).any(|j| s.words[j].tags & PREVENT != 0)
            && (i > 0 && from(i - 1) || (i > 1 && s.words[i - 1].text == "identity" && from(i - 2)))
            && opens_question(s, i);
        // "where do lost cards go if someone hands them in": lost cards in general, asked about.
        let plural = |w: &Word| w.tags & VALUABLE != 0 && w.text.ends_with('s');
        let own = |w: &Word| matches!(w.text.as_str(), "my" | "mi" | "mis" | "our" | "nuestra" | "nuestras");
        let in_general = (s.words.get(i + 1).is_some_and(plural) || (i > 0 && plural(&s.words[i - 1])))
            && opens_question(s, i)
            && !s.words.iter().any(|w| w.clause == s.words[i].clause && own(w));
        // "mi vecina dice que le robaron la tarjeta, ¿cómo puedo proteger la mía?", "my friend had her
        // purse stolen, how do i protect mine?": someone else's, told to ask how to keep one's own safe.
        let others = matches!(s.text(i.wrapping_sub(1)), "le" | "les")
            || (i.saturating_sub(3)..(i + 3).min(s.len())).any(|j| matches!(s.text(j), "her" | "his" | "their"));
        let mine = (0..i).any(|j| {
            matches!(s.text(j), "me" | "i" | "yo")
                || (matches!(s.text(j), "my" | "mi" | "mis") && s.words[j + 1].tags & VALUABLE != 0)
        });
        let own_after = |j: usize| {
            s.text(j) == "protegerme"
                || (j + 1..(j + 4).min(s.len()))
                    .any(|k| matches!(s.text(k), "mine" | "mia" | "mio" | "myself" | "my" | "mi" | "mis" | "me"))
        };
        let asks_between = |j: usize| {
            (i + 1..j).any(|k| s.words[k].tags & PROCESS != 0 || matches!(s.text(k), "como" | "how" | "que" | "what"))
        };
        let keep_own_safe = s.find(PREVENT).any(|j| j > i && asks_between(j) && own_after(j));
        if tags & (STEAL | LOSE) != 0 && others && !mine && keep_own_safe {
            continue;
        }
        if tags & (STEAL | LOSE) != 0 && (prevented || in_general) {
            continue;
        }
        // "me robaron la identidad": identity theft.
        let identity = (i.saturating_sub(4)..(i + 5).min(s.len()))
            .any(|j| matches!(s.words[j].text.as_str(), "identity" | "identidad"));
        if tags & (STEAL | MUGGED) != 0 && identity {
            return Finding::of(Category::Fraud);
        }
        if tags & MUGGED != 0 {
            return Finding::of(Category::StolenCard);
        }
        // "a guy took remote control of my laptop", "took control of my computer" is remote access,
        // told further on.
        if tags & TAKE != 0 && (s.near(i, REMOTE, 0, 2) || matches!(s.text(i + 1), "control" | "over")) {
            continue;
        }
        // "the ATM stole my card" is a retained card.
        let by_atm = s.near(i, ATM, 3, 0);

        if tags & STEAL != 0 && !by_atm && s.near(i, VALUABLE | CRED, 4, 6) && !theft_of_something_else(s, i) {
            return Finding::of(Category::StolenCard);
        }
        if tags & STEAL != 0 && s.near(i, MONEY, 4, 6) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "my stuff has been stolen. My card was with it": a theft that happened, and a card in the
        // message ("theft is common here" is not one).
        if tags & STEAL != 0 && !by_atm && is_past(s, i) && s.has(VALUABLE) {
            return Finding::of(Category::StolenCard);
        }
        // "the ATM took/kept my card" is a retained card, not a theft.
        // "me quitaron la tarjeta a la fuerza en el cajero": people took it, not the machine.
        let people_took = matches!(s.text(i), "quitaron" | "arrebataron" | "snatched" | "jalaron");
        // ("someone's taken out a mobile contract and a credit card using my name": opened, not stolen.)
        let opened = s.text(i + 1) == "out" && s.has(IN_MY_NAME);
        // ("…se llevó mi casaca con el celular y la tarjeta adentro": what was inside it.)
        let inside = (i + 1..(i + 12).min(s.len())).any(|j| matches!(s.text(j), "adentro" | "dentro" | "inside"))
            && (i + 1..(i + 10).min(s.len())).any(|j| s.words[j].tags & VALUABLE != 0);
        if tags & TAKE != 0 && (!atm || people_took) && !opened && (valuable_near(s, i, 4, 5) || inside) {
            return Finding::of(Category::StolenCard);
        }
        // "someone has taken my money" (not "I took money out").
        let by_customer = by_customer(s, i);
        // "me quitaron 500 de la cuenta": an amount, taken from the account.
        // "me sacaron 8 mil": an amount they took (not "le sacaron 3 copias").
        let they = ["aron", "ieron"].iter().any(|e| s.words[i].text.ends_with(e));
        let money_after = |j: usize| {
            s.words.get(j + 1).is_none_or(|n| {
                n.tags & MONEY != 0 || matches!(n.text.as_str(), "mil" | "pesos" | "dolares" | "lucas" | "soles")
            })
        };
        let digits = |j: usize| {
            s.words[j].is_number() && s.words[j].text.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        };
        // "why have they taken 45 from me".
        // (Not "…taken 45 from me as a deposit": taken for a purpose named.)
        let from_me = |j: usize| {
            s.text(j + 1) == "from" && matches!(s.text(j + 2), "me" | "my") && !matches!(s.text(j + 3), "as" | "for")
        };
        let amount = (i + 1..(i + 3).min(s.len()))
            .any(|j| digits(j) && (s.near(i, ACCOUNT, 0, 5) || (they && money_after(j)) || from_me(j)));
        // "me sacaron todo", "they took everything" (no card named: that is a theft above).
        let everything = s.words.get(i + 1).is_some_and(|w| matches!(w.text.as_str(), "todo" | "everything"));
        // "the ATM didn't give me the money but took it from my account" is the ATM; "la persona que
        // me ayudó en el cajero… luego me sacaron dinero" is a person at the ATM ("sacaron", plural).
        let plural = ["aron", "ieron"].iter().any(|e| s.words[i].text.ends_with(e));
        let person =
            |w: &str| matches!(w, "man" | "woman" | "guy" | "persona" | "senor" | "senora" | "hombre" | "tipo");
        let atm_took = by_atm
            || (!plural
                && s.words[..i].iter().any(|w| w.clause == s.words[i].clause && w.tags & ATM != 0)
                && !s.words.iter().any(|w| w.tags & SOMEONE != 0 || person(&w.text)));
        if tags & TAKE != 0 && !atm_took && !by_customer && (s.near(i, MONEY, 2, 3) || amount || everything) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "…and now 600 has gone from my account", "desaparecieron 2000 de mi cuenta": an amount gone
        // from the account (not "gone out", a payment leaving as it should).
        // (Not "…to my savings", "…for the council tax": moved to the customer's own, or paid for a
        // purpose named.)
        let named_end = |j: usize| {
            matches!(
                (s.text(j), s.text(j + 1)),
                ("to" | "for", "my" | "the") | ("a" | "para" | "por", "mi" | "el" | "la")
            )
        };
        let from = (i + 1..(i + 3).min(s.len())).find(|&j| matches!(s.text(j), "from" | "de"));
        // ("1500 missing from my savings": savings are the account.)
        let savings = |f: usize| (f + 1..(f + 4).min(s.len())).any(|k| matches!(s.text(k), "savings" | "ahorros"));
        let from_account = from
            .is_some_and(|f| (s.near(f, ACCOUNT, 0, 3) || savings(f)) && !(f + 2..(f + 8).min(s.len())).any(named_end));
        let sum_near = (i.saturating_sub(3)..(i + 3).min(s.len())).any(digits);
        // ("…an hour later it was all gone to someone i don't know": gone to a stranger.)
        let to_stranger = s.near(i, DISOWN, 0, 6) && (i + 1..(i + 3).min(s.len())).any(|j| s.text(j) == "to");
        if tags & GONE != 0 && (from_account && sum_near || to_stranger) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "got it back from lost property but my credit card isnt in it anymore": something else gone
        // after the find (not "i found my card, it was missing since yesterday").
        let other_valuable =
            |f: usize| (f + 3..i).chain(i + 1..(i + 6).min(s.len())).any(|v| s.words[v].tags & VALUABLE != 0);
        let gone_since = tags & GONE != 0 && s.find(FOUND).any(|f| f < i && other_valuable(f));
        if found && !gone_since {
            continue;
        }
        // "perdí mi pasaporte y mi tarjeta": the card further on, in a list.
        let listed = (i + 1..(i + 5).min(s.len())).any(|j| {
            matches!(s.text(j), "y" | "and" | "e")
                && s.words[j].phrase == s.words[i].phrase
                && valuable_near(s, j, 0, 3)
        }) || (i + 1..(i + 10).min(s.len())).any(|j| {
            // "we lost everything in the fire last night including our cards".
            matches!(s.text(j), "including" | "incluyendo" | "incluidas" | "incluidos") && valuable_near(s, j, 0, 3)
        });
        if tags & LOSE != 0 && (valuable_near(s, i, 4, 4) || listed) {
            return Finding::of(Category::StolenCard);
        }
        // "no sé dónde quedó mi tarjeta".
        if tags & GONE != 0 && valuable_near(s, i, 5, 5) {
            return Finding::of(Category::StolenCard);
        }
        // "my card was in my jacket at the cloakroom and now it's gone": gone, pointing back to it.
        let pointing_back = || {
            (i >= 1 && matches!(s.text(i - 1), "it's" | "its"))
                || matches!(s.text(i), "it's" | "its")
                || (i >= 2 && s.text(i - 2) == "it" && matches!(s.text(i - 1), "is" | "was" | "s"))
        };
        if tags & GONE != 0 && pointing_back() && (0..i).any(|j| s.words[j].tags & VALUABLE != 0) {
            return Finding::of(Category::StolenCard);
        }
        // Left or forgotten somewhere public, or gone, or at an ATM.
        // "el cajero se quedó con mi tarjeta" is a retained card.
        // "my card got left in a cab": the card named before.
        // "i left my wallet at home, can i withdraw at the atm with my phone": left where it is safe.
        // ("i left my purse in my coat at home": "at home" a little further on.)
        let home = |j: usize| matches!(s.text(j), "home" | "casa");
        let at_home = (i + 1..(i + 6).min(s.len())).any(home)
            || (i + 6..(i + 9).min(s.len())).any(|j| home(j) && matches!(s.text(j - 1), "at" | "en" | "la" | "mi"));
        let safe = at_home && !s.has(GONE | STEAL);
        if tags & LEAVE != 0 && !by_atm && !safe && valuable_near(s, i, 3, 4) && (s.has(GONE | STEAL | PLACE) || atm) {
            return Finding::of(Category::StolenCard);
        }
    }
    None
}

/// "no traía nada del banco", "there was nothing from the bank in it": the customer says nothing of
/// the bank's was taken, or that the card was kept apart.
pub(super) fn nothing_of_the_bank(s: &Scan) -> bool {
    // "perdí la mochila pero la tarjeta la tenía en el bolsillo", "lost my bag but my card was in my
    // pocket": the card, set apart from what was lost, kept on the customer; nothing lost after it.
    let card = |j: usize| s.words[j].starts_with_any(&["card", "tarjeta"]);
    let on_me = |j: usize| {
        matches!(s.text(j), "pocket" | "bolsillo" | "conmigo") || (s.text(j) == "with" && s.text(j + 1) == "me")
    };
    let apart = (0..s.len()).any(|i| {
        matches!(s.text(i), "but" | "pero")
            && (i + 1..(i + 4).min(s.len())).any(|j| card(j) && (j + 1..(j + 7).min(s.len())).any(on_me))
            && !s.words[i..].iter().any(|w| w.tags & (LOSE | STEAL | TAKE | GONE | TXN) != 0)
    });
    apart
        || s.words.windows(3).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("nada", "del" | "de", "banco") | ("nothing", "from" | "of", "the") | ("no", "bank", "cards")
            ) && (p[0].text != "nothing" || s.words.iter().any(|w| w.text == "bank"))
        })
}

/// "mi tarjeta nunca llegó pero ya tiene compras", "my new card never came and it's been used": a
/// card taken on its way, spent by whoever has it.
pub(super) fn taken_in_the_post(s: &Scan) -> Option<Finding> {
    // (Not "hice un pago a mi tarjeta y no se reflejó": a payment to the card, never applied.)
    // "…me dicen que ya fue entregada, yo no la recibí": "la", "it", a card named earlier.
    let pointed_back = |i: usize| {
        (i..(i + 4).min(s.len())).any(|j| matches!(s.text(j), "la" | "lo" | "it"))
            && s.words[..i].iter().any(|w| w.tags & VALUABLE != 0)
    };
    let reflected = |j: usize| matches!(s.text(j), "reflejo" | "reflejado" | "aplico" | "applied" | "reflected");
    let card_never_came = |i: usize| {
        real(s, i) && (s.near(i, VALUABLE, 5, 4) || pointed_back(i)) && !(i..(i + 4).min(s.len())).any(reflected)
    };
    let may = |w: &Word| matches!(w.text.as_str(), "can" | "could" | "puedo" | "para");
    let spent = |j: usize| {
        s.words[j].tags & (TXN | INTRUDE) != 0
            && real(s, j)
            && !s.words[j.saturating_sub(4)..j].iter().any(may)
            && !matches!(s.text(j.wrapping_sub(1)), "i" | "we" | "yo")
    };
    let spent_after = |i: usize| (i + 1..s.len()).any(spent);
    if s.find(NEVER_CAME).any(|i| card_never_came(i) && spent_after(i)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    None
}
