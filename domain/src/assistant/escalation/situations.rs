//! Situations that need a person, found from word roles rather than fixed phrases: a loss or
//! theft of something that pays or unlocks; a transaction the customer disowns; credentials handed
//! to an impostor; someone else in the account; a dispute, complaint or legal threat; a request
//! for a person; anger; a customer in a vulnerable situation. A situation that is negated ("no me
//! han robado nada"), hypothetical ("¿qué hago si me roban la tarjeta?") or only asked about ("how
//! do I avoid fraud?") does not count. When in doubt the rules lean towards a person.

use super::Category;
use super::anger;
use super::complaint;
use super::despair;
use super::disputes;
use super::legal;
use super::loss;
use super::people;
use super::retraction;
use super::scan::{Scan, Word};
use super::social;
use super::takeover;
use super::transactions::disowned_transaction;
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
    // "i can't see a way out of my overdraft": a way out of a named debt, not out of everything.
    let out_of_a_thing = |i: usize| {
        (i + 1..(i + 6).min(s.len())).any(|j| {
            matches!((s.text(j), s.text(j + 1)), ("out", "of") | ("salida", "de" | "a"))
                && matches!(s.text(j + 2), "my" | "the" | "mi" | "mis" | "la" | "el" | "las" | "los")
        })
    };
    // "i hate not waking up on time for work": a schedule, not a wish.
    // ("i don't want to wake up to a low balance": what to wake up to, not whether.)
    let schedule = |i: usize| {
        (i + 1..(i + 6).min(s.len())).any(|j| {
            matches!((s.text(j), s.text(j + 1)), ("on" | "in" | "a", "time" | "tiempo"))
                || (s.text(j) == "up"
                    && s.text(j + 1) == "to"
                    && matches!(s.text(j + 2), "a" | "an" | "the" | "my" | "bad" | "more" | "another" | "no"))
                || s.text(j) == "early"
                || s.text(j) == "temprano"
        })
    };
    // "i can't cope with paperwork, can i get statements by email only?": a chore, beside a question.
    let chore = |i: usize| {
        const CHORES: &[&str] = &["paperwork", "paper", "form", "technolog", "computer", "app", "queue", "letter"];
        let mundane = |j: usize| s.words[j].starts_with_any(CHORES);
        (i + 1..(i + 4).min(s.len())).any(|j| s.text(j) == "with" && (j + 1..(j + 3).min(s.len())).any(mundane))
            && (0..s.len()).any(|k| {
                opens_question(s, k)
                    || s.starts_phrase(k)
                        && matches!((s.text(k), s.text(k + 1)), ("can" | "could" | "do" | "is", "i" | "you" | "there"))
            })
    };
    let harm = |i: usize| (!negated(s, i) || nobody(i)) && !out_of_a_thing(i) && !schedule(i) && !chore(i);
    if (s.has(SELF_HARM) && s.find(SELF_HARM).any(harm)) || despair::no_reason_to_live(s) {
        return Some(Finding { category: Category::Vulnerable, urgent: true });
    }
    let misuse =
        loss::loss_or_theft(s).or_else(|| social::social_engineering(s)).or_else(|| takeover::takeover_or_misuse(s));
    // Money taken or spent by someone, in a message that also says "fraud", is reported as fraud.
    let misuse = match misuse.or_else(|| disowned_transaction(s)) {
        Some(f) if f.category == Category::UnrecognisedPayment => fraud_words(s).or(Some(f)),
        other => other,
    };
    let found = misuse
        .or_else(|| fraud_words(s))
        .or_else(|| vulnerability::vulnerable(s))
        .or_else(|| disputes::dispute(s))
        .or_else(|| legal::legal(s))
        .or_else(|| complaint::complaint(s))
        .or_else(|| people::human(s))
        .or_else(|| anger::anger(s));
    // A dispute taken back a moment later ("¿dos veces? no, perdón, eran dos meses"); a complaint is
    // not ("third time, never mind, i'll go to the branch" gives up, it does not take back).
    found.filter(|f| f.category != Category::Dispute || !retraction::taken_back(s))
}

/// A negation in the three words before `at` (same phrase), unless it is "no sé", "I don't
/// know", "not sure", which leave the rest of the sentence standing.
pub fn negated(s: &Scan, at: usize) -> bool {
    let phrase = s.words[at].phrase;
    // ("…que no pedí y quiero una compensación": an "and" ends what the "no" denies.)
    let joined = |j: usize| (j + 1..at).any(|k| matches!(s.text(k), "y" | "and" | "pero" | "but"));
    (at.saturating_sub(3)..at).any(|j| {
        s.words[j].phrase == phrase
            && s.words[j].tags & NEG != 0
            && !s.words.get(j + 1).is_some_and(|n| n.tags & EPISTEMIC != 0 && j + 1 < at)
            && !joined(j)
    })
}

