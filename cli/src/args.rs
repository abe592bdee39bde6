//! The command line, parsed as CPython parses it: short options may be grouped (`-uc CODE`,
//! `-Wignore`), option parsing stops at the script name, `-c CODE`, `-m MOD`, `-` or `--`,
//! and everything after that is the program's `sys.argv[1:]`, untouched.

use vm::config::Config;

/// What to run.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Script(String),
    Code(String),
    Module(String),
    /// `-`, or no program with stdin not a terminal.
    Stdin,
    /// No program with stdin a terminal: the interactive prompt.
    Repl,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Dump {
    /// The compiled code, without running it.
    Bytecode,
    /// The main module's code after running it, with tier-1 forms (to stderr).
    Quickened,
    /// Tier-2 traces as recorded (to stderr, while running).
    Uops,
    /// Tier-2 traces after each optimizer pass (to stderr, while running).
    Opt,
}

/// Tier 2.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Jit {
    Off,
    /// Traces run by the uop interpreter.
    Uops,
}

pub struct Command {
    pub target: Target,
    /// The program's arguments after the target (sys.argv[1:]).
    pub args: Vec<String>,
    pub config: Config,
    /// `-i`: enter the prompt after running the program.
    pub inspect: bool,
    pub dump: Option<Dump>,
    pub stats: bool,
    /// Tier-1 quickening (`-X specialize=on|off`).
    pub specialize: bool,
    /// Superinstructions formed when code first runs (`-X superinstructions=on|off`).
    pub superinstructions: bool,
    /// Back-edge / function-entry count at which code is hot (`-X jit-threshold=N`).
    pub hot_threshold: Option<u16>,
    /// Tier 2 (`-X jit=off|uops`).
    pub jit: Jit,
    /// Optimizer passes turned off (`-X opt.NAME=off`).
    pub opt_off: Vec<String>,
    /// Check every tier-2 trace's invariants after each pass (`-X jit-check=on`).
    pub jit_check: bool,
    /// `-x`: skip the first line of the source.
    pub skip_first_line: bool,
    /// `-R` or `PYTHONHASHSEED`: None = pyrun's default (seed 0).
    pub hash_seed: Option<HashSeed>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HashSeed {
    Random,
    Seed(u32),
}

/// Parsing stopped before running anything: print this and exit with the code.
pub enum Early {
    Exit {
        stdout: String,
        stderr: String,
        code: i32,
    },
}

/// `usage: ...` as CPython prints it after an option error.
pub fn usage_error(prog: &str, msg: &str) -> Early {
    Early::Exit {
        stdout: String::new(),
        stderr: format!(
            "{msg}\nusage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n"
        ),
        code: 2,
    }
}

pub fn version_text(verbose: bool) -> String {
    let (a, b, c) = vm::config::PYTHON_VERSION;
    let pyrun = env!("CARGO_PKG_VERSION");
    if verbose {
        format!("Python {a}.{b}.{c} (pyrun {pyrun}, a Python runtime in Rust)\n")
    } else {
        format!("Python {a}.{b}.{c} (pyrun {pyrun})\n")
    }
}

/// The passes pyrun can switch off with `-X NAME=off` (each is on by default), for
/// `pyrun bench --sweep-all-passes`. A new on/off pass is added here and in `parse`.
pub const PASSES: &[&str] = &["specialize", "superinstructions"];

/// Every `-X` option that changes what pyrun does (the others are accepted and ignored, as
/// CPython does); `pyrun bench --sweep` warns about sweeping one not listed here.
pub const EFFECTIVE_XOPTIONS: &[&str] = &[
    "specialize",
    "superinstructions",
    "jit-threshold",
    "jit",
    "jit-check",
    "opt.peel",
    "opt.fold",
    "opt.refcount",
    "opt.dce",
    "dev",
    "int_max_str_digits",
];

/// Short options that take an argument (CPython's `c:m:W:X:`).
const WITH_ARG: &[char] = &['c', 'm', 'W', 'X'];
/// Short options without an argument.
const FLAGS: &str = "bBdEhiIOPqRsStuvVx?";

pub fn parse(
    prog: &str,
    argv: &[String],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Command, Early> {
    let mut cmd = Command {
        target: Target::Repl,
        args: vec![],
        config: Config::default(),
        inspect: false,
        dump: None,
        stats: false,
        specialize: true,
        superinstructions: true,
        hot_threshold: None,
        jit: Jit::Off,
        opt_off: Vec::new(),
        jit_check: false,
        skip_first_line: false,
        hash_seed: None,
    };
    let mut version = 0;
    let mut help = false;
    let mut target = None;
    let mut i = 0;
    'args: while i < argv.len() {
        let a = &argv[i];
        i += 1;
        if a == "--" {
            break;
        }
        if a == "-" {
            target = Some(Target::Stdin);
            break;
        }
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "help" | "help-env" | "help-xoptions" | "help-all" => help = true,
                "version" => version += 1,
                "stats" => cmd.stats = true,
                "dump=bytecode" => cmd.dump = Some(Dump::Bytecode),
                "dump=quickened" => cmd.dump = Some(Dump::Quickened),
                "dump=uops" => cmd.dump = Some(Dump::Uops),
                "dump=opt" => cmd.dump = Some(Dump::Opt),
                "check-hash-based-pycs" => i += 1,
                _ if long.starts_with("check-hash-based-pycs=") => {}
                _ if long.starts_with("dump") => {
                    return Err(usage_error(prog, &format!("invalid --dump stage in {a} (supported: --dump=bytecode, --dump=quickened, --dump=uops, --dump=opt)")))
                }
                _ => return Err(usage_error(prog, &format!("unknown option {a}"))),
            }
            continue;
        }
        let Some(group) = a.strip_prefix('-') else {
            target = Some(Target::Script(a.clone()));
            break;
        };
        let chars: Vec<char> = group.chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            if WITH_ARG.contains(&c) {
                let rest: String = chars[j + 1..].iter().collect();
                let value = if !rest.is_empty() {
                    rest
                } else if i < argv.len() {
                    i += 1;
                    argv[i - 1].clone()
                } else {
                    return Err(usage_error(
                        prog,
                        &format!("Argument expected for the -{c} option"),
                    ));
                };
                match c {
                    'c' => {
                        target = Some(Target::Code(value));
                        break 'args;
                    }
                    'm' => {
                        target = Some(Target::Module(value));
                        break 'args;
                    }
                    'W' => cmd.config.warnoptions.push(value),
                    _ => x_option(&mut cmd.config, &value),
                }
                continue 'args;
            }
            if !FLAGS.contains(c) {
                return Err(usage_error(prog, &format!("Unknown option: -{c}")));
            }
            let f = &mut cmd.config.flags;
            match c {
                'b' => f.bytes_warning += 1,
                'B' => f.dont_write_bytecode = 1,
                'd' => f.debug += 1,
                'E' => f.ignore_environment = 1,
                'h' | '?' => help = true,
                'i' => {
                    f.inspect = 1;
                    f.interactive = 1;
                }
                'I' => {
                    f.isolated = 1;
                    f.no_user_site = 1;
                    f.ignore_environment = 1;
                    f.safe_path = true;
                }
                'O' => f.optimize += 1,
                'P' => f.safe_path = true,
                'q' => f.quiet = 1,
                'R' => cmd.hash_seed = Some(HashSeed::Random),
                's' => f.no_user_site = 1,
                'S' => f.no_site = 1,
                'u' => cmd.config.unbuffered = true,
                'v' => f.verbose += 1,
                'V' => version += 1,
                'x' => cmd.skip_first_line = true,
                _ => {} // 't': accepted without effect, as CPython 3.11 does
            }
        }
    }
    if help {
        return Err(Early::Exit {
            stdout: help_text(prog),
            stderr: String::new(),
            code: 0,
        });
    }
    if version > 0 {
        return Err(Early::Exit {
            stdout: version_text(version > 1),
            stderr: String::new(),
            code: 0,
        });
    }
    cmd.args = argv[i..].to_vec();
    cmd.inspect = cmd.config.flags.inspect != 0;
    apply_environment(&mut cmd, env);
    for (name, value) in &cmd.config.xoptions {
        match (name.as_str(), value.as_deref()) {
            ("specialize", None | Some("on" | "1")) => cmd.specialize = true,
            ("specialize", Some("off" | "0")) => cmd.specialize = false,
            ("specialize", Some(v)) => {
                return Err(usage_error(prog, &format!("invalid -X specialize={v} (use on or off)")))
            }
            ("superinstructions", None | Some("on" | "1")) => cmd.superinstructions = true,
            ("superinstructions", Some("off" | "0")) => cmd.superinstructions = false,
            ("superinstructions", Some(v)) => {
                return Err(usage_error(prog, &format!("invalid -X superinstructions={v} (use on or off)")))
            }
            ("jit-threshold", Some(v)) => match v.parse::<u16>() {
                Ok(n) if n >= 1 => cmd.hot_threshold = Some(n),
                _ => {
                    return Err(usage_error(prog, &format!("invalid -X jit-threshold={v} (use 1..65535)")))
                }
            },
            ("jit-check", None | Some("on" | "1")) => cmd.jit_check = true,
            ("jit-check", Some("off" | "0")) => cmd.jit_check = false,
            ("jit-check", Some(v)) => return Err(usage_error(prog, &format!("invalid -X jit-check={v} (use on or off)"))),
            ("jit", Some("off" | "0")) => cmd.jit = Jit::Off,
            ("jit", Some("uops")) => cmd.jit = Jit::Uops,
            ("jit", Some("on" | "1") | None) => {
                return Err(usage_error(
                    prog,
                    "-X jit=on: the machine-code backend is not built yet (use -X jit=uops for the uop interpreter)",
                ))
            }
            ("jit", Some(v)) => return Err(usage_error(prog, &format!("invalid -X jit={v} (use off or uops)"))),
            (o, Some(v)) if o.starts_with("opt.") => {
                let pass = &o[4..];
                if !optimizer::passes::PASSES.contains(&pass) {
                    return Err(usage_error(
                        prog,
                        &format!("unknown optimizer pass in -X {o} (passes: {})", optimizer::passes::PASSES.join(", ")),
                    ));
                }
                match v {
                    "off" | "0" => cmd.opt_off.push(pass.to_string()),
                    "on" | "1" => cmd.opt_off.retain(|p| p != pass),
                    _ => return Err(usage_error(prog, &format!("invalid -X {o}={v} (use on or off)"))),
                }
            }
            ("dev", _) => cmd.config.flags.dev_mode = true,
            ("int_max_str_digits", Some(v)) => match v.parse::<i64>() {
                Ok(n) if n == 0 || n >= 640 => cmd.config.flags.int_max_str_digits = n,
                _ => {
                    return Err(Early::Exit {
                        stdout: String::new(),
                        stderr: "Fatal Python error: config_init_int_max_str_digits: -X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n".into(),
                        code: 1,
                    })
                }
            },
            _ => {} // CPython ignores -X options it does not know
        }
    }
    cmd.target = target.unwrap_or(Target::Repl);
    Ok(cmd)
}

