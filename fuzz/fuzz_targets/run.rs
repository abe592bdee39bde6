//! The interpreter on programs (the corpus holds programs from tests/fuzz/progen.py and
//! tests/programs): whatever the input, running it must end in a result or a Python
//! exception, never a panic or abort. pyrun flags come from PYRUN_FUZZ_FLAGS (e.g.
//! `-X specialize=off`), so later tiers are fuzzed the same way.
#![no_main]
use libfuzzer_sys::fuzz_target;

/// Inputs that could legitimately run forever or touch the machine are skipped.
fn runnable(src: &str) -> bool {
    !["while", "import", "open(", "input(", "exit(", "sleep"]
        .iter()
        .any(|w| src.contains(w))
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if !runnable(src) {
        return;
    }
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(move || {
            let mut machine = vm::Vm::new(vec!["<fuzz>".into()]);
            let flags = std::env::var("PYRUN_FUZZ_FLAGS").unwrap_or_default();
            for x in flags.split_whitespace().filter(|f| *f != "-X") {
                match x {
                    "specialize=off" => machine.tier1 = false,
                    "specialize=on" => machine.tier1 = true,
                    other => panic!("PYRUN_FUZZ_FLAGS: unknown option {other}"),
                }
            }
            machine.recursion_limit = 200;
            let _ = vm::run::run_source(&mut machine, &src, "<fuzz>");
        })
        .unwrap()
        .join()
        .unwrap();
});
