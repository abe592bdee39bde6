//! The per-ISA backends. Each has `regs.rs` (register tables and ABI), `masm.rs` (the
//! `MacroAssembler` implementation with dynasmrt), `disasm.rs` (decoding for listings) and
//! `patch.rs` (re-pointing an installed jump). `Emitter` is the ISA-free bookkeeping both
//! share: the dynasmrt buffer, labels, listing notes and deferred cold stubs.

pub mod aarch64;
pub mod x64;

use crate::masm::{ColdStub, Label};
use crate::{Assembled, CodegenError, Isa, Notes};
use dynasmrt::relocations::Relocation;
use dynasmrt::{DynamicLabel, DynasmApi, DynasmLabelApi, VecAssembler};

/// The `MacroAssembler` methods that are pure `Emitter` bookkeeping, identical per ISA
/// (the implementing struct keeps its `Emitter` in a field named `e`).
macro_rules! emitter_methods {
    ($isa:expr, $tables:expr) => {
        fn isa(&self) -> $crate::Isa {
            $isa
        }
        fn regs(&self) -> &'static $crate::regs::RegTables {
            &$tables
        }
        fn new_label(&mut self) -> Label {
            self.e.new_label()
        }
        fn bind(&mut self, label: Label) {
            self.e.bind(label)
        }
        fn comment(&mut self, text: &str) {
            self.e.comment(text)
        }
        fn offset(&self) -> usize {
            self.e.offset()
        }
        fn defer(&mut self, stub: ColdStub) {
            self.e.defer(stub)
        }
        fn take_deferred(&mut self) -> Vec<ColdStub> {
            self.e.take_deferred()
        }
        fn finish(&mut self) -> Result<$crate::Assembled, $crate::CodegenError> {
            emit_deferred(self);
            self.e.finish($isa)
        }
    };
}
pub(crate) use emitter_methods;

pub(crate) struct Emitter<R: Relocation> {
    pub ops: VecAssembler<R>,
    labels: Vec<DynamicLabel>,
    pub notes: Notes,
    deferred: Vec<ColdStub>,
}

impl<R: Relocation> Emitter<R> {
    pub fn new() -> Self {
        // Base address 0: the code is position-independent, copied into the arena later.
        Emitter {
            ops: VecAssembler::new(0),
            labels: vec![],
            notes: Notes::default(),
            deferred: vec![],
        }
    }

    pub fn new_label(&mut self) -> Label {
        let dl = self.ops.new_dynamic_label();
        self.labels.push(dl);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn dl(&self, l: Label) -> DynamicLabel {
        self.labels[l.0 as usize]
    }

    pub fn bind(&mut self, l: Label) {
        let dl = self.dl(l);
        self.ops.dynamic_label(dl);
    }

    pub fn offset(&self) -> usize {
        self.ops.offset().0
    }

    pub fn comment(&mut self, text: &str) {
        let at = self.offset();
        self.notes.comments.push((at, text.to_string()));
    }

    pub fn symbol(&mut self, addr: u64, name: &'static str) {
        if !self.notes.symbols.iter().any(|&(a, _)| a == addr) {
            self.notes.symbols.push((addr, name));
        }
    }

    pub fn defer(&mut self, stub: ColdStub) {
        self.deferred.push(stub);
    }

    pub fn take_deferred(&mut self) -> Vec<ColdStub> {
        std::mem::take(&mut self.deferred)
    }

    /// Resolves labels and hands out the code; the emitter is empty afterwards.
    /// (The caller has already emitted the deferred stubs through the trait.)
    pub fn finish(&mut self, isa: Isa) -> Result<Assembled, CodegenError> {
        let err = |e: dynasmrt::DynasmError| CodegenError::Assembler(e.to_string());
        self.ops.commit().map_err(err)?;
        let offsets = self
            .labels
            .iter()
            .map(|&dl| self.ops.labels().resolve_dynamic(dl).ok().map(|o| o.0));
        let mut notes = std::mem::take(&mut self.notes);
        notes.labels = offsets.collect();
        let code = self.ops.take().map_err(err)?;
        self.labels.clear();
        Ok(Assembled { isa, code, notes })
    }
}

/// Bytes a patchable jump occupies.
pub fn patch_site_len(isa: Isa) -> usize {
    match isa {
        Isa::X64 => x64::patch::SITE_LEN,
        Isa::Aarch64 => aarch64::patch::SITE_LEN,
    }
}

/// Rewrites the patchable jump in `site` (at address `site_addr`) to go to `target`.
pub fn retarget_jump(
    isa: Isa,
    site: &mut [u8],
    site_addr: u64,
    target: u64,
) -> Result<(), CodegenError> {
    match isa {
        Isa::X64 => x64::patch::retarget(site, site_addr, target),
        Isa::Aarch64 => aarch64::patch::retarget(site, site_addr, target),
    }
}
