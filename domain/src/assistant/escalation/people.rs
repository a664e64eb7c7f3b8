//! Situations about the person more than the money: a request for a person (a complaint is in
//! `complaint.rs`, anger in `anger.rs`, a legal threat in `legal.rs`, a dispute in `disputes.rs`, a
//! vulnerable customer in `vulnerability.rs`).

use super::Category;
use super::scan::Scan;
use super::situations::{Finding, negated, only_asks, opens_question, real, told_in_past};
use super::words::*;

/// "human resources", "recursos humanos" are not people to talk to.
fn is_person(s: &Scan, at: usize) -> bool {
    let w = &s.words[at];
    w.tags & (HUMAN | REAL_HUMAN) != 0
        && s.words.get(at + 1).is_none_or(|n| n.text != "resources")
        && !(at > 0 && s.words[at - 1].text == "recursos")
}

fn person_within(s: &Scan, at: usize, after: usize) -> bool {
    let phrase = s.words[at].phrase;
    (at + 1..(at + 1 + after).min(s.len())).any(|j| s.words[j].phrase == phrase && is_person(s, j))
}

/// "I need a human", "quiero una persona real": the wish goes straight to a person.
fn wants_person(s: &Scan, at: usize) -> bool {
    const FILLER: &[&str] =
        &["a", "an", "the", "un", "una", "real", "actual", "live", "otra", "another", "de", "verdad"];
    for j in at + 1..(at + 4).min(s.len()) {
        if is_person(s, j) {
            return true;
        }
        if !FILLER.contains(&s.words[j].text.as_str()) {
            return false;
        }
    }
    false
}

/// "quiero que alguien me explique", "i want someone to call me": someone, to do it for the customer.
fn someone_to(s: &Scan, at: usize) -> bool {
    let es = (s.text(at + 1), s.text(at + 2), s.text(at + 3)) == ("que", "alguien", "me");
    // ("i'd like a human to look at my case": a person named after "a".)
    let who = |k: usize| {
        matches!(s.text(k), "someone" | "somebody") && k == at + 1
            || matches!(s.text(k - 1), "a" | "an") && matches!(s.text(k), "human" | "person" | "agent" | "advisor")
    };
    let en = (at + 1..at + 5).any(|k| {
        who(k)
            && s.text(k + 1) == "to"
            && matches!(s.text(k + 2), "explain" | "call" | "contact" | "review" | "look" | "check" | "tell" | "help")
    });
    es || en
}

/// Words that are people only after "talk to": "someone", "gente".
fn vague_person(word: &str) -> bool {
    matches!(word, "alguien" | "someone" | "somebody" | "people" | "gente" | "team" | "persona" | "person")
}

/// "¿hay un número de whatsapp para hablar con un asesor?", "what number do I call to speak to an
/// agent", "¿hay sucursales abiertas el domingo para que me atienda alguien?": asking for the way
/// to reach a person, which the contact article answers.
fn asks_the_way(s: &Scan, at: usize) -> bool {
    let phrase = s.words[at].phrase;
    let branch = |w: &str| matches!(w, "sucursal" | "sucursales" | "branch" | "branches" | "oficina" | "oficinas");
    let way = |j: usize| s.words[j].phrase == phrase && (s.words[j].tags & CHANNEL != 0 || branch(&s.words[j].text));
    let to = (at.saturating_sub(3)..at).rev().find(|&k| matches!(s.words[k].text.as_str(), "para" | "to"));
    // "how do i contact your collections team…?": a department's contact, asked (not a person's).
    let team = (at..(at + 5).min(s.len()))
        .any(|j| s.words[j].phrase == phrase && matches!(s.text(j), "team" | "department" | "departamento"));
    let how = matches!(clause_opening(s, at), (Some("how" | "como"), _));
    to.is_some_and(|k| (k.saturating_sub(7)..k).any(way)) || how && team
}

/// The first two words of `at`'s clause.
pub(super) fn clause_opening(s: &Scan, at: usize) -> (Option<&str>, Option<&str>) {
    let clause = s.words[at].clause;
    let mut words = s.words.iter().filter(|w| w.clause == clause).map(|w| w.text.as_str());
    (words.next(), words.next())
}

