//! Despair: a reason to live denied, an end put to everything, nothing worth it. A person, at once.

use super::scan::{Scan, Word};
use super::situations::{hypothetical, negated};
use super::words::*;

/// "I don't see the point of living", "ya no tengo ganas de vivir", "mi vida no tiene sentido": a
/// reason to live, denied. The negation belongs to the situation here, so it does not take it back.
pub(super) fn no_reason_to_live(s: &Scan) -> bool {
    // "no le veo sentido a seguir", "no point going on": going on, with nothing after it.
    let goes_on = |i: usize| {
        let w = s.words[i].text.as_str();
        // ("…the point in carrying on after losing everything": what it follows, named.)
        let last = s.ends_phrase(i) || matches!(s.text(i + 1), "after" | "anymore" | "despues");
        let before = if i > 0 { s.words[i - 1].text.as_str() } else { "" };
        let on = w == "on" && matches!(before, "go" | "going" | "carry" | "carrying");
        // "no reason to keep going".
        let going = w == "going" && matches!(before, "keep" | "keeps");
        // Not "no reason the transfer should keep going".
        // ("…after what's happened with my debts" tells why, after it.)
        let of_money = s.words[..i].iter().any(|v| v.phrase == s.words[i].phrase && v.tags & TXN != 0);
        last && !of_money && (matches!(w, "seguir" | "continuar" | "seguir adelante") || on || going)
    };
    nothing_is_worth_it(s)
        || better_without_me(s)
        || pointless_anymore(s)
        || ends_it_all(s)
        || cannot_go_on(s)
        || why_still_here(s)
        || farewell_worn_out(s)
        || (0..s.len()).filter(|&i| s.words[i].tags & LIFE != 0 || goes_on(i)).any(|i| {
            // "living paycheck to paycheck", "viviendo en otro país": where or how, not whether.
            let somewhere = s.words.get(i + 1).is_some_and(|n| {
                matches!(n.text.as_str(), "in" | "abroad" | "with" | "on" | "off" | "paycheck" | "en" | "con" | "de")
            });
            let phrase = s.words[i].phrase;
            let same = |k: usize| s.words[k].phrase == phrase;
            (i.saturating_sub(5)..(i + 5).min(s.len())).any(|j| {
                let (first, last) = (i.min(j), i.max(j));
                same(j)
                    && s.words[j].tags & POINT != 0
                    // ("i can't see the point in carrying on".)
                    && (first.saturating_sub(4)..last).any(|k| {
                        same(k) && (s.words[k].tags & NEG != 0 || matches!(s.text(k), "can't" | "cant" | "cannot"))
                    })
            }) && !hypothetical(s, i)
                && !somewhere
        })
}

/// "tengo ganas de terminar con todo", "quiero acabar con mi vida", "ponerle fin a todo", "finish it
/// all", "giving up on everything": an end put to everything or to a life. "Todo" must close its
/// phrase ("terminar con todo el trámite" is a form), and no payment or amount may share the phrase.
fn ends_it_all(s: &Scan) -> bool {
    let ending = |w: &str| {
        matches!(w, "acabar" | "acabo" | "acabe" | "terminar" | "termino" | "termine" | "fin" | "end" | "ending")
            || w.starts_with("finish")
    };
    let closes = |k: usize| {
        s.words.get(k + 1).is_none_or(|n| n.phrase != s.words[k].phrase || matches!(n.text.as_str(), "ya" | "now"))
    };
    let everything = |k: usize| match s.words[k].text.as_str() {
        "todo" | "everything" => closes(k),
        "all" => k > 0 && s.words[k - 1].text == "it" && closes(k),
        "vida" | "life" => k > 0 && matches!(s.words[k - 1].text.as_str(), "mi" | "my" | "on"),
        _ => false,
    };
    let money = |phrase: u16| s.words.iter().any(|w| w.phrase == phrase && w.tags & (TXN | MONEY) != 0);
    // "i feel like giving up on everything", "give up on life".
    let giving_up = |i: usize| {
        matches!(s.words[i].text.as_str(), "give" | "giving" | "gave")
            && s.words.get(i + 1).is_some_and(|n| n.text == "up")
            && s.words.get(i + 2).is_some_and(|n| n.text == "on")
    };
    (0..s.len()).any(|i| {
        (ending(&s.words[i].text) || giving_up(i))
            && (i + 1..(i + 4).min(s.len())).any(|k| s.words[k].phrase == s.words[i].phrase && everything(k))
            && !money(s.words[i].phrase)
            && !negated(s, i)
            && !hypothetical(s, i)
    })
}

