//! The limit row where wrk is missing: a minimal native load generator on hyper's HTTP/1 client, one
//! keep-alive connection per unit of concurrency, each sending the next request as soon as the answer
//! is read. No pool, no retries, no decoding: as close to the wire as wrk.

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

/// Requests per second over `duration`, and whether every answer had status 200 and `body_len` bytes.
pub async fn run(
    addr: SocketAddr,
    path_and_query: &str,
    connections: usize,
    duration: Duration,
    body_len: usize,
) -> Result<(f64, bool), String> {
    let started = Instant::now();
    let deadline = started + duration;
    let workers: Vec<_> = (0..connections)
        .map(|_| tokio::spawn(connection(addr, path_and_query.to_owned(), deadline, body_len)))
        .collect();
    let (mut count, mut correct) = (0usize, true);
    for worker in workers {
        let (n, ok) = worker.await.map_err(|e| format!("load generator task: {e}"))??;
        count += n;
        correct &= ok;
    }
    Ok((count as f64 / started.elapsed().as_secs_f64(), correct))
}

async fn connection(
    addr: SocketAddr,
    path_and_query: String,
    deadline: Instant,
    body_len: usize,
) -> Result<(usize, bool), String> {
    let stream = TcpStream::connect(addr).await.map_err(|e| format!("connect {addr}: {e}"))?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let (mut sender, conn) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(conn);
    let authorization = format!("Token {}", crate::expected::API_KEY);
    let (mut count, mut correct) = (0, true);
    while Instant::now() < deadline {
        let request = Request::get(path_and_query.as_str())
            .header("host", addr.to_string())
            .header("authorization", authorization.as_str())
            .body(Empty::<Bytes>::new())
            .map_err(|e| e.to_string())?;
        let response = sender.send_request(request).await.map_err(|e| format!("request: {e}"))?;
        correct &= response.status() == hyper::StatusCode::OK;
        let body = response.into_body().collect().await.map_err(|e| format!("body: {e}"))?.to_bytes();
        correct &= body.len() == body_len;
        count += 1;
    }
    Ok((count, correct))
}
