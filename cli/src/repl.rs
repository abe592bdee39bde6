//! The interactive prompt: `>>> ` / `... ` with line editing and history (rustyline) on a
//! terminal, plain line reading otherwise (`-i` with piped input); prompts go to stderr
//! as CPython's do.

use vm::interactive::{feed, Input};

pub fn run(machine: &mut vm::Vm, quiet: bool) -> i32 {
    if !quiet {
        let _ = vm::stdio::write_stderr(machine, vm::interactive::banner().as_bytes());
    }
    vm::interactive::main_globals(machine);
    let tty = vm::stdio::is_tty(0);
    let mut editor = if tty {
        rustyline::DefaultEditor::new().ok()
    } else {
        None
    };
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { ">>> " } else { "... " };
        machine.flush();
        let line = match &mut editor {
            Some(ed) => match ed.readline(prompt) {
                Ok(l) => {
                    if !l.trim().is_empty() {
                        let _ = ed.add_history_entry(l.as_str());
                    }
                    Some(l)
                }
                Err(rustyline::error::ReadlineError::Interrupted) => {
                    vm::signals::take_pending();
                    buf.clear();
                    let _ = vm::stdio::write_stderr(machine, b"\nKeyboardInterrupt\n");
                    continue;
                }
                Err(_) => None,
            },
            None => {
                let _ = vm::stdio::write_stderr(machine, prompt.as_bytes());
                match vm::stdio::read_line() {
                    Ok(l) if !l.is_empty() => Some(l.trim_end_matches('\n').to_string()),
                    _ => None,
                }
            }
        };
        let Some(line) = line else {
            // End of input: CPython prints a newline on a terminal and exits 0.
            if tty {
                let _ = vm::stdio::write_stderr(machine, b"\n");
            }
            return 0;
        };
        buf.push_str(&line);
        buf.push('\n');
        match feed(machine, &buf) {
            Input::Incomplete => {}
            Input::Done => buf.clear(),
            Input::Exit(code) => return code,
        }
    }
}