/// A verb in the past, by its form: Spanish preterites ("robaron", "llamaste"), participles
/// after an auxiliary ("me han robado", "fue robada"), English "-ed" forms and common irregular
/// pasts.
pub(super) fn is_past(s: &Scan, at: usize) -> bool {
    const IRREGULAR: &[&str] = &[
        "was", "were", "got", "lost", "stole", "stolen", "took", "taken", "gave", "given", "had", "did", "made",
        "left", "forgot", "came", "went", "saw", "told", "paid", "sent", "fue", "fueron", "hubo", "tuve", "dio",
        "dijo", "dijeron", "hizo", "dieron", "volvi", "regrese", "habia", "tenia", "sali", "fui",
    ];
    // "¿existe la opción…?", "insiste", "consiste": present tenses that end like a past ("hiciste").
    const PRESENT_IN_ISTE: &[&str] = &["existe", "insiste", "consiste", "asiste", "resiste", "persiste"];
    const AUXILIARY: &[&str] =
        &["he", "ha", "han", "has", "hemos", "habia", "fue", "fueron", "sido", "was", "were", "been", "have", "had"];
    let word = &s.words[at];
    let w = word.text.as_str();
    let participle = w.len() > 4 && ["ado", "ada", "ido", "ida"].iter().any(|e| w.ends_with(e));
    word.tags & PAST != 0
        || IRREGULAR.contains(&w)
        || (w.len() > 4
            && ["aron", "ieron", "aste", "iste", "ed", "aba", "aban"].iter().any(|e| w.ends_with(e))
            && !PRESENT_IN_ISTE.contains(&w))
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
            || matches!(w.text.as_str(), "what's" | "whats" | "where's" | "wheres" | "how's")
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
    // "what should i do if i think my card has been cloned? just asking": the customer's own card
    // inside a supposition is still no card in particular.
    let supposed = |k: usize| (0..k).any(|c| s.words[c].clause == clause && s.words[c].tags & COND != 0);
    if !(s.in_clause(at, PROCESS) || opens_question(s, at))
        || (0..s.len()).any(|k| s.words[k].clause == clause && own(s.text(k)) && !supposed(k))
    {
        return false;
    }
    let later = || (0..s.len()).filter(move |&i| s.words[i].clause > clause);
    // "es para tener el número a la mano", "solo quiero saber el proceso", "es para saberlo, no me ha
    // pasado nada": asked to know, and nothing has happened.
    let preparing = |i: usize| {
        (s.words[i].text == "para" && s.words.get(i + 1).is_some_and(|n| n.starts_with_any(&["tener", "saber"])))
            || matches!(s.words[i].text.as_str(), "proceso" | "process")
            || (s.text(i) == "later" && s.text(i.wrapping_sub(1)) == "for")
            || (matches!(s.text(i), "pasado" | "paso" | "happened") && negated(s, i))
    };
    !later().any(|i| s.words[i].tags & EVENT != 0) && later().any(|i| hypothetical_word(s, i) || preparing(i))
}

/// Word `i` makes its clause a hypothetical ("ever", "in case", "would"), except "would like",
/// "would you", which are politeness, "why would", which asks about something real, "they told me
/// my account would be closed", which reports what was said, and "ever" after a negation.
pub fn hypothetical_word(s: &Scan, i: usize) -> bool {
    let would = s.words[i].text == "would";
    let clause = s.words[i].clause;
    // ("…a company that said it would fix my credit score": a promise reported, in the past.)
    let said = |w: &str| matches!(w, "told" | "said" | "promised" | "claimed");
    let reported = || s.words[..i].iter().any(|w| w.clause == clause && (w.tags & TOLD != 0 || said(&w.text)));
    s.words[i].tags & HYPO != 0
        && !(would
            && s.words.get(i + 1).is_some_and(|n| matches!(n.text.as_str(), "like" | "love" | "you" | "appreciate")))
        && !(would && i > 0 && s.words[i - 1].text == "why")
        && !(would && reported())
        // "i haven't been to spain ever", "never ever": a denial made stronger, not a supposition
        // (not "a transaction I don't recognize, if it ever happens").
        && !(s.words[i].text == "ever"
            && s.words[..i].iter().any(|w| w.clause == clause && w.tags & NEG != 0)
            && !s.words.iter().any(|w| w.clause == clause && w.tags & COND != 0))
}

/// Neither negated nor hypothetical.
pub fn real(s: &Scan, at: usize) -> bool {
    !negated(s, at) && !hypothetical(s, at)
}

