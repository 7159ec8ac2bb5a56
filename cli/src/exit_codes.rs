//! One exit code per error kind, so scripts can tell an unknown outcome from a plain failure.

/// `--help` shows this table.
pub const HELP: &str = "Exit codes: 0 success; 1 internal error; 2 usage error; 3 invalid_argument; 4 configuration; \
5 authentication; 6 permission_denied; 7 not_found; 8 conflict; 9 bad_request; 10 insufficient_balance; \
11 rate_limited; 12 server; 13 http_status; 14 api_error; 15 timeout; 16 connection; 17 decode; \
18 outcome_unknown (the operation may have taken effect: check before retrying); 19 cancelled; \
20 webhook_verification.";

pub fn for_code(code: &str) -> i32 {
    match code {
        "invalid_argument" => 3,
        "configuration" => 4,
        "authentication" => 5,
        "permission_denied" => 6,
        "not_found" => 7,
        "conflict" => 8,
        "bad_request" => 9,
        "insufficient_balance" => 10,
        "rate_limited" => 11,
        "server" => 12,
        "http_status" => 13,
        "api_error" => 14,
        "timeout" => 15,
        "connection" => 16,
        "decode" => 17,
        "outcome_unknown" => 18,
        "cancelled" => 19,
        "webhook_verification" => 20,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_core_code_has_its_own_exit_code() {
        let mut codes: Vec<i32> = hamsa::ErrorKind::ALL.iter().map(|kind| super::for_code(kind.code())).collect();
        assert!(codes.iter().all(|&c| c >= 3), "{codes:?}");
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), hamsa::ErrorKind::ALL.len());
        for kind in hamsa::ErrorKind::ALL {
            assert!(super::HELP.contains(&format!("{} {}", super::for_code(kind.code()), kind.code())));
        }
    }
}
