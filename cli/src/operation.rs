//! What the command line knows about each SDK operation. The table itself, [`OPERATIONS`], is generated
//! from the catalog (`generated.rs`, written by `codegen/generate.py`), so a new endpoint in the core gets
//! its subcommand by regenerating, and the binary reads no schema at run time.

pub use crate::generated::OPERATIONS;

/// An SDK operation as the command line sees it.
pub struct Operation {
    /// The public name the SDK runs it by, `calls.create_twilio`.
    pub name: &'static str,
    /// Its resource as a subcommand, `phone-numbers`.
    pub resource: &'static str,
    /// Its method as a subcommand of the resource, `add-twilio`.
    pub method: &'static str,
    pub kind: Kind,
    /// One paragraph, the subcommand's help.
    pub summary: &'static str,
    /// The one HTTP route it is, if it is one.
    pub http: Option<Http>,
    /// `safe`, `idempotent` or `unsafe`: what the retry loop may repeat (none for offline operations).
    pub safety: Option<&'static str>,
    /// The wire name of the argument a lone positional value fills (`hamsa jobs wait ID`).
    pub positional: Option<&'static str>,
    /// The waiter `--wait` runs on the result.
    pub follow: Option<Follow>,
    /// The arguments, in the order the core declares them.
    pub fields: &'static [Field],
}

/// What running an operation gives (the catalog's kinds that the command line runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One request; its result.
    Plain,
    /// One page, or every item of every page with `--all`.
    Paged,
    /// Polls until the result reaches a terminal status.
    Waiter,
    /// Computed locally, without a client (the webhook helpers).
    Offline,
}

pub struct Http {
    pub method: &'static str,
    /// With `{wireName}` placeholders.
    pub path: &'static str,
}

/// The waiter that can follow an operation: `operation` with the result's field `from` as its positional
/// argument.
pub struct Follow {
    pub operation: &'static str,
    pub from: &'static str,
}

/// One argument of an operation, and its flag.
pub struct Field {
    /// The wire name, `twilioPhoneNumber`.
    pub wire: &'static str,
    /// The flag without its dashes, `twilio-phone-number`.
    pub flag: &'static str,
    pub input: Input,
    pub required: bool,
    pub description: &'static str,
    /// The known values of an open enum (any other string is sent as it is).
    pub known_values: &'static [&'static str],
}

/// How an argument is given on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Text,
    Integer,
    #[allow(dead_code, reason = "no argument is a number today; the table gets one by regenerating")]
    Number,
    /// `true` or `false`.
    #[allow(dead_code, reason = "no argument is a boolean today; the table gets one by regenerating")]
    Boolean,
    /// Repeat the flag for each element.
    List(&'static Input),
    /// JSON text.
    Json,
}

impl Kind {
    pub fn needs_client(self) -> bool {
        self != Self::Offline
    }

    /// The catalog's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::Paged => "paged",
            Self::Waiter => "waiter",
            Self::Offline => "offline",
        }
    }
}

impl Operation {
    /// The argument the positional value fills.
    pub fn positional_field(&self) -> Option<&'static Field> {
        self.positional.and_then(|wire| self.fields.iter().find(|field| field.wire == wire))
    }
}

/// The operation with this public name.
pub fn find(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// The operation a subcommand runs, `hamsa <resource> <method>`.
pub fn for_command(resource: &str, method: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.resource == resource && op.method == method)
}
