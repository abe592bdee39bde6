//! The micro-op table: every uop defined once — name, inputs, result kind, flags and a
//! doc line. The recorder emits uops, the passes read their flags and kinds, the uop
//! interpreter (`exec.rs`) runs them, and the backends will lower them; nothing else keeps
//! a list of uops.
//!
//! A trace is in SSA form: each instruction's result is a value named by its index (`Ref`).
//! Result kinds: `Word` (a boxed `Value` word), `I64` / `F64` (unboxed), `Bit` (0 or 1),
//! `Void` (no result).
//!
//! Flags:
//! - `GUARD`: may leave the trace through its snapshot (the state before the bytecode
//!   instruction being recorded): the interpreter re-runs that instruction;
//! - `RAISES`: may fail with a Python exception: the trace leaves through its snapshot
//!   (the state after the instruction's inputs were consumed) and the interpreter raises;
//! - `CALLS`: calls out of the trace (a runtime helper or native function); may free
//!   objects and run arbitrary native code;
//! - `PURE`: result depends only on inputs, no effect (a constant input folds it);
//! - `FREES`: may drop the last reference of an object (DECREF, stores that replace a
//!   value): an earlier borrowed reference to that object may die.

/// Result kind of a uop.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Void,
    Word,
    I64,
    F64,
    Bit,
}

pub mod flags {
    /// May leave the trace through its snapshot.
    pub const GUARD: u8 = 1;
    pub const RAISES: u8 = 2;
    pub const CALLS: u8 = 4;
    pub const PURE: u8 = 8;
    pub const FREES: u8 = 16;
}

macro_rules! uops {
    ($( $name:ident($n:literal) -> $kind:ident [$($flag:ident)|*] $doc:literal; )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Uop { $( $name, )* }

        impl Uop {
            pub const ALL: &'static [Uop] = &[ $( Uop::$name, )* ];
            pub fn name(self) -> &'static str {
                match self { $( Uop::$name => stringify!($name), )* }
            }
            /// Number of value inputs.
            pub fn arity(self) -> usize {
                match self { $( Uop::$name => $n, )* }
            }
            pub fn kind(self) -> Kind {
                match self { $( Uop::$name => Kind::$kind, )* }
            }
            pub fn flags(self) -> u8 {
                match self { $( Uop::$name => 0 $( | flags::$flag )*, )* }
            }
            pub fn doc(self) -> &'static str {
                match self { $( Uop::$name => $doc, )* }
            }
        }
    };
}

