//! OpenAI-compatible chat completions (`POST {base}/chat/completions`, `stream: true`): OpenAI,
//! Azure-style gateways, Ollama, vLLM and llama.cpp's server all speak it. A server that ignores
//! `stream` and answers with plain JSON works too.

use serde_json::{Value, json};

use super::{
    BoxFuture, LlmConfig, LlmError, Prompt, Provider, ProviderKind, TokenSink, is_json, read_events, status_error,
};

pub struct OpenAi {
    http: reqwest::Client,
    url: String,
    api_key: Option<String>,
    model: String,
    temperature: f32,
    max_tokens: u32,
}

impl OpenAi {
    pub fn new(http: reqwest::Client, config: &LlmConfig) -> Self {
        OpenAi {
            http,
            url: format!("{}/chat/completions", config.base_url.trim_end_matches('/')),
            api_key: config.api_key.clone(),
            model: config.model.clone(),
            temperature: config.temperature,
            max_tokens: config.max_tokens,
        }
    }

    async fn run(&self, prompt: &Prompt, sink: TokenSink<'_>) -> Result<String, LlmError> {
        let body = json!({
            "model": self.model,
            "messages": [
                { "role": "system", "content": prompt.system },
                { "role": "user", "content": prompt.user },
            ],
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "stream": true,
        });
        let mut request = self.http.post(&self.url).json(&body);
        if let Some(key) = &self.api_key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await.map_err(|e| LlmError::from_reqwest(&e))?;
        if !response.status().is_success() {
            return Err(status_error(response).await);
        }
        if is_json(&response) {
            let value: Value = response.json().await.map_err(|e| LlmError::from_reqwest(&e))?;
            let text = value["choices"][0]["message"]["content"].as_str().unwrap_or_default().to_owned();
            sink(&text);
            return Ok(text);
        }
        let mut text = String::new();
        read_events(response, |event| {
            if event.data.trim() == "[DONE]" {
                return Ok(false);
            }
            let value: Value =
                serde_json::from_str(&event.data).map_err(|e| LlmError::Protocol(format!("bad chunk: {e}")))?;
            if let Some(message) = value["error"]["message"].as_str() {
                return Err(LlmError::Protocol(message.to_owned()));
            }
            if let Some(token) = value["choices"][0]["delta"]["content"].as_str()
                && !token.is_empty()
            {
                text.push_str(token);
                sink(token);
            }
            Ok(true)
        })
        .await?;
        Ok(text)
    }
}

impl Provider for OpenAi {
    fn kind(&self) -> ProviderKind {
        ProviderKind::OpenAi
    }

    fn stream<'a>(&'a self, prompt: &'a Prompt, sink: TokenSink<'a>) -> BoxFuture<'a, Result<String, LlmError>> {
        Box::pin(self.run(prompt, sink))
    }
}
