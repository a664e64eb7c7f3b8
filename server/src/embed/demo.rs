//! `/demo`: a plausible bank home page, in Spanish with an English switch, that embeds the widget
//! with the one tag a bank pastes. `?inbox=KEY` picks another inbox (tests use their own).

use axum::extract::Query;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

/// `/demo` parameters.
#[derive(Debug, Deserialize)]
pub struct DemoParams {
    #[serde(default)]
    inbox: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

struct Copy {
    lang: &'static str,
    switch_href: &'static str,
    switch: &'static str,
    nav: [&'static str; 4],
    hero: &'static str,
    lead: &'static str,
    cta: &'static str,
    cards: [(&'static str, &'static str); 3],
    help: &'static str,
    footer: &'static str,
}

const ES: Copy = Copy {
    lang: "es",
    switch_href: "?lang=en",
    switch: "English",
    nav: ["Cuentas", "Tarjetas", "Préstamos", "Seguridad"],
    hero: "Tu banco, siempre contigo",
    lead: "Abre tu cuenta en minutos, paga con tu tarjeta en todo el mundo y resuelve tus dudas \
           a cualquier hora con nuestro asistente.",
    cta: "¿Tienes una pregunta? Escríbenos",
    cards: [
        ("Cuenta Nómina", "Sin comisión por manejo de cuenta y con retiros gratis en nuestra red de cajeros."),
        ("Tarjeta de crédito", "Bloquéala desde la app en segundos si la pierdes. Compras seguras con 3D Secure."),
        ("Transferencias", "SPEI al instante, las 24 horas, desde la app o la banca en línea."),
    ],
    help: "Nunca te pediremos tu NIP, contraseña ni códigos de verificación por chat.",
    footer: "Banco Demo, S.A. — página de demostración de JoxAI.",
};

const EN: Copy = Copy {
    lang: "en",
    switch_href: "?lang=es",
    switch: "Español",
    nav: ["Accounts", "Cards", "Loans", "Security"],
    hero: "Your bank, always with you",
    lead: "Open an account in minutes, pay with your card worldwide and get answers any time from our assistant.",
    cta: "Have a question? Write to us",
    cards: [
        ("Payroll account", "No account fees and free withdrawals at our ATM network."),
        ("Credit card", "Block it from the app in seconds if you lose it. Secure purchases with 3D Secure."),
        ("Transfers", "Instant transfers, 24/7, from the app or online banking."),
    ],
    help: "We will never ask for your PIN, password or verification codes in the chat.",
    footer: "Banco Demo — a JoxAI demonstration page.",
};

const STYLE: &str = "body{margin:0;font:16px/1.55 system-ui,sans-serif;color:#1f2937;background:#f8fafc}\
header{display:flex;align-items:center;justify-content:space-between;padding:1rem 2rem;background:#0a2540;color:#fff}\
header a{color:#fff;margin-left:1.25rem;text-decoration:none}header strong{font-size:1.25rem}\
.hero{padding:3rem 2rem;background:linear-gradient(120deg,#0a2540,#134e9c);color:#fff}\
.hero h1{font-size:2.2rem;margin:0 0 .75rem}.hero p{max-width:40rem}\
.hero button{margin-top:1rem;padding:.75rem 1.25rem;border:0;border-radius:8px;\
background:#fff;color:#0a2540;font-weight:700;cursor:pointer}\
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:1rem;padding:2rem}\
.cards article{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}\
.note{padding:0 2rem;color:#374151}footer{padding:2rem;color:#4b5563;font-size:.9rem}";

/// The bank page.
pub async fn page(Query(params): Query<DemoParams>) -> Response {
    let copy = if params.lang.as_deref() == Some("en") { &EN } else { &ES };
    let key = params
        .inbox
        .filter(|k| super::plain(k) && !k.is_empty())
        .unwrap_or_else(|| domain::seed::DEMO_INBOX.to_owned());
    let nav: String = copy.nav.iter().map(|n| format!("<a href=\"#\">{n}</a>")).collect();
    let cards: String =
        copy.cards.iter().map(|(title, body)| format!("<article><h2>{title}</h2><p>{body}</p></article>")).collect();
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Banco Demo</title>\
         <style>{STYLE}</style>\
         <script>window.JoxAI=window.JoxAI||function(){{(window.JoxAI.q=window.JoxAI.q||[]).push(arguments)}};</script>\
         <script src=\"/widget.js\" data-inbox=\"{key}\" data-locale=\"{lang}\" async></script></head>\
         <body><header><strong>Banco Demo</strong>\
         <nav aria-label=\"Menu\">{nav}<a href=\"{switch_href}\" lang=\"{other}\">{switch}</a></nav></header>\
         <main><section class=\"hero\"><h1>{hero}</h1><p>{lead}</p>\
         <button type=\"button\" onclick=\"JoxAI('open')\" data-testid=\"demo-open-chat\">{cta}</button></section>\
         <section class=\"cards\">{cards}</section><p class=\"note\">{help}</p></main>\
         <footer>{footer}</footer></body></html>",
        lang = copy.lang,
        switch_href = copy.switch_href,
        other = if copy.lang == "es" { "en" } else { "es" },
        switch = copy.switch,
        hero = copy.hero,
        lead = copy.lead,
        cta = copy.cta,
        help = copy.help,
        footer = copy.footer,
    );
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}
