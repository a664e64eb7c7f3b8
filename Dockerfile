# JoxAI in a container: built with `cargo xtask build` (the release server, the split admin site,
# the widget), run as a non-root user. Not exercised on the build machines (no container images
# there); see README, "Running in containers".

FROM rust:1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Installs what the build needs (wasm32 target, cargo-leptos, wasm-bindgen, wasm-opt, esbuild), then builds.
RUN cargo xtask build

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/joxai --create-home joxai
COPY --from=build /src/target/release/joxai /usr/local/bin/joxai
COPY --from=build /src/target/site /opt/joxai/site
COPY --from=build /src/target/widget /opt/joxai/widget
ENV JOXAI_ENV=production \
    JOXAI_ADDR=0.0.0.0:3000 \
    JOXAI_SITE_ROOT=/opt/joxai/site \
    JOXAI_WIDGET_ROOT=/opt/joxai/widget \
    DATABASE_URL=sqlite:///var/lib/joxai/joxai.db?mode=rwc
USER joxai
WORKDIR /var/lib/joxai
EXPOSE 3000
# SIGTERM: sockets are sent to reconnect, requests in flight get 10 s to finish.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fsS http://127.0.0.1:3000/readyz || exit 1
CMD ["joxai", "serve"]
