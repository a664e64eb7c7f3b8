//! The admin panel's Spanish: each English text of the pages and its translation, in one table
//! per part of the panel. The server looks texts up here; a browser gets the table with its first
//! page (see [`super::Speech`]), so the wasm carries none of it.

mod admin;
mod desk;
mod figures;
mod messages;

/// Every English text and its Spanish.
pub fn table() -> impl Iterator<Item = (&'static str, &'static str)> {
    [desk::TABLE, figures::TABLE, admin::TABLE, messages::TABLE].into_iter().flatten().copied()
}

/// The Spanish for `english`, if the table has it.
pub fn text(english: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::LazyLock;
    static BY_ENGLISH: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| table().collect());
    BY_ENGLISH.get(english).copied()
}
