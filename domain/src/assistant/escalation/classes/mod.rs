//! The words and phrases of each class in [`super::words`], in three parts.

mod dealings;
mod events;
mod voice;

use super::words::Tags;

/// The classes, each with its words and phrases, in the order the lexicon reads them.
pub const CLASSES: [&[(Tags, &[&str])]; 3] = [events::EVENTS, dealings::DEALINGS, voice::VOICE];
