//! What the customer takes back a moment later: "¿me cobraron la luz dos veces? no, perdón, eran dos
//! meses distintos, todo bien", "charged twice?? oh never mind, my bad, it was two orders", "¿dos
//! veces? no, perdón, solo una"; and a complaint told as settled long since, or put aside.

use super::scan::Scan;
use super::words::*;

/// Whether a sentence after the first takes back what came before it: an all-clear ("never mind",
/// "my bad", "todo bien", "me equivoqué"), or a "no" or an apology opening a sentence that explains
/// ("no, perdón, eran dos meses distintos", "sorry, it was my wife"). Not "no está todo bien".
pub(super) fn taken_back(s: &Scan) -> bool {
    let all_clear = |i: usize| {
        !(1..=2).any(|k| matches!(s.text(i.wrapping_sub(k)), "no" | "not" | "nada" | "isnt" | "isn't" | "nothing"))
            && matches!(
                (s.text(i), s.text(i + 1)),
                ("never", "mind")
                    | ("nevermind" | "nvm" | "olvidalo" | "olvidenlo", _)
                    | ("my", "bad" | "mistake")
                    | ("todo", "bien")
                    | ("all", "good")
                    | ("me", "equivoque")
                    | ("found", "it")
            )
    };
    let opens = |i: usize| matches!(s.text(i), "no" | "perdon" | "sorry" | "ah" | "oh" | "disculpa" | "disculpe");
    // "…¿dos veces? no, perdón, solo una": the count put right.
    let explains = |i: usize| {
        matches!(
            (s.text(i), s.text(i + 1)),
            ("era" | "eran", _) | ("it", "was") | ("solo" | "only" | "just", "una" | "uno" | "one" | "once")
        )
    };
    (0..s.len()).filter(|&i| s.words[i].clause > 0).any(|i| {
        let clause = s.words[i].clause;
        let in_clause = |j: usize| s.words.get(j).is_some_and(|w| w.clause == clause);
        all_clear(i) || (s.starts_clause(i) && opens(i) && (i..s.len()).take_while(|&j| in_clause(j)).any(explains))
    })
}

/// "tengo un reclamo anterior que ya se solucionó, solo quería saber si…": an earlier complaint,
/// settled; "quería hacer una queja pero mejor pregunto primero…": one meant, and put aside.
pub(super) fn settled(s: &Scan, i: usize) -> bool {
    let settled_words = s.has(RESOLVED)
        || s.words.windows(3).any(|p| {
            matches!(
                (p[0].text.as_str(), p[1].text.as_str(), p[2].text.as_str()),
                ("ya", "se", "soluciono" | "resolvio" | "arreglo") | ("was" | "got" | "been", "resolved" | "sorted", _)
            )
        });
    let earlier = |i: usize| {
        matches!(s.text(i + 1), "anterior" | "pasado" | "pasada")
            || matches!(s.text(i.wrapping_sub(1)), "previous" | "old" | "earlier")
    };
    let put_aside = |i: usize| {
        (i.saturating_sub(4)..i).any(|k| matches!(s.text(k), "queria" | "iba" | "going" | "wanted" | "pensaba"))
            && (i + 1..s.len()).any(|k| {
                matches!(s.text(k), "pero" | "but")
                    && matches!(s.text(k + 1), "mejor" | "first" | "primero" | "instead")
            })
    };
    (earlier(i) && settled_words || put_aside(i)) && !s.has(DOUBLE_CHARGE)
}
