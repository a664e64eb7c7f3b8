//! Situations that need a person, found from word roles rather than fixed phrases: a loss or
//! theft of something that pays or unlocks; a transaction the customer disowns; credentials handed
//! to an impostor; someone else in the account; a dispute, complaint or legal threat; a request
//! for a person; anger; a customer in a vulnerable situation. A situation that is negated ("no me
//! han robado nada"), hypothetical ("¿qué hago si me roban la tarjeta?") or only asked about ("how
//! do I avoid fraud?") does not count. When in doubt the rules lean towards a person.

use super::Category;
use super::despair;
use super::people;
use super::retraction;
use super::scan::{Scan, Word};
use super::social;
use super::takeover;
use super::transactions::{by_customer, disowned_transaction};
use super::vulnerability;
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
    // "nobody would care if I was gone": "nobody" is the despair, not a denial.
    let nobody =
        |i: usize| s.words[i.saturating_sub(3)..i].iter().any(|w| matches!(w.text.as_str(), "nobody" | "nadie"));
    if (s.has(SELF_HARM) && s.find(SELF_HARM).any(|i| !negated(s, i) || nobody(i))) || despair::no_reason_to_live(s) {
        return Some(Finding { category: Category::Vulnerable, urgent: true });
    }
    let misuse = loss_or_theft(s).or_else(|| social::social_engineering(s)).or_else(|| takeover::takeover_or_misuse(s));
    // Money taken or spent by someone, in a message that also says "fraud", is reported as fraud.
    let misuse = match misuse.or_else(|| disowned_transaction(s)) {
        Some(f) if f.category == Category::UnrecognisedPayment => fraud_words(s).or(Some(f)),
        other => other,
    };
    let found = misuse
        .or_else(|| fraud_words(s))
        .or_else(|| vulnerability::vulnerable(s))
        .or_else(|| people::dispute(s))
        .or_else(|| people::legal(s))
        .or_else(|| people::complaint(s))
        .or_else(|| people::human(s))
        .or_else(|| people::anger(s));
    // A dispute taken back a moment later ("¿dos veces? no, perdón, eran dos meses"); a complaint is
    // not ("third time, never mind, i'll go to the branch" gives up, it does not take back).
    found.filter(|f| f.category != Category::Dispute || !retraction::taken_back(s))
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
pub(super) fn is_past(s: &Scan, at: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "was", "were", "got", "lost", "stole", "stolen", "took", "taken", "gave", "given", "had", "did", "made",
        "left", "forgot", "came", "went", "saw", "told", "paid", "sent", "fue", "fueron", "hubo", "tuve", "dio",
        "hizo", "dieron", "volvi", "regrese", "habia", "tenia", "sali", "fui",
    ];
    const AUXILIARY: &[&str] =
        &["he", "ha", "han", "has", "hemos", "habia", "fue", "fueron", "sido", "was", "were", "been", "have", "had"];
    let word = &s.words[at];
    let w = word.text.as_str();
    let participle = w.len() > 4 && ["ado", "ada", "ido", "ida"].iter().any(|e| w.ends_with(e));
    word.tags & PAST != 0
        || IRREGULAR.contains(&w)
        || (w.len() > 4 && ["aron", "ieron", "aste", "iste", "ed", "aba", "aban"].iter().any(|e| w.ends_with(e)))
        || (participle && s.words[at.saturating_sub(2)..at].iter().any(|p| AUXILIARY.contains(&p.text.as_str())))
}

/// Some verb of the message is in the past: something happened.
pub(super) fn told_in_past(s: &Scan) -> bool {
    (0..s.len()).any(|j| is_past(s, j))
}

/// A hypothetical: "ever", "in case", "just asking" in the clause, or "if"/"si"/"cuando" before
/// `at` with a present tense between them ("if my card gets stolen", "si me roban") or no past
/// at all ("if someone calls asking for my PIN"); "si me robaron" and "if my card was stolen"
/// are real.
pub fn hypothetical(s: &Scan, at: usize) -> bool {
    if hypothetical_clause(s, at) || asked_ahead(s, at) {
        return true;
    }
    let phrase = s.words[at].phrase;
    let from = at.saturating_sub(8);
    // "when i checked there are 4 payments that aren't mine": "when" with a past verb first is a
    // time that came, not a supposition.
    let came = |c: usize| {
        matches!(s.words[c].text.as_str(), "when" | "cuando")
            && (c + 1..=at).find(|&j| s.words[j].tags & PRESENT != 0 || is_past(s, j)).is_some_and(|j| is_past(s, j))
    };
    (from..at).any(|c| {
        s.words[c].phrase == phrase
            && s.words[c].tags & COND != 0
            && !came(c)
            && (s.words[c + 1..=at].iter().any(|w| w.tags & PRESENT != 0) || !(c + 1..=at).any(|j| is_past(s, j)))
    })
}

