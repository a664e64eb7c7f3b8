//! The embeddable chat widget (Leptos, client-side rendered). For now: a launcher button that
//! opens and closes an empty chat panel; conversations arrive with their own issue.

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts the widget into the page's `<body>`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Widget);
}

/// Launcher plus panel.
#[component]
pub fn Widget() -> impl IntoView {
    let (open, set_open) = signal(false);
    view! {
        <div class="joxai-widget">
            <Show when=move || open.get()>
                <section class="joxai-panel" role="dialog" aria-label="Chat" data-testid="widget-panel">
                    <header>
                        <span>"Asistente virtual"</span>
                        <button class="joxai-close" aria-label="Cerrar chat" on:click=move |_| set_open.set(false)>
                            "×"
                        </button>
                    </header>
                    <ol class="joxai-messages" aria-live="polite"></ol>
                    <form class="joxai-compose" on:submit=|ev| ev.prevent_default()>
                        <label class="joxai-sr" for="joxai-input">"Mensaje"</label>
                        <input id="joxai-input" placeholder="Escribe tu mensaje…" disabled=true/>
                    </form>
                </section>
            </Show>
            <button
                class="joxai-launcher"
                data-testid="widget-launcher"
                aria-expanded=move || open.get().to_string()
                aria-label=move || if open.get() { "Cerrar chat" } else { "Abrir chat" }
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="currentColor">
                    <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"></path>
                </svg>
            </button>
        </div>
    }
}
