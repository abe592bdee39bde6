//! The daemon's socket, its bounded queue and the worker that runs jobs.

use super::db::{self, Db};
use super::paths;
use crate::bench;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::io::AsRawFd;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

pub struct Settings {
    pub socket: PathBuf,
    pub db: PathBuf,
    pub queue: usize,
}

/// The longest request line accepted.
const MAX_REQUEST: u64 = 1 << 20;
/// Connections served at once; more get a "busy" answer.
const MAX_CONNECTIONS: usize = 32;

#[derive(Default)]
struct State {
    queue: VecDeque<i64>,
    /// The running job: (id, programs done, programs in the job).
    running: Option<(i64, usize, usize)>,
}

struct Shared {
    settings: Settings,
    state: Mutex<State>,
    wake: Condvar,
    connections: AtomicUsize,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Takes the daemon lock beside the socket, or says who holds it.
fn take_lock(socket: &Path) -> Result<std::fs::File, String> {
    let path = PathBuf::from(format!("{}.lock", socket.display()));
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| format!("can't open {}: {e}", path.display()))?;
    // SAFETY: flock on a file descriptor we own.
    let r = unsafe { libc::flock(f.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r != 0 {
        let mut pid = String::new();
        let _ = f.read_to_string(&mut pid);
        let pid = pid.trim();
        return Err(format!(
            "another daemon{} is already serving {} (stop it first, or give --socket PATH)",
            if pid.is_empty() {
                String::new()
            } else {
                format!(" (pid {pid})")
            },
            socket.display()
        ));
    }
    f.set_len(0).map_err(|e| e.to_string())?;
    let _ = write!(f, "{}", std::process::id());
    Ok(f)
}

pub fn serve(settings: Settings) -> Result<(), String> {
    if let Some(dir) = settings.socket.parent() {
        paths::private_dir(dir)?;
    }
    let _lock = take_lock(&settings.socket)?;
    // Holding the lock, any socket file left is stale (its daemon died).
    if settings.socket.exists() {
        std::fs::remove_file(&settings.socket)
            .map_err(|e| format!("can't remove stale {}: {e}", settings.socket.display()))?;
    }
    let db = Db::open(&settings.db)?;
    let queued = db.recover()?;
    let listener = UnixListener::bind(&settings.socket)
        .map_err(|e| format!("can't listen on {}: {e}", settings.socket.display()))?;
    paths::private_socket(&settings.socket)?;
    eprintln!(
        "pyrun daemon: serving {} (pid {}), history in {}, queue limit {}{}",
        settings.socket.display(),
        std::process::id(),
        settings.db.display(),
        settings.queue,
        if queued.is_empty() {
            String::new()
        } else {
            format!(", {} job(s) queued from before", queued.len())
        }
    );
    let shared = Arc::new(Shared {
        settings,
        state: Mutex::new(State {
            queue: queued.into(),
            running: None,
        }),
        wake: Condvar::new(),
        connections: AtomicUsize::new(0),
    });
    {
        let shared = shared.clone();
        std::thread::Builder::new()
            .name("worker".into())
            .spawn(move || worker(shared, db))
            .map_err(|e| format!("can't start the worker: {e}"))?;
    }
    for conn in listener.incoming() {
        let Ok(mut stream) = conn else { continue };
        if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            let _ = reply(
                &mut stream,
                &refuse("busy: too many connections at once; try again"),
            );
            continue;
        }
        let shared = shared.clone();
        let spawned = std::thread::Builder::new().spawn({
            let shared = shared.clone();
            move || {
                handle(&shared, stream);
                shared.connections.fetch_sub(1, Ordering::SeqCst);
            }
        });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
    Ok(())
}

fn refuse(msg: impl Into<String>) -> Value {
    json!({"ok": false, "error": msg.into()})
}

fn reply(stream: &mut UnixStream, v: &Value) -> std::io::Result<()> {
    let mut line = v.to_string();
    line.push('\n');
    stream.write_all(line.as_bytes())
}

/// Serves one connection: one request line, one answer line.
fn handle(shared: &Shared, mut stream: UnixStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(10)));
    let mut line = String::new();
    let read = match stream.try_clone() {
        Ok(s) => BufReader::new(s).take(MAX_REQUEST).read_line(&mut line),
        Err(e) => Err(e),
    };
    let answer = match read {
        Err(e) => refuse(format!("bad request: can't read it: {e}")),
        Ok(_) if !line.ends_with('\n') && line.len() as u64 >= MAX_REQUEST => {
            refuse(format!("bad request: longer than {MAX_REQUEST} bytes"))
        }
        Ok(_) => match serde_json::from_str::<Value>(&line) {
            Err(e) => refuse(format!(
                "bad request: not JSON ({e}); send one JSON object per line, e.g. \
                 {{\"op\": \"status\"}}"
            )),
            Ok(req) => answer(shared, &req),
        },
    };
    let _ = reply(&mut stream, &answer);
    if answer.get("shutdown").is_some() {
        shutdown(shared);
    }
}

