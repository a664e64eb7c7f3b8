//! Money taken by someone close: a partner, a relative or a carer who takes the customer's money
//! while the customer is afraid of them or in their care. A person, at once.

use super::scan::Scan;
use super::situations::only_asks;
use super::words::*;

/// "my partner takes my wages every month and i'm scared to say no", "my nephew has been taking money
/// out of my account with my card while he cares for me". Not "can my carer be given access to my
/// account" (nothing taken), not money taken out for the customer, nor a question about it.
pub(super) fn money_taken_by_someone_close(s: &Scan) -> bool {
    let afraid = s.words.iter().any(|w| {
        matches!(w.text.as_str(), "scared" | "afraid" | "frightened" | "terrified" | "miedo" | "asustada" | "asustado")
    });
    let carer = |k: usize| matches!(s.text(k), "carer" | "caregiver" | "cuidador" | "cuidadora");
    // "cares for me", "is looking after me", "me cuida".
    let in_care = |k: usize| {
        carer(k)
            || (matches!(s.text(k), "cares" | "caring" | "care") && s.text(k + 1) == "for" && s.text(k + 2) == "me")
            || (matches!(s.text(k), "looks" | "looking") && s.text(k + 1) == "after" && s.text(k + 2) == "me")
            || (s.text(k) == "me" && s.text(k + 1).starts_with("cuida"))
    };
    let takes = |i: usize| {
        s.words[i].starts_with_any(&["take", "took", "taking", "quita", "quito", "saca", "saco"])
            && !matches!(s.text(i.wrapping_sub(1)), "will" | "might" | "could" | "would" | "may")
            && (i + 1..(i + 4).min(s.len())).any(|j| {
                s.words[j].tags & (MONEY | PAYROLL | VALUABLE | CRED) != 0
                    || matches!(s.words[j].text.as_str(), "wages" | "wage" | "pension" | "paycheck" | "pay")
            })
    };
    // "my daughter takes money out for me every week": on the customer's behalf.
    let for_me = |i: usize| {
        (i + 1..(i + 6).min(s.len()))
            .any(|j| matches!((s.text(j), s.text(j + 1)), ("for", "me") | ("por" | "para", "mi")))
    };
    let in_care_at_all = (0..s.len()).any(in_care);
    let close = s.has(FAMILY) || (0..s.len()).any(carer);
    (afraid || in_care_at_all) && close && (0..s.len()).any(|i| takes(i) && !for_me(i)) && !only_asks(s)
}
