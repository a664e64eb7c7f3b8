//! Concepts about money, accounts, transfers, fees and savings.

#[rustfmt::skip]
pub const CONCEPTS: &[(&str, &[&str])] = &[
    ("money", &[
        "dinero", "plata", "lana", "feria", "varo", "guita", "pasta", "fondos", "money", "funds", "dough", "bucks",
        "quid", "pesos", "soles", "dollars", "dolares", "euros",
    ]),
    ("transfer", &[
        "transferir", "transferencia", "enviar dinero", "mandar dinero", "mandar plata", "enviar plata", "pasar dinero",
        "pasarle dinero", "pasar plata", "mandarle", "enviarle", "envio de dinero", "giro", "giros", "spei", "wire",
        "send money", "send", "transfer", "pay someone", "pay a friend", "remit", "mandar", "enviar", "depositarle",
        "hacerle un deposito", "pagarle a", "le paso", "le mando",
    ]),
    ("remittance", &[
        "remesa", "remesas", "giro", "giros", "remittance", "remittances", "money order", "a mi familia",
        "to my family", "western union",
    ]),
    ("abroad", &[
        "extranjero", "exterior", "internacional", "afuera", "fuera del pais", "otro pais", "otros paises",
        "abroad", "overseas", "international", "foreign", "another country", "outside the country", "swift",
        "estados unidos", "eeuu", "usa", "united states", "the us", "espana", "spain", "europa", "europe", "alemania",
        "germany", "francia", "france", "italia", "italy", "japon", "japan", "canada", "mexico", "peru", "chile",
        "colombia", "argentina", "bolivia", "ecuador", "venezuela", "lima", "bogota", "londres", "london", "miami",
    ]),
    ("family", &[
        "familia", "familiar", "familiares", "mama", "mami", "papa", "papi", "madre", "padre", "hijo", "hija", "hijos",
        "hermano", "hermana", "primo", "prima", "abuela", "abuelo", "tio", "tia", "esposa", "esposo", "family",
        "relatives", "relative", "mum", "mom", "mother", "dad", "father", "son", "daughter", "brother", "sister",
        "cousin", "grandma", "grandpa", "wife", "husband", "kids", "parents", "padres",
    ]),
    ("other_bank", &[
        "otro banco", "otros bancos", "otra institucion", "another bank", "other bank", "other banks",
        "different bank", "interbancaria", "bbva", "santander", "banorte", "hsbc", "citi", "bcp", "interbank",
        "galicia", "macro",
    ]),
    ("recipient_id", &[
        "clabe", "cbu", "cvu", "cci", "alias", "iban", "swift", "bic", "numero de cuenta", "account number",
        "routing number", "sort code", "numero de celular", "mobile number", "phone number",
    ]),
    ("fee", &[
        "comision", "comisiones", "costo", "costos", "cuesta", "cuestan", "cobran", "cobrar", "cobro", "cargo por",
        "tarifa", "tarifas", "precio", "sale", "gratis", "gratuito", "sin costo", "fee", "fees", "cost", "costs",
        "charge", "charged", "charges", "price", "pricing", "free", "free of charge", "how much is", "how much does",
        "mantenimiento", "maintenance", "membresia", "anualidad", "annual fee", "monthly fee", "descontar",
        "desconto", "descontaron", "debitaron", "debited", "took the money",
    ]),
    ("interest", &[
        "interes", "intereses", "tasa", "tasas", "rate", "rates", "apr", "cat", "tea", "tna", "tem", "rendimiento",
        "interest", "yield", "return", "gana", "ganar", "earn", "earns", "percentage", "porcentaje",
    ]),
    ("balance", &[
        "saldo", "saldos", "disponible", "cuanto tengo", "cuanto dinero tengo", "cuanta plata tengo", "cuanta lana",
        "balance", "available", "how much money", "how much i have", "what i have", "funds available",
    ]),
    ("transactions", &[
        "movimientos", "movimiento", "transacciones", "operaciones", "historial", "consumos", "cargos", "abonos",
        "transactions", "transaction", "activity", "history", "recent", "ultimos", "latest", "spending",
    ]),
    ("statement", &[
        "estado de cuenta", "estados de cuenta", "extracto", "resumen", "resumen de cuenta", "statement",
        "statements", "bank statement", "monthly statement", "comprobante mensual", "pdf", "xml",
    ]),
    ("currency", &[
        "dolares", "dolar", "usd", "euros", "euro", "moneda extranjera", "divisa", "divisas", "tipo de cambio",
        "cotizacion", "dollars", "dollar", "currency", "foreign currency", "exchange rate", "exchange", "conversion",
        "convert", "comprar dolares", "buy dollars",
    ]),
    ("savings", &[
        "ahorro", "ahorros", "ahorrar", "cuenta de ahorro", "savings", "save", "saving", "savings account",
        "alcancia", "guardar dinero",
    ]),
    ("investment", &[
        "inversion", "inversiones", "invertir", "plazo fijo", "deposito a plazo", "pagare", "cetes",
        "fondo de inversion",
        "investment", "invest", "investing", "term deposit", "fixed term", "fixed deposit", "cd",
        "certificate of deposit",
        "grow my money", "hacer crecer",
    ]),
    ("salary", &[
        "sueldo", "nomina", "salario", "quincena", "pago de nomina", "salary", "payroll", "paycheck", "pay check",
        "wages", "wage", "my pay", "income", "ingresos", "empleador", "employer", "empresa donde trabajo",
    ]),
    ("overdraft", &[
        "sobregiro", "descubierto", "saldo negativo", "en rojo", "en cero", "sin saldo", "no me alcanza",
        "no tengo saldo", "overdraft", "overdrawn", "negative balance", "below zero", "in the red", "not enough money",
        "insufficient funds", "fondos insuficientes",
    ]),
    ("account", &[
        "cuenta", "cuentas", "account", "accounts", "cuenta de debito", "checking", "current account",
        "cuenta corriente", "caja de ahorro",
    ]),
    ("joint", &[
        "conjunta", "mancomunada", "cotitular", "cotitulares", "compartida", "juntos", "together", "shared",
        "compartir la cuenta", "titular", "titulares",
        "agregar a mi esposa", "agregar a mi esposo", "joint", "co-owner", "joint holder", "share an account",
        "shared account", "add my wife", "add my husband", "add my partner", "beneficiario", "beneficiary",
        "beneficiaries", "beneficiarios",
    ]),
    ("business", &[
        "empresa", "empresarial", "negocio", "negocios", "pyme", "persona moral", "comercio", "business", "company",
        "corporate", "commercial", "firm", "sme", "mi empresa", "my company", "freelance",
    ]),
    ("tax", &[
        "impuestos", "impuesto", "fiscal", "sat", "declaracion", "retenciones", "ganancias", "predial", "tenencia",
        "tax", "taxes", "irs", "tax return", "tax document", "withholding", "factura", "invoice", "cfdi",
    ]),
    ("certificate", &[
        "constancia", "certificado", "comprobante", "carta", "certificate", "proof", "letter", "reference letter",
        "bank letter", "papel que diga", "un papel", "documento que diga", "que diga que", "prove that", "proof that",
        "that says i", "acreditar que",
    ]),
    ("garnishment", &[
        "embargo", "embargada", "embargaron", "embargar", "retenido por orden", "orden judicial", "juez", "juzgado",
        "garnishment", "garnished", "garnish", "court order", "frozen by court", "legal hold", "legal case",
    ]),
];
