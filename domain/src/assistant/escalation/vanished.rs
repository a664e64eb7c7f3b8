//! Someone who took the customer's money and then vanished: a landlord, a seller, a builder who
//! "took my deposit and disappeared"; a shop whose website is gone with the order never delivered;
//! a seller paid who asks for more; a parcel paid for that came with bricks in it.

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, only_asks, real};
use super::words::*;

/// "my landlord took my deposit and disappeared, i paid it by transfer", "el vendedor se llevó mi
/// anticipo y ya no contesta": money taken by someone who vanished after it. Not "my landlord took
/// the deposit out of my account, is that right?" (no one gone).
pub(super) fn took_and_vanished(s: &Scan) -> Option<Finding> {
    let took = |i: usize| {
        (matches!(s.text(i), "took" | "taken" | "kept" | "cogio" | "agarro")
            || (s.text(i) == "se" && matches!(s.text(i + 1), "llevo" | "quedo")))
            && real(s, i)
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                s.words[j].tags & MONEY != 0
                    || s.words[j].starts_with_any(&["deposit", "anticipo", "enganche", "money", "dinero", "savings"])
            })
    };
    // ("the landlord took the deposit and the flat was already rented to someone else": never his to let.)
    let let_already = s.words.windows(2).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("already", "rented" | "let") | ("ya", "rentado" | "rentada")
        )
    });
    if (0..s.len()).any(|i| took(i) && (s.find(VANISHED).any(|j| j > i) || let_already)) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "i bought a puppy from a website, paid 900 and now they want 300 more for a vaccination
    // certificate": paid, and more asked for since.
    let paid_before =
        |i: usize| s.words[..i].iter().any(|w| w.tags & PAID != 0 || w.text == "paid" || w.text == "pague");
    let more_asked = (0..s.len()).any(|i| {
        matches!(s.text(i), "want" | "wants" | "asking" | "quieren" | "piden" | "pidiendo")
            && s.words.get(i + 1).is_some_and(|w| w.is_number())
            && matches!(s.text(i + 2), "more" | "mas" | "extra")
            && paid_before(i)
    });
    if more_asked && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "me piden que pague una multa por un paquete retenido en aduana y ya pagué dos veces": a parcel
    // held for a fee, paid more than once.
    let held = s.words.iter().any(|w| w.starts_with_any(&["aduana", "customs", "retenido", "retenida"]));
    let twice = s.words.iter().any(|w| matches!(w.text.as_str(), "twice" | "again"))
        || s.words
            .windows(2)
            .any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("dos" | "tres", "veces") | ("otra", "vez")));
    let asks = s.has(ASKED) || s.words.iter().any(|w| matches!(w.text.as_str(), "want" | "wants" | "quieren"));
    if held && asks && paid_before(s.len()) && twice && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "the online shop never delivered my order of 250 and the website is gone": paid for, never
    // delivered, and the shop gone.
    let shop_page =
        |i: usize| matches!(s.text(i), "website" | "site" | "shop" | "store" | "page" | "pagina" | "tienda" | "sitio");
    let site_gone = (0..s.len()).any(|i| {
        shop_page(i) && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & VANISHED != 0 || s.text(j) == "gone")
    });
    if site_gone && s.has(NEVER_CAME) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "an investment guy on linkedin has my 12000 and now says i need to pay tax to withdraw it": a fee
    // asked before the customer's own money can come back.
    let toll = |i: usize| {
        s.words[i].starts_with_any(&["tax", "fee", "impuesto", "comision", "cargo"])
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                matches!(s.text(j), "to" | "para" | "before" | "antes")
                    && s.words
                        .get(j + 1)
                        .is_some_and(|w| w.starts_with_any(&["withdraw", "retir", "sacar", "get", "release", "liber"]))
            })
    };
    let pay_asked = s.words.iter().any(|w| matches!(w.text.as_str(), "pay" | "pagar" | "paying" | "pague"));
    let holds_mine = s.has(SOMEONE | STRANGER)
        || s.words.iter().any(|w| {
            w.starts_with_any(&[
                "invest",
                "inversion",
                "trading",
                "broker",
                "platform",
                "plataforma",
                "crypto",
                "cripto",
            ])
        });
    if (0..s.len()).any(toll) && pay_asked && holds_mine && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "compré pasajes en una página que salía en facebook y nunca me llegaron, pagué con transferencia":
    // a shop found on social media, paid, and nothing came.
    let social = |j: usize| matches!(s.text(j), "facebook" | "instagram" | "tiktok" | "marketplace" | "whatsapp");
    let social_shop = (0..s.len()).any(|i| shop_page(i) && (i + 1..(i + 5).min(s.len())).any(social));
    if social_shop && s.has(NEVER_CAME | BAD_PURCHASE) && paid_before(s.len()) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "bought a laptop on a marketplace, paid by transfer, and got a box of bricks", "me llegó una caja
    // vacía": paid for, and a worthless parcel came instead (not "i bought bricks for my wall", "i
    // ordered a box of rocks for my aquarium").
    let parcel = |i: usize| matches!(s.text(i), "box" | "parcel" | "package" | "caja" | "paquete");
    let came = |i: usize| {
        matches!(s.text(i), "got" | "received" | "came" | "arrived" | "delivered" | "llego" | "recibi" | "mandaron")
    };
    let junk = |j: usize| {
        let arrived = (j.saturating_sub(6)..j).any(came);
        matches!(s.text(j), "bricks" | "rocks" | "stones" | "sand" | "piedras" | "ladrillos" | "arena")
            && (j.saturating_sub(3)..j).any(parcel)
            && arrived
            || matches!(s.text(j), "empty" | "vacia" | "vacio")
                && (parcel(j.saturating_sub(1)) || parcel(j + 1))
                && (arrived || came(j.saturating_sub(1)))
    };
    if paid_before(s.len()) && (0..s.len()).any(junk) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "i transferred my pension to a scheme a man on linkedin recommended and it's all gone": savings
    // moved into a scheme someone put forward, and gone since.
    let savings = |k: usize| matches!(s.text(k), "pension" | "savings" | "ahorros" | "jubilacion" | "afore");
    let moved = |i: usize| {
        s.words[i].tags & (MOVED | PAID) != 0
            && real(s, i)
            && (i + 1..(i + 4).min(s.len())).any(|k| savings(k) || s.text(k) == "everything")
    };
    let scheme = |j: usize| matches!(s.text(j), "scheme" | "platform" | "esquema" | "plataforma" | "fund" | "fondo");
    let put_forward = s.has(SOMEONE | STRANGER)
        || s.words.iter().any(|w| w.starts_with_any(&["recommend", "recomend", "suggested", "sugiri"]));
    let all_gone = s.find(GONE).any(|j| real(s, j));
    if (0..s.len()).any(|i| moved(i) && (i + 1..(i + 9).min(s.len())).any(scheme)) && put_forward && all_gone {
        return Finding::of(Category::Fraud);
    }
    None
}