/// A word in `at`'s clause makes it a hypothetical ("ever", "in case", "just asking").
pub(super) fn hypothetical_clause(s: &Scan, at: usize) -> bool {
    let clause = s.words[at].clause;
    (0..s.len()).any(|i| s.words[i].clause == clause && hypothetical_word(s, i))
}

/// `at`'s clause opens with a question word: "what", "how", "dónde", "cuál".
pub(super) fn opens_question(s: &Scan, at: usize) -> bool {
    let clause = s.words[at].clause;
    s.words.iter().find(|w| w.clause == clause).is_some_and(|w| {
        matches!(w.text.as_str(), "que" | "what" | "como" | "how" | "donde" | "where" | "cual" | "which")
    })
}

/// "¿cómo reporto una tarjeta perdida? es para tener el número a la mano", "how do I report a lost
/// card? just asking": a question about how, of no card of the customer's in particular, followed
/// by sentences that only say it is asked ahead of time, with nothing happening in them.
pub(super) fn asked_ahead(s: &Scan, at: usize) -> bool {
    const EVENT: Tags =
        LOSE | STEAL | TAKE | GONE | LEAVE | MUGGED | TXN | CRED | VALUABLE | MONEY | SOMEONE | INTRUDE | FRAUD;
    let clause = s.words[at].clause;
    let own = |w: &str| matches!(w, "mi" | "mis" | "my" | "our" | "nuestra" | "nuestro");
    if !(s.in_clause(at, PROCESS) || opens_question(s, at))
        || s.words.iter().any(|w| w.clause == clause && own(&w.text))
    {
        return false;
    }
    let later = || (0..s.len()).filter(move |&i| s.words[i].clause > clause);
    // "es para tener el número a la mano", "solo quiero saber el proceso".
    let preparing = |i: usize| {
        (s.words[i].text == "para" && s.words.get(i + 1).is_some_and(|n| n.text.starts_with("tener")))
            || matches!(s.words[i].text.as_str(), "proceso" | "process")
    };
    !later().any(|i| s.words[i].tags & EVENT != 0) && later().any(|i| hypothetical_word(s, i) || preparing(i))
}

/// Word `i` makes its clause a hypothetical ("ever", "in case", "would"), except "would like",
/// "would you", which are politeness, "why would", which asks about something real, and "they told
/// me my account would be closed", which reports what was said.
pub fn hypothetical_word(s: &Scan, i: usize) -> bool {
    let would = s.words[i].text == "would";
    let clause = s.words[i].clause;
    let reported = || s.words[..i].iter().any(|w| w.clause == clause && (w.tags & TOLD != 0 || w.text == "told"));
    s.words[i].tags & HYPO != 0
        && !(would
            && s.words.get(i + 1).is_some_and(|n| matches!(n.text.as_str(), "like" | "love" | "you" | "appreciate")))
        && !(would && i > 0 && s.words[i - 1].text == "why")
        && !(would && reported())
}

