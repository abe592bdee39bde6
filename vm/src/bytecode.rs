//! Bytecode: one table defines every instruction (name, stack effect, flags); the
//! enum, names, stack-depth computation and the `--dump=bytecode` listing derive from it.
//!
//! An instruction is 8 bytes: `op: u8`, `flags: u8` (reserved), `cache: u16` (index of its
//! inline-cache entry, for tier 1 quickening), `arg: u32`. Jump targets are absolute
//! instruction indices. The code array lives in `Cell`s so tier 1 can rewrite `op` in place.

use crate::value::Value;
use std::cell::Cell;
use std::fmt::Write;

macro_rules! opcodes {
    (|$a:ident| $( $name:ident $(< $fam:ident)? = $eff:expr, $jeff:expr, $doc:literal; )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[allow(non_camel_case_types)]
        pub enum Op { $( $name, )* }

        impl Op {
            pub const ALL: &'static [Op] = &[ $( Op::$name, )* ];
            pub fn name(self) -> &'static str {
                match self { $( Op::$name => stringify!($name), )* }
            }
            /// Net stack effect when the instruction falls through (`jump = false`) or
            /// branches (`jump = true`).
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                let $a = arg as i32;
                match self { $( Op::$name => if jump { $jeff } else { $eff }, )* }
            }
            pub fn doc(self) -> &'static str {
                match self { $( Op::$name => $doc, )* }
            }
            /// The generic instruction a tier-1 form specializes, or the first half of a
            /// superinstruction (itself for generic instructions).
            pub fn generic(self) -> Op {
                match self { $( Op::$name => opcodes!(@family $name $($fam)?), )* }
            }
        }
    };
    (@family $name:ident) => { Op::$name };
    (@family $name:ident $fam:ident) => { Op::$fam };
}

