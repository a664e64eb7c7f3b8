//! Jobs that are not jobs: the customer's account lent to pass others' money on, or paid for "tasks"
//! and then asked to pay in to go on earning.

use super::Category;
use super::scan::{Scan, Word};
use super::situations::{Finding, only_asks, real};
use super::words::*;

/// The customer's account used to pass others' money on: asked to receive money and forward it, or a
/// job that wants the account for clients' payments, and they came.
pub(super) fn money_mule(s: &Scan) -> Option<Finding> {
    // "a recruiter asked me to receive money in my account and forward it": a money mule.
    let receive = |i: usize| {
        (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & (MONEY | TXN | PAYROLL) != 0 || s.words[j].is_number())
    };
    // "…y luego lo mandara a otra", "…and send it to another account": passed on to someone else.
    let onward = |j: usize| {
        s.words[j].starts_with_any(&["send", "sent", "transfer", "move", "wire", "mand", "envi", "transfir", "pasar"])
            && (j + 1..(j + 7).min(s.len())).any(|k| {
                matches!(s.text(k), "another" | "otra" | "otro" | "otras" | "otros" | "abroad" | "extranjero")
                    || s.words[k].tags & SOMEONE != 0
                    // ("…and send it to her brother": someone else's relative.)
                    || s.words[k].tags & FAMILY != 0 && matches!(s.text(k - 1), "her" | "his" | "their" | "su")
            })
    };
    let forwarded = s.has(FORWARD) || (0..s.len()).any(onward);
    // (Not "mi mamá me pidió que recibiera su dinero…": a relative's own money.)
    let asker = |i: usize| real(s, i) && !s.words[i.saturating_sub(4)..i].iter().any(|w| w.tags & FAMILY != 0);
    if s.find(ASKED).any(asker) && s.find(RECEIVE).any(receive) && forwarded {
        return Finding::of(Category::Fraud);
    }
    // "a man i met online keeps asking me to receive money for him in my account": someone met
    // online who wants the account for his money.
    let met_online = s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "met" | "conoci" | "conocio")
            && (matches!(p[1].text.as_str(), "online" | "on" | "en" | "por")
                && (p[1].text == "online"
                    || matches!(p[2].text.as_str(), "internet" | "instagram" | "facebook" | "tiktok" | "line" | "a")))
    });
    let for_them = |i: usize| {
        (i + 1..(i + 5).min(s.len())).any(|j| {
            matches!((s.text(j), s.text(j + 1)), ("for", "him" | "her" | "them") | ("para" | "por", "el" | "ella"))
        })
    };
    if met_online && s.find(ASKED).any(asker) && s.find(RECEIVE).any(|i| receive(i) && for_them(i)) {
        return Finding::of(Category::Fraud);
    }
    // "my friend asked to borrow my bank account to receive his wages… and now mine is blocked": the
    // account lent for someone else's money, and blocked since.
    let lend = |i: usize| {
        matches!(s.text(i), "borrow" | "use" | "prestar" | "prestara" | "prestarle" | "usar")
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                s.words[j].tags & ACCOUNT != 0 && s.words[i..j].iter().any(|w| matches!(w.text.as_str(), "my" | "mi"))
            })
    };
    // ("…and now i can't access my money".)
    let no_access =
        s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "can't" | "cant" | "cannot") && p[1].text == "access");
    let blocked = no_access
        || s.words.iter().any(|w| {
            w.starts_with_any(&["frozen", "blocked", "bloquead", "bloquearon", "congelad", "congelaron", "suspend"])
        });
    // ("i let a stranger use my account to receive a payment…": lent without being asked.)
    let let_use = |i: usize| matches!(s.text(i), "let" | "allowed" | "deje") && (i + 1..(i + 8).min(s.len())).any(lend);
    // ("le presté mi cuenta a un conocido para que le depositaran…": lent outright.)
    let lent_mine = |i: usize| {
        matches!(s.text(i), "preste" | "lent")
            && (i + 1..(i + 4).min(s.len()))
                .any(|j| s.words[j].tags & ACCOUNT != 0 && matches!(s.text(j - 1), "my" | "mi"))
    };
    let lent = |i: usize| {
        s.words[i].tags & ASKED != 0 && (i + 1..(i + 4).min(s.len())).any(lend) || let_use(i) || lent_mine(i)
    };
    // "un chico que conocí por instagram me pidió que le preste mi cuenta para recibir un pago": someone
    // met online who asks for the account itself.
    let lend_it = |i: usize| {
        lend(i) || (s.text(i) == "preste" && (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & ACCOUNT != 0))
    };
    if met_online && s.find(ASKED).any(asker) && (0..s.len()).any(lend_it) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    if (0..s.len()).any(|i| lent(i) && real(s, i)) && blocked && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "my nephew asked me to let money from his 'business' go through my account and pay it on": others'
    // money through the customer's account and paid on (a relative asking too).
    let through_mine = s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "go" | "goes" | "going" | "went" | "run" | "pass" | "pasar" | "pase")
            && matches!(p[1].text.as_str(), "through" | "por")
            && matches!(p[2].text.as_str(), "my" | "mi")
    });
    let paid_on = s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "pay" | "paid" | "send" | "sent" | "pass" | "passed" | "forward" | "move")
            && p[1].text == "it"
            && p[2].text == "on"
    });
    if through_mine && (paid_on || s.has(FORWARD)) && s.has(MONEY) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "someone online got me to open accounts and pass money through them": the customer's accounts
    // used to move others' money.
    let through = s.words.windows(3).any(|p| {
        matches!(p[0].text.as_str(), "pass" | "passing" | "move" | "moving" | "run" | "running" | "put" | "putting")
            && matches!(p[1].text.as_str(), "money" | "cash" | "funds")
            && p[2].text == "through"
    }) || s
        .words
        .windows(3)
        .any(|p| p[0].text == "pasar" && p[1].text == "dinero" && matches!(p[2].text.as_str(), "por" | "a"));
    // (Not "i'm putting money through my business account for my side job": the customer's own.)
    let for_others = s.has(SOMEONE | STRANGER) || s.words.iter().any(|w| w.starts_with_any(&["groom", "desconocid"]));
    if through && for_others && s.has(ACCOUNT) && !only_asks(s) {
        return Finding::of(Category::Fraud);
    }
    // "me ofrecieron un trabajo desde casa y me pidieron mi cuenta para recibir pagos de clientes, ya
    // me depositaron": a job that wants the customer's account to take others' money, and it came.
    let job = |w: &Word| matches!(w.text.as_str(), "trabajo" | "empleo" | "job" | "recruiter" | "reclutador");
    let others_money = |i: usize| {
        (i + 1..(i + 3).min(s.len())).any(|j| s.words[j].tags & (MONEY | TXN) != 0 && s.words[j].tags & PAYROLL == 0)
    };
    let came = s.words.iter().any(|w| w.starts_with_any(&["depositaron", "deposited", "transfirieron"]));
    if s.words.iter().any(job) && s.find(ASKED).any(|i| real(s, i)) && s.find(RECEIVE).any(others_money) && came {
        return Finding::of(Category::Fraud);
    }
    // "me pidieron mi cuenta para depositarme un dinero de un amigo de un amigo y ahora la cuenta está
    // congelada": the account lent to take a third party's money (not a salary, nor money for the
    // customer), and frozen since.
    let lent_account = |i: usize| real(s, i) && s.near(i, ACCOUNT, 0, 3);
    let taking = |i: usize| s.words[i].tags & RECEIVE != 0 || s.words[i].starts_with_any(&["depositar", "deposit"]);
    let third = |j: usize| {
        matches!(s.text(j), "de" | "from" | "for")
            && (s.words[j + 1..(j + 3).min(s.len())].iter().any(|w| w.tags & (SOMEONE | STRANGER) != 0)
                || matches!(s.text(j + 2), "amigo" | "amiga" | "conocido" | "conocida" | "friend" | "stranger"))
    };
    let theirs = |i: usize| taking(i) && (i + 1..(i + 7).min(s.len())).any(third);
    let frozen = |w: &Word| w.starts_with_any(&["congelad", "frozen", "froze", "bloquead", "blocked", "inmovilizad"]);
    let lent = s.find(ASKED).any(lent_account) && (0..s.len()).any(theirs) && !s.has(PAYROLL);
    if lent && s.words.iter().any(frozen) {
        return Finding::of(Category::Fraud);
    }
    // "a recruiter on linkedin wants me to receive payments for his company and keep 10%": a cut kept for
    // taking others' payments into the account, at someone's asking.
    let cut = |j: usize| {
        matches!(s.text(j), "keep" | "quedarme" | "quedara" | "quedarte" | "quede")
            && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].is_number() || s.text(k).starts_with("percent"))
    };
    let receiving = s.words.iter().any(|w| w.starts_with_any(&["receiv", "recib", "payments", "pagos"]));
    let asked_me = s.words.windows(2).any(|p| {
        matches!(p[0].text.as_str(), "wants" | "wanted" | "asked" | "quiere" | "queria" | "pidio")
            && matches!(p[1].text.as_str(), "me" | "que")
    });
    if (0..s.len()).any(cut) && receiving && asked_me && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "a man outside the bank offered me 500 to let him pay a cheque into my account": a sum offered by
    // a stranger for letting money into the customer's account.
    let into_mine = |j: usize| {
        matches!((s.text(j), s.text(j + 1)), ("into" | "in" | "through", "my") | ("en" | "a", "mi"))
            && s.words.get(j + 2).is_some_and(|w| w.tags & ACCOUNT != 0)
    };
    let sum = |j: usize| s.words[j].is_number() || s.words[j].tags & MONEY != 0;
    let sum_offered = |i: usize| real(s, i) && (i + 1..(i + 4).min(s.len())).any(sum);
    let stranger = s.has(STRANGER | SOMEONE | IMPOSTOR);
    if stranger && s.find(OFFERED).any(sum_offered) && (0..s.len()).any(into_mine) && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    None
}

