import Foundation
import ZhubaoSystem

/// The quick path of the hardship importer: a line that holds no quote and passes every check
/// as it stands is checked on its bytes and written without making a `String` of it (a
/// million-row snapshot spends most of its time there otherwise). Anything else — the header,
/// a blank line, a quoted field, any fault, an invalid or lower-case-x ID number — is
/// declined and goes the ordinary way, which reports it; so the quick path only ever takes
/// lines the ordinary path would store unchanged, and stores them the same. Each value is
/// decided by `HardshipSpec` and the parsers the ordinary path uses.
final class HardshipQuickPath {
    let spec: HardshipSpec

    init(_ spec: HardshipSpec) {
        self.spec = spec
    }

    /// Adds the line to the chunk and returns true, or returns false and does nothing.
    func take(_ line: UnsafeBufferPointer<UInt8>, number: Int, into chunk: inout HardshipChunk.Builder) -> Bool {
        // A control character anywhere: the ordinary path reports it.
        guard ControlCharacters.firstIndex(in: line) == nil, spec.department != nil,
              let fields = Self.split(line) else { return false }
        let id = fields[0], name = fields[1], county = fields[3], reasonText = fields[6]
        guard IDNumber.isPlainValid(bytes: id), !name.isEmpty, let category = spec.category(named: fields[2]),
              HardshipSpec.isCounty(county), let certifiedOn = Day(spreadsheetBytes: fields[4]) else { return false }
        var endsOn: Day?
        if !fields[5].isEmpty {
            guard let day = Day(spreadsheetBytes: fields[5]) else { return false }
            endsOn = day
        }
        var reason: HardshipEndReason?
        if !reasonText.isEmpty {
            guard let known = HardshipEndReason(rawValue: String(decoding: reasonText, as: UTF8.self)) else { return false }
            reason = known
        }
        chunk.append(line: number, idNumber: id, idValid: true, name: name, category: category, county: county,
                     certifiedOn: certifiedOn, endsOn: endsOn, endReason: reason)
        return true
    }

    /// The line's seven comma-separated fields, or nil when it has another number of them. A
    /// local fixed-size value, not a stored array: the per-field appends to a property of this
    /// class cost a dynamic exclusivity check each (a tenth of the reading thread's time).
    private static func split(_ line: UnsafeBufferPointer<UInt8>) -> Fields? {
        var ends = (0, 0, 0, 0, 0, 0)
        var count = 0
        for i in 0..<line.count where line[i] == UInt8(ascii: ",") {
            guard count < HardshipSpec.header.count - 1 else { return nil }
            withUnsafeMutableBytes(of: &ends) { $0.storeBytes(of: i, toByteOffset: count * MemoryLayout<Int>.stride, as: Int.self) }
            count += 1
        }
        guard count == HardshipSpec.header.count - 1 else { return nil }
        return Fields(line: line, ends: ends)
    }

    /// The fields of one line, by index, as slices of the line (`HardshipSpec.header`'s seven).
    struct Fields {
        let line: UnsafeBufferPointer<UInt8>
        /// Where each of the first six fields ends (at its comma).
        let ends: (Int, Int, Int, Int, Int, Int)

        subscript(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            withUnsafeBytes(of: ends) { ends in
                let start = i == 0 ? 0 : ends.load(fromByteOffset: (i - 1) * MemoryLayout<Int>.stride, as: Int.self) + 1
                let end = i == 6 ? line.count : ends.load(fromByteOffset: i * MemoryLayout<Int>.stride, as: Int.self)
                return UnsafeBufferPointer(rebasing: line[start..<end])
            }
        }
    }
}