opcodes! { |a|
    NOP = 0, 0, "do nothing";
    POP_TOP = -1, -1, "discard TOS";
    COPY = 1, 1, "push a copy of the arg-th item (1 = TOS)";
    SWAP = 0, 0, "swap TOS with the arg-th item";
    LOAD_CONST = 1, 1, "push consts[arg]";
    LOAD_FAST = 1, 1, "push local arg (UnboundLocalError if unset)";
    STORE_FAST = -1, -1, "pop into local arg";
    DELETE_FAST = 0, 0, "unset local arg";
    LOAD_DEREF = 1, 1, "push the contents of cell arg";
    STORE_DEREF = -1, -1, "pop into cell arg";
    DELETE_DEREF = 0, 0, "empty cell arg";
    LOAD_CLOSURE = 1, 1, "push cell object arg";
    LOAD_GLOBAL = 1, 1, "push global names[arg] (then builtins)";
    STORE_GLOBAL = -1, -1, "pop into global names[arg]";
    DELETE_GLOBAL = 0, 0, "delete global names[arg]";
    LOAD_NAME = 1, 1, "module scope: push names[arg] from locals, globals, builtins";
    STORE_NAME = -1, -1, "module scope: pop into names[arg]";
    DELETE_NAME = 0, 0, "module scope: delete names[arg]";
    LOAD_ATTR = 0, 0, "replace TOS with TOS.names[arg]";
    LOAD_METHOD = 1, 1, "replace TOS with (method, self) or (callable, UNDEF)";
    STORE_ATTR = -2, -2, "TOS.names[arg] = TOS1";
    DELETE_ATTR = -1, -1, "del TOS.names[arg]";
    BINARY_OP = -1, -1, "TOS = TOS1 <binop arg> TOS";
    UNARY_NEGATIVE = 0, 0, "-TOS";
    UNARY_POSITIVE = 0, 0, "+TOS";
    UNARY_NOT = 0, 0, "not TOS";
    UNARY_INVERT = 0, 0, "~TOS";
    COMPARE_OP = -1, -1, "TOS = TOS1 <cmp arg> TOS";
    IS_OP = -1, -1, "TOS1 is TOS (arg=1: is not)";
    CONTAINS_OP = -1, -1, "TOS1 in TOS (arg=1: not in)";
    BINARY_SUBSCR = -1, -1, "TOS = TOS1[TOS]";
    STORE_SUBSCR = -3, -3, "TOS1[TOS] = TOS2";
    DELETE_SUBSCR = -2, -2, "del TOS1[TOS]";
    BUILD_SLICE = 1 - a, 1 - a, "slice from arg (2 or 3) items";
    BUILD_TUPLE = 1 - a, 1 - a, "tuple of arg items";
    BUILD_LIST = 1 - a, 1 - a, "list of arg items";
    BUILD_SET = 1 - a, 1 - a, "set of arg items";
    BUILD_MAP = 1 - 2 * a, 1 - 2 * a, "dict of arg key/value pairs";
    BUILD_STRING = 1 - a, 1 - a, "concatenate arg strings";
    LIST_APPEND = -1, -1, "append TOS to the list arg items down";
    SET_ADD = -1, -1, "add TOS to the set arg items down";
    MAP_ADD = -2, -2, "dict arg items down [TOS1] = TOS";
    LIST_EXTEND = -1, -1, "extend the list arg items down with TOS";
    SET_UPDATE = -1, -1, "update the set arg items down with TOS";
    DICT_UPDATE = -1, -1, "update the dict arg items down with TOS";
    DICT_MERGE = -1, -1, "merge TOS into the kwargs dict arg items down (no duplicates)";
    LIST_TO_TUPLE = 0, 0, "convert the list TOS to a tuple";
    FORMAT_VALUE = -((a & 4 != 0) as i32), -((a & 4 != 0) as i32), "format TOS (arg: 1 str, 2 repr, 3 ascii; 4 = spec on stack)";
    UNPACK_SEQUENCE = a - 1, a - 1, "unpack TOS into arg items";
    UNPACK_EX = (a & 0xff) + (a >> 8), (a & 0xff) + (a >> 8), "unpack with a starred target (arg = before | after << 8)";
    JUMP_FORWARD = 0, 0, "jump to arg (a later instruction)";
    JUMP_BACKWARD = 0, 0, "jump to arg (an earlier one: a loop's back edge; `cache` counts down to hot)";
    POP_JUMP_IF_FALSE = -1, -1, "pop; jump forward to arg if false";
    POP_JUMP_IF_TRUE = -1, -1, "pop; jump forward to arg if true";
    POP_JUMP_BACKWARD_IF_FALSE = -1, -1, "pop; jump back to arg if false (a back edge, counted)";
    POP_JUMP_BACKWARD_IF_TRUE = -1, -1, "pop; jump back to arg if true (a rotated loop's back edge, counted)";
    POP_JUMP_IF_NONE = -1, -1, "pop; jump forward to arg if it is None";
    POP_JUMP_IF_NOT_NONE = -1, -1, "pop; jump forward to arg if it is not None";
    POP_JUMP_BACKWARD_IF_NONE = -1, -1, "pop; jump back to arg if it is None (a back edge, counted)";
    POP_JUMP_BACKWARD_IF_NOT_NONE = -1, -1, "pop; jump back to arg if it is not None (a back edge, counted)";
    JUMP_IF_FALSE_OR_POP = -1, 0, "if TOS false jump to arg (keep), else pop";
    JUMP_IF_TRUE_OR_POP = -1, 0, "if TOS true jump to arg (keep), else pop";
    GET_ITER = 0, 0, "TOS = iter(TOS)";
    FOR_ITER = 1, -1, "push next(TOS) or pop the iterator and jump to arg";
    CALL = -a, -a, "call TOS-arg with arg positional arguments";
    CALL_METHOD = -a - 1, -a - 1, "call [callable, self|UNDEF, arg args]";
    CALL_KW = -a - 1, -a - 1, "call with arg args, the last len(TOS) of them keywords named by the tuple TOS";
    CALL_EX = -1 - (a & 1), -1 - (a & 1), "call TOS1|TOS2 with *args tuple (and **kwargs dict if arg&1)";
    MAKE_FUNCTION = -((a & 1 != 0) as i32) - ((a & 2 != 0) as i32) - ((a & 8 != 0) as i32), 0, "function from code TOS (+defaults 1, kwdefaults 2, closure 8)";
    RETURN_VALUE = -1, -1, "return TOS";
    YIELD_VALUE = 0, 0, "yield TOS; on resume TOS is the sent value";
    IMPORT_NAME = -1, -1, "import module names[arg] (TOS1 level, TOS fromlist)";
    IMPORT_FROM = 1, 1, "push TOS.names[arg]";
    IMPORT_STAR = -1, -1, "import all public names of TOS";
    RAISE_VARARGS = -a, -a, "raise (0: re-raise, 1: TOS, 2: TOS1 from TOS)";
    LOAD_ASSERTION_ERROR = 1, 1, "push AssertionError";
    PUSH_EXC_INFO = 1, 1, "handler entry: [exc] -> [previously handled exc, exc]; exc becomes the handled exception";
    POP_EXCEPT = -1, -1, "pop the saved exception and make it the handled exception again";
    CHECK_EXC_MATCH = 0, 0, "[exc, type] -> [exc, isinstance(exc, type)] (type may be a tuple)";
    RERAISE = -1, -1, "re-raise TOS without adding a traceback entry";
    BEFORE_WITH = 1, 1, "[mgr] -> [bound mgr.__exit__, mgr.__enter__()]";
    WITH_EXCEPT_START = 1, 1, "[exit, prev, exc] -> [exit, prev, exc, exit(type(exc), exc, tb)]";
    LOAD_BUILD_CLASS = 1, 1, "push builtins.__build_class__";
    LOAD_CLASSDEREF = 1, 1, "class body: push names[arg] from the class namespace, else cell (arg >> 16)";
    GET_YIELD_FROM_ITER = 0, 0, "TOS = iter(TOS) unless it is a generator";
    YIELD_FROM = -1, -1, "[subiter, sent] -> delegate one step; yields, or pops subiter and pushes its return value";
    GET_AWAITABLE = 0, 0, "TOS = the iterator `await TOS` delegates to (a coroutine, or what __await__ returns)";
    GET_AITER = 0, 0, "TOS = TOS.__aiter__()";
    GET_ANEXT = 1, 1, "push the awaitable TOS.__anext__() (the async iterator stays)";
    END_ASYNC_FOR = -2, -2, "[aiter, exc] -> []: an `async for` ends on StopAsyncIteration; other exceptions are re-raised";
    BEFORE_ASYNC_WITH = 1, 1, "[mgr] -> [bound mgr.__aexit__, mgr.__aenter__()]";
    ASYNC_GEN_WRAP = 0, 0, "mark TOS as a value the async generator yields (not an await passing through)";
    SETUP_ANNOTATIONS = 0, 0, "create `__annotations__` in the namespace unless it exists";
    MATCH_MAPPING = 1, 1, "push whether TOS is a mapping (for mapping patterns)";
    MATCH_SEQUENCE = 1, 1, "push whether TOS is a sequence (for sequence patterns; str, bytes, bytearray are not)";
    MATCH_KEYS = 1, 1, "[subject, keys] -> [subject, keys, values tuple or None]";
    MATCH_CLASS = -2, -2, "[subject, cls, kwnames] -> extracted attributes tuple or None (arg positional sub-patterns)";
    GET_LEN = 1, 1, "push len(TOS)";
    COPY_DICT_WITHOUT_KEYS = 0, 0, "[subject, keys] -> [subject, dict(subject) without keys]";
    CHECK_EG_MATCH = 0, 0, "except*: [eg, type] -> [rest or None, match or None] (split of the exception group)";
    PREP_RERAISE_STAR = -1, -1, "except*: [orig, list of raised] -> the exception to re-raise (or None)";
    // Tier 1: specialized forms written over a generic instruction by quickening. Each has
    // its generic form's stack effect; a failed guard runs the generic form (see
    // `Op::generic`), and repeated failures rewrite the instruction back.
    BINARY_OP_ADD_INT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: small int + small int";
    BINARY_OP_SUB_INT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: small int - small int";
    BINARY_OP_MUL_INT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: small int * small int";
    BINARY_OP_INT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: other operators on small ints";
    BINARY_OP_ADD_FLOAT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: float + float";
    BINARY_OP_SUB_FLOAT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: float - float";
    BINARY_OP_MUL_FLOAT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: float * float";
    BINARY_OP_FLOAT < BINARY_OP = -1, -1, "tier 1 BINARY_OP: other operators on floats (and float/int mixes)";
    BINARY_OP_ADD_STR < BINARY_OP = -1, -1, "tier 1 BINARY_OP: str + str";
    BINARY_OP_ADD_TUPLE < BINARY_OP = -1, -1, "tier 1 BINARY_OP: tuple + tuple (exact tuples)";
    BINARY_OP_WIDE < BINARY_OP = -1, -1, "tier 1 BINARY_OP: ints of up to two words (heap ints in i128), exact i128 results";
    COMPARE_OP_INT < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP: small ints";
    COMPARE_OP_FLOAT < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP: floats";
    COMPARE_OP_STR < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP: strs";
    COMPARE_OP_INT_JUMP < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP + POP_JUMP_*: small ints, fused with the next instruction's jump (`flags`: when to jump)";
    COMPARE_OP_FLOAT_JUMP < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP + POP_JUMP_*: floats (and float/int mixes), fused with the jump";
    COMPARE_OP_STR_JUMP < COMPARE_OP = -1, -1, "tier 1 COMPARE_OP + POP_JUMP_*: strs, fused with the jump";
    LOAD_ATTR_INSTANCE < LOAD_ATTR = 0, 0, "tier 1 LOAD_ATTR: instance slot (type, epoch, shape -> index)";
    LOAD_ATTR_CLASS < LOAD_ATTR = 0, 0, "tier 1 LOAD_ATTR: plain class attribute seen through an instance";
    LOAD_ATTR_MODULE < LOAD_ATTR = 0, 0, "tier 1 LOAD_ATTR: module global (dict, version -> entry)";
    STORE_ATTR_INSTANCE < STORE_ATTR = -2, -2, "tier 1 STORE_ATTR: existing instance slot";
    STORE_ATTR_INSTANCE_ADD < STORE_ATTR = -2, -2, "tier 1 STORE_ATTR: new instance attribute (shape transition)";
    LOAD_METHOD_INSTANCE < LOAD_METHOD = 1, 1, "tier 1 LOAD_METHOD: Python method of an instance's class";
    LOAD_METHOD_BUILTIN < LOAD_METHOD = 1, 1, "tier 1 LOAD_METHOD: native method of a builtin type";
    LOAD_METHOD_MODULE < LOAD_METHOD = 1, 1, "tier 1 LOAD_METHOD: function from a module";
    LOAD_GLOBAL_MODULE < LOAD_GLOBAL = 1, 1, "tier 1 LOAD_GLOBAL: globals (dict version -> entry)";
    LOAD_GLOBAL_BUILTIN < LOAD_GLOBAL = 1, 1, "tier 1 LOAD_GLOBAL: builtins (globals and builtins versions)";
    CALL_PY_EXACT < CALL = -a, -a, "tier 1 CALL: Python function, exact positional arguments";
    CALL_METHOD_PY_EXACT < CALL_METHOD = -a - 1, -a - 1, "tier 1 CALL_METHOD: Python method, exact positional arguments";
    CALL_BUILTIN < CALL = -a, -a, "tier 1 CALL: a native function (no keywords)";
    CALL_METHOD_BUILTIN < CALL_METHOD = -a - 1, -a - 1, "tier 1 CALL_METHOD: a native method (no keywords)";
    CALL_METHOD_FAST < CALL_METHOD = -a - 1, -a - 1, "tier 1 CALL_METHOD: list.append/pop, set.add, dict.get on the exact type, through the method's direct entry";
    CALL_LEN < CALL = -a, -a, "tier 1 CALL: builtins.len";
    CALL_ISINSTANCE < CALL = -a, -a, "tier 1 CALL: builtins.isinstance";
    CALL_TYPE_BUILTIN < CALL = -a, -a, "tier 1 CALL: a builtin type's constructor (set(), range(), tuple(), ...; no keywords)";
    FOR_ITER_RANGE < FOR_ITER = 1, -1, "tier 1 FOR_ITER: range iterator";
    FOR_ITER_LIST < FOR_ITER = 1, -1, "tier 1 FOR_ITER: list iterator";
    FOR_ITER_TUPLE < FOR_ITER = 1, -1, "tier 1 FOR_ITER: tuple iterator";
    FOR_ITER_STR < FOR_ITER = 1, -1, "tier 1 FOR_ITER: str iterator (one-character strs, ASCII ones shared)";
    FOR_ITER_GEN < FOR_ITER = 1, -1, "tier 1 FOR_ITER: a generator, resumed in a frame pushed on this loop (no nested run)";
    BINARY_SUBSCR_LIST_INT < BINARY_SUBSCR = -1, -1, "tier 1 BINARY_SUBSCR: list[small int]";
    BINARY_SUBSCR_TUPLE_INT < BINARY_SUBSCR = -1, -1, "tier 1 BINARY_SUBSCR: tuple[small int]";
    BINARY_SUBSCR_DICT < BINARY_SUBSCR = -1, -1, "tier 1 BINARY_SUBSCR: exact dict";
    STORE_SUBSCR_LIST_INT < STORE_SUBSCR = -3, -3, "tier 1 STORE_SUBSCR: list[small int] = v";
    STORE_SUBSCR_DICT < STORE_SUBSCR = -3, -3, "tier 1 STORE_SUBSCR: exact dict";
    UNPACK_SEQUENCE_TUPLE < UNPACK_SEQUENCE = a - 1, a - 1, "tier 1 UNPACK_SEQUENCE: exact tuple of arg items";
    UNPACK_SEQUENCE_LIST < UNPACK_SEQUENCE = a - 1, a - 1, "tier 1 UNPACK_SEQUENCE: exact list of arg items";
    // Superinstructions: written over the first of a frequent pair when code is first run;
    // they read the second instruction's arg and skip it (the second stays in place, so a
    // jump to it still works). Stack effects are the pair's.
    LOAD_FAST__LOAD_FAST < LOAD_FAST = 2, 2, "superinstruction: LOAD_FAST arg; LOAD_FAST next.arg";
    LOAD_FAST__LOAD_CONST < LOAD_FAST = 2, 2, "superinstruction: LOAD_FAST arg; LOAD_CONST next.arg";
    LOAD_CONST__LOAD_FAST < LOAD_CONST = 2, 2, "superinstruction: LOAD_CONST arg; LOAD_FAST next.arg";
    STORE_FAST__LOAD_FAST < STORE_FAST = 0, 0, "superinstruction: STORE_FAST arg; LOAD_FAST next.arg";
    STORE_FAST__STORE_FAST < STORE_FAST = -2, -2, "superinstruction: STORE_FAST arg; STORE_FAST next.arg";
    COPY2__COPY2 < COPY = 2, 2, "superinstruction: COPY 2; COPY 2 (duplicate the top two: augmented subscript/attribute stores)";
    SWAP3__SWAP2 < SWAP = 0, 0, "superinstruction: SWAP 3; SWAP 2 (move TOS under the next two)";
}

