//! How the interpreter was started: the command-line flags and environment settings that
//! `sys.flags`, `sys.path`, `sys.argv`, `sys.executable` and the streams reflect.

/// The language version pyrun implements (`sys.version_info`, `--version`).
pub const PYTHON_VERSION: (u32, u32, u32) = (3, 11, 7);

/// `sys.flags`, in CPython's field order.
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub debug: u8,
    pub inspect: u8,
    pub interactive: u8,
    pub optimize: u8,
    pub dont_write_bytecode: u8,
    pub no_user_site: u8,
    pub no_site: u8,
    pub ignore_environment: u8,
    pub verbose: u8,
    pub bytes_warning: u8,
    pub quiet: u8,
    pub hash_randomization: u8,
    pub isolated: u8,
    pub dev_mode: bool,
    pub utf8_mode: u8,
    pub warn_default_encoding: u8,
    pub safe_path: bool,
    pub int_max_str_digits: i64,
}

impl Flags {
    /// (name, value) pairs in `sys.flags` order; booleans are the ones CPython prints as
    /// `True`/`False`.
    pub fn fields(&self) -> Vec<(&'static str, FlagValue)> {
        use FlagValue::{Bool, Int};
        vec![
            ("debug", Int(self.debug as i64)),
            ("inspect", Int(self.inspect as i64)),
            ("interactive", Int(self.interactive as i64)),
            ("optimize", Int(self.optimize as i64)),
            ("dont_write_bytecode", Int(self.dont_write_bytecode as i64)),
            ("no_user_site", Int(self.no_user_site as i64)),
            ("no_site", Int(self.no_site as i64)),
            ("ignore_environment", Int(self.ignore_environment as i64)),
            ("verbose", Int(self.verbose as i64)),
            ("bytes_warning", Int(self.bytes_warning as i64)),
            ("quiet", Int(self.quiet as i64)),
            ("hash_randomization", Int(self.hash_randomization as i64)),
            ("isolated", Int(self.isolated as i64)),
            ("dev_mode", Bool(self.dev_mode)),
            ("utf8_mode", Int(self.utf8_mode as i64)),
            (
                "warn_default_encoding",
                Int(self.warn_default_encoding as i64),
            ),
            ("safe_path", Bool(self.safe_path)),
            ("int_max_str_digits", Int(self.int_max_str_digits)),
        ]
    }
}

pub enum FlagValue {
    Int(i64),
    Bool(bool),
}

/// Everything the command line and the environment decide before the program runs.
#[derive(Clone, Debug)]
pub struct Config {
    pub flags: Flags,
    /// `-X` options: name and value (`None` for a bare `-X name`).
    pub xoptions: Vec<(String, Option<String>)>,
    /// `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// `sys.path[0]`: the script's directory, `''` for -c/stdin/REPL, the cwd for -m;
    /// `None` under -P / -I.
    pub path0: Option<String>,
    /// `PYTHONPATH` entries (unless -E/-I).
    pub pythonpath: Vec<String>,
    /// Extra standard-library directories appended to `sys.path` (a CPython `Lib` later).
    pub stdlib_dirs: Vec<String>,
    pub executable: String,
    /// `-u` / `PYTHONUNBUFFERED`: stdout and stderr are written through at once.
    pub unbuffered: bool,
    /// `PYTHONIOENCODING`: (encoding, errors) of the standard streams.
    pub io_encoding: Option<(String, Option<String>)>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            flags: Flags {
                int_max_str_digits: -1,
                ..Flags::default()
            },
            xoptions: vec![],
            warnoptions: vec![],
            path0: Some(String::new()),
            pythonpath: vec![],
            stdlib_dirs: find_stdlib().into_iter().collect(),
            executable: std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            unbuffered: false,
            io_encoding: None,
        }
    }
}

/// CPython 3.11's `Lib` directory, whose pure-Python modules pyrun runs: `$PYRUN_STDLIB`,
/// else the one the build found (`python3`'s when it is 3.11), else Debian's
/// (`libpython3.11-stdlib`) or a source install's. A directory counts if it has `os.py`.
pub fn find_stdlib() -> Option<String> {
    let usable = |d: &str| !d.is_empty() && std::path::Path::new(d).join("os.py").is_file();
    if let Ok(d) = std::env::var("PYRUN_STDLIB") {
        return usable(&d).then_some(d);
    }
    if !SEARCH_DEFAULT_STDLIB {
        return None;
    }
    [
        option_env!("PYRUN_BUILD_STDLIB").unwrap_or(""),
        "/usr/lib/python3.11",
        "/usr/local/lib/python3.11",
    ]
    .into_iter()
    .find(|d| usable(d))
    .map(str::to_string)
}

/// Whether the build's and the system's Lib are used without `$PYRUN_STDLIB` (switched on
/// once CPython's modules run on pyrun's native halves).
const SEARCH_DEFAULT_STDLIB: bool = true;

/// How to get the standard library, for the error when a module is missing without one.
pub const STDLIB_HINT: &str = "pyrun runs CPython 3.11's standard library and found none: install it (Debian: apt-get install libpython3.11-stdlib) or set PYRUN_STDLIB to a CPython 3.11 Lib directory";

impl Config {
    /// `sys.path` as CPython builds it: path[0], PYTHONPATH, then the standard library.
    pub fn sys_path(&self) -> Vec<String> {
        let mut p = vec![];
        p.extend(self.path0.iter().cloned());
        p.extend(self.pythonpath.iter().cloned());
        p.extend(self.stdlib_dirs.iter().cloned());
        p
    }
}
