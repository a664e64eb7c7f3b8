//! Concepts about cards, ATMs and cash.

#[rustfmt::skip]
pub const CONCEPTS: &[(&str, &[&str])] = &[
    ("card", &[
        "tarjeta", "plastico", "card", "visa", "mastercard", "amex", "tdc", "tdd", "tarjetita",
    ]),
    ("credit_card", &["tdc", "credito", "credit"]),
    ("debit_card", &["tdd", "debito", "debit"]),
    ("block", &[
        "bloquear", "bloqueo", "bloqueado", "congelar", "congelada", "pausar", "pausa", "apagar", "apagada",
        "desactivar",
        "inhabilitar", "inhabilitada", "suspender", "suspendida", "cancelar tarjeta", "freeze", "frozen", "block",
        "lock", "pause", "paused", "turn off", "switch off", "disable", "deactivate", "suspend", "put a hold",
        "temporary block", "bloqueo temporal", "poner pausa", "turn * off", "switch * off", "shut * off",
        // Lifting a block is about the block: an article on why a card or PIN got blocked answers it.
        "desbloquear", "desbloqueo", "unlock", "unblock", "unfreeze", "unlocked", "unblocked",
    ]),
    ("unblock", &[
        "desbloquear", "desbloqueo", "reactivar", "encender", "prender", "quitar el bloqueo", "unlock", "unblock",
        "unfreeze", "turn on", "switch on", "enable", "reactivate", "lift the block", "turn * back on",
        "switch * back on",
    ]),
    ("activate", &[
        "activar", "activacion", "habilitar", "empezar a usar", "start using", "activate", "activation", "inactive",
        "inactiva", "no me deja comprar", "arrives blocked", "llega bloqueada", "estrenar",
    ]),
    ("replace", &[
        "reposicion", "reponer", "reemplazo", "reemplazar", "nueva tarjeta", "otra tarjeta", "tarjeta nueva",
        "duplicado", "renovacion", "renovar", "renovada", "replacement", "replace", "new card", "another card",
        "renew", "renewal", "reissue", "duplicate", "new one", "get a new",
    ]),
    ("damaged", &[
        "danada", "danado", "rota", "roto", "estropeada", "partida", "quebrada", "doblada", "desgastada", "no funciona",
        "no sirve", "no lee", "no pasa", "ya no pasa", "desmagnetizada", "banda", "banda magnetica", "chip", "damaged",
        "broken", "cracked", "snapped", "worn", "worn out", "not working", "stopped working", "doesn't work",
        "dont work", "won't read", "wont read", "bent", "scratched", "magnetic strip", "stripe",
    ]),
    ("expire", &[
        "vence", "vencer", "vencida", "vencimiento", "caduca", "caducar", "caducada", "expira", "expirar", "expire",
        "expired", "expiry", "expiration", "expires", "expiring", "valid thru",
    ]),
    ("lost_stolen", &[
        "perder", "perdi", "perdida", "extraviar", "extravio", "extraviada", "robar", "robo", "robada", "robaron",
        "hurto", "lost", "lose", "stolen", "steal", "stole", "theft", "missing", "misplaced", "can't find",
        "no encuentro",
    ]),
    ("retained", &[
        "retenida", "retener", "retuvo", "retencion", "se trago", "trago", "tragar", "se quedo con", "se quedo",
        "se comio", "atorada", "atrapada", "atascada", "no me la devolvio", "no me devolvio", "adentro del cajero",
        "retained", "retain", "kept", "keep my card", "swallowed", "swallow", "ate", "eaten", "stuck", "captured",
        "confiscated", "didn't give back", "didn't return", "never came out", "not returned", "trapped",
        "pulled * in", "pull * out", "won't give * back", "wouldn't give * back", "didn't give * back", "card back",
        "won't come out", "wouldn't come out", "wouldn't remove", "won't remove", "disappeared in the machine",
        "get * card out", "get * card back",
        "no sale", "no salio", "no me la regreso",
    ]),
    ("atm", &[
        "cajero", "cajero automatico", "atm", "cash machine", "cashpoint", "cash point", "maquina", "machine",
        "cajeros", "terminal de autoservicio", "autoservicio",
    ]),
    ("cash", &[
        "efectivo", "billete", "billetes", "cash", "bill", "bills", "note", "notes", "banknote", "banknotes",
        "monedas", "coins", "en mano", "cash out",
    ]),
    ("withdraw", &[
        "retirar", "retiro", "sacar", "saque", "extraer", "extraccion", "disponer", "withdraw", "withdrawal",
        "withdrew", "take out", "taking out", "get cash", "get money out", "sacar plata", "sacar dinero", "take * out",
    ]),
    ("deposit", &[
        "depositar", "deposito", "ingresar dinero", "abonar", "abono", "poner dinero", "meter dinero", "poner plata",
        "deposit", "pay in", "put in", "put money", "put cash", "credit to my account", "acreditar", "acreditacion",
    ]),
    ("limit", &[
        "limite", "tope", "maximo", "monto maximo", "cupo", "limit", "cap", "maximum", "max", "most", "as much",
        "how much can", "cuanto puedo",
    ]),
    ("increase", &[
        "subir", "aumentar", "aumento", "ampliar", "ampliacion", "incrementar", "elevar", "mas alto", "increase",
        "raise", "higher", "boost", "extend", "bigger", "subo", "sube", "suben", "subirlo", "subirla", "subanme",
        "mas cupo", "mas limite", "more room",
    ]),
    ("decrease", &[
        "bajar", "reducir", "disminuir", "reduccion", "lower", "reduce", "decrease", "smaller",
    ]),
    ("pin", &[
        "nip", "pin", "clave de la tarjeta", "codigo de la tarjeta", "pin number", "pin code", "numero secreto",
        "clave del cajero",
    ]),
    ("contactless", &[
        "sin contacto", "contactless", "nfc", "apple pay", "google pay", "samsung pay", "billetera digital",
        "wallet app", "digital wallet", "tap", "tap to pay", "acercar", "acercando", "pagar con el celular",
        "pay with my phone", "pago movil", "reloj", "watch",
    ]),
    ("delivery", &[
        "entrega", "entregar", "envio", "courier", "mensajeria", "paqueteria", "domicilio", "a mi casa", "deliver",
        "delivery", "delivered", "ship", "shipping", "shipment", "mail", "post", "track", "tracking", "llegar",
        "llega", "no me llega", "when will i get", "arrive", "arrives", "came in the mail",
    ]),
    ("travel", &[
        "viaje", "viajar", "viajo", "vacaciones", "extranjero", "trip", "travel", "travelling", "traveling",
        "holiday", "vacation", "abroad", "overseas", "heading to", "headed to", "flying to", "me voy a", "me voy de",
        "vuelo", "flight", "the states", "going on a trip",
    ]),
    ("purchase", &[
        "compra", "comprar", "compras", "tienda", "comercio", "consumo", "shopping", "purchase", "buy", "store",
        "shop", "merchant", "spend", "spending", "gastar", "gasto",
    ]),
    ("online", &[
        "internet", "en linea", "online", "web", "por internet", "e-commerce", "amazon", "mercado libre", "website",
    ]),
    ("installments", &[
        "cuotas", "cuota", "mensualidades", "meses sin intereses", "msi", "plazos", "a plazos", "diferir",
        "instalments", "installments", "instalment", "installment", "monthly payments", "split", "payment plan",
        "spread the cost", "pay over time",
    ]),
    ("not_dispensed", &[
        "no * entrego * dinero", "no * entrego * plata", "no * entrego * efectivo", "no * dio * dinero",
        "no * dio * plata", "no * dio * efectivo", "no salio * dinero", "no salio * plata", "no salio el efectivo",
        "didn't * dispense", "did not * dispense", "didn't give * money", "didn't give * cash", "did not give * cash",
        "did not give * money", "no cash came out", "money didn't come out", "cash didn't come out", "never dispensed",
    ]),
    ("debited", &[
        "descontaron", "desconto", "descontado", "debitaron", "debitado", "me lo cobraron", "cobraron igual",
        "bajo mi saldo", "mi saldo bajo", "debited", "balance went down", "went down", "took the money",
        "charged anyway", "still charged",
    ]),
    ("cash_advance", &[
        "disposicion de efectivo", "avance en efectivo", "adelanto de efectivo", "avance", "disposicion",
        "cash advance", "efectivo con la tarjeta de credito", "cash from my credit card",
    ]),
    ("rewards", &[
        "puntos", "recompensas", "beneficios", "millas", "cashback", "canjear", "points", "rewards", "miles",
        "benefits", "redeem", "perks", "descuentos", "discounts", "promociones", "promotions",
    ]),
    ("credit_line", &[
        "linea de credito", "linea", "cupo", "limite de credito", "credit line", "credit limit", "line of credit",
        "spending limit",
    ]),
    ("cheque", &[
        "cheque", "cheques", "check", "checks", "chequera", "chequebook", "checkbook", "endosar", "endorse",
        "endorsed", "cobrar un cheque", "cash a check", "cash it in", "clear", "clearing", "compensacion",
        "rebotado", "rebotar", "bounced", "bounce",
    ]),
];
