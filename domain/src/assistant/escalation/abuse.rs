//! Money taken by someone close: a partner, a relative or a carer who takes the customer's money
//! while the customer is afraid of them or in their care; a relative's part played by a caller to
//! someone who sends money; money demanded under a threat. A person, at once.

use super::elders::{self, GRANDPARENTS, PARENTS};
use super::scan::Scan;
use super::situations::{hypothetical, is_past, message_word, negated, only_asks, real, relative_named};
use super::words::*;

/// "my partner takes my wages every month and i'm scared to say no", "my nephew has been taking money
/// out of my account with my card while he cares for me". Not "can my carer be given access to my
/// account" (nothing taken), not money taken out for the customer, nor a question about it.
pub(super) fn money_taken_by_someone_close(s: &Scan) -> bool {
    let afraid = s.words.iter().any(|w| {
        matches!(w.text.as_str(), "scared" | "afraid" | "frightened" | "terrified" | "miedo" | "asustada" | "asustado")
    });
    let carer = |k: usize| {
        matches!(s.text(k), "carer" | "caregiver" | "cuidador" | "cuidadora")
            || (s.text(k) == "help" && s.text(k.wrapping_sub(1)) == "home")
    };
    // "cares for me", "is looking after me", "me cuida".
    let in_care = |k: usize| {
        carer(k)
            || (matches!(s.text(k), "cares" | "caring" | "care") && s.text(k + 1) == "for" && s.text(k + 2) == "me")
            || (matches!(s.text(k), "looks" | "looking") && s.text(k + 1) == "after" && s.text(k + 2) == "me")
            || (s.text(k) == "me" && s.text(k + 1).starts_with("cuida"))
    };
    // "has my card 'for emergencies' and keeps using it": the card used, named before.
    // ("…still has his card and has been spending on it".)
    let uses_card = |i: usize| {
        s.words[i].starts_with_any(&["using", "uses", "usa", "usando", "spending", "gastando"])
            && (matches!(s.text(i + 1), "it" | "la" | "lo") || s.near(i, VALUABLE, 0, 3) || s.text(i + 2) == "it")
            && s.has(VALUABLE)
    };
    let takes = |i: usize| {
        let what = |j: usize| {
            s.words[j].tags & (MONEY | PAYROLL | VALUABLE | CRED) != 0
                || matches!(s.words[j].text.as_str(), "wages" | "wage" | "pension" | "paycheck" | "pay" | "benefits")
        };
        // "…gets his benefits paid into my account and his carer has been taking some".
        let some_of_it = matches!(s.text(i + 1), "some" | "it") && (0..i).any(what);
        // ("…y se queda con mi sueldo": kept.)
        let kept = s.text(i) == "queda" && s.text(i.wrapping_sub(1)) == "se" && s.text(i + 1) == "con";
        let took = (s.words[i]
            .starts_with_any(&["take", "took", "taking", "quita", "quito", "saca", "saco", "withdraw", "keeps"])
            || kept)
            && ((i + 1..(i + 4).min(s.len())).any(what) || some_of_it);
        (took || uses_card(i)) && !matches!(s.text(i.wrapping_sub(1)), "will" | "might" | "could" | "would" | "may")
    };
    // "my daughter takes money out for me every week": on the customer's behalf.
    let for_me = |i: usize| {
        (i + 1..(i + 6).min(s.len()))
            .any(|j| matches!((s.text(j), s.text(j + 1)), ("for", "me") | ("por" | "para", "mi")))
    };
    let in_care_at_all = (0..s.len()).any(in_care);
    let close = s.has(FAMILY) || (0..s.len()).any(carer);
    // "my carer has been asking for my pin to do my shopping": the PIN asked for by a carer.
    // ("my carer asked me to sign a form giving her access to my account": access signed away.)
    let access = |i: usize| {
        (i + 1..(i + 10).min(s.len())).any(|j| matches!(s.text(j), "access" | "acceso"))
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].starts_with_any(&["sign", "firm"]))
    };
    let pin_asked =
        (0..s.len()).any(carer) && s.find(ASKED).any(|i| real(s, i) && (s.near(i, CRED, 0, 4) || access(i)));
    // "…and says i owe him", "dice que le debo": the taking justified by a debt claimed.
    let claims_owed = (0..s.len()).any(|i| {
        matches!((s.text(i), s.text(i + 1), s.text(i + 2)), ("says" | "claims", "i", "owe") | ("dice", "que", "le"))
            && (s.text(i + 2) == "owe" || s.text(i + 3) == "debo")
    });
    // "…and only gives me 20 pounds a week", "solo me da 500 a la semana": an allowance doled out.
    // "…and i have to ask him for bus fare": money asked back for.
    // ("…and i have to beg her for money for petrol": begged for.)
    // ("le tengo que rogar para comprar comida": the same, in Spanish.)
    let asks_back = |i: usize| {
        s.text(i) == "have"
            && s.text(i + 1) == "to"
            && matches!(s.text(i + 2), "ask" | "beg")
            && matches!(s.text(i + 3), "him" | "her" | "them")
            && s.text(i + 4) == "for"
            || (s.text(i) == "tengo" && s.text(i + 1) == "que" && s.words[i + 2].starts_with_any(&["rog", "suplic"]))
    };
    let ask_back = (0..s.len()).any(asks_back);
    // "my wife has all the cards and i have to beg her for money": the cards held, money begged for.
    let holds = |i: usize| matches!(s.text(i), "has" | "keeps" | "holds" | "tiene") && s.near(i, VALUABLE, 0, 3);
    let money_next = |i: usize| {
        (i + 3..(i + 8).min(s.len())).any(|j| {
            s.words[j].tags & MONEY != 0 || matches!(s.text(j), "fare" | "petrol" | "food" | "money" | "comida")
        })
    };
    let begged = |i: usize| matches!(s.text(i + 2), "beg") || s.text(i) == "tengo";
    let begs = (0..s.len()).any(|i| asks_back(i) && money_next(i) && (begged(i) || (0..i).any(holds)));
    let allowance = ask_back
        || (0..s.len()).any(|i| {
            matches!(
                (s.text(i), s.text(i + 1), s.text(i + 2)),
                ("only", "gives" | "lets", "me") | ("solo", "me", "da" | "deja")
            ) && (i + 3..(i + 6).min(s.len())).any(|j| s.words[j].is_number())
        });
    // "my son's ex-girlfriend still has his card": a card kept by someone since.
    let still_has = s.words.windows(2).any(|p| p[0].text == "still" && matches!(p[1].text.as_str(), "has" | "have"))
        && s.has(VALUABLE);
    // "…won't let me see our bank statements", "no me deja ver la cuenta": a say denied.
    let kept_out = withheld(s, &["let"], &["deja"]);
    let controlling = afraid || in_care_at_all || claims_owed || allowance || still_has || kept_out;
    // "my daughter has been taking money from my purse and now from my account too": taken from what is
    // the customer's, not with leave.
    let from_mine = |i: usize| {
        // ("…and takes my wages off me": off the customer.)
        // ("…takes my wages every month": the customer's own pay.)
        let pay = |j: usize| matches!(s.text(j), "wages" | "salary" | "pension" | "benefits" | "sueldo");
        (i + 1..(i + 7).min(s.len())).any(|j| {
            matches!((s.text(j), s.text(j + 1)), ("from" | "de", "my" | "mi"))
                && s.words.get(j + 2).is_some_and(|w| w.tags & (VALUABLE | ACCOUNT) != 0)
                || (s.text(j) == "off" && s.text(j + 1) == "me")
                || (j == i + 1 && matches!(s.text(j), "my" | "mi") && pay(j + 1))
        }) && !s.words.iter().any(|w| w.starts_with_any(&["permission", "permiso"]))
    };
    let taken = close && (0..s.len()).any(|i| takes(i) && !for_me(i) && (controlling || from_mine(i)));
    // "my daughter's boyfriend has her bank card and pin and she's too scared to ask for it back": the
    // card and its PIN held by someone close, and fear told.
    let card_and_pin = (0..s.len()).any(|i| {
        matches!(s.text(i), "has" | "tiene" | "keeps" | "holds")
            && s.words[i.saturating_sub(3)..i].iter().any(|w| w.tags & FAMILY != 0)
            && (i + 1..(i + 5).min(s.len())).any(|j| s.words[j].tags & VALUABLE != 0)
            && (i + 1..(i + 7).min(s.len())).any(|j| s.words[j].tags & CRED != 0)
    });
    let taken = taken || card_and_pin && afraid;
    (taken || pin_asked || (close && begs)) && !only_asks(s)
}

