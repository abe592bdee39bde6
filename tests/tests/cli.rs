//! The command line as CPython's: the cases of `tests/cli/cases.txt` (a multi-package
//! project, -m, -c, stdin, flags, error exits) against CPython's recorded output
//! (`tests/regen_cli.py`); `dir(builtins)`/`dir(sys)` against CPython's; a closed stdout;
//! and the interactive prompt through a pseudo-terminal.

use pyrun_tests::{pyrun_bin, workspace};
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn cli_dir() -> PathBuf {
    workspace().join("tests/cli")
}

struct Case {
    name: String,
    cwd: String,
    env: Option<(String, String)>,
    stdin: Option<String>,
    args: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(cli_dir().join("cases.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('|').map(str::trim).collect();
            Case {
                name: c[0].into(),
                cwd: c[1].into(),
                env: (c[2] != "-").then(|| {
                    let (k, v) = c[2].split_once('=').unwrap();
                    (k.into(), v.into())
                }),
                stdin: (c[3] != "-").then(|| c[3].into()),
                args: c[4]
                    .split_whitespace()
                    .map(|a| a.replace("%20", " "))
                    .collect(),
            }
        })
        .collect()
}

fn command(bin: &PathBuf) -> Command {
    let mut cmd = Command::new(bin);
    for (k, _) in std::env::vars() {
        if k.starts_with("PYTHON") {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0");
    cmd
}

#[test]
fn command_line_cases_match_cpython() {
    let bin = pyrun_bin();
    let proj = std::fs::canonicalize(cli_dir().join("proj")).unwrap();
    let mut failures = vec![];
    for c in cases() {
        let mut cmd = command(&bin);
        cmd.args(&c.args).current_dir(proj.join(&c.cwd));
        if let Some((k, v)) = &c.env {
            cmd.env(k, v);
        }
        let input = c
            .stdin
            .as_ref()
            .map(|f| std::fs::read(proj.join(f)).unwrap())
            .unwrap_or_default();
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(&input).unwrap();
        let out = child.wait_with_output().unwrap();
        let norm = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .replace(&bin.display().to_string(), "<python>")
                .replace(&format!("{}/", proj.display()), "<dir>/")
        };
        let code = out
            .status
            .code()
            .unwrap_or_else(|| -out.status.signal().unwrap_or(0));
        let exp = |ext: &str| {
            std::fs::read_to_string(cli_dir().join("expected").join(format!("{}.{ext}", c.name)))
                .unwrap()
        };
        let got = [norm(&out.stdout), norm(&out.stderr), format!("{code}\n")];
        for (ext, g) in ["out", "err", "exit"].iter().zip(got) {
            let e = exp(ext);
            if e != g {
                failures.push(format!(
                    "{} ({ext}):\n--- CPython\n{e}--- pyrun\n{g}",
                    c.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn lines(bin: &PathBuf, code: &str) -> Vec<String> {
    let out = command(bin).args(["-c", code]).output().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Names CPython has that pyrun lacks must be exactly those listed (with the reason) in
/// `tests/cli/missing_names.txt`; pyrun may not have names CPython lacks.
fn compare_dir(what: &str, code: &str) {
    let bin = pyrun_bin();
    let expected: Vec<String> =
        std::fs::read_to_string(cli_dir().join(format!("expected/dir_{what}.txt")))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect();
    let got = lines(&bin, code);
    let listed: Vec<String> = std::fs::read_to_string(cli_dir().join("missing_names.txt"))
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{what}.")))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let missing: Vec<&String> = expected.iter().filter(|n| !got.contains(n)).collect();
    let extra: Vec<&String> = got.iter().filter(|n| !expected.contains(n)).collect();
    let unlisted: Vec<&&String> = missing.iter().filter(|n| !listed.contains(n)).collect();
    let now_present: Vec<&String> = listed.iter().filter(|n| got.contains(n)).collect();
    assert!(
        unlisted.is_empty() && extra.is_empty() && now_present.is_empty(),
        "dir({what}): missing and not listed: {unlisted:?}; extra: {extra:?}; listed but present: {now_present:?}"
    );
}

#[test]
fn dir_builtins_matches_cpython() {
    compare_dir(
        "builtins",
        "import builtins; print('\\n'.join(dir(builtins)))",
    );
}

#[test]
fn dir_sys_matches_cpython() {
    compare_dir("sys", "import sys; print('\\n'.join(dir(sys)))");
}

/// A reader that goes away: the program gets BrokenPipeError and ends promptly.
#[test]
fn closed_stdout_raises_broken_pipe() {
    let mut child = command(&pyrun_bin())
        .args(["-c", "i = 0\nwhile True:\n    print(i)\n    i += 1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 2];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let start = Instant::now();
    let status = child.wait().unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(
        err.ends_with("line 3, in <module>\nBrokenPipeError: [Errno 32] Broken pipe\n"),
        "{err}"
    );
}

/// Opens a pseudo-terminal pair: (master, slave).
fn openpty() -> (std::fs::File, std::fs::File) {
    use std::os::fd::FromRawFd;
    let (mut m, mut s) = (0, 0);
    let r = unsafe {
        libc::openpty(
            &mut m,
            &mut s,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(r, 0, "openpty");
    unsafe { (std::fs::File::from_raw_fd(m), std::fs::File::from_raw_fd(s)) }
}

/// Reads from the terminal until `want` appears (or a time limit).
fn read_until(master: &mut std::fs::File, seen: &mut String, want: &str) {
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    while !seen.contains(want) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waiting for {want:?}, got {seen:?}"
        );
        match master.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => seen.push_str(&String::from_utf8_lossy(&buf[..n])),
        }
    }
}

#[test]
fn repl_on_a_terminal() {
    let (mut master, slave) = openpty();
    let mut child = command(&pyrun_bin())
        .arg("-q")
        .env("TERM", "dumb")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(slave)
        .spawn()
        .unwrap();
    let mut seen = String::new();
    read_until(&mut master, &mut seen, ">>> ");
    master.write_all(b"x = 6 * 7\r").unwrap();
    read_until(&mut master, &mut seen, ">>> ");
    master.write_all(b"x\r").unwrap();
    read_until(&mut master, &mut seen, "42");
    master.write_all(b"def f(n):\r").unwrap();
    read_until(&mut master, &mut seen, "... ");
    master.write_all(b"    return n + 1\r\r").unwrap();
    read_until(&mut master, &mut seen, ">>> ");
    master.write_all(b"f(x)\r").unwrap();
    read_until(&mut master, &mut seen, "43");
    master.write_all(b"1/0\r").unwrap();
    read_until(
        &mut master,
        &mut seen,
        "ZeroDivisionError: division by zero",
    );
    read_until(&mut master, &mut seen, ">>> ");
    master.write_all(b"import sys; sys.exit(5)\r").unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(5), "{seen}");
    assert!(
        seen.contains("  File \"<stdin>\", line 1, in <module>"),
        "{seen}"
    );
}