fn answer(shared: &Shared, req: &Value) -> Value {
    let Some(op) = req.get("op").and_then(Value::as_str) else {
        return refuse(
            "bad request: expected an object with \"op\" (submit, status, results, ping, shutdown)",
        );
    };
    let result = match op {
        "ping" => Ok(json!({"ok": true, "pid": std::process::id()})),
        "submit" => submit(shared, req),
        "status" => status(shared),
        "results" => results(shared, req),
        "shutdown" => Ok(json!({"ok": true, "shutdown": true})),
        other => Err(format!(
            "bad request: unknown op {other:?} (expected submit, status, results, ping, shutdown)"
        )),
    };
    result.unwrap_or_else(refuse)
}

fn open_db(shared: &Shared) -> Result<Db, String> {
    Db::open(&shared.settings.db)
}

fn submit(shared: &Shared, req: &Value) -> Result<Value, String> {
    let args: Option<Vec<String>> = req
        .get("args")
        .and_then(Value::as_array)
        .and_then(|a| a.iter().map(|v| v.as_str().map(str::to_string)).collect());
    let cwd = req.get("cwd").and_then(Value::as_str).map(PathBuf::from);
    let (Some(args), Some(cwd)) = (args, cwd.filter(|c| c.is_absolute())) else {
        return Err(
            "bad request: submit needs \"args\" (an array of strings, the arguments \
                    of pyrun bench) and \"cwd\" (an absolute directory)"
                .into(),
        );
    };
    let plan = bench::parse_args(&args)?;
    plan.validate(&cwd)?;
    {
        let st = shared.lock();
        if st.queue.len() >= shared.settings.queue {
            return Err(format!(
                "queue full: {} job(s) waiting (limit {}); try again when one has started",
                st.queue.len(),
                shared.settings.queue
            ));
        }
    }
    let db = open_db(shared)?;
    let id = db.add_job(&args, &cwd.display().to_string())?;
    let mut st = shared.lock();
    // Checked again: another client may have filled the queue meanwhile.
    if st.queue.len() >= shared.settings.queue {
        drop(st);
        db.drop_job(id)?;
        return Err(format!(
            "queue full: limit {} reached; try again when a job has started",
            shared.settings.queue
        ));
    }
    st.queue.push_back(id);
    let position = st.queue.len() + st.running.is_some() as usize;
    drop(st);
    shared.wake.notify_all();
    Ok(json!({"ok": true, "job": id, "position": position}))
}

fn job_json(j: &db::Job) -> Value {
    json!({
        "job": j.id,
        "state": j.state,
        "args": j.args,
        "cwd": j.cwd,
        "submitted": j.submitted,
        "finished": j.finished,
        "error": j.error,
    })
}

