//! `pyrun bench`: times programs under pyrun (and flag variants of it) against reference
//! interpreters, in fresh processes, alternating interpreters within each round.
//!
//! Flow: resolve interpreters (a missing reference is skipped with a note; `--sweep` flags
//! expand into pyrun configurations) → one check run of every (program, interpreter) pair,
//! in parallel (rayon), comparing stdout → timed runs, `A B C A B C …` per program, in one
//! stream or `-j N` streams pinned to free cores (timing.rs) → the table with intervals and
//! verdicts (stats.rs) on stdout; optional pyperf JSON, Markdown, CSV and an SVG plot.
//! With `--daemon` the same work is done by `pyrun daemon` (crate::daemon).

pub mod affinity;
mod export;
mod json;
mod plot;
mod pyperf;
pub mod remote;
mod report;
mod run;
pub mod stats;
mod sweep;
mod timing;

use clap::Parser;
use rayon::prelude::*;
use run::{Sample, Status};
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "pyrun bench",
    about = "Time programs under pyrun against reference interpreters",
    after_help = "\
Every sample is a fresh process; within a round each interpreter runs once (A B C A B C ...).
Before timing, each interpreter runs each program once and the outputs are compared; a
mismatch or a failure is reported and marks that program's ratios invalid.
Ratios are row / reference median time: > 1 means the row is slower; the 95% interval is a
bootstrap over the rounds, and a ratio is significant (faster/slower) when it excludes 1.0.
Exit status: 0 when every check passed, 1 when some output differed or a run failed,
2 on bad usage. (To run a program file named `bench`, write `pyrun ./bench`.)

