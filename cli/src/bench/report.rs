//! What `pyrun bench` prints (header, check findings, the table) and the `--json` document.

use super::json::Json;
use super::{ms, stats, Bench, Measured, ProgramResult};
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

    /// "2 cores, Linux 6.1.0 x86_64, CPU model".
    pub fn summary(&self) -> String {
        format!(
            "{} cores, {}{}",
            self.nproc,
            self.short_uname(),
            self.cpu
                .as_ref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        )
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
    if b.sweep {
        let _ = writeln!(
            s,
            "sweep: {} configuration(s); base (the baseline) = {}",
            b.interps
                .iter()
                .filter(|i| i.kind != super::Kind::Reference)
                .count(),
            b.interps[0].name
        );
    }
    if !b.cores.is_empty() {
        let _ = writeln!(
            s,
            "{} timing stream(s), pinned to cpu {}",
            b.cores.len(),
            b.cores
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
    }
    for n in &b.notes {
        let _ = writeln!(s, "{n}");
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

pub(super) fn fmt_num(v: Option<f64>) -> String {
    match v {
        Some(x) if x >= 100.0 => format!("{x:.0}"),
        Some(x) => format!("{x:.1}"),
        None => "-".to_string(),
    }
}

pub(super) fn fmt_ratio(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn wall(m: &Measured) -> f64 {
    ms(m.wall)
}

fn cpu(m: &Measured) -> f64 {
    ms(m.cpu())
}

/// The ratio of row `i` to reference `r` for one program, with its interval; None when
/// not comparable (failed, output differs) or not timed.
pub(super) fn ratio_of(
    p: &ProgramResult,
    i: usize,
    r: usize,
    f: fn(&Measured) -> f64,
) -> Option<stats::Ratio> {
    if !p.comparable(i, r) {
        return None;
    }
    p.ratio_stats(i, r, f)
}

/// The cells of row `i` against reference `r`: ratio, interval, verdict, CPU ratio.
fn ratio_cells(p: &ProgramResult, i: usize, r: usize) -> [String; 4] {
    let dash = || "-".to_string();
    if i == r || p.ratio(i, r, wall).is_none() {
        return [dash(), dash(), dash(), dash()];
    }
    if !p.comparable(i, r) {
        return ["invalid".into(), dash(), dash(), dash()];
    }
    let w = ratio_of(p, i, r, wall);
    let c = ratio_of(p, i, r, cpu);
    [
        w.map_or_else(dash, |w| fmt_ratio(w.value)),
        w.and_then(|w| w.interval).map_or_else(dash, |(lo, hi)| {
            format!("{}-{}", fmt_ratio(lo), fmt_ratio(hi))
        }),
        w.map_or_else(dash, |w| w.verdict().as_str().to_string()),
        c.map_or_else(dash, |c| fmt_ratio(c.value)),
    ]
}

/// Geometric mean of the valid ratios of `i` against `r`: (mean, programs used).
pub(super) fn geomean(
    b: &Bench,
    i: usize,
    r: usize,
    f: impl Fn(&Measured) -> f64 + Copy,
) -> (Option<f64>, usize) {
    let v: Vec<f64> = b
        .programs
        .iter()
        .filter(|p| p.comparable(i, r))
        .filter_map(|p| p.ratio(i, r, f))
        .filter(|v| *v > 0.0)
        .collect();
    (stats::geomean(&v), v.len())
}

/// The relative spread (MAD / median) of `i`'s wall times when it is above stats::NOISY.
pub(super) fn noisy(p: &ProgramResult, i: usize) -> Option<f64> {
    stats::relative_spread(&p.values(i, wall)).filter(|s| *s > stats::NOISY)
}

/// A reference's name in column headers: `base` for a sweep's baseline (named in the header).
pub(super) fn ref_name(b: &Bench, r: usize) -> String {
    if b.sweep && r == 0 {
        "base".into()
    } else {
        b.interps[r].name.clone()
    }
}

/// The table as rows of cells (None: a separator line), the header first.
pub(super) fn rows(b: &Bench) -> Vec<Option<Vec<String>>> {
    let mut head = vec![
        "program".to_string(),
        "interpreter".into(),
        "wall ms".into(),
        "MAD".into(),
        "cpu ms".into(),
        "RSS MiB".into(),
    ];
    for &r in &b.refs {
        let n = &ref_name(b, r);
        head.extend([
            format!("/{n}"),
            "95% CI".into(),
            "sig".into(),
            format!("cpu/{n}"),
        ]);
    }
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
                fmt_num(stats::mad(&p.values(i, wall))),
                fmt_num(p.cpu_ms(i)),
                fmt_num(p.median(i, |m| m.max_rss_kib as f64 / 1024.0)),
            ];
            for &r in &b.refs {
                row.extend(ratio_cells(p, i, r));
            }
            let note = p.problem[i].clone().or_else(|| p.remark[i].clone());
            let note = note.or_else(|| {
                noisy(p, i).map(|s| format!("noisy: MAD {:.1}% of the median", s * 100.0))
            });
            row.push(note.unwrap_or_default());
            rows.push(Some(row));
        }
    }
    if b.refs.is_empty() {
        return rows;
    }
    rows.push(None);
    let n = b.programs.len();
    for (i, it) in b.interps.iter().enumerate() {
        if b.refs == [i] {
            continue;
        }
        let mut row = vec!["geomean".to_string(), it.name.clone()];
        row.extend(std::iter::repeat_n(String::new(), 4));
        let mut verdicts = [0usize; 3];
        for &r in &b.refs {
            if i == r {
                row.extend(std::iter::repeat_n("-".to_string(), 4));
                continue;
            }
            let mean = |f: fn(&Measured) -> f64| match geomean(b, i, r, f) {
                (None, _) => "-".to_string(),
                (Some(g), k) if k < n => format!("{} ({k}/{n})", fmt_ratio(g)),
                (Some(g), _) => fmt_ratio(g),
            };
            for p in b.programs.iter().filter(|_| r == b.refs[0]) {
                match ratio_of(p, i, r, wall).map(|w| w.verdict()) {
                    Some(stats::Verdict::Faster) => verdicts[0] += 1,
                    Some(stats::Verdict::Slower) => verdicts[1] += 1,
                    Some(stats::Verdict::NotSignificant) => verdicts[2] += 1,
                    _ => {}
                }
            }
            row.extend([mean(wall), String::new(), String::new(), mean(cpu)]);
        }
        let [f, s, ns] = verdicts;
        row.push(if f + s + ns > 0 {
            format!(
                "vs {}: {f} faster, {s} slower, {ns} not significant",
                ref_name(b, b.refs[0])
            )
        } else {
            String::new()
        });
        rows.push(Some(row));
    }
    rows
}

/// The results table: medians per program and interpreter, ratios with intervals and
/// verdicts, geometric means, then warnings (load, noisy measurements).
pub fn table(b: &Bench) -> String {
    let rows = rows(b);
    let ncols = rows[0].as_ref().map_or(0, Vec::len);
    let mut width = vec![0; ncols];
    for row in rows.iter().flatten() {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut s = String::from(
        "\nmedians of the timed runs; MAD = median absolute deviation of the wall times;\n\
         /REF = the row's median wall time / REF's (> 1: slower than REF), 95% CI = bootstrap \
         interval of that ratio,\nsig = faster/slower when the interval excludes 1 (~: not \
         significant, ?: fewer than 3 runs); cpu/REF = the same ratio of CPU times (user+sys)\n",
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
    if rows
        .iter()
        .flatten()
        .any(|r| r[0] == "geomean" && r.iter().any(|c| c.contains(" (")))
    {
        s.push_str("geomean (k/n): over the k of n programs whose ratio is valid\n");
    }
    s.push_str(&warnings(b));
    s
}

/// Warnings about the trustworthiness of the figures.
pub(super) fn warnings(b: &Bench) -> String {
    let mut s = String::new();
    let busy = b.machine.nproc as f64 * 0.75;
    let loads: Vec<f64> = [b.machine.load, b.load_after]
        .into_iter()
        .flatten()
        .collect();
    if let Some(max) = loads.iter().copied().filter(|l| *l > busy).reduce(f64::max) {
        let _ = writeln!(
            s,
            "warning: the machine was loaded (load average up to {max:.1} on {} cores): wall \
             times include waiting for a CPU; CPU times are less affected",
            b.machine.nproc
        );
    }
    let (mut noisy_n, mut total) = (0, 0);
    for p in &b.programs {
        for i in 0..b.interps.len() {
            if p.problem[i].is_none() && p.values(i, wall).len() > 1 {
                total += 1;
                noisy_n += noisy(p, i).is_some() as usize;
            }
        }
    }
    if noisy_n > 0 {
        let _ = writeln!(
            s,
            "warning: {noisy_n} of {total} measurement(s) vary by more than {:.0}% (MAD / \
             median), marked noisy: more runs (-n) or a quieter machine narrow the intervals",
            stats::NOISY * 100.0
        );
    }
    if !b.refs.is_empty() && (b.runs as usize) < stats::MIN_SAMPLES {
        let _ = writeln!(
            s,
            "note: intervals and significance need -n {} or more",
            stats::MIN_SAMPLES
        );
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
            let (cpu, _) = geomean(b, i, r, cpu);
            means.push(Json::obj(vec![
                ("interpreter", Json::str(&b.interps[i].name)),
                ("reference", Json::str(&b.interps[r].name)),
                ("wall", Json::opt_num(wall)),
                ("user", Json::opt_num(user)),
                ("cpu", Json::opt_num(cpu)),
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
                ("user_ms", Json::opt_num(p.median(i, |m| ms(m.user)))),
                ("cpu_ms", Json::opt_num(p.cpu_ms(i))),
                ("wall_ms_mad", Json::opt_num(stats::mad(&p.values(i, wall)))),
                (
                    "wall_ms_interval95",
                    match stats::median_interval(&p.values(i, wall)) {
                        Some((lo, hi)) => Json::Arr(vec![Json::Num(lo), Json::Num(hi)]),
                        None => Json::Null,
                    },
                ),
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
                    ("cpu", Json::opt_num(p.ratio(i, r, cpu))),
                    (
                        "wall_interval95",
                        match ratio_of(p, i, r, wall).and_then(|w| w.interval) {
                            Some((lo, hi)) => Json::Arr(vec![Json::Num(lo), Json::Num(hi)]),
                            None => Json::Null,
                        },
                    ),
                    (
                        "verdict",
                        ratio_of(p, i, r, wall)
                            .map_or(Json::Null, |w| Json::str(w.verdict().describe())),
                    ),
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
