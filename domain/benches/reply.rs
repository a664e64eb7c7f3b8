//! A whole local reply — redaction, language, small talk, retrieval, confidence, escalation and
//! the quoted passage — against the demo knowledge base: the server CPU one customer message
//! costs with no LLM. Prints p50/p99 of single replies once.
//!
//! Run: `cargo bench -p domain --features server --bench reply`

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::assistant::index::Doc;
use domain::assistant::{Assistant, Settings, Turn};

const MESSAGES: &[&str] = &[
    "¿Cómo bloqueo mi tarjeta desde la app?",
    "How do I wire money abroad?",
    "Me robaron la tarjeta 4111 1111 1111 1111",
    "I'm locked out of online banking",
    "¿Qué necesito para abrir una cuenta?",
    "Can you recommend a good restaurant?",
    "hola",
    "what fees does the account charge",
];

fn assistant() -> Assistant {
    let assistant = Assistant::new(Settings::default());
    {
        let mut index = assistant.index_mut();
        for (i, a) in domain::seed::demo_articles().unwrap_or_default().into_iter().enumerate() {
            index.upsert(Doc {
                id: i as i32 + 1,
                title: a.title,
                content: a.content,
                tags: a.tags,
                examples: Vec::new(),
                category: a.category,
                language: a.language,
            });
        }
    }
    assistant
}

fn bench(c: &mut Criterion) {
    let assistant = assistant();
    let mut samples = Vec::new();
    for _ in 0..250 {
        for m in MESSAGES {
            let start = Instant::now();
            std::hint::black_box(assistant.reply_local(Turn::new(m)));
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    eprintln!("local reply, {} single replies: p50 {:?}, p99 {:?}", samples.len(), at(0.5), at(0.99));
    c.bench_function("local reply (8 mixed messages)", |b| {
        b.iter(|| {
            for m in MESSAGES {
                std::hint::black_box(assistant.reply_local(Turn::new(m)));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
