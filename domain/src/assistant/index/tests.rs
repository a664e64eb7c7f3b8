//! The index on a small bilingual knowledge base.

use super::*;

fn doc(id: i32, title: &str, content: &str, tags: &[&str], category: &str) -> Doc {
    Doc {
        id,
        title: title.into(),
        content: content.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        examples: Vec::new(),
        category: category.into(),
        language: "es".into(),
    }
}

fn index() -> Index {
    let mut ix = Index::new();
    ix.upsert(doc(
        1,
        "Consultar tu saldo",
        "Puedes ver el saldo de tu cuenta en la app o en un cajero.",
        &["saldo"],
        "cuentas",
    ));
    ix.upsert(doc(
        2,
        "Transferencias internacionales",
        "Para enviar dinero al extranjero usa SWIFT desde la banca en línea.",
        &["swift"],
        "transferencias",
    ));
    ix.upsert(doc(
        3,
        "Bloquear una tarjeta robada",
        "Si te robaron la tarjeta, bloquéala desde la app de inmediato.",
        &["tarjeta", "robo"],
        "tarjetas",
    ));
    ix.upsert(doc(
        4,
        "Recuperar tu contraseña",
        "Si olvidaste tu contraseña o tu usuario está bloqueado, restablécela.",
        &["acceso"],
        "seguridad",
    ));
    ix.upsert(doc(
        5,
        "Horario de sucursales",
        "Las sucursales abren de lunes a viernes de 9 a 16 horas.",
        &["horario"],
        "general",
    ));
    ix
}

fn top(ix: &Index, q: &str) -> Option<i32> {
    ix.search(q, None, 3).first().map(|h| h.id)
}

#[test]
fn ranks_across_languages_synonyms_and_typos() {
    let ix = index();
    assert_eq!(top(&ix, "¿Cuál es mi saldo?"), Some(1));
    assert_eq!(top(&ix, "What's my balance?"), Some(1));
    assert_eq!(top(&ix, "How do I send money abroad?"), Some(2));
    assert_eq!(top(&ix, "I'm locked out, forgot password"), Some(4));
    assert_eq!(top(&ix, "tarjetas robadas"), Some(3));
    assert_eq!(top(&ix, "HORARIO de SUCURSAL"), Some(5));
    assert_eq!(top(&ix, "horraio sucursales"), Some(5), "typo");
    assert_eq!(top(&ix, "xyzzy"), None);
}

#[test]
fn examples_match_like_titles() {
    let mut ix = index();
    ix.upsert(Doc {
        examples: vec!["el cajero se comió mi plástico".into()],
        ..doc(6, "Tarjeta retenida", "Qué hacer.", &[], "tarjetas")
    });
    assert_eq!(top(&ix, "el cajero se comió mi plástico"), Some(6));
}

#[test]
fn updates_in_place_and_filters_by_category() {
    let mut ix = index();
    assert_eq!(ix.search("saldo", Some("tarjetas"), 3).len(), 0);
    ix.remove(1);
    assert_ne!(top(&ix, "saldo"), Some(1));
    ix.upsert(doc(9, "Saldo disponible", "El saldo disponible se actualiza al instante.", &[], "cuentas"));
    assert_eq!(top(&ix, "saldo"), Some(9));
    assert_eq!(ix.len(), 5);
}

#[test]
fn passages_are_kept_until_the_article_changes() {
    let mut ix = index();
    let w = ix.weigh("cajero saldo", Lang::Es);
    assert_eq!(
        ix.passages(1).and_then(|p| p.best(&w)),
        Some("Puedes ver el saldo de tu cuenta en la app o en un cajero.")
    );
    let changed = "## Saldo\n\nEn la app, en Cuentas.\n\nEn el cajero, con tu tarjeta y tu NIP.";
    ix.upsert(doc(1, "Consultar tu saldo", changed, &["saldo"], "cuentas"));
    assert_eq!(ix.passages(1).and_then(|p| p.best(&w)), Some("En el cajero, con tu tarjeta y tu NIP."));
    ix.remove(1);
    assert!(ix.passages(1).is_none());
}
