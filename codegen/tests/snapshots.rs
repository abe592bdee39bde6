//! Listings of the kernels for every ISA, made from the assembler on any host (fake helper
//! addresses keep them stable). Review changes with `cargo insta review`.

mod common;

use codegen::listing::listing;
use codegen::masm::MacroAssembler;
use codegen::Isa;
use common::FAKE;

fn list(isa: Isa, build: impl FnOnce(&mut dyn MacroAssembler)) -> String {
    let mut m = isa.assembler();
    build(&mut *m);
    listing(&m.finish().unwrap())
}

macro_rules! snapshot_both {
    ($test:ident, $name:literal, $build:expr) => {
        #[test]
        fn $test() {
            for (isa, suffix) in [(Isa::X64, "x64"), (Isa::Aarch64, "aarch64")] {
                let text = list(isa, $build);
                insta::assert_snapshot!(format!("{}_{}", $name, suffix), text);
            }
        }
    };
}

snapshot_both!(
    listing_add_small_ints,
    "add_small_ints",
    common::add_small_ints
);
snapshot_both!(listing_float_loop, "float_loop", common::float_loop);
snapshot_both!(listing_refcounts, "refcounts", |m| common::refcounts(
    m, &FAKE
));
snapshot_both!(listing_raw_refcounts, "raw_refcounts", |m| {
    common::raw_refcounts(m, &FAKE)
});
snapshot_both!(listing_many_args, "many_args", |m| common::many_args(
    m, &FAKE
));
snapshot_both!(listing_patchable_jump, "patchable_jump", |m| {
    common::patchable(m);
});
snapshot_both!(listing_side_trace, "side_trace", common::side_trace);
snapshot_both!(listing_every_op, "every_op", |m| common::every_op(m, &FAKE));
