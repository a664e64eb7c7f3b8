//! Server-sent events, as both providers stream them: `event:` and `data:` lines, events split
//! by a blank line, chunks cut anywhere (even inside a UTF-8 character).

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The `event:` name, empty when absent.
    pub name: String,
    /// The `data:` lines joined by newlines.
    pub data: String,
}

/// Feeds on raw chunks and yields complete events.
#[derive(Debug, Default)]
pub struct Parser {
    buffer: Vec<u8>,
}

impl Parser {
    /// Adds `chunk` and returns the events it completed.
    pub fn push(&mut self, chunk: &[u8]) -> Vec<Event> {
        self.buffer.extend_from_slice(chunk);
        let mut events = Vec::new();
        while let Some((end, skip)) = find_blank_line(&self.buffer) {
            let block: Vec<u8> = self.buffer.drain(..end + skip).take(end).collect();
            if let Some(event) = parse_block(&String::from_utf8_lossy(&block)) {
                events.push(event);
            }
        }
        events
    }

    /// What is left when the stream ends (a last event without its blank line).
    pub fn finish(&mut self) -> Option<Event> {
        let rest = std::mem::take(&mut self.buffer);
        parse_block(&String::from_utf8_lossy(&rest))
    }
}

/// Position of the first blank line (`\n\n` or `\r\n\r\n`) and its length.
fn find_blank_line(buf: &[u8]) -> Option<(usize, usize)> {
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|p| (p, 2));
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|p| (p, 4));
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn parse_block(block: &str) -> Option<Event> {
    let mut name = String::new();
    let mut data: Vec<&str> = Vec::new();
    for line in block.lines() {
        let line = line.trim_end_matches('\r');
        if let Some(v) = line.strip_prefix("event:") {
            name = v.trim().to_owned();
        } else if let Some(v) = line.strip_prefix("data:") {
            data.push(v.strip_prefix(' ').unwrap_or(v));
        }
    }
    if data.is_empty() && name.is_empty() {
        return None;
    }
    Some(Event { name, data: data.join("\n") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_survive_any_chunking() {
        let stream =
            "event: a\ndata: {\"x\":\"ñ\"}\n\n: comment\n\ndata: one\ndata: two\r\n\r\ndata: [DONE]\n\n".as_bytes();
        for size in 1..stream.len() {
            let mut parser = Parser::default();
            let mut events = Vec::new();
            for chunk in stream.chunks(size) {
                events.extend(parser.push(chunk));
            }
            events.extend(parser.finish());
            assert_eq!(
                events,
                vec![
                    Event { name: "a".into(), data: "{\"x\":\"ñ\"}".into() },
                    Event { name: String::new(), data: "one\ntwo".into() },
                    Event { name: String::new(), data: "[DONE]".into() },
                ],
                "chunk size {size}"
            );
        }
    }
}
