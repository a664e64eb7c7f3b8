//! The words and phrases of each class in [`super::words`].

use super::words::*;

/// The classes, each with its words and phrases.
#[rustfmt::skip]
pub const CLASSES: &[(Tags, &[&str])] = &[
    (NEG, &[
            "no", "nunca", "jamas", "nadie", "ni", "tampoco", "not", "never", "nobody", "noone", "didn't", "didnt",
            "don't", "dont", "doesn't", "doesnt", "wasn't", "wasnt", "weren't", "werent", "isn't", "isnt", "aren't",
            "arent", "haven't", "havent", "hasn't", "hasnt", "hadn't", "won't", "wont", "no one", "nothing", "nada",
    ]),
    (HYPO, &[
            "ever", "algun dia", "alguna vez", "por si", "por si acaso", "just in case", "in case", "en caso",
            "futuro", "future", "solo pregunto", "solo una pregunta", "just asking", "just curious", "hypothetically",
            "hipoteticamente", "supongamos", "suppose", "imagine", "imagina", "would", "could happen", "so i know",
            "para saber", "para estar preparado", "para estar preparada",
    ]),
    (COND, &[
            "si", "if", "when", "cuando", "whenever",
    ]),
    (PRESENT, &[
            "is", "are", "gets", "get", "getting", "becomes", "happens", "es", "roban", "roba", "roben", "robe",
            "pierdo", "pierde", "pierden", "pierda", "pierdan", "extravia", "extravian", "lose", "loses", "losing",
            "go", "goes",
    ]),
    (PAST, &[
            "robaron", "robado", "robada", "robados", "robadas", "perdi", "perdio", "perdido", "perdida", "perdieron",
            "extravie", "extraviado", "extraviada", "stole", "stolen", "was", "were", "got", "lost", "took", "taken",
            "quitaron", "quitado", "llevaron", "asaltaron",
    ]),
    (LOSE, &[
            "perdi", "perdio", "perdimos", "perdieron", "perdido", "perdida", "perdidos", "perdidas", "pierdo",
            "pierde", "pierda", "perder", "extravie", "extravio", "extraviado", "extraviada", "extraviados",
            "extraviadas", "extraviar", "extravia", "lost", "lose", "loses", "losing", "misplaced", "misplace",
            "se me cayo", "se me cayeron", "dropped", "se me perdio", "se me perdieron",
    ]),
    (STEAL, &[
            "robaron", "robo", "robaste", "robado", "robada", "robados", "robadas", "roban", "roba", "roben", "robe",
            "robar", "robarme", "robarnos", "robando", "hurtaron", "hurto", "hurtado", "hurtada", "stole", "stolen",
            "steal", "steals", "stealing", "theft", "snatched", "snatch", "swiped", "nicked", "burgled", "burglary",
            "robbed", "robbery", "rob", "arrebataron", "arrebato", "jalaron",
    ]),
    (TAKE, &[
            "quitaron", "quito", "quitado", "quitada", "me quitaron", "llevaron", "se llevaron", "se llevo", "sacaron",
            "me saco", "took", "taken", "grabbed", "tomaron", "agarraron",
    ]),
    (GONE, &[
            "no se donde", "don't know where", "dont know where", "no recuerdo donde", "can't remember where", "no se donde deje",
            "desaparecio", "desaparecieron", "desaparecida", "desaparecido", "missing", "gone", "went missing",
            "no encuentro", "no la encuentro", "no lo encuentro", "no las encuentro", "no los encuentro",
            "no puedo encontrar", "no aparece", "no aparecen", "ya no tengo", "ya no estaba", "ya no estaban",
            "ya no esta ahi", "can't find", "cant find", "cannot find", "can not find", "couldn't find",
            "couldnt find", "not there anymore", "no longer there", "isn't there", "wasn't there", "me falta",
            "me faltan",
    ]),
    (PLACE, &[
            "taxi", "uber", "camion", "bus", "metro", "tren", "train", "subway", "restaurante", "restaurant", "bar",
            "cine", "tienda", "store", "shop", "avion", "plane", "aeropuerto", "airport", "hotel", "parque", "park",
            "calle", "street", "gym", "gimnasio", "mercado", "market", "fiesta", "party", "oficina", "office",
    ]),
    (ACCOUNT, &[
            "cuenta", "cuentas", "account", "accounts", "app", "aplicacion", "banca", "banking", "perfil", "profile",
            "whatsapp", "online", "linea", "correo", "email", "usuario", "username", "contrasena", "password", "datos",
            "details", "sesion", "login", "dinero", "money",
    ]),
    (LEAVE, &[
            "deje", "olvide", "se me olvido", "left", "forgot", "dejamos", "olvidamos",
    ]),
    (FOUND, &[
            "encontre", "encontramos", "la encontre", "lo encontre", "found", "recupere", "recovered", "got it back",
            "ya aparecio", "turned up",
    ]),
    (VALUABLE, &[
            "tarjeta", "tarjetas", "plastico", "cartera", "carteras", "billetera", "monedero", "bolso", "bolsa",
            "mochila", "celular", "cel", "telefono", "movil", "smartphone", "iphone", "chequera", "chequeras", "token",
            "card", "cards", "wallet", "purse", "handbag", "bag", "backpack", "phone", "mobile", "cellphone",
            "chequebook", "checkbook", "debit", "credit", "visa", "mastercard", "amex",
    ]),
    (ATM, &[
            "cajero", "cajeros", "atm", "atms", "machine", "maquina", "cash machine", "terminal",
    ]),
    (MUGGED, &[
            "asaltaron", "asalto", "asaltado", "asaltada", "atracaron", "atraco", "bolsearon", "bolsear",
            "carterearon", "me robaron", "mugged", "mugging", "pickpocketed", "pickpocket", "pick pocketed", "held up",
            "at gunpoint", "a mano armada", "robbed me", "i was robbed", "got robbed",
    ]),
    (CRED, &[
            "mi identidad", "my identity", "mis datos bancarios", "sus datos", "sus datos bancarios", "his details", "her details",
            "mis datos", "my details", "my info", "my information", "mis claves", "codigo", "codigos", "clave",
            "claves", "contrasena", "contrasenas", "nip", "pin", "token", "cvv", "cvc", "otp", "password", "passwords",
            "passcode", "code", "codes", "usuario y contrasena", "numeros de mi tarjeta", "numeros de la tarjeta",
            "numero de mi tarjeta", "numero de la tarjeta", "datos de mi tarjeta", "datos de la tarjeta",
            "datos de tarjeta", "datos bancarios", "card details", "card number", "card numbers", "card info",
            "login details", "bank details", "security code", "verification code",
    ]),
    (GIVE, &[
            "le dio", "les dio", "dio sus", "compartio", "paso sus", "gave them",
            "di", "le di", "les di", "se la di", "se lo di", "se las di", "se los di", "pase", "le pase", "les pase",
            "comparti", "le comparti", "les comparti", "proporcione", "dicte", "se la dicte", "se lo dicte", "dije",
            "le dije", "les dije", "entregue", "brinde", "gave", "given", "shared", "told", "read them", "read him",
            "read her", "handed", "disclosed", "gave away", "le mande", "les mande", "le envie", "les envie",
    ]),
    (ENTER, &[
            "read", "le di clic y puse", "puse", "ingrese", "escribi", "meti", "typed", "entered", "put in",
            "filled in", "filled out", "input",
    ]),
    (ASKED, &[
            "pidio", "pidieron", "pidiendo", "pedian", "me pidio", "me pidieron", "solicito", "solicitaron", "asked",
            "asking", "requested", "wanted",
    ]),
    (IMPOSTOR, &[
            "a call", "got a call", "received a call", "recibi una llamada", "me marcaron", "me marco", "una llamada",
            "on the phone", "over the phone", "por telefono", "from security", "de seguridad", "se hizo pasar",
            "se hacia pasar", "haciendose pasar", "se hicieron pasar", "dijo ser", "dijeron ser", "decia ser",
            "dijo que era", "dijeron que eran", "dijo que llamaba", "supuesto", "supuesta", "falso", "falsa",
            "me llamaron", "me llamo", "me hablaron", "me hablo", "llamada", "pretending", "pretended", "posing",
            "claiming to be", "claimed to be", "said he was", "said she was", "said they were", "saying he was",
            "saying they were", "who said", "called me", "someone called", "a caller", "caller", "fake",
            "impersonating", "se hacen pasar", "dijo llamar",
    ]),
    (LINK, &[
            "link", "enlace", "liga", "pagina", "website", "site", "sitio", "web", "page", "url", "correo falso",
    ]),
    (REMOTE, &[
            "acceso remoto", "anydesk", "teamviewer", "remote access", "screen share", "compartir pantalla",
            "quicksupport",
    ]),
    (TXN, &[
            "cargo", "cargos", "cobro", "cobros", "compra", "compras", "retiro", "retiros", "movimiento",
            "movimientos", "transferencia", "transferencias", "pago", "pagos", "debito", "debitos", "descuento",
            "descuentos", "consumo", "consumos", "transaccion", "transacciones", "operacion", "operaciones", "charge",
            "charges", "charged", "payment", "payments", "purchase", "purchases", "transaction", "transactions",
            "withdrawal", "withdrawals", "debit", "debits", "transfer", "transfers", "deduction", "cobraron",
            "descontaron", "sacaron", "me cobraron", "me descontaron", "took out", "withdrew", "debited", "bought",
    ]),
    (ACT, &[
            "hice", "hicimos", "realice", "realize", "compre", "retire", "autorice", "pague", "gaste", "transferi",
            "solicite", "pedi", "contrate", "use", "reconozco", "conozco", "he hecho", "make", "made", "do", "did",
            "buy", "bought", "withdraw", "withdrew", "authorize", "authorized", "authorise", "authorised", "spend",
            "spent", "pay", "paid", "order", "ordered", "use", "used", "recognize", "recognise", "request",
            "requested", "subscribe", "subscribed", "been", "sign up", "signed up", "know", "hecho",
    ]),
    (DISOWN, &[
            "can't explain", "cant explain", "cannot explain", "no me explico", "no se de donde", "no se que es", "no idea what", "sin que yo supiera", "sin saberlo", "without my knowledge", "without me knowing",
            "que no pedi", "que no solicite", "i didn't request", "didn't ask for", "didnt ask for",
            "i didn't ask for", "no son mias", "no son mios", "no es mio", "no es mia", "not mine", "wasn't me",
            "wasnt me", "not me", "yo no fui", "no fui yo", "sin mi permiso", "sin mi autorizacion",
            "sin autorizacion", "sin permiso", "sin mi consentimiento", "sin preguntarme", "without my permission",
            "without permission", "without my consent", "without my authorization", "without my authorisation",
            "without asking", "desconozco", "desconocido", "desconocida", "desconocidos", "desconocidas", "unknown",
            "unrecognized", "unrecognised", "no reconocido", "no reconocida", "no reconocidos", "no reconocidas",
            "que no conozco", "never been", "yo no pedi", "yo no solicite", "no autorizado", "no autorizada",
            "unauthorized", "unauthorised", "don't even use", "dont even use", "ni siquiera uso", "never used",
            "no es el mio", "no es la mia", "que no es mio", "que no es mia", "not my", "isn't mine",
    ]),
    (SOMEONE, &[
            "my ex", "mi ex", "mi expareja", "ex-husband", "ex-wife", "ex husband", "ex wife",
            "alguien", "someone", "somebody", "un tercero", "terceros", "otra persona", "a stranger", "un extrano",
            "un desconocido", "hacker", "hackers", "a third party", "some guy", "un tipo",
    ]),
    (INTRUDE, &[
            "has access", "have access", "still has access", "tiene acceso", "sigue teniendo acceso", "has my", "tiene mis", "tienen mis", "got my", "have my",
            "emptied", "drained", "intentando entrar", "trying to get in", "trying to log in", "trying to access",
            "has been using", "have been using", "been using", "usando", "uso", "usa", "usaron", "using", "used",
            "uses", "entro", "entraron", "accedio", "accedieron", "ingreso", "ingresaron", "se metio", "se metieron",
            "metio", "logged in", "logged into", "log in", "signed in", "got into", "got in", "accessed", "broke into",
            "is in", "hackeo", "hackearon", "comprando", "compro", "compraron", "making purchases", "bought", "buying",
            "sacando", "saco", "took", "taking", "withdrew", "withdrawing", "gastando", "spending", "cambio",
            "cambiaron", "changed",
    ]),
    (CHANGED, &[
            "cambiaron", "modificaron", "was changed", "were changed", "has been changed", "have been changed",
            "got changed", "fue cambiada", "fue cambiado", "fueron cambiados", "cambio de contrasena",
            "cambio de correo", "cambio de numero", "cambio de telefono", "cambio de clave", "han cambiado",
            "was reset", "were reset",
    ]),
    (DETAIL, &[
            "contrasena", "clave", "correo", "email", "e-mail", "mail", "numero", "telefono", "celular", "password",
            "phone number", "number", "datos", "details", "usuario", "username", "pin", "nip", "direccion", "address",
    ]),
    (DEVICE, &[
            "nuevo dispositivo", "otro dispositivo", "otro celular", "otro telefono", "new device", "another device",
            "inicio de sesion", "inicio sesion", "login", "log in", "sign-in", "sign in", "signed in", "logged in",
            "acceso", "vinculo", "vincularon", "linked", "registered", "new phone", "otro equipo",
    ]),
    (LOCKED_OUT, &[
            "no puedo entrar", "no puedo ingresar", "no me deja entrar", "ya no puedo entrar", "can't log in",
            "cant log in", "cannot log in", "can't get in", "cant get in", "locked out", "can't access", "cant access",
            "doesn't work anymore", "no funciona mi contrasena", "ya no sirve",
    ]),
    (TALK, &[
            "hablar", "habla", "hablo", "platicar", "comunicar", "comunicarme", "comunicame", "comuniqueme", "atienda",
            "atender", "atiende", "contactar", "talk", "speak", "chat", "contact", "get me", "give me", "dame", "deme",
            "ponme", "ponerme", "connect me", "put me through", "quiero que me atienda",
    ]),
    (PASS_ME, &[
            "pasame", "pasenme", "paseme", "me pasas", "me pasa", "me pase", "me puedes pasar", "me puede pasar",
            "transfer me", "transferme", "transfiereme", "transfierame", "conectame", "conecteme", "connect me",
            "me comunicas", "me comunica", "me comunique", "put me through", "pass me",
    ]),
    (WANT, &[
            "quiero", "necesito", "prefiero", "want", "need", "rather", "prefer", "exijo", "demand", "i'd like",
            "quisiera",
    ]),
    (HUMAN, &[
            "persona", "personas", "humano", "humana", "agente", "asesor", "asesora", "ejecutivo", "ejecutiva",
            "operador", "operadora", "representante", "alguien", "empleado", "empleada", "gente", "supervisor",
            "supervisora", "gerente", "encargado", "person", "human", "agent", "advisor", "adviser", "representative",
            "rep", "operator", "someone", "somebody", "staff", "people", "employee", "manager", "team",
            "carne y hueso", "persona real", "real person", "live person", "live agent", "real human", "human being",
            "actual person", "de verdad",
    ]),
    (BOT, &[
            "robot", "bot", "maquina", "machine", "chatbot", "computadora", "computer", "ia", "ai",
    ]),
    (COMPLAINT, &[
            "escalate", "escalar", "escalarlo", "escalar mi caso", "escalate this",
            "queja", "quejas", "quejarme", "quejar", "reclamacion", "reclamaciones", "reclamo formal", "reclamo",
            "complaint", "complaints", "complain", "complaining", "grievance", "libro de reclamaciones",
    ]),
    (DISPUTE, &[
            "disputa", "disputar", "disputo", "contracargo", "aclaracion", "chargeback", "dispute", "refund",
            "reembolso", "devolucion de mi dinero", "money back", "me regresen", "me devuelvan", "devuelvan mi",
            "regresen mi",
    ]),
    (BAD_PURCHASE, &[
            "never arrived", "never received", "never delivered", "nunca llego", "nunca me llego", "nunca me entrego",
            "nunca entrego", "no me llego el", "didn't arrive", "didnt arrive", "not delivered", "never got",
            "nunca recibi", "no me entregaron",
    ]),
    (LEGAL, &[
            "denuncia", "denunciar", "poner una denuncia",
            "demandar", "demandare", "demanda", "demandarlos", "abogado", "abogados", "abogada", "juicio", "tribunal",
            "tribunales", "juzgado", "accion legal", "acciones legales", "legalmente", "via legal", "denuncia penal",
            "lawyer", "lawyers", "attorney", "sue", "suing", "lawsuit", "court", "legal action", "legally",
            "small claims",
    ]),
    (INTENT, &[
            "voy a", "vamos a", "ire a", "i'll", "ill", "i will", "we will", "going to", "gonna", "ya hable",
            "proceder", "will be in touch", "report you", "reportar", "reportarlos", "denunciarlos", "denunciar",
    ]),
    (REGULATOR, &[
            "condusef", "profeco", "indecopi", "defensa del consumidor", "regulador", "regulator", "ombudsman", "cfpb",
            "financial regulator", "defensoria", "defensor del cliente",
    ]),
    (INSULT, &[
            "el colmo", "kidding me", "are you serious",
            "esto es un robo", "es un robo", "daylight robbery", "robbery", "porqueria", "basura", "inutil",
            "inutiles", "pesimo", "pesima", "pesimos", "ladrones", "rateros", "estafadores", "burla", "verguenza",
            "indignante", "inaceptable", "ridiculo", "ridicula", "patetico", "pateticos", "lamentable",
            "incompetentes", "incompetente", "idiotas", "estupidos", "mierda", "carajo", "chingada", "pinche",
            "pinches", "joder", "pendejos", "cabrones", "harto", "harta", "hartos", "hartas", "useless", "worst",
            "terrible", "horrible", "awful", "pathetic", "ridiculous", "unacceptable", "outrageous", "disgrace",
            "disgusting", "thieves", "crooks", "scammers", "incompetent", "idiots", "stupid", "garbage", "trash",
            "joke", "fuck", "fucking", "shit", "bullshit", "crap", "wtf", "fed up", "sick of", "sick and tired",
            "hasta la madre", "me tienen harto", "una estafa de banco",
    ]),
    (UPSET, &[
            "enojado", "enojada", "molesto", "molesta", "furioso", "furiosa", "angry", "furious", "upset", "mad",
    ]),
    (REPEATED, &[
            "tercera vez", "cuarta vez", "otra vez lo mismo", "third time", "fourth time", "again and again",
            "nadie me ayuda", "nadie me responde", "nadie me resuelve", "nadie me contesta", "nadie resuelve",
            "nobody helps", "nobody answers", "nobody solves", "nobody replies", "nobody responds", "no one helps",
            "still waiting", "sigo esperando", "been waiting", "llevo una semana", "llevo dos semanas", "llevo un mes",
            "llevo dias", "llevo horas", "llevo tres dias", "llevo dos dias", "llevo semanas", "llevo meses",
            "for weeks", "for days", "nunca resuelven", "never solve",
    ]),
    (FRAUD, &[
            "copiaron", "copied", "me copiaron",
            "vaciaron", "me vaciaron", "emptied my account", "drained my account", "vaciaron mi cuenta", "fraude",
            "fraudes", "fraudulento", "fraudulenta", "fraudulentos", "fraudulentas", "estafa", "estafaron", "estafado",
            "estafada", "suplantacion", "suplantaron", "robo de identidad", "hackearon", "hackeo", "hackeada",
            "hackeado", "clonaron", "clonada", "clonado", "fraud", "fraudulent", "scam", "scammed", "identity theft",
            "hacked", "cloned", "skimmed", "skimmer", "me enganaron", "enganaron", "tricked", "swindled",
    ]),
    (PREVENT, &[
            "evito", "evitar", "prevenir", "protegerme", "proteger", "consejos", "avoid", "prevent", "protect", "tips",
            "meaning", "definition", "reconocer", "recognize a", "recognise a", "spot",
    ]),
    (PROCESS, &[
            "cuanto cuesta", "how much", "how do i", "how can i", "como puedo", "como hago", "como se", "como",
            "how long", "cuanto tiempo", "cuanto tardan", "how does", "como funciona", "what's a", "whats a", "que es",
            "what is", "cuanto tarda", "donde", "where",
    ]),
    (DOUBLE_CHARGE, &[
            "siguen cobrando", "me siguen cobrando", "still charging", "keep charging", "kept charging",
            "charged after i cancelled", "still being charged", "charged twice", "charged me twice", "double charged",
            "cobraron doble", "cobraron dos veces", "cargo duplicado", "cobro duplicado", "cargos duplicados",
            "doble cargo", "doble cobro", "me cobraron de mas", "overcharged", "charged me more", "cobraron mas",
    ]),
    (EPISTEMIC, &[
            "se", "sabe", "know", "sure", "estoy seguro", "estoy segura", "recuerdo", "remember", "idea", "acuerdo",
    ]),
    (CONTACTED, &[
            "llame", "llamado", "escribi", "escrito", "escribo", "reclame", "reclamado", "marcado", "called", "wrote",
            "written", "contacted", "emailed", "phoned", "asked",
    ]),
    (TIMES, &[
            "veces", "times",
    ]),
    (DEFINE, &[
            "que es", "que son", "que significa", "what is", "what's", "whats", "what are", "what does",
            "que quiere decir",
    ]),
    (REAL_HUMAN, &[
            "alguien me llame", "someone call me", "que me llamen",
            "ser humano", "llamenme", "llamame", "llameme", "call me", "ring me", "call me back", "marquenme",
            "carne y hueso", "persona real", "real person", "live person", "live agent", "real human", "human being",
            "actual person", "persona de verdad", "humano de verdad", "real agent", "agente real",
    ]),
    (BEREAVED, &[
            "fallecio", "fallecido", "fallecida", "fallecimiento", "difunto", "difunta", "finado", "finada", "viudo",
            "viuda", "defuncion", "sepelio", "funeral", "passed away", "deceased", "widow", "widower", "bereavement",
            "my late", "mi difunto", "mi difunta", "lost my husband", "lost my wife", "lost my mother",
            "lost my father", "lost my mom", "lost my mum", "lost my dad", "lost my son", "lost my daughter",
            "lost my partner",
    ]),
    (DIED, &[
            "murio", "muerto", "muerta", "muerte", "died", "dies", "dead", "death",
    ]),
    (FAMILY, &[
            "esposo", "esposa", "marido", "mujer", "papa", "mama", "padre", "madre", "hijo", "hija", "hermano",
            "hermana", "abuelo", "abuela", "tio", "tia", "pareja", "familiar", "husband", "wife", "father", "mother",
            "dad", "mum", "mom", "son", "daughter", "brother", "sister", "grandfather", "grandmother", "grandma",
            "grandpa", "partner", "relative", "uncle", "aunt", "owner", "titular", "holder",
    ]),
    (SELF_HARM, &[
            "suicid*", "quitarme la vida", "quitar la vida", "no quiero vivir", "no quiero seguir viviendo",
            "ya no quiero vivir", "matarme", "me quiero matar", "acabar con todo", "acabar con mi vida", "kill myself",
            "killing myself", "end my life", "ending my life", "ending it all", "end it all", "don't want to live",
            "dont want to live", "want to die", "quiero morir", "quiero morirme", "hurt myself", "hacerme dano",
            "better off dead", "no vale la pena vivir", "not worth living",
    ]),
    (COERCED, &[
            "hospitalizado", "hospitalizada", "en el hospital", "in hospital", "in the hospital", "enfermo terminal", "terminally ill", "quimioterapia", "chemo", "cancer",
            "alzheimer", "demencia", "dementia", "no me deja usar mi dinero", "me obliga", "me obligan", "me obligo",
            "me obligaron", "me amenaza", "me amenazan", "me amenazo", "me fuerza", "forces me", "forcing me",
            "forced me", "makes me give", "made me give", "threatens me", "threatening me", "threatened me",
            "controls my money", "controla mi dinero", "controla mi cuenta", "abuse", "abuso", "maltrato", "violencia",
            "me golpea", "hits me", "coerced", "extorsion", "extorsionan", "extorting", "blackmail", "chantaje",
            "me quita mi dinero", "takes my money", "taking money from my account", "sacando dinero de mi cuenta",
    ]),
    (SEEN, &[
            "aparece", "aparecen", "aparecio", "veo", "vi", "tengo", "hay", "me llego", "me llegaron", "salio", "see",
            "saw", "there's", "theres", "there is", "there are", "shows", "showed", "showing", "appears", "appeared",
            "got an alert", "got a text", "notification", "alerta", "i have",
    ]),
    (STRANGE, &[
            "raro", "raros", "rara", "raras", "extrano", "extranos", "sospechoso", "sospechosos", "weird", "strange",
            "suspicious", "odd",
    ]),
    (MONEY, &[
            "dinero", "plata", "lana", "money", "cash", "dollars", "pesos", "soles", "fondos", "funds", "saldo",
    ]),
    (SAFE_ACCOUNT, &[
            "cuenta segura", "cuenta de seguridad", "cuenta protegida", "safe account", "security account",
            "secure account", "protected account",
    ]),
    (VICTIM, &[
            "cai en", "fell for", "victima", "victim", "got scammed", "me estafaron", "was scammed", "was tricked",
    ]),
    (ELSEWHERE, &[
            "otra ciudad", "otro pais", "otro estado", "another city", "another country", "other country", "abroad",
            "extranjero",
    ]),
];