impl Op {
    /// Can running this instruction raise (so its handler may take over)? Moves between
    /// slots, constants and unconditional jumps cannot.
    pub fn can_raise(self) -> bool {
        use Op::*;
        !matches!(
            self.generic(),
            NOP | POP_TOP
                | COPY
                | SWAP
                | LOAD_CONST
                | STORE_FAST
                | LOAD_CLOSURE
                | JUMP_FORWARD
                | JUMP_BACKWARD
                | POP_EXCEPT
                | PUSH_EXC_INFO
                | LOAD_ASSERTION_ERROR
                | IS_OP
                | RETURN_VALUE
        )
    }
    /// Does this generic instruction get an inline cache (and so can be quickened)?
    pub fn is_specializable(self) -> bool {
        use Op::*;
        matches!(
            self,
            BINARY_OP
                | COMPARE_OP
                | LOAD_ATTR
                | STORE_ATTR
                | LOAD_METHOD
                | LOAD_GLOBAL
                | CALL
                | CALL_METHOD
                | FOR_ITER
                | BINARY_SUBSCR
                | STORE_SUBSCR
                | UNPACK_SEQUENCE
        )
    }
}

/// Does this instruction hold a back edge's hotness counter (in its `cache` field)?
pub fn is_back_edge(op: Op) -> bool {
    matches!(
        op,
        Op::JUMP_BACKWARD
            | Op::POP_JUMP_BACKWARD_IF_FALSE
            | Op::POP_JUMP_BACKWARD_IF_TRUE
            | Op::POP_JUMP_BACKWARD_IF_NONE
            | Op::POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

/// Executions of a generic instruction before its first specialization attempt.
pub const WARMUP: u16 = 8;

/// Default back-edge and function-entry count before a loop or function is hot (a prime,
/// as PyPy's thresholds, so a loop's exit iteration is rarely the one that trips it).
pub const HOT_THRESHOLD: u16 = 1039;

/// `COMPARE_OP_*_JUMP` keep in `Instr::flags` the outcomes on which the fused jump is
/// taken (one bit per ordering, so one AND decides), plus the jump's direction.
pub mod when {
    pub const LT: u8 = 1;
    pub const EQ: u8 = 2;
    pub const GT: u8 = 4;
    /// Unordered (a NaN operand).
    pub const NAN: u8 = 8;
    /// The fused jump goes backward (a back edge: its counter ticks when taken).
    pub const BACKWARD: u8 = 16;

    /// The bit of how `x` and `y` are ordered (NAN when they are not).
    #[inline(always)]
    pub fn of_order<T: PartialOrd>(x: T, y: T) -> u8 {
        if x < y {
            LT
        } else if x == y {
            EQ
        } else if x > y {
            GT
        } else {
            NAN
        }
    }
}

/// The inline cache of one specializable instruction (`Instr::cache` indexes
/// `Code::caches`). Guards compare raw words: type, shape and dict pointers, versions.
#[derive(Default)]
pub struct Cache {
    /// Executions left before the next specialization attempt (counts down).
    pub counter: Cell<u16>,
    /// Failed attempts and deopts so far: the next wait is `WARMUP << backoff`.
    pub backoff: Cell<u8>,
    /// Guard failures since specialization; too many rewrite the generic form back.
    pub misses: Cell<u8>,
    pub g1: Cell<usize>,
    pub g2: Cell<usize>,
    pub g3: Cell<usize>,
    pub g4: Cell<usize>,
    pub index: Cell<u32>,
    /// A cached object (function, method) kept alive while the cache holds it.
    pub obj: std::cell::RefCell<Value>,
    /// Instance attribute and method sites that meet several classes (or shapes): more
    /// `(type, shape)` entries, valid for the same type epoch `g2` (see `tier1::poly`).
    pub poly: std::cell::RefCell<Vec<PolyEntry>>,
}

/// One more class an instance attribute or method site has seen.
pub struct PolyEntry {
    pub ty: usize,
    pub shape: usize,
    /// The slot index (attribute sites).
    pub index: u32,
    /// The function (method sites).
    pub func: Value,
}

/// One exception-table entry: an exception raised by an instruction in `start..end` jumps
/// to `target` with the operand stack cut to `depth` items and the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// Binary operators for BINARY_OP (the in-place forms follow the plain ones).
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
    MatMul,
}
impl BinOp {
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
        BinOp::MatMul,
    ];
    pub const INPLACE: u32 = 16;
    pub fn symbol(self) -> &'static str {
        [
            "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
        ][self as usize]
    }
    pub fn dunder(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        }
    }
    pub fn from_arg(arg: u32) -> (BinOp, bool) {
        (
            BinOp::ALL[(arg % BinOp::INPLACE) as usize],
            arg >= BinOp::INPLACE,
        )
    }
}