/// "my grandad keeps getting calls from someone he thinks is his grandson asking for money, he's sent
/// 3 transfers already": someone taken for a relative, money asked for or sent.
pub(super) fn kin_impersonated(s: &Scan) -> bool {
    let thinks = |i: usize| {
        matches!(
            (s.text(i), s.text(i + 1)),
            ("thinks" | "thought" | "believes", "is" | "was" | "it's") | ("cree" | "creia" | "creyo", "que")
        )
    };
    let kin_after = |i: usize| (i + 1..(i + 6).min(s.len())).any(|j| s.words[j].tags & FAMILY != 0);
    // "said he was my nephew with a new number", "dijo que era mi hijo": a relative's name claimed.
    let claimed = |i: usize| {
        matches!(s.text(i), "said" | "saying" | "claimed" | "claiming" | "dijo" | "diciendo")
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                matches!(s.text(j), "was" | "is" | "era" | "es" | "soy")
                    && matches!(s.text(j + 1), "my" | "mi" | "your" | "tu")
                    && s.words.get(j + 2).is_some_and(|w| w.tags & FAMILY != 0)
            })
    };
    let asked = s.find(ASKED).any(|i| real(s, i) && s.near(i, MONEY, 0, 4));
    let sent = s.find(GIVE | MOVED | PAID | TXN).any(|j| real(s, j) && is_past(s, j));
    // "someone pretending to be my son texted…", "se hizo pasar por mi hijo": a relative played.
    let posing = |i: usize| {
        (matches!(s.text(i), "pretending" | "pretended" | "posing" | "claiming")
            && matches!(s.text(i + 1), "to" | "as")
            || s.text(i) == "pasar" && s.text(i + 1) == "por")
            && kin_after(i)
    };
    let taken_for_kin = (0..s.len()).any(|i| (thinks(i) && kin_after(i)) || ((claimed(i) || posing(i)) && real(s, i)));
    let stranger =
        s.has(SOMEONE | STRANGER) || s.words.iter().any(|w| matches!(w.text.as_str(), "guy" | "man" | "woman"));
    // "a whatsapp from my 'son' on a new number asking for 600, i sent it, but it wasn't him": a
    // relative's message, money sent, and the sender found out.
    let not_them = s.words.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "wasn't" | "wasnt" | "isn't" | "isnt")
            && matches!(p[1].text.as_str(), "him" | "her" | "them" | "really")
            || (p[0].text == "no" && matches!(p[1].text.as_str(), "era" | "eran") && s.has(FAMILY))
    });
    let found_out = s.has(FAMILY) && s.words.iter().any(|w| message_word(&w.text)) && not_them && sent;
    ((stranger && taken_for_kin && (asked || sent)) || found_out) && !only_asks(s)
}

