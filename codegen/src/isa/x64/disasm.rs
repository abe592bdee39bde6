//! x86-64 decoding for listings (iced-x86, Intel syntax). Branch targets and known helper
//! addresses are printed as names by a symbol resolver.

use crate::listing::{Insn, Names};
use iced_x86::{
    Decoder, DecoderOptions, Formatter, Instruction, IntelFormatter, SymbolResolver, SymbolResult,
};

struct Resolver(Names);

impl SymbolResolver for Resolver {
    fn symbol(
        &mut self,
        _: &Instruction,
        _: u32,
        _: Option<u32>,
        address: u64,
        _: u32,
    ) -> Option<SymbolResult<'_>> {
        self.0
            .name(address)
            .map(|n| SymbolResult::with_string(address, n))
    }
}

/// Decodes `code` as if placed at address 0 (offsets are addresses).
pub fn decode(code: &[u8], names: Names) -> Vec<Insn> {
    let mut decoder = Decoder::with_ip(64, code, 0, DecoderOptions::NONE);
    let mut fmt = IntelFormatter::with_options(Some(Box::new(Resolver(names))), None);
    fmt.options_mut().set_space_after_operand_separator(true);
    fmt.options_mut().set_hex_prefix("0x");
    fmt.options_mut().set_hex_suffix("");
    fmt.options_mut().set_uppercase_hex(false);
    let mut out = vec![];
    let mut inst = Instruction::default();
    while decoder.can_decode() {
        decoder.decode_out(&mut inst);
        let mut text = String::new();
        fmt.format(&inst, &mut text);
        out.push(Insn {
            offset: inst.ip() as usize,
            len: inst.len(),
            text,
        });
    }
    out
}
