//! The Spanish of the knowledge base, staff, inboxes, notifications, settings, audit and system pages.

pub const TABLE: &[(&str, &str)] = &[
    // The knowledge base.
    ("Knowledge base", "Base de conocimiento"),
    ("Ask the assistant", "Preguntar al asistente"),
    ("New article", "Nuevo artículo"),
    ("All categories", "Todas las categorías"),
    ("Title", "Título"),
    ("Version", "Versión"),
    ("Updated", "Actualizado"),
    ("Search articles…", "Buscar artículos…"),
    ("Back to the list", "Volver a la lista"),
    ("Detect", "Detectar"),
    ("Tags (comma-separated)", "Etiquetas (separadas por comas)"),
    ("Preview", "Vista previa"),
    ("cards", "tarjetas"),
    (
        "Read only: only administrators and supervisors edit the knowledge base.",
        "Solo lectura: solo administradores y supervisores editan la base de conocimiento.",
    ),
    (
        "Example questions (one per line: other ways customers ask this)",
        "Preguntas de ejemplo (una por línea: otras formas en que lo preguntan los clientes)",
    ),
    ("Content (Markdown)", "Contenido (Markdown)"),
    ("Version {} · updated {} UTC", "Versión {} · actualizado el {} UTC"),
    ("active", "activo"),
    ("inactive", "inactivo"),
    ("Reactivate", "Reactivar"),
    ("Any language", "Cualquier idioma"),
    ("Active and inactive", "Activos e inactivos"),
    ("Active", "Activos"),
    ("Inactive", "Inactivos"),
    ("No active article matches that search.", "Ningún artículo activo coincide con esa búsqueda."),
    ("No articles yet.", "Aún no hay artículos."),
    ("article", "artículo"),
    ("articles", "artículos"),
    (", best match first", ", la mejor coincidencia primero"),
    // Staff, inboxes, notifications.
    ("New staff member", "Nuevo miembro del personal"),
    ("Username", "Usuario"),
    ("Create", "Crear"),
    ("Role", "Rol"),
    ("Last sign-in", "Último acceso"),
    ("Change role", "Cambiar el rol"),
    ("never", "nunca"),
    ("active (person)", "activo"),
    ("inactive (person)", "inactivo"),
    ("New inbox", "Nuevo buzón"),
    ("No inboxes yet.", "Aún no hay buzones."),
    ("Key", "Clave"),
    ("Allowed origins", "Orígenes permitidos"),
    (
        "Each bank website that shows the chat widget is an inbox. The widget runs only on its allowed \
         origins.",
        "Cada web del banco que muestra el widget de chat es un buzón. El widget solo funciona en sus \
         orígenes permitidos.",
    ),
    ("← All inboxes", "← Todos los buzones"),
    ("Saved", "Guardado"),
    (
        "Paste this on every page of the bank's website that should show the chat:",
        "Pega esto en cada página de la web del banco que deba mostrar el chat:",
    ),
    (
        "Identity secret — the bank's server signs customers' identity tokens with it (HS256). It is \
         shown only now:",
        "Secreto de identidad: el servidor del banco firma con él los tokens de identidad de los \
         clientes (HS256). Solo se muestra ahora:",
    ),
    ("Allowed origins (one per line)", "Orígenes permitidos (uno por línea)"),
    ("Theme colour", "Color del tema"),
    ("Position", "Posición"),
    ("Right", "Derecha"),
    ("Left", "Izquierda"),
    ("Default language", "Idioma por defecto"),
    ("Ask name and e-mail before the chat", "Pedir nombre y correo antes del chat"),
    ("Greeting (Spanish; empty for the default)", "Saludo (en español; vacío para el predeterminado)"),
    ("Greeting (English; empty for the default)", "Saludo (en inglés; vacío para el predeterminado)"),
    (
        "Business hours (one period per line, e.g. “mon 09:00-18:00”; empty for always open)",
        "Horario (un periodo por línea, p. ej. “mon 09:00-18:00”, con los días en inglés; vacío si \
         siempre está abierto)",
    ),
    ("Local time = UTC + minutes", "Hora local = UTC + minutos"),
    (
        "Privacy notice, shown before the chat (leave the version empty for none)",
        "Aviso de privacidad, mostrado antes del chat (deja la versión vacía si no hay)",
    ),
    (
        "Customers must accept it before they chat or leave a message",
        "Los clientes deben aceptarlo antes de chatear o dejar un mensaje",
    ),
    ("Notice (Spanish)", "Aviso (en español)"),
    ("Notice (English)", "Aviso (en inglés)"),
    ("inactive: the widget does not load", "inactivo: el widget no se carga"),
    ("New identity secret", "Nuevo secreto de identidad"),
    ("Mark all read", "Marcar todo como leído"),
    ("Nothing here.", "No hay nada aquí."),
    ("Outbox", "Bandeja de salida"),
    ("No failed notifications.", "No hay notificaciones fallidas."),
    ("To", "Para"),
    ("Attempts", "Intentos"),
    ("Error", "Error"),
    ("Send again", "Enviar de nuevo"),
    ("Page not found", "Página no encontrada"),
    (
        "Type a question the way a customer would. Nothing is sent to a customer; the answer is kept in \
         the answer log for review.",
        "Escribe una pregunta como lo haría un cliente. No se envía nada a ningún cliente; la respuesta \
         queda en el registro de respuestas para revisarla.",
    ),
    // Settings, audit, system.
    ("(default)", "(predeterminado)"),
    ("Action", "Acción"),
    ("Action, e.g. CUSTOMER_VIEWED", "Acción, p. ej. CUSTOMER_VIEWED"),
    ("Actor id", "Id de quien actúa"),
    ("Add", "Añadir"),
    ("Add a setting", "Añadir un ajuste"),
    ("Audit log", "Registro de auditoría"),
    (
        "Chain broken at record {}: it was changed, or the one before it removed.",
        "Cadena rota en el registro {}: se modificó, o se eliminó el anterior.",
    ),
    ("Chain intact: {} records checked.", "Cadena intacta: {} registros comprobados."),
    ("Configured; nothing sent yet", "Configurado; aún no se ha enviado nada"),
    ("Database", "Base de datos"),
    ("Delete what is past due now", "Borrar ahora lo vencido"),
    ("Details", "Detalles"),
    ("Dry run", "Simulación"),
    ("From", "Desde"),
    ("IP address", "Dirección IP"),
    ("Kept (days)", "Conservado (días)"),
    ("LLM provider", "Proveedor de LLM"),
    ("Last dry run", "Última simulación"),
    ("Last e-mail failed {} UTC: {}", "El último correo falló el {} UTC: {}"),
    ("Last e-mail sent {} UTC", "Último correo enviado el {} UTC"),
    ("Last run", "Última ejecución"),
    ("Live events", "Eventos en vivo"),
    ("No records match.", "Ningún registro coincide."),
    ("None configured: the local responder answers", "Ninguno configurado: responde el asistente local"),
    (
        "Not configured (JOXAI_SMTP_URL): e-mails are stored, not sent",
        "Sin configurar (JOXAI_SMTP_URL): los correos se guardan, no se envían",
    ),
    ("Outcome", "Resultado"),
    ("Part", "Parte"),
    ("Past due", "Vencidos"),
    ("Records", "Registros"),
    (
        "Records past their period (the retention settings above) are deleted every six hours. A dry run \
         only counts them.",
        "Los registros que superan su plazo (los ajustes de conservación de arriba) se borran cada seis \
         horas. Una simulación solo los cuenta.",
    ),
    ("Refresh", "Actualizar"),
    ("Removed", "Borrados"),
    ("Reset", "Restablecer"),
    ("Resource", "Recurso"),
    ("Resource type", "Tipo de recurso"),
    ("Resource, e.g. customer", "Recurso, p. ej. customer"),
    ("Retention", "Conservación"),
    ("Setting", "Ajuste"),
    (
        "Shared with the other servers (PostgreSQL LISTEN/NOTIFY)",
        "Compartidos con los demás servidores (PostgreSQL LISTEN/NOTIFY)",
    ),
    ("Sockets", "Sockets"),
    ("State", "Estado"),
    ("The job has not run yet.", "La tarea aún no se ha ejecutado."),
    ("This server only (SQLite: one server)", "Solo este servidor (SQLite: un servidor)"),
    ("Value", "Valor"),
    (
        "Values are JSON; plain text is taken as text. An empty setting uses the server's configured \
         default. Changes take effect at once.",
        "Los valores son JSON; el texto simple se toma como texto. Un ajuste vacío usa el valor \
         predeterminado del servidor. Los cambios se aplican al instante.",
    ),
    ("When (UTC)", "Cuándo (UTC)"),
    ("Who", "Quién"),
    ("e.g. support_phone", "p. ej. support_phone"),
    ("ok", "bien"),
    ("problem", "problema"),
    ("{} customers, {} staff", "{} clientes, {} del personal"),
    ("{} since {}h {}m", "{} desde hace {} h {} min"),
    ("{} waiting, {} given up", "{} en espera, {} abandonadas"),
    ("{}: breaker open, answering locally", "{}: cortacircuitos abierto, responde el asistente local"),
    ("{}: not answering", "{}: no responde"),
    ("{}: {} answered, {} failed, {} refused", "{}: {} respondidas, {} fallidas, {} rechazadas"),
    ("{}: answers in {} ms; {} connections, {} idle", "{}: responde en {} ms; {} conexiones, {} libres"),
    ("Verify chain", "Verificar la cadena"),
    // The settings JoxAI reads.
    (
        "The product's name as staff and customers see it",
        "El nombre del producto tal como lo ven el personal y los clientes",
    ),
    (
        "Answers below this confidence (0 to 1) count as not known",
        "Las respuestas por debajo de esta confianza (0 a 1) cuentan como no sabidas",
    ),
    (
        "After this many not-known answers in a row (1 to 10), a person takes over",
        "Tras tantas respuestas no sabidas seguidas (1 a 10), toma el relevo una persona",
    ),
    (
        "The bank's own phrases that always hand the customer to a person (a list, any case or accents)",
        "Las frases propias del banco que siempre pasan al cliente a una persona (una lista; da igual \
         mayúsculas o acentos)",
    ),
    (
        "What the assistant says in Spanish when it does not know the answer",
        "Lo que dice el asistente en español cuando no sabe la respuesta",
    ),
    (
        "What the assistant says in English when it does not know the answer",
        "Lo que dice el asistente en inglés cuando no sabe la respuesta",
    ),
    (
        "The assistant's first message in Spanish (inboxes may have their own)",
        "El primer mensaje del asistente en español (los buzones pueden tener el suyo)",
    ),
    (
        "The assistant's first message in English (inboxes may have their own)",
        "El primer mensaje del asistente en inglés (los buzones pueden tener el suyo)",
    ),
    (
        "When people answer, for inboxes without hours of their own: {utc_offset_minutes, days}",
        "Cuándo atienden personas, para los buzones sin horario propio: {utc_offset_minutes, days}",
    ),
    (
        "Open tickets an agent holds at most before new ones wait (1 to 100)",
        "Tickets abiertos que un asesor tiene como máximo antes de que los nuevos esperen (1 a 100)",
    ),
    (
        "Minutes to the first answer and to resolution, by priority: {URGENT: {first_response_minutes, \
         resolution_minutes}, HIGH: …, MEDIUM: …, LOW: …}",
        "Minutos hasta la primera respuesta y hasta la resolución, por prioridad: {URGENT: \
         {first_response_minutes, resolution_minutes}, HIGH: …, MEDIUM: …, LOW: …}",
    ),
    (
        "Sign-in attempts a minute per client IP (REST and admin panel) (1 to 100,000)",
        "Intentos de inicio de sesión por minuto por IP de cliente (REST y panel) (1 a 100.000)",
    ),
    (
        "New conversations a minute per client IP (1 to 100,000)",
        "Conversaciones nuevas por minuto por IP de cliente (1 a 100.000)",
    ),
    (
        "Customer messages a minute per conversation (1 to 100,000)",
        "Mensajes del cliente por minuto por conversación (1 a 100.000)",
    ),
    (
        "/tickets calls a minute per staff member (1 to 100,000)",
        "Llamadas a /tickets por minuto por miembro del personal (1 a 100.000)",
    ),
    (
        "/analytics calls a minute per staff member (1 to 100,000)",
        "Llamadas a /analytics por minuto por miembro del personal (1 a 100.000)",
    ),
    (
        "Days a closed conversation and its transcript are kept (30 to 36,500; default 1,825)",
        "Días que se conservan una conversación cerrada y su transcripción (30 a 36.500; por defecto \
         1.825)",
    ),
    (
        "Days a finished ticket and its notes are kept (30 to 36,500; default 1,825)",
        "Días que se conservan un ticket terminado y sus notas (30 a 36.500; por defecto 1.825)",
    ),
    (
        "Days the assistant's answer log keeps each answer (30 to 36,500; default 365)",
        "Días que el registro de respuestas del asistente guarda cada respuesta (30 a 36.500; por \
         defecto 365)",
    ),
    (
        "Days a sent or failed notification is kept (30 to 36,500; default 180)",
        "Días que se conserva una notificación enviada o fallida (30 a 36.500; por defecto 180)",
    ),
    (
        "Days audit records are kept (365 to 36,500; default 3,650); pruning keeps the chain whole",
        "Días que se conservan los registros de auditoría (365 a 36.500; por defecto 3.650); la poda \
         mantiene la cadena íntegra",
    ),
    ("Value of {}", "Valor de {}"),
];
