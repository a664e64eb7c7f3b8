//! Semantic retrieval through an embeddings provider: the OpenAI-compatible `POST /embeddings`
//! (OpenAI, Ollama, vLLM and llama.cpp all serve it). Articles are embedded when they change
//! (see `knowledge::embed`), questions when asked; the nearest articles by cosine similarity
//! are fused with the lexical ranking by reciprocal-rank fusion. Any failure — timeout, error,
//! open circuit — leaves the lexical ranking alone. Only redacted text is ever sent.

pub mod vectors;

use std::time::Duration;

use serde::Deserialize;

use super::llm::{Breaker, LlmError};
pub use vectors::VectorIndex;

/// A configured embeddings provider.
#[derive(Clone, PartialEq)]
pub struct EmbeddingsConfig {
    /// Up to and including `/v1`: requests go to `{base_url}/embeddings`.
    pub base_url: String,
    pub api_key: Option<String>,
    pub model: String,
    /// Per request; a question's embedding is on the reply's critical path.
    pub timeout: Duration,
    /// Cosine similarity at or above which the nearest article counts as a confident answer on
    /// its own (it depends on the model: 0.5 suits most sentence-embedding models).
    pub min_similarity: f32,
}

impl std::fmt::Debug for EmbeddingsConfig {
    // Hand-written so the API key never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddingsConfig")
            .field("base_url", &self.base_url)
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field("model", &self.model)
            .field("timeout", &self.timeout)
            .field("min_similarity", &self.min_similarity)
            .finish()
    }
}

/// Texts per request when embedding many articles.
pub const BATCH: usize = 32;

/// Talks to the embeddings endpoint, behind a circuit breaker.
pub struct Embedder {
    http: reqwest::Client,
    url: String,
    api_key: Option<String>,
    model: String,
    breaker: Breaker,
    pub min_similarity: f32,
}

#[derive(Deserialize)]
struct Response {
    data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    embedding: Vec<f32>,
    #[serde(default)]
    index: Option<usize>,
}

impl Embedder {
    pub fn new(config: &EmbeddingsConfig) -> Result<Self, LlmError> {
        let http = reqwest::Client::builder()
            .connect_timeout(config.timeout.min(Duration::from_secs(2)))
            .timeout(config.timeout)
            .build()
            .map_err(|e| LlmError::Connect(e.to_string()))?;
        Ok(Embedder {
            http,
            url: format!("{}/embeddings", config.base_url.trim_end_matches('/')),
            api_key: config.api_key.clone(),
            model: config.model.clone(),
            breaker: Breaker::new(5, Duration::from_secs(30)),
            min_similarity: config.min_similarity,
        })
    }

    /// The model name stored beside each vector.
    pub fn model(&self) -> &str {
        &self.model
    }

    /// One vector per input, in order.
    pub async fn embed(&self, inputs: &[String]) -> Result<Vec<Vec<f32>>, LlmError> {
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        if !self.breaker.allow() {
            return Err(LlmError::CircuitOpen);
        }
        let result = self.request(inputs).await;
        match &result {
            Ok(_) => self.breaker.success(),
            Err(_) => self.breaker.failure(),
        }
        result
    }

    async fn request(&self, inputs: &[String]) -> Result<Vec<Vec<f32>>, LlmError> {
        let mut request = self.http.post(&self.url).json(&serde_json::json!({ "model": self.model, "input": inputs }));
        if let Some(key) = &self.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(|e| LlmError::from_reqwest(&e))?;
        let status = response.status();
        if !status.is_success() {
            let body = response.text().await.unwrap_or_default();
            return Err(LlmError::Status {
                status: status.as_u16(),
                message: body.chars().take(200).collect(),
                retry_after: None,
            });
        }
        let body: Response = response.json().await.map_err(|e| LlmError::Protocol(e.to_string()))?;
        if body.data.len() != inputs.len() {
            return Err(LlmError::Protocol(format!("{} embeddings for {} inputs", body.data.len(), inputs.len())));
        }
        let mut out: Vec<Option<Vec<f32>>> = vec![None; inputs.len()];
        for (position, item) in body.data.into_iter().enumerate() {
            let slot = item.index.unwrap_or(position);
            if item.embedding.is_empty() || item.embedding.iter().any(|x| !x.is_finite()) {
                return Err(LlmError::Protocol("an embedding is empty or not finite".into()));
            }
            if let Some(cell) = out.get_mut(slot) {
                *cell = Some(item.embedding);
            }
        }
        out.into_iter().map(|v| v.ok_or_else(|| LlmError::Protocol("an input has no embedding".into()))).collect()
    }
}

/// Reciprocal-rank fusion of rankings (best first): each list adds `1 / (60 + rank)`.
pub fn fuse(rankings: &[&[i32]]) -> Vec<(i32, f32)> {
    const K: f32 = 60.0;
    let mut scores: Vec<(i32, f32)> = Vec::new();
    for ranking in rankings {
        for (rank, id) in ranking.iter().enumerate() {
            let add = 1.0 / (K + rank as f32 + 1.0);
            match scores.iter_mut().find(|(i, _)| i == id) {
                Some((_, s)) => *s += add,
                None => scores.push((*id, add)),
            }
        }
    }
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fusion_rewards_agreement() {
        let fused = fuse(&[&[1, 2, 3], &[3, 1, 4]]);
        assert_eq!(fused[0].0, 1);
        assert_eq!(fused[1].0, 3);
        assert!(fused.iter().any(|(id, _)| *id == 4));
    }
}
