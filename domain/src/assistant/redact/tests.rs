//! Tests of `redact`.

use super::PiiKind::*;
use super::*;

/// (input, expected output, kinds found)
const CASES: &[(&str, &str, &[PiiKind])] = &[
    // Cards: Luhn-valid with separators; near misses stay.
    ("mi tarjeta 4111 1111 1111 1111 no pasa", "mi tarjeta [CARD ****1111] no pasa", &[Card]),
    ("card 5500-0000-0000-0004", "card [CARD ****0004]", &[Card]),
    ("4111111111111112 is not a card", "4111111111111112 is not a card", &[]),
    ("378282246310005", "[CARD ****0005]", &[Card]),
    // IBAN and CLABE.
    ("IBAN ES91 2100 0418 4502 0005 1332 por favor", "IBAN [IBAN] por favor", &[Iban]),
    ("GB82WEST12345698765432", "[IBAN]", &[Iban]),
    ("ES91 2100 0418 4502 0005 1333", "ES91 2100 0418 4502 0005 1333", &[]),
    ("mi clabe es 032180000118359719", "mi clabe es [CLABE]", &[Clabe]),
    ("ref 032180000118359710", "ref 032180000118359710", &[]),
    // National ids.
    ("CURP HEGG560427MVZRRL04", "CURP [CURP]", &[Curp]),
    ("CURP HEGG560427MVZRRL05", "CURP HEGG560427MVZRRL05", &[]),
    ("RFC GODE561231GR8", "RFC [RFC]", &[Rfc]),
    ("código XAXX991399AB1", "código XAXX991399AB1", &[]),
    ("DNI 12345678Z", "DNI [DNI]", &[Dni]),
    ("DNI 12345678A", "DNI 12345678A", &[]),
    ("NIE X1234567L", "NIE [NIE]", &[Nie]),
    ("NIE X1234567A", "NIE X1234567A", &[]),
    // E-mail and phones.
    ("escribe a Ana.Lopez+bank@correo.com.mx hoy", "escribe a [EMAIL] hoy", &[Email]),
    ("llámame al +52 55 1234 5678", "llámame al [PHONE]", &[Phone]),
    ("my number is (555) 123-4567", "my number is [PHONE]", &[Phone]),
    ("móvil 612 345 678", "móvil [PHONE]", &[Phone]),
    // Codes and PINs only after a keyword; accounts after "cuenta"/"account".
    ("mi NIP es 1234", "mi NIP es [CODE]", &[Code]),
    ("the code I got is 482913", "the code I got is [CODE]", &[Code]),
    ("número de cuenta 0123456789", "número de cuenta [ACCOUNT]", &[Account]),
    ("account no. 12345678", "account no. [ACCOUNT]", &[Account]),
    ("estado de cuenta del 01/02/2024", "estado de cuenta del 01/02/2024", &[]),
    // Ordinary numbers are left alone.
    ("transferí $15,000.00 el 2024-01-15", "transferí $15,000.00 el 2024-01-15", &[]),
    ("tengo 3 tarjetas y 2 cuentas", "tengo 3 tarjetas y 2 cuentas", &[]),
    ("folio 12345", "folio 12345", &[]),
    ("pagué 1234 pesos", "pagué 1234 pesos", &[]),
];

#[test]
fn table() {
    for (input, expected, kinds) in CASES {
        let r = redact(input);
        assert_eq!(r.text, *expected, "input: {input}");
        assert_eq!(r.found, kinds.to_vec(), "input: {input}");
    }
}

/// A small deterministic generator, so the variants are the same on every run.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
    /// `groups` joined by separators picked one by one: any mix a customer might type.
    fn join(&mut self, groups: &[&str], separators: &[&str]) -> String {
        let mut out = groups[0].to_owned();
        for g in &groups[1..] {
            out.push_str(separators[self.below(separators.len())]);
            out.push_str(g);
        }
        out
    }
}

fn luhn_complete(body: &str) -> String {
    (0..10).map(|d| format!("{body}{d}")).find(|c| luhn_valid(c)).unwrap_or_default()
}

