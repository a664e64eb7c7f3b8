//! An alibi beside a charge: the customer somewhere else when it happened ("i was at home all day",
//! "yo vivo en puebla"), or the card still with them when an alert told of it.

use super::scan::{Scan, Word};
use super::situations::{
    hypothetical, hypothetical_clause, negated, only_asks, opens_question, real, reporting, told_in_past,
};
use super::words::*;

/// The message gives an alibi, not negated, and not a supposition unless set beside the charge.
pub(super) fn told(s: &Scan) -> bool {
    let held = held_when_notified(s) || kept_somewhere(s) || home_now(s) || stayed_put(s);
    s.find(ALIBI).any(|i| !negated(s, i) && (!hypothetical(s, i) || set_beside(s, i)))
        || (held && !s.words.iter().any(declined) && !only_asks(s))
}

/// "my card was in my drawer at home", "la tarjeta estaba en mi bolsa": the card told as kept
/// somewhere safe (in the past: where it was when the charge happened).
fn kept_somewhere(s: &Scan) -> bool {
    let kept = |j: usize| {
        matches!(s.text(j), "drawer" | "wallet" | "purse" | "bag" | "pocket" | "home" | "house" | "safe")
            || matches!(s.text(j), "cajon" | "cartera" | "billetera" | "bolsa" | "bolso" | "mochila" | "casa")
    };
    let was_in = |i: usize| {
        matches!(s.text(i + 1), "was" | "estaba" | "sat" | "stayed" | "esta")
            && matches!(s.text(i + 2), "in" | "at" | "en")
            && (i + 3..(i + 6).min(s.len())).any(kept)
            && !negated(s, i + 1)
    };
    // ("tengo mi tarjeta en la mano, ¿cómo activo las compras por internet?": held, to ask how.)
    let asks_how = (0..s.len()).any(|k| s.starts_phrase(k) && matches!(s.text(k), "como" | "how" | "puedo" | "can"));
    // "…mientras yo estaba de viaje y la tarjeta conmigo", "with the card with me".
    // ("i don't have my phone with me" is the opposite.)
    let with_me = |i: usize| {
        (i + 1..(i + 3).min(s.len())).any(|j| {
            s.text(j) == "conmigo"
                || (s.text(j) == "with" && s.text(j + 1) == "me")
                || (s.text(j) == "en" && s.text(j + 1) == "la" && s.text(j + 2) == "mano" && !asks_how)
        }) && !s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & NEG != 0)
    };
    // "…while i had it in my pocket", "la tenía en mi bolsa": the card, pointed back to, kept there.
    let had_it = |i: usize| {
        matches!((s.text(i), s.text(i + 1)), ("had" | "have", "it") | ("la" | "lo", "tenia" | "tengo" | "traia"))
            && matches!(s.text(i + 2), "in" | "on" | "en")
            && (i + 3..(i + 6).min(s.len())).any(kept)
            && !negated(s, i)
            && s.words[..i].iter().any(|w| w.tags & VALUABLE != 0)
    };
    // "tengo la tarjeta en mi casa y me llegan cobros…", "i have my card at home": held, kept there now.
    let have_at = |i: usize| {
        matches!(s.text(i), "tengo" | "have" | "got" | "guardo" | "keep")
            && (i + 1..(i + 3).min(s.len())).any(|v| {
                s.words[v].tags & VALUABLE != 0
                    && matches!(s.text(v + 1), "in" | "at" | "en")
                    && (v + 2..(v + 5).min(s.len())).any(kept)
            })
            && !negated(s, i)
    };
    s.find(VALUABLE).any(|i| was_in(i) || with_me(i)) || (0..s.len()).any(|i| had_it(i) || have_at(i))
}

/// "…a 750 withdrawal in spain today and i'm at home in leeds": at home (or at work) now, set against a charge
/// told before it with its amount, in a message that asks nothing ("i'm at home, can i transfer 50
/// from the app?", "i'm at home and the transfer of 200 hasn't arrived").
fn home_now(s: &Scan) -> bool {
    // "…y yo estoy en el trabajo", "i'm at work": at work or in the office counts the same.
    let place = |j: usize| matches!(s.text(j), "home" | "work" | "office" | "casa" | "trabajo" | "oficina" | "chamba");
    let article = |j: usize| matches!(s.text(j), "the" | "el" | "la" | "mi");
    let at_home = |i: usize| {
        (matches!((s.text(i), s.text(i + 1)), ("i'm" | "im" | "am", "at") | ("estoy", "en"))
            && (place(i + 2) || (article(i + 2) && place(i + 3))))
            || (matches!(s.text(i), "i'm" | "im") && s.text(i + 1) == "home")
    };
    let against = |i: usize| {
        matches!(s.text(i.wrapping_sub(1)), "and" | "but" | "while" | "y" | "pero" | "mientras" | "yo")
            && s.words[..i].iter().any(|w| w.tags & (TXN | INTRUDE) != 0)
    };
    // "my debit card was used in a shop in paris this morning and i'm in glasgow": somewhere else now
    // than where the charge was told, beside it.
    let town = |j: usize| {
        let w = s.text(j);
        w.len() > 3 && !place(j) && !article(j) && !matches!(w, "hospital" | "debt" | "trouble" | "shock" | "deuda")
    };
    let used_in = |k: usize| {
        matches!(s.text(k), "in" | "en")
            && town(k + 1)
            && s.words[k.saturating_sub(6)..k].iter().any(|w| w.tags & (TXN | INTRUDE) != 0 || w.text == "used")
    };
    let elsewhere_now = |i: usize| {
        matches!((s.text(i), s.text(i + 1)), ("i'm" | "im" | "am" | "estoy", "in" | "en"))
            && town(i + 2)
            && (0..i).any(|k| used_in(k) && s.text(k + 1) != s.text(i + 2))
    };
    let far = (0..s.len()).any(|i| elsewhere_now(i) && against(i) && !negated(s, i) && !hypothetical(s, i));
    ((0..s.len()).any(|i| at_home(i) && against(i) && !negated(s, i) && !hypothetical(s, i))
        && s.words.iter().any(Word::is_number)
        || far)
        && !(0..s.len()).any(|i| opens_question(s, i))
}

