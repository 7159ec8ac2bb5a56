//! The README's error-code table is the core's `ErrorKind` table, rendered: a code added, renamed or
//! given another exit code fails here until the README says so too.

use hamsa::ErrorKind;

fn rendered_table() -> String {
    let mut table = String::from("| code | HTTP status | CLI exit code | meaning |\n|---|---|---|---|\n");
    for kind in ErrorKind::ALL {
        let status = if kind.http_status().is_empty() { "—" } else { kind.http_status() };
        table.push_str(&format!("| `{}` | {status} | {} | {} |\n", kind.code(), kind.exit_code(), kind.summary()));
    }
    table
}

#[test]
fn the_readme_lists_every_error_code_as_the_core_declares_it() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).unwrap();
    let table = rendered_table();
    assert!(readme.contains(&table), "README.md's error-code table is stale; it should read:\n\n{table}");
}
