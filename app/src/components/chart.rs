//! Charts drawn as SVG on the server: they show without JavaScript, print, and carry a text
//! description for screen readers.

use leptos::prelude::*;

const WIDTH: f64 = 520.0;
const HEIGHT: f64 = 180.0;
const PAD: f64 = 24.0;

/// A vertical bar chart: one bar per label, the value above it, the label below.
#[component]
pub fn BarChart(
    /// Says what the chart shows (also its accessible name).
    title: String,
    labels: Vec<String>,
    values: Vec<u64>,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let max = values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let n = values.len().max(1) as f64;
    let slot = (WIDTH - 2.0 * PAD) / n;
    let bar = (slot * 0.7).clamp(2.0, 48.0);
    let summary = labels.iter().zip(&values).map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(", ");
    let label = format!("{title}. {summary}");
    // Long series show every few labels only, so they do not overlap.
    let every = (values.len() / 10).max(1);
    let bars = labels
        .into_iter()
        .zip(values)
        .enumerate()
        .map(|(i, (name, value))| {
            let h = (value as f64 / max) * (HEIGHT - 2.0 * PAD);
            let x = PAD + i as f64 * slot + (slot - bar) / 2.0;
            let y = HEIGHT - PAD - h;
            let centre = x + bar / 2.0;
            let shown = (i % every == 0).then(|| name.clone());
            view! {
                <g>
                    <rect x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{bar:.1}") height=format!("{h:.1}")
                        class="bar">
                        <title>{format!("{name}: {value}")}</title>
                    </rect>
                    {(value > 0).then(|| view! {
                        <text x=format!("{centre:.1}") y=format!("{:.1}", y - 3.0) text-anchor="middle"
                            class="value">{value}</text>
                    })}
                    {shown.map(|name| view! {
                        <text x=format!("{centre:.1}") y=format!("{:.1}", HEIGHT - 8.0) text-anchor="middle"
                            class="label">{name}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <figcaption>{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label xmlns="http://www.w3.org/2000/svg">
                <line x1=PAD y1=HEIGHT - PAD x2=WIDTH - PAD y2=HEIGHT - PAD class="axis"/>
                {bars}
            </svg>
        </figure>
    }
}