/// "…but the payment at the shop was declined": the customer's own payment, refused.
fn declined(w: &Word) -> bool {
    w.starts_with_any(&["declin", "reject", "rechaz", "fail"])
        || matches!(w.text.as_str(), "denied" | "denegado" | "denegada")
}

/// "…a withdrawal in another state when my card is right here with me", "…cuando yo estaba en casa":
/// a "when" just before the alibi sets it beside the charge; it does not make it a hypothetical
/// (unless the clause says so: "if", "ever", "in case").
fn set_beside(s: &Scan, at: usize) -> bool {
    (at.saturating_sub(3)..at).any(|j| matches!(s.words[j].text.as_str(), "when" | "while" | "cuando" | "mientras"))
        && !hypothetical_clause(s, at)
}

/// "my card's still in my wallet", "la tarjeta sigue en mi cartera", "i still have my card": the
/// card still with the customer, told as a fact.
fn still_held(s: &Scan) -> bool {
    let still = |j: usize| matches!(s.text(j), "still" | "sigue" | "todavia" | "aun") && !negated(s, j);
    let with_me = |j: usize| matches!(s.text(j), "in" | "with" | "here" | "on" | "en" | "conmigo" | "aqui");
    let card_still = |i: usize| (i + 1..(i + 3).min(s.len())).any(|j| still(j) && with_me(j + 1));
    let still_have = |j: usize| {
        still(j)
            && matches!(s.text(j + 1), "have" | "got" | "tengo" | "traigo")
            && (j + 2..(j + 5).min(s.len())).any(|k| s.words[k].tags & VALUABLE != 0)
    };
    s.find(VALUABLE).any(card_still) || (0..s.len()).any(still_have)
}

/// "my card's still in my wallet but i just got a notification for a payment at a petrol station":
/// the card held while an alert tells of a charge (`told` leaves out "…but the payment at the shop
/// was declined", the customer's own, and "i still have my old card, can i keep paying with it?").
fn held_when_notified(s: &Scan) -> bool {
    let alert = |w: &Word| {
        reporting(w)
            || w.starts_with_any(&["notifica", "alert", "aviso", "avisa", "sms", "text", "mensaje", "email", "correo"])
    };
    still_held(s) && s.words.iter().any(alert)
}

/// "why is there a payment to a takeaway in birmingham, i've been in london all week", "estuve en la
/// oficina todo el día": somewhere for a whole span of time, told beside a charge, in a message that
/// asks to do nothing ("i was at work all day, can i pay in a cheque tomorrow?") and points at the
/// charge as found ("i've been in madrid all week and paid everything by card" is the customer's).
fn stayed_put(s: &Scan) -> bool {
    let span = |j: usize| {
        matches!(
            (s.text(j), s.text(j + 1), s.text(j + 2)),
            ("all" | "the", "week" | "day" | "weekend" | "month" | "morning" | "night" | "whole", _)
                | ("toda", "la", "semana" | "manana" | "noche" | "tarde")
                | ("todo", "el", "dia" | "fin" | "mes")
        )
    };
    let been = |i: usize| {
        matches!(s.text(i), "been" | "was" | "were" | "estado" | "estuve" | "estaba" | "estuvimos")
            && (i + 1..(i + 7).min(s.len())).any(span)
            && !negated(s, i)
            && !hypothetical(s, i)
    };
    let asks_to_do = (0..s.len()).any(|j| {
        matches!((s.text(j), s.text(j + 1)), ("can" | "could" | "do", "i" | "we") | ("how", "do" | "can"))
            || matches!(s.text(j), "puedo" | "podemos" | "como")
    });
    // The charge pointed at as something found: "why is there…", "there's a…", "aparecen dos compras".
    let found = |j: usize| {
        matches!(s.text(j), "why" | "there's" | "theres" | "aparece" | "aparecen" | "veo" | "sale" | "salen")
            || (s.text(j) == "there" && matches!(s.text(j + 1), "is" | "are" | "was" | "were"))
            || (s.text(j) == "por" && s.text(j + 1) == "que")
            || reporting(&s.words[j])
    };
    // "…i was in paris all week using my card there", "…ordering it": the customer's own doing.
    let own_doing = s.words.iter().any(|w| {
        w.starts_with_any(&["using", "paying", "paid", "ordering", "shopping", "buying", "spending", "usando"])
            || w.starts_with_any(&["pagando", "comprando", "gastando", "pague", "compre"])
    });
    (0..s.len()).any(been) && (0..s.len()).any(found) && !asks_to_do && !own_doing
}

