//! Social engineering: credentials, codes or a login handed to someone, typed into a page an
//! impostor sent, software installed at a caller's request (savings moved to an account a caller
//! named: `safekeeping.rs`).

use super::Category;
use super::atm;
use super::callers;
use super::jobs;
use super::links;
use super::receiving;
use super::safekeeping;
use super::scams;
use super::scan::{Scan, Word};
use super::situations::{Finding, is_past, message_word, only_asks, real, told_in_past, told_so};
use super::words::*;

/// English "gave/told/shared" said of the customer: not "gave me", not "the app told".
fn customer_gave(s: &Scan, at: usize) -> bool {
    let next = s.words.get(at + 1).map(|w| w.text.as_str());
    // ("…the branch kept it safe and gave it back": returned, not handed over.)
    if matches!(next, Some("me" | "us" | "back")) || matches!((next, s.text(at + 2)), (Some("it" | "them"), "back")) {
        return false;
    }
    // Not "the app sent", nor the passive "I was sent a code".
    let before = &s.words[at.saturating_sub(2)..at];
    !before.iter().any(|w| {
        matches!(
            w.text.as_str(),
            "you"
                | "they"
                | "he"
                | "she"
                | "it"
                | "app"
                | "bank"
                | "branch"
                | "someone"
                | "who"
                | "which"
                | "was"
                | "were"
                | "been"
                | "be"
                | "being"
        )
    })
}

