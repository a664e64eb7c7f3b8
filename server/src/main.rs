//! `joxai`: serve (default), migrate, create a staff user, seed demo accounts, back up, or manage
//! the keys that seal personal data.

use clap::{Parser, Subcommand};
use domain::assistant::escalation::learned;
use domain::config::Config;
use domain::model::{CreateUserRequest, Role};

#[derive(Parser)]
#[command(name = "joxai", version, about = "JoxAI: AI-first customer support chat for banks")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Create demo staff accounts (printing their credentials) and the demo knowledge base, each
    /// only where none exist yet.
    DemoSeed,
    /// Copy the SQLite database into a new FILE, consistently, while servers keep running
    /// (PostgreSQL: use pg_dump).
    Backup { file: std::path::PathBuf },
    /// The keys that seal personal data at rest.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// `serve`'s start-up work, which `serve` runs in this helper process so that the server never
    /// holds the memory it touches: migrations, the first admin, the demo data and the escalation
    /// detector's training (written to standard output; the logs go to standard error).
    #[command(hide = true)]
    Prepare,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Print a new data key and index key, as the two configuration lines.
    Generate {
        /// The new key's id (1 to 16 letters, digits, '-' or '_').
        #[arg(long, default_value = "k1")]
        id: String,
    },
    /// Seal every stored value with the newest key of JOXAI_DATA_KEYS, in batches, while servers
    /// run; run it again to resume.
    Rotate {
        /// Rows per batch.
        #[arg(long, default_value_t = 500)]
        batch: u64,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create a staff account.
    Create {
        #[arg(long)]
        email: String,
        /// The password (visible to other local users in the process list: prefer
        /// `--password-stdin`).
        #[arg(long, required_unless_present = "password_stdin", conflicts_with = "password_stdin")]
        password: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// admin, supervisor, agent or viewer.
        #[arg(long)]
        role: Role,
        /// Full name (defaults to the e-mail address).
        #[arg(long)]
        name: Option<String>,
        /// Sign-in name (defaults to the e-mail address).
        #[arg(long)]
        username: Option<String>,
    },
}

