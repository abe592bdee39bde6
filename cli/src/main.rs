//! The `pyrun` command: a drop-in `python3` (CPython 3.11's command line), plus
//! `pyrun bench ...`, which times programs against other interpreters (bench/), and
//! `pyrun daemon`, which runs benchmark jobs and keeps their history (daemon/).

/// mimalloc instead of the system allocator: Python programs allocate many small,
/// short-lived objects (tuples, bound methods, dict entries), where it is measured
/// faster (docs/ARCHITECTURE.md, "Memory"). The `mimalloc` crate's allocator always takes
/// mimalloc's aligned-allocation path; ordinary alignments (mimalloc aligns every block
/// to at least 8) go straight to `mi_malloc`, which is several times cheaper.
struct Allocator;

unsafe impl std::alloc::GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if l.align() <= 8 {
            mi::mi_malloc(l.size()) as *mut u8
        } else {
            mi::mi_malloc_aligned(l.size(), l.align()) as *mut u8
        }
    }
    #[inline]
    unsafe fn alloc_zeroed(&self, l: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        if l.align() <= 8 {
            mi::mi_zalloc(l.size()) as *mut u8
        } else {
            mi::mi_zalloc_aligned(l.size(), l.align()) as *mut u8
        }
    }
    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, _: std::alloc::Layout) {
        libmimalloc_sys::mi_free(p as *mut std::ffi::c_void)
    }
    #[inline]
    unsafe fn realloc(&self, p: *mut u8, l: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        if l.align() <= 8 {
            mi::mi_realloc(p as *mut std::ffi::c_void, new_size) as *mut u8
        } else {
            mi::mi_realloc_aligned(p as *mut std::ffi::c_void, new_size, l.align()) as *mut u8
        }
    }
}

#[global_allocator]
static GLOBAL: Allocator = Allocator;

/// Runs before `main` (and before the allocator reserves its first arena): arenas are
/// committed as they are used, not up front, so a small program's resident memory stays
/// small (eager commit with transparent huge pages costs ~10 MB at start-up).
#[used]
#[link_section = ".init_array"]
static CONFIGURE_ALLOCATOR: extern "C" fn() = {
    extern "C" fn configure() {
        // SAFETY: sets a plain option; mimalloc reads options when it first needs them.
        // `mi_option_arena_eager_commit` (4 in mimalloc.h; the -sys crate does not name it).
        const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
        unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
    }
    configure
};

mod args;
mod bench;
mod daemon;
mod repl;

use args::{Command, Dump, Early, Target};
use std::process::ExitCode;
use vm::run::Program;

/// Interpreter threads get a large stack: deep Rust recursion only happens through builtins
/// calling back into Python (bounded by the recursion limit) and freeing long object chains.
const THREAD_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    // `pyrun bench ...` is a subcommand only as the very first argument, so `pyrun FILE ARGS`
    // keeps its python3-like shape. A program file named `bench` runs as `pyrun ./bench`.
    if argv.get(1).is_some_and(|a| a == "bench") {
        return bench::main(std::env::args_os().skip(2).collect());
    }
    // Likewise `pyrun daemon ...`, the benchmark daemon (a file named `daemon`: `pyrun ./daemon`).
    if argv.get(1).is_some_and(|a| a == "daemon") {
        return daemon::main(std::env::args_os().skip(2).collect());
    }
    let prog = argv.first().cloned().unwrap_or_else(|| "pyrun".into());
    let cmd = match args::parse(&prog, &argv[1.min(argv.len())..], &|k| {
        std::env::var(k).ok()
    }) {
        Ok(c) => c,
        Err(Early::Exit {
            stdout,
            stderr,
            code,
        }) => {
            print!("{stdout}");
            eprint!("{stderr}");
            return ExitCode::from(code as u8);
        }
    };
    vm::signals::install();
    // Under a tight address-space limit (`ulimit -v`) a smaller stack still runs the program
    // (deep recursion then hits the recursion limit's value-stack check sooner).
    let job = std::sync::Arc::new(std::sync::Mutex::new(Some((cmd, prog))));
    let mut handle = None;
    for stack in [THREAD_STACK, THREAD_STACK / 4, THREAD_STACK / 16] {
        let job = job.clone();
        let spawned = std::thread::Builder::new()
            .stack_size(stack)
            .spawn(move || {
                let (cmd, prog) = job.lock().unwrap().take().unwrap();
                run(cmd, &prog)
            });
        if let Ok(h) = spawned {
            handle = Some(h);
            break;
        }
    }
    let Some(handle) = handle else {
        eprintln!("pyrun: cannot start the interpreter thread (out of memory)");
        return ExitCode::from(1);
    };
    let code = handle.join().unwrap_or(70);
    // An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython's does.
    vm::signals::exit_if_interrupted();
    ExitCode::from(code as u8)
}

