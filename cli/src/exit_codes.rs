//! One exit code per error kind, so scripts can tell an unknown outcome from a plain failure. The codes
//! are the core's (`hamsa::ErrorKind::exit_code`); the command line adds only success and usage errors.

use std::process::ExitCode;

/// A usage error: an unknown flag, a value that does not parse, an unreadable `--input` (clap's own code).
pub const USAGE: u8 = 2;

/// The exit code for a failed operation.
pub fn for_error(error: &hamsa::Error) -> ExitCode {
    ExitCode::from(error.kind().exit_code())
}

/// The table `--help` shows, lowest code first.
pub fn help() -> String {
    let mut codes: Vec<(u8, &str)> = vec![(0, "success"), (USAGE, "usage error")];
    codes.extend(hamsa::ErrorKind::ALL.iter().map(|kind| (kind.exit_code(), kind.code())));
    codes.sort();
    let codes: Vec<String> = codes.iter().map(|(exit, what)| format!("{exit} {what}")).collect();
    format!("Exit codes: {}.", codes.join("; "))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_help_lists_every_kind_with_its_exit_code() {
        let help = super::help();
        assert!(help.starts_with("Exit codes: 0 success; 1 internal; 2 usage error; 3 invalid_argument;"), "{help}");
        for kind in hamsa::ErrorKind::ALL {
            assert!(help.contains(&format!("{} {}", kind.exit_code(), kind.code())), "{help}");
            assert_ne!(kind.exit_code(), super::USAGE, "{} takes the usage code", kind.code());
            assert_ne!(kind.exit_code(), 0, "{} takes the success code", kind.code());
        }
    }
}