#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}
impl CmpOp {
    pub const ALL: [CmpOp; 6] = [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn swapped(self) -> CmpOp {
        [
            CmpOp::Gt,
            CmpOp::Ge,
            CmpOp::Eq,
            CmpOp::Ne,
            CmpOp::Lt,
            CmpOp::Le,
        ][self as usize]
    }
}

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub flags: u8,
    pub cache: u16,
    pub arg: u32,
}

impl Instr {
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr {
            op,
            flags: 0,
            cache: 0,
            arg,
        }
    }
    pub fn is_jump(&self) -> bool {
        matches!(
            self.op.generic(),
            Op::JUMP_FORWARD
                | Op::JUMP_BACKWARD
                | Op::POP_JUMP_IF_FALSE
                | Op::POP_JUMP_IF_TRUE
                | Op::POP_JUMP_BACKWARD_IF_FALSE
                | Op::POP_JUMP_BACKWARD_IF_TRUE
                | Op::POP_JUMP_IF_NONE
                | Op::POP_JUMP_IF_NOT_NONE
                | Op::POP_JUMP_BACKWARD_IF_NONE
                | Op::POP_JUMP_BACKWARD_IF_NOT_NONE
                | Op::JUMP_IF_FALSE_OR_POP
                | Op::JUMP_IF_TRUE_OR_POP
                | Op::FOR_ITER
        )
    }
}

