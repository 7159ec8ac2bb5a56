//! The conformance suite's shared machinery: the scenario model, the loader, the effective client
//! options, the result matcher, the mock Hamsa server and the verdict on one run. `tests/README.md` is
//! the contract; this crate is its Rust reading. Each language's runner uses the same scenarios, the
//! same mock and the same judge (in process here, through `conformance-mock` elsewhere).

pub mod loader;
pub mod matcher;
pub mod mock;
pub mod options;
pub mod request_match;
pub mod scenario;
pub mod verdict;

pub use loader::{LoadedScenario, Suite, load_suite, scenarios_dir};
pub use matcher::{json_equal_diff, subset_diff};
pub use mock::{MockServer, Report};
pub use options::{effective_client_options, refused_url};
pub use scenario::{Exchange, Expect, ExpectedError, ExpectedRequest, MockResponse, QueryValue, Scenario};
pub use verdict::{ErrorFacts, Outcome, Received, RunReport, judge};
