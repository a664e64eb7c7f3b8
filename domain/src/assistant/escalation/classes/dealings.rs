//! What was done with money, cards and devices, and by whom: paid, moved, sold, ordered, offered,
//! confirmed, installed, kept by a machine, talked into; what it was (fake, a loan, a salary, a
//! phone, a login) and how much of it (everything, more, others).

use super::super::words::*;

/// Each class of this part, with its words and phrases.
#[rustfmt::skip]
pub const DEALINGS: &[(Tags, &[&str])] = &[
    (PAID, &["pague", "paid", "compre", "bought"]),
    (MOVED, &[
            "move", "moved", "transfer", "transferred", "mover", "movi", "moviera", "moverlo", "transferi",
            "transfiriera", "transferirlo", "transferir", "pase", "pasar", "pasara", "pasarlo", "pague", "paid",
            "deposite", "deposited", "wired", "wire",
    ]),
    (CONFIRMED, &["confirmed", "confirme", "verified", "verifique", "validated", "valide"]),
    (INSTALL, &["instalar", "instale", "descargar", "descargue", "install", "download", "downloaded", "installed"]),
    (FORGED, &["fake", "falso", "falsa", "forged", "bogus", "phony"]),
    (EVERYTHING, &["everything", "todo", "todos"]),
    (LOGIN_NAME, &["usuario", "username", "login", "user"]),
    (ACCESS, &["acceso", "access"]),
    (POINTER, &["this", "that", "these", "este", "esta", "ese", "esa", "estos"]),
    (PHONE, &["phone", "cell", "cel", "cellphone", "mobile", "celular", "telefono", "movil"]),
    (RETAINED, &["swallowed", "ate", "kept", "retained", "retuvo", "trago", "quedo"]),
    (STICKER, &["sticker", "calcomania", "pegatina", "etiqueta", "number", "numero"]),
    (OFFERED, &["ofrecieron", "ofrecio", "offered", "promised"]),
    (LOAN, &["prestamo", "credito", "loan", "deuda", "debt"]),
    (FORWARD, &[
            "forward", "reenviar", "reenviarlo", "reenviarla", "transferirlo", "send them on", "send it on",
            "pass them on", "pass it on", "reenviarlos", "send on", "se lo pasara", "se la pasara", "se lo pase",
            "se lo transfiriera", "se lo mandara", "se lo enviara", "reenviara", "reenviaras",
    ]),
    (RECEIVE, &["receive", "recibir", "recibo", "recibiera", "recibieran", "reciba"]),
    (MORE, &["more", "mas"]),
    (OTHERS, &["otros", "other"]),
    (PAYROLL, &["deposito", "nomina", "sueldo", "salary", "payroll"]),
    (THEY_SENT, &["mandaron", "enviaron", "depositaron", "sent", "deposited"]),
    (POLICY, &["policy", "politica", "politicas"]),
    (SOLD, &["vendi", "vendimos", "sold"]),
    (CONVINCED, &["convinced", "convencieron", "convencio", "tricked", "enganaron", "engano"]),
    (OVERPAID, &[
            "overpaid", "overpaying", "paid too much", "sent too much", "paid me too much", "sent me too much",
            "pago de mas", "pagaron de mas", "deposito de mas", "depositaron de mas", "transfirio de mas",
            "me mando de mas", "mando de mas", "me pago de mas", "more than the price", "more than i asked",
            "mas de lo que pedi", "mas del precio",
    ]),
    (KNOWS, &["knows", "knew", "sabe", "sabia", "sabian", "saben", "conoce", "conocia", "conocian"]),
    (EMPTIED, &[
            "emptied", "drained", "cleaned out", "wiped out", "vacio", "vaciaron", "se llevo todo", "took everything",
            "took all the money", "se llevo todo el dinero",
    ]),
    (ORDERED, &["ordered", "requested", "applied for", "asked for", "signed up for", "pedi", "solicite", "tramite"]),
];
