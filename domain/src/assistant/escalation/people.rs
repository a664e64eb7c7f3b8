//! Situations about the person more than the money: a complaint, a request for a person (anger is in
//! `anger.rs`, a legal threat in `legal.rs`, a dispute in `disputes.rs`, a vulnerable customer in
//! `vulnerability.rs`).

use super::Category;
use super::retraction;
use super::scan::Scan;
use super::situations::{
    Finding, asked_ahead, hypothetical, is_past, negated, only_asks, opens_question, real, told_in_past,
};
use super::words::*;

pub(super) fn complaint(s: &Scan) -> Option<Finding> {
    // "I've called 5 times", "he escrito varias veces".
    let again = s.find(CONTACTED).any(|i| s.near(i, TIMES, 0, 4));
    // "what is the bank's policy on discrimination complaints": the rules for complaints, asked about.
    let policy = |i: usize| s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & POLICY != 0);
    // "¿cuánto tiempo tienen para responder una queja?": how long the process takes, asked. "¿cómo
    // reclamo si la tienda no me entrega?": how to complain, in a case supposed (not "how do I
    // complain if they charged me twice", which happened).
    let how_long = |i: usize| {
        matches!(
            clause_opening(s, i),
            (Some("cuanto" | "cuantos"), Some("tiempo" | "dias" | "tarda" | "tardan")) | (Some("how"), Some("long"))
        ) && !told_in_past(s)
    };
    let supposed = |i: usize| {
        let clause = s.words[i].clause;
        opens_question(s, i)
            && s.words.iter().any(|w| w.clause == clause && matches!(w.text.as_str(), "si" | "if"))
            && !told_in_past(s)
    };
    // "¿qué hace la condusef con las quejas?", "what does the ombudsman do with complaints": what is
    // done with them, asked.
    // ("where can i read what your complaints department does?": asked inside the clause.)
    let what_it_does = |i: usize| {
        (i.saturating_sub(3)..i).any(|k| matches!(s.text(k), "what" | "que"))
            && (i + 1..(i + 3).min(s.len())).any(|k| matches!(s.text(k), "does" | "do" | "hace" | "hacen"))
    };
    let what_done = |i: usize| {
        (matches!(clause_opening(s, i), (Some("que" | "what"), Some("hace" | "hacen" | "does" | "do")))
            || what_it_does(i))
            && !told_in_past(s)
    };
    // "where do i send an official complaint about a shop, not the bank?": a complaint about someone
    // else, asked where to take it, with no money of the customer's in it.
    let elsewhere = |i: usize| {
        opens_question(s, i)
            && !s.has(TXN | MONEY | PAID | DOUBLE_CHARGE)
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                matches!(s.text(j), "about" | "against" | "sobre" | "contra")
                    && (j + 1..(j + 3).min(s.len())).any(|k| {
                        matches!(
                            s.text(k),
                            "shop"
                                | "store"
                                | "merchant"
                                | "seller"
                                | "company"
                                | "restaurant"
                                | "airline"
                                | "landlord"
                                | "tienda"
                                | "comercio"
                                | "negocio"
                                | "vendedor"
                                | "empresa"
                                | "restaurante"
                                | "aerolinea"
                        )
                    })
            })
    };
    // "how do i know if i was mis-sold payment protection? just checking": whether there is a case,
    // asked.
    let wondering = |i: usize| {
        opens_question(s, i)
            && (0..i).any(|k| {
                matches!(s.text(k), "know" | "tell" | "check" | "saber")
                    && matches!(s.text(k + 1), "if" | "whether" | "si")
            })
    };
    // "where can i see how formal complaints are handled?": how they are dealt with, asked.
    let handled = |i: usize| {
        (i.saturating_sub(4)..i).any(|k| matches!(s.text(k), "how" | "como"))
            && (i + 1..(i + 8).min(s.len())).any(|k| {
                matches!(s.text(k), "handled" | "dealt" | "processed" | "managed" | "atienden" | "tratan" | "manejan")
            })
            && !(0..s.len())
                .any(|k| is_past(s, k) && !matches!(s.text(k), "handled" | "dealt" | "processed" | "managed"))
    };
    let asked = |i: usize| {
        asked_ahead(s, i)
            || policy(i)
            || how_long(i)
            || supposed(i)
            || what_done(i)
            || elsewhere(i)
            || wondering(i)
            || handled(i)
    };
    // "how do i escalate a mortgage application…? it's not a complaint": disclaimed beside a question.
    let disclaimed = s.find(COMPLAINT).any(|i| negated(s, i)) && (0..s.len()).any(|i| opens_question(s, i));
    let complained =
        s.find(COMPLAINT).any(|i| !negated(s, i) && !asked(i) && !retraction::settled(s, i)) && !disclaimed;
    // "un asesor me vendió un seguro diciéndome que era obligatorio": something sold as required.
    let sold_me = || {
        s.words.windows(2).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str()),
                ("me" | "le", "vendio" | "vendieron") | ("sold", "me" | "him" | "her" | "my")
            )
        })
    };
    let required = || s.words.iter().any(|w| matches!(w.text.as_str(), "obligatorio" | "mandatory" | "compulsory"));
    // "el seguro que me vendieron sin explicarme", "sold me a policy without explaining it".
    let untold = || {
        // "…y no se acuerda de haber firmado": the relative does not remember signing.
        let forgot = s
            .words
            .windows(3)
            .any(|p| p[0].text == "no" && p[1].text == "se" && matches!(p[2].text.as_str(), "acuerda" | "recuerda"));
        forgot || s.words.windows(2).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str()),
                ("sin", "explicarme" | "avisarme" | "preguntarme" | "decirme") | ("without", "explaining" | "telling")
                // "…un seguro de inversión que no entiende": sold to someone who does not understand it.
                | ("no", "entiende" | "entendia" | "entendio" | "recuerda" | "acuerda")
                | ("doesn't" | "doesnt" | "didn't" | "didnt", "understand" | "remember")
            )
        })
    };
    // "llevo 3 semanas esperando": a wait counted in weeks; "40 minutos en espera", "2 hours on hold".
    let waited = || {
        s.words.windows(3).any(|p| {
            (matches!(p[0].text.as_str(), "llevo" | "waited" | "waiting")
                && p[1].is_number()
                && matches!(p[2].text.as_str(), "semanas" | "meses" | "weeks" | "months"))
                || (p[0].is_number()
                    && matches!(p[1].text.as_str(), "minutos" | "horas" | "minutes" | "hours")
                    && matches!(p[2].text.as_str(), "en" | "on" | "esperando" | "waiting")
                    && s.words.iter().any(|w| matches!(w.text.as_str(), "espera" | "hold" | "esperando" | "waiting"))
                    && !only_asks(s)
                    && !s.words.iter().any(|w| matches!(w.text.as_str(), "normal" | "normalmente" | "usually")))
        })
    };
    // "third time trying to find the statements page" is the customer's own search ("still waiting
    // to find out" is not).
    let searching = |i: usize| {
        (i + 1..(i + 5).min(s.len())).any(|j| {
            let out = s.words.get(j + 1).is_some_and(|n| n.text == "out");
            matches!(s.words[j].text.as_str(), "looking" | "encontrar" | "buscando" | "buscar")
                || (s.words[j].text == "find" && !out)
        })
    };
    // ("it's the fourth time i've used the app today and it's great": praise.)
    let praise = s.words.iter().any(|w| {
        matches!(w.text.as_str(), "great" | "brilliant" | "love" | "genial" | "excelente")
            || w.starts_with_any(&["recommend", "recomend"])
    });
    let repeated = s.find(REPEATED).any(|i| !searching(i)) && !praise;
    // "the bank froze my business account with no explanation", "me cancelaron la tarjeta sin
    // avisar": an account or card shut, and no reason or notice given.
    let frozen =
        |i: usize| s.words[i].starts_with_any(&["froze", "frozen", "congel", "bloquearon", "cancelaron"]) && real(s, i);
    let unexplained = s.words.windows(2).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("no" | "without", "explanation" | "reason" | "warning" | "notice")
                | ("sin", "explicacion" | "razon" | "motivo" | "aviso" | "avisar" | "avisarme")
        )
    });
    let shut = (0..s.len()).any(frozen) && unexplained && s.has(ACCOUNT | VALUABLE);
    // "ya me dijeron que no procede la aclaración", "they rejected my claim": a claim turned down.
    let claim = |j: usize| s.words[j].starts_with_any(&["aclaracion", "reclam", "claim", "dispute", "disputa"]);
    let turned_down = (0..s.len()).any(|i| {
        let no_procede = s.text(i) == "procede" && s.text(i.wrapping_sub(1)) == "no";
        let rejected = s.words[i].starts_with_any(&["rejected", "denied", "rechaz"]);
        (no_procede || rejected) && !hypothetical(s, i) && (i.saturating_sub(4)..(i + 4).min(s.len())).any(claim)
    });
    if complained || repeated || again || (sold_me() && (required() || untold())) || waited() || shut || turned_down {
        return Finding::of(Category::Complaint);
    }
    None
}

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
    let has = |w: &str| matches!(w, "tiene" | "tienen" | "hay" | "has" | "have" | "offer" | "ofrecen");
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
    let asked = s.find(TALK).any(talk)
        || s.find(PASS_ME).any(|i| !negated(s, i) && person_within(s, i, 6))
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
