//! The builtin sweep: every builtin function, every public method of the builtin types
//! (through the type and bound), every public function of the native modules, called with
//! wrong types, wrong arities and an unknown keyword (tests/sweep/cases.py). Each line of
//! outcomes must equal CPython's, recorded by `python3 tests/sweep/record.py` into
//! tests/sweep/expected.txt; no call may panic or abort. Lines listed in
//! known_differences.txt are expected to differ.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn builtins_reject_bad_arguments_as_cpython() {
    let ws = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let dir = ws.join("tests/sweep");
    let bin = std::env::var("PYRUN_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|_| ws.join("target/release/pyrun"));
    let out = Command::new(&bin)
        .arg("run.py")
        .arg("expected.txt")
        .current_dir(&dir)
        .output()
        .expect("run pyrun");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "pyrun failed: {stderr}");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).unwrap();
    let got = String::from_utf8_lossy(&out.stdout).to_string();
    let known = std::fs::read_to_string(dir.join("known_differences.txt")).unwrap();
    let known: Vec<&str> = known
        .lines()
        .filter_map(|l| l.split('#').next().map(str::trim))
        .filter(|l| !l.is_empty())
        .collect();
    let (mut bad, mut fixed) = (vec![], vec![]);
    let exp_lines: Vec<&str> = expected.lines().collect();
    let got_lines: Vec<&str> = got.lines().collect();
    assert_eq!(exp_lines.len(), got_lines.len(), "{got}");
    for (e, g) in exp_lines.iter().zip(&got_lines) {
        let label = e.split(' ').next().unwrap();
        match (e == g, known.contains(&label)) {
            (false, false) => bad.push(format!("  expected: {e}\n  got:      {g}")),
            (true, true) => fixed.push(label),
            _ => {}
        }
    }
    assert!(
        bad.is_empty(),
        "{} sweep lines differ from CPython:\n{}",
        bad.len(),
        bad.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "now matching CPython, remove from known_differences.txt: {fixed:?}"
    );
}
