// Auto-paging as an AsyncSequence: pages are fetched one at a time, as the caller iterates.

/// Every item of every page of a list; iterate with `for try await item in ...`.
public struct HamsaPages<Item: JSONConvertible>: AsyncSequence, Sendable {
    public typealias Element = Item

    let native: NativeClient
    let operation: String
    let arguments: JSONValue
    let options: RequestOptions

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: self)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let pages: HamsaPages
        // Made on the first `next()`, so that an invalid argument surfaces as a thrown error there.
        var pager: NativePager?
        var buffer: [Item] = []
        var finished = false

        public mutating func next() async throws -> Item? {
            while buffer.isEmpty {
                if finished { return nil }
                let pager = try self.pager ?? pages.native.pager(
                    operation: pages.operation, argsJson: pages.arguments.jsonText,
                    optionsJson: pages.options.json.jsonText)
                self.pager = pager
                guard let text = try await withCancelToken({ try await pager.nextPage(cancel: $0) }) else {
                    finished = true
                    return nil
                }
                let page = try JSONValue(parsing: text)
                // Reversed, so that taking the next item is a cheap removeLast().
                buffer = try [Item](json: page[pager.itemsField()] ?? []).reversed()
            }
            return buffer.removeLast()
        }
    }
}
