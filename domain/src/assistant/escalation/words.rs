//! The escalation detector's vocabulary: classes of folded words and short phrases, Spanish and
//! English, each a bit in a [`Tags`] set. A class names a role in a situation ("a valuable",
//! "a verb of theft", "a negation") rather than a phrase to match, so that situations are found
//! in any word order, person or tense. An entry ending in `*` matches any word it starts.

/// A set of word classes.
pub type Tags = u128;

pub const NEG: Tags = 1;
/// Marks a non-real situation: "if", "ever", "in case", "just asking".
pub const HYPO: Tags = 1 << 1;
/// Markers that only make a clause hypothetical when its verb is not in the past ("si", "if").
pub const COND: Tags = 1 << 2;
/// Present-tense auxiliaries and forms: "is", "gets", "roban", "pierdo".
pub const PRESENT: Tags = 1 << 3;
pub const LOSE: Tags = 1 << 4;
pub const STEAL: Tags = 1 << 5;
/// Taken by someone ("se llevaron", "took"): theft when a valuable is nearby.
pub const TAKE: Tags = 1 << 6;
/// Gone: "desapareció", "is missing", "ya no estaba", "can't find".
pub const GONE: Tags = 1 << 7;
pub const LEAVE: Tags = 1 << 8;
/// Got back: "encontré", "found", "apareció".
pub const FOUND: Tags = 1 << 9;
pub const VALUABLE: Tags = 1 << 10;
pub const ATM: Tags = 1 << 11;
/// Robbed as a person: "me asaltaron", "mugged", "pickpocketed".
pub const MUGGED: Tags = 1 << 12;
pub const CRED: Tags = 1 << 13;
/// Handed to someone: "le di", "shared", "told".
pub const GIVE: Tags = 1 << 14;
/// A public place where things get left: "taxi", "restaurant", "camión".
pub const PLACE: Tags = 1 << 64;

/// What can be got into: an account, an app, online banking, an e-mail.
pub const ACCOUNT: Tags = 1 << 65;