/// "ya nada vale la pena", "siento que no vale la pena nada", "nothing matters anymore", "no le veo
/// sentido a nada": nothing is worth it, said of everything. Said of money ("no vale la pena pagar
/// nada") it is about a fee, so a payment or an amount in the same phrase rules it out ("no le veo
/// sentido a nada, perdí todo mi dinero" is said of everything).
fn nothing_is_worth_it(s: &Scan) -> bool {
    let worth = |text: &str| matches!(text, "pena" | "worth" | "matters" | "sentido" | "point" | "sense" | "caso");
    let about_money = |phrase: u16| s.words.iter().any(|w| w.phrase == phrase && w.tags & (TXN | MONEY) != 0);
    s.words.iter().enumerate().any(|(i, w)| {
        let phrase = w.phrase;
        !about_money(phrase)
            && matches!(w.text.as_str(), "nada" | "nothing" | "anything")
            && (i.saturating_sub(2)..(i + 4).min(s.len()))
                .any(|j| j != i && s.words[j].phrase == phrase && worth(&s.words[j].text))
            && !hypothetical(s, i)
    })
}

/// "i don't think i can go on like this much longer", "no puedo seguir así", "ya no aguanto más", "ya
/// no puedo más con todo esto", "i can't take it anymore": the customer's own strength at its end.
/// Going on must close its phrase or be followed by "like this", "anymore", "much longer" ("i can't
/// go on the website" is a page), a negation must come before it in its phrase, and no payment or
/// amount may share the phrase ("no puedo seguir así con estos cobros" is about a bill).
fn cannot_go_on(s: &Scan) -> bool {
    // "like this", "much longer", "anymore"; "así", "más", closing the phrase ("no puedo seguir" alone
    // may be a form, "no aguanto más estas comisiones" is about fees).
    let longer =
        |k: usize| matches!((s.text(k + 1), s.text(k + 2)), ("much" | "any", "longer")) && s.ends_phrase(k + 2);
    let this_way = |k: usize| {
        (matches!((s.text(k + 1), s.text(k + 2)), ("like", "this" | "that")) && (s.ends_phrase(k + 2) || longer(k + 2)))
            || longer(k)
            || (matches!(s.text(k + 1), "anymore" | "asi" | "mas") && s.ends_phrase(k + 1))
    };
    // "no puedo más con todo esto", "con esto", "con mi vida": everything, closing the phrase.
    let with_it_all = |k: usize| {
        s.text(k + 1) == "con"
            && match (s.text(k + 2), s.text(k + 3)) {
                ("todo", "esto") | ("mi", "vida") => s.ends_phrase(k + 3),
                ("todo" | "esto", _) => s.ends_phrase(k + 2),
                _ => false,
            }
    };
    let opens_why = |i: usize| {
        let clause = s.words[i].clause;
        s.words.iter().find(|w| w.clause == clause).is_some_and(|w| w.text == "why")
    };
    let going = |i: usize| match s.text(i) {
        "on" => matches!(s.text(i.wrapping_sub(1)), "go" | "carry") && (s.ends_phrase(i) || this_way(i)),
        "seguir" | "continuar" | "aguanto" | "aguantar" => this_way(i),
        "puedo" => s.text(i + 1) == "mas" && (s.ends_phrase(i + 1) || with_it_all(i + 1)),
        // "i can't take it anymore", "i just can't do this anymore": the customer who cannot, not "it
        // won't do it anymore" (a top-up) nor "why can't i do this anymore?".
        "take" | "do" => {
            matches!(s.text(i + 1), "it" | "this")
                && this_way(i + 1)
                && matches!(s.text(i.wrapping_sub(1)), "can't" | "cant" | "cannot")
                && (i.saturating_sub(4)..i).any(|j| s.text(j) == "i")
                && !opens_why(i)
        }
        _ => false,
    };
    let not = |j: usize| s.words[j].tags & NEG != 0 || matches!(s.text(j), "can't" | "cant" | "cannot");
    let money = |phrase: u16| s.words.iter().any(|w| w.phrase == phrase && w.tags & (TXN | MONEY) != 0);
    (0..s.len()).any(|i| {
        let phrase = s.words[i].phrase;
        going(i)
            && (i.saturating_sub(6)..i).any(|j| s.words[j].phrase == phrase && not(j))
            && !money(phrase)
            && !hypothetical(s, i)
    })
}

/// "no sé ni para qué sigo aquí", "¿para qué vivo?", "why am i even still here", "why am i still
/// alive": a life whose point is asked about. The phrase must end there ("para qué sigo aquí en el
/// chat", "why am i still here waiting" are about the wait), with no amount or payment in it.
fn why_still_here(s: &Scan) -> bool {
    let here = |k: usize| matches!(s.text(k), "aqui" | "here" | "alive" | "vivo" | "viva") && s.ends_phrase(k);
    let money = |phrase: u16| s.words.iter().any(|w| w.phrase == phrase && w.tags & (TXN | MONEY) != 0);
    let still = |k: usize| if matches!(s.text(k), "even" | "still") { k + 1 } else { k };
    (0..s.len()).any(|i| {
        let spanish = s.text(i) == "para"
            && s.text(i + 1) == "que"
            && match s.text(i + 2) {
                "vivo" | "existo" => s.ends_phrase(i + 2),
                "sigo" => here(i + 3) || s.ends_phrase(i + 2) && s.text(i.wrapping_sub(1)) == "ni",
                _ => false,
            };
        let english = s.text(i) == "why" && s.text(i + 1) == "am" && s.text(i + 2) == "i" && here(still(still(i + 3)));
        (spanish || english) && !money(s.words[i].phrase) && !hypothetical(s, i)
    })
}

