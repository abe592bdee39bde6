//! The timed runs: per program, warm-up rounds then timed rounds, each round running every
//! interpreter once in column order (`A B C A B C ...`). Programs are timed one after
//! another, or with `-j N` in N streams pinned to distinct free cores (never two runs on
//! one core at once).

use super::run::{self, Status};
use super::{affinity, argv_for, Interp, Measured, ProgramResult};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// What a timing stream needs of one program (owned, so streams don't borrow the results).
struct Work {
    path: PathBuf,
    args: Vec<String>,
    label: String,
    /// Per interpreter: the check run's stdout if it succeeded (None: not timed).
    expected: Vec<Option<Vec<u8>>>,
}

/// The samples and problems found while timing one program.
struct Timed {
    samples: Vec<Vec<Measured>>,
    problem: Vec<Option<String>>,
}

fn time_one(
    interps: &[Interp],
    w: &Work,
    runs: u32,
    warmup: u32,
    timeout: Option<Duration>,
    progress: bool,
) -> Timed {
    let rounds = (warmup + runs) as usize;
    let mut t = Timed {
        samples: interps.iter().map(|_| Vec::new()).collect(),
        problem: vec![None; interps.len()],
    };
    for round in 0..rounds {
        for (i, it) in interps.iter().enumerate() {
            let Some(expected) = &w.expected[i] else {
                continue;
            };
            if progress {
                eprint!(
                    "\r\x1b[K{}: round {}/{rounds}, {}",
                    w.label,
                    round + 1,
                    it.name
                );
            }
            let s = run::run_once(&argv_for(it, &w.path, &w.args), timeout);
            if t.problem[i].is_none() {
                if !s.status.ok() {
                    t.problem[i] = Some(format!(
                        "failed in round {}: {}",
                        round + 1,
                        s.status.describe()
                    ));
                } else if &s.stdout != expected {
                    t.problem[i] = Some(format!("output changed in round {}", round + 1));
                }
            }
            t.samples[i].push(Measured {
                round,
                warmup: round < warmup as usize,
                wall: s.wall,
                user: s.user,
                sys: s.sys,
                max_rss_kib: s.max_rss_kib,
                status: s.status,
            });
        }
    }
    if progress {
        eprint!("\r\x1b[K");
    }
    t
}

fn apply(r: &mut ProgramResult, t: Timed) {
    r.samples = t.samples;
    for (have, found) in r.problem.iter_mut().zip(t.problem) {
        if have.is_none() {
            *have = found;
        }
    }
}

/// Times every program. `cores`: the cores of the `-j` streams (empty: one unpinned stream
/// in this thread). `on_done(programs, p)` is called in this thread as each program's
/// results are complete (in completion order).
#[allow(clippy::too_many_arguments)]
pub fn time_all(
    interps: &[Interp],
    programs: &mut [ProgramResult],
    runs: u32,
    warmup: u32,
    timeout: Option<Duration>,
    cores: &[usize],
    on_done: &mut dyn FnMut(&[ProgramResult], usize),
) {
    let work: Vec<Work> = programs
        .iter()
        .map(|r| Work {
            path: r.path.clone(),
            args: r.args.clone(),
            label: r.label.clone(),
            expected: r
                .check
                .iter()
                .map(|c| (c.status == Status::Exited(0)).then(|| c.stdout.clone()))
                .collect(),
        })
        .collect();
    if cores.is_empty() {
        let progress = std::io::stderr().is_terminal();
        for (p, w) in work.iter().enumerate() {
            let t = time_one(interps, w, runs, warmup, timeout, progress);
            apply(&mut programs[p], t);
            on_done(programs, p);
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel::<(usize, Timed)>();
    std::thread::scope(|scope| {
        for &core in cores {
            let (tx, next, work) = (tx.clone(), &next, &work);
            scope.spawn(move || {
                // Pinning can fail (e.g. a core taken offline): time unpinned then.
                if let Err(e) = affinity::pin_current_thread(core) {
                    eprintln!("pyrun bench: {e}; this timing stream is not pinned");
                }
                loop {
                    let p = next.fetch_add(1, Ordering::SeqCst);
                    let Some(w) = work.get(p) else { break };
                    let t = time_one(interps, w, runs, warmup, timeout, false);
                    if tx.send((p, t)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for (p, t) in rx {
            apply(&mut programs[p], t);
            on_done(programs, p);
        }
    });
}