/// Somewhere else when it happened: "I was at home all day", "estaba dormido", "never been to".
pub const ALIBI: Tags = 1 << 66;
/// Answering a message: "contesté", "replied" (with a code, an impostor has it).
pub const REPLY: Tags = 1 << 67;
/// Living, as in the will to: "living", "vivir" (never "life insurance").
pub const LIFE: Tags = 1 << 68;
/// A reason or a wish that a negation denies: "no point", "sin ganas", "no reason".
pub const POINT: Tags = 1 << 69;
/// A safeguard named after what it guards against: "protección contra fraude", "fraud protection".
pub const SHIELD: Tags = 1 << 70;
/// Someone else's product in the customer's name: "a mi nombre", "in my name".
pub const IN_MY_NAME: Tags = 1 << 71;
/// The customer's number moved to another SIM: "SIM swap", "cambio de chip", "ported".
pub const SIM: Tags = 1 << 72;
/// The phone line gone dead: "no tengo línea", "no signal".
pub const NO_SERVICE: Tags = 1 << 73;
/// Less money than there should be: "lower than it should be", "no me cuadra".
pub const SHORTFALL: Tags = 1 << 74;
/// Told what to do by someone: "me dijeron que", "they told me to".
pub const TOLD: Tags = 1 << 75;
/// Another account to move money into: "una cuenta nueva", "a new account", "otra cuenta".
pub const NEW_ACCOUNT: Tags = 1 << 76;
/// Cover against a theft, named after it: "seguro contra robo", "theft insurance".
pub const COVER: Tags = 1 << 77;
/// Already put right: "ya me lo devolvieron", "was refunded already".
pub const RESOLVED: Tags = 1 << 78;
/// Money the customer put into an investment: "invertí", "I invested", "metí mi dinero".
pub const INVESTED: Tags = 1 << 79;
/// Money held back from its owner: "no me dejan retirar", "won't let me withdraw".
pub const WITHHELD: Tags = 1 << 80;
/// A prize or a return promised to get money first: "gané un premio", "double my money".
pub const LURE: Tags = 1 << 81;
/// A proof of payment: "comprobante", "receipt", "screenshot of the transfer".
pub const PROOF: Tags = 1 << 82;
/// Someone who stopped answering: "ya no me contestan", "blocked me", "disappeared".
pub const VANISHED: Tags = 1 << 83;
/// A way to reach the bank: "número", "whatsapp", "phone line", "e-mail address".
pub const CHANNEL: Tags = 1 << 84;
/// Cancelled by the customer: "cancelé", "me di de baja", "I cancelled", "unsubscribed".
pub const CANCELLED: Tags = 1 << 85;
/// Still going on: "siguen", "todavía", "still", "keep".
pub const ONGOING: Tags = 1 << 86;
/// A stranger named by who they seem: "a guy", "un señor", "a woman".
pub const STRANGER: Tags = 1 << 87;
/// Help offered or given: "offered to help", "me ayudó", "helped me".
pub const HELPED: Tags = 1 << 88;
/// A mistake in a payment the customer made: "cuenta equivocada", "by mistake", "wrong account".
pub const MISTAKE: Tags = 1 << 89;
/// Paid or bought, said by the customer: "pagué", "paid", "compré", "bought".
pub const PAID: Tags = 1 << 90;
/// Money moved somewhere: "moví", "transferí", "pasé", "deposited".
pub const MOVED: Tags = 1 << 91;
/// Confirmed or verified, said by the customer: "confirmé", "verified".
pub const CONFIRMED: Tags = 1 << 92;
/// Software put on a device: "instalar", "descargué", "download".
pub const INSTALL: Tags = 1 << 93;
/// Not genuine: "fake", "falso", "forged".
pub const FORGED: Tags = 1 << 94;
/// All of it: "everything", "todo", "todos".
pub const EVERYTHING: Tags = 1 << 95;
/// A login name: "usuario", "username", "login", "user".
pub const LOGIN_NAME: Tags = 1 << 96;
/// Access to a device or account: "acceso", "access".
pub const ACCESS: Tags = 1 << 97;
/// Pointing at one thing: "this", "that", "este", "esa".
pub const POINTER: Tags = 1 << 98;
/// A phone: "phone", "celular", "móvil".
pub const PHONE: Tags = 1 << 99;
/// Money or a payment that never came: "never arrived", "nunca me llegó".
pub const NEVER_CAME: Tags = 1 << 100;
/// Kept by a machine: "swallowed", "retained", "se tragó".
pub const RETAINED: Tags = 1 << 101;
/// A number put up to call: "sticker", "calcomanía", "número".
pub const STICKER: Tags = 1 << 102;
/// Offered by someone: "ofrecieron", "offered", "promised".
pub const OFFERED: Tags = 1 << 103;
/// A loan: "préstamo", "crédito", "loan".
pub const LOAN: Tags = 1 << 104;
/// Passing money on: "forward", "reenviar".
pub const FORWARD: Tags = 1 << 105;
/// Taking money in: "receive", "recibir".
pub const RECEIVE: Tags = 1 << 106;
/// More of it: "more", "más".
pub const MORE: Tags = 1 << 107;
/// Others of it: "otros", "other".
pub const OTHERS: Tags = 1 << 108;
/// Pay from work: "nómina", "sueldo", "salary", "depósito".
pub const PAYROLL: Tags = 1 << 109;
/// Sent, said of someone else: "mandaron", "enviaron", "sent", "deposited".
pub const THEY_SENT: Tags = 1 << 110;
/// A policy: "policy", "política".
pub const POLICY: Tags = 1 << 111;
/// Sold by the customer: "vendí", "sold".
pub const SOLD: Tags = 1 << 112;
/// Talked into something: "convinced", "convencieron", "engañaron".
pub const CONVINCED: Tags = 1 << 113;
/// Paid more than was owed, said of someone paying the customer: "overpaid", "me depositó de más".
pub const OVERPAID: Tags = 1 << 114;
/// Knowing something: "knows", "sabía", "tenía".
pub const KNOWS: Tags = 1 << 115;
/// Asked for by the customer, of a product: "ordered", "applied for", "solicité", "pedí".
pub const ORDERED: Tags = 1 << 116;
/// Emptied of money: "emptied", "vació", "cleaned out".
pub const EMPTIED: Tags = 1 << 117;

