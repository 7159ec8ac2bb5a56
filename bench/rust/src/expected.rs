//! What the canned server answers (bench/server/src/canned.rs), so that every contender's answer is
//! checked, not only counted.

pub const PHONE_NUMBER_ID: &str = "d949f13f-40d2-4e48-ac86-b66633070603";
pub const PHONE_NUMBER: &str = "+9700000000";
pub const GET_PATH: &str = "/v1/voice-agents/phone-number";
pub const API_KEY: &str = "bench";

/// The path and query of the request every rate case sends.
pub fn get_path_and_query() -> String {
    format!("{GET_PATH}?pid={PHONE_NUMBER_ID}")
}