fn chunks(s: &str, sizes: &[usize]) -> Vec<String> {
    let mut at = 0;
    sizes
        .iter()
        .map(|n| {
            let end = (at + n).min(s.len());
            let part = s[at..end].to_owned();
            at = end;
            part
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Every kind, written with separators in any mix, inside a sentence: found, and no more than
/// a card's last four digits survive.
#[test]
fn separator_variants_of_every_kind_are_redacted() {
    const CARD_SEPARATORS: &[&str] = &[" ", "  ", "   ", ".", "-", "/", " - ", "_", "\t", " / ", ". ", "--", "–"];
    const SEPARATORS: &[&str] = &[" ", "  ", ".", "-", "/", " - "];
    let mut g = Gen(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let len = [13, 15, 16, 16, 19][g.below(5)];
        let first = ["4", "5", "3", "6"][g.below(4)];
        let body = format!("{first}{}", g.digits(len - 2));
        let card = luhn_complete(&body);
        let sizes: &[usize] = match len {
            15 => &[4, 6, 5],
            16 => &[4, 4, 4, 4],
            _ => &[4, 4, 4, 4, 3],
        };
        let parts = chunks(&card, sizes);
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let written = g.join(&refs, CARD_SEPARATORS);
        let r = redact(&format!("mi tarjeta es {written}, ayuda"));
        assert!(r.found.contains(&Card), "{written} -> {}", r.text);
        assert!(r.text.contains(&format!("****{}", &card[card.len() - 4..])), "{written} -> {}", r.text);
        assert!(r.text.chars().filter(char::is_ascii_digit).count() <= 4, "{written} -> {}", r.text);
    }
    let ibans: &[&[&str]] = &[
        &["ES91", "2100", "0418", "4502", "0005", "1332"],
        &["GB82", "WEST", "1234", "5698", "7654", "32"],
        &["DE89", "3704", "0044", "0532", "0130", "00"],
    ];
    let other: Vec<(PiiKind, Vec<String>, &[&str])> = vec![
        (Iban, Vec::new(), &[" ", "", "-", ".", "/", "  "]),
        (Clabe, vec!["032".into(), "180".into(), "00011835971".into(), "9".into()], SEPARATORS),
        (Clabe, vec!["0321".into(), "8000".into(), "0118".into(), "359719".into()], SEPARATORS),
        (Phone, vec!["+52".into(), "55".into(), "1234".into(), "5678".into()], SEPARATORS),
        (Phone, vec!["612".into(), "345".into(), "678".into()], SEPARATORS),
        (Dni, vec!["12345678".into(), "Z".into()], &["", " ", "-", "."]),
        (Nie, vec!["X".into(), "1234567".into(), "L".into()], &["", " ", "-", "."]),
        (Code, vec!["código".into(), "482".into(), "913".into()], &[" ", "-", "."]),
        (Account, vec!["cuenta".into(), "0123".into(), "4567".into(), "89".into()], &[" ", "-", ".", "/", "  "]),
    ];
    for (kind, groups, separators) in other {
        for round in 0..60 {
            let groups: Vec<&str> = if kind == Iban {
                ibans[round % ibans.len()].to_vec()
            } else {
                groups.iter().map(String::as_str).collect()
            };
            let mut written = g.join(&groups, separators);
            // A keyword and its number are apart by a space at least.
            if matches!(kind, Code | Account) {
                written = written.replacen(groups[0], &format!("{} ", groups[0]), 1);
            }
            let r = redact(&format!("hola, {written} gracias"));
            assert!(r.found.contains(&kind), "{kind:?}: {written} -> {} ({:?})", r.text, r.found);
            assert_eq!(r.text.chars().filter(char::is_ascii_digit).count(), 0, "{written} -> {}", r.text);
        }
    }
    for email in ["Ana.Lopez+bank@Correo.com.MX", "ANA_LOPEZ@EXAMPLE.ORG", "a.b-c@sub.domain.co"] {
        let r = redact(&format!("escribe a {email}."));
        assert_eq!(r.found, vec![Email], "{email} -> {}", r.text);
    }
}

#[test]
fn validators() {
    assert!(luhn_valid("4539578763621486"));
    assert!(!luhn_valid("4539578763621487"));
    assert!(iban_valid("DE89 3704 0044 0532 0130 00"));
    assert!(!iban_valid("DE89 3704 0044 0532 0130 01"));
    assert!(clabe_valid("002010077777777771"));
    assert!(!clabe_valid("002010077777777772"));
}

#[test]
fn text_without_digits_or_at_signs_comes_back_as_it_is() {
    let plain = "¿Cómo bloqueo mi tarjeta? I lost it at the café — ayúdenme por favor";
    assert_eq!(redact(plain), Redacted { text: plain.to_owned(), found: Vec::new() });
    // One digit or '@' anywhere sends the text through every pattern.
    assert_eq!(redact("mi correo es ana@example.com").found, vec![Email]);
    assert_eq!(redact("tarjeta 4539 5787 6362 1486").found, vec![Card]);
}