/// "my husband controls every penny and won't let me open my own account", "mi pareja controla todo mi
/// dinero y no me deja trabajar": the customer's money controlled by someone close, with a say
/// denied or fear told. Not "my wife controls the finances, can i add her to my account?".
pub(super) fn money_controlled(s: &Scan) -> bool {
    let close = relative_named(s);
    let money = |j: usize| {
        s.words[j].tags & MONEY != 0
            || matches!(s.text(j), "penny" | "cent" | "centavo" | "peso" | "finances" | "finanzas" | "wages" | "sueldo")
            || matches!(s.text(j), "pension" | "salary" | "benefits" | "jubilacion")
    };
    // ("my step-dad… checks what i spend, he gets angry if i buy anything": watched, and anger feared.)
    let spend = |j: usize| s.words[j].starts_with_any(&["spend", "gast", "buy", "compr"]) || money(j);
    let controls = |i: usize| {
        s.words[i].starts_with_any(&["control"]) && (i + 1..(i + 4).min(s.len())).any(money)
            || s.words[i].starts_with_any(&["checks", "monitors", "revisa", "vigila"])
                && (i + 1..(i + 6).min(s.len())).any(spend)
    };
    let angry = s.words.windows(2).any(|p| {
        matches!((p[0].text.as_str(), p[1].text.as_str()), ("gets", "angry" | "mad" | "violent") | ("se", "enoja"))
    });
    let every = s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "every" | "cada") && money_word(&p[1].text));
    let denied = withheld(s, &["let", "give"], &["deja", "da"]);
    let afraid = s.words.iter().any(|w| matches!(w.text.as_str(), "scared" | "afraid" | "frightened" | "miedo"));
    // "mi sobrino maneja la cuenta de mi abuela y ahora la cuenta está vacía": an account run by someone
    // close, and emptied since.
    let runs = |i: usize| {
        matches!(s.text(i), "maneja" | "manages" | "handles" | "runs" | "administra" | "lleva")
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].tags & ACCOUNT != 0)
    };
    let emptied = s.words.iter().any(|w| matches!(w.text.as_str(), "vacia" | "empty" | "emptied" | "drained"))
        || s.words.windows(2).any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("en", "cero" | "ceros")));
    let run_dry = (0..s.len()).any(|i| runs(i) && real(s, i)) && emptied;
    close
        && ((0..s.len()).any(|i| controls(i) && real(s, i)) && (every || denied || afraid || angry) || run_dry)
        && !only_asks(s)
}

