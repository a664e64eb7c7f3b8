//! Situations that need a person, found from word roles rather than fixed phrases: a loss or
//! theft of something that pays or unlocks; a transaction the customer disowns; credentials handed
//! to an impostor; someone else in the account; a dispute, complaint or legal threat; a request
//! for a person; anger; a customer in a vulnerable situation. A situation that is negated ("no me
//! han robado nada"), hypothetical ("¿qué hago si me roban la tarjeta?") or only asked about ("how
//! do I avoid fraud?") does not count. When in doubt the rules lean towards a person.

use super::Category;
use super::people;
use super::scan::Scan;
use super::words::*;

/// What the message is about, if it needs a person; `urgent` raises the priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub category: Category,
    pub urgent: bool,
}

impl Finding {
    pub(super) fn of(category: Category) -> Option<Finding> {
        Some(Finding { category, urgent: false })
    }
}

/// The first situation found, most urgent kinds first.
pub fn detect(s: &Scan) -> Option<Finding> {
    if s.has(SELF_HARM) && s.find(SELF_HARM).any(|i| !negated(s, i)) {
        return Some(Finding { category: Category::Vulnerable, urgent: true });
    }
    loss_or_theft(s)
        .or_else(|| social_engineering(s))
        .or_else(|| takeover_or_misuse(s))
        .or_else(|| disowned_transaction(s))
        .or_else(|| fraud_words(s))
        .or_else(|| people::vulnerable(s))
        .or_else(|| people::dispute(s))
        .or_else(|| people::legal(s))
        .or_else(|| people::complaint(s))
        .or_else(|| people::human(s))
        .or_else(|| people::anger(s))
}

/// A negation in the three words before `at` (same phrase), unless it is "no sé", "I don't
/// know", "not sure", which leave the rest of the sentence standing.
pub fn negated(s: &Scan, at: usize) -> bool {
    let phrase = s.words[at].phrase;
    (at.saturating_sub(3)..at).any(|j| {
        s.words[j].phrase == phrase
            && s.words[j].tags & NEG != 0
            && !s.words.get(j + 1).is_some_and(|n| n.tags & EPISTEMIC != 0 && j + 1 < at)
    })
}

/// A verb in the past, by its form: Spanish preterites ("robaron", "llamaste"), participles
/// after an auxiliary ("me han robado", "fue robada"), English "-ed" forms and common irregular
/// pasts.
fn is_past(s: &Scan, at: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "was", "were", "got", "lost", "stole", "stolen", "took", "taken", "gave", "given", "had", "did", "made",
        "left", "forgot", "came", "went", "saw", "told", "paid", "sent", "fue", "fueron", "hubo", "tuve", "dio",
        "dieron",
    ];
    const AUXILIARY: &[&str] =
        &["he", "ha", "han", "has", "hemos", "habia", "fue", "fueron", "sido", "was", "were", "been", "have", "had"];
    let word = &s.words[at];
    let w = word.text.as_str();
    let participle = w.len() > 4 && ["ado", "ada", "ido", "ida"].iter().any(|e| w.ends_with(e));
    word.tags & PAST != 0
        || IRREGULAR.contains(&w)
        || (w.len() > 4 && ["aron", "ieron", "aste", "iste", "ed"].iter().any(|e| w.ends_with(e)))
        || (participle && s.words[at.saturating_sub(2)..at].iter().any(|p| AUXILIARY.contains(&p.text.as_str())))
}

/// A hypothetical: "ever", "in case", "just asking" in the clause, or "if"/"si"/"cuando" before
/// `at` with a present tense between them ("if my card gets stolen", "si me roban") or no past
/// at all ("if someone calls asking for my PIN"); "si me robaron" and "if my card was stolen"
/// are real.
pub fn hypothetical(s: &Scan, at: usize) -> bool {
    if s.in_clause(at, HYPO) {
        return true;
    }
    let phrase = s.words[at].phrase;
    let from = at.saturating_sub(8);
    (from..at).any(|c| {
        s.words[c].phrase == phrase
            && s.words[c].tags & COND != 0
            && (s.words[c + 1..=at].iter().any(|w| w.tags & PRESENT != 0) || !(c + 1..=at).any(|j| is_past(s, j)))
    })
}

