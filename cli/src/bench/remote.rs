//! The daemon's clients: `pyrun bench --daemon ...` (submit and wait for the report) and the
//! subcommands `pyrun bench submit|status|results` (through the socket) and
//! `history|compare` (reading the history database directly).

use super::stats::{self, Verdict};
use crate::daemon::{self, Db};
use clap::Parser;
use serde_json::{json, Value};
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

const SUBCOMMANDS: &[&str] = &["submit", "status", "results", "history", "compare"];

/// Handles `pyrun bench SUBCOMMAND ...`; None when the first argument is not a subcommand.
pub fn subcommand(args: &[OsString]) -> Option<ExitCode> {
    let first = args.first()?.to_str()?;
    if !SUBCOMMANDS.contains(&first) {
        return None;
    }
    if first == "submit" {
        let mut rest: Vec<OsString> = vec!["--daemon".into(), "--no-wait".into()];
        rest.extend(args[1..].iter().cloned());
        return Some(super::main(rest));
    }
    let argv = std::iter::once(OsString::from(format!("pyrun bench {first}")))
        .chain(args[1..].iter().cloned());
    let result = match first {
        "status" => StatusCli::try_parse_from(argv).map(|c| status(c)),
        "results" => ResultsCli::try_parse_from(argv).map(|c| results(c)),
        "history" => HistoryCli::try_parse_from(argv).map(|c| history(c)),
        _ => CompareCli::try_parse_from(argv).map(|c| compare(c)),
    };
    Some(match result {
        Err(e) => e.exit(),
        Ok(Ok(code)) => code,
        Ok(Err(msg)) => {
            eprintln!("pyrun bench {first}: {msg}");
            ExitCode::from(2)
        }
    })
}

#[derive(Parser)]
#[command(about = "Show the benchmark daemon's running job, its queue and recent jobs")]
struct StatusCli {
    /// The daemon's socket.
    #[arg(long, value_name = "PATH")]
    socket: Option<PathBuf>,
}

#[derive(Parser)]
#[command(about = "Print a daemon job's state and report")]
struct ResultsCli {
    /// The job number `pyrun bench submit` printed.
    job: i64,
    /// The daemon's socket.
    #[arg(long, value_name = "PATH")]
    socket: Option<PathBuf>,
}

#[derive(Parser)]
#[command(about = "A program's stored runs over time, oldest first")]
struct HistoryCli {
    /// The program: its file name (with or without .py) or its path.
    program: String,
    /// Only this interpreter column (e.g. pyrun, python3, specialize=off).
    #[arg(long, value_name = "NAME")]
    interpreter: Option<String>,
    /// The history database.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
}

#[derive(Parser)]
#[command(
    about = "Compare two stored runs (daemon jobs) like `pyperf compare_to`",
    after_help = "RUN is a job number, optionally with a column: 12 or 12:pyrun. Without a \
column, programs are matched by program and column name."
)]
struct CompareCli {
    /// The run taken as the reference.
    run_a: String,
    /// The run compared with it.
    run_b: String,
    /// The history database.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
}

fn socket_path(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(daemon::default_socket)
}

/// Sends one request and returns the answer; an `"ok": false` answer is an Err with the
/// daemon's message.
pub fn request(socket: &Path, req: &Value) -> Result<Value, String> {
    let mut s = UnixStream::connect(socket).map_err(|e| {
        format!(
            "can't reach the benchmark daemon at {}: {e} (start it with `pyrun daemon`)",
            socket.display()
        )
    })?;
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let mut line = req.to_string();
    line.push('\n');
    s.write_all(line.as_bytes())
        .map_err(|e| format!("can't send to the daemon: {e}"))?;
    let mut answer = String::new();
    BufReader::new(s)
        .read_line(&mut answer)
        .map_err(|e| format!("no answer from the daemon: {e}"))?;
    let v: Value = serde_json::from_str(&answer)
        .map_err(|e| format!("the daemon's answer is not JSON ({e}): {answer:?}"))?;
    if v.get("ok") == Some(&Value::Bool(true)) {
        Ok(v)
    } else {
        Err(v
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("the daemon refused the request")
            .to_string())
    }
}

/// The bench arguments without the client-only options (--daemon, --no-wait, --socket).
fn job_args(args: &[OsString]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let a = a
            .to_str()
            .ok_or_else(|| format!("argument {a:?} is not valid UTF-8"))?;
        match a {
            "--" => {
                out.push(a.to_string());
                for rest in it.by_ref() {
                    out.push(
                        rest.to_str()
                            .ok_or_else(|| format!("argument {rest:?} is not valid UTF-8"))?
                            .to_string(),
                    );
                }
            }
            "--daemon" | "--no-wait" => {}
            "--socket" => {
                it.next();
            }
            _ if a.starts_with("--socket=") => {}
            _ => out.push(a.to_string()),
        }
    }
    Ok(out)
}

