//! `pyrun bench` end to end on a tiny program: the table's shape, the note for a missing
//! reference, the JSON report's keys, and the report of an output mismatch (a fake
//! "interpreter" that prints something else). No timing assertions: machines are noisy.
//!
//! The binary is `$PYRUN_BIN`, else `target/release/pyrun`, else `target/debug/pyrun`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// A scratch directory of this test process, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Scratch {
        let d = std::env::temp_dir().join(format!("pyrun-bench-cli-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }

    fn write(&self, name: &str, text: &str, executable: bool) {
        let p = self.0.join(name);
        std::fs::write(&p, text).unwrap();
        if executable {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    fn pyrun(&self, args: &[&str]) -> (i32, String, String) {
        let Output {
            status,
            stdout,
            stderr,
        } = Command::new(pyrun_bin())
            .args(args)
            .current_dir(&self.0)
            .output()
            .expect("run pyrun");
        (
            status.code().unwrap_or(-1),
            String::from_utf8_lossy(&stdout).to_string(),
            String::from_utf8_lossy(&stderr).to_string(),
        )
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The cell of `column` (a header name) in the first table row of `interp`.
fn cell<'a>(table: &'a [Vec<&'a str>], column: &str, interp: &str) -> &'a str {
    let head = &table[0];
    let k = head
        .iter()
        .position(|h| *h == column)
        .unwrap_or_else(|| panic!("no column {column}: {head:?}"));
    let row = table[1..]
        .iter()
        .find(|r| r.contains(&interp) && r[0] != "geomean")
        .unwrap_or_else(|| panic!("no row for {interp}"));
    // Rows of a program's second and later interpreters have no program cell.
    let at = row.iter().position(|c| *c == interp).unwrap();
    row[k + at - 1]
}

#[test]
fn bench_reports_table_skip_note_json_and_mismatch() {
    let s = Scratch::new("mismatch");
    s.write(
        "tiny.py",
        "import sys\nprint(sum(range(100)), sys.argv[1:])\n",
        false,
    );
    s.write("fakepy", "#!/bin/sh\necho something else\n", true);
    let json = s.0.join("out.json");
    let (code, out, err) = s.pyrun(&[
        "bench",
        "tiny.py",
        "-n",
        "1",
        "--vs",
        "python3",
        "--vs",
        "./fakepy",
        "--vs",
        "definitely-not-an-interpreter",
        "--json",
        json.to_str().unwrap(),
        "--",
        "3",
    ]);
    assert_eq!(
        code, 1,
        "a mismatch makes the exit status 1\nstdout:\n{out}\nstderr:\n{err}"
    );
    let has_python3 = !out.contains("python3: not found, skipped");
    assert!(
        out.contains("definitely-not-an-interpreter: not found, skipped"),
        "{out}"
    );
    if has_python3 {
        assert!(
            out.contains(
                "MISMATCH tiny.py: fakepy output differs from python3: line 1: \
                 python3 printed \"4950 ['3']\", fakepy printed \"something else\""
            ),
            "{out}"
        );
    } else {
        assert!(out.contains("MISMATCH tiny.py:"), "{out}");
    }

    // The table: a header row, one row per interpreter, geomean rows.
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("program "))
        .expect("table header");
    let table: Vec<Vec<&str>> = lines[start..]
        .iter()
        .take_while(|l| !l.is_empty())
        .filter(|l| !l.starts_with("---"))
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    let head = &table[0];
    for col in [
        "program",
        "interpreter",
        "wall ms",
        "user ms",
        "RSS MiB",
        "/fakepy",
        "note",
    ] {
        assert!(head.contains(&col), "column {col} missing: {head:?}");
    }
    assert!(lines[start + 1].starts_with("tiny.py 3"), "{out}");
    assert!(
        cell(&table, "wall ms", "pyrun").parse::<f64>().is_ok(),
        "{out}"
    );
    assert!(
        cell(&table, "RSS MiB", "pyrun").parse::<f64>().is_ok(),
        "{out}"
    );
    assert_eq!(cell(&table, "/fakepy", "pyrun"), "invalid", "{out}");
    assert!(
        table.iter().any(|r| r[0] == "geomean" && r[1] == "pyrun"),
        "{out}"
    );
    if has_python3 {
        assert!(head.contains(&"/python3"), "{head:?}");
        assert!(
            cell(&table, "/python3", "pyrun").parse::<f64>().is_ok(),
            "{out}"
        );
    }

    // The JSON report.
    let text = std::fs::read_to_string(&json).expect("json written");
    assert!(text.starts_with('{') && text.trim_end().ends_with('}'));
    for key in [
        "\"machine\"",
        "\"nproc\"",
        "\"uname\"",
        "\"settings\"",
        "\"interpreters\"",
        "\"version\"",
        "\"skipped\"",
        "\"programs\"",
        "\"samples\"",
        "\"wall_ms\"",
        "\"user_ms\"",
        "\"sys_ms\"",
        "\"max_rss_kib\"",
        "\"exit_code\"",
        "\"median\"",
        "\"ratios\"",
        "\"valid\"",
        "\"geomean\"",
    ] {
        assert!(text.contains(key), "JSON lacks {key}:\n{text}");
    }
    if has_python3 {
        // Let CPython's json module validate the document and its structure.
        let check = "import json,sys; d=json.load(open(sys.argv[1])); \
            p=d['programs'][0]; r={x['interpreter']: x for x in p['results']}; \
            assert [i['name'] for i in d['interpreters']] == ['pyrun', 'python3', 'fakepy'], d; \
            assert d['skipped'][0]['interpreter'] == 'definitely-not-an-interpreter'; \
            assert len(r['pyrun']['samples']) == 1 and r['pyrun']['samples'][0]['exit_code'] == 0; \
            assert d['interpreters'][1]['version'].startswith('Python 3'); \
            v={(x['interpreter'], x['reference']): x['valid'] for x in p['ratios']}; \
            assert v[('pyrun','python3')] and not v[('pyrun','fakepy')], v";
        let o = Command::new("python3")
            .args(["-c", check])
            .arg(&json)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

#[test]
fn bench_without_references_and_bad_input() {
    let s = Scratch::new("plain");
    s.write("ok.py", "print('ok')\n", false);
    let (code, out, _) = s.pyrun(&["bench", "ok.py", "-n", "2", "--variant", "again=--stats"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("check: outputs agree"), "{out}");
    // Without references, variants are compared with plain pyrun.
    assert!(
        out.lines()
            .any(|l| l.starts_with("program ") && l.contains("/pyrun")),
        "{out}"
    );

    let (code, _, err) = s.pyrun(&["bench", "missing.py"]);
    assert_eq!(code, 2);
    assert!(err.contains("can't open program 'missing.py'"), "{err}");
    let (code, _, err) = s.pyrun(&["bench", "ok.py", "-n", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("-n") || err.contains("--runs"), "{err}");
    let (code, _, err) = s.pyrun(&["bench", "ok.py", "--variant", "noequals"]);
    assert_eq!(code, 2);
    assert!(err.contains("NAME=FLAGS"), "{err}");

    // A timeout too large for a Duration is no limit (was a panic).
    let (code, out, err) = s.pyrun(&["bench", "ok.py", "-n", "1", "--timeout", "1e20"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!err.contains("panicked"), "{err}");

    // A program file named `bench` still runs when written as a path.
    s.write("bench", "print('the bench file')\n", false);
    let (code, out, _) = s.pyrun(&["./bench"]);
    assert_eq!((code, out.as_str()), (0, "the bench file\n"));
}
