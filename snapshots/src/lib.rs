//! Reviewed listings of what each compiler stage emits (`cargo insta review` to approve
//! changes). The snapshot tests live in `snapshots/tests/`.
