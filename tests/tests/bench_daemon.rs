//! `pyrun daemon` end to end, on a temporary socket and database: two clients at once, a
//! second daemon refused, bad requests (not JSON, unknown op, unknown program, full queue)
//! answered with clear errors while the daemon keeps serving, a SIGKILL in the middle of a
//! job, a restart on the same database, and every completed run found in `history`.
//!
//! No timing assertions: the waits poll for states with generous deadlines, and the job
//! that is killed mid-run waits for a file the test creates, not for a clock.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn pyrun_bin() -> PathBuf {
    if let Ok(p) = std::env::var("PYRUN_BIN") {
        return PathBuf::from(p);
    }
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for profile in ["release", "debug"] {
        let p = ws.join("target").join(profile).join("pyrun");
        if p.exists() {
            return p;
        }
    }
    panic!("pyrun binary not found: run `cargo build --release -p pyrun` first (or set PYRUN_BIN)");
}

struct Setup {
    dir: PathBuf,
    daemon: Option<Child>,
}

impl Setup {
    fn new() -> Setup {
        // Short path: Unix socket paths are limited to ~108 bytes.
        let dir = std::env::temp_dir().join(format!("pyrun-daemon-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Setup { dir, daemon: None }
    }

    fn socket(&self) -> PathBuf {
        self.dir.join("d.sock")
    }

    fn db(&self) -> PathBuf {
        self.dir.join("history.sqlite")
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.dir.join(name), text).unwrap();
    }

    fn daemon_command(&self) -> Command {
        let mut c = Command::new(pyrun_bin());
        c.arg("daemon")
            .arg("--socket")
            .arg(self.socket())
            .arg("--db")
            .arg(self.db())
            .args(["--queue", "2"])
            .current_dir(&self.dir);
        c
    }

    /// Starts the daemon and waits until it answers a ping.
    fn start(&mut self) {
        let child = self
            .daemon_command()
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start pyrun daemon");
        self.daemon = Some(child);
        wait_for("the daemon to answer", || {
            request(&self.socket(), r#"{"op": "ping"}"#).is_ok_and(|v| v.contains("\"ok\":true"))
        });
    }

    fn kill(&mut self) {
        if let Some(mut c) = self.daemon.take() {
            let _ = c.kill(); // SIGKILL
            let _ = c.wait();
        }
    }

    /// Runs `pyrun ARGS` in the directory: (exit code, stdout, stderr).
    fn pyrun(&self, args: &[&str]) -> (i32, String, String) {
        let o = Command::new(pyrun_bin())
            .args(args)
            .current_dir(&self.dir)
            .output()
            .unwrap();
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).to_string(),
            String::from_utf8_lossy(&o.stderr).to_string(),
        )
    }

    fn bench(&self, args: &[&str]) -> (i32, String, String) {
        let mut a = vec!["bench"];
        a.extend(args);
        let socket = self.socket();
        let db = self.db();
        let sub = args.first().copied().unwrap_or("");
        if ["history", "compare"].contains(&sub) {
            a.extend(["--db", db.to_str().unwrap()]);
        } else {
            a.extend(["--socket", socket.to_str().unwrap()]);
        }
        self.pyrun(&a)
    }

