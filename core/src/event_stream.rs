//! Server-sent events (`text/event-stream`) read as JSON, for the envelope: a response whose content type
//! says it is an event stream is decoded as the JSON array of its events, whatever the operation, so an
//! operation that may answer either JSON or a stream of events has one result type for both.
//!
//! Each event becomes an object: `{"event": <its event: field>, "data": <its data>, "id": <its id: field>}`
//! (keys without a value left out), with `data` parsed as JSON when it is JSON and kept as text otherwise.
//! An event without an `event:` field whose data is a JSON object with an `"event"` key is already an event
//! object: it is taken as it is (servers that put `{"event": .., "data": ..}` in the data line).

use http::HeaderMap;
use serde_json::{Map, Value};

/// Whether the response's content type is `text/event-stream` (parameters and case ignored).
pub(crate) fn is_event_stream(headers: &HeaderMap) -> bool {
    headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("text/event-stream"))
}

/// The events of a whole stream, in order, as a JSON array. Follows the WHATWG parsing rules (lines end
/// with CRLF, LF or CR; `:` starts a comment; one space after the field's colon is dropped; `data:` lines
/// are joined with newlines; a blank line ends an event); a last event without its blank line is kept.
pub(crate) fn to_json(body: &[u8]) -> Value {
    let text = String::from_utf8_lossy(body);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut events = Vec::new();
    let mut current = Pending::default();
    for line in lines(text) {
        if line.is_empty() {
            events.extend(current.take());
            continue;
        }
        if line.starts_with(':') {
            continue;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "event" => current.event = Some(value.to_owned()),
            "data" => current.data.get_or_insert_with(Vec::new).push(value.to_owned()),
            "id" => current.id = Some(value.to_owned()),
            _ => {} // `retry` and unknown fields
        }
    }
    events.extend(current.take());
    Value::Array(events)
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
        let line = &rest[..end];
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { usize::from(end < rest.len()) };
        rest = &rest[end + skip..];
        Some(line)
    })
}

#[derive(Default)]
struct Pending {
    event: Option<String>,
    data: Option<Vec<String>>,
    id: Option<String>,
}

impl Pending {
    /// The event so far, if it has anything, and a fresh one in its place.
    fn take(&mut self) -> Option<Value> {
        let Pending { event, data, id } = std::mem::take(self);
        if event.is_none() && data.is_none() {
            return None;
        }
        let data = data.map(|lines| {
            let text = lines.join("\n");
            serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text))
        });
        if let (None, Some(Value::Object(object))) = (&event, &data)
            && object.contains_key("event")
        {
            return data;
        }
        let mut object = Map::new();
        if let Some(event) = event {
            object.insert("event".into(), Value::String(event));
        }
        if let Some(data) = data {
            object.insert("data".into(), data);
        }
        if let Some(id) = id {
            object.insert("id".into(), Value::String(id));
        }
        Some(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn events_with_fields_json_data_text_data_and_comments() {
        let body = ": keep-alive\r\nevent: attempt\r\ndata: {\"message\":\"Starting API test...\"}\r\n\r\n\
                    event: log\ndata: line one\ndata: line two\nid: 7\nretry: 10\n\n\
                    data: {\"event\":\"result\",\"data\":{\"status\":200}}\n\n\
                    data:plain\rdata: 3\r\r\n\n\n";
        assert_eq!(
            to_json(body.as_bytes()),
            json!([
                {"event": "attempt", "data": {"message": "Starting API test..."}},
                {"event": "log", "data": "line one\nline two", "id": "7"},
                {"event": "result", "data": {"status": 200}},
                {"data": "plain\n3"},
            ])
        );
    }

    #[test]
    fn a_last_event_without_its_blank_line_is_kept_and_empty_streams_are_empty() {
        assert_eq!(to_json(b"event: done\ndata: {}"), json!([{"event": "done", "data": {}}]));
        assert_eq!(to_json(b""), json!([]));
        assert_eq!(to_json(b"\n\n: only a comment\n\n"), json!([]));
        assert_eq!(to_json(b"\xef\xbb\xbfevent: x\n\n"), json!([{"event": "x"}]));
    }

    #[test]
    fn the_content_type_decides() {
        let headers = |value: &str| {
            let mut map = HeaderMap::new();
            map.insert(http::header::CONTENT_TYPE, value.parse().unwrap());
            map
        };
        assert!(is_event_stream(&headers("text/event-stream")));
        assert!(is_event_stream(&headers("Text/Event-Stream; charset=utf-8")));
        assert!(!is_event_stream(&headers("application/json")));
        assert!(!is_event_stream(&HeaderMap::new()));
    }
}