/// "pagué en la bomba de gasolina y al día siguiente tenía compras en otra ciudad": charges told in
/// another city or country, not the customer's own ("hice compras en otra ciudad") nor asked about.
pub(super) fn charged_elsewhere(s: &Scan) -> bool {
    let other = |j: usize| matches!(s.text(j), "otra" | "otro" | "another" | "other" | "different");
    let place = |j: usize| matches!(s.text(j), "ciudad" | "pais" | "estado" | "city" | "country" | "state" | "town");
    let own = |i: usize| {
        s.words[i.saturating_sub(3)..i].iter().any(|w| matches!(w.text.as_str(), "i" | "we" | "yo" | "hice" | "made"))
    };
    // A charge named ("compras", "a withdrawal"), not "…to transfer money to another country".
    let charge = |i: usize| {
        s.words[i].tags & TXN != 0
            && s.words[i].starts_with_any(&["compra", "cargo", "cobro", "retiro", "movimiento", "transacci"])
            || s.words[i].starts_with_any(&["purchase", "charge", "payment", "withdrawal", "transaction"])
    };
    (0..s.len())
        .any(|i| charge(i) && real(s, i) && !own(i) && (i + 1..(i + 4).min(s.len())).any(|j| other(j) && place(j + 1)))
        && (told_in_past(s) || s.has(SEEN))
        && !only_asks(s)
        && !(0..s.len()).any(|i| opens_question(s, i))
}

/// "a letter saying my account's overdrawn by 2000 but i haven't used it in months", "mi cuenta está en
/// negativo y no la he usado en meses": a shortfall on an account the customer says lies unused.
pub(super) fn overdrawn_unused(s: &Scan) -> bool {
    let overdrawn = s
        .words
        .iter()
        .any(|w| w.starts_with_any(&["overdrawn", "sobregir", "negativo", "negative"]) || w.text == "rojos");
    let unused = (0..s.len()).any(|i| {
        matches!(s.text(i), "used" | "usado" | "touched" | "tocado" | "movido")
            && s.words[i.saturating_sub(3)..i].iter().any(|w| w.tags & NEG != 0 || w.text == "never")
    });
    // (Not "…because i haven't used it and the fees kept going": the cause known.)
    let fees = s.words.iter().any(|w| w.starts_with_any(&["fee", "comision", "interest", "interes", "charges"]));
    overdrawn && unused && !fees && s.has(ACCOUNT | VALUABLE) && !only_asks(s) && !s.has(PROCESS)
}

/// "emails about orders on an amazon account i don't have and one of them went on my card": a charge
/// from an account the customer says they do not have; "hay un retiro de 6 mil… y yo no he sacado
/// nada en meses": money taken out of an account the customer has not touched.
pub(super) fn account_not_had(s: &Scan) -> bool {
    let not_had = |i: usize| {
        matches!(s.text(i), "account" | "cuenta" | "subscription" | "suscripcion" | "membership" | "membresia")
            && (i + 1..(i + 5).min(s.len())).any(|j| {
                matches!(s.text(j), "have" | "had" | "tengo" | "tenido")
                    && negated(s, j)
                    && s.words[i + 1..j].iter().any(|w| matches!(w.text.as_str(), "i" | "yo" | "que"))
            })
    };
    let on_my_card = s.find(VALUABLE).any(|v| matches!(s.text(v.wrapping_sub(1)), "my" | "mi")) || s.has(TXN);
    let not_taken_out = (0..s.len()).any(|i| {
        matches!(s.text(i), "sacado" | "retirado" | "withdrawn" | "gastado" | "spent" | "taken")
            && s.words[i.saturating_sub(3)..i].iter().any(|w| w.tags & NEG != 0 || w.text == "never")
            && s.words[i + 1..(i + 5).min(s.len())]
                .iter()
                .any(|w| matches!(w.text.as_str(), "nada" | "anything" | "meses" | "months"))
    });
    let taken_sum = s.words.iter().any(Word::is_number) && s.has(TXN);
    ((0..s.len()).any(not_had) && on_my_card || not_taken_out && taken_sum) && !only_asks(s) && !s.has(PROCESS)
}
