//! AArch64 decoding for listings (yaxpeax-arm, pure Rust). PC-relative branch targets are
//! printed as label names.

use crate::listing::{Insn, Names};
use yaxpeax_arch::{Decoder, U8Reader};
use yaxpeax_arm::armv8::a64::{InstDecoder, Operand};

/// Decodes `code` as if placed at address 0 (offsets are addresses).
pub fn decode(code: &[u8], names: Names) -> Vec<Insn> {
    let decoder = InstDecoder::default();
    let mut out = vec![];
    for (i, word) in code.chunks(4).enumerate() {
        let offset = 4 * i;
        let mut reader = U8Reader::new(word);
        let text = match decoder.decode(&mut reader) {
            Ok(inst) => {
                let mut text = inst.to_string();
                for op in inst.operands.iter() {
                    if let Operand::PCOffset(rel) = op {
                        let target = (offset as i64 + rel) as u64;
                        let shown = if *rel < 0 {
                            format!("$-{:#x}", rel.wrapping_neg())
                        } else {
                            format!("$+{:#x}", rel)
                        };
                        if let Some(name) = names.name(target) {
                            text = text.replace(&shown, &name);
                        }
                    }
                }
                text
            }
            Err(e) => format!("invalid ({e})"),
        };
        out.push(Insn {
            offset,
            len: word.len(),
            text,
        });
    }
    out
}
