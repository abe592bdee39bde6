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
        "MAD",
        "cpu ms",
        "RSS MiB",
        "/fakepy",
        "95% CI",
        "sig",
        "cpu/fakepy",
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

    // The JSON report: pyperf's format, with pyrun's report under "pyrun".
    let text = std::fs::read_to_string(&json).expect("json written");
    assert!(text.starts_with('{') && text.trim_end().ends_with('}'));
    for key in [
        "\"benchmarks\"",
        "\"runs\"",
        "\"values\"",
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
        let check = "import json,sys; f=json.load(open(sys.argv[1])); d=f['pyrun']; \
            assert f['version'] == '1.0'; \
            assert sorted(b['metadata']['name'] for b in f['benchmarks']) == ['tiny:pyrun', 'tiny:python3'], f; \
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

/// The table parsed into cells (split on runs of two spaces), from its header to the blank
/// line after it; separator lines dropped.
fn parse_table(out: &str) -> Vec<Vec<&str>> {
    let lines: Vec<&str> = out.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("program "))
        .unwrap_or_else(|| panic!("no table in:\n{out}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.is_empty() && !l.starts_with("warning") && !l.starts_with("note"))
        .filter(|l| !l.starts_with("---"))
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect()
}

/// A python3 that can `import pyperf`, with the PYTHONPATH it needs: pyperf as installed,
/// else installed from PyPI into the target directory once. None (and a message) when
/// python3 is missing or PyPI can't be reached.
fn python_with_pyperf() -> Option<Option<PathBuf>> {
    let imports = |path: Option<&Path>| {
        let mut c = Command::new("python3");
        c.args(["-c", "import pyperf"]);
        if let Some(p) = path {
            c.env("PYTHONPATH", p);
        }
        c.output().is_ok_and(|o| o.status.success())
    };
    if imports(None) {
        return Some(None);
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pyperf");
    if imports(Some(&dir)) {
        return Some(Some(dir));
    }
    let o = Command::new("python3")
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--target",
        ])
        .arg(&dir)
        .arg("pyperf")
        .output();
    match o {
        Ok(o) if o.status.success() && imports(Some(&dir)) => Some(Some(dir)),
        Ok(o) => {
            eprintln!(
                "SKIPPED the pyperf check: pyperf could not be installed from PyPI: {}",
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
            );
            None
        }
        Err(e) => {
            eprintln!("SKIPPED the pyperf check: no python3 ({e})");
            None
        }
    }
}

#[test]
fn sweep_prints_intervals_and_writes_pyperf_json_markdown_csv_and_plot() {
    let s = Scratch::new("sweep");
    s.write(
        "loop.py",
        "t = 0\nfor i in range(20000):\n    t += i * 3 % 7\nprint(t)\n",
        false,
    );
    s.write(
        "other.py",
        "print(sorted(str(i) for i in range(500))[-3:])\n",
        false,
    );
    let (code, out, err) = s.pyrun(&[
        "bench",
        "loop.py",
        "other.py",
        "-n",
        "3",
        "--warmup",
        "1",
        "--sweep",
        "specialize=on,off",
        "--sweep",
        "superinstructions=on,off",
        "--json",
        "sw.json",
        "--markdown",
        "sw.md",
        "--csv",
        "sw.csv",
        "--plot",
        "sw.svg",
    ]);
    assert_eq!(code, 0, "stdout:\n{out}\nstderr:\n{err}");
    assert!(
        out.contains(
            "sweep: 4 configuration(s); base (the baseline) = specialize=on,superinstructions=on"
        ),
        "{out}"
    );
    let table = parse_table(&out);
    for col in [
        "wall ms", "MAD", "cpu ms", "/base", "95% CI", "sig", "cpu/base",
    ] {
        assert!(
            table[0].contains(&col),
            "column {col} missing: {:?}",
            table[0]
        );
    }
    let configs = [
        "specialize=on,superinstructions=on",
        "specialize=on,superinstructions=off",
        "specialize=off,superinstructions=on",
        "specialize=off,superinstructions=off",
    ];
    for c in &configs[1..] {
        let ratio = cell(&table, "/base", c);
        assert!(ratio.parse::<f64>().is_ok(), "{c}: {ratio}\n{out}");
        // The interval is "lo-hi"; the verdict one of three words, agreeing with it.
        let ci = cell(&table, "95% CI", c);
        let (lo, hi) = ci.split_once('-').unwrap_or_else(|| panic!("{ci}"));
        let (lo, hi): (f64, f64) = (lo.parse().unwrap(), hi.parse().unwrap());
        assert!(lo <= hi, "{ci}\n{out}");
        let sig = cell(&table, "sig", c);
        assert!(["faster", "slower", "~"].contains(&sig), "{sig}\n{out}");
        // (The cells are rounded to two decimals.)
        let ok = match sig {
            "faster" => hi <= 1.005,
            "slower" => lo >= 0.995,
            _ => lo <= 1.005 && hi >= 0.995,
        };
        assert!(ok, "{sig} vs {ci}\n{out}");
        assert!(cell(&table, "cpu/base", c).parse::<f64>().is_ok(), "{out}");
    }
    assert!(
        table
            .iter()
            .any(|r| r[0] == "geomean" && r.iter().any(|c| c.starts_with("vs base:"))),
        "{out}"
    );

    let md = std::fs::read_to_string(s.0.join("sw.md")).unwrap();
    assert!(
        md.starts_with("| program | interpreter | wall ms |"),
        "{md}"
    );
    assert!(
        md.lines()
            .nth(1)
            .unwrap()
            .starts_with("| --- | --- | ---: |"),
        "{md}"
    );
    let csv = std::fs::read_to_string(s.0.join("sw.csv")).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("program,args,interpreter,runs,wall_ms_median"),
        "{csv}"
    );
    // Two programs x (the base: one line, three configurations: one line per reference).
    assert_eq!(lines.len(), 1 + 2 * 4, "{csv}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("\"specialize=off,superinstructions=off\",3,")),
        "{csv}"
    );

    let svg = std::fs::read_to_string(s.0.join("sw.svg")).unwrap();
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    for c in &configs[1..] {
        assert!(svg.contains(c), "legend lacks {c}");
    }
    assert!(
        svg.contains("speed-up over base") && svg.contains(">\nloop\n<"),
        "{svg}"
    );

    // pyperf reads the JSON: the whole file and two columns compared by name.
    let Some(pythonpath) = python_with_pyperf() else {
        return;
    };
    let pyperf = |args: &[&str]| {
        let mut c = Command::new("python3");
        c.args(["-m", "pyperf"]).args(args).current_dir(&s.0);
        if let Some(p) = &pythonpath {
            c.env("PYTHONPATH", p);
        }
        let o = c.output().unwrap();
        let text = String::from_utf8_lossy(&o.stdout).to_string();
        assert!(
            o.status.success(),
            "pyperf {args:?}: {text}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        text
    };
    let stats = pyperf(&["stats", "sw.json"]);
    assert!(stats.contains("Number of benchmarks: 8"), "{stats}");
    assert!(
        stats.contains("loop:specialize=off,superinstructions=off"),
        "{stats}"
    );
    assert!(stats.contains("Number of run with values: 3"), "{stats}");
    let cmp = pyperf(&[
        "compare_to",
        "sw.specialize_on_superinstructions_on.json",
        "sw.specialize_off_superinstructions_off.json",
        "--table",
    ]);
    assert!(
        cmp.contains("Benchmark") || cmp.contains("not significant"),
        "{cmp}"
    );
}

