//! What was done with money, cards and devices, and by whom: paid, moved, sold, ordered, offered,
//! confirmed, installed, kept by a machine, talked into; what it was (fake, a loan, a salary, a
//! phone, a login) and how much of it (everything, more, others); money invested, held back or
//! lured out, the proof of it, and the other side gone; the phone line and the sign-in taken over
//! (a SIM swapped, no service, a reply sent, shut out).

use super::super::words::*;

/// Each class of this part, with its words and phrases.
#[rustfmt::skip]
pub const DEALINGS: &[(Tags, &[&str])] = &[
    (SIM, &[
            "sim swap", "sim swapped", "sim swapping", "ported", "port out", "ported out", "cambio de chip",
            "duplicado de chip", "duplicaron mi chip", "duplicaron el chip", "portaron", "portabilidad",
            "cambiaron mi chip", "cambiaron el chip", "new sim", "sim card was",
    ]),
    (NO_SERVICE, &[
            "no tengo linea", "sin linea", "sin senal", "no tengo senal", "sin servicio", "no tengo servicio",
            "no signal", "no service", "no texts", "lost service", "no bars", "no network",
            "number stopped working", "line stopped working", "sim stopped working", "line went dead", "line is dead",
            "numero dejo de funcionar", "linea dejo de funcionar", "chip dejo de funcionar", "me quede sin linea",
            "se quedo sin linea", "me quede sin senal", "me quede sin servicio",
    ]),
    (REPLY, &[
            "conteste", "contestamos", "respondi", "respondimos", "le conteste", "le respondi", "replied", "answered",
            "responded", "reply", "respond",
    ]),
    (LOCKED_OUT, &[
            "kicked me out", "logged me out", "me saco de la app", "me cerro la sesion", "me cerraron la sesion",
            "no puedo entrar", "no puedo ingresar", "no me deja entrar", "ya no puedo entrar", "can't log in",
            "cant log in", "cannot log in", "can't get in", "cant get in", "cannot get in", "can't get into",
            "cant get into", "cannot get into", "locked out", "can't access", "cant access",
            "doesn't work anymore", "no funciona mi contrasena", "ya no sirve", "me sacaron de la app",
            "me saco de la app", "kicked me out", "logged me out", "not able to access", "unable to access",
            "not able to log in", "unable to log in", "can't sign in", "cant sign in", "unable to sign in",
            "no puedo acceder", "no me deja acceder",
    ]),
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
    (INVESTED, &[
            "inverti", "invertimos", "invested", "i invest", "meti mi dinero", "meti dinero", "i put money",
            "i put my money", "deposite en una plataforma", "crypto*", "cripto*", "bitcoin", "forex", "trading",
    ]),
    (WITHHELD, &[
            "no me dejan retirar", "no me dejan sacar", "no puedo retirar", "no puedo sacar", "ya no me dejan",
            "won't let me withdraw", "wont let me withdraw", "can't withdraw", "cant withdraw", "cannot withdraw",
            "won't let me take", "wont let me take", "piden mas dinero", "me piden mas", "want more money",
            "they want more", "asking for more money", "pay more to withdraw", "pagar mas para retirar",
            "se quedo con", "se quedaron con", "kept my", "ran off with", "se fue con", "took off with",
            "wants more", "to release it", "to release my money", "para liberarlo", "para liberar mi dinero",
            "keeps asking for more", "sigue pidiendo mas", "me sigue pidiendo",
            "necesita mas", "needs more", "need more money", "necesita mas dinero", "asks for more",
            "para retirar", "para poder retirar", "to withdraw my", "before i can withdraw",
            "release fee", "fee to release", "fee to withdraw", "pay to withdraw", "tax to withdraw", "unlock fee",
            "comision para liberar", "pagar para liberar",
            "seguro de liberacion", "para recibir el prestamo", "to receive the loan", "to release the loan",
            "release the loan", "para liberar el prestamo",
    ]),
    (LURE, &[
            "gane un", "gane una", "me gane", "premio", "prize", "lottery", "loteria", "i won", "you won", "we won",
            "double my money", "duplicar mi dinero", "duplicaria mi dinero", "triplicar", "herencia", "inheritance",
            "guaranteed returns", "rendimientos garantizados", "ganancias garantizadas",
            "flip my money", "flip it", "grow my money", "multiply my money", "multiplicar mi dinero",
            "hacer crecer mi dinero",
    ]),
    (PROOF, &[
            "comprobante", "comprobantes", "recibo", "voucher", "receipt", "receipts", "screenshot", "captura",
            "capture", "proof of payment", "payment confirmation", "confirmacion de pago", "cheque",
    ]),
    (VANISHED, &[
            "phone is disconnected", "number is disconnected", "phone was disconnected", "numero esta desconectado",
            "telefono esta desconectado", "phone is switched off", "telefono apagado", "celular apagado",
            "ya no me contesta", "ya no me contestan", "no me contesta", "no me contestan", "ya no contesta",
            "ya no contestan", "dejo de contestar", "dejaron de contestar", "dejo de responder", "dejaron de responder",
            "ya no responde", "ya no responden", "me bloqueo", "me bloquearon", "desaparecio", "desaparecieron",
            "stopped answering", "stopped replying", "stopped responding", "won't answer", "wont answer",
            "not answering", "doesn't answer", "doesnt answer", "don't answer", "dont answer", "blocked me",
            "disappeared", "ghosted", "ya no aparece", "ya no aparecio", "never showed up",
            "ni existe", "no existe", "doesn't exist", "does not exist", "didn't exist", "no existia",
            "doesnt exist", "didnt exist", "isnt answering", "isn't answering", "is not answering",
            "vanished", "se esfumo", "se esfumaron",
            // The shop itself gone: "pagué un curso y el sitio cerró".
            "el sitio cerro", "la pagina cerro", "la tienda cerro", "la web cerro", "cerraron la pagina",
            "cerraron el sitio", "cerraron la tienda", "the site closed", "the website closed", "closed down",
            "went out of business", "went bust", "quebro",
    ]),
];