/// "me ofrecieron trabajo por telegram, me pagaron por dar likes y luego me pidieron depositar 5000
/// para seguir": a job offered out of nowhere that asks the customer to pay in. Not "my new job asked
/// me to pay for my uniform" (no job offered), nor a question about such offers.
pub(super) fn paid_to_work(s: &Scan) -> Option<Finding> {
    let job = |w: &Word| matches!(w.text.as_str(), "trabajo" | "empleo" | "job" | "work" | "tareas" | "tasks");
    let offered = s.find(OFFERED).any(|i| real(s, i) && (i + 1..(i + 4).min(s.len())).any(|j| job(&s.words[j])));
    let pay_in = |j: usize| {
        s.words[j].starts_with_any(&["depositar", "deposit", "pagar", "pay", "transferir", "transfer", "invertir"])
            || s.words[j].starts_with_any(&["invest", "recargar"])
    };
    let asked_to_pay = |i: usize| real(s, i) && (i + 1..(i + 4).min(s.len())).any(pay_in);
    if offered && s.find(ASKED).any(asked_to_pay) && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    // "…now says i must deposit 300 to unlock my earnings, i already put in 150": earnings held back
    // until the customer pays in, and paid in already.
    let earnings =
        s.words.iter().any(|w| w.starts_with_any(&["earning", "ganancia", "comision", "commission", "profit"]));
    let unlock = s.words.iter().any(|w| w.starts_with_any(&["unlock", "release", "liberar", "desbloque", "withdraw"]));
    let put_in = s.words.windows(2).any(|p| matches!((p[0].text.as_str(), p[1].text.as_str()), ("put" | "paid", "in")));
    let paid_in = put_in || s.find(PAID).any(|i| real(s, i)) || s.words.iter().any(|w| w.text == "deposite");
    if earnings && unlock && (0..s.len()).any(pay_in) && paid_in && !only_asks(s) && !s.has(PROCESS) {
        return Finding::of(Category::Fraud);
    }
    None
}