pub(super) fn social_engineering(s: &Scan) -> Option<Finding> {
    let paid = |i: usize| s.words[i].tags & PAID != 0;
    // "invertí en una plataforma de criptomonedas… ya no me dejan retirar": an investment that keeps
    // the money.
    // ("invested in your savings bond, what's the fee to withdraw early?" is the bank's own product.)
    let with_the_bank =
        |i: usize| (i + 1..(i + 5).min(s.len())).any(|j| matches!(s.text(j), "your" | "ustedes" | "banco" | "bank"));
    if s.find(INVESTED).any(|i| real(s, i) && !with_the_bank(i)) && s.has(WITHHELD) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "un supuesto asesor se quedó con mis ahorros": an impostor keeping the money.
    if s.has(IMPOSTOR) && s.find(WITHHELD).any(|i| real(s, i)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    if let Some(found) = atm::at_the_atm(s) {
        return Some(found);
    }
    if let Some(found) = scams::scam(s) {
        return Some(found);
    }
    // "me ofrecieron un préstamo por whatsapp, pagué la comisión": a loan offered out of nowhere,
    // paid for up front.
    let loan_offered =
        s.find(OFFERED).any(|i| real(s, i) && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & LOAN != 0));
    if loan_offered && (0..s.len()).any(|i| paid(i) && real(s, i)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "un señor de una supuesta financiera me cobró 3000 de comisión para darme un préstamo y ya no
    // contesta": a fee taken for a loan, by a lender who is gone or not what it said.
    let fee_for_loan = |i: usize| {
        s.words[i].tags & LOAN != 0
            && (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "para" | "to" | "for"))
            && (0..i).any(|j| {
                matches!(s.text(j), "cobro" | "cobraron") || (s.words[j].tags & (PAID | TXN) != 0 && is_past(s, j))
            })
    };
    let dubious = s.has(VANISHED) || s.words.iter().any(|w| w.starts_with_any(&["supuest", "fake", "fals"]));
    if dubious && (0..s.len()).any(fee_for_loan) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    if let Some(found) = safekeeping::moved_for_safety(s) {
        return Some(found);
    }
    // "le di acceso remoto a un técnico", "tengo anydesk abierto y un señor me guía"; not "¿el banco
    // usa acceso remoto para soporte?", which asks about the bank.
    let personal = || told_in_past(s) || s.words.iter().any(|w| matches!(w.text.as_str(), "me" | "mi" | "my" | "yo"));
    // ("is microsoft allowed to ask for remote access to my laptop? just wondering for the future": asked
    // ahead, of no one at work on it.)
    let yes_no = |w: &str| matches!(w, "is" | "are" | "can" | "does" | "do" | "es" | "puede" | "pueden");
    let ahead = s.has(HYPO) && yes_no(s.text(0)) && !s.has(SOMEONE | STRANGER | IMPOSTOR | TXN | MONEY | GONE | TOLD);
    if s.has(REMOTE) && s.find(REMOTE).any(|i| real(s, i)) && personal() && !only_asks(s) && !s.has(PREVENT) && !ahead {
        return Finding::of(Category::SocialEngineering);
    }
    // "i sent my passport photo and selfie to someone who said they were verifying my account": an
    // identity document handed to an impostor.
    let id_document = |w: &Word| {
        matches!(
            w.text.as_str(),
            "passport" | "pasaporte" | "selfie" | "ine" | "cedula" | "dni" | "license" | "licence"
        )
    };
    let sent = |i: usize| s.words[i].tags & GIVE != 0 || matches!(s.words[i].text.as_str(), "sent" | "mande" | "envie");
    // ("…me pidieron transferir para una investigación, ya lo hice": done as asked.)
    let did_it = |j: usize| matches!((s.text(j), s.text(j + 1)), ("lo", "hice") | ("i", "did"));
    // ("…said… to send a selfie holding my card, which i did": sent as told.)
    let sent_as_told = |i: usize| matches!(s.text(i), "send" | "enviar" | "mandar") && (i + 1..s.len()).any(did_it);
    let handed_id = (0..s.len()).any(|i| sent(i) && real(s, i) && customer_gave(s, i) || sent_as_told(i));
    // "…pretending to be my bank's support… i sent him a screenshot of my card": the card's image.
    let card_image = |w: &Word| {
        matches!(w.text.as_str(), "screenshot" | "captura" | "foto" | "photo" | "picture" | "pic")
            && s.has(VALUABLE | CRED)
    };
    let document = s.words.iter().any(|w| id_document(w) || card_image(w));
    if s.has(IMPOSTOR) && document && handed_id && !s.has(PROCESS | IN_MY_NAME) {
        return Finding::of(Category::SocialEngineering);
    }
    // A card handed to a stranger ("le di mi tarjeta a un desconocido que me ayudó").
    if s.has(SOMEONE) && s.find(GIVE).any(|i| real(s, i) && s.near(i, VALUABLE, 0, 4) && s.near(i, SOMEONE, 0, 8)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "le di acceso a mi computadora a un supuesto técnico": the device handed over to an impostor.
    let access = |i: usize| (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & ACCESS != 0);
    if s.has(IMPOSTOR) && s.find(GIVE).any(|i| real(s, i) && customer_gave(s, i) && access(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "el supuesto asesor me pidió instalar una app": an impostor asking for software on the phone.
    let install = |j: usize| s.words[j].tags & INSTALL != 0;
    // "…me hicieron instalar una aplicación", "they had me install": made to install it.
    let asked_or_made = |i: usize| s.words[i].tags & (ASKED | TOLD) != 0 || callers::made_me(s, i);
    if s.has(IMPOSTOR)
        && (0..s.len()).any(|i| asked_or_made(i) && real(s, i) && (i + 1..(i + 4).min(s.len())).any(install))
    {
        return Finding::of(Category::SocialEngineering);
    }
    // "they said my account was blocked and I had to move my savings to a new account they gave me".
    let moved = |j: usize| s.words[j].tags & (TXN | MOVED) != 0;
    if told_so(s) && s.has(NEW_ACCOUNT) && (0..s.len()).any(moved) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    // "le pasé mi usuario al de soporte que me escribió por Facebook", "i gave my online banking login
    // to a guy who said he'd help me": a login handed to an impostor, or to someone after it.
    let login = |j: usize| s.words[j].tags & LOGIN_NAME != 0;
    let to_someone = |i: usize| s.has(IMPOSTOR) || s.after(i, SOMEONE | STRANGER).next().is_some();
    let login_given = |i: usize| (i + 1..(i + 6).min(s.len())).any(login) && to_someone(i);
    if s.find(GIVE).any(|i| real(s, i) && customer_gave(s, i) && login_given(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "contesté un correo del banco con mi usuario y clave": a message answered with a credential.
    let message = |i: usize| {
        s.in_clause(i, IMPOSTOR | LINK)
            || (0..s.len()).any(|j| s.words[j].clause == s.words[i].clause && message_word(&s.words[j].text))
    };
    // "got an e-mail from the bank and typed my login in, now I can't get in": a login typed into
    // what a message sent, and the account shut to its owner since.
    let typed_login = |i: usize| (i + 1..(i + 4).min(s.len())).any(login) && message(i) && s.has(LOCKED_OUT);
    if s.find(ENTER).any(|i| real(s, i) && typed_login(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "a guy on Instagram promised to double my money and I sent him 5000", "promised 30% a month and
    // i sent him my savings": money handed to someone who reached the customer out of nowhere.
    let amount = |i: usize| scams::sum_after(s, i);
    // "they said I won a lottery and had to pay a fee first, I paid 300": a prize bought with a fee.
    let handed = |i: usize| {
        s.words[i].tags & (GIVE | PAID) != 0 || matches!(s.text(i), "deposite" | "transferi" | "transferred" | "wired")
    };
    let lured = s.has(IMPOSTOR | LURE) || scams::returns_promised(s);
    if lured && (0..s.len()).any(|i| handed(i) && real(s, i) && customer_gave(s, i) && amount(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "me hicieron una videollamada diciendo que eran de la policía y me pidieron transferir para una
    // investigación, transferí": asked by an impostor to pay, and paid.
    let pay_verb = |j: usize| {
        s.words[j].starts_with_any(&[
            "transferir",
            "transfer",
            "pagar",
            "pay",
            "depositar",
            "deposit",
            "send",
            "enviar",
        ])
    };
    let paid_after = |i: usize| {
        (i + 4..s.len()).any(|j| {
            matches!(s.words[j].text.as_str(), "transferi" | "pague" | "deposite" | "mande" | "envie")
                || (handed(j) && customer_gave(s, j) && real(s, j))
                || did_it(j)
        })
    };
    let asked_to_pay = |i: usize| real(s, i) && (i + 1..(i + 4).min(s.len())).any(pay_verb) && paid_after(i);
    if s.has(IMPOSTOR) && s.find(ASKED).any(asked_to_pay) && !s.has(PROCESS) {
        return Finding::of(Category::SocialEngineering);
    }
    // "deposité a una supuesta inmobiliaria y ya no me contestan", "paid a seller on marketplace and
    // he blocked me": money handed to someone who then vanished.
    let vanished_after = |i: usize| s.find(VANISHED).any(|j| j > i);
    if (0..s.len()).any(|i| handed(i) && real(s, i) && customer_gave(s, i) && vanished_after(i)) {
        return Finding::of(Category::Fraud);
    }
    // "paid the deposit and the transport fee and the seller keeps asking for more": money handed
    // over, and more asked for.
    let asked_more = |i: usize| s.has(MORE) && s.find(WITHHELD).any(|j| j > i);
    if (0..s.len()).any(|i| handed(i) && real(s, i) && customer_gave(s, i) && asked_more(i)) {
        return Finding::of(Category::Fraud);
    }
    if let Some(found) = links::through_a_message(s) {
        return Some(found);
    }
    // "my elderly dad was convinced by a 'bank officer' to hand over his card and pin": a relative
    // talked into handing it over.
    let relative_gave = |i: usize| real(s, i) && s.near(i, CRED | VALUABLE, 0, 6);
    // "someone online convinced her to send them my card details".
    let to_hand = |j: usize| {
        s.words[j].starts_with_any(&["send", "give", "share", "hand", "pass", "dar", "mand", "envi", "pasar"])
    };
    let talked_into =
        |i: usize| real(s, i) && (i + 1..(i + 5).min(s.len())).any(|j| to_hand(j) && s.near(j, CRED | VALUABLE, 0, 6));
    if s.has(FAMILY | SOMEONE) && s.find(CONVINCED).any(talked_into) {
        return Finding::of(Category::SocialEngineering);
    }
    if s.has(FAMILY) && s.has(CONVINCED | IMPOSTOR) && s.find(GIVE).any(relative_gave) {
        return Finding::of(Category::SocialEngineering);
    }
    if let Some(found) = jobs::money_mule(s).or_else(|| jobs::paid_to_work(s)) {
        return Some(found);
    }
    // "me pidió que le pagara por adelantado y ya no aparece": asked to pay, and gone since.
    let pay =
        |j: usize| s.words[j].tags & TXN != 0 || s.words[j].starts_with_any(&["pag", "pay", "deposit", "transfer"]);
    if s.find(ASKED).any(|i| real(s, i) && (i + 1..(i + 5).min(s.len())).any(pay) && vanished_after(i)) {
        return Finding::of(Category::Fraud);
    }
    // "someone is calling my elderly mother pretending to be me and asking her for money": the
    // customer impersonated to their family.
    let friends = || {
        s.words.iter().any(|w| matches!(w.text.as_str(), "friends" | "amigos" | "contacts" | "contactos" | "familia"))
    };
    let asked_for_money = |i: usize| real(s, i) && s.near(i, MONEY | CRED | DETAIL, 0, 6);
    if s.has(IMPOSTOR) && (s.has(FAMILY) || friends()) && s.find(ASKED).any(asked_for_money) {
        return Finding::of(Category::SocialEngineering);
    }
    if let Some(found) = receiving::forged_proof(s) {
        return Some(found);
    }
    let forged = |i: usize| s.words[i].tags & FORGED != 0;
    // "pagué un curso por internet y resultó ser falso": paid for something that proved fake.
    // "I transferred 3000 to what I thought was my landlord's new account, the e-mail was fake".
    // "…y resulta que el departamento no era suyo", "turns out it doesn't exist": proved false.
    let sent_money = |i: usize| paid(i) || (s.words[i].tags & MOVED != 0 && is_past(s, i) && customer_gave(s, i));
    let turned_out = |j: usize| {
        (matches!(s.text(j), "resulta" | "resulto")
            || (matches!(s.text(j), "turns" | "turned") && s.text(j + 1) == "out"))
            && (j + 1..(j + 7).min(s.len())).any(|k| s.words[k].tags & (NEG | FORGED) != 0)
    };
    let proved_false = |j: usize| forged(j) || turned_out(j);
    if (0..s.len()).any(|i| sent_money(i) && real(s, i) && (i + 1..s.len()).any(proved_false)) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "pagué en una página que parecía la del banco": paid or typed into a page posing as the bank.
    let on_fake_page = |i: usize| s.near(i, LINK, 0, 6) && s.in_clause(i, IMPOSTOR);
    if s.find(ACT | ENTER).any(|i| real(s, i) && (s.words[i].tags & ENTER != 0 || paid(i)) && on_fake_page(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    // "got an e-mail from you saying to update my details, I clicked and filled everything in".
    let clicked_message =
        || s.words.iter().any(|w| message_word(&w.text)) && s.words.iter().any(|w| w.text.starts_with("click"));
    // ("an email from hmrc said i was owed a tax rebate and i typed my card number in": a message that
    // said something.)
    let lure =
        |w: &str| matches!(w, "owed" | "rebate" | "refund" | "reembolso" | "prize" | "premio" | "customs" | "aduana");
    let message_said = (0..s.len()).any(|i| {
        message_word(s.text(i))
            && (i + 1..(i + 5).min(s.len())).any(|j| matches!(s.text(j), "said" | "saying" | "dijo"))
    }) && s.words.iter().any(|w| lure(&w.text));
    if s.has(IMPOSTOR | LINK) || clicked_message() || message_said {
        // "clicked it and filled in everything": everything asked for.
        let everything = |i: usize| (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & EVERYTHING != 0);
        // "clicked a link in an e-mail about a refund and entered my online banking login": a login
        // typed in where a message led (not "I entered my login on your website and got an error").
        let lured =
            s.find(LINK).any(|j| s.words[j].text.starts_with("cli")) || s.words.iter().any(|w| message_word(&w.text));
        let login_typed = |i: usize| lured && is_past(s, i) && (i + 1..(i + 5).min(s.len())).any(login);
        // "clicked the link and put my details in": put in, what was put between.
        let put_in = |i: usize| s.text(i) == "put" && (i + 2..(i + 5).min(s.len())).any(|j| s.text(j) == "in");
        let details = |j: usize| matches!(s.text(j), "details" | "datos" | "info" | "information" | "informacion");
        let details_typed = |i: usize| lured && (i + 1..(i + 4).min(s.len())).any(details);
        for i in s.find(ENTER).chain((0..s.len()).filter(|&i| put_in(i))) {
            if real(s, i) && (s.near(i, CRED, 2, 6) || everything(i) || login_typed(i) || details_typed(i)) {
                return Finding::of(Category::SocialEngineering);
            }
        }
    }
    // "un supuesto agente de inversiones me hizo transferir mis ahorros": savings moved at an
    // impostor's word.
    let savings = |j: usize| s.words[j].tags & MONEY != 0 || matches!(s.words[j].text.as_str(), "ahorros" | "savings");
    let moved_savings = |i: usize| real(s, i) && (i + 1..(i + 4).min(s.len())).any(savings);
    if s.has(IMPOSTOR) && told_in_past(s) && s.find(MOVED).any(moved_savings) && !s.has(PROCESS | PREVENT) {
        return Finding::of(Category::SocialEngineering);
    }
    // "the buyer overpaid and wants me to send the extra to his shipping agent": a buyer's
    // overpayment to be sent on, the way fake payments are cashed.
    let send_back = |j: usize| {
        s.words[j].tags & (MOVED | FORWARD) != 0
            || s.words[j]
                .starts_with_any(&["send", "return", "refund", "wire", "devolv", "devuelv", "regres", "mand", "envi"])
    };
    let buyer = s.has(SOLD)
        || s.words.iter().any(|w| matches!(w.text.as_str(), "buyer" | "comprador" | "compradora" | "marketplace"));
    // "el comprador dice que me depositó pero me pide que le devuelva la diferencia": the overpayment
    // told by what is to be sent back.
    let difference = |j: usize| matches!(s.text(j), "diferencia" | "difference" | "excedente" | "excess");
    let back_difference = |j: usize| send_back(j) && (j + 1..(j + 4).min(s.len())).any(difference);
    let overpaid = s.find(OVERPAID).any(|i| real(s, i) && (i + 1..s.len()).any(send_back));
    if buyer && (overpaid || (0..s.len()).any(back_difference)) {
        return Finding::of(Category::Fraud);
    }
    if let Some(found) = callers::talked_into_handing(s) {
        return Some(found);
    }
    if !s.has(CRED) {
        return None;
    }
    // "some guy keeps calling saying he's from the bank and knows my full card number": an impostor
    // who already has a credential.
    if s.has(IMPOSTOR) && s.find(KNOWS).any(|i| real(s, i) && s.near(i, CRED, 0, 5)) {
        return Finding::of(Category::SocialEngineering);
    }
    if s.find(REPLY).any(|i| real(s, i) && customer_gave(s, i) && s.near(i, CRED, 0, 12) && message(i)) {
        return Finding::of(Category::SocialEngineering);
    }
    for i in s.find(GIVE) {
        // "le pidió las coordenadas y se las mandé", "he wanted the code and I gave it to him": the
        // pronoun points back to a credential earlier in the clause.
        let next = s.words.get(i + 1).map(|w| w.text.as_str());
        let pronoun = s.words[i].text == "se" || matches!(next, Some("it" | "them"));
        let earlier = pronoun && s.near(i, CRED, 12, 0);
        // "i told the woman from the bank my mother's maiden name": who it went to, then what.
        let phrase = s.words[i].phrase;
        let later = (i + 1..(i + 11).min(s.len())).any(|j| s.words[j].tags & CRED != 0 && s.words[j].phrase == phrase);
        if real(s, i) && customer_gave(s, i) && (s.near(i, CRED, 3, 7) || earlier || later) {
            return Finding::of(Category::SocialEngineering);
        }
    }
    if s.has(IMPOSTOR) {
        for i in s.find(ASKED) {
            if real(s, i) && s.near(i, CRED, 2, 6) {
                return Finding::of(Category::SocialEngineering);
            }
        }
        // "…a number that looked like the bank's and I confirmed my PIN": confirming is handing over.
        let confirmed = |i: usize| s.words[i].tags & CONFIRMED != 0;
        if (0..s.len()).any(|i| confirmed(i) && real(s, i) && customer_gave(s, i) && s.near(i, CRED, 0, 8)) {
            return Finding::of(Category::SocialEngineering);
        }
    }
    None
}
