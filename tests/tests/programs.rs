//! Runs every program under `tests/programs/` and `benches/programs/` through `pyrun` and
//! compares stdout, exit code and the whole stderr (the programs' directory written as
//! `<dir>`) with CPython's recorded output.
//!
//! The binary is `$PYRUN_BIN`, else `target/release/pyrun`, else `target/debug/pyrun`
//! (README's test command builds it first). `$PYRUN_BIN` may be a wrapper script, e.g. one
//! running an AArch64 build under `qemu-aarch64` (README: "Building and testing for
//! AArch64"); the expected stdout is then `NAME.aarch64.out` where that file exists.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn pyrun_bin() -> PathBuf {
    if let Ok(p) = std::env::var("PYRUN_BIN") {
        return PathBuf::from(p);
    }
    let ws = workspace();
    for profile in ["release", "debug"] {
        let p = ws.join("target").join(profile).join("pyrun");
        if p.exists() {
            return p;
        }
    }
    panic!("pyrun binary not found: run `cargo build --release -p pyrun` first (or set PYRUN_BIN)");
}

struct Outcome {
    stdout: Vec<u8>,
    code: i32,
    stderr: String,
    timed_out: bool,
}

/// Runs `pyrun` on a program with a time limit (seconds).
fn run(bin: &Path, dir: &Path, file: &str, args: &[&str], extra: &[&str], limit: u64) -> Outcome {
    let mut child = Command::new(bin)
        .args(extra)
        .arg(file)
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyrun");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).ok();
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).ok();
        v
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(limit) {
            let _ = child.kill();
            timed_out = true;
            break child.wait().unwrap();
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = t_out.join().unwrap();
    let stderr = String::from_utf8_lossy(&t_err.join().unwrap()).to_string();
    let real = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let stderr = stderr.replace(&format!("{}/", real.display()), "<dir>/");
    Outcome {
        stdout,
        code: status.code().unwrap_or(-1),
        stderr,
        timed_out,
    }
}

fn diff_text(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..e.len().max(g.len()) {
        let (a, b) = (e.get(i), g.get(i));
        if a != b {
            out.push_str(&format!(
                "    line {}:\n      expected: {:?}\n      got:      {:?}\n",
                i + 1,
                a,
                b
            ));
            shown += 1;
            if shown >= 5 {
                out.push_str("    ...\n");
                break;
            }
        }
    }
    out
}