fn status(shared: &Shared) -> Result<Value, String> {
    let (queue, running) = {
        let st = shared.lock();
        (st.queue.iter().copied().collect::<Vec<_>>(), st.running)
    };
    let db = open_db(shared)?;
    let mut queued = Vec::new();
    for id in queue {
        if let Some(j) = db.job(id)? {
            queued.push(job_json(&j));
        }
    }
    let running = match running {
        Some((id, done, total)) => match db.job(id)? {
            Some(j) => {
                let mut v = job_json(&j);
                v["programs_done"] = json!(done);
                v["programs"] = json!(total);
                v
            }
            None => Value::Null,
        },
        None => Value::Null,
    };
    let recent: Vec<Value> = db.recent_jobs(10)?.iter().map(job_json).collect();
    Ok(json!({
        "ok": true,
        "pid": std::process::id(),
        "running": running,
        "queued": queued,
        "queue_limit": shared.settings.queue,
        "recent": recent,
    }))
}

fn results(shared: &Shared, req: &Value) -> Result<Value, String> {
    let Some(id) = req.get("job").and_then(Value::as_i64) else {
        return Err("bad request: results needs \"job\" (a job number)".into());
    };
    let db = open_db(shared)?;
    let Some(j) = db.job(id)? else {
        return Err(format!("no job {id}"));
    };
    let runs = db.job_runs(id)?.len();
    let mut v = job_json(&j);
    v["ok"] = json!(true);
    v["report"] = json!(j.report);
    v["runs_recorded"] = json!(runs);
    Ok(v)
}

/// Stops the daemon at once: a running job is recorded as interrupted.
fn shutdown(shared: &Shared) {
    if let Ok(db) = open_db(shared) {
        let _ = db.recover();
    }
    let _ = std::fs::remove_file(&shared.settings.socket);
    eprintln!("pyrun daemon: shut down on request");
    std::process::exit(0);
}

fn machine() -> String {
    let m = bench::machine_summary();
    m.trim().to_string()
}

/// Runs queued jobs one after another.
fn worker(shared: Arc<Shared>, mut db: Db) {
    let (commit, build) = super::build_info();
    loop {
        let id = {
            let mut st = shared.lock();
            loop {
                if let Some(id) = st.queue.pop_front() {
                    st.running = Some((id, 0, 0));
                    break id;
                }
                st = shared.wake.wait(st).unwrap_or_else(|e| e.into_inner());
            }
        };
        // A bug in one job must not stop the worker: a panic fails that job only.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_job(&shared, &mut db, id, commit, &build)
        }))
        .unwrap_or_else(|_| {
            Err("internal error in pyrun bench (a panic; see the daemon's stderr)".into())
        });
        let (state, error, report) = match outcome {
            Ok(f) => (if f.ok { "done" } else { "failed" }, None, Some(f.report)),
            Err(e) => ("failed", Some(e), None),
        };
        if let Err(e) = db.finish_job(id, state, error.as_deref(), report.as_deref()) {
            eprintln!("pyrun daemon: job {id}: {e}");
        }
        shared.lock().running = None;
    }
}

fn run_job(
    shared: &Shared,
    db: &mut Db,
    id: i64,
    commit: &str,
    build: &str,
) -> Result<bench::Finished, String> {
    let job = db.job(id)?.ok_or_else(|| format!("job {id} vanished"))?;
    db.start_job(id, commit, build, &machine())?;
    let cwd = PathBuf::from(&job.cwd);
    let plan = bench::parse_args(&job.args)?;
    plan.validate(&cwd)?;
    // Children run where the client ran `pyrun bench` (only this thread uses the cwd).
    std::env::set_current_dir(&cwd).map_err(|e| format!("can't enter {}: {e}", cwd.display()))?;
    let total = plan.program_count();
    if let Some(r) = shared.lock().running.as_mut() {
        r.2 = total;
    }
    // The quietest core for this job's timing.
    let core = bench::affinity::idle_cores(Duration::from_millis(250))
        .first()
        .map(|(c, _)| *c);
    let mut failed_store = None;
    let finished = bench::run_plan(plan, core, &mut |p| {
        if let Err(e) = db.add_program(id, p) {
            failed_store.get_or_insert(e);
        }
        if let Some(r) = shared.lock().running.as_mut() {
            r.1 += 1;
        }
    })?;
    match failed_store {
        Some(e) => Err(format!("could not record every run: {e}")),
        None => Ok(finished),
    }
}
