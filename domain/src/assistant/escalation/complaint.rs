//! A complaint: one made or about to be made, contact tried again and again, a wait counted, a
//! product mis-sold, an account shut without a word, a claim turned down.

use super::Category;
use super::people::clause_opening;
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
    // ("third time i've tried to upload my id in the app and it keeps saying blurry, any tips?": the
    // customer's own try at a task, tips asked; not "third time i've tried to reach someone".)
    let tips = s.words.iter().any(|w| matches!(w.text.as_str(), "tips" | "advice" | "consejo" | "consejos" | "trick"));
    let contact = |w: &str| {
        w.starts_with("call")
            || w.starts_with("contact")
            || w.starts_with("comunic")
            || w.starts_with("llam")
            || matches!(w, "reach" | "speak" | "talk" | "get" | "hablar" | "through")
    };
    let own_try = |i: usize| {
        tips && (i + 1..(i + 5).min(s.len())).any(|j| {
            matches!(s.text(j), "tried" | "trying" | "intentado" | "intentando")
                && !s.words[j + 1..(j + 4).min(s.len())].iter().any(|w| contact(&w.text))
        })
    };
    // ("it's the fourth time i've used the app today and it's great": praise.)
    let praise = s.words.iter().any(|w| {
        matches!(w.text.as_str(), "great" | "brilliant" | "love" | "genial" | "excelente")
            || w.starts_with_any(&["recommend", "recomend"])
    });
    // ("llevo un mes esperando mi tarjeta nueva, es normal que tarde tanto?": whether the wait is usual,
    // asked, with no upset.)
    let asked_usual = |i: usize| {
        let is = |k: usize| matches!(s.text(k), "es" | "is") && !matches!(s.text(k.wrapping_sub(1)), "no" | "not");
        s.text(i) == "normal"
            && (is(i.wrapping_sub(1))
                || matches!(s.text(i.wrapping_sub(1)), "it" | "this" | "that") && is(i.wrapping_sub(2)))
    };
    let usual = (0..s.len()).any(asked_usual) && !s.has(UPSET | INSULT);
    let repeated = s.find(REPEATED).any(|i| !searching(i) && !own_try(i)) && !praise && !usual;
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
