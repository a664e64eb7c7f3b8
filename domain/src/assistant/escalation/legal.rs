//! A legal threat: the customer's lawyer about to act, a regulator turned to, legal action
//! announced (not against someone else, not a regulator only asked about).

use super::Category;
use super::people::clause_opening;
use super::scan::Scan;
use super::situations::{Finding, negated, opens_question, real, told_in_past};
use super::words::*;

pub(super) fn legal(s: &Scan) -> Option<Finding> {
    for i in s.find(LEGAL | REGULATOR) {
        if negated(s, i) {
            continue;
        }
        // "my lawyer will be contacting you", "mi abogado se pondrá en contacto": the customer's own,
        // about to act.
        let own = i > 0
            && matches!(s.words[i - 1].text.as_str(), "my" | "our" | "mi" | "mis" | "nuestro" | "nuestros")
            && matches!(
                s.words[i].text.as_str(),
                "lawyer" | "lawyers" | "attorney" | "solicitor" | "solicitors" | "abogado" | "abogada" | "abogados"
            );
        let acting = (i.saturating_sub(4)..(i + 5).min(s.len())).any(|j| {
            matches!(
                s.words[j].text.as_str(),
                "will"
                    | "voy"
                    | "shall"
                    | "va"
                    | "van"
                    | "pondra"
                    | "contactara"
                    | "llamara"
                    | "contacting"
                    | "contact"
                    | "hear"
                    | "ya"
                    | "already"
            )
        });
        // "where can I read about consumer protection": the regulator asked about, not turned to.
        // "is the ombudsman free to use?": a yes-or-no question of which it is the subject.
        // ("is the ombudsman the same as the fca?": the first one named decides.)
        let clause = s.words[i].clause;
        let subject =
            |j: usize| s.words[j].tags & REGULATOR != 0 && (j.saturating_sub(2)..j).any(|k| s.starts_clause(k));
        let subject_asked = matches!(clause_opening(s, i).0, Some("is" | "does" | "can" | "will" | "do" | "are"))
            && (0..s.len()).any(|j| s.words[j].clause == clause && subject(j))
            && !told_in_past(s);
        // "for a uni essay: how does the financial ombudsman work?": how it works, asked in its phrase.
        let phrase = s.words[i].phrase;
        let in_phrase = || s.words.iter().filter(|w| w.phrase == phrase);
        let how_it_works = in_phrase().next().is_some_and(|w| matches!(w.text.as_str(), "how" | "como"))
            && in_phrase().any(|w| matches!(w.text.as_str(), "work" | "works" | "funciona" | "funcionan"));
        // ("who is the financial regulator for banks?": which one it is, asked.)
        let who = matches!(clause_opening(s, i).0, Some("who" | "quien" | "who's" | "whos"));
        // "indecopi me pidió un estado de cuenta para un trámite, ¿cómo lo descargo?": the regulator
        // asking the customer for a paper, and the customer asking how to get it.
        let asks_me = (i + 1..(i + 4).min(s.len())).any(|j| {
            s.words[j].tags & ASKED != 0
                || matches!(s.text(j), "needs" | "requires" | "necesita" | "requiere" | "pide" | "solicita")
        });
        // ("…¿lo pueden emitir?", "can you send it?": asked of the bank.)
        let of_you = |j: usize| {
            (j..(j + 3).min(s.len())).any(|k| {
                matches!((s.text(k), s.text(k + 1)), ("can" | "could", "you"))
                    || matches!(s.text(k), "pueden" | "podrian")
            })
        };
        let how = |j: usize| {
            s.starts_phrase(j)
                && (matches!(s.text(j), "como" | "how" | "donde" | "where" | "puedo" | "can") || of_you(j))
        };
        let paper_asked = asks_me && (i + 2..s.len()).any(how);
        let regulator = s.words[i].tags & REGULATOR != 0
            && !opens_question(s, i)
            && !subject_asked
            && !how_it_works
            && !who
            && !paper_asked;
        // "si esto no se arregla esta semana, mi abogado…", "unless this is fixed": a threat's condition.
        let ultimatum = s.words.iter().any(|w| w.text == "unless")
            || (0..i)
                .any(|c| s.words[c].tags & COND != 0 && (c + 1..(c + 4).min(i)).any(|k| s.words[k].tags & NEG != 0));
        // "ya estoy viendo el tema con un abogado por el cobro indebido": a lawyer already consulted
        // about a charge.
        let with = (i.saturating_sub(3)..i).any(|j| matches!(s.text(j), "con" | "with"));
        let consulting = (i.saturating_sub(6)..i).any(|j| {
            s.words[j].starts_with_any(&["viendo", "habl", "consult", "talk", "speak", "spoke", "asesor", "working"])
        });
        let consulted = with && consulting && real(s, i) && s.has(TXN) && !s.has(PROCESS);
        // "i'm taking legal action against my landlord, can i get my statements?": against someone else.
        let third = (i + 1..(i + 4).min(s.len())).any(|j| {
            matches!(s.text(j), "against" | "contra")
                && (j + 1..(j + 4).min(s.len())).any(|k| {
                    s.words[k]
                        .starts_with_any(&["landlord", "employer", "company", "shop", "builder", "casero", "empresa"])
                        || s.words[k].starts_with_any(&["patron", "arrendador", "tienda", "neighbo", "vecin"])
                })
        });
        if third {
            continue;
        }
        if s.in_clause(i, INTENT) || regulator || consulted || (own && acting && (real(s, i) || ultimatum)) {
            return Finding::of(Category::LegalThreat);
        }
    }
    None
}
