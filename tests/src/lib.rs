//! Differential tests: every program in `tests/programs/` (and `benches/programs/`) is run
//! through the `pyrun` binary and compared with the expectations recorded from CPython 3.11
//! by `tests/regen_expected.py`; `tests/cli/` holds the command-line cases.

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `$PYRUN_BIN`, else `target/release/pyrun`, else `target/debug/pyrun`.
pub fn pyrun_bin() -> PathBuf {
    if let Ok(p) = std::env::var("PYRUN_BIN") {
        return PathBuf::from(p);
    }
    let ws = workspace();
    for profile in ["release", "debug"] {
        let p = ws.join("target").join(profile).join("pyrun");
        if p.exists() {
            return p;
        }
    }
    panic!("pyrun binary not found: run `cargo build --release -p pyrun` first (or set PYRUN_BIN)");
}