/// mimalloc (v3) instead of glibc's malloc: a fifth less CPU per chat message and 40% more
/// messages a second, measured with `cargo xtask load` (README); v3 took a further sixth off the
/// chat's and the ticket list's CPU and 5 MB off the idle server. It also stands in for `malloc`
/// itself (the `override` feature), so the bundled SQLite allocates with it too: SQLite copies
/// every value of every row it hands over, and the request threads free them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How often mimalloc is given the chance to return freed memory to the system.
const TRIM_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// mimalloc keeps what is freed for a second (v3; 10 ms in v2), then hands it back to the system
/// the next time it frees memory in bulk or a thread ends — which an idle server may never do. A
/// hashing thread's argon2 memory (19 MB and more, given back when it waits) is such memory: in a
/// small program with mimalloc v2, 19 MB freed were still resident 300 ms later and returned as
/// soon as another thread ended. So every [`TRIM_EVERY`] a thread that allocates once and ends lets mimalloc
/// collect what has lain freed for longer than that (memory in use, and memory freed just now
/// under load, stays). It costs a thread's start, tens of microseconds.
fn trim_freed_memory() {
    tokio::spawn(async {
        let mut tick = tokio::time::interval(TRIM_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        loop {
            tick.tick().await;
            let ending = std::thread::Builder::new()
                .name("joxai-trim".into())
                .spawn(|| drop(std::hint::black_box(Box::new(0u8))));
            if let Err(e) = ending {
                tracing::debug!(error = %e, "cannot start the memory trimming thread");
            }
        }
    });
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Keys { command: KeysCommand::Generate { id } }) = &cli.command {
        // Needs no configuration: it is how a production configuration starts.
        let keys = format!("{id}:{}", domain::vault::generate_key());
        if let Err(e) = domain::vault::KeyRing::parse(&keys, &domain::vault::generate_key()) {
            eprintln!("joxai: --id: {e}");
            return std::process::ExitCode::from(2);
        }
        let lines = format!("JOXAI_DATA_KEYS={keys}\nJOXAI_DATA_INDEX_KEY={}\n", domain::vault::generate_key());
        // Standard output, so the lines can go straight into a secrets file.
        return match std::io::Write::write_all(&mut std::io::stdout(), lines.as_bytes()) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(_) => std::process::ExitCode::FAILURE,
        };
    }
    let config = match Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("joxai: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    init_tracing(config.operations.log_format, matches!(cli.command, Some(Command::Prepare)));
    match run(cli.command.unwrap_or(Command::Serve), config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("joxai: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Logs to standard output, or to standard error where standard output carries a result.
fn init_tracing(format: domain::config::LogFormat, to_stderr: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let writer = if to_stderr {
        tracing_subscriber::fmt::writer::BoxMakeWriter::new(std::io::stderr)
    } else {
        tracing_subscriber::fmt::writer::BoxMakeWriter::new(std::io::stdout)
    };
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(writer);
    let _ = match format {
        // Each line carries its spans, so a request's lines all carry its id.
        domain::config::LogFormat::Json => logs.json().with_current_span(true).with_span_list(true).try_init(),
        domain::config::LogFormat::Text => logs.try_init(),
    };
}

async fn run(command: Command, config: Config) -> anyhow::Result<()> {
    match command {
        Command::Migrate => {
            domain::db::connect_and_migrate(&config.database_url).await?;
            eprintln!("joxai: database is up to date");
            Ok(())
        }
        Command::User { command: UserCommand::Create { email, password, password_stdin, role, name, username } } => {
            let password = match password {
                Some(password) if !password_stdin => password,
                _ => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let state = server::prepare(config).await?;
            let req = CreateUserRequest {
                username: username.unwrap_or_else(|| email.clone()),
                email,
                full_name: name.unwrap_or_default(),
                password,
                role,
            };
            let user = domain::users::create_unchecked(&state, &req).await?;
            eprintln!("joxai: created {} ({}) with id {}", user.username, user.role, user.id);
            Ok(())
        }
        Command::DemoSeed => {
            let state = server::prepare(config).await?;
            print_demo(&domain::seed::demo_staff(&state).await?);
            let articles = domain::seed::demo_knowledge(&state).await?;
            eprintln!("joxai: loaded {articles} demo knowledge-base articles");
            if domain::seed::demo_inbox(&state, &own_origins(state.config.addr)).await? {
                eprintln!("joxai: created the demo inbox ({}) for /demo", domain::seed::DEMO_INBOX);
            }
            Ok(())
        }
        Command::Backup { file } => {
            domain::db::backup(&config.database_url, &file).await?;
            let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            eprintln!("joxai: backed up the database to {} ({bytes} bytes)", file.display());
            Ok(())
        }
        Command::Keys { command: KeysCommand::Rotate { batch } } => {
            let db = domain::db::connect_and_migrate(&config.database_url).await?;
            let vault = domain::vault::Vault::new(&config.data_keys);
            eprintln!("joxai: sealing every stored value with key {}", vault.current_key());
            let done = domain::vault::rotate::rotate(&db, &vault, batch, |p| {
                eprintln!("joxai: {}: {} rows checked, {} sealed again", p.column, p.checked, p.resealed);
            })
            .await?;
            let resealed: u64 = done.iter().map(|p| p.resealed).sum();
            eprintln!("joxai: rotation done: {resealed} values sealed again with key {}", vault.current_key());
            Ok(())
        }
        Command::Keys { command: KeysCommand::Generate { .. } } => Ok(()),
        Command::Prepare => {
            let training = tokio::task::spawn_blocking(|| learned::model().to_bytes());
            let state = server::set_up(config).await?;
            if state.config.demo_seed {
                seed_demo(&state).await?;
            }
            let model = training.await?;
            let mut out = std::io::stdout().lock();
            std::io::Write::write_all(&mut out, &model)?;
            Ok(std::io::Write::flush(&mut out)?)
        }
        Command::Serve => serve(config).await,
    }
}

/// The origins a browser uses for this server's own pages (the demo bank page frames the widget).
fn own_origins(addr: std::net::SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut origins = vec![format!("http://127.0.0.1:{port}"), format!("http://localhost:{port}")];
    if !addr.ip().is_loopback() && !addr.ip().is_unspecified() {
        origins.push(format!("http://{addr}"));
    }
    origins
}

async fn serve(config: Config) -> anyhow::Result<()> {
    if !config.rate_limits.enabled {
        tracing::warn!("rate limits are OFF (JOXAI_RATE_LIMITS=off): use this only for benchmarks and load tests");
    }
    let addr = config.addr;
    let demo = config.demo_seed;
    // Held until the process ends: the claim is the open, locked file.
    let _claim = server::claim_database(&config.database_url)?;
    tracing::info!(config = ?config, "starting");
    match &config.data_keys.origin {
        domain::vault::KeyOrigin::DevFile(path) => tracing::warn!(
            file = %path.display(),
            "personal data is sealed with a development key ring kept in this file: back it up with the database \
             (without it the data cannot be read); set JOXAI_DATA_KEYS and JOXAI_DATA_INDEX_KEY in production"
        ),
        _ if !config.data_keys.sealing() => {
            tracing::warn!("JOXAI_DATA_ENCRYPTION=off: new personal data is stored unsealed (measurements only)")
        }
        _ => {}
    }
    let state = if domain::db::outlives_process(&config.database_url) {
        let model = prepare_in_helper().await?;
        if !learned::Model::from_bytes(&model).is_some_and(learned::install) {
            anyhow::bail!("the start-up helper (joxai prepare) wrote no escalation detector");
        }
        server::open(config).await?
    } else {
        // An in-memory database lives in this process only: its start-up work is done here.
        let state = server::prepare(config).await?;
        // Train the learned escalation detector now rather than on the first customer message.
        tokio::task::spawn_blocking(learned::model);
        if demo {
            seed_demo(&state).await?;
        }
        state
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("JOXAI_ADDR: cannot listen on {addr}: {e}"))?;
    tracing::info!("JoxAI listening on http://{}", listener.local_addr()?);
    server::start_workers(&state);
    trim_freed_memory();
    let events = state.events.clone();
    let sockets = state.events.clone();
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = server::serve(listener, server::app(state), async move {
        stop_requested().await;
        tracing::info!(drain_secs = DRAIN.as_secs(), "stopping: sockets are sent to reconnect, requests may finish");
        events.close_sockets();
        let _ = stopping.send(());
    });
    let deadline = async {
        match stopped.await {
            Ok(()) => tokio::time::sleep(DRAIN).await,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        served = serving => served?,
        () = deadline => tracing::warn!("requests still running at the drain deadline; stopping anyway"),
    }
    // The sockets were told to go; give them a moment to finish saying so before the process ends.
    let said = async {
        while sockets.connections() != (0, 0) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    };
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), said).await;
    Ok(())
}

/// Runs `joxai prepare` (with this process's configuration, its standard error shared) and returns
/// the escalation detector it trained. The start-up work — migrations, the demo data's password
/// hashing and knowledge base, the detector's training on its 14,000 messages — touches a third of
/// this binary's code and all of the training data; in a helper process that memory goes back to
/// the system when it ends, instead of staying resident in the server while it idles.
async fn prepare_in_helper() -> anyhow::Result<Vec<u8>> {
    let exe = std::env::current_exe()?;
    let mut helper = std::process::Command::new(exe);
    helper.arg("prepare").stdin(std::process::Stdio::null()).stderr(std::process::Stdio::inherit());
    let out = tokio::task::spawn_blocking(move || helper.output()).await??;
    if !out.status.success() {
        anyhow::bail!("start-up failed (joxai prepare: {})", out.status);
    }
    Ok(out.stdout)
}

/// The demo staff (their credentials printed once), knowledge base and inbox, where none exist.
async fn seed_demo(state: &domain::AppState) -> anyhow::Result<()> {
    print_demo(&domain::seed::demo_staff(state).await?);
    let articles = domain::seed::demo_knowledge(state).await?;
    if articles > 0 {
        tracing::info!(articles, "loaded the demo knowledge base");
    }
    if domain::seed::demo_inbox(state, &own_origins(state.config.addr)).await? {
        tracing::info!("created the demo inbox for /demo");
    }
    Ok(())
}

/// How long requests in flight may take to finish once a stop is asked for.
const DRAIN: std::time::Duration = std::time::Duration::from_secs(10);

/// Until Ctrl-C, or SIGTERM (what systemd, Docker and Kubernetes send to stop a server).
async fn stop_requested() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

fn print_demo(accounts: &[domain::seed::DemoAccount]) {
    if accounts.is_empty() {
        return;
    }
    eprintln!("\njoxai: created demo staff accounts (shown once — note them now):");
    for a in accounts {
        eprintln!("  {:<11} {:<26} password: {}", a.role.as_str(), a.username, a.password);
    }
    eprintln!();
}
