//! `--plot FILE.svg`: the speed-up of every column over the first reference (the baseline
//! of a sweep) per program, a point per column with its bootstrap 95 % interval as an error
//! bar, and a line at 1 (no change). Speed-up = reference median / column median: above the
//! line is faster. Programs whose ratio is invalid have no point.

use super::report::ratio_of;
use super::{ms, Bench, Measured};
use plotters::prelude::*;
use std::io::Write;
use std::path::Path;

fn wall(m: &Measured) -> f64 {
    ms(m.wall)
}

/// One plotted point: program index, speed-up, interval of the speed-up.
type Point = (usize, f64, Option<(f64, f64)>);

/// The points of each plotted column against `r`: (column name, points).
fn series(b: &Bench, r: usize) -> Vec<(String, Vec<Point>)> {
    (0..b.interps.len())
        // A sweep plots its configurations (references would squash their scale).
        .filter(|&i| i != r && !(b.sweep && b.interps[i].kind == super::Kind::Reference))
        .map(|i| {
            let pts = b
                .programs
                .iter()
                .enumerate()
                .filter_map(|(k, p)| {
                    let w = ratio_of(p, i, r, wall)?;
                    (w.value > 0.0).then(|| {
                        let iv = w
                            .interval
                            .filter(|(lo, _)| *lo > 0.0)
                            .map(|(lo, hi)| (1.0 / hi, 1.0 / lo));
                        (k, 1.0 / w.value, iv)
                    })
                })
                .collect();
            (b.interps[i].name.clone(), pts)
        })
        .collect()
}

/// Renders the plot to an SVG string.
pub fn render(b: &Bench) -> Result<String, String> {
    let Some(&r) = b.refs.first() else {
        return Err("--plot needs columns to compare: a --sweep, a --variant or a --vs".into());
    };
    let data = series(b, r);
    let n = b.programs.len();
    let names: Vec<String> = b
        .programs
        .iter()
        .map(|p| p.label.strip_suffix(".py").unwrap_or(&p.label).to_string())
        .collect();
    let (mut lo, mut hi) = (1.0f64, 1.0f64);
    for (_, pts) in &data {
        for (_, v, iv) in pts {
            let (a, z) = iv.unwrap_or((*v, *v));
            lo = lo.min(a.min(*v));
            hi = hi.max(z.max(*v));
        }
    }
    let pad = ((hi - lo) * 0.08).max(0.02);
    let (lo, hi) = ((lo - pad).max(0.0), hi + pad);
    let width = (110 * n as u32).clamp(900, 2400);
    let legend_h = 44 + 20 * data.len() as u32;
    let height = 480 + legend_h;
    let base = super::report::ref_name(b, r);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let e = |e: DrawingAreaErrorKind<_>| format!("plot: {e}");
        root.fill(&WHITE).map_err(e)?;
        let (top, legend) = root.split_vertically(480);
        let caption = format!(
            "speed-up over {base} per program: median wall time, {} run(s), bars: 95% interval",
            b.runs
        );
        let mut chart = ChartBuilder::on(&top)
            .caption(caption, ("sans-serif", 18))
            .margin(12)
            .x_label_area_size(50)
            .y_label_area_size(60)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), lo..hi)
            .map_err(e)?;
        let label_of = |x: &f64| {
            let k = x.round();
            if (x - k).abs() < 1e-6 && k >= 0.0 && (k as usize) < n {
                names[k as usize].clone()
            } else {
                String::new()
            }
        };
        chart
            .configure_mesh()
            .x_labels(n.max(1))
            .x_label_formatter(&label_of)
            .disable_x_mesh()
            .y_desc(format!("{base} time / column time (> 1: faster)"))
            .draw()
            .map_err(e)?;
        chart
            .draw_series(LineSeries::new(
                vec![(-0.5, 1.0), (n as f64 - 0.5, 1.0)],
                BLACK.stroke_width(1),
            ))
            .map_err(e)?;
        let cols = data.len().max(1) as f64;
        for (s, (name, pts)) in data.iter().enumerate() {
            let color = Palette99::pick(s).to_rgba();
            // Spread the columns of one program across 60% of its slot.
            let x = |k: usize| k as f64 - 0.3 + 0.6 * (s as f64 + 0.5) / cols;
            chart
                .draw_series(pts.iter().filter_map(|(k, v, iv)| {
                    let (a, z) = (*iv)?;
                    Some(ErrorBar::new_vertical(
                        x(*k),
                        a,
                        *v,
                        z,
                        color.stroke_width(2),
                        8,
                    ))
                }))
                .map_err(e)?;
            chart
                .draw_series(
                    pts.iter()
                        .map(|(k, v, _)| Circle::new((x(*k), *v), 4, color.filled())),
                )
                .map_err(e)?;
            // The legend, one line per column, under the chart.
            let y = 14 + 20 * s as i32;
            legend
                .draw(&Circle::new((80, y), 5, color.filled()))
                .map_err(e)?;
            legend
                .draw(&Text::new(name.as_str(), (95, y - 7), ("sans-serif", 14)))
                .map_err(e)?;
        }
        if b.interps[r].name != base {
            let y = 14 + 20 * data.len() as i32;
            let text = format!("base = {}", b.interps[r].name);
            legend
                .draw(&Text::new(text, (72, y - 7), ("sans-serif", 14)))
                .map_err(e)?;
        }
        root.present().map_err(e)?;
    }
    Ok(svg)
}

/// Writes the plot to `file` (already created at `path`).
pub fn write(b: &Bench, path: &Path, mut file: std::fs::File) -> Result<(), String> {
    let svg = render(b)?;
    file.write_all(svg.as_bytes())
        .map_err(|e| format!("can't write {}: {e}", path.display()))
}
