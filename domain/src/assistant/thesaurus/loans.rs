//! Concepts about loans and repayment, and about things a bank may not offer at all (so that a
//! question about them is known to be one the knowledge base cannot answer).

#[rustfmt::skip]
pub const CONCEPTS: &[(&str, &[&str])] = &[
    ("loan", &[
        "prestamo", "prestamos", "credito personal", "financiamiento", "financiar", "prestar", "prestarme",
        "pedir prestado", "loan", "loans", "borrow", "lend", "lending", "financing", "finance", "personal loan",
    ]),
    ("mortgage", &[
        "hipoteca", "hipotecario", "credito hipotecario", "casa", "vivienda", "departamento", "depa", "inmueble",
        "home loan", "mortgage", "house", "home", "apartment", "flat", "property", "real estate",
    ]),
    ("car", &[
        "auto", "autos", "coche", "carro", "vehiculo", "automotriz", "prendario", "camioneta", "moto", "car", "cars",
        "vehicle", "auto loan", "truck", "motorbike", "0 km",
    ]),
    ("down_payment", &[
        "enganche", "pie", "cuota inicial", "entrada", "anticipo", "down payment", "downpayment",
    ]),
    ("repay", &[
        "pagar", "pago", "abonar", "liquidar", "saldar", "cubrir", "pay", "payment", "repay", "repayment",
        "pay back", "pay off", "settle", "pay * off", "pay * back",
    ]),
    ("early", &[
        "adelantar", "adelanto", "anticipado", "anticipar", "antes de tiempo", "liquidar", "liquido", "liquide",
        "prepago",
        "early",
        "prepay", "prepayment", "ahead", "sooner", "extra payment", "pago extra", "finish sooner",
    ]),
    ("late", &[
        "atraso", "atrasado", "atrasar", "atrase", "atrasarme", "pagar tarde", "pago tarde", "mora", "moroso",
        "morosidad", "no pague",
        "no pago", "no pude pagar", "late", "overdue", "missed", "miss", "behind", "arrears", "fall behind",
        "didn't pay", "can't pay", "no me alcanza para pagar",
    ]),
    ("minimum", &["minimo", "pago minimo", "minimum", "minimum payment", "min payment"]),
    ("duration", &[
        "cuanto tiempo", "cuanto tarda", "cuanto tardan", "tarda", "tardan", "tardar", "demora", "demoran",
        "demorar", "how long", "takes", "take long", "dias habiles", "diashabiles", "businessday", "horas",
        "minutos", "minutes", "seconds", "segundos", "al instante", "instantly", "inmediato", "immediately",
        "same day", "mismo dia",
    ]),
    ("due_date", &[
        "fecha limite", "fecha de pago", "fecha de corte", "corte", "vencimiento", "cuando vence", "due date", "due",
        "deadline", "cutoff", "cut-off", "closing date", "statement date",
    ]),
    ("penalty", &[
        "penalizacion", "penalidad", "multa", "recargo", "cargo por atraso", "penalty", "fine", "late fee",
        "surcharge",
    ]),
    ("credit_score", &[
        "buro", "buro de credito", "historial crediticio", "historial", "central de riesgos", "central de deudores",
        "veraz", "score", "calificacion", "credit score", "credit history", "credit report", "credit record",
        "credit bureau", "record",
    ]),
    ("reschedule", &[
        "reestructura", "reestructurar", "reprogramar", "reprogramacion", "refinanciar", "mas tiempo", "prorroga",
        "dificultades", "no me alcanza para", "reschedule", "restructure", "refinance", "more time", "extension",
        "struggling", "hardship", "repactar", "repactacion", "renegociar", "renegociacion", "consolidar",
        "consolidacion", "unificar", "juntar deudas", "juntar mis deudas", "juntar todas mis deudas", "consolidate",
        "consolidation", "combine my debts", "pagar menos", "cuota mas baja", "pay less", "lower payment",
        "keep up with",
    ]),
    ("insurance", &[
        "seguro", "seguros", "poliza", "aseguradora", "cobertura", "siniestro", "insurance", "insure", "insured",
        "policy", "cover", "coverage", "claim",
    ]),
    ("student", &[
        "estudiante", "estudiantes", "universidad", "estudiar", "student", "students", "college", "university",
        "tuition",
    ]),
    ("pension", &["pension", "jubilacion", "retiro laboral", "afore", "afp", "pension plan", "retirement", "401k"]),
    ("crypto", &[
        "bitcoin", "cripto", "criptomoneda", "criptomonedas", "crypto", "cryptocurrency", "ethereum", "blockchain",
    ]),
    ("stocks", &[
        "acciones", "bolsa", "bolsa de valores", "bonos", "stocks", "shares", "stock market", "bonds", "etf", "trading",
    ]),
    ("safe_box", &["caja de seguridad", "cajas de seguridad", "safe deposit box", "safety deposit box", "locker"]),
    ("weather", &[
        "clima", "tiempo hace", "lluvia", "llovera", "weather", "rain", "forecast", "temperatura", "temperature",
    ]),
    ("sports", &["futbol", "partido", "mundial", "sports", "football", "soccer", "game", "match", "world cup"]),
    ("food", &[
        "receta", "restaurante", "comida", "tamales", "cocinar", "recipe", "restaurant", "food", "cook", "dinner",
    ]),
    ("entertainment", &[
        "pelicula", "peliculas", "serie", "musica", "cancion", "movie", "movies", "film", "music", "song",
        "netflix show",
    ]),
    ("trivia", &["capital de", "capital of", "presidente", "president", "who invented", "quien invento"]),
];