/// "won't let me", "doesn't give me", "no me deja": something refused the customer, by one of `verbs`
/// (English) or `verbos` (Spanish).
fn withheld(s: &Scan, verbs: &[&str], verbos: &[&str]) -> bool {
    s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "won't" | "wont" | "doesn't" | "doesnt")
            && verbs.contains(&p[1].text.as_str())
            && p[2].text == "me"
            || p[0].text == "no" && p[1].text == "me" && verbos.contains(&p[2].text.as_str())
    })
}

fn money_word(w: &str) -> bool {
    matches!(w, "penny" | "cent" | "centavo" | "peso" | "pound" | "dollar" | "dolar")
}

/// "someone has intimate pictures of me and wants 2000 or they'll send them to my family", "me piden
/// 5 mil o publican mis fotos": money demanded under a threat.
pub(super) fn extorted(s: &Scan) -> bool {
    let demand = |i: usize| {
        (matches!(
            s.text(i),
            "wants" | "want" | "demanding" | "demands" | "demanded" | "pide" | "piden" | "exige" | "exigen"
        ) || (s.text(i) == "asking" && s.text(i + 1) == "for"))
            && (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].is_number() || s.words[j].tags & MONEY != 0)
    };
    // "…or they'll send them to my family", "o publican mis fotos": harm threatened (not "…or she'll be
    // left out").
    let harm = |j: usize| {
        s.words[j]
            .starts_with_any(&["send", "post", "share", "publish", "leak", "show", "tell", "hurt", "publica", "manda"])
            || s.words[j].starts_with_any(&["ensen", "difund", "subir", "lastim"])
    };
    let or_else = (0..s.len()).any(|i| matches!(s.text(i), "or" | "o") && (i + 1..(i + 4).min(s.len())).any(harm));
    let threat =
        or_else || s.words.iter().any(|w| w.starts_with_any(&["threaten", "amenaz", "blackmail", "extors", "chantaj"]));
    (0..s.len()).any(|i| demand(i) && real(s, i)) && threat && !only_asks(s)
}

/// A relative named, or a parent or grandparent ("my grandad's", "mi abuelita").
pub(super) fn kin_named(s: &Scan) -> bool {
    let elder = |w: &str| PARENTS.contains(&w) || GRANDPARENTS.contains(&w);
    relative_named(s) || s.words.iter().any(|w| elder(w.text.trim_end_matches("'s")))
}

/// "my elderly dad has been giving money to a woman he met online who he's never met, thousands now",
/// "le estoy mandando dinero a un señor que conocí por internet": money sent to someone known only
/// online, the way romance scams take it. Not a question about how to send it.
pub(super) fn paid_to_someone_met_online(s: &Scan) -> bool {
    let online = |j: usize| {
        matches!(s.text(j), "online" | "internet" | "facebook" | "instagram" | "tinder" | "redes" | "whatsapp")
            || (s.text(j) == "en" && s.text(j + 1) == "linea")
    };
    // ("a woman i've been talking to for months online": known only by talking online.)
    let met_online = |i: usize| {
        matches!(s.text(i), "met" | "conocio" | "conoci" | "conocimos" | "conocieron")
            && (i + 1..(i + 4).min(s.len())).any(online)
            || matches!(s.text(i), "talking" | "chatting" | "speaking" | "hablando" | "chateando")
                && (i + 1..(i + 7).min(s.len())).any(online)
    };
    // "who he's never met", "que nunca ha visto en persona".
    let never_met = |i: usize| {
        matches!(s.text(i), "never" | "nunca")
            && matches!(s.text(i + 1), "met" | "seen" | "visto" | "conocido")
            && !matches!(s.text(i + 2), "before")
    };
    // "my elderly mum keeps withdrawing cash for a 'friend' she met at church": met anywhere, by an
    // elderly parent who keeps paying.
    let elder = s.words.iter().any(|w| {
        let w = w.text.trim_end_matches("'s");
        PARENTS.contains(&w) || GRANDPARENTS.contains(&w) || elders::elderly(w)
    });
    let keeps = s.words.iter().any(|w| matches!(w.text.as_str(), "keeps" | "sigue" | "been"));
    let met_anywhere = |i: usize| matches!(s.text(i), "met" | "conocio") && elder && keeps;
    let met = (0..s.len()).any(|i| met_online(i) || never_met(i) || met_anywhere(i));
    let money = s.has(MONEY)
        || s.words.iter().any(|w| matches!(w.text.as_str(), "thousands" | "miles" | "ahorros" | "savings"));
    let giving = |j: usize| {
        s.words[j].starts_with_any(&[
            "giving",
            "gave",
            "given",
            "sending",
            "sent",
            "transferr",
            "paying",
            "paid",
            "mand",
            "envi",
            "deposit",
            "dando",
            "dio",
            "transfier",
            "pag",
            "withdraw",
            "sacando",
        ]) && !hypothetical(s, j)
    };
    met && money && (0..s.len()).any(giving) && !only_asks(s) && !s.has(PROCESS)
}

