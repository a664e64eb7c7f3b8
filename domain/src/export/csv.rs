//! CSV rows (RFC 4180) that a spreadsheet cannot run: a cell starting with `=`, `+`, `-`, `@`
//! or a tab is prefixed with `'`, so exported customer text never becomes a formula.

/// One row, CRLF-terminated.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell.as_ref()));
    }
    out.push_str("\r\n");
    out
}

fn cell_text(cell: &str) -> String {
    let guarded = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

#[cfg(test)]
mod tests {
    use super::row;

    #[test]
    fn quotes_and_defuses_formulas() {
        assert_eq!(row(&["a", "b,c", "say \"hi\""]), "a,\"b,c\",\"say \"\"hi\"\"\"\r\n");
        assert_eq!(
            row(&["=HYPERLINK(\"x\")", "-5", "line\nbreak"]),
            "\"'=HYPERLINK(\"\"x\"\")\",'-5,\"line\nbreak\"\r\n"
        );
    }
}
