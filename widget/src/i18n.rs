//! Every string the widget shows, in Spanish and English.

/// The widget's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Es,
    En,
}

impl Lang {
    /// `es` or `en`; anything else is Spanish, the default of the reference.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("es") => Some(Lang::Es),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }
}

/// The strings of one language.
pub struct Text {
    pub title: &'static str,
    pub close: &'static str,
    pub messages: &'static str,
    pub message_label: &'static str,
    pub placeholder: &'static str,
    pub send: &'static str,
    pub human: &'static str,
    pub copy: &'static str,
    pub offline_banner: &'static str,
    pub sending: &'static str,
    pub not_sent: &'static str,
    pub sources: &'static str,
    pub agent_typing: &'static str,
    pub read: &'static str,
    pub you: &'static str,
    pub assistant: &'static str,
    pub agent: &'static str,
    pub rate_title: &'static str,
    pub rate_legend: &'static str,
    pub stars: [&'static str; 5],
    pub comment: &'static str,
    pub rate_send: &'static str,
    pub thanks: &'static str,
    pub new_chat: &'static str,
    pub prechat_intro: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub start: &'static str,
    pub offline_intro: &'static str,
    pub offline_message: &'static str,
    pub offline_send: &'static str,
    pub error: &'static str,
    pub language: &'static str,
    pub notice: &'static str,
    pub accept: &'static str,
    pub go_on: &'static str,
}

const ES: Text = Text {
    title: "Asistente virtual",
    close: "Cerrar chat",
    messages: "Mensajes de la conversación",
    message_label: "Tu mensaje",
    placeholder: "Escribe tu mensaje…",
    send: "Enviar",
    human: "Hablar con una persona",
    copy: "Descargar una copia de la conversación",
    offline_banner: "Sin conexión. Tus mensajes se enviarán al reconectar.",
    sending: "Enviando…",
    not_sent: "No enviado",
    sources: "Fuentes",
    agent_typing: "El asesor está escribiendo…",
    read: "Leído por el asesor",
    you: "Tú",
    assistant: "Asistente",
    agent: "Asesor",
    rate_title: "¿Cómo te atendimos?",
    rate_legend: "Califica la conversación",
    stars: ["1 — Muy mal", "2 — Mal", "3 — Regular", "4 — Bien", "5 — Excelente"],
    comment: "Comentario (opcional)",
    rate_send: "Enviar calificación",
    thanks: "¡Gracias por tu opinión!",
    new_chat: "Nueva conversación",
    prechat_intro: "Antes de empezar, dinos cómo contactarte.",
    name: "Nombre",
    email: "Correo electrónico",
    start: "Empezar",
    offline_intro: "Ahora no hay asesores disponibles. Déjanos tu mensaje y te responderemos por correo.",
    offline_message: "Mensaje",
    offline_send: "Enviar mensaje",
    error: "Algo salió mal. Inténtalo de nuevo.",
    language: "English",
    notice: "Aviso de privacidad",
    accept: "He leído y acepto el aviso de privacidad",
    go_on: "Continuar",
};

const EN: Text = Text {
    title: "Virtual assistant",
    close: "Close chat",
    messages: "Conversation messages",
    message_label: "Your message",
    placeholder: "Type your message…",
    send: "Send",
    human: "Talk to a person",
    copy: "Download a copy of this conversation",
    offline_banner: "No connection. Your messages will be sent when it is back.",
    sending: "Sending…",
    not_sent: "Not sent",
    sources: "Sources",
    agent_typing: "The agent is typing…",
    read: "Read by the agent",
    you: "You",
    assistant: "Assistant",
    agent: "Agent",
    rate_title: "How did we do?",
    rate_legend: "Rate the conversation",
    stars: ["1 — Very poor", "2 — Poor", "3 — Fair", "4 — Good", "5 — Excellent"],
    comment: "Comment (optional)",
    rate_send: "Send rating",
    thanks: "Thank you for your feedback!",
    new_chat: "New conversation",
    prechat_intro: "Before we start, tell us how to reach you.",
    name: "Name",
    email: "E-mail",
    start: "Start",
    offline_intro: "No agents are available right now. Leave us a message and we will answer by e-mail.",
    offline_message: "Message",
    offline_send: "Send message",
    error: "Something went wrong. Please try again.",
    language: "Español",
    notice: "Privacy notice",
    accept: "I have read and accept the privacy notice",
    go_on: "Continue",
};

/// The strings for `lang`.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Es => &ES,
        Lang::En => &EN,
    }
}
