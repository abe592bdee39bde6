//! What `pyrun bench` prints (header, check findings, the table) and the `--json` document.

use super::json::Json;
use super::{ms, Bench, Measured, ProgramResult};
use std::fmt::Write;

/// The machine the numbers come from.
pub struct Machine {
    pub nproc: usize,
    pub uname: String,
    pub cpu: Option<String>,
    /// The 1-minute load average when the run started (Linux).
    pub load: Option<f64>,
}

impl Machine {
    pub fn detect() -> Machine {
        let nproc = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let cpu = std::fs::read_to_string("/proc/cpuinfo").ok().and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        });
        let load = std::fs::read_to_string("/proc/loadavg")
            .ok()
            .and_then(|t| t.split_whitespace().next()?.parse().ok());
        Machine {
            nproc,
            uname: uname(),
            cpu,
            load,
        }
    }

    /// "Linux 6.1.0 x86_64": system, release and architecture without the build string.
    fn short_uname(&self) -> String {
        let w: Vec<&str> = self.uname.split(' ').collect();
        match (w.first(), w.get(1), w.last()) {
            (Some(s), Some(r), Some(m)) if w.len() >= 4 => format!("{s} {r} {m}"),
            _ => self.uname.clone(),
        }
    }
}

/// `uname -srvm`.
fn uname() -> String {
    // SAFETY: `utsname` is a plain C struct the kernel fills with NUL-terminated strings.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    if unsafe { libc::uname(&mut u) } != 0 {
        return "unknown".to_string();
    }
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        String::from_utf8_lossy(&bytes).to_string()
    };
    format!(
        "{} {} {} {}",
        field(&u.sysname),
        field(&u.release),
        field(&u.version),
        field(&u.machine)
    )
}

