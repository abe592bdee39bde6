//! `list` and `tuple` methods.

use super::MethodTable;

pub static METHODS: MethodTable = &[];
pub static TUPLE_METHODS: MethodTable = &[];