/// `pyrun bench --daemon ARGS`: submits the job; with `wait`, waits and prints the report.
pub fn submit_from_cli(args: &[OsString], socket: Option<PathBuf>, wait: bool) -> ExitCode {
    let socket = socket_path(socket);
    let run = || -> Result<ExitCode, String> {
        let cwd = std::env::current_dir().map_err(|e| format!("no current directory: {e}"))?;
        let req = json!({"op": "submit", "args": job_args(args)?, "cwd": cwd});
        let v = request(&socket, &req)?;
        let id = v["job"].as_i64().unwrap_or(0);
        let position = v["position"].as_i64().unwrap_or(0);
        if !wait {
            println!("job {id} queued (position {position})");
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "pyrun bench: job {id} queued (position {position}) on {}",
            socket.display()
        );
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let r = request(&socket, &json!({"op": "results", "job": id}))?;
            let state = r["state"].as_str().unwrap_or("");
            if state == "queued" || state == "running" {
                continue;
            }
            return Ok(print_results(&r));
        }
    };
    run().unwrap_or_else(|msg| {
        eprintln!("pyrun bench: {msg}");
        ExitCode::from(2)
    })
}

fn print_results(r: &Value) -> ExitCode {
    let id = r["job"].as_i64().unwrap_or(0);
    let state = r["state"].as_str().unwrap_or("?");
    if let Some(report) = r["report"].as_str() {
        print!("{report}");
    }
    match state {
        "done" => ExitCode::SUCCESS,
        "queued" | "running" => {
            println!("job {id}: {state}");
            ExitCode::SUCCESS
        }
        _ => {
            let why = r["error"].as_str().unwrap_or("a check or a run failed");
            println!(
                "job {id}: {state}: {why} ({} run(s) recorded)",
                r["runs_recorded"].as_i64().unwrap_or(0)
            );
            ExitCode::from(1)
        }
    }
}

