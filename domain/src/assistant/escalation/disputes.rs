//! A dispute: a charge the customer contests — counted more than once, taken after a cancellation,
//! a debt disowned or on something closed, a payment sent by mistake or never arrived, a refund
//! or a reversal wanted.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, asks_what_would, is_past, negated, only_asks, opens_question, real, reporting};
use super::words::*;

pub(super) fn dispute(s: &Scan) -> Option<Finding> {
    // "a company i've never heard of keeps taking 29.99 from my account", "una empresa que no conozco
    // me sigue cobrando": a payee the customer does not know, taking money.
    let unknown = |j: usize| {
        s.words[j].tags & DISOWN != 0
            || matches!((s.text(j), s.text(j + 1)), ("never", "heard") | ("don't" | "dont", "know") | ("no", "conozco"))
    };
    let payee = |i: usize| {
        matches!(s.text(i), "company" | "companies" | "firm" | "business" | "empresa" | "compania")
            && (i + 1..(i + 6).min(s.len())).any(unknown)
    };
    let taking = s.words.iter().any(|w| {
        w.tags & TXN != 0 || w.starts_with_any(&["taking", "takes", "charging", "cobrando", "descontando", "sacando"])
    });
    if (0..s.len()).any(|i| payee(i) && real(s, i)) && taking && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "me cobró 3 veces la misma compra", "charged me three times": a charge counted more than once.
    let count = |w: &str| {
        matches!(w, "dos" | "tres" | "cuatro" | "two" | "three" | "four") || w.parse::<u8>().is_ok_and(|n| n > 1)
    };
    // ("you took my mortgage payment twice": the taking told just before the charge.)
    let took = |k: usize| {
        matches!(
            s.text(k),
            "took" | "taken" | "debited" | "charged" | "cobraron" | "tomaron" | "cargaron" | "debitaron"
        )
    };
    let charged = |i: usize| is_past(s, i) || s.words[i].text == "cobro" || (i.saturating_sub(3)..i).any(took);
    // "how do i dispute this? i was charged 3 times": the how asked of this very charge.
    let this_one = s
        .words
        .windows(2)
        .any(|p| p[0].starts_with_any(&["disput", "reclam"]) && matches!(p[1].text.as_str(), "this" | "esto" | "este"));
    let repeated = s.find(TXN).any(|i| {
        // "me cobraron la anualidad dos veces": the count a few words on ("me cargaron 3 veces la misma
        // compra": or just before).
        (i.saturating_sub(4)..(i + 6).min(s.len()))
            .any(|j| matches!(s.words[j].text.as_str(), "veces" | "times") && count(&s.words[j - 1].text) && real(s, i))
            && (charged(i) || (i.saturating_sub(6)..i).any(took))
            && (!s.has(PROCESS) || this_one)
    });
    // "me cobraron el doble en el súper", "i was double charged", "charged me twice": a charge told
    // as doubled (not "i have charged items twice", nor the noun "a duplicate charge", which a
    // pending authorisation often explains).
    // ("the hotel charged my card a second time", "me cobraron por segunda vez"; not "…porque renové la
    // tarjeta": a cause the customer knows.)
    let cause = s.words.iter().any(|w| matches!(w.text.as_str(), "porque" | "because"));
    let doubled = |j: usize| {
        matches!(s.text(j), "doble" | "double" | "twice" | "triple")
            || matches!((s.text(j), s.text(j.wrapping_add(1))), ("second", "time") | ("segunda", "vez")) && !cause
    };
    // ("i was charged 89 twice" is done to the customer.)
    let by_me = |i: usize| {
        (i.saturating_sub(3)..i).any(|k| {
            matches!(s.text(k), "i" | "we" | "yo" | "hice" | "hago")
                && !matches!(s.text(k + 1), "was" | "were" | "got" | "fui")
        })
    };
    let twice = s.find(TXN).any(|i| {
        real(s, i)
            && charged(i)
            && !by_me(i)
            && (doubled(i.wrapping_sub(1)) || (i + 1..(i + 5).min(s.len())).any(doubled))
    });
    // "…y ahora veo un cargo de 900 en vez de 90", "charged 180 instead of 18": one amount taken in
    // place of another, smaller one.
    let amount = |k: usize| s.amount(k);
    let instead = |j: usize| {
        let after = match (s.text(j), s.text(j + 1), s.text(j + 2)) {
            ("en", "vez" | "lugar", "de") => j + 3,
            ("instead", "of", _) | ("rather", "than", _) => j + 2,
            _ => return false,
        };
        let meant = amount(after).or_else(|| amount(after + 1));
        meant.zip(amount(j.wrapping_sub(1))).is_some_and(|(meant, taken)| taken > meant)
    };
    let in_place = s.find(TXN).any(|i| real(s, i) && (i + 1..(i + 8).min(s.len())).any(instead));
    // "i gave the delivery driver my card to tap and he charged me 900": a card handed over, and a sum
    // charged by the one who held it.
    let handed = s.find(GIVE).any(|i| real(s, i) && (i + 1..(i + 6).min(s.len())).any(|j| s.text(j) == "card"));
    let they_charged = s.words.windows(4).any(|p| {
        matches!(p[0].text.as_str(), "he" | "she" | "they")
            && p[1].text == "charged"
            && (p[2].is_number() || p[2].text == "me" && p[3].is_number())
    });
    let overcharged = in_place || handed && they_charged;
    if (twice || overcharged) && !s.has(PROCESS | RESOLVED) && !only_asks(s) {
        return Finding::of(Category::Dispute);
    }
    // "me siguen cobrando una membresía que cancelé", "they still charge me after I cancelled": charges
    // going on after the customer cancelled.
    // ("two payments of 49.99 went out to a service i cancelled": gone out.)
    let went = |k: usize| matches!(s.text(k), "went" | "came" | "salieron" | "salio");
    let going_on = |t: usize| {
        let w = s.words[t].text.as_str();
        is_past(s, t)
            || w.ends_with("ando")
            || w.ends_with("ing")
            || s.near(t, ONGOING, 2, 2)
            || (t + 1..(t + 5).min(s.len())).any(went)
    };
    // "a subscription i cancelled months ago is still taking money": the money taken, still.
    let taken = |t: usize| s.words[t].tags & TXN != 0 || s.near(t, ONGOING, 2, 0);
    // "a gym i cancelled months ago and they keep taking it": taking, still, what was named before
    // (or an amount: "the gym keeps taking 45 a month").
    let still_taking = s.find(ONGOING).any(|o| {
        s.words.get(o + 1).is_some_and(|n| n.starts_with_any(&["taking", "charging", "cobrando", "descontando"]))
            && (s.words[..o].iter().any(|w| w.tags & TXN != 0) || s.words.get(o + 2).is_some_and(Word::is_number))
    });
    // (Not "…will my card still be charged?": a charge to come, asked about.)
    let to_come =
        |t: usize| s.words[t.saturating_sub(4)..t].iter().any(|w| matches!(w.text.as_str(), "will" | "would"));
    let taken_still = s.find(TXN | MONEY).any(|t| taken(t) && real(s, t) && going_on(t) && !to_come(t)) || still_taking;
    let after_cancelling = s.find(CANCELLED).any(|i| real(s, i)) && taken_still;
    // "i cancelled my gym but they keep taking 45 a month, how do i stop it?": told, then asked how.
    let told_cancelled = s.find(CANCELLED).any(|i| real(s, i) && is_past(s, i));
    if after_cancelling && (!s.has(PROCESS) || told_cancelled) && !s.has(RESOLVED) {
        return Finding::of(Category::Dispute);
    }
    // "me cobraron la anualidad aunque me prometieron que era gratis de por vida", "they told me it
    // was free and now i've been charged": a charge the customer was promised they would not pay.
    let promised = |i: usize| {
        (s.words[i].starts_with_any(&["prometi", "promis", "aseguraron", "assured"])
            || matches!((s.text(i), s.text(i + 1)), ("told" | "dijeron", "me" | "que" | "i")))
            && is_past(s, i)
    };
    // ("…a fee i was told i wouldn't have to pay": not to be paid.)
    let free = |j: usize| {
        matches!(s.text(j), "gratis" | "free" | "gratuita" | "gratuito")
            || matches!((s.text(j), s.text(j + 1)), ("sin", "costo") | ("no", "cost"))
            || matches!(s.text(j), "wouldn't" | "wouldnt" | "won't" | "wont")
                && (j + 1..(j + 4).min(s.len())).any(|k| matches!(s.text(k), "pay" | "apply" | "charged"))
    };
    let promised_free = (0..s.len()).any(|i| promised(i) && (i + 1..(i + 7).min(s.len())).any(free));
    let charged = s.find(TXN).any(|t| real(s, t) && is_past(s, t))
        || s.words.iter().any(|w| w.starts_with_any(&["cobraron", "charged", "cobro"]));
    if promised_free && charged && !only_asks(s) && !s.has(PROCESS | RESOLVED) {
        return Finding::of(Category::Dispute);
    }
    // "…to get a free trial and now i'm being charged 60 a month and can't cancel": a trial that
    // turned into charges the customer cannot stop.
    let trial = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("free", "trial") | ("prueba", "gratis" | "gratuita"))
    });
    let cannot_cancel = (0..s.len()).any(|i| {
        s.words[i].starts_with_any(&["cancel"])
            && (negated(s, i)
                || matches!(s.text(i.wrapping_sub(1)), "can't" | "cant" | "cannot" | "couldn't" | "won't"))
    });
    let charged_now =
        s.words.iter().any(|w| w.starts_with_any(&["charged", "charging", "cobrando", "cobran", "taking"]));
    if trial && cannot_cancel && charged_now && !only_asks(s) {
        return Finding::of(Category::Dispute);
    }
    // "me dieron de alta un seguro sin mi consentimiento y me lo cobran cada mes": a product put on the
    // customer without consent, and charged for.
    let product = s.words.iter().any(|w| {
        w.starts_with_any(&["seguro", "insurance", "subscri", "suscrip", "membership", "membresia", "plan", "servicio"])
    });
    let charging = s
        .words
        .iter()
        .any(|w| w.starts_with_any(&["cobran", "cobrando", "charging", "charged", "taking", "descuentan"]));
    if product && charging && s.find(DISOWN).any(|i| real(s, i)) && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Dispute);
    }
    // "a letter saying I owe money on a credit card I closed 5 years ago": a debt on something closed.
    let debt = |w: &str| matches!(w, "debt" | "deuda" | "adeudo");
    let owed = s.words.iter().any(|w| matches!(w.text.as_str(), "owe" | "owing" | "debo") || debt(&w.text));
    let closed =
        |i: usize| real(s, i) && (i.saturating_sub(5)..i).any(|j| s.words[j].tags & (VALUABLE | ACCOUNT | LOAN) != 0);
    if owed && s.find(CANCELLED).any(closed) && !s.has(PROCESS) {
        return Finding::of(Category::Dispute);
    }
    // "a letter saying i owe 3000 on a credit card i've never had": a debt on something never had.
    let never_had =
        |i: usize| s.text(i) == "never" && matches!(s.text(i + 1), "had" | "opened" | "tenido" | "abri") && closed(i);
    if owed && (0..s.len()).any(never_had) && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "me van a demandar por una deuda que no es mía", "a debt that isn't mine": a debt disowned.
    // ("…about a debt i don't owe", "una deuda que no debo".)
    let not_owed =
        |i: usize| (i + 1..(i + 5).min(s.len())).any(|j| matches!(s.text(j), "owe" | "debo") && negated(s, j));
    let disowned = |i: usize| s.near(i, DISOWN, 0, 4) || not_owed(i);
    if (0..s.len()).any(|i| debt(&s.words[i].text) && real(s, i) && disowned(i)) && !s.has(PROCESS) {
        return Finding::of(Category::Dispute);
    }
    // "hice una transferencia a una cuenta equivocada por 12000", "I sent 500 to the wrong account":
    // a payment made by mistake, to be recalled while it still can be (told by the customer, not
    // "the app said I made a transfer to the wrong account").
    let sent = |i: usize| {
        (s.words[i].tags & (ACT | MOVED) != 0 || (s.words[i].tags & TXN != 0 && is_past(s, i)))
            && real(s, i)
            && !s.words[i.saturating_sub(4)..i].iter().any(reporting)
    };
    // ("is there a fee for sending money to the wrong account by mistake?" only asks.)
    if s.find(MISTAKE).any(|i| real(s, i)) && (0..s.len()).any(sent) && !s.has(PROCESS | RESOLVED) && !only_asks(s) {
        return Finding::of(Category::Dispute);
    }
    // "the salary was sent but the money never arrived", "le transferí y nunca le llegó": money
    // sent that never came.
    // "hice un pago… y nunca me entregó nada": a payment made counts as sent.
    let made_payment = |j: usize| s.words[j].tags & ACT != 0 && s.near(j, TXN, 0, 2);
    let sent_before =
        |i: usize| (0..i).any(|j| (s.words[j].tags & (GIVE | MOVED | PAID) != 0 || made_payment(j)) && real(s, j));
    // "mi depósito de nómina no aparece y en la empresa dicen que ya lo mandaron": said to be sent.
    let said_sent = s.words.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "ya" | "already" | "was" | "it")
            && (p[1].text == "lo" || p[1].tags & THEY_SENT != 0)
    }) && s.has(THEY_SENT);
    let pay = s.has(PAYROLL);
    let missing = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("no", "aparece") | ("no", "llega") | ("not", "showing"))
    });
    // "vendí mi coche… y el dinero nunca llegó": sold, and the payment never came.
    let sold_before = |i: usize| (0..i).any(|j| s.words[j].tags & SOLD != 0 && real(s, j));
    // "vendí mi celular, el comprador dice que ya depositó pero no hay nada": nothing there, after a sale.
    let nothing_there = |i: usize| {
        matches!(s.words[i].text.as_str(), "nada" | "nothing")
            && s.words[i.saturating_sub(2)..i].iter().any(|w| matches!(w.text.as_str(), "hay" | "there's" | "theres"))
    };
    // ("…no se reflejó hasta el día siguiente": it came, later.)
    let later = |i: usize| (i + 1..(i + 6).min(s.len())).any(|j| matches!(s.text(j), "hasta" | "until" | "till"));
    // ("i returned the sofa 6 weeks ago and the refund never came": goods sent back, their refund never
    // came.)
    let refund = |j: usize| s.words[j].starts_with_any(&["refund", "reembols"]);
    let returned = (0..s.len()).any(|j| matches!(s.text(j), "returned" | "devolvi" | "regrese") && real(s, j));
    let refund_before = |i: usize| returned && (i.saturating_sub(3)..i).any(refund);
    let came_not =
        s.find(NEVER_CAME).any(|i| real(s, i) && !later(i) && (sent_before(i) || sold_before(i) || refund_before(i)))
            || (missing && said_sent && pay)
            || (0..s.len()).any(|i| nothing_there(i) && sold_before(i));
    if came_not && (s.has(TXN | MONEY | PAID) || pay || returned) && !s.has(PROCESS | RESOLVED) {
        return Finding::of(Category::Dispute);
    }
    // "charged twice… the second one was refunded already": put right, nothing left to dispute.
    // "the restaurant charged my card 180 instead of 18", "me cobraron 1500 en vez de 150": an amount
    // charged other than the one due (not cash from an ATM short of the sum asked, which needs no
    // person).
    let instead = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("instead", "of") | ("rather", "than"))
            || matches!((s.text(j), s.text(j + 1), s.text(j + 2)), ("en", "vez" | "lugar", "de"))
    };
    let amounts = |j: usize| {
        s.words[j.saturating_sub(2)..j].iter().any(|w| w.is_number())
            && s.words[j + 2..(j + 5).min(s.len())].iter().any(|w| w.is_number())
    };
    let charged = s.find(TXN).any(|t| real(s, t) && (is_past(s, t) || s.text(t) == "cobro"));
    // "…charged me for two tvs but i only bought one", "…pero solo compré uno": more than was bought
    // ("…two nights at the hotel but only stayed one", "…pero solo me quedé una": or stayed).
    let only_bought = s.words.windows(3).any(|p| {
        let what = ["bought", "ordered", "compre", "pedi", "purchased", "stayed", "quede", "hospede"];
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("i" | "but", "only") | ("pero" | "yo", "solo") | ("solo", "me")
        ) && p[2].starts_with_any(&what)
    });
    // ("the garage charged my card 900 when the quote was 300": more than quoted.)
    let quoted = |j: usize| {
        s.words[j].starts_with_any(&["quote", "presupuest", "cotiz"])
            && (j + 1..(j + 4).min(s.len())).filter_map(amount).any(|q| (0..j).filter_map(amount).any(|c| c > q))
    };
    let wrong_sum = (0..s.len()).any(|j| instead(j) && amounts(j)) || only_bought || (0..s.len()).any(quoted);
    if charged && wrong_sum && !only_asks(s) && !s.has(PROCESS | ATM) {
        return Finding::of(Category::Dispute);
    }
    // "the dealership took a 2000 deposit for a car and now says the car was sold… no refund": a sum
    // paid or taken, and its refund refused.
    let refused = s.words.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "no" | "won't" | "wont" | "refuse" | "refused" | "refuses")
            && p[1].starts_with_any(&["refund", "reembols", "devolver", "devuelven"])
    });
    let kept = |k: usize| matches!(s.text(k), "kept" | "took" | "taken" | "cobraron" | "cobro" | "pague");
    let sum_paid =
        || (0..s.len()).any(|j| s.words[j].is_number() && (j.saturating_sub(4)..j).any(|k| is_past(s, k) || kept(k)));
    if refused && sum_paid() && !only_asks(s) && !s.has(PROCESS | RESOLVED) {
        return Finding::of(Category::Dispute);
    }
    // ("will i be charged twice if i pay for a hotel in euros?" asks what would happen.)
    // ("¿cómo pido que me quiten un cargo doble?" names one in a question of how.)
    let noun = |i: usize| matches!(s.text(i), "cargo" | "cobro" | "cargos" | "cobros" | "doble");
    let told = |i: usize| real(s, i) && !asks_what_would(s, i) && !(noun(i) && opens_question(s, i));
    if (s.find(DOUBLE_CHARGE).any(told) || repeated) && !s.has(RESOLVED) {
        return Finding::of(Category::Dispute);
    }
    for i in s.find(DISPUTE) {
        if !real(s, i) {
            continue;
        }
        // "I want a refund", "a charge I'd like to dispute", "can I dispute a payment… it was made
        // weeks ago" (a payment that happened, not a question about how disputes work).
        let happened = (0..s.len()).any(|j| j != i && is_past(s, j));
        let verb = matches!(s.words[i].text.as_str(), "dispute" | "disputing" | "disputar" | "disputo");
        let about_a_payment = verb && s.near(i, TXN, 0, 3) && !s.has(PROCESS) && happened;
        let wants = s.in_clause(i, WANT | INTENT) || s.has(BAD_PURCHASE) || about_a_payment;
        if wants && !s.near(i, PROCESS, 4, 0) {
            return Finding::of(Category::Dispute);
        }
    }
    None
}