/// Code-object flags.
pub mod flags {
    pub const VARARGS: u32 = 1;
    pub const VARKW: u32 = 2;
    pub const MODULE: u32 = 4;
    /// Calling the function makes a suspended frame object (generator, coroutine or
    /// async generator) instead of running the body.
    pub const GENERATOR: u32 = 8;
    /// `async def` (with GENERATOR): calling it makes a coroutine.
    pub const COROUTINE: u32 = 16;
    /// An async generator (with GENERATOR).
    pub const ASYNC_GENERATOR: u32 = 32;
    /// A generator marked by `types.coroutine`: it may be awaited.
    pub const ITERABLE_COROUTINE: u32 = 64;
    /// A function defined inside another function (CPython's CO_NESTED).
    pub const NESTED: u32 = 128;

    /// CPython's `co_flags` for pyrun's flags.
    pub fn to_cpython(f: u32, is_function: bool) -> u32 {
        let mut c = if is_function { 0x1 | 0x2 } else { 0 };
        if f & VARARGS != 0 {
            c |= 0x4;
        }
        if f & VARKW != 0 {
            c |= 0x8;
        }
        if f & ASYNC_GENERATOR != 0 {
            c |= 0x200;
        } else if f & COROUTINE != 0 {
            c |= 0x80;
        } else if f & GENERATOR != 0 {
            c |= 0x20;
        }
        if f & ITERABLE_COROUTINE != 0 {
            c |= 0x100;
        }
        if f & NESTED != 0 {
            c |= 0x10;
        }
        c
    }
}

