//! `--markdown FILE` (the table as printed, in Markdown) and `--csv FILE` (one line per
//! program, column and reference, numbers at full precision).

use super::report::{self, ratio_of};
use super::{ms, stats, Bench, Measured};

fn wall(m: &Measured) -> f64 {
    ms(m.wall)
}

fn cpu(m: &Measured) -> f64 {
    ms(m.cpu())
}

/// The table of `report::rows` as a Markdown table, with the warnings after it.
pub fn markdown(b: &Bench) -> String {
    let rows = report::rows(b);
    let esc = |c: &str| c.replace('|', "\\|");
    let mut s = String::new();
    for (k, row) in rows.iter().flatten().enumerate() {
        s.push('|');
        for c in row {
            s.push(' ');
            s.push_str(&esc(c));
            s.push_str(" |");
        }
        s.push('\n');
        if k == 0 {
            s.push('|');
            for (j, _) in row.iter().enumerate() {
                // Names and notes left, numbers right.
                s.push_str(if j < 2 || j == row.len() - 1 {
                    " --- |"
                } else {
                    " ---: |"
                });
            }
            s.push('\n');
        }
    }
    let w = report::warnings(b);
    if !w.is_empty() {
        s.push('\n');
        for line in w.lines() {
            s.push_str(&format!("{line}  \n"));
        }
    }
    s
}

fn field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x}")).unwrap_or_default()
}

/// CSV: program, args, interpreter, medians and spread, then (per reference, one line each;
/// a single line with empty reference fields when there are none) ratios, interval, verdict.
pub fn csv(b: &Bench) -> String {
    let mut s = String::from(
        "program,args,interpreter,runs,wall_ms_median,wall_ms_mad,cpu_ms_median,\
         max_rss_kib_median,reference,wall_ratio,wall_ratio_ci95_low,wall_ratio_ci95_high,\
         verdict,cpu_ratio,problem\n",
    );
    for p in &b.programs {
        for (i, it) in b.interps.iter().enumerate() {
            let base = [
                field(&p.path.display().to_string()),
                field(&p.args.join(" ")),
                field(&it.name),
                p.values(i, wall).len().to_string(),
                num(p.wall_ms(i)),
                num(stats::mad(&p.values(i, wall))),
                num(p.cpu_ms(i)),
                num(p.median(i, |m| m.max_rss_kib as f64)),
            ]
            .join(",");
            let problem = field(
                p.problem[i]
                    .as_deref()
                    .or(p.remark[i].as_deref())
                    .unwrap_or(""),
            );
            let refs: Vec<usize> = b.refs.iter().copied().filter(|&r| r != i).collect();
            if refs.is_empty() {
                s.push_str(&format!("{base},,,,,,,{problem}\n"));
            }
            for r in refs {
                let w = ratio_of(p, i, r, wall);
                let c = ratio_of(p, i, r, cpu);
                let (lo, hi) = match w.and_then(|w| w.interval) {
                    Some((lo, hi)) => (Some(lo), Some(hi)),
                    None => (None, None),
                };
                s.push_str(&format!(
                    "{base},{},{},{},{},{},{},{problem}\n",
                    field(&b.interps[r].name),
                    num(w.map(|w| w.value)),
                    num(lo),
                    num(hi),
                    w.map(|w| w.verdict().describe()).unwrap_or(""),
                    num(c.map(|c| c.value)),
                ));
            }
        }
    }
    s
}