    fn status(&self) -> String {
        request(&self.socket(), r#"{"op": "status"}"#).unwrap()
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        self.kill();
        // Lets the job program of the killed daemon (if still waiting) finish.
        let _ = std::fs::write(self.dir.join("release"), "");
        std::thread::sleep(Duration::from_millis(100));
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Sends one raw request line and returns the answer line.
fn request(socket: &Path, line: &str) -> std::io::Result<String> {
    let mut s = UnixStream::connect(socket)?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    s.write_all(line.as_bytes())?;
    s.write_all(b"\n")?;
    let mut answer = String::new();
    BufReader::new(s).read_line(&mut answer)?;
    Ok(answer)
}

/// Polls `cond` every 50 ms; fails after two minutes (a hang, not a slow machine).
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !cond() {
        assert!(Instant::now() < deadline, "gave up waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The job number in "job N queued (position K)".
fn job_number(out: &str) -> i64 {
    out.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no job number in {out:?}"))
}

#[test]
fn daemon_serves_two_clients_survives_sigkill_and_keeps_history() {
    let mut s = Setup::new();
    s.write("quick.py", "print(sum(i * i for i in range(2000)))\n");
    s.write(
        "other.py",
        "print(sorted(str(i) for i in range(300))[:3])\n",
    );
    // Under the daemon, the check run returns at once; the timed run waits for `release`.
    s.write(
        "wait.py",
        "import os, time\n\
         if os.path.exists('checked'):\n\
         \x20   t = time.time()\n\
         \x20   while not os.path.exists('release') and time.time() - t < 120:\n\
         \x20       time.sleep(0.02)\n\
         else:\n\
         \x20   open('checked', 'w').write('')\n\
         print('done')\n",
    );
    s.start();

    // The socket is private to its user.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(s.socket()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "socket mode {mode:o}");

    // A second daemon on the same socket is refused with a message.
    let o = s.daemon_command().output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("another daemon") && err.contains("is already serving"),
        "{err}"
    );

    // Bad requests get clear errors, and the daemon keeps serving.
    let a = request(&s.socket(), "{not json").unwrap();
    assert!(
        a.contains("\"ok\":false") && a.contains("bad request: not JSON"),
        "{a}"
    );
    let a = request(&s.socket(), r#"{"op": "launch"}"#).unwrap();
    assert!(a.contains("unknown op \\\"launch\\\""), "{a}");
    let a = request(&s.socket(), r#"{"op": "submit", "args": "quick.py"}"#).unwrap();
    assert!(a.contains("submit needs \\\"args\\\""), "{a}");
    let (code, _, err) = s.bench(&["submit", "no_such_program.py"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("unknown program") && err.contains("no_such_program.py"),
        "{err}"
    );
    let (code, _, err) = s.bench(&["submit", "quick.py", "--json", "x.json"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--json is not available for daemon jobs"),
        "{err}"
    );
    assert!(s.status().contains("\"ok\":true"));

    // Two clients at once, each waiting for its report.
    let (client_a, client_b) = std::thread::scope(|scope| {
        let a = scope.spawn(|| s.bench(&["--daemon", "quick.py", "-n", "3"]));
        let b = scope.spawn(|| {
            s.bench(&[
                "--daemon",
                "other.py",
                "quick.py",
                "-n",
                "3",
                "--sweep",
                "specialize=on,off",
            ])
        });
        (a.join().unwrap(), b.join().unwrap())
    });
    let (a, b) = (&client_a, &client_b);
    assert_eq!(a.0, 0, "{}\n{}", a.1, a.2);
    assert_eq!(b.0, 0, "{}\n{}", b.1, b.2);
    assert!(
        a.1.contains("check: outputs agree (1 program(s) x 1 interpreter(s))"),
        "{}",
        a.1
    );
    assert!(
        b.1.contains("sweep: 2 configuration(s)") && b.1.contains("/base"),
        "{}",
        b.1
    );

    // A job that holds the worker, then a full queue.
    let (code, out, err) = s.bench(&["submit", "quick.py", "wait.py", "-n", "1"]);
    assert_eq!(code, 0, "{err}");
    let held = job_number(&out);
    // Once quick.py is recorded (the count is raised after the commit), the worker is
    // inside wait.py's timed run.
    wait_for("quick.py of the held job to be recorded", || {
        s.status().contains("\"programs_done\":1")
    });
    let (_, out, _) = s.bench(&["history", "quick"]);
    assert!(
        out.lines()
            .skip(2)
            .any(|l| l.starts_with(&format!("{held} "))),
        "{out}"
    );
    let (c1, out1, _) = s.bench(&["submit", "quick.py", "-n", "1"]);
    let (c2, out2, _) = s.bench(&["submit", "other.py", "-n", "1"]);
    assert_eq!((c1, c2), (0, 0), "{out1}{out2}");
    let (code, _, err) = s.bench(&["submit", "quick.py"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("queue full: 2 job(s) waiting (limit 2)"),
        "{err}"
    );

    // SIGKILL in the middle of the held job, then a restart on the same database.
    s.kill();
    s.start();
    let a = request(
        &s.socket(),
        &format!(r#"{{"op": "results", "job": {held}}}"#),
    )
    .unwrap();
    assert!(
        a.contains("\"state\":\"interrupted\"") && a.contains("\"runs_recorded\":1"),
        "{a}"
    );
    // The two queued jobs run after the restart.
    for out in [&out1, &out2] {
        let job = job_number(out);
        wait_for("a queued job to finish after the restart", || {
            let a = request(
                &s.socket(),
                &format!(r#"{{"op": "results", "job": {job}}}"#),
            )
            .unwrap();
            a.contains("\"state\":\"done\"")
        });
        let (code, report, _) = s.bench(&["results", &job.to_string()]);
        assert_eq!(code, 0);
        assert!(report.contains("check: outputs agree"), "{report}");
    }

    // Every completed run is in the history: quick.py by the two clients (1 + 2 columns),
    // by the interrupted job and by the first job queued before the kill.
    let (code, out, err) = s.bench(&["history", "quick.py"]);
    assert_eq!(code, 0, "{err}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(rows.len(), 5, "{out}");
    assert!(out.contains("specialize=off"), "{out}");
    assert!(
        out.lines()
            .skip(2)
            .any(|l| l.starts_with(&format!("{held} "))),
        "{out}"
    );
    let (_, out, _) = s.bench(&["history", "wait.py"]);
    assert!(
        out.starts_with("no stored runs"),
        "the killed program left no run: {out}"
    );

    // Two stored runs compared like pyperf compare_to.
    // (Client A's job number is on its stderr: "pyrun bench: job N queued ...".)
    let first = job_number(client_a.2.trim_start_matches("pyrun bench: ")).to_string();
    let later = job_number(&out1).to_string();
    let (code, out, err) = s.bench(&["compare", &first, &later]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("quick.py [pyrun]: ") && out.contains("geometric mean: "),
        "{out}"
    );
    let (code, _, err) = s.bench(&["compare", "1", "999"]);
    assert_eq!(code, 2);
    assert!(err.contains("job 999 has no stored runs"), "{err}");

    // A clean shutdown removes the socket.
    let a = request(&s.socket(), r#"{"op": "shutdown"}"#).unwrap();
    assert!(a.contains("\"shutdown\":true"), "{a}");
    if let Some(mut c) = s.daemon.take() {
        assert!(c.wait().unwrap().success());
    }
    assert!(!s.socket().exists());
}
