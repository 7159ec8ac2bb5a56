//! `uniffi-bindgen generate --library libhamsa_uniffi.so --language swift|kotlin --out-dir DIR`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
