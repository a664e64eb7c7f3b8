//! How the assistant's answers fared: answer time by provider (percentiles from a bucketed count,
//! so the database does the counting), staff's verdicts from the answer log, and the questions it
//! could not answer, grouped by their key words so the knowledge base grows where customers need it.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::assistant::language::Lang;
use crate::assistant::{analyze, stem, text};
use crate::entities::assistant_answers;
use crate::error::{DomainError, DomainResult};
use crate::model::{AnswerQuality, ProviderLatency, UnansweredTopic};
use crate::sql::{Sql, count, rate};
use crate::state::AppState;
use crate::vault::Field;

/// One latency bucket's count for a provider: `(bucket, answers, slowest ms)`.
type Bucket = (usize, u64, i64);

/// Upper bounds (ms) of the latency buckets; one more bucket holds what is slower.
const BOUNDS: [i64; 11] = [5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000];
/// Unanswered questions read for grouping, newest first.
const RECENT: u64 = 2_000;
/// Two questions share a topic when half their key words (stems) are shared.
const SIMILAR: f64 = 0.5;

pub(super) async fn quality(state: &AppState, s: Sql, since: DateTime<Utc>) -> DomainResult<AnswerQuality> {
    let bucket = BOUNDS
        .iter()
        .enumerate()
        .map(|(i, b)| format!("WHEN latency_ms <= {b} THEN {i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let rows = s
        .all(
            &state.db,
            &format!(
                "SELECT provider AS p, CAST(CASE {bucket} ELSE {} END AS BIGINT) AS b, COUNT(*) AS n, \
                 MAX(latency_ms) AS slowest \
                 FROM assistant_answers WHERE created_at >= ? GROUP BY provider, b ORDER BY provider, b",
                BOUNDS.len()
            ),
            vec![since.into()],
        )
        .await?;
    let mut latency: Vec<(ProviderLatency, Vec<Bucket>)> = Vec::new();
    for row in &rows {
        let provider: String = row.try_get("", "p")?;
        let b: i64 = row.try_get::<Option<i64>>("", "b")?.unwrap_or(0);
        let slowest: i64 = row.try_get::<Option<i64>>("", "slowest")?.unwrap_or(0);
        let n = count(row, "n")?;
        if latency.last().is_none_or(|(l, _)| l.provider != provider) {
            latency.push((ProviderLatency { provider, ..Default::default() }, Vec::new()));
        }
        if let Some((_, buckets)) = latency.last_mut() {
            buckets.push((usize::try_from(b).unwrap_or(0), n, slowest));
        }
    }
    let latency = latency
        .into_iter()
        .map(|(mut out, buckets)| {
            out.answers = buckets.iter().map(|(_, n, _)| n).sum();
            out.p50_ms = percentile(&buckets, out.answers, 0.50);
            out.p95_ms = percentile(&buckets, out.answers, 0.95);
            out
        })
        .collect();
    let verdicts = s
        .one(
            &state.db,
            "SELECT SUM(CASE WHEN verdict = 'helpful' THEN 1 ELSE 0 END) AS helpful, \
             SUM(CASE WHEN verdict = 'wrong' THEN 1 ELSE 0 END) AS wrong \
             FROM assistant_answers WHERE created_at >= ? AND verdict IS NOT NULL",
            vec![since.into()],
        )
        .await?;
    let (helpful, wrong) = (count(&verdicts, "helpful")?, count(&verdicts, "wrong")?);
    let reviewed = helpful + wrong;
    Ok(AnswerQuality {
        latency,
        reviewed,
        helpful,
        wrong,
        helpful_rate: rate(helpful, reviewed),
        wrong_rate: rate(wrong, reviewed),
        unanswered: unanswered(state, since).await?,
    })
}

/// The bound of the bucket holding the `q` quantile of `total` answers (the slowest answer for
/// the open-ended last bucket).
fn percentile(buckets: &[Bucket], total: u64, q: f64) -> i64 {
    let wanted = ((total as f64) * q).ceil().max(1.0) as u64;
    let mut seen = 0;
    for &(b, n, slowest) in buckets {
        seen += n;
        if seen >= wanted {
            return BOUNDS.get(b).copied().unwrap_or(slowest);
        }
    }
    0
}

/// The customers' questions the assistant did not know, grouped, most asked first.
async fn unanswered(state: &AppState, since: DateTime<Utc>) -> DomainResult<Vec<UnansweredTopic>> {
    let rows: Vec<(String, String)> = assistant_answers::Entity::find()
        .select_only()
        .column(assistant_answers::Column::Question)
        .column(assistant_answers::Column::Language)
        .filter(assistant_answers::Column::CreatedAt.gte(since))
        .filter(assistant_answers::Column::Channel.eq("chat"))
        .filter(assistant_answers::Column::Intent.is_in(["unknown", "low_confidence"]))
        .order_by_desc(assistant_answers::Column::Id)
        .limit(RECENT)
        .into_tuple()
        .all(&state.db)
        .await?;
    let vault = state.vault.clone();
    // Opening and comparing a few thousand questions is CPU work: off the async threads.
    tokio::task::spawn_blocking(move || {
        let questions = rows
            .into_iter()
            .map(|(q, lang)| Ok((vault.open(Field::AnswerQuestion, &q)?, Lang::parse(&lang).unwrap_or(Lang::Es))))
            .collect::<DomainResult<Vec<_>>>()?;
        Ok(group(&questions))
    })
    .await
    .map_err(|e| DomainError::Internal(e.to_string()))?
}

/// Groups questions (newest first) whose key-word stems overlap by at least [`SIMILAR`]
/// (Jaccard), each group named by its newest question.
fn group(questions: &[(String, Lang)]) -> Vec<UnansweredTopic> {
    let mut groups: Vec<(BTreeSet<String>, UnansweredTopic)> = Vec::new();
    for (question, lang) in questions {
        let words: Vec<String> =
            text::words(question).into_iter().filter(|w| w.chars().count() > 2 && !analyze::is_stop(w)).collect();
        let stems: BTreeSet<String> = words.iter().map(|w| stem::stem(w, *lang)).collect();
        if stems.is_empty() {
            continue;
        }
        let close = |seen: &BTreeSet<String>| {
            let shared = seen.intersection(&stems).count() as f64;
            shared / seen.union(&stems).count() as f64 >= SIMILAR
        };
        match groups.iter_mut().find(|(seen, _)| close(seen)) {
            Some((_, topic)) => topic.count += 1,
            None => {
                let topic = UnansweredTopic { words, example: question.clone(), count: 1 };
                groups.push((stems, topic));
            }
        }
    }
    let mut topics: Vec<UnansweredTopic> = groups.into_iter().map(|(_, t)| t).collect();
    // Stable: among equals, the group whose newest question is newer comes first.
    topics.sort_by_key(|t| std::cmp::Reverse(t.count));
    topics.truncate(10);
    topics
}

#[cfg(test)]
mod tests {
    use super::{group, percentile};
    use crate::assistant::language::Lang;

    #[test]
    fn percentiles_are_bucket_bounds() {
        // 60 answers within 5 ms, 35 within 100 ms, 5 slower than 10 s (the slowest 12.3 s).
        let buckets = [(0, 60, 5), (4, 35, 90), (11, 5, 12_300)];
        assert_eq!(percentile(&buckets, 100, 0.50), 5);
        assert_eq!(percentile(&buckets, 100, 0.95), 100);
        assert_eq!(percentile(&buckets, 100, 0.99), 12_300);
    }

    #[test]
    fn questions_sharing_their_key_words_are_one_topic() {
        let asked = [
            "¿Puedo pagar mi hipoteca con bitcoin?",
            "¿Aceptan bitcoin para pagar la hipoteca?",
            "¿Cuánto cuesta una chequera?",
            "Quiero pagar la hipoteca con bitcoin",
        ];
        let questions: Vec<(String, Lang)> = asked.iter().map(|q| ((*q).to_owned(), Lang::Es)).collect();
        let topics = group(&questions);
        assert_eq!(topics.len(), 2, "{topics:?}");
        assert_eq!((topics[0].count, topics[0].example.as_str()), (3, asked[0]));
        assert!(topics[0].words.contains(&"bitcoin".to_owned()));
        assert_eq!(topics[1].count, 1);
    }
}
