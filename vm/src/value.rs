//! The one-word value representation (NaN-boxing with pointers as they are).
//!
//! Every Python value is a single `u64`. A heap object's pointer is stored as is (user-space
//! addresses fit in 48 bits, so its top 16 bits are 0): reference counting and field access
//! use the word directly, with no mask. Floats are their IEEE-754 bits plus 2^49, which moves
//! every non-NaN float (and the one NaN allowed, `CANON_NAN`) to top-16 values 0x0002..0xFFF2;
//! the rest of the space holds the other immediates:
//!
//! | top 16 bits       | meaning                                       | low 48 bits                |
//! |-------------------|-----------------------------------------------|----------------------------|
//! | `0x0000`          | pointer to a heap object (`object::Header`)   | the address                |
//! | `0x0001`          | None (0), False (2), True (3), UNDEF (4)      | which one                  |
//! | `0x0002..=0xFFF2` | float: bits + `FLOAT_OFFSET`                  | —                          |
//! | `0xFFFF`          | small int                                     | two's complement, 48 bits  |
//!
//! Tests are one shift and one compare (`is_ptr`: `bits >> 48 == 0`); two small ints are
//! tested at once with an AND (`0xFFFF` is the largest tag); a small int's payload is
//! `(bits << 16) >> 16` and boxing is `payload | 0xFFFF << 48`. Every NaN result is
//! canonicalised to `CANON_NAN` when boxed, so no float lands on another tag.
//!
//! Ints outside ±2^47 are heap `BigInt` objects. `Clone` increments and `Drop` decrements
//! the heap refcount, so Rust code handles `Value` like an `Rc`; compiled code does the
//! same two operations inline (see docs/ARCHITECTURE.md).

use crate::object::{self, Header, Kind, Payload};
use std::fmt;

pub const TAG_SHIFT: u32 = 48;
pub const TAG_PTR: u64 = 0x0000;
pub const TAG_SPECIAL: u64 = 0x0001;
pub const TAG_INT: u64 = 0xFFFF;
pub const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// Added to a float's IEEE bits when it is boxed.
pub const FLOAT_OFFSET: u64 = 1 << 49;
/// The only NaN bit pattern a float may have (before the offset).
pub const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;
/// Small ints are 48-bit two's complement.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

#[repr(transparent)]
pub struct Value(u64);

impl Value {
    pub const NONE_BITS: u64 = TAG_SPECIAL << TAG_SHIFT;
    pub const FALSE_BITS: u64 = Self::NONE_BITS | 2;
    pub const TRUE_BITS: u64 = Self::NONE_BITS | 3;
    pub const UNDEF_BITS: u64 = Self::NONE_BITS | 4;
    pub const NONE: Value = Value(Self::NONE_BITS);
    pub const TRUE: Value = Value(Self::TRUE_BITS);
    pub const FALSE: Value = Value(Self::FALSE_BITS);
    pub const UNDEF: Value = Value(Self::UNDEF_BITS);

    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.0
    }
    #[inline(always)]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    /// Builds a value from raw bits. The caller owns one reference if the bits are a pointer.
    ///
    /// # Safety
    /// `bits` must come from `into_raw` (or be a non-pointer encoding).
    #[inline(always)]
    pub unsafe fn from_raw(bits: u64) -> Value {
        Value(bits)
    }
    /// A word seen as a value, borrowed (no reference taken or dropped).
    #[inline(always)]
    pub fn from_raw_ref(bits: &u64) -> &Value {
        // SAFETY: `Value` is a `repr(transparent)` u64; a shared reference neither drops
        // nor copies it.
        unsafe { &*(bits as *const u64 as *const Value) }
    }
    /// The word, giving up this reference (`from_raw` takes it back).
    #[inline(always)]
    pub fn into_raw(self) -> u64 {
        let b = self.0;
        std::mem::forget(self);
        b
    }

    // ---- constructors ----
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value(Self::FALSE_BITS | b as u64)
    }
    /// A small int; caller guarantees the range.
    #[inline(always)]
    pub fn small_int(i: i64) -> Value {
        debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i));
        // In range, a negative i already has 0xFFFF on top: the OR is exact for both signs.
        Value((TAG_INT << TAG_SHIFT) | i as u64)
    }
    #[inline(always)]
    pub fn fits_small(i: i64) -> bool {
        (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i)
    }
    /// Any i64: small when it fits, otherwise a heap big int.
    #[inline]
    pub fn int(i: i64) -> Value {
        if Self::fits_small(i) {
            Value::small_int(i)
        } else {
            crate::types::int::big_to_value(num_bigint::BigInt::from(i))
        }
    }
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        if f.is_nan() {
            Value(CANON_NAN + FLOAT_OFFSET)
        } else {
            Value(f.to_bits().wrapping_add(FLOAT_OFFSET))
        }
    }

    // ---- raw-bit helpers for the interpreter's and compiled code's fast paths ----
    /// Both small ints: their payloads shifted left by 16 (so i64 arithmetic overflows
    /// exactly when the 48-bit result does).
    #[inline(always)]
    pub fn small_int_pair_shifted(a: &Value, b: &Value) -> Option<(i64, i64)> {
        // 0xFFFF is the largest tag: both are small ints exactly when their AND's tag is.
        if (a.0 & b.0) >> TAG_SHIFT == TAG_INT {
            Some(((a.0 << 16) as i64, (b.0 << 16) as i64))
        } else {
            None
        }
    }
    /// Boxes a payload shifted left by 16 (see `small_int_pair_shifted`).
    #[inline(always)]
    pub fn from_shifted_int(r: i64) -> Value {
        Value(((r as u64) >> 16) | (TAG_INT << TAG_SHIFT))
    }

    // ---- tests ----
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        // Float tags are 0x0002..=0xFFF2 (0xFFF3..0xFFFE are unused).
        self.tag().wrapping_sub(2) < TAG_INT - 2
    }
    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.tag() == TAG_INT
    }
    #[inline(always)]
    pub fn is_ptr(&self) -> bool {
        self.tag() == TAG_PTR
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.0 | 1 == Self::TRUE_BITS
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.0 == Self::NONE_BITS
    }
    #[inline(always)]
    pub fn is_undef(&self) -> bool {
        self.0 == Self::UNDEF_BITS
    }
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    // ---- accessors ----
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(((self.0 << 16) as i64) >> 16)
        } else {
            None
        }
    }
    /// Payload of a value known to be a small int.
    #[inline(always)]
    pub fn small_int_unchecked(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }
    #[inline(always)]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(self.float_unchecked())
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn float_unchecked(&self) -> f64 {
        f64::from_bits(self.0.wrapping_sub(FLOAT_OFFSET))
    }
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        if self.is_bool() {
            Some(self.0 & 1 == 1)
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn header(&self) -> Option<&Header> {
        if self.is_ptr() {
            // SAFETY: pointer values always point at a live object we hold a ref to.
            Some(unsafe { &*(self.0 as *const Header) })
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn ptr(&self) -> *const Header {
        (self.0 & PAYLOAD_MASK) as *const Header
    }
    #[inline(always)]
    pub fn kind(&self) -> Option<Kind> {
        self.header().map(|h| h.kind)
    }
    /// Borrow the payload if this is a heap object of payload type `T`.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        match self.header() {
            Some(h) if h.kind == T::KIND => {
                // SAFETY: the kind byte identifies the payload type.
                Some(unsafe { &(*(h as *const Header as *const object::Obj<T>)).data })
            }
            _ => None,
        }
    }
    /// Wraps a raw object pointer, taking one new reference.
    ///
    /// # Safety
    /// `p` must point at a live heap object.
    #[inline(always)]
    pub unsafe fn from_header(p: *const Header) -> Value {
        (*p).incref();
        Value(p as u64)
    }
    /// Wraps a freshly allocated object whose refcount (1) is transferred to the value.
    #[inline(always)]
    pub(crate) fn from_new_ptr(p: *const Header) -> Value {
        debug_assert!(p as u64 >> TAG_SHIFT == TAG_PTR && !p.is_null());
        Value(p as u64)
    }
}