/// "is this chat with a human being?", "am I talking to a real person?", "is the chat a human being or a
/// bot?": whether this chat is a person, asked (the assistant says what it is, and offers one).
fn asks_if_human(s: &Scan, at: usize) -> bool {
    // "is it possible to get a callback from an actual person" asks for one.
    let possible = s.words.iter().any(|w| w.clause == s.words[at].clause && w.text == "possible");
    // "is there a real person who reads these chats or is it all automated?": who is behind the chat.
    let behind = s.words.iter().any(|w| {
        w.clause == s.words[at].clause
            && matches!(
                w.text.as_str(),
                "automated" | "automatic" | "automatico" | "automatizado" | "reads" | "lee" | "leen"
            )
    });
    let is_there = matches!(clause_opening(s, at), (Some("is"), Some("there")) | (Some("hay"), _)) && behind;
    let this_chat = matches!(
        clause_opening(s, at),
        (Some("is"), Some("this" | "it"))
            | (Some("am"), Some("i"))
            | (Some("are"), Some("you"))
            | (Some("eres"), _)
            | (Some("estoy"), Some("hablando" | "chateando"))
    ) || matches!(clause_opening(s, at), (Some("is" | "es"), Some("the" | "el")))
        && s.words.iter().any(|w| matches!(w.text.as_str(), "chat" | "bot" | "assistant" | "asistente"));
    !possible && (this_chat || is_there)
}

/// Whether the message asks only whether this chat is a person ("is this chat with a human being"),
/// wanting nothing.
pub(super) fn asks_what_the_chat_is(s: &Scan) -> bool {
    s.has(REAL_HUMAN) && s.find(REAL_HUMAN).all(|i| asks_if_human(s, i)) && !s.has(WANT | UPSET | INSULT)
}

/// "what hours can I talk to an agent", "¿a qué hora puedo hablar con un asesor?": when a person can
/// be reached, asked (the contact article answers).
fn asks_when(s: &Scan, at: usize) -> bool {
    matches!(
        clause_opening(s, at),
        (Some("what" | "which"), Some("hours" | "time" | "times" | "days"))
            | (Some("a" | "en"), Some("que"))
            | (Some("when"), Some("can" | "do" | "does" | "is" | "are"))
            | (Some("cuando" | "horario" | "horarios"), _)
            | (Some("how"), Some("long"))
    ) && !told_in_past(s)
}