/// "my boyfriend made me take out a loan in my name and he's got all the money", "mi pareja me hizo
/// sacar un crédito": someone close making the customer borrow or hand over pay or credentials. Not
/// "my dad made me open a savings account when i was 10" (nothing borrowed or handed over).
pub(super) fn made_to_borrow_by_someone_close(s: &Scan) -> bool {
    let made = |i: usize| {
        matches!(
            (s.text(i), s.text(i + 1)),
            ("made" | "makes" | "making" | "forced" | "pressured" | "pushed", "me")
                | ("me", "hizo" | "hace" | "obligo" | "obliga" | "presiono" | "forzo")
        )
    };
    let close_before = |i: usize| s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & FAMILY != 0);
    let owed = |i: usize| (i + 2..(i + 8).min(s.len())).any(|j| s.words[j].tags & (LOAN | PAYROLL | CRED) != 0);
    // "…and he's got all the money", "…in my name": the money theirs, the debt the customer's.
    let theirs = |i: usize| {
        (i + 2..s.len()).any(|j| {
            matches!(s.text(j), "he's" | "she's" | "hes" | "shes" | "he" | "she" | "they")
                && (j + 1..(j + 3).min(s.len())).any(|k| matches!(s.text(k), "got" | "kept" | "took" | "spent" | "has"))
        }) || s.has(IN_MY_NAME)
    };
    (0..s.len()).any(|i| made(i) && close_before(i) && owed(i) && theirs(i) && !negated(s, i) && !hypothetical(s, i))
        && !only_asks(s)
}

/// "my son with learning difficulties has been persuaded by 'friends' to take out a loan and give them
/// the money", "a mi hermano lo convencieron de sacar un crédito": talked into borrowing for others,
/// or into handing over money. Not "my adviser persuaded me to take out a loan, how do i pay it early?".
pub(super) fn persuaded_to_borrow(s: &Scan) -> bool {
    let persuaded = |i: usize| {
        s.words[i].starts_with_any(&["persuad", "pressur", "convinc", "convenc", "presiona", "talked"])
            && real(s, i)
            && !matches!(s.text(i.wrapping_sub(1)), "adviser" | "advisor" | "asesor")
    };
    let borrowing = |i: usize| (i + 1..(i + 9).min(s.len())).any(|j| s.words[j].tags & LOAN != 0);
    let handed = |i: usize| {
        (i + 1..s.len()).any(|j| {
            matches!(s.text(j), "give" | "gave" | "giving" | "hand" | "handed" | "handing" | "dar" | "darles" | "dando")
                || s.words[j].starts_with_any(&["entreg"])
                    && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].tags & MONEY != 0 || s.text(k) == "money")
        })
    };
    (0..s.len()).any(|i| persuaded(i) && borrowing(i) && handed(i)) && !only_asks(s) && !s.has(PROCESS)
}

/// "my mother's carer has been taking her to the atm and her savings are almost gone", "his savings
/// have disappeared since his new friend moved in": savings gone, with someone else in the story.
pub(super) fn savings_gone_with_someone(s: &Scan) -> bool {
    // "…since his new friend moved in", "a lodger", "su nuevo novio": someone new in the home.
    let newcomer = s.words.iter().enumerate().any(|(i, w)| {
        matches!(w.text.as_str(), "lodger" | "lodgers" | "inquilino" | "inquilina")
            || (matches!(w.text.as_str(), "new" | "nuevo" | "nueva")
                && s.words.get(i + 1).is_some_and(|n| n.tags & FAMILY != 0 || n.starts_with_any(&["friend", "amig"])))
    });
    let gone = |i: usize| {
        s.near(i, GONE, 3, 3)
            || (i + 1..(i + 4).min(s.len())).any(|j| s.words[j].starts_with_any(&["disappear", "vanish"]))
    };
    let savings = |i: usize| matches!(s.words[i].text.as_str(), "savings" | "ahorros");
    (s.has(SOMEONE | STRANGER) || newcomer)
        && (0..s.len()).any(|i| savings(i) && gone(i) && !hypothetical(s, i))
        && !s.has(PROCESS)
}
