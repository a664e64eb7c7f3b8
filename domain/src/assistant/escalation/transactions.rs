//! A transaction the customer disowns: "a charge I didn't make", "un cobro que no reconozco", "the
//! app says I withdrew cash and I didn't", "money taken without my permission" — in any order, with
//! hypotheticals ("what if I see a charge I didn't make?") excepted.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, hypothetical, negated, only_asks, reporting};
use super::words::*;
use super::{abuse, alibi};

/// "I", said of the customer.
pub(super) fn customer(word: &str) -> bool {
    matches!(word, "i" | "yo")
}

/// The customer ("i", "we", "yo") in the two words before `at`: the customer did it.
pub(super) fn by_customer(s: &Scan, at: usize) -> bool {
    s.words[at.saturating_sub(2)..at].iter().any(|w| customer(&w.text) || w.text == "we")
}

/// The app or a statement says something happened: "shows", "there's", "the app said".
fn reported(s: &Scan) -> bool {
    s.words.iter().any(reporting)
}

/// "I didn't make a payment that shows in my app", "I did not get the cash that is showing up":
/// a denied act whose object the app or statement shows, in one breath.
fn denied_but_shown(s: &Scan, at: usize) -> bool {
    let phrase = s.words[at].phrase;
    let within =
        |from: usize, n: usize| (from..(from + n).min(s.len())).take_while(move |&j| s.words[j].phrase == phrase);
    within(at + 1, 5)
        .find(|&j| s.words[j].tags & (TXN | MONEY) != 0)
        .is_some_and(|t| within(t + 1, 5).any(|j| reporting(&s.words[j])))
}

/// "where did this charge come from?", "I'm not sure where this charge came from", "I do not
/// understand what this direct debit is": a charge pointed at and not understood.
fn unexplained(s: &Scan) -> bool {
    let pointed_txn = (1..s.len()).any(|j| {
        s.words[j].tags & TXN != 0
            && s.words[j.saturating_sub(3)..j].iter().any(|w| matches!(w.text.as_str(), "this" | "that" | "these"))
    });
    let came_from =
        s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "came" | "come" | "coming") && p[1].text == "from");
    let puzzled = s.words.iter().enumerate().any(|(j, w)| w.text == "understand" && negated(s, j));
    pointed_txn && (came_from || puzzled)
}

