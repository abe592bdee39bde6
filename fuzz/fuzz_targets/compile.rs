//! Parser + compiler on arbitrary input: any bytes must compile or give a compile error,
//! never panic, abort or hang. Mutations are grammar-aware through the token dictionary
//! (`-dict=fuzz/python.dict`) and the corpus of real programs.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    // Deep nesting recurses in the compiler: run on a thread with the interpreter's stack.
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            for mode in [vm::compile::Mode::Exec, vm::compile::Mode::Eval] {
                let _ = vm::compile::compile_source(&src, "<fuzz>", mode);
            }
        })
        .unwrap()
        .join()
        .unwrap();
});