/// Neither negated nor hypothetical.
pub(super) fn real(s: &Scan, at: usize) -> bool {
    !negated(s, at) && !hypothetical(s, at)
}

fn loss_or_theft(s: &Scan) -> Option<Finding> {
    if !s.has(LOSE | STEAL | TAKE | GONE | LEAVE | MUGGED) {
        return None;
    }
    // "encontré mi tarjeta" takes back a loss (not a theft).
    let found = s.has(FOUND);
    let atm = s.has(ATM);
    for i in s.find(LOSE | STEAL | TAKE | GONE | LEAVE | MUGGED) {
        if !real(s, i) {
            continue;
        }
        let tags = s.words[i].tags;
        if tags & MUGGED != 0 {
            return Finding::of(Category::StolenCard);
        }
        if tags & STEAL != 0 && s.near(i, VALUABLE | CRED, 4, 6) {
            return Finding::of(Category::StolenCard);
        }
        if tags & STEAL != 0 && s.near(i, MONEY, 4, 6) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        // "the ATM took/kept my card" is a retained card, not a theft.
        if tags & TAKE != 0 && !atm && s.near(i, VALUABLE, 4, 5) {
            return Finding::of(Category::StolenCard);
        }
        if found {
            continue;
        }
        if tags & LOSE != 0 && s.near(i, VALUABLE, 4, 4) {
            return Finding::of(Category::StolenCard);
        }
        if tags & GONE != 0 && s.near(i, VALUABLE, 5, 4) {
            return Finding::of(Category::StolenCard);
        }
        // Left or forgotten somewhere public, or gone, or at an ATM.
        if tags & LEAVE != 0 && s.near(i, VALUABLE, 1, 4) && (s.has(GONE | STEAL | PLACE) || atm) {
            return Finding::of(Category::StolenCard);
        }
    }
    None
}

/// English "gave/told/shared" said of the customer: not "gave me", not "the app told".
fn customer_gave(s: &Scan, at: usize) -> bool {
    let next = s.words.get(at + 1).map(|w| w.text.as_str());
    if matches!(next, Some("me" | "us")) {
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
                | "someone"
                | "who"
                | "which"
                | "was"
                | "were"
                | "been"
        )
    })
}

fn social_engineering(s: &Scan) -> Option<Finding> {
    if s.has(SAFE_ACCOUNT) && !s.has(PREVENT) {
        return Finding::of(Category::SocialEngineering);
    }
    if s.has(REMOTE) && s.find(REMOTE).any(|i| real(s, i)) && !s.has(PREVENT) {
        return Finding::of(Category::SocialEngineering);
    }
    // A card handed to a stranger ("le di mi tarjeta a un desconocido que me ayudó").
    if s.has(SOMEONE) && s.find(GIVE).any(|i| real(s, i) && s.near(i, VALUABLE, 0, 4) && s.near(i, SOMEONE, 0, 8)) {
        return Finding::of(Category::SocialEngineering);
    }
    if !s.has(CRED) {
        return None;
    }
    for i in s.find(GIVE) {
        // "le pidió las coordenadas y se las mandé", "he wanted the code and I gave it to him": the
        // pronoun points back to a credential earlier in the clause.
        let next = s.words.get(i + 1).map(|w| w.text.as_str());
        let pronoun = s.words[i].text == "se" || matches!(next, Some("it" | "them"));
        let earlier = pronoun && s.near(i, CRED, 12, 0);
        if real(s, i) && customer_gave(s, i) && (s.near(i, CRED, 3, 7) || earlier) {
            return Finding::of(Category::SocialEngineering);
        }
    }
    if s.has(IMPOSTOR | LINK) {
        for i in s.find(ENTER) {
            if real(s, i) && s.near(i, CRED, 2, 6) {
                return Finding::of(Category::SocialEngineering);
            }
        }
    }
    if s.has(IMPOSTOR) {
        for i in s.find(ASKED) {
            if real(s, i) && s.near(i, CRED, 2, 6) {
                return Finding::of(Category::SocialEngineering);
            }
        }
    }
    None
}

