//! A bounded run of the random differential program generator (`tests/fuzz/progen.py`):
//! fixed seeds, each program run by python3 and by pyrun with specialization on and off;
//! any difference, crash or hang fails the test with the minimised program's path.
//! Skipped when python3 is not installed. Long runs: see README ("Fuzzing").

use std::path::PathBuf;
use std::process::Command;

#[test]
fn generated_programs_match_cpython() {
    let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 not installed: generated-program check skipped");
        return;
    }
    let bin = std::env::var("PYRUN_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| ws.join("target/release/pyrun"));
    assert!(
        bin.exists(),
        "build pyrun first: cargo build --release -p pyrun"
    );
    let out_dir = std::env::temp_dir().join(format!("pyrun-progen-{}", std::process::id()));
    let out = Command::new("python3")
        .arg(ws.join("tests/fuzz/progen.py"))
        .args(["--count", "40", "--seed", "1", "--jobs", "2"])
        .args(["--flags", "", "--flags", "-X specialize=off"])
        // Tier 2 tracing every loop that runs twice: types change mid-loop in these.
        .args(["--flags", "-X jit=uops -X jit-threshold=1"])
        .arg("--pyrun")
        .arg(&bin)
        .arg("--out")
        .arg(&out_dir)
        .output()
        .expect("run progen.py");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&out_dir);
}