/// `at`'s clause opens as a yes/no question about what would happen: "will i be charged twice if…?",
/// "would i get charged…", "¿me van a cobrar…?".
pub(super) fn asks_what_would(s: &Scan, at: usize) -> bool {
    let clause = s.words[at].clause;
    let first = (0..s.len()).find(|&j| s.words[j].clause == clause).unwrap_or(at);
    matches!((s.text(first), s.text(first + 1)), ("will" | "would" | "could" | "might", "i" | "we" | "you" | "it"))
        || matches!((s.text(first), s.text(first + 1), s.text(first + 2)), ("me" | "nos", "van", "a"))
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

/// A word saying the app or a statement shows something: "shows", "listed", "the app said".
pub(super) fn reporting(w: &Word) -> bool {
    w.tags & SEEN != 0
        || matches!(w.text.as_str(), "says" | "said" | "dice" | "decia" | "statement" | "listed" | "displaying")
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
    // "¿cómo funciona la protección contra fraude?", "fraud protection": a safeguard, not a fraud.
    let safeguard = |i: usize| s.near(i, SHIELD, 3, 1);
    // "how do i know if a card reader has a skimmer", "¿cómo sé si es un fraude?": how to tell, asked
    // of nothing in particular ("how do i know if this charge is fraud?" points at one).
    let telling = |i: usize| {
        opens_question(s, i)
            && (0..i).any(|k| {
                s.words[k].clause == s.words[i].clause
                    && matches!(s.text(k), "know" | "tell" | "spot" | "check" | "se" | "saber" | "detectar")
                    && matches!(s.text(k + 1), "if" | "si" | "whether")
            })
            && !told_in_past(s)
            && !s.words.iter().any(|w| w.is_number() || w.tags & POINTER != 0)
    };
    // "is it fraud if my friend uses my card with my permission?": whether a case supposed counts.
    let whether = |i: usize| {
        let clause = s.words[i].clause;
        let first = (0..s.len()).find(|&j| s.words[j].clause == clause).unwrap_or(i);
        // (Not "is it fraud if someone used my card yesterday…?": the case told as past.)
        let when = |j: usize| matches!(s.text(j), "yesterday" | "ayer" | "anoche" | "used");
        let told = (i + 1..s.len()).any(|j| s.words[j].clause == clause && (is_past(s, j) || when(j)));
        matches!((s.text(first), s.text(first + 1)), ("is" | "would", "it" | "this" | "that"))
            && (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & COND != 0)
            && !told
    };
    // ("how do i know if i've been defrauded? just asking": how to tell, of nothing that happened.)
    // ("i was scammed years ago at another bank, how do i know a message is really from you?": long
    // past.)
    if s.find(VICTIM).any(|i| real(s, i) && !telling(i) && !long_past(s, i, 1) && !dealt_with(s, i)) {
        return Finding::of(Category::Fraud);
    }
    // ("my savings account was emptied into my current account as i asked": into the customer's own.)
    let as_asked = s.words.windows(2).any(|p| p[0].text == "i" && matches!(p[1].text.as_str(), "asked" | "requested"));
    let into_mine = |i: usize| {
        as_asked && (i + 1..(i + 4).min(s.len())).any(|j| matches!((s.text(j), s.text(j + 1)), ("into" | "to", "my")))
    };
    let counts = |i: usize| {
        real(s, i)
            && !into_mine(i)
            && !defining(s, i)
            && !safeguard(i)
            && !attempt_only(s, i)
            && !telling(i)
            && !whether(i)
            && !dealt_with(s, i)
            && !long_past(s, i, 1)
    };
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
        "que", "puedo", "puede", "pueden", "hay", "donde", "cuando", "cual", "cuanto", "cuanta", "es", "se", "what's",
        "whats", "where's", "how's", "who's",
    ];
    let opener = scan.words.iter().map(|w| w.text.as_str()).find(|w| !GREETING.contains(w));
    opener.is_some_and(|w| QUESTION.contains(&w))
        && !told_in_past(scan)
        && !scan.words.iter().any(|w| w.is_number() || w.tags & POINTER != 0)
}

mod past;
#[cfg(test)]
mod tests;

pub(super) use past::{dealt_with, long_past};

/// Someone told or asked the customer something, really: "told me to", or "told me… and to move"
/// ("a 'police officer' told me my bank staff are corrupt and to move my money…").
pub(super) fn told_so(s: &Scan) -> bool {
    let said = |i: usize| matches!(s.text(i), "told" | "said" | "dijo" | "dijeron") && s.text(i + 1) != "you";
    s.find(TOLD).any(|i| real(s, i)) || (0..s.len()).any(|i| said(i) && real(s, i))
}

/// A relative is named ("my uncle", "mi hermano"): a family word, not the account's "owner" or
/// "holder", which share its tag.
pub(super) fn relative_named(s: &Scan) -> bool {
    s.words.iter().any(|w| w.tags & FAMILY != 0 && !matches!(w.text.as_str(), "owner" | "titular" | "holder"))
}

/// A man or a woman, unnamed: "a man at the door", "un señor en el cajero".
pub(super) fn a_person(w: &str) -> bool {
    matches!(w, "man" | "woman" | "guy" | "lady" | "senor" | "senora")
}
