//! Knowledge-base search at 10,000 articles: criterion's timing of a mixed query set, plus the p50
//! and p99 of single searches, printed once.
//!
//! Run: `cargo bench -p domain --features server --bench search`

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use domain::assistant::index::{Doc, Index};

const WORDS: &[&str] = &[
    "saldo",
    "cuenta",
    "tarjeta",
    "transferencia",
    "credito",
    "debito",
    "prestamo",
    "hipoteca",
    "interes",
    "comision",
    "cajero",
    "sucursal",
    "horario",
    "bloqueo",
    "contraseña",
    "aplicacion",
    "seguro",
    "ahorro",
    "inversion",
    "nomina",
    "balance",
    "account",
    "card",
    "transfer",
    "loan",
    "mortgage",
    "interest",
    "fee",
    "branch",
    "hours",
    "password",
    "mobile",
    "savings",
    "statement",
    "limit",
    "deposit",
    "withdrawal",
    "wire",
    "cliente",
    "banco",
    "pago",
    "servicio",
    "dinero",
    "fecha",
    "plazo",
    "monto",
    "requisitos",
    "documentos",
];

const QUERIES: &[&str] = &[
    "¿Cuál es mi saldo?",
    "How do I send money abroad?",
    "me robaron la tarjeta",
    "I'm locked out of my account",
    "requisitos para un préstamo hipotecario",
    "horraio de sucursales",
    "what fees does my savings account have",
    "límite de retiro en cajero",
];

/// A deterministic pseudo-random corpus.
fn corpus(n: usize) -> Index {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let mut index = Index::new();
    for id in 0..n {
        let pick = |next: &mut dyn FnMut() -> usize, k: usize| {
            (0..k).map(|_| WORDS[next() % WORDS.len()]).collect::<Vec<_>>().join(" ")
        };
        let title = pick(&mut next, 5);
        let content = pick(&mut next, 120);
        let tags = vec![WORDS[next() % WORDS.len()].to_owned(), WORDS[next() % WORDS.len()].to_owned()];
        index.upsert(Doc {
            id: id as i32,
            title,
            content,
            tags,
            examples: Vec::new(),
            category: ["cuentas", "tarjetas", "transferencias", "prestamos"][id % 4].to_owned(),
            language: if id % 2 == 0 { "es" } else { "en" }.to_owned(),
        });
    }
    index
}

fn percentiles(index: &Index) {
    let mut samples = Vec::with_capacity(QUERIES.len() * 250);
    for _ in 0..250 {
        for q in QUERIES {
            let start = Instant::now();
            std::hint::black_box(index.search(q, None, 5));
            samples.push(start.elapsed());
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p) as usize];
    eprintln!(
        "search over {} articles, {} single searches: p50 {:?}, p99 {:?}, max {:?}",
        index.len(),
        samples.len(),
        at(0.50),
        at(0.99),
        at(1.0)
    );
}

fn bench(c: &mut Criterion) {
    let index = corpus(10_000);
    percentiles(&index);
    c.bench_function("search 10k articles (8 mixed queries)", |b| {
        b.iter(|| {
            for q in QUERIES {
                std::hint::black_box(index.search(q, None, 5));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