Examples:
  pyrun bench benches/programs/fib.py --vs python3 --vs pypy3 -n 5 -- 30
  pyrun bench benches/programs/*.py --vs python3 --args-from benches/programs/test_args.txt
  pyrun bench prog.py --variant nospec='-X specialize=off' --json out.json
  pyrun bench benches/programs/*.py --sweep specialize=on,off --sweep superinstructions=on,off \\
      --plot sweep.svg --json sweep.json
  pyrun bench --daemon benches/programs/fib.py -n 5     (run by `pyrun daemon`)

Subcommands: pyrun bench submit|status|results|history|compare ... (see `pyrun bench status -h`)."
)]
struct BenchCli {
    /// Python programs to time.
    #[arg(required = true, value_name = "PROGRAM")]
    programs: Vec<PathBuf>,

    /// Reference interpreter: a command name or path, optionally with flags
    /// ("python3", "/usr/bin/pypy3", "python3 -X dev"). Repeatable.
    #[arg(long = "vs", value_name = "INTERP")]
    vs: Vec<String>,

    /// Timed runs per interpreter per program.
    #[arg(short = 'n', long = "runs", value_name = "RUNS", default_value_t = 5,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    runs: u32,

    /// Untimed rounds before the timed ones (the check run already warms file caches).
    #[arg(long, value_name = "N", default_value_t = 0,
          value_parser = clap::value_parser!(u32).range(0..=100_000))]
    warmup: u32,

    /// Argument passed to every program (e.g. its size); repeatable. Arguments after `--`
    /// are passed too.
    #[arg(long = "arg", value_name = "VALUE", allow_hyphen_values = true)]
    arg: Vec<String>,

    /// File of per-program arguments, lines "NAME ARG..." (NAME: file name with or without
    /// .py; '#' starts a comment), like benches/programs/test_args.txt. Overrides --arg for
    /// the programs it lists.
    #[arg(long, value_name = "FILE")]
    args_from: Option<PathBuf>,

    /// Also time pyrun with extra flags, as a separate column: NAME=FLAGS, e.g.
    /// nospec='-X specialize=off'. Repeatable.
    #[arg(long = "variant", value_name = "NAME=FLAGS")]
    variants: Vec<String>,

    /// Write every sample, the medians, versions and machine details as JSON.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// The pyrun binary to time (default: this one).
    #[arg(long, value_name = "PATH")]
    pyrun: Option<PathBuf>,

    /// Kill a run after this many seconds (it counts as failed).
    #[arg(long, value_name = "SECS")]
    timeout: Option<f64>,

    /// Sweep a pyrun -X option over values, NAME=V1,V2,... (each value runs as -X NAME=V;
    /// the first is the baseline's). Several sweeps time every combination. Repeatable.
    #[arg(long = "sweep", value_name = "NAME=V1,V2")]
    sweep: Vec<String>,

    /// With --sweep: time the default configuration plus each value alone instead of every
    /// combination.
    #[arg(long)]
    one_at_a_time: bool,

    /// Time the default configuration plus each pass pyrun can switch off, turned off alone.
    #[arg(long)]
    sweep_all_passes: bool,

    /// Run N timing streams at once, each pinned to its own free core (fewer when fewer
    /// cores are free; a note says so).
    #[arg(short = 'j', long = "jobs", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..=1024))]
    jobs: Option<u32>,

    /// Write the table as Markdown.
    #[arg(long, value_name = "FILE")]
    markdown: Option<PathBuf>,

    /// Write one CSV line per program, interpreter and reference, with full precision.
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,

    /// Write an SVG plot: speed-up of every column over the baseline per program, with the
    /// 95% intervals.
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,

    /// Have the benchmark daemon (`pyrun daemon`) run this and print its report.
    #[arg(long)]
    daemon: bool,

    /// With --daemon: return once the job is queued (print its number) instead of waiting.
    #[arg(long, requires = "daemon")]
    no_wait: bool,

    /// The daemon's socket (default: $XDG_RUNTIME_DIR/pyrun/daemon.sock or
    /// /tmp/pyrun-$UID/daemon.sock).
    #[arg(long, value_name = "PATH")]
    socket: Option<PathBuf>,

    /// Arguments for every program.
    #[arg(last = true, value_name = "PROGRAM_ARGS")]
    program_args: Vec<String>,
}

/// What an interpreter column is.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Pyrun,
    Variant,
    Reference,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Pyrun => "pyrun",
            Kind::Variant => "variant",
            Kind::Reference => "reference",
        }
    }
}

/// One interpreter column.
struct Interp {
    name: String,
    kind: Kind,
    /// The executable followed by its flags (the program and its arguments come after).
    argv: Vec<OsString>,
    version: String,
    /// E.g. that a launcher was bypassed in favour of the interpreter's sys.executable.
    note: Option<String>,
}

/// One timed run.
#[derive(Clone)]
struct Measured {
    round: usize,
    warmup: bool,
    wall: Duration,
    user: Duration,
    sys: Duration,
    max_rss_kib: u64,
    status: Status,
}

impl Measured {
    /// CPU time of the child: user + system.
    fn cpu(&self) -> Duration {
        self.user + self.sys
    }
}

/// Everything measured for one program.
struct ProgramResult {
    path: PathBuf,
    label: String,
    args: Vec<String>,
    /// The check run of each interpreter.
    check: Vec<Sample>,
    /// The timed runs of each interpreter (warm-up rounds included, flagged).
    samples: Vec<Vec<Measured>>,
    /// Why an interpreter's numbers for this program are invalid (failed, output changed).
    problem: Vec<Option<String>>,
    /// Short per-interpreter remark for the table ("output differs from python3").
    remark: Vec<Option<String>>,
    /// Human-readable check findings (failures, first differing line).
    findings: Vec<String>,
}

impl ProgramResult {
    /// Whether `a`'s and `b`'s timings are comparable: both ran cleanly and printed the same.
    fn comparable(&self, a: usize, b: usize) -> bool {
        self.problem[a].is_none()
            && self.problem[b].is_none()
            && self.check[a].stdout == self.check[b].stdout
    }

    /// The timed (non-warm-up) values of `i`.
    fn values(&self, i: usize, f: impl Fn(&Measured) -> f64) -> Vec<f64> {
        self.samples[i]
            .iter()
            .filter(|m| !m.warmup)
            .map(f)
            .collect()
    }

    /// The timed values of `i` per round (None for a round without a sample).
    fn by_round(&self, i: usize, f: impl Fn(&Measured) -> f64) -> Vec<Option<f64>> {
        let rounds = self
            .samples
            .iter()
            .flatten()
            .map(|m| m.round + 1)
            .max()
            .unwrap_or(0);
        let mut v = vec![None; rounds];
        for m in self.samples[i].iter().filter(|m| !m.warmup) {
            v[m.round] = Some(f(m));
        }
        v
    }

    /// Median over the timed (non-warm-up) samples of `i`.
    fn median(&self, i: usize, f: impl Fn(&Measured) -> f64) -> Option<f64> {
        stats::median(&self.values(i, f))
    }

    fn wall_ms(&self, i: usize) -> Option<f64> {
        self.median(i, |m| ms(m.wall))
    }

    fn cpu_ms(&self, i: usize) -> Option<f64> {
        self.median(i, |m| ms(m.cpu()))
    }

    /// Median ratio `a / b` with its interval, if both were timed (validity is checked
    /// separately).
    fn ratio_stats(
        &self,
        a: usize,
        b: usize,
        f: impl Fn(&Measured) -> f64 + Copy,
    ) -> Option<stats::Ratio> {
        stats::ratio(&self.by_round(a, f), &self.by_round(b, f))
    }

    /// Median ratio `a / b`, if both were timed (validity is checked separately).
    fn ratio(&self, a: usize, b: usize, f: impl Fn(&Measured) -> f64 + Copy) -> Option<f64> {
        let (x, y) = (self.median(a, f)?, self.median(b, f)?);
        (y > 0.0).then(|| x / y)
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// References not found: (as given, why).
type Skipped = Vec<(String, String)>;

/// Settings and results handed to the report.
struct Bench {
    interps: Vec<Interp>,
    /// Indices of the interpreters the ratio columns divide by.
    refs: Vec<usize>,
    skipped: Skipped,
    runs: u32,
    warmup: u32,
    timeout: Option<Duration>,
    machine: report::Machine,
    /// Whether the columns come from --sweep (the first is the baseline).
    sweep: bool,
    /// Cores of the -j timing streams (empty: one unpinned stream).
    cores: Vec<usize>,
    /// Remarks for the header (e.g. fewer free cores than asked).
    notes: Vec<String>,
    /// The 1-minute load average when the timing ended.
    load_after: Option<f64>,
    programs: Vec<ProgramResult>,
}

/// Entry point: `args` are the arguments after `bench`.
pub fn main(args: Vec<OsString>) -> ExitCode {
    if let Some(code) = remote::subcommand(&args) {
        return code;
    }
    let argv = std::iter::once(OsString::from("pyrun bench")).chain(args.iter().cloned());
    let cli = match BenchCli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => e.exit(),
    };
    if cli.daemon {
        return remote::submit_from_cli(&args, cli.socket.clone(), !cli.no_wait);
    }
    match bench(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(msg) => {
            eprintln!("pyrun bench: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Parses bench arguments (those after `bench`) as the daemon receives them.
pub fn parse_args(args: &[String]) -> Result<Plan, String> {
    let argv = std::iter::once("pyrun bench".to_string()).chain(args.iter().cloned());
    let cli = BenchCli::try_parse_from(argv).map_err(|e| {
        let text = e.to_string();
        text.lines()
            .find(|l| l.starts_with("error:"))
            .unwrap_or(text.trim())
            .trim_start_matches("error: ")
            .to_string()
    })?;
    if cli.daemon {
        return Err("--daemon: the job is already being sent to the daemon".into());
    }
    for (given, what) in [
        (&cli.json, "--json"),
        (&cli.markdown, "--markdown"),
        (&cli.csv, "--csv"),
        (&cli.plot, "--plot"),
    ] {
        if given.is_some() {
            return Err(format!(
                "{what} is not available for daemon jobs: the daemon keeps every sample \
                 (see pyrun bench results / history / compare)"
            ));
        }
    }
    Ok(Plan { cli })
}

/// A parsed benchmark request.
pub struct Plan {
    cli: BenchCli,
}

impl Plan {
    /// Checks, for a job submitted from `cwd`, that its programs and files exist and its
    /// sweeps and variants are well formed (so that a bad job is refused at submission).
    pub fn validate(&self, cwd: &Path) -> Result<(), String> {
        for p in &self.cli.programs {
            let full = cwd.join(p);
            if !full.is_file() {
                let why = if full.is_dir() {
                    "is a directory"
                } else {
                    "no such file"
                };
                return Err(format!("unknown program '{}': {why}", full.display()));
            }
        }
        if let Some(f) = &self.cli.args_from {
            read_args_file(&cwd.join(f))?;
        }
        interpreters(&self.cli).map(|_| ())
    }

    pub fn program_count(&self) -> usize {
        self.cli.programs.len()
    }
}

/// One line describing this machine (for the daemon's records).
pub fn machine_summary() -> String {
    report::Machine::detect().summary()
}

/// A finished benchmark, as the daemon stores it.
pub struct Finished {
    /// Header, findings and table, as `pyrun bench` prints them.
    pub report: String,
    pub ok: bool,
}

/// Runs `plan` for the daemon: `on_program` gets each program's results as they complete.
pub fn run_plan(
    plan: Plan,
    pin: Option<usize>,
    on_program: &mut dyn FnMut(&ProgramRecord),
) -> Result<Finished, String> {
    let mut b = prepare(&plan.cli)?;
    if let (Some(core), true) = (pin, b.cores.is_empty()) {
        b.cores = vec![core];
    }
    let mut report = report::header(&b);
    check(&mut b);
    report.push_str(&report::findings(&b));
    let interps = &b.interps;
    timing::time_all(
        interps,
        &mut b.programs,
        b.runs,
        b.warmup,
        b.timeout,
        &b.cores,
        &mut |programs, p| on_program(&record(interps, &programs[p])),
    );
    b.load_after = report::Machine::detect().load;
    report.push_str(&report::table(&b));
    Ok(Finished {
        report,
        ok: all_ok(&b),
    })
}

/// One program's results in the form the daemon stores.
pub struct ProgramRecord {
    pub path: PathBuf,
    pub label: String,
    pub args: Vec<String>,
    /// Per interpreter: name, kind, command line, version, problem, samples
    /// (round, warm-up, wall ms, user ms, sys ms, max RSS KiB, status).
    pub results: Vec<InterpRecord>,
}

pub struct InterpRecord {
    pub name: String,
    pub kind: &'static str,
    pub command: Vec<String>,
    pub version: String,
    pub problem: Option<String>,
    pub samples: Vec<SampleRecord>,
}

pub struct SampleRecord {
    pub round: usize,
    pub warmup: bool,
    pub wall_ms: f64,
    pub user_ms: f64,
    pub sys_ms: f64,
    pub max_rss_kib: u64,
    pub status: String,
}

fn record(interps: &[Interp], p: &ProgramResult) -> ProgramRecord {
    ProgramRecord {
        path: p.path.clone(),
        label: p.label.clone(),
        args: p.args.clone(),
        results: interps
            .iter()
            .enumerate()
            .map(|(i, it)| InterpRecord {
                name: it.name.clone(),
                kind: it.kind.as_str(),
                command: it.argv.iter().map(|a| a.to_string_lossy().into()).collect(),
                version: it.version.clone(),
                problem: p.problem[i].clone().or_else(|| p.remark[i].clone()),
                samples: p.samples[i]
                    .iter()
                    .map(|m| SampleRecord {
                        round: m.round,
                        warmup: m.warmup,
                        wall_ms: ms(m.wall),
                        user_ms: ms(m.user),
                        sys_ms: ms(m.sys),
                        max_rss_kib: m.max_rss_kib,
                        status: m.status.describe(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn all_ok(b: &Bench) -> bool {
    b.programs
        .iter()
        .all(|p| p.findings.is_empty() && p.problem.iter().all(Option::is_none))
}

/// Opens an output file now, so that a bad path fails before the run rather than after it.
fn create(path: &Option<PathBuf>) -> Result<Option<(PathBuf, std::fs::File)>, String> {
    match path {
        None => Ok(None),
        Some(p) => std::fs::File::create(p)
            .map(|f| Some((p.clone(), f)))
            .map_err(|e| format!("can't write {}: {e}", p.display())),
    }
}

fn write_out(file: Option<(PathBuf, std::fs::File)>, text: &str) -> Result<(), String> {
    if let Some((path, mut f)) = file {
        f.write_all(text.as_bytes())
            .map_err(|e| format!("can't write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Resolves settings, programs and interpreters; chooses cores for -j.
fn prepare(cli: &BenchCli) -> Result<Bench, String> {
    let timeout = match cli.timeout {
        None => None,
        // Beyond what a Duration holds (~5.8e11 years) is no limit at all.
        Some(t) if t.is_finite() && t > 0.0 => Duration::try_from_secs_f64(t).ok(),
        Some(t) => {
            return Err(format!(
                "--timeout must be a positive number of seconds, not {t}"
            ))
        }
    };
    let programs = programs(cli)?;
    let (mut interps, skipped, sweep) = interpreters(cli)?;
    describe_interpreters(&mut interps);
    let has_refs = interps.iter().any(|i| i.kind == Kind::Reference);
    let refs: Vec<usize> = (0..interps.len())
        .filter(|&i| {
            if sweep && i == 0 {
                true
            } else if has_refs {
                interps[i].kind == Kind::Reference
            } else {
                interps[i].kind == Kind::Pyrun && interps.len() > 1
            }
        })
        .collect();
    let (cores, mut notes) = match cli.jobs {
        None => (Vec::new(), Vec::new()),
        Some(n) => {
            let (cores, note) = affinity::choose(n as usize);
            (cores, note.into_iter().collect())
        }
    };
    // Sweeping an option this pyrun ignores gives configurations that differ only in name.
    if cli.pyrun.is_none() {
        for spec in &cli.sweep {
            let name = sweep::parse(spec)?.name;
            if !crate::args::EFFECTIVE_XOPTIONS.contains(&name.as_str()) {
                notes.push(format!(
                    "note: this pyrun ignores -X {name} (unknown -X options are accepted \
                     without effect, as in CPython): its configurations differ only in name"
                ));
            }
        }
    }
    Ok(Bench {
        interps,
        refs,
        skipped,
        runs: cli.runs,
        warmup: cli.warmup,
        timeout,
        machine: report::Machine::detect(),
        sweep,
        cores,
        notes,
        load_after: None,
        programs: programs
            .into_iter()
            .map(|(path, args)| ProgramResult {
                label: String::new(),
                path,
                args,
                check: Vec::new(),
                samples: Vec::new(),
                problem: Vec::new(),
                remark: Vec::new(),
                findings: Vec::new(),
            })
            .collect(),
    })
}

/// The check runs (in parallel) and the output comparison.
fn check(b: &mut Bench) {
    let programs = std::mem::take(&mut b.programs)
        .into_iter()
        .map(|p| (p.path, p.args))
        .collect();
    b.programs = check_runs(&b.interps, programs, b.timeout);
}

/// Runs the whole benchmark; Ok(all checks passed).
fn bench(cli: BenchCli) -> Result<bool, String> {
    // Fail on an unwritable output path now rather than after the whole run.
    let json_file = create(&cli.json)?;
    let md_file = create(&cli.markdown)?;
    let csv_file = create(&cli.csv)?;
    let plot_file = create(&cli.plot)?;
    let mut b = prepare(&cli)?;
    if cli.plot.is_some() && b.refs.is_empty() {
        return Err("--plot needs columns to compare: a --sweep, a --variant or a --vs".into());
    }

    let mut out = std::io::stdout().lock();
    let _ = out.write_all(report::header(&b).as_bytes());
    let _ = out.flush();

    check(&mut b);
    let _ = out.write_all(report::findings(&b).as_bytes());
    let _ = out.flush();

    timing::time_all(
        &b.interps,
        &mut b.programs,
        b.runs,
        b.warmup,
        b.timeout,
        &b.cores,
        &mut |_, _| {},
    );
    b.load_after = report::Machine::detect().load;
    let _ = out.write_all(report::table(&b).as_bytes());
    let _ = out.flush();

    if let Some((path, file)) = json_file {
        let written = pyperf::write(&b, &path, file)?;
        let _ = writeln!(out, "wrote {}", written.join(", "));
    }
    write_out(md_file, &export::markdown(&b))?;
    write_out(csv_file, &export::csv(&b))?;
    if let Some((path, file)) = plot_file {
        plot::write(&b, &path, file)?;
        let _ = writeln!(out, "wrote {}", path.display());
    }
    Ok(all_ok(&b))
}

/// The programs to run with their arguments; every file must exist.
fn programs(cli: &BenchCli) -> Result<Vec<(PathBuf, Vec<String>)>, String> {
    let mut common = cli.arg.clone();
    common.extend(cli.program_args.iter().cloned());
    let per_program = match &cli.args_from {
        Some(f) => read_args_file(f)?,
        None => HashMap::new(),
    };
    let mut out = Vec::new();
    for p in &cli.programs {
        if !p.is_file() {
            let why = if p.is_dir() {
                "is a directory"
            } else {
                "no such file"
            };
            return Err(format!("can't open program '{}': {why}", p.display()));
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let stem = name.strip_suffix(".py").unwrap_or(&name).to_string();
        let args = per_program
            .get(&stem)
            .or_else(|| per_program.get(&name))
            .cloned()
            .unwrap_or_else(|| common.clone());
        out.push((p.clone(), args));
    }
    Ok(out)
}

/// Parses an args file: `NAME ARG...` per line, `#` comments.
fn read_args_file(path: &Path) -> Result<HashMap<String, Vec<String>>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("can't read --args-from file '{}': {e}", path.display()))?;
    let mut map = HashMap::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let mut words = line.split_whitespace();
        if let Some(name) = words.next() {
            let name = name.strip_suffix(".py").unwrap_or(name).to_string();
            map.insert(name, words.map(str::to_string).collect());
        }
    }
    Ok(map)
}

/// Searches PATH like a shell; a name containing '/' is taken as a path.
fn find_executable(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let is_exe = |p: &Path| {
        p.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    };
    if name.contains('/') {
        let p = PathBuf::from(name);
        return is_exe(&p).then_some(p);
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(name))
        .find(|p| is_exe(p))
}

/// The interpreter columns (pyrun or the sweep's configurations, the variants, the references
/// found), the skipped references, and whether the columns come from a sweep.
fn interpreters(cli: &BenchCli) -> Result<(Vec<Interp>, Skipped, bool), String> {
    let pyrun = match &cli.pyrun {
        Some(p) => find_executable(&p.to_string_lossy())
            .ok_or_else(|| format!("--pyrun {}: not found or not executable", p.display()))?,
        None => {
            std::env::current_exe().map_err(|e| format!("can't locate the pyrun binary: {e}"))?
        }
    };
    let sweeps = cli
        .sweep
        .iter()
        .map(|s| sweep::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    if cli.one_at_a_time && sweeps.is_empty() {
        return Err("--one-at-a-time needs at least one --sweep".into());
    }
    let passes: &[&str] = if cli.sweep_all_passes {
        crate::args::PASSES
    } else {
        &[]
    };
    let configs = sweep::configurations(&sweeps, cli.one_at_a_time, passes)?;
    let is_sweep = !configs.is_empty();
    let mut interps: Vec<Interp> = configs
        .into_iter()
        .enumerate()
        .map(|(k, c)| {
            let mut argv = vec![pyrun.clone().into_os_string()];
            argv.extend(c.flags.into_iter().map(OsString::from));
            Interp {
                name: c.name,
                kind: if k == 0 { Kind::Pyrun } else { Kind::Variant },
                argv,
                version: String::new(),
                note: None,
            }
        })
        .collect();
    if interps.is_empty() {
        interps.push(Interp {
            name: "pyrun".to_string(),
            kind: Kind::Pyrun,
            argv: vec![pyrun.clone().into_os_string()],
            version: String::new(),
            note: None,
        });
    }
    let taken = |name: &str, interps: &[Interp]| interps.iter().any(|i| i.name == name);
    for v in &cli.variants {
        let Some((name, flags)) = v.split_once('=') else {
            return Err(format!(
                "--variant {v:?}: expected NAME=FLAGS, e.g. nospec='-X specialize=off'"
            ));
        };
        let name = name.trim();
        if name.is_empty() || name.contains(char::is_whitespace) {
            return Err(format!(
                "--variant {v:?}: the NAME before '=' must be a non-empty word"
            ));
        }
        if taken(name, &interps) {
            return Err(format!("--variant {name}: the name is already used"));
        }
        let mut argv = vec![pyrun.clone().into_os_string()];
        argv.extend(run::split_words(flags)?.into_iter().map(OsString::from));
        interps.push(Interp {
            name: name.to_string(),
            kind: Kind::Variant,
            argv,
            version: String::new(),
            note: None,
        });
    }
    let mut skipped = Vec::new();
    for given in &cli.vs {
        let words = run::split_words(given)?;
        let Some(exe) = words.first() else {
            return Err("--vs needs an interpreter command, got an empty string".to_string());
        };
        let Some(path) = find_executable(exe) else {
            skipped.push((given.clone(), "not found".to_string()));
            continue;
        };
        let base = Path::new(exe)
            .file_name()
            .map(|n| n.to_string_lossy().to_string());
        let mut name = base.unwrap_or_else(|| exe.clone());
        if words.len() > 1 {
            name = format!("{name} {}", words[1..].join(" "));
        }
        let mut unique = name.clone();
        let mut k = 2;
        while taken(&unique, &interps) {
            unique = format!("{name}#{k}");
            k += 1;
        }
        let mut argv = vec![path.into_os_string()];
        argv.extend(words[1..].iter().map(OsString::from));
        interps.push(Interp {
            name: unique,
            kind: Kind::Reference,
            argv,
            version: String::new(),
            note: None,
        });
    }
    Ok((interps, skipped, is_sweep))
}

/// Fills in versions and, for references, replaces a launcher (a pyenv shim, a wrapper
/// script) by the interpreter's own `sys.executable`, so the launcher is not timed.
fn describe_interpreters(interps: &mut [Interp]) {
    interps.par_iter_mut().for_each(|it| {
        it.version = run::query(&it.argv, &["--version"]).unwrap_or_else(|| "unknown".into());
        if it.kind != Kind::Reference {
            return;
        }
        let Some(exe) = run::query(&it.argv, &["-c", "import sys; print(sys.executable)"]) else {
            return;
        };
        let (real, given) = (PathBuf::from(&exe), PathBuf::from(&it.argv[0]));
        let same = match (real.canonicalize(), given.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => true,
        };
        if !same && real.is_absolute() && real.is_file() {
            it.note = Some(format!(
                "launcher {} bypassed: runs its sys.executable",
                given.display()
            ));
            it.argv[0] = real.into_os_string();
        }
    });
}

fn argv_for(interp: &Interp, program: &Path, args: &[String]) -> Vec<OsString> {
    let mut argv = interp.argv.clone();
    argv.push(program.as_os_str().to_owned());
    argv.extend(args.iter().map(OsString::from));
    argv
}

/// One check run per (program, interpreter), in parallel; compares the outputs.
fn check_runs(
    interps: &[Interp],
    programs: Vec<(PathBuf, Vec<String>)>,
    timeout: Option<Duration>,
) -> Vec<ProgramResult> {
    let pairs: Vec<(usize, usize)> = (0..programs.len())
        .flat_map(|p| (0..interps.len()).map(move |i| (p, i)))
        .collect();
    let samples: Vec<Sample> = pairs
        .par_iter()
        .map(|&(p, i)| {
            run::run_once(
                &argv_for(&interps[i], &programs[p].0, &programs[p].1),
                timeout,
            )
        })
        .collect();
    let mut samples = samples.into_iter();
    let labels = labels(&programs);
    programs
        .into_iter()
        .zip(labels)
        .map(|((path, args), label)| {
            let check: Vec<Sample> = samples.by_ref().take(interps.len()).collect();
            let mut r = ProgramResult {
                path,
                label,
                args,
                samples: interps.iter().map(|_| Vec::new()).collect(),
                problem: vec![None; interps.len()],
                remark: vec![None; interps.len()],
                findings: Vec::new(),
                check,
            };
            compare_outputs(interps, &mut r);
            r
        })
        .collect()
}

/// Program labels for the table: the file name, or the path where file names collide.
fn labels(programs: &[(PathBuf, Vec<String>)]) -> Vec<String> {
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    programs
        .iter()
        .map(|(p, _)| {
            let n = name(p);
            if programs.iter().filter(|(q, _)| name(q) == n).count() > 1 {
                p.display().to_string()
            } else {
                n
            }
        })
        .collect()
}

/// Marks failed interpreters and reports outputs that differ from the first reference that
/// ran cleanly (or from pyrun when there is no reference).
fn compare_outputs(interps: &[Interp], r: &mut ProgramResult) {
    for (i, it) in interps.iter().enumerate() {
        let s = &r.check[i];
        if !s.status.ok() {
            let mut msg = format!(
                "FAILED {}: {} failed ({})",
                r.label,
                it.name,
                s.status.describe()
            );
            let last = s.last_stderr_line();
            if !last.is_empty() {
                msg.push_str(&format!(": {}", clip(&last, 120)));
            }
            r.findings.push(msg);
            r.problem[i] = Some(format!("failed: {}", s.status.describe()));
        }
    }
    let oracle = (0..interps.len())
        .filter(|&i| r.problem[i].is_none())
        .min_by_key(|&i| (interps[i].kind != Kind::Reference, i));
    let Some(o) = oracle else { return };
    for i in 0..interps.len() {
        if i == o || r.problem[i].is_some() || r.check[i].stdout == r.check[o].stdout {
            continue;
        }
        let (on, n) = (&interps[o].name, &interps[i].name);
        r.findings.push(format!(
            "MISMATCH {}: {n} output differs from {on}: {}",
            r.label,
            first_difference(&r.check[o].stdout, on, &r.check[i].stdout, n)
        ));
        r.remark[i] = Some(format!("output differs from {on}"));
    }
}

/// "line 3: python3 printed "x", pyrun printed "y"" for the first differing line.
fn first_difference(a: &[u8], an: &str, b: &[u8], bn: &str) -> String {
    let (ta, tb) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let (la, lb): (Vec<&str>, Vec<&str>) = (ta.split('\n').collect(), tb.split('\n').collect());
    for k in 0..la.len().max(lb.len()) {
        let (x, y) = (la.get(k), lb.get(k));
        if x != y {
            let show = |l: Option<&&str>| match l {
                Some(s) => format!("{:?}", clip(s, 100)),
                None => "nothing (output ended)".to_string(),
            };
            return format!(
                "line {}: {an} printed {}, {bn} printed {}",
                k + 1,
                show(x),
                show(y)
            );
        }
    }
    "outputs differ".to_string()
}

fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}...", s.chars().take(n).collect::<String>())
    }
}