pub(super) fn human(s: &Scan) -> Option<Finding> {
    // "can i speak to someone in person at the branch without an appointment?": the branch's
    // service, asked about.
    // "is there a real person i can talk to if i have questions about a mortgage later?", "can a
    // manager call me back tomorrow about my mortgage renewal?": for later.
    let later = |w: &str| {
        matches!(
            w,
            "branch" | "sucursal" | "later" | "future" | "adelante" | "despues" | "tomorrow" | "next" | "proxima"
        )
    };
    // "¿a qué hora abre la sucursal? quiero hablar con el gerente sobre un crédito": met at the branch.
    let branch = |w: &str| matches!(w, "branch" | "sucursal");
    let visit = s.words.iter().any(|w| branch(&w.text)) && (0..s.len()).any(|i| s.starts_clause(i) && asks_when(s, i));
    // "¿la aplicación tiene chat con una persona?": whether the service has one, asked.
    let has = |w: &str| matches!(w, "tiene" | "tienen" | "hay" | "has" | "have" | "offer" | "ofrecen" | "existe");
    let channel =
        |w: &str| matches!(w, "chat" | "app" | "aplicacion" | "line" | "linea" | "option" | "opcion" | "website");
    let has_one = !told_in_past(s)
        && !s.has(WANT | UPSET | INSULT)
        && s.words.iter().any(|w| has(&w.text))
        && s.words.iter().any(|w| channel(&w.text));
    let service_asked = (only_asks(s) && s.words.iter().any(|w| later(&w.text))) || has_one || visit;
    // ("the bank manager promised to call me about my loan, when should i expect it?": a call promised.)
    let promised = |i: usize| {
        (i.saturating_sub(3)..i).any(|j| s.words[j].starts_with_any(&["promised", "prometi"]))
            && (i + 1..s.len()).any(|j| matches!(s.text(j), "when" | "cuando"))
    };
    let talk = |i: usize| {
        real(s, i)
            && !promised(i)
            && person_within(s, i, 4)
            && !asks_the_way(s, i)
            && !asks_if_human(s, i)
            && !asks_when(s, i)
            && !service_asked
    };
    // ("can you put me on to the mortgage team's page?": a page, not the people.)
    let to_a_page = |i: usize| {
        (i + 1..(i + 9).min(s.len())).any(|j| matches!(s.text(j), "page" | "website" | "site" | "pagina" | "link"))
    };
    let asked = s.find(TALK).any(talk)
        || s.find(PASS_ME).any(|i| !negated(s, i) && person_within(s, i, 6) && !to_a_page(i))
        || s.find(WANT).any(|i| !negated(s, i) && wants_person(s, i))
        || s.find(REAL_HUMAN).any(|i| !negated(s, i) && !asks_if_human(s, i) && !service_asked && !promised(i))
        // "no quiero hablar con un robot", "not a bot"
        // ("the bank machine won't take my PIN" is an ATM).
        || s.find(BOT).any(|i| s.in_clause(i, NEG) && (s.words[i].tags & ATM == 0 || s.in_clause(i, TALK)))
        // "quiero que alguien me dé una explicación", "i want someone to explain": a person wished for.
        || s.find(WANT).any(|i| !negated(s, i) && someone_to(s, i))
        // "please can a person help me", "una persona que me ayude"
        || (0..s.len()).any(|i| is_person(s, i) && person_helps(s, i) && !asks_the_way(s, i))
        // "¿hay alguien con quien pueda hablar?", "is there anyone i can talk to?": a person to talk to,
        // asked for.
        || (0..s.len()).any(|i| {
            matches!(s.text(i), "hay" | "there")
                && matches!(s.text(i + 1), "alguien" | "someone" | "anyone" | "somebody" | "anybody")
                && (i + 2..(i + 7).min(s.len())).any(|j| s.words[j].tags & TALK != 0)
                && !service_asked
        })
        // "can you get someone on the phone, this chat is going round in circles": a person on the line.
        || (0..s.len()).any(|i| {
            s.text(i) == "get"
                && person_within(s, i, 3)
                && (i + 2..(i + 6).min(s.len())).any(|j| s.text(j) == "on" && matches!(s.text(j + 2), "phone" | "line"))
                && !asks_the_way(s, i)
                && !opens_question(s, i)
                && !service_asked
        })
        // "i'd rather deal with a human for this one"
        || (0..s.len()).any(|i| s.text(i) == "rather" && person_within(s, i, 4))
        // "please stop the bot thing", "basta de bot"
        || s.find(BOT).any(|i| (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "stop" | "basta" | "enough")))
        // "agente", "asesor por favor", "human please"
        || (s.len() <= 3 && (0..s.len()).any(|i| is_person(s, i) && !vague_person(&s.words[i].text)))
        // "con una persona por favor, el chat no me sirve": a person, asked for in a word or two.
        || (s.text(0) == "con" && (1..3).any(|i| is_person(s, i)));
    if asked {
        return Finding::of(Category::HumanRequested);
    }
    None
}

/// "can a person help me", "una persona que me ayude": the person named, helping the customer.
fn person_helps(s: &Scan, at: usize) -> bool {
    // "can someone help me unblock my pin?" asks for help, not for a person; "can a person help me if
    // the app doesn't work?" asks when one would.
    let clause = s.words[at].clause;
    !matches!(s.text(at), "someone" | "somebody" | "alguien" | "anyone" | "anybody")
        && !s.words[at..].iter().any(|w| w.clause == clause && w.tags & COND != 0)
        && (matches!((s.text(at + 1), s.text(at + 2)), ("help" | "to", "me" | "help"))
            || matches!((s.text(at + 1), s.text(at + 2), s.text(at + 3)), ("que", "me", "ayude" | "atienda")))
}