/// A compiled function body or module.
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub instrs: Box<[Cell<Instr>]>,
    /// Source line of each instruction.
    pub lines: Box<[u32]>,
    /// Source range of each instruction (the AST node it was compiled for), for the
    /// caret lines of tracebacks.
    pub positions: Box<[Position]>,
    pub consts: Box<[Value]>,
    /// Interned strings for global/attribute names.
    pub names: Box<[Value]>,
    /// Local variable names: parameters first.
    pub varnames: Box<[Value]>,
    pub cellvars: Box<[Value]>,
    pub freevars: Box<[Value]>,
    /// For each cellvar that is also a parameter: its local index.
    pub cell2arg: Box<[Option<u32>]>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// Maximum operand-stack depth.
    pub stacksize: u32,
    /// Exception table, in instruction order; ranges do not overlap.
    pub handlers: Box<[Handler]>,
    /// The docstring of a function body (NONE if it has none).
    pub doc: Value,
    /// Tier-1 inline caches, one per specializable instruction.
    pub caches: Box<[Cache]>,
    /// `prepare` has run (it runs once, when a frame first runs this code).
    pub prepared: Cell<bool>,
    /// Function entries left before the function counts as hot (tier 2's entry hook).
    pub hotness: Cell<u16>,
    /// Flags added after compilation (`types.coroutine`'s ITERABLE_COROUTINE).
    pub extra_flags: Cell<u32>,
    /// Tier-2 executors, by loop-header instruction index (`tier2.rs`).
    pub executors: std::cell::RefCell<Vec<(u32, std::rc::Rc<dyn crate::tier2::Executor>)>>,
}

