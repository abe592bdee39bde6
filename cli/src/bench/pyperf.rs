//! `--json FILE`: the results in pyperf's JSON format (version "1.0"), so that
//! `python3 -m pyperf stats FILE` and `python3 -m pyperf compare_to A B` read them.
//!
//! Each timed process is one pyperf run with one value (its wall time in seconds) and the
//! run's CPU times and peak RSS as metadata; warm-up processes are runs holding only a
//! warm-up value. FILE holds every column (benchmarks named `PROGRAM` when there is one
//! column, `PROGRAM:COLUMN` otherwise) and, under the key `pyrun` (which pyperf ignores),
//! pyrun's full report: check runs, failures, medians, ratios with intervals. With several
//! columns, each column is also written alone as `FILE-STEM.COLUMN.json` with benchmarks
//! named `PROGRAM`, the form `compare_to` matches by name.
//! Measurements that failed or printed something else are left out of the pyperf part.

use super::json::Json;
use super::report;
use super::{Bench, ProgramResult};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes FILE (already created as `file`) and the per-column files; returns their names.
pub fn write(b: &Bench, path: &Path, mut file: std::fs::File) -> Result<Vec<String>, String> {
    let all: Vec<usize> = (0..b.interps.len()).collect();
    let mut doc = suite(b, &all, b.interps.len() > 1);
    if let Json::Obj(pairs) = &mut doc {
        pairs.push(("pyrun".into(), report::json(b)));
    }
    file.write_all(doc.to_pretty().as_bytes())
        .map_err(|e| format!("can't write {}: {e}", path.display()))?;
    let mut written = vec![path.display().to_string()];
    if b.interps.len() > 1 {
        for (i, name) in column_files(b, path).into_iter().enumerate() {
            std::fs::write(&name, suite(b, &[i], false).to_pretty())
                .map_err(|e| format!("can't write {}: {e}", name.display()))?;
            written.push(name.display().to_string());
        }
    }
    Ok(written)
}

/// `out.json` → `out.COLUMN.json` per column (the name reduced to [A-Za-z0-9._-]).
fn column_files(b: &Bench, path: &Path) -> Vec<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "bench".into());
    let mut used: Vec<PathBuf> = Vec::new();
    for it in &b.interps {
        let safe: String = it
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut name = path.with_file_name(format!("{stem}.{safe}.json"));
        let mut k = 2;
        while used.contains(&name) || name == path {
            name = path.with_file_name(format!("{stem}.{safe}-{k}.json"));
            k += 1;
        }
        used.push(name);
    }
    used
}

/// The program's name in pyperf: the label without `.py`.
fn bench_name(p: &ProgramResult) -> String {
    p.label.strip_suffix(".py").unwrap_or(&p.label).to_string()
}

/// A pyperf suite of the columns `cols`; `qualify`: name benchmarks `PROGRAM:COLUMN`.
fn suite(b: &Bench, cols: &[usize], qualify: bool) -> Json {
    let mut meta = vec![
        ("unit", Json::str("second")),
        ("loops", Json::Int(1)),
        ("cpu_count", Json::Int(b.machine.nproc as i64)),
        ("platform", Json::str(b.machine.uname.trim())),
        ("date", Json::str(iso_date_now())),
        ("perf_version", Json::str("pyrun bench")),
    ];
    if let Some(cpu) = &b.machine.cpu {
        meta.push(("cpu_model_name", Json::str(cpu.trim())));
    }
    if let Some(load) = b.machine.load {
        meta.push(("load_avg_1min", Json::Num(load)));
    }
    let mut benchmarks = Vec::new();
    for p in &b.programs {
        for &i in cols {
            if p.problem[i].is_some() || p.remark[i].is_some() {
                continue;
            }
            let it = &b.interps[i];
            let runs: Vec<Json> = p.samples[i]
                .iter()
                .filter(|m| m.status.ok() && m.wall.as_secs_f64() > 0.0)
                .map(|m| {
                    let s = m.wall.as_secs_f64();
                    let mut run = Vec::new();
                    if m.warmup {
                        run.push((
                            "warmups",
                            Json::Arr(vec![Json::Arr(vec![Json::Int(1), Json::Num(s)])]),
                        ));
                    } else {
                        run.push(("values", Json::Arr(vec![Json::Num(s)])));
                    }
                    run.push((
                        "metadata",
                        Json::obj(vec![
                            ("command_max_rss", Json::Int(m.max_rss_kib as i64 * 1024)),
                            ("cpu_user_s", Json::Num(m.user.as_secs_f64())),
                            ("cpu_sys_s", Json::Num(m.sys.as_secs_f64())),
                            ("round", Json::Int(m.round as i64 + 1)),
                        ]),
                    ));
                    Json::obj(run)
                })
                .collect();
            if !runs
                .iter()
                .any(|r| matches!(r, Json::Obj(v) if v[0].0 == "values"))
            {
                continue;
            }
            let name = if qualify {
                format!("{}:{}", bench_name(p), it.name)
            } else {
                bench_name(p)
            };
            let command: Vec<String> = super::argv_for(it, &p.path, &p.args)
                .iter()
                .map(|a| a.to_string_lossy().to_string())
                .collect();
            let mut bm = vec![
                ("name", Json::str(name)),
                ("command", Json::str(command.join(" "))),
                ("interpreter", Json::str(&it.name)),
            ];
            if !it.version.trim().is_empty() {
                bm.push(("python_version", Json::str(it.version.trim())));
            }
            benchmarks.push(Json::obj(vec![
                ("metadata", Json::obj(bm)),
                ("runs", Json::Arr(runs)),
            ]));
        }
    }
    Json::obj(vec![
        ("version", Json::str("1.0")),
        ("metadata", Json::obj(meta)),
        ("benchmarks", Json::Arr(benchmarks)),
    ])
}

/// Now as `YYYY-MM-DD HH:MM:SS` (UTC), the form of pyperf's `date` metadata.
fn iso_date_now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    iso_date(secs)
}

/// Unix seconds → `YYYY-MM-DD HH:MM:SS` (proleptic Gregorian calendar, UTC).
pub fn iso_date(secs: i64) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Shift the epoch to 0000-03-01 so that a leap day ends each 4/100/400-year cycle.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + (month <= 2) as i64;
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date(0), "1970-01-01 00:00:00");
        assert_eq!(iso_date(951_782_400), "2000-02-29 00:00:00");
        assert_eq!(iso_date(1_709_251_199), "2024-02-29 23:59:59");
        assert_eq!(iso_date(-1), "1969-12-31 23:59:59");
    }
}