fn x_option(config: &mut Config, value: &str) {
    let (name, v) = match value.split_once('=') {
        Some((n, v)) => (n.to_string(), Some(v.to_string())),
        None => (value.to_string(), None),
    };
    config.xoptions.push((name, v));
}

/// The `PYTHON*` variables that matter (all ignored under -E / -I).
fn apply_environment(cmd: &mut Command, env: &dyn Fn(&str) -> Option<String>) {
    if cmd.config.flags.ignore_environment != 0 {
        return;
    }
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(p) = set("PYTHONPATH") {
        cmd.config.pythonpath = p.split(':').map(str::to_string).collect();
    }
    if set("PYTHONUNBUFFERED").is_some() {
        cmd.config.unbuffered = true;
    }
    if set("PYTHONDONTWRITEBYTECODE").is_some() {
        cmd.config.flags.dont_write_bytecode = 1;
    }
    if set("PYTHONINSPECT").is_some() {
        cmd.inspect = true;
        cmd.config.flags.inspect = 1;
    }
    if set("PYTHONSAFEPATH").is_some() {
        cmd.config.flags.safe_path = true;
    }
    if let Some(o) = set("PYTHONOPTIMIZE") {
        let n = o.parse::<u8>().unwrap_or(1);
        cmd.config.flags.optimize = cmd.config.flags.optimize.max(n);
    }
    if set("PYTHONNOUSERSITE").is_some() {
        cmd.config.flags.no_user_site = 1;
    }
    if let Some(v) = set("PYTHONINTMAXSTRDIGITS") {
        if let Ok(n) = v.parse::<i64>() {
            cmd.config.flags.int_max_str_digits = n;
        }
    }
    if let Some(v) = set("PYTHONIOENCODING") {
        let (enc, errors) = match v.split_once(':') {
            Some((e, r)) => (e.to_string(), Some(r.to_string()).filter(|r| !r.is_empty())),
            None => (v.clone(), None),
        };
        cmd.config.io_encoding = Some((enc, errors));
    }
    if cmd.hash_seed.is_none() {
        cmd.hash_seed = match set("PYTHONHASHSEED").as_deref() {
            Some("random") => Some(HashSeed::Random),
            Some(n) => n.parse::<u32>().ok().map(HashSeed::Seed),
            None => None,
        };
    }
}

