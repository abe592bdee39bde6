//! One measured run of one interpreter on one program, in a fresh child process.
//!
//! Wall time is a monotonic clock around spawn → exit. CPU time and peak RSS come from the
//! kernel's accounting for that child alone: the child is first waited for without being
//! reaped (`waitid(WNOWAIT)`), then reaped with `wait4`, which returns its `rusage`.
//! (`std::process::Child::wait` does not expose rusage, and `getrusage(RUSAGE_CHILDREN)`
//! would mix in every child reaped so far, including the parallel check runs.)

use std::ffi::OsString;
use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How a child process ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
    /// The process could not be started (or waited for); the message says why.
    SpawnFailed(String),
}

impl Status {
    pub fn ok(&self) -> bool {
        *self == Status::Exited(0)
    }

    /// Short description for tables and JSON: "exit 0", "signal 9", "timeout", ...
    pub fn describe(&self) -> String {
        match self {
            Status::Exited(c) => format!("exit {c}"),
            Status::Signaled(s) => format!("signal {s}"),
            Status::TimedOut => "timeout".to_string(),
            Status::SpawnFailed(m) => format!("could not start: {m}"),
        }
    }
}

/// One run's measurements and output.
#[derive(Clone, Debug)]
pub struct Sample {
    pub wall: Duration,
    pub user: Duration,
    pub sys: Duration,
    pub max_rss_kib: u64,
    pub status: Status,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Sample {
    fn failed(msg: String) -> Sample {
        Sample {
            wall: Duration::ZERO,
            user: Duration::ZERO,
            sys: Duration::ZERO,
            max_rss_kib: 0,
            status: Status::SpawnFailed(msg),
            stdout: Vec::new(),
            stderr: Vec::new(),
        }
    }

    /// The last non-blank stderr line (the exception message of a Python traceback).
    pub fn last_stderr_line(&self) -> String {
        String::from_utf8_lossy(&self.stderr)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim()
            .to_string()
    }
}

fn drain<R: Read + Send + 'static>(mut r: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut v = Vec::new();
        r.read_to_end(&mut v).ok();
        v
    })
}

/// Runs `argv` once (argv[0] is the executable), with stdin closed, capturing stdout and
/// stderr. Never panics: a failure to start is reported as `Status::SpawnFailed`.
pub fn run_once(argv: &[OsString], timeout: Option<Duration>) -> Sample {
    let mut command = Command::new(&argv[0]);
    command
        .args(&argv[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) => return Sample::failed(e.to_string()),
    };
    let pid = child.id() as libc::pid_t;
    let out = drain(child.stdout.take().expect("piped stdout"));
    let err = drain(child.stderr.take().expect("piped stderr"));

    // The watchdog may only signal the child while it is unreaped (so the pid cannot have
    // been reused): it checks `done` under the lock, and `done` is set under the same lock
    // before the child is reaped.
    let done = Arc::new((Mutex::new(false), Condvar::new()));
    let watchdog = timeout.map(|limit| {
        let done = done.clone();
        std::thread::spawn(move || {
            let (lock, cv) = &*done;
            let guard = lock.lock().unwrap_or_else(|e| e.into_inner());
            let (guard, _) = cv
                .wait_timeout_while(guard, limit, |d| !*d)
                .unwrap_or_else(|e| e.into_inner());
            if !*guard {
                // SAFETY: plain syscall; the child is not reaped yet (see above).
                unsafe { libc::kill(pid, libc::SIGKILL) };
                true
            } else {
                false
            }
        })
    });

    let waited = wait_exited(pid);
    let wall = start.elapsed();
    {
        let (lock, cv) = &*done;
        *lock.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
    }
    let timed_out = watchdog.map(|w| w.join().unwrap_or(false)).unwrap_or(false);
    if let Err(e) = waited {
        let _ = child.kill();
        let _ = child.wait();
        return Sample::failed(format!("waitid: {e}"));
    }
    let (raw, usage) = match reap(pid) {
        Ok(r) => r,
        Err(e) => return Sample::failed(format!("wait4: {e}")),
    };
    // `child` is already reaped; dropping a std Child neither waits nor kills.
    drop(child);
    // After a timeout a grandchild may still hold the pipes open: don't wait for them.
    let (stdout, stderr) = if timed_out {
        (Vec::new(), Vec::new())
    } else {
        (
            out.join().unwrap_or_default(),
            err.join().unwrap_or_default(),
        )
    };

    let status = if timed_out {
        Status::TimedOut
    } else if libc::WIFEXITED(raw) {
        Status::Exited(libc::WEXITSTATUS(raw))
    } else if libc::WIFSIGNALED(raw) {
        Status::Signaled(libc::WTERMSIG(raw))
    } else {
        Status::SpawnFailed(format!("unexpected wait status {raw:#x}"))
    };
    Sample {
        wall,
        user: timeval(usage.ru_utime),
        sys: timeval(usage.ru_stime),
        max_rss_kib: max_rss_kib(usage.ru_maxrss),
        status,
        stdout,
        stderr,
    }
}