/// Where an instruction's node lies in the source: 1-based lines, 0-based UTF-8 byte
/// columns (as CPython's `co_positions()`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Code {
    /// Readies the code for its first run: back-edge and entry counters start at the hot
    /// threshold, and (with tier 1 on) frequent instruction pairs become superinstructions.
    pub fn prepare(&self, options: &crate::vm::Options, tier1: bool) {
        self.prepared.set(true);
        self.hotness.set(options.hot_threshold);
        let n = self.instrs.len();
        for i in 0..n {
            let ins = self.instrs[i].get();
            if is_back_edge(ins.op) {
                self.instrs[i].set(Instr {
                    cache: options.hot_threshold,
                    ..ins
                });
            }
        }
        if !(tier1 && options.superinstructions) {
            return;
        }
        // Greedy, left to right; a pair's second instruction may start the next pair (it
        // still runs on its own when jumped to).
        for i in 0..n.saturating_sub(1) {
            let (a, b) = (self.instrs[i].get(), self.instrs[i + 1].get());
            let sup = match (a.op, b.op) {
                (Op::LOAD_FAST, Op::LOAD_FAST) => Op::LOAD_FAST__LOAD_FAST,
                (Op::LOAD_FAST, Op::LOAD_CONST) => Op::LOAD_FAST__LOAD_CONST,
                (Op::LOAD_CONST, Op::LOAD_FAST) => Op::LOAD_CONST__LOAD_FAST,
                (Op::STORE_FAST, Op::LOAD_FAST) => Op::STORE_FAST__LOAD_FAST,
                (Op::STORE_FAST, Op::STORE_FAST) => Op::STORE_FAST__STORE_FAST,
                (Op::COPY, Op::COPY) if a.arg == 2 && b.arg == 2 => Op::COPY2__COPY2,
                (Op::SWAP, Op::SWAP) if a.arg == 3 && b.arg == 2 => Op::SWAP3__SWAP2,
                _ => continue,
            };
            self.instrs[i].set(Instr { op: sup, ..a });
        }
    }

    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    /// Slots a frame needs on the value stack: locals, cells, operand stack.
    pub fn frame_size(&self) -> usize {
        self.nlocals() + self.ncells() + self.stacksize as usize
    }
    pub fn instr(&self, i: usize) -> Instr {
        self.instrs[i].get()
    }
    /// The handler covering instruction `ip`, if any.
    pub fn handler_at(&self, ip: usize) -> Option<Handler> {
        let ip = ip as u32;
        self.handlers
            .iter()
            .find(|h| h.start <= ip && ip < h.end)
            .copied()
    }
    pub fn total_params(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + (self.flags & flags::VARARGS != 0) as usize
            + (self.flags & flags::VARKW != 0) as usize
    }

    /// Human-readable listing (`--dump=bytecode`), nested code objects after their parent.
    pub fn disassemble(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "Disassembly of <code {}> ({}:{}):",
            self.qualname, self.filename, self.firstlineno
        );
        let mut last_line = 0;
        let targets: Vec<u32> = self
            .instrs
            .iter()
            .map(|c| c.get())
            .filter(|i| i.is_jump())
            .map(|i| i.arg)
            .collect();
        for (i, c) in self.instrs.iter().enumerate() {
            let ins = c.get();
            let line = self.lines[i];
            let lcol = if line != last_line {
                format!("{line:>4}")
            } else {
                "    ".into()
            };
            last_line = line;
            let mark = if targets.contains(&(i as u32)) {
                ">>"
            } else {
                "  "
            };
            let _ = write!(out, "{lcol} {mark} {i:>4} {:<22}", ins.op.name());
            let detail = self.describe_arg(&ins);
            if op_has_arg(ins.op) {
                let _ = write!(out, " {:<4}", ins.arg);
            }
            if !detail.is_empty() {
                let _ = write!(out, " ({detail})");
            }
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            out.push('\n');
        }
        if !self.handlers.is_empty() {
            out.push_str("ExceptionTable:\n");
            for h in self.handlers.iter() {
                let _ = writeln!(
                    out,
                    "  {} to {} -> {} [{}]",
                    h.start, h.end, h.target, h.depth
                );
            }
        }
        for c in self.consts.iter() {
            if let Some(co) = c.downcast::<crate::types::func::CodeObj>() {
                out.push('\n');
                co.code.disassemble(out);
            }
        }
    }

    fn describe_arg(&self, ins: &Instr) -> String {
        let a = ins.arg as usize;
        let s = |v: &Value| crate::types::str::as_str(v).unwrap_or("?").to_string();
        match ins.op {
            Op::LOAD_CONST => const_repr(&self.consts[a]),
            Op::LOAD_FAST | Op::STORE_FAST | Op::DELETE_FAST => s(&self.varnames[a]),
            Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLOSURE => {
                let n = self.cellvars.len();
                if a < n {
                    s(&self.cellvars[a])
                } else {
                    s(&self.freevars[a - n])
                }
            }
            Op::LOAD_GLOBAL
            | Op::STORE_GLOBAL
            | Op::DELETE_GLOBAL
            | Op::LOAD_NAME
            | Op::STORE_NAME
            | Op::DELETE_NAME
            | Op::LOAD_ATTR
            | Op::LOAD_METHOD
            | Op::STORE_ATTR
            | Op::DELETE_ATTR
            | Op::IMPORT_NAME
            | Op::IMPORT_FROM => s(&self.names[a]),
            Op::LOAD_CLASSDEREF => s(&self.names[a & 0xffff]),
            Op::BINARY_OP => {
                let (op, inplace) = BinOp::from_arg(ins.arg);
                format!("{}{}", op.symbol(), if inplace { "=" } else { "" })
            }
            Op::COMPARE_OP => CmpOp::ALL[a].symbol().to_string(),
            _ if ins.op.generic() != ins.op => {
                let g = Instr {
                    op: ins.op.generic(),
                    ..*ins
                };
                self.describe_arg(&g)
            }
            _ if ins.is_jump() => format!("to {a}"),
            _ => String::new(),
        }
    }
}