fn command_line(argv: &[std::ffi::OsString]) -> String {
    argv.iter()
        .map(|a| a.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Settings, machine, interpreters and skipped references.
pub fn header(b: &Bench) -> String {
    let mut s = String::new();
    let warm = if b.warmup > 0 {
        format!(" after {} warm-up round(s)", b.warmup)
    } else {
        String::new()
    };
    let _ = writeln!(
        s,
        "pyrun bench: {} timed run(s) per interpreter per program{warm}, fresh processes, \
         interpreters alternating within each round",
        b.runs
    );
    let _ = writeln!(
        s,
        "machine: {} cores, {}{}",
        b.machine.nproc,
        b.machine.short_uname(),
        b.machine
            .cpu
            .as_ref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default()
    );
    if let Some(load) = b
        .machine
        .load
        .filter(|&l| l > b.machine.nproc as f64 * 0.75)
    {
        let _ = writeln!(
            s,
            "note: load average {load:.1} on {} cores: wall times include waiting for a CPU; \
             user times are less affected",
            b.machine.nproc
        );
    }
    let width = b.interps.iter().map(|i| i.name.len()).max().unwrap_or(0);
    for it in &b.interps {
        let _ = write!(
            s,
            "  {:width$}  {}  [{}]",
            it.name,
            command_line(&it.argv),
            it.version
        );
        if let Some(n) = &it.note {
            let _ = write!(s, " ({n})");
        }
        s.push('\n');
    }
    for (given, why) in &b.skipped {
        let _ = writeln!(s, "{given}: {why}, skipped");
    }
    s
}

/// The outcome of the check runs.
pub fn findings(b: &Bench) -> String {
    let all: Vec<&String> = b.programs.iter().flat_map(|p| &p.findings).collect();
    if all.is_empty() {
        return format!(
            "check: outputs agree ({} program(s) x {} interpreter(s))\n",
            b.programs.len(),
            b.interps.len()
        );
    }
    let mut s = format!(
        "check: {} problem(s); the affected ratios are marked invalid and left out of the means\n",
        all.len()
    );
    for f in all {
        let _ = writeln!(s, "  {f}");
    }
    s
}

fn fmt_num(v: Option<f64>) -> String {
    match v {
        Some(x) if x >= 100.0 => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
        None => "-".to_string(),
    }
}

fn fmt_ratio(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// The ratio cell of row `i` against reference `r` for one program.
fn ratio_cell(p: &ProgramResult, i: usize, r: usize) -> String {
    if i == r {
        return "-".to_string();
    }
    match p.ratio(i, r, |m| ms(m.wall)) {
        None => "-".to_string(),
        Some(_) if !p.comparable(i, r) => "invalid".to_string(),
        Some(v) => fmt_ratio(v),
    }
}

/// Geometric mean of the valid wall ratios of `i` against `r`: (mean, programs used).
fn geomean(
    b: &Bench,
    i: usize,
    r: usize,
    f: impl Fn(&Measured) -> f64 + Copy,
) -> (Option<f64>, usize) {
    let logs: Vec<f64> = b
        .programs
        .iter()
        .filter(|p| p.comparable(i, r))
        .filter_map(|p| p.ratio(i, r, f))
        .filter(|v| *v > 0.0)
        .map(f64::ln)
        .collect();
    if logs.is_empty() {
        return (None, 0);
    }
    let n = logs.len();
    (Some((logs.iter().sum::<f64>() / n as f64).exp()), n)
}

/// The results table: medians per program and interpreter, ratios, geometric means.
pub fn table(b: &Bench) -> String {
    let mut head = vec![
        "program".to_string(),
        "interpreter".into(),
        "wall ms".into(),
        "user ms".into(),
        "RSS MiB".into(),
    ];
    head.extend(b.refs.iter().map(|&r| format!("/{}", b.interps[r].name)));
    head.push("note".into());
    let mut rows: Vec<Option<Vec<String>>> = vec![Some(head)];
    for p in &b.programs {
        for (i, it) in b.interps.iter().enumerate() {
            let mut label = String::new();
            if i == 0 {
                label = p.label.clone();
                if !p.args.is_empty() {
                    label = format!("{label} {}", p.args.join(" "));
                }
            }
            let mut row = vec![
                label,
                it.name.clone(),
                fmt_num(p.wall_ms(i)),
                fmt_num(p.user_ms(i)),
                fmt_num(p.median(i, |m| m.max_rss_kib as f64 / 1024.0)),
            ];
            row.extend(b.refs.iter().map(|&r| ratio_cell(p, i, r)));
            row.push(
                p.problem[i]
                    .clone()
                    .or_else(|| p.remark[i].clone())
                    .unwrap_or_default(),
            );
            rows.push(Some(row));
        }
    }
    let mut partial = false;
    if !b.refs.is_empty() {
        rows.push(None);
        let n = b.programs.len();
        for (i, it) in b.interps.iter().enumerate() {
            if b.refs == [i] {
                continue;
            }
            let mut row = vec![
                "geomean".to_string(),
                it.name.clone(),
                String::new(),
                String::new(),
                String::new(),
            ];
            for &r in &b.refs {
                row.push(match geomean(b, i, r, |m| ms(m.wall)) {
                    _ if i == r => "-".to_string(),
                    (None, _) => {
                        partial = true;
                        "-".to_string()
                    }
                    (Some(g), k) => {
                        partial |= k < n;
                        if k < n {
                            format!("{} ({k}/{n})", fmt_ratio(g))
                        } else {
                            fmt_ratio(g)
                        }
                    }
                });
            }
            row.push(String::new());
            rows.push(Some(row));
        }
    }
    let ncols = rows[0].as_ref().map_or(0, Vec::len);
    let mut width = vec![0; ncols];
    for row in rows.iter().flatten() {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::from(
        "\nmedians; /REF columns = the row's median wall time / REF's (> 1: the row is slower than REF)\n",
    );
    let total: usize = width.iter().sum::<usize>() + 2 * (ncols - 1);
    for row in &rows {
        let Some(row) = row else {
            let _ = writeln!(s, "{}", "-".repeat(total - width[ncols - 1]));
            continue;
        };
        let mut line = String::new();
        for (k, (c, w)) in row.iter().zip(&width).enumerate() {
            if k > 0 {
                line.push_str("  ");
            }
            let pad = w - c.chars().count();
            if k < 2 || k == ncols - 1 {
                line.push_str(c);
                line.push_str(&" ".repeat(pad));
            } else {
                line.push_str(&" ".repeat(pad));
                line.push_str(c);
            }
        }
        let _ = writeln!(s, "{}", line.trim_end());
    }
    if partial {
        s.push_str("geomean (k/n): over the k of n programs whose ratio is valid\n");
    }
    s
}

fn duration_ms(d: std::time::Duration) -> Json {
    Json::Num(ms(d))
}

fn status_json(st: &super::Status) -> (Json, Json) {
    let code = match st {
        super::Status::Exited(c) => Json::Int(*c as i64),
        _ => Json::Null,
    };
    (code, Json::str(st.describe()))
}

/// The `--json` document: settings, machine, interpreters, every sample, medians, ratios.
pub fn json(b: &Bench) -> Json {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let interps = b
        .interps
        .iter()
        .map(|it| {
            Json::obj(vec![
                ("name", Json::str(&it.name)),
                ("kind", Json::str(it.kind.as_str())),
                (
                    "command",
                    Json::Arr(
                        it.argv
                            .iter()
                            .map(|a| Json::str(a.to_string_lossy()))
                            .collect(),
                    ),
                ),
                ("version", Json::str(&it.version)),
                ("note", it.note.as_ref().map_or(Json::Null, Json::str)),
            ])
        })
        .collect();
    let skipped = b
        .skipped
        .iter()
        .map(|(g, why)| {
            Json::obj(vec![
                ("interpreter", Json::str(g)),
                ("reason", Json::str(why)),
            ])
        })
        .collect();
    let programs = b.programs.iter().map(|p| program_json(b, p)).collect();
    let mut means = Vec::new();
    for i in 0..b.interps.len() {
        for &r in &b.refs {
            if i == r {
                continue;
            }
            let (wall, k) = geomean(b, i, r, |m| ms(m.wall));
            let (user, _) = geomean(b, i, r, |m| ms(m.user));
            means.push(Json::obj(vec![
                ("interpreter", Json::str(&b.interps[i].name)),
                ("reference", Json::str(&b.interps[r].name)),
                ("wall", Json::opt_num(wall)),
                ("user", Json::opt_num(user)),
                ("programs", Json::Int(k as i64)),
                ("of", Json::Int(b.programs.len() as i64)),
            ]));
        }
    }
    Json::obj(vec![
        ("format", Json::str("pyrun-bench/1")),
        ("time_unix", Json::Int(now)),
        (
            "machine",
            Json::obj(vec![
                ("nproc", Json::Int(b.machine.nproc as i64)),
                ("uname", Json::str(&b.machine.uname)),
                ("cpu", b.machine.cpu.as_ref().map_or(Json::Null, Json::str)),
                ("loadavg_1min", Json::opt_num(b.machine.load)),
            ]),
        ),
        (
            "settings",
            Json::obj(vec![
                ("runs", Json::Int(b.runs as i64)),
                ("warmup", Json::Int(b.warmup as i64)),
                (
                    "timeout_s",
                    Json::opt_num(b.timeout.map(|t| t.as_secs_f64())),
                ),
                (
                    "ratio",
                    Json::str("interpreter median / reference median; > 1 = slower"),
                ),
            ]),
        ),
        ("interpreters", Json::Arr(interps)),
        ("skipped", Json::Arr(skipped)),
        ("programs", Json::Arr(programs)),
        ("geomean", Json::Arr(means)),
    ])
}

fn program_json(b: &Bench, p: &ProgramResult) -> Json {
    let results = b
        .interps
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let c = &p.check[i];
            let (code, status) = status_json(&c.status);
            let check = Json::obj(vec![
                ("exit_code", code),
                ("status", status),
                ("wall_ms", duration_ms(c.wall)),
                ("stdout_bytes", Json::Int(c.stdout.len() as i64)),
            ]);
            let samples = p.samples[i]
                .iter()
                .map(|m| {
                    let (code, status) = status_json(&m.status);
                    Json::obj(vec![
                        ("round", Json::Int(m.round as i64)),
                        ("warmup", Json::Bool(m.warmup)),
                        ("wall_ms", duration_ms(m.wall)),
                        ("user_ms", duration_ms(m.user)),
                        ("sys_ms", duration_ms(m.sys)),
                        ("max_rss_kib", Json::Int(m.max_rss_kib as i64)),
                        ("exit_code", code),
                        ("status", status),
                    ])
                })
                .collect();
            let median = Json::obj(vec![
                ("wall_ms", Json::opt_num(p.wall_ms(i))),
                ("user_ms", Json::opt_num(p.user_ms(i))),
                ("sys_ms", Json::opt_num(p.median(i, |m| ms(m.sys)))),
                (
                    "max_rss_kib",
                    Json::opt_num(p.median(i, |m| m.max_rss_kib as f64)),
                ),
            ]);
            Json::obj(vec![
                ("interpreter", Json::str(&it.name)),
                ("check", check),
                (
                    "problem",
                    p.problem[i]
                        .as_ref()
                        .or(p.remark[i].as_ref())
                        .map_or(Json::Null, Json::str),
                ),
                ("median", median),
                ("samples", Json::Arr(samples)),
            ])
        })
        .collect();
    let mut ratios = Vec::new();
    for i in 0..b.interps.len() {
        for &r in &b.refs {
            if i != r {
                ratios.push(Json::obj(vec![
                    ("interpreter", Json::str(&b.interps[i].name)),
                    ("reference", Json::str(&b.interps[r].name)),
                    ("wall", Json::opt_num(p.ratio(i, r, |m| ms(m.wall)))),
                    ("user", Json::opt_num(p.ratio(i, r, |m| ms(m.user)))),
                    ("valid", Json::Bool(p.comparable(i, r))),
                ]));
            }
        }
    }
    Json::obj(vec![
        ("program", Json::str(p.path.display().to_string())),
        ("label", Json::str(&p.label)),
        ("args", Json::Arr(p.args.iter().map(Json::str).collect())),
        (
            "findings",
            Json::Arr(p.findings.iter().map(Json::str).collect()),
        ),
        ("results", Json::Arr(results)),
        ("ratios", Json::Arr(ratios)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(fmt_ratio(1.234), "1.23");
        assert_eq!(fmt_ratio(123.4), "123");
        assert_eq!(fmt_num(Some(12.34)), "12.3");
        assert_eq!(fmt_num(None), "-");
        assert!(uname().len() > 3);
    }
}
