//! Records where CPython 3.11's standard library is (`python3`'s, or `python3.11`'s, when
//! that interpreter is 3.11) as `PYRUN_BUILD_STDLIB`, one of the places pyrun looks for it
//! at run time (see `config::find_stdlib`).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PATH");
    let probe = "import sys; print(sys._stdlib_dir if sys.version_info[:2] == (3, 11) else '')";
    let dir = ["python3", "python3.11"].iter().find_map(|py| {
        let out = Command::new(py).args(["-I", "-c", probe]).output().ok()?;
        let d = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !d.is_empty()).then_some(d)
    });
    println!(
        "cargo:rustc-env=PYRUN_BUILD_STDLIB={}",
        dir.unwrap_or_default()
    );
}