fn op_has_arg(op: Op) -> bool {
    !matches!(
        op,
        Op::NOP
            | Op::POP_TOP
            | Op::UNARY_NEGATIVE
            | Op::UNARY_POSITIVE
            | Op::UNARY_NOT
            | Op::UNARY_INVERT
            | Op::BINARY_SUBSCR
            | Op::STORE_SUBSCR
            | Op::DELETE_SUBSCR
            | Op::GET_ITER
            | Op::RETURN_VALUE
            | Op::LIST_TO_TUPLE
            | Op::IMPORT_STAR
            | Op::LOAD_ASSERTION_ERROR
            | Op::PUSH_EXC_INFO
            | Op::POP_EXCEPT
            | Op::CHECK_EXC_MATCH
            | Op::RERAISE
            | Op::BEFORE_WITH
            | Op::WITH_EXCEPT_START
            | Op::LOAD_BUILD_CLASS
            | Op::GET_YIELD_FROM_ITER
            | Op::YIELD_FROM
            | Op::GET_AWAITABLE
            | Op::GET_AITER
            | Op::GET_ANEXT
            | Op::END_ASYNC_FOR
            | Op::BEFORE_ASYNC_WITH
            | Op::ASYNC_GEN_WRAP
            | Op::SETUP_ANNOTATIONS
            | Op::MATCH_MAPPING
            | Op::MATCH_SEQUENCE
            | Op::MATCH_KEYS
            | Op::GET_LEN
            | Op::COPY_DICT_WITHOUT_KEYS
            | Op::CHECK_EG_MATCH
            | Op::PREP_RERAISE_STAR
    )
}

/// Deterministic rendering of a constant for listings (no addresses).
fn const_repr(v: &Value) -> String {
    if let Some(co) = v.downcast::<crate::types::func::CodeObj>() {
        return format!("<code {}>", co.code.qualname);
    }
    crate::ops::repr_plain(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instr_is_eight_bytes() {
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn every_op_has_a_unique_name() {
        let mut names: Vec<_> = Op::ALL.iter().map(|o| o.name()).collect();
        names.sort();
        let n = names.len();
        names.dedup();
        assert_eq!(n, names.len());
    }

    #[test]
    fn stack_effects_follow_args() {
        assert_eq!(Op::BUILD_LIST.stack_effect(3, false), -2);
        assert_eq!(Op::BUILD_MAP.stack_effect(2, false), -3);
        assert_eq!(Op::FOR_ITER.stack_effect(0, true), -1);
        assert_eq!(Op::CALL_METHOD.stack_effect(2, false), -3);
        assert_eq!(Op::UNPACK_EX.stack_effect(1 | (2 << 8), false), 3);
        assert_eq!(Op::MAKE_FUNCTION.stack_effect(1 | 8, false), -2);
    }
}
