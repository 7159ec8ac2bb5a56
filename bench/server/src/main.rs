//! `hamsa-bench-server [--port N]`: the benchmark's canned Hamsa server on 127.0.0.1 (HTTP/1.1,
//! keep-alive). Its first stdout line is `listening on http://127.0.0.1:PORT`, which `bench/run.sh`
//! reads; port 0 (the default) picks a free one. It runs until killed.

mod canned;
mod routes;

use canned::Canned;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use tokio::net::TcpListener;

fn main() -> std::io::Result<()> {
    let port = parse_port()?;
    // run.sh pins the server to one CPU: a single-threaded runtime then has no cross-thread wake-ups to
    // pay for. Unpinned, one worker per CPU it may use.
    let cpus = std::thread::available_parallelism().map_or(1, usize::from);
    let runtime = if cpus == 1 {
        tokio::runtime::Builder::new_current_thread().enable_io().build()?
    } else {
        tokio::runtime::Builder::new_multi_thread().worker_threads(cpus).enable_io().build()?
    };
    runtime.block_on(serve(port))
}

fn parse_port() -> std::io::Result<u16> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(0),
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("bad port {port:?}"))),
        _ => Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "usage: hamsa-bench-server [--port N]")),
    }
}

async fn serve(port: u16) -> std::io::Result<()> {
    let canned = Arc::new(Canned::new());
    let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{}", listener.local_addr()?)?;
    stdout.flush()?;
    loop {
        let (stream, _) = listener.accept().await?;
        // Small answers must leave at once, not wait for Nagle's algorithm.
        stream.set_nodelay(true)?;
        let canned = Arc::clone(&canned);
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let response = routes::answer(&canned, &request);
                async move { Ok::<_, Infallible>(response) }
            });
            // A client closing its connection mid-request is normal at the end of a run: not an error.
            let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
        });
    }
}
