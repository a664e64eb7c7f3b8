use super::*;

fn ring(keys: &[(&str, &str)]) -> KeyRing {
    let text: Vec<String> = keys.iter().map(|(id, k)| format!("{id}:{k}")).collect();
    KeyRing::parse(&text.join(","), INDEX).unwrap()
}

const A: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const B: &str = "HwEeAh0DHAQbBRoGGQcYCBcJFgoVCxQMEw0SDhEPEBA=";
const INDEX: &str = "ZGlmZmVyZW50LWluZGV4LWtleS0zMi1ieXRlcy1sb24=";

#[test]
fn a_sealed_value_opens_and_hides_its_text() {
    let vault = Vault::new(&ring(&[("a", A)]));
    let sealed = vault.seal(Field::MessageContent, "mi tarjeta fue robada");
    assert!(sealed.starts_with("jx1:a:"));
    assert!(!sealed.contains("tarjeta"));
    assert_ne!(sealed, vault.seal(Field::MessageContent, "mi tarjeta fue robada"), "each value has its own nonce");
    assert_eq!(vault.open(Field::MessageContent, &sealed).unwrap(), "mi tarjeta fue robada");
    assert!(vault.is_current(&sealed));
}

#[test]
fn a_value_is_bound_to_its_column_and_key() {
    let vault = Vault::new(&ring(&[("a", A)]));
    let sealed = vault.seal(Field::CustomerName, "Ana");
    assert!(vault.open(Field::CustomerNotes, &sealed).is_err(), "moved to another column");
    let other = Vault::new(&ring(&[("b", B)]));
    assert!(other.open(Field::CustomerName, &sealed).unwrap_err().to_string().contains("key a is not configured"));
    let mut damaged = sealed.clone();
    damaged.pop();
    damaged.push(if sealed.ends_with('A') { 'B' } else { 'A' });
    assert!(vault.open(Field::CustomerName, &damaged).is_err());
}

#[test]
fn a_rotated_ring_opens_old_values_and_seals_with_the_new_key() {
    let old = Vault::new(&ring(&[("a", A)]));
    let sealed = old.seal(Field::TicketNote, "nota");
    let new = Vault::new(&ring(&[("b", B), ("a", A)]));
    assert_eq!(new.open(Field::TicketNote, &sealed).unwrap(), "nota");
    assert!(!new.is_current(&sealed));
    assert!(new.seal(Field::TicketNote, "nota").starts_with("jx1:b:"));
}

#[test]
fn plain_values_from_before_encryption_still_read() {
    let vault = Vault::new(&ring(&[("a", A)]));
    assert_eq!(vault.open(Field::MessageContent, "hola").unwrap(), "hola");
    assert!(!vault.is_current("hola"));
    let off = Vault::new(&ring(&[("a", A)]).without_sealing());
    assert_eq!(off.seal(Field::MessageContent, "hola"), "hola");
    assert!(off.is_current("hola"));
}

#[test]
fn blind_indexes_are_stable_keyed_and_bound_to_the_column() {
    let vault = Vault::new(&ring(&[("a", A)]));
    let rotated = Vault::new(&ring(&[("b", B), ("a", A)]));
    let e = vault.blind(Field::CustomerEmail, "ana@example.com");
    assert_eq!(e.len(), 32);
    assert_eq!(e, rotated.blind(Field::CustomerEmail, "ana@example.com"), "data-key rotation keeps indexes");
    assert_ne!(e, vault.blind(Field::CustomerAccount, "ana@example.com"));
    assert_ne!(e, vault.blind(Field::CustomerEmail, "ana@example.org"));
}

#[test]
fn bad_rings_are_refused_without_echoing_keys() {
    for (keys, index, says) in [
        ("", INDEX, "names no key"),
        ("a", INDEX, "id:base64-key"),
        ("a b:xx", INDEX, "key id"),
        (&format!("a:{A},a:{B}") as &str, INDEX, "appears twice"),
        ("a:c2hvcnQ=", INDEX, "32 bytes"),
        (&format!("a:{A}") as &str, "%%%", "not base64"),
    ] {
        let e = KeyRing::parse(keys, index).unwrap_err();
        assert!(e.contains(says), "{keys}: {e}");
        assert!(!e.contains(A) && !e.contains(INDEX));
    }
    let generated = KeyRing::generated(KeyOrigin::Ephemeral);
    let again = KeyRing::from_env_lines(&generated.to_env_lines()).unwrap();
    assert_eq!(again.key_ids(), ["k1"]);
    assert!(!format!("{generated:?}").contains(&generated.to_env_lines()[16..40]));
}
