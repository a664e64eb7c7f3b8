//! Concepts about digital banking, security, the customer's details, branches and service.

#[rustfmt::skip]
pub const CONCEPTS: &[(&str, &[&str])] = &[
    ("app", &[
        "app", "aplicacion", "banca movil", "banca en linea", "banca por internet", "banca digital", "home banking",
        "online banking", "mobile banking", "internet banking", "web banking", "portal", "la app", "the app",
    ]),
    ("download", &[
        "descargar", "bajar", "instalar", "app store", "play store", "google play", "download", "install",
        "get the app", "where can i get", "donde consigo",
    ]),
    ("phone", &[
        "celular", "cel", "celu", "movil", "telefono", "smartphone", "iphone", "android", "phone", "mobile",
        "cellphone", "cell", "dispositivo", "device", "equipo",
    ]),
    ("new_phone", &[
        "celular nuevo", "nuevo celular", "cambie de celular", "cambie de cel", "cambie de telefono", "otro celular",
        "new phone", "changed phones", "changed my phone", "got a new phone", "new iphone", "new device",
        "switch phones", "cambio de celular",
    ]),
    ("code", &[
        "codigo", "codigos", "token", "clave dinamica", "otp", "codigo sms", "sms", "mensaje de texto", "one time code",
        "verification code", "security code", "code", "codes", "digits", "digitos", "6 digitos",
        "6 digit", "clave de seguridad", "clave de validacion", "validation code",
    ]),
    ("password", &[
        "contrasena", "contrasenas", "clave", "password", "passwords", "clave de internet", "clave de acceso",
        "login password", "usuario y contrasena", "credentials", "credenciales", "passcode", "passcodes",
        "access code", "app code", "codigo de acceso",
    ]),
    ("forgot", &[
        "olvide", "olvidar", "olvido", "no recuerdo", "no me acuerdo", "se me olvido", "forgot", "forget", "forgotten",
        "can't remember", "cant remember", "don't remember", "dont remember", "reset", "restablecer", "recuperar",
        "recover", "crear una nueva", "create a new", "retrieve", "lost my password", "lost my passcode",
        "perdi mi contrasena", "perdi mi clave", "new password", "new passcode", "another passcode",
        "another password",
    ]),
    ("login", &[
        "entrar", "ingresar", "acceder", "iniciar sesion", "inicio de sesion", "acceso", "log in", "login", "sign in",
        "signin", "access", "get in", "get into", "logging in",
    ]),
    ("locked", &[
        "bloqueado", "bloqueada", "usuario bloqueado", "acceso bloqueado", "me bloquearon", "locked", "locked out",
        "blocked", "too many attempts", "intentos", "wrong tries", "tries", "attempts", "3 veces", "tres veces",
        "too many times", "too often", "exceeded", "exhausted", "number of times", "demasiadas veces",
        "unlock", "unblock", "unlocked", "unblocked", "desbloquear", "desbloqueo",
    ]),
    ("update", &[
        "actualizar", "actualizacion", "cambiar", "modificar", "corregir", "update", "change", "edit", "modify",
        "correct",
    ]),
    ("email", &["correo", "correo electronico", "email", "e-mail", "mail", "gmail", "hotmail", "outlook"]),
    ("address", &[
        "direccion", "domicilio", "me mude", "mudanza", "mudarme", "address", "moved", "moving", "move house",
        "new home", "residencia",
    ]),
    ("name", &["nombre", "apellido", "name", "surname", "last name", "me case", "got married", "casada"]),
    ("open_account", &[
        "abrir", "apertura", "abrir una cuenta", "contratar", "hacerme cliente", "ser cliente", "afiliarme",
        "become a customer", "open", "opening", "sign up", "join", "new account", "register", "registrarme",
    ]),
    ("close", &[
        "cerrar", "cancelar", "dar de baja", "baja", "darme de baja", "eliminar", "cierre", "cancelacion", "shut",
        "close", "closing", "cancel", "cancellation", "terminate", "get rid of", "don't want", "no la uso",
        "stop using", "dejar de usar", "for good",
        "no quiero mas", "anymore",
    ]),
    ("documents", &[
        "requisitos", "documentos", "papeles", "identificacion", "ine", "dni", "pasaporte", "curp", "rfc", "cuil",
        "comprobante de domicilio", "requirements", "documents", "papers", "id", "passport", "proof of address",
        "paperwork", "what do i need", "que necesito", "que piden", "what documents",
    ]),
    ("minor", &[
        "menor", "menores", "menor de edad", "nino", "nina", "ninos", "hijo", "hija", "adolescente", "junior",
        "kid", "kids", "child", "children", "minor", "minors", "teen", "teenager", "year old", "years old", "anos",
        "edad", "age", "17", "16", "15", "14",
    ]),
    ("branch", &[
        "sucursal", "sucursales", "agencia", "agencias", "oficina", "oficinas", "branch", "branches", "office",
        "agency", "location", "en persona", "in person", "ventanilla", "caja", "counter",
    ]),
    ("hours", &[
        "horario", "horarios", "hora", "horas", "abren", "abre", "cierran", "cierra", "abierto", "abierta", "atienden",
        "atencion", "hours", "open", "opening", "close", "closes", "closing time", "what time", "a que hora",
        "schedule", "hasta que hora",
    ]),
    ("weekend", &[
        "sabado", "sabados", "domingo", "domingos", "fin de semana", "feriado", "festivo", "saturday", "saturdays",
        "sunday", "sundays", "weekend", "holiday", "public holiday",
    ]),
    ("contact", &[
        "telefono", "llamar", "numero", "contacto", "contactar", "atencion a clientes", "atencion al cliente",
        "servicio al cliente", "whatsapp", "call", "phone", "number", "contact", "customer service", "reach",
        "hotline", "helpline", "linea", "call center", "support",
    ]),
    ("appointment", &[
        "cita", "turno", "agendar", "reservar", "sacar turno", "appointment", "booking", "book", "schedule a visit",
    ]),
    ("phishing", &[
        "sospechoso", "sospechosa", "raro", "rara", "falso", "falsa", "phishing", "smishing", "estafa", "fraude",
        "suspicious", "fake", "scam", "legit", "legitimate", "real", "link", "enlace", "liga", "correo raro",
        "weird", "strange", "is it you", "son ustedes",
    ]),
    ("security", &[
        "seguridad", "seguro", "proteger", "protegido", "security", "safe", "secure", "protect", "protected",
    ]),
    ("dispute", &[
        "aclaracion", "disputa", "disputar", "reclamar", "reclamo", "contracargo", "dispute", "chargeback", "claim",
        "contest", "wrong charge", "cargo indebido", "no reconozco", "don't recognise", "don't recognize",
    ]),
    ("alerts", &[
        "alertas", "alerta", "notificaciones", "notificacion", "avisos", "aviso", "alerts", "alert",
        "notifications", "notification", "push", "text alerts",
    ]),
    ("automatic", &[
        "automatico", "automatica", "automaticamente", "domiciliacion", "domiciliar", "debito automatico",
        "recurrente", "solos", "solas", "cada mes", "automatic", "automatically", "auto pay", "autopay",
        "direct debit", "recurring", "standing order", "by themselves", "every month",
    ]),
    ("bills", &[
        "luz", "agua", "gas", "recibo", "recibos", "servicios", "facturas", "colegio", "colegiatura", "telefonia",
        "cable", "bills", "bill", "utilities", "electricity", "water", "phone bill", "school fees", "tuition",
    ]),
];
