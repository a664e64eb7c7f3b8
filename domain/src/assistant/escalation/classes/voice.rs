//! What the customer asks for or shows: a person, a complaint or dispute, legal threats, insults,
//! repeated failure, fraud words, vulnerability.

use super::super::words::*;

/// Each class of this part, with its words and phrases.
#[rustfmt::skip]
pub const VOICE: &[(Tags, &[&str])] = &[
    (TALK, &[
            "hablar", "habla", "hablo", "platicar", "comunicar", "comunicarme", "comunicame", "comuniqueme", "atienda",
            "atender", "atiende", "contactar", "talk", "speak", "chat", "contact", "get me", "give me", "dame", "deme",
            "ponme", "ponerme", "connect me", "put me through", "quiero que me atienda",
    ]),
    (PASS_ME, &[
            "pasame", "pasenme", "paseme", "me pasas", "me pasa", "me pase", "me puedes pasar", "me puede pasar",
            "transfer me", "transferme", "transfiereme", "transfierame", "conectame", "conecteme", "connect me",
            "me comunicas", "me comunica", "me comunique", "me comuniquen", "comuniquenme", "put me through",
            "pass me",
    ]),
    (WANT, &[
            "quiero", "necesito", "prefiero", "want", "need", "rather", "prefer", "exijo", "demand", "i'd like",
            "quisiera", "wish", "would like", "wanted",
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
            "exijo una explicacion", "demand an explanation", "quiero una explicacion", "want an explanation",
    ]),
    (DISPUTE, &[
            "disputa", "disputar", "disputo", "contracargo", "aclaracion", "chargeback", "dispute", "refund",
            "disputing",
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
            "solicitor", "solicitors", "barrister", "legal team",
            // Going public: "I'm going to the press", "lo voy a publicar en redes".
            "the press", "la prensa", "los medios", "the media", "social media", "redes sociales", "en redes",
            "the news", "las noticias", "go public", "going public",
    ]),
    (INTENT, &[
            "voy a", "vamos a", "ire a", "i'll", "ill", "i will", "we will", "going to", "gonna", "ya hable",
            "proceder", "will be in touch", "report you", "reportar", "reportarlos", "denunciarlos", "denunciar",
    ]),
    (REGULATOR, &[
            "condusef", "profeco", "indecopi", "defensa del consumidor", "regulador", "regulator", "ombudsman", "cfpb",
            "financial regulator", "defensoria", "defensor del cliente",
            "sernac", "cmf", "sbs", "bcra", "superintendencia", "superintendency", "financial ombudsman", "fca",
            "banxico", "procon", "consumer protection",
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
            // Treated badly: "me humilló", "treated me like a criminal".
            "me humillo", "me humillaron", "humillo", "humillaron", "humiliated", "humiliating", "humillante",
            "treated me like", "me trato como", "me trataron como", "rude to me", "grosero conmigo",
            "grosera conmigo", "groseros conmigo",
            // Blame laid on the bank.
            "your fault", "su culpa", "culpa de ustedes", "culpa del banco", "culpa suya",
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
            "got emptied", "was emptied", "been emptied", "got drained", "was drained", "been drained",
            "me dejaron en ceros", "me dejaron en cero",
            "fraudes", "fraudulento", "fraudulenta", "fraudulentos", "fraudulentas", "estafa", "estafaron", "estafado",
            "estafada", "suplantacion", "suplantaron", "robo de identidad", "hackearon", "hackeo", "hackeada",
            "hackeado", "clonaron", "clonada", "clonado", "fraud", "fraudulent", "scam", "scammed", "identity theft",
            "hacked", "cloned", "skimmed", "skimmer", "me enganaron", "enganaron", "tricked", "swindled",
            "compromised", "comprometida", "comprometido", "vulnerada", "vulnerado", "copy of my card",
            "copied my card", "cloned my card", "duplicate card",
    ]),
    (PREVENT, &[
            "evito", "evitar", "prevenir", "protegerme", "proteger", "consejos", "avoid", "prevent", "protect", "tips",
            "meaning", "definition", "reconocer", "recognize a", "recognise a", "spot",
    ]),
    (PROCESS, &[
            "cuanto cuesta", "how much", "how do i", "how can i", "como puedo", "como hago", "como se", "como",
            "how long", "cuanto tiempo", "cuanto tardan", "how does", "como funciona", "what's a", "whats a", "que es",
            "what is", "cuanto tarda", "donde", "where", "cuantos dias", "how many days",
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
            "acaba de fallecer", "acaba de morir", "fallecer", "just passed away",
            "fallecio", "fallecido", "fallecida", "fallecimiento", "difunto", "difunta", "finado", "finada", "viudo",
            "viuda", "defuncion", "sepelio", "funeral", "passed away", "deceased", "widow", "widower", "bereavement",
            "my late", "mi difunto", "mi difunta", "lost my husband", "lost my wife", "lost my mother",
            "lost my father", "lost my mom", "lost my mum", "lost my dad", "lost my son", "lost my daughter",
            "lost my partner",
    ]),
    (DIED, &[
            "murio", "muerto", "muerta", "muerte", "died", "dead", "death", "passed", "passed on",
    ]),
    (FAMILY, &[
            "esposo", "esposa", "marido", "mujer", "papa", "mama", "padre", "madre", "hijo", "hija", "hermano",
            "hermana", "abuelo", "abuela", "tio", "tia", "pareja", "familiar", "husband", "wife", "father", "mother",
            "dad", "mum", "mom", "son", "daughter", "brother", "sister", "grandfather", "grandmother", "grandma",
            "grandpa", "partner", "relative", "uncle", "aunt", "owner", "titular", "holder",
            "child", "children", "kid", "kids", "hijos", "hijas", "novio", "novia", "boyfriend", "girlfriend",
            "roommate", "flatmate", "companero de cuarto", "nephew", "niece", "cousin", "sobrino", "sobrina", "primo",
    ]),
    (SELF_HARM, &[
            "suicid*", "quitarme la vida", "quitar la vida", "no quiero vivir", "no quiero seguir viviendo",
            "ya no quiero vivir", "matarme", "me quiero matar", "acabar con todo", "acabar con mi vida", "kill myself",
            "killing myself", "end my life", "ending my life", "ending it all", "end it all", "feel like ending it",
            "thinking of ending it", "thinking about ending it", "don't want to live",
            "dont want to live", "want to die", "quiero morir", "quiero morirme", "hurt myself", "hacerme dano",
            "better off dead", "no vale la pena vivir", "not worth living", "nothing to live for",
            "nada por que vivir", "nada por lo que vivir", "sin ganas de vivir",
            "quiero desaparecer", "want to disappear", "wish i was dead", "wish i were dead",
            "ojala estuviera muerto", "ojala estuviera muerta", "no despertar", "no despertarme",
            "no volver a despertar", "nunca despertar", "not wake up", "not to wake up", "never wake up",
            "never to wake up", "in a dark place", "very dark place", "don't see a way out", "dont see a way out",
            "no way out", "no veo salida", "no le veo salida", "no encuentro salida",
            "if i was gone", "if i were gone", "when i'm gone", "better off without me", "mejor sin mi",
            "si yo no estuviera", "si ya no estuviera", "si me muriera", "si yo me muriera",
            "nobody would miss me", "no one would miss me", "nadie me extranaria", "nadie me echaria de menos",
            "si no estuviera aqui", "si ya no estuviera aqui", "if i wasn't here", "if i wasnt here",
            "if i weren't here", "if i werent here", "if i didn't exist", "si no existiera",
            "all my pills", "todas mis pastillas", "todas las pastillas", "overdose", "sobredosis",
            "dont want to be here anymore", "don't want to be here anymore", "do not want to be here anymore",
            "dont want to be here any more", "don't want to be here any more", "ya no quiero estar aqui",
            "no quiero estar en este mundo", "ya no quiero estar en este mundo",
            // Farewells: letters left, things given away, goodbyes said.
            "goodbye letter", "goodbye letters", "goodbye note", "carta de despedida", "cartas de despedida",
            "letters to my family", "letter to my family", "letters to my kids", "letter to my kids",
            "cartas a mi familia", "carta a mi familia", "cartas a mis hijos", "carta a mis hijos",
            "giving away my things", "gave away my things", "regalando mis cosas", "regale mis cosas",
            "said goodbye to everyone", "me despedi de todos",
    ]),
    (COERCED, &[
            "hospitalizado", "hospitalizada", "en el hospital", "in hospital", "in the hospital", "enfermo terminal",
            "terminally ill", "quimioterapia", "chemo", "cancer",
            "alzheimer", "demencia", "dementia", "no me deja usar mi dinero", "me obliga", "me obligan", "me obligo",
            "me obligaron", "me amenaza", "me amenazan", "me amenazo", "me fuerza", "forces me", "forcing me",
            "forced me", "makes me give", "made me give", "threatens me", "threatening me", "threatened me",
            "controls my money", "controla mi dinero", "controla mi cuenta", "abuse", "abuso", "maltrato", "violencia",
            "me golpea", "hits me", "coerced", "extorsion*", "extort", "extorts", "extorted", "extorting",
            "blackmail*", "chantaj*",
            // Threatened by someone: "me amenazaron", "they threatened my family".
            "amenazaron", "me amenazaron", "nos amenazaron", "nos amenazan", "me estan amenazando", "amenazandome",
            "recibi amenazas", "me llegan amenazas", "me mandan amenazas", "me mandaron amenazas", "threatened my",
            "threatening my", "they threatened", "he threatened", "she threatened", "someone threatened",
            "being threatened", "was threatened", "threatening messages", "mensajes amenazantes",
            "me quita mi dinero", "takes my money", "taking money from my account", "sacando dinero de mi cuenta",
            "no me deja usar", "me quita la tarjeta", "me quita mis tarjetas", "me quita mi tarjeta",
            "won't let me use my", "wont let me use my",
            "doesn't let me use my", "doesnt let me use my",
            "being pressured", "pressuring", "presionando", "la estan presionando", "lo estan presionando",
            "me estan presionando",
    ]),
    (LIFE, &[
            "vivir", "viviendo", "living", "to live", "alive", "mi vida", "la vida", "estar vivo", "estar viva",
            "seguir vivo", "seguir viva",
    ]),
    (POINT, &[
            "point", "reason", "sense", "sentido", "ganas", "razon", "razones", "motivo", "motivos", "caso", "want",
            "wanna", "quiero",
    ]),
    (RESOLVED, &[
            "already refunded", "was refunded", "been refunded", "got refunded", "refunded already",
            "was reversed", "been reversed", "reversed already", "ya me lo devolvieron", "ya me devolvieron",
            "ya me lo reembolsaron", "ya me reembolsaron", "ya lo reembolsaron", "ya me lo regresaron",
            "ya lo reversaron", "ya me lo reversaron", "ya me regresaron",
    ]),
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
            "release fee", "fee to release", "unlock fee", "comision para liberar", "pagar para liberar",
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
            "ya no me contesta", "ya no me contestan", "no me contesta", "no me contestan", "ya no contesta",
            "ya no contestan", "dejo de contestar", "dejaron de contestar", "dejo de responder", "dejaron de responder",
            "ya no responde", "ya no responden", "me bloqueo", "me bloquearon", "desaparecio", "desaparecieron",
            "stopped answering", "stopped replying", "stopped responding", "won't answer", "wont answer",
            "not answering", "doesn't answer", "doesnt answer", "don't answer", "dont answer", "blocked me",
            "disappeared", "ghosted", "ya no aparece", "ya no aparecio", "never showed up",
            "ni existe", "no existe", "doesn't exist", "does not exist", "didn't exist", "no existia",
            "vanished", "se esfumo", "se esfumaron",
    ]),
    (CHANNEL, &[
            "numero", "number", "telefono", "phone number", "whatsapp", "linea", "line", "correo", "email",
            "e-mail", "direccion", "address", "extension",
    ]),
    (CANCELLED, &[
            "cancele", "cancelamos", "di de baja", "dimos de baja", "me di de baja", "cancelled", "canceled",
            "unsubscribed", "i cancel", "ya la cancele", "ya lo cancele",
    ]),
    (ONGOING, &[
            "siguen", "sigue", "continuan", "todavia", "aun", "still", "keep", "keeps", "kept", "continue",
            "continues",
    ]),
    (STRANGER, &[
            "a guy", "some guy", "a man", "a woman", "a lady", "a young man", "un senor", "una senora", "un hombre",
            "una mujer", "un muchacho", "una muchacha", "un joven", "un chavo", "un tipo", "un sujeto",
    ]),
    (HELPED, &[
            "help", "helped", "helping", "offered", "ayuda", "ayudo", "ayudar", "ayudarme", "ayudandome", "ofrecio",
            "se ofrecio",
    ]),
    (MISTAKE, &[
            "cuenta equivocada", "cuenta incorrecta", "numero equivocado", "persona equivocada", "por error",
            "por equivocacion", "me equivoque", "wrong account", "wrong person", "wrong number", "by mistake",
            "mistakenly", "in error", "accidentally", "por accidente",
    ]),
    (NEVER_CAME, &[
            "never arrived", "never came", "never received", "never got it", "never reached", "nunca llego",
            "nunca me llego", "nunca recibi", "nunca me depositaron", "never deposited", "never credited",
            // Paid for, never handed over: "nunca me entregó nada", "never delivered".
            "nunca me entrego", "no me entrego", "nunca entrego", "never delivered", "never shipped",
            "nunca me envio", "nunca me mando", "never sent the", "never sent me",
    ]),
    (COVER, &[
            "seguro contra", "proteccion contra", "protection against", "insurance against", "insurance",
            "antirrobo",
    ]),
    (SHIELD, &[
            "proteccion", "protection", "protections", "protegido", "protegida", "protected", "prevencion",
            "prevention", "antifraude", "antifraud", "anti",
    ]),
    (SHORTFALL, &[
            "lower than it should", "less than it should", "lower than expected", "less than expected",
            "should have more", "should be higher", "doesn't add up", "doesnt add up", "does not add up",
            "deberia tener mas", "tengo menos dinero", "menos de lo que deberia", "menos de lo que tenia",
            "no cuadra", "no me cuadra", "no me sale la cuenta",
    ]),
    (TOLD, &[
            "me dijeron que", "me dijo que", "me pidieron que", "me indicaron", "they said", "they told me",
            "he told me", "she told me", "told me to", "instructed me", "asked me to",
    ]),
    (NEW_ACCOUNT, &[
            "a new account", "new account", "another account", "other account", "una cuenta nueva", "cuenta nueva",
            "otra cuenta", "account they gave", "cuenta que me dieron", "cuenta que me pasaron", "cuenta que me dio",
    ]),
    (SEEN, &[
            "aparece", "aparecen", "aparecio", "veo", "vi", "tengo", "hay", "me llego", "me llegaron", "salio", "see",
            "saw", "there's", "theres", "there is", "there are", "shows", "showed", "showing", "appears", "appeared",
            "got an alert", "got a text", "notification", "alerta", "i have", "alerts", "alertas", "notifications",
            "notificaciones",
    ]),
    (STRANGE, &[
            "raro", "raros", "rara", "raras", "extrano", "extranos", "sospechoso", "sospechosos", "weird", "strange",
            "suspicious", "odd", "fishy", "dodgy", "shady", "sketchy",
    ]),
    (MONEY, &[
            "dinero", "plata", "lana", "money", "cash", "dollars", "pesos", "soles", "fondos", "funds", "saldo",
            // A balance at nothing: "amanecí en ceros", "my account is at zero".
            "en ceros", "en cero", "a cero", "a ceros", "at zero", "down to zero", "to zero",
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
