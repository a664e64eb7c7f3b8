//! Sign-ins and changes the customer did not make: a sign-in from somewhere else, a credential
//! changed while they were elsewhere, a device they do not have, failed tries that were not theirs,
//! a session on "another phone" when they only have one; a credential someone else learnt, used since;
//! a loan or a card the customer never asked for; someone else still spending with a card or access;
//! a new device linked that the customer did nothing to link; money moved by someone else to themselves;
//! someone pretending to be the customer.

use super::Category;
use super::abuse;
use super::details;
use super::scan::Scan;
use super::situations::{Finding, hypothetical, is_past, long_past, message_word, negated, only_asks, real};
use super::transactions::customer;
use super::words::*;

/// A sign-in, a change or a device on the account that is not the customer's.
pub(super) fn not_the_customers(s: &Scan) -> Option<Finding> {
    // "my account was logged into from a device in russia", "hubo un inicio de sesión desde otro
    // celular": a sign-in from somewhere, told in the past, not by the customer, not asked about.
    let from_somewhere = |i: usize| {
        let phrase = s.words[i].phrase;
        (i + 1..(i + 5).min(s.len()))
            .any(|j| s.words[j].phrase == phrase && matches!(s.words[j].text.as_str(), "from" | "desde"))
    };
    let by_customer = |i: usize| {
        s.words[i.saturating_sub(3)..i]
            .iter()
            .any(|w| customer(&w.text) || matches!(w.text.as_str(), "can" | "puedo" | "could"))
    };
    // ("…shows a login from nigeria this morning": a time of day tells it happened.)
    let when = |j: usize| {
        matches!(s.text(j), "yesterday" | "ayer" | "anoche" | "today" | "hoy")
            || matches!(
                (s.text(j), s.text(j + 1)),
                ("this" | "last", "morning" | "night" | "week") | ("esta", "manana")
            )
    };
    let told_past =
        |i: usize| (0..s.len()).any(|j| s.words[j].phrase == s.words[i].phrase && (is_past(s, j) || when(j)));
    // "someone is pretending to be me and calling you to change my address", "se hacen pasar por mí":
    // the customer impersonated to the bank or others.
    let as_me = s.words.windows(4).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
            ("pretending" | "posing", "to" | "as", _)
        ) && (p[2].text == "me" || (p[2].text == "be" && p[3].text == "me"))
            || matches!((p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()), ("pasar", "por", "mi"))
            || (p[0].text == "impersonating" && p[1].text == "me")
    });
    if as_me && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // ("…a login from a device in another country and my savings are gone": money gone since;
    // "someone has been trying to log into my account from abroad": someone at it.)
    let gone = s.find(GONE | EMPTIED).any(|j| real(s, j)) || s.find(SOMEONE).any(|j| real(s, j));
    // ("me llegan notificaciones de inicio de sesión desde otro país y yo no he sido": disowned.)
    let disowned = s.has(DISOWN);
    if s.find(DEVICE).any(|i| (told_past(i) || gone || disowned) && from_somewhere(i) && !by_customer(i) && real(s, i))
        && !s.has(PROCESS | WANT)
    {
        return Finding::of(Category::AccountTakeover);
    }
    // "me salió que mi contraseña era incorrecta y yo no la he cambiado, y veo movimientos": a
    // credential changed, not by the customer, and money moving or the account shut since.
    let changing = |i: usize| ["cambi", "chang"].iter().any(|stem| s.words[i].text.starts_with(stem));
    let not_by_me = |i: usize| negated(s, i) && s.words[i.saturating_sub(4)..i].iter().any(|w| customer(&w.text));
    let denied = (0..s.len()).any(|i| changing(i) && not_by_me(i) && !hypothetical(s, i));
    if denied && s.has(CRED | DETAIL) && s.has(TXN | LOCKED_OUT) {
        return Finding::of(Category::AccountTakeover);
    }
    // "i can see logins i didn't make", "hay inicios de sesión que no reconozco": sign-ins disowned.
    // (Sign-ins as things seen, not "i can't log in, i didn't make any changes".)
    let seen = |k: usize| matches!(s.text(k.wrapping_sub(1)), "a" | "the" | "new" | "strange" | "unknown" | "de");
    let sign_in = |k: usize| {
        matches!(s.text(k), "logins" | "signins" | "sesiones" | "accesos" | "inicios")
            || matches!((s.text(k), s.text(k + 1)), ("sign" | "log", "ins"))
            || matches!(s.text(k), "login" | "sesion" | "acceso") && seen(k)
    };
    let disowns = |j: usize| {
        s.words[j].tags & DISOWN != 0
            || matches!(s.text(j), "make" | "made" | "recognise" | "recognize") && not_by_me(j)
            || matches!(s.text(j), "hice" | "reconozco") && negated(s, j)
    };
    if (0..s.len()).any(|k| sign_in(k) && real(s, k) && (k + 1..(k + 7).min(s.len())).any(disowns)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my statement shows my address changed but i never changed it": a detail changed, then the
    // change denied (not "i changed my address but never changed my phone…").
    let someone_changed = |i: usize| {
        changing(i)
            && real(s, i)
            && !negated(s, i)
            && !s.words[i.saturating_sub(2)..i].iter().any(|w| customer(&w.text))
            && s.near(i, DETAIL | CRED, 3, 3)
    };
    // ("…i haven't changed it yet" is still to do.)
    let yet = |j: usize| (j + 1..(j + 4).min(s.len())).any(|k| matches!(s.text(k), "yet" | "todavia" | "aun"));
    // ("…were both changed last night and i didn't do it", "…y yo no fui".)
    let disowned =
        |j: usize| s.words[j].tags & DISOWN != 0 || matches!((s.text(j), s.text(j + 1)), ("didn't" | "didnt", "do"));
    let denies = |j: usize| changing(j) && not_by_me(j) && !yet(j) || disowned(j);
    if (0..s.len()).any(|i| someone_changed(i) && (i + 1..s.len()).any(denies)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my card was added to apple pay on a device I don't have": a device the customer denies having.
    let device = |w: &str| matches!(w, "device" | "dispositivo" | "phone" | "celular" | "telefono" | "iphone");
    let not_had = |j: usize| {
        matches!(s.words[j].text.as_str(), "have" | "own" | "tengo" | "conozco" | "recognise" | "recognize")
            && negated(s, j)
            && s.words[j.saturating_sub(3)..j].iter().any(|w| customer(&w.text))
    };
    // "a new phone linked to my account yesterday and i didnt link any": linked, and denied after.
    let not_linked =
        |j: usize| matches!(s.text(j), "link" | "linked" | "vincule" | "add" | "added" | "agregue") && not_by_me(j);
    let unknown_device = |i: usize| {
        device(&s.words[i].text) && ((i + 1..(i + 5).min(s.len())).any(not_had) || (i + 1..s.len()).any(not_linked))
    };
    // ("a text saying my new device was registered, but i haven't got a new device": a device told as
    // registered, denied before it is named again.)
    let registered = s.words.iter().any(|w| matches!(w.text.as_str(), "registered" | "registrado" | "registrada"));
    let not_got = |j: usize| s.text(j) == "got" && matches!(s.text(j.wrapping_sub(1)), "haven't" | "havent" | "not");
    let denied_device =
        |i: usize| registered && device(&s.words[i].text) && (i.saturating_sub(4)..i).any(|j| not_had(j) || not_got(j));
    let devices =
        (0..s.len()).any(unknown_device) && s.has(VALUABLE | ACCOUNT | CRED) || (0..s.len()).any(denied_device);
    if devices && !s.has(PROCESS | WANT) {
        return Finding::of(Category::AccountTakeover);
    }
    // "la app dice que cambié mi contraseña hace una hora pero yo estaba dormida": a credential
    // changed while the customer was elsewhere.
    let changed_cred = |i: usize| changing(i) && real(s, i) && s.near(i, CRED | DETAIL, 0, 4);
    if (0..s.len()).any(changed_cred) && s.find(ALIBI).any(|i| !negated(s, i) && !hypothetical(s, i)) {
        return Finding::of(Category::AccountTakeover);
    }
    // "me bloquearon la app por intentos fallidos y yo no intenté entrar": failed sign-ins the
    // customer did not make.
    let attempts = || s.words.iter().any(|w| matches!(w.text.as_str(), "intentos" | "attempts" | "tries"));
    let not_tried = |i: usize| {
        let w = s.words[i].text.as_str();
        (w.starts_with("intent") || w.starts_with("tri") || w == "try")
            && negated(s, i)
            && s.words[i.saturating_sub(4)..i].iter().any(|p| customer(&p.text))
    };
    // "me sale que mi usuario está bloqueado y yo no intenté entrar": locked, by tries not the customer's.
    let locked = || s.words.iter().any(|w| w.starts_with_any(&["bloquead", "bloquearon", "locked", "blocked"]));
    // "me bloquearon la banca por un cambio de dispositivo que yo no hice": a change the customer denies.
    let change_denied = s.words.iter().any(|w| w.starts_with_any(&["cambio", "change"]))
        && (0..s.len()).any(|i| s.words[i].tags & ACT != 0 && not_by_me(i));
    // "vi que alguien intentó entrar a mi banca 8 veces y me bloquearon el acceso": someone else's tries.
    let someone_tried = s.find(SOMEONE).any(|i| {
        real(s, i) && (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].starts_with_any(&["intent", "tried", "trying"]))
    });
    let not_theirs = s.has(DISOWN) || (0..s.len()).any(not_tried) || change_denied || someone_tried;
    if !s.has(PROCESS) && (attempts() || locked()) && not_theirs {
        return Finding::of(Category::AccountTakeover);
    }
    // "…they said i'd asked for a new card to a different address, i didn't": a card redirected, denied.
    let redirected = s.words.windows(2).any(|p| {
        matches!(
            (p[0].text.as_str(), p[1].text.as_str()),
            ("different" | "another" | "new", "address") | ("otra", "direccion")
        )
    });
    // ("…, i didn't", "…, yo no": denied at the end.)
    let denied =
        s.has(DISOWN) || s.words.last().is_some_and(|l| matches!(l.text.as_str(), "didn't" | "didnt" | "no" | "nunca"));
    if redirected && s.has(VALUABLE) && denied && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "i got a code by text to approve a login i didn't try": a sign-in's code for a try not the customer's.
    let code = s.words.iter().any(|w| matches!(w.text.as_str(), "code" | "codes" | "codigo" | "codigos" | "otp"));
    let login = s.words.iter().any(|w| w.starts_with_any(&["login", "log", "sign", "sesion", "ingres", "entrar"]));
    if code && login && (0..s.len()).any(not_tried) && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "i'm not able to access my account and i got an alert that a new device was added": a new
    // device on the account, told by a message or an alert, and the customer shut out.
    let told = |w: &str| message_word(w) || matches!(w, "alert" | "alerta" | "aviso" | "notification" | "notificacion");
    let new_device = |i: usize| {
        matches!(s.words[i].text.as_str(), "new" | "nuevo" | "another" | "otro")
            && !s.words[i.saturating_sub(3)..i].iter().any(|w| customer(&w.text))
    };
    let shut_out = s.find(LOCKED_OUT).any(|i| real(s, i));
    if shut_out && s.words.iter().any(|w| told(&w.text)) && s.find(DEVICE).any(new_device) && !s.has(PROCESS) {
        return Finding::of(Category::AccountTakeover);
    }
    // "dice que ya hay una sesión activa en otro celular y yo solo tengo uno", "it says i'm logged in on
    // another phone but i only have one": a device the customer says cannot be theirs.
    let only_one = (0..s.len()).any(|i| {
        matches!(s.text(i), "solo" | "only")
            && matches!((s.text(i + 1), s.text(i + 2)), ("tengo" | "have", "uno" | "un" | "one"))
    });
    if only_one && s.find(DEVICE).any(|i| matches!(s.text(i), "otro" | "another")) && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my mobile banking shows a device called 'galaxy s21' and i've only ever had an iphone": a
    // device shown on the account, beside the only kind the customer has had.
    let kind = |k: usize| {
        matches!(s.text(k), "iphone" | "android" | "samsung" | "galaxy" | "pixel" | "huawei" | "motorola" | "xiaomi")
    };
    let only_had = (0..s.len()).any(|i| {
        matches!(s.text(i), "solo" | "only")
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                matches!(s.text(j), "had" | "have" | "used" | "tenido" | "usado")
                    && (j + 1..(j + 4).min(s.len())).any(kind)
            })
    });
    let shown = s.words.iter().any(|w| w.starts_with_any(&["shows", "showing", "listed", "aparece", "registrad"]));
    if only_had && shown && s.words.iter().any(|w| device(&w.text)) && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "my flatmate found my pin written down and has been using my card", "mi hermano vio mi nip y ha
    // estado sacando dinero": someone else learnt a credential, and uses the card or takes money since
    // (not "my wife found my pin written down, should i change it?").
    let learnt = |i: usize| {
        (s.words[i].tags & (FOUND | KNOWS) != 0
            || matches!(s.text(i), "saw" | "seen" | "watched" | "guessed" | "vio" | "descubrio" | "adivino"))
            && real(s, i)
            && s.near(i, CRED, 0, 3)
            && s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & (FAMILY | SOMEONE) != 0)
    };
    let used_since = |i: usize| {
        (i + 1..s.len()).any(|j| {
            s.words[j].tags & INTRUDE != 0
                || s.words[j].starts_with_any(&["using", "used", "usando", "uso", "sacando", "withdraw", "taking"])
        }) && real(s, i)
    };
    // ("…with my permission, is that allowed?"; "without my permission" is the opposite.)
    let consented = (0..s.len()).any(|j| {
        matches!(s.text(j), "permission" | "permiso" | "consent" | "consentimiento")
            && !s.words[j.saturating_sub(3)..j].iter().any(|w| matches!(w.text.as_str(), "without" | "sin"))
    });
    // (Someone close the customer fears or depends on is read as abuse, further on.)
    let learnt_and_used = (0..s.len()).any(|i| learnt(i) && used_since(i)) && !consented;
    if learnt_and_used && !s.has(PROCESS) && !only_asks(s) && !abuse::money_taken_by_someone_close(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "me llegaron cartas de tres préstamos que yo nunca pedí", "a credit card i never applied for":
    // a product in the customer's name, its asking denied.
    // ("…a letter about a loan application i didn't make".)
    // ("…a loan of 5000 on my account that i didn't take out": taken out.)
    let applied = |j: usize| {
        matches!(s.text(j), "make" | "made" | "hice")
            && (j.saturating_sub(5)..j).any(|k| s.words[k].starts_with_any(&["application", "solicitud"]))
            || matches!(s.text(j), "take" | "took")
                && s.text(j + 1) == "out"
                && (j.saturating_sub(8)..j).any(|k| s.words[k].tags & LOAN != 0 || s.text(k) == "mortgage")
    };
    let never_asked = |j: usize| {
        (s.words[j].tags & ORDERED != 0 || applied(j))
            && s.words[j.saturating_sub(3)..j].iter().any(|w| w.tags & NEG != 0 || w.text == "never")
            && s.words[j.saturating_sub(8)..j].iter().any(|w| {
                w.tags & (LOAN | VALUABLE | ACCOUNT) != 0 || w.starts_with_any(&["prestamo", "loan", "credit"])
            })
    };
    // ("i never opened a savings account with you but i just got a statement for one": opened, of an
    // account named after, and word of it come since.)
    let arrived = |j: usize| {
        (j + 1..s.len()).any(|k| matches!(s.text(k), "statement" | "letter" | "estado" | "carta" | "card" | "tarjeta"))
    };
    let never_opened = |j: usize| {
        matches!(s.text(j), "opened" | "abri")
            && s.words[j.saturating_sub(3)..j].iter().any(|w| w.tags & NEG != 0 || w.text == "never")
            && (j + 1..(j + 5).min(s.len())).any(|k| s.words[k].tags & (ACCOUNT | VALUABLE | LOAN) != 0)
            && arrived(j)
    };
    // (Not "a loan offer letter i never asked for": an offer is not a product.)
    let offer = s.words.iter().any(|w| w.starts_with_any(&["offer", "oferta", "promo", "advert", "publicidad"]));
    // (A code "yo no lo pedí" is a sign-in's, read further on.)
    let disowned_product = (0..s.len()).any(|j| never_asked(j) || never_opened(j));
    if disowned_product && !offer && !s.has(PROCESS | CRED) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "my ex-wife still has a card on our old joint account and keeps spending on it": someone else
    // who holds a card or access, spending or using it still.
    let still_spending = |j: usize| {
        s.words[j].tags & ONGOING != 0
            && s.words.get(j + 1).is_some_and(|w| {
                w.starts_with_any(&["spend", "using", "usando", "gastando", "withdraw", "sacando", "taking", "pagando"])
            })
    };
    let holder = s.find(SOMEONE).any(|i| real(s, i) && (i + 1..s.len()).any(still_spending));
    if holder && s.has(VALUABLE | ACCOUNT) && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "me llegó un mensaje de que mi tarjeta fue vinculada a un celular nuevo, yo no hice nada": a new
    // device linked, and the customer says they did nothing.
    // Linked by no one named ("fue vinculada", "was linked"), not "i added a new phone".
    let linked = (0..s.len()).any(|i| {
        s.words[i].starts_with_any(&["vinculad", "vincularon", "linked", "added", "agregad", "agregaron", "registered"])
            && !s.words[i.saturating_sub(2)..i].iter().any(|w| matches!(w.text.as_str(), "i" | "yo" | "we" | "i've"))
    });
    let did_nothing = s.has(DISOWN)
        || s.words.windows(3).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("no", "hice", "nada")
                    | ("didn't" | "didnt", "do", "anything")
                    | ("did", "nothing", _)
                    | ("no", "fui", "yo")
            )
        });
    if s.has(DEVICE) && linked && did_nothing && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::AccountTakeover);
    }
    // "i let my nephew use my phone… and he transferred 600 to himself": money moved by someone else
    // to themselves.
    let to_themselves = |j: usize| {
        matches!(s.text(j), "himself" | "herself" | "themselves")
            || (s.text(j) == "su" && matches!(s.text(j + 1), "cuenta" | "tarjeta"))
            || (matches!(s.text(j), "his" | "her" | "their") && s.text(j + 1) == "own")
            || (s.text(j) == "si" && s.text(j + 1) == "mismo")
    };
    let moved_to_self = |i: usize| {
        s.words[i].starts_with_any(&["transferr", "sent", "moved", "paid", "transfirio", "mando", "paso", "deposito"])
            && real(s, i)
            && (i + 1..(i + 5).min(s.len())).any(to_themselves)
            && s.words[i.saturating_sub(8)..i].iter().any(|w| {
                matches!(w.text.as_str(), "he" | "she" | "they" | "el" | "ella")
                    || w.tags & (FAMILY | SOMEONE | STRANGER) != 0
            })
    };
    let someone_else = s.has(FAMILY | SOMEONE | STRANGER);
    // From what is the customer's ("my phone", "mi cuenta"), without their leave.
    let mine = s.find(ACCOUNT | VALUABLE | DEVICE | PHONE).any(|k| matches!(s.text(k.wrapping_sub(1)), "my" | "mi"));
    let leave = s.words.iter().any(|w| matches!(w.text.as_str(), "permission" | "permiso" | "consent"));
    if someone_else && (0..s.len()).any(moved_to_self) && mine && !leave && !only_asks(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my business email was hacked and clients have been paying into a different account", "me
    // hackearon el correo": an account or e-mail of the customer's taken over.
    let hacked = |i: usize| {
        s.words[i].starts_with_any(&["hacked", "hackear", "hackeo", "hackead"]) && real(s, i) && !long_past(s, i, 1)
    };
    if (0..s.len()).any(hacked) && !s.has(PROCESS) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "my pension has been moved to a scheme i never agreed to": the customer's savings moved, and the
    // move disowned.
    let savings = |k: usize| {
        matches!(
            s.text(k),
            "pension" | "pensions" | "savings" | "isa" | "pension's" | "ahorros" | "afore" | "jubilacion"
        ) && matches!(s.text(k.wrapping_sub(1)), "my" | "mi" | "mis" | "our")
    };
    let moved = |j: usize| {
        s.words[j].tags & MOVED != 0
            || s.words[j].starts_with_any(&["moved", "switched", "transferr", "transfir", "pasaron"])
    };
    let disowned_move =
        (0..s.len()).any(|k| savings(k) && (k + 1..(k + 5).min(s.len())).any(|j| moved(j) && real(s, j)));
    if disowned_move && s.find(DISOWN).any(|j| real(s, j)) && !only_asks(s) {
        return Finding::of(Category::UnrecognisedPayment);
    }
    // "my sister used my details to take out a phone contract": someone else opening something in the
    // customer's name with their details.
    let my_details = |j: usize| {
        matches!(s.text(j), "my" | "mi" | "mis")
            && s.words
                .get(j + 1)
                .is_some_and(|w| w.starts_with_any(&["details", "name", "identity", "datos", "nombre", "identidad"]))
    };
    let used_details = |i: usize| {
        s.words[i].starts_with_any(&["used", "using", "uso", "usando"])
            && real(s, i)
            && my_details(i + 1)
            && s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & (FAMILY | SOMEONE | STRANGER) != 0)
    };
    let opened = s.words.iter().any(|w| {
        w.starts_with_any(&["take", "took", "open", "apply", "applied", "sacar", "saco", "abrir", "abrio", "contrat"])
    });
    if (0..s.len()).any(used_details) && opened && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    details::changed_or_closed(s)
}
