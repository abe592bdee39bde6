//! Deterministic disassembly listings for review and snapshots: code as if placed at
//! address 0, labels named `L<n>` (branch targets print the name, not an address), helper
//! addresses printed by name, comments (e.g. uop names) above their instructions.
//!
//! ```text
//! ; add
//!   0008  4c 8b df                      mov r11, rdi
//! L2:
//!   0016  e9 00 00 00 00                jmp L3        ; patchable
//! ```

use crate::{isa, Assembled, Isa, Notes};
use std::fmt::Write;

/// One decoded instruction.
pub struct Insn {
    pub offset: usize,
    pub len: usize,
    pub text: String,
}

/// Resolves addresses to label or helper names for the decoders.
#[derive(Clone)]
pub struct Names {
    code_len: usize,
    /// (offset, label id), sorted by offset then id.
    labels: Vec<(usize, u32)>,
    symbols: Vec<(u64, &'static str)>,
}

impl Names {
    pub fn new(code_len: usize, notes: &Notes) -> Names {
        let mut labels: Vec<(usize, u32)> = notes
            .labels
            .iter()
            .enumerate()
            .filter_map(|(id, o)| o.map(|o| (o, id as u32)))
            .collect();
        labels.sort();
        Names {
            code_len,
            labels,
            symbols: notes.symbols.clone(),
        }
    }

    /// The name printed for an address: the first label bound there, else a helper.
    pub fn name(&self, addr: u64) -> Option<String> {
        if addr <= self.code_len as u64 {
            if let Some(&(_, id)) = self.labels.iter().find(|&&(o, _)| o as u64 == addr) {
                return Some(format!("L{id}"));
            }
        }
        self.symbols
            .iter()
            .find(|&&(a, _)| a == addr)
            .map(|&(_, n)| n.to_string())
    }

    fn labels_at(&self, offset: usize) -> impl Iterator<Item = u32> + '_ {
        self.labels
            .iter()
            .filter(move |&&(o, _)| o == offset)
            .map(|&(_, id)| id)
    }
}

/// Decodes the code of any ISA (on any host).
pub fn decode(a: &Assembled) -> Vec<Insn> {
    let names = Names::new(a.code.len(), &a.notes);
    match a.isa {
        Isa::X64 => isa::x64::disasm::decode(&a.code, names),
        Isa::Aarch64 => isa::aarch64::disasm::decode(&a.code, names),
    }
}

/// The listing of assembled code. Panics if the decoder and the notes disagree (an
/// instruction that does not decode, a label inside an instruction): that is a backend bug.
pub fn listing(a: &Assembled) -> String {
    let names = Names::new(a.code.len(), &a.notes);
    let insns = decode(a);
    let mut expected = 0;
    for i in &insns {
        assert_eq!(i.offset, expected, "instructions do not tile the code");
        assert!(
            !i.text.contains("(bad)") && !i.text.starts_with("invalid"),
            "undecodable: {}",
            i.text
        );
        expected += i.len;
    }
    assert_eq!(expected, a.code.len(), "trailing bytes do not decode");
    let boundaries: Vec<usize> = insns
        .iter()
        .map(|i| i.offset)
        .chain([a.code.len()])
        .collect();
    for (o, _) in &names.labels {
        assert!(
            boundaries.contains(o),
            "label at {o:#x} is inside an instruction"
        );
    }

    let mut out = String::new();
    let mut comments = a.notes.comments.iter().peekable();
    let mut head = |out: &mut String, offset: usize| {
        while let Some((_, text)) = comments.next_if(|(o, _)| *o <= offset) {
            writeln!(out, "; {text}").unwrap();
        }
        for id in names.labels_at(offset) {
            writeln!(out, "L{id}:").unwrap();
        }
    };
    for i in &insns {
        head(&mut out, i.offset);
        let hex: Vec<String> = a.code[i.offset..i.offset + i.len]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let patch = if a.notes.patch_sites.contains(&i.offset) {
            "    ; patchable"
        } else {
            ""
        };
        writeln!(
            out,
            "  {:04x}  {:<30} {}{}",
            i.offset,
            hex.join(" "),
            i.text,
            patch
        )
        .unwrap();
    }
    head(&mut out, a.code.len());
    out
}
