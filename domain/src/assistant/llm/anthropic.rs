//! Anthropic messages (`POST {base}/v1/messages`, `stream: true`): `content_block_delta` events
//! carry the text, `message_stop` ends it, an `error` event (say, `overloaded_error`) fails it.

use serde_json::{Value, json};

use super::{
    BoxFuture, LlmConfig, LlmError, Prompt, Provider, ProviderKind, TokenSink, is_json, read_events, status_error,
};

const VERSION: &str = "2023-06-01";

pub struct Anthropic {
    http: reqwest::Client,
    url: String,
    api_key: Option<String>,
    model: String,
    temperature: f32,
    max_tokens: u32,
}

impl Anthropic {
    pub fn new(http: reqwest::Client, config: &LlmConfig) -> Self {
        Anthropic {
            http,
            url: format!("{}/v1/messages", config.base_url.trim_end_matches('/').trim_end_matches("/v1")),
            api_key: config.api_key.clone(),
            model: config.model.clone(),
            temperature: config.temperature,
            max_tokens: config.max_tokens,
        }
    }

    async fn run(&self, prompt: &Prompt, sink: TokenSink<'_>) -> Result<String, LlmError> {
        let body = json!({
            "model": self.model,
            "system": prompt.system,
            "messages": [{ "role": "user", "content": prompt.user }],
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "stream": true,
        });
        let mut request = self.http.post(&self.url).header("anthropic-version", VERSION).json(&body);
        if let Some(key) = &self.api_key {
            request = request.header("x-api-key", key);
        }
        let response = request.send().await.map_err(|e| LlmError::from_reqwest(&e))?;
        if !response.status().is_success() {
            return Err(status_error(response).await);
        }
        if is_json(&response) {
            let value: Value = response.json().await.map_err(|e| LlmError::from_reqwest(&e))?;
            let text: String = value["content"]
                .as_array()
                .map(|blocks| blocks.iter().filter_map(|b| b["text"].as_str()).collect())
                .unwrap_or_default();
            sink(&text);
            return Ok(text);
        }
        let mut text = String::new();
        read_events(response, |event| {
            let value: Value = match serde_json::from_str(&event.data) {
                Ok(v) => v,
                Err(_) if event.data.trim().is_empty() => return Ok(true),
                Err(e) => return Err(LlmError::Protocol(format!("bad event: {e}"))),
            };
            match value["type"].as_str().unwrap_or(event.name.as_str()) {
                "content_block_delta" => {
                    if let Some(token) = value["delta"]["text"].as_str()
                        && !token.is_empty()
                    {
                        text.push_str(token);
                        sink(token);
                    }
                    Ok(true)
                }
                "message_stop" => Ok(false),
                "error" => {
                    let kind = value["error"]["type"].as_str().unwrap_or("error");
                    let message = value["error"]["message"].as_str().unwrap_or(kind).to_owned();
                    let status = if kind == "overloaded_error" { 529 } else { 500 };
                    Err(LlmError::Status { status, message, retry_after: None })
                }
                _ => Ok(true),
            }
        })
        .await?;
        Ok(text)
    }
}

impl Provider for Anthropic {
    fn kind(&self) -> ProviderKind {
        ProviderKind::Anthropic
    }

    fn stream<'a>(&'a self, prompt: &'a Prompt, sink: TokenSink<'a>) -> BoxFuture<'a, Result<String, LlmError>> {
        Box::pin(self.run(prompt, sink))
    }
}
