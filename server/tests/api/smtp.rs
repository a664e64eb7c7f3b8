//! A real SMTP server for the tests: the `mailin` crate's SMTP state machine on a tokio socket.
//! It keeps what it receives, and can be told to refuse mail for a while (a temporary 451 or a
//! permanent 554), as a real mail server in trouble does.

use std::net::IpAddr;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use mailin::{Action, Handler, Response, SessionBuilder};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::sync::Notify;

/// One message as the server received it.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message: headers and MIME body.
    pub data: String,
}

#[derive(Default)]
struct Shared {
    mail: Mutex<Vec<Received>>,
    arrived: Notify,
    /// 0: accept; otherwise the code to answer MAIL FROM with.
    refuse: AtomicU16,
}

/// A running server on 127.0.0.1.
pub struct SmtpServer {
    pub url: String,
    shared: Arc<Shared>,
}

struct Connection {
    shared: Arc<Shared>,
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Handler for Connection {
    fn mail(&mut self, _ip: IpAddr, _domain: &str, from: &str) -> Response {
        match self.shared.refuse.load(Ordering::SeqCst) {
            0 => {
                self.from = from.to_owned();
                mailin::response::OK
            }
            code => Response::custom(code, "mailbox temporarily unavailable".to_owned()),
        }
    }

    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        mailin::response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let message = Received {
            from: self.from.clone(),
            to: self.to.clone(),
            data: String::from_utf8_lossy(&self.data).into_owned(),
        };
        self.shared.mail.lock().unwrap().push(message);
        self.shared.arrived.notify_waiters();
        mailin::response::OK
    }
}

impl SmtpServer {
    pub async fn start() -> SmtpServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let shared = Arc::new(Shared::default());
        let accepting = shared.clone();
        tokio::spawn(async move {
            while let Ok((socket, peer)) = listener.accept().await {
                let shared = accepting.clone();
                tokio::spawn(async move {
                    let handler = Connection { shared, from: String::new(), to: Vec::new(), data: Vec::new() };
                    let mut session = SessionBuilder::new("smtp.test").build(peer.ip(), handler);
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read);
                    let _ = write.write_all(&session.greeting().buffer().unwrap()).await;
                    let mut line = Vec::new();
                    loop {
                        line.clear();
                        match lines.read_until(b'\n', &mut line).await {
                            Ok(0) | Err(_) => break,
                            Ok(_) => {}
                        }
                        let response = session.process(&line);
                        match response.action {
                            Action::NoReply => {}
                            Action::Reply => {
                                if write.write_all(&response.buffer().unwrap()).await.is_err() {
                                    break;
                                }
                            }
                            Action::Close | Action::UpgradeTls => {
                                let _ = write.write_all(&response.buffer().unwrap()).await;
                                break;
                            }
                        }
                    }
                });
            }
        });
        SmtpServer { url, shared }
    }

    /// From now on, answer MAIL FROM with `code` (451: try later; 554: never), or accept (0).
    pub fn refuse(&self, code: u16) {
        self.shared.refuse.store(code, Ordering::SeqCst);
    }

    /// Everything received so far.
    pub fn received(&self) -> Vec<Received> {
        self.shared.mail.lock().unwrap().clone()
    }

    /// Waits (up to 20 s) until `count` messages have arrived, and returns them.
    pub async fn wait_for(&self, count: usize) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let arrived = self.shared.arrived.notified();
            let mail = self.received();
            if mail.len() >= count {
                return mail;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                panic!("expected {count} e-mails, the SMTP server received {}: {mail:?}", mail.len());
            }
        }
    }
}
