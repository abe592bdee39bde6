//! Running out of memory is a Python MemoryError, never a Rust abort: programs that grow
//! without end run under `ulimit -v` and must end with CPython's report (exit 1, last
//! stderr line `MemoryError`).

use std::path::PathBuf;
use std::process::Command;

fn pyrun_bin() -> PathBuf {
    if let Ok(p) = std::env::var("PYRUN_BIN") {
        return PathBuf::from(p);
    }
    let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    for profile in ["release", "debug"] {
        let p = ws.join("target").join(profile).join("pyrun");
        if p.exists() {
            return p;
        }
    }
    panic!("pyrun binary not found: run `cargo build --release -p pyrun` first");
}

const GROWERS: &[&str] = &[
    "a = []\nwhile True: a.append(1)",
    "a = [0]\nwhile True: a = a + a",
    "a = [0]\nwhile True: a += a",
    "a = [0]\nwhile True: a = a * 2",
    "s = 'ab'\nwhile True: s = s + s",
    "s = 'ab'\nwhile True: s += s",
    "b = b'ab'\nwhile True: b = b * 2",
    "d = {}\ni = 0\nwhile True:\n    d[i] = i\n    i += 1",
    "s = set()\ni = 0\nwhile True:\n    s.add(i)\n    i += 1",
    "x = [i for i in range(10**12)]",
    "x = list(range(2**40))",
    "x = 'x' * 2**32",
    "x = 1 << 2**36",
    "x = 7 ** 2**36",
];

#[test]
fn growth_past_the_memory_limit_is_memory_error() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let bin = pyrun_bin();
    let mut failures = vec![];
    for src in GROWERS {
        let out = Command::new("sh")
            .arg("-c")
            .arg("ulimit -v 1200000; exec \"$0\" -c \"$1\"")
            .arg(&bin)
            .arg(src)
            .output()
            .expect("run sh");
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        if out.status.code() != Some(1) || last != "MemoryError" {
            failures.push(format!(
                "{src:?}: exit {:?}, last stderr line {last:?}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