fn run(mut cmd: Command, prog: &str) -> i32 {
    let stdin_tty = vm::stdio::is_tty(0);
    if cmd.target == Target::Repl && !stdin_tty {
        cmd.target = Target::Stdin;
    }
    let (program, argv0) = match &cmd.target {
        Target::Script(p) => (Program::Script(p.into()), p.clone()),
        Target::Code(c) => (Program::Code(c.clone()), "-c".into()),
        Target::Module(m) => (Program::Module(m.clone()), "-m".into()),
        Target::Stdin => (
            Program::Stdin,
            if cmd.args.is_empty() && !std::env::args().any(|a| a == "-") {
                String::new()
            } else {
                "-".into()
            },
        ),
        Target::Repl => (Program::Interactive, String::new()),
    };
    let mut argv = vec![argv0];
    argv.extend(cmd.args.iter().cloned());
    cmd.config.path0 = if cmd.config.flags.safe_path {
        None
    } else {
        Some(vm::run::path0(&program))
    };
    if cmd.target == Target::Repl || cmd.inspect {
        cmd.config.flags.interactive = 1;
    }
    // The hash key must be set before the first string is hashed (Vm::new interns names).
    if let Some(seed) = cmd.hash_seed {
        cmd.config.flags.hash_randomization = (seed != args::HashSeed::Seed(0)) as u8;
        vm::types::str::set_hash_seed(match seed {
            args::HashSeed::Seed(n) => Some(n),
            args::HashSeed::Random => None,
        });
    }
    let mut machine = vm::Vm::new(argv);
    machine.set_config(cmd.config.clone());
    machine.options.stats = cmd.stats;
    machine.tier1 = cmd.specialize;
    machine.options.superinstructions = cmd.superinstructions;
    if let Some(n) = cmd.hot_threshold {
        machine.options.hot_threshold = n;
    }
    if cmd.jit == args::Jit::Uops {
        machine.tier2 = Some(Box::new(optimizer::Jit::new(optimizer::Options {
            off: cmd.opt_off.clone(),
            dump_uops: cmd.dump == Some(Dump::Uops),
            dump_opt: cmd.dump == Some(Dump::Opt),
            stats: cmd.stats,
            dump_to: None,
            validate: cmd.jit_check,
        })));
    }
    let status = if let Some(Dump::Bytecode) = cmd.dump {
        dump_bytecode(&mut machine, &program, prog)
    } else if cmd.target == Target::Repl {
        repl::run(&mut machine, cmd.config.flags.quiet != 0)
    } else {
        let s = vm::run::run_program(&mut machine, &program, cmd.skip_first_line, prog);
        if cmd.inspect && !machine.exiting {
            repl::run(&mut machine, true)
        } else {
            s
        }
    };
    if cmd.dump == Some(Dump::Quickened) {
        machine.flush();
        if let Some(code) = machine.main_code.clone() {
            let mut out = String::new();
            code.disassemble(&mut out);
            eprint!("{out}");
        }
    }
    if cmd.stats {
        machine.flush();
        eprint!("{}", machine.stats.report(machine.tier1));
        if let Some(t) = &machine.tier2 {
            let interpreted: u64 = machine.stats.executed.iter().sum();
            eprint!("{}", t.report(interpreted));
        }
    }
    vm::stdio::finish(&mut machine, status)
}

fn dump_bytecode(machine: &mut vm::Vm, program: &Program, prog: &str) -> i32 {
    let (src, filename) = match vm::run::load_program(machine, program, false, prog) {
        Ok(x) => x,
        Err(code) => return code,
    };
    match vm::compile::compile_module(&src, &filename) {
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
    }
}
