//! Text normalisation shared by the assistant: case and accent folding, word tokens.

/// Lower-cases and strips Spanish accents (á→a, ü→u, ñ→n), so "Préstamo" and "prestamo" meet.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// Folded words: runs of letters, digits and apostrophes ("didn't" stays one word).
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_splits() {
        assert_eq!(fold("Préstamo AÑO"), "prestamo ano");
        assert_eq!(words("¿Dónde está mi tarjeta?  I didn't…"), ["donde", "esta", "mi", "tarjeta", "i", "didn't"]);
    }
}