/// A charge, payment or withdrawal the customer says is not theirs.
pub(super) fn disowned_transaction(s: &Scan) -> Option<Finding> {
    // "my card was used without my permission".
    if s.find(VALUABLE).any(|i| s.in_clause(i, DISOWN) && s.in_clause(i, INTRUDE) && !hypothetical(s, i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    let txn = s.has(TXN | MONEY);
    // "my balance is way lower than it should be", "el saldo no me cuadra".
    let balance = s.words.iter().any(|w| {
        matches!(
            w.text.as_str(),
            "balance" | "saldo" | "account" | "cuenta" | "savings" | "ahorros" | "funds" | "fondos"
        )
    });
    if (txn || balance) && s.find(SHORTFALL).any(|i| !hypothetical(s, i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "the balance was zero, it had 3000 yesterday": a balance at nothing that held an amount before.
    let zero = |w: &Word| matches!(w.text.as_str(), "zero" | "cero" | "0" | "nothing" | "nada");
    let held = |j: usize| {
        matches!(s.words[j].text.as_str(), "had" | "tenia" | "habia")
            && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].is_number() && !zero(&s.words[k]))
    };
    // "my salary came in this morning and now the account is at 0": pay in, then nothing.
    let paid_in = |j: usize| s.words[j].tags & PAYROLL != 0 && s.words[j + 1..].iter().any(zero);
    let before = |j: usize| (held(j) || paid_in(j)) && !hypothetical(s, j) && !negated(s, j);
    // "tengo cero pesos": a zero told in money needs no balance named.
    let zero_money = (1..s.len()).any(|j| zero(&s.words[j - 1]) && s.words[j].tags & MONEY != 0);
    if (balance || zero_money) && s.words.iter().any(zero) && (0..s.len()).any(before) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    let reported = reported(s);
    if txn && unexplained(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my bank app said that I got cash from an ATM, but that's a mistake".
    let app_wrong = s.words.iter().any(|w| matches!(w.text.as_str(), "mistake" | "error" | "wrong"))
        && s.words.iter().any(|w| matches!(w.text.as_str(), "but" | "pero" | "however"));
    let customer_did = s.words.windows(2).any(|p| customer(&p[0].text) && (p[1].tags & ACT != 0 || p[1].text == "got"));
    if txn && app_wrong && customer_did && s.words.iter().any(|w| matches!(w.text.as_str(), "says" | "said")) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "a purchase at an electronics store, I was at home all day", "compraron con mi tarjeta, yo
    // estaba dormida": somewhere else when it happened, and nothing done by the customer.
    // ("why have i been charged" is done to the customer.)
    let customer_acts = s.find(ACT).any(|j| {
        !negated(s, j) && s.words[j].text != "been" && s.words[j.saturating_sub(3)..j].iter().any(|w| customer(&w.text))
    });
    // ("can i block payments to casinos? i don't gamble": a block asked, nothing spent; not "stop these".)
    let these = |k: usize| matches!(s.text(k), "these" | "those" | "the" | "estos" | "esos" | "estas" | "esas" | "los");
    let blocked = |i: usize| {
        (i.saturating_sub(3)..i).any(|b| {
            s.words[b].starts_with_any(&["block", "stop", "limit", "bloque", "restrict"]) && !(b..i).any(these)
        })
    };
    let spent = s.find(TXN).any(|i| !blocked(i)) || (s.has(INTRUDE) && s.has(VALUABLE));
    let elsewhere = spent && !customer_acts && alibi::told(s) && !only_asks(s);
    if elsewhere || alibi::overdrawn_unused(s) || alibi::account_not_had(s) || alibi::charged_elsewhere(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    for i in 0..s.len() {
        let w = s.words[i].text.as_str();
        let next = s.words.get(i + 1).map(|n| n.text.as_str());
        // "a large amount that was not completed by me".
        let by_me = w == "by" && next == Some("me") && negated(s, i);
        // "the app said I withdrew cash at an ATM and I didn't".
        let ends_denying = s.words[i].tags & NEG != 0
            && s.ends_phrase(i)
            && i > 0
            && matches!(s.words[i - 1].text.as_str(), "i" | "did" | "yo");
        // "my app shows some cash I didn't get".
        let not_received = matches!(w, "get" | "got" | "receive" | "received" | "recibi")
            && i >= 2
            && s.words[i - 1].tags & NEG != 0
            && customer(&s.words[i - 2].text)
            && s.near(i, MONEY, 4, 0);
        // "a withdrawal I'm unsure of".
        let unsure = w == "unsure" && !s.has(PROCESS) && s.near(i, TXN, 8, 4);
        // "I did not get the cash that is showing up in my app".
        let denied_shown = matches!(w, "get" | "got" | "receive" | "received")
            && negated(s, i)
            && (i + 1..(i + 4).min(s.len())).any(|j| matches!(s.words[j].text.as_str(), "cash" | "efectivo"))
            && denied_but_shown(s, i);
        // "the app shows a transfer to someone called J. Pérez that I have no idea about".
        let no_idea = w == "about"
            && s.ends_phrase(i)
            && i >= 2
            && (s.words[i - 2].text.as_str(), s.words[i - 1].text.as_str()) == ("no", "idea");
        let shown = (ends_denying || not_received || unsure || no_idea) && reported;
        // "two payments to a jeweller in london i know nothing about": disowned in a clause of its own.
        let nothing_about = w == "about"
            && s.ends_phrase(i)
            && matches!((s.text(i.wrapping_sub(2)), s.text(i.wrapping_sub(1))), ("know" | "knew", "nothing"))
            && s.words[..i].iter().any(|v| v.phrase == s.words[i].phrase && v.tags & TXN != 0);
        if txn && (by_me || shown || denied_shown || nothing_about) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    // "there's money missing", "me falta dinero", "me desaparecieron 7 mil de la cuenta".
    let sum = |i: usize| {
        s.words[i].is_number()
            && s.words.get(i + 1).is_some_and(|n| matches!(n.text.as_str(), "mil" | "k" | "grand" | "thousand"))
    };
    for i in (0..s.len()).filter(|&i| s.words[i].tags & MONEY != 0 || sum(i)) {
        let missing = sum(i) && matches!(s.text(i.wrapping_sub(1)), "faltan" | "falta" | "missing");
        if (s.near(i, GONE, 3, 3) || missing) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    // "mi hijo de 19 me vació la cuenta de ahorro", "my flatmate drained my account": emptied by
    // someone else.
    let emptied = |i: usize| {
        (matches!(s.text(i), "vacio" | "vaciaron") && s.text(i.wrapping_sub(1)) == "me")
            || (matches!(s.text(i), "emptied" | "drained") && s.text(i + 1) == "my" && s.text(i.wrapping_sub(1)) != "i")
    };
    if (0..s.len()).any(|i| emptied(i) && !hypothetical(s, i)) && !only_asks(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    if abuse::savings_gone_with_someone(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "what's this payment to XYZ DIGITAL for 49.99? never heard of them": disowned in the clause
    // right after a charge pointed at.
    let pointed = |i: usize| {
        s.words[i.saturating_sub(3)..i]
            .iter()
            .any(|w| matches!(w.text.as_str(), "this" | "that" | "these" | "este" | "esta" | "ese" | "esa" | "estos"))
    };
    let disowned_next = |i: usize| {
        let clause = s.words[i].clause;
        s.find(DISOWN).any(|j| s.words[j].clause == clause + 1 && !hypothetical(s, j))
    };
    // "veo unos cargos de comisión y no sé qué son, ¿me explican?": the bank's own fee, not understood.
    let fee = |j: usize| {
        matches!(s.text(j), "comision" | "comisiones" | "fee" | "fees" | "interest" | "intereses" | "anualidad")
    };
    let not_understood = |j: usize| {
        s.words[j].tags & DISOWN != 0
            && matches!(
                (s.text(j), s.text(j + 1), s.text(j + 2)),
                ("no", "se", "que") | ("i", "don't" | "dont", "know")
            )
    };
    let fee_asked = |i: usize| (i..(i + 3).min(s.len())).any(fee) && (0..s.len()).any(not_understood);
    for i in s.find(TXN | MONEY) {
        if (s.in_clause(i, DISOWN) || (pointed(i) && disowned_next(i))) && !hypothetical(s, i) && !fee_asked(i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "a withdrawal on my statement that seems fishy": described as strange further on.
        let described = (i + 1..(i + 8).min(s.len())).any(|j| {
            s.words[j].tags & STRANGE != 0
                && matches!(s.words[j - 1].text.as_str(), "seems" | "looks" | "appears" | "is" | "are")
        }) && reported;
        // "cargos de 10 pesos varias veces de una página rara", "charges from some dodgy website": the
        // charge's source called strange.
        let source = |j: usize| {
            s.words[j].tags & STRANGE != 0
                && matches!(
                    s.text(j - 1),
                    "pagina" | "sitio" | "site" | "website" | "app" | "tienda" | "company" | "empresa"
                )
                && s.words[j].clause == s.words[i].clause
        };
        if s.words[i].tags & TXN != 0 && (i + 2..(i + 12).min(s.len())).any(source) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "a strange payment", "movimientos raros" (not "the transfer page looks weird").
        if s.words[i].tags & TXN != 0 && (s.near(i, STRANGE, 3, 2) || described) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // Not "¿cómo activo las alertas de compras en el extranjero?": alerts set up, not seen.
        let clause = s.words[i].clause;
        let setting_up = s.words.iter().any(|w| {
            w.clause == clause && matches!(w.text.as_str(), "activo" | "activar" | "activate" | "enable" | "configuro")
        });
        let seen = s.in_clause(i, SEEN) && !setting_up;
        if s.words[i].tags & TXN != 0 && seen && s.in_clause(i, ELSEWHERE) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    // "un asesor me hizo firmar un seguro que no pedí y ahora me lo descuentan": something the customer
    // never asked for, charged for since.
    let charged_since = |i: usize| s.after(i, TXN).any(|j| !hypothetical(s, j));
    if s.find(ORDERED).any(|i| negated(s, i) && !hypothetical(s, i) && charged_since(i)) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "me llegó un mensaje de que mi tarjeta fue usada en una gasolinera de otro estado": the card
    // used somewhere else, by someone other than the customer ("I used my card abroad").
    let used_elsewhere = |i: usize| {
        matches!(s.words[i].text.as_str(), "usada" | "usado" | "usaron" | "used")
            && s.near(i, VALUABLE, 4, 0)
            && s.in_clause(i, ELSEWHERE)
            && !by_customer(s, i)
            && !hypothetical(s, i)
            && !negated(s, i)
    };
    if s.find(INTRUDE).any(used_elsewhere) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "three withdrawals of 500 yesterday, i didn't take any money out": cash taken out, which the
    // customer says they did not take.
    let took_out = |i: usize| {
        matches!(s.words[i].text.as_str(), "take" | "took" | "taken")
            && negated(s, i)
            && s.words[i.saturating_sub(4)..i].iter().any(|w| customer(&w.text))
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].text == "out" || s.words[j].tags & MONEY != 0)
    };
    if s.has(TXN) && (0..s.len()).any(took_out) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "veo cargos de uber eats y yo no uso uber eats", "a netflix charge but i don't use netflix":
    // the merchant a charge names, which the customer says they do not use or have.
    let merchant_disowned = |i: usize| {
        let article =
            |w: &str| matches!(w, "the" | "that" | "this" | "any" | "la" | "el" | "esa" | "ese" | "una" | "un");
        let named = s
            .words
            .get(i + 1)
            .filter(|w| w.text.len() > 2 && !article(&w.text) && w.tags & (VALUABLE | ACCOUNT | MONEY | TXN) == 0);
        matches!(s.words[i].text.as_str(), "uso" | "use" | "usamos" | "tengo" | "have")
            && negated(s, i)
            && s.words[i.saturating_sub(3)..i].iter().any(|w| customer(&w.text) || w.text == "we")
            && named.is_some_and(|n| (1..i).any(|j| s.words[j].text == n.text && s.near(j, TXN, 4, 0)))
    };
    if (0..s.len()).any(merchant_disowned) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "no reconozco el nuevo diseño de la app, ¿dónde quedó el botón de transferencias?": it is the
    // screen the customer does not recognise.
    let screen = |w: &Word| {
        matches!(
            w.text.as_str(),
            "diseno"
                | "design"
                | "layout"
                | "app"
                | "aplicacion"
                | "pantalla"
                | "screen"
                | "pagina"
                | "page"
                | "menu"
                | "interfaz"
                | "interface"
                | "website"
                | "web"
                | "sitio"
                | "logo"
                | "version"
        )
    };
    // Its object, past articles ("en la app un cargo" is where the charge was seen).
    let article = |w: &&Word| {
        matches!(w.text.as_str(), "el" | "la" | "the" | "this" | "este" | "esta" | "nuevo" | "nueva" | "new")
    };
    // "my card was used to buy plane tickets and i haven't booked anything": the card's use told.
    let card_used = s.find(VALUABLE).any(|v| s.in_clause(v, INTRUDE) && !hypothetical(s, v));
    let how = |j: usize| s.words.iter().find(|w| w.clause == s.words[j].clause).is_some_and(|w| w.text == "how");
    // "a charge I didn't make", "un cobro que no hice", "I never made", "no autoricé nada".
    for i in s.find(ACT) {
        // "i don't know who else to ask": something else not known, no payment disowned.
        let wh = matches!(s.text(i + 1), "who" | "what" | "how" | "whether" | "if" | "why" | "when");
        if !negated(s, i) || hypothetical(s, i) || (s.words[i].text == "know" && wh) {
            continue;
        }
        if denied_but_shown(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "¿cómo pago este recibo? nunca lo he hecho", "never done it before": the customer's
        // inexperience with what they ask how to do.
        let before = (i + 1..(i + 4).min(s.len()))
            .any(|j| matches!(s.words[j].text.as_str(), "before" | "antes") && s.ends_phrase(j));
        let asked_how = (0..i).any(|j| s.words[j].clause != s.words[i].clause && s.words[j].tags & TXN != 0 && how(j))
            || (0..i).any(|j| matches!(s.words[j].text.as_str(), "como") && s.words[j].clause + 1 == s.words[i].clause);
        // "the store never sent the product": sending is the customer's only when they say so.
        let by_customer = s.words[i.saturating_sub(3)..i].iter().any(|w| customer(&w.text) || w.text == "we");
        if matches!(s.words[i].text.as_str(), "send" | "sent") && !by_customer {
            continue;
        }
        // "the transfer i haven't sent yet": not done so far, not disowned.
        let yet = (i + 1..(i + 4).min(s.len())).any(|j| matches!(s.words[j].text.as_str(), "yet" | "todavia" | "aun"));
        if yet || (before || asked_how) && !s.in_clause(i, TXN | MONEY) {
            continue;
        }
        let never = (i.saturating_sub(3)..i).any(|j| matches!(s.words[j].text.as_str(), "never" | "nunca" | "jamas"));
        let txn_before = (0..i).any(|j| s.words[j].clause == s.words[i].clause && s.words[j].tags & TXN != 0);
        let pointed = s.words.get(i + 1).is_some_and(|w| {
            matches!(
                w.text.as_str(),
                "this"
                    | "that"
                    | "these"
                    | "those"
                    | "it"
                    | "anything"
                    | "nothing"
                    | "esto"
                    | "eso"
                    | "esa"
                    | "ese"
                    | "esta"
                    | "este"
                    | "estos"
                    | "esos"
                    | "nada"
                    | "ninguno"
                    | "ninguna"
            )
        });
        // "no reconozco un cargo", "I didn't authorise the payment": disowning in any order.
        let disowning = matches!(
            s.words[i].text.as_str(),
            "reconozco"
                | "recognize"
                | "recognizing"
                | "recognising"
                | "recognise"
                | "autorice"
                | "authorize"
                | "authorise"
                | "authorized"
                | "authorised"
        ) || (s.words[i].text == "familiar" && !s.has(PROCESS));
        let of_screen = s.words[i + 1..].iter().find(|w| !article(w)).is_some_and(screen);
        if disowning && of_screen {
            continue;
        }
        // "my account says 0 and yesterday I had 4000, I didn't spend it": a balance told in amounts.
        // "yesterday I had like 2k and today the app says 0": what the customer had, in amounts.
        let had = |j: usize| {
            matches!(s.words[j].text.as_str(), "had" | "tenia" | "habia")
                && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].is_number())
        };
        let amounts = (balance || (0..s.len()).any(had)) && s.words.iter().any(Word::is_number);
        // "the letter says I owe 12,000 on a loan I never took".
        let loan = s.has(LOAN) && !s.has(PROCESS | WANT);
        // "what is this 39.99 from a company called fitlife": a price.
        let price = s.words.iter().any(|w| w.is_number() && w.text.contains('.'));
        let txn_anywhere = s.has(TXN | MONEY) || amounts || loan || card_used || price;
        if (txn_anywhere && (txn_before || pointed || never || disowning)) || (disowning && (pointed || s.len() <= 4)) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    None
}
