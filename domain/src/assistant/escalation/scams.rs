//! Scams told in a few words, where money or a card went to someone who was not what they seemed:
//! a card out of sight with staff and charges since (`staff.rs`), an app or a caller that took the
//! card, money asked for by someone met online, fees paid in gift cards or to release a loan, a
//! relative who sent money at an impostor's call, a page taken for the bank's; a return promised on
//! money handed over.

use super::Category;
use super::doorstep;
use super::receiving;
use super::scan::{Scan, Word};
use super::situations::{Finding, is_past, only_asks, real, told_so};
use super::staff;
use super::vanished;
use super::words::*;

/// The first of these scams the message tells, if any.
pub(super) fn scam(s: &Scan) -> Option<Finding> {
    if let Some(found) = staff::card_with_staff(s) {
        return Some(found);
    }
    let charged_after = |i: usize| s.after(i, TXN).next().is_some();
    // "me llegó un mensaje de que gané un auto y para reclamarlo tenía que pagar el envío, ya pagué":
    // a prize that cost a fee, paid.
    let fee = |w: &str| {
        matches!(
            w,
            "envio" | "shipping" | "fee" | "comision" | "impuesto" | "impuestos" | "tax" | "taxes" | "reclamarlo"
        )
    };
    let paid = |i: usize| s.words[i].tags & PAID != 0 && real(s, i);
    if s.has(LURE) && s.words.iter().any(|w| fee(&w.text)) && (0..s.len()).any(paid) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "an app I downloaded for a quick loan asked for my card and now I have charges": software that
    // took the card's details, and charges since.
    let app_asked =
        |i: usize| s.words[i].tags & ASKED != 0 && real(s, i) && s.near(i, VALUABLE | CRED, 0, 4) && charged_after(i);
    if s.find(INSTALL).any(|i| is_past(s, i) && real(s, i)) && (0..s.len()).any(app_asked) {
        return Finding::of(Category::SocialEngineering);
    }
    // "a woman on a dating site asked me for money for a plane ticket and I sent it": money asked for
    // by someone met online, and sent.
    // ("a girl i met on a game asked me to buy crypto for her… i've done it three times": crypto asked
    // for, by someone met in a game or an app.)
    let needed = |w: &str| matches!(w, "needed" | "necesitaba" | "needs" | "necesita");
    let crypto = |j: usize| ["crypto", "cripto", "bitcoin"].iter().any(|c| s.text(j).starts_with(c));
    let asked_money = |i: usize| {
        (s.words[i].tags & ASKED != 0 || needed(&s.words[i].text))
            && real(s, i)
            && (s.near(i, MONEY, 0, 4) || (i + 1..(i + 6).min(s.len())).any(crypto))
    };
    // ("…i've done it three times": the asking done; not "what should i have done?".)
    let modal = |j: usize| (j.saturating_sub(3)..j).any(|k| matches!(s.text(k), "should" | "would" | "could" | "debi"));
    let done = |j: usize| matches!(s.text(j), "done" | "did" | "hecho" | "hice") && real(s, j) && !modal(j);
    let sent_after = |i: usize| s.after(i, GIVE | MOVED | PAID).any(|j| real(s, j)) || (i + 1..s.len()).any(done);
    let online = |j: usize| {
        let place =
            ["game", "juego", "instagram", "facebook", "tiktok", "app", "dating", "online", "internet", "discord"];
        place.contains(&s.text(j))
    };
    let met_online = (0..s.len())
        .any(|i| matches!(s.text(i), "met" | "conoci" | "conocio") && (i + 1..(i + 5).min(s.len())).any(online));
    if (s.has(IMPOSTOR) || met_online) && (0..s.len()).any(|i| asked_money(i) && sent_after(i)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "they told me on the phone my account would be closed unless I paid a fee in gift cards, I
    // bought 2": a fee paid in gift cards, which only a scammer asks for.
    let gift_card = || {
        s.words.windows(2).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str()),
                ("gift", "card" | "cards") | ("tarjetas" | "tarjeta", "de")
            )
        }) && s.words.iter().any(|w| matches!(w.text.as_str(), "gift" | "regalo"))
            || s.words.windows(3).any(|p| {
                matches!(
                    (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                    ("google", "play", "card" | "cards")
                )
            })
    };
    let bought = |i: usize| s.words[i].tags & (PAID | GIVE) != 0 && real(s, i);
    // "a man on the phone made her buy google play cards": bought at someone's order.
    let made_to_buy = |i: usize| {
        matches!(s.text(i), "made" | "hizo" | "obligo" | "convencio")
            && matches!(s.text(i + 2), "buy" | "comprar")
            && real(s, i)
    };
    // ("the tax office called, said i owe money and must pay today in gift cards": a caller who said so.)
    let caller = s.words.iter().any(|w| matches!(w.text.as_str(), "called" | "rang" | "llamo" | "llamaron"));
    let told = s.has(TOLD | ASKED | IMPOSTOR) || caller && told_so(s);
    let ordered = (0..s.len()).any(made_to_buy);
    if (told || ordered) && !s.has(PROCESS) && gift_card() && ((0..s.len()).any(bought) || ordered) {
        return Finding::of(Category::Fraud);
    }
    // "me piden pagar un seguro de liberación para recibir el préstamo que me aprobaron por facebook":
    // a loan from nowhere that must be paid for before it comes.
    if s.has(LOAN) && s.has(IMPOSTOR | OFFERED) && s.find(WITHHELD).any(|i| real(s, i)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "alguien le tomó foto a mi tarjeta en la fila del súper y ahora hay compras": the card
    // photographed by someone, and purchases since.
    let photo = |j: usize| s.words[j].starts_with_any(&["foto", "photo", "picture", "pic"]);
    let snapped = |i: usize| {
        matches!(s.words[i].text.as_str(), "tomo" | "tomaron" | "took" | "snapped" | "saco" | "sacaron")
            && (i + 1..(i + 4).min(s.len())).any(photo)
            && s.near(i, VALUABLE, 0, 6)
            && real(s, i)
    };
    if s.has(SOMEONE | STRANGER) && (0..s.len()).any(|i| snapped(i) && charged_after(i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "mi abuelita recibió una llamada de un supuesto nieto en apuros y le mandó 10 mil": a relative
    // who sent money at an impostor's call.
    let sent = |i: usize| {
        (s.words[i].tags & (GIVE | MOVED | THEY_SENT) != 0
            || matches!(s.words[i].text.as_str(), "mando" | "envio" | "transfirio" | "deposito"))
            && real(s, i)
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].is_number() || s.words[j].tags & MONEY != 0)
    };
    if s.has(IMPOSTOR) && s.has(FAMILY) && (0..s.len()).any(sent) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    // "on a video call with 'bank security' they asked me to show my card to the camera": the card
    // shown or read out at an impostor's request.
    let show = |j: usize| {
        s.words[j].starts_with_any(&["show", "mostr", "ensen", "read", "leer", "hold"])
            && s.near(j, VALUABLE | CRED, 0, 4)
    };
    let asked_to_show = |i: usize| real(s, i) && (i + 1..(i + 4).min(s.len())).any(show);
    if s.has(IMPOSTOR) && s.find(ASKED).any(asked_to_show) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    // "I logged into what I thought was your site from a Google ad and now I'm locked out": a page
    // taken for the bank's, and the account shut since.
    let believed = || {
        s.words.windows(2).any(|p| {
            matches!((p[0].text.as_str(), p[1].text.as_str()), ("thought", "was" | "it") | ("pense" | "crei", "que"))
        })
    };
    if s.has(LINK) && s.find(LOCKED_OUT).any(|i| real(s, i)) && believed() {
        return Finding::of(Category::SocialEngineering);
    }
    // "el cajero tenía algo raro pegado en la ranura y después me empezaron a llegar cargos": a
    // tampered ATM, and charges since.
    // ("the atm had something stuck on it and now my card's been used": stuck on, and used since.)
    let thing = |k: usize| matches!(s.text(k), "something" | "thing" | "algo");
    let stuck = |i: usize| s.words[i].starts_with_any(&["stuck", "attached", "fitted"]) && (i - 3..i).any(thing);
    let tampered = |i: usize| {
        (s.words[i].starts_with_any(&["pegad", "skimm", "dispositiv", "device"]) || i >= 3 && stuck(i))
            && s.near(i, ATM, 8, 0)
    };
    let used_after =
        |i: usize| (i + 1..s.len()).any(|j| s.words[j].starts_with_any(&["used", "usad", "clonad", "cloned"]));
    if s.has(ATM) && (0..s.len()).any(|i| tampered(i) && real(s, i) && (charged_after(i) || used_after(i))) {
        return Finding::of(Category::Fraud);
    }
    // "the atm swallowed my card and 10 minutes later there was a withdrawal on it": a card kept by
    // the machine, or seemingly so, and used since (the trap of a rigged slot).
    let swallowed = |i: usize| s.words[i].tags & RETAINED != 0 && real(s, i) && s.near(i, VALUABLE, 4, 4);
    if s.has(ATM) && (0..s.len()).any(|i| swallowed(i) && s.after(i, TXN).any(|j| real(s, j))) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    approved_prompt(s)
        .or_else(|| installed_when_told(s))
        .or_else(|| asked_then_emptied(s))
        .or_else(|| doorstep::collected(s))
        .or_else(|| receiving::scam(s))
        .or_else(|| paid_for_nothing(s))
        .or_else(|| redirected(s))
        .or_else(|| lent_or_taken(s))
        .or_else(|| vanished::took_and_vanished(s))
}

