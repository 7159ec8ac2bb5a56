//! Checks made before any request is sent. Each returns an `invalid_argument` error naming the wire field.

use crate::error::{Error, Result};
use url::{Host, Url};

/// A request type's own checks. Required fields that are missing never get this far: deserializing the
/// arguments already fails for them.
pub trait Validate {
    fn validate(&self) -> Result<()>;
}

impl Validate for () {
    fn validate(&self) -> Result<()> {
        Ok(())
    }
}

/// E.164: `+`, then 7 to 15 digits, the first not 0.
pub fn e164(field: &str, value: &str) -> Result<()> {
    let digits = value.strip_prefix('+').ok_or_else(|| {
        Error::invalid_argument(field, format!("{value:?} is not an E.164 number: it must start with +"))
    })?;
    let well_formed =
        (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0');
    if well_formed {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            field,
            format!("{value:?} is not an E.164 number (+ then 7 to 15 digits, e.g. +966500000000)"),
        ))
    }
}

pub fn optional_e164(field: &str, value: Option<&str>) -> Result<()> {
    value.map_or(Ok(()), |v| e164(field, v))
}

/// Ids, labels and other strings that must hold something.
pub fn non_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() { Err(Error::invalid_argument(field, "must not be empty")) } else { Ok(()) }
}

pub fn optional_non_empty(field: &str, value: Option<&str>) -> Result<()> {
    value.map_or(Ok(()), |v| non_empty(field, v))
}

/// Webhook URLs must be https; plain http is accepted only for loopback hosts (local testing).
pub fn webhook_url(field: &str, value: &str) -> Result<()> {
    let url = Url::parse(value).map_err(|e| Error::invalid_argument(field, format!("{value:?} is not a URL: {e}")))?;
    match url.scheme() {
        "https" if url.host_str().is_some_and(|h| !h.is_empty()) => Ok(()),
        "http" if is_loopback_host(&url) => Ok(()),
        "http" => Err(Error::invalid_argument(
            field,
            "must use https (plain http is accepted only for loopback hosts such as 127.0.0.1)",
        )),
        _ => Err(Error::invalid_argument(field, format!("{value:?} is not an https URL"))),
    }
}

pub fn optional_webhook_url(field: &str, value: Option<&str>) -> Result<()> {
    value.map_or(Ok(()), |v| webhook_url(field, v))
}

/// A web page the server fetches (a knowledge-base URL): an absolute http or https URL with a host.
pub fn web_page_url(field: &str, value: &str) -> Result<()> {
    let url = Url::parse(value).map_err(|e| Error::invalid_argument(field, format!("{value:?} is not a URL: {e}")))?;
    if matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()) {
        Ok(())
    } else {
        Err(Error::invalid_argument(field, format!("{value:?} is not an http or https URL")))
    }
}

/// An inclusive range check for numbers.
pub fn in_range<T: PartialOrd + std::fmt::Display + Copy>(field: &str, value: Option<T>, min: T, max: T) -> Result<()> {
    match value {
        Some(v) if v < min || v > max => Err(Error::invalid_argument(field, format!("{v} is outside {min}..={max}"))),
        _ => Ok(()),
    }
}

/// The paging arguments of the `skip`/`take` lists: `skip` is a 1-based page number, `take` a page size
/// of at most 1000.
pub fn skip_take(skip: Option<u32>, take: Option<u32>) -> Result<()> {
    in_range("skip", skip, 1, u32::MAX)?;
    in_range("take", take, 1, 1000)
}

pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_numbers() {
        for ok in ["+9665000000", "+1234567890", "+9700000000", "+123456789012345"] {
            assert!(e164("n", ok).is_ok(), "{ok}");
        }
        for bad in ["", "+", "9665000000", "+0123456789", "+12345", "+1234567890123456", "+12 345 678", "+123abc4567"] {
            assert_eq!(e164("n", bad).unwrap_err().code(), "invalid_argument", "{bad}");
        }
    }

    #[test]
    fn webhook_urls() {
        assert!(webhook_url("w", "https://example.com/hook").is_ok());
        assert!(webhook_url("w", "http://127.0.0.1:8080/hook").is_ok());
        assert!(webhook_url("w", "http://localhost/hook").is_ok());
        assert!(webhook_url("w", "http://[::1]:9/hook").is_ok());
        assert!(webhook_url("w", "http://example.com/hook").is_err());
        assert!(webhook_url("w", "ftp://example.com").is_err());
        assert!(webhook_url("w", "not a url").is_err());
    }

    #[test]
    fn web_page_urls() {
        assert!(web_page_url("u", "https://example.com/faq").is_ok());
        assert!(web_page_url("u", "http://example.com/faq").is_ok());
        assert!(web_page_url("u", "example.com/faq").is_err());
        assert!(web_page_url("u", "ftp://example.com").is_err());
    }

    #[test]
    fn errors_name_the_field() {
        let error = non_empty("voiceAgentId", " ").unwrap_err();
        assert_eq!(error.field(), Some("voiceAgentId"));
        assert!(error.message().contains("voiceAgentId"));
    }
}
