//! Release builds for x86-64 Linux, which Rust links with LLD, lay out first the functions the
//! server runs while it starts and idles, side by side (`startup.order`, written by
//! `cargo xtask order`). The kernel maps a program's code in 64 KB runs around each page it
//! touches: spread across the binary, those 4 MB of functions kept 20 MB of it resident.
//! Functions the list names that a later build no longer has are skipped, and new ones land
//! where the linker puts them: a stale list costs memory, never correctness.

fn main() {
    println!("cargo:rerun-if-changed=startup.order");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let target = std::env::var("TARGET").unwrap_or_default();
    if release && target == "x86_64-unknown-linux-gnu" {
        let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        let order = std::path::Path::new(&dir).join("startup.order");
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", order.display());
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}
