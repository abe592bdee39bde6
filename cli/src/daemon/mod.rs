//! `pyrun daemon`: a long-lived process that runs benchmark jobs one after another on a quiet
//! core and records every run in its SQLite history (db.rs).
//!
//! Clients (`pyrun bench --daemon ...`, `pyrun bench submit|status|results`) talk to it over
//! a Unix socket only its user can open (paths.rs): one JSON request per connection, one
//! line, answered by one JSON line (`{"ok": true, ...}` or `{"ok": false, "error": ...}`):
//!
//! - `{"op": "submit", "args": [bench arguments...], "cwd": "/abs/dir"}` → `{"job": N,
//!   "position": K}`, or an error for bad arguments, an unknown program or a full queue;
//! - `{"op": "status"}` → the running job with its progress, the queue, recent jobs;
//! - `{"op": "results", "job": N}` → the job's state, error and printed report;
//! - `{"op": "ping"}`; `{"op": "shutdown"}` (a running job is recorded as interrupted).
//!
//! The queue is bounded (`--queue N`); a second daemon on the same socket is refused (an
//! exclusive `flock` on `SOCKET.lock`, released by the kernel when the holder dies).

mod db;
mod paths;
mod server;

pub use db::Db;
pub use paths::{default_db, default_socket};

use clap::Parser;
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "pyrun daemon",
    about = "Run benchmark jobs from `pyrun bench --daemon` one at a time and keep their history",
    after_help = "\
Jobs run one after another, their timing pinned to the quietest core. Every program's
samples are committed to the database as soon as it is timed; a daemon that is killed loses
at most the program it was timing, and on restart marks that job interrupted and runs the
jobs still queued.

Examples:
  pyrun daemon &
  pyrun bench --daemon benches/programs/fib.py --sweep specialize=on,off -n 5
  pyrun bench status
  pyrun bench history fib"
)]
struct DaemonCli {
    /// The socket to listen on (default: $XDG_RUNTIME_DIR/pyrun/daemon.sock or
    /// /tmp/pyrun-$UID/daemon.sock).
    #[arg(long, value_name = "PATH")]
    socket: Option<PathBuf>,

    /// The history database (default: $XDG_DATA_HOME/pyrun/bench.sqlite or
    /// ~/.local/share/pyrun/bench.sqlite).
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,

    /// Most jobs waiting at once; further submissions are refused until one starts.
    #[arg(long, value_name = "N", default_value_t = 16,
          value_parser = clap::value_parser!(u32).range(1..=10_000))]
    queue: u32,
}

/// Entry point: `args` are the arguments after `daemon`.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let argv = std::iter::once(OsString::from("pyrun daemon")).chain(args);
    let cli = match DaemonCli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    let run = || -> Result<(), String> {
        let socket = paths::absolute(&cli.socket.clone().unwrap_or_else(default_socket))?;
        let db = paths::absolute(&match cli.db.clone() {
            Some(p) => p,
            None => default_db()?,
        })?;
        server::serve(server::Settings {
            socket,
            db,
            queue: cli.queue as usize,
        })
    };
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("pyrun daemon: {msg}");
            ExitCode::from(1)
        }
    }
}

/// The commit and build of this binary (recorded with every job).
pub fn build_info() -> (&'static str, String) {
    (
        env!("PYRUN_GIT_COMMIT"),
        format!(
            "{} (opt-level {}, {}, pyrun {})",
            env!("PYRUN_BUILD_PROFILE"),
            env!("PYRUN_BUILD_OPT_LEVEL"),
            env!("PYRUN_BUILD_TARGET"),
            env!("CARGO_PKG_VERSION")
        ),
    )
}
