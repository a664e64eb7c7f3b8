//! A message's link or code acted on: paid through it and charged again since, or card details
//! typed after it and money spent since; details asked for, and an amount gone since.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, message_word, only_asks, real};
use super::words::*;

/// Paid through a link or code and charged again since, or details typed after a message and
/// money spent since.
pub(super) fn through_a_message(s: &Scan) -> Option<Finding> {
    // "scanned a qr code on a parking meter, paid, and now there are more charges": paid through a
    // code or page, and charged again since.
    // "now there are more charges", "now 3 payments of 400 came out": more, or counted.
    let counted = |w: &Word| w.text.parse::<u8>().is_ok_and(|n| n > 1) || matches!(w.text.as_str(), "two" | "three");
    // ("…paid 1.99 and now 700 has gone out": an amount gone since; "…900 went out".)
    let went_out = |j: usize| matches!(s.text(j), "went" | "came") && s.text(j + 1) == "out";
    // ("a text said i owed 2.99, i paid through the link and now they've taken 700": a sum taken since,
    // larger than one told before it; not "it took 2 days".)
    let time =
        |j: usize| ["day", "hour", "min", "week", "dia", "hora", "semana"].iter().any(|t| s.text(j).starts_with(t));
    let taken = |j: usize| {
        let larger = |sum: f64| (0..j).filter_map(|k| s.amount(k)).any(|small| small < sum);
        s.words[j].tags & TAKE != 0 && s.amount(j + 1).is_some_and(larger) && !time(j + 2)
    };
    let again = |j: usize| {
        s.words[j].tags & TXN != 0
            && s.words[j.saturating_sub(2)..j].iter().any(|w| w.tags & (MORE | OTHERS) != 0 || counted(w))
            || (s.words[j].tags & GONE != 0 || went_out(j))
                && s.words[j.saturating_sub(3)..j].iter().any(Word::is_number)
            || taken(j)
    };
    // ("a text said my parcel couldn't be delivered, i paid the 1.45 fee and today 900 went out": the
    // message itself, no link named.)
    let messaged = s.words.iter().any(|w| message_word(&w.text));
    let lured = s.has(LINK) || messaged;
    if lured && (0..s.len()).any(|i| s.words[i].tags & PAID != 0 && real(s, i) && (i + 1..s.len()).any(again)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "got a text to reschedule a delivery, put in my card details and an hour later there was a
    // purchase": details typed after a message, and money spent since.
    // ("…put my card in to rebook and now there's a 400 payment": the card's numbers put in.)
    let card = |i: usize| (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].starts_with_any(&["card", "tarjeta"]));
    let typed = |i: usize| real(s, i) && (s.near(i, CRED, 2, 6) || card(i)) && s.after(i, TXN).next().is_some();
    let put_in = |i: usize| s.text(i) == "put" && (i + 1..(i + 4).min(s.len())).any(|j| s.text(j) == "in");
    let entered = |i: usize| s.words[i].tags & ENTER != 0 || put_in(i);
    // ("i scanned a qr code on a parking meter and entered my card, now there's a 300 charge": on a page a
    // code led to.)
    if lured && (0..s.len()).any(|i| entered(i) && typed(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "got an email from you asking me to verify my identity so i entered my card number and cvv": a
    // card's numbers, PIN or password typed where a message asked to verify or update, nothing spent
    // yet (not a code the bank's own text sends, typed to confirm).
    let code = |j: usize| {
        matches!(s.text(j), "code" | "codes" | "codigo" | "codigos" | "token" | "otp" | "verification")
            || matches!(s.text(j), "one-time" | "one" | "digit" | "digitos" | "digito" | "digits")
            || s.text(j) == "clave" && matches!(s.text(j + 1), "dinamica" | "digital" | "token")
    };
    let secret = |j: usize| s.words[j].tags & CRED != 0 && !code(j);
    let verify = |w: &Word| {
        w.starts_with_any(&["verif", "confirm", "updat", "actualiz", "valid", "reactiv", "unlock", "desbloq"])
    };
    // ("…so i entered my password in the app and did it": typed where the customer always does; "an
    // email saying to update my app" updates the app.)
    let app = |j: usize| matches!(s.text(j), "app" | "aplicacion");
    let in_app =
        |i: usize| (i + 1..(i + 8).min(s.len())).any(|j| matches!(s.text(j), "in" | "en" | "into") && app(j + 2));
    let gave_secret = |i: usize| {
        entered(i)
            && real(s, i)
            && (i + 1..(i + 5).min(s.len())).any(secret)
            && (0..i).any(|v| verify(&s.words[v]) && !(v + 1..(v + 3).min(s.len())).any(app))
            && !in_app(i)
    };
    if messaged && (0..s.len()).any(gave_secret) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "the builder said my bank details were needed for a 'refund' and now 1200 has left my account":
    // details asked for, and an amount gone from the account since.
    let details = |j: usize| s.words[j].tags & CRED != 0 || matches!(s.text(j), "details" | "datos");
    let asked = |i: usize| {
        (s.words[i].tags & ASKED != 0 || matches!(s.text(i), "needed" | "required"))
            && real(s, i)
            && (i.saturating_sub(3)..(i + 4).min(s.len())).any(details)
    };
    let left = |j: usize| {
        s.text(j) == "left"
            && matches!(s.text(j.wrapping_sub(1)), "has" | "have" | "had")
            && matches!(s.text(j + 1), "my" | "the")
            && s.words.get(j + 2).is_some_and(|w| w.tags & ACCOUNT != 0)
            && !matches!(s.text(j + 3), "to" | "for" | "para")
    };
    let gone = |j: usize| {
        (s.words[j].tags & GONE != 0 || left(j)) && s.words[j.saturating_sub(3)..j].iter().any(Word::is_number)
    };
    // "the payment for my car insurance went to a fake website and now my card has been used": paid on a
    // fake site, and the card used since.
    let site = |k: usize| matches!(s.text(k), "website" | "site" | "page" | "pagina" | "sitio" | "web");
    let fake_site = (0..s.len()).any(|i| s.words[i].tags & FORGED != 0 && (i + 1..(i + 3).min(s.len())).any(site));
    let used_since = s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "been" | "was") && p[1].text == "used");
    if fake_site && s.has(PAID | TXN) && (used_since || s.has(GONE)) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "…y ahora no tengo nada en la cuenta", "…now there's nothing in my account": the account emptied.
    let empty = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("nothing", "in" | "left") | ("nada", "en"))
            && (j + 2..(j + 5).min(s.len())).any(|k| s.words[k].tags & ACCOUNT != 0)
    };
    // "the 'bank' texted me a link to stop a payment, i logged in on it and now 2000 is missing":
    // signed in where a message's link led.
    let logged_in = |i: usize| {
        s.has(LINK) && matches!((s.text(i), s.text(i + 1)), ("logged" | "signed", "in" | "on")) && real(s, i)
    };
    if (0..s.len()).any(|i| (asked(i) || logged_in(i)) && (i + 1..s.len()).any(|j| gone(j) || empty(j)))
        && !only_asks(s)
    {
        return Finding::of(Category::SocialEngineering);
    }
    // "i downloaded your app from a link in a text and now my balance is gone": an app installed from a
    // message's link, and the money gone since.
    let installed = |i: usize| s.words[i].tags & INSTALL != 0 && real(s, i) && s.has(LINK);
    let emptied = |j: usize| matches!(s.text(j), "empty" | "emptied" | "vacia" | "vaciaron");
    let gone_since = |i: usize| (i + 1..s.len()).any(|j| s.words[j].tags & GONE != 0 || empty(j) || emptied(j));
    if messaged && (0..s.len()).any(|i| installed(i) && gone_since(i)) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    // "me llegó un correo del banco para actualizar datos, puse todo y ahora no puedo entrar": details
    // typed after a message, and shut out of the account since.
    let shut_out = |i: usize| s.after(i, LOCKED_OUT).next().is_some();
    if messaged && (0..s.len()).any(|i| entered(i) && real(s, i) && shut_out(i)) && !only_asks(s) {
        return Finding::of(Category::SocialEngineering);
    }
    None
}
