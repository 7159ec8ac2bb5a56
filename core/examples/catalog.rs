//! Prints the SDK catalog (every operation with its JSON Schemas) as JSON: the input of the bindings'
//! type generators. `cargo run -p hamsa --example catalog > catalog.json`
fn main() {
    let catalog = hamsa::catalog::catalog();
    match serde_json::to_string_pretty(&catalog) {
        Ok(text) => println!("{text}"),
        Err(error) => {
            eprintln!("could not print the catalog: {error}");
            std::process::exit(1);
        }
    }
}