uops! {
    // ---- structure ----
    NOP(0) -> Void [] "nothing (a removed instruction)";
    LOOP(0) -> Void [] "the loop header: every iteration starts here";
    JUMP_LOOP(0) -> Void [] "end of an iteration: check for a pending signal (then leave through the snapshot); unpeeled (`imm2` 0): write the snapshot's slots back and start again after the first LOOP; peeled (`imm2` 1): set each PHI after the LOOP at `imm` to its second input and start after them; a bridge's end (`imm2` 2): write back and start the parent loop again";
    PHI(2) -> Word [] "a loop-carried value, first in the peeled loop: a on entry from the first iteration, b (computed by the previous iteration) after each JUMP_LOOP; `imm`: the slot it stands for";
    PHI_I64(2) -> I64 [] "a loop-carried unboxed int (as PHI)";
    PHI_F64(2) -> F64 [] "a loop-carried unboxed float (as PHI)";
    INTERP(0) -> Void [GUARD | RAISES | CALLS | FREES] "write the snapshot's slots back and run bytecode instruction `imm` in the interpreter's generic form; continue if it went on to instruction `imm2`, else leave the trace where it went (or raise what it raised)";
    // ---- values ----
    CONST(0) -> Word [PURE] "the constant word `imm` (a pointer is kept alive by the trace)";
    CONST_I64(0) -> I64 [PURE] "the constant i64 `imm`";
    CONST_F64(0) -> F64 [PURE] "the constant f64 with bits `imm`";
    LOAD_SLOT(0) -> Word [] "slot `imm` of the frame's window (locals, then the operand stack), as in memory (borrowed)";
    INCREF(1) -> Void [] "take a reference to the value (nothing for immediates)";
    DECREF(1) -> Void [FREES] "drop a reference; frees the object at zero (nothing for immediates)";
    // ---- guards: leave the trace through the snapshot (the state before the bytecode instruction) ----
    GUARD_BOUND(1) -> Void [GUARD] "the local is bound (not UNDEF)";
    GUARD_INT(1) -> Void [GUARD] "the value is a small int";
    GUARD_FLOAT(1) -> Void [GUARD] "the value is a float";
    GUARD_TYPE(1) -> Void [GUARD] "the value is a heap object whose type is exactly `imm`";
    GUARD_SHAPE(1) -> Void [GUARD] "the value is a plain instance with shape `imm` (its type already guarded)";
    GUARD_EPOCH(0) -> Void [GUARD] "the type epoch is still `imm` (no class attribute changed)";
    GUARD_GLOBALS(0) -> Void [GUARD] "the frame's globals are the dict `imm`, still at version `imm2`";
    GUARD_DICT_VERSION(0) -> Void [GUARD] "the dict `imm` (an inlined function's globals) is still at version `imm2`";
    GUARD_BUILTINS(0) -> Void [GUARD] "the builtins dict is still at version `imm2`";
    LOAD_DICT_ENTRY(0) -> Word [] "the value of entry `imm2` of the dict `imm` (its version guarded: the key is there; a rebinding keeps the version, so the value is read each time)";
    GUARD_IS(1) -> Void [GUARD] "the value is the word `imm`";
    GUARD_IS_NOT(1) -> Void [GUARD] "the value is not the word `imm`";
    GUARD_BIT(1) -> Void [GUARD] "the bit equals `imm` (a branch goes the recorded way)";
    GUARD_RANGE_ITER(1) -> Void [GUARD] "the value is a range iterator";
    GUARD_LIST_ITER(1) -> Void [GUARD] "the value is an iterator over a list";
    GUARD_ITER_DONE(1) -> Void [GUARD] "the range or list iterator (kind guarded) is exhausted (a loop ends as recorded)";
    GUARD_LEN(1) -> Void [GUARD] "the tuple or list (type guarded) has length `imm`";
    // ---- ints: unboxed i64 in the small-int range ----
    UNBOX_INT(1) -> I64 [PURE] "a small int's payload";
    BOX_INT(1) -> Word [PURE] "the small int of an i64 in range";
    ADD_INT(2) -> I64 [GUARD | PURE] "a + b; leaves if the result is not a small int";
    SUB_INT(2) -> I64 [GUARD | PURE] "a - b; leaves if the result is not a small int";
    MUL_INT(2) -> I64 [GUARD | PURE] "a * b; leaves if the result is not a small int";
    AND_INT(2) -> I64 [PURE] "a & b";
    OR_INT(2) -> I64 [PURE] "a | b";
    XOR_INT(2) -> I64 [PURE] "a ^ b";
    RSHIFT_INT(2) -> I64 [GUARD | PURE] "a >> b; leaves if b < 0";
    LSHIFT_INT(2) -> I64 [GUARD | PURE] "a << b; leaves if b < 0 or the result is not a small int";
    FLOORDIV_INT(2) -> I64 [GUARD | PURE] "a // b (floor); leaves if b == 0 or the result is not a small int";
    MOD_INT(2) -> I64 [GUARD | PURE] "a % b (floor, the sign of b); leaves if b == 0";
    CMP_INT(2) -> Bit [PURE] "1 if the order of a and b is in the `when` mask `imm` (LT 1, EQ 2, GT 4)";
    // ---- floats: unboxed f64 ----
    UNBOX_FLOAT(1) -> F64 [PURE] "a float's value";
    BOX_FLOAT(1) -> Word [PURE] "the float of an f64 (NaN canonicalised)";
    INT_TO_FLOAT(1) -> F64 [PURE] "an i64 as f64 (exact: small ints have 48 bits)";
    ADD_FLOAT(2) -> F64 [PURE] "a + b";
    SUB_FLOAT(2) -> F64 [PURE] "a - b";
    MUL_FLOAT(2) -> F64 [PURE] "a * b";
    DIV_FLOAT(2) -> F64 [GUARD | PURE] "a / b; leaves if b == 0.0 (the interpreter raises)";
    POW_FLOAT(2) -> F64 [GUARD | PURE] "a ** b; leaves unless a > 0 and both are finite and so is the result (the interpreter raises or returns a complex)";
    NEG_INT(1) -> I64 [GUARD | PURE] "-a; leaves if the result is not a small int";
    NEG_FLOAT(1) -> F64 [PURE] "-a";
    CMP_FLOAT(2) -> Bit [PURE] "1 if the order of a and b is in the `when` mask `imm` (LT 1, EQ 2, GT 4, unordered 8)";
    // ---- other values ----
    BOX_BOOL(1) -> Word [PURE] "False or True from a bit";
    IS(2) -> Bit [PURE] "a is b (the same word)";
    TRUTH(1) -> Bit [PURE] "truth of a bool or small int (kind guarded)";
    NOT_BIT(1) -> Bit [PURE] "1 - a";
    NONZERO(1) -> Bit [PURE] "1 if the i64 is not 0 (the truth of an unboxed int)";
    // ---- objects (results borrowed unless stated; inputs never consumed unless stated) ----
    NEW_INSTANCE(0) -> Word [] "a new, empty instance of the plain class `imm` (owned; allocates, runs no code)";
    LOAD_ATTR_SLOT(1) -> Word [] "the instance's slot `imm` (type and shape guarded)";
    STORE_ATTR_SLOT(2) -> Word [] "b moves into the instance's slot `imm`; the result is the old value (owned: to release)";
    STORE_ATTR_ADD(2) -> Void [] "b moves into a new slot of the instance, whose shape becomes `imm` (a new attribute; the old shape guarded)";
    LIST_GET(2) -> Word [GUARD] "list[i] (i < 0 counts from the end); leaves when out of range";
    LIST_SET(3) -> Word [GUARD] "c moves into list[b] (0 <= b < len); leaves when out of range; the result is the old item (owned)";
    TUPLE_GET(2) -> Word [GUARD] "tuple[i] (i < 0 counts from the end); leaves when out of range";
    SEQ_ITEM(1) -> Word [] "item `imm` of a tuple or list whose length was guarded";
    RANGE_NEXT(1) -> I64 [GUARD] "the range iterator's next value; leaves (before advancing) when exhausted or not a small int";
    LEN(1) -> I64 [PURE] "len() of an exact str, list, tuple, dict or set (type guarded)";
    LIST_ITER_NEXT(1) -> Word [GUARD] "the list iterator's next item; leaves (before advancing) when exhausted";
}

impl Uop {
    pub fn is_guard(self) -> bool {
        self.flags() & flags::GUARD != 0
    }
    /// Can this uop leave the trace (a guard or an operation that raises)?
    pub fn can_exit(self) -> bool {
        self.flags() & (flags::GUARD | flags::RAISES) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_arities_small() {
        let mut names: Vec<_> = Uop::ALL.iter().map(|u| u.name()).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len());
        assert!(Uop::ALL.iter().all(|u| u.arity() <= 3));
    }

    #[test]
    fn pure_ops_have_results() {
        for u in Uop::ALL {
            if u.flags() & flags::PURE != 0 {
                assert_ne!(u.kind(), Kind::Void, "{}", u.name());
            }
        }
    }
}
