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
    /// The fields of the line being looked at, reused line after line.
    private var fields: [UnsafeBufferPointer<UInt8>] = []

    init(_ spec: HardshipSpec) {
        self.spec = spec
    }

    /// Stores the line and returns true, or returns false and does nothing.
    func take(_ line: UnsafeBufferPointer<UInt8>, number: Int, into sink: inout some RecordSink) throws -> Bool {
        // A control character anywhere: the ordinary path reports it.
        guard ControlCharacters.firstIndex(in: line) == nil, let department = spec.department else { return false }
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for i in 0...line.count where i == line.count || line[i] == UInt8(ascii: ",") {
            guard fields.count < HardshipSpec.header.count else { return false }
            fields.append(UnsafeBufferPointer(rebasing: line[start..<i]))
            start = i + 1
        }
        guard fields.count == HardshipSpec.header.count else { return false }
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
        let fileId = sink.fileId
        try sink.insertRow(as: HardshipRowRecord.self) { row in
            HardshipRowRecord.bind(to: &row, fileId: fileId, line: number, department: department, idNumber: id,
                                   idValid: true, name: name, category: category, county: county,
                                   certifiedOn: certifiedOn, endsOn: endsOn, endReason: reason)
        }
        return true
    }
}
