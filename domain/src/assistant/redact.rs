//! PII redaction for free text in Spanish and English: card numbers (Luhn-checked, last 4 kept),
//! IBANs (mod-97), Mexican CLABEs (check digit), account numbers, CURP/RFC, DNI/NIE, e-mail
//! addresses, phone numbers, and one-time codes or PINs typed after a keyword. Validators keep
//! ordinary numbers (amounts, dates, references) from being mangled.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// What kind of personal data was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PiiKind {
    Card,
    Iban,
    Clabe,
    Account,
    Curp,
    Rfc,
    Dni,
    Nie,
    Email,
    Phone,
    Code,
}

impl PiiKind {
    /// snake_case name, for metadata.
    pub fn as_str(self) -> &'static str {
        match self {
            PiiKind::Card => "card",
            PiiKind::Iban => "iban",
            PiiKind::Clabe => "clabe",
            PiiKind::Account => "account",
            PiiKind::Curp => "curp",
            PiiKind::Rfc => "rfc",
            PiiKind::Dni => "dni",
            PiiKind::Nie => "nie",
            PiiKind::Email => "email",
            PiiKind::Phone => "phone",
            PiiKind::Code => "code",
        }
    }
}

/// Redacted text plus what was taken out (kinds only, never values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub text: String,
    pub found: Vec<PiiKind>,
}

// The patterns are constants, compiled once on first use and exercised by every test below: a bad
// one is a programming error caught before release, like a failed start-up.
#[allow(clippy::expect_used)]
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b"));
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b[A-Z]{2}\d{2}(?:[ .\-/]{0,2}[A-Z0-9]{4}){2,7}(?:[ .\-/]{0,2}[A-Z0-9]{1,4})?\b"));
static CURP: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9]\d\b"));
static RFC: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b[A-ZÑ&]{3,4}(\d{2})(\d{2})(\d{2})[A-Z0-9]{3}\b"));
static NIE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b([XYZ])[-. ]?(\d{7})[-. ]?([A-Z])\b"));
static DNI: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(\d{8})[-. ]?([A-Z])\b"));
/// Groups of digits with up to three separators between them, in any mix: spaces, tabs, dots,
/// dashes, slashes, underscores ("4111.1111.1111.1111", "4111  1111/1111-1111").
static CARD_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"[0-9](?:[ \t./\\_\-–—]{0,3}[0-9])+"));
/// Runs of digits with spaces, dashes, dots, slashes or brackets between groups.
static DIGIT_RUN: LazyLock<Regex> = LazyLock::new(|| re(r"\+?\(?\d(?:[\- ().\t/]{0,3}\d)*"));
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"(?i)\b(pin|nip|otp|c[oó]digo|code|clave|token|contrase[ñn]a|password|passcode)\b",
        r"([^\d\n]{0,25}?)(\d(?:[ .\-]?\d){3,7})\b",
    ))
});
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(cuenta|account|acct|acc)\b([^\d\n]{0,25}?)(\d[\d .\-/]{6,24}\d)"));