/// The machine the binary under test was built for ("x86_64", "aarch64"), from its
/// `sys.implementation._multiarch`; asked once per suite, so a binary run through a wrapper
/// (`qemu-aarch64`) answers for the emulated machine.
fn target_machine(bin: &Path) -> String {
    let out = Command::new(bin)
        .args(["-c", "import sys; print(sys.implementation._multiarch)"])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    assert!(
        out.status.success(),
        "{} -c 'import sys; ...' failed: {}",
        bin.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let triple = String::from_utf8_lossy(&out.stdout).trim().to_string();
    triple.split('-').next().unwrap_or_default().to_string()
}

/// The expected stdout of a program on `machine`: `NAME.MACHINE.out` where CPython prints
/// something else there (the C library's math functions differ in the last bit between
/// ISAs: CPython calls them as pyrun does), else `NAME.out`.
fn expected_stdout(dir: &Path, name: &str, machine: &str) -> Option<Vec<u8>> {
    std::fs::read(dir.join(format!("{name}.{machine}.out")))
        .or_else(|_| std::fs::read(dir.join(format!("{name}.out"))))
        .ok()
}

/// Tracebacks through CPython's Lib name its files where the machine keeps them
/// (`/usr/lib/python3.11/random.py`, a pyenv tree, ...): compare them as `<stdlib>/random.py`.
fn stdlib_paths_neutral(text: &str) -> String {
    text.lines()
        .map(|l| match (l.find("File \""), l.find("/python3.11/")) {
            (Some(f), Some(p)) if p > f => {
                format!("{}<stdlib>/{}", &l[..f + 6], &l[p + "/python3.11/".len()..])
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// Checks one program against its `.out` / `.exit` / `.err` files; returns a failure report.
fn check(
    bin: &Path,
    machine: &str,
    dir: &Path,
    name: &str,
    args: &[&str],
    extra: &[&str],
) -> Option<String> {
    let py = format!("{name}.py");
    let expected = expected_stdout(dir, name, machine)?;
    let exp_code: i32 = std::fs::read_to_string(dir.join(format!("{name}.exit")))
        .map(|s| s.trim().parse().unwrap())
        .unwrap_or(0);
    let exp_err = std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap_or_default();
    let o = run(bin, dir, &py, args, extra, 120);
    let mut report = String::new();
    if o.timed_out {
        report.push_str("  timed out\n");
    }
    if o.stdout != expected {
        report.push_str("  stdout differs:\n");
        report.push_str(&diff_text(
            &String::from_utf8_lossy(&expected),
            &String::from_utf8_lossy(&o.stdout),
        ));
    }
    if o.code != exp_code {
        report.push_str(&format!(
            "  exit code: expected {exp_code}, got {}\n",
            o.code
        ));
    }
    let (exp_err, got_err) = (
        stdlib_paths_neutral(&exp_err),
        stdlib_paths_neutral(&o.stderr),
    );
    if got_err != exp_err {
        report.push_str("  stderr differs:\n");
        report.push_str(&diff_text(&exp_err, &got_err));
    }
    if report.is_empty() {
        None
    } else {
        Some(format!(
            "{}/{py} {}:\n{report}",
            dir.file_name().unwrap().to_string_lossy(),
            extra.join(" ")
        ))
    }
}

/// Program names listed in `known_failures.txt` beside the programs (`name  # reason`).
fn known_failures(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.parent().unwrap().join("known_failures.txt"))
        .unwrap_or_default();
    let prefix = format!("{}/", dir.file_name().unwrap().to_string_lossy());
    text.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter_map(|l| l.strip_prefix(&prefix))
        .map(|l| l.trim_end_matches(".py").to_string())
        .collect()
}

fn programs_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".py"))
        .map(|n| n.trim_end_matches(".py").to_string())
        .filter(|n| dir.join(format!("{n}.out")).exists())
        .collect();
    names.sort();
    names
}

/// Runs all programs of `dir` on a small thread pool; panics with every mismatch.
fn run_suite(dir: &Path, args_for: fn(&str) -> Vec<&'static str>, extra: &[&'static str]) {
    let bin = pyrun_bin();
    let machine = target_machine(&bin);
    let names = programs_in(dir);
    assert!(!names.is_empty(), "no programs in {}", dir.display());
    let queue = Arc::new(Mutex::new(names.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let (q, f, bin, machine, dir) = (
                queue.clone(),
                failures.clone(),
                bin.clone(),
                machine.clone(),
                dir.to_path_buf(),
            );
            let extra = extra.to_vec();
            std::thread::spawn(move || loop {
                let Some(name) = q.lock().unwrap().pop() else {
                    break;
                };
                if let Some(r) = check(&bin, &machine, &dir, &name, &args_for(&name), &extra) {
                    f.lock().unwrap().push(r);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let failures = failures.lock().unwrap().clone();
    let known = known_failures(dir);
    let is_known = |r: &String| {
        known.iter().any(|k| {
            r.starts_with(&format!(
                "{}/{k}.py ",
                dir.file_name().unwrap().to_string_lossy()
            ))
        })
    };
    let (expected_fail, mut unexpected): (Vec<String>, Vec<String>) =
        failures.into_iter().partition(|r| is_known(r));
    for k in &known {
        if !expected_fail
            .iter()
            .any(|r| r.contains(&format!("/{k}.py ")))
            && names.contains(k)
        {
            unexpected.push(format!(
                "{k}.py is listed in known_failures.txt but now passes: remove it from the list\n"
            ));
        }
    }
    unexpected.sort();
    let passed = names.len() - expected_fail.len() - unexpected.len();
    println!(
        "{} ({machine}): {} programs, {} passed, {} failed (known, listed in known_failures.txt: {})",
        dir.display(),
        names.len(),
        passed,
        unexpected.len(),
        expected_fail.len()
    );
    if !unexpected.is_empty() {
        panic!(
            "{} of {} programs differ from CPython:\n{}",
            unexpected.len(),
            names.len(),
            unexpected.join("\n")
        );
    }
}

#[test]
fn test_programs_match_cpython() {
    run_suite(&workspace().join("tests/programs"), |_| vec![], &[]);
}

/// The size argument of a benchmark in the suite (benches/programs/test_args.txt).
fn bench_args(name: &str) -> Vec<&'static str> {
    let text = std::fs::read_to_string(workspace().join("benches/programs/test_args.txt"))
        .unwrap_or_default();
    for line in text.lines() {
        let mut parts = line.split('#').next().unwrap().split_whitespace();
        if let (Some(n), Some(arg)) = (parts.next(), parts.next()) {
            if n == name {
                return vec![Box::leak(arg.to_string().into_boxed_str())];
            }
        }
    }
    vec![]
}

#[test]
fn test_benches_match_cpython() {
    run_suite(&workspace().join("benches/programs"), bench_args, &[]);
}

/// The differential suite again with tier-1 quickening off: both must print what CPython
/// prints.
#[test]
fn test_programs_match_cpython_without_specialization() {
    run_suite(
        &workspace().join("tests/programs"),
        |_| vec![],
        &["-X", "specialize=off"],
    );
}

#[test]
fn test_benches_match_cpython_without_specialization() {
    run_suite(
        &workspace().join("benches/programs"),
        bench_args,
        &["-X", "specialize=off"],
    );
}

/// Tier 2 (uop interpreter) tracing as soon as possible: every loop that runs twice is
/// recorded, so nearly every trace and side exit is exercised.
#[test]
fn test_programs_match_cpython_with_uop_traces_at_threshold_1() {
    run_suite(
        &workspace().join("tests/programs"),
        |_| vec![],
        &[
            "-X",
            "jit=uops",
            "-X",
            "jit-threshold=1",
            "-X",
            "jit-check=on",
        ],
    );
}

#[test]
fn test_benches_match_cpython_with_uop_traces_at_threshold_1() {
    run_suite(
        &workspace().join("benches/programs"),
        bench_args,
        &[
            "-X",
            "jit=uops",
            "-X",
            "jit-threshold=1",
            "-X",
            "jit-check=on",
        ],
    );
}

/// Tier 2 at the default threshold (the traces users get).
#[test]
fn test_programs_match_cpython_with_uop_traces() {
    run_suite(
        &workspace().join("tests/programs"),
        |_| vec![],
        &["-X", "jit=uops"],
    );
}

#[test]
fn test_benches_match_cpython_with_uop_traces() {
    run_suite(
        &workspace().join("benches/programs"),
        bench_args,
        &["-X", "jit=uops"],
    );
}

/// Each optimizer pass turned off in turn (threshold 1): every pass must be optional, and
/// the others must stay right without it.
#[test]
fn test_programs_match_cpython_with_each_tier2_pass_off() {
    for pass in ["peel", "fold", "refcount", "dce"] {
        let off: &'static str = Box::leak(format!("opt.{pass}=off").into_boxed_str());
        run_suite(
            &workspace().join("tests/programs"),
            |_| vec![],
            &[
                "-X",
                "jit=uops",
                "-X",
                "jit-threshold=1",
                "-X",
                "jit-check=on",
                "-X",
                off,
            ],
        );
        run_suite(
            &workspace().join("benches/programs"),
            bench_args,
            &[
                "-X",
                "jit=uops",
                "-X",
                "jit-threshold=1",
                "-X",
                "jit-check=on",
                "-X",
                off,
            ],
        );
    }
}