/// Typed somewhere: "puse", "entered".
pub const ENTER: Tags = 1 << 15;
/// Asked for: "me pidió", "asked for".
pub const ASKED: Tags = 1 << 16;
/// Someone posing as the bank, or a call/message that could be one.
pub const IMPOSTOR: Tags = 1 << 17;
pub const LINK: Tags = 1 << 18;
pub const REMOTE: Tags = 1 << 19;
/// A transaction: charge, payment, withdrawal, "cargo", "cobro".
pub const TXN: Tags = 1 << 20;
/// Doing a transaction oneself: "hice", "made", "bought".
pub const ACT: Tags = 1 << 21;
/// Disowning: "not mine", "sin mi permiso", "unknown".
pub const DISOWN: Tags = 1 << 22;
pub const SOMEONE: Tags = 1 << 23;
/// Someone using or getting into something: "usando", "logged in", "se metió".
pub const INTRUDE: Tags = 1 << 24;
/// Changed by someone else or by nobody named: "cambiaron", "was changed".
pub const CHANGED: Tags = 1 << 25;
/// Account details whose change locks a customer out: password, e-mail, phone number.
pub const DETAIL: Tags = 1 << 26;
/// A new device or sign-in.
pub const DEVICE: Tags = 1 << 27;
pub const TALK: Tags = 1 << 28;
pub const WANT: Tags = 1 << 29;
pub const HUMAN: Tags = 1 << 30;
pub const BOT: Tags = 1 << 31;
pub const COMPLAINT: Tags = 1 << 32;
pub const DISPUTE: Tags = 1 << 33;
/// A purchase that never came: "never arrived", "nunca me llegó" (a dispute with a refund asked).
pub const BAD_PURCHASE: Tags = 1 << 34;
pub const LEGAL: Tags = 1 << 35;
/// Intent to act: "voy a", "I'll", "going to".
pub const INTENT: Tags = 1 << 36;
pub const REGULATOR: Tags = 1 << 37;
pub const INSULT: Tags = 1 << 38;
/// Feeling words that a negation can take back: "angry", "molesto".
pub const UPSET: Tags = 1 << 39;
/// Failing again and again: "third time", "nadie me ayuda", "llevo una semana".
pub const REPEATED: Tags = 1 << 40;
pub const FRAUD: Tags = 1 << 41;
/// Prevention or a definition: "avoid", "cómo evito", "what is".
pub const PREVENT: Tags = 1 << 42;
/// Words that only ever mean a death.
pub const BEREAVED: Tags = 1 << 43;
pub const DIED: Tags = 1 << 44;
pub const FAMILY: Tags = 1 << 45;
pub const SELF_HARM: Tags = 1 << 46;
pub const COERCED: Tags = 1 << 47;
/// Seen on the account: "aparece", "veo", "there's", "got an alert".
pub const SEEN: Tags = 1 << 48;
pub const STRANGE: Tags = 1 << 49;
pub const MONEY: Tags = 1 << 50;
pub const SAFE_ACCOUNT: Tags = 1 << 51;
pub const VICTIM: Tags = 1 << 52;
/// "me" / "me con" right after a verb of passing on: "pásame", "transfer me".
pub const PASS_ME: Tags = 1 << 53;
/// Cannot get in: "no puedo entrar", "can't log in", "locked out".
pub const LOCKED_OUT: Tags = 1 << 54;
/// Another place: "otra ciudad", "another country".
pub const ELSEWHERE: Tags = 1 << 55;
/// A verb in the past: only for telling "si me robaron" (it happened) from "si me roban".
pub const PAST: Tags = 1 << 56;
/// A person asked for in so many words: "persona real", "carne y hueso", "live agent".
pub const REAL_HUMAN: Tags = 1 << 57;
/// How something works: "how do I", "cuánto cuesta", "how long" (a question, not a report).
pub const PROCESS: Tags = 1 << 58;
/// Charged wrongly, which is a dispute on its own: "charged twice", "cargo duplicado".
pub const DOUBLE_CHARGE: Tags = 1 << 59;
/// A definition asked for, when it opens a clause: "¿qué es el fraude?", "what is identity theft".
pub const DEFINE: Tags = 1 << 63;

/// Words after which a negation does not negate: "no sé", "I don't know", "not sure".
pub const EPISTEMIC: Tags = 1 << 60;
/// Contacting the bank: "llamé", "he escrito", "I've called" (repeated, a complaint).
pub const CONTACTED: Tags = 1 << 61;
/// "veces", "times".
pub const TIMES: Tags = 1 << 62;