/// Someone else in the account, or using the customer's card or money.
fn takeover_or_misuse(s: &Scan) -> Option<Finding> {
    for i in s.find(SOMEONE) {
        // Someone got into something of the bank's ("broke into my flat" is for the police).
        if real(s, i) && s.near(i, INTRUDE, 0, 4) && s.near(i, ACCOUNT | VALUABLE | MONEY | TXN | DETAIL, 0, 8) {
            let misuse = s.near(i, VALUABLE | MONEY | TXN, 0, 8);
            return Finding::of(if misuse { Category::UnrecognisedPayment } else { Category::AccountTakeover });
        }
    }
    let disowned = s.has(DISOWN | LOCKED_OUT);
    for i in s.find(CHANGED) {
        // "cambio de contraseña" is a noun: only with "yo no pedí" or "can't log in".
        let noun = s.words[i].text == "cambio";
        if real(s, i) && s.near(i, DETAIL, 3, 4) && (!noun || disowned) {
            return Finding::of(Category::AccountTakeover);
        }
    }
    // Codes, sign-ins or devices the customer did not ask for.
    if s.has(DEVICE | CRED) && s.find(DEVICE | CRED).any(|i| s.near(i, DISOWN, 8, 10) && !hypothetical(s, i)) {
        return Finding::of(Category::AccountTakeover);
    }
    None
}

/// A charge, payment or withdrawal the customer says is not theirs.
fn disowned_transaction(s: &Scan) -> Option<Finding> {
    for i in s.find(TXN | MONEY) {
        // "there's money missing", "me falta dinero"
        if s.words[i].tags & MONEY != 0 && s.near(i, GONE, 3, 3) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        if s.in_clause(i, DISOWN) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        if s.words[i].tags & TXN != 0 && s.near(i, STRANGE, 3, 3) {
            return Finding::of(Category::UnrecognisedPayment);
        }
        if s.words[i].tags & TXN != 0 && s.in_clause(i, SEEN) && s.in_clause(i, ELSEWHERE) && !hypothetical(s, i) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    // "a charge I didn't make", "un cobro que no hice", "I never made", "no autoricé nada".
    for i in s.find(ACT) {
        if !negated(s, i) || hypothetical(s, i) {
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
                | "recognise"
                | "autorice"
                | "authorize"
                | "authorise"
                | "authorized"
                | "authorised"
        );
        let txn_anywhere = s.has(TXN | MONEY);
        if (txn_anywhere && (txn_before || pointed || never || disowning)) || (disowning && (pointed || s.len() <= 4)) {
            return Finding::of(Category::UnrecognisedPayment);
        }
    }
    None
}

/// A clause that opens by asking what something is: "¿qué es el phishing?".
fn defining(s: &Scan, at: usize) -> bool {
    let clause = s.words[at].clause;
    s.words.iter().position(|w| w.clause == clause).is_some_and(|first| {
        let skip =
            matches!(s.words[first].text.as_str(), "y" | "and" | "pero" | "but" | "hola" | "hi" | "so" | "entonces");
        let lead = first + usize::from(skip);
        lead < at && s.words[lead].tags & DEFINE != 0
    })
}

fn fraud_words(s: &Scan) -> Option<Finding> {
    if s.has(VICTIM) {
        return Finding::of(Category::Fraud);
    }
    if s.has(FRAUD) && !s.has(PREVENT) && s.find(FRAUD).any(|i| real(s, i) && !defining(s, i)) {
        return Finding::of(Category::Fraud);
    }
    None
}

#[cfg(test)]
mod tests {
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
}