/// "honestly im so tired, if something happens to me i want my sister to get my savings", "estoy
/// agotada de todo, cuando yo no esté quién cobra mi cuenta": affairs put in order for when the
/// customer is gone, while saying they are worn out. Either alone is an everyday question or a
/// mood; tired "of waiting" is about the bank.
fn farewell_worn_out(s: &Scan) -> bool {
    let at = |i: usize, seq: &[&str]| seq.iter().enumerate().all(|(k, w)| s.text(i + k) == *w);
    let farewell = (0..s.len()).any(|i| {
        at(i, &["if", "something", "happens", "to", "me"])
            || at(i, &["si", "me", "pasa", "algo"])
            || at(i, &["si", "algo", "me", "pasa"])
            || (matches!(s.text(i), "when" | "once")
                && matches!(s.text(i + 1), "i'm" | "im")
                && s.text(i + 2) == "gone")
            || (at(i, &["cuando"]) && matches!(s.text(i + 1), "ya" | "yo") && at(i + 2, &["no", "este"]))
            || at(i, &["si", "yo", "falto"])
    });
    let worn = |w: &Word| {
        w.starts_with_any(&["tired", "exhausted", "cansad", "agotad", "hopeless", "drained"]) || w.text == "worn"
    };
    let of_self = |i: usize| {
        s.words[i.saturating_sub(3)..i]
            .iter()
            .any(|p| matches!(p.text.as_str(), "i'm" | "im" | "am" | "feel" | "so" | "estoy" | "siento" | "tan"))
    };
    // "tired of waiting": of something else; "tired of everything", "cansada de todo" stays.
    let of_what = |i: usize| {
        !matches!(s.text(i + 1), "of" | "de")
            || matches!(s.text(i + 2), "everything" | "todo" | "life" | "living" | "vivir")
    };
    farewell && (0..s.len()).any(|i| worn(&s.words[i]) && of_self(i) && of_what(i))
}

/// "i'm thinking it'd be easier if i wasn't around", "sería mejor si yo no estuviera": everything
/// easier or better without the customer (not "what happens to my savings if i wasn't around?").
fn better_without_me(s: &Scan) -> bool {
    let gone = |k: usize| {
        matches!((s.text(k), s.text(k + 1)), ("wasn't" | "wasnt" | "weren't" | "werent", "around" | "here" | "alive"))
            || matches!((s.text(k), s.text(k + 1)), ("no", "estuviera" | "existiera"))
    };
    let without_me = |i: usize| {
        matches!(s.text(i), "if" | "si")
            && matches!(s.text(i + 1), "i" | "yo" | "ya")
            && (i + 2..(i + 4).min(s.len())).any(gone)
    };
    let better = |j: usize| matches!(s.text(j), "easier" | "better" | "mejor" | "facil");
    // "everyone would be better off with my life insurance money than with me": others better off
    // with the customer's death or without them (not "would i be better off with life insurance?").
    let than_me = |k: usize| {
        (s.text(k) == "than" && (s.text(k + 1) == "me" || (s.text(k + 1), s.text(k + 2)) == ("with", "me")))
            || (s.text(k), s.text(k + 1)) == ("life", "insurance")
            || (s.text(k), s.text(k + 1), s.text(k + 2)) == ("seguro", "de", "vida")
    };
    let others_better = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("better", "off") | ("estarian", "mejor"))
            && !s.words[j.saturating_sub(3)..j].iter().any(|w| matches!(w.text.as_str(), "i" | "i'd" | "we" | "we'd"))
            && (j + 2..(j + 10).min(s.len())).any(than_me)
    };
    (0..s.len()).any(|i| without_me(i) && (i.saturating_sub(5)..i).any(better) && !negated(s, i))
        || (0..s.len()).any(|j| others_better(j) && !negated(s, j))
}

/// "honestly i don't see the point anymore, everything is going wrong": no point seen, in general,
/// any longer ("i don't see the point of paying for premium anymore" has an object).
fn pointless_anymore(s: &Scan) -> bool {
    (2..s.len()).any(|i| {
        s.text(i) == "point"
            && s.text(i - 1) == "the"
            && s.text(i - 2) == "see"
            && matches!(s.text(i + 1), "anymore" | "any")
            && (s.text(i + 1) == "anymore" || s.text(i + 2) == "more")
            && s.ends_phrase(i + 1 + usize::from(s.text(i + 1) == "any"))
            && negated(s, i - 2)
    })
}
