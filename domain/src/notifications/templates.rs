//! The e-mails' words: a subject, a plain-text body and an HTML body for each kind of
//! notification. Staff get English; customers get Spanish or English, as they wrote.

/// A rendered message.
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A call to action at the bottom of a staff e-mail.
pub struct Link<'a> {
    pub label: &'a str,
    pub url: &'a str,
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Lays a message out: a heading, paragraphs, `label: value` facts and an optional link. The
/// same words go into the text and the HTML part.
/// Text a customer typed, as it may appear in a staff e-mail: one line of at most 80 characters,
/// angle brackets neutralised, in quotes — shown as data, never as a heading, markup or a sentence
/// in the bank's voice.
pub fn quoted(text: &str) -> String {
    let line: String = text
        .chars()
        .map(|c| match c {
            '<' => '(',
            '>' => ')',
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(80)
        .collect();
    format!("\"{}\"", line.trim())
}

pub fn render(
    subject: String,
    heading: &str,
    paragraphs: &[String],
    facts: &[(&str, String)],
    link: Option<Link<'_>>,
) -> Rendered {
    let mut text = format!("{heading}\n\n");
    let mut html = format!(
        "<!doctype html><html><body style=\"font-family:Arial,sans-serif;color:#1f2937\">\
         <h2 style=\"color:#0b3d91\">{}</h2>",
        escape(heading)
    );
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    if !facts.is_empty() {
        html.push_str("<table cellpadding=\"4\">");
        for (label, value) in facts {
            text.push_str(&format!("{label}: {value}\n"));
            html.push_str(&format!("<tr><th align=\"left\">{}</th><td>{}</td></tr>", escape(label), escape(value)));
        }
        html.push_str("</table>");
        text.push('\n');
    }
    if let Some(link) = link {
        text.push_str(&format!("{}: {}\n", link.label, link.url));
        html.push_str(&format!(
            "<p><a href=\"{}\" style=\"color:#0b3d91\">{}</a></p>",
            escape(link.url),
            escape(link.label)
        ));
    }
    text.push_str("\n— JoxAI\n");
    html.push_str("<p style=\"color:#6b7280;font-size:12px\">JoxAI</p></body></html>");
    Rendered { subject, text, html }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let r = render(
            "S".into(),
            "Hi <b>",
            &["a & b".into()],
            &[("Customer", "<script>x</script>".into())],
            Some(Link { label: "Open", url: "http://x/t?a=1&b=2" }),
        );
        assert!(r.html.contains("Hi &lt;b&gt;"));
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(!r.html.contains("<script>"));
        assert!(r.text.contains("Customer: <script>x</script>"));
        assert!(r.html.contains("a=1&amp;b=2"));
    }
}