fn timeval(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
}

#[cfg(target_os = "macos")]
fn max_rss_kib(v: libc::c_long) -> u64 {
    (v.max(0) as u64) / 1024 // bytes on macOS
}

#[cfg(not(target_os = "macos"))]
fn max_rss_kib(v: libc::c_long) -> u64 {
    v.max(0) as u64 // KiB on Linux and the BSDs
}

/// Blocks until the child has exited, leaving it unreaped.
fn wait_exited(pid: libc::pid_t) -> std::io::Result<()> {
    loop {
        // SAFETY: `info` is a plain C struct the kernel fills in.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reaps the (already exited) child, returning its raw wait status and resource usage.
fn reap(pid: libc::pid_t) -> std::io::Result<(libc::c_int, libc::rusage)> {
    loop {
        let mut status: libc::c_int = 0;
        // SAFETY: `usage` is a plain C struct the kernel fills in.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Runs a short query (`--version`, `-c ...`) and returns its stdout+stderr, whitespace
/// collapsed, if it exited 0 within ten seconds.
pub fn query(cmd: &[OsString], extra: &[&str]) -> Option<String> {
    let mut argv = cmd.to_vec();
    argv.extend(extra.iter().map(OsString::from));
    let s = run_once(&argv, Some(Duration::from_secs(10)));
    if !s.status.ok() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&s.stdout).to_string();
    text.push(' ');
    text.push_str(&String::from_utf8_lossy(&s.stderr));
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Splits a flag string shell-style: whitespace separates words, '…' and "…" quote.
pub fn split_words(s: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                in_word = true;
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some('\\') if c == '"' => match chars.next() {
                            Some(n) => cur.push(n),
                            None => return Err(format!("unterminated quote in {s:?}")),
                        },
                        Some(q) => cur.push(q),
                        None => return Err(format!("unterminated quote in {s:?}")),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_words_quotes() {
        assert_eq!(
            split_words("-X specialize=off").unwrap(),
            ["-X", "specialize=off"]
        );
        assert_eq!(
            split_words(" 'a b'  \"c\\\"d\" e\\ f ").unwrap(),
            ["a b", "c\"d", "e f"]
        );
        assert_eq!(split_words("").unwrap(), Vec::<String>::new());
        assert!(split_words("'open").is_err());
    }

    #[test]
    fn run_once_measures_a_child() {
        let sh =
            |script: &str| -> Vec<OsString> { vec!["/bin/sh".into(), "-c".into(), script.into()] };
        let s = run_once(&sh("echo hi; exit 3"), None);
        assert_eq!(s.status, Status::Exited(3));
        assert_eq!(s.stdout, b"hi\n");
        assert!(s.max_rss_kib > 0);
        // sh forks `sleep`, which keeps the pipes open after sh is killed.
        let t = std::time::Instant::now();
        let s = run_once(&sh("sleep 3; true"), Some(Duration::from_millis(100)));
        assert_eq!(s.status, Status::TimedOut);
        assert!(t.elapsed() < Duration::from_secs(2));
        let s = run_once(&[OsString::from("/nonexistent/interp")], None);
        assert!(matches!(s.status, Status::SpawnFailed(_)));
    }
}
