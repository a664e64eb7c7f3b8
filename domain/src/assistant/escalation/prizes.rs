//! A relative lured: told they won a prize and paying fees or sending money for it; called by an
//! outfit, or with a story of someone in trouble, and sending money.

use super::abuse::kin_named;
use super::scan::Scan;
use super::situations::{is_past, only_asks, real};
use super::words::*;

/// "my grandad's been told he won a lottery in spain and has to pay 2000 in fees to collect it, he's
/// already paid": a relative lured by a prize or a return, who has paid for it.
pub(super) fn kin_paid_for_prize(s: &Scan) -> bool {
    let kin = kin_named(s);
    let paid = |j: usize| {
        (s.words[j].starts_with_any(&["paid", "sent", "pago", "mando", "transfirio", "deposito"])
            || s.words[j].tags & GIVE != 0)
            && is_past(s, j)
            && real(s, j)
    };
    let sum = s.words.iter().any(|w| w.is_number());
    // "…has to pay 2000 in fees to collect it", "paid 500 in taxes to release it": paid to get it.
    let fee = s.words.iter().any(|w| {
        w.starts_with_any(&["fee", "tax", "impuesto", "comision", "release", "liberar", "collect", "aduana", "customs"])
    });
    let won = |i: usize| matches!(s.text(i), "won" | "gano" | "ganado");
    // "…keeps getting letters saying she's won money and she's been sending cash": a win announced by
    // someone else, and money going out again and again.
    let told_won = (0..s.len()).any(|i| {
        won(i)
            && (i.saturating_sub(4)..i).any(|j| matches!(s.text(j), "saying" | "says" | "told" | "diciendo" | "dicen"))
    });
    let sending = (1..s.len()).any(|j| {
        s.words[j].starts_with_any(&["sending", "paying", "mandando", "enviando", "pagando"])
            && matches!(s.text(j - 1), "been" | "keeps" | "estado" | "sigue")
            && (j + 1..(j + 3).min(s.len())).any(|k| {
                s.words[k].tags & MONEY != 0 || s.words[k].is_number() || s.words[k].starts_with_any(&["fee", "tax"])
            })
    });
    let lured = (s.has(LURE) || (0..s.len()).any(won)) && fee && sum && (0..s.len()).any(paid);
    // "my 82 year old dad has been sending money to a 'lawyer' about an inheritance from abroad": money
    // going out for a prize or an inheritance (not "since she got her inheritance").
    let lure_for = s.find(LURE).any(|k| {
        (k.saturating_sub(2)..k).any(|j| matches!(s.text(j), "about" | "for" | "por" | "para" | "de" | "over"))
    });
    // ("…le manda plata a un 'abogado' por una herencia": sent as a habit, told in the present.)
    let sends = (0..s.len()).any(|j| {
        matches!(s.text(j), "manda" | "envia" | "sends" | "sending" | "mandando" | "enviando")
            && (j + 1..(j + 4).min(s.len())).any(|k| s.words[k].tags & MONEY != 0 || s.words[k].is_number())
    });
    kin && (lured || told_won && sending || lure_for && (sending || sends)) && !only_asks(s) && !s.has(PROCESS)
}

/// "my uncle keeps getting calls from an 'investment firm' and has sent them his savings", "a mi tía le
/// llaman de una financiera y ya les mandó 20 mil": a relative called by an outfit, and money sent to
/// it. Not "my dad gets calls from his pension provider, how do i stop them?" (nothing sent).
pub(super) fn kin_cold_called(s: &Scan) -> bool {
    let kin = kin_named(s);
    let outfit = |j: usize| {
        s.words[j].starts_with_any(&["invest", "inversion", "financiera", "broker", "trading", "crypto", "cripto"])
            || matches!(s.text(j), "firm" | "company" | "companies" | "empresa" | "compania" | "agency")
    };
    // "a mi papá lo llamaron diciendo que yo estaba secuestrado": a caller's story of someone in trouble.
    let story = |k: usize| {
        s.words[k].starts_with_any(&["secuestr", "kidnap", "accident", "arrest", "detenid", "jail", "bail", "fianza"])
            || s.words[k].starts_with_any(&["crash", "choque"])
    };
    // ("una llamada de que su nieto tuvo un accidente".)
    let saying = |j: usize| {
        (matches!(s.text(j), "saying" | "said" | "says" | "told" | "diciendo" | "dijeron" | "dijo" | "dice")
            || s.text(j) == "que" && s.text(j.wrapping_sub(1)) == "de")
            && (j + 1..(j + 9).min(s.len())).any(story)
    };
    // "getting calls from…", "keep ringing him from…", "le llaman de…", "le marcan de…".
    let called = |i: usize| {
        (s.words[i].starts_with_any(&["call", "ring", "phon", "llamad", "llaman", "marcan", "hablan"])
            || matches!(s.text(i), "rang" | "llamaron" | "marcaron"))
            && ((i + 1..(i + 6).min(s.len())).any(outfit) || (i + 1..(i + 6).min(s.len())).any(saying))
    };
    // ("…y tuvo que mandar dinero", "had to send": sent as made to.)
    let had_to = |j: usize| {
        matches!((s.text(j.wrapping_sub(2)), s.text(j.wrapping_sub(1))), ("tuvo", "que") | ("had", "to"))
            && s.words[j].starts_with_any(&["mand", "envi", "pag", "deposit", "send", "pay", "transfer"])
    };
    let sent = |j: usize| {
        (s.words[j].starts_with_any(&["sent", "transferr", "paid", "given", "gave", "mando", "transfirio", "pago"])
            || matches!(s.text(j), "dio" | "deposito")
            || had_to(j))
            && real(s, j)
    };
    let savings = s.has(MONEY)
        || s.words
            .iter()
            .any(|w| w.is_number() || matches!(w.text.as_str(), "savings" | "ahorros" | "thousands" | "miles"));
    kin && (0..s.len()).any(called) && (0..s.len()).any(sent) && savings && !only_asks(s) && !s.has(PROCESS)
}