fn describe_job(v: &Value) -> String {
    let args: Vec<&str> = v["args"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    format!(
        "job {}: {}: pyrun bench {}",
        v["job"],
        v["state"].as_str().unwrap_or("?"),
        args.join(" ")
    )
}

fn status(c: StatusCli) -> Result<ExitCode, String> {
    let socket = socket_path(c.socket);
    let v = request(&socket, &json!({"op": "status"}))?;
    println!("daemon pid {} on {}", v["pid"], socket.display());
    match &v["running"] {
        Value::Null => println!("running: nothing"),
        r => println!(
            "running: {} ({}/{} program(s) done)",
            describe_job(r),
            r["programs_done"],
            r["programs"]
        ),
    }
    let queued = v["queued"].as_array().cloned().unwrap_or_default();
    println!("queued: {} (limit {})", queued.len(), v["queue_limit"]);
    for q in &queued {
        println!("  {}", describe_job(q));
    }
    for r in v["recent"].as_array().into_iter().flatten() {
        let err = r["error"]
            .as_str()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        println!("recent: {}{err}", describe_job(r));
    }
    Ok(ExitCode::SUCCESS)
}

fn results(c: ResultsCli) -> Result<ExitCode, String> {
    let r = request(
        &socket_path(c.socket),
        &json!({"op": "results", "job": c.job}),
    )?;
    Ok(print_results(&r))
}

fn db_path(given: Option<PathBuf>) -> Result<PathBuf, String> {
    match given {
        Some(p) => Ok(p),
        None => daemon::default_db(),
    }
}

fn date(t: f64) -> String {
    super::pyperf::iso_date(t as i64)
}

fn history(c: HistoryCli) -> Result<ExitCode, String> {
    let path = db_path(c.db)?;
    let db = Db::open_existing(&path)?;
    let runs: Vec<_> = db
        .history(&c.program)?
        .into_iter()
        .filter(|r| c.interpreter.as_ref().is_none_or(|i| *i == r.interpreter))
        .collect();
    if runs.is_empty() {
        println!("no stored runs of {} in {}", c.program, path.display());
        return Ok(ExitCode::from(1));
    }
    let mut rows = vec![[
        "job",
        "recorded (UTC)",
        "program",
        "interpreter",
        "commit",
        "program hash",
        "runs",
        "wall ms",
        "MAD",
        "cpu ms",
        "note",
    ]
    .map(String::from)
    .to_vec()];
    for r in &runs {
        let wall: Vec<f64> = r.samples.iter().map(|s| s.1).collect();
        let cpu: Vec<f64> = r.samples.iter().map(|s| s.2).collect();
        let fmt = super::report::fmt_num;
        rows.push(vec![
            r.job.to_string(),
            date(r.recorded),
            r.label.clone(),
            r.interpreter.clone(),
            r.commit
                .as_deref()
                .unwrap_or("?")
                .chars()
                .take(10)
                .collect(),
            r.program_hash
                .trim_start_matches("fnv1a64:")
                .chars()
                .take(10)
                .collect(),
            wall.len().to_string(),
            fmt(stats::median(&wall)),
            fmt(stats::mad(&wall)),
            fmt(stats::median(&cpu)),
            r.problem.clone().unwrap_or_default(),
        ]);
    }
    println!(
        "{} stored run(s) of {} in {}",
        runs.len(),
        c.program,
        path.display()
    );
    print!("{}", align(&rows));
    Ok(ExitCode::SUCCESS)
}

/// Left-aligned text columns separated by two spaces.
fn align(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut width = vec![0; n];
    for r in rows {
        for (w, c) in width.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::new();
    for r in rows {
        let line: Vec<String> = r
            .iter()
            .zip(&width)
            .map(|(c, w)| format!("{c:w$}"))
            .collect();
        s.push_str(line.join("  ").trim_end());
        s.push('\n');
    }
    s
}

/// `12` or `12:pyrun` → (job, column).
fn parse_run(s: &str) -> Result<(i64, Option<String>), String> {
    let (job, col) = match s.split_once(':') {
        Some((j, c)) => (j, Some(c.to_string())),
        None => (s, None),
    };
    let job = job.trim().parse::<i64>().map_err(|_| {
        format!("run {s:?}: expected a job number, optionally :COLUMN (e.g. 12:pyrun)")
    })?;
    Ok((job, col))
}

fn compare(c: CompareCli) -> Result<ExitCode, String> {
    let path = db_path(c.db)?;
    let db = Db::open_existing(&path)?;
    let (ja, ca) = parse_run(&c.run_a)?;
    let (jb, cb) = parse_run(&c.run_b)?;
    let load = |job: i64, col: &Option<String>| -> Result<Vec<_>, String> {
        let runs = db.job_runs(job)?;
        if runs.is_empty() {
            return Err(format!(
                "job {job} has no stored runs in {}",
                path.display()
            ));
        }
        let runs: Vec<_> = runs
            .into_iter()
            .filter(|r| col.as_ref().is_none_or(|c| *c == r.interpreter))
            .collect();
        if runs.is_empty() {
            return Err(format!(
                "job {job} has no column {:?}",
                col.as_deref().unwrap_or("")
            ));
        }
        Ok(runs)
    };
    let (a, b) = (load(ja, &ca)?, load(jb, &cb)?);
    let by_column = ca.is_none() && cb.is_none();
    println!(
        "{} -> {} (ratio of median wall times; 95% bootstrap interval)",
        c.run_a, c.run_b
    );
    let (mut ratios, mut skipped) = (Vec::new(), 0);
    for ra in &a {
        let Some(rb) = b
            .iter()
            .find(|rb| rb.label == ra.label && (!by_column || rb.interpreter == ra.interpreter))
        else {
            continue;
        };
        let name = if by_column {
            format!("{} [{}]", ra.label, ra.interpreter)
        } else {
            ra.label.clone()
        };
        let wa: Vec<f64> = ra.samples.iter().map(|s| s.1).collect();
        let wb: Vec<f64> = rb.samples.iter().map(|s| s.1).collect();
        if ra.problem.is_some() || rb.problem.is_some() || wa.is_empty() || wb.is_empty() {
            println!(
                "{name}: not comparable ({})",
                ra.problem
                    .clone()
                    .or(rb.problem.clone())
                    .unwrap_or_else(|| "no timed runs".into())
            );
            skipped += 1;
            continue;
        }
        let Some(r) = stats::ratio_unpaired(&wb, &wa) else {
            continue;
        };
        let (ma, mb) = (
            stats::median(&wa).unwrap_or(0.0),
            stats::median(&wb).unwrap_or(0.0),
        );
        let speed = if r.value <= 1.0 {
            format!("{:.2}x faster", 1.0 / r.value)
        } else {
            format!("{:.2}x slower", r.value)
        };
        let ci = r
            .interval
            .map(|(lo, hi)| format!(", ratio {:.3} [{lo:.3}, {hi:.3}]", r.value))
            .unwrap_or_default();
        let changed = if ra.program_hash != rb.program_hash {
            " (the program changed between the runs)"
        } else {
            ""
        };
        let verdict = match r.verdict() {
            Verdict::NotSignificant => "not significant".to_string(),
            v => v.describe().to_string(),
        };
        println!("{name}: {ma:.1} ms -> {mb:.1} ms: {speed}{ci}: {verdict}{changed}");
        ratios.push(r.value);
    }
    if ratios.is_empty() {
        println!("nothing in common to compare");
        return Ok(ExitCode::from(1));
    }
    if let Some(g) = stats::geomean(&ratios) {
        let speed = if g <= 1.0 {
            format!("{:.2}x faster", 1.0 / g)
        } else {
            format!("{g:.2}x slower")
        };
        println!(
            "geometric mean: {speed} ({} program(s){})",
            ratios.len(),
            if skipped > 0 {
                format!(", {skipped} not comparable")
            } else {
                String::new()
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
