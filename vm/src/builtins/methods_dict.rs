//! `dict` methods and dict views.

use super::MethodTable;

pub static METHODS: MethodTable = &[];
pub static VIEW_METHODS: MethodTable = &[];
