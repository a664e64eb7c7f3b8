//! `/api/v1/docs`: the OpenAPI document as one readable HTML page, rendered on the server from
//! the same document `/api/v1/openapi.json` serves. No scripts, fonts or CDNs, so it works
//! offline and behind a bank's proxy.

use std::fmt::Write;

use serde_json::Value;

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#111827;background:#f5f7fb}\
main{max-width:980px;margin:0 auto;padding:1.5rem}h1{margin:.2rem 0}nav a{margin-right:.75rem}\
section.op{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}\
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:ui-monospace,monospace}\
.get{color:#065f46}.post{color:#1e40af}.put,.patch{color:#92400e}.delete{color:#991b1b}\
code,.path{font-family:ui-monospace,monospace}table{border-collapse:collapse;width:100%;margin:.4rem 0}\
th,td{text-align:left;border-bottom:1px solid #e5e7eb;padding:.25rem .5rem;vertical-align:top;font-size:.9rem}\
.muted{color:#4b5563}.lock{font-size:.8rem;color:#92400e}";

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Renders the whole page.
pub fn render(doc: &Value) -> String {
    let title = text(doc.pointer("/info/title"));
    let version = text(doc.pointer("/info/version"));
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} API</title><style>{STYLE}</style></head><body><main>\
         <h1>{} API <small class=\"muted\">{}</small></h1><p class=\"muted\">{}</p>\
         <p>Machine-readable: <a href=\"/api/v1/openapi.json\"><code>/api/v1/openapi.json</code></a> (OpenAPI {}). \
         Errors are <code>{{\"detail\": …}}</code> with the status shown.</p>",
        esc(&title),
        esc(&title),
        esc(&version),
        esc(&text(doc.pointer("/info/description"))),
        esc(&text(doc.get("openapi"))),
    );
    let tags = tags(doc);
    out.push_str("<nav>");
    for tag in &tags {
        let _ = write!(out, "<a href=\"#tag-{}\">{}</a>", esc(tag), esc(tag));
    }
    out.push_str("<a href=\"#schemas\">schemas</a></nav>");
    let paths = doc.get("paths").and_then(Value::as_object);
    for tag in &tags {
        let _ = write!(out, "<h2 id=\"tag-{}\">{}</h2>", esc(tag), esc(tag));
        for (path, item) in paths.into_iter().flatten() {
            for method in METHODS {
                if let Some(op) = item.get(method)
                    && first_tag(op) == *tag
                {
                    operation(&mut out, method, path, op);
                }
            }
        }
    }
    schemas(&mut out, doc);
    out.push_str("</main></body></html>");
    out
}

fn tags(doc: &Value) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for item in doc.get("paths").and_then(Value::as_object).into_iter().flat_map(|p| p.values()) {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                let tag = first_tag(op);
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
    }
    tags
}

fn first_tag(op: &Value) -> String {
    op.pointer("/tags/0").and_then(Value::as_str).unwrap_or("other").to_owned()
}

fn operation(out: &mut String, method: &str, path: &str, op: &Value) {
    let secured = op.get("security").and_then(Value::as_array).is_some_and(|s| !s.is_empty());
    let _ = write!(
        out,
        "<section class=\"op\" id=\"{}\"><div><span class=\"m {method}\">{}</span> \
         <span class=\"path\">/api/v1{}</span> {}</div>",
        esc(&text(op.get("operationId"))),
        method.to_ascii_uppercase(),
        esc(path),
        if secured { "<span class=\"lock\">staff token</span>" } else { "" },
    );
    let summary = text(op.get("summary"));
    let description = text(op.get("description"));
    if !summary.is_empty() {
        let _ = write!(out, "<p><strong>{}</strong></p>", esc(&summary));
    }
    if !description.is_empty() && description != summary {
        let _ = write!(out, "<p class=\"muted\">{}</p>", esc(&description));
    }
    if let Some(params) = op.get("parameters").and_then(Value::as_array).filter(|p| !p.is_empty()) {
        out.push_str("<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Description</th></tr>");
        for p in params {
            let required = if p.get("required").and_then(Value::as_bool) == Some(true) { " *" } else { "" };
            let _ = write!(
                out,
                "<tr><td><code>{}</code>{required}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&text(p.get("name"))),
                esc(&text(p.get("in"))),
                esc(&type_of(p.get("schema"))),
                esc(&text(p.get("description"))),
            );
        }
        out.push_str("</table>");
    }
    if let Some(body) = op.pointer("/requestBody/content/application~1json/schema") {
        let _ = write!(out, "<p>Body: {}</p>", type_html(body));
    }
    if let Some(responses) = op.get("responses").and_then(Value::as_object) {
        out.push_str("<table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>");
        for (status, response) in responses {
            let body = response.pointer("/content/application~1json/schema").map(type_html).unwrap_or_default();
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{body}</td></tr>",
                esc(status),
                esc(&text(response.get("description"))),
            );
        }
        out.push_str("</table>");
    }
    out.push_str("</section>");
}

fn schemas(out: &mut String, doc: &Value) {
    out.push_str("<h2 id=\"schemas\">Schemas</h2>");
    let Some(schemas) = doc.pointer("/components/schemas").and_then(Value::as_object) else { return };
    for (name, schema) in schemas {
        let _ = write!(out, "<section class=\"op\" id=\"schema-{}\"><strong>{}</strong>", esc(name), esc(name));
        let description = text(schema.get("description"));
        if !description.is_empty() {
            let _ = write!(out, "<p class=\"muted\">{}</p>", esc(&description));
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let names: Vec<String> = values.iter().map(|v| text(Some(v))).collect();
            let _ = write!(out, "<p>One of: <code>{}</code></p>", esc(&names.join(", ")));
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            out.push_str("<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>");
            for (field, prop) in props {
                let star = if required.contains(&field.as_str()) { " *" } else { "" };
                let _ = write!(
                    out,
                    "<tr><td><code>{}</code>{star}</td><td>{}</td><td>{}</td></tr>",
                    esc(field),
                    type_html(prop),
                    esc(&text(prop.get("description"))),
                );
            }
            out.push_str("</table>");
        }
        out.push_str("</section>");
    }
}

/// A schema's type in words, linking named schemas.
fn type_html(schema: &Value) -> String {
    if let Some(name) = ref_name(schema) {
        return format!("<a href=\"#schema-{0}\">{0}</a>", esc(name));
    }
    if let Some(items) = schema.get("items") {
        return format!("array of {}", type_html(items));
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(options) = schema.get(key).and_then(Value::as_array) {
            let parts: Vec<String> = options.iter().map(type_html).collect();
            return parts.join(" or ");
        }
    }
    esc(&type_of(Some(schema)))
}

fn type_of(schema: Option<&Value>) -> String {
    let Some(schema) = schema else { return String::new() };
    if let Some(name) = ref_name(schema) {
        return name.to_owned();
    }
    let kind = match schema.get("type") {
        Some(Value::Array(kinds)) => kinds.iter().map(|k| text(Some(k))).collect::<Vec<_>>().join(" | "),
        other => text(other),
    };
    match schema.get("format").and_then(Value::as_str) {
        Some(format) => format!("{kind} ({format})"),
        None => kind,
    }
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref").and_then(Value::as_str).and_then(|r| r.rsplit('/').next())
}

fn text(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
