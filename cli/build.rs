//! Records the git commit and the build settings for `pyrun daemon`'s history.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    // The sources that go into the binary: a change to them reruns this script, and
    // uncommitted changes in them mark the commit "+dirty".
    let sources = ["src", "../vm/src", "../optimizer/src", "../codegen/src"];
    let mut commit = git(&["rev-parse", "HEAD"]).unwrap_or_else(|| "unknown".into());
    let mut status = vec!["status", "--porcelain", "--untracked-files=no", "--"];
    status.extend(sources.iter().filter(|s| Path::new(s).exists()));
    if git(&status).is_some() {
        commit.push_str("+dirty");
    }
    for s in sources.iter().filter(|s| Path::new(s).exists()) {
        println!("cargo:rerun-if-changed={s}");
    }
    println!("cargo:rustc-env=PYRUN_GIT_COMMIT={commit}");
    for var in ["PROFILE", "OPT_LEVEL", "TARGET"] {
        let v = std::env::var(var).unwrap_or_else(|_| "unknown".into());
        println!("cargo:rustc-env=PYRUN_BUILD_{var}={v}");
    }
    // Run again when HEAD moves: HEAD itself and the branch it points to (when these files
    // exist; a missing file would make cargo run this script on every build).
    let mut watch = vec![git(&["rev-parse", "--git-path", "HEAD"])];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watch.push(git(&["rev-parse", "--git-path", &branch]));
    }
    watch.push(git(&["rev-parse", "--git-path", "packed-refs"]));
    for p in watch.into_iter().flatten() {
        if Path::new(&p).exists() {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