/// "compré un celular por internet, pagué por transferencia y me mandaron una caja vacía": paid, and
/// an empty box sent for it.
fn paid_for_nothing(s: &Scan) -> Option<Finding> {
    // Sent or arrived ("i bought an empty box to post a parcel" is not it).
    let came =
        |w: &str| matches!(w, "mandaron" | "enviaron" | "llego" | "sent" | "arrived" | "received" | "recibi" | "got");
    let empty_box = (1..s.len()).any(|i| {
        matches!((s.text(i), s.text(i + 1)), ("caja", "vacia") | ("empty", "box" | "parcel" | "package"))
            && s.words[i.saturating_sub(4)..i].iter().any(|w| came(&w.text))
    });
    if empty_box && s.find(PAID).any(|i| real(s, i)) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "the 'delivery driver' asked me to tap my card on his phone to pay a 2 pound fee and now my
/// account is empty": something asked of the customer, and the account emptied after it.
fn asked_then_emptied(s: &Scan) -> Option<Finding> {
    let empty = |j: usize| {
        matches!(s.text(j), "empty" | "emptied" | "drained" | "vacia" | "vacio" | "vaciaron" | "vaciada")
            && s.near(j, ACCOUNT, 4, 3)
            && real(s, j)
    };
    if s.find(ASKED).any(|i| real(s, i) && (i + 1..s.len()).any(empty)) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}

/// "alguien me convenció de instalar una app para 'ganar dinero' y ahora no tengo nada en la
/// cuenta": talked into installing something, and the money gone since (not "mi hijo me convenció
/// de instalar la app del banco, no sé nada de tecnología").
fn installed_when_told(s: &Scan) -> Option<Finding> {
    let install = |j: usize| s.words[j].tags & INSTALL != 0;
    let convinced = |i: usize| s.words[i].starts_with_any(&["convenc", "convinc", "persuad", "talked"]) && real(s, i);
    let emptied = s.has(GONE | TAKE | STEAL)
        || (0..s.len()).any(|i| match s.text(i) {
            "nada" => matches!(s.text(i.wrapping_sub(1)), "tengo" | "queda" | "quedo" | "dejaron"),
            "nothing" => matches!(s.text(i + 1), "left" | "in"),
            _ => false,
        });
    if emptied && (0..s.len()).any(|i| convinced(i) && (i + 1..(i + 5).min(s.len())).any(install)) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}

/// "i approved a notification on my phone without reading it and now 900 is gone", "acepté una
/// solicitud en la app sin leerla y me sacaron dinero": a prompt the customer approved, and money
/// gone or taken since. Not "what does approving a notification do" (nothing since), nor "i
/// approved the payment notification for my rent".
fn approved_prompt(s: &Scan) -> Option<Finding> {
    let approved = |i: usize| {
        let w = &s.words[i];
        (w.starts_with_any(&[
            "approved",
            "accepted",
            "confirmed",
            "tapped",
            "aprobe",
            "acepte",
            "autorice",
            "confirme",
        ]) && (s.text(i.wrapping_sub(1)) == "i" || !w.text.ends_with("ed")))
            && real(s, i)
    };
    let prompt = |j: usize| {
        matches!(s.text(j), "notification" | "notificacion" | "push" | "solicitud" | "request" | "prompt" | "alerta")
    };
    // Money gone or taken since ("now 900 is gone", "me sacaron"), not a payment of the customer's.
    let since = |j: usize| {
        s.words[j].tags & (GONE | TAKE | STEAL) != 0 || matches!(s.text(j), "sacaron" | "drained" | "vaciaron")
    };
    let approved_prompt =
        |i: usize| approved(i) && (i + 1..(i + 4).min(s.len())).any(|j| prompt(j) && (j + 1..s.len()).any(since));
    // "…pretending to be from your bank… and i approved a notification on my app while on the phone
    // with them": approved at an impostor's word.
    // (Not "i got a call from my gp and… approved a notification for my rent": a caller, not an
    // impostor.)
    let pretending = (0..s.len()).any(|j| {
        s.words[j].starts_with_any(&["pretend", "posing", "posed", "supuest", "fake", "fals", "impost"])
            || (s.text(j) == "pasar" && matches!(s.text(j.wrapping_sub(1)), "hizo" | "hicieron" | "hacia"))
    });
    let at_their_word = |i: usize| approved(i) && pretending && (i + 1..(i + 4).min(s.len())).any(prompt);
    if (0..s.len()).any(|i| approved_prompt(i) || at_their_word(i)) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}

/// A card lent and kept, or the customer's phone or card taken up by a child who bought with it.
fn lent_or_taken(s: &Scan) -> Option<Finding> {
    // "i lent my card to a coworker to buy lunch and he kept it", "le presté la tarjeta y se quedó
    // con ella": a card lent, and not given back.
    let lent = |i: usize| {
        (s.words[i].tags & GIVE != 0 || s.words[i].starts_with_any(&["lent", "preste", "prestamos", "prestad"]))
            && real(s, i)
            && s.near(i, VALUABLE, 0, 3)
    };
    let kept_after = |i: usize| s.after(i, RETAINED).any(|j| real(s, j));
    if !s.has(ATM) && (0..s.len()).any(|i| lent(i) && kept_after(i)) {
        return Finding::of(Category::StolenCard);
    }
    // "mi novio me pidió prestada la tarjeta y ya no me contesta, y sigue con cargos": lent, and
    // charged on since.
    let charged_since = |i: usize| s.after(i, TXN).any(|j| real(s, j));
    if !s.has(ATM | PROCESS) && (0..s.len()).any(|i| lent(i) && charged_since(i)) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "mi hijo de 8 años agarró mi cel y compró un montón de cosas en un juego": purchases made by a
    // child with what is the customer's.
    let child =
        |w: &str| matches!(w, "hijo" | "hija" | "son" | "daughter" | "kid" | "nino" | "nina" | "nieto" | "nieta");
    let grabbed = |i: usize| {
        (s.words[i].tags & TAKE != 0 || s.words[i].starts_with_any(&["agarr", "grabbed", "used", "uso"]))
            && s.near(i, VALUABLE | PHONE, 0, 3)
    };
    let bought = |i: usize| s.words[i].starts_with_any(&["compro", "bought", "gasto", "spent", "pago"]) && real(s, i);
    if s.words.iter().any(|w| child(&w.text)) && (0..s.len()).any(|i| grabbed(i) && (i + 1..s.len()).any(bought)) {
        return Finding::of(Category::Dispute);
    }
    None
}

/// "an investment guy on telegram promised 30% a month", "me prometieron ganancias del 10% semanal":
/// a promise of returns, counted by the period or named as such. Not "the bank offers 5% a year on
/// savings" (nobody promised it to the customer) nor "what interest do you offer" (a question of
/// the bank's).
pub(super) fn returns_promised(s: &Scan) -> bool {
    let promise =
        |w: &Word| w.starts_with_any(&["promet", "promis", "guarante", "garantiz", "aseguraron", "aseguro", "assured"]);
    let period = |w: &str| {
        matches!(
            w,
            "month"
                | "monthly"
                | "week"
                | "weekly"
                | "day"
                | "daily"
                | "mes"
                | "mensual"
                | "semana"
                | "semanal"
                | "diario"
                | "percent"
                | "ciento"
                | "porciento"
        )
    };
    let returns = |w: &Word| {
        w.starts_with_any(&["return", "rendimiento", "ganancia", "profit", "utilidad", "duplic", "doubl", "tripl"])
    };
    let counted = |j: usize| s.words[j].is_number() && (j + 1..(j + 4).min(s.len())).any(|k| period(s.text(k)));
    (0..s.len()).any(|i| {
        promise(&s.words[i]) && real(s, i) && (i + 1..(i + 7).min(s.len())).any(|j| counted(j) || returns(&s.words[j]))
    })
}

/// "sent him 5000", "le mandé mis ahorros", "i gave them my savings": an amount, or the customer's
/// savings, within three words of the act.
pub(super) fn sum_after(s: &Scan, i: usize) -> bool {
    let savings = |w: &str| matches!(w, "savings" | "ahorros" | "ahorritos");
    (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & MONEY != 0 || s.words[j].is_number() || savings(s.text(j)))
}

/// "our supplier emailed new bank details for their invoice, we paid 8000 and now they say they
/// never changed them": a payee's bank details changed by a message, paid, and the payee denies the
/// change or never got the money. Not "how do i add a supplier's new bank details?".
fn redirected(s: &Scan) -> Option<Finding> {
    let details = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("bank" | "account" | "payment", "details") | ("datos", "bancarios"))
            || (matches!(s.text(j), "account" | "cuenta")
                && s.words[j.saturating_sub(3)..j].iter().any(|w| w.text == "completion"))
            // "…asked me to pay into a different account than the invoice".
            || (matches!(s.text(j), "account" | "cuenta")
                && s.words[j.saturating_sub(2)..j].iter().any(|w| matches!(w.text.as_str(), "different" | "another")))
    };
    let changed = |j: usize| {
        (j.saturating_sub(3)..(j + 5).min(s.len())).any(|k| {
            matches!(
                s.text(k),
                "new" | "nuevos" | "nueva" | "changed" | "cambiaron" | "cambio" | "different" | "another" | "otra"
            )
        })
    };
    let by_message = s.words.iter().any(|w| {
        w.starts_with_any(&[
            "email", "correo", "mail", "message", "mensaje", "text", "whatsapp", "letter", "carta", "invoice",
        ]) || w.starts_with_any(&["factura"])
    });
    // ("asked me to pay into…": paid as asked.)
    let asked_to_pay = s
        .words
        .windows(3)
        .any(|p| (p[0].tags & ASKED != 0 || p[0].text == "told") && p[1].text == "me" && p[2].text == "to");
    let paid = s.find(PAID).any(|i| real(s, i) && is_past(s, i))
        || asked_to_pay
        || s.words.iter().any(|w| matches!(w.text.as_str(), "sent" | "transferred" | "transferimos" | "pagamos"));
    // "they say they never changed them", "never got it", "nunca lo recibieron".
    let denied = s.find(NEVER_CAME).next().is_some()
        || s.words.windows(3).any(|p| {
            matches!((p[0].text.as_str(), p[1].text.as_str()), ("never", "changed" | "got" | "received"))
                || (p[0].text == "nunca" && p[1].starts_with_any(&["cambi", "recib"]))
                || (p[0].text == "no" && p[1].starts_with_any(&["cambiaron", "recibieron", "les"]))
        });
    let redirected = (0..s.len()).any(|j| details(j) && changed(j));
    if redirected && by_message && paid && denied && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    None
}
