//! The words and phrases of each class in [`super::words`], in two parts.

mod events;
mod voice;

use super::words::Tags;

/// The classes, each with its words and phrases, in the order the lexicon reads them.
pub const CLASSES: [&[(Tags, &[&str])]; 2] = [events::EVENTS, voice::VOICE];
