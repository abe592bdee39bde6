//! The `pyrun` command: run a program like `python3 prog.py`, or dump what a stage emits;
//! `pyrun bench ...` times programs against other interpreters (bench/).

mod bench;

use clap::{Parser, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Dump {
    /// The compiled bytecode of every code object.
    Bytecode,
}

#[derive(Parser, Debug)]
#[command(
    name = "pyrun",
    version,
    about = "Run a Python program (CPython 3.11 semantics)",
    after_help = "Benchmarking: pyrun bench PROGRAM... [--vs python3] [-n RUNS] (see `pyrun bench --help`)."
)]
struct Cli {
    /// Program passed in as a string (like `python3 -c`).
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "file")]
    code: Option<String>,

    /// Print what a compiler stage emits instead of running the program.
    #[arg(long, value_enum, value_name = "STAGE")]
    dump: Option<Dump>,

    /// Print runtime statistics to stderr at exit.
    #[arg(long)]
    stats: bool,

    /// Implementation options: `-X specialize=off` turns tier-1 quickening off.
    #[arg(short = 'X', value_name = "OPTION")]
    xoptions: Vec<String>,

    /// The program to run.
    file: Option<PathBuf>,

    /// Arguments passed to the program as sys.argv[1:].
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

/// Interpreter threads get a large stack: deep Rust recursion only happens through builtins
/// calling back into Python (bounded by the recursion limit) and freeing long object chains.
const THREAD_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    // `pyrun bench ...` is a subcommand only as the very first argument, so `pyrun FILE ARGS`
    // keeps its python3-like shape. A program file named `bench` runs as `pyrun ./bench`.
    let mut args = std::env::args_os();
    if args.nth(1).is_some_and(|a| a == "bench") {
        return bench::main(args.collect());
    }
    let cli = Cli::parse();
    let handle = std::thread::Builder::new()
        .stack_size(THREAD_STACK)
        .spawn(move || run(cli))
        .expect("spawn interpreter thread");
    let code = handle.join().unwrap_or(70);
    ExitCode::from(code as u8)
}

fn read_source(path: &PathBuf) -> Result<String, String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(format!("pyrun: can't find '__main__' module in '{shown}'"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let msg = match e.kind() {
            std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
            std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
            _ => e.to_string(),
        };
        format!(
            "pyrun: can't open file '{shown}': [Errno {}] {msg}",
            e.raw_os_error().unwrap_or(0)
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {shown} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            e.as_bytes()[e.utf8_error().valid_up_to()]
        )
    })
}

fn run(cli: Cli) -> i32 {
    let (src, filename, argv0, dir) = match (&cli.code, &cli.file) {
        (Some(c), _) => (
            c.clone(),
            "<string>".to_string(),
            "-c".to_string(),
            std::env::current_dir().ok(),
        ),
        (None, Some(p)) => match read_source(p) {
            Ok(s) => (
                s,
                p.display().to_string(),
                p.display().to_string(),
                p.parent().map(|d| d.to_path_buf()),
            ),
            Err(msg) => {
                eprintln!("{msg}");
                return if msg.starts_with("SyntaxError") { 1 } else { 2 };
            }
        },
        (None, None) => {
            eprintln!("pyrun: no program given (usage: pyrun FILE [ARGS...] or pyrun -c CODE)");
            return 2;
        }
    };
    if let Some(Dump::Bytecode) = cli.dump {
        return match vm::compile::compile_module(&src, &filename) {
            Ok(code) => {
                let mut out = String::new();
                code.disassemble(&mut out);
                print!("{out}");
                0
            }
            Err(e) => {
                eprint!("{}", vm::run::format_compile_error(&e, &filename, &src));
                1
            }
        };
    }
    let mut argv = vec![argv0];
    argv.extend(cli.args.iter().cloned());
    let mut machine = vm::Vm::new(argv);
    machine.options.stats = cli.stats;
    for x in &cli.xoptions {
        match x.as_str() {
            "specialize=off" | "specialize=0" => machine.tier1 = false,
            "specialize=on" | "specialize=1" | "specialize" => machine.tier1 = true,
            other => {
                eprintln!("pyrun: unknown -X option '{other}' (supported: specialize=on|off)");
                return 2;
            }
        }
    }
    machine.script_dir = dir.map(|d| {
        if d.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            d
        }
    });
    let code = vm::run::run_source(&mut machine, &src, &filename);
    if cli.stats {
        machine.flush();
        eprint!("{}", machine.stats.report(machine.tier1));
    }
    code
}