fn help_text(prog: &str) -> String {
    format!(
        "usage: {prog} [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (as CPython 3.11's; pyrun runs Python 3.11 programs):
-b     : issue warnings about str(bytes_instance) and comparing bytes with str (-bb: errors)
-B     : don't write .pyc files on import (pyrun writes none anyway)
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-v     : verbose
-V     : print the Python version number and exit (also --version; -VV for more)
-W arg : warning control (sys.warnoptions)
-x     : skip first line of source
-X opt : implementation-specific option; pyrun's: -X specialize=on|off (tier-1
         quickening, on by default), -X superinstructions=on|off (on by default),
         -X jit-threshold=N (loop/function executions before code is hot, default
         1039), -X jit=off|uops (tier 2: hot loops recorded into uop traces run by
         the uop interpreter; off by default), -X opt.NAME=off (turn off one tier-2
         pass: peel, fold, refcount, dce), -X jit-check=on (check every trace's
         invariants after each pass); other -X options are accepted and ignored
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

pyrun's own options (before the program):
--dump=bytecode : print the compiled bytecode of every code object instead of running
--dump=quickened: run, then print the main module's code with its tier-1 forms to stderr
--dump=uops     : run, printing each tier-2 trace as recorded to stderr (with -X jit=uops)
--dump=opt      : run, printing each tier-2 trace after each optimizer pass to stderr
--stats         : at exit, print tier-1 specialization and tier-2 trace statistics to stderr
pyrun bench ... : benchmark programs against other interpreters (pyrun bench --help)

Environment variables: PYTHONPATH, PYTHONUNBUFFERED, PYTHONHASHSEED (0, N or random),
PYTHONIOENCODING, PYTHONSAFEPATH, PYTHONOPTIMIZE, PYTHONINSPECT, PYTHONINTMAXSTRDIGITS.
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Command {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        match parse("pyrun", &v, &|_| None) {
            Ok(c) => c,
            Err(Early::Exit { stderr, .. }) => panic!("early exit: {stderr}"),
        }
    }

    #[test]
    fn every_effective_xoption_is_parsed() {
        // A bad value is an error only for options pyrun reads.
        for name in EFFECTIVE_XOPTIONS.iter().filter(|n| **n != "dev") {
            let v = vec![
                "-X".to_string(),
                format!("{name}=bogus"),
                "-c".into(),
                "1".into(),
            ];
            assert!(
                parse("pyrun", &v, &|_| None).is_err(),
                "-X {name}=bogus accepted"
            );
        }
        assert!(p(&["-X", "dev", "-c", "1"]).config.flags.dev_mode);
        assert!(PASSES.iter().all(|p| EFFECTIVE_XOPTIONS.contains(p)));
        for pass in optimizer::passes::PASSES {
            assert!(
                EFFECTIVE_XOPTIONS.contains(&format!("opt.{pass}").as_str()),
                "opt.{pass}"
            );
        }
    }

    #[test]
    fn every_listed_pass_can_be_switched_off() {
        let pass_state = |c: &Command| (c.specialize, c.superinstructions);
        let default = pass_state(&p(&["-c", "1"]));
        for pass in PASSES {
            let on = p(&["-X", &format!("{pass}=on"), "-c", "1"]);
            let off = p(&["-X", &format!("{pass}=off"), "-c", "1"]);
            assert_eq!(pass_state(&on), default, "{pass}=on is the default");
            assert_ne!(pass_state(&off), default, "{pass}=off changes nothing");
        }
    }

    #[test]
    fn arguments_after_the_program_are_untouched() {
        let c = p(&["-u", "prog.py", "--help", "-V", "-c", "x", "--", "b"]);
        assert_eq!(c.target, Target::Script("prog.py".into()));
        assert_eq!(c.args, ["--help", "-V", "-c", "x", "--", "b"]);
        assert!(c.config.unbuffered);
        let c = p(&["-Oc", "print(1)", "a", "-b"]);
        assert_eq!(c.target, Target::Code("print(1)".into()));
        assert_eq!(c.args, ["a", "-b"]);
        assert_eq!(c.config.flags.optimize, 1);
        let c = p(&["-mpkg.mod", "-x"]);
        assert_eq!(c.target, Target::Module("pkg.mod".into()));
        assert_eq!(c.args, ["-x"]);
    }

    #[test]
    fn x_options() {
        let c = p(&[
            "-X",
            "specialize=off",
            "-Xfrozen_modules=off",
            "-X",
            "dev",
            "-c",
            "1",
        ]);
        assert!(!c.specialize);
        assert!(c.config.flags.dev_mode);
        assert_eq!(c.config.xoptions.len(), 3);
    }

    #[test]
    fn errors_are_cpythons() {
        for (args, msg) in [
            (vec!["-z"], "Unknown option: -z"),
            (vec!["-c"], "Argument expected for the -c option"),
            (vec!["--foo"], "unknown option --foo"),
        ] {
            let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            match parse("pyrun", &v, &|_| None) {
                Err(Early::Exit { stderr, code, .. }) => {
                    assert!(stderr.starts_with(msg), "{stderr}");
                    assert_eq!(code, 2);
                }
                Ok(_) => panic!("{args:?} parsed"),
            }
        }
    }
}