#[test]
fn a_sweep_survives_crashes_hangs_and_bad_flags() {
    let s = Scratch::new("robust");
    s.write("ok.py", "print(sum(range(1000)))\n", false);
    s.write(
        "crash.py",
        "print('start')\nraise ValueError('boom')\n",
        false,
    );
    s.write("hang.py", "import time\ntime.sleep(60)\n", false);
    let (code, out, err) = s.pyrun(&[
        "bench",
        "ok.py",
        "crash.py",
        "hang.py",
        "-n",
        "3",
        "--timeout",
        "1",
        "--sweep",
        "specialize=on,off",
    ]);
    assert_eq!(code, 1, "failures make the exit status 1\n{out}\n{err}");
    assert!(
        out.contains("FAILED crash.py: specialize=on failed (exit 1): ValueError: boom"),
        "{out}"
    );
    assert!(
        out.contains("FAILED hang.py: specialize=off failed (timeout)"),
        "{out}"
    );
    let table = parse_table(&out);
    // ok.py was still timed and compared.
    let r = table
        .iter()
        .position(|r| r[0].starts_with("ok.py"))
        .unwrap();
    let row = &table[r + 1];
    assert_eq!(row[0], "specialize=off", "{out}");
    assert!(row[5].parse::<f64>().is_ok(), "{row:?}\n{out}");
    assert!(out.contains("geomean (k/n)"), "{out}");

    for (args, msg) in [
        (&["--sweep", "specialize"][..], "expected NAME=VALUE"),
        (&["--sweep", "a=1"][..], "at least two values"),
        (&["--one-at-a-time"][..], "needs at least one --sweep"),
        (&["--plot", "x.svg"][..], "--plot needs columns to compare"),
        (&["-j", "0"][..], "-j"),
    ] {
        let mut a = vec!["bench", "ok.py"];
        a.extend(args);
        let (code, _, err) = s.pyrun(&a);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(msg), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn one_at_a_time_all_passes_and_pinned_streams() {
    let s = Scratch::new("passes");
    s.write(
        "a.py",
        "print(len([i for i in range(3000) if i % 3]))\n",
        false,
    );
    s.write("b.py", "print(sum(x * x for x in range(3000)))\n", false);
    let (code, out, err) = s.pyrun(&[
        "bench",
        "a.py",
        "b.py",
        "-n",
        "2",
        "--sweep-all-passes",
        "-j",
        "2",
        "--sweep",
        "nosuchpass=on,off",
    ]);
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(
        out.contains("note: this pyrun ignores -X nosuchpass"),
        "{out}"
    );
    assert!(!out.contains("ignores -X specialize"), "{out}");
    let table = parse_table(&out);
    let names: Vec<&str> = table[1..5]
        .iter()
        .map(|r| if r[0].ends_with(".py") { r[1] } else { r[0] })
        .collect();
    assert_eq!(
        names,
        [
            "default",
            "nosuchpass=off",
            "specialize=off",
            "superinstructions=off"
        ],
        "{out}"
    );
    // Either two pinned streams, or a note that fewer cores were free.
    assert!(
        out.contains("2 timing stream(s), pinned to cpu")
            || out.contains("note: -j 2 asked for 2 free core(s)"),
        "{out}"
    );
}
