// How typed models meet wire JSON: every model, open enum and scalar converts to and from JSONValue. The
// generated models (Generated/Models.swift) are written in terms of the reader and writer below.

/// A type with a wire-JSON form.
public protocol JSONConvertible: Sendable {
    init(json: JSONValue) throws
    var json: JSONValue { get }
}

extension JSONValue: JSONConvertible {
    public init(json: JSONValue) { self = json }
    public var json: JSONValue { self }
}

extension String: JSONConvertible {
    public init(json: JSONValue) throws {
        guard case .string(let value) = json else { throw HamsaError.decodeFailure("expected a string, got \(json)") }
        self = value
    }

    public var json: JSONValue { .string(self) }
}

extension Bool: JSONConvertible {
    public init(json: JSONValue) throws {
        guard case .bool(let value) = json else { throw HamsaError.decodeFailure("expected a boolean, got \(json)") }
        self = value
    }

    public var json: JSONValue { .bool(self) }
}

extension Int: JSONConvertible {
    public init(json: JSONValue) throws {
        switch json {
        case .int(let value) where Int(exactly: value) != nil: self = Int(value)
        case .double(let value) where Int(exactly: value) != nil: self = Int(value)
        default: throw HamsaError.decodeFailure("expected an integer, got \(json)")
        }
    }

    public var json: JSONValue { .int(Int64(self)) }
}

extension Double: JSONConvertible {
    public init(json: JSONValue) throws {
        guard let value = json.doubleValue else { throw HamsaError.decodeFailure("expected a number, got \(json)") }
        self = value
    }

    public var json: JSONValue { .double(self) }
}

extension Array: JSONConvertible where Element: JSONConvertible {
    public init(json: JSONValue) throws {
        guard case .array(let items) = json else { throw HamsaError.decodeFailure("expected an array, got \(json)") }
        self = try items.map(Element.init(json:))
    }

    public var json: JSONValue { .array(map(\.json)) }
}

/// Reads a JSON object's fields for a generated model's `init(json:)`.
public struct JSONObjectReader {
    let object: [String: JSONValue]
    let typeName: String

    public init(_ json: JSONValue, _ typeName: String) throws {
        guard case .object(let object) = json else {
            throw HamsaError.decodeFailure("\(typeName): expected an object, got \(json)")
        }
        self.object = object
        self.typeName = typeName
    }

    public func required<T: JSONConvertible>(_ key: String) throws -> T {
        guard let value = object[key], value != .null else {
            throw HamsaError.decodeFailure("\(typeName).\(key) is missing")
        }
        return try decode(key, value)
    }

    /// Absent and null are both nil: the SDK drops nulls.
    public func optional<T: JSONConvertible>(_ key: String) throws -> T? {
        guard let value = object[key], value != .null else { return nil }
        return try decode(key, value)
    }

    /// The fields no generated property holds.
    public func rest(known: Set<String>) -> [String: JSONValue] {
        object.filter { !known.contains($0.key) }
    }

    private func decode<T: JSONConvertible>(_ key: String, _ value: JSONValue) throws -> T {
        do {
            return try T(json: value)
        } catch let error as HamsaError {
            throw HamsaError.decodeFailure("\(typeName).\(key): \(error.info.message)")
        }
    }
}

/// Builds a JSON object for a generated model's `json`; nil fields are left out.
public struct JSONObjectWriter {
    private var object: [String: JSONValue]

    public init(extra: [String: JSONValue] = [:]) {
        object = extra
    }

    public mutating func set<T: JSONConvertible>(_ key: String, _ value: T?) {
        if let value { object[key] = value.json }
    }

    public var json: JSONValue { .object(object) }
}

/// Stands in for a secret in descriptions and mirrors.
enum Redacted: CustomStringConvertible, CustomDebugStringConvertible {
    case value

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }

    /// `Name(field: value, ...)` from a value's (redacting) custom mirror.
    static func describe<T: CustomReflectable>(_ value: T) -> String {
        let fields = value.customMirror.children.map { child in
            "\(child.label ?? "_"): \(String(reflecting: child.value))"
        }
        return "\(T.self)(\(fields.joined(separator: ", ")))"
    }
}