/// Neither negated nor hypothetical.
pub fn real(s: &Scan, at: usize) -> bool {
    !negated(s, at) && !hypothetical(s, at)
}

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
        // "¿cómo funciona el seguro contra robo?", "theft insurance": what a cover is against.
        // "do you have insurance for cards stolen from a locker": what it covers, named after it.
        let cover_for = (i.saturating_sub(4)..i).any(|c| {
            s.words[c].tags & COVER != 0
                && s.words.get(c + 1).is_some_and(|n| matches!(n.text.as_str(), "for" | "para" | "contra" | "against"))
        });
        // "does home insurance cover cards lost in a fire": what a cover pays for.
        if tags & (STEAL | LOSE) != 0 && (s.near(i, COVER, 2, 1) || cover_for) {
            continue;
        }
        // "me robaron la atención sus nuevas tasas", "stole my heart": a figure of speech.
        let figure = (i + 1..(i + 4).min(s.len())).any(|j| {
            matches!(s.words[j].text.as_str(), "atencion" | "attention" | "corazon" | "heart" | "show" | "spotlight")
        });
        if tags & (STEAL | MUGGED) != 0 && figure {
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
        // "a guy took remote control of my laptop" is remote access, told further on.
        if tags & TAKE != 0 && s.near(i, REMOTE, 0, 2) {
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
        if tags & TAKE != 0 && !atm && valuable_near(s, i, 4, 5) {
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
        let amount =
            (i + 1..(i + 3).min(s.len())).any(|j| digits(j) && (s.near(i, ACCOUNT, 0, 5) || (they && money_after(j))));
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
        if found {
            continue;
        }
        if tags & LOSE != 0 && valuable_near(s, i, 4, 4) {
            return Finding::of(Category::StolenCard);
        }
        // "no sé dónde quedó mi tarjeta".
        if tags & GONE != 0 && valuable_near(s, i, 5, 5) {
            return Finding::of(Category::StolenCard);
        }
        // "my card was in my jacket at the cloakroom and now it's gone": gone, pointing back to it.
        let pointing_back = || {
            (i >= 1 && matches!(s.text(i - 1), "it's" | "its"))
                || (i >= 2 && s.text(i - 2) == "it" && matches!(s.text(i - 1), "is" | "was" | "s"))
        };
        if tags & GONE != 0 && pointing_back() && (0..i).any(|j| s.words[j].tags & VALUABLE != 0) {
            return Finding::of(Category::StolenCard);
        }
        // Left or forgotten somewhere public, or gone, or at an ATM.
        // "el cajero se quedó con mi tarjeta" is a retained card.
        // "my card got left in a cab": the card named before.
        if tags & LEAVE != 0 && !by_atm && valuable_near(s, i, 3, 4) && (s.has(GONE | STEAL | PLACE) || atm) {
            return Finding::of(Category::StolenCard);
        }
    }
    None
}

/// A clause that opens by asking what something is: "¿qué es el phishing?".
pub(super) fn defining(s: &Scan, at: usize) -> bool {
    let clause = s.words[at].clause;
    s.words.iter().position(|w| w.clause == clause).is_some_and(|first| {
        let skip =
            matches!(s.words[first].text.as_str(), "y" | "and" | "pero" | "but" | "hola" | "hi" | "so" | "entonces");
        let lead = first + usize::from(skip);
        lead < at && s.words[lead].tags & DEFINE != 0
    })
}

/// A way a message reaches the customer: "correo", "SMS", "call", "llamada".
pub(super) fn message_word(word: &str) -> bool {
    matches!(
        word,
        "correo" | "email" | "mail" | "mensaje" | "message" | "text" | "sms" | "whatsapp" | "call" | "llamada"
    )
}

/// "how do I report a scam website pretending to be you? I didn't enter anything": a scam page, call
/// or message that reached the customer, who did nothing with it and lost nothing.
fn attempt_only(s: &Scan, at: usize) -> bool {
    let lure = (at.saturating_sub(2)..(at + 3).min(s.len()))
        .any(|j| s.words[j].tags & LINK != 0 || message_word(&s.words[j].text));
    let clicked = |j: usize| s.words[j].text.starts_with("cli") && real(s, j);
    let acted = s.find(ENTER | GIVE | REPLY).any(|j| real(s, j)) || s.find(LINK).any(clicked);
    lure && !acted && !s.has(TXN | MONEY | CRED | SOMEONE)
}

fn fraud_words(s: &Scan) -> Option<Finding> {
    if s.has(VICTIM) {
        return Finding::of(Category::Fraud);
    }
    // "¿cómo funciona la protección contra fraude?", "fraud protection": a safeguard, not a fraud.
    let safeguard = |i: usize| s.near(i, SHIELD, 3, 1);
    let counts = |i: usize| real(s, i) && !defining(s, i) && !safeguard(i) && !attempt_only(s, i);
    if s.has(FRAUD) && !s.has(PREVENT) && s.find(FRAUD).any(counts) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// A message that opens with a question word, tells of nothing in the past and points at nothing
/// in particular (no amount, no "this"): "is there a deadline to dispute a charge?", "¿hay un número
/// para hablar con un asesor?"; "what is this 89.99 from APPLE.COM" points at a charge.
pub(super) fn only_asks(scan: &Scan) -> bool {
    const GREETING: &[&str] = &["hola", "hi", "hello", "hey", "oye", "buenas", "buenos", "dias", "tardes"];
    const QUESTION: &[&str] = &[
        "how", "what", "can", "could", "is", "are", "do", "does", "where", "when", "which", "who", "should", "como",
        "que", "puedo", "puede", "pueden", "hay", "donde", "cuando", "cual", "cuanto", "cuanta", "es", "se",
    ];
    let opener = scan.words.iter().map(|w| w.text.as_str()).find(|w| !GREETING.contains(w));
    opener.is_some_and(|w| QUESTION.contains(&w))
        && !told_in_past(scan)
        && !scan.words.iter().any(|w| w.is_number() || w.tags & POINTER != 0)
}

#[cfg(test)]
mod tests;