/// Redacts every kind of PII in `text`.
pub fn redact(text: &str) -> Redacted {
    // Every pattern needs a digit (`\d` is any Unicode digit) or an '@': text with neither has
    // nothing to redact, and most questions have neither.
    if !text.chars().any(|c| c == '@' || c.is_numeric()) {
        return Redacted { text: text.to_owned(), found: Vec::new() };
    }
    let mut found = Vec::new();
    let mut out = EMAIL.replace_all(text, |_: &Captures| mark(&mut found, PiiKind::Email, "[EMAIL]")).into_owned();
    out = IBAN.replace_all(&out, |c: &Captures| redact_iban(&c[0], &mut found)).into_owned();
    out = replace_valid(&CURP, &out, &mut found, PiiKind::Curp, "[CURP]", |c| curp_valid(&c[0]));
    out = replace_valid(&RFC, &out, &mut found, PiiKind::Rfc, "[RFC]", |c| date_valid(&c[2], &c[3]));
    out = replace_valid(&NIE, &out, &mut found, PiiKind::Nie, "[NIE]", |c| {
        let prefix = match c[1].to_ascii_uppercase().as_str() {
            "X" => "0",
            "Y" => "1",
            _ => "2",
        };
        dni_letter_ok(&format!("{prefix}{}", &c[2]), &c[3])
    });
    out = replace_valid(&DNI, &out, &mut found, PiiKind::Dni, "[DNI]", |c| dni_letter_ok(&c[1], &c[2]));
    // Codes and accounts come before the generic digit scan: their keyword says what they are.
    out = CODE
        .replace_all(&out, |c: &Captures| {
            let kept = format!("{}{}", &c[1], &c[2]);
            format!("{kept}{}", mark(&mut found, PiiKind::Code, "[CODE]"))
        })
        .into_owned();
    out = ACCOUNT
        .replace_all(&out, |c: &Captures| {
            let digits: String = c[3].chars().filter(char::is_ascii_digit).collect();
            if looks_like_date(&c[3]) {
                c[0].to_owned()
            } else if (13..=19).contains(&digits.len()) && luhn_valid(&digits) {
                let card = format!("[CARD ****{}]", &digits[digits.len() - 4..]);
                format!("{}{}{}", &c[1], &c[2], mark(&mut found, PiiKind::Card, &card))
            } else if (8..=20).contains(&digits.len()) {
                format!("{}{}{}", &c[1], &c[2], mark(&mut found, PiiKind::Account, "[ACCOUNT]"))
            } else {
                c[0].to_owned()
            }
        })
        .into_owned();
    out = CARD_RUN.replace_all(&out, |c: &Captures| redact_cards(&c[0], &mut found)).into_owned();
    out = DIGIT_RUN.replace_all(&out, |c: &Captures| classify_digits(&c[0], &mut found)).into_owned();
    Redacted { text: out, found }
}

/// "01/02/2024", "2024-01-15", "15.01.2024": a date, not an account number.
fn looks_like_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) && matches!(lens.as_slice(), [2, 2, 4] | [4, 2, 2])
}

/// Replaces every match of `re` that passes `valid` with `token`; other matches stay as they are.
fn replace_valid(
    re: &Regex,
    text: &str,
    found: &mut Vec<PiiKind>,
    kind: PiiKind,
    token: &str,
    valid: impl Fn(&Captures) -> bool,
) -> String {
    re.replace_all(text, |c: &Captures| if valid(c) { mark(found, kind, token) } else { c[0].to_owned() }).into_owned()
}

/// The pattern may run on into a following word ("… 1332 por"): try the longest valid prefix of
/// space-separated groups.
fn redact_iban(candidate: &str, found: &mut Vec<PiiKind>) -> String {
    let groups: Vec<&str> = candidate.split([' ', '.', '-', '/']).filter(|g| !g.is_empty()).collect();
    for k in (1..=groups.len()).rev() {
        if iban_valid(&groups[..k].concat()) {
            let rest = groups[k..].join(" ");
            let iban = mark(found, PiiKind::Iban, "[IBAN]");
            return if rest.is_empty() { iban } else { format!("{iban} {rest}") };
        }
    }
    candidate.to_owned()
}

fn mark(found: &mut Vec<PiiKind>, kind: PiiKind, replacement: &str) -> String {
    found.push(kind);
    replacement.to_owned()
}