impl Value {
    /// Gives up this reference without freeing: the object to free when it was the last
    /// one (the caller calls `object::dealloc` on it). Lets the interpreter run the rare
    /// free out of line, with its own state saved around the call.
    #[inline(always)]
    pub fn release(self) -> Option<*const Header> {
        let v = std::mem::ManuallyDrop::new(self);
        match v.header() {
            Some(h) if h.decref() => Some(v.ptr()),
            _ => None,
        }
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(h) = self.header() {
            h.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if let Some(h) = self.header() {
            if h.decref() {
                // SAFETY: the count reached zero: we held the last reference.
                unsafe { object::dealloc(self.ptr()) }
            }
        }
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::NONE
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_small_int() {
            write!(f, "Int({i})")
        } else if let Some(x) = self.as_float() {
            write!(f, "Float({x})")
        } else if let Some(b) = self.as_bool() {
            write!(f, "Bool({b})")
        } else if self.is_none() {
            write!(f, "None")
        } else if self.is_undef() {
            write!(f, "Undef")
        } else {
            write!(f, "Obj({:?}@{:p})", self.kind(), self.ptr())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip() {
        for i in [
            0,
            1,
            -1,
            42,
            -42,
            SMALL_INT_MAX,
            SMALL_INT_MIN,
            1 << 40,
            -(1 << 40),
        ] {
            let v = Value::small_int(i);
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), Some(i));
        }
    }

    #[test]
    fn floats_round_trip_and_nan_is_canonical() {
        for x in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            1e308,
        ] {
            let v = Value::float(x);
            assert!(v.is_float());
            assert_eq!(v.as_float().unwrap().to_bits(), x.to_bits());
        }
        for bits in [
            0xFFFA_0000_0000_1234u64,
            0x7FFF_FFFF_FFFF_FFFF,
            0xFFF8_0000_0000_0000,
        ] {
            let v = Value::float(f64::from_bits(bits));
            assert!(v.is_float() && v.as_float().unwrap().is_nan());
            assert_eq!(v.bits(), CANON_NAN + FLOAT_OFFSET);
        }
        // Every float lands between the special and the int tags.
        for x in [f64::MAX, f64::MIN, -0.0, f64::NEG_INFINITY, 5e-324, -5e-324] {
            let v = Value::float(x);
            assert!(v.is_float() && !v.is_ptr() && !v.is_small_int() && !v.is_bool());
        }
    }

    #[test]
    fn singletons_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::UNDEF];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_ptr() && !a.is_small_int());
            for (j, b) in all.iter().enumerate() {
                assert_eq!(i == j, a.is(b));
            }
        }
        assert_eq!(Value::TRUE.as_bool(), Some(true));
        assert_eq!(Value::FALSE.as_bool(), Some(false));
    }
}
