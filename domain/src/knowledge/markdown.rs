//! Article Markdown to HTML for the admin panel's preview. Raw HTML in the source is shown as
//! text and only http(s), mailto and relative links survive, so an article can never carry a
//! script into a staff member's browser.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Safe HTML for `markdown`.
pub fn to_safe_html(markdown: &str) -> String {
    let events =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: safe_url(dest_url), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Image { link_type, dest_url: safe_url(dest_url), title, id })
            }
            other => other,
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let allowed = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with('/')
        || lower.starts_with('#')
        || !lower.contains(':');
    if allowed { url } else { CowStr::Borrowed("#") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown_and_neutralises_html_and_scripts() {
        let html = to_safe_html(
            "# Title\n\n1. **Open** the app\n\n<script>alert(1)</script>\n\n\
             [x](javascript:alert(1)) [ok](https://bank.test)",
        );
        assert!(html.contains("<h1>Title</h1>"));
        assert!(html.contains("<strong>Open</strong>"));
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://bank.test\""));
    }
}