/// Card numbers in a run of digit groups, however they are separated: a CLABE if the whole run
/// is one, else every span of whole groups with 13–19 digits that passes Luhn, longest first
/// (a card followed by an expiry date is still found).
fn redact_cards(run: &str, found: &mut Vec<PiiKind>) -> String {
    // (start, end) byte offsets of each group of digits.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for (i, c) in run.char_indices() {
        match (c.is_ascii_digit(), groups.last_mut()) {
            (true, Some(last)) if last.1 == i => last.1 = i + 1,
            (true, _) => groups.push((i, i + 1)),
            _ => {}
        }
    }
    let digits_of = |from: usize, to: usize| -> String { groups[from..to].iter().map(|&(a, b)| &run[a..b]).collect() };
    let whole = digits_of(0, groups.len());
    if whole.len() == 18 && clabe_valid(&whole) {
        return mark(found, PiiKind::Clabe, "[CLABE]");
    }
    let mut out = String::new();
    let (mut at, mut from) = (0usize, 0usize);
    while from < groups.len() {
        let card = (from + 1..=groups.len()).rev().find(|&to| {
            let d = digits_of(from, to);
            (13..=19).contains(&d.len()) && luhn_valid(&d)
        });
        match card {
            Some(to) => {
                let d = digits_of(from, to);
                out.push_str(&run[at..groups[from].0]);
                out.push_str(&mark(found, PiiKind::Card, &format!("[CARD ****{}]", &d[d.len() - 4..])));
                at = groups[to - 1].1;
                from = to;
            }
            None => from += 1,
        }
    }
    out.push_str(&run[at..]);
    out
}

/// A run of digits: a phone number, or left alone (cards and CLABEs went before, in
/// [`redact_cards`]).
fn classify_digits(run: &str, found: &mut Vec<PiiKind>) -> String {
    let digits: String = run.chars().filter(char::is_ascii_digit).collect();
    let has_plus = run.starts_with('+');
    let looks_like_date = run.contains('.') && digits.len() == 8;
    if (9..=15).contains(&digits.len()) && (has_plus || digits.len() <= 12) && !looks_like_date {
        return mark(found, PiiKind::Phone, "[PHONE]");
    }
    run.to_owned()
}

/// Luhn check over a string of ASCII digits.
pub fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, d) in digits.bytes().rev().enumerate() {
        let mut v = u32::from(d - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    !digits.is_empty() && sum.is_multiple_of(10)
}

/// IBAN mod-97 check (spaces ignored).
pub fn iban_valid(iban: &str) -> bool {
    let s: String = iban.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
    if !(15..=34).contains(&s.len()) || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let (head, tail) = s.split_at(4);
    let mut remainder = 0u32;
    for c in tail.chars().chain(head.chars()) {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    remainder == 1
}

/// Mexican CLABE: 18 digits, weights 3-7-1, last digit checks the first 17.
pub fn clabe_valid(digits: &str) -> bool {
    if digits.len() != 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let weights = [3u32, 7, 1];
    let sum: u32 = digits.bytes().take(17).enumerate().map(|(i, b)| (u32::from(b - b'0') * weights[i % 3]) % 10).sum();
    let check = (10 - sum % 10) % 10;
    u32::from(digits.as_bytes()[17] - b'0') == check
}

/// CURP check digit (the 18th character) over the first 17.
pub fn curp_valid(curp: &str) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let chars: Vec<char> = curp.to_uppercase().chars().collect();
    if chars.len() != 18 {
        return false;
    }
    let mut sum = 0u32;
    for (i, c) in chars.iter().take(17).enumerate() {
        let Some(pos) = ALPHABET.chars().position(|a| a == *c) else { return false };
        sum += pos as u32 * (18 - i as u32);
    }
    let check = (10 - sum % 10) % 10;
    chars[17].to_digit(10) == Some(check)
}

fn date_valid(month: &str, day: &str) -> bool {
    let (Ok(m), Ok(d)) = (month.parse::<u32>(), day.parse::<u32>()) else { return false };
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Spanish DNI/NIE control letter.
fn dni_letter_ok(number: &str, letter: &str) -> bool {
    const LETTERS: &[u8] = b"TRWAGMYFPDXBNJZSQVHLCKE";
    let Ok(n) = number.parse::<u32>() else { return false };
    letter.to_ascii_uppercase().as_bytes().first() == Some(&LETTERS[(n % 23) as usize])
}

#[cfg(test)]
mod tests;
