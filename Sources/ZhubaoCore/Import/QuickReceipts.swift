/// Receipts read by the quick path and handed to the writing thread together: their leaves'
/// bytes in one buffer, so that no `String` is made (or freed) on the reading side.
struct QuickReceipts: Sendable {
    static let fields = ReceiptFields.names.count
    /// Position of the first receipt among the file's (from 1).
    let firstIndex: Int
    private(set) var bytes: [UInt8] = []
    /// Per receipt and field: where its text starts in `bytes` and ends, or -1 when absent.
    private var starts: [Int32] = [], ends: [Int32] = []
    private var lines: [Int32] = []
    /// Per receipt: the line its start tag ends on.
    private(set) var recordLines: [Int] = []
    private(set) var count = 0

    init(firstIndex: Int) {
        self.firstIndex = firstIndex
    }

    mutating func begin(line: Int) {
        recordLines.append(line)
        starts.append(contentsOf: repeatElement(-1, count: Self.fields))
        ends.append(contentsOf: repeatElement(-1, count: Self.fields))
        lines.append(contentsOf: repeatElement(0, count: Self.fields))
    }

    /// Adds text of the leaf being read.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
    }

    /// `body` on the text added since `start`.
    func text<T>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Forgets the text added since `start` (a header leaf's, kept elsewhere).
    mutating func truncate(to start: Int) {
        bytes.removeSubrange(start...)
    }

    /// The text added since `start` is field `field` of the receipt being read.
    mutating func set(_ field: Int, from start: Int, line: Int) {
        let slot = count * Self.fields + field
        starts[slot] = Int32(start)
        ends[slot] = Int32(bytes.count)
        lines[slot] = Int32(clamping: line)
    }

    mutating func end() { count += 1 }

    /// The bytes of field `field` (its raw value) of receipt `i` in `buffer` (`bytes`), or nil
    /// when it is absent.
    func field(_ i: Int, _ field: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let slot = i * Self.fields + field
        guard starts[slot] >= 0 else { return nil }
        return UnsafeBufferPointer(rebasing: buffer[Int(starts[slot])..<Int(ends[slot])])
    }

    /// Receipt `i` of the batch as the record checks read it.
    func values(_ i: Int) -> XMLFieldValues {
        var values: [String?] = [], fieldLines: [Int?] = []
        values.reserveCapacity(Self.fields)
        fieldLines.reserveCapacity(Self.fields)
        bytes.withUnsafeBufferPointer { buffer in
            for f in 0..<Self.fields {
                let text = field(i, f, in: buffer)
                values.append(text.map { String(decoding: $0, as: UTF8.self) })
                fieldLines.append(text.map { _ in Int(lines[i * Self.fields + f]) })
            }
        }
        return XMLFieldValues(labels: ReceiptFields.labels, values: values, lines: fieldLines)
    }
}
