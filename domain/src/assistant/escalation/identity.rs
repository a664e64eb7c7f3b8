//! Something opened in the customer's name by someone else: a loan, a card, a contract.

use super::scan::Scan;
use super::situations::{is_past, real};
use super::words::*;

/// "someone opened a loan in my name", "sacaron un crédito a mi nombre", "a card was requested in my
/// name", "there's a loan in my name from a company i've never dealt with" (not "I want an account in
/// my name", nor how to get one).
pub(super) fn opened_in_my_name(s: &Scan) -> bool {
    let by_others = |i: usize| {
        let clause = s.words[i].clause;
        // ("a loan in my name from a company i've never dealt with": the lender disowned.)
        s.has(SOMEONE)
            || s.find(DISOWN).any(|j| real(s, j))
            || s.words.iter().filter(|w| w.clause == clause).any(|w| {
                let t = w.text.as_str();
                (t.len() > 5 && (t.ends_with("aron") || t.ends_with("ieron"))) || matches!(t, "was" | "were" | "been")
            })
            // "my partner has taken out loans in my name": a relative the one who did it (not the "holder";
            // not "made me take out", "me hizo sacar", which the customer was pushed to do).
            || s.find(FAMILY).any(|k| {
                let did = |j: usize| is_past(s, j) && s.words[j].clause == clause && s.text(j + 1) != "me";
                !matches!(s.text(k), "owner" | "titular" | "holder")
                    && (k + 1..(k + 4).min(s.len())).any(|j| did(j) && s.text(j - 1) != "me")
            })
    };
    // "i'm a widow… all the accounts were in my husband's name": the late spouse's, not an impostor's.
    let late_kin = |i: usize| s.has(BEREAVED) && s.words.get(i + 2).is_some_and(|w| w.tags & FAMILY != 0);
    let in_my_name = |i: usize| real(s, i) && !s.has(PROCESS) && !s.in_clause(i, WANT) && by_others(i) && !late_kin(i);
    // "i got a letter saying i've been approved for a mortgage i never applied for": a loan approved that
    // the customer disowns.
    let approved = s.words.iter().any(|w| w.starts_with_any(&["approv", "aprob", "application", "solicitud"]));
    let lending =
        s.has(LOAN) || s.words.iter().any(|w| matches!(w.text.as_str(), "mortgage" | "hipoteca" | "overdraft"));
    let approved_unasked = lending && approved && s.find(DISOWN).any(|j| real(s, j));
    s.find(IN_MY_NAME).any(in_my_name) || wages_diverted(s) || approved_unasked
}

/// "hr got an email from me asking to change my salary account, i never sent it, and my wages went
/// somewhere else": a message sent as the customer, disowned, and the pay sent elsewhere.
fn wages_diverted(s: &Scan) -> bool {
    let as_me = s.words.windows(2).any(|p| matches!(p[0].text.as_str(), "from" | "de") && p[1].text == "me")
        || s.words.windows(3).any(|p| p[0].text == "a" && p[1].text == "mi" && p[2].text == "nombre");
    let never_sent = (0..s.len()).any(|i| {
        matches!(s.text(i), "sent" | "send" | "wrote" | "envie" | "mande" | "escribi")
            && s.words[i.saturating_sub(3)..i]
                .iter()
                .any(|w| w.tags & NEG != 0 || w.text == "never" || w.text == "nunca")
    });
    let pay = s.words.iter().any(|w| w.tags & PAYROLL != 0 || matches!(w.text.as_str(), "wages" | "salary" | "sueldo"));
    as_me && never_sent && pay
}
