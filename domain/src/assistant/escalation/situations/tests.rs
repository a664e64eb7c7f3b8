//! Tests of `situations`.

use super::super::Category::{self, *};
use super::*;

fn found(message: &str) -> Option<Category> {
    detect(&Scan::new(message)).map(|f| f.category)
}

#[test]
fn situations_in_any_wording() {
    for (message, category) in [
        ("me han quitado la mochila con mis tarjetas", StolenCard),
        ("my phone got stolen, it has the bank app", StolenCard),
        ("creo que se me cayó la cartera en el camión", StolenCard),
        ("there's a debit of 90 I never made", UnrecognisedPayment),
        ("un cargo que yo no hice", UnrecognisedPayment),
        ("a guy pretending to be the bank asked me for the sms code", SocialEngineering),
        ("le pasé el código que me llegó a un señor que dijo ser del banco", SocialEngineering),
        ("cambiaron mi correo y ya no puedo entrar", AccountTakeover),
        ("pásame con un asesor", HumanRequested),
        ("voy a demandarlos", LegalThreat),
        ("mi esposo falleció", Vulnerable),
        ("we were burgled last night. my debit card was in the drawer", StolenCard),
        ("my card has been compromised", Fraud),
        ("the statement shows a withdrawal and I didn't", UnrecognisedPayment),
        ("a big charge that was not done by me", UnrecognisedPayment),
        ("my nephew used my card while I wasn't looking", UnrecognisedPayment),
        ("I lost my phone and would like to block the app", StolenCard),
        ("somebody made a purchase on my card in another city", UnrecognisedPayment),
        ("I don't understand where this charge came from", UnrecognisedPayment),
        ("I didn't make the payment that shows on my statement", UnrecognisedPayment),
        ("a debit I wasn't aware of is on my account", UnrecognisedPayment),
        ("theres a charge on my statment I dont reconize", UnrecognisedPayment),
    ] {
        assert_eq!(found(message), Some(category), "{message}");
    }
}

#[test]
fn negations_hypotheticals_and_questions_do_not_count() {
    for message in [
        "no me robaron nada, ¿cuánto cuesta una tarjeta adicional?",
        "what happens if my card gets stolen abroad?",
        "si pierdo mi tarjeta, ¿cuánto cuesta la reposición?",
        "I found my card, how do I unlock it?",
        "¿qué es el fraude cibernético?",
        "how do I avoid scams?",
        "I gave my account number to my employer",
        "the app gave me a code but it expired",
        "puse mal mi contraseña tres veces",
        "my agent at the branch said to ask here",
        "quiero hablar de mi préstamo",
        "I'm not angry, just asking",
        "perdí el vuelo, ¿funciona mi tarjeta en el extranjero?",
        "no sé dónde ver mis movimientos",
        "the ATM stole my card, how do I get it back?",
        "I can't find my card number in the app",
        "I thought I lost my card but it was in my coat, can I unblock it?",
        "I took money out at another bank, why the fee?",
        "why won't the cash machine accept my pin?",
        "can I be given a new password?",
        "someone made a transfer to my account, when will it show?",
        "I don't have my card with me, can I pay by phone?",
        "disculpe la molestia, necesito un estado de cuenta",
        "I reported my card lost but then came across it in my bag",
    ] {
        assert_eq!(found(message), None, "{message}");
    }
    // "no sé dónde perdí mi tarjeta" is still a loss: "no sé" does not negate what follows.
    assert_eq!(found("no sé dónde perdí mi tarjeta"), Some(StolenCard));
    // "si me robaron" happened; "si me roban" has not.
    assert_eq!(found("sí, me robaron la tarjeta"), Some(StolenCard));
}

#[test]
fn self_harm_is_urgent() {
    let finding = detect(&Scan::new("ya no quiero vivir con estas deudas")).unwrap();
    assert_eq!((finding.category, finding.urgent), (Vulnerable, true));
}
