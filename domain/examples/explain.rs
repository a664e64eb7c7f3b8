//! For tuning the assistant on the dev split: `cargo run --release -p domain --features server
//! --example explain -- [demo|sur|pacifico] "question"` prints the best articles with the terms that
//! matched, the confidence, and the query's analysis; then the escalation decision, by the rules
//! alone and with the learned detector (and its probability).

#![allow(clippy::print_stdout)]

use domain::assistant::analyze::query;
use domain::assistant::index::Index;
use domain::assistant::language::{self, Lang};

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (kb, text) = match args.as_slice() {
        [kb, text] => (kb.as_str(), text.as_str()),
        _ => {
            eprintln!("usage: explain demo|sur|pacifico QUESTION");
            return std::process::ExitCode::from(2);
        }
    };
    #[derive(serde::Deserialize)]
    struct File {
        article: Vec<domain::seed::DemoArticle>,
    }
    let file = match kb {
        "sur" => include_str!("../eval/dev/sur_kb.toml"),
        "pacifico" => include_str!("../eval/dev/pacifico_kb.toml"),
        _ => "",
    };
    let articles = if file.is_empty() {
        domain::seed::demo_articles().unwrap_or_default()
    } else {
        match toml::from_str::<File>(file) {
            Ok(file) => file.article,
            Err(e) => {
                eprintln!("{kb}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    };
    let mut index = Index::new();
    for (i, a) in articles.iter().enumerate() {
        index.upsert(a.doc(i as i32 + 1));
    }
    let lang = language::detect(text, Lang::Es);
    let q = query(text, lang);
    println!("language {lang:?}; groups {:?}", q.groups.iter().map(|g| (&g.stems, &g.concepts)).collect::<Vec<_>>());
    println!("concepts {:?}", q.concepts);
    let weighted = index.weigh(text, lang);
    for hit in index.search_in(text, lang, None, 5) {
        let a = &articles[hit.id as usize - 1];
        println!(
            "{:6.2}  cov {:.2}  {}/{}  {:?}",
            hit.score,
            index.coverage(&weighted, hit.id),
            a.key,
            a.language,
            index.explain(text, lang, hit.id)
        );
    }
    use domain::assistant::escalation::{Policy, decide, decide_with, learned};
    let rules = decide_with(&learned::Model::untrained(), &Policy::default(), text, None, 0);
    let both = decide(&Policy::default(), text, None, 0);
    let (p, reason) = learned::model().judge(text);
    println!(
        "escalation: rules {:?}; with the learned detector {:?} (it says {p:.2}, {reason:?})",
        rules.category, both.category
    );
    std::process::ExitCode::SUCCESS
}
