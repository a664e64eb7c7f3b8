//! A whole local reply — redaction, language, small talk, spelling, retrieval, confidence,
//! escalation and the quoted passage — on the demo knowledge base and on 10,000 articles: the
//! server CPU one customer message costs with no LLM. Prints p50/p99 of single replies once for
//! each size.
//!
//! The 10,000 articles are the demo articles plus synthetic ones made of demo sentences, a
//! product name of their own and random banking words: real language (concepts, long postings
//! lists) and a vocabulary that grows with the knowledge base.
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
    "el cajero se trago mi tarjeta y no me la devolvio, que hago?",
    "komo ago una transferensia internacinal",
];

const EXTRA: &[&str] = &[
    "saldo",
    "cuenta",
    "tarjeta",
    "transferencia",
    "credito",
    "prestamo",
    "interes",
    "comision",
    "cajero",
    "sucursal",
    "balance",
    "account",
    "card",
    "transfer",
    "loan",
    "fee",
    "branch",
    "limit",
    "deposit",
    "withdrawal",
];

fn assistant(size: usize) -> Assistant {
    let assistant = Assistant::new(Settings::default());
    let demo = domain::seed::demo_articles().unwrap_or_default();
    let sentences: Vec<String> =
        demo.iter().flat_map(|a| a.content.split(". ").map(str::to_owned).collect::<Vec<_>>()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let mut index = assistant.index_mut();
    for (i, a) in demo.iter().enumerate() {
        index.upsert(a.doc(i as i32 + 1));
    }
    for id in demo.len()..size {
        let product = format!("producto{id}");
        let body: Vec<String> = (0..6).map(|_| sentences[next() % sentences.len()].clone()).collect();
        let extra: Vec<&str> = (0..8).map(|_| EXTRA[next() % EXTRA.len()]).collect();
        index.upsert(Doc {
            id: id as i32 + 1,
            title: format!("{product} {}", extra[..3].join(" ")),
            content: format!("{product}. {}. {}", body.join(". "), extra.join(" ")),
            tags: vec![product.clone()],
            examples: Vec::new(),
            category: "synthetic".into(),
            language: if id % 2 == 0 { "es" } else { "en" }.into(),
        });
    }
    drop(index);
    assistant
}

fn percentiles(assistant: &Assistant, label: &str) {
    let mut samples = Vec::new();
    for _ in 0..100 {
        for m in MESSAGES {
            let start = Instant::now();
            std::hint::black_box(assistant.reply_local(Turn::new(m)));
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    eprintln!("local reply, {label}, {} single replies: p50 {:?}, p99 {:?}", samples.len(), at(0.5), at(0.99));
}

fn bench(c: &mut Criterion) {
    for (size, label) in [(0, "demo knowledge base (52 articles)"), (10_000, "10,000 articles")] {
        let assistant = assistant(size);
        percentiles(&assistant, label);
        c.bench_function(&format!("local reply, {label} ({} mixed messages)", MESSAGES.len()), |b| {
            b.iter(|| {
                for m in MESSAGES {
                    std::hint::black_box(assistant.reply_local(Turn::new(m)));
                }
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
