//! Sets the linker flags a Node addon needs (napi symbols are resolved by the host process).
fn main() {
    napi_build::setup();
}
